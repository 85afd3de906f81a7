"""What a facilitator wrote that the site does not show: said at the line, never dropped
without a word.

A planned meeting's page shows when and where it is and its agenda; a cancelled one's says
that it is off. The text below their fields, and a cancelled meeting's actions and
decisions, are not published, as the content model says; nor is any file in the content
folder but the pages and pictures. The words `coprod new` starts a
meeting with are not the facilitator's, and are left unsaid.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from ..mentions import without_code
from ..problems import Problem
from ..records import Group, Meeting
from ..scaffold import STARTING_TEXT
from ..settings import Settings
from ..words import plural, shortened
from .bodies import find_links, published_bodies
from .links import file_named

Problems = Iterator[Problem]

HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
"""A note the writer hides on purpose: never shown, and nothing to say about."""


def check_meeting_text_not_shown(group: Group, settings: Settings) -> Problems:
    """A warning at the first line of text below a planned meeting still to come, or a cancelled
    one: its page shows none of it. (A planned meeting whose day has passed is reminded that its
    summary is owed, and to set its status to draft.)"""
    for meeting in group.meetings.values():
        if meeting.is_planned and meeting.date >= settings.today:
            message = PLANNED_TEXT
        elif meeting.is_cancelled:
            message = CANCELLED_TEXT
        else:
            continue
        line = first_own_line(meeting)
        if line is not None:
            yield Problem(meeting.source.path, line, None, message, "warning")


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


def check_unclosed_notes(group: Group, settings: Settings) -> Problems:
    """A warning at a hidden note ('<!--') that is never closed ('-->'): the site hides
    everything after it, which the writer meant to show."""
    for source in published_bodies(group):
        if "<!--" not in source.body:
            continue
        body, opened = without_code(source.body), -1
        while (opened := body.find("<!--", opened + 1)) != -1:
            closed = body.find("-->", opened + 4)
            if closed == -1:
                break
            opened = closed
        hidden = sum(1 for line in body[opened:].split("\n")[1:] if line.strip()) if opened != -1 else 0
        if not hidden:  # (a note on the last line hides only itself)
            continue
        yield Problem(source.path, source.body_line + body.count("\n", 0, opened), None, "opens a hidden note "
                      f"with '<!--' that is never closed, so the text after it ({plural(hidden, 'line')}) is left "
                      "off the page. Put '-->' where the note ends.", "warning")


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


def check_unpublished_files(group: Group, settings: Settings) -> Problems:
    """A warning at each link to a file of the content folder the site does not publish (a PDF,
    a Word file), which would lead nowhere; and at each such file no page links to."""
    unpublished = {f"{group.content}/{inside}" for inside in group.unpublished_files}
    if not unpublished:
        return
    linked: set[str] = set()
    for source in published_bodies(group):
        for link in find_links(source):
            path = _file_linked(source.path, link.address)
            if path in unpublished:
                linked.add(path)
                yield Problem(source.path, link.line, None, f"links to '{shortened(link.address)}', {LINKED_FILE}",
                              "warning")
    for path in sorted(unpublished - linked):
        yield Problem(path, None, None, _unpublished_file_message(path), "warning")


LINKED_FILE = ("a file the site does not publish (it shows only pages and pictures), so the link would lead "
               "nowhere. To share it, put it where the group shares files, like a shared drive or the "
               "organisation's website, and link to its web address; or write what it says on a page.")


def _file_linked(written_in: str, address: str) -> str | None:
    """The file of the group's folder a link names, as messages name it; None for anything else."""
    named = file_named(address)
    return None if named is None else posixpath.normpath(posixpath.join(posixpath.dirname(written_in), named))


def _unpublished_file_message(path: str) -> str:
    name = posixpath.basename(path)
    stem, suffix = posixpath.splitext(name)
    if suffix.lower() in (".md", ".markdown"):
        return f"is not published: only files ending in .md are pages. If it is one, save it as {stem}.md."
    return ("is not published: the site shows only pages (.md) and pictures from the content folder. To share "
            "it, put it where the group shares files, like a shared drive or the organisation's website, and "
            "link to it there. If it is kept here on purpose, move it out of the content folder.")


CHECKS = (check_meeting_text_not_shown, check_unclosed_notes)
"""Checks of each record on its own."""
GROUP_CHECKS = (check_cancelled_meetings, check_unpublished_files)
"""Checks that need the whole group: a decision names the meeting it was made at, and a file is
linked to from any page."""
