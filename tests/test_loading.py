"""Reading records: every problem found in one run, each with file, line and a fix."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from groups import FILES, write_files

from coprod_site.checks import check_folder
from coprod_site.loading import load_group
from coprod_site.problems import Problem
from coprod_site.records import Meeting
from coprod_site.sources import (
    MAX_DEPTH,
    SourceError,
    _nesting_estimate,
    _too_deep,
    parse_yaml,
    shown_path,
)


def messages(root: Path) -> list[str]:
    _, problems = load_group(root)
    return [str(p) for p in problems]


def test_the_fixture_group_loads_without_problems(group_dir: Path) -> None:
    group, problems = load_group(group_dir)
    assert problems == []
    assert sorted(group.meetings) == ["2025-01-10-first-meeting", "2025-02-14-leaflets",
                                      "2025-03-14-draft", "2027-06-10-summer"]
    assert sorted(group.decisions) == ["D-001", "D-002"]
    assert list(group.amendments) == ["AM-01"]
    assert [c.id for c in group.charter.clauses] == ["purpose", "remit", "payments"]


def test_every_problem_in_a_file_is_reported_at_its_line(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "content/project.yml": FILES["content/project.yml"]
        .replace("status: active", "status: activ")
        .replace("started_on: 2025-01-10", "started_on: 2025-02-30")
        .replace("  email: team@example.org", "  emial: team@example.org")
        .replace("site_url: https://example.org/test/", "site_url: example.org/test"),
    })
    assert messages(tmp_path) == [
        "content/project.yml, line 4: 'status' should be one of 'forming', 'active' or 'closed', not 'activ'. Did you mean 'active'?",
        "content/project.yml, line 5: 'started_on' is not a real date (2025-02-30). Check the day and the month.",
        "warning: content/project.yml, line 8: 'emial' is not a field we know, so it is ignored. Did you mean 'email'?",
        ("content/project.yml, line 9: 'site_url' should be the full web address where the site lives, like "
         "https://example.org/our-group/."),
    ]


def test_a_field_named_the_way_people_say_it_is_told_the_name_records_use(tmp_path: Path) -> None:
    """An action's 'who' and a meeting's 'location' are not near 'owner' and 'venue' in spelling,
    so 'Check the spelling' was all a facilitator was told."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    write_files(tmp_path, {**FILES, meeting: FILES[meeting].replace("    owner: p02\n", "    who: p02\n").replace(
        "title: ", "location: Room 4\ntitle: ", 1)})
    assert [m for m in messages(tmp_path) if "not a field we know" in m] == [
        f"warning: {meeting}, line 2: 'location' is not a field we know, so it is ignored. Did you mean 'venue'?",
        f"warning: {meeting}, line 29: 'who' is not a field we know, so it is ignored. Did you mean 'owner'?"]


def test_a_missing_required_field_says_what_to_add(tmp_path: Path) -> None:
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"].replace(
        "organisation: Test Trust\n", "")})
    assert messages(tmp_path) == [
        "content/project.yml, line 1: 'organisation' is missing. Add it.",
    ]


def test_a_field_left_blank_takes_its_default_and_a_blank_required_one_is_called_empty(tmp_path: Path) -> None:
    """The content model's own examples leave fields blank ('referred_to:', 'initials:'):
    'show_as:' and 'quotes:' had been errors ("not 'None'") where they have a default."""
    people = FILES["content/people.yml"].replace("    show_as: role\n", "    show_as:\n    quotes:\n    left_on:\n")
    project = FILES["content/project.yml"].replace("language: en-GB", "language:")
    meeting = ("---\ntitle: T\ndate: 2025-03-14\nguests:\nagenda:\ncontent_notes:\nactions:\nminutes:\n"
               "  status: agreed\n  agreed_on:\n---\n")
    decision = "---\ntitle: D\ndate: 2025-03-14\nstatus:\npower: within-remit\nhow:\n---\n"
    unsure = "---\ntitle: T\ndate: 2025-03-15\nminutes:\n  status:\n---\n"
    write_files(tmp_path, {**FILES, "content/people.yml": people, "content/project.yml": project,
                           "content/meetings/2025-03-14-x.md": meeting, "content/decisions/D-009-d.md": decision,
                           "content/meetings/2025-03-15-y.md": unsure})
    group, problems = load_group(tmp_path)
    assert [str(p) for p in problems] == [
        ("content/meetings/2025-03-15-y.md, line 5: 'status' in 'minutes' is empty. Write one of 'planned', "
         "'draft', 'circulated', 'agreed' or 'cancelled'.")]
    assert group.decisions["D-009"].status == "agreed"
    assert (group.people["p04"].show_as, group.people["p04"].quotes) == ("role", False)
    assert group.project is not None and group.project.language == "en-GB"
    blank = group.meetings["2025-03-14-x"]
    assert (blank.guests, blank.agenda, blank.actions, blank.minutes.agreed_on) == (0, [], [], None)


def test_a_contact_is_words_or_a_mailbox_or_both(tmp_path: Path) -> None:
    """CONTENT-MODEL: 'a route that reaches the group'; its 'text' had been required alone."""
    project = FILES["content/project.yml"]
    write_files(tmp_path, {**FILES, "content/project.yml": project.replace("  text: Email the team inbox.\n", "")})
    group, problems = load_group(tmp_path)
    assert problems == [] and group.project is not None
    assert (group.project.contact.text, group.project.contact.words) == ("", "Email team@example.org.")
    write_files(tmp_path, {"content/project.yml": project.replace("  text: Email the team inbox.\n", "").replace(
        "  email: team@example.org\n", "  email:\n")})
    assert messages(tmp_path) == [("content/project.yml, line 6: 'contact' needs 'text' (how to reach the group) or "
                                  "'email' (a shared mailbox), or both.")]


def test_meeting_field_errors_name_the_action_and_line(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "content/project.yml": FILES["content/project.yml"],
        "content/meetings/2025-03-14-x.md": (
            "---\ntitle: T\ndate: 2025-03-14\nstart: 4pm\nminutes:\n  status: agreed\n"
            "actions:\n  - id: ACT-1\n    what: x\n    due: 2025-13-01\n  - what: y\n---\nBody\n"),
    })
    assert messages(tmp_path) == [
        "content/meetings/2025-03-14-x.md, line 4: 'start' should be a 24-hour time like \"16:00\", not '4pm': write \"16:00\".",
        "content/meetings/2025-03-14-x.md, line 10: 'due' in actions item 1 is not a real date (2025-13-01). Check the day and the month.",
        "content/meetings/2025-03-14-x.md, line 11: 'id' in actions item 2 is missing. Add it, for example: id: ACT-021.",
    ]


def test_a_meeting_without_minutes_is_shown_how_to_write_them(tmp_path: Path) -> None:
    """Every meeting says how far its minutes are: the fix names the field under 'minutes' too, and
    the status that publishes nothing until the group agrees."""
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"],
                           "content/meetings/2025-03-14-x.md": "---\ntitle: T\ndate: 2025-03-14\n---\nBody\n"})
    assert messages(tmp_path) == [
        "content/meetings/2025-03-14-x.md, line 2: 'minutes' is missing. Add it, for example: minutes: {status: draft}."]


def test_a_group_of_fields_written_as_one_value_is_told_how_and_the_rest_checked_in_the_same_run(
        tmp_path: Path) -> None:
    """'minutes: agreed' is the minutes' status, 'contact: team@example.org' the contact's email:
    told how to write them, and read so meanwhile, so that the meeting's other problems (a name
    where an id belongs) are told in the same run, not after this one is mended."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    minutes = "minutes:\n  status: agreed\n  circulated_on: 2025-01-14\n  agreed_on: 2025-02-14\n" \
              "  agreed_at: 2025-02-14-leaflets\nfeedback:\n  sent_on: 2025-01-20\n  how: Email\n"
    assert minutes in FILES[meeting]
    written = FILES[meeting].replace(minutes, "minutes: agreed\nfeedback: By email\n").replace(
        "chairs: [p01, p05]", "chairs: [p01, p99]")
    project = re.sub(r"contact:\n(  .*\n)+", "contact: team@example.org\n", FILES["content/project.yml"])
    write_files(tmp_path, {**FILES, meeting: written, "content/project.yml": project})
    group_of_fields = "should be a group of fields, each on its own line, indented under it. Write"
    assert [str(p) for p in check_folder(tmp_path)[2] if p.is_error] == [
        f"{meeting}, line 9: 'p99' is not anyone in people.yml. Check the id, or add the person to people.yml.",
        (f"{meeting}, line 17: 'minutes' {group_of_fields} 'minutes:' on a line of its own, and on the next line, "
         "indented by two spaces, 'status: agreed'."),
        (f"{meeting}, line 18: 'feedback' {group_of_fields} 'feedback:' on a line of its own, and on the next "
         "line, indented by two spaces, 'how: By email'."),
        (f"content/project.yml, line 6: 'contact' {group_of_fields} 'contact:' on a line of its own, and on the "
         "next line, indented by two spaces, 'email: team@example.org'."),
    ]


def meeting_with(tmp_path: Path, fields: str) -> tuple[Meeting, list[Problem]]:
    """The meeting 2025-03-14-x with these fields (and agreed minutes), as loaded, and the problems."""
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"],
                           "content/meetings/2025-03-14-x.md": f"---\ntitle: T\n{fields}minutes:\n  status: agreed\n---\n"})
    group, problems = load_group(tmp_path)
    return group.meetings["2025-03-14-x"], problems


def test_unquoted_times_are_read_as_times_not_numbers(tmp_path: Path) -> None:
    meeting, problems = meeting_with(tmp_path, "date: 2025-03-14\nstart: 16:00\nend: 9:30\n")
    assert (str(meeting.start), str(meeting.end), problems) == ("16:00:00", "09:30:00", [])


def test_dates_and_times_in_curly_quotes_mean_what_they_say(tmp_path: Path) -> None:
    """An editor curls quotes as they are typed: “16:00” had been told to look like "16:00"."""
    meeting, problems = meeting_with(tmp_path, "date: \u20182025-03-14\u2019\nstart: \u201c16:00\u201d\n")
    assert (str(meeting.date), str(meeting.start), problems) == ("2025-03-14", "16:00:00", [])


def test_bad_file_names_say_what_a_good_one_looks_like(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "content/project.yml": FILES["content/project.yml"],
        "content/meetings/March meeting.md": "---\ntitle: x\n---\n",
        "content/decisions/own-voices.md": "---\ntitle: x\n---\n",
        "content/amendments/payments.md": "---\ntitle: x\n---\n",
    })
    assert messages(tmp_path) == [
        "content/amendments/payments.md, line 1: the file name 'payments.md' should start with the amendment id, like AM-03-payments.md.",
        "content/decisions/own-voices.md, line 1: the file name 'own-voices.md' should start with the decision id, like D-007-own-voices.md.",
        "content/meetings/March meeting.md, line 1: the file name 'March meeting.md' should be the meeting's date then a few words, like 2025-03-14-animation-script.md (lower-case letters, numbers and dashes).",
    ]


def test_a_decision_or_amendment_named_another_way_is_told_the_name_to_give_it(tmp_path: Path) -> None:
    """'D017-new.md', 'D-018 New Thing.md', 'am6 winter.md': the id and words are there, written
    another way; the message gives the name, as it does for a meeting's file."""
    write_files(tmp_path, {
        "content/project.yml": FILES["content/project.yml"],
        "content/decisions/D017-new.md": "---\ntitle: x\n---\n",
        "content/decisions/D-018 New Thing.md": "---\ntitle: x\n---\n",
        "content/amendments/am6 winter.md": "---\ntitle: x\n---\n",
    })
    assert [message.rsplit(". ", 1)[-1] for message in messages(tmp_path)] == [
        "Rename it AM-06-winter.md.", "Rename it D-018-new-thing.md.", "Rename it D-017-new.md."]


def test_a_record_named_in_other_words_is_read_or_told_its_new_name(tmp_path: Path) -> None:
    """CONTENT-MODEL: a decision's id is its file name before the second '-': the words after it
    may be any. A meeting's name is its address: it is told the name to give it."""
    decision = "---\ntitle: x\ndate: 2025-03-14\nstatus: agreed\npower: within-remit\n---\n"
    write_files(tmp_path, {**FILES, "content/decisions/D-010-own_voices.md": decision,
                           "content/decisions/D-011-café.md": decision,
                           "content/meetings/2025-06-20-Big_Meeting.md": "---\ntitle: x\n---\n"})
    group, problems = load_group(tmp_path)
    assert {"D-010", "D-011"} <= set(group.decisions)
    assert [str(p) for p in problems] == [
        ("content/meetings/2025-06-20-Big_Meeting.md, line 1: the file name '2025-06-20-Big_Meeting.md' should be the "
         "meeting's date then a few words, like 2025-03-14-animation-script.md (lower-case letters, numbers and "
         "dashes). Rename it 2025-06-20-big-meeting.md.")]


@pytest.mark.parametrize(("name", "fields", "renamed"), [
    ("first-meeting.md", "title: x\ndate: 2026-11-10\n", "2026-11-10-first-meeting.md"),
    ("10-11-2026-first.md", "title: x\ndate: 2026-11-10\n", "2026-11-10-first.md"),
    ("First meeting 10.11.26.md", "title: x\ndate: 2026-11-10\n", "2026-11-10-first-meeting.md"),
    ("10-11-2026.md", "title: Our first meeting\ndate: 2026-11-10\n", "2026-11-10-our-first-meeting.md"),
    ("first-meeting.md", "title: Planning: the summer\ndate: 2026-11-10\n", "2026-11-10-first-meeting.md"),
])
def test_a_meeting_named_without_its_date_is_told_the_name_its_date_gives(
        tmp_path: Path, name: str, fields: str, renamed: str) -> None:
    """A meeting saved as 'first-meeting.md', or with its date in the UK order, is told the exact
    name to give it, from its 'date:' (read around a YAML mistake too)."""
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"],
                           f"content/meetings/{name}": f"---\n{fields}---\n"})
    assert [p.message for p in load_group(tmp_path)[1] if p.path == f"content/meetings/{name}"][-1] == (
        f"the file name '{name}' should be the meeting's date then a few words, like "
        f"2025-03-14-animation-script.md (lower-case letters, numbers and dashes). Rename it {renamed}.")


@pytest.mark.parametrize("fields", ["title: x\n", "title: x\ndate: 2026-02-30\n", "title: x\ndate: 10/11/2026\n"])
def test_a_meeting_named_without_its_date_and_no_date_to_read_is_given_no_name(tmp_path: Path, fields: str) -> None:
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"],
                           "content/meetings/first-meeting.md": f"---\n{fields}---\n"})
    assert messages(tmp_path) == [
        ("content/meetings/first-meeting.md, line 1: the file name 'first-meeting.md' should be the meeting's date then "
         "a few words, like 2025-03-14-animation-script.md (lower-case letters, numbers and dashes).")]


def test_yaml_mistakes_are_problems_with_lines_not_crashes(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "content/project.yml": FILES["content/project.yml"],
        "content/decisions/D-001-a.md": "---\ntitle: Ask: the board\ndate: 2025-01-01\n---\n",
        "content/decisions/D-002-b.md": "---\ntitle: x\ntitle: y\ndate: 2025-01-01\nstatus: agreed\npower: within-remit\n---\n",
        "content/decisions/D-003-c.md": "---\ntitle: x\nbase: &a [1]\nother: *a\n---\n",
        "content/decisions/D-004-d.md": "---\ntitle: never closed\n",
        "content/decisions/D-005-e.md": "",
        "content/decisions/D-006-f.md": '---\ntitle: "Appointment letters\ndate: 2025-01-01\nhow: "vote"\n---\n',
    })
    assert messages(tmp_path) == [
        "content/decisions/D-001-a.md, line 2: this line cannot be read. A value that contains ': ' needs quotes around it.",
        "content/decisions/D-002-b.md, line 3: has 'title' twice. Keep one of them.",
        "content/decisions/D-003-c.md, line 4: uses an alias ('*'). Write the value out in full instead.",  # where the alias is
        "content/decisions/D-004-d.md, line 1: starts with a '---' line but has no '---' line after its fields. Add a line with just '---' after the last field.",
        "content/decisions/D-005-e.md: is empty. Fill it in, or delete it.",
        # YAML reads on to the next quote, two lines down, and fails there: the quote left open is the line to fix
        ('content/decisions/D-006-f.md, line 2: this line cannot be read: its value starts with a quote (") that '
         'is never closed. End the value with " too.'),
    ]


def test_tabs_get_their_own_hint(tmp_path: Path) -> None:
    write_files(tmp_path, {"content/project.yml": "name: x\n\tsummary: y\n"})
    assert messages(tmp_path) == [
        "content/project.yml, line 2: this line cannot be read. Indent with spaces, not tabs.",
    ]


def test_two_files_with_one_decision_id_are_reported(tmp_path: Path) -> None:
    decision = FILES["content/decisions/D-001-own-words.md"].replace("made_at: 2025-01-10-first-meeting\n", "")
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"],
                           "content/decisions/D-001-a.md": decision,
                           "content/decisions/D-001-b.md": decision})
    assert messages(tmp_path) == [
        "content/decisions/D-001-b.md, line 1: uses the id D-001, which content/decisions/D-001-a.md already has. Give one of them the next free number.",
    ]


def test_a_charter_with_a_mistake_in_its_fields_still_has_its_headings_checked(tmp_path: Path) -> None:
    """A clause id used twice is heard in the same run as a wrong version, not after it is fixed."""
    charter = FILES["content/charter.md"].replace("version: 2", "version: two").replace(
        "## Payments and expenses {#payments}", "## Payments and expenses {#remit}")
    write_files(tmp_path, {"content/project.yml": FILES["content/project.yml"], "content/charter.md": charter})
    assert messages(tmp_path) == [
        "content/charter.md, line 3: 'version' should be a whole number, like 3.",
        "content/charter.md, line 16: the clause id 'remit' is used twice. Give each clause its own id.",
    ]


def test_a_missing_content_folder_says_how_to_start(tmp_path: Path) -> None:
    assert messages(tmp_path) == [
        "content: there is no content folder here. Run 'coprod init' to start a new group, or check the path.",
    ]


def _nesting_by_characters(text: str) -> int:
    """The first version of the estimate, a loop over every character: the reference."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    per_line = max(len(re.findall(r"(?:^|\s)(?:-|\?)\s|:\s", line)) for line in text.split("\n"))
    indent = max(len(line) - len(line.lstrip(" ")) for line in text.split("\n"))
    return deepest + per_line + indent // 2


def test_the_nesting_estimate_is_unchanged_by_skipping_to_brackets() -> None:
    texts = [*FILES.values(), "", "a: [[x]] ]]] [{b: {c: d}}]", "- - - ? x: y:\n  -\t- z: [",
             "title: " + "[" * 70, "k:\n" + "  " * 40 + "v: ]{[}" * 3]
    assert [_nesting_estimate(text) for text in texts] == [_nesting_by_characters(text) for text in texts]


def test_too_deep_is_the_estimate_over_the_limit() -> None:
    """Marks counted only on long lines: the same answer, also at the limit, with brackets and
    indents using up some of it and lines just long enough to hold the rest."""
    rng = random.Random(5)
    texts = [*FILES.values(), "", "- - - ? x: y:\n  -\t- z: [", "title: " + "[" * 70, "a: " + ": " * 70]
    for _ in range(3000):
        line = " " * rng.randint(0, 40) + "".join(rng.choice([": ", "- ", " - ", ":\t", "? ", "x", ":"])
                                                   for _ in range(rng.randint(0, 80)))
        texts.append("[" * rng.randint(0, 70) + "{" * rng.randint(0, 2) + "\n" + line + "\nb: c\n")
    expected = [_nesting_estimate(text) > MAX_DEPTH for text in texts]
    assert [_too_deep(text) for text in texts] == expected
    assert 100 < sum(expected) < len(texts) - 100  # both answers, many times


def test_a_files_strings_are_its_texts_without_their_places(group_dir: Path) -> None:
    group, _ = load_group(group_dir)
    records = [group.project, group.charter, *group.meetings.values(), *group.decisions.values(),
               *group.amendments.values(), *group.people.values()]
    sources = [record.source for record in records if record is not None]
    assert sum(len(source.strings()) for source in sources) > 50
    for source in sources:
        assert source.strings() == [text for _, text in source.texts()]


def test_a_records_source_and_id_are_where_it_was_read_from(group_dir: Path) -> None:
    """Read past pydantic's own lookup for speed: the same values, and the same AttributeError
    for a record no file was read into."""
    group, _ = load_group(group_dir)
    meeting = group.meetings["2025-01-10-first-meeting"]
    assert (meeting.id, meeting.source.path) == ("2025-01-10-first-meeting",
                                                 "content/meetings/2025-01-10-first-meeting.md")
    assert meeting.model_copy().source is meeting.source
    unread = Meeting.model_construct()
    assert unread.id == ""
    with pytest.raises(AttributeError, match="'Meeting' object has no attribute '_source'"):
        _ = unread.source
    assert getattr(unread, "source", None) is None


def test_pages_and_images_are_found_everywhere_but_record_folders_and_hidden_ones(tmp_path: Path) -> None:
    files = {"content/project.yml": FILES["content/project.yml"], "content/index.md": "# Home\n",
             "content/b/page.md": "Page.\n", "content/a-b/x.md": "X.\n", "content/a/deep/er.md": "Er.\n",
             "content/_drafts/d.md": "Hidden.\n", "content/.git/e.md": "Hidden.\n",
             "content/assets/map.PNG": "", "content/a/pic.svg": "", "content/meetings/pic.png": "",
             "content/reports/x/y.md": "In a record folder.\n", "content/notes.txt": "Not a page.\n"}
    write_files(tmp_path, files)
    group, _ = load_group(tmp_path)
    assert list(group.pages) == ["a/deep/er.md", "a-b/x.md", "b/page.md", "index.md"]
    assert group.images == ["a/pic.svg", "assets/map.PNG"]
    assert group.unpublished_files == ["notes.txt"]


def test_a_record_saved_with_another_ending_is_reported_not_left_out_unseen(tmp_path: Path) -> None:
    """Also a record Notepad saved with '.txt' after '.md', a folder of records, and a picture,
    which a record folder does not publish."""
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"]
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-03-01-next.txt": meeting,
                                  "content/meetings/2025-03-07-x.MD": meeting,
                                  "content/meetings/2025-03-14-y.md.txt": meeting,
                                  "content/meetings/2026/2026-01-09-z.md": meeting,
                                  "content/meetings/map.png": "not really a picture",
                                  "content/meetings/.DS_Store": "finder"})
    _, problems = load_group(root)
    assert [str(p) for p in problems] == [
        ("warning: content/meetings/2025-03-01-next.txt: is not read: only files ending in .md are records. "
        "If it is one, save it as 2025-03-01-next.md."),
        ("warning: content/meetings/2025-03-07-x.MD: is not read: only files ending in .md are records. "
        "If it is one, save it as 2025-03-07-x.md."),
        ("warning: content/meetings/2025-03-14-y.md.txt: is not read: only files ending in .md are records. "
        "If it is one, save it as 2025-03-14-y.md."),
        ("warning: content/meetings/2026: is a folder inside meetings/, and records in it are not read: move "
         "them into meetings/ itself."),
        ("warning: content/meetings/map.png: is a picture in a folder of records, where pictures are not "
         "published: move it to content/assets/ and show it from there, like ![What it shows](../assets/map.png)."),
    ]


def test_a_spare_copy_beside_a_record_is_not_told_to_take_the_records_name(tmp_path: Path) -> None:
    """'Save it as 2025-01-10-first-meeting.md' had told an editor's backup to replace the meeting itself."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    root = write_files(tmp_path, {**FILES, f"{meeting}~": FILES[meeting], f"{meeting}.bak": FILES[meeting],
                                  "content/meetings/Copy of 2025-01-10-first-meeting.md": FILES[meeting]})
    _, problems = load_group(root)
    spare = ("only files ending in .md are records, and 2025-01-10-first-meeting.md is already there. If this is a "
             "spare copy, delete it; if it is another record, save it under a new name ending in .md.")
    assert [str(p) for p in problems if "first-meeting" in p.path and p.path != meeting] == [
        f"warning: {meeting}.bak: is not read: {spare}",
        f"warning: {meeting}~: is not read: {spare}",
        ("content/meetings/Copy of 2025-01-10-first-meeting.md, line 1: looks like a copy of "
         "2025-01-10-first-meeting.md, so it is not read. If it is a spare copy, delete it. If it is a new record, "
         "the file name 'Copy of 2025-01-10-first-meeting.md' should be the meeting's date then a few words, like "
         "2025-03-14-animation-script.md (lower-case letters, numbers and dashes)."),
    ]


@pytest.mark.parametrize(("name", "field", "folder"), [
    ("2026-11-27-catch-up.md", "minutes", "meetings"), ("meeting/2026-11-27-catch-up.md", "minutes", "meetings"),
    ("D-009-x.md", "made_at", "decisions")])
def test_a_record_saved_outside_its_folder_is_not_published_as_a_page(tmp_path: Path, name: str, field: str,
                                                                       folder: str) -> None:
    """Draft minutes saved in content/ (or meeting/, singular) had gone live as an ordinary page."""
    text = (FILES["content/meetings/2025-01-10-first-meeting.md"].replace("status: agreed", "status: draft")
            if folder == "meetings" else FILES["content/decisions/D-001-own-words.md"])
    root = write_files(tmp_path, {**FILES, f"content/{name}": text})
    _, problems = load_group(root)
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith(f"{field}:"))) + 1
    assert [str(p) for p in problems] == [
        (f"content/{name}, line {line}: has '{field}', as a record in {folder}/ has, but it is not in that folder, so "
        f"the site would publish it as an ordinary page, whatever its status. Move it into content/{folder}/.")]


@pytest.mark.parametrize(("front", "said"), [
    ("title: Leaflets\nminutes:\n  status: agreed\n    agreed_on: 2025-03-14\n",
     ("line 5: this line cannot be read. It is indented more than the line above, which already has its "
     "value: line it up with the line above, or put it under a field that ends with ':'.")),
    ("status:\u00a0agreed\ntitle: Leaflets\n",
     ("line 2: this line cannot be read. It has a special space in it, often pasted from Word or an email: "
     "delete the spaces on this line and type them again.")),
    ("title: Room\u00a02 again\nwhen 2025-03-14\ndate: 2025-03-14\n",
     "line 3: this line cannot be read. Put a colon and a space after the field's name, like 'when: 2025-03-14'."),
    ("title Leaflets\ndate: 2025-03-14\n",
     "line 2: this line cannot be read. Put a colon and a space after the field's name, like 'title: Leaflets'."),
    ("title: Leaflets\nminutes:\n  status agreed\n  agreed_on: 2025-03-14\n",
     "line 4: this line cannot be read. Put a colon and a space after the field's name, like 'status: agreed'."),
    ("summary:\n  We met in the library\n  and talked: a lot\n",
     "line 4: this line cannot be read. A value that contains ': ' needs quotes around it."),
    ("actions:\n  - id: ACT-001\n    what: Ask: the board\n",
     "line 4: this line cannot be read. A value that contains ': ' needs quotes around it."),
], ids=["indented-too-far", "pasted-space", "pasted-space-in-a-value-is-not-blamed", "first-field-no-colon",
        "first-field-of-a-group-no-colon", "words-carried-on-are-not-a-field", "lined-up-with-a-list-items-field"])
def test_common_slips_in_the_fields_get_a_hint_that_fits(front: str, said: str) -> None:
    with pytest.raises(SourceError) as raised:
        parse_yaml(front, "content/meetings/m.md", first_line=2)
    assert str(raised.value.problem) == f"content/meetings/m.md, {said}"


@pytest.mark.parametrize(("line", "like"), [
    ("DNA - did not attend", "DNA: did not attend"),
    ("Trust board \u2013 the people who run the hospital", "Trust board: the people who run the hospital")])
def test_a_glossary_term_and_its_meaning_with_a_dash_between_are_told_to_use_a_colon(line: str, like: str) -> None:
    """Glossaries are often typed 'term - meaning': the colon goes where the dash is, not after
    the first word ('DNA: - did not attend')."""
    with pytest.raises(SourceError) as raised:
        parse_yaml(f"PALS: Patient Advice and Liaison Service\n{line}\nCQC: Care Quality Commission\n",
                   "content/glossary.yml", first_line=1)
    assert str(raised.value.problem) == (f"content/glossary.yml, line 2: this line cannot be read. Put a colon and "
                                         f"a space after the field's name, like '{like}'.")


def test_a_list_in_a_one_value_field_and_a_people_file_without_people_get_plain_words(tmp_path: Path) -> None:
    decision = FILES["content/decisions/D-001-own-words.md"].replace("how: consensus", "how: [consensus, vote]")
    people = FILES["content/people.yml"].replace("people:\n", "", 1)
    people = "\n".join(line.removeprefix("  ") for line in people.split("\n"))
    root = write_files(tmp_path, {**FILES, "content/decisions/D-001-own-words.md": decision,
                                  "content/people.yml": people})
    messages = [str(p) for p in load_group(root)[1]]
    assert ("content/decisions/D-001-own-words.md, line 5: 'how' takes one value, not a list: one of "
            "'consensus', 'vote', 'delegated' or 'other'.") in messages
    assert ("content/people.yml, line 1: should be a list of 'name: value' fields, like 'people:' on the "
            "first line, then one '- id:' block for each person.") in messages


EVERYONE_ELSE = ["p01", "p02", "p04", "p05"]


@pytest.mark.parametrize(("old", "new", "read", "by_id", "anyone"), [
    ("pseudonym: Sky", "pseudonym: Sky: the blue one", EVERYONE_ELSE, {"p03"}, False),
    ("roles: [member]\n    show_as: pseudonym", "roles: [member]\n      show_as: pseudonym", EVERYONE_ELSE, {"p03"}, False),
    ("  - id: p03\n", "  - id: p03\n      lived: true\n", EVERYONE_ELSE, set(), True),
    ("  - id: p03\n", "  - id: p03: Sky\n", EVERYONE_ELSE, set(), True),
    ("pseudonym: Sky", 'pseudonym: "Sky', ["p01", "p02"], {"p03"}, True),
    ("show_as: role", "show_as: role\n    on: the list", ["p02", "p03", "p05"], {"p01"}, True),
], ids=["colon-in-a-value", "indented-too-far", "id-then-a-line-indented-further", "id-unread", "quote-never-closed",
        "an-entry-read-that-cannot-be-built"])
def test_the_people_around_a_yaml_mistake_are_read_and_the_one_in_it_only_by_id(
        tmp_path: Path, old: str, new: str, read: list[str], by_id: set[str], anyone: bool) -> None:
    """The entries of people.yml read around a mistake are its people; the person in the entry with
    the mistake is known by the id above it, which no mistake can be part of, and is not anyone
    to judge by. Without it, after a mistake that could change how the lines after it read, or
    with an entry read that holds what is never read (a name YAML reads as true), any id may be
    someone's."""
    people = FILES["content/people.yml"].replace(old, new)
    if "on:" in new:  # (its mistake is heard once the one above it is fixed)
        people = people.replace("  - id: p01\n", "  - id: p01\n    lived_experience true\n")
    write_files(tmp_path, {**FILES, "content/people.yml": people})
    group, problems = load_group(tmp_path)
    assert [p.message[:24] for p in problems] == ["this line cannot be read"]
    assert list(group.people) == read
    initials = people.split("\n").index("    initials: F. H.") + 1
    assert group.people["p02"].source.line_of("people", group.person_entries["p02"], "initials") == initials
    assert (group.unreadable_people, group.people_unread) == (by_id, anyone)


@pytest.mark.parametrize(("file", "root"), [
    ("content/meetings/a.md", "."), ("content/../people.yml", "."), ("content/.notes/a.md", "."),
    ("{here}/content/a.md", "."), ("{here}/content/a.md", "{here}"), ("{here}/../elsewhere/a.md", "{here}"),
    ("{here}/content/./a.md", "{here}"), ("content/a.md", "content/.."),
])
def test_a_file_is_named_from_the_group_as_relpath_names_it(
        file: str, root: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name files from the group's folder; the quick way must name each as os.path.relpath
    does, also from '.', where a facilitator runs 'coprod check .' (which took the slow way)."""
    monkeypatch.chdir(tmp_path)
    here = str(tmp_path)
    file_path, root_path = Path(file.format(here=here)), Path(root.format(here=here))
    assert shown_path(file_path, root_path) == Path(os.path.relpath(file_path, root_path)).as_posix()
