"""A group whose power and impact figures are known exactly, built on the small test group.

What it holds (today is 21 November 2026):

- four meetings with agreed notes, in three quarters out of eight (April to June 2025 and all
  of 2026 have none); a draft and a planned meeting that must never be counted;
- chairs: shared (a lived-experience member and staff), lived experience only, staff only,
  and shared again;
- two meetings without feedback, both long past the 14 days; an open action past its due date;
- decisions of every power: one referred with no reply and its due date passed, one referred
  and answered; one rejected, one proposed, one made at the draft meeting.
"""

from __future__ import annotations

from groups import FILES

PEOPLE = FILES["content/people.yml"] + """\
  - id: p06
    lived_experience: true
    roles: [member]
    joined_on: 2025-08-01
    left_on: 2025-10-15
  - id: p07
    lived_experience: false
    roles: [facilitator]
    show_as: name
    name: Dr Lee
    consent_recorded_on: 2025-08-01
    joined_on: 2025-08-01
"""

SECOND_MEETING_WITHOUT_FEEDBACK = FILES["content/meetings/2025-02-14-leaflets.md"].replace(
    "feedback:\n  sent_on: 2025-02-21\n  how: A printed summary at the next session\n", "").replace(
    "due: 2027-03-01", "due: 2025-03-01")

SUMMER = """\
---
title: Summer check-in
date: 2025-08-20
chairs: [p05]
facilitators: [p03]
note_takers: [p04, p02]
present: [p02, p03, p04, p05, p06]
ladder: consulting
minutes:
  status: agreed
  agreed_on: 2025-09-30
feedback:
  sent_on: 2025-08-25
  how: Email
actions:
  - id: ACT-003
    what: Print the new leaflets
    owner: p02
    due: 2025-09-01
    status: done
    done_on: 2025-09-10
  - id: ACT-004
    what: Ask about a summer trip
    owner: p05
    status: dropped
  - id: ACT-005
    what: Plan the next year
    owner: p02
    due: 2027-01-01
    status: open
decisions: [D-003]
---
We checked in over the summer.
"""

AUTUMN = """\
---
title: Autumn plans
date: 2025-11-05
chairs: [p03, p07]
facilitators: [p07]
note_takers: [p03]
present: [p01, p03, p07]
guests: 4
ladder: co-producing
minutes:
  status: agreed
  agreed_on: 2025-12-03
actions:
  - id: ACT-006
    what: Write to the council
    owner: p07
    status: done
    done_on: 2025-11-20
decisions: [D-004, D-007]
---
We made plans for the autumn.
"""

D2_OVERDUE = FILES["content/decisions/D-002-budget.md"].replace(
    "response_due: 2027-01-31", "response_due: 2025-04-01")

D3 = """\
---
title: Ask for a free bus
date: 2025-08-20
made_at: 2025-08-20-summer
status: agreed
power: recommendation
outcome: not-possible
outcome_note: The bus company would not change the route.
ladder: consulting
---
Getting here is hard.
"""

D4 = """\
---
title: Ask the council for a youth space
date: 2025-11-05
made_at: 2025-11-05-autumn
status: agreed
power: referred
referred_to: the council
referred_on: 2025-11-10
response_due: 2025-12-15
response: Yes, from April.
response_on: 2025-12-01
outcome: changed
outcome_note: The youth space opens in April.
ladder: co-producing
---
Young people need somewhere to go.
"""

D5_AT_DRAFT = """\
---
title: A decision at the draft meeting
date: 2025-03-14
made_at: 2025-03-14-draft
status: agreed
power: within-remit
outcome: changed
outcome_note: SECRET-DRAFT-OUTCOME is never shown either.
---
SECRET-DRAFT-DECISION should never be counted.
"""

D6_PROPOSED = """\
---
title: Meet in the evenings
date: 2026-02-01
status: proposed
power: within-remit
ladder: co-designing
---
Some members work in the day.
"""

D7_REJECTED = """\
---
title: Stop meeting online
date: 2025-11-05
made_at: 2025-11-05-autumn
status: rejected
power: recommendation
---
We talked about it and said no.
"""

IMPACT_FILES: dict[str, str | None] = {
    **FILES,
    "content/people.yml": PEOPLE,
    "content/meetings/2025-02-14-leaflets.md": SECOND_MEETING_WITHOUT_FEEDBACK,
    "content/meetings/2025-08-20-summer.md": SUMMER,
    "content/meetings/2025-11-05-autumn.md": AUTUMN,
    "content/decisions/D-002-budget.md": D2_OVERDUE,
    "content/decisions/D-003-free-bus.md": D3,
    "content/decisions/D-004-youth-space.md": D4,
    "content/decisions/D-005-draft.md": D5_AT_DRAFT,
    "content/decisions/D-006-evenings.md": D6_PROPOSED,
    "content/decisions/D-007-online.md": D7_REJECTED,
}
