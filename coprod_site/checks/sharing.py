"""Sharing needs the site's own address: feeds, the calendar and QR codes use full links."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from ..records import Group
from ..settings import Settings


def check_site_address(group: Group, settings: Settings) -> Iterator[Problem]:
    """Warn when there is something to share but mkdocs.yml does not say where the site lives."""
    if settings.site_url or not _has_records_to_share(group):
        return
    example = group.project.site_url if group.project and group.project.site_url else "https://example.org/our-group/"
    yield Problem("mkdocs.yml", None, "site_url",
                  "there is no 'site_url', so the site is built without its feeds, meetings calendar, "
                  f"QR codes and link previews. Add the address where the site will live, like: site_url: {example}",
                  "warning")


def _has_records_to_share(group: Group) -> bool:
    return any(m.is_published for m in group.meetings.values()) or bool(group.decisions)


CHECKS = (check_site_address,)
