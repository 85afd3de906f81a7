"""From a group's folder to validated records, collecting every problem on the way.

Nothing here stops at the first problem: a file that cannot be read is
reported and left out, and every other file is still read, so `coprod check`
can list everything that needs fixing in one run.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .privacy import EMAIL
from .problems import Problem, sort_problems
from .records import (
    Amendment,
    Charter,
    Clause,
    Decision,
    FiledRecord,
    Group,
    Meeting,
    Person,
    Project,
    Record,
    Report,
    date_from_text,
    day_in_id,
    numbered_id,
)
from .scaffold import slugify
from .sources import (
    Source,
    SourceError,
    folder_files,
    iter_markdown_files,
    read_markdown_file,
    read_yaml_file,
    shown_path,
)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"})
RECORD_FOLDERS = ("amendments", "meetings", "decisions", "reports")
RECORD_FILES = ("project.yml", "people.yml", "glossary.yml", "charter.md")

MEETING_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9][a-z0-9-]*$")
DECISION_NAME = re.compile(r"^(D-\d+)(?:-.*)?$")
AMENDMENT_NAME = re.compile(r"^(AM-\d+)(?:-.*)?$")
"""A decision's or an amendment's id is its file name up to the words (CONTENT-MODEL), which may
be any: the page's address is the id ('D-010-own_voices.md' and 'D-011-café.md' are fine)."""
REPORT_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CLAUSE_HEADING = re.compile(r"^##[ \t]+(?P<heading>.+?)(?:[ \t]*\{[ \t]*#(?P<id>[^}\s]+)[ \t]*\})?[ \t]*#*[ \t]*$")

R = TypeVar("R", bound=Record)
F = TypeVar("F", bound=FiledRecord)

SourceCache = dict[str, tuple[tuple[int, int], Source]]
"""Files already read, by path, with the (modification time, size) they had: `coprod serve`
keeps one between rebuilds so an edit re-reads one file, not thousands."""


@dataclass(frozen=True)
class Share:
    """Part of a group, read to be checked on its own (checks/parallel.py): the records of
    these files, the group's own files (project, people, glossary), and with `pages` the
    charter and the other pages too."""

    files: frozenset[Path]
    pages: bool


class Loader:
    """Reads one group's folder; `problems` collects everything found wrong."""

    def __init__(self, root: Path, content_dir: str = "content", cache: SourceCache | None = None,
                 share: Share | None = None) -> None:
        self.root = root
        self.share = share
        self.content = root / content_dir
        self.content_dir = content_dir
        self.problems: list[Problem] = []
        self.cache = cache
        self.seen: set[str] = set()
        self.unreadable_people: set[str] = set()
        self.unreadable_records: set[str] = set()
        """Ids of people and records whose entry or file has a problem (reported here)."""
        self.people_unread = False
        self.glossary_unread = False
        self.ids_given_twice: dict[str, tuple[int | None, int | None]] = {}
        self.person_entries: dict[str, int] = {}
        self.people_held_back: list[tuple[Person, int]] = []
        self.record_paths: dict[str, str] = {}
        self.held_back: list[FiledRecord] = []
        self.partly_read: dict[Path, Source] = {}
        """Each file with YAML mistakes (reported) as far as it was read (`SourceError.as_read`): the
        values of its fields are still checked, and so is the text after its front matter."""

    def load(self) -> Group:
        group = Group(root=str(self.root), content=self.shown(self.content))
        if not self.content.is_dir():
            self._report(Problem(self.content_dir, None, None, "there is no content folder here. "
                                 "Run 'coprod init' to start a new group, or check the path."))
            return group
        group.project = self._load_project()
        group.people = self._load_people()
        group.glossary = self._load_glossary()
        whole = self.share is None or self.share.pages
        group.charter = self._load_charter() if whole else None
        group.amendments = self._load_folder("amendments", AMENDMENT_NAME, Amendment, _amendment_name_hint)
        group.meetings = self._load_folder("meetings", MEETING_NAME, Meeting, _meeting_name_hint)
        group.decisions = self._load_folder("decisions", DECISION_NAME, Decision, _decision_name_hint)
        group.reports = self._load_folder("reports", REPORT_NAME, Report, _report_name_hint)
        if whole:
            group.pages, group.images, group.unpublished_files = self._find_pages_and_images()
        group.record_paths = self.record_paths
        group.unreadable_people, group.unreadable_records = self.unreadable_people, self.unreadable_records
        group.people_unread = self.people_unread
        group.glossary_unread = self.glossary_unread
        group.ids_given_twice = self.ids_given_twice
        group.person_entries = self.person_entries
        group.people_held_back = self.people_held_back
        group.held_back = self.held_back
        group.left_out = [source for path, source in self.partly_read.items() if path.suffix == ".md"]
        if self.cache is not None:
            for gone in set(self.cache) - self.seen:
                del self.cache[gone]
        return group

    # --- reading ---------------------------------------------------------------------

    def shown(self, path: Path) -> str:
        """A path as the user sees it: relative to the group's folder, with '/'."""
        return shown_path(path, self.root)

    def _report(self, problem: Problem) -> None:
        self.problems.append(problem)

    def _read(self, path: Path, reader: Callable[[Path, str], Source]) -> Source | None:
        try:
            source = self._read_cached(path, reader) if self.cache is not None else reader(path, self.shown(path))
        except SourceError as exc:
            self.problems.extend(exc.problems)
            if (read := exc.as_read()) is not None:
                self.partly_read[path] = read
            return None
        self.problems.extend(source.read_problems)
        return source

    def _check_fields_read(self, model: type[R], path: Path) -> None:
        """The values of the fields read in a file with YAML mistakes, checked on their own: a wrong
        date in one field is heard in the same run as a mistake in another. A field that seems
        missing may be in a part that could not be read, and the record is left out all the same. A
        list missing items is not checked: its items would be told by the wrong number (the second
        of the actions as 'actions item 1')."""
        source = self.partly_read.get(path)
        if source is None or not source.meta:
            return
        meta = {name: value for name, value in source.meta.items() if name not in source.unread_items}
        self.problems.extend(unknown_field_warnings(model, meta, source))
        try:
            model.model_validate(meta)
        except ValidationError as exc:
            self.problems.extend(_translate(error, source, ()) for error in exc.errors(include_url=False)
                                 if len(error["loc"]) > 1 or (error["loc"] and error["type"] != "missing"))

    def _read_cached(self, path: Path, reader: Callable[[Path, str], Source]) -> Source:
        """The file's Source from the cache when its time and size are unchanged; else read it."""
        assert self.cache is not None
        key = cache_key(path, reader)
        try:
            stat = path.stat()
        except OSError:
            return reader(path, self.shown(path))
        fingerprint = (stat.st_mtime_ns, stat.st_size)
        self.seen.add(key)
        cached = self.cache.get(key)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        source = reader(path, self.shown(path))
        self.cache[key] = (fingerprint, source)
        return source

    def _validate(self, model: type[R], source: Source, meta: dict[str, Any], at: tuple[str | int, ...] = (),
                  stand_ins: Mapping[str, Any] = types.MappingProxyType({})) -> R | None:
        """The record, or, when a field has a problem (reported), the record without it, so that
        the rest is checked in the same run; `stand_ins` are values the record's file gives for
        required fields in error (a meeting's day, from its file name)."""
        self.problems.extend(unknown_field_warnings(model, meta, source, at))
        try:
            record = model.model_validate(meta)
        except ValidationError as exc:
            self.problems.extend(translate_errors(exc, source, at))
            names = _fields_in(exc.errors())
            partial = _mended(model, meta, exc.errors(), stand_ins) or _without_fields(model, meta, names, stand_ins)
            if partial is None:
                return None
            partial.bind(source, names)
            return partial
        record.bind(source)
        return record

    # --- the group's own files -------------------------------------------------------

    def _load_project(self) -> Project | None:
        path = self.content / "project.yml"
        if not path.is_file():
            self._report(Problem(self.shown(path), None, None, "is missing. It says who the group is: "
                                 "copy the one from 'coprod init' and fill it in."))
            return None
        source = self._read(path, read_yaml_file)
        if source is None:
            self._check_fields_read(Project, path)
            return None
        return self._validate(Project, source, source.meta)

    def _load_people(self) -> dict[str, Person]:
        path = self.content / "people.yml"
        if not path.is_file():
            return {}
        source = self._read(path, read_yaml_file) or self._people_read_around_mistakes(path)
        if source is None:
            self.people_unread = True
            return {}
        entries = source.meta.get("people")
        if not isinstance(entries, list):
            self._report(source.problem("should start with 'people:' followed by a list of people, "
                                        "each starting with '- id:'.", "people"))
            self.people_unread = True
            return {}
        people: dict[str, Person] = {}
        indexes = self.person_entries
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self._report(source.problem("each person should be a group of fields starting with "
                                            "'- id:'.", "people", index))
                continue
            person = self._validate(Person, source, entry, ("people", index))
            if person is None:
                if isinstance(entry.get("id"), str):
                    self.unreadable_people.add(entry["id"])
                continue
            if person.id in people:
                lines = (source.line_of("people", indexes[person.id], "id"), source.line_of("people", index, "id"))
                self.ids_given_twice.setdefault(person.id, lines)
                self._report(source.problem(f"the id '{person.id}' is used twice, here and at line {lines[0]}. "
                                            "Give each person their own id.", "people", index, "id"))
                self.people_held_back.append((person, index))
                continue
            people[person.id] = person
            indexes[person.id] = index
        return people

    def _people_read_around_mistakes(self, path: Path) -> Source | None:
        """people.yml with YAML mistakes (reported), as the people in the entries read around them:
        checked in the same run, never published (the build stops at the mistakes). The person in
        an entry that could not be read is known by the id read before its mistake, and is not
        anyone's to check; without that id, anyone may be in it. None if 'people:' was not read."""
        source = self.partly_read.get(path)
        if source is None or not isinstance(source.meta.get("people"), list):
            return None
        unread = source.unread_items.get("people", ())
        self.people_unread = None in unread
        self.unreadable_people.update(person_id for person_id in unread if person_id is not None)
        return source

    def _load_glossary(self) -> dict[str, str]:
        path = self.content / "glossary.yml"
        if not path.is_file():
            return {}
        source = self._read(path, read_yaml_file)
        if source is None:
            self.glossary_unread = True
            return {}
        glossary: dict[str, str] = {}
        for term, meaning in source.meta.items():
            if not isinstance(meaning, str) or not meaning.strip():
                self._report(source.problem(f"'{term}' needs a plain-language explanation after the "
                                            "colon.", term))
                continue
            glossary[term] = meaning.strip()
        return glossary

    def _load_charter(self) -> Charter | None:
        path = self.content / "charter.md"
        if not path.is_file():
            return None
        source = self._read(path, read_markdown_file)
        if source is None or not self._has_fields(source):
            return None
        charter = self._validate(Charter, source, source.meta)
        clauses = self._read_clauses(source)  # (its headings' problems are heard with its fields')
        return None if charter is None else charter.with_clauses(clauses)

    def _read_clauses(self, source: Source) -> tuple[Clause, ...]:
        clauses, seen = [], set()
        for number, heading, clause_id, text in split_clauses(source.body, source.body_line):
            if clause_id is None:
                self._report(Problem(source.path, number, None, f"the heading '{heading}' has no id, "
                                     "so amendments cannot name it. Add one at the end, like "
                                     "'## Payments and expenses {#payments}'.", "warning"))
                continue
            if clause_id in seen:
                self._report(Problem(source.path, number, None, f"the clause id '{clause_id}' is used "
                                     "twice. Give each clause its own id."))
                continue
            seen.add(clause_id)
            clauses.append(Clause(clause_id, heading, text, number))
        return tuple(clauses)

    # --- folders of records ----------------------------------------------------------

    def _load_folder(self, folder: str, pattern: re.Pattern[str], model: type[F],
                     hint: Callable[[str, Path | None], str]) -> dict[str, F]:
        markdown, others = folder_files(self.content / folder)
        if self.share is None or self.share.pages:  # (one share says it, for a group read in parts)
            self._report_other_files(others)
        records: dict[str, F] = {}
        for path in markdown:
            match = pattern.match(path.stem)
            if match is None:
                copied = _copy_of(path)
                advice = hint(path.name, path if copied is None else None)  # (a copy has the first's fields)
                message = advice if copied is None else (
                    f"looks like a copy of {copied}, so it is not read. If it is a spare copy, delete it. If it "
                    f"is a new record, {advice}")
                self._report(Problem(self.shown(path), 1, None, message))  # (its name: line 1)
                continue
            record_id = match.group(1) if folder != "meetings" and folder != "reports" else path.stem
            self.record_paths.setdefault(record_id, self.shown(path))
            if self.share is not None and path not in self.share.files:
                continue
            record = self._load_record(path, model, record_id)
            if record is None:
                self.unreadable_records.add(record_id)
                continue
            if record_id in records:
                other = records[record_id].source.path
                self._report(Problem(self.shown(path), 1, None, f"uses the id {record_id}, which "
                                     f"{other} already has. Give one of them the next free number."))
                self.held_back.append(record)
                continue
            records[record_id] = record
        return records

    def _report_other_files(self, others: list[Path]) -> None:
        """A file saved with another ending ('.txt', '.MD', '.docx'), a folder or a picture in a
        record folder would be left out unseen."""
        for path in others:
            if path.name.startswith((".", "_")):
                continue
            if path.is_dir():
                message = (f"is a folder inside {path.parent.name}/, and records in it are not read: move "
                           f"them into {path.parent.name}/ itself.")
            elif path.suffix.lower() in IMAGE_SUFFIXES:
                message = ("is a picture in a folder of records, where pictures are not published: move it "
                           f"to {self.shown(self.content / 'assets')}/ and show it from there, like "
                           f"![What it shows](../assets/{path.name}).")
            elif (copied := _copy_of(path)) is not None:  # 'x.md~', 'x.md.bak': saved as 'x.md' it would replace x.md
                message = (f"is not read: only files ending in .md are records, and {copied} is already there. If "
                           "this is a spare copy, delete it; if it is another record, save it under a new name "
                           "ending in .md.")
            else:
                name = path.stem if path.stem.lower().endswith(".md") else f"{path.stem}.md"
                message = f"is not read: only files ending in .md are records. If it is one, save it as {name}."
            self._report(Problem(self.shown(path), None, None, message, "warning"))

    def _load_record(self, path: Path, model: type[F], record_id: str) -> F | None:
        source = self._read(path, read_markdown_file)
        if source is None:
            self._check_fields_read(model, path)
            return None
        if not self._has_fields(source):
            return None
        meta = source.meta
        if model is Report and "kind" not in meta:  # reports/farewell.md is the farewell report
            meta = {**meta, "kind": "farewell" if record_id == "farewell" else "impact"}
        named_day = _day_named_by(model, record_id, meta)
        record = self._validate(model, source, meta, stand_ins={"date": named_day} if named_day else {})
        if record is not None:
            record.with_id(record_id)
        return record

    def _has_fields(self, source: Source) -> bool:
        """Whether a record's file starts with its fields; if not, say how it should start (rather
        than calling each of them missing, at no line: the '---' above them is what is)."""
        if not source.meta:
            self._report(Problem(source.path, 1, None, "has no fields at the top. Start the file "
                                 "with '---', the fields, then '---'."))
        return bool(source.meta)

    def _find_pages_and_images(self) -> tuple[dict[str, Source], list[str], list[str]]:
        """The pages and images of the site, and the other files beside them, which it does not publish."""
        pages: dict[str, Source] = {}
        images: list[str] = []
        others: list[str] = []
        for path in self._outside_record_folders():
            inside = path.relative_to(self.content).as_posix()
            if not path.is_file() or _is_record_file(inside) or _is_hidden(inside):
                continue
            if path.suffix == ".md":
                source = self._read(path, read_markdown_file)
                if source is not None:
                    pages[inside] = source
                    self._record_out_of_place(source)
            elif path.suffix.lower() in IMAGE_SUFFIXES:
                images.append(inside)
            else:
                others.append(inside)
        return pages, images, others

    def _record_out_of_place(self, page: Source) -> None:
        """A meeting, decision or amendment saved outside its folder would be published as an
        ordinary page, whatever it says: a meeting's draft minutes too."""
        found = next(((f, n) for f, fields in RECORD_FIELDS.items() for n in fields if n in page.meta), None)
        if found is not None:
            folder, field = found
            self._report(page.problem(f"has '{field}', as a record in {folder}/ has, but it is not in that folder, "
                                      "so the site would publish it as an ordinary page, whatever its status. "
                                      f"Move it into {self.shown(self.content / folder)}/.", field))

    def _outside_record_folders(self) -> list[Path]:
        """Everything under the content folder but the record folders, in path order.

        The record folders can hold thousands of files, read by `_load_folder`:
        not listing them here at all takes a good part off loading a big group.
        """
        found: list[Path] = []
        for entry in self.content.iterdir():
            if entry.name in RECORD_FOLDERS:
                continue
            found.append(entry)
            if entry.is_dir():
                found += entry.rglob("*")
        return sorted(found)


RECORD_FIELDS = {"meetings": ("minutes",), "decisions": ("made_at", "power", "outcome"),
                 "amendments": ("charter_version", "clauses")}
"""Fields only a record of that folder has: a page with one is a record saved in the wrong place."""


def load_group(root: Path, content_dir: str = "content", cache: SourceCache | None = None,
               share: Share | None = None) -> tuple[Group, list[Problem]]:
    """Read every record of the group in `root`; return them with every problem found.

    Pass the same `cache` to each call (the plugin keeps one for `coprod serve`)
    to re-read only the files that changed since the last call. With a `share`,
    just part of the group is read.
    """
    loader = Loader(root, content_dir, cache, share)
    group = loader.load()
    return group, sort_problems(loader.problems)


def cache_key(path: Path, reader: Callable[[Path, str], Source]) -> str:
    """Where a SourceCache keeps the file at `path` as `reader` reads it."""
    return f"{reader.__name__}:{path}"


def record_files(root: Path, content_dir: str = "content") -> list[Path]:
    """Every Markdown file in the record folders, as the loader lists them."""
    return [path for folder in RECORD_FOLDERS for path in iter_markdown_files(root / content_dir / folder)]


def read_into_cache(paths: list[Path], root: Path) -> SourceCache:
    """Record files read ahead, as cache entries that `load_group` takes instead of reading them.

    A file that cannot be read is left out: the loader reads it again and
    reports why. `coprod check` uses this to read a big group on every core.
    """
    cache: SourceCache = {}
    for path in paths:
        try:
            stat = path.stat()
            source = read_markdown_file(path, shown_path(path, root))
        except (OSError, SourceError):
            continue
        cache[cache_key(path, read_markdown_file)] = ((stat.st_mtime_ns, stat.st_size), source)
    return cache


def split_clauses(body: str, first_line: int) -> list[tuple[int, str, str | None, str]]:
    """The charter body's `##` sections: (line, heading, id or None, text)."""
    sections: list[tuple[int, str, str | None, list[str]]] = []
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        match = None if in_code else CLAUSE_HEADING.match(line)
        if match:
            sections.append((first_line + offset, match["heading"].strip(), match["id"], []))
        elif sections:
            sections[-1][3].append(line)
    return [(n, heading, cid, "\n".join(text).strip()) for n, heading, cid, text in sections]


def _is_record_file(inside: str) -> bool:
    return inside in RECORD_FILES or inside.split("/", 1)[0] in RECORD_FOLDERS


def _is_hidden(inside: str) -> bool:
    return any(part.startswith((".", "_")) for part in inside.split("/"))


_COPY_MARKS = re.compile(r"^(?:copy of )+|(?: - copy| copy|[ _]?\(\d+\))+$", re.IGNORECASE)
"""What a computer adds to the name of a file copied beside the first: 'Copy of x', 'x - Copy', 'x (1)'."""


def _copy_of(path: Path) -> str | None:
    """The name of the record `path` is a copy of, made by an editor ('x.md~', 'x.md.bak', 'x.txt') or by
    copying the file ('Copy of x.md', 'x (1).md'), when that record is beside it; else None."""
    name = path.name
    at = name.lower().find(".md")
    first = _COPY_MARKS.sub("", (name[:at] if at > 0 else path.stem).strip()).strip()
    original = path.parent / f"{first}.md"
    return original.name if first and original.name != name and original.is_file() else None


def _meeting_name_hint(name: str, path: Path | None) -> str:
    """The file name is the meeting's address, so it keeps to what every address can hold; the
    name to give it, where its date is known: the name's, else its 'date:' (`path`, when given)."""
    at_start = re.match(r"\d{4}-\d{2}-\d{2}", name)
    words = _DATE_IN_NAME.sub("-", name.removesuffix(".md")).strip("-_. ")
    fields = _fields_written(path) if path is not None and (at_start is None or not words) else {}
    date = at_start.group() if at_start else _written_date(fields.get("date"))
    title = fields.get("title")
    words = words or (title if isinstance(title, str) else "")
    rename = f" Rename it {date}-{slugify(words)}.md." if date and words.strip() else ""
    return (f"the file name '{name}' should be the meeting's date then a few words, "
            f"like 2025-03-14-animation-script.md (lower-case letters, numbers and dashes).{rename}")


_DATE_IN_NAME = re.compile(r"(?<!\d)(?:\d{4}[-_. ]\d{1,2}[-_. ]\d{1,2}|\d{1,2}[-_. ]\d{1,2}[-_. ]\d{2,4})(?!\d)")
"""A date written in a file name, in any order: '2025-03-14', '14-03-2025', '14.3.25'."""


def _fields_written(path: Path) -> dict[str, Any]:
    """A record file's fields, as far as they can be read (for a hint; its problems are not asked for)."""
    try:
        return read_markdown_file(path, path.name).meta
    except SourceError as exc:
        read = exc.as_read()
        return read.meta if read is not None else {}


def _written_date(value: Any) -> str | None:
    """A 'date:' written as the records write dates ('2026-11-10'), if it is a real day."""
    if not isinstance(value, str):
        return None
    try:
        return date_from_text(value.strip()).isoformat()
    except ValueError:
        return None


def _decision_name_hint(name: str, path: Path | None) -> str:
    return (f"the file name '{name}' should start with the decision id, like D-007-own-voices.md."
            + _numbered_rename(name, "D"))


def _amendment_name_hint(name: str, path: Path | None) -> str:
    return (f"the file name '{name}' should start with the amendment id, like AM-03-payments.md."
            + _numbered_rename(name, "AM"))


def _numbered_rename(name: str, letters: str) -> str:
    """The name to give a decision's or an amendment's file whose id and words are there, written
    another way: 'D017-new.md' or 'D-18 new.md' is D-018-new.md ('' when they are not)."""
    written = re.fullmatch(rf"{letters}\s*[-_ ]?\s*(\d+)[-_. ]*(.*?)\.md", name, re.IGNORECASE)
    if written is None or not slugify(written[2]):
        return ""
    return f" Rename it {numbered_id(letters, int(written[1]))}-{slugify(written[2])}.md."


def _report_name_hint(name: str, path: Path | None) -> str:
    return (f"the file name '{name}' should be lower-case letters, numbers and dashes, "
            "like impact-2025.md.")


# --- messages ------------------------------------------------------------------------

_MESSAGES: dict[str, str] = {
    "missing": "{field} is missing. Add it{example}.",
    "string_too_short": "{field} is empty. Fill it in, or leave the line out.",
    "string_type": "{field} should be text.",
    "int_type": "{field} should be a whole number, like 3.",
    "int_parsing": "{field} should be a whole number, like 3.",
    "int_from_float": "{field} should be a whole number, like 3.",
    "bool_type": "{field} should be true or false.",
    "bool_parsing": "{field} should be true or false.",
    "list_type": "{field} should be a list, like [first, second].",
    "model_type": "{field} should be a group of fields, each on its own line, indented under it.",
    "model_attributes_type": "{field} should be a group of fields, each on its own line, indented under it.",
    "dict_type": "{field} should be a group of fields, each on its own line, indented under it.",
    "greater_than_equal": "{field} should be {ge} or more.",
    "string_pattern_mismatch": "{field} should use only lower-case letters, numbers and dashes, like p01.",
}

_EXAMPLES: dict[str, str] = {
    "date": "2025-03-14", "started_on": "2023-09-20", "adopted_on": "2024-02-01",
    "status": "agreed", "title": "Planning the hospital animation", "version": "1",
    "lived_experience": "true", "power": "within-remit", "kind": "impact",
    "what": "Send the draft script to everyone", "text": "Ask at the school office.",
    "actions.id": "ACT-021", "people.id": "p01", "minutes.status": "agreed",
    "minutes": "{status: draft}",  # (draft: nothing is published until the group agrees the minutes)
    "handover.action": "ACT-021", "handover.to": "the patient experience team",
}


def translate_errors(exc: ValidationError, source: Source, at: tuple[str | int, ...] = ()) -> list[Problem]:
    """pydantic's errors, in words a facilitator can act on, each at its line."""
    return [_translate(error, source, at) for error in exc.errors(include_url=False)]


def _mended(model: type[R], meta: dict[str, Any], errors: list[ErrorDetails],
            stand_ins: Mapping[str, Any]) -> R | None:
    """The record as its writer most likely meant it, for the checks across records and of its
    text to judge the rest of it in the same run (a typo in the minutes' status had hidden an
    email address in the summary): a misspelt word of a list read as the nearest ('aggreed',
    'Open'), and anything else wrong inside a part taken out: that field where it may be left
    out, else the one item of a list it is in (an action); last, a field of the record itself
    still wrong is left out as `_without_fields` leaves it (a start time of '4pm' beside an
    action due 'next week'). None where that makes no record. The build stops on the reported
    problems all the same."""
    mended = copy.deepcopy(meta)
    for mend in (_mend_value, _mark_item):
        for error in errors:
            path = _without_union_tags(error["loc"])
            if path:
                mend(mended, path, error)
        _take_out_marked(mended)
        try:
            return model.model_validate(mended)
        except ValidationError as exc:
            errors = exc.errors()
    return _without_fields(model, mended, _fields_in(errors), stand_ins)


def _fields_in(errors: list[ErrorDetails]) -> frozenset[str]:
    """The fields of the record itself that `errors` are in."""
    return frozenset(str(error["loc"][0]) for error in errors if error["loc"])


def _mend_value(meta: dict[str, Any], path: list[str | int], error: ErrorDetails) -> None:
    """The value at the end of `path` read as the nearest word of its list, else taken out
    (a field of the record itself stays for `_without_fields` to judge)."""
    parent = _part(meta, path[:-1])
    if not isinstance(parent, dict):
        return
    if one_field := _written_as_one_field(path, error):
        parent[path[-1]] = dict([one_field])
        return
    near = _nearest_word(error)
    if near:
        parent[path[-1]] = near
        return
    if len(path) > 1:
        parent.pop(path[-1], None)


def _nearest_word(error: ErrorDetails) -> str | None:
    """For a word that is not one of its list's ('aggreed', 'Open', 'voted', 'complete'), the one
    meant: another word for one of them, or else the nearest in spelling."""
    given = error.get("input")
    if error["type"] != "literal_error" or not isinstance(given, str):
        return None
    allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
    said = " ".join(given.lower().split())
    meant = WORDS_PEOPLE_USE.get(said, ())
    for word in (meant,) if isinstance(meant, str) else meant:
        if word in allowed:
            return word
    near = difflib.get_close_matches(said, allowed, n=1)
    return near[0] if near else None


WORDS_PEOPLE_USE: dict[str, str | tuple[str, ...]] = {
    "complete": ("done", "changed"), "completed": ("done", "changed"), "finished": ("done", "changed"),
    "closed": "done", "done": "changed", "implemented": "changed", "happened": "changed",
    "cancelled": "dropped", "canceled": "dropped", "abandoned": "dropped",
    "in progress": ("open", "pending"), "ongoing": ("open", "pending"), "to do": "open", "todo": "open",
    "not started": "open", "waiting": "pending", "not yet": "pending", "impossible": "not-possible",
    "approved": "agreed", "accepted": "agreed", "adopted": "agreed", "passed": "agreed",
    "declined": "rejected", "refused": "rejected", "turned down": "rejected",
    "sent": "circulated", "shared": "circulated", "upcoming": "planned", "scheduled": "planned",
    "face to face": "in-person", "in person": "in-person", "virtual": "online", "remote": "online",
    "zoom": "online", "teams": "online", "blended": "hybrid",
    "agreed by all": "consensus", "unanimous": "consensus",
}
"""Other words people use for a word of a field's list: an action 'complete' is 'done', a meeting
'face to face' is 'in-person', a decision's outcome 'done' is 'changed'. Each counts only where the
word it stands for is one of the field's (the first of them that is, for a word that stands for
one word in one field and another in another)."""


def _written_as_one_field(path: list[str | int], error: ErrorDetails) -> tuple[str, str] | None:
    """The field and value meant by a group of fields written as one word ('minutes: agreed' is
    the minutes' status; 'contact: team@example.org' the contact's email address)."""
    given, name = error.get("input"), path[-1]
    if error["type"] not in ("model_type", "model_attributes_type") or not isinstance(given, str) or not given.strip():
        return None
    if name == "contact" and EMAIL.fullmatch(given.strip()):
        return "email", given.strip()
    field = ONE_FIELD_MEANT.get(str(name))
    return (field, given.strip()) if field else None


ONE_FIELD_MEANT = {"minutes": "status", "contact": "text", "feedback": "how"}
"""The field of a group that one word written in its place stands for."""


def _mark_item(meta: dict[str, Any], path: list[str | int], error: ErrorDetails) -> None:
    """Mark the item of a list the problem is in (an action), to be taken out once every
    problem is marked (taking it out at once would move the items after it)."""
    for depth in range(len(path) - 1, 0, -1):
        items, index = _part(meta, path[:depth]), path[depth]
        if isinstance(items, list) and isinstance(index, int) and index < len(items):
            items[index] = _TAKEN_OUT
            return


_TAKEN_OUT = object()


def _take_out_marked(value: Any) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _take_out_marked(item)
    elif isinstance(value, list):
        value[:] = [item for item in value if item is not _TAKEN_OUT]
        for item in value:
            _take_out_marked(item)


def _part(meta: Any, path: list[str | int]) -> Any:
    for key in path:
        if isinstance(meta, dict) and isinstance(key, str):
            meta = meta.get(key)
        elif isinstance(meta, list) and isinstance(key, int) and key < len(meta):
            meta = meta[key]
        else:
            return None
    return meta


def _without_fields(model: type[R], meta: dict[str, Any], names: frozenset[str],
                    given: Mapping[str, Any] = types.MappingProxyType({})) -> R | None:
    """The record without the fields `names`, whose problems were just reported, so that the
    checks across records judge the rest of it in the same run; None where one of them is
    required (and has no stand-in: `given` by its file, or in STAND_INS) or holds records of
    its own (actions, minutes), whose absence would look like a problem elsewhere. The build
    stops on the reported problems all the same."""
    if not names or any(_holds_records(meta.get(name)) for name in names):
        return None
    kept = {key: value for key, value in meta.items() if key not in names}
    stand_ins = {name: {**STAND_INS, **given}[name] for name in names if name in STAND_INS or name in given}
    try:
        return model.model_validate({**kept, **stand_ins})
    except ValidationError:
        return None


def _day_named_by(model: type[Record], record_id: str, meta: dict[str, Any]) -> dt.date | None:
    """The day a meeting's file name gives, or a decision's 'made_at' (a meeting's file name): the
    stand-in for a 'date' that cannot be read, so that the rest of the record is checked."""
    if model is Meeting:
        return day_in_id(record_id)
    return day_in_id(str(meta.get("made_at") or "")) if model is Decision else None


STAND_INS: dict[str, Any] = {"lived_experience": True}
"""A value for a required field in error that no check reads, so that the rest of the record is
still checked: without it, a person's 'lived_experience: maybe' would hold back the rules on
how they agreed to be shown. (Only the pages count it, and the build stops on the problem reported.)"""


def _holds_records(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(item, dict) for item in value))


def _translate(error: ErrorDetails, source: Source, at: tuple[str | int, ...]) -> Problem:
    location = (*at, *_without_union_tags(error["loc"]))
    field = describe_field(tuple(p for p in location[len(at) :]))
    kind = error["type"]
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        given = error.get("input")
        message = (f"{field} takes one value, not a list: one of {expected}." if isinstance(given, list | dict)
                   else f"{field} is empty. Write one of {expected}." if given is None
                   else f"{field} should be one of {expected}, not '{given}'." + _did_you_mean(error))
    elif kind == "string_type":
        message = _not_text(field, location, error.get("input"))
    elif kind.startswith("coprod_"):
        message = f"{field} {error['msg']}."
    elif kind == "int_parsing" and (number := re.match(r"\s*(\d+)\b", str(error.get("input")))):
        message = f"{field} should be a whole number on its own: write {location[-1]}: {number[1]}."
    elif one_field := _written_as_one_field(list(location), error):
        name, (sub, value) = location[-1], one_field
        message = (f"{field} should be a group of fields, each on its own line, indented under it. Write "
                   f"'{name}:' on a line of its own, and on the next line, indented by two spaces, '{sub}: {value}'.")
    elif kind in _MESSAGES:
        example = _example(location)
        message = _MESSAGES[kind].format(field=field, example=example, **error.get("ctx", {}))
    else:
        message = f"{field}: {error['msg']}."
    if location[-1] in _COUNTED_NOT_NAMED and re.search(r"[^\W\d_]", str(error.get("input"))):  # names, perhaps
        message += f" {_COUNTED_NOT_NAMED[location[-1]]}"
    return source.problem(message, *location)


_COUNTED_NOT_NAMED = {"guests": "Guests are counted here, never named: they have not agreed to be shown."}
"""Fields that count people, with what to tell a writer who put words (names, perhaps) in one."""


def _did_you_mean(error: ErrorDetails) -> str:
    near = _nearest_word(error)
    return f" Did you mean '{near}'?" if near else ""


def _not_text(field: str, location: tuple[str | int, ...], given: Any) -> str:
    """Text that YAML read as something else: nothing, a number, yes or no, a date, a list."""
    if given is None:
        return f"{field} is empty. Write it after the colon."
    if isinstance(given, bool | int | float | dt.date):
        written = ("yes" if given else "no") if isinstance(given, bool) else str(given)
        quoted = f'"{written}"' if isinstance(location[-1], int) else f'{location[-1]}: "{written}"'
        kind = ("yes or no (true or false)" if isinstance(given, bool) else
                "date" if isinstance(given, dt.date) else "number")
        return f"{field} should be text, but on its own '{written}' is read as a {kind}. Put it in quotes, like {quoted}."
    if (isinstance(given, dict) and len(given) == 1 and isinstance(key := next(iter(given)), str)
            and not isinstance(value := given[key], list | dict)):  # '- Check-in: how are we all?'
        written = f"{key}: {value}" if value is not None else f"{key}:"
        quoted = f'"{written}"' if isinstance(location[-1], int) else f'{location[-1]}: "{written}"'
        return f"{field} has ': ' in it, so it is read as a name and a value. Put it in quotes, like {quoted}."
    if isinstance(given, list) and given and isinstance(given[0], str) and isinstance(location[-1], str):
        return (f"{field} holds one thing, not a list: write one, without the square brackets, like "
                f"{location[-1]}: {given[0]}.")
    return f"{field} should be text."


def _example(location: tuple[str | int, ...]) -> str:
    names = [p for p in location if isinstance(p, str)]
    if not names:
        return ""
    value = _EXAMPLES.get(".".join(names[-2:])) or (_EXAMPLES.get(names[-1]) if len(names) == 1 else None)
    return f", for example: {names[-1]}: {value}" if value else ""


_UNION_TAGS = frozenset({"date", "time", "function-before[_parse_optional_date()]", "none"})
"""What pydantic adds after a field's name to say which type of a union it tried."""


def _without_union_tags(loc: tuple[str | int, ...]) -> list[str | int]:
    """The error's location without union tags: ('due', 'date') -> ['due'], but a field that is
    itself called `date` stays: ('date',) and ('date', 'date') -> ['date']."""
    kept: list[str | int] = []
    for part in loc:
        if not (part in _UNION_TAGS and kept and isinstance(kept[-1], str)):
            kept.append(part)
    return kept


def describe_field(location: tuple[str | int, ...]) -> str:
    """('actions', 0, 'due') -> "'due' in actions item 1"."""
    last = max((i for i, part in enumerate(location) if isinstance(part, str)), default=None)
    if last is None:
        return "this entry"
    context = []
    for index, part in enumerate(location[:last]):
        if isinstance(part, str):
            following = location[index + 1]
            context.append(f"{part} item {following + 1}" if isinstance(following, int) else f"'{part}'")
    name = f"'{location[last]}'"
    item = location[last + 1] if last + 1 < len(location) else None
    if isinstance(item, int):  # a list's item: say which
        name = f"item {item + 1} of {name}"
    return f"{name} in {', '.join(context)}" if context else name


SAID_OTHERWISE = {
    "who": "owner", "by": "owner", "assigned_to": "owner", "assignee": "owner", "person": "owner",
    "deadline": "due", "due_date": "due", "due_by": "due", "by_when": "due",
    "done": "done_on", "completed_on": "done_on", "finished_on": "done_on",
    "attendees": "present", "attended": "present", "there": "present", "came": "present",
    "chair": "chairs", "chaired_by": "chairs", "facilitator": "facilitators", "note_taker": "note_takers",
    "notetaker": "note_takers", "minute_taker": "note_takers", "minutes_by": "note_takers",
    "location": "venue", "place": "venue", "where": "venue", "time": "start", "starts": "start", "ends": "end",
    "name": "title", "heading": "title", "day": "date", "when": "date",
}
"""Field names people write for one the records use, when spelling alone does not find it:
an action's 'who' is its 'owner'. Suggested only where that field is one the record has."""


def unknown_field_warnings(model: type[BaseModel], meta: Any, source: Source,
                           at: tuple[str | int, ...] = ()) -> list[Problem]:
    """A warning for each field the model does not know, with the nearest known name."""
    if not isinstance(meta, dict):
        return []
    known = _known_fields(model)
    problems: list[Problem] = []
    for key, value in meta.items():
        if key not in known:
            parent = next((name for name, (inner, is_list) in known.items()
                           if inner is not None and not is_list and key in _known_fields(inner)
                           and isinstance(meta.get(name), dict | None)), None)
            close = [SAID_OTHERWISE[key]] if SAID_OTHERWISE.get(key) in known else difflib.get_close_matches(key, known, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else " Check the spelling, or remove it."
            message = (f"'{key}' belongs under '{parent}', so here it is ignored: indent it by two spaces, on a "
                       f"line below '{parent}:'." if parent else f"'{key}' is not a field we know, so it is ignored.{hint}")
            problems.append(source.problem(message, *at, key, severity="warning"))
            continue
        nested, is_list = known[key]
        if nested is None:
            continue
        items = enumerate(value) if is_list and isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = (*at, key) if index is None else (*at, key, index)
            problems.extend(unknown_field_warnings(nested, item, source, where))
    return problems


@functools.cache
def _known_fields(model: type[BaseModel]) -> dict[str, tuple[type[BaseModel] | None, bool]]:
    """Each field's name as written (its alias, if it has one), with the model inside it and
    whether it is a list: worked out once per model, not for every record."""
    return {info.alias or name: _nested_model(info.annotation) for name, info in model.model_fields.items()}


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside `X`, `X | None` or `list[X]`, and whether it is a list."""
    origin = typing.get_origin(annotation)
    if origin is list:
        inner, _ = _nested_model(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner, is_list = _nested_model(arg)
            if inner is not None:
                return inner, is_list
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False
