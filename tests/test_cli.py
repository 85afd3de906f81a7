"""The `coprod` command as a facilitator uses it: exit codes, messages, new groups and records."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import build_env
from groups import FILES, PROJECT, write_files

from coprod_site.permalinks import LEDGER_HEADER
from coprod_site.preview import problems_page
from coprod_site.published import PREVIEW_DRAFTS
from coprod_site.records import Group
from coprod_site.scaffold import installed_copy, new_meeting


def coprod(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `coprod` command in a child process."""
    return subprocess.run([sys.executable, "-m", "coprod_site.cli", *args], capture_output=True,
                          text=True, env=build_env(), cwd=cwd, timeout=300, check=False)


def test_check_of_a_clean_group_exits_zero(group_dir: Path) -> None:
    result = coprod("check", str(group_dir))
    assert (result.returncode, result.stdout.strip()) == (0, "No problems found.")


def test_check_lists_every_problem_then_a_count_and_exits_one(group_dir: Path) -> None:
    write_files(group_dir, {
        "content/decisions/D-001-own-words.md": FILES["content/decisions/D-001-own-words.md"]
        .replace("status: agreed", "status: done"),
        "content/project.yml": FILES["content/project.yml"] + "colour: blue\n",
    })
    result = coprod("check", str(group_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        ("content/decisions/D-001-own-words.md, line 6: 'status' should be one of 'proposed', 'agreed', "
        "'rejected' or 'superseded', not 'done'."),
        ("warning: content/project.yml, line 16: 'colour' is not a field we know, so it is ignored. "
        "Check the spelling, or remove it."),
        "Found 1 error and 1 warning.",
    ]
    assert "Traceback" not in result.stderr


def test_a_broken_project_yml_does_not_hide_the_other_records_problems(group_dir: Path) -> None:
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    write_files(group_dir, {
        "content/project.yml": FILES["content/project.yml"].replace("organisation:", "organisatio:"),
        meeting: FILES[meeting].replace("We met for the first time.", "We met. Ring 0161 496 0123."),
    })
    errors = [line for line in coprod("check", str(group_dir)).stdout.splitlines() if not line.startswith("warning")]
    assert errors == [
        f"{meeting}, line 34: has a phone number (0161\u2026). Phone numbers are never published.",
        "content/project.yml, line 1: 'organisation' is missing. Add it.",
        "Found 2 errors and 1 warning.",
    ]


def test_a_check_passing_with_warnings_says_they_stop_publishing(tmp_path: Path) -> None:
    """A facilitator saw 'Found 0 errors and 15 warnings' pass, pushed, and the site did not
    publish: the workflows 'coprod init' writes build with --strict. Where the group publishes
    that way, the check says so; where it does not, it says nothing more."""
    root = tmp_path / "group"
    assert coprod("init", str(root)).returncode == 0
    checked = coprod("check", str(root))
    assert checked.returncode == 0
    assert re.fullmatch(r"Found 0 errors and \d+ warnings\.", checked.stdout.splitlines()[-2])
    assert checked.stdout.splitlines()[-1] == (
        "Warnings do not stop this check, but they stop publishing, which builds with --strict: put them right "
        "before you publish.")
    shutil.rmtree(root / ".github")
    (root / ".gitlab-ci.yml").unlink()
    assert "publishing" not in coprod("check", str(root)).stdout


def test_warnings_pass_unless_strict(group_dir: Path, tmp_path: Path) -> None:
    write_files(group_dir, {"content/project.yml": FILES["content/project.yml"] + "colour: blue\n"})
    assert coprod("check", str(group_dir)).returncode == 0
    strict = coprod("check", str(group_dir), "--strict")
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[-2:] == [
        "Found 0 errors and 1 warning.",
        "With --strict, warnings stop it too: fix them, or run it without --strict."]
    built = coprod("build", str(group_dir), "--strict", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 1
    assert built.stderr.endswith("With --strict, warnings stop it too: fix them, or run it without --strict.\n")
    # an error stops any build: leaving out --strict would not help, so it is not said
    write_files(group_dir, {"content/project.yml": FILES["content/project.yml"] + "colour: blue\nstarted_on: soon\n"})
    for command in ("check", "build"):
        stopped = coprod(command, str(group_dir), "--strict", *(["--site-dir", str(tmp_path / "site")]
                                                                 if command == "build" else []))
        assert stopped.returncode == 1 and "--strict" not in stopped.stdout + stopped.stderr


def test_a_reminder_is_said_but_does_not_fail_a_strict_check(group_dir: Path) -> None:
    """A summary owed comes with time: a group held to its warnings still passes while it writes up."""
    planned = "content/meetings/2027-06-10-summer.md"
    write_files(group_dir, {planned: None, "content/meetings/2026-06-10-summer.md":
                            FILES[planned].replace("2027-06-10", "2026-06-10")})
    result = coprod("check", str(group_dir), "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "Found 0 errors and 1 reminder."
    assert result.stdout.startswith("reminder: content/meetings/2026-06-10-summer.md, line 11: this meeting was planned")


def test_json_format_is_machine_readable(group_dir: Path) -> None:
    write_files(group_dir, {"content/project.yml": FILES["content/project.yml"] + "colour: blue\n"})
    problems = json.loads(coprod("check", str(group_dir), "--format", "json").stdout)
    assert problems == [{"path": "content/project.yml", "line": 16, "field": "colour",
                         "message": "'colour' is not a field we know, so it is ignored. Check the "
                                    "spelling, or remove it.", "severity": "warning"}]


def test_github_format_annotates_the_line(group_dir: Path) -> None:
    write_files(group_dir, {"content/project.yml": FILES["content/project.yml"] + "colour: blue\n"})
    output = coprod("check", str(group_dir), "--format", "github").stdout.strip()
    assert output == ("::warning file=content/project.yml,line=16::'colour' is not a field we know, "
                      "so it is ignored. Check the spelling, or remove it.")


def test_check_accepts_the_content_folder_too(group_dir: Path) -> None:
    assert coprod("check", str(group_dir / "content")).returncode == 0


@pytest.mark.parametrize("where", ["absolute", "elsewhere"])
def test_check_reads_a_content_folder_given_by_an_absolute_path(group_dir: Path, where: str) -> None:
    """docs_dir may be absolute, even outside the group's folder: the files are named as reached
    from the group's folder."""
    content = group_dir / "content"
    if where == "elsewhere":
        content = content.rename(group_dir.parent / "records")
    config = group_dir / "mkdocs.yml"
    config.write_text(config.read_text().replace("docs_dir: content", f"docs_dir: {content}"))
    write_files(content.parent, {f"{content.name}/project.yml": FILES["content/project.yml"] + "colour: blue\n"})
    result = coprod("check", ".", cwd=group_dir)
    shown = "content" if where == "absolute" else "../records"
    assert result.stdout.splitlines() == [
        (f"warning: {shown}/project.yml, line 16: 'colour' is not a field we know, so it is ignored. "
        "Check the spelling, or remove it."),
        "Found 0 errors and 1 warning.",
    ]
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["frobnicate"], ["new", "minutes"], []])
def test_usage_errors_exit_two(args: list[str]) -> None:
    assert coprod(*args).returncode == 2


@pytest.mark.parametrize(("args", "meant"), [(["chek"], "check"), (["new", "meting"], "meeting"),
                                             (["new", "report", "--report-kind", "farwell"], "farewell")])
def test_a_mistyped_command_or_kind_is_told_the_nearest(args: list[str], meant: str) -> None:
    result = coprod(*args)
    assert result.returncode == 2
    assert f"invalid choice: '{args[-1]}' (choose from " in result.stderr
    assert result.stderr.rstrip().endswith(f"). Did you mean {meant}?")
    assert coprod("frobnicate").stderr.rstrip().endswith("'new')")  # nothing near: no guess


def test_a_mistyped_option_is_told_by_its_command_with_the_nearest() -> None:
    """'--titel' had been answered with the top-level usage, 'coprod [-h] COMMAND ...'."""
    result = coprod("new", "meeting", "--titel", "Planning")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: coprod new ")
    assert "unrecognised arguments: --titel Planning. Did you mean --title?" in result.stderr
    missing = coprod("new")
    assert "required: meeting|decision|amendment|report" in missing.stderr


def test_init_then_build_gives_a_working_site(tmp_path: Path) -> None:
    target = tmp_path / "young-voices"
    result = coprod("init", str(target), "--name", "Young Voices: Leeds")
    assert result.returncode == 0, result.stderr
    # A new group's only warnings are the sentences it starts with, to replace with its own.
    *checked, found, publishing = coprod("check", str(target)).stdout.strip().splitlines()
    assert checked and all("still has the words it was started with" in line for line in checked)
    assert found == f"Found 0 errors and {len(checked)} warnings."
    assert publishing.startswith("Warnings do not stop this check, but they stop publishing")
    built = coprod("build", str(target))
    assert built.returncode == 0, built.stderr
    home = (target / "site" / "index.html").read_text(encoding="utf-8")
    assert "Young Voices: Leeds" in home
    charter = (target / "site" / "charter" / "index.html").read_text(encoding="utf-8")
    for question in ("Who is missing?", "Who sets the agenda", "How we meet", "What each of us gets from this",
                     "When we disagree", "Changing this charter"):
        assert question in charter
    for name in (".gitignore", "content/people.yml", "content/glossary.yml", "content/meetings/.gitkeep",
                 "content/amendments/.gitkeep"):  # (git keeps no empty folder: a clone would lack them)
        assert (target / name).is_file()
    ignored = (target / ".gitignore").read_text().split()
    assert {"site/", ".site.building-*/", ".site.old-*/"} <= set(ignored)  # a build stopped half-way leaves these


def test_init_refuses_a_folder_that_has_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = coprod("init", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"coprod: {tmp_path} already has files in it (notes.txt). Choose a new folder "
                                     "name, or start in an empty folder (a repository just cloned is fine, with "
                                     "the README GitHub or GitLab wrote).")


def test_init_starts_a_group_in_a_repository_just_cloned_and_says_what_next(tmp_path: Path) -> None:
    """A facilitator who made an empty repository and cloned it had been refused; and a folder
    name with a space was printed unquoted, so the next command pasted from it failed."""
    target = tmp_path / "our group"
    (target / ".git").mkdir(parents=True)
    (target / "LICENSE").write_text("CC BY 4.0")
    result = coprod("init", str(target), "--name", "Our group")
    assert result.returncode == 0, result.stderr
    assert (target / "LICENSE").read_text() == "CC BY 4.0" and (target / "mkdocs.yml").is_file()
    assert f"then run 'coprod serve '{target}''" in result.stdout and "site_url" in result.stdout
    copy = installed_copy()  # the last line says what requirements.txt installs, or that it cannot know
    said = result.stdout.strip().splitlines()[-1]
    assert f"'{target / 'requirements.txt'}'" in said
    assert (copy in said and copy in (target / "requirements.txt").read_text()) if copy else "Before publishing" in said


def cloned_repository(folder: Path, files: dict[str, str]) -> Callable[..., str]:
    """A repository as GitHub or GitLab makes it and `git clone` brings it: `files` in its first
    commit. Returns git, run there."""
    def git(*command: str) -> str:
        return subprocess.run(["git", "-c", "user.name=Sam", "-c", "user.email=team-inbox@example.org", *command],
                              cwd=folder, check=True, capture_output=True, text=True, timeout=60).stdout

    write_files(folder, files)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Initial commit")
    return git


def test_init_starts_a_group_in_a_repository_that_came_with_a_readme(tmp_path: Path) -> None:
    """GitLab writes a README in a new project unless told not to, and GitHub offers to: a
    facilitator who cloned one was told the folder already had files. Git keeps those words."""
    target = tmp_path / "young-voices"
    git = cloned_repository(target, {"README.md": "# young-voices\n", ".gitignore": "*.pyc\n", "LICENSE": "MIT"})
    result = coprod("init", str(target), "--name", "Young Voices")
    assert result.returncode == 0, result.stderr
    assert "This folder holds the records of Young Voices" in (target / "README.md").read_text()
    assert "site/" in (target / ".gitignore").read_text().split()
    assert result.stdout.splitlines()[1] == ("Replaced README.md and .gitignore, which the repository started "
                                             "with, by this group's own (git keeps the old ones in its history).")
    assert git("show", "HEAD:README.md") == "# young-voices\n"


@pytest.mark.parametrize("change", ["written in", "not committed"])
def test_init_never_writes_over_a_readme_git_does_not_keep(tmp_path: Path, change: str) -> None:
    target = tmp_path / "young-voices"
    cloned_repository(target, {"README.md": "# young-voices\n"} if change == "written in" else {"LICENSE": "MIT"})
    (target / "README.md").write_text("# Young Voices\n\nOur plans, written by hand.\n")
    result = coprod("init", str(target))
    assert result.returncode == 1
    assert "already has files in it (README.md)" in result.stderr
    assert (target / "README.md").read_text() == "# Young Voices\n\nOur plans, written by hand.\n"
    assert not (target / "mkdocs.yml").exists()


def test_a_command_run_beside_the_group_just_started_says_to_go_into_it(tmp_path: Path) -> None:
    """After 'coprod init young-voices', 'coprod check' in the same place listed three problems
    and said to run 'coprod init' again; build, serve and new said to start a group."""
    assert coprod("init", "young-voices", cwd=tmp_path).returncode == 0
    told = (f"coprod: {tmp_path} is not a group's folder, but young-voices in it is. Go into it with "
            "'cd young-voices', then run the command again.")
    for command in (["check"], ["build"], ["serve"], ["new", "meeting", "--title", "Planning"]):
        result = coprod(*command, cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr.strip()) == (1, "", told), command
    assert sorted(path.name for path in tmp_path.iterdir()) == ["young-voices"]
    assert coprod("init", "old-voices", cwd=tmp_path).returncode == 0
    assert coprod("check", str(tmp_path)).stderr.strip() == (
        f"coprod: {tmp_path} is not a group's folder, but old-voices and young-voices in it are. Go into one "
        f"with 'cd {tmp_path / 'old-voices'}', then run the command again.")


def test_check_where_there_is_no_group_says_so_in_one_sentence(tmp_path: Path) -> None:
    """'coprod check' in an empty folder, or one with no group, had listed three problems: a
    content folder, a charter and a mkdocs.yml to add. It says there is no group, and how to start one."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("Book the room\n")
    (tmp_path / "empty").mkdir()
    for folder, start in (("notes", "'coprod init our-group' (it makes the folder our-group here)"),
                          ("empty", "'coprod init .'")):
        where = tmp_path / folder
        said = (f"there is no group in {where}. Start one with {start}, or go into your group's folder with "
                "'cd', then run the command again.")
        result = coprod("check", cwd=where)
        assert (result.returncode, result.stdout, result.stderr.strip()) == (1, "", f"coprod: {said}")
        result = coprod("check", "--format", "json", cwd=where)
        assert (result.returncode, json.loads(result.stdout)) == (1, [
            {"path": ".", "line": None, "field": None, "message": said[0].upper() + said[1:], "severity": "error"}])
        result = coprod("check", "--format", "github", str(where))
        assert (result.returncode, result.stdout.strip()) == (1, f"::error file={where}::{said[0].upper()}{said[1:]}")
    missing = tmp_path / "misspelt"
    assert coprod("check", str(missing)).stderr.strip() == (
        f"coprod: there is no folder {missing}. Check the path, or go into your group's folder with 'cd', then run "
        "the command again.")


def test_a_group_without_its_content_folder_is_told_that_alone(tmp_path: Path) -> None:
    write_files(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"]})
    assert coprod("check", cwd=tmp_path).stdout.strip().splitlines() == [
        "content: there is no content folder here. Run 'coprod init' to start a new group, or check the path.",
        "Found 1 error."]


def test_the_version_is_one_flag_away() -> None:
    result = coprod("--version")
    assert result.returncode == 0 and re.fullmatch(r"coprod \d+\.\d+\.\d+\n", result.stdout)


def test_new_records_get_the_next_id_and_pass_the_checks(group_dir: Path) -> None:
    made = [coprod("new", kind, "--title", "Bus fares", "--path", str(group_dir)) for kind in
            ("meeting", "decision", "amendment")]
    assert [r.returncode for r in made] == [0, 0, 0]
    content = group_dir / "content"
    decision = content / "decisions" / "D-003-bus-fares.md"
    amendment = content / "amendments" / "AM-02-bus-fares.md"
    meeting = content / "meetings" / "2026-11-21-bus-fares.md"
    assert made[1].stdout.strip() == f"Created {decision}. Fill it in, then run 'coprod check'."
    assert "next free action id is ACT-003" in meeting.read_text()
    assert "charter_version: 3" in amendment.read_text()
    assert "choose from: purpose, remit, payments" in amendment.read_text()
    assert coprod("check", str(group_dir)).returncode == 0


def test_a_new_record_never_takes_the_number_of_a_file_with_a_mistake(group_dir: Path) -> None:
    """A decision or amendment whose file could not be read was not counted: the next new one
    took its number, and the two clashed once its mistake was fixed."""
    write_files(group_dir, {"content/decisions/D-003-broken.md": "---\ntitle: [unclosed\n---\nText.\n",
                            "content/amendments/AM-02-broken.md": "---\ntitle: Fares: cheaper\n---\nWhy.\n"})
    made = [coprod("new", kind, "--title", "Bus fares", "--path", str(group_dir)) for kind in ("decision", "amendment")]
    assert [r.returncode for r in made] == [0, 0], [r.stderr for r in made]
    content = group_dir / "content"
    assert (content / "decisions" / "D-004-bus-fares.md").is_file()
    assert (content / "amendments" / "AM-03-bus-fares.md").is_file()


@pytest.mark.parametrize("date", ["2026-12-01", "2026-11-01"], ids=["planned", "draft"])
def test_the_notes_in_a_new_meeting_line_up_whatever_its_status(date: str) -> None:
    """'status: draft' had its note two spaces left of the others."""
    record = new_meeting(Group(root=".", content="content"), Path("content"), "Bus fares",
                         dt.date.fromisoformat(date), dt.date(2026, 11, 21))
    assert {line.index(" #") for line in record.text.splitlines() if " #" in line} == {26}


def test_new_and_build_find_the_group_from_a_folder_inside_it(group_dir: Path, tmp_path: Path) -> None:
    """A facilitator in content/meetings runs `coprod new meeting`, as `coprod check` works there."""
    meetings = group_dir / "content" / "meetings"
    made = coprod("new", "meeting", "--title", "Bus fares", cwd=meetings)
    assert made.returncode == 0, made.stderr
    assert (meetings / "2026-11-21-bus-fares.md").is_file()
    built = coprod("build", "--site-dir", str(tmp_path / "site"), cwd=meetings)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    (tmp_path / "elsewhere").mkdir()
    for command in (["build"], ["serve"], ["check"], ["new", "meeting", "--path"]):
        nowhere = coprod(*command, str(tmp_path / "elsewhere"))
        assert nowhere.stderr.strip() == (f"coprod: there is no group in {tmp_path / 'elsewhere'}. Start one with "
                                          "'coprod init .', or go into your group's folder with 'cd', then run the "
                                          "command again."), command
    write_files(tmp_path / "half", {"content/project.yml": PROJECT})
    assert coprod("build", str(tmp_path / "half")).stderr.strip() == (
        f"coprod: there is no mkdocs.yml in {tmp_path / 'half'}. Run this in your group's folder, or start one "
        "with 'coprod init'.")


def test_new_report_has_the_five_sections(group_dir: Path) -> None:
    os.remove(group_dir / "content/reports/impact-2025.md")
    assert coprod("new", "report", "--date", "2025-06-01", "--path", str(group_dir)).returncode == 0
    text = (group_dir / "content/reports/impact-2025.md").read_text()
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Aim", "## Methods", "## Results", "## Discussion and conclusions", "## Reflections"]
    assert coprod("check", str(group_dir)).returncode == 0


def test_new_never_writes_over_a_record_and_says_what_to_do_instead(group_dir: Path) -> None:
    report = group_dir / "content/reports/impact-2025.md"
    before = report.read_bytes()
    again = coprod("new", "report", "--date", "2025-06-01", "--path", str(group_dir))
    assert again.returncode == 1
    assert again.stderr == (f"coprod: {report} already exists. That is the impact report for 2025: open it and "
                            "carry on writing it, or give another year with --date.\n")
    assert report.read_bytes() == before
    first = coprod("new", "meeting", "--title", "Bus fares", "--date", "2025-06-01", "--path", str(group_dir))
    second = coprod("new", "meeting", "--title", "Bus fares", "--date", "2025-06-01", "--path", str(group_dir))
    assert (first.returncode, second.returncode) == (0, 1)
    meeting = group_dir / "content/meetings/2025-06-01-bus-fares.md"
    assert second.stderr == (f"coprod: {meeting} already exists. If it is this meeting, open it and carry on "
                             "writing it; if it is another, give it a different title: coprod new meeting --title "
                             f"'Bus fares, part 2' --date 2025-06-01 --path {group_dir}\n")
    untitled = [coprod("new", "meeting", "--date", "2025-07-01", cwd=group_dir) for _ in range(2)]
    assert (untitled[1].returncode, untitled[1].stderr) == (1, (
        "coprod: content/meetings/2025-07-01-new-meeting.md already exists. If it is this meeting, open it and carry "
        "on writing it; if it is another, give it a different title: coprod new meeting --title 'What it is about' "
        "--date 2025-07-01\n"))


def test_build_failure_is_a_message_not_a_traceback(group_dir: Path) -> None:
    write_files(group_dir, {"content/project.yml": "name: [unclosed\n"})
    result = coprod("build", str(group_dir))
    assert result.returncode == 1
    assert "content/project.yml, line 1: this line cannot be read: its '[' is never closed." in result.stderr
    assert "Traceback" not in result.stderr


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(group_dir: Path, *options: str) -> Iterator[Callable[[str], str]]:
    """`coprod serve` of the group, and a way to read one of its pages once it answers."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "coprod_site.cli", "serve", str(group_dir),
                               "--dev-addr", f"127.0.0.1:{port}", *options], env=build_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def read(path: str) -> str:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/test/{path}", timeout=5) as response:
                    return str(response.read().decode("utf-8"))
            except urllib.error.HTTPError:
                raise
            except OSError:
                assert time.monotonic() < deadline, "coprod serve did not answer within a minute"
                assert server.poll() is None, "coprod serve stopped"
                time.sleep(0.3)
    try:
        yield read
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_previews_the_site(group_dir: Path) -> None:
    """`coprod serve` serves under the path of site_url, as the site will be published; draft
    minutes are nowhere in it."""
    with serving(group_dir) as read:
        assert "Our first meeting" in read("meetings/")
        assert "A draft meeting" not in read("meetings/")
        with pytest.raises(urllib.error.HTTPError):
            read("meetings/2025-03-14-draft/")


def test_serve_with_drafts_shows_minutes_not_yet_agreed_as_they_will_look_saying_so(group_dir: Path) -> None:
    """A facilitator writing up a meeting on a Friday wants to see it before circulating it,
    without marking it agreed (and publishing it by mistake)."""
    decision = FILES["content/decisions/D-002-budget.md"].replace("2025-02-14-leaflets", "2025-03-14-draft").replace(
        "2025-02-14", "2025-03-14")
    draft = FILES["content/meetings/2025-03-14-draft.md"].replace("---\nSECRET", "decisions: [D-003]\n---\nSECRET")
    write_files(group_dir, {"content/decisions/D-003-secret.md": decision, "content/meetings/2025-03-14-draft.md": draft})
    with serving(group_dir, "--drafts") as read:
        assert ("<strong>Draft:</strong>\nThis decision goes on the website once the group agrees the minutes of the "
                "meeting that made it.") in read("decisions/D-003/")
        page = read("meetings/2025-03-14-draft/")
        assert "SECRET-DRAFT-MARKER should never be published." in page
        assert ("<strong>Draft:</strong>\nThis summary goes on the website once the group agrees it. Only this "
                "preview, on your computer, shows it.") in page
        assert "The group agreed this summary" not in page
        assert "A draft meeting</a> (14 March 2025) <span class=\"coprod-status coprod-status--draft\">draft, in this " \
               "preview only</span>" in read("meetings/")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(group_dir / "mkdocs.yml")],
                            capture_output=True, text=True, env={**build_env(), PREVIEW_DRAFTS: "1"}, check=False)
    assert result.returncode == 0, result.stderr
    assert not (group_dir / "site/meetings/2025-03-14-draft").exists()  # a build never shows them


def test_drafts_are_previewed_only_on_this_computer(group_dir: Path) -> None:
    result = coprod("serve", str(group_dir), "--drafts", "-a", "0.0.0.0:8719")
    assert result.returncode == 1
    assert result.stderr == ("coprod: draft minutes are previewed only on this computer, not at 0.0.0.0:8719, "
                             "where others could see them. Leave out -a, or use 'coprod serve --drafts -a "
                             "127.0.0.1:8001'.\n")


def page_saying(read: Callable[[str], str], path: str, words: str) -> str:
    """The page at `path` once it says `words` (the preview rebuilds after each save)."""
    deadline = time.monotonic() + 60
    while words not in (text := read(path)):
        assert time.monotonic() < deadline, f"the preview never said {words!r}"
        time.sleep(0.3)
    return text


def test_a_preview_shows_the_problems_of_a_file_saved_broken_until_it_is_fixed(group_dir: Path) -> None:
    """MkDocs held every request while a rebuild failed: the browser spun, with no word why.
    The browser now gets a page of the problems, which turns back into the site once fixed."""
    meeting = group_dir / "content" / "meetings" / "2025-02-14-leaflets.md"
    written = meeting.read_text()
    with serving(group_dir) as read:
        page_saying(read, "meetings/", "Our first meeting")
        meeting.write_text(written.replace("title: ", 'title: "', 1))
        shown = page_saying(read, "meetings/", "The preview is waiting for a fix")
        assert "content/meetings/2025-02-14-leaflets.md, line 2: this line cannot be read" in shown
        assert "livereload" in shown  # it reloads by itself
        meeting.write_text(written)
        page_saying(read, "meetings/", "Our first meeting")


def test_a_preview_comes_back_once_a_line_is_taken_out_of_published_urls(group_dir: Path) -> None:
    """The preview said a published address had gone, and to take its line out of
    published-urls.txt if it was never published; taken out, nothing was built again until
    another file was saved."""
    ledger, meeting = group_dir / "published-urls.txt", group_dir / "content/meetings/2025-02-14-leaflets.md"
    written = ledger.read_text() if ledger.exists() else LEDGER_HEADER  # as 'coprod build' keeps it
    ledger.write_text(written)
    with serving(group_dir) as read:
        page_saying(read, "meetings/", "Our first meeting")
        ledger.write_text(written + "meetings/2025-01-01-gone/\n")
        meeting.write_text(meeting.read_text() + "\nMore.\n")  # a save, which builds again
        shown = page_saying(read, "meetings/", "The preview is waiting for a fix")
        assert "meetings/2025-01-01-gone/" in shown
        ledger.write_text(written)
        page_saying(read, "meetings/", "Our first meeting")


def test_a_preview_shows_a_mistake_in_mkdocs_yml_and_never_the_records_as_they_are(group_dir: Path) -> None:
    """A rebuild read mkdocs.yml itself: a YAML mistake left a page of problems with none in it,
    and the coprod plugin taken out made plain MkDocs serve people.yml and draft minutes."""
    config = group_dir / "mkdocs.yml"
    written = config.read_text()
    with serving(group_dir) as read:
        page_saying(read, "meetings/", "Our first meeting")
        config.write_text(written.replace("docs_dir: content", "docs_dir: content\n  font: false"))
        shown = page_saying(read, "meetings/", "The preview is waiting for a fix")
        assert "mkdocs.yml, line 4: this line cannot be read" in shown
        config.write_text(written.replace("  - coprod\n", ""))
        shown = page_saying(read, "meetings/", "does not list the coprod plugin")
        assert "mkdocs.yml, line 7: does not list the coprod plugin under &#x27;plugins:&#x27;" in shown
        with pytest.raises(urllib.error.HTTPError):
            read("people.yml")
        assert "SECRET-DRAFT-MARKER" not in read("meetings/2025-03-14-draft/")
        config.write_text(written)
        page_saying(read, "meetings/", "Our first meeting")
        with pytest.raises(urllib.error.HTTPError):
            read("people.yml")


def test_the_page_of_problems_asks_for_no_icon() -> None:
    """Each time the page of problems showed, the browser asked the server for /favicon.ico,
    and the terminal said '"GET /favicon.ico HTTP/1.1" code 404' under the problems."""
    assert b'<link rel="icon" href="data:,">' in problems_page([])


def test_a_page_not_found_in_the_preview_comes_back_by_itself(group_dir: Path) -> None:
    """A meeting renamed while its page is open leaves that page 'not found': once it is named
    back, the browser shows it again without being told to reload."""
    with serving(group_dir) as read:
        read("meetings/")
        with pytest.raises(urllib.error.HTTPError) as missing:
            read("meetings/2025-02-14-renamed/")
        assert missing.value.code == 404
        assert b"livereload" in missing.value.read()


def test_build_never_replaces_a_file_or_a_folder_that_is_not_a_site(group_dir: Path) -> None:
    settings = (group_dir / "mkdocs.yml").read_text()
    (group_dir / ".github" / "workflows").mkdir(parents=True)
    (group_dir / ".github" / "workflows" / "ci.yml").write_text("on: push\n")
    for target, says in (("mkdocs.yml", "is a file, not a folder for the site"),
                         (".github", "holds files but no built site")):
        result = coprod("build", str(group_dir), "--site-dir", str(group_dir / target))
        assert result.returncode == 1 and says in result.stderr, result.stderr
    assert (group_dir / "mkdocs.yml").read_text() == settings
    assert (group_dir / ".github" / "workflows" / "ci.yml").read_text() == "on: push\n"


def test_a_mistake_in_the_settings_is_a_message_not_an_internal_error(group_dir: Path) -> None:
    config = group_dir / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: materal"))
    result = coprod("build", str(group_dir))
    assert result.returncode == 1
    assert "the settings in" in result.stderr and "have a problem, listed above" in result.stderr
    assert "inside coprod" not in result.stderr and "Traceback" not in result.stderr


def test_init_and_new_refuse_a_file_and_new_refuses_a_folder_with_no_group(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("hello\n")
    assert "is a file, not a folder" in coprod("init", str(a_file)).stderr
    assert "is a file, not a folder" in coprod("new", "meeting", "--path", str(a_file)).stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = coprod("new", "meeting", "--path", str(empty))
    assert result.returncode == 1 and "there is no group in" in result.stderr
    assert list(empty.iterdir()) == []


def test_check_says_where_mkdocs_yml_cannot_be_read(group_dir: Path) -> None:
    config = group_dir / "mkdocs.yml"
    lines = config.read_text().count("\n")
    config.write_text(config.read_text() + "site_name: [unclosed\n")
    result = coprod("check", str(group_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(f"mkdocs.yml, line {lines + 1}: this line cannot be read: its '[' "
                                                    "is never closed.")
    assert "no content folder" not in result.stdout


def test_a_mistyped_coprod_today_is_a_message_not_an_internal_error(group_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "coprod_site.cli", "check", str(group_dir)], capture_output=True,
                            text=True, env={**build_env(), "COPROD_TODAY": "30/11/2026"}, timeout=300, check=False)
    assert (result.returncode, result.stderr) == (2, ("coprod: COPROD_TODAY is '30/11/2026': write the date as "
                                                     "YYYY-MM-DD, like 2026-11-30, or unset it to use today's date.\n"))


def test_a_reader_that_stops_early_is_not_an_internal_error(group_dir: Path) -> None:
    """`coprod check | head -1`: the rest of the output has nowhere to go."""
    write_files(group_dir, {"content/project.yml": FILES["content/project.yml"] + "".join(
        f"colour{n}: blue\n" for n in range(2000))})
    process = subprocess.Popen([sys.executable, "-m", "coprod_site.cli", "check", str(group_dir)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=build_env())
    assert process.stdout is not None and process.stderr is not None
    with process.stderr:
        process.stdout.readline()
        process.stdout.close()
        assert process.wait(timeout=300) == 1
        assert process.stderr.read() == b""


def test_a_new_record_named_with_accents_keeps_its_letters_in_the_file_name() -> None:
    from coprod_site.scaffold import slugify
    assert slugify("Café: Zoë’s naïve plan!") == "cafe-zoes-naive-plan"
    assert slugify("Young people's ideas") == "young-peoples-ideas"  # not 'people-s'
    assert slugify("日本") == "record"


def test_check_finds_the_group_from_a_folder_or_file_inside_it(group_dir: Path) -> None:
    """Run from content/meetings, as a facilitator who has just saved a meeting would."""
    for where in (group_dir / "content" / "meetings", group_dir / "content" / "meetings" / "2025-02-14-leaflets.md"):
        result = coprod("check", str(where), cwd=group_dir / "content")
        assert (result.returncode, result.stdout.strip()) == (0, "No problems found."), result.stderr


def test_a_day_that_does_not_exist_and_a_first_build_that_fails_are_said_plainly(group_dir: Path,
                                                                                 tmp_path: Path) -> None:
    made = coprod("new", "meeting", "--date", "2026-02-30", "--path", str(group_dir))
    assert made.returncode == 2 and "the date is not a real date (2026-02-30). Check the day and the month" in made.stderr
    day_first = coprod("new", "meeting", "--date", "27/11/2026", "--path", str(group_dir))
    assert day_first.returncode == 2
    assert "the date should be written year first, like 2026-11-27, not '27/11/2026'" in day_first.stderr
    assert "what to start: meeting, decision, amendment or report" in coprod("new", "--help").stdout
    write_files(group_dir, {"content/decisions/D-009-broken.md": "---\ntitle: [unclosed\n---\nText.\n"})
    failed = coprod("build", str(group_dir), "--site-dir", str(tmp_path / "first"))
    assert failed.returncode == 1
    assert failed.stderr.strip().endswith("The site was not built, so nothing was written. "
                                          "The problems are listed above.")
    assert not (tmp_path / "first").exists()


def test_settings_that_cannot_work_are_said_at_their_line_by_check_and_build(group_dir: Path) -> None:
    """A negative sentence length gave 699 warnings about sentences of up to -3 words; a missing
    plugins: entry or a broken mkdocs.yml reached MkDocs' own words, or published the records."""
    config = group_dir / "mkdocs.yml"
    written = config.read_text()
    config.write_text(written.replace("  - coprod\n", "  - coprod:\n      max_sentence_words: -3\n"))
    checked = coprod("check", str(group_dir))
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0] == ("mkdocs.yml, line 10: the coprod option 'max_sentence_words' is -3: "
                                              "it should be 1 or more.")
    assert "up to -3 words" not in checked.stdout
    assert "should be 1 or more" in coprod("build", str(group_dir)).stderr

    config.write_text(written.replace("  - coprod\n", "  - coprod:\n      enabled: 1\n"))
    wrong = "mkdocs.yml, line 10: the coprod option 'enabled' should be true or false."
    assert coprod("check", str(group_dir)).stdout.splitlines()[0] == wrong
    built = coprod("build", str(group_dir))
    assert built.returncode == 1 and wrong in built.stderr and "<class" not in built.stderr

    config.write_text(written.replace("site_name: Test Group", 'site_name: "Test Group'))
    built = coprod("build", str(group_dir))
    assert built.returncode == 1 and "mkdocs.yml, line 1: this line cannot be read: its value starts with a quote" \
        in built.stderr and "while parsing" not in built.stderr

    config.write_text(written.replace("  - coprod\n", ""))
    checked = coprod("check", str(group_dir))
    assert checked.returncode == 1 and "does not list the coprod plugin" in checked.stdout

    config.unlink()
    checked = coprod("check", str(group_dir / "content"))
    assert checked.returncode == 1 and "mkdocs.yml: is missing from" in checked.stdout


def test_a_preview_that_cannot_start_says_what_to_do(group_dir: Path) -> None:
    meeting = group_dir / "content" / "meetings" / "2025-02-14-leaflets.md"
    meeting.write_text(meeting.read_text().replace("title: ", 'title: "', 1))
    result = coprod("serve", str(group_dir), "-a", "127.0.0.1:8719")  # -a, as mkdocs serve has it
    assert result.returncode == 1
    assert "content/meetings/2025-02-14-leaflets.md, line 2: this line cannot be read" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(
        "coprod: The preview did not start. Fix the problems listed above, then run 'coprod serve' again.")


def test_a_preview_on_a_port_already_in_use_says_so(group_dir: Path) -> None:
    """Starting a second preview is an everyday slip, not a problem inside coprod."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        result = coprod("serve", str(group_dir), "-a", address)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"coprod: another program is already using {address}: perhaps a preview started before, in another "
        "window. Stop that one, or choose another port, like 'coprod serve -a 127.0.0.1:8001'.")


@pytest.mark.parametrize("address", ["8000x", "127.0.0.1:99999", "localhost:", ":"])
def test_a_preview_address_that_cannot_be_is_a_usage_error(group_dir: Path, address: str) -> None:
    result = coprod("serve", str(group_dir), "-a", address)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].endswith(
        f"'{address}' should be an address and a port, like 127.0.0.1:8001, or just a port from 1 to 65535, like 8001")


def test_a_preview_port_alone_is_on_this_computer() -> None:
    from coprod_site.cli import build_parser

    assert build_parser().parse_args(["serve", "-a", "8001"]).dev_addr == "127.0.0.1:8001"
    assert build_parser().parse_args(["serve", "-a", "0.0.0.0:8001"]).dev_addr == "0.0.0.0:8001"


def test_the_plugin_listed_as_a_mapping_or_inherited_is_found(group_dir: Path) -> None:
    """MkDocs also takes 'plugins:' as a mapping, and settings from a file named by INHERIT:
    neither is a missing plugin."""
    config = group_dir / "mkdocs.yml"
    written = config.read_text()
    config.write_text(written.replace("plugins:\n  - search\n  - coprod\n", "plugins:\n  search: {}\n  coprod: {}\n"))
    assert "plugins:\n  search: {}" in config.read_text()
    assert coprod("check", str(group_dir)).returncode == 0
    (group_dir / "base.yml").write_text("plugins:\n  - search\n  - coprod\n")
    config.write_text("INHERIT: base.yml\n" + written.replace("plugins:\n  - search\n  - coprod\n", ""))
    assert coprod("check", str(group_dir)).returncode == 0
    assert coprod("build", str(group_dir)).returncode == 0


def test_a_new_farewell_report_hands_over_the_open_actions_and_the_decisions_waiting_for_a_reply(
        group_dir: Path) -> None:
    made = coprod("new", "report", "--report-kind", "farewell", "--date", "2026-10-01", "--path", str(group_dir))
    assert made.returncode == 0, made.stderr
    text = (group_dir / "content/reports/farewell.md").read_text()
    assert ("handover:\n  - action: ACT-002\n    to: Who takes it on\n"
            "  - decision: D-002\n    to: Who will hear the reply\n---\n") in text
