"""The leak guard's fast reader of markup reads exactly what html.parser reads.

The guard used html.parser alone; its fast reader must never see less text, or
a leak could slip through. These tests compare the two on built pages, feeds
and QR codes, and on hostile markup from the shared corpus, reading documents
whole and in runs of lines cut at every line (as the guard reads pages, each
run once).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coprod_site import guard
from coprod_site.guard import _fast_parts, _parsed_parts, _text_by_runs, visible_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
XSS = CORPUS / "markdown-it-fixtures" / "test" / "fixtures" / "markdown-it" / "xss.txt"
BLNS = CORPUS / "big-list-of-naughty-strings" / "blns.json"


def reference_text(markup: str) -> str:
    """What the guard read before it had a fast reader: html.parser alone."""
    return re.sub(r"[ \t\u00a0]+", " ", "".join(_parsed_parts(markup)))


def assert_reads_the_same(markup: str) -> None:
    try:
        expected = reference_text(markup)
    except AssertionError:  # html.parser gives up on some marked sections; so must the guard
        with pytest.raises(AssertionError):
            visible_text(markup)
        return
    assert visible_text(markup) == expected, markup
    # Read in runs, it reads what it reads whole; only what the fast reader hands on is handed on.
    in_runs = _text_by_runs(markup, one_in=1)
    assert in_runs == (None if _fast_parts(markup) is None else expected), markup


EDGE_CASES = [
    "plain text &amp; more &lt;b&gt; &#48;7700 &#x39;00123 &nbsp;x &amp",
    "a < b <3 c <",
    "<p title='it&#39;s' data-x=\"a&amp;b\" hidden>x</p>",
    '<a href=/x/>link</a><br/><br /><img src=a.png alt="Jane Smith"/>',
    '<a href = "spaced">x</a><a href="x"title="y">z</a>',
    "<a\x0bhref=x>vertical tab</a><a href=x\x0bb>y</a>",
    "<svg viewBox='0 0 1 1' class=x style='a:b'><path d='M0 0h1'/><title>QR</title></svg>",
    "<script>var a = '&amp; 07700 900123'; if (a < b) {}</script>after",
    "<SCRIPT type=x>x</Script >y<style>p{}</style>",
    "<script>never closed 07700 900123",
    "<script/>not raw <b>bold</b>",
    "a<!-- hidden 07700 900123 -->b<!---->c<!-- x --!>d<!-->e-->f",
    "a<!-- never closed",
    "<!DOCTYPE html><?xml version='1.0'?><!doctype x>text",
    "<![CDATA[ 07700 900123 ]]>after",
    "<![foo[ x ]]>",
    "<!bogus>x</ bogus>y</>z</3>",
    "&amp<!-- c -->;x",
    "<a href=\"never closed>text",
    "<a b\"c=d e='f'g=h>x</a>",
    "<tag-with:colon a:b=c>x</tag-with:colon>",
    "<p>Jane</p><p>Smith</p>\n\t<nav>07700</nav> <footer>900123</footer>",
    "<a title=\"\u00a0non\u00a0breaking\u00a0\">x\u00a0y</a>",
    "<a\nhref='x'\ntitle=\"Jane\nSmith\">x</a>\nafter",
    "<!-- a\nb 07700\n-->c\n<!-- d --\n>e\n",
    "<script>\nvar a = '07700\n900123';\n</script\n>\nx\n<style>\np{}\n</style>",
    "text &amp\n; &#48\n7700\n&\namp;\n",
    "<p>Jane \n</p>\n   <p>   Smith</p>\n \n\t\n\u00a0c  \n",
    "a <\n b\n<\n/p>\n</\np>\n",
]


@pytest.mark.parametrize("markup", EDGE_CASES)
def test_edge_cases_read_the_same(markup: str) -> None:
    assert_reads_the_same(markup)


def test_built_pages_feeds_and_codes_read_the_same_without_html_parser(built_group: Path) -> None:
    files = [p for p in sorted(built_group.rglob("*")) if p.suffix in (".html", ".svg", ".xml")]
    assert len(files) > 20
    for path in files:
        markup = path.read_text(encoding="utf-8")
        assert _fast_parts(markup) is not None, path  # the fast reader really is used
        assert visible_text(markup) == reference_text(markup), path
        assert _text_by_runs(markup, one_in=1) == reference_text(markup), path


def xss_markup() -> list[str]:
    """Every block of markdown-it's xss.txt, its Markdown inputs and its HTML outputs alike."""
    blocks = XSS.read_text(encoding="utf-8").split("\n.\n")
    return [block for block in blocks if block.strip()]


def test_hostile_markup_reads_the_same() -> None:
    if not XSS.is_file() or not BLNS.is_file():
        pytest.skip("../shared/corpus is not here")
    naughty = json.loads(BLNS.read_text(encoding="utf-8"))
    for markup in xss_markup():
        assert_reads_the_same(markup)
    for text in naughty:
        assert_reads_the_same(text)
        assert_reads_the_same(f"<p title=\"{text}\">{text}</p><a href='{text}'>x</a><{text}>")
    assert_reads_the_same("".join(naughty))


def test_a_long_run_every_page_shares_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme's script (overrides/main.html) makes one run of more than 8,000 characters with
    the lines around it on every page, since a run that ends inside a script takes in the next:
    it is read on the first page only, and gives what reading each page whole gives."""
    script = "<script>\n" + "".join(f"  var long_run_{n} = '{'x' * 600}';\n" for n in range(20)) + "</script>\n"
    pages = [f"<p>Page {n}</p>\n{script}<p>Its end</p>\n" for n in range(3)]
    read: list[int] = []

    def counted(markup: str) -> str | None:
        if len(markup) > guard._RUN_LIMIT:
            read.append(len(markup))
        return spaced_text(markup)

    spaced_text = guard._spaced_text
    monkeypatch.setattr(guard, "_spaced_text", counted)
    for page in pages:
        assert _text_by_runs(page, one_in=1) == reference_text(page)
    assert read and len(read) == len(set(read))
