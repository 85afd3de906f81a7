"""What a facilitator writes that the site does not show is said, at the line, never dropped
without a word; the words `coprod new` starts a record with are not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from groups import FILES, write_files

from coprod_site.checks import not_shown, run_checks
from coprod_site.loading import load_group
from coprod_site.records import Group
from coprod_site.scaffold import new_meeting
from coprod_site.settings import Settings

SETTINGS = Settings(today=dt.date(2026, 11, 21))
PLANNED = "content/meetings/2027-06-10-summer.md"


def not_shown_messages(root: Path) -> list[str]:
    group, problems = load_group(root)
    assert problems == [], problems
    return [str(p) for p in run_checks(group, SETTINGS, (*not_shown.CHECKS, *not_shown.GROUP_CHECKS))]


def test_the_fixture_group_has_nothing_left_unshown(group_dir: Path) -> None:
    assert not_shown_messages(group_dir) == []


def test_text_below_a_planned_meeting_is_said_not_to_be_published(tmp_path: Path) -> None:
    """Its page shows when and where, and the agenda: 'Bring your ideas' went nowhere, unsaid."""
    planned = FILES[PLANNED] + "\nPlease bring your ideas for the summer.\n"
    assert not_shown_messages(write_files(tmp_path, {**FILES, PLANNED: planned})) == [
        (f"warning: {PLANNED}, line 14: has text below its fields, but the page of a planned meeting shows only "
        "when and where it is, the support offered and the agenda, so this text is not published. To tell "
        "people something before the meeting, put it in the agenda. If it is the summary of the meeting, set "
        "the minutes status to draft once it has happened.")]


def test_the_text_coprod_new_writes_for_a_meeting_is_not_said_to_be_left_out(tmp_path: Path) -> None:
    """`coprod new` writes a line to replace below every new meeting, planned or not."""
    started = new_meeting(Group(), tmp_path / "content", "Summer", dt.date(2027, 6, 10), SETTINGS.today)
    assert "status: planned" in started.text
    cancelled = started.text.replace("status: planned", "status: cancelled")
    files = {**FILES, PLANNED: started.text, "content/meetings/2027-06-17-summer.md": cancelled}
    assert not_shown_messages(write_files(tmp_path, files)) == []


def test_a_planned_meeting_whose_day_has_passed_is_told_by_its_reminder_alone(tmp_path: Path) -> None:
    """Its summary is owed: the reminder says to write it up and set the status to draft."""
    past = "content/meetings/2026-11-01-summer.md"
    text = FILES[PLANNED].replace("date: 2027-06-10", "date: 2026-11-01") + "\nWe planned the summer.\n"
    files = {**FILES, PLANNED: None, past: text}
    assert not_shown_messages(write_files(tmp_path, files)) == []


def test_a_cancelled_meetings_summary_actions_and_decisions_are_said_not_to_be_published(tmp_path: Path) -> None:
    cancelled = "content/meetings/2026-10-01-cancelled.md"
    files = {**FILES, cancelled: """\
        ---
        title: Autumn plans
        date: 2026-10-01
        minutes:
          status: cancelled
        actions:
          - id: ACT-009
            what: Book the hall
        decisions: [D-003]
        ---
        We chose the autumn trip.
        """, "content/decisions/D-003-trip.md": FILES["content/decisions/D-002-budget.md"]
             .replace("made_at: 2025-02-14-leaflets", "made_at:"),
             "content/decisions/D-004-hall.md": FILES["content/decisions/D-002-budget.md"]
             .replace("made_at: 2025-02-14-leaflets", "made_at: 2026-10-01-cancelled")
             .replace("date: 2025-02-14", "date: 2026-10-01")}
    messages = not_shown_messages(write_files(tmp_path, files))
    assert messages == [
        ("warning: content/decisions/D-004-hall.md, line 4: 'made_at' names 2026-10-01-cancelled, which was "
        "cancelled, so this decision is not published: a decision waits for the minutes of the meeting it "
        "was made at. Name the meeting it was made at, or leave 'made_at' empty if it was made elsewhere."),
        (f"warning: {cancelled}, line 6: the meeting was cancelled, so its actions are not published. If "
        "they were agreed at another meeting, move them into that meeting's file."),
        (f"warning: {cancelled}, line 9: lists D-003, but the meeting was cancelled, so that decision is not "
        "published: a decision waits for the minutes of the meeting it was made at. If it was made at "
        "another meeting, list it there."),
        (f"warning: {cancelled}, line 11: the meeting was cancelled, so the text below its fields is not "
        "published: its page says only that it is off, and its 'cancelled_note'. Put what people need to "
        "know in 'cancelled_note:'. If the meeting did take place, set the minutes status to draft.")]


def test_a_file_in_the_content_folder_that_is_not_a_page_or_a_picture_is_said_not_to_be_published(
        tmp_path: Path) -> None:
    """The site publishes pages and pictures: a PDF, a Word file or notes beside them were left out unseen."""
    root = write_files(tmp_path, {**FILES, "content/assets/leaflet.pdf": "%PDF-1.4", "content/notes.txt": "x",
                                  "content/About us.MD": "# About us", "content/assets/map.png": "",
                                  "content/assets/.gitkeep": ""})
    assert not_shown_messages(root) == [
        ("warning: content/About us.MD: is not published: only files ending in .md are pages. If it is one, "
        "save it as About us.md."),
        ("warning: content/assets/leaflet.pdf: is not published: the site shows only pages (.md) and pictures "
        "from the content folder. To share it, put it where the group shares files, like a shared drive or "
        "the organisation's website, and link to it there. If it is kept here on purpose, move it out of the "
        "content folder."),
        ("warning: content/notes.txt: is not published: the site shows only pages (.md) and pictures from the "
        "content folder. To share it, put it where the group shares files, like a shared drive or the "
        "organisation's website, and link to it there. If it is kept here on purpose, move it out of the "
        "content folder.")]


def test_a_link_to_a_file_the_site_does_not_publish_is_said_where_the_link_is(tmp_path: Path) -> None:
    """The link would lead nowhere on the site: said at the link, not again at the file."""
    page = "---\ntitle: Leaflets\n---\nRead [our leaflet](assets/leaflet.pdf) or [the notes](notes.txt#top).\n"
    root = write_files(tmp_path, {**FILES, "content/assets/leaflet.pdf": "%PDF-1.4", "content/notes.txt": "x",
                                  "content/leaflets.md": page})
    said = ("a file the site does not publish (it shows only pages and pictures), so the link would lead nowhere. "
            "To share it, put it where the group shares files, like a shared drive or the organisation's website, "
            "and link to its web address; or write what it says on a page.")
    assert not_shown_messages(root) == [
        f"warning: content/leaflets.md, line 4: links to 'assets/leaflet.pdf', {said}",
        f"warning: content/leaflets.md, line 4: links to 'notes.txt#top', {said}"]


def test_a_long_address_of_a_file_the_site_does_not_publish_is_cut_short_as_other_links_are(tmp_path: Path) -> None:
    name = f"assets/{'minutes-of-the-annual-general-meeting-' * 3}2025.pdf"
    root = write_files(tmp_path, {**FILES, f"content/{name}": "%PDF-1.4",
                                  "content/leaflets.md": f"---\ntitle: Leaflets\n---\nRead [the minutes]({name}).\n"})
    assert not_shown_messages(root)[0].startswith(f"warning: content/leaflets.md, line 4: links to '{name[:59]}\u2026', ")


def test_a_hidden_note_never_closed_is_said_to_hide_the_text_after_it(tmp_path: Path) -> None:
    """'<!--' with no '-->' hides the rest of the page, which the writer meant to show; notes that
    are closed, one in code, and one on the last line hide nothing they should not."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = ("<!-- a closed note -->\nWe met.\n\n`<!--` in code.\n\n<!-- check this with the team\n\n"
            "We agreed the next steps.\nThe leaflets go out in May.\n")
    files = {**FILES, meeting: FILES[meeting] + text, "content/visit.md": "# Visit us\n\nRoom 2.\n<!-- to do"}
    start = FILES[meeting].count("\n") + 1
    assert not_shown_messages(write_files(tmp_path, files)) == [
        (f"warning: {meeting}, line {start + 5}: opens a hidden note with '<!--' that is never closed, so the text "
         "after it (2 lines) is left off the page. Put '-->' where the note ends.")]


def test_the_site_hides_what_an_unclosed_note_is_followed_by(tmp_path: Path) -> None:
    """Why the warning matters: the page leaves the words after '<!--' out."""
    from conftest import mkdocs_build

    meeting = "content/meetings/2025-02-14-leaflets.md"
    root = write_files(tmp_path, {**FILES, meeting: FILES[meeting] + "<!-- a note\n\nWe agreed the next steps.\n"})
    assert mkdocs_build(root).returncode == 0
    assert "We agreed the next steps" not in (root / "site/meetings/2025-02-14-leaflets/index.html").read_text(
        encoding="utf-8")
