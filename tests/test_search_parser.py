"""Search entries made by the quick reader are exactly Material's.

`search_parser.sections` must give the sections Material's own search `Parser`
gives, or the search index would differ from the one Material writes. These
tests compare the two on every page of a built site (whole and article by
article), on hostile markup from the shared corpus, and on generated markup
made of the elements that matter to Material's parser: headings with ids,
kept tags, preformatted text, permalinks and excluded blocks.
"""

# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from example_site import ExampleSite, example_site  # noqa: F401
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from test_visible_text import BLNS, EDGE_CASES, XSS

from coprod_site.search_parser import _Sections, sections

COMMONMARK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "commonmark-spec" / "spec-0.31.2.json"


def described(found: list[Any]) -> list[tuple[Any, ...]]:
    return [(section.el.tag, section.id, section.depth, list(section.title), list(section.text)) for section in found]


def material_sections(markup: str) -> list[tuple[Any, ...]]:
    parser = Parser()
    parser.feed(markup)
    parser.close()
    return described(parser.data)


def assert_same_sections(markup: str) -> None:
    try:
        expected = material_sections(markup)
    except AssertionError:  # html.parser gives up on some marked sections; so must the quick path
        with pytest.raises(AssertionError):
            sections(markup)
        return
    assert described(sections(markup)) == expected, markup


def read_quickly(markup: str) -> bool:
    return _Sections().read(markup)


def articles(html: str) -> list[str]:
    return re.findall(r"<article[^>]*>(.*?)</article>", html, re.DOTALL)


@pytest.mark.parametrize("markup", EDGE_CASES)
def test_edge_cases_give_the_same_sections(markup: str) -> None:
    assert_same_sections(markup)


def test_every_page_of_the_example_gives_the_same_sections(example_site: ExampleSite) -> None:
    quick = 0
    for path in example_site.html_files():
        html = path.read_text(encoding="utf-8")
        for markup in [html, *articles(html)]:
            assert_same_sections(markup)
        quick += sum(read_quickly(article) for article in articles(html))
    assert quick > 40, "the quick reader must read the example's pages itself, not hand them all on"


def test_hostile_markup_gives_the_same_sections() -> None:
    samples: list[str] = []
    if XSS.is_file():
        samples += XSS.read_text(encoding="utf-8").split("\n.\n")
    if COMMONMARK.is_file():
        samples += [example["html"] for example in json.loads(COMMONMARK.read_text(encoding="utf-8"))]
    if BLNS.is_file():
        samples += json.loads(BLNS.read_text(encoding="utf-8"))
    if not samples:
        pytest.skip("../shared/corpus is not here")
    for markup in samples:
        assert_same_sections(markup)


PIECES = st.sampled_from([
    "<h1 id=a>", "</h1>", "<h2 id='b'>", "<h2>", "</h2>", "<h3 id=c>", "</h3>", "<p>", "</p>", "<pre>",
    "</pre>", "<code>", "</code>", "<ul>", "<li>", "</li>", "</ul>", "<div>", "</div>",
    "<div data-search-exclude>", '<div class="linenodiv">', '<a class="headerlink" href="#a">', "</a>",
    "<a href=x>", "<br>", "<br/>", "<hr />", "<span>", "</span>", "<sub>", "</sub>", "<!-- c -->",
    "text", " ", "\n", "  \n ", "a &amp; b", "&lt;x&gt;", "Jane\nSmith", "<em>", "</em>", "<object>",
    "</object>",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_generated_markup_gives_the_same_sections(pieces: list[str]) -> None:
    assert_same_sections("".join(pieces))
