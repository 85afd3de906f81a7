"""Long lists split into pages of a fixed size and into years, so no page grows with the records.

A group that has met for years has thousands of meetings and decisions. Each
list page holds at most `page_size` records and links to a fixed number of
other pages (first, last, and two either side of the current one), so every
page stays the same size however many records there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

WINDOW = 2
"""Pages linked either side of the current page."""


@dataclass(frozen=True)
class PageLink:
    """A link in the pagination: a page's number and site-relative URL."""

    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class Pager:
    """Where one page sits among the pages of its list."""

    number: int
    count: int
    base_url: str
    """The first page's URL, e.g. 'meetings/' or 'meetings/2025/'."""

    def url_of(self, number: int) -> str:
        return self.base_url if number == 1 else f"{self.base_url}page/{number}/"

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None

    @property
    def links(self) -> list[PageLink | None]:
        """The first and last page and the pages near this one; None where pages are skipped."""
        shown = sorted({1, self.count, *range(max(1, self.number - WINDOW),
                                              min(self.count, self.number + WINDOW) + 1)})
        links: list[PageLink | None] = []
        for number in shown:
            if links and links[-1] is not None and number > links[-1].number + 1:
                links.append(None)
            links.append(PageLink(number, self.url_of(number), number == self.number))
        return links


@dataclass(frozen=True)
class YearLink:
    """A link to the records of one year."""

    year: int
    url: str
    count: int
    current: bool


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list: where it goes, its records and its place among its pages."""

    path: str
    items: Sequence[T]
    pager: Pager


def paginate(base_url: str, items: Sequence[T], page_size: int) -> list[ListPage[T]]:
    """`items` in pages of `page_size`: 'meetings/index.md', then 'meetings/page/2/index.md'..."""
    size = max(1, page_size)
    chunks = [items[start:start + size] for start in range(0, len(items), size)] or [items[:0]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        pager = Pager(number, len(chunks), base_url)
        pages.append(ListPage(pager.url_of(number) + "index.md", chunk, pager))
    return pages


def group_by_year(items: Sequence[T], year_of: Callable[[T], int]) -> list[tuple[int, list[T]]]:
    """The items of each year, newest year first, each keeping the order it had."""
    years: dict[int, list[T]] = {}
    for item in items:
        years.setdefault(year_of(item), []).append(item)
    return sorted(years.items(), reverse=True)


def year_links(base_url: str, years: list[tuple[int, list[T]]], current: int | None = None) -> list[YearLink]:
    """Links to each year's page under `base_url`, e.g. 'meetings/2025/'."""
    return [YearLink(year, f"{base_url}{year}/", len(items), year == current) for year, items in years]


def page_title(title: str, pager: Pager) -> str:
    """'Meetings', or 'Meetings, page 2 of 40' after the first page."""
    return title if pager.number == 1 else f"{title}, page {pager.number} of {pager.count}"
