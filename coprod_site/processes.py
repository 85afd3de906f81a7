"""Work shared over this machine's cores, in forked processes, and the switches that turn it off.

`in_parts` runs one task in parts, the first here and each other in a forked
process (making outputs); `Helpers` runs a task of two steps in parts
(reading records, then checking them); second_core.py keeps one more process
beside a build. Forking is Linux only, and never under a server's threads,
where it can deadlock.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
A = TypeVar("A")
B = TypeVar("B")

CANNOT_FORK = (OSError, NotImplementedError, BrokenProcessPool)
"""What starting or using a forked worker raises where it cannot be done: the work is then done here."""

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
    except CANNOT_FORK:
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


_steps: tuple[Callable[[int], Any], Callable[[int, Any], Any]] | None = None
"""The two steps the helpers run: set before they are forked, so they inherit them."""
_kept: Any = None
"""In a helper: what its first step made, for its second."""


class Helpers(Generic[A, B]):
    """Parts 1 to parts - 1 of a task of two steps, each part in a forked process of its own
    that keeps what its first step made for its second.

    Part 0 is left to the caller, who does it meanwhile in its own way. Each
    step's results come back as soon as they are ready (`firsts`, then
    `thens`): the caller can use what the helpers' first steps made while
    they go on to their second. Where a helper cannot be started or dies,
    its part is done here instead: slower, but the same result.
    """

    def __init__(self, first: Callable[[int], A], then: Callable[[int, A], B], parts: int) -> None:
        global _steps
        self.first, self.then = first, then
        self.indexes = range(1, parts)
        self._pools: list[ProcessPoolExecutor] = []
        self._firsts: dict[int, Future[str]] = {}  # the name of the file each result is in
        self._thens: dict[int, Future[B]] = {}
        self._made: dict[int, A] = {}
        _steps = (first, then)
        try:
            for index in self.indexes:
                # one pool of one process per part, so that its second step runs where its first did
                pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                self._pools.append(pool)
                self._firsts[index] = pool.submit(_first_step, index)
                self._thens[index] = pool.submit(_then_step, index)
        except CANNOT_FORK:
            pass  # the parts no helper took are done here

    def firsts(self) -> list[A]:
        """The first step's results of parts 1 to parts - 1, in order."""
        for index in self.indexes:
            self._made[index] = _result(self._firsts.get(index), functools.partial(self.first, index), _unpickled)
        return [self._made[index] for index in self.indexes]

    def thens(self) -> list[B]:
        """The second step's results of parts 1 to parts - 1, in order (after `firsts`)."""
        return [_result(self._thens.get(index), functools.partial(self.then, index, self._made[index]))
                for index in self.indexes]

    def __enter__(self) -> Helpers[A, B]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        global _steps
        for pool in self._pools:
            pool.shutdown(cancel_futures=True)
        _steps = None
        for index, future in self._firsts.items():  # results never taken in (after an error here)
            if index not in self._made and not future.cancelled() and future.exception() is None:
                Path(future.result()).unlink(missing_ok=True)


def _result(future: Future[Any] | None, here: Callable[[], T], unpack: Callable[[Any], T] | None = None) -> T:
    """The helper's result (`unpack`ed), or the same made here when there is no helper or it died."""
    if future is not None:
        try:
            result = future.result()
            return result if unpack is None else unpack(result)
        except CANNOT_FORK:
            pass
    return here()


def _first_step(index: int) -> str:
    """Run the first step; hand its result back in a file, whose name is returned.

    A big result sent back through the pool's pipe would come in a piece at a
    time, each waiting for this process's main thread, busy with its own part,
    to let the pool's thread run: 1 s for the 20 MB of 5,000 records' files.
    Read from a file, it comes in at once, when it is wanted.
    """
    global _kept
    assert _steps is not None, "set by Helpers before the helpers are forked"
    _kept = _steps[0](index)
    with tempfile.NamedTemporaryFile("wb", prefix="coprod-", delete=False) as file:
        pickle.dump(_kept, file, protocol=pickle.HIGHEST_PROTOCOL)
    return file.name


def _unpickled(name: str) -> Any:
    """What `_first_step` left in the file `name`, which is then removed."""
    try:
        return pickle.loads(Path(name).read_bytes())
    finally:
        Path(name).unlink(missing_ok=True)


def _then_step(index: int) -> Any:
    assert _steps is not None, "set by Helpers before the helpers are forked"
    return _steps[1](index, _kept)
