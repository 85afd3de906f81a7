"""`coprod serve` rebuilds only the pages an edit changed, and the result is the site a clean build makes.

Each test starts a preview the way `coprod serve` runs one (MkDocs' dirty
builds, the plugin kept between rebuilds), edits the example group's files,
rebuilds, and compares every file of the preview with a clean `mkdocs build`
of the edited group.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_env, copy_example, mkdocs_build, site_bytes
from PIL import Image

DRIVER = Path(__file__).parent / "support" / "preview_builds.py"


def record_pages(pages: object) -> set[str]:
    """The pages of single records among `pages` (the sidebar's pages are rebuilt every time)."""
    assert isinstance(pages, list)
    return {page for page in pages if page.startswith(("meetings/2", "decisions/D-", "amendments/"))}


class Preview:
    """A running preview of a copy of the example group."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "preview"
        self.process = subprocess.Popen([sys.executable, str(DRIVER), str(root), str(self.site)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        stderr=subprocess.DEVNULL, env=build_env())
        self.first = self._result()

    def _result(self) -> dict[str, object]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the preview stopped"
        return json.loads(line)

    def rebuild(self) -> dict[str, object]:
        assert self.process.stdin is not None
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        return self._result()

    def close(self) -> None:
        self.process.communicate("quit\n", timeout=60)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    running = Preview(copy_example(tmp_path / "group"))
    assert running.first["ok"]
    yield running
    running.close()


def search_entries(raw: bytes) -> list[str]:
    """The search index's entries in a fixed order (Material does not depend on their order)."""
    return sorted(json.dumps(entry, sort_keys=True) for entry in json.loads(raw)["docs"])


def assert_same_as_clean_build(preview: Preview, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    result = mkdocs_build(preview.root, site=clean)
    assert result.returncode == 0, result.stderr
    served, built = site_bytes(preview.site), site_bytes(clean)
    assert sorted(served) == sorted(built)
    index = "search/search_index.json"
    assert search_entries(served.pop(index)) == search_entries(built.pop(index))
    assert [name for name in built if served[name] != built[name]] == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


MEETING = "content/meetings/2025-03-26-appointment-letters.md"


def test_editing_a_summary_rebuilds_only_that_meeting_page(preview: Preview, tmp_path: Path) -> None:
    meeting = preview.root / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\nWe also agreed to meet again soon.\n",
                       encoding="utf-8")
    result = preview.rebuild()
    assert result["ok"]
    assert record_pages(result["rebuilt"]) == {"meetings/2025-03-26-appointment-letters.md"}
    page = (preview.site / "meetings" / "2025-03-26-appointment-letters" / "index.html").read_text()
    assert "We also agreed to meet again soon." in page
    assert_same_as_clean_build(preview, tmp_path)


def test_editing_a_field_rebuilds_every_page_that_shows_it(preview: Preview, tmp_path: Path) -> None:
    edit(preview.root / MEETING, "title: Appointment letters", "title: Letters about appointments")
    result = preview.rebuild()
    assert result["ok"]
    assert len(record_pages(result["rebuilt"])) > 30
    assert_same_as_clean_build(preview, tmp_path)


def test_a_failed_rebuild_leaves_the_next_one_complete(preview: Preview, tmp_path: Path) -> None:
    meeting = preview.root / MEETING
    good = meeting.read_text(encoding="utf-8")
    meeting.write_text(good.replace("date: ", "date: not-a-date #", 1), encoding="utf-8")
    assert not preview.rebuild()["ok"]
    meeting.write_text(good + "\nAdded after the mistake was fixed.\n", encoding="utf-8")
    assert preview.rebuild()["ok"]
    assert_same_as_clean_build(preview, tmp_path)


def test_a_removed_page_is_removed_from_the_preview(preview: Preview, tmp_path: Path) -> None:
    extra = preview.root / "content" / "visiting.md"
    extra.write_text("# Visiting us\n\nThe hospital is on the number 12 bus route.\n", encoding="utf-8")
    assert preview.rebuild()["ok"]
    assert (preview.site / "visiting" / "index.html").is_file()
    extra.unlink()
    assert preview.rebuild()["ok"]
    assert not (preview.site / "visiting").joinpath("index.html").exists()
    assert_same_as_clean_build(preview, tmp_path)



def test_a_picture_added_or_replaced_after_the_summary_shows_it_rebuilds_that_page(preview: Preview,
                                                                                    tmp_path: Path) -> None:
    """A facilitator writes the picture into the summary, then copies the picture in: the page
    linked to a file that was not there, and was not made again once it was (nor when the
    picture was replaced by one of another size, which the page states)."""
    meeting = preview.root / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\n![Two soft chairs](../assets/room.png)\n",
                       encoding="utf-8")
    assert preview.rebuild()["ok"]
    (preview.root / "content" / "assets").mkdir()
    Image.new("RGB", (120, 80)).save(preview.root / "content" / "assets" / "room.png")
    assert preview.rebuild()["ok"]
    page = (preview.site / "meetings" / "2025-03-26-appointment-letters" / "index.html").read_text()
    assert 'src="../../assets/room.png"' in page
    Image.new("RGB", (60, 40)).save(preview.root / "content" / "assets" / "room.png")
    assert preview.rebuild()["ok"]
    assert_same_as_clean_build(preview, tmp_path)


def test_changing_the_site_name_rebuilds_every_page(preview: Preview, tmp_path: Path) -> None:
    edit(preview.root / "mkdocs.yml", "site_name: ", "site_name: Renamed ")
    result = preview.rebuild()
    assert result["ok"] and len(record_pages(result["rebuilt"])) > 30
    assert_same_as_clean_build(preview, tmp_path)


def test_a_preview_keeps_the_sites_own_address_and_no_false_warning(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    """`mkdocs serve` puts its own address in site_url: feeds and QR codes keep the site's, and
    no warning says mkdocs.yml and project.yml disagree when they do not."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    root = copy_example(tmp_path / "group")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = "http://127.0.0.1:8000/our-group/"  # as mkdocs serve does
    with caplog.at_level(logging.WARNING):
        build(config)
    assert [record.getMessage() for record in caplog.records if "site_url" in record.getMessage()] == []
    feed = (tmp_path / "preview" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://example.org/our-group/meetings/" in feed and "127.0.0.1" not in feed
