"""Sharing needs the site's own address: feeds, the calendar and QR codes use full links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..site_config import line_of_setting, read_mkdocs_yml


def check_site_address(group: Group, settings: Settings) -> Iterator[Problem]:
    """Warn when there is something to share but neither mkdocs.yml nor project.yml says where the
    site lives, or when the two say different things."""
    in_project = group.project.site_url if group.project else None
    raw, unreadable, text = read_mkdocs_yml(Path(group.root) / "mkdocs.yml")
    if unreadable:  # (what it says is not known until it can be read)
        return
    line = line_of_setting(text, "site_url")
    if settings.site_url and in_project and not _same_address(settings.site_url, in_project):
        yield Problem("mkdocs.yml", line, "site_url",
                      f"'site_url' is {settings.site_url} here but {in_project} in project.yml. The site "
                      "uses this one: make them the same, or remove one.", "warning")
    # (one that is there but is no web address is an error of its own: see check_site_settings)
    if settings.site_url or raw.get("site_url") is not None or not _has_records_to_share(group):
        return
    yield Problem("mkdocs.yml", line, "site_url",
                  "there is no 'site_url', so the site is built without its feeds, meetings calendar, "
                  "QR codes and link previews. Add the address where the site will live to project.yml "
                  "or mkdocs.yml, like: site_url: https://example.org/our-group/", "warning")


def _same_address(one: str, other: str) -> bool:
    return one.rstrip("/") == other.rstrip("/")


def _has_records_to_share(group: Group) -> bool:
    return any(m.is_published for m in group.meetings.values()) or bool(group.decisions)


CHECKS = (check_site_address,)
