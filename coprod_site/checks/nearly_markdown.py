"""Markdown typed nearly right, which the site does not make into what the writer meant.

A link with a space between its words and its address, a table with no line of dashes under
its first row, bold with spaces inside its stars, and a list pasted from a document with its
bullets: each is a character from what the writer meant, and shows on the page as typed
(brackets, bars, stars and bullets included), here and in a pull request's preview. A list
inside a list indented by two spaces is nested in the preview, but not on the site, whose
Markdown needs four. Each is said at the line, with what to type instead. Code is shown as
typed on purpose, and is not looked in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..mentions import without_code
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..words import plural, shortened
from .bodies import published_bodies, read_blocks

SPACED_LINK = re.compile(r"(?<![\[\]!\\])\[([^\[\]\n]+)\][ \t]+\(((?:https?://|mailto:|\.\.?/|/|#)[^()\s]*)\)")
"""'[our report] (https://…)': link words, a space, then an address in brackets."""
TABLE_ROW = re.compile(r" {0,3}\|.*\|.*")
"""A line of a table as most people type it: begun by '|', with another '|' in it."""
TABLE_RULE = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
BOLD = re.compile(r"(?<![*\w])(\*\*|__)([^*_\n]+?)\1(?![*\w])")
"""Words between bold marks; with a space just inside them ('** really important **',
'**important **'), the marks are shown as typed."""


def check_nearly_markdown(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each link, table and bold that is shown as typed for want of one character."""
    for source in published_bodies(group):
        for offset, message in nearly_markdown(source.body):
            yield Problem(source.path, source.body_line + offset, None, message, "warning")


def nearly_markdown(body: str) -> Iterator[tuple[int, str]]:
    """Each line (from 0) of the Markdown where a link, a table or bold is typed nearly right,
    with what to say about it."""
    if not any(mark in body for mark in ("] (", "]\t(", "|", "**", "__")):
        return  # the quick test first: most bodies have none
    lines = without_code(body).split("\n")
    for offset, line in enumerate(lines):
        for link in SPACED_LINK.finditer(line):
            yield offset, (f"'{shortened(link[0], 50)}' shows as typed, brackets and all: a link has no space "
                           f"between its words and its address. Write '[{shortened(link[1], 30)}]"
                           f"({shortened(link[2], 30)})'.")
        for bold in BOLD.finditer(line):
            marks, words = bold.groups()
            if words != words.strip() and words.strip():
                yield offset, (f"'{shortened(bold[0], 40)}' shows its '{marks}' as typed: bold has no space "
                               f"inside its marks. Write '{marks}{shortened(words.strip(), 30)}{marks}'.")
        if (TABLE_ROW.fullmatch(line) and (offset == 0 or not TABLE_ROW.fullmatch(lines[offset - 1]))
                and offset + 1 < len(lines) and TABLE_ROW.fullmatch(lines[offset + 1])
                and not TABLE_RULE.fullmatch(lines[offset + 1])):
            columns = line.strip().strip("|").count("|") + 1
            yield offset, ("this table shows as lines of text, '|' and all: a table needs a line of dashes under "
                           f"its first row, like '{'| --- ' * columns}|'.")


PASTED_BULLET = re.compile("[\u2022\u25e6\u25aa\u25cf\u25cb\u25a0\u2023\u2043\u00b7\u2013\uf0b7\uf0a7\uf076\uf0d8]")
"""A bullet a word processor or an email puts before a list's items: '•', '◦', '▪', '●', '○',
'■', '‣', '⁃', '·', '–', and the symbol font's bullets Word pastes as private characters."""


def check_pasted_bullets(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at a paragraph of lines begun by a pasted bullet: Markdown makes a list only of
    lines begun by '-', '*', '+' or a number, so its items show run together, bullets and all
    ('• The photos are nearly done • Members want…'). Word's second level, 'o', goes with them."""
    for source in published_bodies(group):
        if not PASTED_BULLET.search(source.body):
            continue  # the quick test first: reading a body's blocks costs more
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


CHECKS = (check_nearly_markdown, check_pasted_bullets, check_lists_inside_lists)
