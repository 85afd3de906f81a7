"""Pages that do not grow with the records: paginated lists, year pages, a fixed sidebar.

Two synthetic groups, of 20 and 120 meetings, are built with a page size of
10; a page of either site must be the same size, give or take a few dates.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import REPO, mkdocs_build
from support.browser import browser_available, chromium_browser, open_page, require, serve_directory

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_group

PAGE_SIZE = 10
FEED_ENTRIES = 50
"""The default number of entries a feed keeps."""
TOLERANCE = 0.02
"""Pages may differ by 2%: dates, counts and a year or two of links differ between the sites."""


def build_synthetic(root: Path, meetings: int) -> Path:
    generate_group(root, meetings)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - coprod\n", f"  - coprod:\n      page_size: {PAGE_SIZE}\n"))
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("scale")
    return build_synthetic(base / "small", 20), build_synthetic(base / "large", 120)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def oldest_meeting(site: Path) -> Path:
    return min((site / "meetings").glob("20*-*/index.html"))


def test_a_page_does_not_grow_when_the_records_do(sites: tuple[Path, Path]) -> None:
    small, large = sites
    pairs = {
        "the oldest meeting": (oldest_meeting(small), oldest_meeting(large)),
        "the meetings list": (small / "meetings/index.html", large / "meetings/index.html"),
        "the decisions list": (small / "decisions/index.html", large / "decisions/index.html"),
        "the home page": (small / "index.html", large / "index.html"),
    }
    for name, (few, many) in pairs.items():
        few_size, many_size = few.stat().st_size, many.stat().st_size
        assert abs(many_size - few_size) <= TOLERANCE * few_size, (name, few_size, many_size)


def test_the_actions_page_keeps_open_actions_and_sends_the_rest_to_year_pages(sites: tuple[Path, Path]) -> None:
    small, large = sites
    actions = soup_of(large / "actions/index.html")
    rows = actions.select("article tbody tr")
    assert len(rows) == 15 and all("Open" in row.get_text() for row in rows)
    years = actions.select('nav[aria-label="Years"] a')
    assert years and all(re.fullmatch(r"\d{4} \(\d+ actions?\)", a.get_text()) for a in years)
    first_year = large / "actions" / years[0]["href"] / "index.html"
    rows = soup_of(first_year).select("article tbody tr")
    assert 0 < len(rows) <= PAGE_SIZE
    assert all(re.fullmatch(r"ACT-\d+", row["id"]) for row in rows)
    sizes = [small.joinpath("actions/index.html").stat().st_size, large.joinpath("actions/index.html").stat().st_size]
    assert abs(sizes[1] - sizes[0]) <= TOLERANCE * sizes[0], sizes


def test_an_actions_address_still_finds_it_once_it_is_listed_by_year(sites: tuple[Path, Path]) -> None:
    """CONTENT-MODEL: each action is anchored on /actions/ as #ACT-021. Done ones listed by year
    had left that address leading nowhere: the actions page now looks it up and goes there."""
    large = sites[1]
    where = json.loads((large / "actions/where.json").read_text(encoding="utf-8"))
    for action_id, address in where.items():
        assert soup_of(large / "actions" / address / "index.html").find(id=action_id) is not None, action_id
    action_id, address = max(where.items(), key=lambda item: (item[1].count("/"), item))  # on a later page
    require(browser_available(), "Chromium via Playwright")
    with serve_directory(large) as base, chromium_browser() as browser, open_page(browser) as page:
        page.goto(f"{base}actions/#{action_id}")
        page.wait_for_url(f"{base}actions/{address}#{action_id}")
        assert page.locator(f"tr[id='{action_id}']").count() == 1


def test_lists_are_paginated_with_an_accessible_page_navigation(sites: tuple[Path, Path]) -> None:
    _, large = sites
    first = soup_of(large / "meetings/index.html")
    assert len(first.select("article ul.coprod-list")[-1].select("li")) == PAGE_SIZE
    pages = first.select_one('nav[aria-label="Pages"]')
    assert pages is not None
    assert pages.select_one("p").get_text() == "Page 1 of 12"
    labels = [" ".join(a.get_text().split()) for a in pages.select("a")]
    assert labels == ["Page 1", "Page 2", "Page 3", "Page 12", "Next page"]
    assert [a.get_text() for a in pages.select('a[aria-current="page"]')] == ["Page 1"]

    middle = soup_of(large / "meetings/page/6/index.html")
    assert middle.select_one("h1").get_text() == "Meetings, page 6 of 12"
    labels = [" ".join(a.get_text().split()) for a in middle.select('nav[aria-label="Pages"] a')]
    assert labels == ["Previous page", "Page 1", "Page 4", "Page 5", "Page 6", "Page 7", "Page 8",
                      "Page 12", "Next page"]
    assert [a.get_text() for a in middle.select('nav[aria-label="Pages"] a[aria-current="page"]')] == ["Page 6"]
    assert not (large / "meetings/page/13/index.html").exists()


def test_each_year_has_its_own_page_of_meetings_and_decisions(sites: tuple[Path, Path]) -> None:
    _, large = sites
    for section in ("meetings", "decisions"):
        years = soup_of(large / section / "index.html").select('nav[aria-label="Years"] a')
        assert years[0].get_text() == f"All {section}" and years[0].get("aria-current") == "true"
        year_link = years[1]
        year = year_link.get_text().split()[0]
        assert re.fullmatch(rf"{year} \(\d+ {section[:-1]}s?\)", year_link.get_text())  # "2025 (12 meetings)"
        page = soup_of(large / section / year / "index.html")
        assert page.select_one("h1").get_text() == f"{section.capitalize()} in {year}"
        current = page.select('nav[aria-label="Years"] a[aria-current="true"]')
        assert [a.get_text() for a in current] == [year_link.get_text()]
        dates = re.findall(r"\d{1,2} [A-Z][a-z]+ (\d{4})", page.select_one("article ul.coprod-list, article table")
                           .get_text(" "))
        assert dates and set(dates) == {year}


def test_the_sidebar_is_the_same_on_both_sites(sites: tuple[Path, Path]) -> None:
    def sidebar(site: Path) -> list[str]:
        nav = soup_of(oldest_meeting(site)).select_one("nav.md-nav--primary")
        assert nav is not None
        return [" ".join(a.get_text().split()) for a in nav.select("a.md-nav__link")]

    small, large = sites
    assert sidebar(small) == sidebar(large)
    assert "Meetings" in sidebar(large) and len(sidebar(large)) < 12


def test_how_we_work_charts_the_last_twelve_meetings_and_quarters(sites: tuple[Path, Path]) -> None:
    _, large = sites
    page = soup_of(large / "how-we-work/index.html")
    attendance = page.select_one("#chart-attendance")
    assert attendance is not None
    assert "How many people came to each of our last 12 meetings" in attendance.get_text(" ")
    assert len(attendance.select("tbody tr")) == 12
    assert len(page.select_one("#chart-chairs-by-quarter").select("tbody tr")) <= 12


def test_you_said_we_did_lists_the_latest_of_each_outcome_and_sends_the_rest_to_the_list(
        sites: tuple[Path, Path]) -> None:
    _, large = sites
    page = soup_of(large / "you-said-we-did/index.html")
    lists = page.select("ul.coprod-said-list")
    assert lists and all(len(found.select("li.coprod-said")) <= PAGE_SIZE for found in lists)
    more = [p for p in page.select("article p") if p.get_text().startswith(f"These are the {PAGE_SIZE} most recent")]
    assert more and more[0].a["href"] == "../decisions/"


def test_feeds_keep_the_newest_entries_and_the_data_keeps_every_record(sites: tuple[Path, Path]) -> None:
    _, large = sites
    for site in sites:
        meetings = json.loads((site / "data/meetings.json").read_text(encoding="utf-8"))["meetings"]
        agreed = [m for m in meetings if m["minutes"] == "agreed"]
        newest = sorted(agreed, key=lambda m: (m["agreed_on"], m["id"]), reverse=True)
        feed = feedparser.parse((site / "feeds/meetings.atom.xml").read_bytes())
        assert feed.bozo == 0
        expected = newest[:FEED_ENTRIES]
        assert [entry.id.rsplit("meetings/", 1)[1] for entry in feed.entries] == [m["id"] for m in expected]
    assert len(agreed) > FEED_ENTRIES  # the large site's data has every meeting
    for name in ("all", "decisions"):
        assert len(feedparser.parse((large / f"feeds/{name}.atom.xml").read_bytes()).entries) == FEED_ENTRIES
