"""Sharing on the pages themselves: link previews, the copy-link box, QR codes, the poster and the data page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from groups import FILES, MKDOCS_YML, write_files
from sharing_support import SITE_URL, decode_qr_png, site_file_for
from support.browser import (
    browser_available,
    chromium_browser,
    open_page,
    require,
    save_pdf,
    serve_directory,
)

MEETING = "meetings/2025-01-10-first-meeting/"


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(site_file_for(site, url).read_text(encoding="utf-8"), "html.parser")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return None if tag is None else str(tag["content"])


def words(element: object) -> str:
    return " ".join(element.get_text(" ").split())  # type: ignore[attr-defined]


def test_a_shared_meeting_link_previews_with_the_group_name_and_the_date(built_group: Path) -> None:
    soup = soup_of(built_group, MEETING)
    assert meta(soup, "og:site_name") == "Test Group"
    assert meta(soup, "og:title") == "Our first meeting"
    assert meta(soup, "og:description") == "Summary of our meeting on 10 January 2025: Our first meeting."
    assert meta(soup, "og:url") == SITE_URL + MEETING
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "twitter:title") == "Our first meeting"
    planned = soup_of(built_group, "meetings/2027-06-10-summer/index.html")
    # a preview outlives the day it was made: never 'our next meeting', which another may be by then
    assert meta(planned, "og:description") == "Our meeting on 10 June 2027: Planning the summer."


def test_every_page_links_its_feeds_and_calendar_in_the_head(built_group: Path) -> None:
    pages = sorted(built_group.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        assert head is not None
        feeds = [link["href"] for link in head.find_all("link", rel="alternate", type="application/atom+xml")]
        assert feeds[0] == f"{SITE_URL}feeds/all.atom.xml", path
        assert len(feeds) == 5
        for href in feeds + [head.find("link", type="text/calendar")["href"]]:
            assert site_file_for(built_group, str(href)).is_file(), href


def test_record_pages_show_their_address_to_copy_and_a_qr_code(built_group: Path) -> None:
    for url in (MEETING, "decisions/D-001/", "reports/impact-2025/", "meetings/2027-06-10-summer/"):
        share = soup_of(built_group, url).find("section", class_="coprod-share")
        assert share is not None, url
        field = share.find("input", id="coprod-share-url")
        assert field["value"] == SITE_URL + url and field.has_attr("readonly")
        assert share.find("label", attrs={"for": "coprod-share-url"}).get_text() == "Link to this page"
        button = share.find("button", attrs={"data-coprod-copy": "coprod-share-url"})
        assert button.has_attr("hidden"), "the button appears only when the script can copy"
        image = share.find("img")
        assert image["alt"] == "", "the words under the code say what it is"
        assert (site_file_for(built_group, url).parent / str(image["src"])).is_file()


def test_the_poster_shows_the_next_meeting_in_large_type(built_group: Path) -> None:
    soup = soup_of(built_group, "meetings/next/poster/")
    poster = soup.find("article", class_="coprod-poster")
    assert poster.h1.get_text() == "Come to our next meeting"
    # each line goes on from the one above: 'Library (step-free) You can also join online.' ran on
    assert words(poster.find("dl")) == ("When Thursday 10 June 2027 from 4pm to 5pm "
                                        "Where Library (step-free) or online "
                                        "Support BSL interpreter")
    assert "Email the team inbox. team@example.org" in words(poster)
    image = poster.find("img")
    assert image["src"] == "../../2027-06-10-summer/qr.svg"
    # an address to type, for whoever has no camera: short of https://, broken only after a slash
    address = poster.find(class_="coprod-poster__url")
    assert address.get_text() == "example.org/test/meetings/2027-06-10-summer/"
    assert len(address.find_all("wbr")) == 4
    assert poster.find(class_="coprod-poster__email").a["href"] == "mailto:team@example.org"
    assert (built_group / "meetings" / "2027-06-10-summer" / "qr.svg").is_file()


def test_the_data_page_lists_every_file_and_the_licence(built_group: Path) -> None:
    soup = soup_of(built_group, "data/")
    article = soup.find("article")
    licence = article.find("h2", id="licence").find_next("p")
    assert " ".join(licence.get_text().split()) == (
        "We publish our records and data under the CC BY 4.0 licence. Please say they come from "
        "Test Group (Test Trust) and link to this website.")
    assert licence.a["href"] == "https://creativecommons.org/licenses/by/4.0/"
    hrefs = {str(a["href"]) for a in article.find_all("a") if not str(a["href"]).startswith(("http", "mailto"))}
    expected = {"../feeds/all.atom.xml", "../meetings.ics", "decisions.csv", "decisions.json",
                "decisions.schema.json", "actions.csv", "meetings.json", "meetings.schema.json"}
    assert expected <= hrefs
    for href in hrefs:
        assert (built_group / "data" / href).resolve().exists(), href


def without_site_url(text: str) -> str:
    return text.replace("site_url: https://example.org/test/\n", "")


def test_without_a_site_url_the_build_warns_and_makes_no_feeds_or_qr_codes(tmp_path: Path) -> None:
    files = {**FILES, "mkdocs.yml": without_site_url(MKDOCS_YML),
             "content/project.yml": without_site_url(FILES["content/project.yml"])}
    root = write_files(tmp_path / "group", files)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert ("warning: mkdocs.yml: there is no 'site_url', so the site is built without its feeds, "
            "meetings calendar, QR codes and link previews. Add the address where the site will live to "
            "project.yml or mkdocs.yml, like: site_url: https://example.org/our-group/") in result.stderr
    site = root / "site"
    assert not (site / "feeds").exists() and not (site / "meetings.ics").exists()
    assert not list(site.rglob("qr.svg"))
    assert (site / "data" / "decisions.csv").is_file()
    assert soup_of(site, MEETING).find("section", class_="coprod-share") is None
    assert meta(soup_of(site, MEETING), "og:title") is None


def test_a_site_url_in_project_yml_alone_is_where_the_site_lives(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", {**FILES, "mkdocs.yml": without_site_url(MKDOCS_YML)})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "feeds" / "all.atom.xml").is_file() and (site / "meetings.ics").is_file()
    assert list(site.rglob("qr.svg"))
    page = soup_of(site, MEETING)
    assert meta(page, "og:url") == "https://example.org/test/meetings/2025-01-10-first-meeting/"
    assert page.find("link", rel="canonical")["href"] == meta(page, "og:url")


def test_two_different_site_urls_are_a_warning(tmp_path: Path) -> None:
    project = FILES["content/project.yml"].replace("https://example.org/test/", "https://example.org/other/")
    root = write_files(tmp_path / "group", {**FILES, "content/project.yml": project})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert ("warning: mkdocs.yml, line 2: 'site_url' is https://example.org/test/ here but https://example.org/other/ "
            "in project.yml. The site uses this one: make them the same, or remove one.") in result.stderr


# --- in a real browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(built_group: Path):  # type: ignore[no-untyped-def]
    require(browser_available(), "Chromium")
    with serve_directory(built_group) as base, chromium_browser() as browser:
        yield base, browser


def test_copy_link_works_from_the_keyboard(served) -> None:  # type: ignore[no-untyped-def]
    base, browser = served
    with open_page(browser) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page.goto(base + MEETING)
        page.focus("#coprod-share-url")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Copy link"
        page.keyboard.press("Enter")
        status = page.locator(".coprod-share__status")
        status.wait_for(state="visible")
        assert status.text_content() == "Link copied. You can paste it into a message."
        assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + MEETING


HEARD = """
() => {
  const status = document.querySelector('.coprod-share__status');
  let last = status.textContent;
  window.heard = [];
  new MutationObserver(() => {
    if (status.textContent !== last && status.textContent) heard.push(status.textContent);
    last = status.textContent;
  }).observe(status, {childList: true, characterData: true, subtree: true});
}
"""
"""Collects what a screen reader hears from the status line: its words, each time they change."""


def test_every_press_of_copy_link_is_read_out(served) -> None:  # type: ignore[no-untyped-def]
    """A screen reader reads a status out when its words change: a second press of the button set
    the same words again, and said nothing, as if it had not worked."""
    base, browser = served
    with open_page(browser) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page.goto(base + MEETING)
        page.evaluate(HEARD)
        page.focus(".coprod-share__copy")
        for _ in range(2):
            page.keyboard.press("Enter")
            page.wait_for_timeout(500)
        assert page.evaluate("heard") == ["Link copied. You can paste it into a message."] * 2


def test_without_javascript_the_link_is_shown_and_no_dead_button(served) -> None:  # type: ignore[no-untyped-def]
    base, browser = served
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + MEETING)
        assert page.input_value("#coprod-share-url") == SITE_URL + MEETING
        assert page.locator("#coprod-share-url").is_visible()
        assert not page.locator(".coprod-share__copy").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("url", [MEETING, "meetings/next/poster/"])
def test_a_screen_reader_hears_what_a_qr_code_is_once(served, url: str) -> None:  # type: ignore[no-untyped-def]
    """The code's words were heard twice, as the name of its figure and then as its caption, after
    the image's own text ("QR code for this page", "Scan with a phone camera to open this page")."""
    base, browser = served
    with open_page(browser) as page:
        page.goto(base + url)
        heard = page.locator(".coprod-share, .coprod-poster").first.aria_snapshot()
    assert heard.count("QR code") == 1 and heard.count("Scan") == 1, heard


def test_the_printed_page_shows_the_address_and_a_qr_code_that_scans(served) -> None:  # type: ignore[no-untyped-def]
    base, browser = served
    with open_page(browser) as page:
        page.goto(base + MEETING)
        page.emulate_media(media="print")
        assert not page.locator("#coprod-share-url").is_visible()
        assert page.locator(".coprod-share__print").text_content() == f"Read this page online:{SITE_URL}{MEETING}"
        qr = page.locator(".coprod-share__qr img")
        assert qr.is_visible()
        page.set_viewport_size({"width": 800, "height": 900})
        assert decode_qr_png(page.locator(".coprod-share__qr").screenshot(scale="device")) == [SITE_URL + MEETING]


def test_the_poster_prints_on_one_a4_page_with_a_qr_code_that_scans(served, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, browser = served
    with open_page(browser) as page:
        page.goto(base + "meetings/next/poster/")
        pdf = save_pdf(page, tmp_path / "poster.pdf")
        page.emulate_media(media="print")
        assert not page.locator(".coprod-poster-help").first.is_visible()
        scanned = decode_qr_png(page.locator(".coprod-poster__qr img").screenshot())
        assert scanned == [SITE_URL + "meetings/2027-06-10-summer/"]
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is needed to count the PDF's pages")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    assert "595.92 x 842.88 pts (A4)" in info
