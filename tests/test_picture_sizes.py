"""Pictures in a page's text: each says how big it is, so the text does not jump as it arrives on a
slow phone, and those further down come only as the reader scrolls near them. A real build, read
back in a real browser; the pictures are made with Pillow and their sizes read back with it."""
# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from example_site import browser  # noqa: F401
from groups import FILES, write_files
from PIL import Image, ImageOps
from support.browser import open_page, serve_directory

from coprod_site.image_metadata import without_metadata
from coprod_site.picture_sizes import picture_size

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

ORIENTATION = 0x0112


def saved(size: tuple[int, int], kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, kind, **options)
    return buffer.getvalue()


def turned(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    return exif


def shown_size(data: bytes) -> tuple[int, int]:
    """The size a browser shows the picture at: turned as its EXIF orientation says."""
    transposed = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    assert transposed is not None
    return transposed.size


PICTURES = {
    "photo.jpg": saved((640, 480), "JPEG"),
    "portrait.jpg": saved((640, 480), "JPEG", exif=turned(6)),  # a phone held upright
    "turned-back.jpg": saved((640, 480), "JPEG", exif=turned(8)),
    "upside-down.jpg": saved((640, 480), "JPEG", exif=turned(3)),
    "progressive.jpg": saved((300, 200), "JPEG", progressive=True),
    "chart.png": saved((800, 300), "PNG"),
    "map.gif": saved((120, 90), "GIF"),
    "lossy.webp": saved((333, 222), "WEBP", quality=60),
    "lossless.webp": saved((321, 123), "WEBP", lossless=True),
    "with-exif.webp": saved((250, 150), "WEBP", exif=turned(1)),
}


@pytest.mark.parametrize("name", PICTURES)
def test_a_picture_s_size_is_read_as_it_is_shown(name: str) -> None:
    data = PICTURES[name]
    assert picture_size(data) == shown_size(data)
    assert picture_size(without_metadata(data, name)) == shown_size(data)  # as the site publishes it


def test_a_picture_whose_size_cannot_be_read_has_none() -> None:
    assert picture_size(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>') is None
    assert picture_size(PICTURES["photo.jpg"][:100]) is None
    assert picture_size(PICTURES["chart.png"][:20]) is None
    assert picture_size(b"") is None


WORDS = "\n\n".join(["We walked round the waiting room. We wrote down what we saw."] * 80)
"""Some 5,000 pixels on a phone: further than a browser looks ahead for lazy pictures."""
SHOWN = ("photo.jpg", "chart.png", "map.gif", "portrait.jpg")
GARDEN = f"""\
# Our garden

![The garden in spring](assets/photo.jpg)

{WORDS}

![A chart of visits](assets/chart.png)

![A map](assets/map.gif){{ width="60" height="45" }}

{WORDS}

![Our co-chair, holding the plan](assets/portrait.jpg)
"""


@pytest.fixture(scope="module")
def garden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_files(tmp_path_factory.mktemp("pictures") / "group", {**FILES, "content/garden.md": GARDEN})
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    for name in SHOWN:
        (root / "content/assets" / name).write_bytes(PICTURES[name])
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_each_picture_of_a_page_has_its_size_and_all_but_the_first_load_lazily(garden_site: Path) -> None:
    page = BeautifulSoup((garden_site / "garden/index.html").read_text(encoding="utf-8"), "html.parser")
    pictures = [(img["src"], img.get("width"), img.get("height"), img.get("loading"))
                for img in page.select("article img")]
    assert pictures == [
        ("../assets/photo.jpg", "640", "480", None),  # near the top: it comes at once
        ("../assets/chart.png", "800", "300", "lazy"),
        ("../assets/map.gif", "60", "45", None),  # the writer's own size, and the picture as written
        ("../assets/portrait.jpg", "480", "640", "lazy"),
    ]


def test_a_picture_further_down_comes_only_near_it_and_the_text_does_not_jump(
        garden_site: Path, browser: Browser) -> None:
    """On a phone, the first picture arrives late (a slow connection): the words below it stay
    where they were. The pictures below the screen are not downloaded until the reader scrolls."""
    held: list[Route] = []
    asked: list[str] = []
    with serve_directory(garden_site) as base_url, open_page(browser, width=360, height=640) as page:
        page.on("request", lambda request: asked.append(request.url.rpartition("/")[2]))  # the name
        page.route("**/assets/photo.jpg", lambda route: held.append(route))
        page.goto(base_url + "garden/", wait_until="domcontentloaded")
        page.wait_for_timeout(1000)
        words = page.locator("article p", has_text="We walked").first
        before = words.bounding_box()
        assert len(held) == 1
        held[0].continue_()
        page.wait_for_function("() => document.querySelector('article img').complete")
        assert words.bounding_box() == before, "the text stays where it was as the picture arrives"
        assert [name for name in asked if name in SHOWN] == ["photo.jpg", "map.gif"]  # map.gif: not lazy
        for picture in page.locator("article img").all():  # the reader scrolls down the page
            picture.scroll_into_view_if_needed()
            picture.evaluate("img => img.complete || new Promise(done => img.addEventListener('load', done))")
        assert sorted(name for name in asked if name in SHOWN) == sorted(SHOWN)
