"""No broken links: every internal href and src in a whole built site points to a real file and anchor."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, mkdocs_build

LINKING_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"))


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example group in the repository (content/ and mkdocs.yml), built once."""
    if not (REPO / "content" / "project.yml").is_file():
        pytest.skip("the example group is not in this checkout")
    site = tmp_path_factory.mktemp("example") / "site"
    result = mkdocs_build(REPO, site=site)
    assert result.returncode == 0, result.stderr
    return site


def site_prefix(site: Path) -> str:
    """The path part of the site's address ('/test/'), read from its canonical links."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    canonical = soup.find("link", rel="canonical")
    return urlsplit(str(canonical["href"])).path if canonical else "/"


@cache
def anchors_of(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(tag.get("id") or tag.get("name")) for tag in soup.find_all(attrs={"id": True}) +
                     soup.find_all("a", attrs={"name": True}))


def broken_links(site: Path) -> list[str]:
    """'page -> link: why' for every internal link that leads nowhere."""
    prefix, host = site_prefix(site), _host(site)
    broken = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        page_dir = "/" + page.parent.relative_to(site).as_posix()
        for tag, attribute in LINKING_ATTRIBUTES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                problem = _check(site, page, page_dir, str(element[attribute]), prefix, host)
                if problem:
                    broken.append(f"{page.relative_to(site)} -> {element[attribute]}: {problem}")
    return broken


def _host(site: Path) -> str:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    canonical = soup.find("link", rel="canonical")
    return urlsplit(str(canonical["href"])).netloc if canonical else ""


def _check(site: Path, page: Path, page_dir: str, link: str, prefix: str, host: str) -> str | None:
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel", "data", "javascript"):
        return None
    if parts.scheme or parts.netloc:
        if parts.netloc != host or not parts.path.startswith(prefix):
            return None  # another website: not ours to check
        path = "/" + parts.path.removeprefix(prefix)
    elif parts.path.startswith("/"):
        path = "/" + parts.path.removeprefix(prefix)
    elif parts.path:
        path = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path))) + ("/" if parts.path.endswith("/") else "")
    else:
        path = None
    target = page if path is None else site / path.lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return "no such file"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors_of(target):
        return f"no #{parts.fragment} on that page"
    return None


def test_no_broken_links_in_the_test_group(built_group: Path) -> None:
    assert broken_links(built_group) == []


def test_no_broken_links_in_a_group_just_starting(tmp_path: Path) -> None:
    """Only what the content model requires: no glossary, no records yet."""
    from conftest import mkdocs_build
    from groups import FILES, write_files

    kept = ("mkdocs.yml", "content/project.yml", "content/people.yml", "content/charter.md")
    files = {name: text for name, text in FILES.items() if name in kept}
    files["content/charter.md"] = files["content/charter.md"].replace(
        "version: 2", "version: 1").replace("adopted_at: 2025-01-10-first-meeting\n", "")
    root = write_files(tmp_path, files)
    assert mkdocs_build(root).returncode == 0
    assert broken_links(root / "site") == []


def test_no_broken_links_in_the_example_group(example_site: Path) -> None:
    assert broken_links(example_site) == []


def test_the_example_group_shares_by_feed_calendar_poster_and_data(example_site: Path) -> None:
    import feedparser

    feed = feedparser.parse((example_site / "feeds" / "all.atom.xml").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) > 10
    assert "BEGIN:VEVENT" in (example_site / "meetings.ics").read_text(encoding="utf-8")
    poster = BeautifulSoup((example_site / "meetings" / "next" / "poster" / "index.html").read_text(encoding="utf-8"),
                           "html.parser")
    assert poster.find("article", class_="coprod-poster").h1.get_text() == "Come to our next meeting"
    for name in ("decisions.csv", "decisions.json", "actions.csv", "meetings.json", "meetings.schema.json"):
        assert (example_site / "data" / name).is_file()


def test_the_link_checker_finds_a_broken_link_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="gone/">x</a><a href="#nowhere">y</a><a id="here" href="#here">z</a>'
                                         '<a href="https://elsewhere.example/">w</a>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html -> gone/: no such file",
                                      "index.html -> #nowhere: no #nowhere on that page"]


def test_a_table_of_contents_landmark_is_only_where_there_are_contents(example_site: Path) -> None:
    """A screen reader lists landmarks: an empty "Table of contents" is a dead end."""
    empty, full = [], 0
    for page in sorted(example_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for nav in soup.find_all("nav", attrs={"aria-label": "Table of contents"}):
            if nav.find("a", href=True) is None:
                empty.append(str(page.relative_to(example_site)))
            else:
                full += 1
    assert empty == []
    assert full > 3  # the charter and the guides still have theirs
