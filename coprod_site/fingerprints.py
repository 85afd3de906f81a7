"""Digests of what each page is made from, so a preview rebuilds only the pages an edit changed.

`coprod serve` rebuilds the site on every save. Rebuilding thousands of pages
for one edited meeting takes far longer than the edit; instead each page gets
a digest of its inputs, and only pages whose digest changed are built again.

What a page is made from: its own Markdown, title and template, plus the
group as a whole. Templates show other records' fields (a decision's title
and outcome on a meeting page, every meeting's date on a list) but never
another meeting's or decision's summary text: that appears only on the
record's own page, where it is the page's Markdown. So the group digest covers
every field of every record, the full text of everything else (charter,
amendments, reports, people, glossary, the group's own pages), the pictures
(a page links to one only once it is there, and states its size), the settings,
the site's configuration and the templates, and leaves out only meeting and
decision bodies. Editing a
meeting's summary then rebuilds that meeting's page; editing any field
rebuilds every page, which is always right. A test compares such a rebuild
with a clean build, file for file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from .checks.privacy import group_sources
from .pages import PageSpec
from .records import Group
from .settings import Settings

LIST_KEYS = ("record", "items")
"""Context keys of pages made from records, which the group digest already covers."""


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))  # so ("ab", "c") and ("a", "bc") differ
        hasher.update(data)
    return hasher.hexdigest()


def group_digest(group: Group, settings: Settings, template_dirs: Iterable[Path] = (),
                 site_config: bytes = b"") -> str:
    """One digest of everything a page may show besides its own Markdown.

    `site_config` is the site's configuration file (its name, navigation and theme are on
    every page); `template_dirs` are the folders of templates that may change while serving, and
    of our stylesheets and scripts, whose fingerprints every page holds (asset_addresses.py).
    """
    own_page_only = {record.source.path for record in (*group.meetings.values(), *group.decisions.values())}
    parts: list[str | bytes] = [site_config, repr(settings), *template_stamps(template_dirs),
                                *picture_stamps(group)]
    for source in group_sources(group, settings):
        parts += [source.path, repr(source.meta)]
        if source.path not in own_page_only:
            parts.append(source.body)
    return _digest(*parts)


def template_stamps(folders: Iterable[Path]) -> list[str]:
    """Each file's path, time and size in these folders of templates (and of our stylesheets
    and scripts): an edited theme rebuilds every page."""
    return file_stamps(path for folder in folders for path in (sorted(folder.rglob("*")) if folder.is_dir() else ()))


def picture_stamps(group: Group) -> list[str]:
    """Each picture's path, time and size: a picture copied in, or replaced by another, rebuilds
    every page (which pages show it is known only once they are made)."""
    content = Path(group.root) / group.content
    return file_stamps(content / name for name in sorted(group.images))


def file_stamps(paths: Iterable[Path]) -> list[str]:
    stamps = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            stamps.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
    return stamps


def page_digest(spec: PageSpec, group: str) -> str:
    """The digest of one page of records: the group's, and what this page adds of its own.

    A page not made from records (the charter's history, read from git; the
    statistics) adds its whole context, so it is rebuilt whenever that changes.
    """
    context = "" if any(key in spec.context for key in LIST_KEYS) else repr(spec.context)
    return _digest(group, spec.path, spec.title, spec.template, spec.description, spec.markdown,
                   str(spec.in_nav), context)


def file_digest(content: bytes, group: str) -> str:
    """The digest of one of the group's own pages: its text, and the group's."""
    return _digest(group, content)
