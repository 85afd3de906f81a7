"""Real `mkdocs build --strict` runs of a small group, read back as HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from groups import FILES, write_files

ADDRESSES = [
    "index.html", "charter/index.html", "charter/history/index.html", "amendments/AM-01/index.html",
    "meetings/index.html", "meetings/2025-01-10-first-meeting/index.html",
    "decisions/index.html", "decisions/D-001/index.html", "actions/index.html",
    "reports/impact-2025/index.html", "people/index.html", "glossary/index.html",
]


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082")
"""A picture one pixel wide."""


def page(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address).read_text(encoding="utf-8"), "html.parser")


def main_text(site: Path, address: str) -> str:
    """The text of a page's article on screen (without the line printed below it on paper)."""
    article = page(site, address).select_one("article")
    assert article is not None
    for printed in article.select(".coprod-printed"):
        printed.decompose()
    return main_text_of(article)


def main_text_of(element: object) -> str:
    """An element's text as a reader hears it: one space between words, none before punctuation."""
    text = " ".join(element.get_text(" ").split())  # type: ignore[attr-defined]
    return re.sub(r" ([:,.)])", r"\1", text).replace("( ", "(")


def site_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file()]


def test_every_page_is_at_its_stable_address(built_group: Path) -> None:
    missing = [address for address in ADDRESSES if not (built_group / address).is_file()]
    assert missing == []


def test_each_page_has_one_h1_and_a_title_naming_the_group(built_group: Path) -> None:
    for address in ADDRESSES:
        soup = page(built_group, address)
        assert len(soup.find_all("h1")) == 1, address
        assert soup.title is not None and "Test Group" in soup.title.get_text(), address


def test_every_page_is_in_the_group_language(built_group: Path) -> None:
    """project.yml's `language` (en-GB here) is each page's lang, so a screen reader picks the voice."""
    for address in [*ADDRESSES, "404.html"]:
        assert page(built_group, address).html["lang"] == "en-GB", address


def test_the_page_not_found_tells_a_poster_reader_where_a_meeting_went(built_group: Path) -> None:
    """A planned meeting's page, on a poster's QR code, is taken down while its notes are written
    up (drafts are nowhere): whoever follows the code then is told why, and where meetings are."""
    article = page(built_group, "404.html").select_one("article")
    assert "comes back at the same address once the group has agreed them" in " ".join(article.get_text().split())
    assert [a["href"] for a in article.select("a")] == ["/test/meetings/", "/test/"]  # from site_url


def test_a_welsh_group_gets_welsh_pages_and_a_bad_language_code_is_a_problem(tmp_path: Path) -> None:
    project = FILES["content/project.yml"]
    root = write_files(tmp_path / "cy", {**FILES, "content/project.yml": project.replace("language: en-GB", "language: cy")})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    home = page(root / "site", "index.html")
    assert home.html["lang"] == "cy"
    assert home.select_one("input.md-search__input")["placeholder"] == "Chwilio"  # Material's Welsh

    for written, said in [("English", "should be a language code: for English, write en-GB."),
                          ("Inglish", "should be a language code, like en-GB, or cy for Welsh.")]:
        root = write_files(tmp_path / written, {**FILES, "content/project.yml": project.replace(
            "language: en-GB", f"language: {written}")})
        result = mkdocs_build(root)
        assert result.returncode != 0
        assert f"content/project.yml, line 10: 'language' {said}" in result.stderr


def language_of(soup: BeautifulSoup, words: str) -> str | None:
    """The language a screen reader reads `words` in: the `lang` of the nearest element that
    says one, around the first text on the page that holds them."""
    text = soup.find(string=lambda found: words in found)
    assert text is not None, words
    holder = text.find_parent(lang=True)
    return None if holder is None else str(holder["lang"])


def test_a_welsh_groups_pages_say_which_words_are_ours_in_english(tmp_path: Path) -> None:
    """WCAG 3.1.2: on a Welsh group's pages (`lang="cy"`), the group's words are read in Welsh and
    the words our templates add, in English; an English group's pages say nothing more."""
    project = FILES["content/project.yml"].replace("language: en-GB", "language: cy")
    root = write_files(tmp_path, {**FILES, "content/project.yml": project,
                                  "content/about.md": "# About\n\nWe meet every month.\n"})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    said = {
        "meetings/2025-01-10-first-meeting/index.html": {
            "Our first meeting": "cy", "We met for the first time": "cy", "Library (step-free)": "cy",
            "travel paid": "cy", "Welcome": "cy", "Summary of our meeting on": "en", "When and where": "en",
            "Support offered": "en", "Chaired by": "en", "Meetings": "en", "Share this page": "en",
            "Printed from the website": "en"},
        "meetings/index.html": {"Leaflets": "cy", "Past meetings": "en", "We share a summary": "en",
                                "Planning the summer": "cy", "Coming up": "en"},
        "index.html": {"Test Group": "cy", "Young people who help": "cy", "Email the team inbox.": "cy",
                       "Our next meeting": "en", "Latest decisions": "en", "Use our own words in leaflets": "cy"},
        "decisions/D-001/index.html": {"Use our own words in leaflets": "cy", "Why we decided this": "en",
                                       "Whose decision": "en"},
        "glossary/index.html": {"Patient and public involvement": "cy", "What our words": "en"},
        "about/index.html": {"We meet every month.": "cy"},
        "404.html": {"We cannot find a page at this address": "en"},
    }
    for address, languages in said.items():
        soup = page(site, address)
        assert soup.html["lang"] == "cy"
        heard = {words: language_of(soup, words) for words in languages}
        assert heard == languages, address
    assert page(site, "index.html").select_one("input.md-search__input").find_parent(lang=True)["lang"] == "cy"

    root = write_files(tmp_path / "en-US", {**FILES, "content/about.md": "# About\n\nWe meet every month.\n",
                                            "content/project.yml": FILES["content/project.yml"]
                                            .replace("language: en-GB", "language: en-US")})
    assert mkdocs_build(root).returncode == 0
    for address in said:
        soup = page(root / "site", address)
        assert [element.name for element in soup.select("[lang]")] == ["html"], address


def test_a_meeting_page_shows_the_summary_first_then_the_details(built_group: Path) -> None:
    text = main_text(built_group, "meetings/2025-01-10-first-meeting/index.html")
    assert text.index("We met for the first time") < text.index("When and where")
    assert "10 January 2025, 4pm to 5:30pm" in text
    assert "Chaired by Amina K. and a co-chair" in text
    assert "Facilitated by F. H." in text
    assert "Attendance 5 members and 2 guests" in text
    assert "Members who came and agreed to be named Amina K., F. H. and Sky" in text
    assert "Agreed 14 February 2025, at Leaflets" in text and "Leaflets (14 February 2025)" not in text  # (a day once)
    assert "Sent on 20 January 2025: Email" in text


def test_apologies_are_a_number_and_people_shown_by_role_are_never_named(built_group: Path) -> None:
    text = main_text(built_group, "meetings/2025-02-14-leaflets/index.html")
    assert "Apologies 1 member sent apologies" in text


def test_a_planned_meeting_is_upcoming_with_no_summary(built_group: Path) -> None:
    text = main_text(built_group, "meetings/2027-06-10-summer/index.html")
    assert "Upcoming meeting on 10 June 2027, 4pm to 5pm" in text
    assert "Support offered BSL interpreter" in text
    assert "Summary" not in text
    assert "How to come Email the team inbox. team@example.org" in text  # someone who came by QR code
    home = main_text(built_group, "index.html")
    assert "Our next meeting Planning the summer: 10 June 2027, 4pm to 5pm, Library (step-free)." in home


def test_the_home_page_puts_the_next_meeting_and_how_to_follow_before_the_welcome(tmp_path: Path) -> None:
    """On a phone the group's welcome is a screen or more: whoever came for the next meeting, or
    to follow the group, finds them first."""
    root = write_files(tmp_path, {**FILES, "content/index.md": "Welcome to our group.\n\nWe meet every month.\n"})
    assert mkdocs_build(root).returncode == 0
    home = page(root / "site", "index.html")
    assert [h.get_text(strip=True) for h in home.select("article h2")][:2] == ["Our next meeting", "About us"]
    for address in ["index.html", "meetings/index.html"]:
        links = {a.get_text(): a["href"] for a in page(root / "site", address).select("article a")}
        assert links["Put our meetings in your calendar"] == ("../data/#calendar" if "/" in address else "data/#calendar")
    assert (root / "site" / "data/index.html").is_file()


def test_a_planned_meeting_whose_day_has_passed_no_longer_invites_anyone(tmp_path: Path) -> None:
    """Until its summary is written up, the page of a meeting that has happened says so: not
    'Upcoming', and no 'How to come' to a day that is over."""
    planned = "content/meetings/2027-06-10-summer.md"
    past = FILES[planned].replace("date: 2027-06-10", "date: 2026-06-10")
    root = write_files(tmp_path, {**{k: v for k, v in FILES.items() if k != planned},
                                  "content/meetings/2026-06-10-summer.md": past})
    assert mkdocs_build(root).returncode == 0
    text = main_text(root / "site", "meetings/2026-06-10-summer/index.html")
    assert ("Summary still to come: Our meeting on 10 June 2026, 4pm to 5pm has happened. We will share its "
            "summary here once the group has agreed it.") in text
    assert "Upcoming" not in text and "How to come" not in text and "What we planned to talk about" in text
    listed = main_text(root / "site", "meetings/index.html")
    assert "Coming up" not in listed and "Summaries still to come Planning the summer (10 June 2026)" in listed


def test_a_cancelled_meeting_keeps_its_page_and_says_so(tmp_path: Path) -> None:
    """Someone with the link, the QR code or the date in their calendar finds out it is off:
    its page stays and says why; the meetings page lists it as cancelled until its day, the
    home page and poster point to the next meeting that is on, and the calendar marks it."""
    import icalendar
    import jsonschema

    planned = "content/meetings/2027-06-10-summer.md"
    later = FILES[planned].replace("2027-06-10", "2027-07-08").replace("Planning the summer", "Summer, again")
    cancelled = FILES[planned].replace("status: planned", "status: cancelled").replace(
        "title: Planning the summer", "title: Planning the summer\ncancelled_note: The library is closed. We meet on 8 July instead.")
    past = cancelled.replace("2027-06-10", "2026-10-01").replace("Planning the summer", "Autumn plans")
    root = write_files(tmp_path, {**FILES, planned: cancelled, "content/meetings/2027-07-08-summer.md": later,
                                  "content/meetings/2026-10-01-autumn.md": past})
    assert mkdocs_build(root, "--strict").returncode == 0
    site = root / "site"
    text = main_text(site, "meetings/2027-06-10-summer/index.html")
    assert text.startswith("Home Meetings Planning the summer Cancelled: Our meeting on 10 June 2027, 4pm to 5pm will not take "
                           "place. The library is closed. We meet on 8 July instead.")
    assert "How to come" not in text and "Questions Email the team inbox. team@example.org" in text
    shown = page(site, "meetings/2027-06-10-summer/index.html")
    assert shown.title is not None and shown.title.get_text().startswith("Cancelled: Planning the summer")
    preview = {m.get("property"): m.get("content") for m in shown.select("meta[property^='og:']")}
    assert preview["og:title"].startswith("Cancelled: Planning the summer")
    assert preview["og:description"] == "Cancelled. Our meeting on 10 June 2027: Planning the summer."
    assert "did not take place" in main_text(site, "meetings/2026-10-01-autumn/index.html")
    listed = main_text(site, "meetings/index.html")
    assert "Coming up Cancelled: Planning the summer: 10 June 2027, 4pm to 5pm Summer, again: 8 July 2027" in listed
    assert "Autumn plans" not in listed
    home = main_text(site, "index.html")
    assert ("Our next meeting Summer, again: 8 July 2027, 4pm to 5pm, Library (step-free). Add this meeting to your "
            "calendar Cancelled: Planning the summer, on 10 June 2027, will not take place.") in home
    assert "8 July 2027" in main_text(site, "meetings/next/poster/index.html")
    events = {str(e["URL"]).rsplit("/", 2)[1]: e for e in
              icalendar.Calendar.from_ical((site / "meetings.ics").read_bytes()).walk("VEVENT")}
    assert {name: str(e["STATUS"]) for name, e in events.items()} == {
        "2026-10-01-autumn": "CANCELLED", "2027-06-10-summer": "CANCELLED", "2027-07-08-summer": "CONFIRMED"}
    assert str(events["2027-06-10-summer"]["SUMMARY"]) == "Cancelled: Test Group: Planning the summer"
    assert str(events["2027-06-10-summer"]["DESCRIPTION"]).startswith(
        "Cancelled. The library is closed. We meet on 8 July instead.\nIn person and online")
    document = json.loads((site / "data/meetings.json").read_text())
    assert {row["id"]: row["minutes"] for row in document["meetings"]}["2027-06-10-summer"] == "cancelled"
    schema = json.loads((site / "data/meetings.schema.json").read_text())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document)) == []


def test_a_moved_meeting_says_when_it_was_first_set_for(tmp_path: Path) -> None:
    """Renamed from 10 June to 17 June (old_ids), the page a poster's QR code led to showed 17 June
    with nothing said: someone with the old day in their diary was not told it moved."""
    import icalendar

    planned = "content/meetings/2027-06-10-summer.md"
    moved = FILES[planned].replace("2027-06-10", "2027-06-17").replace(
        "title: Planning the summer", "title: Planning the summer\nold_ids: [2027-06-10-summer]")
    root = write_files(tmp_path, {**{k: v for k, v in FILES.items() if k != planned},
                                  "content/meetings/2027-06-17-summer.md": moved})
    assert mkdocs_build(root, "--strict").returncode == 0
    text = main_text(root / "site", "meetings/2027-06-17-summer/index.html")
    assert "Moved: this meeting was set for 10 June 2027. It is now on 17 June 2027." in text
    event = icalendar.Calendar.from_ical((root / "site/meetings.ics").read_bytes()).walk("VEVENT")[0]
    assert "Moved: it was set for 10 June 2027." in str(event["DESCRIPTION"])


def test_draft_meetings_appear_nowhere(built_group: Path) -> None:
    leaks = [str(p) for p in site_files(built_group)
             if p.suffix != ".gz" and "SECRET-DRAFT-MARKER" in p.read_text(encoding="utf-8", errors="ignore")]
    assert leaks == []
    assert not (built_group / "meetings" / "2025-03-14-draft").exists()
    assert all("2025-03-14-draft" not in p.read_text(errors="ignore") for p in site_files(built_group)
               if p.suffix in {".html", ".json", ".xml"})


def test_a_decision_listed_by_draft_minutes_waits_for_them_though_it_does_not_say_where_it_was_made(
        tmp_path: Path) -> None:
    draft = "content/meetings/2025-03-14-draft.md"
    listed = FILES[draft].replace("chairs: [p01]", "chairs: [p01]\ndecisions: [D-003]")
    decision = FILES["content/decisions/D-001-own-words.md"].replace(
        "made_at: 2025-01-10-first-meeting\n", "").replace("title: Use our own words in leaflets",
                                                           "title: SECRET-DRAFT-DECISION").replace("2025-01-10", "2025-03-14")
    root = write_files(tmp_path, {**FILES, draft: listed, "content/decisions/D-003-secret.md": decision})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "lists D-003, which does not say where it was made" in result.stderr
    site = root / "site"
    assert not (site / "decisions" / "D-003").exists()
    assert [p for p in site_files(site) if p.suffix != ".gz" and "SECRET-DRAFT-DECISION" in p.read_text(errors="ignore")] == []


def test_a_link_to_a_draft_meeting_shows_its_words_and_gives_nothing_away(tmp_path: Path) -> None:
    """CONTENT-MODEL: records that point to a draft meeting say "minutes not yet agreed" without a
    link; a link typed in the text, in a page, a feed or the open data, gives away its date and name."""
    first = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. See [the March notes](2025-03-14-draft.md).")
    decision = FILES["content/decisions/D-001-own-words.md"] + (
        "\nAs [planned](../meetings/2025-03-14-draft.md#plan), [noted](../../meetings/2025-03-14-draft/) and "
        "[written](https://example.org/test/meetings/2025-03-14-draft/); [what we decided then](D-003-secret.md) "
        "and [why](../D-003/).\n\nAlso [in March][march], [March], <https://example.org/test/meetings/2025-03-14-draft/>, "
        "<a href=\"../../meetings/2025-03-14-draft/\">the plan</a> and [the first][first].\n\n"
        "[march]: ../meetings/2025-03-14-draft.md\n[first]: ../meetings/2025-01-10-first-meeting.md \"Our first\"\n")
    secret = FILES["content/decisions/D-002-budget.md"].replace("2025-02-14-leaflets", "2025-03-14-draft").replace(
        "2025-02-14", "2025-03-14")
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-01-10-first-meeting.md": first,
                                  "content/decisions/D-001-own-words.md": decision,
                                  "content/decisions/D-003-secret.md": secret,
                                  "content/visit.md": "# Visit\n\nRead [our next steps](meetings/2025-03-14-draft.md).\n"})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert [p.relative_to(site).as_posix() for p in site_files(site) if p.suffix in {".html", ".json", ".xml"}
            and "2025-03-14-draft" in p.read_text(errors="ignore")] == []
    assert "See the March notes (minutes not yet agreed)." in main_text(site, "meetings/2025-01-10-first-meeting/index.html")
    assert ("As planned (minutes not yet agreed), noted (minutes not yet agreed) and written (minutes not yet "
            "agreed); what we decided then (not published yet) and why (not published yet).") in main_text(
        site, "decisions/D-001/index.html")
    assert ("Also in March (minutes not yet agreed), March (minutes not yet agreed), a page of this site (minutes "
            "not yet agreed), the plan (minutes not yet agreed) and the first.") in main_text(site, "decisions/D-001/index.html")
    first_link = page(site, "decisions/D-001/index.html").find("a", string="the first")
    assert first_link is not None and first_link["href"] == "../../meetings/2025-01-10-first-meeting/"
    assert [p for p in site_files(site) if p.suffix in {".html", ".json", ".xml"} and "D-003" in p.read_text()] == []
    assert "Read our next steps (minutes not yet agreed)." in main_text(site, "visit/index.html")
    assert "See the March notes (minutes not yet agreed)." in (site / "feeds/meetings.atom.xml").read_text()


def test_a_picture_only_draft_minutes_show_waits_for_them(tmp_path: Path) -> None:
    """The photo of a flipchart in draft minutes went live before the minutes it belongs with,
    however its address was typed; a picture a published page also shows is published."""
    draft = "content/meetings/2025-03-14-draft.md"
    shown = FILES[draft] + (
        "\n![Our flipchart](../photos/flipchart.png)\n\n<img src=\"../photos/shared.png\" alt=\"A map\">\n"
        "\n![The wall][wall] ![Sticky notes](../photos/sticky%20notes.png) ![Room](/test/photos/room.png)"
        " ![Chairs](https://example.org/test/photos/chairs.png) ![Our 2025 plan](../photos/2025/plan.png)\n"
        "\n[wall]: ../photos/wall.png\n")
    visit = "# Visit\n\n![A map](photos/shared.png) ![Our 2024 plan](photos/2024/plan.png)\n"
    root = write_files(tmp_path, {**FILES, draft: shown, "content/visit.md": visit})
    for name in ("flipchart.png", "shared.png", "unused.png", "wall.png", "sticky notes.png", "room.png",
                 "chairs.png", "2024/plan.png", "2025/plan.png"):
        (root / "content/photos" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "content/photos" / name).write_bytes(PNG)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(root / "site/photos").as_posix() for p in (root / "site/photos").rglob("*.png")) == [
        "2024/plan.png", "shared.png", "unused.png"]


def test_links_to_other_records_by_their_file_reach_their_pages_in_pages_feeds_and_data(tmp_path: Path) -> None:
    """A writer links to a record's file, as MkDocs' documentation says: the record's page is
    where it goes, on the site; a feed reader or an app has no page to start from, so there it
    is the full address."""
    first = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. See [D-001](../decisions/D-001-own-words.md), "
        "[our charter](../charter.md#payments) and [the next meeting](2025-02-14-leaflets.md).")
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-01-10-first-meeting.md": first,
                                  "content/visit.md": "# Visit\n\nRead [why](decisions/D-001-own-words.md).\n"})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    links = {a.get_text(): a["href"] for a in page(site, "meetings/2025-01-10-first-meeting/index.html").select("article a")}
    assert (links["D-001"], links["our charter"], links["the next meeting"]) == (
        "../../decisions/D-001/", "../../charter/#payments", "../2025-02-14-leaflets/")
    assert page(site, "visit/index.html").select_one("article a[href*=decisions]")["href"] == "../decisions/D-001/"
    feed = (site / "feeds/meetings.atom.xml").read_text()
    for address in ("https://example.org/test/decisions/D-001/", "https://example.org/test/charter/#payments",
                    "https://example.org/test/meetings/2025-02-14-leaflets/"):
        assert f'href="{address}"' in feed.replace("&quot;", '"'), address
    summary = next(m["summary"] for m in json.loads((site / "data/meetings.json").read_text())["meetings"]
                   if m["id"] == "2025-01-10-first-meeting")
    assert "[D-001](https://example.org/test/decisions/D-001/)" in summary


def test_person_ids_never_appear_in_the_site(built_group: Path) -> None:
    pattern = re.compile(r"\bp0[1-5]\b")
    found = [str(p) for p in site_files(built_group) if p.suffix in {".html", ".json", ".xml", ".txt"}
             and pattern.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert found == []


def test_raw_records_are_never_copied_into_the_site(built_group: Path) -> None:
    shipped = sorted(p.name for p in site_files(built_group) if p.suffix in {".yml", ".yaml", ".md"})
    assert shipped == []


def test_the_decision_log_says_what_happened_next(built_group: Path) -> None:
    rows = [main_text_of(tr) for tr in page(built_group, "decisions/index.html").select("tbody tr")]
    assert rows == [
        ("D-002: Ask for a bigger budget 14 February 2025 agreed Referred to the hospital board "
        "(awaiting reply) Still to happen"),
        "D-001: Use our own words in leaflets 10 January 2025 agreed Ours to decide Changed",
    ]
    text = main_text(built_group, "decisions/D-002/index.html")
    assert "Referred to the hospital board" in text
    assert "Their reply Still waiting for a reply" in text


def test_actions_are_grouped_by_status(built_group: Path) -> None:
    """(An overdue action: test_impact_pages.)"""
    text = main_text(built_group, "actions/index.html")
    assert "Still to do (1)" in text and "Done (1)" in text and "Dropped (0)" in text
    assert "ACT-002 Ask the board about the budget a co-chair 1 March 2027 Open Leaflets" in text
    soup = page(built_group, "actions/index.html")
    assert soup.find(id="ACT-001") is not None


def test_who_we_are_names_only_by_consent_and_counts_the_rest(built_group: Path) -> None:
    text = main_text(built_group, "people/index.html")
    assert "Amina K." in text and "F. H." in text and "Sky" in text
    assert "Members shown by role Some members prefer not to be named. They are: 1 co-chair 1 member" in text
    assert "Members get a £20 voucher for each meeting." in text
    assert "We can change the leaflets. We cannot change the budget." in text


def test_record_pages_stay_out_of_the_sidebar(built_group: Path) -> None:
    nav = page(built_group, "meetings/index.html").select_one("nav.md-nav--primary")
    assert nav is not None
    labels = [" ".join(a.get_text().split()) for a in nav.select("a.md-nav__link")]
    assert labels == ["Home", "Our charter", "Meetings", "Decisions", "Actions", "Reports", "Who we are", "Glossary"] \
        or set(labels) >= {"Home", "Meetings", "Decisions"}
    assert not any("first-meeting" in (a.get("href") or "") for a in nav.select("a"))


def test_record_fields_are_escaped(tmp_path: Path) -> None:
    hostile = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "title: Our first meeting", "title: \"<script>alert(1)</script> & <b>bold</b>\"")
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-01-10-first-meeting.md": hostile})
    assert mkdocs_build(root, "--strict").returncode == 0
    html = (root / "site/meetings/2025-01-10-first-meeting/index.html").read_text()
    assert "<script>alert(1)</script>" not in html.split("</title>", 1)[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_a_first_line_that_looks_like_a_setting_is_shown_as_written(tmp_path: Path) -> None:
    """MkDocs read opening 'Word: ...' lines as the page's settings: 'Note: ...' vanished from a
    record's page and from a page of the group's own, and 'Template: ...' stopped the build.
    A blank line before a page's opening '---' had its fields published as text."""
    meeting, decision = "content/meetings/2025-01-10-first-meeting.md", "content/decisions/D-001-own-words.md"
    files = {**FILES,
             meeting: FILES[meeting].replace("We met for the first time.", "Note: this meeting ran late.\n\nWe met"),
             decision: FILES[decision].replace("\n---\n", "\n---\nTemplate: we used the welcome pack template.\n\n", 1),
             "content/news.md": "News: our next meeting is on 10 December.\n\nMore news.\n",
             "content/about.md": "\n---\ntitle: About the group\n---\n# About the group\n\nWho we are.\n"}
    root = write_files(tmp_path, files)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert main_text(root / "site", "meetings/2025-01-10-first-meeting/index.html").count(
        "Note: this meeting ran late.") == 1
    assert "Template: we used the welcome pack template." in main_text(root / "site", "decisions/D-001/index.html")
    assert "News: our next meeting is on 10 December." in main_text(root / "site", "news/index.html")
    about = page(root / "site", "about/index.html")
    assert about.title is not None and about.title.get_text().startswith("About the group")
    assert "title:" not in main_text(root / "site", "about/index.html")


def test_a_group_name_with_quotes_ampersands_and_brackets_is_shown_as_written(tmp_path: Path) -> None:
    """mkdocs.yml's site_name is printed by Material unescaped in places (the logo's label, the
    window title): a quoted name must not break the label, nor brackets open a tag."""
    name = 'Carers & "Young Voices" <Group> &amp;'
    config = FILES["mkdocs.yml"].replace("site_name: Test Group", f"site_name: '{name}'")
    root = write_files(tmp_path, {**FILES, "mkdocs.yml": config})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    for address in ["index.html", "meetings/2025-01-10-first-meeting/index.html", "404.html"]:
        soup = page(root / "site", address)
        assert soup.find("group") is None, address
        assert {logo["aria-label"] for logo in soup.select(".md-logo")} == {name}, address
        assert {logo["title"] for logo in soup.select(".md-logo")} == {name}, address
        assert soup.title.get_text().endswith(f" - {name}"), address
        assert soup.select_one(".md-header__topic .md-ellipsis").get_text().strip() == name, address
        assert soup.select_one('meta[property="og:site_name"]')["content"] == name, address
        feeds = [link["title"] for link in soup.select('link[rel~="feed"]')]
        assert feeds and all(title.startswith(f"{name}: ") for title in feeds), address
    assert page(root / "site", "404.html").select_one("article").get_text(" ").split()[-6:] == name.split()


def test_errors_stop_the_build_after_listing_all_of_them(tmp_path: Path) -> None:
    root = write_files(tmp_path, {
        **FILES,
        "content/meetings/2025-01-10-first-meeting.md": FILES["content/meetings/2025-01-10-first-meeting.md"]
        .replace("chairs: [p01, p05]", "chairs: [p01, p99]"),
        "content/decisions/D-001-own-words.md": FILES["content/decisions/D-001-own-words.md"]
        .replace("power: within-remit", "power: ours"),
    })
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "'p99' is not anyone in people.yml" in result.stderr
    assert "'power' should be one of 'within-remit', 'recommendation' or 'referred', not 'ours'." in result.stderr
    assert "'D-001' is not a decision" not in result.stderr  # its file is there: its problem is said once
    assert "The site was not built: 2 errors. Fix the problems listed above, then build again." in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_fail_a_strict_build_only(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, "content/project.yml": FILES["content/project.yml"] + "colour: blue\n"})
    assert mkdocs_build(root).returncode == 0
    strict = mkdocs_build(root, "--strict")
    assert strict.returncode != 0
    assert "'colour' is not a field we know, so it is ignored." in strict.stderr


def test_a_site_can_override_a_template_from_its_theme_folder(tmp_path: Path) -> None:
    root = write_files(tmp_path, {
        **FILES,
        "mkdocs.yml": FILES["mkdocs.yml"].replace("  font: false\n", "  font: false\n  custom_dir: theme\n"),
        "theme/coprod/glossary.html": "<h1>Our words</h1><p>{{ site.group.glossary['PPI'] }}</p>",
    })
    assert mkdocs_build(root, "--strict").returncode == 0
    assert "Our words" in main_text(root / "site", "glossary/index.html")


def test_a_broken_template_in_the_theme_folder_names_the_page_and_the_error(tmp_path: Path) -> None:
    """Pages are finished in a second process on two cores: its errors name the page as in one."""
    root = write_files(tmp_path, {
        **FILES,
        "mkdocs.yml": FILES["mkdocs.yml"].replace("  font: false\n", "  font: false\n  custom_dir: theme\n"),
        "theme/coprod/decision.html": "<p>{{ record.no_such_field }}</p>",
    })
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert re.search(r"Error reading page 'decisions/D-00[12].md': UndefinedError: .*no_such_field",
                     result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_search_results_keep_each_label_apart_from_its_value(built_group: Path) -> None:
    """A search result showed "Decided10 January 2025" and "Statusagreed": the templates' terms,
    cells and items ran into each other in the search index."""
    docs = json.loads((built_group / "search" / "search_index.json").read_text())["docs"]
    decision = next(doc["text"] for doc in docs if doc["location"] == "decisions/D-001/")
    assert "Decided 10 January 2025" in decision and "Status agreed" in decision
    glued = re.compile(r"\b(?:Decided|Status|Where|When|How we decided|Whose decision)(?=[0-9A-Za-z])")
    assert [doc["location"] for doc in docs if glued.search(doc["text"])] == []


def test_the_menu_tells_a_screen_reader_which_page_this_is(built_group: Path) -> None:
    """Material marks the current page's link by its look only."""
    for address, title in [("index.html", "Home"), ("meetings/index.html", "Meetings"), ("charter/index.html", "Our charter")]:
        current = page(built_group, address).select('.md-nav--primary a[aria-current="page"]')
        assert [a.get_text(" ", strip=True) for a in current] == [title], address


def test_the_accessibility_statement_claims_full_compliance_only_once_a_person_has_tested(tmp_path: Path) -> None:
    """Automatic checks cannot find every problem: 'fully compliant' waits for a test by hand."""
    untested = main_text(_built(tmp_path / "untested", FILES), "accessibility/index.html")
    assert "fully compliant" not in untested.replace("do not yet say that it is fully compliant", "")
    assert "a person has not yet tested this website by hand, so we do not yet say that it is fully compliant" in untested
    project = FILES["content/project.yml"] + "accessibility:\n  tested_on: 2026-11-02\n"
    tested = main_text(_built(tmp_path / "tested", {**FILES, "content/project.yml": project}), "accessibility/index.html")
    assert "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard." in tested


def _built(root: Path, files: dict[str, str | None]) -> Path:
    write_files(root, files)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize(("address", "trail"), [
    ("meetings/2025-02-14-leaflets/index.html", [("Home", "../../"), ("Meetings", "../")]),
    ("decisions/D-001/index.html", [("Home", "../../"), ("Decisions", "../")]),
    ("amendments/AM-01/index.html", [("Home", "../../"), ("Our charter", "../../charter/"),
                                     ("How it has changed", "../../charter/history/")]),
    ("reports/impact-2025/index.html", [("Home", "../../"), ("Reports", "../")]),
])
def test_a_records_page_leads_back_to_its_list(built_group: Path, address: str, trail: list[tuple[str, str]]) -> None:
    """For whoever came by a link, a feed or a QR code: on a phone the menu is behind a button
    and marks no page as this one."""
    crumbs = page(built_group, address).select_one('article nav[aria-label="Where this page is"]')
    assert crumbs is not None and crumbs.find_next_sibling("h1") is not None
    assert [(a.get_text(), a["href"]) for a in crumbs.select("a")] == trail


def test_a_decision_whose_review_date_has_passed_says_the_review_is_overdue(tmp_path: Path) -> None:
    """'review_on' is when the group said it would look at a decision again: once that day has
    passed, the page does not go on saying it will, and the check reminds the group."""
    d1, d2 = "content/decisions/D-001-own-words.md", "content/decisions/D-002-budget.md"
    root = write_files(tmp_path, {**FILES, d1: FILES[d1].replace("outcome: changed", "outcome: changed\nreview_on: 2026-06-01"),
                                  d2: FILES[d2].replace("outcome: pending", "outcome: pending\nreview_on: 2027-06-01")})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert ("reminder: content/decisions/D-001-own-words.md, line 9: the group said it would look at D-001 again "
            "by 1 June 2026, and that day has passed. Talk about it at a meeting, then put the next date to look "
            "again in 'review_on', or take 'review_on' out.") in result.stderr
    assert "We will look at it again 1 June 2026 (review overdue)" in main_text(root / "site", "decisions/D-001/index.html")
    assert "We will look at it again 1 June 2027 Why" in main_text(root / "site", "decisions/D-002/index.html")


def outline(site: Path, address: str) -> list[str]:
    """The page's headings as a screen reader lists them: 'h2 Summary'."""
    soup = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [f"{h.name} {h.get_text(' ', strip=True)}" for h in soup.select("article :is(h1, h2, h3, h4, h5, h6)")]


def test_headings_in_a_records_text_sit_under_the_section_that_holds_it(tmp_path: Path) -> None:
    """Minutes written with '# Our meeting' made a second h1 inside the summary, and '## Actions'
    a section beside it: a screen reader's list of headings lost the page's shape. They step down
    a level at a time: '######' after '##' is the next level down, not three below it."""
    meeting, decision = "content/meetings/2025-02-14-leaflets.md", "content/decisions/D-001-own-words.md"
    root = write_files(tmp_path, {
        **FILES,
        meeting: FILES[meeting] + "\n# Our meeting\n\nWe met.\n\n## Actions\n\nSome.\n\n###### Small print\n\nNone.\n",
        decision: FILES[decision] + "\n### Options\n\nTwo.\n\n#### The first\n\nThis one.\n"})
    assert mkdocs_build(root).returncode == 0
    site = root / "site"
    headings = outline(site, "meetings/2025-02-14-leaflets")
    assert headings[:5] == ["h1 Leaflets", "h2 Summary", "h3 Our meeting", "h4 Actions", "h5 Small print"]
    assert [h for h in outline(site, "decisions/D-001") if h.endswith(("Options", "The first"))] == [
        "h3 Options", "h4 The first"]


def test_who_we_are_says_from_when_to_when_someone_was_with_us(tmp_path: Path) -> None:
    """'Since 10 January 2025 until 31 October 2025' read as a mistake."""
    people = FILES["content/people.yml"].replace("    pseudonym: Sky\n    consent_recorded_on: 2025-01-10\n",
                                                 "    pseudonym: Sky\n    consent_recorded_on: 2025-01-10\n"
                                                 "    joined_on: 2025-01-10\n    left_on: 2025-10-31\n")
    root = write_files(tmp_path, {**FILES, "content/people.yml": people})
    assert mkdocs_build(root).returncode == 0
    rows = {row.th.get_text(strip=True): row.select_one('td[data-label="With us"]').get_text(strip=True)
            for row in page(root / "site", "people/index.html").select("tbody tr")}
    assert rows["Sky"] == "From 10 January 2025 to 31 October 2025"
    assert rows["Amina K."] == "Since 10 January 2025"
