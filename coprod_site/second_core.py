"""One more process, for work that can run beside a build on a machine with two cores.

The leak guard's scan of each page and Material's search entries for it need
nothing but the finished page, so they are done in this process while MkDocs
builds the next pages. One process does both: with the build itself that keeps
two cores busy, not three processes fighting over them. The process is forked,
so it is used only on Linux and only by builds, never under a server's threads.
Where it cannot start, or dies, each user of it does the work itself.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .checks.parallel import usable_cores

T = TypeVar("T")


class SecondCore:
    """A process that runs jobs in the order they are given."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if sys.platform.startswith("linux") and usable_cores() > 1:
            try:
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            except (OSError, NotImplementedError):
                self._pool = None

    @property
    def running(self) -> bool:
        return self._pool is not None

    def submit(self, job: Callable[..., T], *args: Any) -> Future[T] | None:
        """The job's future result; None when there is no process (do the job here instead)."""
        if self._pool is None:
            return None
        try:
            return self._pool.submit(job, *args)
        except (RuntimeError, BrokenProcessPool):
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
