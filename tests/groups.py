"""Small groups written into a temporary folder, for tests that build real sites."""

from __future__ import annotations

import textwrap
from pathlib import Path

TODAY = "2026-11-21"

MKDOCS_YML = """\
site_name: Test Group
site_url: https://example.org/test/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - coprod
"""

PROJECT = """\
name: Test Group
summary: Young people who help make hospital visits better.
organisation: Test Trust
status: active
started_on: 2025-01-10
contact:
  text: Email the team inbox.
  email: team@example.org
site_url: https://example.org/test/
language: en-GB
licence: CC BY 4.0
ladder_goal: co-producing
who_should_be_here:
  - Young people who speak Urdu at home
payments_policy: Members get a £20 voucher for each meeting.
"""

PEOPLE = """\
people:
  - id: p01
    lived_experience: true
    roles: [member, co-chair]
    show_as: name
    name: Amina K.
    quotes: true
    consent_recorded_on: 2025-01-10
    joined_on: 2025-01-10
  - id: p02
    lived_experience: false
    roles: [facilitator]
    show_as: initials
    initials: F. H.
    consent_recorded_on: 2025-01-10
    joined_on: 2025-01-10
  - id: p03
    lived_experience: true
    roles: [member]
    show_as: pseudonym
    pseudonym: Sky
    consent_recorded_on: 2025-01-10
  - id: p04
    lived_experience: true
    roles: [member]
    show_as: role
  - id: p05
    lived_experience: false
    roles: [co-chair]
"""

GLOSSARY = """\
PPI: Patient and public involvement. People who use services helping to shape them.
"""

CHARTER = """\
---
title: How we work together
version: 2
adopted_on: 2025-01-10
adopted_at: 2025-01-10-first-meeting
review_by: 2027-01-10
---
## Why we exist {#purpose}

We help make hospital visits better.

## What we can and cannot change {#remit}

We can change the leaflets. We cannot change the budget.

## Payments and expenses {#payments}

We pay for your time.
"""

AMENDMENT = """\
---
title: Pay for travel
status: agreed
proposed_on: 2025-01-10
proposed_by: [p01]
clauses: [payments]
agreed_at: 2025-02-14-leaflets
charter_version: 2
---
Some members could not afford the bus.
"""

FIRST_MEETING = """\
---
title: Our first meeting
date: 2025-01-10
start: "16:00"
end: "17:30"
format: in-person
venue: Library (step-free)
support: [food, travel paid]
chairs: [p01, p05]
facilitators: [p02]
note_takers: [p02]
present: [p01, p02, p03, p04, p05]
guests: 2
apologies: []
agenda: [Welcome, Our charter]
ladder: co-designing
minutes:
  status: agreed
  circulated_on: 2025-01-14
  agreed_on: 2025-02-14
  agreed_at: 2025-02-14-leaflets
feedback:
  sent_on: 2025-01-20
  how: Email
actions:
  - id: ACT-001
    what: Send the charter to everyone
    owner: p02
    due: 2025-01-20
    status: done
    done_on: 2025-01-19
decisions: [D-001]
---
We met for the first time. We agreed our charter.
"""

SECOND_MEETING = """\
---
title: Leaflets
date: 2025-02-14
format: online
chairs: [p01]
present: [p01, p02, p03]
apologies: [p04]
minutes:
  status: agreed
  agreed_on: 2025-03-14
actions:
  - id: ACT-002
    what: Ask the board about the budget
    owner: p05
    due: 2027-03-01
    status: open
decisions: [D-002]
feedback:
  sent_on: 2025-02-21
  how: A printed summary at the next session
---
We looked at the waiting room leaflets.
"""

DRAFT_MEETING = """\
---
title: A draft meeting
date: 2025-03-14
chairs: [p01]
minutes:
  status: draft
---
SECRET-DRAFT-MARKER should never be published.
"""

PLANNED_MEETING = """\
---
title: Planning the summer
date: 2027-06-10
start: "16:00"
end: "17:00"
format: hybrid
venue: Library (step-free)
support: [BSL interpreter]
agenda: [Check-in, Summer plans]
minutes:
  status: planned
---
"""

DECISION_ONE = """\
---
title: Use our own words in leaflets
date: 2025-01-10
made_at: 2025-01-10-first-meeting
how: consensus
status: agreed
power: within-remit
outcome: changed
outcome_note: The leaflets now use our words.
---
We want leaflets young people understand.
"""

DECISION_TWO = """\
---
title: Ask for a bigger budget
date: 2025-02-14
made_at: 2025-02-14-leaflets
how: vote
status: agreed
power: referred
referred_to: the hospital board
referred_on: 2025-02-20
response_due: 2027-01-31
outcome: pending
---
We need money to print the leaflets.
"""

REPORT = """\
---
kind: impact
title: What difference did we make in 2025?
period_from: 2025-01-01
period_to: 2025-12-31
standards: [impact]
---
## Aim
To make visits better.
## Methods
We met every month.
## Results
Leaflets changed. The budget did not.
## Discussion and conclusions
It worked.
## Reflections
We should have asked the board sooner.
"""

FILES = {
    "mkdocs.yml": MKDOCS_YML,
    "content/project.yml": PROJECT,
    "content/people.yml": PEOPLE,
    "content/glossary.yml": GLOSSARY,
    "content/charter.md": CHARTER,
    "content/amendments/AM-01-travel.md": AMENDMENT,
    "content/meetings/2025-01-10-first-meeting.md": FIRST_MEETING,
    "content/meetings/2025-02-14-leaflets.md": SECOND_MEETING,
    "content/meetings/2025-03-14-draft.md": DRAFT_MEETING,
    "content/meetings/2027-06-10-summer.md": PLANNED_MEETING,
    "content/decisions/D-001-own-words.md": DECISION_ONE,
    "content/decisions/D-002-budget.md": DECISION_TWO,
    "content/reports/impact-2025.md": REPORT,
}


def write_files(root: Path, files: dict[str, str | None]) -> Path:
    """Write (or, for None, delete) files under `root`; return `root`."""
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root
