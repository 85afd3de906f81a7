"""Hostile content: markdown-it's XSS cases and the Big List of Naughty Strings, in every kind of record.

Each string goes into the text of a record and into the fields of each record
type, the site is built, and every page is opened in headless Chromium with
listeners for dialogs (alert, confirm, prompt), script errors and console
errors: none may fire, and no request may leave the site.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from groups import FILES, TODAY, write_files
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support.browser import (
    browser_available,
    chromium_browser,
    open_page,
    page_requests_leaving_origin,
    require,
    serve_directory,
)

from coprod_site.loading import SourceCache, load_group
from coprod_site.privacy import find_leaks, rules_for
from coprod_site.problems import Problem
from coprod_site.records import Group
from coprod_site.settings import Settings
from coprod_site.sources import CONTROL_CHARACTER, SourceError, parse_yaml

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
XSS = CORPUS / "markdown-it-fixtures" / "test" / "fixtures" / "markdown-it" / "xss.txt"
BLNS = CORPUS / "big-list-of-naughty-strings" / "blns.json"
CHUNK = 100


def xss_cases() -> list[str]:
    """The Markdown input of each case in markdown-it's xss.txt (between the first two '.' lines)."""
    cases, current, state = [], [], "title"
    for line in XSS.read_text(encoding="utf-8").split("\n"):
        if line == ".":
            state = {"title": "input", "input": "output", "output": "title"}[state]
            if state == "output":
                cases.append("\n".join(current))
                current = []
        elif state == "input":
            current.append(line)
    return cases


def survives_yaml(text: str) -> bool:
    """True when YAML can carry the string as a field (a few control characters cannot be)."""
    try:
        meta, _ = parse_yaml(yaml.safe_dump({"t": text}, allow_unicode=True), "x", 1)
    except SourceError:
        return False
    return meta.get("t") == text


@pytest.fixture(scope="module")
def naughty_strings(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    if not BLNS.is_file():
        pytest.skip("../shared/corpus/big-list-of-naughty-strings is not here")
    strings = json.loads(BLNS.read_text(encoding="utf-8"))
    root = write_files(tmp_path_factory.mktemp("rules") / "group", FILES)
    rules = rules_for(load_group(root)[0])
    # A string the privacy guard blocks (an email address, say) would rightly stop the
    # build; those are tested in test_leak_guard.py.
    # Control characters are refused with a problem when the records are read (tested below).
    usable = [s for s in strings if s.strip() and not CONTROL_CHARACTER.search(s)
              and not find_leaks(s, rules)]
    assert len(usable) > 0.9 * len(strings)
    return usable


def joined(strings: list[str]) -> str:
    return " | ".join(s for s in strings if survives_yaml(s))


def field_strings(strings: list[str]) -> list[str]:
    return [s for s in strings if survives_yaml(s)]


class _PlainDumper(yaml.SafeDumper):
    """Writes a list used twice out in full: records may not use YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(value: object) -> str:
    return yaml.dump(value, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)


def front(meta: dict[str, object], body: str) -> str:
    return "---\n" + dump(meta) + "---\n" + body + "\n"


def paragraphs(strings: list[str]) -> str:
    return "\n\n".join(s.replace("\r", "") for s in strings)


def hostile_records(strings: list[str], cases: list[str]) -> dict[str, str]:
    """Records of every type, each chunk of strings in their text and in each of their fields."""
    files: dict[str, str] = {}
    chunks = [strings[i:i + CHUNK] for i in range(0, len(strings), CHUNK)]
    for n, chunk in enumerate(chunks):
        day = f"2025-05-{n + 1:02d}"
        fields = field_strings(chunk)
        files[f"content/meetings/{day}-hostile-{n}.md"] = front({
            "title": joined(chunk), "date": day, "format": "hybrid", "venue": joined(chunk),
            "support": fields, "agenda": fields, "content_notes": fields, "chairs": ["p01"],
            "present": ["p01", "p02"], "minutes": {"status": "agreed", "agreed_on": day},
            "feedback": {"sent_on": day, "how": joined(chunk)},
            "actions": [{"id": f"ACT-{n}{i:03d}", "what": s, "owner": "p02", "status": "open",
                         "due": "2027-01-01"} for i, s in enumerate(fields)],
        }, paragraphs(chunk) + "\n\n" + "\n\n".join(cases))
        files[f"content/decisions/D-{100 + n}-hostile.md"] = front({
            "title": joined(chunk), "date": day, "status": "agreed", "power": "referred",
            "referred_to": joined(chunk), "referred_on": day, "response": joined(chunk),
            "response_on": day, "outcome": "changed", "outcome_note": joined(chunk),
        }, paragraphs(chunk))
        files[f"content/amendments/AM-{10 + n}-hostile.md"] = front({
            "title": joined(chunk), "status": "rejected", "proposed_on": day,
            "proposed_by": ["p01"], "clauses": ["payments"], "reason": joined(chunk),
        }, paragraphs(chunk))
        files[f"content/reports/hostile-{n}.md"] = front({
            "kind": "impact", "title": joined(chunk), "period_from": "2025-01-01",
            "period_to": "2025-12-31",
        }, "\n\n".join(f"## {h}\n\n{paragraphs(chunk)}" for h in
                       ("Aim", "Methods", "Results", "Discussion and conclusions", "Reflections")))
        files[f"content/hostile-page-{n}.md"] = f"# Page {n}\n\n{paragraphs(chunk)}\n\n" + "\n\n".join(cases)
    people = yaml.safe_load(FILES["content/people.yml"])
    for n, chunk in enumerate(chunks):
        people["people"].append({"id": f"h{n}", "lived_experience": True, "roles": field_strings(chunk)[:20],
                                 "show_as": "pseudonym", "pseudonym": joined(chunk),
                                 "consent_recorded_on": "2025-01-10"})
    files["content/people.yml"] = dump(people)
    glossary = {f"T{n}": joined(chunk) for n, chunk in enumerate(chunks)}
    files["content/glossary.yml"] = dump(glossary)
    # What Material prints unescaped: a page's title (from its front matter, first heading or file
    # name), its description, and the ids of its headings (in the contents and the skip link).
    files["content/meetings/2025-05-01-hostile-0.md"] += (
        "\n\n## Why {id='why\" onfocus=\"alert(41)\" autofocus=\"'}\n\nText.\n\n## Again {#x\"><b>}\n")
    files["content/hostile-title.md"] = front(
        {"title": "<img src=x onerror=alert(42)>\" onmouseover=\"alert(43)",
         "description": "\"><script>alert(44)</script>"}, "Body.")
    files["content/<img src=x onerror=alert(45)>.md"] = "Body.\n"
    # A title from the first heading is HTML ('&lt;/title&gt;'), which the theme's `striptags` unescapes.
    files["content/hostile-heading.md"] = "# Waits `</title><script>alert(46)</script>` &lt;b&gt;\n\nBody.\n"
    return files


@pytest.fixture(scope="module", params=["en-GB", "cy"])
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                 naughty_strings: list[str]) -> Path:
    """The hostile group built in English, and in Welsh, whose pages mark the group's own words
    with its language (languages.py): every string goes through that marking too."""
    if not XSS.is_file():
        pytest.skip("../shared/corpus/markdown-it-fixtures is not here")
    root = tmp_path_factory.mktemp("hostile") / "group"
    write_files(root, {**FILES, "content/project.yml": FILES["content/project.yml"].replace(
        "language: en-GB", f"language: {request.param}")})
    assert f"language: {request.param}" in (root / "content/project.yml").read_text(encoding="utf-8")
    for name, text in hostile_records(naughty_strings, xss_cases()).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")  # as is: write_files would dedent
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COPROD_TODAY", TODAY)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        # The checks rightly refuse some of these strings (an <img> without alt text, say).
        # They are skipped here so that every string reaches the templates and the sanitizer;
        # the leak guard still runs after the build.
        patch.setattr("coprod_site.plugin.load_and_check", _loaded_unchecked)
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    marked = '<span lang="cy">' in (root / "site/decisions/D-100/index.html").read_text(encoding="utf-8")
    assert marked == (request.param == "cy")
    return root / "site"


def _loaded_unchecked(root: Path, content_dir: str, settings: Settings,
                      cache: SourceCache | None = None) -> tuple[Group, Settings, list[Problem]]:
    """The plugin's `load_and_check`, without the checks."""
    return load_group(root, content_dir, cache)[0], settings, []


def html_pages(site: Path) -> list[str]:
    """Every page, except 404.html: it links its files from site_url's path, to work at any
    address, so it only loads its styles when served where the site will live."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html")


def test_naughty_control_characters_are_refused_with_a_problem(tmp_path: Path) -> None:
    if not BLNS.is_file():
        pytest.skip("../shared/corpus/big-list-of-naughty-strings is not here")
    strings = [s for s in json.loads(BLNS.read_text(encoding="utf-8")) if CONTROL_CHARACTER.search(s)]
    assert strings
    root = write_files(tmp_path / "group", FILES)
    page = root / "content" / "notes-page.md"
    for text in strings:
        page.write_text(f"# Notes\n\n{text}\n", encoding="utf-8")
        problems = [p for p in load_group(root)[1] if p.path == "content/notes-page.md"]
        assert len(problems) == 1 and problems[0].line == 3
        assert "invisible control character" in problems[0].message or "not a text file" in problems[0].message


def test_a_control_character_is_reported_with_every_other_problem_in_its_file(tmp_path: Path) -> None:
    """A vertical tab pasted from Word stopped the reading of the whole file: the email two lines
    on, and a second control character, were found only in later runs."""
    from coprod_site.checks import check_folder

    meeting = "content/meetings/2025-01-10-first-meeting.md"
    pasted = FILES[meeting].replace("We met for the first time.",
                                    "We met\x0b for the first time.\n\nEmail maya@example.net now.\n\nMore\x85 text.")
    root = write_files(tmp_path / "group", {**FILES, meeting: pasted})
    lines = pasted.split("\n")
    at = [next(i for i, line in enumerate(lines, 1) if word in line) for word in ("We met", "maya@", "More")]
    found = [(p.line, p.message.split(" (")[0]) for p in check_folder(root)[2] if p.path == meeting and p.is_error]
    assert found == [(at[0], "has an invisible control character"), (at[1], "has an email address"),
                     (at[2], "has an invisible control character")]
    said = [p.message for p in check_folder(root)[2] if p.path == meeting and "control" in p.message]
    assert said == [  # where on the line, as a long row of a pasted table gives no clue
        ("has an invisible control character (U+000B, a line break pasted from a word processor) after "
         "'We met'. Delete it, and type a space or a new line there."),
        "has an invisible control character (U+0085) after 'More'. Delete it."]


def test_the_corpora_are_all_there(naughty_strings: list[str]) -> None:
    assert len(xss_cases()) == 13 if XSS.is_file() else True
    assert len(naughty_strings) > 450


def test_no_hostile_page_keeps_scripts_handlers_or_dangerous_urls(hostile_site: Path) -> None:
    from bs4 import BeautifulSoup

    bad: list[str] = []
    for name in html_pages(hostile_site):
        soup = BeautifulSoup((hostile_site / name).read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):  # the theme's parts too: menu, contents, head
            if any(attribute.startswith("on") for attribute in tag.attrs):
                bad.append(f"{name}: a handler on <{tag.name}>")
            if tag.name == "script" and "alert(" in tag.get_text():
                bad.append(f"{name}: {tag}")
        main = soup.select_one("article") or soup
        for tag in main.find_all(True):
            # (Our templates add charts as <svg> and a read-only <input> to copy a link.)
            if tag.name in ("script", "iframe", "object", "embed", "form", "style", "math",
                            "textarea", "base", "meta", "link", "frame", "video", "audio"):
                bad.append(f"{name}: <{tag.name}>")
            for attribute, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if attribute == "style":
                    bad.append(f"{name}: {attribute} on <{tag.name}>")
                if attribute in ("href", "src") and text.strip().lower().startswith(
                        ("javascript:", "data:", "vbscript:", "file:")):
                    bad.append(f"{name}: {attribute}={text[:40]}")
    assert bad == []


def test_hostile_pages_run_nothing_in_a_real_browser(hostile_site: Path) -> None:
    require(browser_available(), "Chromium via Playwright")
    pages = html_pages(hostile_site)
    assert len(pages) > 30
    fired: list[str] = []
    current = [""]
    with serve_directory(hostile_site) as base, chromium_browser() as browser, \
            open_page(browser) as page:
        leaving = page_requests_leaving_origin(page, base)
        page.on("dialog", lambda dialog: (fired.append(f"{current[0]}: dialog {dialog.type}: "
                                                       f"{dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: fired.append(f"{current[0]}: script error: {error}"))
        page.on("console", lambda message: fired.append(f"{current[0]}: console: {message.text}")
                if message.type == "error" else None)
        for name in pages:
            current[0] = name
            page.goto(base + name, wait_until="load")
            page.wait_for_timeout(50)
    assert fired == []
    assert leaving == []


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_title_is_shown_exactly_as_written_wherever_the_theme_shows_it(hostile_site: Path) -> None:
    """A page's title, naughty strings and all, reads in the window title, the header, the link
    previews and the search results exactly as in the page's own heading: it was shown there with
    look-alike brackets and quotes. A title from a page's first heading too, whose '&lt;' the
    theme had turned back into '<' in the window title."""
    from urllib.parse import unquote

    from bs4 import BeautifulSoup

    search = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {unquote(doc["location"]): BeautifulSoup(doc["title"], "html.parser").get_text()
             for doc in search["docs"]}
    # (The home page is the group's, and the poster's page names what it is for.)
    pages = [name for name in html_pages(hostile_site) if name not in ("index.html", "meetings/next/poster/index.html")]
    assert len([name for name in pages if "hostile" in name]) > 10
    for name in pages:
        soup = BeautifulSoup((hostile_site / name).read_text(encoding="utf-8"), "html.parser")
        title = _words(soup.select_one("article h1").get_text())
        shown = {"window": soup.title.get_text().removesuffix(" - Test Group"),
                 "header": soup.select(".md-header__topic .md-ellipsis")[-1].get_text(),
                 "link preview": soup.select_one('meta[property="og:title"]')["content"],
                 "search": found[name.removesuffix("index.html")]}
        assert {where: _words(text) for where, text in shown.items()} == dict.fromkeys(shown, title), name
    heading = BeautifulSoup((hostile_site / "hostile-heading/index.html").read_text(encoding="utf-8"), "html.parser")
    assert heading.title.get_text() == "Waits </title><script>alert(46)</script> <b> - Test Group"
    menu = [_words(link.get_text()) for link in heading.select(".md-nav--primary a.md-nav__link")]
    assert "Waits </title><script>alert(46)</script> <b>" in menu
    assert '<img src=x onerror=alert(42)>" onmouseover="alert(43)' in menu
