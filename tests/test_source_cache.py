"""The cache `coprod serve` keeps between rebuilds: unchanged files are not read again."""

from __future__ import annotations

import os
from pathlib import Path

from groups import FILES, write_files

from coprod_site.loading import SourceCache, load_group

MEETING = "content/meetings/2025-01-10-first-meeting.md"


def test_a_rebuild_reads_only_the_files_that_changed(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", FILES)
    cache: SourceCache = {}
    first, _ = load_group(root, "content", cache)
    again, _ = load_group(root, "content", cache)
    assert again.decisions["D-001"].source is first.decisions["D-001"].source

    path = root / MEETING
    path.write_text(path.read_text().replace("We met for the first time.", "We met for the very first time."))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    edited, problems = load_group(root, "content", cache)
    assert problems == []
    assert "We met for the very first time." in edited.meetings["2025-01-10-first-meeting"].source.body
    assert edited.meetings["2025-02-14-leaflets"].source is first.meetings["2025-02-14-leaflets"].source


def test_a_deleted_file_leaves_the_cache_and_the_group(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", FILES)
    cache: SourceCache = {}
    load_group(root, "content", cache)
    (root / "content/reports/impact-2025.md").unlink()
    group, _ = load_group(root, "content", cache)
    assert "impact-2025" not in group.reports
    assert not any("impact-2025" in key for key in cache)


def test_a_broken_file_is_reported_on_every_rebuild(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", {**FILES, "content/decisions/D-003-broken.md": "---\ntitle: [\n---\n"})
    cache: SourceCache = {}
    _, first = load_group(root, "content", cache)
    _, again = load_group(root, "content", cache)
    assert [str(p) for p in again] == [str(p) for p in first] != []
