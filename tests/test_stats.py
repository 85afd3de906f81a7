"""Every figure on the power and impact pages, counted from a group whose answers are known."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from groups import FILES, write_files
from impact_group import IMPACT_FILES

from coprod_site.checks import impact, run_checks
from coprod_site.loading import load_group
from coprod_site.published import Published
from coprod_site.records import Handover
from coprod_site.settings import Settings
from coprod_site.stats import (
    Attendance,
    ChairFigures,
    Membership,
    Period,
    PeriodFigures,
    Quarter,
    RoleShare,
    Share,
    farewell,
    group_by_outcome,
    median_days,
    period_figures,
    report_period,
    whole_life,
)

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Published:
    root = write_files(tmp_path_factory.mktemp("impact"), IMPACT_FILES)
    group, problems = load_group(root)
    assert problems == []
    return Published(group, TODAY)


@pytest.fixture(scope="module")
def figures(site: Published) -> PeriodFigures:
    return period_figures(site, whole_life(site))


def test_the_whole_life_runs_from_the_start_to_today(figures: PeriodFigures) -> None:
    assert figures.period == Period(dt.date(2025, 1, 10), TODAY)


def test_only_meetings_with_agreed_notes_are_counted(figures: PeriodFigures) -> None:
    assert figures.meetings == 4
    assert [row.meeting.id for row in figures.attendance] == [
        "2025-01-10-first-meeting", "2025-02-14-leaflets", "2025-08-20-summer", "2025-11-05-autumn"]


def test_who_held_each_role_splits_co_chairs_between_lived_experience_and_staff(figures: PeriodFigures) -> None:
    assert figures.roles == (
        RoleShare("chairs", lived=1, shared=2, staff=1, none=0),
        RoleShare("facilitators", lived=1, shared=0, staff=2, none=1),
        RoleShare("note_takers", lived=1, shared=1, staff=1, none=1),
    )
    assert [str(figures.role(r).with_lived_experience) for r in ("chairs", "facilitators", "note_takers")] \
        == ["3 of 4 (75%)", "1 of 4 (25%)", "2 of 4 (50%)"]


def test_different_chairs_are_counted_once_each(figures: PeriodFigures) -> None:
    assert figures.chairs == ChairFigures(people=4, with_lived_experience=2)


def test_every_quarter_is_shown_including_those_with_no_meetings(figures: PeriodFigures) -> None:
    rows = [(q.quarter.label, q.meetings, q.role("chairs").count("lived"), q.role("chairs").count("shared"),
             q.role("chairs").count("staff"), q.joined, q.left) for q in figures.quarters]
    assert rows == [
        ("Jan to Mar 2025", 2, 1, 1, 0, 2, 0),
        ("Apr to Jun 2025", 0, 0, 0, 0, 0, 0),
        ("Jul to Sep 2025", 1, 0, 0, 1, 2, 0),
        ("Oct to Dec 2025", 1, 0, 1, 0, 0, 1),
        ("Jan to Mar 2026", 0, 0, 0, 0, 0, 0),
        ("Apr to Jun 2026", 0, 0, 0, 0, 0, 0),
        ("Jul to Sep 2026", 0, 0, 0, 0, 0, 0),
        ("Oct to Dec 2026", 0, 0, 0, 0, 0, 0),
    ]
    third = figures.quarters[2]
    assert (third.role("facilitators"), third.role("note_takers")) == (
        RoleShare("facilitators", 1, 0, 0, 0), RoleShare("note_takers", 0, 1, 0, 0))


def test_attendance_is_members_present_and_guests_as_numbers(figures: PeriodFigures) -> None:
    assert [(a.members, a.guests) for a in figures.attendance] == [(5, 2), (3, 0), (5, 0), (3, 4)]
    assert figures.attendances == 22
    assert isinstance(figures.attendance[0], Attendance)


def test_people_joining_and_leaving(figures: PeriodFigures) -> None:
    assert figures.membership == Membership(joined=4, left=1, members_at_end=6, no_join_date=3)


def test_closing_the_loop(figures: PeriodFigures) -> None:
    feedback = figures.feedback
    assert feedback.sent == Share(2, 4)
    assert feedback.median_days_to_feedback == 7.5     # 10 and 5 days
    assert feedback.median_days_to_minutes == 31.5     # 35, 28, 41 and 28 days
    assert [(w.meeting.id, w.days) for w in feedback.waiting] == [
        ("2025-02-14-leaflets", 645), ("2025-11-05-autumn", 381)]


def test_actions_done_on_time_and_overdue(figures: PeriodFigures) -> None:
    actions = figures.actions
    assert (actions.total, actions.done, actions.on_time, actions.open, actions.overdue, actions.dropped) \
        == (6, 3, 2, 2, 1, 1)
    assert (str(actions.done_share), str(actions.on_time_share)) == ("3 of 6 (50%)", "2 of 3 (67%)")


def test_decisions_by_power_and_outcome_leave_out_the_draft_meeting(figures: PeriodFigures) -> None:
    decisions = figures.decisions
    table = [(row.power, row.changed, row.not_possible, row.pending, row.no_change) for row in decisions.by_power]
    assert table == [
        ("within-remit", 1, 0, 1, 0),
        ("recommendation", 0, 1, 0, 1),
        ("referred", 1, 0, 1, 0),
    ]
    assert decisions.total == 6
    assert (decisions.referred_answered, decisions.referred_waiting, decisions.referred_overdue) == (1, 1, 1)


def test_ladder_rungs_against_the_goal(figures: PeriodFigures) -> None:
    ladder = figures.ladder
    assert ladder.goal == "co-producing"
    assert [(r.rung, r.meetings, r.decisions, r.is_goal) for r in ladder.rungs] == [
        ("co-producing", 1, 1, True), ("co-designing", 1, 1, False), ("engaging", 0, 0, False),
        ("consulting", 1, 1, False), ("informing", 0, 0, False), ("educating", 0, 0, False),
        ("coercing", 0, 0, False)]
    assert (ladder.meetings_at_goal, ladder.decisions_at_goal) == (Share(1, 3), Share(1, 3))
    assert (ladder.meetings_unrecorded, ladder.decisions_unrecorded) == (1, 3)


def test_an_impact_report_counts_only_its_period(site: Published) -> None:
    report = site.group.reports["impact-2025"]
    numbers = period_figures(site, report_period(site, report))
    assert numbers.period == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [q.quarter.label for q in numbers.quarters] == [
        "Jan to Mar 2025", "Apr to Jun 2025", "Jul to Sep 2025", "Oct to Dec 2025"]
    assert numbers.decisions.total == 5      # the proposed decision of February 2026 is outside
    assert numbers.decisions.power("within-remit").pending == 0
    assert (numbers.meetings, numbers.attendances, numbers.membership.joined) == (4, 22, 4)


def test_you_said_we_did_groups_decisions_by_outcome(site: Published) -> None:
    outcomes = group_by_outcome(site.decisions)
    assert [d.id for d in outcomes.changed] == ["D-004", "D-001"]
    assert [d.id for d in outcomes.not_possible] == ["D-003"]
    assert [d.id for d in outcomes.pending] == ["D-006", "D-002"]
    assert [d.id for d in outcomes.no_change] == ["D-007"]


def test_the_farewell_lists_open_actions_with_their_handover_and_thanks_by_consent(site: Published) -> None:
    report = site.group.reports["impact-2025"].model_copy(
        update={"handover": [Handover(action="ACT-002", to="the patient experience team")]})
    ending = farewell(site, report)
    assert [(h.item.action.id, h.to) for h in ending.open_actions] == [
        ("ACT-002", "the patient experience team"), ("ACT-005", None)]
    assert ending.thanked == ("Amina K.", "Dr Lee", "F. H.", "Sky")
    assert ending.thanked_by_role == (("co-chair", 1), ("member", 2))
    assert ending.records_home is None


@pytest.mark.parametrize(("share", "words"), [
    (Share(1, 3), "1 of 3 (33%)"), (Share(2, 3), "2 of 3 (67%)"), (Share(1, 8), "1 of 8 (13%)"),
    (Share(0, 0), "0 of 0"), (Share(5, 5), "5 of 5 (100%)"),
])
def test_shares_read_as_words_and_round_half_up(share: Share, words: str) -> None:
    assert str(share) == words


def test_quarters_and_medians() -> None:
    assert Quarter.of(dt.date(2025, 12, 31)).label == "Oct to Dec 2025"
    assert Quarter(2025, 4).end == dt.date(2025, 12, 31)
    assert median_days([]) is None and median_days([3, 9, 4]) == 4


def test_check_messages_word_for_word(site: Published) -> None:
    messages = [str(p) for p in run_checks(site.group, Settings(today=TODAY), impact.CHECKS)]
    assert messages == [
        ("reminder: content/decisions/D-002-budget.md, line 10: D-002 was referred to the hospital board "
        "and their reply was due on 1 April 2025, but no reply is recorded. Ask them again, or add their "
        "answer as 'response' and 'response_on'."),
        ("reminder: content/meetings/2025-02-14-leaflets.md, line 3: this meeting was 645 days ago and no "
        "feedback has been sent. Tell everyone what happened to their ideas, then add 'feedback:' with "
        "'sent_on:' (the date) and 'how:'."),
        ("reminder: content/meetings/2025-02-14-leaflets.md, line 15: the action ACT-002 was due on 1 March 2025 "
         "and is still open. If it is done, set its status to done and add 'done_on'. If not, agree a new date "
         "and change 'due', or set its status to dropped."),
        ("reminder: content/meetings/2025-11-05-autumn.md, line 3: this meeting was 381 days ago and no "
        "feedback has been sent. Tell everyone what happened to their ideas, then add 'feedback:' with "
        "'sent_on:' (the date) and 'how:'."),
    ]


@pytest.mark.parametrize(("today", "feedback_days", "warned"), [
    (dt.date(2025, 11, 19), 14, False),   # 14 days after the autumn meeting: not yet
    (dt.date(2025, 11, 20), 14, True),    # 15 days
    (dt.date(2025, 11, 20), 30, False),   # a group that allows 30 days
])
def test_missing_feedback_is_a_warning_only_after_the_configured_days(
        site: Published, today: dt.date, feedback_days: int, warned: bool) -> None:
    problems = impact.check_feedback_sent(site.group, Settings(today=today, feedback_days=feedback_days))
    assert ("content/meetings/2025-11-05-autumn.md" in [p.path for p in problems]) is warned


@pytest.mark.parametrize(("status", "today", "reminded"), [
    ("agreed", dt.date(2026, 6, 1), False),       # on the day itself
    ("agreed", dt.date(2026, 6, 2), True),
    ("superseded", dt.date(2026, 6, 2), False),   # replaced: nothing to look at again
    ("rejected", dt.date(2026, 6, 2), False),
    ("proposed", dt.date(2026, 6, 2), False),
])
def test_a_review_is_owed_after_its_day_and_only_for_a_decision_in_force(
        tmp_path: Path, status: str, today: dt.date, reminded: bool) -> None:
    d1 = "content/decisions/D-001-own-words.md"
    decision = FILES[d1].replace("outcome: changed", "outcome: changed\nreview_on: 2026-06-01").replace(
        "status: agreed", f"status: {status}")
    group, problems = load_group(write_files(tmp_path, {**FILES, d1: decision}))
    assert problems == []
    owed = [p.path for p in impact.check_decision_reviews(group, Settings(today=today))]
    assert owed == ([d1] if reminded else [])


def test_a_reply_is_not_overdue_on_its_due_date_or_once_recorded(site: Published) -> None:
    on_the_day = Settings(today=dt.date(2025, 4, 1))
    assert list(impact.check_referred_responses(site.group, on_the_day)) == []
    later = Settings(today=dt.date(2026, 1, 1))
    assert [p.path for p in impact.check_referred_responses(site.group, later)] == [
        "content/decisions/D-002-budget.md"]   # D-004 was due in December 2025 but has its reply
