"""The one vocabulary for everything that can be wrong with a group's records."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from .words import join_words, plural

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """Something a person must fix (an error) or should look at (a warning).

    `path` is relative to the group's folder, `line` is 1-based (None when the
    problem is about a whole file), and `message` is written for the person who
    keeps the records: where, what, and how to fix it.
    """

    path: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "" if self.is_error else "reminder: " if self.is_reminder else "warning: "
        return f"{prefix}{_where(self.path, self.line)}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def is_reminder(self) -> bool:
        """A warning that came with time (`Reminder`)."""
        return False


@dataclass(frozen=True, order=True)
class Reminder(Problem):
    """A warning that came with time, not with a change to the records: a summary owed, feedback,
    a reply or an action overdue. It is said like any warning, but `--strict` does not stop on it: a
    group held to its warnings must still be able to publish a typo fixed while it waits."""

    severity: Severity = "warning"

    @property
    def is_reminder(self) -> bool:
        return True

    @classmethod
    def of(cls, problem: Problem) -> Reminder:
        return cls(problem.path, problem.line, problem.field, problem.message, "warning")


@dataclass(frozen=True)
class Note:
    """Something a check found in order and worth saying to the person reviewing a change."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"note: {_where(self.path, self.line)}: {self.message}"


def _where(path: str, line: int | None) -> str:
    """'content/charter.md, line 22', as a person reading a message in a terminal finds it."""
    return path if line is None else f"{path}, line {line}"


STRICT_STOPS = "With --strict, warnings stop it too: fix them, or run it without --strict."
"""Why a strict check or build with no errors did not pass."""


def holds_up(problem: Problem, strict: bool) -> bool:
    """Whether `problem` stops a check or a build: an error; with `strict`, a warning too, but for
    a reminder."""
    return problem.is_error or (strict and not problem.is_reminder)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line, errors and warnings mixed."""
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


def count_summary(problems: list[Problem]) -> str:
    """'2 errors and 1 warning', for the last line of a report: the errors always (they decide
    whether the site is built), warnings and reminders only when there are any."""
    errors, reminders = sum(p.is_error for p in problems), sum(p.is_reminder for p in problems)
    warnings = len(problems) - errors - reminders
    counts = [plural(errors, "error")] + [plural(count, kind) for count, kind in
                                          ((warnings, "warning"), (reminders, "reminder")) if count]
    return join_words(counts)


def format_text(problems: list[Problem]) -> str:
    """The report a facilitator reads in a terminal."""
    if not problems:
        return "No problems found."
    lines = [str(p) for p in problems]
    lines.append(f"Found {count_summary(problems)}.")
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    """The report as JSON, for other tools."""
    return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)


def format_github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands, shown as annotations on the changed lines."""
    return "\n".join(_github_line(p.severity, p.path, p.line, p.message) for p in problems)


def format_note(note: Note, form: str) -> str | None:
    """A note as `form` says (text, or github for an annotation); None for json, which lists problems."""
    if form == "github":
        return _github_line("notice", note.path, note.line, note.message)
    return str(note) if form == "text" else None


def _github_line(severity: str, path: str, line: int | None, message: str) -> str:
    where = f"file={_github_escape(path, True)}"
    if line is not None:
        where += f",line={line}"
    return f"::{severity} {where}::{_github_escape(message, False)}"


def _github_escape(text: str, is_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text
