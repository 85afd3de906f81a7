"""A realistic synthetic co-production group of any size, for benchmarks and scale tests.

`generate_group(root, meetings=N)` writes a complete group that follows the
content model (the Writing records page): N meetings of about 300 words
with actions, N decisions (one made at each meeting), an amendment every
hundred meetings, 30 people shown in every way consent allows, a glossary, an
impact report and one upcoming meeting. The same N and seed always give the
same files, so two runs compare like with like.

    python benchmarks/generate.py /tmp/group-1000 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

TODAY = dt.date(2026, 11, 21)
"""The day builds of a generated group should use (COPROD_TODAY)."""

DAYS_BETWEEN_MEETINGS = 3
PEOPLE = 30
WORDS_PER_MEETING = 300
OPEN_ACTIONS = 12
"""Actions from the most recent meetings that are still open; older ones are done or dropped."""

CLAUSES = {
    "purpose": "Why we exist",
    "remit": "What we can and cannot change",
    "membership": "Who is in the group",
    "deciding": "How we decide",
    "payments": "Payments and expenses",
    "wellbeing": "Looking after each other",
    "changing": "Changing this charter",
}

WORDS = (  # noqa: SIM905 - a sentence is easier to read and edit than a list of words
    "we talked about the clinic waiting room and how it feels to sit there for a long time "
    "some members said the chairs were hard and the lights were too bright others said the "
    "staff were kind but very busy we looked at the new leaflet and changed some words so they "
    "are easier to read the group asked the team to share the plan before the next meeting "
    "everyone had a chance to speak we used cards to show if we agreed we will check the "
    "letters again next month the nurses want to hear what young people think about phone "
    "calls and video calls we made a list of ideas and picked the three we liked best "
    "the researchers thanked the group and said they would come back with changes"
).split()

TITLES = ("Waiting room ideas", "Clinic letters", "Video calls", "The new leaflet", "Planning the survey",
          "Training for staff", "Our charter", "Feedback from the hospital", "Summer event",
          "Choosing the next project", "Reading the research plan", "Check-in and catch-up")

GLOSSARY = {
    "PPI": "Patient and public involvement. People who use services helping to shape them.",
    "co-production": "Working together as equals, sharing power, from start to finish.",
    "outpatients": "Hospital appointments where you go home the same day.",
    "clinic": "A time and place where doctors and nurses see patients.",
    "consent": "Saying yes to something after being told what it means.",
    "survey": "A list of questions many people answer.",
    "charter": "The rules the group agreed for how it works.",
    "minutes": "The notes of what happened in a meeting.",
}


def generate_group(root: Path, meetings: int, seed: int = 1) -> Path:
    """Write a group with `meetings` meetings (and as many decisions) under `root`; return `root`."""
    rng = random.Random(seed)
    dates = [TODAY - dt.timedelta(days=30 + DAYS_BETWEEN_MEETINGS * (meetings - i)) for i in range(meetings)]
    ids = [f"{date.isoformat()}-{_slug(TITLES[i % len(TITLES)])}" for i, date in enumerate(dates)]
    amendments = max(1, meetings // 100)
    files: dict[str, str] = {
        "mkdocs.yml": _mkdocs_yml(meetings),
        "content/project.yml": _project(dates[0]),
        "content/people.yml": _people(dates[0]),
        "content/glossary.yml": "".join(f"{term}: {meaning}\n" for term, meaning in GLOSSARY.items()),
        "content/charter.md": _charter(dates[0], ids[0], version=1 + amendments),
        "content/reports/impact-2025.md": _report(),
        f"content/meetings/{(TODAY + dt.timedelta(days=20)).isoformat()}-next-steps.md": _planned_meeting(),
    }
    action_number = 0
    for index, (meeting_id, date) in enumerate(zip(ids, dates)):
        agreed_at = ids[index + 1] if index + 1 < meetings else None
        recent = index >= meetings - OPEN_ACTIONS // 2
        meeting_text, action_number = _meeting(rng, index, date, agreed_at, action_number, recent)
        files[f"content/meetings/{meeting_id}.md"] = meeting_text
        files[f"content/decisions/{_decision_id(index)}-{_slug(TITLES[index % len(TITLES)])}.md"] = \
            _decision(rng, index, date, meeting_id)
    for number in range(1, amendments + 1):
        at = min(number * 100, meetings) - 1
        files[f"content/amendments/AM-{number:02d}-change.md"] = _amendment(number, dates[at], ids[at], rng)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _slug(title: str) -> str:
    return "-".join(title.lower().replace("-", " ").split())


def _decision_id(index: int) -> str:
    return f"D-{index + 1:03d}"


def _person(index: int) -> str:
    return f"p{index + 1:02d}"


def _sentences(rng: random.Random, words: int) -> str:
    """Plain-language paragraphs: short sentences, a few to a paragraph."""
    paragraphs, sentences, written = [], [], 0
    while written < words:
        length = rng.randint(8, 16)
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        written += length
        if len(sentences) == 4:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def _mkdocs_yml(meetings: int) -> str:
    return (f"site_name: Synthetic Group ({meetings} meetings)\n"
            "site_url: https://example.org/synthetic/\n"
            "docs_dir: content\n"
            "theme:\n  name: material\n  font: false\n"
            "plugins:\n  - search\n  - coprod\n")


def _project(started: dt.date) -> str:
    return f"""\
name: Synthetic Outpatients Group
summary: Young people and carers who help make outpatient clinics better.
organisation: Example Children's Hospital
status: active
started_on: {started.isoformat()}
contact:
  text: Email the team inbox, or ask at the clinic desk.
  email: team@example.org
site_url: https://example.org/synthetic/
language: en-GB
licence: CC BY 4.0
ladder_goal: co-producing
who_should_be_here:
  - Young people who have never been to hospital
payments_policy: Members are offered a £20 voucher for each meeting, and travel costs.
"""


def _people(started: dt.date) -> str:
    lines = ["people:"]
    ways = ("name", "initials", "pseudonym", "role")
    for index in range(PEOPLE):
        show_as = ways[index % len(ways)]
        roles = "[member, co-chair]" if index == 0 else "[facilitator]" if index == 1 else "[member]"
        lines += [f"  - id: {_person(index)}", f"    lived_experience: {'false' if index == 1 else 'true'}",
                  f"    roles: {roles}", f"    show_as: {show_as}"]
        if show_as == "name":
            lines.append(f"    name: Member {index + 1} K.")
        elif show_as == "initials":
            lines.append(f"    initials: {chr(65 + index % 26)}. {chr(66 + index % 25)}.")
        elif show_as == "pseudonym":
            lines.append(f"    pseudonym: Star {index + 1}")
        if show_as != "role":
            lines.append(f"    consent_recorded_on: {started.isoformat()}")
        lines.append(f"    joined_on: {started.isoformat()}")
    return "\n".join(lines) + "\n"


def _charter(adopted: dt.date, adopted_at: str, version: int) -> str:
    sections = "\n".join(f"## {heading} {{#{clause}}}\n\nWe agreed how we handle this together.\n"
                         for clause, heading in CLAUSES.items())
    return (f"---\ntitle: How we work together\nversion: {version}\nadopted_on: {adopted.isoformat()}\n"
            f"adopted_at: {adopted_at}\nreview_by: {(TODAY + dt.timedelta(days=365)).isoformat()}\n---\n"
            f"{sections}")


def _meeting(rng: random.Random, index: int, date: dt.date, agreed_at: str | None,
             action_number: int, recent: bool) -> tuple[str, int]:
    present = sorted(rng.sample(range(PEOPLE), 8))
    absent = [p for p in range(PEOPLE) if p not in present][:2]
    lines = [
        "---", f"title: {TITLES[index % len(TITLES)]}", f"date: {date.isoformat()}",
        'start: "16:00"', 'end: "17:30"', f"format: {('in-person', 'online', 'hybrid')[index % 3]}",
        "venue: Clinic meeting room (step-free, hearing loop)", "support: [food, travel paid]",
        f"chairs: [{_person(present[0])}]", "facilitators: [p02]" if 1 in present else "facilitators: []",
        f"note_takers: [{_person(present[-1])}]",
        f"present: [{', '.join(_person(p) for p in present)}]", f"guests: {index % 3}",
        f"apologies: [{', '.join(_person(p) for p in absent)}]",
        "agenda: [Check-in, The main topic, What happens next]", "ladder: co-designing",
        "minutes:", "  status: agreed", f"  circulated_on: {(date + dt.timedelta(days=1)).isoformat()}",
        f"  agreed_on: {(date + dt.timedelta(days=DAYS_BETWEEN_MEETINGS)).isoformat()}",
    ]
    if agreed_at:
        lines.append(f"  agreed_at: {agreed_at}")
    lines += ["feedback:", f"  sent_on: {(date + dt.timedelta(days=2)).isoformat()}",
              "  how: Email and a printed summary at the next meeting", "actions:"]
    for _ in range(2 if index % 2 else 3):
        action_number += 1
        status = "open" if recent else "dropped" if action_number % 17 == 0 else "done"
        due = TODAY + dt.timedelta(days=14) if recent else date + dt.timedelta(days=14)  # open ones are not late
        lines += [f"  - id: ACT-{action_number:03d}", "    what: Share the changed plan with everyone",
                  f"    owner: {_person(present[1])}", f"    due: {due.isoformat()}", f"    status: {status}"]
        if status == "done":
            lines.append(f"    done_on: {(due - dt.timedelta(days=1)).isoformat()}")
    lines += [f"decisions: [{_decision_id(index)}]", "---", _sentences(rng, WORDS_PER_MEETING)]
    return "\n".join(lines), action_number


def _decision(rng: random.Random, index: int, date: dt.date, meeting_id: str) -> str:
    referred = index % 10 == 0
    lines = ["---", f"title: Change {TITLES[index % len(TITLES)].lower()}", f"date: {date.isoformat()}",
             f"made_at: {meeting_id}", "how: consensus", "status: agreed"]
    if referred:
        lines += ["power: referred", "referred_to: the hospital board",
                  f"referred_on: {(date + dt.timedelta(days=5)).isoformat()}",
                  f"response_due: {(date + dt.timedelta(days=40)).isoformat()}",
                  "response: The board agreed to pay for it.",
                  f"response_on: {(date + dt.timedelta(days=30)).isoformat()}", "outcome: changed"]
    else:
        lines += ["power: within-remit", "outcome: changed", "outcome_note: The team made the change."]
    lines += ["ladder: co-producing", "---", _sentences(rng, 80)]
    return "\n".join(lines)


def _amendment(number: int, date: dt.date, meeting_id: str, rng: random.Random) -> str:
    clause = list(CLAUSES)[number % len(CLAUSES)]
    return (f"---\ntitle: Change how we handle {CLAUSES[clause].lower()}\nstatus: agreed\n"
            f"proposed_on: {date.isoformat()}\nproposed_by: [p01]\nclauses: [{clause}]\n"
            f"agreed_at: {meeting_id}\ncharter_version: {number + 1}\n---\n{_sentences(rng, 60)}")


def _planned_meeting() -> str:
    return ("---\ntitle: Next steps\ndate: " + (TODAY + dt.timedelta(days=20)).isoformat() + "\n"
            'start: "16:00"\nend: "17:30"\nformat: hybrid\nvenue: Clinic meeting room (step-free)\n'
            "support: [food, travel paid]\nagenda: [Check-in, Next steps]\nminutes:\n  status: planned\n---\n")


def _report() -> str:
    return """\
---
kind: impact
title: What difference did we make in 2025?
period_from: 2025-01-01
period_to: 2025-12-31
standards: [impact, communications]
---
## Aim
To make outpatient clinics better for young people.
## Methods
We met every few days and wrote down what we decided.
## Results
Many letters changed. The waiting room did not change yet.
## Discussion and conclusions
The clinic listened to most of our ideas.
## Reflections
We should have asked the board sooner.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic co-production group.")
    parser.add_argument("root", type=Path, help="the new group's folder")
    parser.add_argument("meetings", type=int, help="how many meetings (and decisions)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate_group(args.root, args.meetings, args.seed)
    print(f"Wrote a group of {args.meetings} meetings in {args.root}.")


if __name__ == "__main__":
    main()
