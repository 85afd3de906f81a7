"""Lists on the site as a pull request's preview shows them: the site's Markdown (Python-Markdown)
against CommonMark (markdown-it, as GitHub and GitLab read a file), on the lists facilitators type."""

from __future__ import annotations

import json
from pathlib import Path

import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup, Tag
from conftest import mkdocs_build
from groups import FILES, SECOND_MEETING, write_files
from markdown_it import MarkdownIt

from coprod_site.settings import SITE_EXTENSIONS, MarkdownSetup, SharedConverter

COMMONMARK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "commonmark-spec" / "spec-0.31.2.json"


def lists(html: str) -> list[tuple[str, str | None, list[str]]]:
    """Each list in the HTML: its kind, its first number, and its items' words."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for shown in soup.find_all(["ul", "ol"]):
        assert isinstance(shown, Tag)
        start = shown.get("start")
        items = [" ".join(item.get_text(" ", strip=True).split()) for item in shown.find_all("li", recursive=False)]
        found.append((shown.name, str(start) if start is not None else None, items))
    return found


MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
"""The extensions MkDocs reads every site's pages with, before mkdocs.yml's and ours."""


def on_the_site(markdown: str) -> str:
    return SharedConverter(MarkdownSetup((*MKDOCS_BUILTINS, *SITE_EXTENSIONS))).fresh().convert(markdown)


def in_a_preview(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


TYPED = {
    "a list straight after its heading line": "What we agreed:\n- a photo of the lift\n- a photo of the toilets\n",
    "numbered steps straight after a line": "Next steps:\n1. Print the map\n2. Send it out\n",
    "a list after a quoted line": "> We want to be heard.\n- said a member\n",
    "a list after emphasis": "*Note:* two things\n- the lift\n- the toilets\n",
    "agenda items numbered with text between": "1. Welcome\n\nWe said hello.\n\n2. Apologies\n\nNone.\n\n3. The map\n",
    "bullets after a numbered list": "1. Print the map\n2. Send it\n\n- a bullet of its own\n",
    "a list after a blank line": "What we agreed:\n\n- the lift\n",
    "a list inside a list, four spaces in": "- Photos\n    - the lift\n- The map\n",
    "a number in a sentence": "We met\n2025 times.\n",
    "a line across the page": "Before\n- - -\nAfter\n",
    "a line that goes on an item": "- the lift\nand its buttons\n- the toilets\n",
}


@pytest.mark.parametrize("markdown", TYPED.values(), ids=TYPED.keys())
def test_the_site_shows_the_lists_a_preview_shows(markdown: str) -> None:
    assert lists(on_the_site(markdown)) == lists(in_a_preview(markdown))


def test_code_is_shown_as_typed() -> None:
    markdown = "Type this:\n\n```\nText\n- not a list\n```\n\n~~~\nMore\n- as typed\n~~~\n"
    assert "<pre><code>Text\n- not a list\n</code></pre>" in on_the_site(markdown)
    assert "<pre><code>More\n- as typed\n</code></pre>" in on_the_site(markdown)
    assert lists(on_the_site(markdown)) == []


def test_a_meetings_page_shows_a_list_typed_straight_after_a_line(tmp_path: Path) -> None:
    """The way most people type a list in minutes. It had shown as one paragraph, dashes and all."""
    typed = SECOND_MEETING + "\nWhat we agreed:\n- a photo of the lift\n- a photo of the toilets\n"
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-02-14-leaflets.md": typed})
    assert mkdocs_build(root, "--strict").returncode == 0
    page = (root / "site/meetings/2025-02-14-leaflets/index.html").read_text()
    assert ("ul", None, ["a photo of the lift", "a photo of the toilets"]) in lists(page)
    assert "- a photo" not in BeautifulSoup(page, "html.parser").get_text()


def test_no_example_of_the_commonmark_spec_shows_its_lists_less_like_a_preview() -> None:
    """The spec's 652 examples, read with and without the site's list reading: those whose lists
    came out as CommonMark's only without it would be ones this made worse."""
    if not COMMONMARK.is_file():
        pytest.skip("../shared/corpus is not here")
    before = [*MKDOCS_BUILTINS, *(name for name in SITE_EXTENSIONS
                                  if name not in ("sane_lists", "coprod_site.markdown_lists"))]
    worse, better = [], []
    for example in json.loads(COMMONMARK.read_text()):
        preview = lists(in_a_preview(example["markdown"]))
        was = lists(python_markdown.markdown(example["markdown"], extensions=before)) == preview
        now = lists(on_the_site(example["markdown"])) == preview
        if was != now:
            (better if now else worse).append(example["example"])
    assert worse == [] and len(better) >= 5, (worse, better)


TASKS = "\nBefore the next meeting:\n\n- [x] Book the room\n- [ ] Print the **map**\n- [Our map](https://example.org) is not a task\n"


def test_a_task_list_shows_a_box_for_each_job_and_says_whether_it_is_done(tmp_path: Path) -> None:
    """A preview shows '- [ ] Print the map' with a box to tick, and the site had shown its
    brackets as typed. The site draws the box (ticked when done) and says 'To do:' or 'Done:' to
    a screen reader; it puts no form control on the page, which could not be used."""
    root = write_files(tmp_path, {**FILES, "content/visit.md": "# Our visit\n" + TASKS})
    assert mkdocs_build(root, "--strict").returncode == 0
    page = BeautifulSoup((root / "site/visit/index.html").read_text(), "html.parser")
    items = page.select("article li")
    assert [item.get_text(" ", strip=True) for item in items] == [
        "Done: Book the room", "To do: Print the map", "Our map is not a task"]
    assert [bool(item.select(".coprod-task-box--done")) for item in items] == [True, False, False]
    assert [item.select_one(".coprod-visually-hidden") is not None for item in items] == [True, True, False]
    assert page.select_one("article input") is None and "[ ]" not in page.get_text()
    assert page.select_one("article strong").get_text() == "map"
