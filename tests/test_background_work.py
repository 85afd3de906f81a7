"""Work done on the second core during a build gives exactly the site one process makes.

A build scans pages for the leak guard, and makes Material's search entries,
in a second process while MkDocs builds the rest (guard.BackgroundScan,
background_search.py); `coprod check` and builds of big groups read and check
records on every core (checks/parallel.py). COPROD_ONE_PROCESS=1 turns all of
it off. The example group built both ways must give the same files, byte for
byte, search index included.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import copy_example, mkdocs_build, site_bytes

from coprod_site.checks.parallel import usable_cores


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity") or usable_cores() < 2,
                    reason="needs two cores: with one, every build already runs in one process")
def test_the_example_built_on_two_cores_equals_the_one_process_build(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_example(tmp_path / "group")
    two = mkdocs_build(root, "--strict", site=tmp_path / "two")
    assert two.returncode == 0, two.stderr
    monkeypatch.setenv("COPROD_ONE_PROCESS", "1")
    one = mkdocs_build(root, "--strict", site=tmp_path / "one")
    assert one.returncode == 0, one.stderr
    built_on_two, built_on_one = site_bytes(tmp_path / "two"), site_bytes(tmp_path / "one")
    assert sorted(built_on_two) == sorted(built_on_one)
    assert [name for name in built_on_one if built_on_two[name] != built_on_one[name]] == []
    index = json.loads(built_on_two["search/search_index.json"])
    assert any(entry["location"].startswith("meetings/2025-") for entry in index["docs"])
