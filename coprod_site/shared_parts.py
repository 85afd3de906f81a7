"""Parts of Material's pages made once for all the pages of a folder that are not in the sidebar.

Every page carries the site's navigation, its search box and the theme's
settings for its scripts; making them again took Material a good part of its
time on each page. Record pages are not in the navigation, so nothing in these
parts is marked as theirs: they differ from page to page only in their links,
which MkDocs writes relative to the page. Every meeting page sits in meetings/,
one folder down, so every meeting page's parts are the same: each part is made
for the first two pages of a folder and, when the two are the same, shared with
the rest of that folder's pages.

A page in the navigation always gets its own parts, as does a page with a link
of the navigation inside its own folder (its links could differ from its
neighbours'), or a page among the theme's own files. The templates that ask
here (`overrides/partials/nav.html` and `search.html`, the `config` block of
`overrides/main.html`) make the part themselves when there is no shared one.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

THEME_PREFIX = "coprod-theme/"
"""Names the theme's own templates, beneath our overrides: Material's partials/nav.html
is coprod-theme/partials/nav.html."""

THEME_FOLDERS = ("assets", "search")
"""The theme's own files, which the parts link to: no page of ours lives there."""

Folder = tuple[tuple[str, ...], int]
"""A page's folder as far as its relative links are concerned: the folders above it, and its depth."""


def link_folders(url: str) -> list[str]:
    """The folders MkDocs writes a page's relative links from, as it does (utils.get_relative_url)."""
    directory, _, last = url.rpartition("/")
    path = posixpath.normpath("/" + (directory if "." in last else url))[1:]
    return path.split("/") if path else []


@dataclass
class SharedParts:
    """Each folder's shared parts, for one build. Templates call `part`."""

    nav_pages: set[int] = field(default_factory=set)
    """The pages in the navigation (by id), which each get their own."""
    targets: list[list[str]] = field(default_factory=list)
    """Where the navigation's links go, as folders."""
    made: dict[tuple[str, Folder], str] = field(default_factory=dict)
    """Each part of each folder, once made for its first page."""
    confirmed: dict[tuple[str, Folder], bool] = field(default_factory=dict)
    """Whether the second page's part was the same as the first's."""

    @classmethod
    def of(cls, nav_pages: Iterable[Any], targets: Iterable[str]) -> SharedParts:
        return cls({id(page) for page in nav_pages}, [link_folders(url) for url in targets])

    def folder(self, page: Any) -> Folder | None:
        """The folder whose parts this page can share, or None if it must have its own."""
        if page is None or id(page) in self.nav_pages:
            return None
        folders = link_folders(page.url)
        if folders and (folders[0] in THEME_FOLDERS
                        or any(target[:len(folders)] == folders for target in self.targets)):
            return None
        return tuple(folders[:-1]), len(folders)

    def part(self, name: str, page: Any, make: Callable[[], str]) -> str:
        """The part called `name` for `page`: its folder's, once two of its pages had the same,
        else what `make` makes."""
        folder = self.folder(page)
        if folder is None:
            return make()
        key = (name, folder)
        if self.confirmed.get(key):
            return self.made[key]
        made = make()
        if key not in self.made:
            self.made[key] = made
        elif key not in self.confirmed:
            self.confirmed[key] = made == self.made[key]
        return made


def nav_targets(nav: Any) -> list[str]:
    """Every address the navigation links to: its pages, links and sections' pages."""
    urls = []
    for item in nav.items:
        stack = [item]
        while stack:
            entry = stack.pop()
            url = getattr(entry, "url", None)
            if isinstance(url, str):
                urls.append(url)
            stack.extend(getattr(entry, "children", None) or [])
    if getattr(nav, "homepage", None) is not None:
        urls.append(nav.homepage.url)
    return urls


def add_theme_templates(env: Environment, theme_dirs: list[str]) -> None:
    """Let templates reach the theme's own templates beneath our overrides, by THEME_PREFIX."""
    below: BaseLoader = FileSystemLoader(theme_dirs)
    loaders: list[BaseLoader] = [env.loader] if env.loader is not None else []
    env.loader = ChoiceLoader([*loaders, PrefixLoader({THEME_PREFIX.rstrip("/"): below})])
