"""Nothing is lost: failed builds keep the old site, published addresses stay, builds repeat exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from groups import FILES, TODAY, write_files

from coprod_site.checks import check_folder
from coprod_site.engine import BuildFailed, build_site
from coprod_site.permalinks import LEDGER


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its exact bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(group_dir: Path) -> None:
    site = build_site(group_dir / "mkdocs.yml")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    before = snapshot(site)
    broken = FILES["content/decisions/D-001-own-words.md"].replace("status: agreed", "status: maybe")
    write_files(group_dir, {"content/decisions/D-001-own-words.md": broken})
    with pytest.raises(BuildFailed):
        build_site(group_dir / "mkdocs.yml")
    assert snapshot(site) == before
    assert sorted(p.name for p in group_dir.iterdir()) == ["content", "mkdocs.yml", LEDGER, "site"]


def test_a_leak_found_after_building_also_keeps_the_previous_site(
        group_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = build_site(group_dir / "mkdocs.yml")
    before = snapshot(site)
    override = "<h1>{{ record.title }}</h1><p>{{ record.chairs | join(' ') }}</p>"
    write_files(group_dir, {"theme/coprod/meeting.html": override, "mkdocs.yml": FILES["mkdocs.yml"]
                            .replace("  font: false\n", "  font: false\n  custom_dir: theme\n")})
    with pytest.raises(BuildFailed):
        build_site(group_dir / "mkdocs.yml")
    assert "The site must not be published" in caplog.text
    assert snapshot(site) == before


def test_a_successful_build_replaces_the_site_and_keeps_hidden_files(group_dir: Path) -> None:
    site = build_site(group_dir / "mkdocs.yml")
    (site / ".nojekyll").write_text("")
    (site / "stale.html").write_text("old")
    build_site(group_dir / "mkdocs.yml")
    assert (site / ".nojekyll").is_file()
    assert not (site / "stale.html").exists()


def test_two_builds_of_the_same_records_are_identical(group_dir: Path, tmp_path: Path) -> None:
    first = snapshot(build_site(group_dir / "mkdocs.yml", tmp_path / "one"))
    second = snapshot(build_site(group_dir / "mkdocs.yml", tmp_path / "two"))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first


RENAMED = "content/meetings/2025-02-14-leaflets-and-posters.md"


def rename_second_meeting(group_dir: Path, old_ids: str = "") -> None:
    text = FILES["content/meetings/2025-02-14-leaflets.md"].replace("title: Leaflets\n",
                                                                     f"title: Leaflets\n{old_ids}")
    files: dict[str, str | None] = {"content/meetings/2025-02-14-leaflets.md": None, RENAMED: text}
    for name in ("content/decisions/D-002-budget.md", "content/amendments/AM-01-travel.md",
                 "content/meetings/2025-01-10-first-meeting.md"):
        files[name] = FILES[name].replace("2025-02-14-leaflets", "2025-02-14-leaflets-and-posters")
    write_files(group_dir, files)


def test_every_build_records_the_addresses_it_published(group_dir: Path) -> None:
    build_site(group_dir / "mkdocs.yml")
    ledger = (group_dir / LEDGER).read_text().splitlines()
    assert ledger[0].startswith("# Every address this site has published")
    assert {"/", "/meetings/2025-02-14-leaflets/", "/decisions/D-002/", "/people/"} <= set(ledger)
    assert not [line for line in ledger if "draft" in line]


def test_a_build_that_would_drop_a_published_address_fails(group_dir: Path) -> None:
    build_site(group_dir / "mkdocs.yml")
    rename_second_meeting(group_dir)
    with pytest.raises(BuildFailed) as failure:
        build_site(group_dir / "mkdocs.yml")
    assert str(failure.value) == (f"The site was not built, so {group_dir / 'site'} was left as it "
                                  "was. The problems are listed above.")
    assert (group_dir / "site/meetings/2025-02-14-leaflets/index.html").is_file()


def test_the_message_for_a_dropped_address_says_how_to_fix_it(group_dir: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    build_site(group_dir / "mkdocs.yml")
    rename_second_meeting(group_dir)
    with pytest.raises(BuildFailed):
        build_site(group_dir / "mkdocs.yml")
    assert (f"{LEDGER}, line {ledger_line(group_dir, '/meetings/2025-02-14-leaflets/')}: the page "
            "/meetings/2025-02-14-leaflets/ was published before, but this build has no page there, so "
            "links people shared would break. If you renamed its record, add the old id to the record's "
            "'old_ids:', so the old address redirects. If you deleted it by mistake, put it back. If it "
            "must come down (it shows something it should not), or was never on the website (only built on this "
            "computer before a rename), delete this line.") in caplog.text


def ledger_line(root: Path, url: str) -> int:
    return (root / LEDGER).read_text().splitlines().index(url) + 1


def test_minutes_taken_back_to_draft_come_down_and_return_when_agreed(group_dir: Path) -> None:
    """Minutes agreed and published that name someone by mistake: back to draft, and the page
    (and the decision made there) come down at once. The address is kept for when they are
    agreed again: held back is not dropped."""
    build_site(group_dir / "mkdocs.yml")
    meeting = group_dir / "content/meetings/2025-02-14-leaflets.md"
    agreed = meeting.read_text()
    meeting.write_text(agreed.replace("status: agreed", "status: draft", 1))
    site = build_site(group_dir / "mkdocs.yml")
    assert not (site / "meetings/2025-02-14-leaflets").exists() and not (site / "decisions/D-002").exists()
    assert "/meetings/2025-02-14-leaflets/\n" in (group_dir / LEDGER).read_text()
    meeting.write_text(agreed)
    assert (build_site(group_dir / "mkdocs.yml") / "meetings/2025-02-14-leaflets/index.html").is_file()


def test_a_planned_meeting_being_written_up_is_not_a_dropped_address(group_dir: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A planned meeting has a page (the poster's QR code points there); once it has happened its
    minutes are a draft, which appears nowhere. That is the usual course, not a broken link to
    stop the build for."""
    build_site(group_dir / "mkdocs.yml")
    planned = group_dir / "content/meetings/2027-06-10-summer.md"
    assert "/meetings/2027-06-10-summer/\n" in (group_dir / LEDGER).read_text()
    planned.write_text(planned.read_text().replace("status: planned", "status: draft", 1))
    monkeypatch.setenv("COPROD_TODAY", "2027-06-11")  # the day after it
    assert [str(p) for p in check_folder(group_dir, today=dt.date(2027, 6, 11))[2] if p.is_error] == []
    site = build_site(group_dir / "mkdocs.yml")
    assert not (site / "meetings/2027-06-10-summer").exists()


def test_a_renamed_record_with_old_ids_redirects_from_its_old_address(group_dir: Path) -> None:
    build_site(group_dir / "mkdocs.yml")
    rename_second_meeting(group_dir, "old_ids: [2025-02-14-leaflets]\n")
    site = build_site(group_dir / "mkdocs.yml")
    old = BeautifulSoup((site / "meetings/2025-02-14-leaflets/index.html").read_text(), "html.parser")
    assert old.select_one('meta[http-equiv="refresh"]')["content"] == (
        "0; url=../2025-02-14-leaflets-and-posters/")
    assert old.select_one('link[rel="canonical"]')["href"] == (
        "https://example.org/test/meetings/2025-02-14-leaflets-and-posters/")
    assert old.select_one("main a")["href"] == "../2025-02-14-leaflets-and-posters/"
    assert old.select_one("main").get_text(" ", strip=True) == "This page has moved It is now at Leaflets ."
    assert (site / "meetings/2025-02-14-leaflets-and-posters/index.html").is_file()
    ledger = (group_dir / LEDGER).read_text().splitlines()
    assert {"/meetings/2025-02-14-leaflets/", "/meetings/2025-02-14-leaflets-and-posters/"} <= set(ledger)


def test_coprod_check_finds_a_dropped_address_before_a_build_does(group_dir: Path) -> None:
    """A facilitator runs `coprod check` first: it must say what the build would fail on."""
    build_site(group_dir / "mkdocs.yml")
    assert [p for p in check_folder(group_dir)[2] if p.is_error] == []
    rename_second_meeting(group_dir)
    errors = [str(p) for p in check_folder(group_dir)[2] if p.is_error]
    assert errors == [(f"{LEDGER}, line {ledger_line(group_dir, '/meetings/2025-02-14-leaflets/')}: the "
                       "page /meetings/2025-02-14-leaflets/ was published before, but this build has no page "
                       "there, so links people shared would break. If you renamed its record, add the old id "
                       "to the record's 'old_ids:', so the old address redirects. If you deleted it by "
                       "mistake, put it back. If it must come down (it shows something it should not), "
                       "or was never on the website (only built on this computer before a rename), delete "
                       "this line.")]
    rename_second_meeting(group_dir, "old_ids: [2025-02-14-leaflets]\n")
    assert [p for p in check_folder(group_dir)[2] if p.is_error] == []


def test_a_build_without_the_coprod_plugin_publishes_nothing(group_dir: Path) -> None:
    """A plugins: list lost in a merge would have MkDocs publish the records as they are: draft
    minutes, people.yml and everyone's ids."""
    settings = group_dir / "mkdocs.yml"
    written = settings.read_text()
    for changed, says in [(written.replace("  - coprod\n", ""), "does not list the coprod plugin"),
                          (written.replace("  - coprod\n", "  - coprod:\n      enabled: false\n"),
                           "turns the coprod plugin off")]:
        settings.write_text(changed)
        with pytest.raises(BuildFailed) as failure:
            build_site(settings)
        assert says in str(failure.value) and "Nothing was built" in str(failure.value)
        assert not (group_dir / "site").exists()


def test_a_site_built_with_the_plugin_turned_off_still_holds_no_record_as_it_is(group_dir: Path) -> None:
    """`mkdocs build` itself, with 'enabled: false': the records' files stay out of the site."""
    from conftest import mkdocs_build

    settings = group_dir / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("  - coprod\n", "  - coprod:\n      enabled: false\n"))
    assert mkdocs_build(group_dir).returncode == 0
    site = snapshot(group_dir / "site")
    assert not [name for name in site if name.endswith((".yml", ".yaml")) or name.startswith(
        ("meetings/", "decisions/", "amendments/", "reports/", "charter/"))]
    assert not [name for name, data in site.items() if b"SECRET-DRAFT-MARKER" in data or b"[[p0" in data]
