"""Glossary terms are explained on first use on each page (WCAG 3.1.4), and nowhere they should not be."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from coprod_site.render import Renderer
from coprod_site.terms import mark_glossary_terms

GLOSSARY = {
    "PALS": "Patient Advice and Liaison Service.",
    "co-chair": "One of two people who lead our meetings.",
    "Easy Read": "Short sentences & pictures.",
    "minutes": "The written notes of a meeting.",
}


def mark(html: str) -> str:
    return mark_glossary_terms(html, GLOSSARY, Renderer().glossary_terms("meetings/2025-01-10-first.md"))


def abbrs(html: str) -> list[tuple[str, str]]:
    return [(a.get_text(), str(a["title"])) for a in BeautifulSoup(html, "html.parser").find_all("abbr")]


def test_first_use_of_each_term_is_marked_with_its_explanation() -> None:
    html = mark("<p>Ask PALS. Our co-chairs met PALS and read the Minutes.</p><p>PALS again.</p>")
    assert abbrs(html) == [("PALS", "Patient Advice and Liaison Service."),
                           ("co-chairs", "One of two people who lead our meetings."),
                           ("Minutes", "The written notes of a meeting.")]
    assert html.count("PALS") == 3


def test_short_forms_match_only_in_capitals_and_only_as_whole_words() -> None:
    html = mark("<p>My pals, PALSY and co-chairing; an Easy Reader.</p>")
    assert abbrs(html) == []


def test_the_group_name_is_not_a_glossary_term() -> None:
    html = mark_glossary_terms("<p>Minutes Matter met. Read the minutes.</p>", GLOSSARY,
                               Renderer().glossary_terms("index.md"), ["Minutes Matter"])
    assert abbrs(html) == [("minutes", "The written notes of a meeting.")]
    assert html.startswith("<p>Minutes Matter met.")


def test_explanations_are_escaped() -> None:
    html = mark("<p>An Easy Read leaflet.</p>")
    assert '<abbr title="Short sentences &amp; pictures.">Easy Read</abbr>' in html


def test_a_term_links_to_its_entry_so_keyboards_touch_and_screen_readers_reach_it() -> None:
    """A title shows only under a mouse: the term is a link to the glossary as well."""
    soup = BeautifulSoup(mark("<p>Read the minutes, then call PALS.</p>"), "html.parser")
    assert [(a["href"], a.get_text()) for a in soup.find_all("a")] == [
        ("../../glossary/#minutes", "minutes"), ("../../glossary/#pals", "PALS")]


def test_tags_attributes_code_links_and_definitions() -> None:
    html = mark('<p><a href="/PALS/" title="PALS">Write to PALS</a> <code>PALS</code></p>'
                "<dl><dt><dfn>minutes</dfn></dt><dd>minutes are notes</dd></dl>")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.a is not None and soup.a["href"] == "/PALS/" and soup.a["title"] == "PALS"
    # a link cannot hold another: a term inside one is left as it is
    assert abbrs(html) == [("minutes", "The written notes of a meeting.")]
    assert soup.code is not None and soup.code.get_text() == "PALS"
    assert soup.dfn is not None and soup.dfn.abbr is None


def test_the_glossary_page_defines_terms_rather_than_explaining_them(built_group: Path) -> None:
    glossary = BeautifulSoup((built_group / "glossary/index.html").read_text(), "html.parser")
    assert [dfn.get_text() for dfn in glossary.select("article dt dfn")] == ["PPI"]
    assert glossary.select("article abbr") == []
