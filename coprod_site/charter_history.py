"""Every version of the charter and what changed between them, read from git.

The charter's history is the git history of content/charter.md: each commit
is read with `git show`, parsed with the same front-matter and clause readers
as the live charter, and grouped by its `version:` number. Where git cannot
give the whole story (no git, a shallow clone, or a charter that was copied
into the repository part-way through its life), earlier versions come from
the amendment records instead, without their wording, and the page says so.

Comparisons are worked out here as data (lists of `(kind, text)` segments,
word by word); the templates draw them. Clauses are matched by their `{#id}`;
a clause with no id is matched by a slug of its heading, and clauses left
over are paired when their headings or wording are mostly the same (a
renamed or renumbered section), so older charters without ids still compare
clause by clause.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .gitlog import is_shallow, run_git
from .loading import split_clauses
from .mentions import outside_code, without_comments
from .published import Published
from .records import Amendment, Charter
from .scaffold import CHARTER_QUESTIONS
from .sources import SourceError, parse_yaml, split_front_matter

SegmentKind = Literal["same", "added", "removed"]
Segment = tuple[SegmentKind, str]
ChangeKind = Literal["added", "removed", "changed", "unchanged"]
HistoryState = Literal["complete", "partial", "shallow", "unavailable"]
"""complete: git has every version; partial: git starts part-way (earlier versions
came from elsewhere); shallow: a clone without its full history; unavailable: no git."""

PAIRING_THRESHOLD = 0.5
_WORD = re.compile(r"\s+|[\w'’]+\s*|[^\w\s]\s*")
"""A word or a punctuation mark, with the spaces after it (leading spaces on their own)."""


# --- one version's wording --------------------------------------------------------------


@dataclass(frozen=True)
class ClauseText:
    """A `##` section of one version: `key` is its id, or `heading:<slug>` without one."""

    key: str
    heading: str
    text: str
    line: int
    clause_id: str | None = None


@dataclass(frozen=True)
class CharterText:
    """The wording of one version of the charter, as written in the file."""

    version: int | None
    title: str
    clauses: tuple[ClauseText, ...]
    preamble: str = ""
    version_line: int | None = None

    def clause(self, key: str) -> ClauseText | None:
        return next((c for c in self.clauses if c.key == key), None)



def is_first_draft(text: CharterText | None) -> bool:
    """Whether this is the charter 'coprod init' wrote, its questions still to be answered: a new
    group writes its first charter freely, with no amendment for each answer."""
    return text is not None and text.version == 1 and any(
        question in clause.text for clause in text.clauses for question in CHARTER_QUESTIONS)


def heading_slug(heading: str) -> str:
    """'Section 2. Evolution of Governance.' -> 'section-2-evolution-of-governance'."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-") or "section"


def read_charter_text(text: str, shown_as: str = "content/charter.md") -> CharterText:
    """Parse a charter's text (any version) into its clauses, never raising.

    A version whose front matter cannot be read still gives its clauses; its
    version number is then unknown (None).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    try:
        front, body, body_line = split_front_matter(text, shown_as)
    except SourceError:
        front, body, body_line = None, text, 1
    meta, lines = _read_front(front, shown_as)
    version = meta.get("version")
    version = version if isinstance(version, int) and not isinstance(version, bool) else None
    title = meta.get("title") if isinstance(meta.get("title"), str) else "How we work together"
    body = outside_code(body, without_comments)  # notes to the other writers, never shown
    clauses = _clause_texts(body, body_line)
    before = body.split("\n")[: clauses[0].line - body_line] if clauses else body.split("\n")
    preamble = "\n".join(before).strip()
    return CharterText(version, str(title), clauses, preamble, lines.get(("version",)))


def _read_front(front: str | None, shown_as: str) -> tuple[dict[str, Any], dict[Any, int]]:
    if front is None:
        return {}, {}
    try:
        return parse_yaml(front, shown_as, first_line=2)
    except SourceError:
        return {}, {}


def _clause_texts(body: str, body_line: int) -> tuple[ClauseText, ...]:
    clauses: list[ClauseText] = []
    seen: set[str] = set()
    for line, heading, clause_id, text in split_clauses(body, body_line):
        key = clause_id or f"heading:{heading_slug(heading)}"
        if key in seen:
            key = f"{key}:{line}"
        seen.add(key)
        clauses.append(ClauseText(key, heading, text, line, clause_id))
    return tuple(clauses)


# --- comparing two versions -------------------------------------------------------------


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause between two versions.

    `segments` hold the wording word by word: ("same", text), ("added", text)
    or ("removed", text). `old_heading` is set when the clause was renamed.
    """

    kind: ChangeKind
    key: str
    heading: str
    segments: tuple[Segment, ...]
    old_heading: str | None = None
    clause_id: str | None = None
    old_id: str | None = None
    """The id the clause had, when only its `{#id}` changed: its link (`charter/#id`) did too."""

    @property
    def renamed(self) -> bool:
        return self.old_heading is not None and self.old_heading != self.heading

    @property
    def ids(self) -> set[str]:
        """The ids this change is to: the clause's, and the one it had before."""
        return {i for i in (self.clause_id, self.old_id) if i}


@dataclass(frozen=True)
class Comparison:
    """One version compared with an older one, clause by clause."""

    against: int | None
    """The older version's number (None when it had none)."""
    changes: tuple[ClauseChange, ...]

    @property
    def changed(self) -> list[ClauseChange]:
        return [c for c in self.changes if c.kind != "unchanged"]

    @property
    def unchanged(self) -> list[ClauseChange]:
        return [c for c in self.changes if c.kind == "unchanged"]

    @property
    def changed_ids(self) -> set[str]:
        """The clause ids (or heading keys) whose heading, wording or id changed."""
        return {i for c in self.changed for i in (c.ids or {c.key})}


def compare_words(old: str, new: str) -> tuple[Segment, ...]:
    """The new text with the old one's words marked: a line-then-word comparison.

    Lines are matched first, so a paragraph added or taken out shows whole;
    lines that changed are then compared word by word. Words are compared
    without the spaces after them, so re-wrapping is not a change, and the
    new text's layout is kept.
    """
    old_lines, new_lines = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "\n".join(old_lines[i1:i2]), "\n".join(new_lines[j1:j2])
        if tag == "equal":
            segments.append(("same", new_part))
        elif tag == "delete":
            segments.append(("removed", old_part))
        elif tag == "insert":
            segments.append(("added", new_part))
        else:
            segments += _compare_line_words(old_part, new_part)
        segments.append(("same", "\n"))
    return _merge(segments[:-1])


def _compare_line_words(old: str, new: str) -> list[Segment]:
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    matcher = difflib.SequenceMatcher(None, [w.rstrip() for w in old_words],
                                      [w.rstrip() for w in new_words], autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(("same", "".join(new_words[j1:j2])))
            continue
        if tag in ("delete", "replace"):
            segments += _marked("removed", "".join(old_words[i1:i2]), tag == "replace")
        if tag in ("insert", "replace"):
            segments += _marked("added", "".join(new_words[j1:j2]), False)
    return segments


def _marked(kind: SegmentKind, text: str, before_added: bool) -> list[Segment]:
    """A changed run of words, with the space after it left unmarked.

    Removed words followed by added ones are kept apart by one space, so
    "month" and "six weeks" never run together as "monthsix weeks".
    """
    words = text.rstrip()
    space = " " if before_added else text[len(words):]
    return [(kind, words), ("same", space)] if space else [(kind, words)]


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for kind, text in segments:
        if not text:
            continue
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return tuple(merged)


def same_words(old: str, new: str) -> bool:
    """The same words in the same order: lines wrapped at other places are not a change."""
    return old.split() == new.split()


def compare_charters(old: CharterText, new: CharterText) -> Comparison:
    """Every clause of `new` compared with its match in `old`, then the clauses taken out."""
    pairs = pair_clauses(old.clauses, new.clauses)
    changes = [_clause_change(pairs.get(clause.key), clause) for clause in new.clauses]
    if not same_words(old.preamble, new.preamble):
        changes.insert(0, ClauseChange("changed", "", "Before the first heading",
                                       compare_words(old.preamble, new.preamble)))
    paired_old = {c.key for c in pairs.values()}
    for clause in old.clauses:
        if clause.key not in paired_old:
            changes.append(ClauseChange("removed", clause.key, clause.heading,
                                        (("removed", clause.text),) if clause.text else (),
                                        clause_id=clause.clause_id))
    return Comparison(old.version, tuple(changes))


def _clause_change(old: ClauseText | None, new: ClauseText) -> ClauseChange:
    if old is None:
        return ClauseChange("added", new.key, new.heading,
                            (("added", new.text),) if new.text else (), clause_id=new.clause_id)
    same = same_words(old.text, new.text) and old.heading == new.heading
    segments = ((("same", new.text),) if new.text else ()) if same else compare_words(old.text, new.text)
    old_id = old.clause_id if old.clause_id and new.clause_id and old.clause_id != new.clause_id else None
    return ClauseChange("unchanged" if same and old_id is None else "changed", new.key, new.heading, segments,
                        old.heading if old.heading != new.heading else None, new.clause_id, old_id)


def pair_clauses(old: Sequence[ClauseText], new: Sequence[ClauseText]) -> dict[str, ClauseText]:
    """For each new clause's key, the old clause it continues (if any).

    Same key first (the `{#id}`, or the heading's slug); then the clauses left
    over are paired best match first, when their headings and wording are at
    least half the same.
    """
    old_by_key = {c.key: c for c in old}
    pairs = {c.key: old_by_key[c.key] for c in new if c.key in old_by_key}
    left_old = [c for c in old if c.key not in pairs]
    left_new = [c for c in new if c.key not in pairs]
    scored = sorted(((_likeness(o, n), i, j) for i, o in enumerate(left_old)
                     for j, n in enumerate(left_new)), reverse=True)
    used_old: set[int] = set()
    for score, i, j in scored:
        if score < PAIRING_THRESHOLD:
            break
        if i in used_old or left_new[j].key in pairs:
            continue
        pairs[left_new[j].key] = left_old[i]
        used_old.add(i)
    return pairs


def _likeness(old: ClauseText, new: ClauseText) -> float:
    """How alike two clauses are, 0 to 1: heading and wording count half each. Two different
    ids are two different clauses, unless heading and wording are the same: the id was renamed."""
    if old.clause_id and new.clause_id:
        return 1.0 if old.heading == new.heading and same_words(old.text, new.text) else 0.0
    headings = difflib.SequenceMatcher(None, old.heading.lower(), new.heading.lower()).ratio()
    words = difflib.SequenceMatcher(None, old.text.split(), new.text.split()).ratio()
    return (headings + words) / 2


# --- reading versions from git ----------------------------------------------------------


@dataclass(frozen=True)
class CommittedText:
    """The charter file as one commit left it."""

    commit: str
    date: dt.date
    subject: str
    text: CharterText


@dataclass(frozen=True)
class GitVersions:
    """What git could tell us: the committed texts, oldest first, and how complete they are."""

    texts: tuple[CommittedText, ...]
    shallow: bool = False
    available: bool = True


def read_git_versions(root: Path, path: str) -> GitVersions:
    """Every committed text of the charter at `path` (relative to `root`), oldest first.

    Only the branch's own line of commits (`--first-parent`): a pull request merged into it is
    one change, its merge, not every draft its branch went through on the way.
    """
    log = run_git(root, "log", "--follow", "--first-parent", "--name-only",
                  "--format=%x1e%H%x1f%cI%x1f%s", "--", path)
    if log is None:
        return GitVersions((), available=False)
    texts = [text for entry in log.decode("utf-8", "replace").split("\x1e")[1:]
             if (text := _committed_text(root, entry, path)) is not None]
    return GitVersions(tuple(reversed(texts)), shallow=is_shallow(root), available=bool(texts))


def clause_ids_in_history(root: Path, path: str) -> set[str] | None:
    """Every clause id the charter at `path` has had in a commit, or None where git cannot tell:
    no git, a shallow clone, or a history that starts after version 1."""
    git = read_git_versions(root, path)
    first = next((t.text.version for t in git.texts if t.text.version is not None), None)
    if not git.available or git.shallow or first != 1:
        return None
    return {clause.clause_id for t in git.texts for clause in t.text.clauses if clause.clause_id}


def _committed_text(root: Path, entry: str, shown_as: str) -> CommittedText | None:
    header, _, names = entry.partition("\n")
    commit, date, subject = (header.split("\x1f") + ["", "", ""])[:3]
    name = next((n for n in names.split("\n") if n.strip()), None)
    if name is None:
        return None
    raw = run_git(root, "show", f"{commit}:{name}")
    if raw is None:
        return None  # the commit that deleted the file
    return CommittedText(commit, dt.date.fromisoformat(date[:10]), subject,
                         read_charter_text(raw.decode("utf-8", "replace"), shown_as))


def read_text_at(root: Path, ref: str, path: str) -> str | None:
    """The text of `path` (relative to `root`) at a commit, branch or tag; None if it was not there."""
    raw = run_git(root, "show", f"{ref}:./{path}")
    return None if raw is None else raw.decode("utf-8", "replace")


# --- the history the page shows ---------------------------------------------------------


@dataclass(frozen=True)
class CharterVersion:
    """One version of the charter, as the history page lists it."""

    number: int | None
    title: str
    amendments: tuple[Amendment, ...] = ()
    agreed_on: dt.date | None = None
    """When a meeting agreed it (from its amendments' meetings, or adopted_on for the first)."""
    agreed_at: str | None = None
    """The meeting that agreed it, when there is no amendment to say so (the first version)."""
    published_on: dt.date | None = None
    """When it first appeared in the records (its first commit)."""
    comparison: Comparison | None = None
    has_text: bool = True
    is_current: bool = False
    is_first: bool = False
    wording: tuple[ClauseText, ...] = ()
    """This version's clauses, when we have its wording."""
    later_edits: Comparison | None = None
    """How its wording was changed after it was first recorded, without a new version number
    (a typo fixed, or a change that needed an amendment), when it was."""
    withheld: bool = False
    """Its wording is left out on purpose (the charter's `withheld_versions`)."""
    follows_withheld: bool = False
    """The version before it is left out, so there is nothing to compare it with."""
    made_with: int | None = None
    """The later version it was recorded with in one change, whose comparison holds its change."""


@dataclass(frozen=True)
class CharterHistory:
    """Every version, newest first, and where the history came from."""

    versions: tuple[CharterVersion, ...]
    state: HistoryState
    earliest_text: int | None = None
    """The oldest version whose wording we have (for 'we only have the wording from version N')."""
    not_adopted: tuple[Amendment, ...] = field(default_factory=tuple)
    """Rejected and withdrawn amendments, newest first."""

    @property
    def has_comparisons(self) -> bool:
        """True when at least one version can be compared with an earlier one."""
        return any(v.comparison is not None for v in self.versions)

    @property
    def anchors(self) -> tuple[str, ...]:
        """Each version's place on the page, in order: 'version-3'; a number the history holds
        twice (a change undone by a revert) has its place numbered from the oldest: 'version-2-b'."""
        seen: dict[str, int] = {}
        found = []
        for index, version in enumerate(reversed(self.versions)):
            name = f"version-{version.number}" if version.number is not None else f"version-{index + 1}"
            seen[name] = seen.get(name, 0) + 1
            found.append(name if seen[name] == 1 else f"{name}-{chr(ord('a') + seen[name] - 1)}")
        return tuple(reversed(found))


@dataclass(frozen=True)
class _Draft:
    number: int | None
    text: CharterText | None
    published_on: dt.date | None
    first_text: CharterText | None = None
    """Its wording when first recorded: what was agreed, before any later edit."""
    withheld: bool = False
    made_with: int | None = None
    """The later version it was recorded with, in one change (two amendments agreed in one
    pull request): its wording is in that version's."""

    @property
    def agreed_text(self) -> CharterText | None:
        return self.first_text if self.first_text is not None else self.text


def build_charter_history(site: Published) -> CharterHistory | None:
    """The charter's history for the history page, or None for a group with no charter."""
    charter = site.group.charter
    if charter is None:
        return None
    git, _, drafts = _drafts(Path(site.group.root), charter)
    drafts = _fill_from_records(drafts, site)
    state = _state(git, drafts)
    if state != "complete":
        drafts = _forget_first_commit_date(drafts)
    versions = _finish(drafts, site)
    earliest = next((d.number for d in drafts if d.text is not None), None)
    not_adopted = tuple(site.amendments_with_status("rejected", "withdrawn"))
    return CharterHistory(tuple(reversed(versions)), state, earliest, not_adopted)


def _forget_first_commit_date(drafts: list[_Draft]) -> list[_Draft]:
    """Where git starts part-way, its first commit says when the records moved, not when that
    version was agreed, so that date is left out rather than shown as misleading."""
    first = next((i for i, d in enumerate(drafts) if d.text is not None), None)
    if first is None:
        return drafts
    return [*drafts[:first], replace(drafts[first], published_on=None), *drafts[first + 1:]]


def _source_text(root: Path, path: str) -> str:
    try:
        return (root / path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _versions_from_git(texts: Sequence[CommittedText], current: CharterText,
                       current_number: int) -> list[_Draft]:
    """Commits grouped by version number, oldest first; the file on disk is the newest.

    Commits that leave the version number alone (a typo fixed, a date moved)
    belong to the same version: its wording is the last of them, and its first
    is kept to show what was changed after it was agreed.
    """
    drafts: list[_Draft] = []
    for committed in texts:
        number = committed.text.version
        if drafts and drafts[-1].number == number and is_first_draft(drafts[-1].text):
            drafts[-1] = _Draft(number, committed.text, committed.date, committed.text)  # as first written
        elif drafts and drafts[-1].number == number:
            drafts[-1] = replace(drafts[-1], text=committed.text)
        else:
            drafts.append(_Draft(number, committed.text, committed.date, committed.text))
    if drafts and drafts[-1].number == current_number:
        drafts[-1] = replace(drafts[-1], text=current)
    else:
        drafts.append(_Draft(current_number, current, None))
    return drafts


def _drafts(root: Path, charter: Charter) -> tuple[GitVersions, CharterText, list[_Draft]]:
    """What git has of the charter, the current file's wording, and each version git has, with
    those in `withheld_versions` left without their wording."""
    current = read_charter_text(_source_text(root, charter.source.path), charter.source.path)
    git = read_git_versions(root, charter.source.path)
    drafts = _versions_from_git(git.texts, current, charter.version)
    return git, current, _withheld(drafts, charter.withheld_versions)


def _withheld(drafts: list[_Draft], numbers: Sequence[int]) -> list[_Draft]:
    """The versions listed in `withheld_versions` without their wording; the current version
    keeps the wording the charter page shows anyway, and loses only its first wording."""
    current = drafts[-1] if drafts else None
    return [d if d.number not in numbers else
            replace(d, first_text=None, withheld=True) if d is current else
            replace(d, text=None, first_text=None, withheld=True)
            for d in drafts]


def published_wordings(root: Path, charter: Charter) -> Iterator[tuple[int | None, str]]:
    """Each earlier wording the history page shows, as (version, its words): a version as first
    agreed and as last committed, and the current version as first agreed when it was changed
    after. The current file's own words are left out: it is a record, checked as one."""
    _, current, drafts = _drafts(root, charter)
    for draft in drafts:
        for text in {id(text): text for text in (draft.first_text, draft.text)
                     if text is not None and text is not current}.values():
            parts = [text.title, text.preamble, *(part for c in text.clauses for part in (c.heading, c.text))]
            yield draft.number, "\n\n".join(parts)


def _fill_from_records(drafts: list[_Draft], site: Published) -> list[_Draft]:
    """Versions git does not have, listed from the amendment records without wording: from 1
    up to the first git has, and any an amendment made between two that git has (recorded with
    the next in one change)."""
    known = {d.number for d in drafts}
    numbers = [d.number for d in drafts if d.number is not None]
    lowest = min(numbers, default=1)
    agreed = {a.charter_version for a in site.amendments_with_status("agreed") if a.charter_version is not None}
    wanted = set(range(1, lowest)) | {n for n in agreed if n < lowest}
    filled = [_Draft(n, None, None) for n in sorted(wanted - known)]
    for draft in drafts:
        if draft.number is not None and filled and filled[-1].number is not None:
            skipped = range(filled[-1].number + 1, draft.number)
            filled += [_Draft(n, None, None, made_with=draft.number) for n in skipped if n in agreed and n not in known]
        filled.append(draft)
    return filled


def _finish(drafts: list[_Draft], site: Published) -> list[CharterVersion]:
    """Each version with its amendments, dates and comparison with the version before it."""
    charter = site.group.charter
    assert charter is not None
    versions: list[CharterVersion] = []
    previous: CharterText | None = None
    previous_withheld = False
    for index, draft in enumerate(drafts):
        amendments = tuple(a for a in site.amendments_with_status("agreed")
                           if draft.number is not None and a.charter_version == draft.number)
        is_first = index == 0
        agreed = draft.agreed_text
        comparison = compare_charters(previous, agreed) if previous is not None and agreed is not None else None
        edits = (compare_charters(agreed, draft.text)
                 if agreed is not None and draft.text is not None and agreed is not draft.text else None)
        title = draft.text.title if draft.text is not None else charter.title
        versions.append(CharterVersion(
            draft.number, title, amendments, _agreed_on(amendments, site, is_first),
            charter.adopted_at if is_first and not amendments else None, draft.published_on,
            comparison, draft.text is not None, index == len(drafts) - 1, is_first,
            draft.text.clauses if draft.text is not None else (),
            edits if edits is not None and edits.changed else None, draft.withheld, previous_withheld,
            draft.made_with))
        # never compared with a version before one left out: the change would show its words
        previous = draft.text if draft.text is not None or draft.withheld else previous
        previous_withheld = draft.withheld and draft.text is None
    return versions


def _agreed_on(amendments: Sequence[Amendment], site: Published, is_first: bool) -> dt.date | None:
    charter = site.group.charter
    meetings = [m for a in amendments if (m := site.meeting(a.agreed_at)) is not None]
    if meetings:
        return max(m.date for m in meetings)
    return charter.adopted_on if is_first and charter is not None and not amendments else None


def _state(git: GitVersions, drafts: Sequence[_Draft]) -> HistoryState:
    if not git.available:
        return "unavailable"
    if git.shallow:
        return "shallow"
    return "complete" if all(d.text is not None or d.withheld or d.made_with for d in drafts) else "partial"


# --- the charter page -------------------------------------------------------------------


@dataclass(frozen=True)
class ProposedChange:
    """An amendment under discussion, with the names of the parts it would change."""

    amendment: Amendment
    clause_names: tuple[tuple[str, str], ...]
    """(clause id, heading) for each part it names; the heading is the id when unknown."""


@dataclass(frozen=True)
class CharterSummary:
    """What the charter page says about the current version."""

    last_amended_by: tuple[Amendment, ...]
    last_amended_on: dt.date | None
    review_overdue: bool
    proposed: tuple[ProposedChange, ...]


def build_charter_summary(site: Published) -> CharterSummary | None:
    """The charter page's facts: when it last changed, whether its review is overdue, what is proposed."""
    charter = site.group.charter
    if charter is None:
        return None
    latest = tuple(a for a in site.amendments_with_status("agreed")
                   if a.charter_version == charter.version)
    headings = {c.id: c.heading for c in charter.clauses}
    proposed = tuple(ProposedChange(a, tuple((c, headings.get(c, c)) for c in a.clauses))
                     for a in reversed(site.amendments_with_status("proposed")))
    overdue = charter.review_by is not None and charter.review_by < site.today
    return CharterSummary(latest, _agreed_on(latest, site, False), overdue, proposed)


def charter_page_context(site: Published) -> dict[str, Any]:
    """The extra template context of the charter page."""
    return {"summary": build_charter_summary(site)}


def charter_history_context(site: Published) -> dict[str, Any]:
    """The extra template context of the history page."""
    return {"history": build_charter_history(site)}
