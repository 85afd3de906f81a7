"""What a page downloads, in a real browser: a reader on a phone pays for every byte."""
# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from example_site import ExampleSite, browser, example_site, example_url  # noqa: F401
from support.browser import open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request

INDEX = "search/search_index.json"
WORKER = re.compile(r"/assets/javascripts/workers/search\.[\w.]+\.js$")
"""Material's search worker, a script of 40 KB."""


def requests_for_search(page: Page) -> dict[str, list[str]]:
    """Fills in with each request the page makes for the search index, and for the search worker."""
    asked: dict[str, list[str]] = {"index": [], "worker": []}

    def note(request: Request) -> None:
        if request.url.endswith(INDEX):
            asked["index"].append(request.url)
        elif WORKER.search(request.url):
            asked["worker"].append(request.url)
    page.on("request", note)
    return asked


def test_search_is_downloaded_only_when_the_reader_goes_to_search(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """Every page downloaded the search index (150 KB for the example) and Material's search
    worker (40 KB) as it loaded, also for a reader who never searched. They come when the reader
    opens search, and search still works."""
    assert (example_site.folder / INDEX).stat().st_size > 50_000
    with open_page(browser, width=320) as page:
        asked = requests_for_search(page)
        page.goto(example_url + example_site.prefix + "meetings/2025-02-19-waiting-room/", wait_until="load")
        page.wait_for_timeout(1500)
        page.get_by_role("link", name="Meetings").first.click()
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        assert asked == {"index": [], "worker": []}, "nothing of search comes before the reader goes to search"
        page.locator('label[for="__search"]').first.click()
        page.keyboard.type("waiting room")
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible", timeout=10_000)
        assert (len(asked["index"]), len(asked["worker"])) == (1, 1)
        assert "waiting room" in results.first.inner_text().lower()


def test_search_by_keyboard_downloads_the_index_and_finds_pages(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    with open_page(browser, width=1280) as page:
        asked = requests_for_search(page)
        page.goto(example_url + example_site.prefix, wait_until="load")
        page.wait_for_timeout(1000)
        assert asked == {"index": [], "worker": []}
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('.md-search__input')"):
                break
        else:
            raise AssertionError("Tab did not reach the search box")
        page.keyboard.type("charter")
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
        assert (len(asked["index"]), len(asked["worker"])) == (1, 1)
