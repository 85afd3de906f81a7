"""Actions typed into a meeting's text, as minutes copied from a document write them, are told:
the site shows them only as words, never on the actions page or in a reminder."""

from __future__ import annotations

from pathlib import Path

import pytest
from groups import FILES, PLANNED_MEETING, SECOND_MEETING, write_files

from coprod_site.checks import check_folder
from coprod_site.checks.actions_in_text import typed_actions

MEETING = "content/meetings/2025-02-14-leaflets.md"
PLANNED = "content/meetings/2027-06-10-summer.md"
TYPED = ("\n**Actions:**\n\n- F. H. to ask the board about the budget\n- A parent member to phone the print shop\n\n"
         "We will meet again in March.\n\n- Not an action: a list after the actions have ended\n\n"
         "ACTION: the facilitator to book the room for April.\n\n"
         "- **Action:** write to the ward manager\n- [ ] Take the photo of the front desk again\n\n"
         "```\nACTION: in code, shown as typed\n```\n<!-- ACTION: a note to the other writers -->\n")


def test_actions_typed_into_a_meetings_text_are_told_once_with_their_lines(tmp_path: Path) -> None:
    """The first item under 'Actions:' is ACT-002, already under 'actions:', so it is not told:
    writing an action in both places keeps the summary whole. A planned meeting's text is told
    by the check of text the site does not show, not by this one."""
    root = write_files(tmp_path, {**FILES, MEETING: SECOND_MEETING + TYPED,
                                  PLANNED: PLANNED_MEETING + "ACTION: bring the leaflets\n"})
    told = [str(p) for p in check_folder(root)[2] if "typed into its text" in p.message]
    assert told == [
        (f"warning: {MEETING}, line 27: has 4 actions typed into its text (lines 27, 33, 35 and 36), which the site "
         "shows only as words: they are not on the actions page, and nobody is reminded when they are due. Give "
         "each its own entry under 'actions:', with 'id', 'what', 'owner', 'due' and 'status'. You may keep them "
         "in the text too.")]


def test_one_action_typed_into_the_text_is_told_as_one(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, MEETING: SECOND_MEETING + "\nAction point - phone the print shop.\n"})
    assert [p.message for p in check_folder(root)[2] if "typed into its text" in p.message] == [
        ("has 1 action typed into its text, which the site shows only as words: it is not on the actions page, and "
        "nobody is reminded when it is due. Give it its own entry under 'actions:', with 'id', 'what', 'owner', "
        "'due' and 'status'. You may keep it in the text too.")]


@pytest.mark.parametrize("text", [
    "Actions speak louder than words.", "We talked about the action plan.", "The to-do list is long.",
    "## Actions from the last meeting\n\n- All done.", "Take action: the trust listened."])
def test_words_about_actions_are_not_actions(text: str) -> None:
    assert list(typed_actions(text)) == []


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_in_real_minutes_actions_typed_in_each_way_are_found() -> None:
    """Published governance minutes (the corpus) type actions as 'ACTION: CRob to…', '* Action
    Item: …' and a list under 'Action items': each found, and none in the charters."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    found = {}
    for path in sorted(CORPUS.glob("*/**/*.md")):
        if path.parts[len(CORPUS.parts)] not in ("commonmark-spec", "markdown-it-fixtures"):
            found[path.relative_to(CORPUS).as_posix()] = [text for _, text in typed_actions(path.read_text())]
    assert "CRob to get TACs thoughts in word format by EOD." in found["ossf-tac/minutes/2024.md"]
    assert found["rust-lang-leadership-council/minutes/sync-meeting/2023-06-15.md"][0] == (
        "Ryan: Figure out video recording meetings")
    assert any(text.startswith("The Project Management Office") for texts in found.values() for text in texts)
    assert not [text for path, texts in found.items() if "CHARTER" in path.upper() for text in texts]
