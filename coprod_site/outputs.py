"""Files the site publishes besides its pages: feeds, calendars, data, images.

Each builder takes the published group and yields OutputFiles; the engine
adapter copies them into the site, where the leak guard sees them like any page.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .processes import in_parts
from .published import Published
from .settings import Settings


@dataclass(frozen=True)
class OutputFile:
    """A file at `path` inside the built site."""

    path: str
    content: bytes


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class RebuildCache(Generic[K, V]):
    """What one build made, kept for the next: a `serve` rebuild after one edit redoes only that record.

    Values are keyed by their exact inputs (a QR code by its URL, a feed entry's HTML by its
    Markdown), so a stale value can never be served. A build keeps the values it used and drops
    those the build before it left unused, so the cache holds at most two builds' worth and
    never grows across rebuilds.
    """

    def __init__(self, make: Callable[[K], V]) -> None:
        self._make = make
        self._previous: dict[K, V] = {}
        self._current: dict[K, V] = {}

    def new_build(self) -> None:
        """Start a build: values the last build used stay available; older ones are dropped."""
        self._previous, self._current = self._current, {}

    def get(self, key: K) -> V:
        """The value for `key`, made only when neither this build nor the last one made it."""
        if key in self._current:
            return self._current[key]
        value = self._previous.pop(key) if key in self._previous else self._make(key)
        self._current[key] = value
        return value

    def __len__(self) -> int:
        return len(self._previous) + len(self._current)


OutputBuilder = Callable[[Published, Settings], Iterable[OutputFile]]

OUTPUT_BUILDERS: list[OutputBuilder] = []


def build_outputs(site: Published, settings: Settings, parts: int = 1) -> list[OutputFile]:
    """Every extra file every builder makes, in path order.

    With more than one part, the builders are dealt out in turn to that many
    processes (processes.py): the feeds and the QR codes, which take the
    longest in a big group, land in different ones. The files are the same.
    """
    def build_part(index: int) -> list[OutputFile]:
        return [file for builder in OUTPUT_BUILDERS[index::parts] for file in builder(site, settings)]

    files = [file for part in in_parts(build_part, parts) for file in part]
    return sorted(files, key=lambda file: file.path)
