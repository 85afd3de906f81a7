"""What a person's hands do to a record on a Friday afternoon never crashes `coprod check`.

A line deleted, doubled, swapped or cut in half, an indent one space out, a colon or a
bracket lost, a value of the wrong kind, a pasted string, a file cut short or renamed:
each edit of the small group's files, or the example group's, must give plain problems,
each naming a file of the group (and its line, where there is one), the same problems on
every run; and a build of an edited group either builds or lists them and writes no site.
The examples are drawn the same way on every run (derandomize), so the suite stays stable.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from conftest import REPO, SHARED, mkdocs_build
from groups import FILES, TODAY
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coprod_site.checks import check_folder
from coprod_site.problems import Problem

NAUGHTY_FILE = SHARED / "corpus" / "big-list-of-naughty-strings" / "blns.json"
NAUGHTY = (json.loads(NAUGHTY_FILE.read_text(encoding="utf-8")) if NAUGHTY_FILE.is_file() else
           ["", "null", "undefined", "1/0", "<script>alert(1)</script>", "\u202e", "\u0000", "'", '"', "%s",
            "{{7*7}}", "--", ":", "- x", "#", "&", "*", "!", "|", ">", "@", "`"])
"""Strings that have broken software before, pasted into a value or the body."""
WRONG_KINDS = ("[p01, p02]", "42", "14/03/2025", "", "null", "yes", "~", "{a: 1}", "2025-02-30", "-1", "3.5",
               "\n  - one\n  - two", "\n  name: x", "'", '"', "[", "]", "{", "}", "- x", "&a", "*a", "!x", "|", ">")
"""Values of another kind than the field expects, as a person types them."""
MARKS = ":-'\"[]{}#"
"""Marks a person deletes or doubles by mistake."""
RENAMES = (
    (r"/\d{4}-\d{2}-\d{2}-", "/"),                      # a meeting with no date
    (r"/(\d{4})-(\d{2})-(\d{2})", r"/\3-\2-\1"),        # its date day first
    (r"/(\d{4})-\d{2}-", r"/\1-13-"),                   # a month that is not one
    (r"/D-(\d+)", r"/d-\1"), (r"/AM-(\d+)", r"/am-\1"),  # an id in lower case
    (r"/(D|AM)-\d+-", r"/\1-"),                         # an id without its number
    (r"/(D|AM)-0*(\d+)", r"/\1-\2"),                    # its number without the noughts
    (r"\.md$", ".MD"), (r"\.md$", ".markdown"), (r"\.yml$", ".yaml"), (r"\.yml$", ".yml.txt"),
    (r"/([^/]+)$", r"/Copy of \1"), (r"/([^/]+)-", r"/\1 "),
)
"""Names a file is saved under by mistake."""
KINDS = ("delete", "duplicate", "swap", "indent", "dedent", "cut", "drop-mark", "double-mark", "retype",
         "paste-value", "paste-body", "truncate", "bom", "crlf", "rename")


@dataclass(frozen=True)
class Edit:
    """One thing a person does to one file: `at` and `other` pick lines or places (modulo what there is)."""

    kind: str
    path: str
    at: int
    other: int = 0
    text: str = ""


def edited(files: dict[str, str], edit: Edit) -> dict[str, str]:
    """The group's files after `edit`."""
    files = dict(files)
    if edit.kind == "rename":
        names = [name for pattern, new in RENAMES if (name := re.sub(pattern, new, edit.path, count=1)) != edit.path]
        if names:
            files[names[edit.at % len(names)]] = files.pop(edit.path)
        return files
    files[edit.path] = edited_text(files[edit.path], edit)
    return files


def edited_text(text: str, edit: Edit) -> str:
    """`text` after `edit` (all but a rename)."""
    if edit.kind in WHOLE_FILE_EDITS:
        return WHOLE_FILE_EDITS[edit.kind](text, edit)
    lines = text.split("\n")
    index = edit.at % len(lines)
    return "\n".join(LINE_EDITS[edit.kind](lines, index, edit))


def _swap(lines: list[str], index: int, edit: Edit) -> list[str]:
    other = edit.other % len(lines)
    lines[index], lines[other] = lines[other], lines[index]
    return lines


def _dedent(line: str, edit: Edit) -> str:
    cut = 1 + edit.other % 2
    return line[cut:] if line[:cut].isspace() else line


def _cut(line: str, edit: Edit) -> list[str]:
    place = edit.other % (len(line) + 1)
    return [line[:place], line[place:]]


def _marks(line: str, edit: Edit, double: bool) -> str:
    mark = MARKS[edit.other % len(MARKS)]
    place = line.find(mark)
    if place < 0:
        return line
    return line[:place] + (mark * 2 if double else "") + line[place + 1:]


def _retype(line: str, edit: Edit) -> str:
    """The value after a field's 'name:' replaced with `edit.text`; a list item's value too."""
    found = re.match(r"(\s*(?:- )?[\w-]+:)( .*|$)", line) or re.match(r"(\s*-)( .*)$", line)
    if not found:
        return line
    return f"{found.group(1)} {edit.text}".rstrip(" ") if edit.text else found.group(1)


LINE_EDITS = {
    "delete": lambda lines, i, e: lines[:i] + lines[i + 1:],
    "duplicate": lambda lines, i, e: lines[:i + 1] + lines[i:],
    "swap": _swap,
    "indent": lambda lines, i, e: lines[:i] + [(" ", "  ", "\t")[e.other % 3] + lines[i]] + lines[i + 1:],
    "dedent": lambda lines, i, e: lines[:i] + [_dedent(lines[i], e)] + lines[i + 1:],
    "cut": lambda lines, i, e: lines[:i] + _cut(lines[i], e) + lines[i + 1:],
    "drop-mark": lambda lines, i, e: lines[:i] + [_marks(lines[i], e, False)] + lines[i + 1:],
    "double-mark": lambda lines, i, e: lines[:i] + [_marks(lines[i], e, True)] + lines[i + 1:],
    "retype": lambda lines, i, e: lines[:i] + [_retype(lines[i], e)] + lines[i + 1:],
    "paste-value": lambda lines, i, e: lines[:i] + [_retype(lines[i], e)] + lines[i + 1:],
}
WHOLE_FILE_EDITS = {
    "paste-body": lambda text, e: text[:e.at % (len(text) + 1)] + e.text + text[e.at % (len(text) + 1):],
    "truncate": lambda text, e: text[:e.at % (len(text) + 1)],
    "bom": lambda text, e: "\ufeff" + text,
    "crlf": lambda text, e: text.replace("\n", "\r\n"),
}


def edits(paths: list[str]) -> st.SearchStrategy[Edit]:
    """One edit of one of `paths`."""
    positions = st.integers(0, 200)
    plain = st.builds(Edit, st.sampled_from([k for k in KINDS if k not in ("retype", "paste-value", "paste-body")]),
                      st.sampled_from(paths), positions, positions)
    typed = st.builds(Edit, st.just("retype"), st.sampled_from(paths), positions, positions,
                      st.sampled_from(WRONG_KINDS))
    pasted = st.builds(Edit, st.sampled_from(["paste-value", "paste-body"]), st.sampled_from(paths), positions,
                       positions, st.sampled_from(NAUGHTY))
    return st.one_of(plain, typed, pasted)


EXAMPLE = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8")
           for path in sorted([REPO / "mkdocs.yml", REPO / "published-urls.txt", *(REPO / "content").rglob("*")])
           if path.is_file()}
"""The example group's text files (its theme folder is not needed to check it)."""
SMALL_EDITS = st.lists(edits(sorted(FILES)), min_size=1, max_size=3)
EXAMPLE_EDITS = st.lists(edits(sorted(EXAMPLE)), min_size=1, max_size=3)
LEAKS = re.compile(r"<class|Traceback|NoneType|object at 0x|\{'[^']*': |ValidationError|Error\(|\[\{|\\n'|"
                   r"Input should|valid dictionary|pydantic")
"""What Python says that a person should never read: a dictionary or class written out, an exception's name."""


def write_group(root: Path, files: dict[str, str]) -> Path:
    """Write `files` under `root` byte for byte (no dedent: an indent is part of the edit)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def apply_all(changes: list[Edit], files: dict[str, str] = FILES) -> dict[str, str]:
    """`files` after each of `changes` in turn (an edit of a file renamed before it does nothing)."""
    for change in changes:
        if change.path in files:
            files = edited(files, change)
    return files


def problems_of(files: dict[str, str]) -> tuple[list[Problem], list[Problem]]:
    """The problems `coprod check` finds in `files`, twice."""
    with tempfile.TemporaryDirectory() as folder:
        root = write_group(Path(folder) / "group", files)
        return check_folder(root, today=DAY)[2], check_folder(root, today=DAY)[2]


DAY = dt.date.fromisoformat(TODAY)
"""The day the checks are run on, as the builds are (conftest.build_env)."""
REQUIRED = ("content/project.yml", "content/people.yml", "content/charter.md")
"""Files a problem may name when they are missing."""


def content_folder(files: dict[str, str]) -> str:
    """The content folder as mkdocs.yml names it: MkDocs' 'docs' where it names none."""
    try:
        settings = yaml.safe_load(files.get("mkdocs.yml", ""))
    except (yaml.YAMLError, ValueError):
        return "content"
    named = settings.get("docs_dir", "docs") if isinstance(settings, dict) else "content"
    return named if isinstance(named, str) and named.strip() else "docs" if not named else "content"


def assert_problems_are_plain(files: dict[str, str], problems: list[Problem]) -> None:
    """Each problem names a file of the group, a line within it, and says nothing of Python."""
    for problem in problems:
        assert problem.path in {*files, "mkdocs.yml", *REQUIRED, content_folder(files)}, problem
        assert problem.message and not LEAKS.search(problem.message), problem
        if problem.line is not None:
            assert problem.path in files, problem
            assert 1 <= problem.line <= len(files[problem.path].splitlines()) + 1, problem
        elif problem.field and problem.path in files:  # about a field the file has: at its line
            assert not re.search(rf"^[ \t]*(- )?{re.escape(problem.field)}:", files[problem.path],
                                 re.MULTILINE), problem


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(changes=SMALL_EDITS)
@example([Edit("retype", "mkdocs.yml", 1, text="42")])  # site_url: 42
@example([Edit("retype", "mkdocs.yml", 2, text="[p01, p02]")])  # docs_dir: [p01, p02]
@example([Edit("retype", "mkdocs.yml", 0, text="2025-02-30")])  # site_name: 2025-02-30
@example([Edit("paste-value", "mkdocs.yml", 0, text="Roses are \x1b[0;31mred")])
@example([Edit("retype", "mkdocs.yml", 1, text="\n  name: x"), Edit("rename", "content/project.yml", 0)])
@example([Edit("retype", "content/charter.md", 3, text="\n  name: x")])  # adopted_on: {name: x}
@example([Edit("delete", "content/charter.md", 0)])
def test_a_hand_edit_of_the_small_group_gives_plain_problems_the_same_each_time(changes: list[Edit]) -> None:
    files = apply_all(changes)
    first, second = problems_of(files)
    assert first == second
    assert_problems_are_plain(files, first)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(changes=EXAMPLE_EDITS)
def test_a_hand_edit_of_the_example_group_gives_plain_problems_the_same_each_time(changes: list[Edit]) -> None:
    files = apply_all(changes, EXAMPLE)
    first, second = problems_of(files)
    assert first == second
    assert_problems_are_plain(files, first)


@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(changes=st.lists(edits(sorted(set(FILES) - {"mkdocs.yml"})), min_size=1, max_size=3))
@example([Edit("crlf", "content/meetings/2025-02-14-leaflets.md", 0), Edit("bom", "content/charter.md", 0)])
@example([Edit("paste-body", "content/decisions/D-001-own-words.md", -1, text="<script>alert(1)</script>")])
def test_a_build_after_a_hand_edit_builds_or_lists_the_problems_and_leaves_no_site(changes: list[Edit]) -> None:
    """mkdocs.yml is left as it is: MkDocs reads it before the plugin is there to say what is wrong
    (`coprod build` says it first)."""
    files = apply_all(changes)
    with tempfile.TemporaryDirectory() as folder:
        root = write_group(Path(folder) / "group", files)
        errors = [p for p in check_folder(root, today=DAY)[2] if p.is_error]
        result = mkdocs_build(root)
        assert "Traceback" not in result.stderr, result.stderr
        assert (result.returncode == 0) == (not errors), result.stderr
        assert (root / "site").is_dir() == (not errors)
        for problem in errors:
            assert str(problem) in result.stderr

