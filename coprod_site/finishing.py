"""Finishing the group's own pages in the second process while MkDocs reads the next ones.

Once MkDocs has turned a page's Markdown into HTML, what is left to make one of
our pages (cleaning the HTML, putting the record's fields around it with our
templates, marking glossary terms) and Material's search entries for it need
nothing but the page and the group. On a machine with two cores, each of our
pages is sent to the second process (second_core.py) as soon as MkDocs has read
it, finished there while MkDocs reads the next ones, and put back in place once
every page has been read, before any page is written. Pages the second process
has not started by then are finished here meanwhile (`Batches.collect`).

The second process is forked, so it finishes pages with the same group,
templates and settings as this one: the function that finishes a page is set
here before the process starts, and it inherits it. The pages are the same,
byte for byte, as those finished in one process (tests/test_background_work.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .background_search import Entries, PageForSearch, entries_for
from .second_core import Batches, SecondCore

FinishPage = Callable[[str, str], str]
"""(the page's source path, its HTML from Markdown) -> the page's content."""

_finish_page: FinishPage | None = None
"""How pages are finished in this build: set before the second process starts, so it inherits it."""


@dataclass(frozen=True)
class Unfinished:
    """A page as MkDocs read it, and what its search entries are made from (None: it has none)."""

    src_uri: str
    html: str
    search: PageForSearch | None


Finished = tuple[str, Entries | None]
"""A page's content, and its search entries."""


class PageNotFinished(Exception):
    """A page could not be finished (a broken template in the site's theme folder, say):
    which page, and why, in one message that survives the way back from the second process."""


def finished(finish_page: FinishPage, src_uri: str, html: str) -> str:
    """The page finished by `finish_page`; PageNotFinished, naming the page, if it fails."""
    try:
        return finish_page(src_uri, html)
    except Exception as error:  # named with its page, and raised again where the build runs
        raise PageNotFinished(f"'{src_uri}': {type(error).__name__}: {error}") from error


def finish_pages(index_config: dict[str, Any], pages: list[Unfinished]) -> list[Finished]:
    """Each page finished, with its search entries made from the finished content."""
    assert _finish_page is not None, "set by Finisher before the second process starts"
    finished_pages: list[Finished] = []
    for page in pages:
        content = finished(_finish_page, page.src_uri, page.html)
        search = None if page.search is None else dataclasses.replace(page.search, content=content)
        entries = None if search is None else entries_for(index_config, [search])[0]
        finished_pages.append((content, entries))
    return finished_pages


class Finisher:
    """Sends pages to be finished in the second process, and gives each back finished."""

    def __init__(self, finish_page: FinishPage, core: SecondCore, index_config: dict[str, Any]) -> None:
        global _finish_page
        _finish_page = finish_page
        self.batches: Batches[Unfinished, list[Finished]] = Batches(core, finish_pages, index_config)
        self.sent: list[Any] = []
        """The pages sent, in order (MkDocs pages)."""

    def send(self, page: Any, html: str, search: PageForSearch | None) -> None:
        self.batches.add(Unfinished(page.file.src_uri, html, search))
        self.sent.append(page)

    def collect(self) -> list[tuple[Any, str, Entries | None]]:
        """Every page sent, its content and its search entries, in the order sent."""
        finished = [page for batch in self.batches.collect() for page in batch]
        sent, self.sent = self.sent, []
        return [(page, content, entries) for page, (content, entries) in zip(sent, finished, strict=True)]

    @staticmethod
    def close() -> None:
        """The build is over: let go of the group."""
        global _finish_page
        _finish_page = None
