"""Glossary terms in a rendered page: the first use of each is marked with its explanation.

WCAG 3.1.3 and 3.1.4 ask that a reader can find what a word or short form
means. Each page's first use of every glossary term becomes a link to its entry
in the glossary, the explanation also in `<abbr title>` for a mouse and in the
link's title, which screen readers read as its description (the markup comes
from the `_abbr.html` template, which a site may override): a tooltip alone is
never shown to keyboard or touch users. Text inside
links (a link cannot hold another), headings, code, existing `<abbr>`, `<dfn>` (a term's
own definition, as on the glossary page), scripts and styles is left alone, and
so is every tag and attribute: only the text between tags changes.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
from collections.abc import Callable, Iterable, Mapping

Wrap = Callable[[str, str, str], str]
"""(the text as written on the page, its explanation, the glossary's term) -> the marked-up HTML."""

TAG_OR_COMMENT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
LEFT_ALONE = frozenset({"a", "abbr", "dfn", "code", "pre", "kbd", "samp", "script", "style", "textarea",
                        "svg", "title", "button", "select", "option", "label", "summary",
                        "h1", "h2", "h3", "h4", "h5", "h6"})
"""Elements whose text is never marked: a link cannot hold another, a heading is not a link,
and code and definitions say what they say."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


def mark_glossary_terms(html: str, glossary: Mapping[str, str], wrap: Wrap,
                        names: Iterable[str] = ()) -> str:
    """The page with the first use of each glossary term wrapped by `wrap`.

    `names` (the group's name) are left whole: "Outpatients Together" is a name, and its
    first word is not the glossary's "outpatients".
    """
    pattern = _term_pattern(tuple(glossary), tuple(names))
    if pattern is None:
        return html
    terms = {term.lower(): term for term in glossary}
    marked: set[str] = set()
    skipping: list[str] = []
    parts = TAG_OR_COMMENT.split(html)
    for index, part in enumerate(parts):
        if index % 2:
            _track_skipping(part, skipping)
        elif not skipping and part and not part.isspace():
            parts[index] = _mark_text(part, pattern, terms, glossary, marked, wrap)
    return "".join(parts)


@functools.lru_cache(maxsize=8)
def _term_pattern(glossary: tuple[str, ...], names: tuple[str, ...]) -> re.Pattern[str] | None:
    """A name, or any term as a whole word (longest first) with an optional plural ending.

    Made once for all the pages of a build (the arguments are the glossary's terms and the names).
    """
    escaped = [re.escape(html_lib.escape(term, quote=False))
               for term in sorted(glossary, key=len, reverse=True) if term.strip()]
    if not escaped:
        return None
    kept = "|".join(re.escape(html_lib.escape(name, quote=False)) for name in names if name.strip())
    name_part = f"(?-i:(?P<name>{kept}))|" if kept else ""
    return re.compile(rf"{name_part}(?<![\w-])(?P<term>{'|'.join(escaped)})(?P<plural>e?s)?(?![\w-])",
                      re.IGNORECASE)


def _track_skipping(tag: str, skipping: list[str]) -> None:
    """Keep the stack of open elements whose text must not change."""
    match = TAG_NAME.match(tag)
    if match is None:
        return
    closing, name = match[1] == "/", match[2].lower()
    if name not in LEFT_ALONE or name in VOID or tag.rstrip().endswith("/>"):
        return
    if not closing:
        skipping.append(name)
    elif name in skipping:
        del skipping[len(skipping) - 1 - skipping[::-1].index(name):]


def _mark_text(text: str, pattern: re.Pattern[str], terms: Mapping[str, str],
               glossary: Mapping[str, str], marked: set[str], wrap: Wrap) -> str:
    def replace(match: re.Match[str]) -> str:
        if match["term"] is None:
            return match[0]
        term = terms.get(html_lib.unescape(match["term"]).lower())
        if term is None or term in marked or not _same_case(match["term"], term):
            return match[0]
        marked.add(term)
        return wrap(html_lib.unescape(match[0]), glossary[term], term)

    return pattern.sub(replace, text)


def _same_case(written: str, term: str) -> bool:
    """Short forms and names (any capital in the glossary) must match exactly: 'PALS', not 'pals'."""
    if term == term.lower():
        return True
    return html_lib.unescape(written) == term


def entry_id(term: str) -> str:
    """The id of a term's entry on the glossary page ('trust board' -> 'trust-board')."""
    return term.lower().replace(" ", "-")
