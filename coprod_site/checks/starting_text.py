"""Words `coprod init` and `coprod new` start a record with, never replaced: a warning before
they are published as the group's own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..problems import Problem
from ..records import Group, Meeting
from ..scaffold import STARTING_TEXT, STARTING_TITLES
from ..settings import Settings
from ..sources import Source

_ANY = re.compile("|".join(map(re.escape, STARTING_TEXT)))


def check_starting_text(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each field or line that still holds a starting sentence."""
    for source, body_shown in published_sources(group):
        yield from _starting_title(source)
        body = source.body if body_shown else ""
        if not _ANY.search(source.all_words if body_shown else "\n".join(source.strings())):
            continue  # most records: one search of all their words, not one for every sentence
        for location, text in source.texts():
            for sentence in STARTING_TEXT:
                if sentence in text:
                    yield _warning(source, source.line_of(*location), sentence)
        for sentence in STARTING_TEXT:
            at = body.find(sentence)
            if at != -1:
                yield _warning(source, source.body_line + body.count("\n", 0, at), sentence)


def published_sources(group: Group) -> Iterator[tuple[Source, bool]]:
    """The files whose words the site shows (drafts are for writing in), each with whether its
    body is shown: a meeting still to come, or cancelled, has its summary written later."""
    records: list[Any] = [group.project, group.charter, *group.amendments.values(), *group.decisions.values(),
                          *group.reports.values(), *(m for m in group.meetings.values() if m.is_published)]
    yield from ((record.source, not isinstance(record, Meeting) or record.is_agreed)
                for record in records if record is not None)
    yield from ((page, True) for page in group.pages.values())


def _starting_title(source: Source) -> Iterator[Problem]:
    """'New meeting', the title `coprod new` gives a record it is told none for."""
    title = source.meta.get("title")
    if isinstance(title, str) and title.strip() in STARTING_TITLES:
        yield source.problem(f"'title' is still '{title.strip()}', as 'coprod new' wrote it, and the site would "
                             "publish it as this record's title. Write what it is about, like 'title: Planning the "
                             "summer'.", "title", severity="warning")


def _warning(source: Source, line: int | None, sentence: str) -> Problem:
    return Problem(source.path, line, None, f"still has the words it was started with (\"{sentence}\"), "
                   "which the site would publish as the group's own. Write your own.", "warning")


CHECKS = (check_starting_text,)
