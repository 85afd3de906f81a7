"""Markdown typed one character from right is told at its line: a real build shows it as typed,
and so does a pull request's preview (CommonMark with tables, as GitHub reads a file)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from groups import FILES, SECOND_MEETING, write_files
from markdown_it import MarkdownIt

from coprod_site.checks import check_folder
from coprod_site.checks.nearly_markdown import nearly_markdown

MEETING = "content/meetings/2025-02-14-leaflets.md"
NEARLY = ("\nRead [our impact report] (https://example.org/report) first.\n\n"
          "| Who | What |\n| A parent | chair |\n\n"
          "This is ** really important ** for everyone, and **this too **.\n")
RIGHT = ("\nRead [our impact report](https://example.org/report) first, and [[p01]] (our co-chair) agreed.\n\n"
         "| Who | What |\n| --- | --- |\n| A parent | chair |\n\n"
         "This is **really important** for everyone: `** as typed **` and 2 * 3 * 4.\n")


def test_a_link_table_or_bold_shown_as_typed_is_a_warning_at_its_line(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, MEETING: SECOND_MEETING + NEARLY})
    _, _, problems = check_folder(root)
    at = f"warning: {MEETING}, line"
    assert [str(p) for p in problems if p.path == MEETING] == [
        (f"{at} 24: '[our impact report] (https://example.org/report)' shows as typed, brackets and all: a link "
         "has no space between its words and its address. Write '[our impact report](https://example.org/report)'."),
        (f"{at} 26: this table shows as lines of text, '|' and all: a table needs a line of dashes under its first "
         "row, like '| --- | --- |'."),
        (f"{at} 29: '** really important **' shows its '**' as typed: bold has no space inside its marks. Write "
         "'**really important**'."),
        (f"{at} 29: '**this too **' shows its '**' as typed: bold has no space inside its marks. Write "
         "'**this too**'.")]
    assert mkdocs_build(root).returncode == 0
    shown = BeautifulSoup((root / "site/meetings/2025-02-14-leaflets/index.html").read_text(), "html.parser")
    preview = BeautifulSoup(MarkdownIt("commonmark").enable("table").render(NEARLY), "html.parser")
    for page in (shown, preview):
        text = " ".join(page.get_text(" ").split())
        assert "[our impact report] (https://example.org/report)" in text
        assert "| Who | What | | A parent | chair |" in text
        assert "** really important **" in text
        assert not [cell for cell in page.find_all("td") if "A parent" in cell.get_text()]
        assert not [bold for bold in page.find_all("strong") if "important" in bold.get_text()]


def test_the_same_typed_right_is_not_told_and_shows_as_meant(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, MEETING: SECOND_MEETING + RIGHT})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path == MEETING] == []
    assert mkdocs_build(root, "--strict").returncode == 0
    shown = BeautifulSoup((root / "site/meetings/2025-02-14-leaflets/index.html").read_text(), "html.parser")
    assert shown.find("a", href="https://example.org/report") is not None
    assert shown.select("article table td") and shown.find("strong", string="really important") is not None


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_in_real_minutes_and_charters_each_slip_told_shows_as_typed_in_a_preview() -> None:
    """Published governance minutes and charters (the corpus): each line told is rendered as
    CommonMark with tables, and its marks are there in the text as typed."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    told = []
    for path in sorted(CORPUS.glob("*/**/*.md")):
        if path.parts[len(CORPUS.parts)] in ("commonmark-spec", "markdown-it-fixtures"):
            continue
        lines = path.read_text(errors="replace").split("\n")
        for offset, message in nearly_markdown("\n".join(lines)):
            block = "\n".join(lines[offset:offset + 2]) if "table" in message else lines[offset]
            shown = BeautifulSoup(MarkdownIt("commonmark").enable("table").render(block), "html.parser").get_text()
            marks = re.search(r"shows its '(\*\*|__)'", message)
            left_as_typed = "|" if "table" in message else marks[1] if marks else "] ("
            assert left_as_typed in shown, (path, offset, message)
            told.append(message)
    assert len(told) >= 4, told


LISTS = ("\nWhat we will do:\n\n- Photos\n  - the lift\n  - the toilets\n- The map\n    - print it\n\n"
         "1. First\n   1. inside it\n\n- Fine\n - one space is the same list everywhere\n\n"
         "```\n- code\n  - is shown as typed\n```\n")


def test_a_list_inside_a_list_indented_as_a_preview_shows_it_is_a_warning_once_for_each(tmp_path: Path) -> None:
    """'  - the lift' under '- Photos': CommonMark, and so GitHub's preview of the file, puts it
    inside 'Photos'; the site's Markdown needs four spaces, and shows it beside 'Photos'. Each
    warning is checked against both, in a real build."""
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-02-14-leaflets.md": SECOND_MEETING + LISTS})
    _, _, problems = check_folder(root)
    preview = "a Markdown preview shows {0} inside the item above, but the site shows {0} in the same list as that item."
    assert [str(p) for p in problems if "indented by" in p.message] == [
        (f"warning: content/meetings/2025-02-14-leaflets.md, line 27: '- the lift' and 1 more item are indented by 2 "
         f"spaces: {preview.format('them')} Indent them by 4 spaces."),
        (f"warning: content/meetings/2025-02-14-leaflets.md, line 33: '1. inside it' is indented by 3 spaces: "
         f"{preview.format('it')} Indent it by 4 spaces.")]
    assert mkdocs_build(root).returncode == 0
    site = BeautifulSoup((root / "site/meetings/2025-02-14-leaflets/index.html").read_text(), "html.parser")
    preview_of = BeautifulSoup(MarkdownIt("commonmark").render(LISTS), "html.parser")

    def nested(soup: BeautifulSoup, words: str) -> bool:
        text = soup.find(string=lambda text: text.strip() == words)
        item = text.find_parent("li") if text is not None else None
        assert item is not None, words
        return item.find_parent("li") is not None

    for words in ("the lift", "the toilets", "inside it"):  # told
        assert nested(preview_of, words) and not nested(site, words)
    assert nested(preview_of, "print it") and nested(site, "print it")  # four spaces: the same everywhere
    assert not nested(preview_of, "one space is the same list everywhere")
    assert not nested(site, "one space is the same list everywhere")


PASTED = ("\nWhat we said:\n• The photos are nearly done\n• Members want a photo of the lift\n"
          "o with its buttons\n\n• One line alone reads as it looks.\n")


def test_a_list_pasted_with_a_documents_bullets_is_a_warning_once_at_its_first_item(tmp_path: Path) -> None:
    """Word and email put '•' before a list's items, and 'o' before the second level: Markdown makes
    no list of them, so the items run together as one paragraph. One such line on its own reads as
    it looks, and is not told."""
    root = write_files(tmp_path, {**FILES, MEETING: SECOND_MEETING + PASTED})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path == MEETING] == [
        (f"warning: {MEETING}, line 25: 3 lines begin with a pasted bullet ('•'), which Markdown does not make "
         "into a list: they show run together, as one paragraph. Begin each item with '- ' instead, and an item "
         "inside another with four spaces before its '- '.")]
    assert mkdocs_build(root).returncode == 0
    shown = BeautifulSoup((root / "site/meetings/2025-02-14-leaflets/index.html").read_text(), "html.parser")
    run_together = [" ".join(p.get_text().split()) for p in shown.find_all("p") if "nearly done" in p.get_text()]
    assert run_together == [("What we said: • The photos are nearly done • Members want a photo of the lift o with "
                            "its buttons")]
