"""Work shared over this machine's cores, in forked processes, and the switches that turn it off.

`in_parts` runs one task in parts, the first here and each other in a forked
process (reading and checking records, making outputs); second_core.py keeps
one more process beside a build. Forking is Linux only, and never under a
server's threads, where it can deadlock.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

ONE_PROCESS = "COPROD_ONE_PROCESS"
"""Set to 1 to do everything in one process (as on a machine with one core)."""

REFERENCE = "COPROD_REFERENCE_BUILD"
"""Set to 1 for the plain build the quicker ones are compared with in tests: one process, and
every page made on its own by MkDocs and Material, nothing shared between pages."""


def is_set(variable: str) -> bool:
    """Whether an on/off environment variable is on (anything but empty or 0)."""
    return os.environ.get(variable, "").strip() not in ("", "0")


def reference_build() -> bool:
    """Whether to build the plain way (COPROD_REFERENCE_BUILD)."""
    return is_set(REFERENCE)


def usable_cores() -> int:
    """The cores this process may run on (Linux); 1 when COPROD_ONE_PROCESS or
    COPROD_REFERENCE_BUILD is set."""
    if is_set(ONE_PROCESS) or is_set(REFERENCE):
        return 1
    return len(os.sched_getaffinity(0))


_task: Callable[[int], Any] | None = None
"""What the forked workers run: set just before they start, so they inherit it."""


def in_parts(task: Callable[[int], T], parts: int) -> list[T]:
    """[task(0), ..., task(parts - 1)]: the first in this process, each other in a forked one.

    The task reaches the workers through a module variable they inherit when
    forked, so it may use anything in memory (a lambda over the group, say):
    only its result is pickled back. Where processes cannot be started (some
    containers have no shared memory for the pool's locks) or a worker dies,
    every part is done here instead: slower, but the same result.
    """
    if parts <= 1:
        return [task(0)]
    global _task
    _task = task
    try:
        return _forked(task, parts)
    except (OSError, NotImplementedError, BrokenProcessPool):
        return [task(index) for index in range(parts)]
    finally:
        _task = None


def _forked(task: Callable[[int], T], parts: int) -> list[T]:
    with ProcessPoolExecutor(parts - 1, mp_context=multiprocessing.get_context("fork")) as pool:
        others = [pool.submit(_run_task, index) for index in range(1, parts)]
        first = task(0)  # this process does its share meanwhile
        return [first, *(future.result() for future in others)]


def _run_task(index: int) -> Any:
    assert _task is not None, "set by in_parts before the workers are forked"
    return _task(index)
