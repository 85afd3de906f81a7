"""Addresses that last: where each record lives, its absolute URL and its stable id.

Feeds, the calendar, QR codes and link previews all need full addresses
('https://example.org/group/meetings/2025-03-14-x/'), so they exist only when
the site knows where it lives (mkdocs.yml's `site_url`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..permalinks import record_page_url
from ..published import Published
from ..records import Amendment, Decision, Meeting, Report

Record = Meeting | Decision | Amendment | Report



def record_url(record: Record) -> str:
    """The record page's site-relative URL: 'decisions/D-007/'."""
    return record_page_url(record.kind, record.id)


def absolute_url(site: Published, url: str) -> str:
    """A site-relative URL made absolute; the site must know its address."""
    if site.site_url is None:
        raise ValueError("the site has no site_url, so it has no absolute addresses")
    return site.site_url + url


def site_host(site: Published) -> str:
    """'example.org', for tag: ids."""
    return urlsplit(site.site_url or "").hostname or "localhost"


def tag_id(site: Published, name: str) -> str:
    """A permanent id ('tag:example.org,2024-11-06:ypg/decisions/D-007') for a feed or an entry.

    It is built from the site's address and the record's first id, not its page, so it survives
    a rename; the site's path keeps apart the groups a trust publishes on one host.
    """
    path = urlsplit(site.site_url or "").path.strip("/")
    return f"tag:{site_host(site)},{site.project.started_on.isoformat()}:{path + '/' if path else ''}{name}"


def first_id(record: Record) -> str:
    """The id a record was first published under: its first old id when it has been renamed,
    so that feed readers and calendars see the renamed record as the same one."""
    return record.old_ids[0] if record.old_ids else record.id


def first_url(record: Record) -> str:
    """The address a record was first published at, which still leads to it (`first_id`)."""
    return record_page_url(record.kind, first_id(record))


def last_change(days: Iterable[dt.date | None], today: dt.date) -> dt.date | None:
    """The latest of the known `days` (when a file last changed, by git, or news came), never
    after `today`: a build for a set day (COPROD_TODAY) says nothing of what came later. None
    when no day is known."""
    known = [day for day in days if day is not None]
    return min(max(known), today) if known else None


def at_midnight(day: dt.date) -> dt.datetime:
    """A date as a moment, for formats (Atom) that only take date-times."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)
