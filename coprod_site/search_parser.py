"""Material's search entries, made quicker: its own section logic, fed by a quick markup reader.

Material's search plugin reads each page with a Python HTML parser (its
`Parser`, on html.parser) that splits the page into sections at headings and
keeps some tags. On record pages, which have many small elements, that is the
largest cost of a page after our own templates. `sections` gives exactly the
sections Material's `Parser` gives: markup.py reads the page (handing anything
outside its plain subset to Material's own parser), and `_Sections` does what
`Parser`'s three handlers do, step for step, keeping a count of the open tags
where `Parser` builds and compares sets of elements at every step.

Tested against Material's parser on every page of the example, on CommonMark's
and markdown-it's fixtures and on generated markup (tests/test_search_parser.py),
and through the search index in the byte-for-byte build comparison.
"""

from __future__ import annotations

from html import escape, unescape
from typing import Any

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section, void

from .markup import ATTRIBUTES, TOKEN, end_of_unseen

_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_KEEP = frozenset(Parser().keep)
_ALWAYS_SKIPPED = ("object", "script", "style")
"""Tags whose content Material's Parser never indexes (they stay in its skip set for good)."""


def sections(content: str) -> list[Section]:
    """The sections Material's search `Parser` makes of `content`, in order."""
    quick = _Sections()
    if quick.read(content):
        return quick.data
    parser = Parser()
    parser.feed(content)
    parser.close()
    data: list[Section] = parser.data
    return data


class QuickSearchIndex(SearchIndex):  # type: ignore[misc]
    """Material's SearchIndex, its pages read by `sections`."""

    def add_entry_from_context(self, page: Any) -> None:
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        for section in sections(page.content):
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)


class _Sections:
    """The state of Material's Parser, with a count of the open elements by tag.

    Material compares elements by tag alone, so its skip set behaves as a set
    of tags, "the section's heading is open" is "an element with its tag is
    open", and "inside pre" is "a pre is open": counts answer each at once.
    """

    def __init__(self) -> None:
        self.context: list[Element] = []
        self.open: dict[str, int] = {}
        self.skip = set(_ALWAYS_SKIPPED)
        self.skipped = 0
        """How many open elements have a tag in `skip`: Material's `skip ∩ context` is empty when 0."""
        self.section: Section | None = None
        self.data: list[Section] = []

    def read(self, markup: str) -> bool:
        """Read `markup`; False, having read it only in part, if it leaves markup.py's subset."""
        position, length = 0, len(markup)
        while position < length:
            token = TOKEN.match(markup, position)
            if token is None:
                return False
            position = token.end()
            kind = token.lastgroup
            if kind == "text":
                text = token.group()
                if text == "<":  # html.parser passes a stray "<" on in a piece of its own
                    return False
                self.handle_data(unescape(text) if "&" in text else text)
            elif kind == "start":
                tag = token["tag"].lower()
                if tag in ("script", "style"):  # raw text: left to html.parser
                    return False
                self.handle_starttag(tag, _attributes(token["attrs"]))
                if token["empty"]:
                    self.handle_endtag(tag)
            elif kind == "end":
                self.handle_endtag(token.group()[2:-1].strip(" \t\n\r\f").lower())
            else:
                end = end_of_unseen(kind, markup, position)
                if end is None:
                    return False
                position = end
        return True

    def _skip(self, tag: str, skipped: bool) -> None:
        """Add `tag` to the skip set, or take it out, and count the open elements it skips."""
        (self.skip.add if skipped else self.skip.remove)(tag)
        self.skipped = sum(self.open.get(skipped_tag, 0) for skipped_tag in self.skip)

    def _in_title(self, section: Section) -> bool:
        return bool(self.open.get(section.el.tag))

    def _new_section(self, el: Element, depth: int = 0) -> Section:
        self.section = Section(el, depth)
        self.data.append(self.section)
        return self.section

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in void:
            return
        attributes = dict(attrs)
        el = Element(tag, attributes)
        self.context.append(el)
        self.open[tag] = self.open.get(tag, 0) + 1
        self.skipped += tag in self.skip
        if tag in _HEADINGS and "id" in attributes:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self._new_section(Element("hx"), depth)
            section = Section(el, depth)
            if self.data:
                section.id = attributes["id"]
            self.section = section
            self.data.append(section)
        section = self.section or self._new_section(Element("hx"))
        for key, value in attributes.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                if tag not in self.skip:
                    self._skip(tag, True)
                return
        if tag in _KEEP and not self.skipped:
            (section.title if self._in_title(section) else section.text).append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not self.context or self.context[-1].tag != tag:
            return
        section = self.section
        assert section is not None, "an open element always has a section"
        if section.depth > len(self.context):
            for earlier in reversed(self.data):
                if earlier.depth <= len(self.context):
                    section.depth = float("inf")
                    self.section = section = earlier
                    break
        el = self.context.pop()
        self.open[el.tag] -= 1
        if el.tag in self.skip:
            self.skipped -= 1
            if el.tag not in _ALWAYS_SKIPPED:
                self._skip(el.tag, False)
            return
        if tag not in _KEEP or self.skipped:
            return
        data = section.title if self._in_title(section) else section.text
        index = data.index(f"<{tag}>")  # the first, as Material's Parser looks
        for i in range(index + 1, len(data)):
            if not data[i].isspace():
                index = len(data)
                break
        if len(data) > index:
            del data[index:]
        else:
            data.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipped:
            return
        in_pre = bool(self.open.get("pre"))
        if not in_pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self.section or self._new_section(Element("hx"))
        if self._in_title(section):
            if not any(el.tag == "a" and el.attrs.get("class") == "headerlink" for el in self.context):
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or in_pre:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))


def _attributes(markup: str) -> list[tuple[str, str | None]]:
    """A start tag's attributes as html.parser gives them: names in small letters, values
    unquoted and unescaped, None for a name alone."""
    found: list[tuple[str, str | None]] = []
    for name, value in ATTRIBUTES.findall(markup):
        if not value:
            found.append((name.lower(), None))
            continue
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        found.append((name.lower(), unescape(value) if value else value))
    return found
