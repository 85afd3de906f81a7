"""Checks over the whole set of records. Each check takes the group and yields problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..loading import load_group
from ..problems import Problem, sort_problems
from ..records import Group
from ..settings import Settings
from ..site_config import find_group_root, read_settings
from . import consistency, images, impact, language, privacy, sharing

Check = Callable[[Group, Settings], Iterable[Problem]]

ALL_CHECKS: tuple[Check, ...] = (*consistency.CHECKS, *impact.CHECKS, *language.CHECKS,
                                  *images.CHECKS, *privacy.CHECKS, *sharing.CHECKS)


def run_checks(group: Group, settings: Settings, checks: Iterable[Check] = ALL_CHECKS) -> list[Problem]:
    """Every problem every check finds, in reading order."""
    return sort_problems(problem for check in checks for problem in check(group, settings))


def check_folder(path: Path, **overrides: Any) -> tuple[Group, Settings, list[Problem]]:
    """Read and check the group at `path` (its folder or its content folder)."""
    root, content_dir = find_group_root(path)
    settings, problems = read_settings(root, content_dir, **overrides)
    group, found = load_group(root, settings.content_dir)
    problems += found
    if group.project is not None:
        problems += run_checks(group, settings)
    return group, settings, sort_problems(problems)
