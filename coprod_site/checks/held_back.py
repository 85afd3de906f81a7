"""Checks of records left out because another file has their id.

A facilitator who copies last month's decision and forgets to change its number
has two files with one id: the loader keeps the first and holds the second
back (reported). Held back, its other problems (an email address in its text,
a meeting that does not exist) would only be heard once the number was fixed.
So the checks run again with each held-back record in the place of the one
that has its id, and say what they find in the held-back file. A person whose
id an entry above theirs in people.yml has is held back the same way, and
what the checks find in their own entry said.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..problems import Problem
from ..records import FiledRecord, Group, Person, day_in_id
from ..settings import Settings
from ..sources import Source

Check = Callable[[Group, Settings], Iterable[Problem]]


def found_in(group: Group, settings: Settings, checks: Sequence[Check]) -> list[Problem]:
    """Every problem `checks` find in the group, and in each record it holds back."""
    problems = list(_found(group, settings, checks))
    for records in _rounds(group.held_back):
        paths = {record.source.path for record in records}
        problems += [problem for problem in _found(_with_in_place(group, records), settings, checks)
                     if problem.path in paths]
    return problems + _on_the_named_day(group, settings, checks, problems) + _in_entries_held_back(group, settings, checks)


def _found(group: Group, settings: Settings, checks: Sequence[Check]) -> Iterator[Problem]:
    return (problem for check in checks for problem in check(group, settings))


def _in_entries_held_back(group: Group, settings: Settings, checks: Sequence[Check]) -> list[Problem]:
    """What the checks find in the entry of each person held back, checked in the place of the
    person who has their id, with the records left out: which of the two a record names is not
    known, so only what is found in the entry's own lines is said (its consent, its names)."""
    problems: list[Problem] = []
    for person, index in group.people_held_back:
        lines = _entry_lines(person.source, index)
        problems += [problem for problem in _found(_with_person_in_place(group, person, index), settings, checks)
                     if problem.path == person.source.path and problem.line in lines]
    return problems


def _with_person_in_place(group: Group, person: Person, index: int) -> Group:
    """The group with `person` (entry `index` of people.yml) in the place of the person who has
    their id, and without its records."""
    return dataclasses.replace(group, people={**group.people, person.id: person},
                               person_entries={**group.person_entries, person.id: index}, held_back=[],
                               people_held_back=[], amendments={}, meetings={}, decisions={}, reports={})


def _entry_lines(source: Source, index: int) -> range:
    """The lines of people.yml's entry `index`: from its own to the next entry's, or to the end."""
    first = source.line_of("people", index) or 0
    after = source.lines.get(("people", index + 1))
    return range(first, after if after is not None else sys.maxsize)


def _on_the_named_day(group: Group, settings: Settings, checks: Sequence[Check],
                      found: list[Problem]) -> list[Problem]:
    """What else the checks find in a meeting whose 'date' is not its file name's (reported), on
    the file name's day: a meeting copied from last month's, its date left unchanged, would have
    its copied minutes' dates heard of only once its date was fixed. A warning, as either date
    may be the one to fix."""
    named = {meeting.source.path: meeting.model_copy(update={"date": day}) for meeting in group.meetings.values()
             if (day := day_in_id(meeting.id)) is not None and day != meeting.date}
    if not named:
        return []
    said = {(problem.path, problem.line, problem.message) for problem in found}
    return [_if_on(named[problem.path].date, problem)
            for problem in _found(_with_in_place(group, list(named.values())), settings, checks)
            if problem.path in named and not problem.is_reminder
            and (problem.path, problem.line, problem.message) not in said]


def _if_on(day: dt.date, problem: Problem) -> Problem:
    """A problem found with its meeting on `day`, its file name's, as a warning that says so."""
    return Problem(problem.path, problem.line, problem.field, f"if this meeting was on {day.isoformat()}, as "
                   f"its file name says: {problem.message[0].lower()}{problem.message[1:]}", "warning")


def _rounds(held_back: list[FiledRecord]) -> Iterator[list[FiledRecord]]:
    """The held-back records in as few rounds as can hold them: one for each id in a round
    (a third file with one id waits for the second round)."""
    waiting = list(held_back)
    while waiting:
        ids: set[tuple[str, str]] = set()
        round_: list[FiledRecord] = []
        later: list[FiledRecord] = []
        for record in waiting:
            key = (record.kind, record.id)
            (later if key in ids else round_).append(record)
            ids.add(key)
        yield round_
        waiting = later


def _with_in_place(group: Group, records: list[FiledRecord]) -> Group:
    """The group with each of `records` in the place of the record that has its id."""
    folders: dict[str, dict[str, FiledRecord]] = {}
    for record in records:
        folder = f"{record.kind}s"  # amendments, meetings, decisions, reports
        folders.setdefault(folder, dict(getattr(group, folder)))[record.id] = record
    return dataclasses.replace(group, held_back=[], **folders)  # type: ignore[arg-type]
