"""A Welsh group in which every text field the group writes holds a word of its own: 'Cymraeg'
and a number ('Cymraeg07'), one number per field, so a page read back says which field each of
its words came from, and in which language a screen reader reads it.

It is the small test group (groups.py) with every field filled: a closed group (its farewell
report, its closing reason and handover), a meeting of every status that is published (agreed,
planned, cancelled), decisions of every power, an amendment agreed and one rejected, people
shown by name, initials, pseudonym and role, a glossary term used on a page, a picture.
"""

from __future__ import annotations

import re

from groups import FILES

MARKER = re.compile(r"Cymraeg\d\d")
"""A word of the group's own; the number says which field it came from (FIELDS)."""

FIELDS = {
    "01": "project name", "02": "project summary", "03": "project organisation",
    "04": "project contact text", "05": "project who_should_be_here", "06": "project payments_policy",
    "07": "project data_protection lawful_basis", "08": "project accessibility known_issues",
    "09": "mkdocs.yml site_name", "10": "project data_protection dpia_reference",
    "11": "project records_home",
    "20": "person name", "21": "person initials", "22": "person pseudonym", "23": "person role (shown)",
    "24": "person role (named)", "25": "person second role",
    "30": "glossary term", "31": "glossary meaning",
    "35": "charter title", "36": "charter heading", "37": "charter body", "38": "charter second heading",
    "40": "amendment title", "41": "amendment body", "42": "rejected amendment title",
    "43": "rejected amendment reason", "44": "rejected amendment body",
    "50": "meeting title", "51": "meeting venue", "52": "meeting support", "53": "meeting agenda",
    "54": "meeting content_notes", "55": "meeting feedback how", "56": "action what", "57": "meeting body",
    "58": "picture alt text", "59": "second meeting title", "60": "second meeting body",
    "61": "open action what", "62": "planned meeting title", "63": "planned meeting venue",
    "64": "planned meeting support", "65": "planned meeting agenda", "66": "cancelled meeting title",
    "67": "cancelled meeting cancelled_note", "68": "cancelled meeting venue", "69": "dropped action what",
    "70": "decision title", "71": "decision outcome_note", "72": "decision body",
    "73": "referred decision title", "74": "referred decision referred_to", "75": "referred decision response",
    "76": "referred decision outcome_note", "77": "referred decision body",
    "78": "waiting decision title", "79": "waiting decision referred_to", "80": "waiting decision body",
    "85": "impact report title", "86": "impact report section", "87": "farewell report title",
    "88": "farewell closing_reason", "89": "handover to (action)", "90": "handover to (decision)",
    "91": "farewell report section", "92": "own page title", "93": "own page body",
    "94": "impact report heading",
}

PROJECT = """\
name: Cymraeg01 Grŵp
summary: Cymraeg02 pobl ifanc sy'n helpu.
organisation: Cymraeg03 Ymddiriedolaeth
status: active
started_on: 2025-01-10
contact:
  text: Cymraeg04 e-bostiwch y tîm.
  email: team@example.org
site_url: https://example.org/test/
language: cy
licence: CC BY 4.0
ladder_goal: co-producing
who_should_be_here:
  - Cymraeg05 pobl ifanc sy'n siarad Wrdw
payments_policy: Cymraeg06 taleb £20 am bob cyfarfod.
data_protection:
  lawful_basis: Cymraeg07 caniatâd
  dpia_reference: Cymraeg10-2025
accessibility:
  contact: team@example.org
  tested_on: 2026-10-01
  known_issues:
    - Cymraeg08 nid yw'r siartiau'n glir
records_home: Cymraeg11 archif y bwrdd iechyd
"""

PEOPLE = """\
people:
  - id: p01
    lived_experience: true
    roles: [Cymraeg24, co-chair]
    show_as: name
    name: Cymraeg20 K.
    quotes: true
    consent_recorded_on: 2025-01-10
    joined_on: 2025-01-10
  - id: p02
    lived_experience: false
    roles: [facilitator, Cymraeg25]
    show_as: initials
    initials: Cymraeg21 H.
    consent_recorded_on: 2025-01-10
    joined_on: 2025-01-10
  - id: p03
    lived_experience: true
    roles: [member]
    show_as: pseudonym
    pseudonym: Cymraeg22
    consent_recorded_on: 2025-01-10
  - id: p04
    lived_experience: true
    roles: [member]
    show_as: role
  - id: p05
    lived_experience: false
    roles: [Cymraeg23]
"""

GLOSSARY = """\
Cymraeg30: Cymraeg31 cynnwys cleifion a'r cyhoedd.
"""

CHARTER = """\
---
title: Cymraeg35 Sut rydym yn gweithio
version: 2
adopted_on: 2025-01-10
adopted_at: 2025-01-10-first-meeting
review_by: 2027-01-10
---
## Cymraeg36 Pam rydym yn bodoli {#purpose}

Cymraeg37 rydym yn helpu.

## Cymraeg38 Taliadau {#payments}

Rydym yn talu.
"""

AMENDMENT = """\
---
title: Cymraeg40 Talu am deithio
status: agreed
proposed_on: 2025-01-10
proposed_by: [p01]
clauses: [payments]
agreed_at: 2025-02-14-leaflets
charter_version: 2
---
Cymraeg41 ni allai rhai aelodau fforddio'r bws.
"""

REJECTED_AMENDMENT = """\
---
title: Cymraeg42 Cwrdd bob wythnos
status: rejected
proposed_on: 2025-02-14
proposed_by: [p03]
clauses: [purpose]
reason: Cymraeg43 roedd yn ormod.
---
Cymraeg44 roedd rhai eisiau mwy.
"""

FIRST_MEETING = """\
---
title: Cymraeg50 Ein cyfarfod cyntaf
date: 2025-01-10
start: "16:00"
end: "17:30"
format: in-person
venue: Cymraeg51 Llyfrgell
support: [Cymraeg52 bwyd]
chairs: [p01, p05]
facilitators: [p02]
note_takers: [p02]
present: [p01, p02, p03, p04, p05]
guests: 2
apologies: []
agenda: [Cymraeg53 Croeso]
content_notes: [Cymraeg54 arosiadau yn yr ysbyty]
ladder: co-designing
minutes:
  status: agreed
  circulated_on: 2025-01-14
  agreed_on: 2025-02-14
  agreed_at: 2025-02-14-leaflets
feedback:
  sent_on: 2025-01-20
  how: Cymraeg55 E-bost
actions:
  - id: ACT-001
    what: Cymraeg56 Anfon y siarter
    owner: p02
    due: 2025-01-20
    status: done
    done_on: 2025-01-19
decisions: [D-001]
---
Cymraeg57 cwrdd am y tro cyntaf, a siarad am Cymraeg30.

![Cymraeg58 llun o'r llyfrgell](../assets/library.png)
"""

SECOND_MEETING = """\
---
title: Cymraeg59 Taflenni
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
    what: Cymraeg61 Gofyn i'r bwrdd
    owner: p05
    due: 2025-03-01
    status: open
  - id: ACT-003
    what: Cymraeg69 Taith haf
    owner: p05
    status: dropped
decisions: [D-002, D-003]
feedback:
  sent_on: 2025-02-21
  how: Cymraeg55 E-bost
---
Cymraeg60 edrych ar y taflenni.
"""

PLANNED_MEETING = """\
---
title: Cymraeg62 Cynllunio'r haf
date: 2026-12-10
start: "16:00"
end: "17:00"
format: hybrid
venue: Cymraeg63 Llyfrgell
support: [Cymraeg64 dehonglydd BSL]
agenda: [Cymraeg65 Cynlluniau'r haf]
minutes:
  status: planned
---
"""

CANCELLED_MEETING = """\
---
title: Cymraeg66 Cyfarfod y gwanwyn
date: 2025-04-10
start: "16:00"
format: in-person
venue: Cymraeg68 Neuadd
minutes:
  status: cancelled
cancelled_note: Cymraeg67 roedd y neuadd ar gau.
---
"""

DECISION_ONE = """\
---
title: Cymraeg70 Ein geiriau ein hunain
date: 2025-01-10
made_at: 2025-01-10-first-meeting
how: consensus
status: agreed
power: within-remit
outcome: changed
outcome_note: Cymraeg71 mae'r taflenni'n defnyddio ein geiriau.
ladder: co-producing
---
Cymraeg72 rydym eisiau taflenni clir.
"""

DECISION_TWO = """\
---
title: Cymraeg73 Gofyn am fwy o arian
date: 2025-02-14
made_at: 2025-02-14-leaflets
how: vote
status: agreed
power: referred
referred_to: Cymraeg74 bwrdd yr ysbyty
referred_on: 2025-02-20
response_due: 2025-04-30
response: Cymraeg75 Ie, o fis Ebrill.
response_on: 2025-04-01
outcome: changed
outcome_note: Cymraeg76 mae'r arian yn dod.
---
Cymraeg77 mae angen arian arnom.
"""

DECISION_THREE = """\
---
title: Cymraeg78 Gofyn am ystafell
date: 2025-02-14
made_at: 2025-02-14-leaflets
how: consensus
status: agreed
power: referred
referred_to: Cymraeg79 y cyngor
referred_on: 2025-02-20
response_due: 2027-01-31
outcome: pending
---
Cymraeg80 mae angen lle arnom.
"""

REPORT = """\
---
kind: impact
title: Cymraeg85 Pa wahaniaeth wnaethom ni yn 2025?
period_from: 2025-01-01
period_to: 2025-12-31
standards: [impact]
---
## Aim
Cymraeg86 gwneud ymweliadau'n well.
## Methods
Cymraeg86 cwrdd bob mis.
## Results
Cymraeg86 newidiodd y taflenni. Ni newidiodd y gyllideb.
## Discussion and conclusions
Cymraeg86 fe weithiodd.
## Reflections
Cymraeg86 dylem fod wedi gofyn yn gynt.
### Cymraeg94 Diolch
Cymraeg86 diolch.
"""

FAREWELL = """\
---
kind: farewell
title: Cymraeg87 Ffarwel
ended_on: 2026-10-31
closing_reason: Cymraeg88 daeth yr arian i ben.
handover:
  - action: ACT-002
    to: Cymraeg89 y tîm cleifion
  - decision: D-003
    to: Cymraeg90 y fforwm ieuenctid
---
## Aim
Cymraeg91 gwneud ymweliadau'n well.
## Methods
Cymraeg91 cwrdd bob mis.
## Results
Cymraeg91 newidiodd y taflenni. Ni newidiodd y gyllideb.
## Discussion and conclusions
Cymraeg91 fe weithiodd.
## Reflections
Cymraeg91 dylem fod wedi gofyn yn gynt.
"""

OWN_PAGE = """\
# Cymraeg92 Amdanom ni

Cymraeg93 rydym yn cwrdd bob mis.
"""

WELSH_FILES: dict[str, str | None] = {
    **FILES,
    "mkdocs.yml": FILES["mkdocs.yml"].replace("site_name: Test Group", "site_name: Cymraeg09 Grŵp")
                                     .replace("  font: false\n", "  font: false\n  features: [navigation.footer]\n"),
    "content/project.yml": PROJECT,
    "content/people.yml": PEOPLE,
    "content/glossary.yml": GLOSSARY,
    "content/charter.md": CHARTER,
    "content/amendments/AM-01-travel.md": AMENDMENT,
    "content/amendments/AM-02-weekly.md": REJECTED_AMENDMENT,
    "content/meetings/2025-01-10-first-meeting.md": FIRST_MEETING,
    "content/meetings/2025-02-14-leaflets.md": SECOND_MEETING,
    "content/meetings/2027-06-10-summer.md": None,
    "content/meetings/2026-12-10-summer.md": PLANNED_MEETING,
    "content/meetings/2025-04-10-spring.md": CANCELLED_MEETING,
    "content/decisions/D-001-own-words.md": DECISION_ONE,
    "content/decisions/D-002-budget.md": DECISION_TWO,
    "content/decisions/D-003-room.md": DECISION_THREE,
    "content/reports/impact-2025.md": REPORT,
    "content/reports/farewell.md": FAREWELL,
    "content/about.md": OWN_PAGE,
}
