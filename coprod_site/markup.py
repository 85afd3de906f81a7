"""A quick reader of markup, for the plain, well-formed HTML a build makes.

Python's html.parser is exact and slow; these patterns read a plain subset of
what it accepts, the same way it does, and say so when a document leaves that
subset, so that whoever uses them hands the document to html.parser instead.
The leak guard reads every page's text with them (guard.py), and Material's
search entries are made with them (search_parser.py).
"""

from __future__ import annotations

import re

# Each pattern accepts only a plain, well-formed subset of what
# html.parser accepts, and reads it exactly as html.parser does. Anything else
# (a tag with odd spacing or quoting, an unclosed comment, a CDATA section, a
# stray "</" or "<!") sends the whole document to html.parser, so the two can
# never disagree. Separators inside tags are [ \t\n\r\f] only, and names and
# bare values exclude every \s, because html.parser's tag names end only at
# those five characters while its attribute rules use \s.
_SEPARATOR = r"[ \t\n\r\f]"
_ATTRIBUTE = (rf"{_SEPARATOR}+([^\s/>=<\"'\x00]+)"
              rf"(?:{_SEPARATOR}*={_SEPARATOR}*(\"[^\"]*\"|'[^']*'|[^\s>\"'<=`]+))?")
TOKEN = re.compile(
    # Text, and any "<" that cannot open markup (html.parser passes those on as text;
    # no entity can contain "<", so unescaping the text between them apart is the same).
    r"(?P<text>[^<]+|<(?![a-zA-Z/!?]))"
    rf"|(?P<start><(?P<tag>[a-zA-Z][^\s/>=<\"'\x00]*)(?P<attrs>(?:{_ATTRIBUTE})*)"
    rf"{_SEPARATOR}*(?P<empty>/?)>)"
    rf"|(?P<end></[a-zA-Z][-.a-zA-Z0-9:_]*{_SEPARATOR}*>)"
    r"|(?P<comment><!--)"
    r"|(?P<skipped><![dD][oO][cC][tT][yY][pP][eE]|<\?)"
)
ATTRIBUTES = re.compile(_ATTRIBUTE)
COMMENT_END = re.compile(r"--\s*>")
RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}
"""Where html.parser ends a script or style element, whose content it passes on unread."""
GREATER_THAN = re.compile(">")


def end_of_unseen(kind: str | None, markup: str, position: int) -> int | None:
    """Where a comment, declaration or processing instruction that TOKEN found (as `kind`)
    ends, from `position` just after its opening; None where it never ends. None of them shows."""
    closing = (COMMENT_END if kind == "comment" else GREATER_THAN).search(markup, position)
    return None if closing is None else closing.end()
