"""Every page of the example site, in a real browser: axe finds nothing, statuses are words.

axe-core runs on every page in light and dark colours, 1280 and 320 pixels wide,
against WCAG 2.0, 2.1 and 2.2 at levels A and AA. The static checks read the
built HTML: one h1, headings in order, a title naming the page and the group,
`lang`, real header cells. A last test plants an image without alt text and a
status shown only in colour, and proves these same checks catch both.
"""
# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import REPO, copy_example, mkdocs_build
from example_site import (  # noqa: F401
    ExampleSite,
    browser,
    build_example,
    example_site,
    example_url,
    welsh_example_site,
)
from support.browser import (
    COLOR_SCHEMES,
    DEFAULT_AXE_TAGS,
    VIEWPORT_WIDTHS,
    ColorScheme,
    axe_available,
    format_axe_violations,
    load_axe_in_every_document,
    open_page,
    page_requests_leaving_origin,
    require,
    run_axe,
    serve_directory,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

STATUSES_WITHOUT_WORDS = """
() => [...document.querySelectorAll('.coprod-status, [class*="status"]')]
  .filter(el => el.checkVisibility() && el.innerText.trim() === '')
  .map(el => el.outerHTML.slice(0, 120))
"""


def statuses_without_words(page: Page) -> list[str]:
    """Status markers a person can see but not read: colour alone says nothing to many people."""
    found: list[str] = page.evaluate(STATUSES_WITHOUT_WORDS)
    return found


def audit_pages(browser: Browser, base_url: str, urls: list[str], scheme: ColorScheme,
                width: int) -> dict[str, str]:
    """axe violations and wordless statuses, by page address.

    Requests off the local server are blocked, never made: Material fetches the sitemap
    from site_url, which is another origin only here, not where the site is published.
    """
    findings: dict[str, str] = {}
    with open_page(browser, color_scheme=scheme, width=width) as page:
        page_requests_leaving_origin(page, base_url)
        load_axe_in_every_document(page)
        for url in urls:
            page.goto(base_url + url)
            problems = format_axe_violations(run_axe(page, WCAG_TAGS))
            problems += "".join(f"\nstatus without words: {html}" for html in statuses_without_words(page))
            if problems.strip():
                findings[url] = problems.strip()
    return findings


def test_the_suite_uses_every_wcag_a_and_aa_tag() -> None:
    assert set(WCAG_TAGS) == set(DEFAULT_AXE_TAGS)


@pytest.mark.parametrize("width", VIEWPORT_WIDTHS)
@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_no_page_has_an_axe_violation(example_site: ExampleSite, example_url: str,
                                      browser: Browser, scheme: ColorScheme, width: int) -> None:
    require(axe_available(), "axe-core")
    urls = example_site.page_urls()
    assert len(urls) >= 40, "the example site should have all its pages"
    findings = audit_pages(browser, example_url, urls, scheme, width)
    assert findings == {}, "\n\n".join(f"{url}:\n{text}" for url, text in findings.items())


def test_a_welsh_groups_pages_with_their_english_words_marked_have_no_axe_violation(
        welsh_example_site: ExampleSite, browser: Browser) -> None:
    """Pages whose words are in two languages (WCAG 3.1.2): each part's `lang` is valid, and
    the page still passes every check, in both colour schemes."""
    require(axe_available(), "axe-core")
    prefix = welsh_example_site.prefix
    urls = [url for url in welsh_example_site.page_urls()
            if url in (prefix, prefix + "meetings/", prefix + "glossary/", prefix + "404.html")
            or url.startswith((prefix + "meetings/20", prefix + "decisions/D-"))][:8]
    with serve_directory(welsh_example_site.served_root) as base_url:
        for scheme in COLOR_SCHEMES:
            findings = audit_pages(browser, base_url, urls, scheme, 1280)
            assert findings == {}, "\n\n".join(f"{url}:\n{text}" for url, text in findings.items())
        with open_page(browser) as page:
            page_requests_leaving_origin(page, base_url)
            page.goto(base_url + prefix)
            languages = page.evaluate("""() => [...document.querySelectorAll("article h2")]
                .map(heading => heading.closest("[lang]").lang)""")
    assert "en" in languages and set(languages) <= {"en", "cy"}


def test_a_screen_reader_hears_a_charts_title_and_summary_once(example_site: ExampleSite, example_url: str,
                                                               browser: Browser) -> None:
    """The caption names the figure; the picture inside it had the same words as its own name."""
    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "how-we-work/")
        charts = page.locator("figure.coprod-chart")
        assert charts.count() == 5
        for index in range(charts.count()):
            chart = charts.nth(index)
            title = chart.locator(".coprod-chart__title").inner_text()
            summary = chart.locator(".coprod-chart__summary").inner_text()
            heard = chart.aria_snapshot()
            assert f'figure "{title} {summary}"' in heard.splitlines()[0]
            assert heard.count(summary) == 2, heard  # the figure's name, then its caption
            assert '- img "Bar chart of the figures in the table that follows"' in heard


@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_search_results_have_no_axe_violation(example_site: ExampleSite, example_url: str, browser: Browser,
                                             scheme: ColorScheme) -> None:
    """The words found were marked in Material's indigo accent, 3.8:1 in dark mode, and the count
    of results was faint small print: axe, run with the results open."""
    require(axe_available(), "axe-core")
    with open_page(browser, color_scheme=scheme, width=320) as page:
        page_requests_leaving_origin(page, example_url)
        page.goto(example_url + example_site.prefix)
        page.locator("label[for='__search']").first.click()
        # a query typed before the search index is ready is not run again once it is
        page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent"
                               ".includes('Type to start searching')", timeout=60_000)
        page.locator("input.md-search__input").press_sequentially("waiting")
        page.locator(".md-search-result__item mark").first.wait_for(timeout=60_000)
        findings = format_axe_violations(run_axe(page, WCAG_TAGS))
    assert findings.strip() == ""


# --- the built HTML ---------------------------------------------------------------------


def parsed_pages(site: ExampleSite) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site.folder).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"),
                                                                      "html.parser")
            for path in site.html_files()}


def test_every_page_has_one_h1_headings_in_order_and_a_language(example_site: ExampleSite) -> None:
    wrong: dict[str, str] = {}
    for name, soup in parsed_pages(example_site).items():
        article = soup.select_one("article")
        assert article is not None, name
        levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if levels.count(1) != 1 or levels[:1] != [1] or skipped:
            wrong[name] = f"heading levels {levels}"
        if not (soup.html and soup.html.get("lang")):
            wrong[name] = "no lang on <html>"
    assert wrong == {}


def test_every_title_names_the_page_and_the_group(example_site: ExampleSite) -> None:
    group = "Outpatients Together"
    titles = {name: soup.title.get_text() if soup.title else ""
              for name, soup in parsed_pages(example_site).items()}
    assert titles["index.html"] == group
    assert titles["404.html"] == f"Page not found - {group}"
    assert [name for name, title in titles.items()
            if name != "index.html" and not (title.endswith(f" - {group}") and len(title) > len(group) + 4)] == []
    assert len(set(titles.values())) == len(titles), "every page has its own title"


def test_tables_have_real_header_cells(example_site: ExampleSite) -> None:
    wrong = []
    for name, soup in parsed_pages(example_site).items():
        for table in soup.select("article table"):
            headers = table.find_all("th")
            if not headers or any(th.get("scope") not in ("col", "row", "colgroup", "rowgroup")
                                  and th.find_parent("thead") is None for th in headers):
                wrong.append(name)
    assert wrong == []


def test_no_link_is_only_a_record_number(example_site: ExampleSite) -> None:
    """A screen reader's list of a page's links read "ACT-021, ACT-025, ACT-027": numbers that say
    nothing about where they go. A record's link says what it is, in words."""
    bare = re.compile(r"(D|ACT|AM)-\d+")
    found = {name: [text for a in soup.select("article a[href]")
                    if bare.fullmatch(text := " ".join(a.get_text().split()))]
             for name, soup in parsed_pages(example_site).items()}
    assert {name: texts for name, texts in found.items() if texts} == {}


def test_no_link_is_named_by_it_or_them(example_site: ExampleSite) -> None:
    """Out of its sentence, in a screen reader's list of links, "Read it in full" and "Read it and
    say what you think" do not say what "it" is."""
    vague = re.compile(r"\b(it|them)\b", re.IGNORECASE)
    found = {name: [text for a in soup.select("article a[href]")
                    if vague.search(text := " ".join(a.get_text().split())) and not a.find_parent("nav")]
             for name, soup in parsed_pages(example_site).items()}
    assert {name: texts for name, texts in found.items() if texts} == {}


def link_name(link: Tag) -> str:
    """A link's name as a screen reader's list of links gives it: its label, or all its words."""
    return " ".join(str(link.get("aria-label") or link.get_text()).split())


def test_no_link_in_a_page_shares_its_name_with_a_link_somewhere_else(example_site: ExampleSite) -> None:
    """In a screen reader's list of the data page's links, "Decisions" and "Reports" were each
    there twice, one going to the list of them and one to its feed, with nothing to tell them apart.
    A glossary word is left out: it is named by the word as written, and its meaning tells it apart."""
    clashes = {}
    for name, soup in parsed_pages(example_site).items():
        where = urljoin("https://example.org/" + name, ".")
        targets: dict[str, set[str]] = {}
        for link in soup.select("a[href]"):
            targets.setdefault(link_name(link).lower(), set()).add(urljoin(where, str(link["href"])))
        shared = sorted(text for link in soup.select("article a[href]:not(.coprod-term)")
                        if len(targets[text := link_name(link).lower()]) > 1)
        if shared:
            clashes[name] = shared
    assert clashes == {}


def test_no_two_tables_on_a_page_have_the_same_name(example_site: ExampleSite) -> None:
    """A screen reader lists a page's tables by name: five called "The figures in this chart" could
    not be told apart."""
    for path in example_site.html_files():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        names = [" ".join(caption.get_text().split()) for caption in soup.select("article table caption")]
        assert len(names) == len(set(names)), (path, names)


def test_content_notes_come_before_the_summary(example_site: ExampleSite) -> None:
    pages = parsed_pages(example_site)
    noted = [soup for name, soup in pages.items() if name.startswith("meetings/")
             and soup.select_one(".coprod-content-note")]
    assert noted, "the example has at least one meeting with a content note"
    for soup in noted:
        note, summary = soup.select_one(".coprod-content-note"), soup.find("h2", string="Summary")
        assert summary is not None and note in summary.find_all_previous("aside")


def test_glossary_terms_are_explained_once_per_page(example_site: ExampleSite) -> None:
    soup = parsed_pages(example_site)["meetings/2025-02-19-waiting-room/index.html"]
    marked = [(a.get_text().lower(), a["title"]) for a in soup.select("article abbr[title]")]
    assert ("outpatients", "Hospital appointments where you come in and go home the same day.") in marked
    assert len({term for term, _ in marked}) == len(marked)


def test_the_accessibility_statement_follows_the_model_statement(example_site: ExampleSite) -> None:
    soup = parsed_pages(example_site)["accessibility/index.html"]
    headings = [h.get_text() for h in soup.select("article h1, article h2, article h3")]
    assert headings == [
        "Accessibility statement for Outpatients Together",
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Compliance status",
        "How we test this website",
        "Preparation of this accessibility statement",
    ]
    text = " ".join(soup.select_one("article").get_text().split())
    assert "email team-inbox@example.org" in text
    assert "A person last tested this website by hand, with a keyboard and a screen reader, on 2 November 2026." in text
    assert "fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard" in text
    nav = [a.get_text().strip() for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert "Accessibility" in nav


# --- the suite catches what it should ---------------------------------------------------

BAD_STATUS_MACRO = ('{% macro status(value, label=None, then="") -%}\n'
                    '<span class="coprod-status coprod-status--{{ value }}" '
                    'style="display:inline-block;width:1em;height:1em;background:#d4351c"></span>\n'
                    '{%- endmacro %}\n')


def plant_inaccessible_theme(root: Path) -> None:
    """A site theme whose statuses are coloured dots and whose home page has an image without alt."""
    overrides = root / "theme" / "coprod"
    overrides.mkdir(parents=True, exist_ok=True)
    package = REPO / "coprod_site" / "templates"
    macros = (package / "_macros.html").read_text(encoding="utf-8")
    start, end = macros.index("{% macro status("), macros.index("{%- endmacro %}") + len("{%- endmacro %}\n")
    (overrides / "_macros.html").write_text(macros[:start] + BAD_STATUS_MACRO + macros[end:], encoding="utf-8")
    home = (package / "home.html").read_text(encoding="utf-8")
    (overrides / "home.html").write_text(home + '\n<p><img src="logo.png" width="40" height="40"></p>\n',
                                         encoding="utf-8")


def test_the_suite_catches_a_missing_alt_and_a_status_in_colour_only(tmp_path: Path, browser: Browser) -> None:
    require(axe_available(), "axe-core")
    root = copy_example(tmp_path / "group")
    plant_inaccessible_theme(root)
    site = build_example(tmp_path / "www", root)
    decision = next(url for url in site.page_urls() if "/decisions/D-0" in url)
    with serve_directory(site.served_root) as base_url:
        findings = audit_pages(browser, base_url, [site.prefix, decision], "light", 1280)
    assert "image-alt" in findings[site.prefix]
    assert "status without words" in findings[decision]


def test_coprod_check_stops_a_build_with_an_image_without_alt_text(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "group")
    page = root / "content" / "writing-records.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![](assets/map.png)\n", encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "content/writing-records.md, line" in result.stderr
    assert "The image 'assets/map.png' has no alt text" in result.stderr


@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_a_screen_reader_hears_the_colour_switch_once(example_site: ExampleSite, example_url: str,
                                                      browser: Browser, scheme: ColorScheme) -> None:
    """Material's two hidden radio buttons stayed in the accessibility tree next to the switch shown:
    a screen reader read "Switch to dark mode, radio button", "Switch to dark mode, button",
    "Switch to light mode, radio button" at the top of every page."""
    switch = "Switch to dark mode" if scheme == "light" else "Switch to light mode"
    with open_page(browser, color_scheme=scheme) as page:
        page.goto(example_url + example_site.prefix)
        heard = page.locator("header").aria_snapshot()
    assert "radio" not in heard, heard
    assert [line.strip() for line in heard.splitlines() if "Switch to" in line] == [f'- button "{switch}":'], heard


def test_a_screen_reader_hears_how_many_results_and_the_title_of_each(example_site: ExampleSite,
                                                                     example_url: str, browser: Browser) -> None:
    """Chromium gave each search result's link no name (its words are inside an article), so
    moving through the results a screen reader said only "link"; and the number found was
    shown but never read out."""
    with open_page(browser, width=320) as page:
        page_requests_leaving_origin(page, example_url)
        page.goto(example_url + example_site.prefix)
        page.locator("label[for='__search']").first.click()
        page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent"
                               ".includes('Type to start searching')", timeout=60_000)
        page.locator("input.md-search__input").press_sequentially("quiet room")
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        heard = page.locator(".md-search-result").aria_snapshot()
    links = [line.strip() for line in heard.splitlines() if line.strip().startswith("- link")]
    assert links, heard
    assert [line for line in links if not line.startswith('- link "')] == [], heard
    assert links[0].startswith('- link "The new quiet room The new quiet room Summary of our meeting'), links
    assert any(line.strip().startswith("- status:") and "matching documents" in line
               for line in heard.splitlines()), heard


def test_every_table_on_the_data_page_has_its_own_name(example_site: ExampleSite, example_url: str,
                                                       browser: Browser) -> None:
    """A screen reader's list of the page's tables read "table" four times: the files to download
    and the columns of each file, none named."""
    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "data/")
        heard = page.locator("article").aria_snapshot()
    tables = [line.strip() for line in heard.splitlines() if line.strip().startswith(("- table", "- 'table"))]
    assert len(tables) == 4, heard
    assert all('table "' in table for table in tables) and len(set(tables)) == len(tables), tables


def test_a_screen_reader_hears_the_groups_name_once_at_the_top_of_a_page(example_site: ExampleSite,
                                                                         example_url: str,
                                                                         browser: Browser) -> None:
    """The header read "Outpatients Together, link", then "Outpatients Together" and the page's
    title again, from the words that slide in and out of the header as the page scrolls."""
    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "decisions/D-010/")
        heard = page.locator("header.md-header").aria_snapshot()
    assert heard.count("Outpatients Together") == 1, heard
    assert "Ask CAMHS" not in heard, heard


def test_a_screen_reader_hears_the_search_button_on_a_phone_by_its_name(example_site: ExampleSite,
                                                                        example_url: str,
                                                                        browser: Browser) -> None:
    """On a phone the magnifying glass in the header opens search, but it was a picture with no
    name: touched, a screen reader said "image", or nothing, and Tab passed it by. It is a
    button called "Search", like the menu button beside it."""
    with open_page(browser, width=320) as page:
        page.goto(example_url + example_site.prefix + "decisions/D-010/")
        heard = page.locator("header.md-header > nav").aria_snapshot()
        top = [line.strip() for line in heard.splitlines() if line.startswith("  - ")]
        assert top[:3] == ['- button "Navigation":', '- button "Switch to dark mode":', '- button "Search":'], heard
        page.get_by_role("button", name="Search", exact=True).focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('__search').checked"
                               " && document.activeElement.matches('input.md-search__input')")


def test_a_screen_reader_hears_what_a_glossary_word_means_without_leaving_the_page(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """A word from the glossary is a link to its entry, its meaning in the title of an `abbr`
    inside: a mouse showed it, but a screen reader heard only "CAMHS, link", and had to leave the
    page to find out what that is. The meaning is the link's description, read after its name."""
    from playwright.sync_api import expect

    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "decisions/D-010/")
        camhs = page.locator("article a.coprod-term", has_text="CAMHS")
        expect(camhs).to_have_accessible_name("CAMHS")
        expect(camhs).to_have_accessible_description(
            "Child and Adolescent Mental Health Services. The NHS teams that help children and young people"
            " with their mental health.")
