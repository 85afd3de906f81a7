"""The sharing pages: "Use our data" and the printable poster for the next meeting."""

from __future__ import annotations

from collections.abc import Iterator

from ..pages import SITE_PAGES, PageSpec
from ..published import Published
from .calendars import CALENDAR_PATH
from .datasets import DATA_SETS
from .feeds import FEEDS
from .links import record_url
from .qr import qr_path

DATA_PAGE = "data.md"
POSTER_PAGE = "meetings/next/poster.md"
"""A stable address: the poster always shows whichever meeting is next."""
SITE_PAGES.update({DATA_PAGE: "Use our data", POSTER_PAGE: "Poster for our next meeting"})


def build_sharing_pages(site: Published) -> Iterator[PageSpec]:
    """The data page, and the poster page (which says so when no meeting is planned, and leads
    to the farewell report once the group has closed)."""
    name = site.project.name
    yield PageSpec(DATA_PAGE, SITE_PAGES[DATA_PAGE], "data.html",
                   context={"data_sets": DATA_SETS, "feeds": FEEDS, "calendar_path": CALENDAR_PATH},
                   description=f"Follow {name} by feed or calendar, and download its decisions, "
                               "actions and meetings as open data.")
    meeting = site.next_meeting
    farewell = site.farewell if meeting is None and site.project.closed_on else None
    leads_to = meeting or farewell
    description = (f"A poster for our next meeting, on {meeting.date.day} {meeting.date:%B %Y}." if meeting
                   else f"A poster saying that {name} has closed." if site.project.closed_on
                   else f"A poster for the next meeting of {name}.")
    yield PageSpec(POSTER_PAGE, SITE_PAGES[POSTER_PAGE], "poster.html",
                   context={"meeting": meeting, "farewell": farewell,
                            "leads_to_url": record_url(leads_to) if leads_to else None,
                            "qr_url": qr_path(leads_to) if leads_to and site.site_url else None},
                   description=description)
