"""`coprod check` of a big group on every core finds exactly what one process finds."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from groups import FILES, write_files

from coprod_site import processes
from coprod_site.checks import check_folder, parallel
from coprod_site.problems import Problem

DECISION = FILES["content/decisions/D-001-own-words.md"]
TROUBLE = [
    "Call 07700 900123 or email jo@gmail.com. p01 said so. [[p99]] agreed.",
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
    forked: list[int] = []
    in_parts = parallel.in_parts

    def counted(task: Callable[[int], object], parts: int) -> list[object]:
        forked.append(parts)
        return in_parts(task, parts)

    monkeypatch.setattr(parallel, "in_parts", counted)
    one = checked(root, 10**9, monkeypatch)
    assert forked == []
    split = checked(root, 1, monkeypatch)
    assert forked == [3, 3]  # reading, then checking, each in three processes
    assert len(one) > 30
    assert split == one


def test_a_group_is_split_into_runs_that_keep_every_record_once() -> None:
    assert [parallel._share(list(range(7)), index, 3) for index in range(3)] == [[0, 1], [2, 3], [4, 5, 6]]


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
