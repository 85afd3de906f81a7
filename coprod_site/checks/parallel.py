"""A big group read and checked on every core.

Reading a record file, and the reading level, sentence, image and privacy
checks, each look at one record at a time (with the group's people, glossary
and project for context), so they can be shared out. The record files are
dealt out into one share per core. Every process reads its share, then
loads and checks it on its own; each helper process (processes.Helpers)
hands the files it read back as soon as it has read them, and keeps them for
its own checks rather than being sent them again. Meanwhile this process has
read and checked its own share; it then puts the whole group together from
every share's files and runs the checks that compare records with each other.
Its share is smaller, as it has that much more to do. The loader takes the
files read as its cache, and `sort_problems` orders the problems and drops
repeats, so the result is the same as doing everything in one process.

The helpers are forked (processes.py): they start with everything already in
memory, so only what they return is copied between processes. Forking a
process that runs threads can deadlock, so only `coprod check` and builds do
this; `coprod serve` checks in one process. So do groups on macOS and
Windows, where forking is unsafe or impossible.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..loading import Share, SourceCache, load_group, read_into_cache
from ..problems import Problem, sort_problems
from ..processes import Helpers, usable_cores
from ..records import Group
from ..settings import Settings
from .held_back import found_in

Check = Callable[[Group, Settings], Iterable[Problem]]

RECORDS_PER_PART = 500
"""The fewest records worth a process of their own: a group of under about 1,000 records
(and every test group) is read and checked in one process, where starting another costs
more than it saves."""
HERE = 0.75
"""This process's share beside each helper's (1): after its share, it takes in the files the
helpers read, loads the whole group and runs the checks that need it. Measured with 10,000
records on two cores, where it and the helper then finish within a tenth of a second (0.8
until reading and checking each record became cheaper, which left this process's extra work
a larger part of its time)."""


def parts_for(records: int) -> int:
    """How many processes should share this many records: one per core, each with enough work."""
    if not sys.platform.startswith("linux"):
        return 1
    return max(1, min(usable_cores(), records // RECORDS_PER_PART))


def record_count(group: Group) -> int:
    """Meetings, decisions, amendments and reports: the records that are shared out."""
    return len(group.amendments) + len(group.meetings) + len(group.decisions) + len(group.reports)


def judged_by(group: Group, settings: Settings) -> Settings:
    """The settings the group is checked with: project.yml's site_url where mkdocs.yml has none."""
    return settings if group.project is None else settings.with_site_address(group.project.site_url)


def load_and_check(root: Path, content_dir: str, settings: Settings, files: list[Path], parts: int,
                   group_checks: Sequence[Check], record_checks: Sequence[Check]) -> tuple[Group, Settings, list[Problem]]:
    """The group whose record files are `files`, the settings it is judged by and every problem
    `group_checks` and `record_checks` find, with reading and record checks shared over `parts`
    processes."""
    shares = deal(files, [HERE, *[1.0] * (parts - 1)])

    def read(index: int) -> SourceCache:
        return read_into_cache(shares[index], root)

    def check_share(index: int, cache: SourceCache) -> list[Problem]:
        share, _ = load_group(root, content_dir, cache, Share(frozenset(shares[index]), pages=index == 0))
        return found_in(share, judged_by(share, settings), record_checks)

    with Helpers(read, check_share, parts) as helpers:
        cache = read(0)
        problems = check_share(0, cache)  # while the helpers' files come in
        for read_there in helpers.firsts():
            cache.update(read_there)
        group, found = load_group(root, content_dir, cache)
        settings = judged_by(group, settings)
        problems += found + found_in(group, settings, group_checks)
        for found_there in helpers.thens():
            problems += found_there
    return group, settings, sort_problems(problems)


def deal(items: Sequence[Path], weights: Sequence[float]) -> list[list[Path]]:
    """The items dealt out like cards into one share per weight, each share's size in
    proportion to its weight.

    Dealt, not cut into runs: a meeting takes several times as long to read and
    check as a decision, and runs would leave one process with the meetings and
    another with the decisions.
    """
    shares: list[list[Path]] = [[] for _ in weights]
    for item in items:
        # the share furthest behind its weight takes the next item (the first, when equal)
        behind = min(range(len(weights)), key=lambda part: (len(shares[part]) + 1) / weights[part])
        shares[behind].append(item)
    return shares
