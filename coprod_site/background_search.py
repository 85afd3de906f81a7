"""Material's search index entries for the group's pages, made on the other core.

Material's search plugin reads every page's HTML with a Python HTML parser:
on record pages, which have many small elements, that is about a quarter of
the build. The entries depend only on the page (its HTML, table of contents,
address, title and front matter), all final once MkDocs has read the page, so
on a machine with two cores they are made in the second process (second_core.py),
with Material's own code, while MkDocs reads the next pages: our own pages'
together with the rest of their finishing (finishing.py), other pages' here.
Each page's entries are then put back where Material would have put them, so
the index is byte for byte the one Material writes alone (a test builds the
example both ways). Where the process cannot start, or dies, the entries are
made here instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.pages import Page

from .search_parser import QuickSearchIndex
from .second_core import Batches, SecondCore

Entries = list[dict[str, Any]]


@dataclass(frozen=True)
class TocItem:
    """What Material's search reads of a table of contents entry."""

    id: str
    url: str
    children: tuple[TocItem, ...] = ()


@dataclass(frozen=True)
class PageForSearch:
    """What Material's search reads of a page, in a form that can be sent to another process."""

    content: str
    toc: tuple[TocItem, ...]
    url: str
    title: str
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, page: Page, content: str) -> PageForSearch:
        return cls(content, _toc(page.toc), page.url, str(page.title or ""), dict(page.meta))


def _toc(items: Any) -> tuple[TocItem, ...]:
    return tuple(TocItem(item.id, item.url, _toc(item.children)) for item in items)


def entries_for(index_config: dict[str, Any], pages: list[PageForSearch]) -> list[Entries]:
    """Each page's entries, made by Material's own SearchIndex reading pages quicker (search_parser.py)."""
    index = QuickSearchIndex(**index_config)
    made = []
    for page in pages:
        index.entries = []
        index.add_entry_from_context(page)
        made.append(index.entries)
    return made


class BackgroundSearch:
    """Indexes pages elsewhere, keeps them from Material's search plugin, and puts the entries back.

    Call `send` once a page's content is final (after every `on_page_content`), or
    `accept` with entries made elsewhere (finishing.py); `take` before Material's
    search sees the page, `placed` after it, and `merge` before Material writes the index.
    """

    def __init__(self, search_plugin: Any, core: SecondCore) -> None:
        self.plugin = search_plugin
        self.core = core
        self.config: dict[str, Any] = dict(search_plugin.search_index.config)
        self.batches: Batches[PageForSearch, list[Entries]] = Batches(core, entries_for, self.config)
        self._batched: dict[str, None] = {}
        """The pages sent in batches, by source file, in order."""
        self._made: dict[str, Entries] = {}
        """Each page's entries, by source file, once made (those made elsewhere as accepted)."""
        self._positions: list[tuple[str, int]] = []
        self._taken: Page | None = None

    def searchable(self, page: Page, content: str = "") -> PageForSearch | None:
        """What Material's search reads of the page; None for a page it reads itself."""
        if not self.core.running or "search" in page.meta:  # a page with its own search settings stays
            return None
        return PageForSearch.of(page, content)

    def send(self, page: Page, content: str) -> None:
        """Once the page's content is final: its entries are made in the second process."""
        searchable = self.searchable(page, content)
        if searchable is not None:
            self.batches.add(searchable)
            self._batched[page.file.src_uri] = None

    def accept(self, page: Page, entries: Entries) -> None:
        """The page's entries, made elsewhere."""
        self._made[page.file.src_uri] = entries

    def take(self, page: Page) -> None:
        """Before Material's search: tell Material to leave out a page whose entries are made here."""
        if page.file.src_uri in self._batched or page.file.src_uri in self._made:
            page.meta["search"] = {"exclude": True}
            self._taken = page

    def placed(self, page: Page) -> None:
        """After Material's search: where this page's entries go in the index."""
        if self._taken is page:
            del page.meta["search"]
            self._positions.append((page.file.src_uri, len(self.plugin.search_index.entries)))
            self._taken = None

    def merge(self) -> None:
        """Put every page's entries where Material would have put them."""
        made = [entries for batch in self.batches.collect() for entries in batch]
        self._made.update(zip(self._batched, made, strict=True))
        entries = self.plugin.search_index.entries
        # From the last page back, so each earlier position still points where it did.
        for uri, position in reversed(self._positions):
            entries[position:position] = self._made[uri]
        self._positions, self._batched, self._made = [], {}, {}
