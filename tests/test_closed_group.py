"""Real builds: the example group, closed the way a facilitator closes it, as its members and
followers meet it afterwards."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import feedparser
import pytest
from conftest import copy_example, mkdocs_build
from test_build import main_text, page

from coprod_site.checks import run_checks
from coprod_site.loading import load_group
from coprod_site.published import Published
from coprod_site.settings import Settings

ENDED_ON = "2026-11-20"

CLOSING_REASON = """\
closing_reason: >
  The research money for Outpatients Together ended in November 2026. The
  hospital carries on this work through its wider patient panel.
"""


def rewrite(path: Path, *changes: tuple[str, str]) -> None:
    """Make each (pattern, replacement) change to a file once."""
    text = path.read_text(encoding="utf-8")
    for pattern, replacement in changes:
        text, made = re.subn(pattern, replacement, text, count=1)
        assert made == 1, pattern
    path.write_text(text, encoding="utf-8")


def close_group(root: Path) -> Path:
    """Set project.yml to closed and write the farewell report; the example's meeting planned
    for 10 December, after the end, is left in by mistake."""
    rewrite(root / "content/project.yml", (r"(?m)^status: .*$", "status: closed"),
            (r"(?m)^ended_on:.*$", f"ended_on: {ENDED_ON}"))
    rewrite(root / "content/reports/farewell.md",
            (r"(?m)^title: .*\n", f"title: Thank you and goodbye\nended_on: {ENDED_ON}\n"),
            (r"(?m)^closing_reason: >\n(?:  .*\n)+", CLOSING_REASON))
    return root


@pytest.fixture(scope="module")
def closed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example group, closed and built (not --strict: closing leaves warnings on purpose)."""
    root = close_group(copy_example(tmp_path_factory.mktemp("closed") / "group"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


CLOSED_NOTICE = ("This group has closed. It met from 6 November 2024 to 20 November 2026. "
                 "Read our farewell report to see what we did and who carries on our work.")


@pytest.mark.parametrize("address", ["meetings/index.html", "decisions/D-010/index.html",
                                     "meetings/2026-10-14-welcome-pack/index.html", "actions/index.html",
                                     "reports/impact-2025/index.html", "people/index.html"])
def test_every_page_says_the_group_has_closed_and_leads_to_the_farewell_report(
        closed: Path, address: str) -> None:
    assert CLOSED_NOTICE in main_text(closed, address)
    link = page(closed, address).find("a", string="Read our farewell report")
    assert link is not None
    assert posixpath.normpath(posixpath.join(posixpath.dirname(address), link["href"])) == "reports/farewell"


def test_the_home_page_says_it_once_and_the_farewell_report_in_its_own_words(closed: Path) -> None:
    assert main_text(closed, "index.html").count("This group has closed.") == 1
    farewell = main_text(closed, "reports/farewell/index.html")
    assert "This group has closed." not in farewell
    assert farewell.startswith("Home Reports Thank you and goodbye We met from 6 November 2024 to 20 November 2026.")


def test_the_actions_still_open_say_to_whom_they_were_handed_over(closed: Path) -> None:
    text = main_text(closed, "actions/index.html")
    assert ("Handed over (5) The group closed on 20 November 2026. These actions were still open, "
            "and the farewell report says who takes each one on.") in text
    assert "Still to do" not in text and "overdue" not in text
    row = page(closed, "actions/index.html").find("tr", id="ACT-021")
    assert row is not None
    assert " ".join(row.select_one("[data-label=Status]").get_text(" ").split()) == (
        "Handed over to the hospital's patient panel")


def test_a_meeting_page_says_to_whom_its_open_actions_were_handed_over(closed: Path) -> None:
    text = main_text(closed, "meetings/2026-10-14-welcome-pack/index.html")
    assert "Handed over to the Child Health Research Unit" in text


def test_the_home_page_offers_no_next_meeting_and_no_calendar(closed: Path) -> None:
    text = main_text(closed, "index.html")
    assert "Our next meeting" not in text and "3 December 2026" not in text
    assert "in your calendar" not in text
    assert "Hear when we publish something new." in text


def test_the_meetings_page_has_nothing_coming_up_and_no_calendar(closed: Path) -> None:
    text = main_text(closed, "meetings/index.html")
    assert "Coming up" not in text and "Visit to the new waiting room" not in text
    assert "in your calendar" not in text
    assert "Hear when we share a summary." in text


def test_the_calendar_holds_no_meeting_after_the_end_but_the_cancelled_one(closed: Path) -> None:
    events = (closed / "meetings.ics").read_text(encoding="utf-8").split("BEGIN:VEVENT")[1:]
    later = [e for e in events if re.search(r"DTSTART;TZID=Europe/London:(\d{8})", e)[1] > "20261120"]  # type: ignore[index]
    assert len(later) == 1 and "STATUS:CANCELLED" in later[0]
    text = main_text(closed, "data/index.html")
    assert ("Download our meetings calendar. The group closed on 20 November 2026, "
            "so no new meetings will be added to it.") in text
    assert "subscribe" not in text


def test_the_poster_says_the_group_has_closed_and_leads_to_the_farewell_report(closed: Path) -> None:
    poster = page(closed, "meetings/next/poster/index.html").select_one(".coprod-poster")
    assert poster is not None
    text = " ".join(poster.get_text(" ").split())
    assert text.startswith("Outpatients Together This group has closed We met from 6 November 2024 to "
                           "20 November 2026. Thank you to everyone who took part.")
    assert "not planned yet" not in text
    assert "Scan this QR code to read our farewell report, or type example.org/ our-group/ reports/ farewell/" in text
    qr = poster.select_one(".coprod-poster__qr img")
    assert qr is not None and qr["src"] == "../../../reports/farewell/qr.svg"
    assert (closed / "reports/farewell/qr.svg").is_file()


def test_how_we_work_no_longer_asks_who_should_join(closed: Path) -> None:
    text = main_text(closed, "how-we-work/index.html")
    assert "12 people were in the group when it closed." in text
    assert ("Who should be here? We said we wanted to hear from: Families who live in the east of the city "
            "Families who speak a language other than English at home Young people who are deaf or who use BSL "
            "Boys and young men who go to outpatient clinics The group has closed, so it is no longer looking for "
            "new members. Our farewell report says who carries on our work.") in text
    assert "please tell us" not in text and "in the group now" not in text


def test_the_charter_asks_nobody_to_a_next_meeting(closed: Path) -> None:
    text = main_text(closed, "charter/index.html")
    assert ("Changes not agreed These changes were suggested but not agreed before the group closed, "
            "so the charter above is the last one.") in text
    assert "Come to our next meeting" not in text and "How to say what you think" not in text


LATE_MEETING = "content/meetings/2026-12-10-end-of-year.md"


def test_a_meeting_planned_after_the_end_is_to_be_cancelled_not_deleted(tmp_path: Path) -> None:
    """Its page was published (and is in published-urls.txt): deleting the file would stop the build."""
    group, problems = load_group(close_group(copy_example(tmp_path)))
    assert problems == []
    said = [str(p) for p in run_checks(group, Settings(today=dt.date(2026, 11, 30))) if p.path == LATE_MEETING]
    assert said == [
        ("warning: content/meetings/2026-12-10-end-of-year.md, line 3: is planned for after the group closed "
        "(2026-11-20, in project.yml), so it will not happen. Mark it cancelled (under 'minutes:', put "
        "'status: cancelled'), so that its page tells anyone who has the link. If the group goes on, "
        "change project.yml instead.")]


def test_a_meeting_after_the_end_marked_cancelled_keeps_its_page_and_is_not_coming_up(tmp_path: Path) -> None:
    root = close_group(copy_example(tmp_path))
    rewrite(root / LATE_MEETING, (r"(?m)^  status: planned$", "  status: cancelled"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "end-of-year" not in result.stderr
    assert "Cancelled" in main_text(root / "site", "meetings/2026-12-10-end-of-year/index.html")
    assert "End of year" not in main_text(root / "site", "meetings/index.html")


def test_the_feeds_announce_the_farewell_report_as_what_it_is(closed: Path) -> None:
    """Its entry was titled 'Report: ...', as an impact report's is."""
    feed = feedparser.parse((closed / "feeds/all.atom.xml").read_bytes())
    titles = [entry.title for entry in feed.entries]
    assert "Farewell report: Thank you and goodbye" in titles
    assert [title for title in titles if title.startswith("Impact report: ")]
    assert not [title for title in titles if title.startswith("Report: ")]


def test_a_decision_still_waiting_for_a_reply_says_who_will_now_hear_it(closed: Path) -> None:
    """A referred decision is still open when the group closes: its page said 'Still waiting for
    a reply' with nobody to hear it, and followers never learnt where the answer would go."""
    text = main_text(closed, "decisions/D-010/index.html")
    assert ("Referred to The CAMHS service leads Sent on 20 March 2026 Reply due 18 December 2026 Their reply "
            "Still waiting for a reply Who will hear the reply The group has closed: the hospital's patient "
            "panel will hear the reply.") in text
    answered = main_text(closed, "decisions/D-006/index.html")
    assert "Who will hear the reply" not in answered and "will hear the reply" not in answered


def test_the_farewell_report_lists_the_decisions_handed_over_beside_the_actions(closed: Path) -> None:
    text = main_text(closed, "reports/farewell/index.html")
    assert ("Decisions still waiting for a reply, and who will hear it Decisions still waiting for a reply "
            "Decision What Referred to Who will hear the reply "
            "D-010 Ask CAMHS and outpatients to share one plan for young people who use both "
            "The CAMHS service leads The hospital's patient panel "
            "D-011 Ask for a transition worker for young people moving to adult clinics "
            "The trust board The outpatients manager") in text
    assert text.index("Actions still open, and who takes them on") < text.index("Decisions still waiting")
    rows = page(closed, "reports/farewell/index.html").select("#waiting-replies + .coprod-table-wrap tbody tr")
    assert [row.th.get_text() for row in rows] == ["D-010", "D-011"]
    assert [row.a["href"] for row in rows] == ["../../decisions/D-010/", "../../decisions/D-011/"]


FAREWELL = "content/reports/farewell.md"
D011_HANDOVER = r"  - decision: D-011\n    to: The outpatients manager\n"


def test_a_decision_left_waiting_when_the_group_closes_is_a_warning_with_the_line_to_add(tmp_path: Path) -> None:
    root = close_group(copy_example(tmp_path))
    rewrite(root / FAREWELL, (D011_HANDOVER, ""))
    group, problems = load_group(root)
    assert problems == []
    said = [str(p) for p in run_checks(group, Settings(today=dt.date(2026, 11, 30))) if "D-01" in p.message]
    assert said == [
        ("warning: content/decisions/D-011-transition-worker.md, line 8: D-011 is still waiting for a reply from "
         "the trust board, and the group has closed. Say in the farewell report who will hear the reply, so that "
         'people following the group know where it goes: handover: [{decision: D-011, to: "who will hear the '
         'reply"}].')]


def test_a_decision_nobody_will_hear_the_reply_to_says_nothing_new_and_the_report_says_nobody_yet(
        tmp_path: Path) -> None:
    root = close_group(copy_example(tmp_path))
    rewrite(root / FAREWELL, (D011_HANDOVER, ""))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "D-011 is still waiting for a reply" in result.stderr
    assert "will hear the reply" not in main_text(root / "site", "decisions/D-011/index.html")
    assert ("D-011 Ask for a transition worker for young people moving to adult clinics The trust board "
            "Nobody named yet") in main_text(root / "site", "reports/farewell/index.html")


def test_while_the_group_goes_on_no_decision_page_says_who_will_hear_the_reply(tmp_path: Path) -> None:
    """The farewell report may be written ahead, as the example's is."""
    group, problems = load_group(copy_example(tmp_path))
    assert problems == []
    assert "D-010" in {h.decision for h in group.reports["farewell"].handover}
    assert Published(group, dt.date(2026, 11, 30)).handovers.decisions == {}
    assert Published(load_group(close_group(copy_example(tmp_path / "closed")))[0],
                     dt.date(2026, 11, 30)).handovers.decisions == {
        "D-010": "The hospital's patient panel", "D-011": "The outpatients manager"}


def test_you_said_we_did_says_who_will_hear_each_reply_still_awaited(closed: Path) -> None:
    text = main_text(closed, "you-said-we-did/index.html")
    assert ("Waiting: We are still waiting for their reply. The group has closed: the hospital's patient panel "
            "will hear the reply.") in text
    assert text.count("will hear the reply") == 2


def test_a_closed_group_is_not_reminded_to_chase_a_reply_it_handed_over_or_to_look_again(tmp_path: Path) -> None:
    """Months after the end, `coprod check` still said 'Ask them again' of replies whose hearing
    the farewell report had handed over, and to look again at decisions: nobody is left to."""
    root = close_group(copy_example(tmp_path))
    group, problems = load_group(root)
    assert problems == []
    later = Settings(today=dt.date(2027, 6, 30))  # D-010 and D-011's replies overdue, reviews passed
    reminders = [str(p) for p in run_checks(group, later) if p.is_reminder and "D-0" in p.message]
    assert reminders == []
    rewrite(root / FAREWELL, (D011_HANDOVER, ""))
    group, _ = load_group(root)
    assert [p.message.split(" was ")[0] for p in run_checks(group, later) if p.is_reminder and "D-0" in p.message] == [
        "D-011"]
