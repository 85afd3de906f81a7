"""The leak guard on built sites, consent withdrawal, and drafts that must stay private."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from groups import FILES, write_files

from coprod_site.checks import check_folder
from coprod_site.checks.privacy import group_sources
from coprod_site.guard import BackgroundScan, CleanMemo, guard_site, read_site_texts
from coprod_site.loading import load_group
from coprod_site.privacy import rules_for
from coprod_site.processes import usable_cores
from coprod_site.second_core import SecondCore
from coprod_site.settings import Settings


def every_file_text(site: Path) -> dict[str, str]:
    """Every file of a built site as text, gzip files unpacked."""
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        texts[path.relative_to(site).as_posix()] = raw.decode("utf-8", errors="replace")
    return texts


def quote_text(page: BeautifulSoup) -> str:
    return " ".join(page.select_one("blockquote").get_text(" ").split())


def files_containing(site: Path, needle: str) -> list[str]:
    return [name for name, text in every_file_text(site).items() if needle.lower() in text.lower()]


def test_no_file_of_the_site_holds_an_email_address_but_the_groups_own(built_group: Path) -> None:
    """Not in a page, and not in what the theme ships: Material's source maps and its Japanese
    search splitter carry their authors' addresses, and a calendar UID written '<id>@<host>'
    reads as one. None of those is published."""
    email = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
    found = {name: sorted(set(email.findall(text))) for name, text in every_file_text(built_group).items()}
    assert {name: addresses for name, addresses in found.items() if set(addresses) - {"team@example.org"}} == {}
    assert found["index.html"] == ["team@example.org"]  # the contact address is shown
    assert not any(name.endswith((".map", "tinyseg.js")) for name in found)
    assert "assets/javascripts/lunr/min/lunr.stemmer.support.min.js" in found  # search still works


# --- the guard on a finished site ----------------------------------------------------


def test_the_guard_finds_an_id_in_an_address(group_dir: Path) -> None:
    """'2025-03-14-p03-chat' holds the id p03 between dashes: in an address it is as public as in text."""
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    write_files(site, {"meetings/2025-03-14-p03-chat/index.html": "<p>Hello</p>",
                       "meetings/2025-03-14-p03-chat/qr.svg": "<svg></svg>",
                       "assets/p02.png": "", "meetings/2025-03-14-p033/index.html": "<p>x</p>"})
    problems = guard_site(site, rules_for(group), group_sources(group, Settings()),
                          {"meetings/2025-03-14-p03-chat/index.html": "content/meetings/2025-03-14-p03-chat.md"})
    assert [str(p) for p in problems] == [
        ("the built site's assets/p02.png: the id 'p02' of the person shown as 'F. H.' would be published in "
        "the address /assets/p02.png. Rename the file it comes from."),
        ("content/meetings/2025-03-14-p03-chat.md: the id 'p03' of the person shown as 'Sky' would be "
        "published in the address /meetings/2025-03-14-p03-chat/. Rename the file it comes from."),
    ]


def test_the_guard_reads_pages_search_index_sitemap_and_feeds(group_dir: Path) -> None:
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    write_files(site, {
        "meetings/2025-01-10-first-meeting/index.html":
            "<p>Call <b>07700</b> 900123</p><a href='../../people/p04/'>x</a>",
        "search/search_index.json": json.dumps({"docs": [
            {"location": "decisions/D-001/#why", "title": "Why", "text": "<p>Email jo@gmail.com</p>"}]}),
        "feeds/all.atom.xml": "<feed><content type='html'>&lt;p&gt;NHS 943 476 5919&lt;/p&gt;</content></feed>",
        "assets/javascripts/bundle.js": "var p04 = 'jo@gmail.com';",
    })
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>https://x.org/people/p03/</loc>"))
    problems = guard_site(site, rules_for(group), group_sources(group, Settings()),
                          {"meetings/2025-01-10-first-meeting/index.html":
                           "content/meetings/2025-01-10-first-meeting.md"})
    theme = ("No record's text has it, so a template or theme override put it there: check the "
             "theme/ folder.")
    assert [str(p) for p in problems] == [
        (f"the built site's feeds/all.atom.xml: an NHS number (943 \u2026) would be published here. "
        f"{theme} NHS numbers are never published."),
        (f"content/meetings/2025-01-10-first-meeting.md: a phone number (0770\u2026) would be "
        f"published in the page /meetings/2025-01-10-first-meeting/. {theme} Phone numbers are "
        "never published."),
        (f"content/meetings/2025-01-10-first-meeting.md: the id 'p04' of the person shown as 'a "
        f"member' would be published in the page /meetings/2025-01-10-first-meeting/. {theme} Ids "
        "are only for linking records: write [[p04]] to show the person as they agreed "
        "(not inside `code`, where it is shown as typed)."),
        (f"the built site's search/search_index.json: an email address (jo@g\u2026) would be "
        f"published here (for the page /decisions/D-001/). {theme} Only the "
        "group's contact address in project.yml may be published."),
        (f"the built site's sitemap.xml.gz: the id 'p03' of the person shown as 'Sky' would be "
        f"published here. {theme} Ids are only for linking records: write [[p03]] to show the "
        "person as they agreed (not inside `code`, where it is shown as typed)."),
    ]


def test_a_serve_rebuild_scans_what_changed_and_still_finds_every_leak(group_dir: Path) -> None:
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    index = {"docs": [{"location": "decisions/D-001/", "title": "D-001", "text": "<p>We agreed.</p>"}]}
    write_files(site, {"meetings/a/index.html": "<p>We met.</p>", "meetings/b/index.html": "<p>Hi</p>",
                       "search/search_index.json": json.dumps(index)})
    memo = CleanMemo()

    def leaks() -> list[str]:
        return [str(p) for p in guard_site(site, rules_for(group), group_sources(group, Settings()),
                                           memo=memo)]

    assert leaks() == []
    assert set(memo.files) == {"meetings/a/index.html", "meetings/b/index.html", "search/search_index.json"}
    write_files(site, {"meetings/b/index.html": "<p>Ring 07700 900123</p>"})
    index["docs"].append({"location": "decisions/D-002/", "title": "D-002", "text": "jo@gmail.com"})
    write_files(site, {"search/search_index.json": json.dumps(index)})
    first = leaks()
    assert [p.split(":")[0] for p in first] == ["the built site's meetings/b/index.html",
                                                "the built site's search/search_index.json"]
    assert leaks() == first  # a file with a leak is scanned again until it is fixed
    assert "meetings/b/index.html" not in memo.files and "meetings/a/index.html" in memo.files


def test_pages_scanned_on_the_other_core_give_the_same_problems(group_dir: Path) -> None:
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    files = {"meetings/a/index.html": "<p>Ring <b>07700</b> 900123</p>", "meetings/b/index.html": "<p>Hi</p>",
             "feeds/all.atom.xml": "<feed><content>jo@gmail.com</content></feed>",
             "search/search_index.json": json.dumps({"docs": [{"location": "meetings/b/", "text": "p04"}]})}
    write_files(site, files)
    rules, sources = rules_for(group), group_sources(group, Settings())
    alone = [str(p) for p in guard_site(site, rules, sources)]
    core = SecondCore()
    background = BackgroundScan(rules, core)
    for name in ("meetings/a/index.html", "meetings/b/index.html", "feeds/all.atom.xml"):
        background.add(name, files[name] if name.endswith(".html") else files[name].encode())
    assert len(alone) == 3
    assert [str(p) for p in guard_site(site, rules, sources, background=background)] == alone
    core.close()
    if usable_cores() > 1:  # else the guard rightly read every file itself
        assert background.scanned == {"meetings/a/index.html", "meetings/b/index.html", "feeds/all.atom.xml"}


def test_search_entries_scanned_beside_the_build_are_not_read_again_and_give_the_same_problems(
        group_dir: Path) -> None:
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    sent = [{"location": "meetings/b/#when", "title": "When", "text": "<p>Ring <b>07700</b> 900123</p>"},
            {"location": "meetings/a/", "title": "A \ud83d\ude00", "text": "<p>We met.</p>"}]
    not_sent = {"location": "decisions/D-001/", "title": "D-001", "text": "<p>jo@gmail.com</p>"}
    changed = {**sent[1], "text": "<p>We met at 07700 900456.</p>"}  # made again after it was sent
    write_files(site, {"search/search_index.json": json.dumps({"docs": [*sent[:1], changed, not_sent]})})
    rules, sources = rules_for(group), group_sources(group, Settings())
    alone = [str(p) for p in guard_site(site, rules, sources)]
    assert len(alone) == 3

    core = SecondCore()
    try:
        background = BackgroundScan(rules, core)
        background.add_entries(sent)
        pieces = read_site_texts(site, entries=background.entry_findings())
        assert [(piece.page, piece.found is not None) for piece in pieces] == [
            ("meetings/b/index.html", True), ("meetings/a/index.html", False),
            ("decisions/D-001/index.html", False), ("search/search_index.json", False)]
        background = BackgroundScan(rules, core)
        background.add_entries(sent)
        assert [str(p) for p in guard_site(site, rules, sources, background=background)] == alone
    finally:
        core.close()


def test_a_leak_names_the_record_and_line_it_came_from(group_dir: Path) -> None:
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. Ring 07700 900123.")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    group, _ = load_group(group_dir)
    write_files(group_dir / "fake-site", {"feeds/all.atom.xml": "<p>Ring 07700 900123.</p>"})
    problems = guard_site(group_dir / "fake-site", rules_for(group), group_sources(group, Settings()))
    assert [str(p) for p in problems] == [
        ("content/meetings/2025-01-10-first-meeting.md, line 34: a phone number (0770\u2026) would "
        "be published in feeds/all.atom.xml. Phone numbers are never published.")]


def test_an_id_the_sites_own_words_hold_is_told_to_change_not_the_theme(group_dir: Path) -> None:
    """`coprod check` stops such an id first; a guard that meets one anyway says what will help."""
    people = FILES["content/people.yml"].replace("id: p04", "id: may")
    write_files(group_dir, {"content/people.yml": people})
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    write_files(site, {"404.html": "<p>It may be mistyped.</p>"})
    problems = guard_site(site, rules_for(group), group_sources(group, Settings()), {})
    assert [str(p) for p in problems] == [
        ("the built site's 404.html: the id 'may' of the person shown as 'a member' would be published here. "
        "No record's text has it: the site's own words do, so no build can keep it out. Give this person an "
        "id that is not an everyday word, like p07, and use it in the records.")]


def test_a_theme_override_that_shows_ids_fails_the_build(group_dir: Path) -> None:
    override = (Path(__file__).resolve().parents[1] / "coprod_site" / "templates"
                / "meeting.html").read_text(encoding="utf-8")
    heading = "<h1>{{ record.title | own }}</h1>"
    assert heading in override
    override = override.replace(heading, heading + "<p>{{ record.chairs | join(' ') }}</p>")
    write_files(group_dir, {"theme/coprod/meeting.html": override,
                            "mkdocs.yml": FILES["mkdocs.yml"].replace("  font: false\n",
                                                                      "  font: false\n  custom_dir: theme\n")})
    result = mkdocs_build(group_dir)
    assert result.returncode != 0
    assert ("content/meetings/2025-01-10-first-meeting.md: the id 'p01' of the person shown as "
            "'Amina K.' would be published in the page /meetings/2025-01-10-first-meeting/. No "
            "record's text has it, so a template or theme override put it there: check the theme/ "
            "folder.") in result.stderr
    assert "The site must not be published: the finished site shows private details" in result.stderr
    # A plain `mkdocs build` has written the site by then: the files that leak are taken out of it,
    # so that nobody publishes it by mistake; the rest stays to look at.
    assert "The files that showed them were removed from the site folder" in result.stderr
    site = group_dir / "site"
    assert files_containing(site, "p01") == [] and files_containing(site, "p05") == []
    assert not (site / "meetings/2025-01-10-first-meeting/index.html").exists()
    assert (site / "index.html").is_file()


def test_a_real_name_from_the_register_fails_the_build(group_dir: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "register.yml").write_text("p04: Jane Smith\n")
    monkeypatch.setenv("COPROD_PRIVATE_REGISTER", str(tmp_path / "register.yml"))
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. JANE\n<em>smith</em> chaired.")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    result = mkdocs_build(group_dir)
    assert result.returncode != 0
    assert ("content/meetings/2025-01-10-first-meeting.md, line 34: has the real name of the person "
            "shown as 'a member' (register entry p04).") in result.stderr
    assert "Jane" not in result.stderr and "smith" not in result.stderr.lower()


# --- consent ------------------------------------------------------------------------


QUOTING_MEETING = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
    "We met for the first time.",
    "We met for the first time. [[p01]] chaired.\n\n> We should use our own words.\n> \u2014 [[p01]]\n\n")


def test_withdrawn_consent_removes_the_name_from_every_file(group_dir: Path) -> None:
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": QUOTING_MEETING})
    assert mkdocs_build(group_dir).returncode == 0
    site = group_dir / "site"
    page = BeautifulSoup((site / "meetings/2025-01-10-first-meeting/index.html").read_text(), "html.parser")
    assert "Amina K. chaired." in page.get_text()
    assert quote_text(page) == (
        "We should use our own words. \u2014 Amina K.")
    assert len(files_containing(site, "Amina K.")) >= 5

    people = FILES["content/people.yml"].replace("    show_as: name\n    name: Amina K.\n",
                                                 "    show_as: role\n")
    write_files(group_dir, {"content/people.yml": people})
    assert mkdocs_build(group_dir).returncode == 0
    assert files_containing(site, "Amina") == []
    page = BeautifulSoup((site / "meetings/2025-01-10-first-meeting/index.html").read_text(), "html.parser")
    assert "A member chaired." in page.get_text() or "a member chaired." in page.get_text()
    assert quote_text(page) == (
        "We should use our own words. \u2014 a member")


def test_a_name_typed_in_text_after_consent_is_withdrawn_is_found_by_check_and_build(group_dir: Path) -> None:
    """Withdrawing consent changes 'show_as', and every [[id]] follows; a name typed out in full
    would stay. While people.yml still has the name, both the check and the guard know it."""
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. Amina K. chaired.")
    people = FILES["content/people.yml"].replace("    show_as: name\n    name: Amina K.\n",
                                                 "    show_as: role\n    name: Amina K.\n")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting, "content/people.yml": people})
    group, settings, problems = check_folder(group_dir)
    line = next(number for number, text in enumerate(meeting.split("\n"), 1) if "Amina K." in text)
    assert [str(p) for p in problems if not p.is_error] == [
        ("warning: content/people.yml, line 6: keeps the name people.yml gives the person shown as 'a member' "
        "(p01), who is not shown by name. The names of people who have not agreed to be named stay out of "
        "the records: take it out.")]
    assert [str(p) for p in problems if p.is_error] == [
        (f"content/meetings/2025-01-10-first-meeting.md, line {line}: has the name people.yml gives the "
        "person shown as 'a member' (p01). They are not shown by name on the site ('show_as' in "
        "people.yml): write [[p01]] to show them as they agreed. If they have withdrawn their consent, "
        "take their name out of people.yml too.")]
    result = mkdocs_build(group_dir)
    assert result.returncode != 0 and "line 34: has the name people.yml gives" in result.stderr
    # What a theme override or an export let through, the guard finds in the built files.
    site = group_dir / "fake-site"
    write_files(site, {"meetings/x/index.html": "<p>Thanks to <b>Amina</b>\nK. for chairing</p>"})
    assert [str(p) for p in guard_site(site, rules_for(group), group_sources(group, settings))] == [
        (f"content/meetings/2025-01-10-first-meeting.md, line {line}: the name people.yml gives the person "
        "shown as 'a member' (p01) would be published in the page /meetings/x/. They are not shown by name "
        "on the site ('show_as' in people.yml): write [[p01]] to show them as they agreed. If they have "
        "withdrawn their consent, take their name out of people.yml too.")]


def test_a_quote_from_someone_who_did_not_agree_to_quotes_is_not_attributed(group_dir: Path) -> None:
    meeting = QUOTING_MEETING.replace("\u2014 [[p01]]", "\u2014 [[p02]]")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    assert mkdocs_build(group_dir).returncode == 0
    page = BeautifulSoup((group_dir / "site/meetings/2025-01-10-first-meeting/index.html")
                         .read_text(), "html.parser")
    assert quote_text(page) == (
        "We should use our own words. \u2014 a facilitator")


# --- drafts and files that are not pages ---------------------------------------------


CIRCULATED = """\
---
title: A circulated meeting
date: 2025-04-11
chairs: [p01]
minutes:
  status: circulated
  circulated_on: 2025-04-15
actions:
  - id: ACT-009
    what: CIRCULATED-ACTION-MARKER
decisions: [D-003]
---
SECRET-CIRCULATED-MARKER is only for members.
"""

DECISION_AT_DRAFT = """\
---
title: SECRET-DECISION-MARKER
date: 2025-04-11
made_at: 2025-04-11-circulated
status: agreed
power: within-remit
---
Made at a meeting whose minutes are not agreed.
"""


def test_drafts_circulated_minutes_and_other_files_never_reach_the_site(group_dir: Path) -> None:
    write_files(group_dir, {
        "content/meetings/2025-04-11-circulated.md": CIRCULATED,
        "content/decisions/D-003-secret.md": DECISION_AT_DRAFT,
        "content/notes.txt": "SECRET-NOTES-MARKER",
        "content/secret.csv": "name,phone\nSECRET-CSV-MARKER,1\n",
        "content/assets/plan.yml": "SECRET-YAML-MARKER: 1\n",
    })
    result = mkdocs_build(group_dir)
    assert result.returncode == 0, result.stderr
    site = group_dir / "site"
    for marker in ("SECRET-DRAFT-MARKER", "SECRET-CIRCULATED-MARKER", "CIRCULATED-ACTION-MARKER",
                   "SECRET-DECISION-MARKER", "SECRET-NOTES-MARKER", "SECRET-CSV-MARKER",
                   "SECRET-YAML-MARKER", "A draft meeting", "A circulated meeting"):
        assert files_containing(site, marker) == [], marker
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not [n for n in names if n.endswith((".yml", ".yaml", ".txt", ".csv", ".md"))
                and not n.startswith(("data/", "feeds/"))]
    assert not [n for n in names if "draft" in n or "circulated" in n or "D-003" in n]
    hidden = re.compile(r"2025-03-14-draft|2025-04-11-circulated|D-003")
    for name, text in every_file_text(site).items():
        if name.endswith(".html"):
            links = [a.get("href", "") for a in BeautifulSoup(text, "html.parser").find_all("a")]
            assert not [link for link in links if hidden.search(link)], name


def test_a_note_left_in_an_html_comment_is_in_no_file_of_the_site(tmp_path: Path) -> None:
    """Writers leave each other notes in <!-- comments -->; pages never showed them, but the open
    data, the feeds and the charter's history gave them word for word."""
    from charter_git import commit_all, git
    from conftest import mkdocs_build

    note = "<!-- QZNOTE: ask Maya about her letter -->"
    files = {**FILES}
    for name in ("content/decisions/D-001-own-words.md", "content/amendments/AM-01-travel.md",
                 "content/meetings/2025-01-10-first-meeting.md", "content/charter.md"):
        files[name] = files[name].rstrip("\n") + f"\n\n{note}\n"
    root = write_files(tmp_path / "group", files)
    git(root, "init", "-q")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    commit_all(root, "Our records", "2025-03-20T10:00:00+00:00")
    assert mkdocs_build(root).returncode == 0
    texts = every_file_text(root / "site")
    assert {"data/decisions.json", "data/meetings.json", "feeds/all.atom.xml", "charter/history/index.html"} <= set(texts)
    assert [name for name, text in texts.items() if "QZNOTE" in text] == []


def test_the_guard_reads_a_calendar_as_a_calendar_app_shows_it(group_dir: Path) -> None:
    """Long lines are folded at 75 octets, wherever they fall: inside the group's own address
    (which may be published) or a phone number (which may not); '\\n' is a line break."""
    group, _ = load_group(group_dir)
    site = group_dir / "fake-site"
    description = ("DESCRIPTION:In person\\nHow to come: Email the team inbox. te\r\n am@example.org\\nOr ring "
                   "07700 9\r\n 00123\\, any day.")
    write_files(site, {"meetings.ics": ""})
    (site / "meetings.ics").write_bytes(("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:https://example.org/test/meetings/x/\r\n"
                                         f"{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode())
    problems = guard_site(site, rules_for(group), group_sources(group, Settings()), {})
    assert [p.message.split(" would")[0] for p in problems] == ["a phone number (0770…)"]
