"""Record to page: each page the small group makes, rendered by the core, against a golden file.

When a template changes on purpose, regenerate the golden files and read the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from groups import FILES, write_files

from coprod_site.loading import load_group
from coprod_site.pages import PageSpec, build_pages, group_pages
from coprod_site.published import Published
from coprod_site.render import Renderer

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PAGES = [
    "index.md", "charter/index.md", "meetings/index.md", "meetings/2025-01-10-first-meeting.md",
    "meetings/2027-06-10-summer.md", "decisions/index.md", "decisions/D-001.md", "decisions/D-002.md",
    "amendments/AM-01.md", "actions.md", "people.md", "glossary.md", "reports/impact-2025.md",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = write_files(tmp_path_factory.mktemp("golden") / "group", FILES)
    group, problems = load_group(root)
    assert problems == []
    site = Published(group, dt.date(2026, 11, 21), "https://example.org/test/")
    specs: dict[str, PageSpec] = {spec.path: spec for spec in build_pages(site)}
    renderer = Renderer()
    return {path: renderer.render(specs[path], site, "<p>THE RECORD'S OWN TEXT</p>") for path in GOLDEN_PAGES}


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_page_matches_its_golden_file(rendered: dict[str, str], path: str) -> None:
    golden = GOLDEN / (path.removesuffix(".md").replace("/", "__") + ".html")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered[path], encoding="utf-8")
    assert golden.is_file(), f"no golden file for {path}: run with UPDATE_GOLDEN=1 and read the result"
    assert rendered[path] == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("contact", "sentence"), [
    ("team@example.org", "or braille, email team@example.org."),
    ("Ask at reception", "or braille, contact us. Ask at reception."),
    ("Ask at reception.", "or braille, contact us. Ask at reception."),
])
def test_the_accessibility_statement_reads_well_with_any_kind_of_contact(tmp_path: Path, contact: str,
                                                                       sentence: str) -> None:
    project = FILES["content/project.yml"] + f"accessibility:\n  contact: {contact}\n"
    root = write_files(tmp_path / "group", {**FILES, "content/project.yml": project})
    group, _ = load_group(root)
    site = Published(group, dt.date(2026, 11, 21), "https://example.org/test/")
    spec = next(spec for spec in group_pages(site) if spec.path == "accessibility.md")
    text = " ".join(re.sub(r"<[^>]+>", " ", Renderer().render(spec, site, "")).split())
    assert sentence in text.replace(" .", ".")


def test_who_we_are_says_how_the_group_looks_after_information(tmp_path: Path) -> None:
    project = FILES["content/project.yml"] + ("data_protection:\n  lawful_basis: Explicit consent.\n"
                                              "  dpia_reference: DPIA-2024-087\n")
    root = write_files(tmp_path / "group", {**FILES, "content/project.yml": project})
    group, _ = load_group(root)
    site = Published(group, dt.date(2026, 11, 21), "https://example.org/test/")
    spec = next(spec for spec in group_pages(site) if spec.path == "people.md")
    text = " ".join(re.sub(r"<[^>]+>", " ", Renderer().render(spec, site, "")).split())
    assert ("Looking after your information We show each person only as they agreed, and their contact details "
            "are never published. We keep members' information on this basis: Explicit consent. Our data "
            "protection impact assessment is DPIA-2024-087; ask us if you would like to read it.") in text
