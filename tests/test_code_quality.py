"""The package stays typed and lint-clean, as a place people want to work in."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import REPO

from coprod_site.config import CoprodConfig


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True,
                          text=True, timeout=600, check=False)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "coprod_site", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_finds_nothing() -> None:
    result = run_tool("mypy", "coprod_site")
    assert result.returncode == 0, result.stdout


def test_the_core_does_not_import_mkdocs() -> None:
    """Only the MkDocs adapter talks to MkDocs, so the core can serve another engine."""
    adapters = {"config.py", "plugin.py", "engine.py", "incremental.py", "background_search.py",
                "record_pages.py", "preview.py"}
    core = [path for path in (REPO / "coprod_site").rglob("*.py") if path.name not in adapters]
    importing = [path.name for path in core
                 if re.search(r"^\s*(import|from) mkdocs", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert importing == []


def test_the_readme_lists_every_setting_with_its_default() -> None:
    """A group reads its settings in the README: each is there, with the default it really has."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### Settings in `mkdocs.yml`.*?```yaml\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    listed = yaml.safe_load(block.group(1))["plugins"][1]["coprod"]
    defaults = {name: option.default for name, option in CoprodConfig._schema}
    assert listed == defaults
