"""Feeds, the calendar, the open data and the QR codes of a real build, each read by a real parser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import jsonschema
import pytest
from sharing_support import SITE_URL, decode_qr_svg, published_outputs, site_file_for

FEED_NAMES = ("all", "meetings", "decisions", "amendments", "reports")
TAG = "tag:example.org,2025-01-10:test/"


def read_feed(site: Path, name: str) -> feedparser.FeedParserDict:
    return feedparser.parse((site / "feeds" / f"{name}.atom.xml").read_bytes())


# --- feeds -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FEED_NAMES)
def test_each_feed_is_valid_atom_with_absolute_links_to_real_pages(built_group: Path, name: str) -> None:
    feed = read_feed(built_group, name)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title.startswith("Test Group: ")
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith(SITE_URL)
        assert site_file_for(built_group, entry.link).is_file(), entry.link
    followed = feed.feed.link  # the page of what the feed follows: its list, or the home page
    assert followed == SITE_URL + {"all": "", "amendments": "charter/history/"}.get(name, f"{name}/")
    assert site_file_for(built_group, followed).is_file()


def test_everything_feed_is_dated_by_when_each_record_was_agreed_newest_first(built_group: Path) -> None:
    feed = read_feed(built_group, "all")
    dated = [(entry.id, dt.date(*entry.updated_parsed[:3])) for entry in feed.entries]
    assert dated == [
        (f"{TAG}reports/impact-2025", dt.date(2025, 12, 31)),            # period_to
        (f"{TAG}meetings/2025-02-14-leaflets", dt.date(2025, 3, 14)),     # minutes agreed_on
        (f"{TAG}decisions/D-002", dt.date(2025, 3, 14)),                  # its meeting's agreed date
        (f"{TAG}amendments/AM-01", dt.date(2025, 3, 14)),                 # so is a charter change's
        (f"{TAG}meetings/2025-01-10-first-meeting", dt.date(2025, 2, 14)),
        (f"{TAG}decisions/D-001", dt.date(2025, 2, 14)),
    ]
    assert feed.feed.updated.startswith("2025-12-31")


def test_each_kind_has_its_own_feed(built_group: Path) -> None:
    ids = {name: [entry.id for entry in read_feed(built_group, name).entries] for name in FEED_NAMES[1:]}
    assert ids == {
        "meetings": [f"{TAG}meetings/2025-02-14-leaflets", f"{TAG}meetings/2025-01-10-first-meeting"],
        "decisions": [f"{TAG}decisions/D-002", f"{TAG}decisions/D-001"],
        "amendments": [f"{TAG}amendments/AM-01"],
        "reports": [f"{TAG}reports/impact-2025"],
    }


def test_a_feed_entry_carries_the_agreed_summary(built_group: Path) -> None:
    entry = next(e for e in read_feed(built_group, "meetings").entries if e.id.endswith("first-meeting"))
    assert entry.title == "Meeting summary: Our first meeting"
    assert entry.summary == "Summary of our meeting on 10 January 2025, agreed on 14 February 2025."
    assert "We met for the first time. We agreed our charter." in entry.content[0].value


def test_a_renamed_record_keeps_its_ids_and_two_groups_on_one_host_share_none(
        built_group: Path, tmp_path: Path) -> None:
    """A meeting moved to another day gets a new file name (its id holds the date) and declares
    the old one: calendars update the event they have and feed readers the entry they have,
    rather than showing it twice. Another group on the same host, started the same day, with
    the same record ids, shares no id with the first. Its reports feed, with no reports page
    yet, follows the home page."""
    from conftest import mkdocs_build
    from groups import FILES, write_files

    other = "https://example.org/other/"
    planned, leaflets = "content/meetings/2027-06-10-summer.md", "content/meetings/2025-02-14-leaflets.md"
    files: dict[str, str | None] = {
        name: text.replace(SITE_URL, other).replace("2025-02-14-leaflets", "2025-02-21-leaflets")
        for name, text in FILES.items() if not name.startswith("content/reports/")}
    files[planned] = None
    files["content/meetings/2027-06-17-summer.md"] = FILES[planned].replace(
        "date: 2027-06-10", "date: 2027-06-17\nold_ids: [2027-06-10-summer]")
    files[leaflets] = None
    files["content/meetings/2025-02-21-leaflets.md"] = FILES[leaflets].replace(
        "date: 2025-02-14", "date: 2025-02-21\nold_ids: [2025-02-14-leaflets]")
    root = write_files(tmp_path / "group", files)
    assert mkdocs_build(root).returncode == 0
    site = root / "site"

    [event] = read_calendar(site).walk("VEVENT")
    assert str(event["UID"]) == f"{other}meetings/2027-06-10-summer/"  # the event people already have
    assert str(event["URL"]) == f"{other}meetings/2027-06-17-summer/"
    assert event.decoded("DTSTART").date() == dt.date(2027, 6, 17)
    redirect = (site / "meetings/2027-06-10-summer/index.html").read_text(encoding="utf-8")
    assert "2027-06-17-summer/" in redirect  # the old address leads to the meeting

    entries = {entry.link: entry.id for entry in read_feed(site, "all").entries}
    assert entries[f"{other}meetings/2025-02-21-leaflets/"] == (
        "tag:example.org,2025-01-10:other/meetings/2025-02-14-leaflets")
    assert entries[f"{other}decisions/D-001/"] == "tag:example.org,2025-01-10:other/decisions/D-001"
    first_group = {entry.id for name in FEED_NAMES for entry in read_feed(built_group, name).entries}
    assert first_group and not first_group & {entry.id for name in FEED_NAMES for entry in read_feed(site, name).entries}
    assert read_feed(site, "reports").feed.link == other
    assert read_feed(built_group, "all").feed.id != read_feed(site, "all").feed.id


def test_a_decision_entry_tells_followers_what_became_of_it(tmp_path: Path) -> None:
    """A feed reader shows the title and the text: a decision turned down or replaced says so in
    its title, and the reply from whoever it was referred to, or the decision that replaced it,
    is told first and updates the entry on its day (here with no git history to say so)."""
    from conftest import mkdocs_build
    from groups import DECISION_ONE, DECISION_TWO, FILES, write_files

    files = {**FILES,
             "content/decisions/D-001-own-words.md": DECISION_ONE.replace("status: agreed", "status: superseded"),
             "content/decisions/D-002-budget.md": DECISION_TWO.replace("outcome: pending", (
                 "response: The board will pay for 500 leaflets\nresponse_on: 2026-01-15\noutcome: changed")),
             "content/decisions/D-003-easy-read.md": DECISION_ONE.replace("Use our own words in leaflets", (
                 "Use our own words and Easy Read")).replace("2025-01-10", "2025-02-14").replace(
                 "first-meeting", "leaflets").replace("outcome: changed", "outcome: pending\nsupersedes: [D-001]"),
             "content/decisions/D-004-posters.md": DECISION_ONE.replace("Use our own words in leaflets", (
                 "Put posters in the lifts")).replace("status: agreed", "status: rejected")}
    root = write_files(tmp_path / "group", files)
    assert mkdocs_build(root).returncode == 0
    feed = read_feed(root / "site", "decisions")
    entries = {entry.id.removeprefix(f"{TAG}decisions/"): entry for entry in feed.entries}

    assert [entries[d].title for d in ("D-001", "D-002", "D-004")] == [
        "Decision D-001 (replaced by D-003): Use our own words in leaflets",
        "Decision D-002: Ask for a bigger budget",
        "Decision D-004 (turned down): Put posters in the lifts"]
    assert entries["D-001"].summary == (
        "Decided on 10 January 2025. The leaflets now use our words. "
        "Replaced on 14 February 2025 by decision D-003: Use our own words and Easy Read.")
    assert entries["D-004"].summary.startswith("On 10 January 2025 we decided not to do this.")
    assert entries["D-002"].content[0].value.startswith(
        "<p><strong>What happened next:</strong> Reply from the hospital board on 15 January 2026: "
        "The board will pay for 500 leaflets.</p>")
    dates = {d: (entry.published[:10], entry.updated[:10]) for d, entry in entries.items()}
    assert dates["D-001"] == ("2025-02-14", "2025-03-14")  # when D-003 was published, with its minutes
    assert dates["D-002"] == ("2025-03-14", "2026-01-15")  # the day of the board's reply
    assert dates["D-004"] == ("2025-02-14", "2025-02-14")  # nothing has happened since


def test_a_feed_entry_reads_the_text_as_its_page_does(tmp_path: Path) -> None:
    """A feed reader shows an admonition as a box and an abbreviation as a word, never the
    '!!! note' and '*[PALS]:' the facilitator typed (admonitions work in every group's site,
    whether or not its mkdocs.yml lists them); what the page would clean out (a script,
    another site's image) is not in the feed either, and the site's own images are."""
    from bs4 import BeautifulSoup
    from conftest import mkdocs_build
    from groups import FILES, write_files
    from test_build import PNG

    meeting = "content/meetings/2025-01-10-first-meeting.md"
    extra = ('We met for the first time.\n\n!!! note "Next time"\n    Bring your own mug.\n\n'
             "Ask PALS for help. <script>alert(1)</script>\n\n"
             "![A map of the room](../assets/map.png) ![A tracker](https://tracker.example/p.png)\n\n"
             "*[PALS]: Patient Advice and Liaison Service\n")
    files = {**FILES, meeting: FILES[meeting].replace("We met for the first time.", extra)}
    root = write_files(tmp_path / "group", files)
    (root / "content" / "assets").mkdir()
    (root / "content" / "assets" / "map.png").write_bytes(PNG)
    assert mkdocs_build(root).returncode == 0

    entry = next(e for e in read_feed(root / "site", "meetings").entries if e.id.endswith("first-meeting"))
    html = entry.content[0].value
    assert "!!!" not in html and "*[PALS]" not in html and "alert(1)" not in html
    body = BeautifulSoup(html, "html.parser")
    box = body.select_one("div.admonition.note")
    assert box is not None and "Next time" in box.get_text() and "Bring your own mug." in box.get_text()
    assert [(a.get_text(), a["title"]) for a in body.select("abbr")] == [
        ("PALS", "Patient Advice and Liaison Service")]
    assert [img.get("src") for img in body.select("img")] == [f"{SITE_URL}assets/map.png", None]
    page = BeautifulSoup((root / "site/meetings/2025-01-10-first-meeting/index.html").read_text(), "html.parser")
    assert page.select_one("article div.admonition.note") is not None  # the page the entry links to


def test_every_address_in_a_feed_entry_is_full_and_leads_where_the_page_does(tmp_path: Path) -> None:
    """A feed reader reads an address from the feed's, or its own idea of it: HTML typed into a
    record (a picture, a link to a record's file or a page) and a link to a part of the page were
    left as typed, and led nowhere. Each is given by its full address, which leads where the
    record's page leads."""
    from bs4 import BeautifulSoup
    from conftest import mkdocs_build
    from groups import FILES, write_files
    from test_build import PNG

    meeting = "content/meetings/2025-01-10-first-meeting.md"
    typed = ('We met for the first time.\n\n<img src="../assets/map.png" alt="A map of the room">\n\n'
             '<a href="../decisions/D-001-own-words.md">our first decision</a>, '
             "<a href='../../decisions/'>all our decisions</a>, <a href=\"../glossary.md\">the glossary</a>, "
             '<a href="#why">why</a>, [why, again](#why), <a href="https://www.nhs.uk/">the NHS</a>, '
             '<a href="mailto:team@example.org">write to us</a> and `<img src="../assets/map.png">`.\n\n'
             '## Why {#why}\n\nBecause.\n')
    files = {**FILES, meeting: FILES[meeting].replace("We met for the first time.", typed)}
    root = write_files(tmp_path / "group", files)
    (root / "content" / "assets").mkdir()
    (root / "content" / "assets" / "map.png").write_bytes(PNG)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr

    raw = (root / "site" / "feeds" / "meetings.atom.xml").read_bytes()
    feed = feedparser.parse(raw, resolve_relative_uris=False, sanitize_html=False)
    assert feed.bozo == 0 and b"xml:base" not in raw  # nothing a reader could resolve them from
    entry = next(e for e in feed.entries if e.id.endswith("first-meeting"))
    body = BeautifulSoup(entry.content[0].value, "html.parser")
    page = f"{SITE_URL}meetings/2025-01-10-first-meeting/"
    assert [img["src"] for img in body.select("img")] == [f"{SITE_URL}assets/map.png"]
    assert [a["href"] for a in body.select("a[href]")] == [
        f"{SITE_URL}decisions/D-001/", f"{SITE_URL}decisions/", f"{SITE_URL}glossary/", f"{page}#why",
        f"{page}#why", "https://www.nhs.uk/", "mailto:team@example.org"]
    assert body.select_one("code").get_text() == '<img src="../assets/map.png">'  # code, as typed
    on_the_page = BeautifulSoup(site_file_for(root / "site", page).read_text(encoding="utf-8"), "html.parser")
    assert on_the_page.select_one("#why") is not None
    for address in [img["src"] for img in body.select("img")] + [a["href"] for a in body.select("a[href]")]:
        if address.startswith(SITE_URL):
            assert site_file_for(root / "site", address).is_file(), address


def test_a_feed_entry_gives_the_content_note_before_the_summary(tmp_path: Path) -> None:
    """The page warns before a summary that talks about something hard; a feed reader had gone
    straight into it."""
    from bs4 import BeautifulSoup
    from conftest import mkdocs_build
    from groups import FILES, write_files

    meeting = "content/meetings/2025-01-10-first-meeting.md"
    files = {**FILES, meeting: FILES[meeting].replace("ladder: co-designing", "ladder: co-designing\n"
                                                      "content_notes: [hospital stays, self-harm]")}
    root = write_files(tmp_path / "group", files)
    assert mkdocs_build(root).returncode == 0
    entry = next(e for e in read_feed(root / "site", "meetings").entries if e.id.endswith("first-meeting"))
    said = "this summary talks about hospital stays and self-harm. You can skip it, or read it with someone."
    assert entry.summary.startswith(f"Content note: {said} Summary of our meeting on")
    first = BeautifulSoup(entry.content[0].value, "html.parser").find("p")
    assert first is not None and first.get_text() == f"Content note: {said}"
    page = BeautifulSoup((root / "site/meetings/2025-01-10-first-meeting/index.html").read_text(), "html.parser")
    aside = page.select_one("aside.coprod-content-note")
    assert aside is not None and aside.get_text(" ", strip=True) == f"Content note: {said}"


# --- calendar --------------------------------------------------------------------------


def read_calendar(site: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site / "meetings.ics").read_bytes())


def test_calendar_round_trips_through_icalendar(built_group: Path) -> None:
    raw = (built_group / "meetings.ics").read_bytes()
    assert icalendar.Calendar.from_ical(raw).to_ical() == raw


def test_calendar_has_the_planned_meeting_in_london_time(built_group: Path) -> None:
    calendar = read_calendar(built_group)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"{SITE_URL}meetings/2027-06-10-summer/"]
    event = events[0]
    assert event.decoded("DTSTART") == dt.datetime(2027, 6, 10, 16, 0, tzinfo=ZoneInfo("Europe/London"))
    assert event.decoded("DTEND") == dt.datetime(2027, 6, 10, 17, 0, tzinfo=ZoneInfo("Europe/London"))
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)  # British Summer Time
    assert str(event["SUMMARY"]) == "Test Group: Planning the summer"
    assert str(event["LOCATION"]) == "Library (step-free)"
    assert str(event["URL"]) == f"{SITE_URL}meetings/2027-06-10-summer/"
    assert str(event["DESCRIPTION"]) == (
        "In person and online\nSupport offered: BSL interpreter.\n\nWhat we will talk about:\n"
        "- Check-in\n- Summer plans\n\nHow to come: Email the team inbox. team@example.org\n\n"
        f"More about this meeting: {SITE_URL}meetings/2027-06-10-summer/")


def test_calendar_imports_in_a_second_client_parser(built_group: Path) -> None:
    import ics
    import recurring_ical_events

    text = (built_group / "meetings.ics").read_text(encoding="utf-8")
    events = list(ics.Calendar(text).events)
    assert [(e.uid, e.name, e.location) for e in events] == [
        (f"{SITE_URL}meetings/2027-06-10-summer/", "Test Group: Planning the summer", "Library (step-free)")]
    assert events[0].begin.datetime.isoformat() == "2027-06-10T16:00:00+01:00"
    found = recurring_ical_events.of(read_calendar(built_group)).between((2027, 6, 1), (2027, 7, 1))
    assert [str(e["UID"]) for e in found] == [f"{SITE_URL}meetings/2027-06-10-summer/"]


def test_a_meeting_to_come_can_be_added_to_a_calendar_on_its_own(built_group: Path) -> None:
    """Its page, and the home page for the next one, link to a file of that one event, the same
    event as in meetings.ics (so a calendar with both keeps one), which names no calendar of its
    own; a meeting held or cancelled has neither link nor file, and on paper the link is not
    printed."""
    import ics
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built_group / "meetings/2027-06-10-summer/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    link = page.select_one(".coprod-add-to-calendar a")
    assert link is not None and link.get_text() == "Add this meeting to your calendar"
    assert link["href"] == "2027-06-10-summer.ics"
    raw = (built_group / "meetings/2027-06-10-summer" / str(link["href"])).read_bytes()
    own = icalendar.Calendar.from_ical(raw)
    assert own.to_ical() == raw
    [event] = own.walk("VEVENT")
    [in_all] = read_calendar(built_group).walk("VEVENT")
    assert event.to_ical() == in_all.to_ical()
    assert "X-WR-CALNAME" not in own and [tz["TZID"] for tz in own.walk("VTIMEZONE")] == ["Europe/London"]
    assert [e.begin.datetime.isoformat() for e in ics.Calendar(raw.decode()).events] == ["2027-06-10T16:00:00+01:00"]
    home = BeautifulSoup((built_group / "index.html").read_text(encoding="utf-8"), "html.parser")
    [from_home] = home.select(".coprod-add-to-calendar a")
    assert from_home["href"] == "meetings/2027-06-10-summer/2027-06-10-summer.ics"
    held = "meetings/2025-02-14-leaflets"
    assert not list((built_group / held).glob("*.ics"))
    assert "coprod-add-to-calendar" not in (built_group / held / "index.html").read_text(encoding="utf-8")
    printed = (built_group / "assets/coprod/sharing.css").read_text(encoding="utf-8")
    assert re.search(r"@media print \{[^@]*\.coprod-add-to-calendar[^{]*\{\s*display: none", printed)


def test_recent_agreed_meetings_stay_in_the_calendar(tmp_path: Path) -> None:
    from groups import FILES, write_files

    from coprod_site.loading import load_group
    from coprod_site.published import Published
    from coprod_site.sharing.calendars import render_calendar

    root = write_files(tmp_path / "group", FILES)
    group, _ = load_group(root, "content")
    site = Published(group, dt.date(2025, 6, 1), SITE_URL)
    calendar = icalendar.Calendar.from_ical(render_calendar(site))
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [
        f"{SITE_URL}meetings/2025-01-10-first-meeting/", f"{SITE_URL}meetings/2025-02-14-leaflets/",
        f"{SITE_URL}meetings/2027-06-10-summer/"]


def _calendar_on(root: Path, day: dt.date) -> bytes:
    """meetings.ics as the build makes it on `day`, from the group's files and git history."""
    from coprod_site.loading import load_group
    from coprod_site.published import Published
    from coprod_site.settings import Settings
    from coprod_site.sharing.calendars import build_calendar_file

    group, problems = load_group(root, "content")
    assert not [p for p in problems if p.severity == "error"], problems
    return next(output.content for output in build_calendar_file(Published(group, day, SITE_URL), Settings())
                if output.path == "meetings.ics")


def test_a_moved_then_cancelled_meeting_replaces_the_event_a_calendar_has(tmp_path: Path) -> None:
    """A calendar app keeps the copy of an event it has unless the new one's SEQUENCE is higher:
    moving the meeting to another day, then cancelling it, must each raise it, on the same UID."""
    import recurring_ical_events
    from groups import FILES, PLANNED_MEETING, write_files

    planned = "content/meetings/2027-06-10-summer.md"
    root = write_files(tmp_path / "group", FILES)
    versions = [_calendar_on(root, dt.date(2026, 11, 30))]
    moved = PLANNED_MEETING.replace("date: 2027-06-10", "date: 2027-06-17\nold_ids: [2027-06-10-summer]")
    write_files(root, {planned: None, "content/meetings/2027-06-17-summer.md": moved})
    versions.append(_calendar_on(root, dt.date(2026, 11, 30)))
    write_files(root, {"content/meetings/2027-06-17-summer.md": moved.replace("status: planned", "status: cancelled")})
    versions.append(_calendar_on(root, dt.date(2026, 11, 30)))

    seen = []
    for raw in versions:
        [event] = recurring_ical_events.of(icalendar.Calendar.from_ical(raw)).between((2027, 6, 1), (2027, 7, 1))
        seen.append((str(event["UID"]), event.decoded("DTSTART").date().day, event["SEQUENCE"], str(event["STATUS"])))
    uid = f"{SITE_URL}meetings/2027-06-10-summer/"
    assert seen == [(uid, 10, 0, "CONFIRMED"), (uid, 17, 1, "CONFIRMED"), (uid, 17, 2, "CANCELLED")]


def test_the_calendar_is_dated_by_when_each_meeting_changed_not_by_the_build(tmp_path: Path) -> None:
    """A calendar that is fetched every few hours changes only when a meeting does: each event's
    DTSTAMP and LAST-MODIFIED are the day git last changed it, so a build on another day makes
    the same file, and an edited meeting's event is newer than the rest."""
    from charter_git import commit_all, git
    from groups import FILES, write_files

    root = write_files(tmp_path / "group", FILES)
    git(root, "init", "-q")
    commit_all(root, "Our records", "2025-03-20T10:00:00+00:00")
    first = _calendar_on(root, dt.date(2026, 11, 21))
    assert _calendar_on(root, dt.date(2026, 11, 30)) == first

    planned = root / "content" / "meetings" / "2027-06-10-summer.md"
    planned.write_text(planned.read_text().replace("Library (step-free)", "Hall (step-free)"))
    commit_all(root, "The summer meeting is in the hall", "2026-12-01T10:00:00+00:00")
    stamps = {str(e["UID"]).removeprefix(SITE_URL): (e.decoded("DTSTAMP").date(), e.decoded("LAST-MODIFIED").date())
              for e in icalendar.Calendar.from_ical(_calendar_on(root, dt.date(2026, 12, 2))).walk("VEVENT")}
    assert stamps == {"meetings/2027-06-10-summer/": (dt.date(2026, 12, 1), dt.date(2026, 12, 1))}
    stamps = {str(e["UID"]).removeprefix(SITE_URL): e.decoded("DTSTAMP").date()
              for e in icalendar.Calendar.from_ical(_calendar_on(root, dt.date(2025, 6, 1))).walk("VEVENT")}
    assert stamps == {"meetings/2025-01-10-first-meeting/": dt.date(2025, 3, 20),
                      "meetings/2025-02-14-leaflets/": dt.date(2025, 3, 20),
                      "meetings/2027-06-10-summer/": dt.date(2025, 6, 1)}  # a change after the day built for


def test_nothing_is_announced_before_its_minutes_or_dated_after_today(tmp_path: Path) -> None:
    """A charter change agreed at a meeting whose minutes are not agreed waits for them, as a
    decision does; a report covering a year not yet over is dated today, not at its end."""
    from groups import AMENDMENT, FILES, write_files

    from coprod_site.loading import load_group
    from coprod_site.published import Published
    from coprod_site.sharing.feeds import newest_first

    files = {**FILES,
             "content/amendments/AM-02-later.md": AMENDMENT.replace("2025-02-14-leaflets", "2027-06-10-summer")
             .replace("charter_version: 2", "charter_version: 3"),
             "content/reports/impact-2025.md": FILES["content/reports/impact-2025.md"].replace(
                 "period_to: 2025-12-31", "period_to: 2026-12-31")}
    files["content/reports/farewell.md"] = "---\nkind: farewell\ntitle: Goodbye\n---\nThank you all.\n"
    group, _ = load_group(write_files(tmp_path / "group", files), "content")
    site = Published(group, dt.date(2026, 11, 30), SITE_URL)
    entries = newest_first(site, {})
    assert [(e.record_id, e.updated) for e in entries if e.kind in ("amendment", "report")] == [
        ("impact-2025", dt.date(2026, 11, 30)),
        ("AM-01", dt.date(2025, 3, 14)),
        ("farewell", dt.date(2025, 1, 10))]  # no dates of its own, no history: the group's start
    # Dated by when its file last changed, not by the day of the build: each build would bring
    # it back to the top of the feed.
    entries = newest_first(site, {"content/reports/farewell.md": dt.date(2026, 5, 1)})
    assert [e.published for e in entries if e.record_id == "farewell"] == [dt.date(2026, 5, 1)]


def test_a_feed_links_the_sites_own_pages_and_images_by_their_full_address(tmp_path: Path) -> None:
    """A feed reader resolves '../glossary.md' against the feed's address, where no such file is:
    the site's pages and images are given by their full address, as records' pages are."""
    from groups import FILES, write_files

    from coprod_site.loading import load_group
    from coprod_site.published import Published

    group, _ = load_group(write_files(tmp_path / "group", FILES), "content")
    site = Published(group, dt.date(2026, 11, 30), SITE_URL)
    text = ("The [glossary](../glossary.md), [who we are](../people.md#p01), ![A map](../assets/map.png), "
            "![A logo](https://nhs.uk/logo.png) and [a decision](../decisions/D-001-own-words.md).")
    assert site.shown_text(text, "content/meetings/2025-01-10-first-meeting.md") == (
        f"The [glossary]({SITE_URL}glossary/), [who we are]({SITE_URL}people/#p01), "
        f"![A map]({SITE_URL}assets/map.png), ![A logo](https://nhs.uk/logo.png) and "
        f"[a decision]({SITE_URL}decisions/D-001/).")
    on_a_page = site.shown_text(text, "content/meetings/2025-01-10-first-meeting.md",
                                "meetings/2025-01-10-first-meeting.md")
    assert on_a_page.startswith("The [glossary](../glossary.md), [who we are](../people.md#p01), ![A map](../assets/")
    # Addresses of pages, written from the record's own page ('meetings/2025-01-10-first-meeting/')
    addresses = ("[Who we are](../../people/#p01), [home](../../), [the next one](../2025-02-14-leaflets/), "
                 "[a note](#why), [elsewhere](https://nhs.uk/) and [above the site](../../../x/).")
    assert site.shown_text(addresses, "content/meetings/2025-01-10-first-meeting.md") == (
        f"[Who we are]({SITE_URL}people/#p01), [home]({SITE_URL}), [the next one]({SITE_URL}meetings/2025-02-14-leaflets/), "
        "[a note](#why), [elsewhere](https://nhs.uk/) and [above the site](../../../x/).")


def test_an_entry_is_updated_when_its_words_or_the_people_it_names_change(tmp_path: Path) -> None:
    """A feed reader fetches an entry again when its `updated` moves: after someone withdraws
    consent to be named, every entry that named them says so, from git's dates."""
    from charter_git import commit_all, git
    from conftest import mkdocs_build
    from groups import FILES, write_files

    meeting = "content/meetings/2025-01-10-first-meeting.md"
    files = {**FILES, meeting: FILES[meeting].replace("We met for the first time.",
                                                      "We met for the first time. [[p01]] chaired.")}
    root = write_files(tmp_path / "group", files)
    git(root, "init", "-q")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    commit_all(root, "Our records", "2025-03-20T10:00:00+00:00")
    people = root / "content" / "people.yml"
    people.write_text(people.read_text().replace("show_as: name\n    name: Amina K.", "show_as: role"))
    commit_all(root, "Amina would rather not be named", "2025-06-01T10:00:00+00:00")
    assert mkdocs_build(root).returncode == 0

    feed = read_feed(root / "site", "all")
    dates = {entry.id.removeprefix(TAG): (entry.published[:10], entry.updated[:10]) for entry in feed.entries}
    assert dates["meetings/2025-01-10-first-meeting"] == ("2025-02-14", "2025-06-01")  # it named Amina
    assert dates["meetings/2025-02-14-leaflets"] == ("2025-03-14", "2025-03-20")      # its file's last commit
    assert dates["reports/impact-2025"] == ("2025-12-31", "2025-12-31")               # changed before it was due
    assert feed.feed.updated.startswith("2025-12-31")
    assert "Amina" not in (root / "site" / "feeds" / "all.atom.xml").read_text()


    leaflets = root / "content" / "meetings" / "2025-02-14-leaflets.md"
    leaflets.write_text(leaflets.read_text().replace("\n---\n", "\n---\nA word changed.\n\n", 1))
    commit_all(root, "A change committed after the day the site is built for", "2027-01-05T10:00:00+00:00")
    assert mkdocs_build(root).returncode == 0  # built for 2026-11-21 (COPROD_TODAY)
    feed = read_feed(root / "site", "all")
    assert {entry.id.removeprefix(TAG): entry.updated[:10] for entry in feed.entries}[
        "meetings/2025-02-14-leaflets"] == "2026-11-21"


def test_the_sitemap_dates_each_page_by_when_its_record_last_changed(tmp_path: Path) -> None:
    """Search engines fetch again only the pages whose `lastmod` moved: a page is dated by its
    record's last commit, and a list by the group's latest, never all by the build's day."""
    from xml.etree import ElementTree

    from charter_git import commit_all, git
    from conftest import mkdocs_build
    from groups import FILES, write_files

    root = write_files(tmp_path / "group", FILES)
    git(root, "init", "-q")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    commit_all(root, "Our records", "2025-03-20T10:00:00+00:00")
    leaflets = root / "content" / "meetings" / "2025-02-14-leaflets.md"
    leaflets.write_text(leaflets.read_text().replace("\n---\n", "\n---\nA word changed.\n\n", 1))
    commit_all(root, "A word changed in the leaflets meeting", "2025-04-02T10:00:00+00:00")
    assert mkdocs_build(root).returncode == 0

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ElementTree.parse(root / "site" / "sitemap.xml").getroot().findall("s:url", ns)
    dated = {url.findtext("s:loc", namespaces=ns).removeprefix(SITE_URL): url.findtext("s:lastmod", namespaces=ns)
             for url in urls}
    assert dated["meetings/2025-02-14-leaflets/"] == "2025-04-02"
    assert dated["meetings/2025-01-10-first-meeting/"] == "2025-03-20"
    assert dated["decisions/D-001/"] == "2025-03-20"
    assert dated["meetings/"] == dated[""] == "2025-04-02"  # lists show the latest change
    assert "2026-11-21" not in dated.values()  # the day the site was built for


# --- open data -------------------------------------------------------------------------


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte order mark, so spreadsheets read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_decisions_csv_opens_as_a_table(built_group: Path) -> None:
    rows = read_csv(built_group, "decisions")
    assert [(r["id"], r["title"], r["date"], r["outcome"]) for r in rows] == [
        ("D-002", "Ask for a bigger budget", "2025-02-14", "pending"),
        ("D-001", "Use our own words in leaflets", "2025-01-10", "changed"),
    ]
    assert rows[0]["referred_to"] == "the hospital board"
    assert rows[0]["url"] == f"{SITE_URL}decisions/D-002/"


def test_actions_csv_shows_owners_only_as_they_agreed(built_group: Path) -> None:
    rows = read_csv(built_group, "actions")
    assert [(r["id"], r["owner"], r["status"], r["overdue"]) for r in rows] == [
        ("ACT-001", "F. H.", "done", "no"),
        ("ACT-002", "a co-chair", "open", "no"),  # (overdue: test_impact_pages)
    ]


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+44 7700", "'+44 7700"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"), ("  =HYPERLINK(\"x\")", "'  =HYPERLINK(\"x\")"), ("\t=1", "'\t=1"),
    ("Ask the board", "Ask the board"), (3, "3"), (-1, "-1"), (None, ""),
])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(value: object, cell: str) -> None:
    from coprod_site.sharing.exports import csv_cell

    assert csv_cell(value) == cell


@pytest.mark.parametrize("name", ["decisions", "actions", "meetings"])
def test_json_follows_the_schema_published_beside_it(built_group: Path, name: str) -> None:
    document = json.loads((built_group / "data" / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((built_group / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert document["$schema"] == schema["$id"] == f"{SITE_URL}data/{name}.schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(document)] == []
    assert document["licence"] == "CC BY 4.0"
    assert document[name]


def test_the_schema_rejects_a_record_that_does_not_fit(built_group: Path) -> None:
    document = json.loads((built_group / "data" / "decisions.json").read_text(encoding="utf-8"))
    schema = json.loads((built_group / "data" / "decisions.schema.json").read_text(encoding="utf-8"))
    document["decisions"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_meetings_json_has_published_meetings_with_people_as_they_agreed(built_group: Path) -> None:
    meetings = json.loads((built_group / "data" / "meetings.json").read_text(encoding="utf-8"))["meetings"]
    assert [(m["id"], m["minutes"]) for m in meetings] == [
        ("2027-06-10-summer", "planned"), ("2025-02-14-leaflets", "agreed"),
        ("2025-01-10-first-meeting", "agreed")]
    first = meetings[2]
    assert first["chairs"] == ["Amina K.", "a co-chair"]
    assert first["members_named"] == ["Amina K.", "F. H.", "Sky"]
    assert (first["members_present"], first["guests"], first["apologies"]) == (5, 2, 0)
    assert first["summary"] == "We met for the first time. We agreed our charter."
    assert meetings[0]["summary"] is None


def test_a_meeting_still_to_come_is_exported_as_its_page_shows_it(tmp_path: Path) -> None:
    """CONTENT-MODEL: a planned meeting is published with its date, time, place, support and
    agenda; its content notes, feedback and decisions had gone into the open data too."""
    from conftest import mkdocs_build
    from groups import FILES, write_files

    planned = "content/meetings/2027-06-10-summer.md"
    files = {**FILES, planned: FILES[planned].replace("minutes:", "content_notes: [a private worry]\n"
                                                      "ladder: co-producing\nfeedback:\n  how: By email\nminutes:")}
    root = write_files(tmp_path / "group", files)
    assert mkdocs_build(root).returncode == 0
    meetings = json.loads((root / "site/data/meetings.json").read_text(encoding="utf-8"))["meetings"]
    summer = next(m for m in meetings if m["id"] == "2027-06-10-summer")
    assert (summer["date"], summer["start"], summer["venue"], summer["support"], summer["agenda"]) == (
        "2027-06-10", "16:00", "Library (step-free)", ["BSL interpreter"], ["Check-in", "Summer plans"])
    assert (summer["content_notes"], summer["ladder"], summer["feedback_how"], summer["decisions"]) == ([], None, None, [])
    assert [p.name for p in (root / "site").rglob("*.*") if "private worry" in p.read_text(errors="ignore")] == []


def test_no_person_id_appears_in_any_feed_calendar_or_data_file(built_group: Path) -> None:
    person_id = re.compile(r"\bp0[1-5]\b")
    leaks = [str(path.relative_to(built_group)) for path in published_outputs(built_group)
             if person_id.search(path.read_text(encoding="utf-8-sig"))]
    assert leaks == []


def test_the_draft_meeting_is_in_no_feed_calendar_export_or_search_index(built_group: Path) -> None:
    outputs = published_outputs(built_group)
    names = {str(path.relative_to(built_group)) for path in outputs}
    assert {"feeds/all.atom.xml", "meetings.ics", "data/decisions.csv", "data/meetings.json",
            "search/search_index.json"} <= names
    for marker in ("SECRET-DRAFT-MARKER", "2025-03-14-draft", "A draft meeting"):
        leaks = [str(path.relative_to(built_group)) for path in outputs
                 if marker in path.read_text(encoding="utf-8-sig")]
        assert leaks == [], marker


# --- search ----------------------------------------------------------------------------


def test_search_finds_a_published_meeting_by_words_in_its_summary(built_group: Path) -> None:
    index = json.loads((built_group / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"] for doc in index["docs"] if "first time" in doc["text"]}
    assert "meetings/2025-01-10-first-meeting/" in found
    assert not [doc["location"] for doc in index["docs"] if "Share this page" in doc["title"]]


# --- QR codes --------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["meetings/2025-01-10-first-meeting/", "meetings/2027-06-10-summer/",
                                  "decisions/D-002/", "reports/impact-2025/"])
def test_each_qr_code_decodes_to_its_page(built_group: Path, page: str) -> None:
    svg = (built_group / page / "qr.svg").read_text(encoding="utf-8")
    assert decode_qr_svg(svg) == [SITE_URL + page]


@pytest.mark.parametrize("url", [SITE_URL + "decisions/D-002/", SITE_URL + "meetings/" + "long-title-" * 30 + "/",
                                 "https://example.org/a&b<c>/\"q'/é/"])
def test_qr_svg_is_the_svg_segno_itself_writes(url: str) -> None:
    """Our short writer draws a code byte for byte as segno's writer draws the same code."""
    import segno

    from coprod_site.sharing.qr import qr_svg, svg_document

    code = segno.make(url, error="m", micro=False, mask=0)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, dark="#000", light="#fff", title=f"QR code for {url}",
              svgclass=None, lineclass=None, omitsize=True)
    assert svg_document(code.matrix, f"QR code for {url}") == out.getvalue()
    assert decode_qr_svg(qr_svg(url).decode("utf-8")) == [url]


# --- rebuilds with a warm cache ----------------------------------------------------------


def test_a_rebuild_cache_makes_each_value_once_and_drops_what_a_build_left_unused() -> None:
    from coprod_site.outputs import RebuildCache

    made: list[str] = []

    def make(key: str) -> str:
        made.append(key)
        return key.upper()

    cache: RebuildCache[str, str] = RebuildCache(make)
    cache.new_build()
    assert [cache.get("a"), cache.get("b"), cache.get("a")] == ["A", "B", "A"]
    cache.new_build()
    assert cache.get("a") == "A"
    cache.new_build()  # 'b' was not used by the last build, so it is gone
    assert [cache.get("a"), cache.get("b")] == ["A", "B"]
    assert made == ["a", "b", "b"]
    for n in range(100):
        cache.new_build()
        cache.get(str(n))
    assert len(cache) == 2, "at most two builds' worth, however many builds"


def _outputs(root: Path, site_url: str = SITE_URL) -> dict[str, bytes]:
    import coprod_site.sharing  # noqa: F401  (adds the feed, calendar, data and QR builders)
    from coprod_site.loading import load_group
    from coprod_site.outputs import build_outputs
    from coprod_site.published import Published
    from coprod_site.settings import Settings

    group, _ = load_group(root, "content")
    site = Published(group, dt.date(2025, 6, 1), site_url)
    return {file.path: file.content for file in build_outputs(site, Settings())}


def _cold_outputs(root: Path, monkeypatch: pytest.MonkeyPatch, site_url: str = SITE_URL) -> dict[str, bytes]:
    """The outputs as a fresh process would build them, with every cache empty."""
    from coprod_site.outputs import RebuildCache
    from coprod_site.sharing import feeds, qr

    with monkeypatch.context() as patch:
        patch.setattr(qr, "QR_CACHE", RebuildCache(qr.qr_svg))
        patch.setattr(feeds, "ENTRY_HTML", RebuildCache(feeds.body_html))
        return _outputs(root, site_url)


def test_a_rebuild_with_a_warm_cache_shows_an_edited_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from groups import FILES, write_files

    root = write_files(tmp_path / "group", FILES)
    before = _outputs(root)
    edited = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the *very* first time.")
    write_files(root, {"content/meetings/2025-01-10-first-meeting.md": edited})
    after = _outputs(root)
    assert after == _cold_outputs(root, monkeypatch)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "feeds/all.atom.xml" in changed and "feeds/meetings.atom.xml" in changed
    entry = [e for e in feedparser.parse(after["feeds/meetings.atom.xml"]).entries
             if e.link == SITE_URL + "meetings/2025-01-10-first-meeting/"]
    assert "We met for the <em>very</em> first time." in entry[0].content[0].value


def test_a_rebuild_with_a_warm_cache_codes_the_new_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from groups import FILES, write_files

    root = write_files(tmp_path / "group", FILES)
    _outputs(root)
    moved = "https://example.org/moved/"
    after = _outputs(root, moved)
    assert after == _cold_outputs(root, monkeypatch, moved)
    svg = after["decisions/D-002/qr.svg"].decode("utf-8")
    assert decode_qr_svg(svg) == [moved + "decisions/D-002/"]
