"""A published record that says it is not for the public ('DRAFT: not for circulation') is told
at its line: its status says publish, its words say do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from groups import DRAFT_MEETING, FILES, PLANNED_MEETING, REPORT, SECOND_MEETING, write_files
from hypothesis import given
from hypothesis import strategies as st

from coprod_site.checks import check_folder
from coprod_site.checks.not_for_the_public import MARKS, may_be_marked

MEETING = "content/meetings/2025-02-14-leaflets.md"
MARKED = "\nDRAFT v2: not for circulation.\n\nThese notes have not yet been agreed by members.\n"
REPORT_FILE = "content/reports/impact-2025.md"
PLANNED = "content/meetings/2027-06-10-summer.md"
DRAFT = "content/meetings/2025-03-14-draft.md"


def test_a_published_text_marked_not_for_the_public_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """An agreed meeting is told how to hold its minutes back, a report how to hold itself back,
    and a meeting to come (whose summary is not shown) only to take the words out. A draft, which
    the site does not publish, code, which shows words as typed, and a comment, which pages do not
    show, may say what they like."""
    root = write_files(tmp_path, {
        **FILES, MEETING: SECOND_MEETING + MARKED,
        REPORT_FILE: REPORT.replace("title: What", "title: OFFICIAL-SENSITIVE What"),
        PLANNED: PLANNED_MEETING.replace("Summer plans", "Summer plans (DRAFT)") + "CONFIDENTIAL\n",
        DRAFT: DRAFT_MEETING + "DRAFT. Not for circulation.\n",
        "content/about.md": "# About\n\nMark drafts with `DRAFT`, as in:\n\n```\nCONFIDENTIAL\n```\n\n<!-- DRAFT: check the dates -->\n"})
    told = [str(p) for p in check_folder(root)[2] if "not for the public" in p.message]
    says = "which marks a text as not for the public, and the site publishes it. If it is ready for everyone to " \
           "read, take those words out."
    assert told == [
        (f"warning: {MEETING}, line 24: says 'DRAFT', {says} If its minutes are not agreed yet, set their 'status' "
        "back to circulated."),
        (f"warning: {MEETING}, line 26: says 'These notes have not yet been agreed', {says} If its minutes are not "
        "agreed yet, set their 'status' back to circulated."),
        f"warning: {PLANNED}, line 9: says 'DRAFT', {says}",
        (f"warning: {REPORT_FILE}, line 3: says 'OFFICIAL-SENSITIVE', {says} If not, keep the file out of the "
        "content folder until it is."),
    ]


@pytest.mark.parametrize("text", [
    "DRAFT minutes", "Draft 2 - NOT FOR PUBLICATION", "Private and confidential", "Strictly confidential.",
    "OFFICIAL SENSITIVE", "Commercial in confidence", "Not to be shared outside the group.",
    "Please do not circulate.", "Don\u2019t forward this email.", "These notes are a first draft.",
    "This summary is still a draft.", "These minutes are subject to approval at the next meeting.",
    "This report has not been checked yet."])
def test_marks_people_put_on_texts_not_for_the_public_are_found(text: str) -> None:
    """By the quick look that passes over most records too."""
    assert MARKS.search(text) and may_be_marked(text)


@pytest.mark.parametrize("text", [
    "We looked at the draft leaflet.", "We agreed the draft minutes of October.",
    "Your records stay confidential.", "The notes of the last meeting have not been agreed yet.",
    "The new car park is subject to approval by the board.", "We asked the press not to share photos.",
    "Members asked that we do not share their stories.", "The drafting group met twice.",
    "See https://example.org/drafts/plan."])
def test_words_that_only_talk_about_drafts_or_confidence_are_not_marks(text: str) -> None:
    assert not MARKS.search(text)


@given(st.lists(st.sampled_from(["DRAFT", "Draft", "CONFIDENTIAL", "confidence", "OFFICIAL", "-", "SENSITIVE",
                                 "private", "and", "strictly", "commercial", "in", "not", "for", "to", "be",
                                 "publication", "shared", "wider", "circulation", "do", "don’t", "please",
                                 "forward", "these", "this", "notes", "minutes", "are", "is", "a", "first", "still",
                                 "subject", "approval", "has", "have", "yet", "been", "agreed", "checked", " ", "\n",
                                 "x"]), max_size=14).map(" ".join))
def test_the_quick_look_misses_no_mark(text: str) -> None:
    """The check looks for the words of marks before it looks for marks: that look may let
    through a text with no mark, never hold back one that has one."""
    if MARKS.search(text):
        assert may_be_marked(text)
