"""Reading record files: YAML and front matter, with a line number for every field.

MkDocs' own front-matter reader swallows YAML errors, and PyYAML's loader
guesses types a facilitator would not expect (`16:00` is a number of minutes,
`2025-02-30` crashes the date parser). This reader keeps dates and times as
text for the models to validate, refuses anchors and aliases (the only way to
write a YAML "bomb"), bounds nesting depth and file size, and reports every
failure as a Problem with file and line instead of raising.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .problems import Problem

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 64

CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
"""Characters no one types on purpose, which feeds and other XML formats cannot carry."""

Location = tuple[str | int, ...]
FieldsRead = tuple[dict[str, Any], dict[Location, int]]
UnreadItems = dict[str, tuple[str | None, ...]]
"""Of each list field read item by item around a YAML mistake (people.yml's 'people:'), by its
name, the items that could not be read, in order: each as its 'id' where that was read before
the item's mistake, else None (an item whose id is not known, or the rest of the list, where
the reading stopped): anyone may be in one."""


class _RecordLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """YAML 1.2-like typing: no timestamps and no base-60 numbers."""


_RecordLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_WILDCARD_RESOLVERS = tuple(_RecordLoader.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS_BY_FIRST = {first: (*resolvers, *_WILDCARD_RESOLVERS)
                       for first, resolvers in _RecordLoader.yaml_implicit_resolvers.items() if first is not None}


def _resolve(self: _RecordLoader, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
    """PyYAML's `resolve` for a loader with no path resolvers, with the lists it joins on every
    call joined once: libyaml calls it for each of the half a million values of 10,000 records."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in _RESOLVERS_BY_FIRST.get(value[:1], _WILDCARD_RESOLVERS):
                if regexp.match(value):
                    return str(tag)
        return yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
    if kind is yaml.SequenceNode:
        return yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
    return yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG


_RecordLoader.resolve = _resolve


class SourceError(Exception):
    """A file that cannot be read as a record; carries the problem to report."""

    def __init__(self, problem: Problem, earlier: tuple[Problem, ...] = (), later: tuple[Problem, ...] = (),
                 fields_read: FieldsRead | None = None, unread_items: UnreadItems | None = None) -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.earlier, self.later = earlier, later
        self.fields_read = fields_read
        """The fields of the parts of a file with YAML mistakes that were read (`read_around_mistake`),
        with their lines: their values can still be checked."""
        self.unread_items = unread_items or {}
        """Of each list in `fields_read` that is missing items, the items that could not be read
        (`UnreadItems`)."""
        self.problems = (*earlier, problem, *later)
        """Every problem to report: any found in the file before the one that stopped it, and any
        found after it in parts of the file that can be read on their own (`read_around_mistake`)."""
        self.body: tuple[str, int] | None = None
        """The text after the front matter of a Markdown file whose fields could not be read, and
        the line it starts on: it can still be checked for what is never published."""

    def as_read(self) -> Source | None:
        """The file as far as it was read: the fields read around its YAML mistakes, and its text;
        None when neither could be."""
        if self.fields_read is None and self.body is None:
            return None
        fields, lines = self.fields_read or ({}, {})
        body, body_line = self.body or ("", 1)
        return Source(self.problem.path, fields, body, body_line, lines, unread_items=self.unread_items)


@dataclass(frozen=True)
class Source:
    """One record file as read from disk: its fields, its body and where each field is."""

    path: str
    meta: dict[str, Any]
    body: str = ""
    body_line: int = 1
    lines: dict[Location, int] = field(default_factory=dict)
    read_problems: tuple[Problem, ...] = ()
    """What was wrong in the file but did not stop it being read (an invisible control
    character, taken out so that the rest of the file is still checked)."""
    unread_items: UnreadItems = field(default_factory=dict)
    """Of a file read around its YAML mistakes, the items missing from its lists (`UnreadItems`)."""

    def line_of(self, *location: str | int) -> int | None:
        """The line of the deepest known part of `location`, e.g. ('actions', 0, 'due'); for a
        field that is not there, the line of what should hold it (the record's first line)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(location[:end])
            if line is not None:
                return line
        return None

    def texts(self) -> Iterator[tuple[Location, str]]:
        """Every piece of text in the fields, in reading order, with where it is."""
        return _texts_in(self.meta, ())

    def strings(self) -> list[str]:
        """Every piece of text in the fields, in reading order, as `texts` gives them but without
        where each is: a third of the time, for a search of them all."""
        return _strings_in(self.meta, [])

    @functools.cached_property
    def all_words(self) -> str:
        """The body and every piece of text in the fields, one after another: for the checks that
        first look at all of a file's words at once (most files hold nothing they look for)."""
        return "\n".join([self.body, *self.strings()])

    def problem(self, message: str, *location: str | int, severity: str = "error") -> Problem:
        """A problem about this file, placed at the line of `location` when known."""
        line = self.line_of(*location) if location else None
        name = ".".join(str(part) for part in location) or None
        return Problem(self.path, line, name, message, severity)  # type: ignore[arg-type]


def _texts_in(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_in(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts_in(item, (*location, index))


def _strings_in(value: dict[Any, Any] | list[Any], found: list[str]) -> list[str]:
    for item in value.values() if isinstance(value, dict) else value:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict | list):
            _strings_in(item, found)
    return found


def shown_path(file: Path, root: Path) -> str:
    """A file's path as messages show it: from the group's folder, with '/' (and '../' where
    mkdocs.yml keeps the content folder elsewhere)."""
    text, inside = str(file), ("" if str(root) == "." else f"{root}/")  # 'coprod check .': files are 'content/...'
    shown = text[len(inside):]
    if text.startswith(inside) and (inside or not file.is_absolute()) and "/." not in f"/{shown}":
        return shown  # what relpath gives, ten times as quickly: it is asked for every file
    return Path(os.path.relpath(file, root)).as_posix()


def read_text(file: Path, shown_as: str) -> str:
    """A record file's text: UTF-8, BOM dropped, line endings made \\n."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise SourceError(Problem(shown_as, None, None, f"could not be read ({exc.strerror}).")) from exc
    if len(raw) > MAX_FILE_BYTES:
        size = f"{len(raw) / 1_000_000:.1f} MB"
        raise SourceError(Problem(shown_as, None, None, f"is {size}; a record should be under 2 MB. "
                                  "Split it, or put large images in content/assets/."))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # what Notepad and Word call "Unicode"
        raise SourceError(Problem(shown_as, None, None, "is saved as UTF-16 (\"Unicode\" in Notepad and "
                                  "Word). Save it again with the encoding UTF-8."))
    if b"\x00" in raw:
        raise SourceError(Problem(shown_as, None, None, "is not a text file. Save it as UTF-8 text."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(Problem(shown_as, line, None, "has characters that are not UTF-8. "
                                  "Save the file as UTF-8 in your editor.")) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def without_control_characters(text: str, shown_as: str) -> tuple[str, tuple[Problem, ...]]:
    """The text with each invisible control character (a vertical tab pasted from Word, say) made
    a space, and an error at each line that had one: the rest of the file is still read and
    checked, so every problem in it is found in one run."""
    if CONTROL_CHARACTER.search(text) is None:
        return text, ()
    problems: dict[int, Problem] = {}
    for control in CONTROL_CHARACTER.finditer(text):
        line = text.count("\n", 0, control.start()) + 1
        if line not in problems:
            problems[line] = Problem(shown_as, line, None, _control_message(text, control.start()))
    return CONTROL_CHARACTER.sub(" ", text), tuple(problems.values())


def _control_message(text: str, at: int) -> str:
    """Which invisible character, and where on its line: a long line pasted from a document
    (a table row, say) gives no clue where to look."""
    before = " ".join(text[text.rfind("\n", 0, at) + 1:at].split()[-4:])
    where = f"after '{before[-40:]}'" if before else "at the start of the line"
    if text[at] in "\x0b\x0c":
        return (f"has an invisible control character ({_code_point(text[at])}, a line break pasted from a word "
                f"processor) {where}. Delete it, and type a space or a new line there.")
    return f"has an invisible control character ({_code_point(text[at])}) {where}. Delete it."


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def read_yaml_file(file: Path, shown_as: str) -> Source:
    """A plain YAML file (project.yml, people.yml, glossary.yml)."""
    text, problems = _text_to_read(file, shown_as)
    meta, lines, problems = _parsed(text, shown_as, 1, problems)
    return Source(shown_as, meta, lines=lines, read_problems=problems)


def read_markdown_file(file: Path, shown_as: str) -> Source:
    """A Markdown file with YAML front matter between two `---` lines."""
    text, problems = _text_to_read(file, shown_as)
    front, body, body_line = split_front_matter(text, shown_as)
    if front is None:
        return Source(shown_as, {}, body, body_line, read_problems=problems)
    try:
        meta, lines, problems = _parsed(front, shown_as, front_matter_line(front, body_line), problems)
    except SourceError as exc:
        exc.body = (body, body_line)
        raise
    return Source(shown_as, meta, body, body_line, lines, problems)


def _text_to_read(file: Path, shown_as: str) -> tuple[str, tuple[Problem, ...]]:
    """A record file's text, without control characters (each one reported), and not empty."""
    text, problems = without_control_characters(read_text(file, shown_as), shown_as)
    if not text.strip():
        raise SourceError(Problem(shown_as, None, None, "is empty. Fill it in, or delete it."), problems)
    return text, problems


def _parsed(text: str, shown_as: str, first_line: int,
            problems: tuple[Problem, ...]) -> tuple[dict[str, Any], dict[Location, int], tuple[Problem, ...]]:
    """`parse_yaml_reporting`, its problems after those of reading the file."""
    try:
        meta, lines, read_past = parse_yaml_reporting(text, shown_as, first_line)
    except SourceError as exc:
        raise SourceError(exc.problem, (*problems, *exc.earlier), exc.later, exc.fields_read,
                          exc.unread_items) from exc
    return meta, lines, (*problems, *read_past)


def split_front_matter(text: str, shown_as: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, line the body starts on). Blank lines before the opening
    '---', and spaces after it, are forgiven: the file still visibly starts with its fields."""
    opening = _OPENING.match(text)
    if opening is None:
        return None, text, 1
    start = opening.end()
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[start:], flags=re.MULTILINE)
    if end is None:
        raise SourceError(Problem(shown_as, text.count("\n", 0, start), None, "starts with a '---' line "
                                  "but has no '---' line after its fields. Add a line with just '---' after the last field."))
    front = text[start : start + end.start()]
    body = text[start + end.end() :].removeprefix("\n")
    return front, body, text.count("\n", 0, start) + front.count("\n") + 2


_OPENING = re.compile(r"(?:[ \t]*\n)*---[ \t]*\n")


NO_FIELDS = "---\n{}\n---\n"
"""An empty front matter. MkDocs reads the opening lines of a page without front matter as its
settings when they look like 'Note: ...' (MultiMarkdown's style): they vanished from the page,
and 'Template: ...' stopped the build. After front matter, MkDocs takes the text as it is."""


def as_mkdocs_reads_it(meta: dict[str, Any], body: str) -> str:
    """A page's text as MkDocs should read it: its fields as coprod read them (blank lines before
    the opening '---' were published as text), then its body whatever its first line says."""
    if not meta:
        return NO_FIELDS + body
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}"


def front_matter_line(front: str, body_line: int) -> int:
    """The line the front matter's first field is on, from `split_front_matter`'s results."""
    return body_line - front.count("\n") - 1


def parse_yaml(text: str, shown_as: str, first_line: int) -> tuple[dict[str, Any], dict[Location, int]]:
    """Parse a YAML mapping, returning its values and the line of each field."""
    value, lines, _ = parse_yaml_reporting(text, shown_as, first_line)
    return value, lines


def parse_yaml_reporting(text: str, shown_as: str,
                         first_line: int) -> tuple[dict[str, Any], dict[Location, int], tuple[Problem, ...]]:
    """`parse_yaml`, with the problems it read past (a field given twice: the first is kept)."""
    if _too_deep(text):
        raise SourceError(Problem(shown_as, first_line, None, f"is nested more than {MAX_DEPTH} "
                                  "levels deep. Records are simple lists and fields: simplify it."))
    try:
        node = yaml.compose(text, Loader=_RecordLoader)
    except yaml.MarkedYAMLError as exc:
        problem = yaml_problem(exc, shown_as, first_line, text)
        later, read, lists = read_around_mistake(text, shown_as, first_line, exc, problem)
        fields_read, unread = fields_of(read, shown_as, first_line, lists)
        raise SourceError(problem, later=later, fields_read=fields_read, unread_items=unread) from exc
    except yaml.YAMLError as exc:
        raise SourceError(Problem(shown_as, first_line, None, f"cannot be read. {_yaml_hint('', '')}")) from exc
    if node is None:
        return {}, {(): first_line}, ()
    builder = _Builder(shown_as, first_line)
    try:
        value = builder.build(node, ())
    except SourceError as exc:
        raise SourceError(exc.problem, tuple(builder.problems)) from exc
    if not isinstance(value, dict):
        raise SourceError(Problem(shown_as, first_line, None, "should be a list of 'name: value' fields, "
                                  f"like {_FIRST_FIELD.get(posixpath.basename(shown_as), _A_FIELD)}."))
    if _NOTE_MARK.search(text):  # (rare: most records never ask for the walk below)
        builder.problems.extend(_words_cut_by_a_note(node, text, shown_as, first_line))
    return value, builder.lines, tuple(builder.problems)


_NOTE_MARK = re.compile(r"[ \t]#[^\s#]")
"""' #2': where YAML starts a note (a comment), typed straight after the '#' as words are."""


def _words_cut_by_a_note(node: yaml.Node, text: str, shown_as: str, first_line: int) -> Iterator[Problem]:
    """An unquoted value followed on its line by '#' and a word ('venue: Room #2'): YAML reads
    the rest of the line as a note to other writers, so the site would show 'Room'."""
    nodes = [node]
    while nodes:
        current = nodes.pop()
        if isinstance(current, yaml.MappingNode):
            nodes += [value for _, value in current.value]
        elif isinstance(current, yaml.SequenceNode):
            nodes += current.value
        elif isinstance(current, yaml.ScalarNode) and not current.style and current.value:
            end = current.end_mark.index
            line_end = text.find("\n", end)
            rest = text[end:line_end if line_end >= 0 else None]
            if _NOTE_MARK.match(rest):
                cut = rest.strip()
                yield Problem(shown_as, first_line + current.end_mark.line, None,
                              f"'{cut}' is left out: after a space, '#' starts a note that the site does not "
                              f"show, so this value is only '{current.value}'. To keep it, put the whole value in "
                              f"quotes: \"{current.value} {cut}\".", "warning")


_A_FIELD = "'title: Our first meeting'"
_FIRST_FIELD = {
    "people.yml": "'people:' on the first line, then one '- id:' block for each person",
    "project.yml": "'name: Outpatients Together'",
    "glossary.yml": "'PALS: Patient Advice and Liaison Service. They help with worries about care.'",
}
"""How each of the group's own files starts, for one that is not a list of fields."""


_BRACKET = re.compile(r"[\[\]{}]")
_NESTING_MARK = re.compile(r"(?:^|\s)(?:-|\?)\s|:\s")
"""`- ` or `? ` (list item, complex key) and `: ` (mapping value): each can open a level."""


def _nesting_estimate(text: str) -> int:
    """An upper bound on nesting depth, cheap enough to run before the parser.

    libyaml recurses once per level and crashes the interpreter on very deep
    input, so depth is bounded before parsing. Brackets inside quotes count
    too: the estimate may be high, never low.
    """
    lines = text.split("\n")
    per_line = max(len(_NESTING_MARK.findall(line)) for line in lines)
    return _bracket_depth(text) + per_line + _deepest_indent(lines) // 2


def _too_deep(text: str) -> bool:
    """Whether `_nesting_estimate(text)` is over MAX_DEPTH, with the marks counted only on the lines
    long enough to matter: a mark takes two characters at least, so a line of 2n characters
    holds n marks at most. (Counting them on every line was a sixth of the time taken to read
    a record.)"""
    lines = text.split("\n")
    room = MAX_DEPTH - _bracket_depth(text) - _deepest_indent(lines) // 2  # the marks a line may hold
    if room < 0:
        return True
    if max(map(len, lines)) <= 2 * room:
        return False
    return any(len(_NESTING_MARK.findall(line)) > room for line in lines if len(line) > 2 * room)


def _bracket_depth(text: str) -> int:
    """How deep '[' and '{' nest (a closing bracket with none open is passed over)."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(text):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def _deepest_indent(lines: list[str]) -> int:
    return max(map(_indent, lines))


_NO_COLON = "while scanning a simple key"
"""PyYAML's context for a line with no colon after a field's name, which it notices only on
the next line: the context's mark is the line to point at."""
_NAME_THEN_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<name>[A-Za-z_][\w-]*)\s+(?P<value>\S.*)$")
_NAME_DASH_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<name>[A-Za-z_][\w' -]*?)\s+[-\u2013\u2014=]\s+(?P<value>\S.*)$")
"""'DNA - did not attend', 'Trust board – the people who run the hospital': a glossary's term and
its meaning, with a dash between them where YAML wants a colon."""


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(?P<quote>["'])(?P<rest>.*)$""")
"""A line whose value starts with a quote: 'title: "Our day', or '- "Check-in' in a list."""


def _unclosed_quote(lines: list[str], last: int) -> tuple[int, str] | None:
    """The first line up to `last` whose value opens a quote it does not close: YAML reads on
    into the lines after it, and fails further down, where the line it names is not the one to fix."""
    for index, line in enumerate(lines[:last + 1]):
        quoted = _QUOTED_VALUE.match(line)
        if quoted is None:
            continue
        quote, rest = quoted["quote"], quoted["rest"]
        closes = rest.replace('\\"', "").count('"') if quote == '"' else rest.replace("''", "").count("'")
        if closes == 0:
            return index, quote
    return None


_UNCLOSED = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}


def yaml_problem(exc: yaml.MarkedYAMLError, shown_as: str, first_line: int, text: str) -> Problem:
    lines = text.split("\n")
    furthest = exc.problem_mark or exc.context_mark
    opened = _unclosed_quote(lines, furthest.line) if furthest is not None else None
    if opened is not None:
        index, quote = opened
        return Problem(shown_as, first_line + index, None, f"this line cannot be read: its value starts with "
                       f"a quote ({quote}) that is never closed. End the value with {quote} too.")
    if exc.context in _UNCLOSED and exc.context_mark is not None:  # YAML read on to the end looking for it
        opens, closes = _UNCLOSED[exc.context]
        return Problem(shown_as, first_line + exc.context_mark.line, None, f"this line cannot be read: its "
                       f"'{opens}' is never closed. End it with '{closes}'.")
    mark = exc.context_mark if exc.context == _NO_COLON else furthest
    line = first_line + mark.line if mark is not None else first_line
    what = exc.problem or exc.context or ""
    text_line = lines[line - first_line] if 0 <= line - first_line < len(lines) else ""
    above = next((earlier for earlier in reversed(lines[:max(line - first_line, 0)]) if earlier.strip()), "")
    hint = _yaml_hint(what, text_line, above)
    # a field's name, then a special space: YAML reads on into the next line, and stops there
    spaced = next((at for at in (line, line - 1) if 0 <= at - first_line < len(lines)
                   and _SPECIAL_SPACE.search(lines[at - first_line])), None)
    if spaced is not None:
        line, hint = spaced, ("It has a special space in it, often pasted from Word or an email: delete "
                              "the spaces on this line and type them again.")
    elif exc.context == _NO_COLON and "\t" not in text_line:
        hint = _colon_hint(text_line)
    elif "mapping values are not allowed" in what and _first_field_without_colon(above, text_line):
        # the first field of a group with no colon: YAML reads it and the next line as one name
        line = first_line + max(at for at in range(line - first_line) if lines[at] == above)
        hint = _colon_hint(above)
    return Problem(shown_as, line, None, f"this line cannot be read. {hint}")


def _colon_hint(written: str) -> str:
    name_then_value = _NAME_DASH_VALUE.match(written) or _NAME_THEN_VALUE.match(written)
    example = f", like '{name_then_value['name']}: {name_then_value['value'].strip()}'" if name_then_value else ""
    return f"Put a colon and a space after the field's name{example}."


_FIELD_NAME_THEN_VALUE = re.compile(r"^(?P<indent> *(?:- +)?)[a-z][a-z_]*[ \t]+[^:#]*$")
"""'status agreed', '- id ACT-021': a field's name, in the records' lower case, then its value, no colon."""


def _first_field_without_colon(above: str, line: str) -> bool:
    """Whether `above` is a field's name and value with no colon between them, in line with the
    field after it (`line`): YAML read the two as one long name, and stopped at the second's colon.
    (Words carried on from a value above start with a capital, or hold a colon, so are not taken.)"""
    written = _FIELD_NAME_THEN_VALUE.match(above)
    return written is not None and len(written["indent"]) == _indent(line)


OTHER_SPACE_CODES = (0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
"""No-break, thin and other spaces that look like a space: pasted from a word processor or
an email signature."""
_SPECIAL_SPACE = re.compile(":[" + "".join(map(chr, OTHER_SPACE_CODES)) + "\u200b\ufeff]")
"""A colon, then one of those spaces, or a zero-width one, which YAML does not read as the
space after a field's name."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _fields_indent(line: str) -> int:
    """Where a line's field starts: after its spaces, and after the '- ' of a list's item, whose
    next fields line up with it ('  - id: p01' then '    name: Amina K.')."""
    dashes = _ITEM_DASHES.match(line)
    return len(dashes[0]) if dashes else 0


_ITEM_DASHES = re.compile(r" *(?:-[ \t]+)*")


def _has_value(line: str) -> bool:
    """A 'name: value' line, not a 'name:' that opens a group of fields."""
    stripped = line.strip()
    return ": " in stripped and not stripped.endswith(":")


def _yaml_hint(what: str, text_line: str, above: str = "") -> str:
    if "\t" in text_line or "tab" in what:
        return "Indent with spaces, not tabs."
    if "mapping values are not allowed" in what and _indent(text_line) > _fields_indent(above) and _has_value(above):
        return ("It is indented more than the line above, which already has its value: line it up with "
                "the line above, or put it under a field that ends with ':'.")
    if "mapping values are not allowed" in what:
        return "A value that contains ': ' needs quotes around it."
    if "alias" in what or "anchor" in what:
        return "Write the value out in full instead of using '&' or '*'."
    return "Check the indentation, and put quotes around values that contain ':' or '#'."


# --- later mistakes ------------------------------------------------------------------
# PyYAML stops at a file's first mistake. A facilitator who made three in one meeting's fields
# would fix one, run the check, find the next, and so on: so the parts of the file after the
# first mistake that YAML reads the same on their own are read on their own, each reporting its
# own first mistake, and the reading stops where a mistake could change how the lines after it
# are read.


@dataclass(frozen=True)
class Part:
    """Lines `start` to `end` (not included, counted from 0) of a file's YAML that YAML reads the
    same on their own: a field at the start of a line with the lines indented under it, or one
    item ('- id: p01' and its lines) of a field's list, whose '-' is `indent` spaces in."""

    start: int
    end: int
    indent: int = 0
    whole_field: bool = True
    """Whether the part is one whole field of the file (not a list's name, or one of its items)."""
    item_of: tuple[str, int] | None = None
    """For an item of a list: the name of the list's field, and the line (from 0) it is on."""


_FIELD_AT_LINE_START = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)")
"""A field's name at the very start of a line, then a colon: where a part starts. (A line of words
at the start of a line is not one: it may be a value's words that were not indented.)"""
_LIST_HEADING = re.compile(r"[A-Za-z_][\w-]*:[ \t]*(?:#.*)?")
_ITEM = re.compile(r"( *)-(?:[ \t]|$)")


def split_parts(lines: list[str]) -> list[Part]:
    """The parts of a file's YAML, in order, covering every line: one for each field that starts a
    line, and for a field holding a list one a line (people.yml's 'people:'), one for each item."""
    starts = [index for index, line in enumerate(lines) if _FIELD_AT_LINE_START.match(line)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    parts: list[Part] = []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        parts += _list_items(lines, start, end) or [Part(start, end, 0, _FIELD_AT_LINE_START.match(lines[start]) is not None)]
    return parts


def _list_items(lines: list[str], start: int, end: int) -> list[Part]:
    """The field at `start` as its name, then each item of its list; [] if its value is not a
    list written one item a line."""
    if not _LIST_HEADING.fullmatch(lines[start]):
        return []
    first = next((index for index in range(start + 1, end) if _is_content(lines[index])), None)
    item = _ITEM.match(lines[first]) if first is not None else None
    if first is None or item is None:
        return []
    dash = " " * len(item[1]) + "-"
    starts = [index for index in range(first, end)
              if lines[index].startswith(dash) and lines[index][len(dash):len(dash) + 1] in ("", " ", "\t")]
    of = (lines[start].partition(":")[0], start)
    return [Part(start, first, 0, False), *(Part(begin, until, len(item[1]), False, of)
                                   for begin, until in zip(starts, [*starts[1:], end], strict=True))]


def _is_content(line: str) -> bool:
    """Not a blank line or a note ('# ...')."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def read_around_mistake(text: str, shown_as: str, first_line: int, exc: yaml.MarkedYAMLError,
                        first: Problem) -> tuple[tuple[Problem, ...], list[tuple[Part, yaml.Node]], ListsRead]:
    """The first mistake of each part of `text` after the one `exc` stopped at (reported as
    `first`), each part read on its own, up to a mistake that could change how the lines after it
    are read: there the reading stops, so that nothing is reported that is not wrong. With them,
    each part read without a mistake, before the first or after it, and the lists those are items
    of (`ListsRead`)."""
    lines = text.split("\n")
    parts = split_parts(lines)
    at = _line_index(first, first_line)
    index = next((number for number, part in enumerate(parts) if part.end > at), len(parts))
    before = read_part_by_part(lines, parts[:index], shown_as, first_line, every_part=True)
    if index == len(parts):
        return (), before.read, _lists_read(lines, parts, before.read, {}, len(lines))
    mistakes = {parts[index].start: at}
    if not (_of_one_part(exc, lines, parts[index], at) and _leaves_the_rest(exc, lines, parts[index], at)):
        return (), before.read, _lists_read(lines, parts, before.read, mistakes, parts[index].end)
    after = read_part_by_part(lines, parts[index + 1:], shown_as, first_line)
    mistakes.update((part.start, _line_index(problem, first_line)) for part, problem in after.mistakes)
    read = before.read + after.read
    return after.found, read, _lists_read(lines, parts, read, mistakes, after.stopped_at)


class PartsRead(NamedTuple):
    read: list[tuple[Part, yaml.Node]]
    """The parts read without a mistake, each with what it holds."""
    mistakes: tuple[tuple[Part, Problem], ...]
    """Each part with a mistake, up to where the reading stopped, with its first mistake."""
    stopped_at: int
    """The line (from 0) from which the reading could not go on: the end, if it did not stop."""

    @property
    def found(self) -> tuple[Problem, ...]:
        """The first mistake of each part with one, up to where the reading stopped."""
        return tuple(problem for _, problem in self.mistakes)


def read_part_by_part(lines: list[str], parts: list[Part], shown_as: str, first_line: int,
                       every_part: bool = False) -> PartsRead:
    """Each of `parts` (of the file whose `lines` these are) read on its own: the first mistake of
    each, up to one that could change how the lines after it are read, and the parts read without a
    mistake, each with what it holds; with `every_part`, the reading goes on to the end, and only
    the parts without a mistake are given."""
    found: list[tuple[Part, Problem]] = []
    read: list[tuple[Part, yaml.Node]] = []
    stopped_at = len(lines)
    for part in parts:
        part_text = "\n".join(lines[part.start:part.end])
        try:
            node = yaml.compose(part_text, Loader=_RecordLoader)
        except yaml.MarkedYAMLError as exc:
            if every_part:
                continue
            problem = yaml_problem(exc, shown_as, first_line + part.start, part_text)
            at = _line_index(problem, first_line)
            if not _of_one_part(exc, lines, part, at):
                stopped_at = part.start
                break
            found.append((part, problem))
            if not _leaves_the_rest(exc, lines, part, at, part.start):
                stopped_at = part.end
                break
        except yaml.YAMLError:
            stopped_at = part.start
            break
        else:
            read += [(part, node)] if node is not None else []
    return PartsRead(read, tuple(found), stopped_at)


ListsRead = dict[tuple[str, int], tuple[str | None, ...]]
"""Each list field (its name, and its line from 0) whose items were read one by one around a
mistake, and whose own line was reached, with the items of it that could not be read (`UnreadItems`)."""


def _lists_read(lines: list[str], parts: list[Part], read: list[tuple[Part, yaml.Node]], mistakes: dict[int, int],
                stopped_at: int) -> ListsRead:
    """The lists of `parts` whose own line is before `stopped_at`, where the reading stopped, each
    with its items not `read`: an item with a mistake (its line, from 0, in `mistakes`) as the id
    above the mistake, if any, else None; the items past `stopped_at`, all as one None."""
    starts = {part.start for part, _ in read}
    lists: dict[tuple[str, int], list[str | None]] = {}
    for part in parts:
        if part.item_of is None or part.item_of[1] >= stopped_at:
            continue
        left_out = lists.setdefault(part.item_of, [])
        if part.start in starts:
            continue
        if part.start >= stopped_at:
            if None not in left_out[-1:]:
                left_out.append(None)
            continue
        mistake = mistakes.get(part.start)
        left_out.append(_id_before(lines[part.start:mistake + 1]) if mistake is not None else None)
    return {name: tuple(ids) for name, ids in lists.items()}


def _id_before(lines: list[str]) -> str | None:
    """The 'id' of a list's item, from its lines before its mistake (the last of `lines`), if they
    hold one that the mistake cannot be part of: not the value just above it, if it is indented
    further than the id's name (it may be more of the value)."""
    try:
        node = yaml.compose("\n".join(lines[:-1]), Loader=_RecordLoader)
    except yaml.YAMLError:
        return None
    item = node.value[0] if isinstance(node, yaml.SequenceNode) and len(node.value) == 1 else None
    for key, value in item.value if isinstance(item, yaml.MappingNode) else ():
        if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
            goes_on = value.end_mark.line >= len(lines) - 2 and _indent(lines[-1]) > key.start_mark.column
            return value.value if value.tag == _STR_TAG and value.value.strip() and not goes_on else None
    return None


def fields_of(read: list[tuple[Part, yaml.Node]], shown_as: str, first_line: int,
              lists: ListsRead) -> tuple[FieldsRead | None, UnreadItems]:
    """The fields of the whole fields among the parts `read`, and the line of each (None if none);
    with each of the `lists` as the items of it among the parts read, and its items left out."""
    fields: dict[str, Any] = {}
    lines: dict[Location, int] = {}
    for part, node in read:
        if not part.whole_field or not isinstance(node, yaml.MappingNode):
            continue
        builder = _Builder(shown_as, first_line + part.start)
        try:
            value = builder.build(node, ())
        except SourceError:  # (said once the mistake before it is fixed)
            continue
        if isinstance(value, dict) and not fields.keys() & value.keys():
            fields.update(value)
            lines.update((location, line) for location, line in builder.lines.items() if location)
    unread: UnreadItems = {}
    for (name, line), left_out in lists.items():
        if name not in fields:
            lines[(name,)] = first_line + line
            fields[name], unbuilt = _items_of((name, line), read, shown_as, first_line, lines)
            if left_out + unbuilt:
                unread[name] = left_out + unbuilt
    return ((fields, {(): first_line, **lines}) if fields else None), unread


def _items_of(of: tuple[str, int], read: list[tuple[Part, yaml.Node]], shown_as: str, first_line: int,
              lines: dict[Location, int]) -> tuple[list[Any], tuple[None, ...]]:
    """The items of the list `of` (its name and line) among the parts `read`, each item's lines put
    in `lines` at its place in them; and a None for each that holds what is never read (an alias)."""
    items: list[Any] = []
    unbuilt: tuple[None, ...] = ()
    for part, node in read:
        if part.item_of != of:
            continue
        builder = _Builder(shown_as, first_line + part.start)
        try:
            value = builder.build(node, of[:1])
        except SourceError:  # (said once the mistake before it is fixed)
            unbuilt += (None,)
            continue
        for location, at in builder.lines.items():
            if len(location) > 1 and isinstance(location[1], int):
                lines[(of[0], len(items) + location[1], *location[2:])] = at
        items += value
    return items, unbuilt


def _line_index(problem: Problem, first_line: int) -> int:
    return (problem.line or first_line) - first_line


_MISTAKES_OF_ONE_PART = ("mapping values are not allowed", "could not find expected ':'",
                         "cannot start any token", "did not find expected key", "did not find expected '-'",
                         "block sequence entries are not allowed", "tab character that violates indentation")
"""What PyYAML says of a mistake that ends with its own part: a value with ': ' in it, a missing
colon, a tab, a line indented too far or not far enough."""
_READ_ON = ("flow", "quoted", "block scalar", "directive", "document")
"""Where PyYAML was when a mistake can reach past its part: in a '[' or '{' list, a quoted value,
a '|' or '>' value, or the lines that start a YAML document."""
_BLOCK_SCALAR = re.compile(r"(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#.*)?$", re.MULTILINE)
"""A '|' or '>' at the end of a line: the lines under it are one value, however they are written."""


def _of_one_part(exc: yaml.MarkedYAMLError, lines: list[str], part: Part, at: int) -> bool:
    """Whether the mistake `exc` stopped at, on line `at` of `part`, is one that lies within it: not
    a quote or a bracket left open, whose part may go on past where it seems to end."""
    context, what = exc.context or "", exc.problem or ""
    return (any(kind in what for kind in _MISTAKES_OF_ONE_PART) and not any(kind in context for kind in _READ_ON)
            and _unclosed_quote(lines[part.start:at + 1], at - part.start) is None)


def _leaves_the_rest(exc: yaml.MarkedYAMLError, lines: list[str], part: Part, at: int, offset: int = 0) -> bool:
    """Whether the parts after `part`, whose mistake `exc` stopped at (on line `at`, of a text
    starting at line `offset`), are read as they are written whatever its fix: nothing in the
    part opens a quote, a bracket or a '|' value that could reach past it, and neither the mistake's
    line nor any after it in the part is words at the start of a line."""
    if exc.problem_mark is not None and offset + exc.problem_mark.line > part.end:
        return False
    own = "\n".join(lines[part.start:part.end])
    if _unclosed_quote(lines[part.start:part.end], part.end - part.start - 1) is not None:
        return False
    if _BLOCK_SCALAR.search(own) or _opens_more_brackets_than_it_closes(own):
        return False
    if not _may_be_a_field(lines[at] if 0 <= at < len(lines) else ""):
        return False
    return not any(_is_content(line) and _indent(line) <= part.indent and not line.lstrip().startswith("-")
                   for line in lines[max(at + 1, part.start + 1):part.end])


def _may_be_a_field(line: str) -> bool:
    """Whether a line with a mistake may be a field, or is in one: indented, or a field's name and
    value with or without the colon ('format in-person'); not words at the start of a line ('We met
    in the library'), most likely a value's lines not indented, which may go on past a line that
    seems to start a field."""
    return (line[:1] in ("", " ", "-") or _FIELD_AT_LINE_START.match(line) is not None
            or _FIELD_NAME_THEN_VALUE.match(line) is not None)


def _opens_more_brackets_than_it_closes(text: str) -> bool:
    brackets = _BRACKET.findall(text)
    return sum(b in "[{" for b in brackets) > sum(b in "]}" for b in brackets)


_STR_TAG = "tag:yaml.org,2002:str"
"""Most values are text, which PyYAML's constructor returns as written: `_scalar` skips it for them."""

_REFUSED_TAGS = {
    "tag:yaml.org,2002:binary": "has a value marked '!!binary', which records do not use: a reader would "
                                "see its letters only after decoding. Write the value as plain words.",
    "tag:yaml.org,2002:merge": "uses '<<' to copy fields from elsewhere in the file. Write each field out "
                               "where it belongs.",
}
"""Tags YAML would read, into a value the checks never see as written."""


class _Builder:
    """Turns a composed YAML node tree into Python values, recording line numbers."""

    def __init__(self, shown_as: str, first_line: int) -> None:
        self.shown_as = shown_as
        self.first_line = first_line
        self.lines: dict[Location, int] = {(): first_line}
        self._constructor = yaml.constructor.SafeConstructor()
        self._seen: set[int] = set()
        self.problems: list[Problem] = []
        """What was read past: each is reported, and the rest of the file checked."""

    def build(self, node: yaml.Node, location: Location) -> Any:
        if id(node) in self._seen:  # an alias: the node it names, met again where the alias is
            line = self.lines.get(location, self._line(node))
            raise SourceError(Problem(self.shown_as, line, None, "uses an alias ('*'). Write the value out in "
                                      "full instead."))
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self._item(child, (*location, index)) for index, child in enumerate(node.value)]
        return self._scalar(node)

    def _item(self, node: yaml.Node, location: Location) -> Any:
        self.lines[location] = self._line(node)
        return self.build(node, location)

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node)
            if isinstance(key, bool):
                raise self._error(key_node, f"has the name {key_node.value}, which is read as "
                                  f"{str(key).lower()}, not as a word. Put the name in quotes: '{key_node.value}' (then the colon and the "
                                  "rest as before).")
            if not isinstance(key, str | int):
                raise self._error(key_node, "has a field name that is not plain text. Write a word "
                                  "before the colon, like title:")
            key = str(key)
            if key in result:  # the first is kept, and the rest of the file read on
                self.problems.append(self._error(key_node, f"has '{key}' twice. Keep one of them.").problem)
                continue
            self.lines[(*location, key)] = self._line(key_node)
            result[key] = self.build(value_node, (*location, key))
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self._error(node, "has a list or group of fields where a single value belongs.")
        if node.tag in _REFUSED_TAGS:
            raise self._error(node, _REFUSED_TAGS[node.tag])
        try:
            value = node.value if node.tag == _STR_TAG else self._constructor.construct_object(node)
        # A value read without a mark always fits its type: this is a mark ('!custom', '!!int abc')
        # that PyYAML cannot read, or reads with an error of Python's own.
        except (yaml.YAMLError, ValueError, KeyError, AttributeError, TypeError) as exc:
            raise self._error(node, f"has a value marked '{node.tag.replace('tag:yaml.org,2002:', '!!')}', "
                              "which records do not use. Take the mark out and write the value as "
                              "plain words.") from exc
        control = CONTROL_CHARACTER.search(value) if isinstance(value, str) else None
        if control is not None:
            raise self._error(node, f"has an invisible control character "
                              f"({_code_point(control.group())}) in this value. Retype it to "
                              "remove it.")
        return value

    def _line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def _error(self, node: yaml.Node, message: str) -> SourceError:
        return SourceError(Problem(self.shown_as, self._line(node), None, message))


def iter_markdown_files(folder: Path) -> Iterator[Path]:
    """The .md files directly in `folder`, in name order."""
    yield from folder_files(folder)[0]


def folder_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The .md files directly in `folder`, and its other files and folders, each in name order.

    os.scandir knows which entries are files without asking the system about
    each one, which counts in a folder of thousands of meetings.
    """
    if not folder.is_dir():
        return [], []
    with os.scandir(folder) as entries:
        found = sorted((entry.name, entry.is_file() and os.path.splitext(entry.name)[1] == ".md")
                       for entry in entries)
    return ([folder / name for name, is_record in found if is_record],
            [folder / name for name, is_record in found if not is_record])
