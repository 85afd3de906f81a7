"""Starting a new group (`coprod init`) and a new record (`coprod new`)."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from .gitlog import run_git
from .records import GRIPP2_HEADINGS, LADDER, Group, numbered_id

RECORD_FOLDERS = ("meetings", "decisions", "amendments", "reports", "assets")


class ScaffoldError(Exception):
    """Something the person asked for cannot be made; the message says why."""


ALSO_WRITTEN_AS = {".github/pull_request_template.md": (".gitlab/merge_request_templates/Default.md",)}
"""Files a group gets twice: the description each new pull request on GitHub, or merge request
on GitLab, starts with."""


DISTRIBUTION = "coprod-site"

UNKNOWN_COPY = f"""\
# coprod-site is not on PyPI yet: point the line below at the copy your group uses,
# for example a tagged release in a git repository:
#   {DISTRIBUTION} @ git+https://github.com/YOUR-ORGANISATION/coprod_site@v0.1.0
{DISTRIBUTION} @ git+https://github.com/YOUR-ORGANISATION/coprod_site@main"""
"""requirements.txt where the copy `coprod init` runs from cannot be installed elsewhere."""


def installed_copy() -> str | None:
    """The requirement that installs, on another computer, the copy of coprod running now: the
    commit or archive pip installed it from (its direct_url.json, PEP 610), or its version from
    a package index. None for a copy installed from a folder on this computer."""
    try:
        distribution = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    if distribution.read_text("INSTALLER") is None:  # not installed: read from a source tree
        return None
    return requirement_for(distribution.read_text("direct_url.json"), distribution.version)


def requirement_for(direct_url: str | None, version: str) -> str | None:
    """The requirement line for a copy pip installed from `direct_url` (the JSON pip keeps, or
    None for a package index), or None where no other computer can reach it."""
    if direct_url is None:
        return f"{DISTRIBUTION}=={version}"
    try:
        found = json.loads(direct_url)
        url, vcs, archive = found["url"], found.get("vcs_info"), found.get("archive_info")
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(url, str) or not url.startswith(("https://", "http://", "ssh://")):
        return None  # a folder or file on this computer
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        address = f"{vcs['vcs']}+{url}@{vcs['commit_id']}"
    elif isinstance(archive, dict):
        address = url
    else:
        return None
    subdirectory = found.get("subdirectory")
    return f"{DISTRIBUTION} @ {address}" + (f"#subdirectory={subdirectory}" if subdirectory else "")


def _may_be_there(name: str) -> bool:
    """What a new repository may hold already, from cloning an empty one: its git folder, a
    licence and git's settings. The group's own files are written around them."""
    return name in (".git", ".gitattributes") or name.upper().startswith(("LICENSE", "LICENCE", "COPYING"))


HOSTS_WRITE = ("README.md", ".gitignore")
"""Files GitHub or GitLab may put in a new repository (GitLab writes a README unless told not
to), each of which a group gets its own of."""


def replaced_by_init(target: Path) -> list[str]:
    """The files a new repository came with that `coprod init` writes its own of: each is in the
    repository's last commit just as it is in the folder, so git keeps it and nothing is lost."""
    if not (target / ".git").exists():
        return []
    return [name for name in HOSTS_WRITE if (target / name).is_file()
            and run_git(target, "cat-file", "-e", f"HEAD:{name}") is not None
            and run_git(target, "diff", "--quiet", "HEAD", "--", name) is not None]


def init_group(target: Path, name: str, today: dt.date, requirement: str | None = None, *,
               kept_by_git: Sequence[str] | None = None) -> list[Path]:
    """Write a new group's folder that builds at once; return the files written. Its
    requirements.txt installs `requirement`, or asks for the copy of coprod to use. It writes
    over `kept_by_git` (`replaced_by_init`, found here unless the caller found it already)."""
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} is a file, not a folder. Choose a new folder name.")
    if kept_by_git is None:
        kept_by_git = replaced_by_init(target)
    there = sorted(entry.name for entry in target.iterdir()
                   if not _may_be_there(entry.name) and entry.name not in kept_by_git) if target.exists() else []
    if there:
        raise ScaffoldError(f"{target} already has files in it ({', '.join(there[:3])}). Choose a new folder "
                            "name, or start in an empty folder (a repository just cloned is fine, with the "
                            "README GitHub or GitLab wrote).")
    written = []
    source = resources.files("coprod_site") / "scaffold" / "group"
    replacements = {"__NAME__": name, "__TODAY__": today.isoformat(),
                    "__REVIEW__": today.replace(year=today.year + 1, day=min(today.day, 28)).isoformat(),
                    "__REQUIREMENT__": requirement or UNKNOWN_COPY}
    for relative, text in _walk(source, ""):
        filled = _fill(text, replacements, relative)
        for written_as in (relative, *ALSO_WRITTEN_AS.get(relative, ())):
            path = target / written_as
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(filled, encoding="utf-8")
            written.append(path)
    for folder in RECORD_FOLDERS:  # each kept in git while it is empty, for records written by hand
        (target / "content" / folder).mkdir(parents=True, exist_ok=True)
        keep = target / "content" / folder / ".gitkeep"
        keep.touch()
        written.append(keep)
    return written


def _walk(folder: resources.abc.Traversable, prefix: str) -> list[tuple[str, str]]:
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            found += _walk(entry, relative + "/")
        else:
            found.append((relative, entry.read_text(encoding="utf-8")))
    return found


def _fill(text: str, replacements: dict[str, str], relative: str) -> str:
    """Put the group's name and dates in, quoted where YAML needs it."""
    for marker, value in replacements.items():
        if relative.endswith((".yml", ".yaml")) and marker == "__NAME__":
            value = json.dumps(value, ensure_ascii=False)
        text = text.replace(marker, value)
    return text


# --- new records ---------------------------------------------------------------------


CHARTER_QUESTIONS = (
    "What do we want to change, and for whom?",
    "What is ours to decide? What can we only suggest?",
    "Who is missing? How do new people join?",
    "How does every member add to the agenda?",
    "Where and when do we meet?",
    "Do we decide by agreement or by a vote?",
    "What do members hope to gain?",
    "How are members paid or thanked?",
    "How do we keep meetings safe and kind?",
    "How do we handle a problem between members, or with staff?",
)
"""The questions of the charter 'coprod init' writes, each to be answered in the group's words."""

STARTING_TEXT = (
    # coprod new
    "Where we meet, and its access (for example step-free, hearing loop)",
    "Write the summary in plain words",
    "Why we decided this, what else we thought about",
    "Why the change is needed, in plain words.",
    "Write this section.",
    "Why the group is closing",
    "Who takes it on",
    "Who will hear the reply",
    # coprod init
    "Say in one or two short sentences who you are",
    "The organisation that supports the group",
    "Tell people how to reach the group, for example",
    "Who do you want to hear from? Write one group of people on each line.",
    "Say how members are paid or thanked, and which costs are paid back.",
    *CHARTER_QUESTIONS,
)
"""Sentences the records start with, to be replaced: `coprod check` warns about any left in what
the site publishes (checks/starting_text.py); a test keeps this list in step with the files."""


def starting_title(kind: str) -> str:
    """The title `coprod new` gives a record when it is given none: 'New meeting'."""
    return f"New {kind}"


STARTING_TITLES = frozenset(starting_title(kind) for kind in ("meeting", "decision", "amendment"))
"""Titles to be replaced: a whole title, as `coprod new` wrote it (as words in a title, 'New
meeting room' is the group's own)."""


TITLE_TAKEN = "Give the record a different title."
"""What to do when a new record's file name, made from its title, is taken (`coprod new` says how)."""


@dataclass(frozen=True)
class NewRecord:
    """A record file to write: where, and its starting text."""

    path: Path
    text: str
    if_taken: str = TITLE_TAKEN
    """What to do when a file of that name is already there."""


def slugify(title: str) -> str:
    """'Planning the summer!' -> 'planning-the-summer'; "Young people's ideas" -> 'young-peoples-ideas'."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")  # 'Café' -> 'Cafe'
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", "", plain).lower()).strip("-")
    return slug[:50].rstrip("-") or "record"


def next_id(ids: list[str], letters: str) -> str:
    """The id after the highest of `ids` with these letters (D, AM, ACT): D-016 after D-015."""
    numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(rf"{re.escape(letters)}-(\d+)", i))]
    return numbered_id(letters, max(numbers, default=0) + 1)


def _ids_of_files(group: Group, records: Mapping[str, object]) -> list[str]:
    """The ids of `records`, and of every record file, also one that could not be read (reported):
    a new record given the number of a file with a mistake in it would clash with it once fixed."""
    return [*records, *group.record_paths]


LADDER_WORDS = " | ".join(LADDER)
"""The ladder's words, for the comment beside a new record's empty 'ladder:'."""


def new_meeting(group: Group, content: Path, title: str, date: dt.date, today: dt.date) -> NewRecord:
    action_ids = [a.id for m in group.meetings.values() for a in m.actions]
    status = "planned" if date >= today else "draft"
    text = f"""---
title: {json.dumps(title, ensure_ascii=False)}
date: {date.isoformat()}
start: "16:00"
end: "17:30"
format: in-person          # in-person | online | hybrid
venue: Where we meet, and its access (for example step-free, hearing loop)
support: []                # for example [BSL interpreter, food, travel paid]
chairs: []                 # person ids from people.yml
facilitators: []
note_takers: []
present: []
guests: 0                  # people who came but are not members: a number, never names
apologies: []
agenda:
  - Check-in
  - Check-out
content_notes: []          # topics people may want warning of
ladder:                    # what kind of involvement it was: {LADDER_WORDS}
minutes:
  status: {status:<17}# planned | draft | circulated | agreed | cancelled
feedback:
  sent_on:
  how:
actions: []                # the next free action id is {next_id(action_ids, 'ACT')}
decisions: []
---
Write the summary in plain words: what we talked about, what we decided, what happens next.
"""
    return NewRecord(content / "meetings" / f"{date.isoformat()}-{slugify(title)}.md", text)


def new_decision(group: Group, content: Path, title: str, date: dt.date) -> NewRecord:
    decision_id = next_id(_ids_of_files(group, group.decisions), "D")
    that_day = [meeting.id for meeting in group.meetings.values() if meeting.date == date and not meeting.is_cancelled]
    made_at = (f"{that_day[0]}   # the meeting on that day: empty it if the decision was made elsewhere"
               if len(that_day) == 1 else
               "                  # the meeting's file name without .md, if it was decided in a meeting")
    text = f"""---
title: {json.dumps(title, ensure_ascii=False)}
date: {date.isoformat()}
made_at: {made_at}
how:                       # consensus | vote | delegated | other
status: proposed           # proposed | agreed | rejected | superseded
power:                     # within-remit (ours to decide) | recommendation | referred
referred_to:               # needed when power is referred: who holds that power
referred_on:
response_due:
response:
response_on:
outcome: pending           # changed | not-possible | pending
outcome_note:
ladder:                    # what kind of involvement it was: {LADDER_WORDS}
supersedes: []
review_on:
---
Why we decided this, what else we thought about, and what happens next.
"""
    return NewRecord(content / "decisions" / f"{decision_id}-{slugify(title)}.md", text)


def new_amendment(group: Group, content: Path, title: str, date: dt.date) -> NewRecord:
    amendment_id = next_id(_ids_of_files(group, group.amendments), "AM")
    clause_ids = ", ".join(c.id for c in group.charter.clauses) if group.charter else "none yet"
    version = (group.charter.version + 1) if group.charter else 2
    text = f"""---
title: {json.dumps(title, ensure_ascii=False)}
status: proposed           # proposed | agreed | rejected | withdrawn
proposed_on: {date.isoformat()}
proposed_by: []            # person ids from people.yml
clauses: []                # choose from: {clause_ids}
agreed_at:                 # when agreed: the meeting that agreed it
charter_version: {version}         # the charter version this change will make when agreed
---
Why the change is needed, in plain words.
"""
    return NewRecord(content / "amendments" / f"{amendment_id}-{slugify(title)}.md", text)


def new_report(group: Group, content: Path, title: str, date: dt.date, kind: str) -> NewRecord:
    sections = "\n\n".join(f"## {heading}\n\nWrite this section." for heading in GRIPP2_HEADINGS)
    if kind == "farewell":
        open_actions = [a.id for m in group.meetings.values() if m.is_agreed for a in m.actions
                        if a.status == "open"]
        awaiting = group.decisions_awaiting_minutes()
        waiting = [d.id for d in group.decisions.values() if d.awaiting_response and d.id not in awaiting]
        handover = ("".join(f"\n  - action: {a}\n    to: Who takes it on" for a in open_actions)
                    + "".join(f"\n  - decision: {d}\n    to: Who will hear the reply" for d in waiting)
                    or " []")
        front = (f"kind: farewell\ntitle: {json.dumps(title, ensure_ascii=False)}\nended_on: "
                 f"{date.isoformat()}\nclosing_reason: Why the group is closing\nhandover:{handover}")
        name = "farewell"
        if_taken = "A group has one farewell report: open that file and carry on writing it."
    else:
        front = (f"kind: impact\ntitle: {json.dumps(title, ensure_ascii=False)}\nperiod_from: "
                 f"{date.year}-01-01\nperiod_to: {date.year}-12-31\nstandards: [impact]")
        name = f"impact-{date.year}"
        if_taken = (f"That is the impact report for {date.year}: open it and carry on writing it, or give "
                    "another year with --date.")
    return NewRecord(content / "reports" / f"{name}.md", f"---\n{front}\n---\n{sections}\n", if_taken)


def write_new_record(record: NewRecord) -> None:
    """Write the record, never over an existing file."""
    if record.path.exists():
        raise ScaffoldError(f"{record.path} already exists. {record.if_taken}")
    record.path.parent.mkdir(parents=True, exist_ok=True)
    record.path.write_text(record.text, encoding="utf-8")
