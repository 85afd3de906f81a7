"""Headings that skip a level on the group's own pages.

People who use a screen reader often move through a page by its headings, and
hear each one's level: a '####' straight after a '##' sounds as if a part were
missing (WCAG 1.3.1). The text of a record, and of the home page, sits under a
section of ours, and its headings are moved to step down one level at a time
(`render.under_heading`); a page of the group's own is shown as written, so
its writer is told.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..words import shortened
from .bodies import read_blocks

HOME = "index.md"
"""The home page's own text, shown under the group's name (home.html)."""


def check_heading_levels(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each heading of a page more than one level below the heading before it."""
    for name, source in group.pages.items():
        if name == HOME:
            continue
        before = 1  # the page's title, an h1, typed as '# …' or made from 'title:'
        for block in read_blocks(source):
            if block.kind != "heading":
                continue
            if block.level > before + 1:
                yield Problem(source.path, block.line, None,
                              f"'{'#' * block.level} {shortened(block.text, 40)}' comes straight after a "
                              f"level-{before} heading, so it skips a level: people who move through a page by "
                              "its headings would think a part is missing. Make it "
                              f"'{'#' * (before + 1)} {shortened(block.text, 40)}'.", "warning")
            before = block.level


CHECKS = (check_heading_levels,)
