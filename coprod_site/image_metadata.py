"""Photos published without the details a phone or camera hides in them.

A photo taken on a phone carries where it was taken (GPS), when, on what, and
often who took it (the owner's name as 'Artist' or 'Copyright'); an editor can
add captions, keywords and comments. None of it shows on the page, and anyone
who saves the image can read all of it. The site gets each JPEG, PNG and WebP
without it: the picture itself is left byte for byte as it was (nothing is
re-encoded), only the blocks of metadata around it are dropped. What changes
how a picture looks is kept: its colour profile, and which way up it goes (a
phone's portrait photo is stored on its side with a note to turn it), written
again as the only field of a new EXIF block.

A file this reader does not understand is left as it is.
"""

from __future__ import annotations

import struct

JPEG_START = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_EXIF_HEADER = b"Exif\x00\x00"
_ICC_HEADER = b"ICC_PROFILE\x00"
_ORIENTATION = 0x0112

_KEPT_APP_SEGMENTS = {0xE0, 0xEE}
"""JPEG application segments that change how the picture is decoded: JFIF (APP0) and Adobe's
colour transform (APP14). APP2 is kept only for a colour profile; APP1 (EXIF, XMP), APP13
(IPTC captions), comments and every other application segment are dropped."""

_DROPPED_PNG_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
_DROPPED_WEBP_CHUNKS = {b"EXIF", b"XMP "}
_WEBP_METADATA_FLAGS = 0x08 | 0x04
"""The VP8X header's flags saying the file has EXIF and XMP chunks."""


def without_metadata(data: bytes) -> bytes:
    """The image without its hidden details (the same bytes where it has none, or is not a
    JPEG, PNG or WebP this reader understands)."""
    try:
        if data.startswith(JPEG_START):
            return _jpeg(data)
        if data.startswith(PNG_SIGNATURE):
            return _png(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp(data)
    except (struct.error, IndexError, ValueError):
        pass
    return data


def has_metadata(data: bytes) -> bool:
    """Whether publishing the image would leave anything out."""
    return without_metadata(data) != data


def _jpeg(data: bytes) -> bytes:
    kept = [JPEG_START]
    position = 2
    while position < len(data):
        if data[position] != 0xFF:
            raise ValueError("not at a marker")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9 or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length: EOI, RSTn, TEM
            kept.append(data[position:position + 2])
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        end = position + 2 + length
        if end > len(data) or length < 2:
            raise ValueError("a segment runs past the end")
        segment, body = data[position:end], data[position + 4:end]
        if marker == 0xDA:  # start of scan: the picture itself, to the end of the file
            kept.append(data[position:])
            break
        if marker == 0xE1 and body.startswith(_EXIF_HEADER):
            orientation = _exif_orientation(body[len(_EXIF_HEADER):])
            if orientation not in (None, 1):
                kept.append(_exif_with_only(orientation))
        elif not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker in _KEPT_APP_SEGMENTS or (
                marker == 0xE2 and body.startswith(_ICC_HEADER)):
            kept.append(segment)
        position = end
    return b"".join(kept)


def _exif_orientation(tiff: bytes) -> int | None:
    """The Orientation field (1 to 8) of an EXIF block's first directory, if it has one."""
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    (first,) = struct.unpack(order + "I", tiff[4:8])
    (count,) = struct.unpack(order + "H", tiff[first:first + 2])
    for index in range(count):
        entry = first + 2 + 12 * index
        tag, kind = struct.unpack(order + "HH", tiff[entry:entry + 4])
        if tag == _ORIENTATION and kind == 3:  # a SHORT
            (value,) = struct.unpack(order + "H", tiff[entry + 8:entry + 10])
            return value if 1 <= value <= 8 else None
    return None


def _exif_with_only(orientation: int) -> bytes:
    """An APP1 segment whose EXIF block holds the orientation and nothing else."""
    tiff = (b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
            + struct.pack(">HHIHH", _ORIENTATION, 3, 1, orientation, 0) + struct.pack(">I", 0))
    body = _EXIF_HEADER + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def _png(data: bytes) -> bytes:
    kept = [PNG_SIGNATURE]
    position = len(PNG_SIGNATURE)
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        end = position + 12 + length
        if end > len(data):
            raise ValueError("a chunk runs past the end")
        if kind not in _DROPPED_PNG_CHUNKS:
            kept.append(data[position:end])
        position = end
        if kind == b"IEND":
            break
    return b"".join(kept)


def _webp(data: bytes) -> bytes:
    chunks = []
    position = 12
    while position + 8 <= len(data):
        kind, length = struct.unpack("<4sI", data[position:position + 8])
        end = position + 8 + length + (length & 1)
        if end > len(data) + (length & 1):
            raise ValueError("a chunk runs past the end")
        chunk = data[position:end]
        if kind == b"VP8X":
            chunk = chunk[:8] + bytes([chunk[8] & ~_WEBP_METADATA_FLAGS & 0xFF]) + chunk[9:]
        if kind not in _DROPPED_WEBP_CHUNKS:
            chunks.append(chunk)
        position = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
