"""The benchmark's synthetic group is a valid group: it loads, passes every check and builds."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO, mkdocs_build

from coprod_site.checks import run_checks
from coprod_site.loading import load_group
from coprod_site.settings import Settings

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import TODAY, generate_group


def test_a_small_synthetic_group_loads_checks_and_builds(tmp_path: Path) -> None:
    root = generate_group(tmp_path / "group", meetings=5)
    group, problems = load_group(root, "content")
    problems += run_checks(group, Settings(today=TODAY, site_url="https://example.org/synthetic/"))
    assert [str(p) for p in problems] == []
    assert (len(group.meetings), len(group.decisions), len(group.amendments)) == (6, 5, 1)
    assert sum(len(m.actions) for m in group.meetings.values()) == 13

    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "meetings" / "index.html").is_file()
    assert len(list((site / "meetings").glob("20*-*/index.html"))) == 6
    assert len(list((site / "decisions").glob("D-*/index.html"))) == 5
