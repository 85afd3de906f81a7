"""Shared fixtures: a small group on disk, and real builds of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from groups import FILES, TODAY, write_files

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def build_env() -> dict[str, str]:
    """The environment for a build whose output does not depend on the day it runs."""
    return {**os.environ, "COPROD_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(root: Path, *extra: str, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build` of the group in `root`."""
    site = site or root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"),
               "-d", str(site), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=build_env(), timeout=300, check=False)


def copy_example(target: Path) -> Path:
    """A copy of the repository's example group: records, theme, settings and address ledger."""
    shutil.copytree(REPO / "content", target / "content")
    if (REPO / "theme").is_dir():
        shutil.copytree(REPO / "theme", target / "theme")
    for name in ("mkdocs.yml", "published-urls.txt"):
        if (REPO / name).is_file():
            shutil.copy(REPO / name, target / name)
    return target


def site_bytes(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site, with its bytes."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture
def group_dir(tmp_path: Path) -> Path:
    """A fresh copy of the small test group."""
    return write_files(tmp_path / "group", FILES)


@pytest.fixture(scope="session")
def built_group(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test group, built once with --strict; returns the site folder."""
    root = write_files(tmp_path_factory.mktemp("built") / "group", FILES)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"
