"""Words that mark a document as not for the public, left in a record the site publishes.

A facilitator sets a meeting's minutes to agreed and forgets the line the note-taker put at the
top ('DRAFT: not for circulation'); a report pasted from a trust template keeps its header
('OFFICIAL-SENSITIVE'). The status says publish, the words say do not: the site would publish
both. Words that only talk about drafts ('we looked at the draft leaflet') are not told: a mark
is in capitals, or says what may not be done with the text, or says that these notes are a draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..mentions import without_code, without_comments
from ..problems import Problem
from ..records import Group, Meeting
from ..settings import Settings
from .starting_text import published_sources

MARKS = re.compile(
    r"(?<![\w-])(?:DRAFT|CONFIDENTIAL)(?!\w)"  # in capitals: a mark, not a word in a sentence
    r"|(?i:\bOFFICIAL[- ]SENSITIVE\b"
    r"|\b(?:private\s+and\s+confidential|strictly\s+confidential|commercial\s+in\s+confidence)\b"
    r"|\bnot\s+(?:for\s+|to\s+be\s+)(?:publication|published|publishing|circulation|circulated"
    r"|distribution|distributed|shared|sharing|wider\s+circulation)\b"
    r"|\b(?:do\s+not|don['’]t|please\s+do\s+not)\s+(?:publish|circulate|distribute|forward)\b"
    r"|\b(?:these|this)\s+(?:minutes|notes|summary|report)\s+(?:is|are)\s+(?:still\s+|only\s+)?(?:a\s+)?"
    r"(?:first\s+|rough\s+)?draft\b"
    r"|\b(?:these|this)\s+(?:minutes|notes|summary|report)\s+(?:is|are)\s+(?:still\s+)?subject\s+to\s+"
    r"(?:approval|agreement|ratification|confirmation)\b"
    r"|\b(?:these|this)\s+(?:minutes|notes|summary|report)\s+(?:has|have)\s+not\s+(?:yet\s+)?been\s+"
    r"(?:agreed|approved|confirmed|checked)\b)")
"""What marks a text as not for the public: 'DRAFT', 'CONFIDENTIAL', 'OFFICIAL-SENSITIVE' (a
government marking), 'not for circulation', 'do not publish', 'these notes are a first draft',
'these minutes are subject to approval', 'these notes have not been agreed'."""


def may_be_marked(text: str) -> bool:
    """Whether `text` may hold one of MARKS: false only where it cannot, since each mark has one of
    these words in it. Searching the text in small letters for them takes a twentieth of the time
    MARKS takes to search it (2.7 s over the words of 10,000 records)."""
    lowered = text.lower()
    return any(word in lowered for word in _WORDS_OF_MARKS) or _NOT_SOMETHING.search(lowered) is not None


_WORDS_OF_MARKS = ("draft", "confiden", "sensitive", "subject", "publish", "circulat", "distribut", "forward")
_NOT_SOMETHING = re.compile(r"not\s+(?:for|to|yet|been)\b")


def check_not_for_the_public(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each line of a published text that says it is not for the public."""
    meetings = {meeting.source.path: meeting for meeting in group.meetings.values()}
    for source, body_shown in published_sources(group):
        if not may_be_marked(source.all_words if body_shown else "\n".join(source.strings())):
            continue  # most records
        otherwise = _if_not_ready(meetings.get(source.path))
        told: set[int | None] = set()
        body = [((), without_comments(without_code(source.body)))] if body_shown else []  # not marks on the page
        for location, text in [*source.texts(), *body]:
            for mark in MARKS.finditer(text):
                line = source.line_of(*location) if location else source.body_line + text.count("\n", 0, mark.start())
                if line not in told:
                    told.add(line)
                    yield Problem(source.path, line, None, f"says '{' '.join(mark.group().split())}', which marks "
                                  "a text as not for the public, and the site publishes it. If it is ready for "
                                  f"everyone to read, take those words out.{otherwise}", "warning")


def _if_not_ready(meeting: Meeting | None) -> str:
    """What to do with a text that is not ready: minutes not yet agreed go back to circulated; a
    meeting to come shows only what its fields say of it."""
    if meeting is None:
        return " If not, keep the file out of the content folder until it is."
    return " If its minutes are not agreed yet, set their 'status' back to circulated." if meeting.is_agreed else ""


CHECKS = (check_not_for_the_public,)
