"""Pictures published without the details a phone, camera or drawing program hides in them.

A photo taken on a phone carries where it was taken (GPS), when, on what, and
often who took it (the owner's name as 'Artist' or 'Copyright'); an editor can
add captions, keywords and comments. None of it shows on the page, and anyone
who saves the image can read all of it. It can hide in more places than the
blocks at the start: a phone's "motion photo" has a video after the picture,
and a camera's two-picture file (MPO) a second photo, each with its own EXIF.

So the site gets each picture as a list of only the parts that draw it, read
part by part, and nothing else: the pixels are left byte for byte as they were
(nothing is re-encoded), everything else is dropped, and so is everything
after the end of the first picture. Colour profiles are dropped too: a profile
names the program or person that made it, and without one a browser shows the
colours as standard (sRGB), a little less vivid for some phone photos. Which
way up a photo goes is kept (a phone's portrait photo is stored on its side with
a note to turn it), written again as the only field of a new EXIF block.

An SVG drawing is a text document: its comments, <metadata> and the drawing
program's own notes (Inkscape's record of the file's name and the folder it was
exported to) are dropped, and with them anything that would run code or fetch
from another website: a script, an address, a style that loads a file (a style
may use only the drawing's own parts, as in url(#gradient)). Its <title> and
<desc> stay: they are its alt text.

A picture this reader cannot take apart with certainty is never published as it
is: `ImageNotCleaned` says why, and the site leaves it out.
"""

from __future__ import annotations

import posixpath
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

JPEG_START = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GIF_SIGNATURES = (b"GIF87a", b"GIF89a")


class ImageNotCleaned(Exception):
    """A picture whose hidden details cannot be taken out: the reason, in a few plain words."""


def without_metadata(data: bytes, name: str) -> bytes:
    """The picture `name` as published: without its hidden details (the same bytes where it has
    none). Raises ImageNotCleaned for a picture this reader cannot take apart."""
    try:
        return _cleaned(data, name)
    except (struct.error, IndexError, ValueError) as exc:  # a length or marker past the end
        raise ImageNotCleaned("it ends before the picture does") from exc


def _cleaned(data: bytes, name: str) -> bytes:
    if data.startswith(JPEG_START):
        return _jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    if data.startswith(GIF_SIGNATURES):
        return _gif(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[4:8] == b"ftyp":
        return _avif(data)
    if posixpath.splitext(name)[1].lower() == ".svg":
        return _svg(data)
    raise ImageNotCleaned("it is not a JPEG, PNG, GIF, WebP, AVIF or SVG picture")


# JPEG

EXIF_HEADER = b"Exif\x00\x00"
_ORIENTATION = 0x0112
_JPEG_DECODING = frozenset(range(0xC0, 0xD0)) - {0xC8} | {0xDB, 0xDC, 0xDD, 0xDE, 0xDF}
"""The segments a decoder needs: frame headers (SOFn), Huffman and arithmetic tables, quantisation
tables, restart interval, line count and the hierarchical ones. Numbers, never words."""
_START_OF_SCAN, _END_OF_IMAGE = 0xDA, 0xD9


def _jpeg(data: bytes) -> bytes:
    """The first picture, up to its end-of-image marker: each scan's coded pixels and the segments
    that decode them, plus a JFIF or Adobe header and the orientation, rewritten bare."""
    kept = [JPEG_START]
    for marker, body, scan in jpeg_segments(data):
        if marker == _END_OF_IMAGE:
            return b"".join([*kept, b"\xff\xd9"])
        if marker == 0xD8:
            raise ImageNotCleaned("it holds a second picture inside the first")
        kept += (_jpeg_segment(marker, body), scan)
    raise ImageNotCleaned("it ends before the picture does")


def jpeg_segments(data: bytes) -> Iterator[tuple[int, bytes, bytes]]:
    """Each marker of a JPEG after its start, up to its end of image or a second start: the marker,
    its segment's body and, after a start of scan, the scan's coded pixels (b'' for others). Raises
    ImageNotCleaned for a segment longer than the file, ValueError for a file with no end."""
    position = 2
    while True:
        position = _next_marker(data, position)
        marker = data[position + 1]
        if marker in (_END_OF_IMAGE, 0xD8):
            yield marker, b"", b""
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length, nothing to keep outside a scan
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        end = position + 2 + length
        if end > len(data) or length < 2:
            raise ImageNotCleaned("it ends before the picture does")
        scan_end = _end_of_scan(data, end) if marker == _START_OF_SCAN else end
        yield marker, data[position + 4:end], data[end:scan_end]
        position = scan_end


def _next_marker(data: bytes, position: int) -> int:
    """Where the next marker starts: past fill bytes (0xFF) and, as decoders do, past stray
    bytes between segments (which are dropped)."""
    while True:
        position = data.index(b"\xff", position)  # ValueError: no end-of-image marker
        while data[position + 1] == 0xFF:
            position += 1
        if data[position + 1] != 0x00:
            return position
        position += 2


def _end_of_scan(data: bytes, position: int) -> int:
    """Where a scan's coded pixels end: at the first marker that is not a stuffed 0xFF (FF00), a
    restart marker (RST0 to RST7) or a fill byte."""
    while True:
        position = data.index(b"\xff", position)
        following = data[position + 1]
        if following == 0xFF:
            position += 1
        elif following == 0x00 or 0xD0 <= following <= 0xD7:
            position += 2
        else:
            return position


def _jpeg_segment(marker: int, body: bytes) -> bytes:
    """The segment as published: b'' when it is dropped."""
    if marker in _JPEG_DECODING or marker == _START_OF_SCAN:
        if not _is_well_formed(marker, body):
            raise ImageNotCleaned("part of it is damaged")
        return _segment(marker, body)
    if marker == 0xE0 and body.startswith(b"JFIF\x00") and len(body) >= 14:
        return _segment(marker, body[:12] + b"\x00\x00")  # no thumbnail (it can show what was cropped out)
    if marker == 0xEE and body.startswith(b"Adobe") and len(body) >= 12:
        return _segment(marker, body[:12])  # the colour transform: a CMYK photo's colours
    if marker == 0xE1 and body.startswith(EXIF_HEADER):
        orientation = exif_orientation(body[len(EXIF_HEADER):])
        return b"" if orientation in (None, 1) else _exif_with_only(orientation)
    return b""


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def _is_well_formed(marker: int, body: bytes) -> bool:
    """Whether a decoding segment is the length its own counts say: a guard against reading a
    block of hidden details as one, after stray bytes."""
    if marker == 0xDB:  # quantisation tables: 64 values of 1 or 2 bytes each
        return _table_lengths(body, lambda at: 1 + 64 * (1 + (body[at] >> 4)))
    if marker == 0xC4:  # Huffman tables: 16 counts, then that many values
        return _table_lengths(body, lambda at: 17 + sum(body[at + 1:at + 17]))
    if marker == _START_OF_SCAN:
        return len(body) == 4 + 2 * body[0]
    if marker == 0xDD:
        return len(body) == 2
    if 0xC0 <= marker <= 0xCF and marker != 0xCC:
        return len(body) == 6 + 3 * body[5]
    return True


def _table_lengths(body: bytes, table_length: Callable[[int], int]) -> bool:
    position = 0
    while position < len(body):
        position += table_length(position)
    return position == len(body) > 0


def exif_orientation(tiff: bytes) -> int | None:
    """The Orientation field (1 to 8) of an EXIF block's first directory, if it has one (a
    damaged block is dropped whole, with no orientation, not the photo with it)."""
    try:
        return _orientation_field(tiff)
    except struct.error:
        return None


def _orientation_field(tiff: bytes) -> int | None:
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
    return _segment(0xE1, EXIF_HEADER + tiff)


# PNG

_KEPT_PNG_CHUNKS = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
                              b"sBIT", b"pHYs", b"cICP", b"acTL", b"fcTL", b"fdAT"})
"""The chunks that draw the picture (with an animated PNG's frames): numbers, never words.
Text, EXIF, colour profiles (iCCP names who made it), times and content credentials (caBX)
are dropped, as is any chunk this list does not know."""


def _png(data: bytes) -> bytes:
    kept = [PNG_SIGNATURE]
    position = len(PNG_SIGNATURE)
    while True:
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        end = position + 12 + length
        if end > len(data):
            raise ImageNotCleaned("it ends before the picture does")
        if not kind.isalpha():
            raise ImageNotCleaned("part of it is damaged")
        if kind in _KEPT_PNG_CHUNKS:
            kept.append(data[position:end])
        if kind == b"IEND":
            return b"".join(kept)
        position = end


# GIF

_GIF_LOOP_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")
_GIF_TRAILER, _GIF_IMAGE, _GIF_EXTENSION = 0x3B, 0x2C, 0x21
_GIF_FRAME_CONTROL, _GIF_APPLICATION = 0xF9, 0xFF


def _gif(data: bytes) -> bytes:
    """The frames, their timing and how often the animation loops: comments, XMP and every
    other extension are dropped, and so is anything after the end of the file's pictures."""
    position = 13 + _colour_table_length(data[10])
    kept = [data[:position]]
    while True:
        block = data[position]
        if block == _GIF_TRAILER:
            return b"".join([*kept, b"\x3b"])
        if block == _GIF_IMAGE:
            start = position
            position += 10 + _colour_table_length(data[position + 9]) + 1  # and the code size
            position = _after_sub_blocks(data, position)
            kept.append(data[start:position])
        elif block == _GIF_EXTENSION:
            label, end = data[position + 1], _after_sub_blocks(data, position + 2)
            kept.append(_gif_extension(label, data[position:end]))
            position = end
        else:
            raise ImageNotCleaned("part of it is damaged")


def _colour_table_length(flags: int) -> int:
    return 3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0


def _after_sub_blocks(data: bytes, position: int) -> int:
    while data[position]:
        position += 1 + data[position]
    return position + 1


def _gif_extension(label: int, extension: bytes) -> bytes:
    if label == _GIF_FRAME_CONTROL and extension[2] == 4:  # a frame's delay and transparency
        return extension[:7] + b"\x00"
    if label == _GIF_APPLICATION and extension[3:14] in _GIF_LOOP_APPLICATIONS:  # only the loop count
        return extension[:18] + b"\x00" if extension[14:16] == b"\x03\x01" else b""
    return b""


# WebP

_KEPT_WEBP_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"})
_WEBP_DROPPED_FLAGS = 0x20 | 0x08 | 0x04
"""The VP8X header's flags saying the file has a colour profile, EXIF and XMP."""


def _webp(data: bytes) -> bytes:
    (size,) = struct.unpack("<I", data[4:8])
    if 8 + size > len(data):
        raise ImageNotCleaned("it ends before the picture does")
    chunks = []
    position = 12
    while position < 8 + size:
        kind, length = struct.unpack("<4sI", data[position:position + 8])
        end = position + 8 + length + (length & 1)
        if end > 8 + size + (length & 1):
            raise ImageNotCleaned("it ends before the picture does")
        chunk = data[position:end]
        if kind == b"VP8X":
            chunk = chunk[:8] + bytes([chunk[8] & ~_WEBP_DROPPED_FLAGS & 0xFF]) + chunk[9:]
        if kind in _KEPT_WEBP_CHUNKS:
            chunks.append(chunk)
        position = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# AVIF

_AVIF_BOXES = frozenset({b"ftyp", b"meta", b"mdat", b"free", b"skip"})
_AVIF_METADATA_ITEMS = frozenset({b"Exif", b"mime", b"uri "})


def _avif(data: bytes) -> bytes:
    """An AVIF picture as it is, if it holds no EXIF or XMP: they are items whose places in the
    file other parts point to, so they cannot be taken out without rewriting the file."""
    for kind, body in _boxes(data, 0, len(data)):
        if kind not in _AVIF_BOXES:
            raise ImageNotCleaned("it is an AVIF picture with parts this program does not know")
        if kind == b"meta" and _AVIF_METADATA_ITEMS & set(_item_types(body[4:])):
            raise ImageNotCleaned("it is an AVIF picture that holds hidden details")
    return data


def _boxes(data: bytes, position: int, end: int) -> Iterator[tuple[bytes, bytes]]:
    while position < end:
        size, kind = struct.unpack(">I4s", data[position:position + 8])
        if size < 8 or position + size > end:
            raise ImageNotCleaned("part of it is damaged")
        yield kind, data[position + 8:position + size]
        position += size


def _item_types(meta: bytes) -> Iterator[bytes]:
    for kind, body in _boxes(meta, 0, len(meta)):
        if kind == b"iinf":
            start = 8 if body[0] else 6  # version, flags and a 16 or 32 bit count
            for entry_kind, entry in _boxes(body, start, len(body)):
                if entry_kind == b"infe" and entry[0] >= 2:
                    yield entry[10:14] if entry[0] == 3 else entry[8:12]  # after a 32 or 16 bit id


# SVG

_SVG = "http://www.w3.org/2000/svg"
_KEPT_ATTRIBUTE_NAMESPACES = ("", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/1999/xlink")
"""An SVG's own attributes, xml:space and xml:lang, and xlink:href: never a drawing program's."""
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
"""An address with a scheme (http:, javascript:, data:) or another host (//host, or \\\\host,
which browsers read the same way): not a part of the image."""
_LEFT_OUT_OF_ADDRESSES = re.compile(r"[\t\n\r]")
"""What browsers take out of an address before reading it: 'ht&#9;tps:' is 'https:' (and spaces
and control characters around it)."""
_AROUND_ADDRESSES = "".join(map(chr, range(0x21)))
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-f]{1,6})(?:\r\n|[ \t\r\n\f])?|(\r\n|[\r\n\f])|(.))",
                         re.IGNORECASE | re.DOTALL)
_CSS_COMMENT_MARK = re.compile(r"/\*|\*/")
_CSS_FETCH = re.compile(r"""(?:@import|(?:image(?:-set)?|src|cross-fade)\s*\(|url\s*\((?![ \t\r\n\f]*['"]?#))"""
                        r"[^)};]{0,60}\)?", re.IGNORECASE)
"""What in a style loads a file (and the words after it, to show): @import, image-set("x.png" 1x)
and the like, and url() unless it names a part of the drawing itself (url(#shade): a chart's
gradient, an icon's mask)."""


class _SvgReader(ElementTree.TreeBuilder):
    """The drawing's elements, noting whether it had comments, processing instructions or a
    document type, which the tree leaves out."""

    def __init__(self) -> None:
        super().__init__()
        self.left_out = False

    def comment(self, text: str) -> None:  # type: ignore[override]
        self.left_out = True

    def pi(self, target: str, text: str | None = None) -> None:  # type: ignore[override]
        self.left_out = True

    def doctype(self, name: str, pubid: str, system: str) -> None:
        self.left_out = True


@dataclass(frozen=True)
class Drawing:
    """An SVG image, read once for `coprod check`."""

    active: list[str]
    """What in it would run code or fetch from another website, in a few words each."""
    published: bytes
    """The drawing as the site publishes it: without those, nor its hidden details."""


def read_drawing(data: bytes) -> Drawing:
    """The SVG image `data` (ImageNotCleaned if it is not well-formed XML)."""
    root, left_out = _read_svg(data)
    active = sorted({what for element in root.iter() for what in _active_parts(element)})
    return Drawing(active, _published_svg(data, root, left_out))


def _read_svg(data: bytes) -> tuple[ElementTree.Element, bool]:
    """The drawing, and whether reading it left out comments or instructions; ImageNotCleaned
    if it is not well-formed XML."""
    reader = _SvgReader()
    parser = ElementTree.XMLParser(target=reader)
    try:
        parser.feed(data)
        return parser.close(), reader.left_out
    except (ElementTree.ParseError, LookupError) as exc:  # LookupError: an encoding Python lacks
        raise ImageNotCleaned("it cannot be read as an SVG image") from exc


def _svg(data: bytes) -> bytes:
    return _published_svg(data, *_read_svg(data))


def _published_svg(data: bytes, root: ElementTree.Element, left_out: bool) -> bytes:
    """The drawing without its hidden and active parts (`data` itself if it has none); `root` is
    changed to match."""
    namespace = _namespace(root.tag)
    if not _clean_element(root, namespace) and not left_out:
        return data
    return _svg_markup(root, namespace)


def _svg_markup(root: ElementTree.Element, namespace: str) -> bytes:
    """The drawing written out with its elements unprefixed, as drawing programs write them
    (ElementTree would prefix every one with 'ns0:'). Only the SVG's own elements are left."""
    for element in root.iter():
        element.tag = _local(element.tag)
    if namespace:
        root.set("xmlns", namespace)
    published: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return published


def _clean_element(element: ElementTree.Element, namespace: str) -> bool:
    """Drop the element's hidden and active parts, and its children's; whether any were found."""
    dropped = [name for name in element.attrib if _is_dropped_attribute(element, name)]
    for name in dropped:
        del element.attrib[name]
    found = bool(dropped)
    for child in list(element):
        if _is_dropped_element(child, namespace):
            _remove_keeping_text(element, child)
            found = True
        else:
            found = _clean_element(child, namespace) or found
    return found


def _is_dropped_element(element: ElementTree.Element, namespace: str) -> bool:
    """A drawing program's own element (sodipodi:namedview), <metadata>, or one that runs code."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return (_namespace(tag) != namespace or _local(tag) == "metadata"
            or any(True for _ in _active_parts(element, attributes=False)))


def _is_dropped_attribute(element: ElementTree.Element, name: str) -> bool:
    if _namespace(name) not in _KEPT_ATTRIBUTE_NAMESPACES:
        return True  # sodipodi:docname, inkscape:export-filename
    return _active_attribute(_local(element.tag), name, element.attrib[name]) is not None


def _remove_keeping_text(parent: ElementTree.Element, child: ElementTree.Element) -> None:
    """Remove `child`, keeping the words after it (its tail), which are its parent's."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _active_parts(element: ElementTree.Element, attributes: bool = True) -> Iterator[str]:
    """What in the element would run code or fetch from another website, in a few words: an
    image on a page does neither, but an SVG opened on its own does."""
    name = _local(element.tag) if isinstance(element.tag, str) else ""
    if name.lower() in ("script", "foreignobject", "iframe"):
        yield f"a <{name}> element"
    if name.lower() == "style":
        fetched = _style_fetches("".join(element.itertext()))
        if fetched is not None:
            yield f"a style that loads '{fetched}'"
    if name.lower() in ("set", "animate") and element.get("attributeName", "").strip().rpartition(":")[2] == "href":
        values = [*(element.get(given, "") for given in ("from", "to", "by")), *element.get("values", "").split(";")]
        for address in map(_address, values):
            if _EXTERNAL.match(address):
                yield f"a link to '{address[:60]}'"  # given to the element the animation changes
    for attribute, value in element.attrib.items() if attributes else ():
        found = _active_attribute(name, attribute, value)
        if found is not None:
            yield found


def _active_attribute(element: str, attribute: str, value: str) -> str | None:
    local = _local(attribute).lower()
    if local.startswith("on"):
        return f"an event handler ({local})"
    if local == "href":
        address = _address(value)
        if _EXTERNAL.match(address) and (element.lower() != "a" or address.lower().startswith("javascript:")):
            return f"a link to '{address[:60]}'"  # fetched (an <a> to another page is only followed)
        return None
    fetched = _style_fetches(value)  # style="...", and fill="url(...)" and the like, read as styles
    return None if fetched is None else f"a style that loads '{fetched}'"


def _address(value: str) -> str:
    """An address as a browser reads it."""
    return _LEFT_OUT_OF_ADDRESSES.sub("", value).strip(_AROUND_ADDRESSES)


def _style_fetches(css: str) -> str | None:
    """The start of what in a style would load a file, if anything would. The style is read as
    a browser reads it (escapes such as u\\72l( are 'url(', in capitals or not), and read again
    with comments' marks taken out: anything a comment could hide is found, and more."""
    if "(" not in css and "@" not in css and "\\" not in css:
        return None  # a shape's path, a number: the quick answer
    css = _CSS_ESCAPE.sub(_css_unescaped, css)
    for read in (css, _CSS_COMMENT_MARK.sub("", css)):
        found = _CSS_FETCH.search(read)
        if found is not None:
            return found[0].strip()
    return None


def _css_unescaped(escape: re.Match[str]) -> str:
    code, line_break, character = escape.groups()
    if code is not None:
        number = int(code, 16)
        return chr(number) if 0 < number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF else "\ufffd"
    return "" if line_break is not None else character


def _namespace(name: str) -> str:
    return name[1:].partition("}")[0] if name.startswith("{") else ""


def _local(name: str) -> str:
    return name.rpartition("}")[2]
