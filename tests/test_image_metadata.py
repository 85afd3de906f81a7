"""Images as published: photos without the hidden details phones and cameras put in them, and
no SVG image that runs code or fetches from elsewhere.

Images are made with Pillow and read back with Pillow, as any visitor who saves
a photo could read them.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import mkdocs_build
from groups import FILES, write_files
from PIL import Image, PngImagePlugin, features

from coprod_site.checks import check_folder
from coprod_site.image_metadata import has_metadata, without_metadata

ARTIST, COPYRIGHT, DESCRIPTION, GPS_IFD, ORIENTATION = 0x013B, 0x8298, 0x010E, 0x8825, 0x0112
PRIVATE = [b"Fatima", b"07700", b"fatima@example.org", b"943 476 5919"]


def picture() -> Image.Image:
    image = Image.new("RGB", (48, 32))
    image.putdata([(x * 5, y * 7, (x + y) * 3) for y in range(32) for x in range(48)])
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


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_phone_photo_loses_location_owner_and_comments_but_keeps_its_pixels_and_which_way_up() -> None:
    original = saved(picture(), "JPEG", exif=camera_exif(), comment=b"taken by Fatima", quality=90)
    published = without_metadata(original)
    assert has_metadata(original) and not has_metadata(published)
    assert [secret for secret in PRIVATE if secret in published] == []
    assert dict(opened(published).getexif()) == {ORIENTATION: 6}  # a portrait photo stays upright
    assert opened(published).tobytes() == opened(original).tobytes()


def test_a_photo_held_the_right_way_up_keeps_no_exif_at_all() -> None:
    published = without_metadata(saved(picture(), "JPEG", exif=camera_exif(orientation=1)))
    assert dict(opened(published).getexif()) == {}


def test_png_text_and_webp_exif_and_xmp_are_dropped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Fatima Rahman")
    info.add_itxt("Comment", "NHS 943 476 5919")
    png = saved(picture(), "PNG", pnginfo=info)
    assert opened(without_metadata(png)).text == {}
    assert opened(without_metadata(png)).tobytes() == opened(png).tobytes()
    if not features.check("webp"):
        pytest.skip("this Pillow cannot write WebP")
    webp = saved(picture(), "WEBP", exif=camera_exif(), xmp=b"<x:xmpmeta>Fatima</x:xmpmeta>", lossless=True)
    published = without_metadata(webp)
    assert b"Fatima" in webp and [secret for secret in PRIVATE if secret in published] == []
    assert opened(published).tobytes() == opened(webp).tobytes()


@pytest.mark.parametrize("data", [saved(picture(), "JPEG"), saved(picture(), "PNG"), saved(picture(), "GIF"),
                                  b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"\xff\xd8\xff\xe1\xff", b""],
                         ids=["clean-jpeg", "clean-png", "gif", "svg", "broken-jpeg", "empty"])
def test_an_image_with_nothing_to_drop_or_that_cannot_be_read_is_left_as_it_is(data: bytes) -> None:
    assert without_metadata(data) == data


def test_the_built_site_has_the_photo_without_its_details_and_check_asks_to_clean_the_original(
        tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, "content/garden.md": "# Our garden\n\n![The new garden](assets/garden.jpg)\n"})
    original = saved(picture(), "JPEG", exif=camera_exif())
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/garden.jpg").write_bytes(original)

    _, _, problems = check_folder(root)
    assert [str(problem) for problem in problems if "garden" in problem.path] == [
        ("warning: content/assets/garden.jpg: holds hidden details that phones and cameras add, such as "
        "where and when the photo was taken and whose camera took it. The site gets a copy without them, "
        "but this file keeps them for anyone who can see the group's records. Save a copy without them "
        "(most phones and photo apps can remove the location) and put it in this file's place.")]

    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    published = (root / "site/assets/garden.jpg").read_bytes()
    assert [secret for secret in PRIVATE if secret in published] == []
    assert opened(published).tobytes() == opened(original).tobytes()
    assert 'src="../assets/garden.jpg"' in (root / "site/garden/index.html").read_text(encoding="utf-8")
    assert (root / "content/assets/garden.jpg").read_bytes() == original  # the original is not touched


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
    }
    root = write_files(tmp_path, {**FILES, **{f"content/assets/{name}": text for name, text in drawings.items()}})
    _, _, problems = check_folder(root)
    assert sorted((p.path.rpartition("/")[2], p.message) for p in problems if p.path.endswith(".svg")) == [
        ("broken.svg", "cannot be read as an SVG image. Save it again from the program that made it, or as a PNG."),
        ("handler.svg", ("has an event handler (onclick). An image on the site must not run code or fetch "
                        "anything from other websites: remove them, or save the image as a PNG.")),
        ("link.svg", ("has a link to 'javascript:alert(1)'. An image on the site must not run code or fetch "
                     "anything from other websites: remove them, or save the image as a PNG.")),
        ("script.svg", ("has a <script> element. An image on the site must not run code or fetch anything from "
                       "other websites: remove them, or save the image as a PNG.")),
        ("tracker.svg", ("has a link to 'https://tracker.example/pixel.png'. An image on the site must not run "
                        "code or fetch anything from other websites: remove them, or save the image as a PNG.")),
    ]
    assert all(p.is_error for p in problems if p.path.endswith(".svg"))
