"""`coprod check` of a big group on every core: reading the records, then the per-record checks.

Reading a record file and the reading level, sentence, image and privacy
checks each look at one record at a time (with the group's people, glossary
and project for context), so they can be shared out: the records are split
into one part per core, each part is read or checked in its own process, and
the results are put back together. The loader takes the Sources read ahead as
its cache, and `sort_problems` orders the problems and drops repeats, so the
result is the same as doing everything in one process.

The worker processes are forked (processes.py): they start with everything
already in memory, so only what they return is copied between processes. Forking a
process that runs threads can deadlock, so only `check_folder` (the `coprod`
commands, which run none) does this; the MkDocs plugin, which runs under
`mkdocs serve`'s threads, checks in one process. So do groups on macOS and
Windows, where forking is unsafe or impossible.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from ..loading import SourceCache, read_into_cache, record_files
from ..problems import Problem
from ..processes import in_parts, usable_cores
from ..records import Group
from ..settings import Settings

Check = Callable[[Group, Settings], Iterable[Problem]]
R = TypeVar("R")

RECORDS_PER_PART = 500
"""The fewest records worth a process of their own: a group of under about 1,000 records
(and every test group) is read and checked in one process, where starting another costs
more than it saves."""

def parts_for(records: int) -> int:
    """How many processes should share this many records: one per core, each with enough work."""
    if not sys.platform.startswith("linux"):
        return 1
    return max(1, min(usable_cores(), records // RECORDS_PER_PART))




def record_count(group: Group) -> int:
    """Meetings, decisions, amendments and reports: the records that are shared out."""
    return len(group.amendments) + len(group.meetings) + len(group.decisions) + len(group.reports)


# --- reading ---------------------------------------------------------------------------


def read_ahead(root: Path, content_dir: str) -> SourceCache | None:
    """A big group's record files, read on every core for `load_group`'s cache; None for a small group."""
    files = record_files(root, content_dir)
    parts = parts_for(len(files))
    if parts == 1:
        return None
    cache: SourceCache = {}
    # Every `parts`-th file, not runs of files: a meeting takes several times as long to read
    # as a decision, and runs would leave one process with the meetings and another with the decisions.
    for part in in_parts(lambda index: read_into_cache(files[index::parts], root), parts):
        cache.update(part)
    return cache


# --- checking --------------------------------------------------------------------------


def run_split(group: Group, settings: Settings, checks: Sequence[Check]) -> list[Problem]:
    """Every problem the per-record `checks` find, with the group split over the cores."""
    groups = split_group(group, parts_for(record_count(group)))
    found = in_parts(lambda index: [problem for check in checks for problem in check(groups[index], settings)],
                     len(groups))
    return [problem for part in found for problem in part]


def split_group(group: Group, parts: int) -> list[Group]:
    """The group as `parts` groups, each with a share of the records and all of the context.

    The charter and the other pages go in the first part only: every part has
    the people, glossary and project the checks need to judge a record.
    """
    return [dataclasses.replace(group,
                                amendments=dict(_share(list(group.amendments.items()), index, parts)),
                                meetings=dict(_share(list(group.meetings.items()), index, parts)),
                                decisions=dict(_share(list(group.decisions.items()), index, parts)),
                                reports=dict(_share(list(group.reports.items()), index, parts)),
                                charter=group.charter if index == 0 else None,
                                pages=group.pages if index == 0 else {})
            for index in range(parts)]


def _share(items: list[R], index: int, parts: int) -> list[R]:
    """The `index`-th of `parts` equal runs of the items, in their order."""
    return items[index * len(items) // parts:(index + 1) * len(items) // parts]
