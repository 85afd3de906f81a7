"""The pull-request guard: a change to the charter's text needs an agreed amendment.

`coprod check --base REF` compares content/charter.md with its state at REF
(the branch a pull request will merge into). When the wording changed, an
amendment added or changed in the same pull request must be agreed, at a
meeting whose minutes are agreed, make the charter's next version and name
exactly the clauses whose wording changed. An amendment that was already
agreed is the record of what the group agreed, so its wording cannot change.

Problems point at the changed lines, so `--format github` puts them beside
the change in the pull request.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..charter_history import (
    CharterText,
    ClauseChange,
    Comparison,
    compare_charters,
    is_first_draft,
    pair_clauses,
    read_charter_text,
    read_text_at,
)
from ..gitlog import run_git
from ..loading import AMENDMENT_NAME
from ..problems import Note, Problem, sort_problems
from ..records import Amendment, Group
from ..render import format_date
from ..scaffold import CHARTER_QUESTIONS
from ..settings import Settings
from ..sources import SourceError, parse_yaml, split_front_matter
from ..words import join_words
from .consistency import charter_version_problem

Problems = Iterator[Problem]
CLOSED = ("rejected", "withdrawn")


@dataclass(frozen=True)
class ChangedAmendment:
    """An amendment this change adds or edits, with its text at the base (None when new)."""

    amendment: Amendment
    base_text: str | None


@dataclass(frozen=True)
class CharterChange:
    """The charter before and after, and where the changed lines are in the new file."""

    path: str
    old_version: int | None
    new_version: int | None
    version_line: int | None
    comparison: Comparison
    lines: dict[str, int]
    """For each changed clause's key, the first changed line of the new file."""
    moved: tuple[tuple[ClauseChange, int], ...] = ()
    """The clauses whose words stayed but whose place changed, each with its heading's line."""

    @property
    def expected_version(self) -> int | None:
        return self.old_version + 1 if self.old_version is not None else self.new_version


@dataclass(frozen=True)
class CharterReview:
    """What `coprod check --base` found: every problem, and what the change does to the charter,
    for the reviewer: when its words changed and every rule holds, what changed and who agreed
    it; when parts only moved, that no words changed."""

    problems: list[Problem]
    agreed: Note | None = None


def review_charter_change(group: Group, settings: Settings, base: str) -> CharterReview:
    """Every problem with how this change (against `base`) treats the charter and amendments,
    and what an agreed change to its words does.

    The change is what this branch did since it left `base`: compared with where they part
    (git merge-base), so a branch that is behind its base is not blamed for what the base
    changed since.
    """
    root = Path(group.root)
    path = f"{settings.content_dir}/charter.md"
    missing = _base_problem(root, base, path)
    if missing is not None:
        return CharterReview([missing])
    start = _branch_point(root, base)
    at_start = _base_amendments(root, start, group)
    changed = list(_changed_amendments(root, start, group, at_start))
    problems = list(_edited_after_agreement(changed))
    problems += _agreed_amendments_taken_out(root, start, group, at_start)
    if group.charter is None and not (root / path).exists() and read_text_at(root, start, path) is not None:
        problems.append(Problem(path, None, None, "was taken out, but the charter is how the group works "
                                "together: it changes only by an agreed amendment. Put it back."))
    change = _charter_change(root, start, path) if group.charter is not None else None
    if change is not None:
        problems += _record_fields_changed(root, start, group)
    behind = _base_moved_on(root, base, start, change, group) if change and change.comparison.changed else None
    if behind is not None:
        problems.append(behind)
    elif change is not None and change.comparison.changed:
        problems += _charter_rules(group, change, changed)
    elif change is not None:
        problems += _agreed_without_a_change(change, changed)
    agreed = None
    moving = _agreed_moves(change, changed) if change is not None else []
    if change is not None and change.comparison.changed and not problems and charter_version_problem(group) is None:
        agreed = _what_was_agreed(group, change, _agreed_run(change, changed) or _matching_amendments(change, changed))
    elif change is not None and moving and not problems and charter_version_problem(group) is None:
        agreed = _what_was_agreed(group, change, moving)
    elif change is not None and not change.comparison.changed and change.moved and not moving:
        agreed = Note(change.path, change.moved[0][1], f"{_what_happened((), change.moved)}, with no words "
                      "changed, so no amendment is needed.")
    return CharterReview(sort_problems(problems), agreed)


def _what_was_agreed(group: Group, change: CharterChange, amendments: Sequence[Amendment]) -> Note:
    """The charter's change in two sentences, at its first changed line: what changed, and who
    agreed it where (the check found nothing wrong), for the person reviewing the pull request."""
    agreed = join_words([f"{amendment.id} ('{amendment.title}') at the meeting of "
                         f"{format_date(group.meetings[amendment.agreed_at].date)}"
                         for amendment in amendments if amendment.agreed_at in group.meetings])
    moved = _what_happened((), change.moved)
    if not change.comparison.changed:  # an agreed move: the order is the group's to agree, like the words
        return Note(change.path, change.moved[0][1], f"goes from version {change.old_version} to "
                    f"{change.new_version}: {moved}, with no words changed. Agreed by {agreed}.")
    also = f" {moved[0].upper()}{moved[1:]} too, with no words changed." if moved else ""
    return Note(change.path, min(change.lines.values(), default=None),
                f"goes from version {change.old_version} to {change.new_version}: "
                f"{_what_happened(change.comparison.changed)}. Agreed by {agreed}.{also}")


def _branch_point(root: Path, base: str) -> str:
    """Where this branch left `base` (the base itself when git cannot say)."""
    found = run_git(root, "merge-base", base, "HEAD")
    return found.decode().strip() if found else base


def _base_moved_on(root: Path, base: str, start: str, change: CharterChange, group: Group) -> Problem | None:
    """`base` agreed a newer charter after this branch left it, while this branch changes the
    charter's words too. Compared with where they part, the branch looks right; but git merges
    the two without a conflict when they touch different parts, leaving two changes with one
    version number. The branch catches up first; then the usual rules say what is left to do."""
    path = change.path
    at_start, at_base = read_text_at(root, start, path), read_text_at(root, base, path)
    if at_start is None or at_base is None:
        return None
    was, now = read_charter_text(at_start, path), read_charter_text(at_base, path)
    if was.version == now.version and not compare_charters(was, now).changed:
        return None
    made = []
    for amendment_id, amendment_path in sorted(_base_amendments(root, base, group).items()):
        meta, title, _ = _amendment_parts(read_text_at(root, base, amendment_path) or "", amendment_path)
        version = meta.get("charter_version")
        if (meta.get("status") == "agreed" and isinstance(version, int) and now.version is not None
                and (was.version is None or was.version < version <= now.version)):
            made.append(f"{amendment_id} ('{title}')")
    agreed = f", agreed by {join_words(made)}" if made else ""
    then = f"make this change version {now.version + 1}" if now.version is not None else "make this change again"
    return Problem(path, change.version_line, None,
        f"'{base}' has a newer charter than this branch started from: version {now.version}{agreed}. Bring "
        f"this branch up to date with '{base}' first (merge it in, or rebase onto it), then {then}.")


def _base_problem(root: Path, base: str, path: str) -> Problem | None:
    if run_git(root, "rev-parse", "--git-dir") is None:
        return Problem(path, None, None, f"cannot be compared with '{base}', because this folder is "
                       "not a git repository. Run the check inside a copy made with 'git clone'.")
    if run_git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}") is None:
        return Problem(path, None, None, f"cannot be compared with '{base}', because there is no "
                       "branch, tag or commit with that name here. Check the name. In GitHub "
                       "Actions, check out the full history (fetch-depth: 0).")
    return None


def _charter_change(root: Path, base: str, path: str) -> CharterChange | None:
    """The charter at `base` and now; None when the charter is new in this change. A part of
    the charter 'coprod init' wrote that still asks its question is answered freely: it is
    compared as if already answered, so only the other parts need an amendment."""
    old_text = read_text_at(root, base, path)
    if old_text is None:
        return None
    try:
        new_text = (root / path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    old, new = read_charter_text(old_text, path), read_charter_text(new_text, path)
    if is_first_draft(old):
        old = replace(old, clauses=tuple(
            new.clause(clause.key) or clause if any(q in clause.text for q in CHARTER_QUESTIONS) else clause
            for clause in old.clauses))
    comparison = compare_charters(old, new)
    lines = _first_changed_lines(old_text, new_text, new, comparison)
    return CharterChange(path, old.version, new.version, new.version_line, comparison, lines,
                         _moved_parts(old, new, comparison))


def _moved_parts(old: CharterText, new: CharterText,
                 comparison: Comparison) -> tuple[tuple[ClauseChange, int], ...]:
    """The parts whose words did not change but whose place did, with their headings' lines: the
    fewest that, taken out and put back elsewhere, turn the old order into the new. A pull
    request shows such a part as taken out and written again; the reviewer is told it only moved."""
    pairs = pair_clauses(old.clauses, new.clauses)
    place = {clause.key: index for index, clause in enumerate(old.clauses)}
    paired = [clause for clause in new.clauses if clause.key in pairs]
    was = [place[pairs[clause.key].key] for clause in paired]
    blocks = difflib.SequenceMatcher(None, sorted(was), was, autojunk=False).get_matching_blocks()
    stayed = {index for block in blocks for index in range(block.b, block.b + block.size)}
    unchanged = {change.key: change for change in comparison.unchanged}
    return tuple((unchanged[clause.key], clause.line) for index, clause in enumerate(paired)
                 if index not in stayed and clause.key in unchanged)


def _first_changed_lines(old_text: str, new_text: str, new: CharterText,
                         comparison: Comparison) -> dict[str, int]:
    """Where each changed clause's first changed line is in the new file (1-based)."""
    old_lines, new_lines = _lines(old_text), _lines(new_text)
    changed_at = sorted({max(1, min(j1 + 1, len(new_lines)))
                         for tag, _, _, j1, _ in difflib.SequenceMatcher(
                             None, old_lines, new_lines, autojunk=False).get_opcodes()
                         if tag != "equal"})
    starts = [(c.key, c.line) for c in new.clauses]
    last = len(new_text.splitlines()) or 1  # (split("\n") counts one more after a final newline)
    found: dict[str, int] = {}
    for change in comparison.changed:
        start, end = _clause_range(change, starts, last, _body_line(new_lines))
        found[change.key] = min(next((n for n in changed_at if start <= n < end), start), last)
    return found


def _clause_range(change: ClauseChange, starts: Sequence[tuple[str, int]], last: int,
                  body: int) -> tuple[int, int]:
    for index, (key, line) in enumerate(starts):
        if key == change.key:
            end = starts[index + 1][1] if index + 1 < len(starts) else last + 1
            return line, end
    if change.key == "":  # the text between the fields and the first heading
        return body, starts[0][1] if starts else last + 1
    return last, last + 1  # a clause taken out: point at the end of the file


def _body_line(lines: list[str]) -> int:
    """The first line after the fields at the top (1 when there are none)."""
    if lines and lines[0].strip() == "---":
        return next((n + 2 for n in range(1, len(lines)) if lines[n].strip() == "---"), 1)
    return 1


def _lines(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")


# --- amendments added or changed ---------------------------------------------------------


def _base_amendments(root: Path, base: str, group: Group) -> dict[str, str]:
    """Each amendment's file at `base`, by id (a file renamed since is still the same amendment)."""
    folder = f"{group.content}/amendments"
    listed = run_git(root, "ls-tree", "--name-only", base, "--", f"./{folder}/")
    names = listed.decode("utf-8", "replace").split("\n") if listed else []
    found: dict[str, str] = {}
    for name in names:
        match = AMENDMENT_NAME.match(Path(name).stem) if name.endswith(".md") else None
        if match is not None:
            found.setdefault(match.group(1), f"{folder}/{Path(name).name}")
    return found


def _changed_amendments(root: Path, base: str, group: Group,
                        at_base: dict[str, str]) -> Iterator[ChangedAmendment]:
    for amendment in group.amendments.values():
        base_path = at_base.get(amendment.id, amendment.source.path)
        base_text = read_text_at(root, base, base_path)
        if base_text is None:
            yield ChangedAmendment(amendment, None)
            continue
        try:
            now = (root / amendment.source.path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        if _normal(now) != _normal(base_text):
            yield ChangedAmendment(amendment, base_text)


def _normal(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").strip()


AGREED_FIELDS = ("status", "proposed_on", "proposed_by", "clauses", "agreed_at", "charter_version")
"""An agreed amendment's fields that say what was agreed, when and where: they stay as agreed."""


def _agreed_amendments_taken_out(root: Path, base: str, group: Group, at_base: dict[str, str]) -> Problems:
    """An amendment agreed at the base is part of the charter's record: it cannot be deleted."""
    for amendment_id, path in at_base.items():
        if amendment_id in group.amendments or amendment_id in group.unreadable_records:
            continue
        text = read_text_at(root, base, path)
        if text is not None and _amendment_parts(text, path)[0].get("status") == "agreed":
            yield Problem(path, None, None, f"was taken out, but {amendment_id} was agreed: it is the record "
                          "of why the charter says what it does. Put it back.")


def _edited_after_agreement(changed: Sequence[ChangedAmendment]) -> Problems:
    """An amendment agreed at the base is the record of what was agreed: its words and the
    fields that say what was agreed stay."""
    for item in changed:
        if item.base_text is None:
            continue
        meta, title, body = _amendment_parts(item.base_text, item.amendment.source.path)
        if meta.get("status") != "agreed":
            continue
        source = item.amendment.source
        now = source.meta
        moved = next((name for name in AGREED_FIELDS if _plain(meta.get(name)) != _plain(now.get(name))), None)
        if moved is not None:
            yield source.problem(f"{item.amendment.id} was already agreed, so its '{moved}' is part of the "
                                 f"record of what the group agreed and cannot change: put back "
                                 f"'{moved}: {_plain(meta.get(moved))}'. To change the charter again, start "
                                 "a new amendment with 'coprod new amendment'.", moved)
        if body.strip() != source.body.strip() or (title or "") != item.amendment.title:
            line = _first_body_change(body, source.body, source.body_line)
            if (title or "") != item.amendment.title:
                line = source.line_of("title") or line
            yield Problem(source.path, line, None, f"{item.amendment.id} was already agreed, so its "
                          "words are the record of what the group agreed and cannot change. Put them "
                          "back as they were. To change the charter again, start a new amendment "
                          "with 'coprod new amendment'.")


RECORD_FIELDS = {
    "title": "the charter's name",
    "adopted_on": "when the charter was first agreed",
    "adopted_at": "where the charter was first agreed",
    "withheld_versions": "which versions' wording the history page leaves out",
}
"""The charter's fields that say what it is and where it came from: changed without an
amendment, but a reviewer should know and the pull request say why."""


def _record_fields_changed(root: Path, base: str, group: Group) -> Problems:
    charter = group.charter
    assert charter is not None
    before = _amendment_parts(read_text_at(root, base, charter.source.path) or "", charter.source.path)[0]
    for name, meaning in RECORD_FIELDS.items():
        old, new = _plain(before.get(name)), _plain(charter.source.meta.get(name))
        if old != new:
            yield charter.source.problem(f"'{name}' ({meaning}) changed in this pull request, from "
                                         f"'{old or 'nothing'}' to '{new or 'nothing'}'. That needs no amendment, "
                                         "but say why in the pull request, so a reviewer can check it.",
                                         name if name in charter.source.meta else "version", severity="warning")


def _agreed_without_a_change(change: CharterChange, changed: Sequence[ChangedAmendment]) -> Problems:
    """An amendment agreed in this change, making a version the charter has not reached, while
    the charter's words stay as they were: the history would show a new version that changed
    nothing, and the reviewer approve a change that is not there."""
    moves = _agreed_moves(change, changed)
    for item in changed:
        amendment = item.amendment
        was = _amendment_parts(item.base_text, amendment.source.path)[0].get("status") if item.base_text else None
        if (amendment.status == "agreed" and was != "agreed" and amendment.charter_version is not None
                and (change.old_version is None or amendment.charter_version > change.old_version)
                and amendment not in moves):
            yield amendment.source.problem(
                f"{amendment.id} is agreed in this change, but the charter's words did not change. Make "
                f"the change the meeting agreed in {change.path}, in this same change, with 'version: "
                f"{amendment.charter_version}'; or leave 'status' as it was until then.", "status")


def _agreed_moves(change: CharterChange, changed: Sequence[ChangedAmendment]) -> list[Amendment]:
    """The amendments agreed in this change that name a part it moves, when no words changed: a
    group may agree a new order for its charter, which is a new version like new words."""
    if change.comparison.changed:
        return []
    moved = {clause.clause_id or clause.key for clause, _ in change.moved}
    return [item.amendment for item in changed
            if item.amendment.status == "agreed" and moved.intersection(item.amendment.clauses)]


def _amendment_parts(text: str, path: str) -> tuple[dict[str, Any], str | None, str]:
    """(fields, title, body) of an amendment's text; no fields when they cannot be read."""
    try:
        front, body, _ = split_front_matter(_normal(text) + "\n", path)
        meta, _ = parse_yaml(front or "", path, first_line=2)
    except SourceError:
        return {}, None, text
    title = meta.get("title")
    return meta, str(title).strip() if title else None, body


def _plain(value: object) -> str:
    """A field's value as written, for comparing and quoting: '[payments]', '2025-02-14-leaflets'."""
    if isinstance(value, list):
        return f"[{', '.join(_plain(item) for item in value)}]"
    return "" if value is None else str(value)


def _first_body_change(old: str, new: str, body_line: int) -> int:
    old_lines, new_lines = old.strip("\n").split("\n"), new.strip("\n").split("\n")
    for index, (before, after) in enumerate(zip(old_lines, new_lines)):
        if before.rstrip() != after.rstrip():
            return body_line + index
    return body_line + min(len(old_lines), len(new_lines))


# --- the rules for a change to the charter's wording -------------------------------------


def _charter_rules(group: Group, change: CharterChange,
                   changed: Sequence[ChangedAmendment]) -> list[Problem]:
    run = _agreed_run(change, changed)
    if run:  # two or more changes agreed one after another, in one pull request
        problems = list(_clause_coverage(change, run))
        for amendment in run:
            problems += _meeting_rule(group, amendment)
            problems += _clauses_that_did_not_change(change, amendment)
        return problems
    matching = _matching_amendments(change, changed)
    problems = list(_version_rule(group, change))
    problems += _clause_coverage(change, [*matching, *_agreed_for_later_versions(change, changed, matching)])
    for amendment in matching:
        problems += _amendment_rules(group, change, amendment)
    return problems


def _agreed_run(change: CharterChange, changed: Sequence[ChangedAmendment]) -> list[Amendment]:
    """Agreed amendments in this change that make every version from the one after the old
    version to the charter's new one (AM-02 version 3, AM-03 version 4), or none."""
    old, new = change.old_version, change.new_version
    if old is None or new is None or new - old < 2:
        return []
    by_version = {c.amendment.charter_version: c.amendment for c in changed if c.amendment.status == "agreed"}
    versions = range(old + 1, new + 1)
    return [by_version[v] for v in versions] if all(v in by_version for v in versions) else []


def _matching_amendments(change: CharterChange, changed: Sequence[ChangedAmendment]) -> list[Amendment]:
    """The amendments that say they make this change: agreed ones first, the right version first.
    A proposal started or edited beside an agreed change (at the same meeting, say) is not
    taken for it; with no agreed amendment, a proposal is, and is told it is not agreed yet."""
    open_ones = [c.amendment for c in changed if c.amendment.status not in CLOSED]
    agreed = [a for a in open_ones if a.status == "agreed"]
    candidates = agreed or open_ones
    return [a for a in candidates if a.charter_version == change.expected_version] or candidates


def _agreed_for_later_versions(change: CharterChange, changed: Sequence[ChangedAmendment],
                               matching: Sequence[Amendment]) -> list[Amendment]:
    """Other amendments agreed in this change, for versions after the one it makes: the parts
    they name are not missing from 'clauses'. (The charter's 'version' is behind them, and is
    told so; put up, they make a run with the others.)"""
    expected = change.expected_version
    return [c.amendment for c in changed if c.amendment not in matching and c.amendment.status == "agreed"
            and c.amendment.charter_version is not None and expected is not None
            and c.amendment.charter_version > expected]


def _version_rule(group: Group, change: CharterChange) -> Problems:
    """The charter's 'version' against the base's: one more. Said only when the whole group's check
    (`charter_version_problem`) has nothing to say at that line, so the reviewer reads one message
    there, not two that seem to ask for different numbers."""
    old, new, expected = change.old_version, change.new_version, change.expected_version
    if old is None or new is None or new == expected or charter_version_problem(group) is not None:
        return
    if new == old:
        message = f"'version' is still {old}, but the charter's text changed. Set it to {expected}."
    else:
        message = (f"'version' went from {old} to {new}. Each agreed change adds one: "
                   f"set it to {expected}.")
    yield Problem(change.path, change.version_line, "version", message)


def _clause_coverage(change: CharterChange, matching: Sequence[Amendment]) -> Problems:
    named = {c for a in matching for c in a.clauses}
    names = join_words([a.id for a in matching])
    for clause in change.comparison.changed:
        line = change.lines.get(clause.key)
        where = _what_happened([clause])
        if not matching:
            yield Problem(change.path, line, None, f"{where}, but no amendment in this change "
                          "says so. Add one with 'coprod new amendment'. Once a meeting agrees it, set "
                          f"status: agreed, agreed_at and charter_version: {change.expected_version}.")
        elif not clause.key:
            yield Problem(change.path, line, None, f"{where}, but an amendment names the parts it "
                          "changes by their headings' ids, and this text has none. Put it under a heading "
                          "with an id, like ## Who we are {#who}, and list that id in 'clauses'.")
        elif clause.clause_id is None:
            yield Problem(change.path, line, None, f"{where}, but it has no id, so {names} "
                          "cannot name it. Add one at the end of its heading, like {#payments}, and "
                          "list it in 'clauses'.")
        elif clause.clause_id is not None and not clause.ids & named:
            yield Problem(change.path, line, None, f"{where}, but {names} {'do' if len(matching) > 1 else 'does'} not list "
                          f"'{clause.clause_id}' in 'clauses'. Add it there.")


HAPPENED = {"changed": ("changed", "changed"), "added": ("was added", "were added"),
            "removed": ("was taken out", "were taken out"), "moved": ("moved", "moved")}
"""What happened to a part of the charter, said of one part and of more than one."""


def _what_happened(changes: Sequence[ClauseChange], moved: Sequence[tuple[ClauseChange, int]] = ()) -> str:
    """"the parts 'Payments' and 'Meetings' changed and the part 'Breaks' was taken out": what
    happened to the charter's parts (`moved`: parts whose words stayed, in another place), as
    the person editing or reviewing it reads it, in the words of every problem and note about it."""
    names: dict[str, list[str]] = {}
    for kind, change in [*((c.kind, c) for c in changes), *(("moved", c) for c, _ in moved)]:
        names.setdefault(kind, [])
        if change.key:
            old = f" (until now '{change.old_heading}')" if change.renamed else ""
            names[kind].append(f"'{change.heading}'{old}")
    phrases = []
    for kind, parts in names.items():
        subjects = [f"the part{'s' if len(parts) > 1 else ''} {join_words(parts)}"] if parts else []
        if kind == "changed" and any(not change.key for change in changes):
            subjects.insert(0, "the text before the first heading")
        phrases.append(f"{join_words(subjects)} {HAPPENED[kind][len(parts) > 1 or len(subjects) > 1]}")
    return join_words(phrases)


def _amendment_rules(group: Group, change: CharterChange, amendment: Amendment) -> Problems:
    source = amendment.source
    if amendment.status != "agreed":
        yield source.problem(f"'status' is {amendment.status}, but this change alters the charter's "
                             "text. The charter changes only after a meeting agrees: set status to "
                             "agreed and fill in agreed_at once it has. Until then, leave the charter "
                             "as it is.", "status")
    if amendment.status == "agreed" or amendment.agreed_at:  # (a proposal was just told to add it)
        yield from _meeting_rule(group, amendment)
    expected = change.expected_version
    if amendment.charter_version is None:
        yield source.problem(f"'charter_version' is missing. Add 'charter_version: {expected}', the "
                             "charter's new version.", "status")
    elif amendment.charter_version != expected:
        yield source.problem(f"'charter_version' should be {expected}, the charter's new version, "
                             f"not {amendment.charter_version}.", "charter_version")
    yield from _clauses_that_did_not_change(change, amendment)


def _clauses_that_did_not_change(change: CharterChange, amendment: Amendment) -> Problems:
    changed_ids = {i for c in change.comparison.changed for i in c.ids}
    for index, clause_id in enumerate(amendment.clauses):
        if clause_id not in changed_ids:
            yield amendment.source.problem(f"'clauses' names '{clause_id}', but that part of the charter "
                                           "did not change. Take it out.", "clauses", index)


def _meeting_rule(group: Group, amendment: Amendment) -> Problems:
    source = amendment.source
    if not amendment.agreed_at:
        yield source.problem("'agreed_at' is missing. Add the meeting that agreed this change, like "
                             "2026-03-04-charter-review.", "status")
        return
    meeting = group.meetings.get(amendment.agreed_at)
    if meeting is None:
        yield source.problem(f"'agreed_at' is {amendment.agreed_at}, but there is no meeting with "
                             "that name in the meetings folder. Use the meeting's file name without "
                             ".md.", "agreed_at")
    elif not meeting.is_agreed:
        yield source.problem(f"'agreed_at' is the meeting {amendment.agreed_at}, whose minutes are "
                             "not agreed yet. The charter can change once that meeting's minutes "
                             "are agreed and published.", "agreed_at")
