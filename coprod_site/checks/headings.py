"""Headings that skip a level on the group's own pages, and headings typed without the space
that makes them headings.

People who use a screen reader often move through a page by its headings, and
hear each one's level: a '####' straight after a '##' sounds as if a part were
missing (WCAG 1.3.1). The text of a record, and of the home page, sits under a
section of ours, and its headings are moved to step down one level at a time
(`render.under_heading`); a page of the group's own is shown as written, so
its writer is told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..pages import HOME_PAGE
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..words import shortened
from .bodies import published_bodies, read_blocks


def check_heading_levels(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each heading of a page more than one level below the heading before it."""
    for name, source in group.pages.items():
        if name == HOME_PAGE:
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


HEADING_WITHOUT_SPACE = re.compile(r"(#{1,6})([^\W\d_][^\n]{0,78}[^\s.!?,;:])")
"""'#What we talked about': a short line begun by '#'s and a letter, not ending a sentence. Markdown
needs a space after the '#'s; without it the line shows as text, '#' and all."""


def check_headings_without_space(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at a line typed as a heading with no space after its '#'s. (A line that is a
    hashtag, '#BeKind', is told too, which the warning allows for.)"""
    for source in published_bodies(group):
        for block in read_blocks(source):
            if block.kind != "paragraph" or "#" not in block.text:
                continue
            for offset, line in enumerate(block.text.split("\n")):
                if (typed := HEADING_WITHOUT_SPACE.fullmatch(line)) is None:
                    continue
                marks, words = typed.groups()
                yield Problem(source.path, block.line + offset, None, f"'{shortened(marks + words, 40)}' shows "
                              f"as text, '{marks}' and all. If it is a heading, put a space after the "
                              f"'{marks}': '{marks} {shortened(words, 40)}'.", "warning")


CHECKS = (check_heading_levels, check_headings_without_space)
