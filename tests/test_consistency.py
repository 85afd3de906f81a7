"""Rules across records: each rule of the content model has a test that fails without it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from groups import FILES, write_files

from coprod_site.checks import check_folder, consistency, run_checks
from coprod_site.loading import load_group
from coprod_site.published import Published
from coprod_site.settings import Settings

SETTINGS = Settings(today=dt.date(2026, 11, 21))

FIRST = "content/meetings/2025-01-10-first-meeting.md"
SECOND = "content/meetings/2025-02-14-leaflets.md"
D1 = "content/decisions/D-001-own-words.md"
D2 = "content/decisions/D-002-budget.md"
AM1 = "content/amendments/AM-01-travel.md"
AMENDMENT_FILE = FILES[AM1]
WAITING_D2 = ("warning: content/decisions/D-002-budget.md, line 8: D-002 is still waiting for a reply from the "
              "hospital board, and the group has closed. Say in the farewell report who will hear the reply, so "
              "that people following the group know where it goes: handover: [{decision: D-002, to: \"who will "
              "hear the reply\"}].")


def consistency_messages(root: Path) -> list[str]:
    group, problems = load_group(root)
    assert problems == [], problems
    return [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS)]


def changed(tmp_path: Path, name: str, old: str, new: str, extra: dict[str, str] | None = None) -> Path:
    assert old in FILES[name], f"the fixture no longer has {old!r}"
    return write_files(tmp_path, {**FILES, name: FILES[name].replace(old, new), **(extra or {})})


def test_the_fixture_group_is_consistent(group_dir: Path) -> None:
    assert consistency_messages(group_dir) == []


def test_a_cancelled_meeting_listing_a_decision_is_not_also_asked_to_be_named_as_where_it_was_made(
        tmp_path: Path) -> None:
    """Its minutes are never agreed: what happens to the decision is said by check_cancelled_meetings."""
    root = changed(tmp_path, SECOND, "decisions: [D-002]", "decisions: [D-002, D-003]",
                   {"content/decisions/D-003-trip.md": FILES[D1].replace("made_at: 2025-01-10-first-meeting\n", "")})
    assert "which does not say where it was made" in " ".join(consistency_messages(root))
    cancelled = FILES[SECOND].replace("status: agreed", "status: cancelled")
    (root / SECOND).write_text(cancelled.replace("decisions: [D-002]", "decisions: [D-002, D-003]"), encoding="utf-8")
    assert [m for m in consistency_messages(root) if "D-003" in m] == []


def test_decisions_replacing_each_other_in_a_loop_are_each_told(tmp_path: Path) -> None:
    files = {**FILES, D1: FILES[D1].replace("outcome: changed", "outcome: changed\nsupersedes: [D-002]"),
             D2: FILES[D2].replace("outcome: pending", "outcome: pending\nsupersedes: [D-001]"),
             # a later decision replacing one of them is not in the loop itself
             "content/decisions/D-003-later.md": FILES[D1].replace("outcome: changed", "outcome: changed\nsupersedes: [D-001]")}
    looping = [m for m in consistency_messages(write_files(tmp_path, files)) if "loop" in m]
    assert looping == [
        f"{path}, line {line}: 'supersedes' goes round in a loop back to {decision}: a decision can only replace "
        "earlier ones. Check the 'supersedes' of the decisions it names." for path, line, decision in [(D1, 9, "D-001"), (D2, 12, "D-002")]]


@pytest.mark.parametrize("date", ["2027-06-10", "2026-11-01"])
def test_a_cancelled_meeting_is_fine_before_and_after_its_day(tmp_path: Path, date: str) -> None:
    """Nothing is owed for a meeting that did not happen, and it may be cancelled ahead."""
    planned = "content/meetings/2027-06-10-summer.md"
    cancelled = FILES[planned].replace("status: planned", "status: cancelled").replace("date: 2027-06-10", f"date: {date}")
    files = {**{k: v for k, v in FILES.items() if k != planned}, f"content/meetings/{date}-summer.md": cancelled}
    assert consistency_messages(write_files(tmp_path, files)) == []


CASES = [
    pytest.param(FIRST, "chairs: [p01, p05]", "chairs: [p01, p99]",
                 "content/meetings/2025-01-10-first-meeting.md, line 9: 'p99' is not anyone in people.yml. Check the id, or add the person to people.yml.",
                 id="unknown person"),
    pytest.param(FIRST, "    owner: p02", "    owner: p42",
                 "content/meetings/2025-01-10-first-meeting.md, line 28: 'p42' is not anyone in people.yml. Check the id, or add the person to people.yml.",
                 id="unknown action owner"),
    pytest.param(AM1, "proposed_by: [p01]", "proposed_by: [p77]",
                 "content/amendments/AM-01-travel.md, line 5: 'p77' is not anyone in people.yml. Check the id, or add the person to people.yml.",
                 id="unknown proposer"),
    pytest.param(FIRST, "date: 2025-01-10", "date: 2025-01-11",
                 ["warning: content/decisions/D-001-own-words.md, line 3: 'date' is 2025-01-10 but the meeting it was made at is on 2025-01-11. Make them the same.",
                  "content/meetings/2025-01-10-first-meeting.md, line 3: the file name says 2025-01-10 but 'date' says 2025-01-11. Make them the same."],
                 id="file name date differs"),
    pytest.param(FIRST, "  agreed_at: 2025-02-14-leaflets", "  agreed_at: 2025-02-15-nothing",
                 "content/meetings/2025-01-10-first-meeting.md, line 21: 'agreed_at' names 2025-02-15-nothing, which is not a meeting. Use a meeting's file name without .md.",
                 id="agreed_at unknown meeting"),
    pytest.param(SECOND, "  agreed_on: 2025-03-14", "  agreed_on: 2025-03-14\n  agreed_at: 2025-01-10-first-meeting",
                 ["warning: content/meetings/2025-02-14-leaflets.md, line 10: 'agreed_on' is 2025-03-14 but 'agreed_at' names the meeting on 2025-01-10. Minutes are agreed at a meeting: make them the same day.",
                  "content/meetings/2025-02-14-leaflets.md, line 11: 'agreed_at' names 2025-01-10-first-meeting, which is earlier than 2025-02-14. It must be a meeting on or after that date."],
                 id="agreed_at earlier meeting"),
    pytest.param(AM1, "proposed_on: 2025-01-10", "proposed_on: 2025-03-01",
                 "content/amendments/AM-01-travel.md, line 7: 'agreed_at' names 2025-02-14-leaflets, which is earlier than 2025-03-01. It must be a meeting on or after that date.",
                 id="amendment agreed before proposed"),
    pytest.param("content/people.yml", "Amina K.\n    quotes: true\n    consent_recorded_on: 2025-01-10",
                 "Amina K.\n    quotes: true\n    consent_recorded_on: 2027-01-10",
                 "content/people.yml, line 8: 'consent_recorded_on' is 2027-01-10, a day that has not come yet, but the site shows this person as people.yml says from now. Put the day they agreed, or set show_as to role until they do.",
                 id="consent recorded on a day to come"),
    pytest.param(D1, "made_at: 2025-01-10-first-meeting", "made_at: 2025-01-11-first",
                 "content/decisions/D-001-own-words.md, line 4: 'made_at' names 2025-01-11-first, which is not a meeting. Use a meeting's file name without .md.",
                 id="made_at unknown meeting"),
    pytest.param(D1, "made_at: 2025-01-10-first-meeting", "made_at: 2025-01-10-first",
                 "content/decisions/D-001-own-words.md, line 4: 'made_at' names 2025-01-10-first, which is not a meeting. Did you mean 2025-01-10-first-meeting?",
                 id="made_at the start of the meeting's name"),
    pytest.param(FIRST, "decisions: [D-001]", "decisions: [D-001, D-009]",
                 "content/meetings/2025-01-10-first-meeting.md, line 32: 'D-009' is not a decision. Check the id, or add a file decisions/D-009-….md.",
                 id="unknown decision"),
    pytest.param(FIRST, "decisions: [D-001]", "decisions: [D-001, d-2]",
                 "content/meetings/2025-01-10-first-meeting.md, line 32: 'd-2' is not a decision. Did you mean D-002?",
                 id="decision id written another way"),
    pytest.param(D1, "made_at: 2025-01-10-first-meeting", "made_at: 2025-01-10-first-meting",
                 "content/decisions/D-001-own-words.md, line 4: 'made_at' names 2025-01-10-first-meting, which is not a meeting. Did you mean 2025-01-10-first-meeting?",
                 id="made_at meeting misspelt"),
    pytest.param(D1, "made_at: 2025-01-10-first-meeting", "made_at: 2025-01-10",
                 "content/decisions/D-001-own-words.md, line 4: 'made_at' names 2025-01-10, which is not a meeting. Did you mean 2025-01-10-first-meeting?",
                 id="made_at written as the meeting's day"),
    pytest.param("content/reports/impact-2025.md", "standards: [impact]\n",
                 "standards: [impact]\nhandover:\n  - action: ACT1\n    to: the patient panel\n",
                 "content/reports/impact-2025.md, line 8: 'ACT1' is not an action in any meeting. Did you mean ACT-001?",
                 id="handover of an action written another way"),
    pytest.param(D2, "outcome: pending", "outcome: pending\nsupersedes: [D-005]",
                 "content/decisions/D-002-budget.md, line 12: 'supersedes' names D-005, which is not a decision. Use the start of the decision's file name, like D-003.",
                 id="supersedes unknown decision"),
    pytest.param("content/reports/impact-2025.md", "period_to: 2025-12-31", "period_to: 2024-12-31",
                 "content/reports/impact-2025.md, line 5: 'period_to' is before 'period_from'. Check both dates.",
                 id="report period backwards"),
    pytest.param("content/reports/impact-2025.md", "standards: [impact]\n",
                 "standards: [impact]\nhandover:\n  - action: ACT-009\n    to: the patient panel\n",
                 "content/reports/impact-2025.md, line 8: 'ACT-009' is not an action in any meeting. Check the id "
                 "against the meeting's 'actions:', like ACT-021.",
                 id="handover of an unknown action"),
    pytest.param(SECOND, "  - id: ACT-002", "  - id: ACT-001",
                 "content/meetings/2025-02-14-leaflets.md, line 12: the action id ACT-001 is already used in content/meetings/2025-01-10-first-meeting.md. Give this action a new id, after the highest used so far (ACT-001).",
                 id="duplicate action id"),
    pytest.param(FIRST, "    done_on: 2025-01-19\n", "    done_on: 2025-01-19\n  - id: ACT-001\n    what: Book a room\n    status: open\n",
                 "content/meetings/2025-01-10-first-meeting.md, line 32: the action id ACT-001 is already used in item 1 of this meeting's actions. Give this action a new id, after the highest used so far (ACT-002).",
                 id="duplicate action id in one meeting"),
    pytest.param("content/charter.md", "version: 2", "version: 3",
                 "content/charter.md, line 3: 'version' is 3 but the agreed amendments reach version 2 (AM-01): only an agreed amendment makes a new version. Make 'version' 2; or, if a meeting agreed a change after AM-01, keep it and add that change's amendment, with 'charter_version: 3'.",
                 id="charter version"),
    pytest.param("content/charter.md", "version: 2", "version: 1",
                 "content/charter.md, line 3: 'version' is 1 but the agreed amendments reach version 2 (AM-01). Make 'version' 2.",
                 id="charter version behind"),
    pytest.param(AM1, "charter_version: 2", "charter_version: 4",
                 "content/charter.md, line 3: 'version' is 2 but the agreed amendments reach version 4 (AM-01), and none makes version 3. Check AM-01's 'charter_version' first, then make 'version' the newest version the agreed amendments make.",
                 id="charter version behind a gap"),
    pytest.param(D2, "referred_to: the hospital board\n", "",
                 "content/decisions/D-002-budget.md, line 7: 'referred_to' is needed when power is referred: who holds that power, like 'the hospital board'.",
                 id="referred needs referred_to"),
    pytest.param(AM1, "agreed_at: 2025-02-14-leaflets\n", "",
                 "content/amendments/AM-01-travel.md, line 3: 'agreed_at' is needed when the status is agreed: the meeting that agreed it.",
                 id="agreed amendment needs agreed_at"),
    pytest.param(AM1, "charter_version: 2\n", "",
                 "content/amendments/AM-01-travel.md, line 3: 'charter_version' is needed when the status is agreed: the charter version this change made.",
                 id="agreed amendment needs charter_version"),
    pytest.param("content/project.yml", "status: active", "status: closed",
                 [WAITING_D2,
                  'content/meetings/2025-02-14-leaflets.md, line 12: ACT-002 is still open and the group has closed. Hand it over in the farewell report: handover: [{action: ACT-002, to: "who takes it on"}].',
                  "content/project.yml, line 4: 'ended_on' is needed when the status is closed: the date the group ended, like 2026-03-31."],
                 id="closed needs ended_on"),
    pytest.param("content/project.yml", "started_on: 2025-01-10", "started_on: 2025-01-10\nended_on: 2024-12-31",
                 "content/project.yml, line 6: 'ended_on' (2024-12-31) is before 'started_on' (2025-01-10). Check both dates.",
                 id="group ended before it started"),
    pytest.param("content/people.yml", "    name: Amina K.\n", "",
                 "content/people.yml, line 5: 'name' is needed because show_as is name. Add it, or set show_as to role.",
                 id="show_as name needs name"),
    pytest.param("content/people.yml", "    initials: F. H.\n", "",
                 "content/people.yml, line 13: 'initials' is needed because show_as is initials. Add it, or set show_as to role.",
                 id="show_as initials needs initials"),
    pytest.param("content/people.yml", "    pseudonym: Sky\n", "",
                 "content/people.yml, line 20: 'pseudonym' is needed because show_as is pseudonym. Add it, or set show_as to role.",
                 id="show_as pseudonym needs pseudonym"),
    pytest.param("content/people.yml", "    pseudonym: Sky\n    consent_recorded_on: 2025-01-10\n", "    pseudonym: Sky\n",
                 "content/people.yml, line 20: 'consent_recorded_on' is needed: the date this person agreed to be shown this way. Without it, set show_as to role.",
                 id="consent date unless role"),
    pytest.param("content/reports/impact-2025.md", "period_from: 2025-01-01\n", "",
                 "content/reports/impact-2025.md, line 2: 'period_from' is needed for an impact report: the first day it covers, like 2025-01-01.",
                 id="impact needs period_from"),
    pytest.param("content/reports/impact-2025.md", "## Reflections\n", "## Thoughts\n",
                 "content/reports/impact-2025.md, line 17: the section '## Reflections' is missing: add it at the end. Reports have five sections: Aim, Methods, Results, Discussion and conclusions, Reflections.",
                 id="GRIPP2 section missing"),
    pytest.param("content/meetings/2027-06-10-summer.md", "  status: planned", "  status: agreed",
                 ["content/meetings/2027-06-10-summer.md, line 11: the minutes are 'agreed' but the meeting is in the future. Use 'status: planned' until it has happened.",
                  "warning: content/meetings/2027-06-10-summer.md, line 11: the minutes are agreed but 'agreed_on' is missing. Add the date they were agreed."],
                 id="agreed minutes in the future"),
    pytest.param(D1, "title: Use our own words in leaflets", "title: Use our own words in leaflets\nold_ids: [D-002]",
                 "content/decisions/D-001-own-words.md, line 3: 'old_ids' names D-002, which another record uses now. An old id must be free.",
                 id="old id taken"),
    pytest.param(D1, "title: Use our own words in leaflets", "title: Use our own words in leaflets\nold_ids: [../../etc]",
                 "content/decisions/D-001-own-words.md, line 3: 'old_ids' names '../../etc', which no address of this site could have held: write the record's old file name without .md (or a decision's old number, like D-004).",
                 id="old id that is no address"),
    pytest.param(SECOND, "agreed_on: 2025-03-14", "agreed_on: 2027-03-14",
                 "content/meetings/2025-02-14-leaflets.md, line 10: the minutes are agreed on 2027-03-14, a day that has not come yet, but agreed minutes are published now. Until the group agrees them, keep 'status: circulated'.",
                 id="minutes agreed on a day not yet come"),
    pytest.param(SECOND, "agreed_on: 2025-03-14", "agreed_on: 2025-03-14\n  agreed_at: 2027-06-10-summer",
                 ["warning: content/meetings/2025-02-14-leaflets.md, line 10: 'agreed_on' is 2025-03-14 but 'agreed_at' names the meeting on 2027-06-10. Minutes are agreed at a meeting: make them the same day.",
                  "content/meetings/2025-02-14-leaflets.md, line 11: 'agreed_at' names 2027-06-10-summer, which has not taken place yet, but what is agreed is published now. Name it once the meeting has agreed it; until then, keep 'status: circulated'."],
                 id="minutes agreed at a meeting still to come"),
    pytest.param(AM1, "agreed_at: 2025-02-14-leaflets", "agreed_at: 2027-06-10-summer",
                 "content/amendments/AM-01-travel.md, line 7: 'agreed_at' names 2027-06-10-summer, which has not taken place yet, but what is agreed is published now. Name it once the meeting has agreed it; until then, keep 'status: proposed'.",
                 id="an amendment agreed at a meeting still to come"),
    pytest.param(D1, "outcome: changed", "outcome: changed\nsupersedes: [D-001]",
                 "content/decisions/D-001-own-words.md, line 9: 'supersedes' names this decision itself. Name the earlier decision it replaces.",
                 id="a decision replacing itself"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES)
def test_each_rule_reports_its_problem(tmp_path: Path, name: str, old: str, new: str,
                                      expected: str | list[str]) -> None:
    wanted = expected if isinstance(expected, list) else [expected]
    assert consistency_messages(changed(tmp_path, name, old, new)) == wanted


WARNINGS = [
    pytest.param("content/meetings/2027-06-10-summer.md", "date: 2027-06-10", "date: 2026-11-01",
                 {}, "reminder: content/meetings/2027-06-10-summer.md, line 11: this meeting was planned for a date that has passed: its summary is owed to the group. Write it up and set the minutes status to draft.",
                 id="planned meeting in the past"),
    pytest.param("content/meetings/2027-06-10-summer.md", 'end: "17:00"\n', "",
                 {}, "warning: content/meetings/2027-06-10-summer.md, line 4: has 'start' but no 'end': calendars would show this meeting lasting no time at all, and people cannot plan around it. Add 'end' (HH:MM).",
                 id="upcoming meeting with a start and no end"),
    pytest.param("content/meetings/2027-06-10-summer.md", 'start: "16:00"\n', "",
                 {}, "warning: content/meetings/2027-06-10-summer.md, line 4: has 'end' but no 'start': calendars would show this meeting all day, and people cannot plan around it. Add 'start' (HH:MM).",
                 id="upcoming meeting with an end and no start"),
    pytest.param(D2, "outcome: pending", "outcome: pending\nsupersedes: [D-001]",
                 {}, "warning: content/decisions/D-001-own-words.md, line 6: D-002 replaced this decision (its 'supersedes' names D-001), but 'status' is still agreed. Set 'status: superseded'.",
                 id="a replaced decision still agreed"),
    pytest.param(D1, "status: agreed", "status: superseded",
                 {}, "warning: content/decisions/D-001-own-words.md, line 6: 'status' is superseded, but no agreed decision says it replaces this one. Add 'supersedes: [D-001]' to the decision that replaced it.",
                 id="superseded by nothing"),
    pytest.param(D1, "outcome_note: The leaflets now use our words.\n", "",
                 {}, "warning: content/decisions/D-001-own-words.md, line 8: 'outcome' is changed, but nothing says what changed: add 'outcome_note:' in a sentence, like 'Letters now use plain words'. The 'You said, we did' page shows it to the people who asked.",
                 id="changed, and nothing says what"),
    pytest.param(D2, "outcome: pending", "outcome: not-possible",
                 {}, "warning: content/decisions/D-002-budget.md, line 11: 'outcome' is not-possible, but nothing says why: add 'outcome_note:' with the reason it could not change, and what happens instead. The 'You said, we did' page shows it to the people who asked.",
                 id="not possible, and nothing says why"),
    pytest.param(SECOND, "title: Leaflets\n", "title: Leaflets\ncancelled_note: Snow.\n",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 3: 'cancelled_note' is only shown for a cancelled meeting. Set the minutes status to cancelled, or take the note out.",
                 id="a cancelled note on a meeting that was not"),
    pytest.param(D1, "made_at: 2025-01-10-first-meeting\n", "",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 32: lists D-001, which does not say where it was made: add 'made_at: 2025-01-10-first-meeting' to it, if it was made here.",
                 id="a decision listed by a meeting not saying it was made there"),
    pytest.param(SECOND, "We looked at the waiting room leaflets.\n", "",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 9: the minutes are agreed but there is no summary: its page would say nothing of what was talked about. Write it below the closing '---'.",
                 id="agreed minutes with no summary"),
    pytest.param(SECOND, "  agreed_on: 2025-03-14\n", "",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 9: the minutes are agreed but 'agreed_on' is missing. Add the date they were agreed.",
                 id="agreed without agreed_on"),
    pytest.param(FIRST, "  agreed_on: 2025-02-14", "  agreed_on: 2025-02-20",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 20: 'agreed_on' is 2025-02-20 but 'agreed_at' names the meeting on 2025-02-14. Minutes are agreed at a meeting: make them the same day.",
                 id="agreed on another day than at the meeting"),
    pytest.param(SECOND, "  status: agreed\n  agreed_on: 2025-03-14", "  status: circulated\n  circulated_on: 2027-03-14",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 10: 'circulated_on' (2027-03-14) has not come yet. Put the day it happened, or leave it out until then.",
                 id="minutes shared on a day not yet come"),
    pytest.param(FIRST, "done_on: 2025-01-19", "done_on: 2027-01-19",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 31: the action ACT-001 was done on 2027-01-19, a day that has not come yet. Put the day it was done.",
                 id="an action done on a day not yet come"),
    pytest.param(SECOND, "format: online", "format: online\nsupport: BSL interpreter, food; travel paid",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 5: 'support' is one piece of text, so the site shows it as one item. For several, write a list: [BSL interpreter, food, travel paid].",
                 id="a list written as one piece of text"),
    pytest.param("content/people.yml", "roles: [member, co-chair]", "roles: member, co-chair",
                 {}, "warning: content/people.yml, line 4: 'roles' is one piece of text, so the site shows it as one item. For several, write a list: [member, co-chair].",
                 id="a person's roles written as one piece of text"),
    pytest.param("content/people.yml", "pseudonym: Sky", "pseudonym: amina k",
                 {}, "warning: content/people.yml, line 21: 'pseudonym' is 'amina k', which is how p01 is shown too: readers could not tell the two apart, and could take one's words for the other's. Give p03 another pseudonym.",
                 id="a pseudonym that is someone else's name"),
    pytest.param("content/people.yml", "    joined_on: 2025-01-10\n  - id: p03",
                 "    joined_on: 2025-01-10\n    left_on: 2025-02-01\n  - id: p03",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 6: 'p02' had left by then: people.yml says they left on 2025-02-01, and this meeting was on 2025-02-14. Check the id, or the date in people.yml.",
                 id="someone named at a meeting after they left"),
    pytest.param("content/people.yml", "    show_as: role\n  - id: p05", "    show_as: role\n    joined_on: 2025-02-01\n  - id: p05",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 12: 'p04' had not joined yet: people.yml says they joined on 2025-02-01, and this meeting was on 2025-01-10. Check the id, or the date in people.yml.",
                 id="someone named at a meeting before they joined"),
    pytest.param("content/people.yml", "    roles: [co-chair]\n", "    roles: [co-chair]\n    left_on: 2025-02-01\n",
                 {}, "warning: content/meetings/2025-02-14-leaflets.md, line 14: 'p05' had left by then: people.yml says they left on 2025-02-01, and this meeting was on 2025-02-14. Check the id, or the date in people.yml.",
                 id="an action given to someone who had left"),
    pytest.param("content/reports/impact-2025.md", "standards: [impact]\n",
                 "standards: [impact]\nhandover:\n  - action: ACT-002\n    to: the patient panel\n"
                 "  - action: ACT-002\n    to: the ward manager\n",
                 {}, "warning: content/reports/impact-2025.md, line 10: ACT-002 is handed over already, to 'the patient panel' (item 1 of 'handover'), and the site shows only one of the two. Keep the one that is right.",
                 id="an action handed over twice"),
    pytest.param(FIRST, "due: 2025-01-20", "due: 2024-01-20",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 29: 'due' of the action ACT-001 is 2024-01-20, before this meeting on 2025-01-10, where it was agreed. Check the date, and its year.",
                 id="an action due before the meeting that agreed it"),
    pytest.param(FIRST, "done_on: 2025-01-19", "done_on: 2025-01-09",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 31: 'done_on' of the action ACT-001 is 2025-01-09, before this meeting on 2025-01-10, where it was agreed. Check the date, and its year.",
                 id="an action done before the meeting that agreed it"),
    pytest.param(D2, "referred_on: 2025-02-20", "referred_on: 2024-02-20",
                 {}, "warning: content/decisions/D-002-budget.md, line 9: 'referred_on' is 2024-02-20, before 'date' (2025-02-14). Check both dates, and their years.",
                 id="a decision referred before it was made"),
    pytest.param(D2, "response_due: 2027-01-31", "response_due: 2025-01-31",
                 {}, "warning: content/decisions/D-002-budget.md, line 10: 'response_due' is 2025-01-31, before 'referred_on' (2025-02-20). Check both dates, and their years.",
                 id="a reply due before the decision was referred"),
    pytest.param(FIRST, "sent_on: 2025-01-20", "sent_on: 2024-01-20",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 23: 'sent_on' in 'feedback' (2024-01-20) is before the meeting (2025-01-10): feedback on what happened to people's ideas comes after the meeting. Check both dates.",
                 id="feedback sent before the meeting"),
    pytest.param(AM1, "clauses: [payments]", "clauses: [paymants]",
                 {}, "warning: content/amendments/AM-01-travel.md, line 6: 'paymants' is not a clause of the charter now. Did you mean 'payments'? If that part was taken out or renamed since, leave it.",
                 id="agreed change naming a misspelt part"),
    pytest.param("content/project.yml", "text: Email the team inbox.", "text: Ask Amina K. after the meeting.",
                 {}, "warning: content/project.yml, line 7: the contact names Amina K., one person: when they are away or leave the group, nobody is reached. Give a route that reaches the group, like a shared mailbox or a place to ask.",
                 id="a contact that is one person"),
    pytest.param(FIRST, "present: [p01, p02, p03, p04, p05]", "present: [p01, p02, p03, p02, p04, p05]",
                 {}, "warning: content/meetings/2025-01-10-first-meeting.md, line 12: 'p02' is in 'present' twice. Keep one, or the page counts them as two people.",
                 id="someone present twice"),
]


@pytest.mark.parametrize(("name", "old", "new", "extra", "expected"), WARNINGS)
def test_warnings_point_at_the_owed_work(tmp_path: Path, name: str, old: str, new: str,
                                          extra: dict[str, str], expected: str) -> None:
    root = changed(tmp_path, name, old, new, extra)
    if "2026-11-01" in new:
        (root / name).rename(root / "content/meetings/2026-11-01-summer.md")
        expected = expected.replace("2027-06-10-summer", "2026-11-01-summer")
    assert consistency_messages(root) == [expected]


def test_records_naming_people_with_no_people_yml_are_told_once(tmp_path: Path) -> None:
    files = {name: text for name, text in FILES.items() if name != "content/people.yml"}
    assert consistency_messages(write_files(tmp_path, files)) == [
        ("content/people.yml: is missing, but the records name people by their ids, like 'p01' in "
         "content/amendments/AM-01-travel.md, line 5. Add people.yml, with each person and how they agreed to "
         "be shown: 'coprod init' writes one to start from.")]


def test_an_open_action_must_be_handed_over_when_the_group_closes(tmp_path: Path) -> None:
    root = changed(tmp_path, "content/project.yml", "status: active", "status: closed\nended_on: 2026-10-01")
    planned = ("warning: content/meetings/2027-06-10-summer.md, line 3: is planned for after the group closed "
               "(2026-10-01, in project.yml), so it will not happen. Mark it cancelled (under 'minutes:', put "
               "'status: cancelled'), so that its page tells anyone who has the link. If the group goes on, "
               "change project.yml instead.")
    assert consistency_messages(root) == [
        WAITING_D2,
        ('content/meetings/2025-02-14-leaflets.md, line 12: ACT-002 is still open and the group has closed. '
        'Hand it over in the farewell report: handover: [{action: ACT-002, to: "who takes it on"}].'),
        planned,
    ]
    write_files(root, {"content/reports/farewell.md": "---\nkind: farewell\ntitle: Goodbye\n"
                       "handover:\n  - action: ACT-002\n    to: the patient experience team\n---\nThank you.\n"})
    assert consistency_messages(root) == [
        WAITING_D2, planned, ("warning: content/reports/farewell.md, line 2: a farewell report says why the group is ending: "
        "add 'closing_reason', in a sentence or two."),
        ("warning: content/reports/farewell.md, line 2: the group has closed, and its farewell report says "
        "when: add 'ended_on', the day of its last meeting or the day it closed."),
        ("warning: content/reports/farewell.md, line 8: the sections '## Aim', '## Methods', '## Results', "
        "'## Discussion and conclusions' and '## Reflections' are missing. A farewell report has the five "
        "sections of every report (Aim, Methods, Results, Discussion and conclusions, Reflections), with "
        "thanks and handover besides.")]
    site = Published(load_group(root)[0], dt.date(2026, 11, 30))
    assert site.upcoming == [] and site.next_meeting is None  # no invitation to a meeting that will not be


def test_minutes_never_agreed_when_the_group_closes_with_open_actions_are_a_warning(tmp_path: Path) -> None:
    """CONTENT-MODEL: every action still open when the group closes must be handed over; in
    minutes never agreed, they would never be published either."""
    circulated = FILES[SECOND].replace("  status: agreed\n  agreed_on: 2025-03-14\n", "  status: circulated\n")
    root = changed(tmp_path, "content/project.yml", "status: active", "status: closed\nended_on: 2026-10-01",
                   {SECOND: circulated})
    never = ("warning: content/meetings/2025-02-14-leaflets.md, line 9: the group has closed, but these minutes "
             "are still circulated, so they and their open actions (ACT-002) will never be published. The "
             "farewell report cannot hand those actions over either. Agree the minutes, or say in the farewell report's "
             "own words what is still to do.")
    assert [m for m in consistency_messages(root) if "never be published" in m] == [never]
    write_files(root, {"content/reports/farewell.md": "---\nkind: farewell\ntitle: Goodbye\n"
                       "handover:\n  - action: ACT-002\n    to: the patient experience team\n---\nThank you.\n"})
    messages = consistency_messages(root)
    assert never in messages  # handing over an action the site cannot show does not settle it
    assert ("warning: content/reports/farewell.md, line 5: ACT-002 is in the minutes of 2025-02-14-leaflets, "
            "not yet agreed, so the report cannot show it or who takes it on. Agree those minutes first.") in messages


def test_a_broken_charter_is_one_problem_not_one_for_every_clause_an_amendment_names(tmp_path: Path) -> None:
    proposed = AMENDMENT_FILE.replace("status: agreed", "status: proposed").replace(
        "agreed_at: 2025-02-14-leaflets\ncharter_version: 2\n", "")
    root = changed(tmp_path, "content/charter.md", "adopted_on: 2025-01-10\n", "",
                   {"content/amendments/AM-02-more.md": proposed})
    group, problems = load_group(root)
    assert [str(p) for p in problems] == [("content/charter.md, line 2: 'adopted_on' is missing. Add it, for example: "
                                          "adopted_on: 2024-02-01.")]
    assert not [p for p in run_checks(group, SETTINGS, consistency.CHECKS) if "clause" in p.message]


def test_a_people_file_that_cannot_be_read_is_one_problem_not_one_for_every_person_named(tmp_path: Path) -> None:
    """A tab in people.yml hid everyone: each record naming someone said they were nobody, and the
    one problem to fix came last."""
    root = changed(tmp_path, "content/people.yml", "  - id: p02\n", "\t- id: p02\n")
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.is_error] == [
        "content/people.yml, line 10: this line cannot be read. Indent with spaces, not tabs."]


def test_an_id_given_to_two_people_is_named_where_the_ids_it_left_nobody_are_reported(tmp_path: Path) -> None:
    """Copying a person's entry and forgetting to change its id left p02 nobody: every record
    naming p02 says so, and each points to the two entries in people.yml, which sort later."""
    root = changed(tmp_path, "content/people.yml", "  - id: p02\n", "  - id: p01\n")
    _, _, problems = check_folder(root)
    errors = [str(p) for p in problems if p.is_error]
    assert "content/people.yml, line 10: the id 'p01' is used twice, here and at line 2. Give each person " \
           "their own id." in errors
    nobody = [e for e in errors if "'p02' is not anyone" in e or "[[p02]]" in e]
    assert nobody and all(e.endswith("people.yml gives the id 'p01' to two people, at lines 2 and 10: "
                                     "should one of them be 'p02'?") for e in nobody)


def test_a_page_at_the_address_of_one_the_site_makes_is_a_problem(tmp_path: Path) -> None:
    """content/people.md had quietly given way to the site's own 'Who we are'."""
    root = write_files(tmp_path, {**FILES, "content/people.md": "# Our people\n\nStories.\n",
                                  "content/glossary/index.md": "# Words\n", "content/stories.md": "# Stories\n",
                                  "content/data.md": "# Our data\n"})
    assert [m for m in consistency_messages(root) if "address of the site's own page" in m] == [
        ("content/data.md: has the address of the site's own page 'Use our data' (/data/), which takes "
         "its place, so this page would never be seen. Give the file another name."),
        ("content/glossary/index.md: has the address of the site's own page 'Glossary' (/glossary/), which takes "
         "its place, so this page would never be seen. Give the file another name."),
        ("content/people.md: has the address of the site's own page 'Who we are' (/people/), which takes its "
         "place, so this page would never be seen. Give the file another name.")]


def test_a_group_without_a_charter_is_told(tmp_path: Path) -> None:
    root = write_files(tmp_path, {name: text for name, text in FILES.items() if name != "content/charter.md"})
    assert [m for m in consistency_messages(root) if "charter.md" in m] == [
        ("warning: content/charter.md: is missing, so the site has no charter page ('Our charter'), and links to "
         "it lead nowhere. Write how the group works together there: 'coprod init' writes one with questions to "
         "answer.")]


def test_a_version_no_agreed_amendment_made_is_a_warning(tmp_path: Path) -> None:
    """CONTENT-MODEL: the version goes up by one with each agreed amendment."""
    later = AMENDMENT_FILE.replace("charter_version: 2", "charter_version: 5").replace("title: Pay for travel",
                                                                                   "title: Pay for food")
    charter = FILES["content/charter.md"].replace("version: 2", "version: 5")
    root = write_files(tmp_path, {**FILES, "content/amendments/AM-02-food.md": later, "content/charter.md": charter})
    assert [m for m in consistency_messages(root) if "raises the version" in m] == [
        ("warning: content/amendments/AM-02-food.md, line 8: makes version 5, but no agreed amendment makes versions "
         "3 to 4, after AM-01 made 2: each agreed change raises the version by one. Check 'charter_version'.")]


def test_report_sections_out_of_order_are_a_warning(tmp_path: Path) -> None:
    """CONTENT-MODEL: the five headings follow GRIPP2-SF, in its order."""
    report = "content/reports/impact-2025.md"
    moved = FILES[report].replace("## Aim\nTo make visits better.\n## Methods\nWe met every month.\n",
                                  "## Methods\nWe met every month.\n## Aim\nTo make visits better.\n")
    root = write_files(tmp_path, {**FILES, report: moved})
    assert [m for m in consistency_messages(root) if "order" in m] == [
        ("warning: content/reports/impact-2025.md, line 8: the sections are in another order than reports have "
         "them: Aim, Methods, Results, Discussion and conclusions, Reflections. Move '## Methods' to its place.")]


def test_minutes_agreed_at_a_meeting_whose_notes_are_still_to_write_up_are_fine(tmp_path: Path) -> None:
    """The usual order of work: last month's minutes agreed at this month's meeting, whose own
    summary is not written yet (still 'planned', its day passed). Only its reminder is said."""
    planned = "content/meetings/2027-06-10-summer.md"
    past = FILES[planned].replace("2027-06-10", "2025-03-14")
    root = changed(tmp_path, SECOND, "agreed_on: 2025-03-14", "agreed_on: 2025-03-14\n  agreed_at: 2025-03-14-summer",
                   {planned: None, "content/meetings/2025-03-14-summer.md": past})
    assert [m.split(": ")[0] for m in consistency_messages(root)] == ["reminder"]


def test_one_old_id_on_two_records_is_a_problem(tmp_path: Path) -> None:
    """Its old address had quietly led to the first of them."""
    root = write_files(tmp_path, {**FILES,
                                  D1: FILES[D1].replace("date: 2025-01-10", "date: 2025-01-10\nold_ids: [D-050]"),
                                  D2: FILES[D2].replace("title: Ask for a bigger budget",
                                                        "title: Ask for a bigger budget\nold_ids: [D-050]")})
    assert [m for m in consistency_messages(root) if "D-050" in m] == [
        ("content/decisions/D-002-budget.md, line 3: 'old_ids' names D-050, which D-001 names too: its old "
         "address can lead to only one of them. Keep it on the one that had it.")]


def test_a_record_renamed_with_old_ids_is_named_where_its_old_id_is_still_used(tmp_path: Path) -> None:
    """D-001 became D-003 (its old address redirects); the meeting that made it still says D-001,
    and is told the new id to write."""
    renamed = FILES[D1].replace("title: Use our own words", "old_ids: [D-001]\ntitle: Use our own words")
    root = write_files(tmp_path, {**FILES, D1: None, "content/decisions/D-003-own-words.md": renamed})
    assert [m for m in consistency_messages(root) if "D-001" in m] == [
        f"{FIRST}, line 32: 'D-001' is not a decision. It is now D-003 (its 'old_ids' name D-001): write D-003."]


def test_a_persons_problem_is_at_their_own_lines_when_an_entry_before_them_cannot_be_read(tmp_path: Path) -> None:
    """An unreadable entry used to shift every later person's problems onto the person before
    them, so a facilitator would change the wrong person's consent."""
    people = FILES["content/people.yml"].replace(
        "people:\n", "people:\n  - id: Ann-B\n    lived_experience: true\n    roles: [member]\n    show_as: role\n", 1)
    root = changed(tmp_path, "content/people.yml", FILES["content/people.yml"],
                   people.replace("    pseudonym: Sky\n", ""))
    _, _, problems = check_folder(root)
    lines = people.replace("    pseudonym: Sky\n", "").split("\n")
    sky = next(i for i, line in enumerate(lines, 1) if line == "    show_as: pseudonym")
    assert [(p.line, p.message.split(" because")[0]) for p in problems if "pseudonym" in p.message] == [
        (sky, "'pseudonym' is needed")]


@pytest.mark.parametrize(("email", "reason"), [("amina.k@nhs.net", "'amina' is the name of someone in people.yml"),
                                             ("youngvoices@gmail.com", "a personal mail service")])
def test_a_contact_address_that_looks_like_one_persons_is_a_warning(tmp_path: Path, email: str, reason: str) -> None:
    """The contract asks for a shared mailbox, never a person: the site shows it on every page."""
    root = changed(tmp_path, "content/project.yml", "email: team@example.org", f"email: {email}")
    assert [m for m in consistency_messages(root) if "one person's address" in m] == [
        (f"warning: content/project.yml, line 8: '{email}' looks like one person's address ({reason}). The site "
         "shows this address on every page: use a shared mailbox the group's staff look after, like "
         "team@example.org.")]


def test_ids_that_make_broken_or_confusing_addresses_are_reported(tmp_path: Path) -> None:
    """'ACT 6 <b>' made an anchor no link can reach; 'act-5' is not like the others; D-04 beside
    D-001 and D-002 would be read as D-004, a record of its own at /decisions/D-04/."""
    root = changed(tmp_path, FIRST, "  - id: ACT-001\n", "  - id: ACT 6 <b>\n",
                   {"content/decisions/D-01-again.md": FILES[D2].replace("Agree the budget", "Again")})
    messages = consistency_messages(root)
    assert [m for m in messages if "action id" in m] == [
        (f"{FIRST}, line 26: the action id 'ACT 6 <b>' has characters an address cannot hold (each action has its "
         "own, like /actions/#ACT-021): write it like ACT-021.")]
    assert [m for m in messages if "same number" in m] == [
        ("content/decisions/D-01-again.md, line 1: D-01 has the same number as D-001, written another way: give it "
        "the next free number.")]


def test_a_glossary_that_cannot_be_read_is_one_problem_not_a_warning_for_every_term(tmp_path: Path) -> None:
    """A file saved in Latin-1 hid every explanation: each page then said each short form was not
    in the glossary, burying the one problem to fix."""
    root = changed(tmp_path, FIRST, "We met for the first time.", "We met for the first time. We talked about PPI.")
    glossary = root / "content" / "glossary.yml"
    glossary.write_bytes(glossary.read_bytes() + "caf\u00e9: a place for coffee\n".encode("latin-1"))
    _, _, problems = check_folder(root)
    assert [p.path for p in problems if "glossary" in p.message or p.path.endswith("glossary.yml")] == [
        "content/glossary.yml"]


def test_a_record_that_cannot_be_read_does_not_make_its_address_look_dropped(tmp_path: Path) -> None:
    """Its page is missing only because of the problem reported: the address list is not the
    thing to change."""
    root = write_files(tmp_path, {**FILES, "published-urls.txt": "/meetings/2025-02-14-leaflets/\n/decisions/D-001/\n",
                                  "content/decisions/D-001-own-words.md": "---\ntitle: [unclosed\n---\n"})
    _, _, problems = check_folder(root)
    assert [p.path for p in problems if p.is_error] == ["content/decisions/D-001-own-words.md"]


def test_minutes_agreed_or_shared_before_the_meeting_are_a_problem(tmp_path: Path) -> None:
    root = changed(tmp_path, "content/meetings/2025-02-14-leaflets.md", "agreed_on: 2025-03-14", "agreed_on: 2025-02-04")
    assert [m for m in consistency_messages(root) if "before the meeting" in m] == [
        ("content/meetings/2025-02-14-leaflets.md, line 10: 'agreed_on' (2025-02-04) is before the meeting "
        "(2025-02-14): minutes come after the meeting. Check both dates.")]


def test_people_written_as_one_piece_of_text_are_told_to_write_a_list(tmp_path: Path) -> None:
    root = changed(tmp_path, "content/meetings/2025-01-10-first-meeting.md", "present: [p01, p02, p03, p04, p05]",
                   "present: p01, p02")
    assert [m for m in consistency_messages(root) if "not anyone" in m] == [
        ("content/meetings/2025-01-10-first-meeting.md, line 12: 'p01, p02' is not anyone in people.yml. To name "
        "several people, write a list: [p01, p02].")]


def test_an_id_typed_short_or_in_capitals_is_told_whose_it_may_be(tmp_path: Path) -> None:
    """'p2' for p02, written on a Friday afternoon: the message names the person it may be."""
    root = changed(tmp_path, "content/meetings/2025-01-10-first-meeting.md", "present: [p01, p02, p03, p04, p05]",
                   "present: [p01, p2, P03, p04, p05]", {"content/visit.md": "# Visit\n\nAsk [[p4]].\n"})
    assert [str(p) for p in check_folder(root)[2] if "not anyone" in p.message or "nobody" in p.message] == [
        ("content/meetings/2025-01-10-first-meeting.md, line 12: 'P03' is not anyone in people.yml. Did you mean "
         "'p03'? Check the id, or add the person to people.yml."),
        ("content/meetings/2025-01-10-first-meeting.md, line 12: 'p2' is not anyone in people.yml. Did you mean "
         "'p02'? Check the id, or add the person to people.yml."),
        ("content/visit.md, line 3: mentions [[p4]], but nobody in people.yml has that id. Did you mean 'p04'? "
        "Check the id, or add the person.")]


def test_a_person_written_by_name_is_told_to_write_their_id(tmp_path: Path) -> None:
    """'Amina K.' where p01 belongs, in a field or as a mention, is told p01; a name people.yml
    does not have is told that people are written by id, never by a name they may not have agreed to."""
    root = changed(tmp_path, FIRST, "present: [p01, p02, p03, p04, p05]", "present: [Amina K., p02, p03, Sarah]",
                   {"content/visit.md": "# Visit\n\nAsk [[Amina K.]], [[sky]] or [[Sarah Jones]].\n"})
    assert [str(p) for p in check_folder(root)[2] if "not anyone" in p.message or "mentions" in p.message] == [
        (f"{FIRST}, line 12: 'Amina K.' is not anyone in people.yml. That is p01 in people.yml: write p01."),
        (f"{FIRST}, line 12: 'Sarah' is not anyone in people.yml. Write people's ids here (like p01), not their "
         "names. If Sarah is not in people.yml yet, add them with an id, shown only as they have agreed to be."),
        ("content/visit.md, line 3: mentions [[Amina K.]], but [[...]] takes a person's id. That is p01 in "
         "people.yml: write [[p01]]."),
        ("content/visit.md, line 3: mentions [[Sarah Jones]], but [[...]] takes a person's id. Write people's ids "
         "here (like [[p01]]), not their names. If Sarah Jones is not in people.yml yet, add them with an id, "
         "shown only as they have agreed to be."),
        ("content/visit.md, line 3: mentions [[sky]], but nobody in people.yml has that id. That is p03 in "
         "people.yml: write [[p03]].")]


def test_a_person_written_by_the_first_name_of_their_name_is_told_who_that_may_be(tmp_path: Path) -> None:
    """'Amina' where p01, Amina K., belongs: the only name in people.yml that starts so."""
    root = changed(tmp_path, FIRST, "chairs: [p01, p05]", "chairs: [Amina, p05]")
    assert [str(p) for p in check_folder(root)[2] if "not anyone" in p.message] == [
        (f"{FIRST}, line 9: 'Amina' is not anyone in people.yml. Amina K. in people.yml is p01: if you mean them, "
        "write p01.")]


def test_a_meeting_named_by_its_day_is_told_its_id_also_when_its_file_cannot_be_read(tmp_path: Path) -> None:
    root = changed(tmp_path, FIRST, "agreed_at: 2025-02-14-leaflets", "agreed_at: 2025-02-14",
                   {SECOND: FILES[SECOND].replace("present: [p01, p02, p03]", "present: [p01, p02, p03")})
    group, problems = load_group(root)
    assert [p.path for p in problems] == [SECOND]
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS) if "agreed_at" in p.message] == [
        f"{FIRST}, line 21: 'agreed_at' names 2025-02-14, which is not a meeting. Did you mean 2025-02-14-leaflets?"]


def test_a_handover_is_not_blamed_for_an_action_in_a_meeting_that_cannot_be_read(tmp_path: Path) -> None:
    """The meeting's own problem is the one to fix: its actions are unknown, not missing."""
    root = write_files(tmp_path, {**FILES,
                                  "content/meetings/2025-03-20-broken.md": "---\ntitle: Broken\n\tdate: x\n---\n",
                                  "content/reports/farewell.md": "---\nkind: farewell\ntitle: Goodbye\nhandover:\n"
                                  "  - action: ACT-009\n    to: the patient panel\n---\nThank you.\n"})
    messages = [str(p) for p in check_folder(root)[2] if p.is_error]
    assert [m.split(",")[0] for m in messages] == ["content/meetings/2025-03-20-broken.md"]


def test_a_report_without_kind_is_told_it_is_published_as_an_impact_report(tmp_path: Path) -> None:
    """Only reports/farewell.md is taken as the farewell report; any other is quietly an impact report."""
    report = "content/reports/impact-2025.md"
    root = changed(tmp_path, report, "kind: impact\n", "")
    assert consistency_messages(root) == [
        (f"warning: {report}, line 2: has no 'kind', so it is published as an impact report. Say so with "
        "'kind: impact', or write 'kind: farewell' if it is the group's farewell report.")]


def test_the_farewell_report_needs_no_kind(tmp_path: Path) -> None:
    farewell = FILES["content/reports/impact-2025.md"].replace("kind: impact\n", "").replace(
        "title:", "ended_on: 2026-11-01\nclosing_reason: The project ended.\ntitle:")
    root = write_files(tmp_path, {**FILES, "content/reports/farewell.md": farewell})
    assert [m for m in consistency_messages(root) if "kind" in m] == []


FAREWELL_HEAD = "---\nkind: farewell\ntitle: Goodbye\nclosing_reason: The money ran out.\nhandover:\n"


def test_a_handover_item_names_an_action_or_a_decision_not_both_nor_neither(tmp_path: Path) -> None:
    """A decision still waiting for a reply is handed over as an action is: each item says which."""
    root = write_files(tmp_path, {**FILES, "content/reports/farewell.md": FAREWELL_HEAD + (
        "  - action: ACT-002\n    to: the patient experience team\n"
        "  - decision: D-002\n    to: the hospital's patient panel\n"
        "  - to: the outpatients manager\n"
        "  - action: ACT-002\n    decision: D-002\n    to: the outpatients manager\n"
        "---\nThank you.\n")})
    group, problems = load_group(root)
    assert [str(p) for p in problems] == [
        ("content/reports/farewell.md, line 10: item 3 of 'handover' says nothing to hand over: add 'action' "
         "(an action's id, like ACT-021) or 'decision' (a decision still waiting for a reply, like D-010)."),
        ("content/reports/farewell.md, line 11: item 4 of 'handover' names both an action and a decision: give "
         "each its own item, with its own 'to'.")]
    handover = group.reports["farewell"].handover
    assert [(h.action, h.decision, h.to) for h in handover] == [
        ("ACT-002", None, "the patient experience team"), (None, "D-002", "the hospital's patient panel")]


def test_a_handover_names_a_decision_there_is(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, "content/reports/farewell.md": FAREWELL_HEAD + (
        "  - decision: D-020\n    to: the hospital's patient panel\n---\nThank you.\n")})
    assert [m for m in consistency_messages(root) if "D-020" in m] == [
        ("content/reports/farewell.md, line 6: 'D-020' is not a decision. Check the id, or add a file "
         "decisions/D-020-….md.")]


def test_a_handover_of_a_decision_not_waiting_for_a_reply_is_a_warning(tmp_path: Path) -> None:
    answered = FILES[D2].replace("outcome: pending\n", "response: They said yes.\nresponse_on: 2025-04-01\n"
                                 "outcome: changed\n")
    root = write_files(tmp_path, {**FILES, D2: answered, "content/reports/farewell.md": FAREWELL_HEAD + (
        "  - decision: D-001\n    to: the patient panel\n  - decision: D-002\n    to: the patient panel\n"
        "---\nThank you.\n")})
    assert [m for m in consistency_messages(root) if "farewell.md, line" in m and "D-00" in m] == [
        ("warning: content/reports/farewell.md, line 6: D-001 was not referred to anyone, so no reply is "
         "awaited: only a decision referred to others and still waiting for their reply is handed over. "
         "Take this item out."),
        ("warning: content/reports/farewell.md, line 8: D-002 already has its reply, so nobody needs to hear "
         "it. Take this item out.")]


def test_a_decision_waiting_for_a_reply_is_handed_over_when_the_group_closes(tmp_path: Path) -> None:
    """Not an error, as an open action is (the content model asks only for actions), but the page
    would go on saying 'Still waiting for a reply' with nobody to hear it."""
    root = changed(tmp_path, "content/project.yml", "status: active", "status: closed\nended_on: 2026-10-01")
    assert WAITING_D2 in consistency_messages(root)
    write_files(root, {"content/reports/farewell.md": FAREWELL_HEAD + (
        "  - action: ACT-002\n    to: the patient experience team\n"
        "  - decision: D-002\n    to: the hospital's patient panel\n---\nThank you.\n")})
    assert [m for m in consistency_messages(root) if "D-002" in m] == []
    write_files(root, {D2: FILES[D2].replace("outcome: pending\n", "response: Not this year.\noutcome: not-possible\n"),
                       "content/reports/farewell.md": FAREWELL_HEAD + (
                           "  - action: ACT-002\n    to: the patient experience team\n---\nThank you.\n")})
    assert [m for m in consistency_messages(root) if "D-002" in m] == []


def test_a_decision_whose_minutes_are_not_agreed_needs_no_handover_and_its_handover_is_told_so(
        tmp_path: Path) -> None:
    circulated = FILES[SECOND].replace("  status: agreed\n  agreed_on: 2025-03-14\n", "  status: circulated\n")
    root = changed(tmp_path, "content/project.yml", "status: active", "status: closed\nended_on: 2026-10-01",
                   {SECOND: circulated, "content/reports/farewell.md": FAREWELL_HEAD + (
                       "  - decision: D-002\n    to: the hospital's patient panel\n---\nThank you.\n")})
    assert [m for m in consistency_messages(root) if "D-002" in m] == [
        ("warning: content/reports/farewell.md, line 6: D-002 waits for the minutes of 2025-02-14-leaflets to be "
         "agreed, so the report cannot show it or who will hear the reply. Agree those minutes first.")]


SUMMARY = ("We looked at the waiting room leaflets. Members said the words were too hard, and the pictures showed "
           "nobody our age. The team will bring new ones.\n")


def test_text_copied_with_the_file_from_an_earlier_record_is_a_warning(tmp_path: Path) -> None:
    """Copying last month's file is how most people start the next one; its text, not written
    over, would be published as this meeting's summary. A planned meeting's text, which the site
    does not show, and short text two records may share, are left alone."""
    copied = FILES[SECOND].replace("2025-02-14", "2025-03-14").replace("title: Leaflets", "title: March")
    planned = (FILES[SECOND].replace("2025-02-14", "2027-05-14").replace("title: Leaflets", "title: May")
               .replace("  status: agreed\n  agreed_on: 2025-03-14\n", "  status: planned\n"))
    decision = FILES[D1].replace("title: Use our own words in leaflets", "title: Bring new leaflets")
    root = write_files(tmp_path, {
        **FILES, SECOND: FILES[SECOND] + SUMMARY, "content/meetings/2025-03-14-march.md": copied + SUMMARY,
        "content/meetings/2027-05-14-may.md": planned + SUMMARY, "content/decisions/D-003-new.md": decision})
    group, problems = load_group(root)
    assert problems == []
    meeting = ("warning: content/meetings/2025-03-14-march.md, line 22: its text is word for word the text of "
               "2025-02-14-leaflets, 'Leaflets': was the file copied to start this meeting? Write what happened at "
               "this meeting.")
    assert [str(p) for p in run_checks(group, SETTINGS, [consistency.check_copied_text])] == [meeting]
    longer = "We want leaflets young people understand, with pictures of people our age and words we use every day.\n"
    write_files(root, {D1: FILES[D1].replace("We want leaflets young people understand.\n", longer),
                       "content/decisions/D-003-new.md": decision.replace(
                           "We want leaflets young people understand.\n", longer)})
    group, _ = load_group(root)
    assert [str(p) for p in run_checks(group, SETTINGS, [consistency.check_copied_text])] == [
        ("warning: content/decisions/D-003-new.md, line 11: its text is word for word the text of D-001, 'Use our "
         "own words in leaflets': was the file copied to start this decision? Write why the group decided this."),
        meeting]
