"""Settings a group can change in mkdocs.yml, shared by `coprod check` and the build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import markdown

SITE_EXTENSIONS = ("attr_list", "abbr", "admonition", "md_in_html", "toc", "sane_lists", "coprod_site.markdown_lists")
"""The Markdown extensions every group's site reads its pages with (and mkdocs.yml may add more)."""


@dataclass(frozen=True, eq=False)
class MarkdownSetup:
    """How the site's pages read Markdown: mkdocs.yml's `markdown_extensions` and their options.

    Feeds give a record's text as the record's page shows it, admonitions and
    abbreviations included, so they read it the same way.
    """

    extensions: tuple[str, ...] = SITE_EXTENSIONS
    configs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[tuple[str, ...], str]:
        """What tells two setups apart, for caches of converted text."""
        return self.extensions, repr(sorted(self.configs.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MarkdownSetup) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)


class SharedConverter:
    """One Python-Markdown converter reading as the site's pages do, made when first needed and
    reset between documents (making one, with every extension, costs more than converting one
    page): Python-Markdown's own way to convert many documents."""

    def __init__(self, setup: MarkdownSetup) -> None:
        self.setup = setup
        self._converter: markdown.Markdown | None = None

    def fresh(self) -> markdown.Markdown:
        """The converter, reset: as a new one would be."""
        if self._converter is None:
            self._converter = markdown.Markdown(extensions=list(self.setup.extensions),
                                                extension_configs=dict(self.setup.configs))
        else:
            self._converter.reset()
        return self._converter


@dataclass(frozen=True)
class Settings:
    """What the checks and pages need to know beyond the records themselves."""

    content_dir: str = "content"
    today: dt.date = field(default_factory=dt.date.today)
    feedback_days: int = 14
    """Days after a meeting before missing feedback is a warning."""
    page_size: int = 50
    """Records per page in the meetings and decisions lists."""
    feed_entries: int = 50
    """The newest entries each feed keeps: feed readers fetch the whole feed every time they look."""
    max_sentence_words: int = 25
    max_paragraph_sentences: int = 5
    reading_grade: float = 11.0
    """Highest SMOG grade a page may have (about a reading age of 11 to 12)."""
    allowed_acronyms: tuple[str, ...] = ("UK", "NHS", "GP", "OK")
    """Capital-letter words that need no glossary entry ('OK' is a word, not a short form)."""
    site_url: str | None = None
    """Where the site lives: mkdocs.yml's site_url, or else project.yml's."""
    markdown: MarkdownSetup = field(default_factory=MarkdownSetup, repr=False)
    """mkdocs.yml's Markdown extensions (mkdocs.yml itself is part of each page's digest)."""

    def with_site_address(self, project_site_url: str | None) -> Settings:
        """These settings, with project.yml's site_url where mkdocs.yml gives none."""
        if self.site_url or not project_site_url:
            return self
        return replace(self, site_url=project_site_url.rstrip("/") + "/")
