"""The package stays typed and lint-clean, as a place people want to work in."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True,
                          text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "coprod_site")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_finds_nothing() -> None:
    result = run_tool("mypy", "coprod_site")
    assert result.returncode == 0, result.stdout


def test_the_core_does_not_import_mkdocs() -> None:
    """Only the MkDocs adapter talks to MkDocs, so the core can serve another engine."""
    adapters = {"config.py", "plugin.py", "engine.py", "incremental.py", "background_search.py",
                "record_pages.py"}
    core = [path for path in (REPO / "coprod_site").rglob("*.py") if path.name not in adapters]
    importing = [path.name for path in core
                 if re.search(r"^\s*(import|from) mkdocs", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert importing == []
