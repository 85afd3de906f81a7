"""Headings that skip a level on the group's own pages, headings typed without the space that
makes them headings, and lists the site does not make as they were typed: pasted from a
document with its bullets ('•'), or inside another list by fewer spaces than the site needs.

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
from typing import NamedTuple

from ..mentions import without_code
from ..pages import HOME_PAGE
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..words import plural, shortened
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


PASTED_BULLET = re.compile("[\u2022\u25e6\u25aa\u25cf\u25cb\u25a0\u2023\u2043\u00b7\u2013\uf0b7\uf0a7\uf076\uf0d8]")
"""A bullet a word processor or an email puts before a list's items: '•', '◦', '▪', '●', '○',
'■', '‣', '⁃', '·', '–', and the symbol font's bullets Word pastes as private characters."""


def check_pasted_bullets(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at a paragraph of lines begun by a pasted bullet: Markdown makes a list only of
    lines begun by '-', '*', '+' or a number, so its items show run together, bullets and all
    ('• The photos are nearly done • Members want…'). Word's second level, 'o', goes with them."""
    for source in published_bodies(group):
        for block in read_blocks(source):
            if block.kind != "paragraph" or "\n" not in block.text or not PASTED_BULLET.search(block.text):
                continue
            lines = block.text.split("\n")
            bulleted = [index for index, line in enumerate(lines) if PASTED_BULLET.match(line.lstrip())]
            items = [index for index, line in enumerate(lines) if index in bulleted or line.lstrip().startswith("o ")]
            if not bulleted or len(items) < 2:
                continue
            bullet = lines[bulleted[0]].lstrip()[0]
            yield Problem(source.path, block.line + items[0], None, f"{len(items)} lines begin with a pasted "
                          f"bullet ('{bullet}'), which Markdown does not make into a list: they show run "
                          "together, as one paragraph. Begin each item with '- ' instead, and an item inside "
                          "another with four spaces before its '- '.", "warning")


LIST_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])( {1,4})\S")
"""A list item's line: its indent, its mark, and the spaces before its words."""
INDENT = 4
"""How far in the site's Markdown (Python-Markdown) needs a list inside an item, from the item's mark."""


def check_lists_inside_lists(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at a list indented to sit inside the item above, as GitHub's preview and most
    editors show it (CommonMark: two spaces under '- '), but by fewer than the four spaces the
    site's Markdown needs: the site shows its items in the list of the item above, one level up.
    Told once for each item above, at the first of its list."""
    for source in published_bodies(group):
        if "\n " not in source.body:  # the quick test first: no indented line, no list inside a list
            continue
        lists: dict[int, list[MisplacedItem]] = {}
        for item in _misplaced_items(without_code(source.body)):
            lists.setdefault(item.above, []).append(item)
        for first, *more in lists.values():
            words = f"'{shortened(first.text, 30)}'" + (f" and {plural(len(more), 'more item')}" if more else "")
            them = "them" if more else "it"
            yield Problem(source.path, source.body_line + first.line, None, f"{words} {'are' if more else 'is'} "
                          f"indented by {first.indent} spaces: a Markdown preview shows {them} inside the item "
                          f"above, but the site shows {them} in the same list as that item. Indent {them} by "
                          f"{first.above_indent + INDENT} spaces.", "warning")


class MisplacedItem(NamedTuple):
    """A list item meant to be inside the item above, which the site shows beside it."""

    line: int
    text: str
    indent: int
    above: int
    """The line of the item it was meant to be inside."""
    above_indent: int


def _misplaced_items(body: str) -> Iterator[MisplacedItem]:
    """Each list item indented past where the words of the item above start (CommonMark's list
    inside it), but by fewer than INDENT spaces more than that item's mark (the site's)."""
    items: list[tuple[int, int, int]] = []  # each open item's line, indent, and where its words start
    blank = False
    for offset, line in enumerate(body.split("\n")):
        item = LIST_ITEM.match(line)
        if item is None:
            if line.strip() and blank and not line.startswith(" "):
                items = []  # a paragraph after a blank line ends the list
            blank = not line.strip()
            continue
        blank = False
        indent = len(item[1])
        while items and items[-1][1] >= indent:
            items.pop()
        if items and items[-1][2] <= indent < items[-1][1] + INDENT:
            yield MisplacedItem(offset, line.strip(), indent, items[-1][0], items[-1][1])
        items.append((offset, indent, indent + len(item[2]) + len(item[3])))


CHECKS = (check_heading_levels, check_headings_without_space, check_pasted_bullets, check_lists_inside_lists)
