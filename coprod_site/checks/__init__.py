"""Checks over the whole set of records. Each check takes the group and yields problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..problems import Problem, sort_problems
from ..records import Group
from ..settings import Settings
from . import consistency

Check = Callable[[Group, Settings], Iterable[Problem]]

ALL_CHECKS: tuple[Check, ...] = consistency.CHECKS


def run_checks(group: Group, settings: Settings, checks: Iterable[Check] = ALL_CHECKS) -> list[Problem]:
    """Every problem every check finds, in reading order."""
    return sort_problems(problem for check in checks for problem in check(group, settings))
