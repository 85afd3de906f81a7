"""Bad input never crashes: broken YAML, odd files and generated records give problems, not tracebacks."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from groups import FILES, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_site.checks import check_folder
from coprod_site.loading import load_group
from coprod_site.records import Meeting
from coprod_site.site_config import read_mkdocs_yml
from coprod_site.sources import (
    SourceError,
    _RecordLoader,
    parse_yaml_reporting,
    read_part_by_part,
    split_parts,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
YAML_SUITE = CORPUS / "yaml-test-suite" / "data"
MEETING = "content/meetings/2025-03-14-odd.md"


def yaml_error_cases() -> list[Path]:
    """Every case of the YAML test suite that a parser must reject (it has an `error` file)."""
    if not YAML_SUITE.is_dir():
        return []
    return sorted(error.parent / "in.yaml" for error in YAML_SUITE.glob("**/error")
                  if (error.parent / "in.yaml").is_file())


def yaml_suite_texts() -> dict[str, str]:
    """Every case of the YAML test suite, by its folder, as text."""
    if not YAML_SUITE.is_dir():
        pytest.skip("../shared/corpus/yaml-test-suite is not here")
    return {case.parent.relative_to(YAML_SUITE).as_posix(): case.read_bytes().decode("utf-8")
            for case in sorted(YAML_SUITE.glob("**/in.yaml"))}


def yaml_reads(text: str) -> bool:
    """Whether PyYAML reads `text` as the records are read, without an error."""
    try:
        yaml.compose(text, Loader=_RecordLoader)
    except yaml.YAMLError:
        return False
    return True


def yaml_problems(text: str) -> list[str] | None:
    """What reading `text` as a record's fields reports, or None if it reads."""
    try:
        parse_yaml_reporting(text, "f.yml", 1)
    except SourceError as exc:
        return [str(problem) for problem in exc.problems]
    return None


def test_every_yaml_test_suite_error_case_is_a_clean_problem(tmp_path: Path) -> None:
    cases = yaml_error_cases()
    if not cases:
        pytest.skip("../shared/corpus/yaml-test-suite is not here")
    files: dict[str, str] = {}
    for number, case in enumerate(cases):
        text = case.read_bytes().decode("utf-8")
        files[f"content/meetings/2025-01-{number % 28 + 1:02d}-case-{number:03d}.md"] = f"---\n{text}\n---\nBody.\n"
    root = tmp_path / "group"
    write_files(root, {**FILES, **files})
    for name, text in files.items():  # write_files dedents; the suite's indentation matters
        (root / name).write_text(text, encoding="utf-8")
    _group, problems = load_group(root)
    by_file = {name: [p for p in problems if p.path == name and p.is_error] for name in files}
    assert len(cases) >= 90
    assert [name for name, found in by_file.items() if not found] == []
    first = [found[0] for found in by_file.values()]
    assert len([p for p in first if "cannot be read" in p.message]) > len(cases) // 2
    # Every problem has its line; a missing field, the record's first line (PyYAML reads a few of
    # the suite's invalid documents as valid ones, which then lack fields).
    assert [str(p) for p in first if p.line is None] == []


def test_no_test_suite_case_that_yaml_reads_has_a_mistake_when_read_part_by_part() -> None:
    """Each part of a file is read on its own only after a mistake: in a file without one, no part
    may seem to have one (a quoted value or a '[' list going on past a line that starts with a
    field, a '|' value's lines)."""
    read = {name: text for name, text in yaml_suite_texts().items() if yaml_reads(text)}
    assert len(read) > 240
    found = {name: read_part_by_part(text.split("\n"), split_parts(text.split("\n")), "f.yml", 1).found
             for name, text in read.items()}
    assert {name: problems for name, problems in found.items() if problems} == {}


QUOTES = "this line cannot be read. A value that contains ': ' needs quotes around it."
NO_COLON = "this line cannot be read. Put a colon and a space after the field's name, like 'title: Leaflets'."
LATER_MISTAKES = {  # a mistake, the line of it that it is on, and what is said of it
    "venue: Room: 2\n": (0, QUOTES),
    "title Leaflets\ndate: 2025-01-01\n": (0, NO_COLON),
    "people:\n  - id: p01\n    name: A: B\n  - id: p02\n": (2, QUOTES),
}


@pytest.mark.parametrize("later", LATER_MISTAKES, ids=["colon-in-a-value", "no-colon", "in-a-list"])
def test_a_test_suite_mistake_is_reported_once_and_a_mistake_after_it_is_its_own_or_none(later: str) -> None:
    """After each of the suite's cases (each with one mistake, or none), a mistake of our own: the
    report has the case's own mistake once, then ours, or stops; nothing that is not there."""
    line, said = LATER_MISTAKES[later]
    more_than_there: dict[str, list[str]] = {}
    for name, text in yaml_suite_texts().items():
        text = text if text.endswith("\n") or not text else f"{text}\n"
        alone = yaml_problems(text)
        if alone is not None and len(alone) > 1:
            more_than_there[name] = alone
        problems = yaml_problems(text + later) or []
        if problems[1:] not in ([], [f"f.yml, line {text.count(chr(10)) + 1 + line}: {said}"]):
            more_than_there[name] = problems
    assert more_than_there == {}


def problems_for(tmp_path: Path, content: bytes) -> list[str]:
    root = write_files(tmp_path / "group", FILES)
    (root / MEETING).write_bytes(content)
    _, problems = load_group(root)
    return [str(p) for p in problems if p.path == MEETING]


GOOD = FILES["content/meetings/2025-01-10-first-meeting.md"].replace("date: 2025-01-10", "date: 2025-03-14")


@pytest.mark.parametrize(("content", "expected"), [
    (b"", [f"{MEETING}: is empty. Fill it in, or delete it."]),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [f"{MEETING}: is not a text file. Save it as UTF-8 text."]),
    (GOOD.encode("utf-16"), [(f"{MEETING}: is saved as UTF-16 (\"Unicode\" in Notepad and Word). Save it again "
                             "with the encoding UTF-8.")]),
    (b"---\ntitle: caf\xe9\n---\n", [(f"{MEETING}, line 2: has characters that are not UTF-8. "
                                     "Save the file as UTF-8 in your editor.")]),
    (b"x" * 10_000_000, [(f"{MEETING}: is 10.0 MB; a record should be under 2 MB. Split it, or put "
                         "large images in content/assets/.")]),
    (GOOD.replace("---\n", "---\ntitle: A\n", 1).encode(), [f"{MEETING}, line 3: has 'title' twice. Keep one of them."]),
])
def test_odd_files_give_plain_problems(tmp_path: Path, content: bytes, expected: list[str]) -> None:
    assert problems_for(tmp_path, content) == expected


@pytest.mark.parametrize("encode", [
    lambda text: "\ufeff".encode() + text.encode(),
    lambda text: text.replace("\n", "\r\n").encode(),
    lambda text: "".join(line + ("\r\n" if i % 2 else "\n")
                         for i, line in enumerate(text.split("\n"))).encode(),
    lambda text: text.replace("\n", "\r").encode(),
], ids=["bom", "crlf", "mixed", "old-mac"])
def test_bom_and_any_line_endings_read_like_plain_files(tmp_path: Path, encode: object) -> None:
    root = write_files(tmp_path / "group", FILES)
    (root / MEETING).write_bytes(encode(GOOD))  # type: ignore[operator]
    group, problems = load_group(root)
    assert [str(p) for p in problems if p.path == MEETING] == []
    assert group.meetings["2025-03-14-odd"].title == "Our first meeting"
    assert group.meetings["2025-03-14-odd"].source.body.strip() == (
        "We met for the first time. We agreed our charter.")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("format: in-person\n", "format in-person\n", ("line 6: this line cannot be read. Put a colon and a space after "
     "the field's name, like 'format: in-person'.")),
    ("    owner: p02\n", "    owner p02\n", ("line 28: this line cannot be read. Put a colon and a space after the "
     "field's name, like 'owner: p02'.")),
], ids=["field", "field-in-a-list"])
def test_a_missing_colon_is_reported_on_its_own_line_with_the_fix(tmp_path: Path, old: str, new: str,
                                                                    expected: str) -> None:
    """PyYAML notices a missing colon a line later: the message points at the line to mend."""
    assert old in GOOD
    assert problems_for(tmp_path, GOOD.replace(old, new, 1).encode()) == [f"{MEETING}, {expected}"]


def test_every_mistake_in_a_meetings_fields_is_reported_in_one_run(tmp_path: Path) -> None:
    """PyYAML stops at a file's first mistake: a facilitator with three in one meeting's fields heard
    of them one run at a time. Each part after the first mistake that YAML reads the same on its own
    (a field starting a line, with the lines under it) is read on its own."""
    text = GOOD.replace("title: Our first meeting", "title: Planning: the summer").replace(
        "format: in-person", "format in-person").replace("  how: Email", "  how: Email: and a call")
    assert problems_for(tmp_path, text.encode()) == [
        f"{MEETING}, line 2: this line cannot be read. A value that contains ': ' needs quotes around it.",
        (f"{MEETING}, line 6: this line cannot be read. Put a colon and a space after the field's name, like "
         "'format: in-person'."),
        f"{MEETING}, line 24: this line cannot be read. A value that contains ': ' needs quotes around it."]


def test_the_fields_read_around_a_yaml_mistake_are_still_checked(tmp_path: Path) -> None:
    """A wrong date or word in one field is heard in the same run as a YAML mistake in another. A
    field in a part that could not be read is not called missing (here 'title')."""
    text = GOOD.replace("title: Our first meeting", "title: Planning: the summer").replace(
        "format: in-person", "format: in person").replace("date: 2025-03-14", "date: 2025-02-30").replace(
        "  how: Email", "  how: Email: and a call").replace("guests: 2", "guest: 2")
    assert problems_for(tmp_path, text.encode()) == [
        f"{MEETING}, line 2: this line cannot be read. A value that contains ': ' needs quotes around it.",
        f"{MEETING}, line 3: 'date' is not a real date (2025-02-30). Check the day and the month.",
        f"{MEETING}, line 6: 'format' should be one of 'in-person', 'online' or 'hybrid', not 'in person'. Did you mean 'in-person'?",
        f"warning: {MEETING}, line 13: 'guest' is not a field we know, so it is ignored. Did you mean 'guests'?",
        f"{MEETING}, line 24: this line cannot be read. A value that contains ': ' needs quotes around it."]


@pytest.mark.parametrize(("old", "new", "line"), [
    ("title: Our first meeting", 'title: "Our first meeting', 2),
    ("support: [food, travel paid]", "support: [food, travel paid", 8),
    ("venue: Library (step-free)", "venue: |\nLibrary (step-free)\nnote: bring food\nand drinks", 8),
    ("format: in-person", "format: in-person\nWe met in the library\nnote: bring food\nand drinks", 7),
], ids=["quote-never-closed", "bracket-never-closed", "lines-of-a-bar-value-not-indented", "words-not-indented"])
def test_a_mistake_that_changes_how_the_lines_after_it_read_is_the_last_reported(tmp_path: Path, old: str, new: str,
                                                                                line: int) -> None:
    """After a quote or a bracket left open, or a value's lines not indented, the lines after it may
    not mean what they seem: a mistake later in the file (the colon left out on 'ladder') is heard
    once that one is fixed, and nothing is said that might not be wrong."""
    text = GOOD.replace(old, new).replace("ladder: co-designing", "ladder co-designing").replace(
        "  how: Email", "  how: Email: and a call")
    found = problems_for(tmp_path, text.encode())
    assert [re.findall(r", line (\d+):", problem)[0] for problem in found] == [str(line)]


def test_an_impossible_date_is_a_problem_on_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("due: 2025-01-20", "due: 2025-02-30")
    assert problems_for(tmp_path, text.encode()) == [
        (f"{MEETING}, line 29: 'due' in actions item 1 is not a real date (2025-02-30). "
        "Check the day and the month.")]


@pytest.mark.parametrize(("date", "expected"), [
    ("14/03/2025", "line 3: 'date' should be written year first, like 2025-03-14, not '14/03/2025'."),
    ("14th Mar 2025", "line 3: 'date' should be written year first, like 2025-03-14, not '14th Mar 2025'."),
    ("Friday 14 March 2025", ("line 3: 'date' should be written year first, like 2025-03-14, not 'Friday 14 "
                              "March 2025'.")),
    ("March 14, 2025", "line 3: 'date' should be written year first, like 2025-03-14, not 'March 14, 2025'."),
    ("2025/03/14", "line 3: 'date' should be written like 2025-03-14, not '2025/03/14'."),
    ("31st Nov 2026", ("line 3: 'date' is not a real date (31st Nov 2026). Check the day and the month, and "
                       "write it year first, like 2025-03-14.")),
    ("31/11/2026", ("line 3: 'date' is not a real date (31/11/2026). Check the day and the month, and write it "
                    "year first, like 2025-03-14.")),
    ("next Tuesday", "line 3: 'date' should be written like 2025-03-14 (year, month, day), not 'next Tuesday'."),
    ("2025-02-29", "line 3: 'date' is not a real date (2025-02-29)"),
    (None, "line 2: 'date' is missing"),
])
def test_a_bad_meeting_date_names_the_date_field(tmp_path: Path, date: str | None, expected: str) -> None:
    text = GOOD.replace("date: 2025-03-14\n", "" if date is None else f"date: {date}\n")
    found = problems_for(tmp_path, text.encode())
    assert any(expected in problem for problem in found), found


@pytest.mark.parametrize(("start", "expected"), [
    ("7pm", "'start' should be a 24-hour time like \"16:00\", not '7pm': write \"19:00\"."),
    ("7.30 p.m.", "'start' should be a 24-hour time like \"16:00\", not '7.30 p.m.': write \"19:30\"."),
    ("12am", "'start' should be a 24-hour time like \"16:00\", not '12am': write \"00:00\"."),
    ("19.30", "'start' should be a 24-hour time like \"16:00\", not '19.30': write \"19:30\"."),
    ("1930", "'start' should be a 24-hour time like \"16:00\", not '1930'."),
])
def test_a_time_written_another_way_is_told_the_24_hour_time_it_means(tmp_path: Path, start: str,
                                                                       expected: str) -> None:
    text = GOOD.replace('start: "16:00"', f"start: {start}")
    assert problems_for(tmp_path, text.encode()) == [f"{MEETING}, line 4: {expected}"]


@pytest.mark.parametrize("text", [
    "---\ntitle: " + "[" * 100_000 + "\n---\n",
    "---\ntitle: " + "{a: " * 5_000 + "\n---\n",
    "---\n" + "".join(" " * (2 * depth) + f"k{depth}:\n" for depth in range(500)) + "---\n",
    "---\n" + "\n".join(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}" if n else "lol"] * 9) + "]"
                        for n in range(12)) + "\ntitle: bomb\n---\n",
], ids=["brackets", "braces", "indentation", "alias-bomb"])
def test_deep_nesting_and_alias_bombs_stop_quickly_and_small(tmp_path: Path, text: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    found = problems_for(tmp_path, text.encode())
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(found) == 1 and ("nested more than 64 levels" in found[0] or "'&' or '*'" in found[0]
                                or "uses an alias" in found[0])
    assert elapsed < 5
    assert peak < 200_000_000


# --- generated records ---------------------------------------------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(max_size=40), st.dates().map(dt.date.isoformat),
    st.sampled_from(["16:00", "25:99", "2025-02-30", "p01", "agreed", "draft", "ACT-001", "D-001",
                     "co-producing", "", " ", "~", "null", "yes", "0x1F", "1e400"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)
FIELDS = st.sampled_from([*Meeting.model_fields, "minutes.status", "unknown", "Title", "actions"])
RECORDS = st.dictionaries(FIELDS, VALUES, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=RECORDS, body=st.text(max_size=200))
def test_check_accepts_or_reports_any_generated_meeting(meta: dict[str, object], body: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        root = write_files(Path(folder), FILES)
        (root / MEETING).write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        _, _, problems = check_folder(root)
    assert all(p.path and p.message for p in problems)


def test_each_problem_says_where_and_one_bad_person_does_not_make_every_mention_of_them_wrong(
        tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", {
        **FILES,
        "content/glossary.yml": FILES["content/glossary.yml"] + "yes: A word that YAML reads as true.\n",
        "content/people.yml": FILES["content/people.yml"].replace("roles: [member", "roles: [1, 2, member", 1),
    })
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems] == [
        ("content/glossary.yml, line 2: has the name yes, which is read as true, not as a word. Put the name in quotes: "
        "'yes' (then the colon and the rest as before)."),
        ("content/people.yml, line 4: item 1 of 'roles' should be text, but on its own '1' is read as a number. "
         "Put it in quotes, like \"1\"."),
        ("content/people.yml, line 4: item 2 of 'roles' should be text, but on its own '2' is read as a number. "
         "Put it in quotes, like \"2\"."),
    ]


def test_an_item_with_a_colon_in_it_is_told_to_be_quoted(tmp_path: Path) -> None:
    """'- Check-in: how are we all?' in an agenda: YAML reads a name and a value, not text, and
    "should be text" had not said why."""
    agenda = GOOD.replace("agenda: [Welcome, Our charter]", "agenda:\n  - Check-in: how are we all?\n  - Our charter")
    assert agenda != GOOD
    assert problems_for(tmp_path, agenda.encode()) == [
        (f"{MEETING}, line 16: item 1 of 'agenda' has ': ' in it, so it is read as a name and a value. Put it in "
         "quotes, like \"Check-in: how are we all?\".")]


def test_a_record_with_a_bad_field_is_still_checked_against_the_others(tmp_path: Path) -> None:
    """Every problem in one run: the rest of a record with a bad field is judged too, and nothing
    is reported only because a field with a problem, or a file that could not be read, is missing."""
    first, decision = "content/meetings/2025-01-10-first-meeting.md", "content/decisions/D-002-budget.md"
    amendment = "content/amendments/AM-01-travel.md"
    root = write_files(tmp_path / "group", {
        **FILES,
        first: FILES[first].replace("guests: 2", "guests: [Jane, Bob]").replace("chairs: [p01, p05]", "chairs: [p01, p99]"),
        amendment: FILES[amendment].replace("charter_version: 2", "charter_version: two"),
        decision: FILES[decision].replace("status: agreed", "status: done"),
    })
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.is_error] == [
        "content/amendments/AM-01-travel.md, line 8: 'charter_version' should be a whole number, like 3.",
        ("content/decisions/D-002-budget.md, line 6: 'status' should be one of 'proposed', 'agreed', 'rejected' "
        "or 'superseded', not 'done'."),
        ("content/meetings/2025-01-10-first-meeting.md, line 9: 'p99' is not anyone in people.yml. Check the id, "
        "or add the person to people.yml."),
        ("content/meetings/2025-01-10-first-meeting.md, line 13: 'guests' should be a whole number, like 3. Guests "
         "are counted here, never named: they have not agreed to be shown."),
    ]


def test_a_typo_in_the_minutes_or_an_action_hides_none_of_the_files_other_problems(tmp_path: Path) -> None:
    """A misspelt status, or a bad action, had left the whole meeting out of every other check:
    an email address in its summary, an unknown person and an action id used twice were found
    only once the typo was fixed. The minutes are judged as what they most likely meant."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = (FILES[meeting].replace("status: agreed", "status: aggreed").replace(
        "    status: open", "    status: Open\n  - id: ACT-001\n    what: Three\n    owner: p33\n    due: someday")
        + "\nEmail jane.smith@nhs.net.\n")
    root = write_files(tmp_path / "group", {**FILES, meeting: text})
    _, _, problems = check_folder(root)
    assert [(p.line, p.message.split(".")[0]) for p in problems if p.path == meeting] == [
        (9, "'status' in 'minutes' should be one of 'planned', 'draft', 'circulated', 'agreed' or 'cancelled', not 'aggreed'"),
        (16, "'status' in actions item 1 should be one of 'open', 'done' or 'dropped', not 'Open'"),
        (17, "the action id ACT-001 is already used in content/meetings/2025-01-10-first-meeting"),
        (19, "'p33' is not anyone in people"),
        (20, "'due' in actions item 2 should be written like 2025-03-14 (year, month, day), not 'someday'"),
        (28, "has an email address (jane…)"),
    ]


LEAFLETS, D1, D2 = ("content/meetings/2025-02-14-leaflets.md", "content/decisions/D-001-own-words.md",
                    "content/decisions/D-002-budget.md")


@pytest.mark.parametrize(("name", "old", "new", "line", "meant"), [
    (LEAFLETS, "    status: open", "    status: complete", 16, "done"),
    (LEAFLETS, "    status: open", "    status: In Progress", 16, "open"),
    (LEAFLETS, "format: online", "format: face to face", 4, "in-person"),
    (LEAFLETS, "status: agreed", "status: approved", 9, "agreed"),
    (LEAFLETS, "status: agreed", "status: sent", 9, "circulated"),
    (D1, "outcome: changed", "outcome: done", 8, "changed"),  # the word one field has, for another's
    (D2, "outcome: pending", "outcome: in progress", 11, "pending"),  # one word, meant two ways
])
def test_another_word_for_one_of_a_fields_words_is_told_which(tmp_path: Path, name: str, old: str, new: str,
                                                               line: int, meant: str) -> None:
    """An action 'complete', a meeting 'face to face', minutes 'approved', an outcome 'done':
    words people use, spelt nothing like the field's own, had no 'Did you mean'. The record is
    checked as meant."""
    root = write_files(tmp_path / "group", {**FILES, name: FILES[name].replace(old, new, 1)})
    _, _, problems = check_folder(root)
    assert [(p.line, p.message.rsplit(". ", 1)[-1]) for p in problems if p.path == name] == [
        (line, f"Did you mean '{meant}'?")]


@pytest.mark.parametrize(("guests", "said"), [
    ("2 (Sarah and Tom)", ("'guests' should be a whole number on its own: write guests: 2. Guests are counted here, "
                           "never named: they have not agreed to be shown.")),
    ("3 people", ("'guests' should be a whole number on its own: write guests: 3. Guests are counted here, never "
                  "named: they have not agreed to be shown.")),
    ("2.5", "'guests' should be a whole number, like 3."),
])
def test_guests_written_with_words_are_told_the_number_and_that_guests_are_never_named(
        tmp_path: Path, guests: str, said: str) -> None:
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    root = write_files(tmp_path / "group", {**FILES, meeting: FILES[meeting].replace("guests: 2", f"guests: {guests}")})
    _, _, problems = check_folder(root)
    assert [p.message for p in problems if p.path == meeting] == [said]


def test_words_after_a_hash_that_yaml_reads_as_a_note_are_a_warning_with_the_fix(tmp_path: Path) -> None:
    """'venue: Room #2 (level 3)' was published as 'Room', silently; a note to other writers
    after a value ('format: online   # or hybrid') is still a note."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = FILES[meeting].replace("format: online", "format: online   # online or hybrid\nvenue: Room #2 (level 3)").replace(
        "what: Ask the board about the budget", "what: 'Print pack #2' #3")
    root = write_files(tmp_path / "group", {**FILES, meeting: text})
    group, problems = load_group(root)
    assert group.meetings["2025-02-14-leaflets"].venue == "Room"
    assert [str(p) for p in problems] == [
        ("warning: content/meetings/2025-02-14-leaflets.md, line 5: '#2 (level 3)' is left out: after a space, '#' "
         "starts a note that the site does not show, so this value is only 'Room'. To keep it, put the whole value "
         "in quotes: \"Room #2 (level 3)\".")]


def test_fields_of_the_minutes_not_indented_under_them_are_told_where_they_belong(tmp_path: Path) -> None:
    """'status' at the left edge had been asked "Did you mean 'start'?"."""
    block = re.search(r"(?m)^minutes:\n(?:  .*\n)+", GOOD)
    assert block is not None
    text = GOOD.replace(block.group(), block.group().replace("\n  ", "\n"))
    said = problems_for(tmp_path, text.encode())
    assert (f"warning: {MEETING}, line {text.splitlines().index('status: agreed') + 1}: 'status' belongs under "
            "'minutes', so here it is ignored: indent it by two spaces, on a line below 'minutes:'.") in said


def test_a_blank_line_before_the_fields_or_a_space_after_the_dashes_is_forgiven(tmp_path: Path) -> None:
    """The file visibly starts with its fields: 'has no fields at the top' had said otherwise."""
    text = "\n\n" + GOOD.replace("---\n", "--- \n", 1).replace('start: "16:00"', 'start: "25:00"')
    assert problems_for(tmp_path, text.encode()) == [
        f"{MEETING}, line 6: 'start' should be a 24-hour time like \"16:00\", not '25:00'."]


@pytest.mark.parametrize(("title", "said"), [
    ("2027", "'title' should be text, but on its own '2027' is read as a number. Put it in quotes, like title: \"2027\"."),
    ("Yes", ("'title' should be text, but on its own 'yes' is read as a yes or no (true or false). Put it in quotes, "
            "like title: \"yes\".")),
    ("", "'title' is empty. Write it after the colon."),
    ("[Leaflets, Posters]", ("'title' holds one thing, not a list: write one, without the square brackets, like "
                             "title: Leaflets.")),
])
def test_a_title_yaml_reads_as_no_text_says_why(tmp_path: Path, title: str, said: str) -> None:
    """'title: 2027', 'title: Yes' and an empty title were all told only "'title' should be text"."""
    assert problems_for(tmp_path, re.sub(r"(?m)^title: .*$", f"title: {title}", GOOD, count=1).encode()) == [
        f"{MEETING}, line 2: {said}"]


def test_what_a_file_leaves_out_is_what_its_place_says(tmp_path: Path) -> None:
    """A report without `kind:` is the farewell report in reports/farewell.md, an impact report
    elsewhere; an amendment without `status:` is a proposal."""
    amendment = FILES["content/amendments/AM-01-travel.md"].replace("status: agreed\n", "").replace(
        "agreed_at: 2025-02-14-leaflets\ncharter_version: 2\n", "")
    root = write_files(tmp_path / "group", {
        **FILES,
        "content/reports/farewell.md": "---\ntitle: Goodbye\n---\nThank you all.\n",
        "content/amendments/AM-02-more.md": amendment.replace("clauses: [payments]", "clauses: [remit]"),
    })
    group, problems = load_group(root)
    assert [str(p) for p in problems] == []
    assert group.reports["farewell"].report_kind == "farewell"
    assert group.reports["impact-2025"].report_kind == "impact"
    assert group.amendments["AM-02"].status == "proposed"


def test_a_field_given_twice_is_one_problem_among_all_the_others_in_its_file(tmp_path: Path) -> None:
    """The first is kept and the rest of the file read on: one run shows every problem."""
    text = GOOD.replace("date: 2025-03-14", "title: Again\ndate: 2025-02-30").replace(
        'start: "16:00"', 'start: "25:00"').replace("format: in-person", "format: in-person\nformat: online")
    assert problems_for(tmp_path, text.encode()) == [
        f"{MEETING}, line 3: has 'title' twice. Keep one of them.",
        f"{MEETING}, line 4: 'date' is not a real date (2025-02-30). Check the day and the month.",
        f"{MEETING}, line 5: 'start' should be a 24-hour time like \"16:00\", not '25:00'.",
        f"{MEETING}, line 8: has 'format' twice. Keep one of them."]


@pytest.mark.parametrize(("field", "said"), [
    ("venue: !!binary Q2FsbCBKYW5lIG9uIDA3NzAwIDkwMDEyMw==",  # 'Call Jane on 07700 900123', hidden from the checks
     ("has a value marked '!!binary', which records do not use: a reader would see its letters only after "
     "decoding. Write the value as plain words.")),
    ("venue: !custom Hello", ("has a value marked '!custom', which records do not use. Take the mark out and "
     "write the value as plain words.")),
    ("venue: !!int Library", ("has a value marked '!!int', which records do not use. Take the mark out and "
                              "write the value as plain words.")),  # PyYAML itself fails with a ValueError
    ("venue: !!bool maybe", ("has a value marked '!!bool', which records do not use. Take the mark out and "
                             "write the value as plain words.")),
    ("<<: {format: online}", ("uses '<<' to copy fields from elsewhere in the file. Write each field out where "
     "it belongs.")),
])
def test_yaml_marks_records_do_not_use_are_named_plainly(tmp_path: Path, field: str, said: str) -> None:
    text = GOOD.replace("venue: Library (step-free)\n", "").replace("---\n", f"---\n{field}\n", 1)
    found = problems_for(tmp_path, text.encode())
    assert f"{MEETING}, line 2: {said}" in found


def test_a_list_never_closed_is_reported_where_it_opens(tmp_path: Path) -> None:
    """YAML reads on to the end of the file looking for the ']': the line to fix is where it began."""
    text = GOOD.replace("support: [food, travel paid]", "support: [food, travel paid")
    assert problems_for(tmp_path, text.encode()) == [
        f"{MEETING}, line 8: this line cannot be read: its '[' is never closed. End it with ']'."]


def test_a_misspelt_word_of_a_persons_own_field_hides_none_of_their_other_problems(tmp_path: Path) -> None:
    """'show_as: Name' had made p01 a person shown by role, whose kept name was then a warning to
    take it out: the wrong fix for a typo."""
    people = FILES["content/people.yml"].replace("show_as: name", "show_as: Name", 1)
    root = write_files(tmp_path / "group", {**FILES, "content/people.yml": people})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems] == [
        "content/people.yml, line 5: 'show_as' should be one of 'name', 'initials', 'pseudonym' or 'role', not 'Name'. Did you mean 'name'?"]


def test_each_reader_of_mkdocs_yml_has_its_own_settings(tmp_path: Path) -> None:
    """mkdocs.yml is parsed once while it is unchanged: one reader changing what it was given
    must not change what the next reads."""
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Ours\nextra:\n  coprod:\n    page_size: 20\n")
    first, _, _ = read_mkdocs_yml(path)
    first["extra"]["coprod"]["page_size"] = 5
    assert read_mkdocs_yml(path)[0]["extra"]["coprod"]["page_size"] == 20


def test_the_items_of_a_list_read_around_a_yaml_mistake_are_checked_by_their_own_number(tmp_path: Path) -> None:
    """The actions of a meeting with a YAML mistake in another field are checked in the same run;
    a list with a mistake in one of its items is not, as its other items would be told by the wrong
    number (the second as item 1)."""
    wrong_due = GOOD.replace("due: 2025-01-20", "due: 2025-02-30")
    second = "  - id: ACT-009\n    what: Book: a room\n    owner: p01\n    status: open\n"
    assert problems_for(tmp_path, wrong_due.replace("how: Email", "how: Email: and a call").encode()) == [
        f"{MEETING}, line 24: this line cannot be read. A value that contains ': ' needs quotes around it.",
        (f"{MEETING}, line 29: 'due' in actions item 1 is not a real date (2025-02-30). Check the day and "
         "the month."),
    ]
    assert problems_for(tmp_path, wrong_due.replace("actions:\n", f"actions:\n{second}").encode()) == [
        f"{MEETING}, line 27: this line cannot be read. A value that contains ': ' needs quotes around it.",
    ]


def check_with(tmp_path: Path, path: str, old: str, new: str) -> list[str]:
    """What `coprod check` says of the small group with `old` changed to `new` in `path`."""
    assert old in FILES[path]
    root = write_files(tmp_path / "group", {**FILES, path: FILES[path].replace(old, new, 1)})
    return [str(problem) for problem in check_folder(root)[2]]


@pytest.mark.parametrize(("old", "new", "said"), [
    ("site_url: https://example.org/test/", "site_url: 42",
     ("mkdocs.yml, line 2: 'site_url' should be the full web address where the site lives, like "
      "https://example.org/our-group/.")),
    ("docs_dir: content", "docs_dir: [p01, p02]",
     "mkdocs.yml, line 3: 'docs_dir' should be the name of the folder that holds the records, like: docs_dir: content"),
    ("docs_dir: content", "docs_dir: 42",
     "mkdocs.yml, line 3: 'docs_dir' should be the name of the folder that holds the records, like: docs_dir: content"),
], ids=["site-url-a-number", "docs-dir-a-list", "docs-dir-a-number"])
def test_a_setting_of_the_wrong_kind_in_mkdocs_yml_is_said_at_its_line(tmp_path: Path, old: str, new: str,
                                                                      said: str) -> None:
    """A number for site_url had stopped the check with a traceback; a list or a number for
    docs_dir was taken as a folder's name ("['p01', 'p02']: there is no content folder here")."""
    assert check_with(tmp_path, "mkdocs.yml", old, new) == [said]


@pytest.mark.parametrize(("new", "said"), [
    ("site_name: 2025-02-30", ("mkdocs.yml, line 1: this line cannot be read: '2025-02-30' is read as a date, and "
                               "is not a real one. Put it in quotes, like \"2025-02-30\".")),
    ("site_name: !!int Test", ("mkdocs.yml, line 1: this line cannot be read: 'Test' is read as a whole number, "
                               "and is not a real one. Take out the '!!' mark before it.")),
    ("site_name: Test \x1b[31mGroup", ("mkdocs.yml, line 1: has an invisible control character (U+001B) after "
                                       "'site_name: Test'. Delete it.")),
], ids=["impossible-date", "marked-number", "control-character"])
def test_a_value_mkdocs_yml_cannot_hold_is_said_at_its_line(tmp_path: Path, new: str, said: str) -> None:
    """An impossible date in mkdocs.yml stopped the check with Python's 'day is out of range for
    month'; a terminal colour code pasted into it was 'cannot be read. Save it as UTF-8'."""
    assert check_with(tmp_path, "mkdocs.yml", "site_name: Test Group", new) == [said]


@pytest.mark.parametrize(("path", "old", "new", "said"), [
    ("content/charter.md", "adopted_on: 2025-01-10", "adopted_on:\n  name: x",
     "content/charter.md, line 4: 'adopted_on' should be one date, like 2025-03-14, not a group of fields."),
    ("content/decisions/D-002-budget.md", "date: 2025-02-14", "date: [2025-02-14, 2025-02-15]",
     "content/decisions/D-002-budget.md, line 3: 'date' should be one date, like 2025-03-14, not a list."),
], ids=["group-of-fields", "list"])
def test_a_date_given_as_a_list_or_fields_is_told_to_be_one_date(tmp_path: Path, path: str, old: str, new: str,
                                                                 said: str) -> None:
    """It was written out as Python writes it: "not '{'name': 'x'}'"."""
    assert check_with(tmp_path, path, old, new) == [said]


def test_a_charter_whose_first_dashes_are_lost_is_told_how_to_start(tmp_path: Path) -> None:
    """Its fields were each called missing, at no line, as if they had been deleted; a meeting or a
    decision that starts without its '---' is told how a record starts."""
    assert check_with(tmp_path, "content/charter.md", "---\ntitle", "title") == [
        "content/charter.md, line 1: has no fields at the top. Start the file with '---', the fields, then '---'."]


def test_a_site_url_unlike_project_yml_is_said_at_its_line(tmp_path: Path) -> None:
    assert check_with(tmp_path, "mkdocs.yml", "site_url: https://example.org/test/",
                      "site_url: https://example.org/tests/") == [
        ("warning: mkdocs.yml, line 2: 'site_url' is https://example.org/tests/ here but https://example.org/test/ "
         "in project.yml. The site uses this one: make them the same, or remove one.")]


def test_a_site_url_that_is_no_address_is_not_also_said_to_be_missing(tmp_path: Path) -> None:
    """Fields indented under mkdocs.yml's 'site_url:' (and none in project.yml) were its error and a
    warning, at no line, that there is no 'site_url'."""
    address = "site_url: https://example.org/test/"
    root = write_files(tmp_path / "group", {
        **FILES, "mkdocs.yml": FILES["mkdocs.yml"].replace(address, "site_url:\n  name: x"),
        "content/project.yml": FILES["content/project.yml"].replace(address + "\n", "")})
    assert [str(problem) for problem in check_folder(root)[2]] == [
        ("mkdocs.yml, line 2: 'site_url' should be the full web address where the site lives, like "
         "https://example.org/our-group/.")]
