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
from typing import Any, Generic, TypeVar

from .processes import usable_cores

T = TypeVar("T")
Item = TypeVar("Item")


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


class Batches(Generic[Item, T]):
    """Items sent to the second process in batches, each batch to `job(*args, batch)`.

    Fewer, larger messages cost less than one per page. `sent` keeps each batch with its
    future result, or None where there was no process; `collect` gives every batch's result.
    """

    SIZE = 50
    WAITING = 4
    """Batches the second process may have waiting: beyond them, this process does the next
    batch itself. On a busy machine the other core fell behind by thousands of pages, each kept
    here until it was done: one build of 5,000 meetings peaked at 1,087 MB, the next at 728 MB."""

    def __init__(self, core: SecondCore, job: Callable[..., T], *args: Any) -> None:
        self.core, self.job, self.args = core, job, args
        self.sent: list[tuple[list[Item], Future[T] | None]] = []
        self._batch: list[Item] = []
        self._done = 0
        """How many of the first batches sent are done, their items let go."""

    def add(self, item: Item) -> None:
        self._batch.append(item)
        if len(self._batch) >= self.SIZE:
            self.send()

    def send(self) -> None:
        """Send what has been added since the last batch, or do it here while the second process
        has `WAITING` batches still to do."""
        if self._batch:
            self._let_go_of_done()
            behind = self.core.running and len(self.sent) - self._done >= self.WAITING
            if behind:
                self.sent.append(([], self._done_here(self._batch)))  # its result is all that is needed
            else:
                self.sent.append((self._batch, self.core.submit(self.job, *self.args, self._batch)))
            self._batch = []
            self._let_go_of_done()

    def _done_here(self, batch: list[Item]) -> Future[T]:
        done: Future[T] = Future()
        done.set_result(self.job(*self.args, batch))
        return done

    def _let_go_of_done(self) -> None:
        """The items of batches the second process has done are not needed again (only their
        results are): let them go, so a build does not keep every page twice."""
        while self._done < len(self.sent):
            future = self.sent[self._done][1]
            if future is None or not future.done() or future.exception() is not None:
                return
            self.sent[self._done] = ([], future)
            self._done += 1

    def collect(self) -> list[T]:
        """Every batch's result, in the order the items were added; the batches are then forgotten.

        The second process works through the batches from the first; batches it has
        not started yet are taken back from the last and done here meanwhile, so
        both cores work to the end instead of this one waiting. A batch it could not
        do (there was no process, or it died) is done here too.
        """
        self.send()
        sent, self.sent, self._done = self.sent, [], 0
        results: dict[int, T] = {}
        for index in reversed(range(len(sent))):
            batch, future = sent[index]
            if future is not None and not future.cancel():
                break  # started or done: so are the ones before it
            results[index] = self.job(*self.args, batch)
        for index, (batch, future) in enumerate(sent):
            if index not in results:
                results[index] = self._result(future, batch)
        return [results[index] for index in range(len(sent))]

    def _result(self, future: Future[T] | None, batch: list[Item]) -> T:
        if future is not None:
            try:
                return future.result()
            except (BrokenProcessPool, OSError):
                pass
        return self.job(*self.args, batch)
