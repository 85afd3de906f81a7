"""Actions typed into a meeting's text, as minutes copied from a document write them.

'ACTION: the facilitator to send the map', a list under '**Actions:**', or a task list item
('- [ ] Book the room') shows on the meeting's page as words. An action under 'actions:' is on
the actions page, counted in the impact pages, reminded when overdue and handed over when the
group closes; one typed into the text is none of these, and people's ideas go unfollowed. An
action typed in both places, as many facilitators do to keep the summary whole, is not told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..markdown_lists import TASK
from ..mentions import without_code, without_comments
from ..problems import Problem
from ..records import Group, Meeting
from ..settings import Settings
from ..words import join_words, plural
from .nearly_markdown import LIST_ITEM

_LIST_MARK = r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+"
_LABEL = r"(?:\*\*|__)?(?i:actions?(?:[ \t]+(?:items?|points?))?|to[ -]?dos?)(?:\*\*|__)?"
ACTION_LINE = re.compile(rf"^(?:{_LIST_MARK})?{_LABEL}[ \t]*(?:[:\u2013\u2014-]|\*\*:|__:)[ \t]*(?:\*\*|__)?[ \t]*"
                         r"([^\s*_].*)$")
"""'ACTION: Sam to send the map', '- **Action:** book the room', 'Action point - ask the board'."""
ACTIONS_HEADING = re.compile(rf"^(?:#{{1,6}}[ \t]+)?{_LABEL}[ \t]*(?::|\*\*:|__:)?(?:\*\*|__)?[ \t]*$")
"""A line that heads a list of actions: '## Actions', '**Action points:**', 'To do:'."""

_SMALL_WORDS = frozenset(["the", "and", "for", "with", "all", "our", "its", "will", "from", "this", "that", "them",
                          "they", "who", "are", "was", "not"])
"""Words too common to tell one action from another."""


def check_actions_in_text(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at the first line of a meeting's text that types an action not under 'actions:',
    saying at which lines the others are."""
    for meeting in group.meetings.values():
        if meeting.is_planned or meeting.is_cancelled or not _may_type_actions(meeting.source.body):
            continue
        listed = [_words(action.what) for action in meeting.actions]
        lines = [meeting.source.body_line + index for index, text in typed_actions(meeting.source.body)
                 if not _is_listed(_words(text), listed)]
        if lines:
            yield _warning(meeting, lines)


def _may_type_actions(body: str) -> bool:
    """The quick test first: most summaries have neither the words nor a box to tick."""
    lowered = body.lower()
    return any(words in lowered for words in ("action", "to do", "todo", "to-do", "[ ]", "[x]"))


def typed_actions(body: str) -> Iterator[tuple[int, str]]:
    """Each action typed into a text (Markdown), with the number of its line from 0."""
    under_heading = False
    for index, line in enumerate(without_comments(without_code(body)).split("\n")):
        item = LIST_ITEM.match(line)
        words = line[item.end() - 1:] if item else ""  # an item's words, for a task list's box
        if found := ACTION_LINE.match(line):
            yield index, found[1].strip()
        elif task := TASK.match(words):  # '- [ ] Book the room', as the site shows a task (markdown_lists)
            yield index, words[task.end():].strip()
        elif ACTIONS_HEADING.match(line):
            under_heading = True
        elif under_heading and item:
            yield index, words.strip()
        elif line.strip() and not line.startswith((" ", "\t")):
            under_heading = False  # the list under the heading has ended


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"[^\W\d_]{3,}", text.lower()) if word not in _SMALL_WORDS}


def _is_listed(words: set[str], listed: list[set[str]]) -> bool:
    """Whether an action typed in the text is one of those under 'actions:': it shares at least
    half its words with one of them ('Sam to send the map' and 'Send the draft map to members')."""
    return not words or any(len(words & action) * 2 >= len(words) for action in listed)


def _warning(meeting: Meeting, lines: list[int]) -> Problem:
    count = len(lines)
    where = f" (lines {join_words([str(line) for line in lines])})" if count > 1 else ""
    each, it, is_ = ("it", "it", "it is") if count == 1 else ("each", "them", "they are")
    return Problem(meeting.source.path, lines[0], None, f"has {plural(count, 'action')} typed into its text{where}, "
                   f"which the site shows only as words: {is_} not on the actions page, and nobody is reminded "
                   f"when {is_} due. Give {each} its own entry under 'actions:', with 'id', 'what', 'owner', 'due' "
                   f"and 'status'. You may keep {it} in the text too.", "warning")


CHECKS = (check_actions_in_text,)
