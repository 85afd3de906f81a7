"""The Markdown bodies the site publishes, read as prose with a line number for every part.

The plain-language and image checks look at what a reader will read: paragraphs,
list items, headings and table cells, with code, raw HTML and link addresses
left out. markdown-it gives every block its lines in the body; adding the line
the body starts on gives the line in the file the person edits.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..records import Group
from ..sources import Source

BlockKind = Literal["paragraph", "heading", "cell"]

ATTR_LIST = re.compile(r"\s*\{[^{}\n]*\}\s*$")
"""`{#payments}` after a heading, or `{ .class }` after a paragraph (attr_list syntax)."""
ABBREVIATION = re.compile(r"^\*\[(?P<short>[^\]]+)\]:\s*(?P<meaning>.*)$", re.MULTILINE)
"""A page's own abbreviation definition: `*[CQC]: Care Quality Commission`."""
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[^\n]*$", re.MULTILINE)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ALT = re.compile(r"\balt\s*=", re.IGNORECASE)
HTML_SRC = re.compile(r"\bsrc\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
MARKUP = re.compile(r"[\\`*_\[\]<>&{}|~\t\x00-\x08\x0b-\x1f\x7f]")
"""Every character that can begin Markdown markup within a line (escapes, code, emphasis, links
and images, HTML and autolinks, entities, attribute lists, tables, strikethrough), and tabs and
control characters: a body with none, each of whose lines is blank or starts with a letter and
ends with no space, is paragraphs of plain text to markdown-it."""
READINGS_KEPT = 20_000
"""Bodies whose blocks and images are remembered: more than a big group has, so that the
image check finds every body the plain-language check read; a few tens of MB at most."""


@dataclass(frozen=True)
class Block:
    """A piece of prose: `line` is the line in the file where it starts; soft line breaks stay."""

    kind: BlockKind
    text: str
    line: int
    level: int = 0
    """A heading's level, 1 to 6 ('###' is 3); 0 for other blocks."""


@dataclass(frozen=True)
class Image:
    """An image in a body, and whether it says what it shows (or, in HTML, that it is decoration).

    Markdown has no way to mark an image as decoration, so `![](x.png)` has no
    alt text; HTML's `alt=""` is the standard way to say an image is decoration.
    """

    src: str
    line: int
    has_alt: bool
    html: bool


@dataclass(frozen=True)
class Link:
    """A Markdown link in a body: where it goes, its line, and its words as a reader hears them."""

    address: str
    line: int
    words: str


def published_bodies(group: Group) -> Iterator[Source]:
    """Every record body and page the site shows: drafts and planned meetings have none. Each file
    left out for a YAML mistake is read too, as the site will show it once the mistake is put right,
    so that its text's problems are heard in the same run (a meeting only when its minutes were read
    as agreed)."""
    if group.charter is not None:
        yield group.charter.source
    for meeting in group.meetings.values():
        if meeting.is_agreed:
            yield meeting.source
    for records in (group.decisions, group.amendments, group.reports):
        yield from (record.source for record in records.values())
    yield from group.pages.values()
    yield from (source for source in group.left_out if _shows_its_text(source, group.content))


def _shows_its_text(source: Source, content: str) -> bool:
    """Whether the site will show the text of a file left out for a YAML mistake: a meeting's only
    when its minutes were read, and are agreed."""
    if not source.path.startswith(f"{content}/meetings/"):
        return True
    minutes = source.meta.get("minutes")
    return isinstance(minutes, dict) and minutes.get("status") == "agreed"


@functools.cache
def _parser() -> MarkdownIt:
    """One parser for every body: building it costs more than parsing a short body."""
    return MarkdownIt("commonmark").enable("table")


def read_blocks(source: Source) -> list[Block]:
    """The body's prose blocks in reading order."""
    return list(_read(source.body, source.body_line).blocks)


def find_images(source: Source) -> list[Image]:
    """Every image in the body, from Markdown `![alt](src)` or an HTML `<img>` tag."""
    return list(_read(source.body, source.body_line).images)


def find_links(source: Source) -> list[Link]:
    """Every Markdown link in the body."""
    return list(_read(source.body, source.body_line).links)


def find_spaced_addresses(source: Source) -> list[Link]:
    """Every link and image whose address has a space in it (`SPACED_ADDRESS`)."""
    return list(_read(source.body, source.body_line).spaced)


@dataclass(frozen=True)
class _Reading:
    blocks: tuple[Block, ...]
    images: tuple[Image, ...]
    links: tuple[Link, ...] = ()
    spaced: tuple[Link, ...] = ()
    """Links and images with a space in their address, which lead nowhere on the site."""


@functools.lru_cache(maxsize=READINGS_KEPT)
def _read(body: str, body_line: int) -> _Reading:
    """A body's blocks and images, from one parse when it has no abbreviations or admonitions.

    The plain-language and image checks both read every body; parsing is the
    slow part, so each body is parsed once and both checks share the result.
    Abbreviation definitions and admonition markers are blanked for the prose
    only (an image check still sees them), so such a body is parsed twice. A
    body of plain paragraphs is not parsed at all (`_plain_paragraphs`).
    """
    plain = _plain_paragraphs(body, body_line)
    if plain is not None:
        return _Reading(plain, ())
    prose = _without_extras(body)
    tokens = _parser().parse(prose)
    whole = tokens if prose == body else _parser().parse(body)
    return _Reading(tuple(_blocks(tokens, body_line)), tuple(_images(whole, body_line)),
                    tuple(_links(whole, body_line)), tuple(_spaced_addresses(whole, body_line)))


def _plain_paragraphs(body: str, body_line: int) -> tuple[Block, ...] | None:
    """The blocks of a body of plain paragraphs, as markdown-it finds them, or None for any other body.

    With no MARKUP, a line that starts with a letter starts no block (headings,
    lists, quotes, code, rules, tables and HTML all start with something else)
    and a line that ends with no space ends with no line break: markdown-it
    makes each run of such lines a paragraph whose text is the lines as written,
    with no images or links. Parsing took most of reading a body, and many
    bodies are such paragraphs (half of the example's). tests/test_plain_language.py
    compares this with markdown-it on bodies of every kind.
    """
    if MARKUP.search(body):
        return None
    lines = body.split("\n")
    blocks: list[Block] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if not line:
            if start is not None:
                blocks.append(Block("paragraph", "\n".join(lines[start:index]), body_line + start))
                start = None
        elif not line[0].isalpha() or line[-1].isspace():
            return None
        elif start is None:
            start = index
    return tuple(blocks)


def _blocks(tokens: list[Token], body_line: int) -> Iterator[Block]:
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.map is None:
            continue
        text = inline_text(token)
        if "{" in text:  # every attribute list has one; most text has none
            text = ATTR_LIST.sub("", text)
        text = text.strip()
        if text:
            opening = tokens[index - 1]
            level = int(opening.tag[1]) if opening.type == "heading_open" else 0
            yield Block(_kind(opening), text, body_line + token.map[0], level)


def _kind(opening: Token) -> BlockKind:
    if opening.type == "heading_open":
        return "heading"
    return "cell" if opening.type in ("th_open", "td_open") else "paragraph"


def _without_extras(body: str) -> str:
    """The body with abbreviation definitions and admonition markers blanked (lines kept)."""
    if "*[" in body:  # the quick test first: most bodies have neither
        body = ABBREVIATION.sub("", body)
    if "!!!" in body or "???" in body:
        body = ADMONITION.sub("", body)
    return body


def inline_text(token: Token) -> str:
    """What a reader reads in an inline token: text and link text, no code, HTML or images."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "code_inline":
            parts.append("code")
    return "".join(parts)


def page_abbreviations(source: Source) -> set[str]:
    """Short forms the page explains itself with `*[CQC]: ...` lines."""
    if "*[" not in source.body:  # the quick test first: most pages define none
        return set()
    return {match["short"].strip() for match in ABBREVIATION.finditer(source.body)}


def _images(tokens: list[Token], body_line: int) -> Iterator[Image]:
    for token in tokens:
        if token.map is None:
            continue
        line = body_line + token.map[0]
        if token.type == "html_block":
            yield from _html_images(token.content, line)
        for child in token.children or []:
            if child.type == "image":
                yield Image(str(child.attrs.get("src", "")), line, bool(child.content.strip()), html=False)
            elif child.type == "html_inline":
                yield from _html_images(child.content, line)


def _links(tokens: list[Token], body_line: int) -> Iterator[Link]:
    """Each link, at the line it starts on, with the words between its brackets."""
    for token in tokens:
        if token.map is None:
            continue
        line, opened, at = body_line + token.map[0], None, 0
        words: list[str] = []
        for child in token.children or []:
            if child.type == "link_open":
                opened, at, words = child, line, []
            elif child.type == "link_close" and opened is not None:
                yield Link(str(opened.attrs.get("href", "")), at, " ".join("".join(words).split()))
                opened = None
            elif opened is not None and child.type in ("text", "code_inline", "image", "softbreak", "hardbreak"):
                words.append(child.content or " ")  # an image's content is its alt text
            if child.type in ("softbreak", "hardbreak"):
                line += 1


SPACED_ADDRESS = re.compile(r"!?\[([^\[\]\n]*)\]\(\s*([^\s()<>]+(?:[ \t]+[^\s()\"']+)+)\s*\)")
"""`![Map](my map.png)`: an address with a space, which is no link or image to CommonMark (the
checks' reader), and one to Python-Markdown (the site's), whose address MkDocs then leaves as
written, so that it leads nowhere from the page."""


def _spaced_addresses(tokens: list[Token], body_line: int) -> Iterator[Link]:
    """Each link or image whose address has a space in it, at its line."""
    for token in tokens:
        if token.type != "inline" or token.map is None or "](" not in token.content:
            continue
        for match in SPACED_ADDRESS.finditer(token.content):
            words, address = match.groups()
            yield Link(address, body_line + token.map[0] + token.content.count("\n", 0, match.start()),
                       " ".join(words.split()))


def _html_images(html: str, first_line: int) -> list[Image]:
    images = []
    for match in HTML_IMAGE.finditer(html):
        src = HTML_SRC.search(match[0])
        line = first_line + html.count("\n", 0, match.start())
        images.append(Image(src[1] if src else "", line, bool(HTML_ALT.search(match[0])), html=True))
    return images
