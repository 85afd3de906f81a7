"""Each picture in a page says how big it is, and those a reader may never scroll to wait.

A picture with no width or height leaves a slow phone to lay the text out without
it, and the text jumps down as each picture arrives, under the reader's eyes and
finger. And every picture would download as the page loads, also a photo at the
end of a long record that the reader never scrolls to.

So each picture of the site's own gets its size in pixels (as it is shown: a
phone's portrait photo, stored on its side with a note to turn it, is taller than
wide), which the theme scales to fit (Material's `max-width: 100%; height: auto`),
and every picture of a page's text but the first is loaded only as the reader comes
near it (`loading="lazy"`). Sizes a writer gave are kept, and so are pictures whose
size this reader does not know (SVG drawings, AVIF).
"""

from __future__ import annotations

import itertools
import re
import struct
from collections.abc import Mapping
from urllib.parse import unquote, urljoin, urlsplit

from .image_metadata import (
    EXIF_HEADER,
    GIF_SIGNATURES,
    JPEG_START,
    PNG_SIGNATURE,
    ImageNotCleaned,
    exif_orientation,
    jpeg_segments,
)
from .raw_html import opening_tags

Size = tuple[int, int]

_ARTICLE = re.compile(r"(<article\b.*?</article>)", re.DOTALL)
_IMG = opening_tags("img")
_NAMED = re.compile(r"\s([a-zA-Z-]+)=\"([^\"]*)\"")
_TURNED = frozenset({5, 6, 7, 8})
"""EXIF orientations that turn a photo a quarter turn: shown, it is as wide as it is stored tall."""


def picture_size(data: bytes) -> Size | None:
    """The width and height in pixels of a JPEG, PNG, GIF or WebP picture, as shown; None for
    any other file, or one that ends too soon."""
    try:
        if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR":
            return _as_size(struct.unpack(">II", data[16:24]))
        if data.startswith(GIF_SIGNATURES):
            return _as_size(struct.unpack("<HH", data[6:10]))
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp_size(data)
        if data.startswith(JPEG_START):
            return _jpeg_size(data)
    except (struct.error, IndexError, ValueError, ImageNotCleaned):  # a file that ends too soon
        return None
    return None


def _as_size(pair: tuple[int, ...]) -> Size | None:
    width, height = pair
    return (width, height) if width > 0 and height > 0 else None


def _webp_size(data: bytes) -> Size | None:
    kind = data[12:16]
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return _as_size((width & 0x3FFF, height & 0x3FFF))
    if kind == b"VP8L":
        (bits,) = struct.unpack("<I", data[21:25])
        return _as_size(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
    if kind == b"VP8X":
        return _as_size((int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1))
    return None


def _jpeg_size(data: bytes) -> Size | None:
    """From the frame header (SOFn), turned as the EXIF orientation says."""
    orientation = None
    for marker, body, _ in jpeg_segments(data):
        if marker == 0xE1 and body.startswith(EXIF_HEADER):
            orientation = exif_orientation(body[len(EXIF_HEADER):])
        elif 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", body[1:5])
            return _as_size((height, width) if orientation in _TURNED else (width, height))
    return None


def with_picture_sizes(page: str, page_url: str, sizes: Mapping[str, Size]) -> str:
    """The page, each picture of its article (its text) with the size in `sizes` of the site's
    file it shows (by its path in the site), and all but the first loaded lazily."""
    article = _ARTICLE.search(page)
    if article is None:
        return page
    pictures = itertools.count()
    sized = _IMG.sub(lambda tag: _sized_tag(tag.group(), page_url, sizes, lazy=next(pictures) > 0), article.group())
    return page[:article.start()] + sized + page[article.end():]


def _sized_tag(tag: str, page_url: str, sizes: Mapping[str, Size], *, lazy: bool) -> str:
    attributes = dict(_NAMED.findall(tag))
    if "width" in attributes or "height" in attributes or "src" not in attributes:
        return tag  # a size of the writer's own, or a picture of the theme's
    size = sizes.get(_site_path(attributes["src"], page_url))
    if size is None:
        return tag
    added = f' width="{size[0]}" height="{size[1]}"'
    if lazy and "loading" not in attributes:
        added += ' loading="lazy"'
    end = -2 if tag.endswith("/>") else -1
    return tag[:end].rstrip() + added + tag[end:]


def _site_path(src: str, page_url: str) -> str:
    """'assets/map.png' for the src '../../assets/map.png' on the page 'meetings/one/'."""
    address = urlsplit(urljoin("/" + page_url, src))
    return "" if address.scheme or address.netloc else unquote(address.path).lstrip("/")
