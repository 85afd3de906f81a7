"""Rendering page specs through Jinja templates, which a site may override.

Templates live in this package's `templates/` folder; a file with the same
name in the site's `theme/coprod/` folder wins. Autoescaping is on, so every
record field is escaped; only the already-sanitised page body is marked safe.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from .languages import OwnWords
from .pages import GLOSSARY_PAGE, PageSpec, page_url, relative_url
from .published import Published, content_note
from .terms import Wrap, entry_id
from .words import join_words, mid_sentence, plural


def format_date(value: dt.date | None) -> str:
    """'14 March 2025', the GOV.UK style."""
    return "" if value is None else f"{value.day} {value:%B %Y}"


def format_time(value: dt.time | None) -> str:
    """'4pm', '5:30pm', '12 noon'."""
    if value is None:
        return ""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def words(value: str | None) -> str:
    """A vocabulary value in words: 'within-remit' -> 'within remit'."""
    return "" if value is None else value.replace("-", " ")


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


def under_heading(body: Markup, level: int) -> Markup:
    """A record's text placed under a heading of `level` ('Summary', an h2): its own headings
    moved so that they step down from the one below, a level at a time, as a screen reader lists a
    page's headings. Minutes written with '# Our meeting' had made a second h1 inside the summary,
    and '######' under '#' a heading four levels down from its section. Each keeps its place
    beside the others; none goes below h6."""
    levels = sorted({int(match[2]) for match in _HEADING_TAG.finditer(body)})
    moved = {written: min(6, level + 1 + rank) for rank, written in enumerate(levels)}
    if all(written == shown for written, shown in moved.items()):
        return body
    return Markup(_HEADING_TAG.sub(lambda tag: f"<{tag[1]}h{moved[int(tag[2])]}", body))


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory between the builds of one `coprod serve`.

    Each build gets a new Jinja environment (MkDocs makes the theme's anew);
    compiling Material's and our templates again took about half a second a
    rebuild. Jinja keys each entry by the template's name and a checksum of its
    source, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self.compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def join_marked(words: Iterable[str]) -> Markup:
    """'a, b and c', where some of the words may be marked up already (the group's own, `own`):
    each of the others escaped, once."""
    return Markup(join_words([escape(word) for word in words]))


def content_note_marked(notes: Iterable[str]) -> Markup:
    """A content note (published.content_note) about notes some of which may be marked up."""
    return Markup(content_note([escape(note) for note in notes]))


CELL_END = re.compile(r"(</(?:dt|dd|th|td|tr|li|caption)>)(?=<)")
"""The end of a term, a cell, a row or an item straight before the next tag. The templates keep
no space there (trim_blocks), which shows nothing on the page but ran the words together in
the search index and its results: "Decided14 October 2026", "Statusagreed". A line break
between them shows nothing either, and keeps them apart.
"""


class Renderer:
    """Renders page fragments for one build."""

    def __init__(self, override_dirs: Iterable[Path] = (), compiled: BytecodeCache | None = None,
                 language: str = "en") -> None:
        loaders: list[BaseLoader] = [FileSystemLoader(str(folder)) for folder in override_dirs
                                     if folder.is_dir()]
        loaders.append(PackageLoader("coprod_site", "templates"))
        self.words = OwnWords(language)
        # One Renderer serves one build, so templates need not be checked for edits on every page.
        self.env = Environment(loader=ChoiceLoader(loaders), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               bytecode_cache=compiled, auto_reload=False)
        self.env.filters.update(date=format_date, time=format_time, words=words, mid_sentence=mid_sentence,
                                under_heading=under_heading, own=self.words.own,
                                person=self.words.person)
        self.env.globals.update(plural=plural, join_words=join_marked, content_note=content_note_marked,
                                entry_id=entry_id, counted=self.words.counted)

    def render(self, spec: PageSpec, site: Published, body_html: str = "", **extra: Any) -> str:
        """The page's HTML fragment: the record's fields around its rendered body."""
        template = self.env.get_template(spec.template)
        html = template.render(page=spec, site=site, project=site.project, today=site.today,
                               body=Markup(body_html), url=partial(relative_url, spec.url),
                               **spec.context, **extra)
        return self.words.in_english(CELL_END.sub("\\1\n", html))

    def glossary_terms(self, page: str) -> Wrap:
        """How glossary terms are marked on the page `page` (its file in the docs): each as
        written, with its explanation and a link to its entry in the glossary (`_abbr.html`).
        The way to the glossary and the template are found once for the page."""
        glossary = relative_url(page_url(page), page_url(GLOSSARY_PAGE))
        template = self.env.get_template("_abbr.html")

        def marked(text: str, explanation: str, term: str) -> str:
            return template.render(text=text, explanation=explanation, href=f"{glossary}#{entry_id(term)}")

        return marked
