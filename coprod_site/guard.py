"""The leak guard: the last check, on the finished site, of every file a visitor can fetch.

`coprod check` looks at the records; this looks at what was actually built:
pages, the search index, the sitemap, feeds, calendars and exports. Anything a
template, a theme override or an export let through is caught here, and the
build fails naming the page, what was found and the record it came from.

Theme assets (Material's scripts and stylesheets) are not the group's content
and are not scanned; binary files (images, fonts) cannot hold text and are
skipped.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import json
import os
import posixpath
import re
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

from .checks.privacy import Located, scan_source
from .markup import ATTRIBUTES, RAW_TEXT_END, TOKEN, end_of_unseen
from .pages import HOME_PAGE, PageSpec, shown_file
from .privacy import (
    NHS_CONTEXT,
    Finding,
    PrivacyRules,
    find_leaks,
    people_in_address,
    site_words,
)
from .problems import Problem
from .records import Group
from .second_core import Batches, SecondCore
from .sources import Source

THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")
"""Material's own files: code, not content."""

SKIPPED_SUFFIXES = frozenset({".js", ".css", ".map", ".woff", ".woff2", ".ttf", ".eot"})

IGNORED_ATTRIBUTES = frozenset({"d", "viewbox", "points", "class", "style", "transform"})
"""Attributes that hold drawing or styling instructions, never words."""


class _TextExtractor(HTMLParser):
    """The words of an HTML or XML document, and the values of its attributes (links, titles).

    The reference reading of markup: `visible_text` uses it for anything its fast
    reader is not certain to read the same way.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")
        self.parts.extend(f" {value} " for name, value in attrs
                          if value and name.lower() not in IGNORED_ATTRIBUTES)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _parsed_parts(markup: str) -> list[str]:
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    return extractor.parts


# The fast reader: markup.py's patterns, read as _TextExtractor reads (anything outside their
# subset is read by html.parser instead).


def _fast_parts(markup: str) -> list[str] | None:
    """What `_TextExtractor` would collect from `markup`, or None where unsure."""
    parts: list[str] = []
    position, length = 0, len(markup)
    while position < length:
        token = TOKEN.match(markup, position)
        if token is None:
            return None
        position = token.end()
        kind = token.lastgroup  # the outermost group of the alternative that matched
        if kind == "text":
            parts.append(unescape(token.group()))
        elif kind == "start":
            tag, attributes, empty = token.group("tag", "attrs", "empty")
            parts.append(" ")
            if attributes:
                parts += _attribute_parts(attributes)
            if empty:
                parts.append(" ")
            elif (raw_end := RAW_TEXT_END.get(tag.lower())) is not None:
                closing = raw_end.search(markup, position)
                if closing is None:
                    return None
                parts += (markup[position:closing.start()], " ")
                position = closing.end()
        elif kind == "end":
            parts.append(" ")
        else:
            end = end_of_unseen(kind, markup, position)
            if end is None:
                return None
            position = end
    return parts


def _attribute_parts(attributes: str) -> list[str]:
    """' value ' for each attribute worth reading, quotes removed and entities decoded."""
    values = ((name, value[1:-1] if value[:1] in ("'", '"') else value)
              for name, value in ATTRIBUTES.findall(attributes))
    return [f" {unescape(value)} " for name, value in values
            if value and name.lower() not in IGNORED_ATTRIBUTES]


def _runs_of(markup: str, one_in: int = 16) -> list[str] | None:
    """What `_fast_parts` reads in `markup`, spaces run together, read a run of lines at a time:
    the text of each run, in order.

    Nine lines in ten of a built page are the theme's, the same on every page,
    so the page is cut into runs of lines and each run is read once and
    remembered (`_run_text`). Runs end after lines chosen by their own text
    (about one line in `one_in`), so the theme's lines make the same runs on
    every page wherever they fall. A run that ends inside a piece of markup (a
    tag or comment spread over lines) takes in the next run. Reading a document
    in such runs gives exactly what reading it whole gives: no piece of markup
    crosses the end of a run, text is cut only at a line end, where no entity
    can be cut in two, and every run but the last ends with its line's newline,
    which no run of spaces crosses, so spaces run together the same either way.
    """
    lines = markup.split("\n")
    ends = [number for number, line in enumerate(lines, 1) if not hash(line) % one_in]
    ends.append(len(lines))
    texts: list[str] = []
    start = 0
    for end in ends:
        run = "\n".join(lines[start:end]) + ("\n" if end < len(lines) else "")
        text = _remembered_run_text(run)
        if text is not None:
            texts.append(text)
            start = end
        # else: the run ends inside a piece of markup, so the next run starts where this one did
    return texts if start == len(lines) else None


def _text_by_runs(markup: str, one_in: int = 16) -> str | None:
    """The text `_runs_of` reads, joined: exactly what reading `markup` whole gives."""
    runs = _runs_of(markup, one_in)
    return None if runs is None else "".join(runs)


_RUN_LIMIT = 8_000
"""Runs up to this long are remembered among thousands (`_run_text`)."""
_LONG_RUN_LIMIT = 64_000
"""Runs up to this long are remembered among a few (`_long_run_text`); longer ones (a search
index on one line) are read, not remembered."""


def _remembered_run_text(run: str) -> str | None:
    """`_spaced_text` of a run of lines, remembered where it may recur."""
    if len(run) <= _RUN_LIMIT:
        return _run_text(run)
    if len(run) <= _LONG_RUN_LIMIT:
        return _long_run_text(run)
    return _spaced_text(run)


@functools.lru_cache(maxsize=4_096)
def _run_text(run: str) -> str | None:
    """`_spaced_text` of a run of lines, remembered: the theme's lines recur on every page."""
    return _spaced_text(run)


@functools.lru_cache(maxsize=32)
def _long_run_text(run: str) -> str | None:
    """`_spaced_text` of a long run, remembered among the last few: the theme's script in
    overrides/main.html (7 KB) and the lines around it make one run on every page, since a run
    that ends inside a script takes in the next, and it can go over `_RUN_LIMIT` (read again on
    every page, it made reading a page up to a third dearer). Long runs of a page's own text are rarely met
    again, so only a few are kept: at most 32 of 64 KB and their text."""
    return _spaced_text(run)


def _spaced_text(markup: str) -> str | None:
    parts = _fast_parts(markup)
    return None if parts is None else _spaced("".join(parts))


_SPACES = re.compile(r"[ \t\u00a0]+")


def _spaced(text: str) -> str:
    """Every run of spaces and tabs as one space."""
    return _SPACES.sub(" ", text)


def visible_text(markup: str) -> str:
    """Text and attribute values of HTML or XML, tags removed and entities decoded.

    Script and style contents count as text (a template could print a name into
    a script); comments do not. A site's pages are read by a fast reader, about
    twice as quick as html.parser, which reads the lines every page shares only
    once; it hands anything unusual to html.parser.
    """
    return "".join(visible_runs(markup))


def visible_runs(markup: str) -> list[str]:
    """`visible_text`, in the runs of lines the fast reader read (one piece where html.parser read it)."""
    runs = _runs_of(markup)
    return runs if runs is not None else [_spaced("".join(_parsed_parts(markup)))]


class RunLeaks:
    """`find_leaks` of a page read in runs of lines, each run's findings remembered.

    Most of a page's runs are the theme's, the same on every page, so each is
    scanned once. The findings are those of the whole text: no detector's match
    holds a line break, and every run but the last ends with one, so no match
    crosses from one run into the next; what a detector looks at before a match
    (a character, or the words just before ten digits that say "NHS") is in
    the run or in the `_BEFORE` characters scanned with it. Names are matched
    across line breaks, so a page is scanned whole where the private register
    gives names to look for.
    """

    _BEFORE = NHS_CONTEXT + 1

    def __init__(self) -> None:
        self.rules: PrivacyRules | None = None
        self._in_run = functools.lru_cache(maxsize=4_096)(self._scan_run)
        """The findings in a run, remembered; the least recently used forgotten first, so the
        theme's runs, met on every page, stay."""

    def _scan_run(self, before: str, run: str) -> list[Finding]:
        assert self.rules is not None
        return [finding for finding in find_leaks(before + run, self.rules) if finding.start >= len(before)]

    def findings(self, piece: SiteText, rules: PrivacyRules) -> list[Finding]:
        runs = [run for run in piece.runs if run]
        if (len(runs) < 2 or rules.finds_names
                or not all(run.endswith("\n") for run in runs[:-1])):
            return find_leaks(piece.text, rules)
        if rules is not self.rules:  # one object for every page a process scans, or an equal copy
            if rules != self.rules:
                self._in_run.cache_clear()
            self.rules = rules
        found: list[Finding] = []
        offset = 0
        for run in runs:
            before = piece.text[max(0, offset - self._BEFORE):offset]
            shift = offset - len(before)
            found += (dataclasses.replace(f, start=f.start + shift, end=f.end + shift)
                      for f in self._in_run(before, run))
            offset += len(run)
        return found


_RUN_LEAKS = RunLeaks()
"""One for each process: the theme's runs are remembered from page to page."""


def leaks_in(piece: SiteText, rules: PrivacyRules) -> list[Finding]:
    """Every leak in a piece of the site's text (read in runs where it can be: `RunLeaks`)."""
    return _RUN_LEAKS.findings(piece, rules)


@dataclass(frozen=True)
class SiteText:
    """A piece of a built file's text, and the page it belongs to."""

    file: str
    """The file, relative to the site folder."""
    page: str
    """The page the text belongs to (for a search index entry, the page it indexes)."""
    text: str
    runs: tuple[str, ...] = field(default=(), compare=False)
    """The text in runs of lines, where it was read so (see `RunLeaks`)."""
    found: tuple[Finding, ...] | None = field(default=None, compare=False)
    """What was found in it while the site was built (a search index entry scanned beside the
    build, whose text is then not read again), or None."""


def read_site_texts(site_dir: Path, skip: Callable[[str, bytes], bool] | None = None,
                    already: Container[str] = (), files: list[str] | None = None,
                    entries: Mapping[bytes, list[Finding]] | None = None) -> Iterator[SiteText]:
    """Every piece of text a visitor can fetch from the built site, but files `already` scanned
    (not even read) and files `skip` accepts. `files`: the site's files, if already listed;
    `entries`: what was found in search index entries already scanned, by `entry_digest`."""
    for relative in site_files(site_dir) if files is None else files:
        if not is_scanned(relative) or relative in already:
            continue
        data = (site_dir / relative).read_bytes()
        if skip is not None and skip(relative, data):
            continue
        text = _text_of_file(relative, data)
        if text is not None:
            yield from _texts_of(relative.removesuffix(".gz"), relative, text, entries)


def site_files(site_dir: Path) -> list[str]:
    """Every file in the site, relative to it, in path order."""
    found = []
    for folder, _, names in os.walk(site_dir):
        prefix = Path(folder).relative_to(site_dir).as_posix()
        found += [name if prefix == "." else f"{prefix}/{name}" for name in names]
    return sorted(found, key=lambda relative: relative.split("/"))


def is_scanned(relative: str) -> bool:
    """Whether the guard reads this file of the site: not the theme's code, nor fonts."""
    return not (relative.startswith(THEME_FOLDERS)
                or posixpath.splitext(relative)[1].lower() in SKIPPED_SUFFIXES)


def _text_of_file(relative: str, data: bytes) -> str | None:
    """A file's text (unzipped if need be), or None for a binary file (an image)."""
    raw = _decompressed(data, relative)
    if raw is None or b"\x00" in raw:
        return None
    return raw.decode("utf-8", errors="replace")


def _decompressed(raw: bytes, relative: str) -> bytes | None:
    if not relative.endswith(".gz"):
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error):
        return None


def _texts_of(name: str, relative: str, text: str,
              entries: Mapping[bytes, list[Finding]] | None = None) -> Iterator[SiteText]:
    suffix = posixpath.splitext(name)[1].lower()
    if suffix == ".json":
        yield from _json_texts(relative, text, entries)
    elif suffix in (".html", ".htm", ".svg"):
        runs = tuple(visible_runs(text))
        yield SiteText(relative, relative, "".join(runs), runs)
    elif suffix in (".xml", ".atom", ".rss"):
        yield SiteText(relative, relative, visible_text(visible_text(text)))
    elif suffix == ".ics":
        yield SiteText(relative, relative, calendar_text(text))
    else:
        yield SiteText(relative, relative, text)


_FOLD = re.compile(r"\r?\n[ \t]")
_CALENDAR_ESCAPE = re.compile(r"\\([nN,;\\])")


def calendar_text(text: str) -> str:
    """A calendar as a calendar app shows it: its long lines unfolded (a fold can fall inside an
    email address or a phone number), its escapes read ('\\n' a line break, '\\,' a comma), and
    without its UID lines, which name events, not people."""
    lines = _FOLD.sub("", text).splitlines()
    kept = "\n".join(line for line in lines if not line.upper().startswith("UID:"))
    return _CALENDAR_ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], kept)


def _json_texts(relative: str, text: str, entries: Mapping[bytes, list[Finding]] | None) -> Iterator[SiteText]:
    try:
        document = json.loads(text)
    except ValueError:
        yield SiteText(relative, relative, text)
        return
    docs = document.get("docs") if isinstance(document, dict) else None
    if isinstance(docs, list):
        # A search index: each entry is text from one page, found by its location.
        for entry in docs:
            strings = entry_strings(entry)
            found = entries.get(entry_digest(strings)) if entries else None
            if found is None:
                yield SiteText(relative, entry_page(entry), visible_text(strings))
            else:
                yield SiteText(relative, entry_page(entry), "", found=tuple(found))
        rest = {key: value for key, value in document.items() if key != "docs"}
        yield SiteText(relative, relative, visible_text(" \n ".join(_strings(rest))))
        return
    yield SiteText(relative, relative, visible_text(" \n ".join(_strings(document))))


def entry_page(entry: Any) -> str:
    """The page file a search index entry indexes."""
    return page_file(str(entry.get("location", "")) if isinstance(entry, dict) else "")


def entry_strings(entry: Any) -> str:
    """The strings of a search index entry (its keys too), as the guard reads them."""
    return " \n ".join(_strings(entry))


def entry_digest(strings: str) -> bytes:
    """What knows an entry's strings again, in the index as written."""
    return _digest(strings.encode("utf-8", "surrogatepass"))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def page_file(location: str) -> str:
    """A site URL like 'meetings/x/#agenda' -> the file that serves it, 'meetings/x/index.html'."""
    path = location.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass
class CleanMemo:
    """What the last guard run found clean, so a `coprod serve` rebuild scans only what changed.

    Files are known by their bytes, pieces of text (a search index entry) by
    their text. All of it is forgotten when the rules change (a new register, a
    person's consent changed): then everything is scanned again.
    """

    rules: str = ""
    files: dict[str, bytes] = field(default_factory=dict)
    texts: set[bytes] = field(default_factory=set)
    _next_files: dict[str, bytes] = field(default_factory=dict)
    _next_texts: set[bytes] = field(default_factory=set)

    def start(self, rules: str) -> None:
        if rules != self.rules:
            self.rules, self.files, self.texts = rules, {}, set()
        self._next_files, self._next_texts = {}, set()

    def file_is_clean(self, relative: str, data: bytes) -> bool:
        """True for a file with the same bytes as a file found clean last time."""
        digest = _digest(data)
        self._next_files[relative] = digest
        return self.files.get(relative) == digest

    def text_is_clean(self, text: str) -> bool:
        digest = _digest(text.encode("utf-8", "surrogatepass"))
        if digest in self.texts:
            self._next_texts.add(digest)
            return True
        return False

    def record(self, piece: SiteText, clean: bool) -> None:
        """What this run found in `piece`; a file with any leak is scanned again next time."""
        if clean:
            self._next_texts.add(_digest(piece.text.encode("utf-8", "surrogatepass")))
        else:
            self._next_files.pop(piece.file, None)

    def finish(self) -> None:
        """This run's findings are what the next run compares with."""
        self.files, self.texts = self._next_files, self._next_texts


class _NoMemo(CleanMemo):
    """A full scan: nothing is taken as clean, and nothing is kept (no digests to compute)."""

    def file_is_clean(self, relative: str, data: bytes) -> bool:
        return False

    def text_is_clean(self, text: str) -> bool:
        return False

    def record(self, piece: SiteText, clean: bool) -> None:
        pass


@dataclass
class SiteGuard:
    """Scans a built site for one group; `origins` maps page files to the record each shows."""

    rules: PrivacyRules
    sources: Mapping[str, Source]
    origins: Mapping[str, str] = field(default_factory=dict)
    leaking: set[str] = field(default_factory=set)
    """The site's files (relative to it) that the last `problems` found something in."""
    _found: dict[str, list[Located]] = field(default_factory=dict)

    def problems(self, site_dir: Path, memo: CleanMemo | None = None,
                 background: BackgroundScan | None = None) -> list[Problem]:
        """One problem for each leak on each page, naming the record it came from.

        With a `memo` of the last run, files and pieces of text found clean then
        (under the same rules) are not scanned again; the memo is updated. With
        a `background` scan, the pages it scanned while the site was being built
        are not read again.
        """
        memo = memo if memo is not None else _NoMemo()
        memo.start(repr(self.rules))
        found = background.findings() if background is not None else []
        scanned = background.scanned if background is not None else set()
        entries = background.entry_findings() if background is not None else {}

        files = site_files(site_dir)
        for piece in read_site_texts(site_dir, memo.file_is_clean, scanned, files, entries):
            if piece.found is not None:
                findings = list(piece.found)
            elif memo.text_is_clean(piece.text):
                continue
            else:
                findings = leaks_in(piece, self.rules)
                memo.record(piece, clean=not findings)
            if findings:
                found.append((piece, findings))
        memo.finish()
        self.leaking = {piece.file for piece, _ in found}
        found.sort(key=lambda item: PurePosixPath(item[0].file))  # in the order of the site's files
        seen: set[tuple[str, str]] = set()
        problems: list[Problem] = []
        for piece, findings in found:
            for finding in findings:
                if (piece.page, finding.key) not in seen:
                    seen.add((piece.page, finding.key))
                    problems.append(self._problem(piece, finding))
        return problems + self._people_in_addresses(files)

    def _people_in_addresses(self, files: list[str]) -> list[Problem]:
        """A person's id or name in the address of a page (its folder) or of another file (its
        name): the text's detectors, which take 'p01-x' for another word, do not look there."""
        problems = []
        for relative in filter(is_scanned, files):  # not the theme's own scripts and styles
            folder, _, name = relative.rpartition("/")
            address = folder + "/" if name == "index.html" else name
            found = [finding.described(self.rules.people) for finding in people_in_address(address, self.rules)]
            if found:
                self.leaking.add(relative)
            problems += [Problem(self.origins.get(relative) or site_label(relative), None, None,
                                 f"{what} would be published in the address "
                                 f"/{relative.removesuffix('index.html')}. Rename the file it comes from.")
                         for what in found]
        return problems

    def _problem(self, piece: SiteText, finding: Finding) -> Problem:
        page = f"the page {_url(piece.page)}" if piece.page.endswith(".html") else piece.page
        where = page if piece.file == piece.page else f"{piece.file} (for {page})"
        described = finding.described(self.rules.people)
        advice = finding.advice
        origin = self._origin(finding)
        if origin is not None:
            return Problem(origin[0], origin[1], None,
                           f"{described} would be published in {where}. {advice}")
        own = self.origins.get(piece.page)
        if own is None:  # the message is about the built file itself, so 'here'
            where = "here" if piece.file == piece.page else f"here (for {page})"
        else:
            where = f"in {where}"
        if finding.kind == "person_id" and finding.value in site_words(None):
            return Problem(own or site_label(piece.file), None, None, f"{described} would be published "
                           f"{where}. No record's text has it: the site's own words do, so no build can "
                           "keep it out. Give this person an id that is not an everyday word, like p07, "
                           "and use it in the records.")
        return Problem(own or site_label(piece.file), None, None, f"{described} would be published "
                       f"{where}. No record's text has it, so a template or theme override put "
                       f"it there: check the theme/ folder. {advice}")

    def _origin(self, finding: Finding) -> tuple[str, int | None] | None:
        """The record file (and line) whose text has the same thing."""
        for path in self.sources:
            for line, found in self._scan(path):
                if found.key == finding.key:
                    return path, line
        return None

    def _scan(self, path: str) -> list[Located]:
        if path not in self._found:
            self._found[path] = scan_source(self.sources[path], self.rules)
        return self._found[path]


def site_label(relative: str) -> str:
    """How a built file is named in a message."""
    return f"the built site's {relative}"


def _url(page: str) -> str:
    """'meetings/x/index.html' -> '/meetings/x/', the address a visitor types."""
    return "/" + page.removesuffix("index.html")


def page_origin(src_uri: str, spec: PageSpec | None, group: Group) -> str | None:
    """The record file a page shows (for messages), or None for a page made only from lists."""
    shown = shown_file(src_uri, spec, group)
    if shown is not None or spec is None:
        return shown
    if spec.path == HOME_PAGE and HOME_PAGE in group.pages:
        return group.pages[HOME_PAGE].path
    if spec.path.startswith("charter/") and group.charter is not None:
        return group.charter.source.path
    return None


def guard_site(site_dir: Path, rules: PrivacyRules, sources: Iterable[Source],
               origins: Mapping[str, str] | None = None, memo: CleanMemo | None = None,
               background: BackgroundScan | None = None, *, remove_leaking: bool = False) -> list[Problem]:
    """Every leak in the built site at `site_dir` (see SiteGuard.problems for the rest). With
    `remove_leaking`, the files that show them are deleted, so that a failed build leaves no
    site that could be published by mistake."""
    guard = SiteGuard(rules, {source.path: source for source in sources}, origins or {})
    problems = guard.problems(site_dir, memo, background)
    if remove_leaking:
        for relative in guard.leaking:
            (site_dir / relative).unlink(missing_ok=True)
    return problems


# --- scanning pages on the other core while the site is built ----------------------------

Found = list[tuple[SiteText, list[Finding]]]


def _scan_pages(rules: PrivacyRules, pages: list[tuple[str, str]]) -> Found:
    """In the second process: the leaks in each (file, text), as the guard reads files."""
    found = []
    for relative, text in pages:
        for piece in _texts_of(relative.removesuffix(".gz"), relative, text):
            findings = leaks_in(piece, rules)
            if findings:
                found.append((piece, findings))
    return found


def _scan_entries(rules: PrivacyRules, entries: list[tuple[str, str]]) -> list[tuple[bytes, list[Finding]]]:
    """In the second process: the leaks in each search index entry, given as (its page, its
    strings), with the digest the guard knows the entry by in the index."""
    return [(entry_digest(strings), leaks_in(SiteText("", page, visible_text(strings)), rules))
            for page, strings in entries]


class BackgroundScan:
    """Scans each page in a second process as soon as it is made, while MkDocs makes the rest.

    The guard is a large part of a build's time and needs nothing but the
    finished pages, so it runs beside the build instead of after it (see
    second_core.py). What the second process has not scanned when the guard
    runs is scanned by the guard's own process meanwhile (`Batches.collect`).
    So are search index entries, as soon as they are made: the guard reads the
    index as written and takes the findings of each entry it knows by its
    strings, scanning only entries it does not know.
    """

    def __init__(self, rules: PrivacyRules, core: SecondCore) -> None:
        self.core = core
        self.batches: Batches[tuple[str, str], Found] = Batches(core, _scan_pages, rules)
        self.scanned: set[str] = set()
        """The files added here: the guard does not read them again."""
        self.entries: Batches[tuple[str, str], list[tuple[bytes, list[Finding]]]] = Batches(
            core, _scan_entries, rules)

    def add(self, relative: str, content: str | bytes) -> None:
        """A page or other file, exactly as it will be written to `relative` in the site folder."""
        if not self.core.running or not is_scanned(relative):
            return
        text = content if isinstance(content, str) else _text_of_file(relative, content)
        if text is not None:
            self.batches.add((relative, text))
            self.scanned.add(relative)

    def add_entries(self, entries: Iterable[Any]) -> None:
        """Search index entries, as the index will hold them."""
        if self.core.running:
            for entry in entries:
                self.entries.add((entry_page(entry), entry_strings(entry)))

    def findings(self) -> Found:
        """Everything found in the files added."""
        return [found for batch in self.batches.collect() for found in batch]

    def entry_findings(self) -> dict[bytes, list[Finding]]:
        """What was found in each search index entry added, by `entry_digest`."""
        return dict(scanned for batch in self.entries.collect() for scanned in batch)
