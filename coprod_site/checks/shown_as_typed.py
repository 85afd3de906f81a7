"""Markdown written in a field: fields are shown as typed, so its marks would be published.

Only the text below a record's second '---' line is read as Markdown. A title, an agenda item
or an action's 'What' written with `**bold**`, `*stress*`, `` `code` `` or a link
`[words](address)` shows those marks on the page, in the feed and in calendars. A facilitator
who writes Markdown every day below the line will write it above it too: they are told, with
the field and its line, before it is published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..loading import describe_field
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from .starting_text import published_sources

EMPHASIS = re.compile(r"(?<![\w*_\\])(\*\*|__|\*|_)(?![\s*_])([^\n]*?[^\s\\*_])\1(?![\w*_])")
"""`**words**`, `__words__`, `*words*` or `_words_`, not `5 * 3` or a snake_case_name."""
CODE = re.compile(r"(`+)([^`\n]*[^`\s][^`\n]*)\1")
LINK = re.compile(r"!?\[([^\]\n]+)\]\(([^)\s]+)\)")
"""`[words](address)` or an image `![words](address)` (a mention, `[[p01]]`, is not one)."""
ANY_MARK = re.compile(r"[*_`]|\]\(")
"""A quick look first: most records' fields have no character that could begin a mark."""


def check_marks_shown_as_typed(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each Markdown mark in a field of a published record."""
    for source, _ in published_sources(group):
        if not any(ANY_MARK.search(text) for text in source.strings()):
            continue
        for location, text in source.texts():
            for advice in _advice(text):
                yield source.problem(f"{describe_field(location)} is shown as typed, so {advice}",
                                     *location, severity="warning")


def _advice(text: str) -> Iterator[str]:
    """What each Markdown mark in `text` would show, and what to write instead."""
    for link in LINK.finditer(text):
        yield (f"the link '{link[0]}' would show as written, brackets and address. Write just its words "
               "here, and put the link in the text below the second '---' line, which is read as Markdown.")
    words = LINK.sub(lambda link: link[1], text)
    for marked in sorted([*EMPHASIS.finditer(words), *CODE.finditer(words)], key=lambda match: match.start()):
        yield (f"the '{marked[1]}' around '{marked[2]}' would show. Take them out: only the text below the "
               "second '---' line is read as Markdown.")


CHECKS = (check_marks_shown_as_typed,)
