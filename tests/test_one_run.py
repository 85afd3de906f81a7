"""Every problem in one run: a mistake that hides a record, or a field, hides none of its other problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import mkdocs_build
from groups import FILES, write_files

from coprod_site.checks import check_folder

DECISION = "content/decisions/D-001-own-words.md"
AMENDMENT = "content/amendments/AM-01-travel.md"


def errors_in(root: Path, path: str) -> list[str]:
    _, _, problems = check_folder(root)
    return [str(p) for p in problems if p.path == path]


def test_a_copied_decision_with_the_same_number_is_still_checked_in_full(tmp_path: Path) -> None:
    """A decision copied from last month's, its number left unchanged, had been left out of
    every check: its email address and the meeting misspelt in it were heard only once the
    number was fixed. It is still never published."""
    copy = "content/decisions/D-001-posters.md"
    text = (FILES[DECISION].replace("made_at: 2025-01-10-first-meeting", "made_at: 2025-02-14-leaflet")
            + "\nAsk jane.smith@nhs.net about the posters.\n")
    root = write_files(tmp_path / "group", {**FILES, copy: text})
    assert errors_in(root, copy) == [
        (f"{copy}, line 1: uses the id D-001, which {DECISION} already has. Give one of them the next free "
         "number."),
        (f"{copy}, line 4: 'made_at' names 2025-02-14-leaflet, which is not a meeting. Did you mean "
         "2025-02-14-leaflets?"),
        (f"{copy}, line 13: has an email address (jane…). Only the group's contact address in project.yml may "
         "be published."),
    ]
    assert errors_in(root, DECISION) == []


def test_every_copy_of_an_amendment_is_checked_and_the_first_is_not_blamed(tmp_path: Path) -> None:
    """Three files with one id: the second and the third are each checked in the first's place."""
    second, third = "content/amendments/AM-01-walking.md", "content/amendments/AM-01-wheels.md"
    root = write_files(tmp_path / "group", {
        **FILES,
        second: FILES[AMENDMENT].replace("proposed_by: [p01]", "proposed_by: [p77]"),
        third: FILES[AMENDMENT].replace("clauses: [payments]", "clauses: [paymnets]"),
    })
    twice = f"uses the id AM-01, which {AMENDMENT} already has. Give one of them the next free number."
    assert errors_in(root, second) + errors_in(root, third) == [
        f"{second}, line 1: {twice}",
        f"{second}, line 5: 'p77' is not anyone in people.yml. Check the id, or add the person to people.yml.",
        f"{third}, line 1: {twice}",
        (f"warning: {third}, line 6: 'paymnets' is not a clause of the charter now. Did you mean 'payments'? If "
         "that part was taken out or renamed since, leave it."),
    ]
    assert errors_in(root, AMENDMENT) == []


PERSON = """\
  - id: p06
    roles: [member]
    show_as: initials
    initials: J. S.
    name: Jane Smith
"""


@pytest.mark.parametrize(("written", "said"), [
    ("    lived_experience: maybe\n", "'lived_experience' should be true or false."),
    ("", "'lived_experience' is missing. Add it, for example: lived_experience: true."),
], ids=["mistyped", "missing"])
def test_a_person_whose_lived_experience_is_mistyped_is_still_held_to_their_consent(
        tmp_path: Path, written: str, said: str) -> None:
    """A mistyped 'lived_experience' had left the person out of every rule on how they agreed to
    be shown: their missing consent date, and their name in a meeting's summary where they are
    shown by initials, were heard only once it was fixed."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    root = write_files(tmp_path / "group", {
        **FILES,
        "content/people.yml": FILES["content/people.yml"] + PERSON.replace("    roles:", f"{written}    roles:"),
        meeting: FILES[meeting] + "\nJane Smith said the leaflets were too long.\n",
    })
    _, _, problems = check_folder(root)
    assert [(p.path, p.line, p.message.split(". ")[0]) for p in problems if p.is_error] == [
        (meeting, 24, "has the name people.yml gives the person shown as 'J"),
        ("content/people.yml", 30 + bool(written), said.split(". ")[0]),
        ("content/people.yml", 32 + bool(written),
         "'consent_recorded_on' is needed: the date this person agreed to be shown this way"),
    ]


def test_a_meeting_copied_with_its_date_unchanged_hears_of_its_copied_minutes_too(tmp_path: Path) -> None:
    """Last month's meeting copied to a new file name, its date and minutes left as they were: only
    the date had been heard, and the minutes' dates once it was fixed. Either date may be the one
    to fix, so what the file name's day finds is a warning that says so."""
    copy = "content/meetings/2025-03-28-march.md"
    root = write_files(tmp_path / "group", {**FILES, copy: FILES["content/meetings/2025-01-10-first-meeting.md"]})
    if_so = "if this meeting was on 2025-03-28, as its file name says:"
    assert errors_in(root, copy) == [
        f"{copy}, line 3: the file name says 2025-03-28 but 'date' says 2025-01-10. Make them the same.",
        (f"warning: {copy}, line 19: {if_so} 'circulated_on' (2025-01-14) is before the meeting (2025-03-28): "
         "minutes come after the meeting. Check both dates."),
        (f"warning: {copy}, line 20: {if_so} 'agreed_on' (2025-02-14) is before the meeting (2025-03-28): "
         "minutes come after the meeting. Check both dates."),
        (f"warning: {copy}, line 21: {if_so} 'agreed_at' names 2025-02-14-leaflets, which is earlier than "
         "2025-03-28. It must be a meeting on or after that date."),
        (f"warning: {copy}, line 23: {if_so} 'sent_on' in 'feedback' (2025-01-20) is before the meeting "
         "(2025-03-28): feedback on what happened to people's ideas comes after the meeting. Check both dates."),
        (f"{copy}, line 26: the action id ACT-001 is already used in "
         "content/meetings/2025-01-10-first-meeting.md. Give this action a new id, after the highest used so far "
         "(ACT-002)."),
        (f"warning: {copy}, line 29: {if_so} 'due' of the action ACT-001 is 2025-01-20, before this meeting on "
         "2025-03-28, where it was agreed. Check the date, and its year."),
        (f"warning: {copy}, line 31: {if_so} 'done_on' of the action ACT-001 is 2025-01-19, before this meeting on "
         "2025-03-28, where it was agreed. Check the date, and its year."),
    ]


def test_a_mistake_in_each_of_two_people_is_heard_in_one_run(tmp_path: Path) -> None:
    """PyYAML stops at the first mistake in people.yml: each person's entry after it is read on its
    own, and its own first mistake reported."""
    people = FILES["content/people.yml"].replace("name: Amina K.", "name: Amina: K.").replace(
        "pseudonym: Sky", "pseudonym Sky")
    root = write_files(tmp_path / "group", {**FILES, "content/people.yml": people})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems] == [
        "content/people.yml, line 6: this line cannot be read. A value that contains ': ' needs quotes around it.",
        ("content/people.yml, line 21: this line cannot be read. Put a colon and a space after the field's name, "
         "like 'pseudonym: Sky'."),
    ]


def test_a_person_whose_id_an_entry_above_has_is_still_held_to_their_own_entrys_rules(tmp_path: Path) -> None:
    """A person's entry copied from the one above, its id left unchanged, had been left out of every
    rule on how they agreed to be shown: their missing consent date and 'left_on' before 'joined_on'
    were heard only once the id was fixed. The records name the id, which may mean either."""
    copied = ("  - id: p04\n    lived_experience: true\n    roles: [member]\n    show_as: name\n"
              "    name: Jane S.\n    joined_on: 2025-03-01\n    left_on: 2025-02-01\n")
    root = write_files(tmp_path / "group", {**FILES, "content/people.yml": FILES["content/people.yml"] + copied})
    assert errors_in(root, "content/people.yml") == [
        "content/people.yml, line 30: the id 'p04' is used twice, here and at line 23. Give each person their own id.",
        ("content/people.yml, line 33: 'consent_recorded_on' is needed: the date this person agreed to be shown this "
         "way. Without it, set show_as to role."),
        "content/people.yml, line 36: 'left_on' is before 'joined_on'. Check both dates.",
    ]


def problems_in(root: Path, path: str) -> list[tuple[int | None, str, str]]:
    """Each problem in the file at `path`: its line, its message to the first full stop, its severity."""
    return [(p.line, p.message.split(" (")[0].split(". ")[0], p.severity) for p in check_folder(root)[2]
            if p.path == path]


def test_the_text_of_a_record_with_a_yaml_mistake_is_still_checked_for_privacy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistake in a meeting's fields had left its summary unchecked: an email address, a phone
    number, an NHS number and names that must not be shown were heard only once the YAML was
    fixed. Its fields could not all be read, so none is called missing."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    (tmp_path / "register.yml").write_text("p04: Robin Fairweather\n", encoding="utf-8")
    monkeypatch.setenv("COPROD_PRIVATE_REGISTER", str(tmp_path / "register.yml"))
    text = FILES[meeting] + ("\nEmail team.lead@nhs.net or call 07700 900123.\n\nRobin Fairweather brought "
                             "NHS number 943 476 5919.\n\nJane Smith said the leaflets were too long. Ask [[p09]].\n")
    files = {**FILES, "content/people.yml": FILES["content/people.yml"] + PERSON}
    root = write_files(tmp_path / "group", {**files, meeting: text.replace("title: Leaflets", "title: Leaflets: again")})
    found = [
        (24, "has a phone number", "error"),
        (24, "has an email address", "error"),
        (26, "has an NHS number", "error"),
        (26, "has the real name of the person shown as 'a member'", "error"),
        (28, "has the name people.yml gives the person shown as 'J", "error"),
        (28, "mentions [[p09]], but nobody in people.yml has that id", "error"),
    ]
    assert problems_in(root, meeting) == [(2, "this line cannot be read", "error"), *found]
    write_files(root, {meeting: text})
    assert [problem for problem in problems_in(root, meeting) if problem[2] == "error"] == found


def test_a_draft_with_a_yaml_mistake_is_still_checked_for_privacy_as_a_draft(tmp_path: Path) -> None:
    """A draft's minutes are not published yet: what must never be in them is a warning, as it
    would be once the mistake is fixed, when its status can be read."""
    draft = "content/meetings/2025-03-14-draft.md"
    text = FILES[draft].replace("title: A draft meeting", "title: A draft: meeting") + "Call 07700 900123.\n"
    root = write_files(tmp_path / "group", {**FILES, draft: text})
    assert problems_in(root, draft) == [(2, "this line cannot be read", "error"),
                                              (9, "has a phone number", "warning")]


LONG_SENTENCE = ("We agreed that the team will pay for parking for every member who comes to a meeting at the "
                 "hospital on any day of the week when the car park is open to the public.")


def test_the_text_of_a_record_with_a_yaml_mistake_is_read_as_the_site_will_show_it(tmp_path: Path) -> None:
    """A long sentence, a picture with no words and links to missing files in a decision whose
    fields have a YAML mistake were heard only once the mistake was fixed. A draft meeting's text is
    not published, so it is not read for them, with or without a mistake."""
    draft = "content/meetings/2025-03-14-draft.md"
    text = f"\n{LONG_SENTENCE}\n\n![](../assets/map.png)\n\nSee [the notes](../notes.md).\n"
    files = {DECISION: FILES[DECISION].replace("title: ", "title: Travel: ", 1) + text,
             draft: FILES[draft].replace("title: A draft meeting", "title: A draft: meeting") + text}
    root = write_files(tmp_path / "group", {**FILES, **files})
    lines = FILES[DECISION].count("\n") + 1
    assert problems_in(root, DECISION) == [
        (2, "this line cannot be read", "error"),
        (lines + 1, "this sentence has 35 words", "warning"),
        (lines + 3, "The image '../assets/map.png' has no alt text, so people who cannot see it will not "
                    + "know what it shows", "error"),
        (lines + 3, "links to '../assets/map.png', but there is no such file in the group's records", "warning"),
        (lines + 5, "links to '../notes.md', but there is no such file in the group's records", "warning"),
    ]
    assert problems_in(root, draft) == [(2, "this line cannot be read", "error")]


AGREED_TO_INITIALS = """\
  - id: p06
    lived_experience: true
    roles: [member]
    show_as: initials
    initials: J. S.
    name: Jane Smith
    consent_recorded_on: 2025-01-10
  - id: p07
    lived_experience: true
    roles: [member]
    show_as: name
    name: Sam T.
"""
LEAFLETS = "content/meetings/2025-02-14-leaflets.md"


def test_the_people_around_a_yaml_mistake_in_people_yml_are_still_checked(tmp_path: Path) -> None:
    """One YAML mistake in one person's entry had left everyone unread: a name typed in a summary
    for someone who agreed only to initials, and a missing consent date, were heard only once it was
    fixed. The person whose entry has the mistake is known by the id above it, so [[p03]] names
    someone, and 'p03' typed as it is is their id; they are not used to judge anything. Nothing is
    published."""
    people = FILES["content/people.yml"].replace("pseudonym: Sky", "pseudonym: Sky: the blue one")
    root = write_files(tmp_path / "group", {
        **FILES, "content/people.yml": people + AGREED_TO_INITIALS,
        LEAFLETS: FILES[LEAFLETS] + "\nJane Smith said the leaflets were too long. [[p03]] agreed, as p03 said.\n",
    })
    _, _, problems = check_folder(root)
    assert [(p.path, p.line, p.message.split(". ")[0]) for p in problems if p.is_error] == [
        (LEAFLETS, 24, "has the id 'p03' of the person shown as 'a member'"),
        (LEAFLETS, 24, "has the name people.yml gives the person shown as 'J"),
        ("content/people.yml", 21, "this line cannot be read"),
        ("content/people.yml", 40, "'consent_recorded_on' is needed: the date this person agreed to be shown this way"),
    ]
    built = mkdocs_build(root)
    assert built.returncode != 0
    assert "content/people.yml, line 21: this line cannot be read." in built.stderr
    assert "The site was not built: 4 errors" in built.stderr
    assert not (root / "site" / "index.html").exists()


def test_without_the_id_of_the_entry_with_a_mistake_no_id_is_called_nobodys(tmp_path: Path) -> None:
    """Anyone may be in an entry whose id cannot be read, or in the entries after a mistake that
    changes how the lines after it read (a quote never closed): no id is said to be nobody's, and
    the people read are still held to their consent."""
    summary = '\nJane Smith said the leaflets were too long. F. H. said "we need pictures". Ask [[p09]].\n'
    for mistake in ("  - id: p03\n", "  - id: p03 p3: x\n"):
        people = (FILES["content/people.yml"] + AGREED_TO_INITIALS).replace("  - id: p03\n", mistake)
        if mistake == "  - id: p03\n":
            people = people.replace("pseudonym: Sky", 'pseudonym: "Sky')
        root = write_files(tmp_path / "group", {**FILES, "content/people.yml": people,
                                                LEAFLETS: FILES[LEAFLETS] + summary})
        _, _, problems = check_folder(root)
        said = [(p.path, p.line, p.message.split(". ")[0].split(":")[0]) for p in problems if p.is_error]
        assert said == [
            *([] if mistake == "  - id: p03\n" else [(LEAFLETS, 24, "has the name people.yml gives the person shown as 'J")]),
            (LEAFLETS, 24, "puts a quote to F"),
            ("content/people.yml", 21 if mistake == "  - id: p03\n" else 17, "this line cannot be read"),
            *([] if mistake == "  - id: p03\n" else [("content/people.yml", 40, "'consent_recorded_on' is needed")]),
        ]


def test_a_meeting_whose_date_cannot_be_read_is_checked_on_its_file_names_day(tmp_path: Path) -> None:
    """'date: 14 February 2025' hid the rest of the meeting: a chair nobody in people.yml is was
    heard only once the date was put right."""
    text = FILES[LEAFLETS].replace("date: 2025-02-14", "date: 14 February 2025").replace(
        "chairs: [p01]", "chairs: [p4]")
    root = write_files(tmp_path / "group", {**FILES, LEAFLETS: text})
    assert [(line, said) for line, said, severity in problems_in(root, LEAFLETS) if severity == "error"] == [
        (3, "'date' should be written year first, like 2025-02-14, not '14 February 2025'."),
        (5, "'p4' is not anyone in people.yml")]


def test_a_decision_whose_date_cannot_be_read_is_checked_on_its_meetings_day(tmp_path: Path) -> None:
    """A decision's meeting's file name gives its day: a 'made_at' naming no meeting was heard only
    once the date was put right."""
    text = FILES[DECISION].replace("date: 2025-01-10\nmade_at: 2025-01-10-first-meeting",
                                   "date: 10 January 2025\nmade_at: 2025-01-10-first-meting")
    root = write_files(tmp_path / "group", {**FILES, DECISION: text})
    assert [said for _, said, severity in problems_in(root, DECISION) if severity == "error"] == [
        "'date' should be written year first, like 2025-01-10, not '10 January 2025'.",
        "'made_at' names 2025-01-10-first-meting, which is not a meeting"]


def test_a_wrong_field_and_a_wrong_action_in_one_meeting_hide_none_of_its_other_problems(tmp_path: Path) -> None:
    """A start time of '4pm' and an action due 'next week' in the same meeting had hidden the
    rest of it: a person nobody knows, an action id used twice and a phone number in the summary
    were heard only once both were put right."""
    text = (FILES[LEAFLETS].replace("format: online", 'format: online\nstart: 4pm')
            .replace("present: [p01, p02, p03]", "present: [p01, p02, p99]")
            .replace("due: 2027-03-01", "due: next week").replace("id: ACT-002", "id: ACT-001")
            + "Call the clinic on 07700 900123.\n")
    root = write_files(tmp_path / "group", {**FILES, LEAFLETS: text})
    assert [(line, said) for line, said, severity in problems_in(root, LEAFLETS) if severity == "error"] == [
        (5, "'start' should be a 24-hour time like \"16:00\", not '4pm': write \"16:00\"."),
        (7, "'p99' is not anyone in people.yml"),
        (13, "the action id ACT-001 is already used in content/meetings/2025-01-10-first-meeting.md"),
        (16, "'due' in actions item 1 should be written like 2025-03-14"),
        (24, "has a phone number"),
    ]
