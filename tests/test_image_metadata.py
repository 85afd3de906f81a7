"""Images as published: photos without the hidden details phones and cameras put in them, drawings
without what drawing programs note in them, no SVG image that runs code or fetches from elsewhere,
and no picture published that could not be cleaned.

Images are made with Pillow, with their hidden details where phones, cameras and
editors put them, and read back with Pillow, as any visitor who saves a photo
could read them.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import mkdocs_build
from groups import FILES, write_files
from PIL import Image, ImageSequence, PngImagePlugin, features
from support.browser import (
    browser_available,
    chromium_browser,
    open_page,
    page_requests_leaving_origin,
    require,
    serve_directory,
)

from coprod_site.checks import check_folder
from coprod_site.checks.images import DRAWING_DETAILS
from coprod_site.image_metadata import ImageNotCleaned, without_metadata

ARTIST, COPYRIGHT, DESCRIPTION, GPS_IFD, ORIENTATION = 0x013B, 0x8298, 0x010E, 0x8825, 0x0112
PRIVATE = [b"Fatima", b"07700", b"fatima@example.org", b"943 476 5919"]


def picture(width: int = 48, height: int = 32, shift: int = 0) -> Image.Image:
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 5 + shift) % 256, y * 7 % 256, (x + y) * 3 % 256)
                   for y in range(height) for x in range(width)])
    return image


def camera_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ARTIST], exif[COPYRIGHT] = "Fatima Rahman", "fatima@example.org"
    exif[DESCRIPTION], exif[ORIENTATION] = "Call 07700 900123", orientation
    exif[GPS_IFD] = {1: "N", 2: (53.0, 28.0, 0.0), 3: "W", 4: (2.0, 14.0, 0.0)}
    return exif


def saved(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def secrets_in(data: bytes) -> list[bytes]:
    return [secret for secret in PRIVATE if secret in data]


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


def test_an_svg_that_runs_code_or_fetches_from_elsewhere_is_a_problem(tmp_path: Path) -> None:
    drawings = {
        "plain.svg": SVG.format('<defs><linearGradient id="g"/></defs><use href="#g"/>'
                                '<a href="https://www.nhs.uk/"><rect width="5" height="5"/></a>'),
        "script.svg": SVG.format("<script>alert(1)</script>"),
        "handler.svg": SVG.format('<rect width="5" height="5" onclick="steal()"/>'),
        "tracker.svg": SVG.format('<image xlink:href="https://tracker.example/pixel.png"/>'),
        "link.svg": SVG.format('<a href="javascript:alert(1)"><text>Go</text></a>'),
        "broken.svg": "<svg><unclosed></svg>",
        "chart.svg": SVG.format('<defs><linearGradient id="g"/></defs><style>.bar { fill: url(#g) }</style>'
                                '<rect class="bar" width="5" height="5" style="stroke: url(#g)"/>'),
        "styled.svg": SVG.format('<style>rect { fill: url("https://tracker.example/pixel.png") }</style>'),
        "animated.svg": SVG.format('<image><set attributeName="href" to="ht&#9;tps://tracker.example/pixel.png"/>'
                                   '</image>'),
    }
    root = write_files(tmp_path, {**FILES, **{f"content/assets/{name}": text for name, text in drawings.items()}})
    _, _, problems = check_folder(root)
    assert sorted((p.path.rpartition("/")[2], p.message) for p in problems if p.path.endswith(".svg")) == [
        ("animated.svg", ("has a link to 'https://tracker.example/pixel.png'. An image on the site must not run "
                         "code or fetch anything from other websites: remove them, or save the image as a PNG.")),
        ("broken.svg", "cannot be read as an SVG image. Save it again from the program that made it, or as a PNG."),
        ("handler.svg", ("has an event handler (onclick). An image on the site must not run code or fetch "
                        "anything from other websites: remove them, or save the image as a PNG.")),
        ("link.svg", ("has a link to 'javascript:alert(1)'. An image on the site must not run code or fetch "
                     "anything from other websites: remove them, or save the image as a PNG.")),
        ("script.svg", ("has a <script> element. An image on the site must not run code or fetch anything from "
                       "other websites: remove them, or save the image as a PNG.")),
        ("styled.svg", ("has a style that loads 'url(\"https://tracker.example/pixel.png\")'. An image on the "
                       "site must not run code or fetch anything from other websites: remove them, or save the "
                       "image as a PNG.")),
        ("tracker.svg", ("has a link to 'https://tracker.example/pixel.png'. An image on the site must not run "
                        "code or fetch anything from other websites: remove them, or save the image as a PNG.")),
    ]
    assert all(p.is_error for p in problems if p.path.endswith(".svg"))


def test_a_photo_too_heavy_for_an_old_phone_is_a_warning(tmp_path: Path) -> None:
    """A photo straight from a phone makes a page slow and dear on a small data plan."""
    noise = Image.frombytes("RGB", (800, 800), random.Random(7).randbytes(800 * 800 * 3))
    root = write_files(tmp_path, FILES)
    (root / "content" / "assets").mkdir(exist_ok=True)
    saved_as = {"straight-from-the-phone.png": saved(noise, "PNG"),
                "resized.png": saved(noise.resize((200, 200)), "PNG")}
    for name, data in saved_as.items():
        (root / "content" / "assets" / name).write_bytes(data)
    _, _, problems = check_folder(root)
    heavy = [p for p in problems if p.path.startswith("content/assets/")]
    size = len(saved_as["straight-from-the-phone.png"]) / 1_000_000
    assert [(p.path, p.severity) for p in heavy] == [("content/assets/straight-from-the-phone.png", "warning")]
    assert heavy[0].message.startswith(f"is {size:.1f} MB, so on an old phone or a small data plan the page is slow")


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def phone_photo(image: Image.Image | None = None, **options: object) -> bytes:
    """A JPEG as a phone and a photo editor leave it: EXIF with GPS, XMP, a comment, a colour
    profile naming its maker, and a JFIF thumbnail (which can show what was cropped out)."""
    jpeg = saved(image or picture(), "JPEG", exif=camera_exif(), xmp=b"<x:xmpmeta>Fatima Rahman</x:xmpmeta>",
                 comment=b"taken by Fatima", icc_profile=b"Fatima Rahman's screen", quality=90, **options)
    jfif = jpeg[2:4 + struct.unpack(">H", jpeg[4:6])[0]]
    thumbnail = segment(0xE0, jfif[4:16] + b"\x02\x01" + b"Fatima")  # 2 by 1 pixels
    return jpeg.replace(jfif, thumbnail, 1)


def test_a_phone_photo_loses_location_owner_and_comments_but_keeps_its_pixels_and_which_way_up() -> None:
    original = phone_photo()
    published = without_metadata(original, "photo.jpg")
    assert without_metadata(published, "photo.jpg") == published  # nothing left to take out
    assert secrets_in(original) == PRIVATE[:3] and secrets_in(published) == []
    assert dict(opened(published).getexif()) == {ORIENTATION: 6}  # a portrait photo stays upright
    assert opened(published).tobytes() == opened(original).tobytes()
    assert "icc_profile" not in opened(published).info and "xmp" not in opened(published).info


def test_a_photo_held_the_right_way_up_keeps_no_exif_at_all() -> None:
    published = without_metadata(saved(picture(), "JPEG", exif=camera_exif(orientation=1)), "photo.jpg")
    assert dict(opened(published).getexif()) == {}


def test_only_the_first_picture_of_a_two_picture_photo_is_published() -> None:
    original = saved(picture(), "MPO", save_all=True, append_images=[picture(shift=90)], exif=camera_exif())
    assert opened(original).n_frames == 2 and original.count(b"Fatima") == 2
    published = without_metadata(original, "photo.jpg")
    assert secrets_in(published) == [] and published.count(b"\xff\xd8") == 1
    assert opened(published).format == "JPEG" and dict(opened(published).getexif()) == {ORIENTATION: 6}
    assert opened(published).tobytes() == opened(original).tobytes()
    assert published.endswith(b"\xff\xd9")


def test_the_video_after_a_motion_photo_is_not_published() -> None:
    photo = phone_photo()
    video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 8 + b"\xff\xd8\xff\xe1 Fatima Rahman 07700 900123"
    published = without_metadata(photo + video, "photo.jpg")
    assert published == without_metadata(photo, "photo.jpg") and secrets_in(published) == []


def test_a_progressive_photo_with_restart_markers_keeps_every_scan() -> None:
    original = phone_photo(picture(200, 150), progressive=True, restart_marker_blocks=1)
    published = without_metadata(original, "photo.jpg")
    assert secrets_in(published) == [] and published.count(b"\xff\xda") == original.count(b"\xff\xda") > 1
    assert b"\xff\xd0" in published and b"\xff\x00" in published  # restart markers, stuffed bytes
    assert opened(published).tobytes() == opened(original).tobytes()


def test_stray_bytes_between_blocks_are_skipped_as_a_decoder_skips_them() -> None:
    photo = saved(picture(), "JPEG", exif=camera_exif())
    end_of_exif = photo.index(b"\xff\xe1") + 2 + struct.unpack(">H", photo[photo.index(b"\xff\xe1") + 2:][:2])[0]
    original = photo[:end_of_exif] + b"\x12\x34" + photo[end_of_exif:]
    published = without_metadata(original, "photo.jpg")
    assert secrets_in(published) == [] and published == without_metadata(photo, "photo.jpg")
    assert opened(published).tobytes() == opened(photo).tobytes()


def test_a_cmyk_photo_keeps_its_adobe_colour_transform() -> None:
    original = saved(Image.new("CMYK", (24, 16), (10, 200, 30, 5)), "JPEG", exif=camera_exif())
    published = without_metadata(original, "photo.jpg")
    assert b"Adobe" in published and secrets_in(published) == []
    assert opened(published).tobytes() == opened(original).tobytes()


def png_chunks(data: bytes) -> list[bytes]:
    kinds, position = [], 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        kinds.append(kind)
        position += 12 + length
    return kinds


def test_a_png_keeps_only_the_chunks_that_draw_it() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Fatima Rahman")
    info.add_itxt("Comment", "NHS 943 476 5919")
    png = saved(picture(), "PNG", pnginfo=info, exif=camera_exif(), icc_profile=b"Fatima's screen")
    extra = png_chunk(b"tIME", b"\x07\xe9\x03\x0e\x0c\x00\x00") + png_chunk(b"caBX", b"Fatima Rahman")
    original = png[:-12] + extra + png[-12:] + b"fatima@example.org"
    published = without_metadata(original, "chart.png")
    assert png_chunks(published) == [b"IHDR", b"IDAT", b"IEND"] and secrets_in(published) == []
    assert opened(published).text == {} and opened(published).tobytes() == opened(png).tobytes()


def frames(data: bytes) -> list[bytes]:
    image = opened(data)
    return [frame.convert("RGB").tobytes() for frame in ImageSequence.Iterator(image)]


def test_an_animated_png_keeps_its_frames() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Fatima Rahman")
    original = saved(picture(), "PNG", save_all=True, append_images=[picture(shift=60)], pnginfo=info)
    published = without_metadata(original, "moving.png")
    assert secrets_in(published) == [] and {b"acTL", b"fcTL", b"fdAT"} <= set(png_chunks(published))
    assert frames(published) == frames(original) and len(frames(published)) == 2


def test_a_gif_loses_comments_and_xmp_but_keeps_its_frames_and_looping() -> None:
    gif = saved(picture().convert("P"), "GIF", save_all=True, append_images=[picture(shift=60).convert("P")],
                loop=0, duration=100, comment=b"Fatima Rahman")
    xmp = b"\x21\xff\x0bXMP DataXMP" + b"\x12<dc:creator>Fatima" + b"\x00"  # one sub-block of 18 bytes
    original = gif[:-1] + xmp + gif[-1:] + b"07700 900123"
    published = without_metadata(original, "moving.gif")
    assert secrets_in(original) == [b"Fatima", b"07700"] and secrets_in(published) == []
    assert b"NETSCAPE2.0" in published and opened(published).info["loop"] == 0
    assert frames(published) == frames(gif) and len(frames(published)) == 2


def test_webp_exif_xmp_and_colour_profile_are_dropped() -> None:
    if not features.check("webp"):
        pytest.skip("this Pillow cannot write WebP")
    webp = saved(picture(), "WEBP", exif=camera_exif(), xmp=b"<x:xmpmeta>Fatima</x:xmpmeta>",
                 icc_profile=b"Fatima's screen", lossless=True)
    published = without_metadata(webp, "photo.webp")
    assert b"Fatima" in webp and secrets_in(published) == []
    assert not {"exif", "xmp", "icc_profile"} & set(opened(published).info)
    assert opened(published).tobytes() == opened(webp).tobytes()


def test_an_avif_photo_with_hidden_details_cannot_be_published() -> None:
    if not features.check("avif"):
        pytest.skip("this Pillow cannot write AVIF")
    with pytest.raises(ImageNotCleaned, match="AVIF picture that holds hidden details"):
        without_metadata(saved(picture(), "AVIF", exif=camera_exif()), "photo.avif")
    plain = saved(picture(), "AVIF")
    assert without_metadata(plain, "photo.avif") == plain


@pytest.mark.parametrize("data", [saved(picture(), "JPEG"), saved(picture(), "PNG"), saved(picture(), "GIF"),
                                  b"<svg xmlns='http://www.w3.org/2000/svg'/>"],
                         ids=["clean-jpeg", "clean-png", "gif", "svg"])
def test_an_image_with_nothing_to_drop_is_left_as_it_is(data: bytes) -> None:
    assert without_metadata(data, "picture.svg") == data


@pytest.mark.parametrize(("data", "reason"), [
    (b"\xff\xd8\xff\xe1\xff", "it ends before the picture does"),
    (saved(picture(), "JPEG", exif=camera_exif())[:-300], "it ends before the picture does"),
    (b"", "it is not a JPEG, PNG, GIF, WebP, AVIF or SVG picture"),
    (b"Fatima Rahman", "it is not a JPEG, PNG, GIF, WebP, AVIF or SVG picture"),
    (saved(picture(), "PNG")[:-12], "it ends before the picture does"),
    (saved(picture(), "GIF")[:40], "it ends before the picture does"),
], ids=["broken-jpeg", "cut-short-jpeg", "empty", "text", "png-without-end", "cut-short-gif"])
def test_an_image_that_cannot_be_taken_apart_is_never_published_as_it_is(data: bytes, reason: str) -> None:
    with pytest.raises(ImageNotCleaned) as raised:
        without_metadata(data, "photo.jpg")
    assert str(raised.value) == reason


INKSCAPE_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Created with Inkscape for Fatima Rahman -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
     viewBox="0 0 10 10" sodipodi:docname="fatima-rahman-logo.svg"
     inkscape:export-filename="C:\\Users\\fatima.rahman\\Desktop\\logo.png">
  <title>Our logo</title>
  <desc>A green leaf</desc>
  <sodipodi:namedview id="view" inkscape:current-layer="layer1"/>
  <metadata><rdf:RDF><dc:creator>Fatima Rahman, 07700 900123</dc:creator></rdf:RDF></metadata>
  <defs><linearGradient id="leaf"/></defs>
  <g inkscape:label="Fatima's layer" inkscape:groupmode="layer">
    <use xlink:href="#leaf"/><!-- fatima@example.org -->
    <text x="1" y="5">Leaf <inkscape:note>Fatima</inkscape:note>club</text>
  </g>
</svg>
"""


def test_an_svg_loses_comments_metadata_and_its_drawing_programs_notes_but_keeps_its_title() -> None:
    original = INKSCAPE_SVG.encode()
    published = without_metadata(original, "logo.svg")
    assert secrets_in(published) == [] and b"inkscape" not in published and b"sodipodi" not in published
    drawing = ElementTree.fromstring(published)
    svg = "{http://www.w3.org/2000/svg}"
    assert drawing.tag == f"{svg}svg" and drawing.get("viewBox") == "0 0 10 10"
    assert [element.text for element in drawing.iter(f"{svg}title")] == ["Our logo"]
    assert [element.text for element in drawing.iter(f"{svg}desc")] == ["A green leaf"]
    assert ["".join(element.itertext()) for element in drawing.iter(f"{svg}text")] == ["Leaf club"]
    assert drawing.find(f"{svg}g/{svg}use").get("{http://www.w3.org/1999/xlink}href") == "#leaf"
    assert without_metadata(published, "logo.svg") == published


def test_an_svg_that_runs_code_is_published_without_it() -> None:
    original = SVG.format('<script>steal()</script><rect width="5" height="5" onclick="steal()"/>'
                          '<image xlink:href="https://tracker.example/pixel.png"/>'
                          '<a href="https://www.nhs.uk/"><text>NHS</text></a>'
                          '<a href="java&#9;script:steal()"><text>Go</text></a>').encode()
    published = without_metadata(original, "logo.svg")
    assert b"steal" not in published and b"tracker" not in published and b"https://www.nhs.uk/" in published


STYLES_THAT_FETCH = {
    "style-element": '<style>rect {{ fill: url({address}) }}</style>',
    "style-attribute": '<rect width="5" height="5" style="fill: url({address})"/>',
    "fill-attribute": '<rect width="5" height="5" fill="url({address}#shade)"/>',
    "cursor-attribute": '<rect width="5" height="5" cursor="url({address}), auto"/>',
    "import": '<style>@import "{address}";</style>',
    "import-url": "<style>@import url('{address}');</style>",
    "image-set": '<style>rect {{ mask-image: image-set("{address}" 1x) }}</style>',
    "font": '<style>@font-face {{ font-family: Hand; src: url({address}) }}</style>',
    "upper-case": '<style>rect {{ fill: URL({address}) }}</style>',
    "escaped": '<style>rect {{ fill: u\\72 l({address}) }}</style>',
    "escaped-attribute": '<rect width="5" height="5" fill="u\\72l({address})"/>',
    "comment": '<rect width="5" height="5" style="fill: url/**/({address})"/>',
}
"""A style, or an attribute a browser reads as one, that loads something from another website
when the SVG is opened on its own, however the style is written."""
ADDRESSES_THAT_FETCH = {
    "backslashes": '<image width="5" height="5" href="\\\\{host}"/>',
    "slash-backslash": '<image width="5" height="5" xlink:href="/\\{host}"/>',
    "tab": '<image width="5" height="5" href="ht&#9;tps://{host}"/>',
    "line-break": '<image width="5" height="5" href="/&#10;/{host}"/>',
    "animated": '<image width="5" height="5"><set attributeName="href" to="{address}"/></image>',
    "animated-values": ('<image width="5" height="5" href="#none">'
                        '<animate attributeName="xlink:href" values="#none;{address}" dur="1s"/></image>'),
}
"""An address of another website written as browsers still read it (they take out tabs and line
breaks, and read \\ as //), or given to an image by an animation."""
FETCHING = {**STYLES_THAT_FETCH, **ADDRESSES_THAT_FETCH}


def fetching_svg(name: str) -> bytes:
    host = f"tracker.example/{name}.png"
    return SVG.format('<rect width="10" height="10" fill="green"/>'
                      + FETCHING[name].format(address=f"https://{host}", host=host)).encode()


@pytest.mark.parametrize("name", FETCHING)
def test_an_svg_that_fetches_from_elsewhere_is_published_without_it(name: str) -> None:
    published = without_metadata(fetching_svg(name), f"{name}.svg")
    assert b"tracker.example" not in published
    assert ElementTree.fromstring(published).find("{http://www.w3.org/2000/svg}rect").get("fill") == "green"


def test_an_svg_opened_on_its_own_loads_nothing_from_other_websites(tmp_path: Path) -> None:
    """As a visitor who opens the published image in its own tab (or saves and opens it)."""
    require(browser_available(), "Chromium via Playwright")
    for name in FETCHING:
        (tmp_path / f"{name}.svg").write_bytes(without_metadata(fetching_svg(name), f"{name}.svg"))
    loaded: dict[str, list[str]] = {}
    with serve_directory(tmp_path) as base, chromium_browser() as browser, open_page(browser) as page:
        leaving = page_requests_leaving_origin(page, base)
        for name in FETCHING:
            page.goto(f"{base}{name}.svg", wait_until="networkidle")
            loaded[name] = list(leaving)
            leaving.clear()
    assert {name: found for name, found in loaded.items() if found} == {}


def test_styles_that_use_the_drawings_own_parts_are_kept() -> None:
    """Charts and icons fill shapes with their own gradients and patterns: url(#id) loads nothing."""
    original = SVG.format(
        '<defs><linearGradient id="shade"/><pattern id="dots"/><mask id="cut"/></defs>'
        "<style>.bar { fill: url(#shade) } .gap { mask: url( '#cut' ) } rect:hover { fill: #fff }</style>"
        '<rect class="bar" width="5" height="5" fill="url(#shade)" style="stroke: URL(&quot;#dots&quot;)"/>'
        '<rect class="gap" width="5" height="5" mask="url(#cut)"/>').encode()
    assert without_metadata(original, "chart.svg") == original


PICTURES = {
    "two.jpg": saved(picture(), "MPO", save_all=True, append_images=[picture(shift=90)], exif=camera_exif()),
    "motion.jpg": phone_photo() + b"\x00\x00\x00\x18ftypmp42 Fatima Rahman",
    "chart.png": saved(picture(), "PNG", pnginfo=PngImagePlugin.PngInfo(), exif=camera_exif()),
    "moving.gif": saved(picture().convert("P"), "GIF", comment=b"Fatima Rahman"),
    "logo.svg": INKSCAPE_SVG.encode(),
}


def test_the_built_site_has_each_picture_without_its_details_and_check_asks_to_clean_the_originals(
        tmp_path: Path) -> None:
    page = "# Our garden\n\n" + "".join(f"![Picture {name}](assets/{name})\n\n" for name in [*PICTURES, "garden.jpg"])
    root = write_files(tmp_path, {**FILES, "content/garden.md": page})
    original = saved(picture(), "JPEG", exif=camera_exif())
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/garden.jpg").write_bytes(original)
    for name, data in PICTURES.items():
        (root / "content/assets" / name).write_bytes(data)

    _, _, problems = check_folder(root)
    assert [str(problem) for problem in problems if "garden.jpg" in problem.path] == [
        ("warning: content/assets/garden.jpg: holds hidden details that phones and cameras add, such as "
        "where and when the photo was taken and whose camera took it. The site gets a copy without them, "
        "but this file keeps them for anyone who can see the group's records. Save a copy without them "
        "(most phones and photo apps can remove the location) and put it in this file's place.")]
    assert [str(problem) for problem in problems if "logo.svg" in problem.path] == [
        ("warning: content/assets/logo.svg: holds hidden details that drawing programs add, such as the "
         "file's name, the folder it was saved in and comments. The site gets a copy without them, but "
         "this file keeps them for anyone who can see the group's records. Save a copy without them (in "
         "Inkscape: Save As, 'Optimized SVG') and put it in this file's place.")]
    assert sorted(p.path.rpartition("/")[2] for p in problems if "assets" in p.path) == sorted(
        [*PICTURES, "garden.jpg"])

    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    for name, data in {**PICTURES, "garden.jpg": original}.items():
        published = (root / "site/assets" / name).read_bytes()
        assert secrets_in(published) == [], name
        assert (root / "content/assets" / name).read_bytes() == data  # the original is not touched
        if not name.endswith(".svg"):
            assert opened(published).tobytes() == opened(data).tobytes(), name
            assert opened(published).getexif().get_ifd(GPS_IFD) == {}, name
    assert b"sodipodi" not in (root / "site/assets/logo.svg").read_bytes()
    assert opened((root / "site/assets/two.jpg").read_bytes()).format == "JPEG"  # one picture, not two
    assert 'src="../assets/garden.jpg"' in (root / "site/garden/index.html").read_text(encoding="utf-8")


def test_a_check_reads_each_drawing_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """coprod check read every SVG image three times: twice to find what runs code or fetches from
    elsewhere, and again to take out its hidden details. What it says is the same."""
    drawing = INKSCAPE_SVG.encode()
    root = write_files(tmp_path, FILES)
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/logo.svg").write_bytes(drawing)
    read: list[bytes] = []

    class CountingParser(ElementTree.XMLParser):
        def feed(self, data: bytes | str) -> None:
            read.append(data if isinstance(data, bytes) else data.encode())
            super().feed(data)

    monkeypatch.setattr(ElementTree, "XMLParser", CountingParser)
    _, _, problems = check_folder(root)
    assert read.count(drawing) == 1
    assert [(p.path, p.message == DRAWING_DETAILS) for p in problems if p.path.endswith(".svg")] == [
        ("content/assets/logo.svg", True)]


def test_a_picture_that_cannot_be_cleaned_stops_the_check_and_the_build_and_is_not_published(
        tmp_path: Path) -> None:
    broken = saved(picture(), "JPEG", exif=camera_exif())[:-300]
    root = write_files(tmp_path, {**FILES, "content/garden.md": "# Our garden\n\n![The garden](assets/garden.jpg)\n"})
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/garden.jpg").write_bytes(broken)

    _, _, problems = check_folder(root)
    assert [str(problem) for problem in problems if "garden.jpg" in problem.path] == [
        ("content/assets/garden.jpg: cannot be published: it ends before the picture does. The site "
         "publishes a picture only once it has taken out the hidden details phones and cameras add (such "
         "as where a photo was taken and whose camera took it), and it cannot for this one. Open it in a "
         "photo app, save it again as a JPEG or PNG, and put that copy in this file's place.")]

    result = mkdocs_build(root)
    assert result.returncode != 0 and "content/assets/garden.jpg: cannot be published" in result.stderr
    assert not (root / "site/assets/garden.jpg").exists()
