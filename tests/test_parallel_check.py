"""`coprod check` of a big group on every core finds exactly what one process finds."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from groups import FILES, write_files

from coprod_site import processes
from coprod_site.checks import check_folder, parallel
from coprod_site.loading import record_files
from coprod_site.problems import Problem
from coprod_site.site_config import read_settings

DECISION = FILES["content/decisions/D-001-own-words.md"]
TROUBLE = [
    "Call 07700 900123 or email jo@gmail.com. p01 said so. [[p99]] agreed, as [[D-014]] did.",
    "![](assets/map.png) The CQC and the XYZ came. " + "We walked and talked " * 10 + "for ages.",
    "One. Two is here. Three is here. Four is here. Five is here. Six is here. Seven is here.",
]


def noisy_group(root: Path) -> Path:
    """The test group with twelve more decisions, each with problems, one that cannot be read."""
    files: dict[str, str | None] = dict(FILES)
    for number in range(3, 15):
        head, _, body = DECISION.partition("\n---\n")
        head += "\nvenu: Room 2" if number % 3 == 0 else ""
        files[f"content/decisions/D-{number:03d}-more.md"] = f"{head}\n---\n{body}\n{TROUBLE[number % 3]}\n"
    files["content/decisions/D-015-broken.md"] = "---\ntitle: [unclosed\n---\nText.\n"
    return write_files(root, files)


LINUX_ONLY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="coprod check forks only on Linux")


def checked(root: Path, records_per_part: int, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    monkeypatch.setattr(parallel, "RECORDS_PER_PART", records_per_part)
    return check_folder(root)[2]


@LINUX_ONLY
def test_a_split_check_finds_what_one_process_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = noisy_group(tmp_path / "group")
    monkeypatch.setattr(parallel, "usable_cores", lambda: 3)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where helpers hand back what they read
    forked: list[int] = []

    class Counted(processes.Helpers[Any, Any]):
        def __init__(self, first: Any, then: Any, parts: int) -> None:
            forked.append(parts)
            super().__init__(first, then, parts)

    monkeypatch.setattr(parallel, "Helpers", Counted)
    one = checked(root, 10**9, monkeypatch)
    assert forked == []
    split = checked(root, 1, monkeypatch)
    assert forked == [3]  # this process and two helpers
    assert len(one) > 30
    assert split == one
    # a record named as a person is found wherever it was checked
    assert sum("To link to D-014, write [D-014](D-014-more.md)." in p.message for p in split) == 4
    assert sorted(path.name for path in tmp_path.iterdir()) == ["group"]  # their files are removed


def test_records_are_dealt_in_turn_in_proportion_to_each_share() -> None:
    files = [Path(f"{number:02d}.md") for number in range(10)]
    shares = parallel.deal(files, [1.0, 1.0])
    assert shares == [files[0::2], files[1::2]]
    shares = parallel.deal(files, [2 / 3, 1.0, 1.0])
    assert sorted(file for share in shares for file in share) == files
    assert [len(share) for share in shares] == [2, 4, 4]
    assert sorted(share[0] for share in shares) == files[:3]  # dealt in turn, not cut into runs


@LINUX_ONLY
def test_small_groups_are_checked_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "usable_cores", lambda: 8)
    assert parallel.parts_for(999) == 1
    assert parallel.parts_for(1000) == 2
    assert parallel.parts_for(100_000) == 8


@LINUX_ONLY
def test_without_processes_every_part_is_checked_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some containers cannot make the pool's locks: the check must still run, in one process."""
    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    root = noisy_group(tmp_path / "group")
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    one = checked(root, 10**9, monkeypatch)
    monkeypatch.setattr(processes, "ProcessPoolExecutor", no_pool)
    assert checked(root, 1, monkeypatch) == one


@LINUX_ONLY
def test_a_helper_that_dies_has_its_part_checked_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper killed after reading its share (by the system, short of memory, say)."""
    root = noisy_group(tmp_path / "group")
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    one = checked(root, 10**9, monkeypatch)
    monkeypatch.setattr(processes, "_then_step", _dies)  # the helper is forked with it
    assert checked(root, 1, monkeypatch) == one


@LINUX_ONLY
def test_an_error_here_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The helpers hand back what they read in files: they are removed however the check ends
    (here, with an error in this process's own checks, before it takes in what the helper read)."""
    def broken(group: object, settings: object) -> list[Problem]:
        raise RuntimeError("a check that fails")

    root = noisy_group(tmp_path / "group")
    handed_back = tmp_path / "temporary"
    handed_back.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(handed_back))
    files = record_files(root)
    settings, _ = read_settings(root)
    with pytest.raises(RuntimeError):
        parallel.load_and_check(root, "content", settings, files, 2, [], [broken])
    assert list(handed_back.iterdir()) == []


def _dies(index: int) -> None:
    """A helper's second step, cut short (at the top level, so that the pool can name it)."""
    os._exit(1)
