"""`coprod init` gives a group ready-made checks, publishing and a charter-change checklist."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import build_env, copy_example
from packaging.requirements import Requirement

from coprod_site.scaffold import init_group

WORKFLOW_SCHEMA = "vendor.github-workflows"


@pytest.fixture(scope="module")
def group(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "young-voices"
    init_group(target, "Young Voices", dt.date(2026, 11, 21))
    return target


def read_yaml(path: Path) -> dict[Any, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    found = workflow["jobs"][job]["steps"]
    assert isinstance(found, list)
    return found


def triggers(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def test_check_workflow_runs_the_charter_guard_on_pull_requests(group: Path) -> None:
    workflow = read_yaml(group / ".github" / "workflows" / "check.yml")
    assert "pull_request" in triggers(workflow)
    checkout, python, install, check = steps(workflow, "check")
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert python["uses"].startswith("actions/setup-python@")
    assert install["run"] == "pip install -r requirements.txt"
    assert check["run"] == 'coprod check --strict --base "origin/${{ github.base_ref }}" --format github'


def test_publish_workflow_builds_with_full_history_and_deploys_to_pages(group: Path) -> None:
    workflow = read_yaml(group / ".github" / "workflows" / "publish.yml")
    assert triggers(workflow)["push"]["branches"] == ["main", "master"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = steps(workflow, "build")
    assert build[0]["with"]["fetch-depth"] == 0
    assert [s.get("run") for s in build if "run" in s] == [
        "pip install -r requirements.txt", 'coprod check --base "${{ github.event.before }}" --format github',
        "coprod build --strict"]
    assert triggers(workflow)["schedule"] == [{"cron": "0 5 * * *"}]  # "Coming up" stays true
    # a push straight to main is checked as a pull request is; the first push has nothing before it
    assert "github.event.before != '0000000000000000000000000000000000000000'" in build[-3]["if"]
    assert build[-1]["uses"].startswith("actions/upload-pages-artifact@")
    assert build[-1]["with"]["path"] == "site"
    assert steps(workflow, "deploy")[0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["jobs"]["deploy"]["needs"] == "build"


@pytest.mark.parametrize("first_branch", ["master", "main"])
def test_the_site_is_published_from_the_branch_git_init_makes(tmp_path: Path, first_branch: str) -> None:
    """git names a new repository's branch 'master' unless told otherwise (GitHub names it
    'main'): a group put in git with 'git init' and pushed had its website never published,
    the workflow waiting for a push to 'main'."""
    root = tmp_path / "young-voices"
    init_group(root, "Young Voices", dt.date(2026, 11, 21))

    def git(*command: str) -> str:
        return subprocess.run(["git", "-c", f"init.defaultBranch={first_branch}", "-c", "user.name=Sam",
                               "-c", "user.email=team-inbox@example.org", *command], cwd=root, check=True,
                              capture_output=True, text=True, timeout=60).stdout.strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Start our group")
    published_from = triggers(read_yaml(root / ".github" / "workflows" / "publish.yml"))["push"]["branches"]
    assert git("branch", "--show-current") in published_from


def requirements(folder: Path) -> list[Requirement]:
    """requirements.txt as pip reads it, by the parser pip uses."""
    return [Requirement(line) for line in (folder / "requirements.txt").read_text().splitlines()
            if line and not line.startswith("#")]


def test_requirements_ask_for_the_copy_of_coprod_when_it_is_not_known(group: Path) -> None:
    """Started by a copy installed from a folder, no other computer can install that copy."""
    [coprod] = requirements(group)
    assert (coprod.name, coprod.url) == ("coprod-site", "git+https://github.com/YOUR-ORGANISATION/coprod_site@main")
    assert "point the line below at the copy your group uses" in (group / "requirements.txt").read_text()


@pytest.mark.parametrize(("direct_url", "wanted"), [
    pytest.param(None, "coprod-site==0.3.1", id="from a package index"),
    pytest.param({"url": "https://github.com/nhs-group/coprod_site.git",
                  "vcs_info": {"vcs": "git", "commit_id": "4060cfa" * 5 + "12345", "requested_revision": "v0.3.1"}},
                 "coprod-site @ git+https://github.com/nhs-group/coprod_site.git@" + "4060cfa" * 5 + "12345",
                 id="a commit from git"),
    pytest.param({"url": "https://example.org/coprod_site-0.3.1.tar.gz", "archive_info": {}},
                 "coprod-site @ https://example.org/coprod_site-0.3.1.tar.gz", id="an archive"),
    pytest.param({"url": "https://example.org/tools.git", "subdirectory": "coprod",
                  "vcs_info": {"vcs": "git", "commit_id": "a" * 40}},
                 "coprod-site @ git+https://example.org/tools.git@" + "a" * 40 + "#subdirectory=coprod",
                 id="a folder of a repository"),
    pytest.param({"url": "file:///home/sam/coprod_site", "dir_info": {"editable": True}}, None, id="a folder here"),
    pytest.param({"url": "file:///home/sam/coprod_site.tar.gz", "archive_info": {}}, None, id="a file here"),
    pytest.param("not json", None, id="unreadable"),
])
def test_a_new_group_installs_the_copy_of_coprod_that_started_it(tmp_path: Path, direct_url: Any,
                                                                  wanted: str | None) -> None:
    """Its builds elsewhere then use what worked here: the same commit, not whatever is newest."""
    from coprod_site.scaffold import requirement_for

    text = direct_url if direct_url is None or isinstance(direct_url, str) else json.dumps(direct_url)
    requirement = requirement_for(text, "0.3.1")
    assert requirement == wanted
    if requirement is not None:
        init_group(tmp_path / "g", "G", dt.date(2026, 11, 21), requirement)
        assert [str(r) for r in requirements(tmp_path / "g")] == [str(Requirement(requirement))]


def schema_checker() -> str:
    found = shutil.which("check-jsonschema")
    if found is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    return found


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_workflows_are_valid_against_the_github_workflow_schema(group: Path, name: str) -> None:
    result = subprocess.run([schema_checker(), "--builtin-schema", WORKFLOW_SCHEMA,
                             str(group / ".github" / "workflows" / name)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: pull_request\njobs:\n  check:\n    steps: []\n", encoding="utf-8")
    result = subprocess.run([schema_checker(), "--builtin-schema", WORKFLOW_SCHEMA, str(broken)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1


def test_gitlab_ci_is_valid_too(group: Path) -> None:
    ci = read_yaml(group / ".gitlab-ci.yml")
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert ci["check"]["script"][-1] == 'coprod check --strict --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"'
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    result = subprocess.run([schema_checker(), "--builtin-schema", "vendor.gitlab-ci",
                             str(group / ".gitlab-ci.yml")], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_template_is_a_plain_checklist(group: Path) -> None:
    """Every pull request (GitHub) and merge request (GitLab) starts with it: a template in a
    folder of several is offered only to whoever types its name into the address."""
    text = (group / ".github" / "pull_request_template.md").read_text()
    assert (group / ".gitlab" / "merge_request_templates" / "Default.md").read_text() == text
    assert "## If it changes our charter" in text
    for line in ("**What changes:**", "**Why:**", "**Who suggested it:**", "**Which meeting agreed it:**",
                 "- [ ] The amendment says `status: agreed` and names the meeting in `agreed_at`.",
                 "- [ ] That meeting's notes (minutes) are agreed, so they are on the website."):
        assert line in text


def test_readme_explains_how_a_charter_change_goes_live(group: Path) -> None:
    text = (group / "README.md").read_text()
    guide = text.split("## Changing our charter", 1)[1]
    for step in ("1. **Suggest it.**", "press the pencil", "2. **Agree it.**", "3. **It goes live.**",
                 "requirements.txt"):
        assert step in guide


def test_readme_says_how_to_publish_add_people_and_close_the_group(group: Path) -> None:
    """A facilitator starting out found in the new folder's README no word of how to get the
    website online, how to record or take back consent, or how to close the group."""
    from coprod_site.cli import build_parser

    text = (group / "README.md").read_text()
    for part in ("## People and their consent", "**Someone joins.**", "consent_recorded_on",
                 "**Someone takes back their consent.**", "## Publishing our website", "git push -u origin HEAD",
                 '"GitHub Actions"', "Deploy > Pages", "## When the group ends", "status: closed"):
        assert part in text
    commands = [shlex.split(command) for command in re.findall(r"`(coprod [^`]+)`", text)]
    assert ["coprod", "new", "report", "--report-kind", "farewell"] in commands
    for command in commands:  # each one as written is one coprod takes
        args, unknown = build_parser().parse_known_args(command[1:])
        assert hasattr(args, "run") and not unknown, command


# --- coprod new amendment ---------------------------------------------------------------


def test_new_amendment_has_the_next_id_next_version_and_clause_ids(tmp_path: Path) -> None:
    from charter_git import three_version_repo

    from coprod_site.cli import main

    root = three_version_repo(tmp_path / "group")
    assert main(["new", "amendment", "--title", "Meet in the holidays", "--date", "2025-06-01",
                 "--path", str(root)]) == 0
    created = root / "content" / "amendments" / "AM-06-meet-in-the-holidays.md"
    text = created.read_text()
    assert "proposed_on: 2025-06-01" in text
    assert "status: proposed" in text
    assert "charter_version: 4 " in text
    assert "# choose from: purpose, remit, payments, wellbeing" in text
    assert main(["check", str(root)]) == 0


# --- words a record starts with ---------------------------------------------------------


def test_the_words_records_start_with_are_a_warning_until_replaced(tmp_path: Path) -> None:
    from coprod_site.checks import check_folder
    from coprod_site.cli import main
    from coprod_site.scaffold import STARTING_TEXT

    root = tmp_path / "young-voices"
    init_group(root, "Young Voices", dt.date(2026, 11, 21))
    for kind in ("meeting", "decision", "amendment", "report"):
        assert main(["new", kind, "--title", "First steps", "--date", "2026-11-01", "--path", str(root)]) == 0
    assert main(["new", "report", "--report-kind", "farewell", "--path", str(root)]) == 0
    written = "".join(path.read_text(encoding="utf-8") for path in (root / "content").rglob("*.*"))
    # The list is kept true: each sentence is one init or new writes (a farewell report's handover
    # is written only where actions are open, or decisions wait for a reply).
    assert [sentence for sentence in STARTING_TEXT if sentence not in written] == [
        "Who takes it on", "Who will hear the reply"]

    def warned() -> list[str]:
        _, _, problems = check_folder(root, today=dt.date(2026, 11, 21))
        return [f"{path}:{line}" for path, line in sorted({(p.path, p.line or 0) for p in problems
                                                          if "words it was started with" in p.message})]

    # The meeting is a draft: drafts are for writing in, and not published.
    assert warned() == ["content/amendments/AM-01-first-steps.md:10",
                        *(f"content/charter.md:{line}" for line in range(9, 46, 4)),
                        "content/decisions/D-001-first-steps.md:19",
                        "content/project.yml:2", "content/project.yml:4", "content/project.yml:8",
                        "content/project.yml:14", "content/project.yml:15",
                        "content/reports/farewell.md:5", "content/reports/farewell.md:10",
                        "content/reports/impact-2026.md:10"]
    meeting = root / "content/meetings/2026-11-01-first-steps.md"
    meeting.write_text(meeting.read_text().replace("status: draft", "status: agreed\n  agreed_on: 2026-11-10"))
    assert [entry for entry in warned() if "meetings" in entry] == [
        "content/meetings/2026-11-01-first-steps.md:7", "content/meetings/2026-11-01-first-steps.md:29"]
    # A meeting to come shows where it is, not its summary, which is written after it: the
    # sentence that starts the summary does not hold publishing up meanwhile.
    assert main(["new", "meeting", "--title", "Next time", "--date", "2026-12-10", "--path", str(root)]) == 0
    assert [entry for entry in warned() if "next-time" in entry] == ["content/meetings/2026-12-10-next-time.md:7"]


def test_publishing_goes_on_when_time_brings_reminders_and_stops_for_a_warning(group: Path, tmp_path: Path) -> None:
    """Two days after each meeting its summary is owed, and a reply from outside the group can be
    late: reminders the group cannot always clear at once. Publishing with --strict had stopped
    on them, so no change (a typo fixed) could go live until they were. A warning the records
    can fix (a sentence a new group started with) still stops it."""
    build = steps(read_yaml(group / ".github" / "workflows" / "publish.yml"), "build")[-2]["run"]
    gitlab = [line for line in read_yaml(group / ".gitlab-ci.yml")["pages"]["script"] if "build" in line]
    root = copy_example(tmp_path)
    later = {**build_env(), "COPROD_TODAY": "2027-02-01"}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "coprod_site.cli", *command], cwd=root, capture_output=True,
                              text=True, env=later, check=False, timeout=300)

    checked = run("check", str(root), "--format", "json")
    reminders = [p["message"] for p in json.loads(checked.stdout)]
    assert any("summary is owed" in m for m in reminders) and any("no reply is recorded" in m for m in reminders)
    assert run("check", str(root), "--strict").returncode == 0
    for command in (build, *gitlab):
        result = run(*shlex.split(command)[1:])
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    project = root / "content/project.yml"
    project.write_text(project.read_text(encoding="utf-8").replace(
        "summary: >", "summary: >\n  Say in one or two short sentences who you are.", 1), encoding="utf-8")
    assert run(*shlex.split(build)[1:]).returncode != 0



def test_new_records_claim_nothing_the_group_has_not_said(tmp_path: Path) -> None:
    """'coprod new' had filled in 'ladder: co-producing', 'how: consensus' and 'power:
    within-remit': left as they were, they were published as the group's claims and counted in
    'How we work together'. They start empty, and the check asks for the power."""
    from coprod_site.checks import check_folder
    from coprod_site.cli import main
    from coprod_site.loading import load_group

    root = tmp_path / "young-voices"
    init_group(root, "Young Voices", dt.date(2026, 11, 21))
    assert main(["new", "meeting", "--title", "Planning", "--date", "2026-12-10", "--path", str(root)]) == 0
    assert main(["new", "decision", "--title", "Use our words", "--date", "2026-11-20", "--path", str(root)]) == 0
    group, problems = load_group(root)
    assert problems == []
    decision, meeting = group.decisions["D-001"], group.meetings["2026-12-10-planning"]
    assert (decision.how, decision.power, meeting.ladder) == (None, None, None)
    told = [p.message for p in check_folder(root, today=dt.date(2026, 11, 21))[2] if p.path.endswith("D-001-use-our-words.md")]
    assert any(message.startswith("has no 'power'") for message in told)


def test_new_meetings_and_decisions_offer_every_rung_of_the_ladder(tmp_path: Path) -> None:
    """The content model gives a meeting and a decision a 'ladder': the files 'coprod new' writes
    have it, empty, with every word it allows (the 'doing to' rungs too: a group says honestly
    where it was)."""
    from coprod_site.cli import main
    from coprod_site.records import LADDER

    root = tmp_path / "young-voices"
    init_group(root, "Young Voices", dt.date(2026, 11, 21))
    assert main(["new", "meeting", "--title", "Planning", "--date", "2026-12-10", "--path", str(root)]) == 0
    assert main(["new", "decision", "--title", "Use our words", "--date", "2026-11-20", "--path", str(root)]) == 0
    for written in (root / "content/meetings/2026-12-10-planning.md", root / "content/decisions/D-001-use-our-words.md"):
        line = next(line for line in written.read_text(encoding="utf-8").splitlines() if line.startswith("ladder:"))
        value, _, comment = line.removeprefix("ladder:").partition("#")
        assert value.strip() == "", written.name
        assert re.findall(r"[a-z-]+(?= \||$)", comment.strip()) == list(LADDER), written.name


def test_a_new_decision_on_the_day_of_a_meeting_is_made_at_that_meeting(tmp_path: Path) -> None:
    """A decision is usually written up after the meeting that made it: that meeting is filled
    in, and nothing when the day had no meeting, or two."""
    from coprod_site.cli import main
    from coprod_site.loading import load_group

    root = tmp_path / "young-voices"
    init_group(root, "Young Voices", dt.date(2026, 11, 21))
    for title, day in [("Planning", "2026-11-10"), ("Morning", "2026-11-12"), ("Evening", "2026-11-12")]:
        assert main(["new", "meeting", "--title", title, "--date", day, "--path", str(root)]) == 0
    for title, day in [("Use our words", "2026-11-10"), ("Meet online", "2026-11-12"), ("Ask for money", "2026-11-11")]:
        assert main(["new", "decision", "--title", title, "--date", day, "--path", str(root)]) == 0
    group, problems = load_group(root)
    assert problems == []
    assert [decision.made_at for decision in group.decisions.values()] == ["2026-11-10-planning", None, None]
