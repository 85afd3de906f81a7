"""Checks over the whole set of records. Each check takes the group and yields problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..heap import collector_paused
from ..loading import SourceCache, load_group, record_files
from ..pages import group_pages
from ..permalinks import address_problems, published_urls, read_ledger
from ..problems import Problem, sort_problems
from ..published import Published
from ..records import Group
from ..settings import Settings
from ..site_config import find_group_root, read_settings
from . import (
    actions_in_text,
    consistency,
    first_names,
    headings,
    held_back,
    images,
    impact,
    language,
    links,
    nearly_markdown,
    not_for_the_public,
    not_shown,
    parallel,
    privacy,
    sharing,
    shown_as_typed,
    starting_text,
)
from .parallel import judged_by

Check = Callable[[Group, Settings], Iterable[Problem]]

PER_RECORD_CHECKS: tuple[Check, ...] = (*language.CHECKS, *images.CHECKS, *privacy.CHECKS, *links.CHECKS,
                                       *starting_text.CHECKS, *not_for_the_public.CHECKS, *shown_as_typed.CHECKS,
                                       *not_shown.CHECKS, *headings.CHECKS, *first_names.CHECKS,
                                       *nearly_markdown.CHECKS, *actions_in_text.CHECKS)
"""Checks that judge each record on its own (with the group's people, glossary and project):
they can run on part of the group at a time (see parallel.py)."""
GROUP_CHECKS: tuple[Check, ...] = (*consistency.CHECKS, *impact.CHECKS, *sharing.CHECKS, *privacy.GROUP_CHECKS,
                                  *images.GROUP_CHECKS, *not_shown.GROUP_CHECKS, *first_names.GROUP_CHECKS)
"""Checks that compare records with each other: they need the whole group."""
ALL_CHECKS: tuple[Check, ...] = (*GROUP_CHECKS, *PER_RECORD_CHECKS)


def run_checks(group: Group, settings: Settings, checks: Iterable[Check] = ALL_CHECKS) -> list[Problem]:
    """Every problem every check finds, in reading order."""
    return sort_problems(held_back.found_in(group, settings, tuple(checks)))


def check_folder(path: Path, **overrides: Any) -> tuple[Group, Settings, list[Problem]]:
    """Read and check the group at `path` (its folder or its content folder)."""
    root, content_dir = find_group_root(path)
    settings, problems = read_settings(root, content_dir, **overrides)
    with collector_paused(settle=True):  # the commands keep the group to the end
        group, settings, found = load_and_check(root, settings.content_dir, settings)
        problems += found
        if group.project is not None and not group.unreadable_records:
            # (with a record that could not be read, its page would seem dropped: that file's
            # problem is the one to fix, never the address list)
            problems += check_addresses(root, group, settings)
    return group, settings, sort_problems(problems)


def load_and_check(root: Path, content_dir: str, settings: Settings,
                   cache: SourceCache | None = None) -> tuple[Group, Settings, list[Problem]]:
    """The group, the settings it is judged by (see `judged_by`) and every problem in it, even
    with project.yml broken (every problem at once).

    With a `cache` (`coprod serve` keeps one between rebuilds) it all happens in
    this process. Without, a big group is read and checked on every core
    (parallel.py), which forks processes: never under a server's threads.
    """
    files = record_files(root, content_dir) if cache is None else []
    parts = parallel.parts_for(len(files))
    if parts > 1:
        return parallel.load_and_check(root, content_dir, settings, files, parts, GROUP_CHECKS, PER_RECORD_CHECKS)
    group, problems = load_group(root, content_dir, cache)
    settings = judged_by(group, settings)
    return group, settings, sort_problems([*problems, *run_checks(group, settings)])


def check_addresses(root: Path, group: Group, settings: Settings) -> list[Problem]:
    """What the build finds of addresses: one published before and now dropped (a record renamed
    without 'old_ids:'), or an old id that cannot redirect. Only where there is a ledger or an
    old id, since it makes every page's address."""
    records = [*group.meetings.values(), *group.decisions.values(), *group.amendments.values(),
               *group.reports.values()]
    if not read_ledger(root) and not any(record.old_ids for record in records):
        return []
    site = Published(group, settings.today, settings.site_url, settings.page_size)
    specs = group_pages(site)
    return address_problems(root, site, specs, published_urls(site, specs))
