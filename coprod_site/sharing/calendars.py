"""meetings.ics: the group's planned meetings, and recent ones, for any calendar app.

Times are Europe/London with a VTIMEZONE, so clocks going forward never move a
meeting. Each event's UID is the meeting page's permanent address (the first, for a meeting
renamed when it moved to another day, which redirects to the new one): a calendar that
subscribes updates the same event when a meeting changes, never doubles it, and two groups
on one host never share one. (The usual '<id>@<host>' would read as an email address, and
the site publishes none but the group's; a tag: URI's comma is escaped in iCalendar text,
which some readers keep.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import icalendar

from ..outputs import OutputFile
from ..published import Published, join_words
from ..records import Meeting
from ..render import format_date
from ..settings import Settings
from .links import absolute_url, at_midnight, first_url, record_url

CALENDAR_PATH = "meetings.ics"
LONDON = ZoneInfo("Europe/London")
RECENT_DAYS = 365
"""How far back agreed meetings stay in the calendar."""


def build_calendar_file(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """meetings.ics, when the site knows its address (events link to their pages)."""
    if site.site_url is not None:
        yield OutputFile(CALENDAR_PATH, render_calendar(site))


def calendar_meetings(site: Published) -> list[Meeting]:
    """Planned meetings, and meetings from the last year with agreed minutes, soonest first;
    cancelled ones from the last year too, marked cancelled, so a calendar that has them
    takes them out."""
    since = site.today - dt.timedelta(days=RECENT_DAYS)
    recent = [m for m in [*site.meetings, *site.cancelled] if m.date >= since]
    return sorted([*site.upcoming, *recent], key=lambda m: (m.date, m.id))


def render_calendar(site: Published) -> bytes:
    """The iCalendar file, with one VTIMEZONE for every event's local times."""
    project = site.project
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//coprod-site//Co-production group meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{project.name}: meetings")
    calendar.add("x-wr-caldesc", project.summary)
    calendar.add("x-wr-timezone", "Europe/London")
    meetings = calendar_meetings(site)
    for meeting in meetings:
        calendar.add_component(meeting_event(site, meeting))
    if meetings:
        calendar.add_missing_timezones(first_date=dt.date(meetings[0].date.year, 1, 1),
                                       last_date=dt.date(meetings[-1].date.year + 1, 12, 31))
    result: bytes = calendar.to_ical()
    return result


def meeting_event(site: Published, meeting: Meeting) -> icalendar.Event:
    """One meeting as a calendar event: time, place, support, agenda and its page."""
    event = icalendar.Event()
    event.add("uid", absolute_url(site, first_url(meeting)))
    event.add("dtstamp", at_midnight(site.today))
    cancelled = "Cancelled: " if meeting.is_cancelled else ""
    event.add("summary", f"{cancelled}{site.project.name}: {meeting.title}")
    _add_times(event, meeting)
    location = meeting.venue or ("Online" if meeting.format == "online" else None)
    if location:
        event.add("location", location)
    event.add("description", event_description(site, meeting))
    event.add("url", absolute_url(site, record_url(meeting)))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def _add_times(event: icalendar.Event, meeting: Meeting) -> None:
    """Local start and end times; a meeting with no start time is an all-day event."""
    if meeting.start is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
        return
    event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start, tzinfo=LONDON))
    if meeting.end is not None:
        event.add("dtend", dt.datetime.combine(meeting.date, meeting.end, tzinfo=LONDON))


def event_description(site: Published, meeting: Meeting) -> str:
    """Plain text: how the meeting is held, the support offered, the agenda, and where to read more."""
    formats = {"in-person": "In person", "online": "Online", "hybrid": "In person and online"}
    lines = [f"Cancelled. {meeting.cancelled_note or ''}".strip()] if meeting.is_cancelled else []
    if meeting.moved_from and (meeting.is_planned or meeting.is_cancelled):
        lines.append(f"Moved: it was set for {join_words([format_date(day) for day in meeting.moved_from])}.")
    lines += [formats[meeting.format]] if meeting.format else []
    if meeting.support:
        lines.append(f"Support offered: {join_words(meeting.support)}.")
    if meeting.agenda:
        heading = {"planned": "What we will talk about:",
                   "cancelled": "What we had planned to talk about:"}.get(meeting.minutes.status, "What we talked about:")
        lines += ["", heading, *(f"- {item}" for item in meeting.agenda)]
    if meeting.is_planned or meeting.is_cancelled:
        contact = site.project.contact
        email = f" {contact.email}" if contact.email and contact.email not in contact.words else ""
        lines += ["", f"{'Questions' if meeting.is_cancelled else 'How to come'}: {contact.words}{email}"]
    lines += ["", f"More about this meeting: {absolute_url(site, record_url(meeting))}"]
    return "\n".join(lines).strip()
