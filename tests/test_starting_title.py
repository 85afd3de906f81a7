"""The title `coprod new` gives a record it is told none for is a warning once the record is published."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import build_env

MEETING = "content/meetings/2025-03-14-new-meeting.md"


def coprod(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coprod_site.cli", *args], capture_output=True, text=True,
                          env=build_env(), timeout=300, check=False)


def written_up(group_dir: Path, status: str) -> None:
    """The meeting `coprod new` started, written up on the day but for its title."""
    path = group_dir / MEETING
    text = path.read_text(encoding="utf-8")
    for old, new in (("Where we meet, and its access (for example step-free, hearing loop)", "Library (step-free)"),
                     ("  status: draft  ", f"  status: {status}  "),
                     ("  sent_on:\n  how:\n", "  sent_on: 2025-03-20\n  how: Email\n"),
                     ("Write the summary in plain words: what we talked about, what we decided, what happens next.",
                      "We talked about the leaflets.")):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_a_meeting_published_as_new_meeting_is_a_warning_at_its_title(group_dir: Path) -> None:
    """'coprod new meeting' without --title wrote 'New meeting', which nothing flagged: agreed,
    the site listed a meeting called 'New meeting'."""
    assert coprod("new", "meeting", "--date", "2025-03-14", "--path", str(group_dir)).returncode == 0
    written_up(group_dir, "agreed\n  agreed_on: 2025-03-20\n ")
    result = coprod("check", str(group_dir))
    assert result.stdout.strip().splitlines() == [
        (f"warning: {MEETING}, line 2: 'title' is still 'New meeting', as 'coprod new' wrote it, and the site would "
         "publish it as this record's title. Write what it is about, like 'title: Planning the summer'."),
        "Found 0 errors and 1 warning."]


def test_a_draft_called_new_meeting_or_a_title_that_starts_so_is_not_a_warning(group_dir: Path) -> None:
    """A draft is not published; 'New meeting room' is a title of the group's own."""
    assert coprod("new", "meeting", "--date", "2025-03-14", "--path", str(group_dir)).returncode == 0
    written_up(group_dir, "draft")
    assert coprod("check", str(group_dir)).stdout.strip() == "No problems found."
    path = group_dir / MEETING
    written_up_text = path.read_text(encoding="utf-8").replace("status: draft", "status: agreed\n  agreed_on: 2025-03-20\n ")
    path.write_text(written_up_text.replace('title: "New meeting"', "title: New meeting room"), encoding="utf-8")
    assert coprod("check", str(group_dir)).stdout.strip() == "No problems found."
