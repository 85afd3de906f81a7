"""A first name typed into the records is the slip that names someone who never agreed: it is a
warning at its line, once for each name in a file, where what is not a person is left alone."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from groups import FILES, GLOSSARY, SECOND_MEETING, write_files
from PIL import Image

from coprod_site.checks import check_folder
from coprod_site.checks.first_names import first_names, names_typed

MEETING = "content/meetings/2025-02-14-leaflets.md"
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def name_warnings(tmp_path: Path, files: dict[str, str | None]) -> list[str]:
    _, _, problems = check_folder(write_files(tmp_path, {**FILES, **files}))
    return [str(p) for p in problems if "may be someone's name" in p.message]


def advice(name: str, more: str = "") -> str:
    return (f"has '{name}', which may be someone's name. People are shown only as they agreed: write their id, "
            f"like [[p04]], for the site to show them that way, or their role, like 'a parent member'.{more} If "
            "it is not a person, say what it is in glossary.yml.")


def test_a_name_in_a_summary_an_action_or_after_a_title_is_told_once_a_file(tmp_path: Path) -> None:
    meeting = (SECOND_MEETING.replace("what: Ask the board about the budget", "what: Ask Tom to book the room")
               + "Sarah said the room was cold.\nDr Patel agreed, and Sarah's mum will come.\n")
    body = SECOND_MEETING.count("\n") + 1
    assert name_warnings(tmp_path, {MEETING: meeting}) == [
        f"warning: {MEETING}, line 13: {advice('Tom')}",
        f"warning: {MEETING}, line {body}: {advice('Sarah', ' It is there 2 times.')}",
        f"warning: {MEETING}, line {body + 1}: {advice('Dr Patel')}"]


def test_a_draft_is_told_too_as_git_keeps_it(tmp_path: Path) -> None:
    draft = "content/meetings/2025-03-14-draft.md"
    assert name_warnings(tmp_path, {draft: FILES[draft] + "\nMohammed will send the notes.\n"}) == [
        f"warning: {draft}, line {FILES[draft].count(chr(10)) + 2}: {advice('Mohammed')}"]


@pytest.mark.parametrize("text", [
    "Amina K. chaired, and Amina thanked everyone.",  # a name people.yml shows
    "Sky asked about the budget.",  # a pseudonym people.yml shows
    "We met in April, June and August, but not in Ramadan.",  # months and festivals, some of them names too
    "The Florence Ward team came, from St Thomas (and the Alan Turing Institute), by Victoria Station.",  # places
    "Grant funding came through. Rose petals were on the table.",  # words that are names too, begun a sentence
    "## Our Summer Grant Plans",  # a heading, whose words may all begin with capitals
    "We don't know. Don't worry.",  # a contraction
    "Write to `Sarah Smith` in code, or [[p01]], or see https://example.org/Sarah.",
    "Rainbow is our ward for teenagers.",  # a word in the glossary
])
def test_what_is_not_a_person_is_not_told(tmp_path: Path, text: str) -> None:
    glossary = GLOSSARY + "Rainbow: Our ward for teenagers.\n"
    assert name_warnings(tmp_path, {MEETING: SECOND_MEETING + text + "\n", "content/glossary.yml": glossary}) == []


@pytest.mark.parametrize(("text", "names"), [
    ("We asked Jack to come back.", ["Jack"]),  # inside a sentence
    ("Rose said yes. Grant's idea won.", ["Rose", "Grant"]),  # before 'said', with 's
    ("- Mark will send it", ["Mark"]),
    ("Siobhán and Zoë came. Mrs Okafor too.", ["Siobhán", "Zoë", "Mrs Okafor"]),
])
def test_names_that_are_words_too_are_told_where_they_are_used_as_names(text: str, names: list[str]) -> None:
    assert [name for _, name in names_typed(text)] == names


def test_in_another_language_a_name_is_told_only_where_it_is_used_as_one() -> None:
    """Welsh 'Pam' (why) and 'Eleni' (this year) begin sentences, and are names elsewhere."""
    text = "Pam wnaethon ni hyn? Eleni, mae'r grŵp yn cwrdd. Dywedodd Sarah fod yr ystafell yn oer."
    assert [name for _, name in names_typed(text, in_english=False)] == ["Sarah"]
    assert [name for _, name in names_typed(text)] == ["Pam", "Eleni", "Sarah"]


def test_the_names_in_real_minutes_are_found() -> None:
    """A governance group's published minutes (the corpus), where people are named as they speak
    ('- Carol: Do we need video...') and in passing."""
    minutes = CORPUS / "rust-lang-leadership-council/minutes/sync-meeting/2023-06-15.md"
    if not minutes.is_file():
        pytest.skip("../shared/corpus/rust-lang-leadership-council is not here")
    found = {name for _, name in names_typed(minutes.read_text(encoding="utf-8"))}
    assert {"Carol", "Eric", "Jack", "Jonathan", "Mara", "Mark", "Ryan"} <= found


def test_the_names_looked_for_are_common_across_the_uks_communities_and_not_everyday_words() -> None:
    names, also_words, name_and_s = first_names()
    assert {"Sarah", "Mohammed", "Priya", "Siobhan", "Ngozi", "Fatima", "Agnieszka", "Oliver"} <= names
    assert {"Grant", "Rose", "Jack", "Mark", "Tom"} <= also_words
    assert "jeans" in name_and_s  # ('jeans' in a file name is no 'Jean's')
    assert not {"Said", "Us", "Server", "Forum", "Will", "The"} & (names | also_words)


def test_the_list_of_names_is_what_its_script_makes(tmp_path: Path) -> None:
    """first_names.txt is made, not typed: from Faker's names and Debian's British English words
    (both installed by scripts/setup)."""
    assert importlib.util.find_spec("faker") is not None and Path("/usr/share/dict/british-english").is_file()
    made = tmp_path / "first_names.txt"
    subprocess.run([sys.executable, str(ROOT / "scripts/first_names.py"), str(made)], check=True,
                   capture_output=True)
    assert made.read_text(encoding="utf-8") == (ROOT / "coprod_site/checks/first_names.txt").read_text(
        encoding="utf-8")


def test_a_name_in_a_file_name_that_becomes_an_address_is_told(tmp_path: Path) -> None:
    """A meeting's file name is its address on the site, as a picture's is; a decision's is not
    (its address is its number). "Sarah's" is 'sarahs' in a file name `coprod new` makes; 'jeans'
    is a word."""
    meeting, decision = "content/meetings/2025-02-14-leaflets.md", "content/decisions/D-002-budget.md"
    renamed = "content/meetings/2025-02-14-leaflets-with-sarah.md"
    files = {name: text for name, text in FILES.items() if name not in (meeting, decision)}
    root = write_files(tmp_path, {**files, renamed: FILES[meeting],
                                  "content/decisions/D-002-mohammed-budget.md": FILES[decision]})
    (root / "content/assets").mkdir(exist_ok=True)
    for picture in ("priya-at-the-clinic.png", "jeans-for-genes-day.png", "olivers-drawing.png"):
        Image.new("RGB", (8, 8)).save(root / "content/assets" / picture)
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if "in its name, which may be someone's name" in p.message] == [
        ("warning: content/assets/olivers-drawing.png: has 'olivers' in its name, which may be someone's name and "
        f"becomes the picture's address on the site. {SHOWN} Rename the picture and change the links to it (the "
        "check tells you where). If 'Oliver' is not a person, say what it is in glossary.yml."),
        ("warning: content/assets/priya-at-the-clinic.png: has 'priya' in its name, which may be someone's name "
        f"and becomes the picture's address on the site. {SHOWN} Rename the picture and change the links to it "
        "(the check tells you where). If 'Priya' is not a person, say what it is in glossary.yml."),
        (f"warning: {renamed}: has 'sarah' in its name, which may be someone's name and becomes the meeting's "
        f"address on the site. {SHOWN} Rename the file and change the ids and links that refer to it (the check "
        "tells you where). Do not put the old id in 'old_ids:', which would keep the old address on the site. "
        "If 'Sarah' is not a person, say what it is in glossary.yml.")]


SHOWN = "People are shown only as they agreed."
