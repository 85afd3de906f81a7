"""Files the site publishes besides its pages: feeds, calendars, data, images.

Each builder takes the published group and yields OutputFiles; the engine
adapter copies them into the site, where the leak guard sees them like any page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .published import Published
from .settings import Settings


@dataclass(frozen=True)
class OutputFile:
    """A file at `path` inside the built site."""

    path: str
    content: bytes


OutputBuilder = Callable[[Published, Settings], Iterable[OutputFile]]

OUTPUT_BUILDERS: list[OutputBuilder] = []


def build_outputs(site: Published, settings: Settings) -> list[OutputFile]:
    """Every extra file every builder makes, in path order."""
    files = [file for builder in OUTPUT_BUILDERS for file in builder(site, settings)]
    return sorted(files, key=lambda file: file.path)
