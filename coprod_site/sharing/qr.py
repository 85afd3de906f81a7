"""QR codes (SVG, encoded with zxing-cpp) that lead from paper back to a record's page.

Each meeting, decision and report page has one beside it at '<page>/qr.svg',
shown on the page and in print, so a printed summary or poster links home.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any
from xml.sax.saxutils import escape

import zxingcpp

from ..outputs import OutputFile, RebuildCache
from ..published import Published
from ..settings import Settings
from .links import Record, absolute_url, record_url

QR_FILE = "qr.svg"
SCALE = 4
"""Pixels per module in the viewBox; the page's CSS sets the printed size."""
BORDER = 4
"""The quiet zone, in modules: the four the QR standard asks for."""
_DARK_RUN = re.compile(rb"[^\x00]+")


def qr_records(site: Published) -> list[Record]:
    """The records whose pages carry a QR code."""
    return [*site.meetings_with_pages, *site.decisions, *site.reports]


def qr_path(record: Record) -> str:
    """'meetings/2025-03-14-x/qr.svg': the code sits beside the page it leads to."""
    return record_url(record) + QR_FILE


def build_qr_files(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """A QR code for every meeting, decision and report page (they need absolute URLs)."""
    if site.site_url is None:
        return
    QR_CACHE.new_build()
    for record in qr_records(site):
        yield OutputFile(qr_path(record), QR_CACHE.get(absolute_url(site, record_url(record))))


def qr_svg(url: str) -> bytes:
    """A QR code for `url`: black on white with a quiet zone, so it scans on any paper."""
    return svg_document(qr_matrix(url), f"QR code for {url}")


_DARK = bytes.maketrans(b"\x00\xff", b"\x01\x00")
"""zxing-cpp's image has black (0) and white (255) modules; the matrix has dark as non-zero."""


def qr_matrix(url: str) -> list[bytes]:
    """The code's modules, row by row, dark as non-zero bytes (error correction level M).

    zxing-cpp encodes in C++ and picks the best mask, in a fifth of the time the pure-Python
    segno took with a fixed mask (0.2 ms a code against 1.1 ms): a tenth of the whole build
    time of a big group, which has a code for every record.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    pixels: Any = code.to_image(scale=1, add_quiet_zones=False)  # a buffer, not typed as one
    image = memoryview(pixels)
    side = image.shape[0] if image.shape else 0
    modules = image.tobytes().translate(_DARK)
    return [modules[start:start + side] for start in range(0, side * side, side)]


def svg_document(matrix: Sequence[bytes | bytearray], title: str) -> bytes:
    """The SVG segno's writer makes for these options, byte for byte, in a third of the time.

    segno's writer handles every option and colour map generically (0.45 ms a code against 0.16 ms);
    this one only draws a white square and the dark runs.
    """
    side = len(matrix) + 2 * BORDER
    return (f'<?xml version="1.0" encoding="utf-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side * SCALE} {side * SCALE}">'
            f'<title>{escape(title)}</title><g transform="scale({SCALE})">'
            f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>'
            f'<path stroke="#000" d="{"".join(_strokes(matrix))}"/></g></svg>\n').encode()


def _strokes(matrix: Sequence[bytes | bytearray]) -> Iterator[str]:
    """Each row's dark runs as strokes through the middle of the row, each moving from the last.

    The first move is absolute ('M4 4.5'); later ones are relative to where the last stroke
    ended, so a run further along the same row moves by '0' rows and the next row by '1'.
    """
    last_x, last_row = 0, None
    for row_number, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(row):
            x = BORDER + run.start()
            if last_row is None:
                yield f"M{x} {BORDER + row_number + 0.5}h{run.end() - run.start()}"
            else:
                yield f"m{x - last_x} {row_number - last_row}h{run.end() - run.start()}"
            last_x, last_row = BORDER + run.end(), row_number


QR_CACHE: RebuildCache[str, bytes] = RebuildCache(qr_svg)
"""Each page's code by its URL: a code costs about 1 ms and a serve rebuild rarely changes a URL."""
