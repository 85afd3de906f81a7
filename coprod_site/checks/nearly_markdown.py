"""Markdown typed nearly right, which the site (and a pull request's preview) shows as typed.

A link with a space between its words and its address, a table with no line of dashes under
its first row, and bold with spaces inside its stars: each is one character from what the
writer meant, and shows on the page brackets, bars and stars included. Said at the line, with
what to type instead. Code is shown as typed on purpose, and is not looked in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..mentions import without_code
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..words import shortened
from .bodies import published_bodies

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


CHECKS = (check_nearly_markdown,)
