"""The leak guard scans a page run by run, remembering the theme's runs: it must find exactly what
scanning the whole text finds, wherever the runs are cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_privacy import person
from test_visible_text import BLNS, EDGE_CASES

from coprod_site.guard import RunLeaks, SiteText, _runs_of, leaks_in, visible_runs
from coprod_site.privacy import PrivacyRules, find_leaks, forbidden_name_forms

RULES = PrivacyRules(frozenset({"team@example.org"}), ("p01", "p02", "sky-b"))


def cut_at_every_line(markup: str) -> SiteText:
    """The page's text in runs of one line each, where the fast reader reads it."""
    runs = tuple(_runs_of(markup, one_in=1) or visible_runs(markup))
    return SiteText("page.html", "page.html", "".join(runs), runs)


def read_in_runs(piece: SiteText) -> bool:
    return len([run for run in piece.runs if run]) > 1


def assert_same_leaks(markup: str, rules: PrivacyRules = RULES) -> None:
    try:
        visible_runs(markup)
    except AssertionError:  # html.parser gives up on some marked sections: nothing to compare
        return
    for piece in (cut_at_every_line(markup), cut_at_every_line(markup)):  # the second from memory
        assert RunLeaks().findings(piece, rules) == find_leaks(piece.text, rules), markup
        assert leaks_in(piece, rules) == find_leaks(piece.text, rules), markup


LEAKY_LINES = [
    "<dt>NHS number</dt>\n<dd>123 456 7890</dd>\n",
    "Her NHS\nnumber is\n123 456 7890 and the order\n" + "x" * 39 + "\n123 456 7890\n",
    "xNHS " + "y" * 34 + "\n123 456 7890\n",
    "xNHS " + "y" * 35 + "\n123 456 7890\n",  # the window of 40 starts at N: 'x' decides
    "Ring\n0161 496 0123\nor 0161\n496 0123 (not one number)\n",
    "p01\np02,\n-p01\n(sky-b)\n",
    "jo@gmail.com\nteam@example.org\n@x\nname\n@host.org\n",
    "SW1A\n1AA and sw1a 1aa\nand\n+1 415 555 0100\n",
]


@pytest.mark.parametrize("markup", [*LEAKY_LINES, *EDGE_CASES])
def test_leaks_across_line_breaks_are_found_as_in_the_whole_text(markup: str) -> None:
    assert_same_leaks(markup)


@pytest.mark.parametrize("markup", LEAKY_LINES)
def test_the_leaky_lines_are_read_in_runs(markup: str) -> None:
    assert read_in_runs(cut_at_every_line(markup))


def test_every_page_of_a_built_site_gives_the_same_leaks(built_group: Path) -> None:
    pages = sorted(built_group.rglob("*.html"))
    assert pages
    for page in pages:
        assert_same_leaks(page.read_text(encoding="utf-8"))
        assert read_in_runs(SiteText("p", "p", "", tuple(visible_runs(page.read_text(encoding="utf-8")))))


def test_names_from_the_private_register_are_looked_for_in_the_whole_text() -> None:
    rules = PrivacyRules(RULES.allowed_emails, RULES.person_ids,
                         {"p01": forbidden_name_forms("Jane Smith", person("role"))})
    piece = cut_at_every_line("<p>Jane\nSmith</p>\n<p>x</p>\n")
    assert [f.kind for f in leaks_in(piece, rules)] == ["real_name"]


def test_naughty_strings_give_the_same_leaks() -> None:
    if not BLNS.is_file():
        pytest.skip("../shared/corpus is not here")
    strings = json.loads(BLNS.read_text(encoding="utf-8"))
    assert_same_leaks("\n".join(f"<p>{s}</p>" for s in strings))


PIECES = st.sampled_from(["NHS", " number ", "\n", "123 456 7890", "0161 496 0123", "p01", " ", "<p>", "</p>",
                          "jo@gmail.com", "SW1A 1AA", "9434765919", "+1 415 555 0100", "x" * 30, "-", "(",
                          "&amp;", "team@example.org", "sw1a 1aa", "07700-900-123"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_generated_text_gives_the_same_leaks(pieces: list[str]) -> None:
    assert_same_leaks("".join(pieces))
