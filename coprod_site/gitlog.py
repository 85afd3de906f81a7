"""What git knows of the records: the charter's past versions (charter_history.py), and when
each record last changed, which tells feed readers to fetch an entry again."""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from pathlib import Path

GIT_TIMEOUT = 60


def run_git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """Run git in `root`; its output, or None when git is missing or the command fails."""
    command = ["git", "--no-pager", "-c", "core.quotepath=off", *args]
    try:
        result = subprocess.run(command, cwd=root, input=stdin, capture_output=True,
                                timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def is_shallow(root: Path) -> bool:
    """True in a clone made with --depth (as CI often does): older commits are missing."""
    answer = run_git(root, "rev-parse", "--is-shallow-repository")
    return answer is not None and answer.strip() == b"true"


def last_changed(root: Path, folder: str) -> dict[str, dt.date]:
    """The day each file in `folder` (a folder inside `root`) was last changed in a commit, by
    its path from `root`; nothing without git, or in a shallow clone, whose one commit would
    seem to have changed everything. Read again only after a new commit (`coprod serve`
    rebuilds often, and reading a long history takes a while)."""
    head = run_git(root, "rev-parse", "HEAD")
    if head is None or is_shallow(root):
        return {}
    return dict(_last_changed(root.resolve(), folder, head.strip().decode()))


@functools.lru_cache(maxsize=4)
def _last_changed(root: Path, folder: str, head: str) -> tuple[tuple[str, dt.date], ...]:
    log = run_git(root, "log", "--relative", "--name-only", "--format=%x1e%cI", head, "--", folder)
    if log is None:
        return ()
    changed: dict[str, dt.date] = {}
    for entry in log.decode("utf-8", "replace").split("\x1e")[1:]:  # newest first
        date, _, names = entry.partition("\n")
        day = dt.date.fromisoformat(date.strip()[:10])
        for name in names.split("\n"):
            if name.strip():
                changed.setdefault(name.strip(), day)
    return tuple(changed.items())
