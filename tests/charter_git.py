"""A small group whose charter has three versions in a real git history, for history and guard tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from groups import FILES, write_files

GIT_IDENTITY = ("-c", "user.name=Test Facilitator", "-c", "user.email=team@example.org",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main")


def git(root: Path, *args: str, date: str = "2025-03-01T12:00:00+00:00") -> str:
    """Run git in `root` with a fixed identity and date; return what it printed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root.parent)}
    result = subprocess.run(["git", *GIT_IDENTITY, *args], cwd=root, capture_output=True,
                            text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def commit_all(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


CHARTER_1 = """\
---
title: How we work together
version: 1
adopted_on: 2025-01-10
adopted_at: 2025-01-10-first-meeting
review_by: 2026-01-10
---
## Why we exist {#purpose}

We help make hospital visits better.

## What we can and cannot change {#remit}

We can change the leaflets. We cannot change the budget.

## Payments and expenses {#payments}

We pay for your time.

## Meeting online {#online}

Some meetings are online.
"""

CHARTER_2 = CHARTER_1.replace("version: 1", "version: 2").replace(
    "We pay for your time.", "We pay for your time and your bus fare.")

CHARTER_3 = """\
---
title: How we work together
version: 3
adopted_on: 2025-01-10
adopted_at: 2025-01-10-first-meeting
review_by: 2026-01-10
---
## Why we exist {#purpose}

We help make hospital visits better.

## What we can and cannot change {#remit}

We can change the leaflets and the posters. We cannot change the budget.

## Payments and expenses {#payments}

We pay for your time and your bus fare.

## Looking after each other {#wellbeing}

You can take a break at any time.
"""

AM_01 = """\
---
title: Pay for bus fares
status: agreed
proposed_on: 2025-01-10
proposed_by: [p01]
clauses: [payments]
agreed_at: 2025-02-14-leaflets
charter_version: 2
---
Some members could not afford the bus.
"""

AM_02 = """\
---
title: Posters, and looking after each other
status: agreed
proposed_on: 2025-02-14
proposed_by: [p03]
clauses: [remit, online, wellbeing]
agreed_at: 2025-04-11-charter-review
charter_version: 3
---
We make posters now, and we want to say how we look after each other.
"""

AM_03 = """\
---
title: Meet every week
status: rejected
proposed_on: 2025-02-14
proposed_by: [p04]
clauses: [purpose]
reason: Most members said every week is too often.
---
The idea was to meet more often.
"""

AM_04 = """\
---
title: Meet at weekends
status: withdrawn
proposed_on: 2025-02-14
clauses: [purpose]
---
Weekends are hard for carers, so the person who suggested this took it back.

More words that are not the reason.
"""

AM_05 = """\
---
title: Say who we are for
status: proposed
proposed_on: 2025-04-11
proposed_by: [p01]
clauses: [purpose]
---
We want the charter to say who the group is for.
"""

REVIEW_MEETING = """\
---
title: Charter review
date: 2025-04-11
chairs: [p01]
present: [p01, p02, p03]
minutes:
  status: agreed
  agreed_on: 2025-05-09
feedback:
  sent_on: 2025-04-14
  how: Email
---
We looked at the whole charter together.
"""

FIRST_FILES = {**FILES, "content/charter.md": CHARTER_1, "content/amendments/AM-01-travel.md": None}
SECOND_FILES = {"content/charter.md": CHARTER_2, "content/amendments/AM-01-travel.md": AM_01}
THIRD_FILES = {
    "content/charter.md": CHARTER_3,
    "content/amendments/AM-02-posters.md": AM_02,
    "content/amendments/AM-03-every-week.md": AM_03,
    "content/amendments/AM-04-weekends.md": AM_04,
    "content/amendments/AM-05-who-for.md": AM_05,
    "content/meetings/2025-04-11-charter-review.md": REVIEW_MEETING,
}


def three_version_repo(root: Path, charter_2: str = CHARTER_2) -> Path:
    """A group in a git repository whose charter went through versions 1, 2 (`charter_2`) and 3."""
    write_files(root, FIRST_FILES)
    git(root, "init", "-q")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    commit_all(root, "Our first charter", "2025-01-12T10:00:00+00:00")
    write_files(root, {**SECOND_FILES, "content/charter.md": charter_2})
    commit_all(root, "AM-01: pay for bus fares", "2025-02-20T10:00:00+00:00")
    write_files(root, THIRD_FILES)
    commit_all(root, "AM-02: posters, and looking after each other", "2025-05-10T10:00:00+00:00")
    return root
