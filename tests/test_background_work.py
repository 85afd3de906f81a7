"""A quick build gives exactly the site the plain reference build makes.

A build of the group's pages takes every shortcut that cannot change a byte:
our pages are finished and Material's search entries made in a second process
while MkDocs reads the next pages (finishing.py, background_search.py), the
leak guard scans pages there too (guard.BackgroundScan), outputs and, for big
groups, reading and checking are shared over the cores (processes.py),
the navigation, search box and script settings are made once per folder of
pages outside the sidebar (shared_parts.py), and those pages share one Markdown
converter (record_pages.py). COPROD_REFERENCE_BUILD=1 turns every shortcut off.
The example group built both ways must give the same files, byte for byte,
search index included.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, copy_example, mkdocs_build, site_bytes

from coprod_site.checks.parallel import parts_for
from coprod_site.loading import record_files
from coprod_site.processes import usable_cores
from coprod_site.second_core import Batches, SecondCore

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_group

TWO_CORES = pytest.mark.skipif(not hasattr(os, "sched_getaffinity") or usable_cores() < 2,
                               reason="needs two cores: with one, every build runs in one process")


def assert_same_sites(quick: Path, reference: Path) -> dict[str, bytes]:
    built_quick, built_plain = site_bytes(quick), site_bytes(reference)
    assert sorted(built_quick) == sorted(built_plain)
    assert [name for name in built_plain if built_quick[name] != built_plain[name]] == []
    return built_quick


@TWO_CORES
def test_the_example_built_quickly_equals_the_reference_build(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_example(tmp_path / "group")
    quick = mkdocs_build(root, "--strict", site=tmp_path / "quick")
    assert quick.returncode == 0, quick.stderr
    monkeypatch.setenv("COPROD_REFERENCE_BUILD", "1")
    plain = mkdocs_build(root, "--strict", site=tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    built = assert_same_sites(tmp_path / "quick", tmp_path / "plain")
    index = json.loads(built["search/search_index.json"])
    assert any(entry["location"].startswith("meetings/2025-") for entry in index["docs"])


@TWO_CORES
def test_a_big_generated_group_built_quickly_equals_the_reference_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Enough records (1,000) that reading, checking and outputs are shared over the cores too."""
    root = generate_group(tmp_path / "group", 500)
    assert parts_for(len(record_files(root))) == 2  # big enough to be shared over both cores
    quick = mkdocs_build(root, "--strict", site=tmp_path / "quick")
    assert quick.returncode == 0, quick.stderr
    monkeypatch.setenv("COPROD_REFERENCE_BUILD", "1")
    plain = mkdocs_build(root, "--strict", site=tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    assert_same_sites(tmp_path / "quick", tmp_path / "plain")


def _squares_slowly(delay: float, batch: list[int]) -> tuple[int, list[int]]:
    """The squares, and which process worked them out."""
    time.sleep(delay)
    return os.getpid(), [number * number for number in batch]


@TWO_CORES
def test_a_second_process_falling_behind_never_has_more_than_a_few_batches_waiting() -> None:
    """On a busy machine the second process fell behind by thousands of pages, each kept in
    memory until it was done (a build of 5,000 meetings peaked at 1,087 MB one run, 728 MB the
    next): past `WAITING` batches, this process does the next one itself. The results are the
    same, in the same order."""
    core = SecondCore()
    assert core.running
    try:
        batches: Batches[int, tuple[int, list[int]]] = Batches(core, _squares_slowly, 0.2)
        held = []
        for number in range(Batches.SIZE * 20):
            batches.add(number)
            held.append(sum(len(batch) for batch, _ in batches.sent))
        results = batches.collect()
        assert max(held) <= Batches.WAITING * Batches.SIZE
        worked_here = [pid == os.getpid() for pid, _ in results]
        # done here while adding, then the second process again: not only the last, that `collect` takes back
        assert any(here and not after for here, after in itertools.pairwise(worked_here))
        assert [n for _, squares in results for n in squares] == [n * n for n in range(Batches.SIZE * 20)]
    finally:
        core.close()
