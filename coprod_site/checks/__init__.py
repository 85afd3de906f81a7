"""Checks over the whole set of records. Each check takes the group and yields problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..heap import collector_paused
from ..loading import load_group
from ..pages import group_pages
from ..permalinks import address_problems, published_urls, read_ledger
from ..problems import Problem, sort_problems
from ..published import Published
from ..records import Group
from ..settings import Settings
from ..site_config import find_group_root, read_settings
from . import (
    consistency,
    images,
    impact,
    language,
    links,
    parallel,
    privacy,
    sharing,
    starting_text,
)

Check = Callable[[Group, Settings], Iterable[Problem]]

PER_RECORD_CHECKS: tuple[Check, ...] = (*language.CHECKS, *images.CHECKS, *privacy.CHECKS, *links.CHECKS)
"""Checks that judge each record on its own (with the group's people, glossary and project):
they can run on part of the group at a time (see parallel.py)."""
GROUP_CHECKS: tuple[Check, ...] = (*consistency.CHECKS, *impact.CHECKS, *sharing.CHECKS, *privacy.GROUP_CHECKS,
                                  *images.GROUP_CHECKS, *starting_text.CHECKS)
"""Checks that compare records with each other: they need the whole group."""
ALL_CHECKS: tuple[Check, ...] = (*GROUP_CHECKS, *PER_RECORD_CHECKS)


def run_checks(group: Group, settings: Settings, checks: Iterable[Check] = ALL_CHECKS) -> list[Problem]:
    """Every problem every check finds, in reading order."""
    return sort_problems(problem for check in checks for problem in check(group, settings))


def check_folder(path: Path, **overrides: Any) -> tuple[Group, Settings, list[Problem]]:
    """Read and check the group at `path` (its folder or its content folder)."""
    root, content_dir = find_group_root(path)
    settings, problems = read_settings(root, content_dir, **overrides)
    with collector_paused():
        group, found = load_group(root, settings.content_dir, parallel.read_ahead(root, settings.content_dir))
        problems += found
        settings, found = check_loaded(group, settings)
        problems += found
        if group.project is not None and not group.unreadable_records:
            # (with a record that could not be read, its page would seem dropped: that file's
            # problem is the one to fix, never the address list)
            problems += check_addresses(root, group, settings)
    return group, settings, sort_problems(problems)


def check_loaded(group: Group, settings: Settings, on_every_core: bool = True) -> tuple[Settings, list[Problem]]:
    """Every problem in a group's records, even with project.yml broken (every problem at once),
    and the settings they were judged by: project.yml's site_url where mkdocs.yml has none.
    `on_every_core` shares a big group's checks over the cores (never under a server)."""
    if group.project is not None:
        settings = settings.with_site_address(group.project.site_url)
    return settings, check_group(group, settings) if on_every_core else run_checks(group, settings)


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


def check_group(group: Group, settings: Settings) -> list[Problem]:
    """run_checks, with the per-record checks of a big group shared over the cores.

    It forks processes (parallel.py), so it is for commands and builds, never for a server.
    """
    if parallel.parts_for(parallel.record_count(group)) == 1:
        return run_checks(group, settings)
    return run_checks(group, settings, GROUP_CHECKS) + parallel.run_split(group, settings, PER_RECORD_CHECKS)
