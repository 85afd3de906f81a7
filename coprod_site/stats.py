"""Figures about shared power and impact, counted from the published records.

Every function here is pure: it takes the Published view (so a draft meeting,
or a decision made at one, is never counted) and a Period, and returns frozen
dataclasses that templates and charts read. Nothing is stored or estimated:
each figure is a count of records, and the "how we count this" sentences on
the pages say exactly which records.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .published import Published, PublishedAction
from .records import LADDER, Decision, Handovers, Meeting, Person, Report

Role = Literal["chairs", "facilitators", "note_takers"]
Holder = Literal["lived", "shared", "staff", "none"]
Outcome = Literal["changed", "not-possible", "pending", "no-change"]
Power = Literal["within-remit", "recommendation", "referred"] | None
"""Whose decision it was; None where the record does not say."""

ROLES: tuple[Role, ...] = ("chairs", "facilitators", "note_takers")
OUTCOMES: tuple[Outcome, ...] = ("changed", "not-possible", "pending", "no-change")
POWERS: tuple[Power, ...] = ("within-remit", "recommendation", "referred")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- small building blocks -----------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """`part` of `whole`, e.g. 3 of 4 meetings."""

    part: int
    whole: int

    @property
    def percent(self) -> int | None:
        """The share as a whole percentage, rounded half up; None when there is nothing to share."""
        if self.whole == 0:
            return None
        return (200 * self.part + self.whole) // (2 * self.whole)

    def __str__(self) -> str:
        """'3 of 4 (75%)', or '0 of 0' when there was nothing to count."""
        return f"{self.part} of {self.whole}" + ("" if self.percent is None else f" ({self.percent}%)")


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end`, both included."""

    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def quarters(self) -> tuple[Quarter, ...]:
        """Every calendar quarter the period touches, in order, including ones with no meetings."""
        found = []
        quarter = Quarter.of(self.start)
        while quarter.start <= self.end:
            found.append(quarter)
            quarter = quarter.next()
        return tuple(found)


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: 1 is January to March."""

    year: int
    number: int

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        return self.next().start - dt.timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    @property
    def label(self) -> str:
        """'Jan to Mar 2025'."""
        first = 3 * self.number - 3
        return f"{MONTHS[first]} to {MONTHS[first + 2]} {self.year}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and Quarter.of(day) == self


def whole_life(site: Published, ended_on: dt.date | None = None) -> Period:
    """From the day the group started (or its first meeting) to the day it ended (`ended_on`,
    else project.yml's), or today."""
    first = min([site.project.started_on, *(m.date for m in site.meetings)])
    return Period(first, ended_on or site.project.ended_on or site.today)


def median_days(gaps: Iterable[int]) -> float | None:
    """The middle number of days, or None when there is nothing to count."""
    values = list(gaps)
    return float(statistics.median(values)) if values else None


# --- who holds the pen ---------------------------------------------------------------


@dataclass(frozen=True)
class RoleShare:
    """For one role, how many meetings it was held by lived-experience members, staff, or both."""

    role: Role
    lived: int
    shared: int
    staff: int
    none: int

    @property
    def meetings(self) -> int:
        return self.lived + self.shared + self.staff + self.none

    @property
    def with_lived_experience(self) -> Share:
        """Meetings where at least one person in this role had lived experience."""
        return Share(self.lived + self.shared, self.meetings)

    def count(self, holder: Holder) -> int:
        return {"lived": self.lived, "shared": self.shared, "staff": self.staff, "none": self.none}[holder]


@dataclass(frozen=True)
class QuarterFigures:
    """One quarter of the group's life."""

    quarter: Quarter
    meetings: int
    roles: tuple[RoleShare, ...]
    joined: int
    left: int

    def role(self, role: Role) -> RoleShare:
        return next(share for share in self.roles if share.role == role)


@dataclass(frozen=True)
class ChairFigures:
    """How many different people chaired, and how many of them have lived experience."""

    people: int
    with_lived_experience: int


def held_meetings(site: Published, period: Period) -> list[Meeting]:
    """Meetings with agreed minutes in the period, oldest first."""
    return sorted((m for m in site.meetings if m.date in period), key=lambda m: (m.date, m.id))


def holder(site: Published, person_ids: Sequence[str]) -> Holder:
    """Who held a role at one meeting: lived-experience members only, staff only, both, or nobody."""
    if not person_ids:
        return "none"
    lived = {_has_lived_experience(site.group.people.get(p)) for p in person_ids}
    return "shared" if lived == {True, False} else "lived" if lived == {True} else "staff"


def _has_lived_experience(person: Person | None) -> bool:
    return person is not None and person.lived_experience


def role_share(site: Published, meetings: Iterable[Meeting], role: Role) -> RoleShare:
    """Count the meetings by who held `role` at them."""
    counts = dict.fromkeys(("lived", "shared", "staff", "none"), 0)
    for meeting in meetings:
        counts[holder(site, getattr(meeting, role))] += 1
    return RoleShare(role, **counts)


def role_shares(site: Published, meetings: Sequence[Meeting]) -> tuple[RoleShare, ...]:
    return tuple(role_share(site, meetings, role) for role in ROLES)


def chair_figures(site: Published, meetings: Iterable[Meeting]) -> ChairFigures:
    chairs = {person_id for meeting in meetings for person_id in meeting.chairs}
    lived = sum(_has_lived_experience(site.group.people.get(p)) for p in chairs)
    return ChairFigures(len(chairs), lived)


def quarter_figures(site: Published, period: Period) -> tuple[QuarterFigures, ...]:
    """Each quarter of the period, with its meetings' roles and who joined or left."""
    by_quarter: dict[Quarter, list[Meeting]] = {}
    for meeting in held_meetings(site, period):
        by_quarter.setdefault(Quarter.of(meeting.date), []).append(meeting)
    people = list(site.group.people.values())
    found = []
    for quarter in period.quarters():
        inside = by_quarter.get(quarter, [])
        found.append(QuarterFigures(
            quarter, len(inside), role_shares(site, inside),
            sum(p.joined_on in quarter and p.joined_on in period for p in people),
            sum(p.left_on in quarter and p.left_on in period for p in people)))
    return tuple(found)


# --- who comes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Attendance:
    """Who came to one meeting, as numbers."""

    meeting: Meeting
    members: int
    guests: int

    @property
    def total(self) -> int:
        return self.members + self.guests


@dataclass(frozen=True)
class Membership:
    """People joining and leaving in the period, and how many were members at its end."""

    joined: int
    left: int
    members_at_end: int
    no_join_date: int


def attendance(meetings: Iterable[Meeting]) -> tuple[Attendance, ...]:
    return tuple(Attendance(m, len(m.present), m.guests) for m in meetings)


def membership(site: Published, period: Period) -> Membership:
    """Counted from joined_on and left_on in people.yml; people with no join date are counted apart."""
    people = list(site.group.people.values())
    current = [p for p in people if (p.joined_on is None or p.joined_on <= period.end)
               and (p.left_on is None or p.left_on > period.end)]
    return Membership(
        joined=sum(p.joined_on in period for p in people),
        left=sum(p.left_on in period for p in people),
        members_at_end=len(current),
        no_join_date=sum(p.joined_on is None for p in people))


# --- closing the loop ----------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """A held meeting whose feedback has not been sent yet."""

    meeting: Meeting
    days: int


@dataclass(frozen=True)
class FeedbackFigures:
    """Did the group hear back, and how quickly?"""

    sent: Share
    median_days_to_feedback: float | None
    median_days_to_minutes: float | None
    minutes_dated: int
    waiting: tuple[Waiting, ...]


def feedback_figures(site: Published, meetings: Sequence[Meeting]) -> FeedbackFigures:
    """Feedback is counted from `feedback: sent_on`, minutes from `minutes: agreed_on`."""
    sent = {m.id: day for m in meetings if (day := feedback_sent_on(m)) is not None}
    to_feedback = [(sent[m.id] - m.date).days for m in meetings if m.id in sent]
    to_minutes = [(m.minutes.agreed_on - m.date).days for m in meetings if m.minutes.agreed_on]
    waiting = [Waiting(m, (site.today - m.date).days) for m in meetings if m.id not in sent]
    return FeedbackFigures(
        sent=Share(len(sent), len(meetings)),
        median_days_to_feedback=median_days(to_feedback),
        median_days_to_minutes=median_days(to_minutes),
        minutes_dated=len(to_minutes),
        waiting=tuple(sorted(waiting, key=lambda w: (w.meeting.date, w.meeting.id))))


def feedback_sent_on(meeting: Meeting) -> dt.date | None:
    return meeting.feedback.sent_on if meeting.feedback else None


# --- actions -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFigures:
    """What the group said it would do, and whether it happened."""

    total: int
    done: int
    on_time: int
    open: int
    overdue: int
    dropped: int

    @property
    def done_share(self) -> Share:
        return Share(self.done, self.total)

    @property
    def on_time_share(self) -> Share:
        return Share(self.on_time, self.done)


def actions_in(site: Published, period: Period) -> list[PublishedAction]:
    """Actions agreed at held meetings in the period."""
    return [pa for pa in site.actions if pa.meeting.date in period]


def action_figures(site: Published, actions: Sequence[PublishedAction]) -> ActionFigures:
    """Overdue means open with a due date before today; on time means done by the due date, or undated."""
    plain = [pa.action for pa in actions]
    return ActionFigures(
        total=len(plain),
        done=sum(a.status == "done" for a in plain),
        on_time=sum(a.done_on_time() for a in plain),
        open=sum(a.status == "open" for a in plain),
        overdue=sum(a.is_overdue(site.today) for a in plain),
        dropped=sum(a.status == "dropped" for a in plain))


# --- decisions -----------------------------------------------------------------------


def outcome_of(decision: Decision) -> Outcome:
    """What happened: the outcome if recorded; otherwise pending while still live, else nothing to change."""
    if decision.outcome is not None:
        return decision.outcome
    return "pending" if decision.status in ("agreed", "proposed") else "no-change"


@dataclass(frozen=True)
class PowerRow:
    """Decisions of one kind of power, by outcome."""

    power: Power
    changed: int
    not_possible: int
    pending: int
    no_change: int

    @property
    def total(self) -> int:
        return self.changed + self.not_possible + self.pending + self.no_change

    def count(self, outcome: Outcome) -> int:
        return {"changed": self.changed, "not-possible": self.not_possible,
                "pending": self.pending, "no-change": self.no_change}[outcome]


@dataclass(frozen=True)
class DecisionFigures:
    """Decisions by whose power they were in, and what came of them."""

    by_power: tuple[PowerRow, ...]
    referred_answered: int
    referred_waiting: int
    referred_overdue: int

    @property
    def total(self) -> int:
        return sum(row.total for row in self.by_power)

    def outcome_total(self, outcome: Outcome) -> int:
        return sum(row.count(outcome) for row in self.by_power)

    def power(self, power: Power) -> PowerRow:
        return next(row for row in self.by_power if row.power == power)


def decisions_in(site: Published, period: Period) -> list[Decision]:
    """Published decisions dated in the period, newest first."""
    return [d for d in site.decisions if d.date in period]


def decision_figures(site: Published, decisions: Sequence[Decision]) -> DecisionFigures:
    rows = []
    unrecorded: tuple[Power, ...] = (None,) if any(d.power is None for d in decisions) else ()
    for power in (*POWERS, *unrecorded):
        outcomes = [outcome_of(d) for d in decisions if d.power == power]
        rows.append(PowerRow(power, *(outcomes.count(o) for o in OUTCOMES)))
    referred = [d for d in decisions if d.power == "referred"]
    return DecisionFigures(
        tuple(rows),
        referred_answered=sum(not d.awaiting_response for d in referred),
        referred_waiting=sum(d.awaiting_response for d in referred),
        referred_overdue=sum(d.response_overdue(site.today) for d in referred))


# --- the ladder ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rung:
    """How many meetings and decisions were on one rung of the ladder of participation."""

    rung: str
    meetings: int
    decisions: int
    is_goal: bool


@dataclass(frozen=True)
class LadderFigures:
    """The rungs, highest first, against the group's goal."""

    goal: str | None
    rungs: tuple[Rung, ...]
    meetings_at_goal: Share
    decisions_at_goal: Share
    meetings_unrecorded: int
    decisions_unrecorded: int


def ladder_figures(site: Published, meetings: Sequence[Meeting], decisions: Sequence[Decision]) -> LadderFigures:
    """'At goal' means on the goal's rung or higher; records with no `ladder` are counted apart."""
    goal = site.project.ladder_goal
    rungs = tuple(Rung(rung, sum(m.ladder == rung for m in meetings), sum(d.ladder == rung for d in decisions),
                       rung == goal) for rung in reversed(LADDER))
    return LadderFigures(
        goal, rungs,
        _at_goal([m.ladder for m in meetings], goal), _at_goal([d.ladder for d in decisions], goal),
        sum(m.ladder is None for m in meetings), sum(d.ladder is None for d in decisions))


def _at_goal(rungs: list[str | None], goal: str | None) -> Share:
    recorded = [LADDER.index(r) for r in rungs if r is not None]
    floor = LADDER.index(goal) if goal else len(LADDER)
    return Share(sum(index >= floor for index in recorded), len(recorded))


# --- everything for a period ---------------------------------------------------------


@dataclass(frozen=True)
class PeriodFigures:
    """Every figure for one period: the "How we work together" page and a report's panel."""

    period: Period
    meetings: int
    roles: tuple[RoleShare, ...]
    chairs: ChairFigures
    quarters: tuple[QuarterFigures, ...]
    attendance: tuple[Attendance, ...]
    membership: Membership
    feedback: FeedbackFigures
    actions: ActionFigures
    decisions: DecisionFigures
    ladder: LadderFigures

    def role(self, role: Role) -> RoleShare:
        return next(share for share in self.roles if share.role == role)

    @property
    def attendances(self) -> int:
        """Members and guests at all held meetings, added up."""
        return sum(row.total for row in self.attendance)


def period_figures(site: Published, period: Period) -> PeriodFigures:
    """Every figure, counted from the published records of one period."""
    meetings = held_meetings(site, period)
    decisions = decisions_in(site, period)
    return PeriodFigures(
        period=period,
        meetings=len(meetings),
        roles=role_shares(site, meetings),
        chairs=chair_figures(site, meetings),
        quarters=quarter_figures(site, period),
        attendance=attendance(meetings),
        membership=membership(site, period),
        feedback=feedback_figures(site, meetings),
        actions=action_figures(site, actions_in(site, period)),
        decisions=decision_figures(site, decisions),
        ladder=ladder_figures(site, meetings, decisions))


def report_period(site: Published, report: Report) -> Period:
    """An impact report's period; a farewell report covers the group's whole life, to the day
    it says the group ended."""
    if report.period_from is None:
        return whole_life(site, report.ended_on)
    return Period(report.period_from, report.period_to or site.project.ended_on or site.today)


# --- "You said, we did" and the farewell ---------------------------------------------


@dataclass(frozen=True)
class OutcomeGroups:
    """Published decisions grouped by what happened, newest first in each."""

    changed: tuple[Decision, ...]
    not_possible: tuple[Decision, ...]
    pending: tuple[Decision, ...]
    no_change: tuple[Decision, ...]


def group_by_outcome(decisions: Iterable[Decision]) -> OutcomeGroups:
    chosen = list(decisions)
    return OutcomeGroups(*(tuple(d for d in chosen if outcome_of(d) == o) for o in OUTCOMES))


@dataclass(frozen=True)
class HandedOver:
    """An action still open, and who takes it on (None when nobody has yet)."""

    item: PublishedAction
    to: str | None


@dataclass(frozen=True)
class HandedOverDecision:
    """A decision still waiting for the reply of those it was referred to, and who will hear it
    (None when nobody is named yet)."""

    decision: Decision
    to: str | None


@dataclass(frozen=True)
class Farewell:
    """What the farewell report shows without anyone writing it."""

    outcomes: OutcomeGroups
    open_actions: tuple[HandedOver, ...]
    waiting_decisions: tuple[HandedOverDecision, ...]
    thanked: tuple[str, ...]
    thanked_by_role: tuple[tuple[str, int], ...]
    records_home: str | None


def farewell(site: Published, report: Report) -> Farewell:
    """Outcomes, open actions and decisions waiting for a reply with their handover, and thanks
    as each person's consent allows."""
    handed = Handovers.of([report])
    open_actions = tuple(HandedOver(pa, handed.actions.get(pa.action.id))
                         for pa in site.actions_with_status("open"))
    waiting = tuple(HandedOverDecision(d, handed.decisions.get(d.id)) for d in reversed(site.decisions)
                    if d.awaiting_response)
    return Farewell(group_by_outcome(site.decisions), open_actions, waiting,
                    tuple(p.public_name for p in site.members), _everyone_by_role(site),
                    site.project.records_home)


def _everyone_by_role(site: Published) -> tuple[tuple[str, int], ...]:
    """People shown only by role, past and present, counted by their first role."""
    counts: dict[str, int] = {}
    for person in site.group.people.values():
        if not person.is_named:
            counts[person.first_role] = counts.get(person.first_role, 0) + 1
    return tuple(sorted(counts.items()))
