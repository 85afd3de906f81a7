"""What a facilitator wrote that the site does not show: said at the line, never dropped
without a word.

A planned meeting's page shows when and where it is and its agenda; a cancelled one's says
that it is off. The text below their fields, and a cancelled meeting's actions and
decisions, are not published, as the content model says. The words `coprod new` starts a
meeting with are not the facilitator's, and are left unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from ..records import Group, Meeting
from ..scaffold import STARTING_TEXT
from ..settings import Settings

Problems = Iterator[Problem]

HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
"""A note the writer hides on purpose: never shown, and nothing to say about."""


def check_meeting_text_not_shown(group: Group, settings: Settings) -> Problems:
    """A warning at the first line of text below a planned meeting still to come, or a cancelled
    one: its page shows none of it. (A planned meeting whose day has passed is reminded that its
    summary is owed, and to set its status to draft.)"""
    for meeting in group.meetings.values():
        line = first_own_line(meeting)
        if line is None:
            continue
        if meeting.is_planned and meeting.date >= settings.today:
            yield Problem(meeting.source.path, line, None, PLANNED_TEXT, "warning")
        elif meeting.is_cancelled:
            yield Problem(meeting.source.path, line, None, CANCELLED_TEXT, "warning")


PLANNED_TEXT = ("has text below its fields, but the page of a planned meeting shows only when and where it is, the "
                "support offered and the agenda, so this text is not published. To tell people something before "
                "the meeting, put it in the agenda. If it is the summary of the meeting, set the minutes status "
                "to draft once it has happened.")
CANCELLED_TEXT = ("the meeting was cancelled, so the text below its fields is not published: its page says only "
                  "that it is off, and its 'cancelled_note'. Put what people need to know in 'cancelled_note:'. "
                  "If the meeting did take place, set the minutes status to draft.")


def first_own_line(meeting: Meeting) -> int | None:
    """The line in the file of the first words below the fields that are the writer's own: not
    a line `coprod new` wrote to be replaced, nor a hidden note."""
    body = meeting.source.body
    if not body.strip():
        return None
    hidden = HTML_COMMENT.sub(lambda note: re.sub(r"[^\n]", " ", note.group()), body)
    for offset, text in enumerate(hidden.split("\n")):
        if text.strip() and not any(sentence in text for sentence in STARTING_TEXT):
            return meeting.source.body_line + offset
    return None


def check_cancelled_meetings(group: Group, settings: Settings) -> Problems:
    """A warning for a cancelled meeting's actions, and for each decision that waits for its
    minutes: they never come, so none of these is published."""
    for meeting in group.meetings.values():
        if not meeting.is_cancelled:
            continue
        if meeting.actions:
            yield meeting.source.problem("the meeting was cancelled, so its actions are not published. If they "
                                         "were agreed at another meeting, move them into that meeting's file.",
                                         "actions", severity="warning")
        for index, decision_id in enumerate(meeting.decisions):
            decision = group.decisions.get(decision_id)
            if decision is not None and not decision.made_at:
                yield meeting.source.problem(f"lists {decision_id}, but the meeting was cancelled, so that "
                                             f"decision is not published: {WAITS} If it was made at another "
                                             "meeting, list it there.", "decisions", index, severity="warning")
    for decision in group.decisions.values():
        made_at = group.meetings.get(decision.made_at or "")
        if made_at is not None and made_at.is_cancelled:
            yield decision.source.problem(f"'made_at' names {made_at.id}, which was cancelled, so this decision "
                                          f"is not published: {WAITS} Name the meeting it was made at, or leave "
                                          "'made_at' empty if it was made elsewhere.", "made_at",
                                          severity="warning")


WAITS = "a decision waits for the minutes of the meeting it was made at."


CHECKS = (check_meeting_text_not_shown,)
"""Checks of each meeting on its own."""
GROUP_CHECKS = (check_cancelled_meetings,)
"""Checks that need the whole group: a decision names the meeting it was made at."""
