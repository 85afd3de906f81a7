"""Markdown in a field is shown as typed: the facilitator is told before its marks are published."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import mkdocs_build
from groups import FILES, write_files

from coprod_site.checks import check_folder

FIRST = "content/meetings/2025-01-10-first-meeting.md"
TAKE_THEM_OUT = "Take them out: only the text below the second '---' line is read as Markdown."


def warnings_about_marks(root: Path) -> list[str]:
    return sorted(str(problem) for problem in check_folder(root)[2] if "is shown as typed, so" in problem.message)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("title: Our first meeting", "title: Our **first** meeting",
     [f"warning: {FIRST}, line 2: 'title' is shown as typed, so the '**' around 'first' would show. {TAKE_THEM_OUT}"]),
    ("agenda: [Welcome, Our charter]", "agenda: [Welcome, Our _new_ charter]",
     [(f"warning: {FIRST}, line 15: item 2 of 'agenda' is shown as typed, so the '_' around 'new' would show. "
      f"{TAKE_THEM_OUT}")]),
    ("venue: Library (step-free)", "venue: Library (`step-free`)",
     [(f"warning: {FIRST}, line 7: 'venue' is shown as typed, so the '`' around 'step-free' would show. "
      f"{TAKE_THEM_OUT}")]),
    ("    what: Send the charter to everyone", "    what: Send the [*charter*](../../charter/) to everyone",
     [(f"warning: {FIRST}, line 27: 'what' in actions item 1 is shown as typed, so the '*' around 'charter' would "
      f"show. {TAKE_THEM_OUT}"),
      (f"warning: {FIRST}, line 27: 'what' in actions item 1 is shown as typed, so the link "
      "'[*charter*](../../charter/)' would show as written, brackets and address. Write just its words here, and "
      "put the link in the text below the second '---' line, which is read as Markdown.")]),
], ids=["bold title", "stressed agenda item", "code in a venue", "a link in an action"])
def test_markdown_in_a_field_is_a_warning_at_its_line(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    assert old in FILES[FIRST]
    root = write_files(tmp_path, {**FILES, FIRST: FILES[FIRST].replace(old, new)})
    assert warnings_about_marks(root) == expected


@pytest.mark.parametrize("title", [
    "Costs: 5 * 3 sessions", "The snake_case_name of a file", "Thanks to [[p01]]", "Q&A with the board",
    "Ask jo_bloggs_1 about it", "A *note", "**", "Notes at https://example.org/a_b_c",
])
def test_what_only_looks_like_markdown_is_not_told(tmp_path: Path, title: str) -> None:
    root = write_files(tmp_path, {**FILES, FIRST: FILES[FIRST].replace("title: Our first meeting",
                                                                        f"title: {title!r}")})
    assert warnings_about_marks(root) == []


def test_marks_in_a_field_are_published_as_typed(tmp_path: Path) -> None:
    """What the warning says is so: the page shows the marks, and builds (a warning, not an error)."""
    root = write_files(tmp_path, {**FILES, FIRST: FILES[FIRST].replace("title: Our first meeting",
                                                                       "title: Our **first** meeting")})
    assert mkdocs_build(root).returncode == 0
    page = (root / "site" / "meetings" / "2025-01-10-first-meeting" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Our **first** meeting" in page
