"""meetings.ics: the group's planned meetings, and recent ones, for any calendar app; and each
meeting to come in a file of its own, to add just that one.

Times are Europe/London with a VTIMEZONE, so clocks going forward never move a
meeting. Each event's UID is the meeting page's permanent address (the first, for a meeting
renamed when it moved to another day, which redirects to the new one): a calendar that
subscribes updates the same event when a meeting changes, never doubles it, and two groups
on one host never share one. (The usual '<id>@<host>' would read as an email address, and
the site publishes none but the group's; a tag: URI's comma is escaped in iCalendar text,
which some readers keep.)

Each event says when it last changed (DTSTAMP and LAST-MODIFIED: the day git last changed the
meeting's file, or project.yml, whose contact is in every description) and how many times it
was moved or cancelled (SEQUENCE), so a calendar app takes a moved or cancelled meeting as a
new version of the event it has, and a rebuild that changes nothing changes no byte of the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from ..gitlog import last_changed
from ..outputs import OutputFile
from ..published import Published
from ..records import Meeting
from ..render import format_date
from ..settings import Settings
from ..words import join_words
from .links import absolute_url, at_midnight, first_url, last_change, record_url

CALENDAR_PATH = "meetings.ics"
LONDON = ZoneInfo("Europe/London")
RECENT_DAYS = 365
"""How far back agreed meetings stay in the calendar."""


def build_calendar_file(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """meetings.ics, and a file of its own for each meeting to come (its page's "Add this meeting
    to your calendar"), when the site knows its address (events link to their pages)."""
    if site.site_url is not None:
        changed = last_changed(Path(site.group.root), site.group.content)
        yield OutputFile(CALENDAR_PATH, render_calendar(site, changed))
        for meeting in site.meetings_to_come:
            yield OutputFile(meeting_calendar_path(meeting), render_calendar(site, changed, meeting))


def meeting_calendar_path(meeting: Meeting) -> str:
    """One meeting's own calendar file, beside its page and named by it, as a phone saves it."""
    return f"{record_url(meeting)}{meeting.id}.ics"


def calendar_meetings(site: Published) -> list[Meeting]:
    """Planned meetings, and meetings from the last year with agreed minutes, soonest first;
    cancelled ones from the last year too, marked cancelled, so a calendar that has them
    takes them out."""
    since = site.today - dt.timedelta(days=RECENT_DAYS)
    recent = [m for m in [*site.meetings, *site.cancelled] if m.date >= since]
    return sorted([*site.upcoming, *recent], key=lambda m: (m.date, m.id))


def render_calendar(site: Published, changed: Mapping[str, dt.date] | None = None,
                    meeting: Meeting | None = None) -> bytes:
    """The iCalendar file of the group's meetings, or of one `meeting` (the same event, so a
    calendar that has both keeps one), with one VTIMEZONE for every event's local times;
    `changed` is when git says each file last changed. One meeting's file has no calendar name:
    an app would make a calendar of that name for the one event."""
    project = site.project
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//coprod-site//Co-production group meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if meeting is None:
        calendar.add("x-wr-calname", f"{project.name}: meetings")
        calendar.add("x-wr-caldesc", project.summary)
        calendar.add("x-wr-timezone", "Europe/London")
    meetings = calendar_meetings(site) if meeting is None else [meeting]
    for event in meetings:
        calendar.add_component(meeting_event(site, event, changed or {}))
    if meetings:
        calendar.add_missing_timezones(first_date=dt.date(meetings[0].date.year, 1, 1),
                                       last_date=dt.date(meetings[-1].date.year + 1, 12, 31))
    result: bytes = calendar.to_ical()
    return result


def meeting_event(site: Published, meeting: Meeting, changed: Mapping[str, dt.date]) -> icalendar.Event:
    """One meeting as a calendar event: time, place, support, agenda and its page."""
    event = icalendar.Event()
    event.add("uid", absolute_url(site, first_url(meeting)))
    stamp = at_midnight(event_changed(site, meeting, changed))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", event_sequence(meeting))
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


def event_changed(site: Published, meeting: Meeting, changed: Mapping[str, dt.date]) -> dt.date:
    """The day the event last changed: its meeting's file, or project.yml (the contact in its
    description), by git; never after the day the site is built for, and that day without git."""
    days = [changed.get(meeting.source.path), changed.get(f"{site.group.content}/project.yml")]
    return last_change(days, site.today) or site.today


def event_sequence(meeting: Meeting) -> int:
    """How many times the event has been revised in a way a calendar must show (RFC 5545
    SEQUENCE): once for each day it moved from (its old ids), and once more when cancelled. A
    calendar app keeps the copy it has when the number has not grown, so it must grow with every
    such change, and can never go down."""
    return len(meeting.moved_from) + (1 if meeting.is_cancelled else 0)


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
