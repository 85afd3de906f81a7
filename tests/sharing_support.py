"""Helpers for the sharing tests: reading a built site's published files, and QR decoding."""

from __future__ import annotations

import re
from pathlib import Path

SITE_URL = "https://example.org/test/"

TEXT_OUTPUTS = ("*.atom.xml", "*.ics", "*.csv", "*.json")
"""Every feed, calendar, data file, schema and the search index."""


def published_outputs(site: Path) -> list[Path]:
    """Every feed, calendar, export, schema and the search index of a built site."""
    found = {path for pattern in TEXT_OUTPUTS for path in site.rglob(pattern)}
    return sorted(found)


def site_file_for(site: Path, url: str) -> Path:
    """The file a site URL (absolute under SITE_URL, or site-relative) is served from."""
    path = url.removeprefix(SITE_URL).split("#")[0]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


_PATH_TOKEN = re.compile(r"([MmHh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?")


def qr_modules(svg: str) -> tuple[int, list[tuple[int, int, int]]]:
    """Read segno's SVG back into its size and dark runs (x, y, length), in modules.

    segno draws each row of dark modules as horizontal strokes ('M4 4.5h7m1 0h2...'),
    so this small reader is enough to turn the published file back into an image.
    """
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))  # type: ignore[union-attr]
    scale = int(re.search(r"scale\((\d+)\)", svg).group(1))  # type: ignore[union-attr]
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
    x = y = 0.0
    runs = []
    for command, first, second in _PATH_TOKEN.findall(path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            runs.append((int(x), int(y - 0.5), int(float(first))))
            x += float(first)
    return size // scale, runs


def decode_qr_svg(svg: str) -> list[str]:
    """The texts a maintained decoder (zxing-cpp) reads from a published QR code SVG."""
    import zxingcpp
    from PIL import Image, ImageDraw

    modules, runs = qr_modules(svg)
    pixels = 8
    image = Image.new("L", (modules * pixels, modules * pixels), 255)
    draw = ImageDraw.Draw(image)
    for x, y, length in runs:
        draw.rectangle([x * pixels, y * pixels, (x + length) * pixels - 1, (y + 1) * pixels - 1], fill=0)
    return [result.text for result in zxingcpp.read_barcodes(image)]


def decode_qr_png(png: bytes) -> list[str]:
    """The texts zxing-cpp reads from a screenshot."""
    import io

    import zxingcpp
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
