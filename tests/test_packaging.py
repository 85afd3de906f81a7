"""The package as installed from its wheel, not from this folder, holds every file it reads: its
templates, theme overrides, starting files, stylesheets and scripts, and the list of first names."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_every_file_of_the_package(tmp_path: Path) -> None:
    source = tmp_path / "source"  # (a copy: setuptools builds in the folder it is given)
    shutil.copytree(REPO / "coprod_site", source / "coprod_site", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    [wheel] = tmp_path.glob("coprod_site-*.whl")
    packed = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "coprod_site"
    files = {path.relative_to(REPO).as_posix() for path in package.rglob("*")
             if path.is_file() and "__pycache__" not in path.parts}
    assert "coprod_site/checks/first_names.txt" in files
    assert sorted(files - packed) == []
