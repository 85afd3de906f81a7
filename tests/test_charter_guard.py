"""`coprod check --base REF`: a change to the charter's words needs an agreed amendment."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from charter_git import CHARTER_3, REVIEW_MEETING, commit_all, git, three_version_repo
from groups import TODAY, write_files

from coprod_site.charter_history import build_charter_history
from coprod_site.loading import load_group
from coprod_site.published import Published
from coprod_site.scaffold import CHARTER_QUESTIONS, init_group

CHARTER_4 = CHARTER_3.replace("version: 3", "version: 4").replace(
    "You can take a break at any time.", "You can take a break at any time, or go home early.")

AM_06 = """\
---
title: Going home early
status: agreed
proposed_on: 2025-04-11
proposed_by: [p01]
clauses: [wellbeing]
agreed_at: 2025-04-11-charter-review
charter_version: 4
---
Some members get tired and want to leave early without asking.
"""

DRAFT_REVIEW = REVIEW_MEETING.replace("title: Charter review", "title: Second review").replace(
    "date: 2025-04-11", "date: 2025-05-09").replace("status: agreed", "status: draft")


def coprod(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COPROD_TODAY": TODAY}
    return subprocess.run([sys.executable, "-m", "coprod_site.cli", "check", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The three-version group on a pull request branch, based on main."""
    root = three_version_repo(tmp_path / "group")
    git(root, "checkout", "-q", "-b", "change")
    return root


def guard_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The problems the guard adds (the rest of the group is clean apart from its overdue review)."""
    return [line for line in result.stdout.splitlines()
            if not line.startswith(("warning:", "note:", "Found ", "No problems found."))]


def notes(result: subprocess.CompletedProcess[str]) -> list[str]:
    """What the check says of a charter change in order, for the person reviewing it."""
    return [line for line in result.stdout.splitlines() if line.startswith(("note:", "::notice"))]


def propose(repo: Path, files: dict[str, str | None]) -> subprocess.CompletedProcess[str]:
    write_files(repo, files)
    commit_all(repo, "A charter change", "2025-06-01T10:00:00+00:00")
    return coprod(repo, "--base", "main")


def test_a_correct_change_passes(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": CHARTER_4,
                            "content/amendments/AM-06-going-home.md": AM_06})
    assert guard_lines(result) == []
    assert result.returncode == 0, result.stdout
    assert notes(result) == [  # the reviewer reads what changed and who agreed it
        ("note: content/charter.md, line 22: goes from version 3 to 4: the part 'Looking after each other' "
        "changed. Agreed by AM-06 ('Going home early') at the meeting of 11 April 2025.")]
    annotated = coprod(repo, "--base", "main", "--format", "github")
    assert notes(annotated) == [
        ("::notice file=content/charter.md,line=22::goes from version 3 to 4: the part 'Looking after each "
        "other' changed. Agreed by AM-06 ('Going home early') at the meeting of 11 April 2025.")]
    assert coprod(repo, "--base", "main", "--format", "json").stdout.strip() == "[]"


def test_a_change_with_no_amendment_is_an_error_on_the_changed_line(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": CHARTER_4})
    assert notes(result) == []  # nothing said to be agreed that is not
    assert ("content/charter.md, line 22: the part 'Looking after each other' changed, but no "
            "amendment in this change says so. Add one with 'coprod new amendment'. Once a meeting "
            "agrees it, set status: agreed, agreed_at and charter_version: 4.") in guard_lines(result)
    assert result.returncode == 1


def test_a_proposed_amendment_cannot_change_the_charter_yet(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("status: agreed", "status: proposed")})
    assert guard_lines(result)[0] == (
        "content/amendments/AM-06-going-home.md, line 3: 'status' is proposed, but this change "
        "alters the charter's text. The charter changes only after a meeting agrees: set status to "
        "agreed and fill in agreed_at once it has. Until then, leave the charter as it is.")


def test_the_agreeing_meeting_must_be_named(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("agreed_at: 2025-04-11-charter-review\n", "")})
    assert ("content/amendments/AM-06-going-home.md, line 3: 'agreed_at' is missing. Add the meeting "
            "that agreed this change, like 2026-03-04-charter-review.") in guard_lines(result)


def test_the_agreeing_meetings_minutes_must_be_agreed(repo: Path) -> None:
    result = propose(repo, {
        "content/charter.md": CHARTER_4,
        "content/meetings/2025-05-09-second-review.md": DRAFT_REVIEW,
        "content/amendments/AM-06-going-home.md":
            AM_06.replace("2025-04-11-charter-review", "2025-05-09-second-review")})
    assert guard_lines(result) == [
        ("content/amendments/AM-06-going-home.md, line 7: 'agreed_at' is the meeting "
        "2025-05-09-second-review, whose minutes are not agreed yet. The charter can change once "
        "that meeting's minutes are agreed and published.")]


def test_charter_version_must_be_the_new_version(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("charter_version: 4", "charter_version: 5")})
    assert ("content/amendments/AM-06-going-home.md, line 8: 'charter_version' should be 4, the "
            "charter's new version, not 5.") in guard_lines(result)


def test_the_charters_version_must_go_up_by_one(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": CHARTER_4.replace("version: 4", "version: 3"),
                            "content/amendments/AM-06-going-home.md": AM_06})
    assert guard_lines(result) == [  # (the whole group's check says it: AM-06 makes version 4)
        "content/charter.md, line 3: 'version' is 3 but the agreed amendments reach version 4 (AM-06). Make 'version' 4."]
    without_amendment = propose(repo, {"content/amendments/AM-06-going-home.md": None})
    assert "content/charter.md, line 3: 'version' is still 3, but the charter's text changed. " \
           "Set it to 4." in guard_lines(without_amendment)


VERSION_5 = CHARTER_4.replace("version: 4", "version: 5")
NO_AMENDMENT_FOR_WELLBEING = (
    "content/charter.md, line 22: the part 'Looking after each other' changed, but no amendment in this change "
    "says so. Add one with 'coprod new amendment'. Once a meeting agrees it, set status: agreed, agreed_at and "
    "charter_version: 4.")


def _version_reached(version: int, newest: int, by: str, then: str) -> str:
    return (f"content/charter.md, line 3: 'version' is {version} but the agreed amendments reach version {newest} "
            f"({by}): only an agreed amendment makes a new version. Make 'version' {newest}; or, if a meeting agreed "
            f"a change after {by}, {then} and add that change's amendment, with 'charter_version: {newest + 1}'.")


@pytest.mark.parametrize(("files", "said"), [
    pytest.param({"content/charter.md": VERSION_5, "content/amendments/AM-06-going-home.md": AM_06},
                 [_version_reached(5, 4, "AM-06", "keep it")], id="put up twice"),
    pytest.param({"content/charter.md": CHARTER_4},
                 [_version_reached(4, 3, "AM-02", "keep it"), NO_AMENDMENT_FOR_WELLBEING], id="no amendment"),
    pytest.param({"content/charter.md": VERSION_5},
                 [_version_reached(5, 3, "AM-02", "make it 4"), NO_AMENDMENT_FOR_WELLBEING],
                 id="no amendment, put up twice"),
])
def test_the_charters_version_line_is_told_one_thing(repo: Path, files: dict[str, str | None],
                                                     said: list[str]) -> None:
    """The whole group's check said 'Make 'version' 3' while the pull request's check asked for
    charter_version 4, or both said 'set it to 4' in other words: the reviewer read two messages
    at one line that seemed to disagree, and (put up twice) a note that the change was agreed."""
    result = propose(repo, files)
    assert result.stdout.splitlines() == [*said, f"Found {len(said)} error{'s' if len(said) > 1 else ''}."]
    assert result.returncode == 1


def test_clauses_must_name_exactly_the_changed_parts(repo: Path) -> None:
    charter = CHARTER_4.replace("We help make hospital visits better.",
                                "We help make hospital visits better for everyone.")
    amendment = AM_06.replace("clauses: [wellbeing]", "clauses: [wellbeing, payments]")
    result = propose(repo, {"content/charter.md": charter,
                            "content/amendments/AM-06-going-home.md": amendment})
    assert guard_lines(result) == [
        ("content/amendments/AM-06-going-home.md, line 6: 'clauses' names 'payments', but that part "
        "of the charter did not change. Take it out."),
        ("content/charter.md, line 10: the part 'Why we exist' changed, but AM-06 does not list "
        "'purpose' in 'clauses'. Add it there.")]


def test_changing_an_agreed_amendments_words_is_an_error(repo: Path) -> None:
    result = propose(repo, {"content/amendments/AM-01-travel.md":
                            (repo / "content/amendments/AM-01-travel.md").read_text().replace(
                                "could not afford", "found it hard to pay for")})
    assert guard_lines(result) == [
        ("content/amendments/AM-01-travel.md, line 10: AM-01 was already agreed, so its words are "
        "the record of what the group agreed and cannot change. Put them back as they were. To "
        "change the charter again, start a new amendment with 'coprod new amendment'.")]


def test_editing_a_proposed_amendment_is_fine(repo: Path) -> None:
    path = repo / "content/amendments/AM-05-who-for.md"
    result = propose(repo, {"content/amendments/AM-05-who-for.md":
                            path.read_text().replace("who the group is for", "who we are for")})
    assert guard_lines(result) == []


def test_github_format_annotates_the_changed_line(repo: Path) -> None:
    write_files(repo, {"content/charter.md": CHARTER_4})
    result = coprod(repo, "--base", "main", "--format", "github")  # uncommitted changes count too
    assert ("::error file=content/charter.md,line=22::the part 'Looking after each other' changed, "
            "but no amendment in this change says so. Add one with 'coprod new amendment'. Once a "
            "meeting agrees it, set status: agreed, agreed_at and charter_version: 4.") in result.stdout


def test_an_unknown_base_is_a_plain_message(repo: Path) -> None:
    result = coprod(repo, "--base", "origin/nowhere")
    assert guard_lines(result) == [
        ("content/charter.md: cannot be compared with 'origin/nowhere', because there is no branch, "
        "tag or commit with that name here. Check the name. In GitHub Actions, check out the full "
        "history (fetch-depth: 0).")]
    assert result.returncode == 1


def test_a_folder_outside_git_is_a_plain_message(group_dir: Path) -> None:
    result = coprod(group_dir, "--base", "main")
    assert guard_lines(result) == [
        ("content/charter.md: cannot be compared with 'main', because this folder is not a git "
        "repository. Run the check inside a copy made with 'git clone'.")]


def test_a_pull_request_from_proposal_to_website(repo: Path) -> None:
    """Propose with `coprod new amendment`, agree it, pass the guard, merge, and see it on the site."""
    from bs4 import BeautifulSoup
    from conftest import mkdocs_build

    from coprod_site.cli import main

    assert main(["new", "amendment", "--title", "Going home early", "--date", "2025-04-11",
                 "--path", str(repo)]) == 0
    amendment = repo / "content" / "amendments" / "AM-06-going-home-early.md"
    agreed = (amendment.read_text()
              .replace("status: proposed ", "status: agreed ")
              .replace("proposed_by: []", "proposed_by: [p01]")
              .replace("clauses: []", "clauses: [wellbeing]")
              .replace("agreed_at: ", "agreed_at: 2025-04-11-charter-review")
              .replace("Why the change is needed, in plain words.", "Some of us are tired by the end."))
    write_files(repo, {"content/charter.md": CHARTER_4,
                       "content/amendments/AM-06-going-home-early.md": agreed})
    commit_all(repo, "AM-06: going home early", "2025-06-01T10:00:00+00:00")
    assert coprod(repo, "--base", "main").returncode == 0
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge AM-06", "change", date="2025-06-02T10:00:00+00:00")
    assert mkdocs_build(repo, "--strict").returncode == 0
    page = BeautifulSoup((repo / "site" / "charter" / "history" / "index.html").read_text(),
                         "html.parser")
    heading = page.find("h2", id="version-4")
    assert heading is not None and heading.get_text(" ", strip=True) == "Version 4 (the current version)"
    ins = heading.find_next("ins")
    assert ins is not None and ins.get_text() == "[added: , or go home early]"


def test_a_part_taken_out_is_pointed_at_a_line_the_file_has(repo: Path) -> None:
    """An annotation past the end of the file is shown nowhere on a pull request."""
    charter = (repo / "content" / "charter.md").read_text()
    shorter = charter[:charter.index("## Looking after each other")].rstrip() + "\n"
    result = propose(repo, {"content/charter.md": shorter.replace("version: 3", "version: 4")})
    taken_out = [line for line in guard_lines(result) if "taken out" in line]
    assert taken_out, result.stdout
    last = len(shorter.splitlines())
    assert all(int(line.split(", line ")[1].split(":")[0]) <= last for line in taken_out)


AM_01_FILE = "content/amendments/AM-01-travel.md"


def test_an_agreed_amendment_cannot_be_withdrawn_deleted_or_renamed_and_rewritten(repo: Path) -> None:
    """Only its title and words were kept before: its status, its clauses and the amendment itself
    could go, leaving the charter's wording with no record of who agreed it."""
    agreed = (repo / AM_01_FILE).read_text()
    withdrawn = propose(repo, {AM_01_FILE: agreed.replace("status: agreed", "status: withdrawn\nreason: No.")})
    assert guard_lines(withdrawn) == [
        ("content/amendments/AM-01-travel.md, line 3: AM-01 was already agreed, so its 'status' is part of the "
         "record of what the group agreed and cannot change: put back 'status: agreed'. To change the charter "
         "again, start a new amendment with 'coprod new amendment'.")]
    git(repo, "reset", "-q", "--hard", "main")
    deleted = propose(repo, {AM_01_FILE: None})
    assert [line for line in guard_lines(deleted) if "taken out" in line] == [
        ("content/amendments/AM-01-travel.md: was taken out, but AM-01 was agreed: it is the record of why the "
         "charter says what it does. Put it back.")]
    git(repo, "reset", "-q", "--hard", "main")
    renamed = propose(repo, {AM_01_FILE: None, "content/amendments/AM-01-bus.md":
                             agreed.replace("could not afford", "found it hard to pay for")})
    assert [line.split(",")[0] + ": " + line.split(": ", 1)[1][:40] for line in guard_lines(renamed)] == [
        "content/amendments/AM-01-bus.md: AM-01 was already agreed, so its words a"]


def test_taking_the_charter_out_is_an_error(repo: Path) -> None:
    result = propose(repo, {"content/charter.md": None})
    assert "content/charter.md: was taken out, but the charter is how the group works together: it changes " \
           "only by an agreed amendment. Put it back." in guard_lines(result)


def test_a_branch_behind_its_base_is_judged_by_what_it_changed(repo: Path) -> None:
    """main moved on (a new agreed version) after the branch left it; the branch changed only a
    meeting. Compared with main's tip, it looked as if it had undone main's change."""
    git(repo, "checkout", "-q", "main")
    write_files(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-home-early.md": AM_06})
    commit_all(repo, "AM-06: going home early", "2025-06-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "change")
    result = propose(repo, {"content/meetings/2025-04-11-charter-review.md":
                            REVIEW_MEETING.replace("Charter review", "Our charter review")})
    assert guard_lines(result) == []


def test_lines_wrapped_at_other_places_are_not_a_change(repo: Path) -> None:
    charter = (repo / "content/charter.md").read_text()
    rewrapped = charter.replace("We can change the leaflets and the posters. We cannot change the budget.",
                                "We can change the leaflets and the posters.\nWe cannot change the budget.")
    assert rewrapped != charter
    assert guard_lines(propose(repo, {"content/charter.md": rewrapped})) == []


def test_two_changes_agreed_one_after_the_other_can_be_one_pull_request(repo: Path) -> None:
    """AM-06 made version 4 and AM-07 version 5: the guard asked for version 4, then, once given,
    for version 5, and never let both through."""
    am_07 = AM_06.replace("title: Going home early", "title: Posters and badges").replace(
        "clauses: [wellbeing]", "clauses: [remit]").replace("charter_version: 4", "charter_version: 5")
    charter_5 = CHARTER_4.replace("version: 4", "version: 5").replace(
        "the leaflets and the posters.", "the leaflets, the posters and the badges.")
    assert charter_5 != CHARTER_4
    result = propose(repo, {"content/charter.md": charter_5, "content/amendments/AM-06-home-early.md": AM_06,
                            "content/amendments/AM-07-badges.md": am_07})
    assert guard_lines(result) == []
    assert notes(result) == [
        ("note: content/charter.md, line 14: goes from version 3 to 5: the parts 'What we can and cannot "
        "change' and 'Looking after each other' changed. Agreed by AM-06 ('Going home early') at the "
        "meeting of 11 April 2025 and AM-07 ('Posters and badges') at the meeting of 11 April 2025.")]
    unnamed = propose(repo, {"content/amendments/AM-07-badges.md": am_07.replace("clauses: [remit]",
                                                                               "clauses: [purpose]")})
    assert any("AM-06 and AM-07 do not list 'remit'" in line for line in guard_lines(unnamed))


def test_a_part_an_agreed_change_renamed_leaves_no_warning_that_could_never_be_cleared(repo: Path) -> None:
    """A clause taken out or renamed by an agreed change stays named by that change, which may
    not be edited: a warning about it could never go, and the publishing workflow's `build
    --strict` would stop for good. With the charter's whole history in git, only a name no
    version ever had is said."""
    renamed = CHARTER_3.replace("version: 3", "version: 4").replace("{#wellbeing}", "{#well-being}")
    result = propose(repo, {"content/charter.md": renamed, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("clauses: [wellbeing]", "clauses: [wellbeing, well-being]")})
    assert result.returncode == 0, result.stdout
    assert [line for line in result.stdout.splitlines() if "clause" in line] == []
    assert coprod(repo, "--strict").returncode == 0

    misspelt = AM_06.replace("clauses: [wellbeing]", "clauses: [well-being, paymants]")
    write_files(repo, {"content/amendments/AM-06-going-home.md": misspelt})
    assert [line for line in coprod(repo).stdout.splitlines() if "clause" in line] == [
        ("warning: content/amendments/AM-06-going-home.md, line 6: 'paymants' has never been a clause of "
        "the charter, in any version git has. Did you mean 'payments'?")]


@pytest.mark.parametrize("charter", [CHARTER_3, CHARTER_3.replace("version: 3", "version: 4")],
                         ids=["version as it was", "version put up"])
def test_an_amendment_agreed_with_no_change_to_the_charters_words_is_an_error(repo: Path, charter: str) -> None:
    """The reviewer would approve a change that is not there, and the history show a version
    that changed nothing."""
    result = propose(repo, {"content/charter.md": charter,
                            "content/amendments/AM-06-going-home.md": AM_06.replace("[wellbeing]", "[travel]")})
    assert [line for line in guard_lines(result) if line.startswith("content/amendments/")] == [
        ("content/amendments/AM-06-going-home.md, line 3: AM-06 is agreed in this change, but the charter's "
        "words did not change. Make the change the meeting agreed in content/charter.md, in this same change, "
        "with 'version: 4'; or leave 'status' as it was until then.")]
    assert result.returncode == 1


def test_agreeing_a_change_already_made_needs_no_new_wording(repo: Path) -> None:
    """Recording that version 3's change was agreed, after the charter already says it."""
    am_02 = (repo / "content/amendments/AM-02-posters.md").read_text()
    write_files(repo, {"content/amendments/AM-02-posters.md": am_02.replace("status: agreed", "status: proposed")})
    commit_all(repo, "Not agreed yet", "2025-05-01T10:00:00+00:00")
    git(repo, "branch", "-f", "main")
    result = propose(repo, {"content/amendments/AM-02-posters.md": am_02})
    assert [line for line in guard_lines(result) if "did not change" in line] == []


@pytest.mark.parametrize("named", ["[wellbeing]", "[well-being]"])
def test_a_clause_whose_id_alone_changed_is_one_change_named_by_either_id(repo: Path, named: str) -> None:
    renamed = CHARTER_3.replace("version: 3", "version: 4").replace("{#wellbeing}", "{#well-being}")
    result = propose(repo, {"content/charter.md": renamed, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("clauses: [wellbeing]", f"clauses: {named}")})
    assert guard_lines(result) == []
    assert result.returncode == 0, result.stdout


def test_words_put_before_the_first_heading_with_an_amendment_for_another_part_are_an_error(repo: Path) -> None:
    """'This charter replaces all earlier agreements.' had slipped in beside an agreed change."""
    charter = CHARTER_4.replace("---\n## Why we exist", "---\nThis charter replaces all earlier agreements.\n\n## Why we exist")
    result = propose(repo, {"content/charter.md": charter, "content/amendments/AM-06-going-home.md": AM_06})
    assert guard_lines(result) == [
        ("content/charter.md, line 8: the text before the first heading changed, but an amendment names the parts "
        "it changes by their headings' ids, and this text has none. Put it under a heading with an id, like "
        "## Who we are {#who}, and list that id in 'clauses'.")]


def test_the_charters_own_record_changed_in_a_pull_request_is_a_warning_to_say_why(repo: Path) -> None:
    """When the charter was adopted, and which versions the history leaves out, had changed
    with nothing said: no amendment is needed, but the reviewer should see it."""
    charter = CHARTER_3.replace("adopted_on: 2025-01-10", "adopted_on: 2024-06-01").replace(
        "review_by: 2026-01-10", "review_by: 2027-01-10\nwithheld_versions: [1]")
    result = propose(repo, {"content/charter.md": charter})
    said = [line for line in result.stdout.splitlines() if "in this pull request" in line]
    assert said == [
        ("warning: content/charter.md, line 4: 'adopted_on' (when the charter was first agreed) changed in this pull "
        "request, from '2025-01-10' to '2024-06-01'. That needs no amendment, but say why in the pull request, so a "
        "reviewer can check it."),
        ("warning: content/charter.md, line 7: 'withheld_versions' (which versions' wording the history page leaves "
        "out) changed in this pull request, from 'nothing' to '[1]'. That needs no amendment, but say why in the "
        "pull request, so a reviewer can check it.")]
    assert result.returncode == 0, result.stdout


def test_a_new_group_answers_its_charters_questions_without_an_amendment(tmp_path: Path) -> None:
    """After 'coprod init' was pushed, writing the first charter asked for an agreed amendment
    at a meeting with agreed minutes: a forming group could not start. Once answered, the
    charter changes only by amendment, and its history starts from the answers."""
    root = tmp_path / "young-voices"
    init_group(root, "Young Voices", dt.date(2025, 1, 10))
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Start our group", "2025-01-10T12:00:00+00:00")
    git(root, "checkout", "-q", "-b", "our-words")
    charter = root / "content/charter.md"
    written = charter.read_text(encoding="utf-8")
    for question in CHARTER_QUESTIONS:
        written = written.replace(question, "We answer this in our own words.")
    charter.write_text(written, encoding="utf-8")
    commit_all(root, "Our charter in our words", "2025-01-17T12:00:00+00:00")
    assert [line for line in guard_lines(coprod(root, "--base", "main")) if "charter" in line] == []
    kept = written.replace("Any member can suggest a change.", "Only the chair can suggest a change.")
    charter.write_text(kept, encoding="utf-8")  # a part that asked no question: as any change, by amendment
    commit_all(root, "And the rule for changes", "2025-01-17T12:30:00+00:00")
    assert any("no amendment" in line for line in guard_lines(coprod(root, "--base", "main")))
    charter.write_text(written, encoding="utf-8")
    commit_all(root, "Back as it was", "2025-01-17T12:40:00+00:00")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "our-words", "-m", "Merge our words", date="2025-01-17T13:00:00+00:00")
    charter.write_text(written.replace("We answer this in our own words.", "We changed our minds.", 1), encoding="utf-8")
    commit_all(root, "A change", "2025-02-01T12:00:00+00:00")
    assert any("no amendment" in line for line in guard_lines(coprod(root, "--base", "HEAD~1")))
    git(root, "reset", "-q", "--hard", "HEAD~1")
    group, _ = load_group(root)
    history = build_charter_history(Published(group, dt.date(2025, 2, 1)))
    assert history is not None and [v.number for v in history.versions] == [1]
    first = history.versions[0]
    words = " ".join(clause.text for clause in first.wording)
    assert "We answer this in our own words." in words and CHARTER_QUESTIONS[0] not in words
    assert first.published_on == dt.date(2025, 1, 17) and first.later_edits is None


def test_a_charter_change_on_a_branch_behind_a_newer_charter_must_catch_up_first(repo: Path) -> None:
    """main agreed version 4 (AM-06) after this branch left it, while the branch made its own
    version 4 (AM-07). Compared with where they part, the branch looked right and was said to be
    agreed; git merges the two without a conflict, leaving two changes called version 4."""
    am_07 = AM_06.replace("title: Going home early", "title: Posters and badges").replace(
        "clauses: [wellbeing]", "clauses: [remit]")
    badges = "the leaflets, the posters and the badges."
    write_files(repo, {"content/charter.md": CHARTER_3.replace("version: 3", "version: 4").replace(
        "the leaflets and the posters.", badges), "content/amendments/AM-07-badges.md": am_07})
    commit_all(repo, "AM-07: posters and badges", "2025-06-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    write_files(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-home-early.md": AM_06})
    commit_all(repo, "AM-06: going home early", "2025-06-02T10:00:00+00:00")
    git(repo, "checkout", "-q", "change")
    result = coprod(repo, "--base", "main")
    assert notes(result) == []
    assert guard_lines(result) == [
        ("content/charter.md, line 3: 'main' has a newer charter than this branch started from: version 4, "
         "agreed by AM-06 ('Going home early'). Bring this branch up to date with 'main' first (merge it in, "
         "or rebase onto it), then make this change version 5.")]
    assert result.returncode == 1
    git(repo, "rebase", "-q", "main")  # caught up: the usual rules say what is left to do
    assert guard_lines(coprod(repo, "--base", "main")) == [
        ("content/amendments/AM-07-badges.md, line 8: 'charter_version' 4 was already made by AM-06. Each "
         "agreed change makes a new version."),
        ("content/amendments/AM-07-badges.md, line 8: 'charter_version' should be 5, the charter's new version, "
         "not 4."),
        "content/charter.md, line 3: 'version' is still 4, but the charter's text changed. Set it to 5."]


def test_a_proposal_started_or_edited_beside_an_agreed_change_is_not_taken_for_it(repo: Path) -> None:
    """The meeting that agreed AM-06 also heard a new idea, started with 'coprod new amendment'
    (which sets charter_version to the next version), and the facilitator added it to the same
    pull request: it was blamed for not being agreed, and the agreed change was blocked."""
    am_07 = AM_06.replace("title: Going home early", "title: Badges").replace("status: agreed", "status: proposed").replace(
        "clauses: [wellbeing]", "clauses: [remit]").replace("agreed_at: 2025-04-11-charter-review\n", "")
    am_05 = (repo / "content/amendments/AM-05-who-for.md").read_text()
    result = propose(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-going-home.md": AM_06,
                            "content/amendments/AM-07-badges.md": am_07, "content/amendments/AM-05-who-for.md":
                            am_05.replace("clauses: [purpose]", "clauses: [purpose]\ncharter_version: 4")})
    assert guard_lines(result) == []
    assert result.returncode == 0, result.stdout
    assert [note.split("Agreed by ")[1] for note in notes(result)] == [
        "AM-06 ('Going home early') at the meeting of 11 April 2025."]


def test_a_proposed_amendment_is_told_once_what_to_do(repo: Path) -> None:
    """A proposal has no meeting that agreed it yet: 'agreed_at' is missing was said as well."""
    result = propose(repo, {"content/charter.md": CHARTER_4, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("status: agreed", "status: proposed").replace(
                                "agreed_at: 2025-04-11-charter-review\n", "")})
    assert [line for line in guard_lines(result) if line.startswith("content/amendments/")] == [
        ("content/amendments/AM-06-going-home.md, line 3: 'status' is proposed, but this change alters the "
         "charter's text. The charter changes only after a meeting agrees: set status to agreed and fill in "
         "agreed_at once it has. Until then, leave the charter as it is.")]


def test_a_part_taken_out_or_renamed_is_said_as_such(repo: Path) -> None:
    """'the part taken out 'Looking after each other' changed' read as if it were still there, and
    a renamed part was named only by its new heading, which the reviewer could not find in main."""
    charter = (repo / "content" / "charter.md").read_text()
    shorter = charter[:charter.index("## Looking after each other")].rstrip() + "\n"
    taken_out = guard_lines(propose(repo, {"content/charter.md": shorter.replace("version: 3", "version: 4")}))
    assert ("content/charter.md, line 18: the part 'Looking after each other' was taken out, but no amendment "
            "in this change says so. Add one with 'coprod new amendment'. Once a meeting agrees it, set status: "
            "agreed, agreed_at and charter_version: 4.") in taken_out
    renamed = guard_lines(propose(repo, {"content/charter.md": CHARTER_4.replace(
        "Looking after each other", "Caring for each other"), "content/amendments/AM-06-going-home.md":
        AM_06.replace("clauses: [wellbeing]", "clauses: [purpose]")}))
    assert ("content/charter.md, line 20: the part 'Caring for each other' (until now 'Looking after each other') "
            "changed, but AM-06 does not list 'wellbeing' in 'clauses'. Add it there.") in renamed


def test_the_note_for_an_agreed_change_says_a_part_was_taken_out_as_the_problems_do(repo: Path) -> None:
    """The note read "the parts 'Why we exist' and 'Looking after each other' (taken out) changed",
    while a problem about the same part said it "was taken out"."""
    charter = CHARTER_3.replace("version: 3", "version: 4").replace(
        "We help make hospital visits better.", "We help make hospital visits better for everyone.")
    shorter = charter[:charter.index("## Looking after each other")].rstrip() + "\n"
    result = propose(repo, {"content/charter.md": shorter, "content/amendments/AM-06-going-home.md":
                            AM_06.replace("clauses: [wellbeing]", "clauses: [purpose, wellbeing]")})
    assert guard_lines(result) == []
    assert notes(result) == [
        ("note: content/charter.md, line 10: goes from version 3 to 4: the part 'Why we exist' changed and the "
         "part 'Looking after each other' was taken out. Agreed by AM-06 ('Going home early') at the meeting of "
         "11 April 2025.")]


def _moved_before(charter: str, heading: str, before: str) -> str:
    """`charter` with the part under `heading` put before the part under `before`, word for word."""
    head, *parts = charter.split("\n## ")
    part = next(p for p in parts if p.startswith(heading))
    parts.remove(part)
    parts.insert(next(i for i, p in enumerate(parts) if p.startswith(before)), part)
    return "\n## ".join([head, *(p.rstrip("\n") + "\n" for p in parts)])


def test_a_part_moved_with_its_words_is_said_to_the_reviewer(repo: Path) -> None:
    """Moving a part passed with nothing said: the pull request showed its lines taken out and
    written again, and the reviewer had to compare them by eye to know no words changed."""
    moved = _moved_before(CHARTER_3, "Payments and expenses", "What we can")
    assert moved != CHARTER_3 and sorted(moved.splitlines()) == sorted(CHARTER_3.splitlines())
    result = propose(repo, {"content/charter.md": moved})
    assert result.stdout.splitlines() == [
        "No problems found.",
        ("note: content/charter.md, line 12: the part 'Payments and expenses' moved, with no words changed, so no "
         "amendment is needed.")]
    assert result.returncode == 0
    git(repo, "reset", "-q", "--hard", "main")
    with_agreed_change = propose(repo, {"content/charter.md": _moved_before(CHARTER_4, "Payments", "What we can"),
                                        "content/amendments/AM-06-going-home.md": AM_06})
    assert notes(with_agreed_change) == [
        ("note: content/charter.md, line 20: goes from version 3 to 4: the part 'Looking after each other' changed. "
         "Agreed by AM-06 ('Going home early') at the meeting of 11 April 2025. The part 'Payments and expenses' "
         "moved too, with no words changed.")]


def test_a_move_the_group_agreed_as_an_amendment_is_a_new_version(repo: Path) -> None:
    """A group may agree a new order for its charter: an amendment naming the part it moves, agreed
    with the version put up, was told the charter's words did not change, and the reviewer that no
    amendment was needed. The new order is agreed, like new words."""
    moved = _moved_before(CHARTER_3, "Payments and expenses", "What we can").replace("version: 3", "version: 4")
    am_06 = AM_06.replace("title: Going home early", "title: Money first").replace(
        "clauses: [wellbeing]", "clauses: [payments]")
    result = propose(repo, {"content/charter.md": moved, "content/amendments/AM-06-money-first.md": am_06})
    assert result.stdout.splitlines() == [
        "No problems found.",
        ("note: content/charter.md, line 12: goes from version 3 to 4: the part 'Payments and expenses' moved, "
         "with no words changed. Agreed by AM-06 ('Money first') at the meeting of 11 April 2025.")]
    assert result.returncode == 0
    git(repo, "reset", "-q", "--hard", "main")
    left_behind = propose(repo, {"content/charter.md": moved.replace("version: 4", "version: 3"),
                                 "content/amendments/AM-06-money-first.md": am_06})
    assert left_behind.stdout.splitlines()[:2] == [
        ("content/charter.md, line 3: 'version' is 3 but the agreed amendments reach version 4 (AM-06). "
         "Make 'version' 4."),
        "Found 1 error."]


def test_two_agreed_changes_with_the_version_put_up_once_are_told_only_the_version(repo: Path) -> None:
    """AM-06 (version 4) and AM-07 (version 5) agreed, the charter left at version 4: AM-06 was
    told to list AM-07's part in its own 'clauses', which would have rewritten what it agreed."""
    am_07 = AM_06.replace("title: Going home early", "title: Posters and badges").replace(
        "clauses: [wellbeing]", "clauses: [remit]").replace("charter_version: 4", "charter_version: 5")
    result = propose(repo, {"content/charter.md": CHARTER_4.replace("the leaflets and the posters.",
                                                                    "the leaflets, the posters and the badges."),
                            "content/amendments/AM-06-home-early.md": AM_06, "content/amendments/AM-07-badges.md": am_07})
    assert result.stdout.splitlines() == [
        "content/charter.md, line 3: 'version' is 4 but the agreed amendments reach version 5 (AM-07). Make 'version' 5.",
        "Found 1 error."]
