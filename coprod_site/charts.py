"""Charts as plain objects: the figures from `stats`, laid out for a template to draw.

A chart here is numbers and words only: where each bar goes and how long it
is, what it is called, and a one-sentence summary. The SVG itself is written
in templates/_charts.html, which also puts the same figures in a table beside
the picture. Every series has a pattern as well as a colour, so nothing is
told by colour alone, and charts print in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .stats import (
    OUTCOMES,
    ROLES,
    Attendance,
    DecisionFigures,
    LadderFigures,
    PeriodFigures,
    Power,
    QuarterFigures,
    RoleShare,
    Share,
)
from .words import plural

Pattern = Literal["solid", "hatch", "dots", "outline"]

WIDTH = 400
"""The drawing's own units; the picture scales to its column."""
LEFT = 12
PLOT_WIDTH = 326
LABEL_HEIGHT = 18
BAR_HEIGHT = 24
ROW_GAP = 12
TOP = 6
AXIS_HEIGHT = 22
MIN_LABEL_WIDTH = 26
"""A segment narrower than this has no number written on it (the table has it)."""


@dataclass(frozen=True)
class Series:
    """One kind of thing counted in every bar, e.g. 'Staff only'."""

    key: str
    label: str
    pattern: Pattern
    short: str = ""
    """A shorter label for the table's column heading (the key gives the full one)."""

    @property
    def heading(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Segment:
    """One series' part of one bar."""

    series: Series
    value: int
    x: float
    width: float

    @property
    def labelled(self) -> bool:
        """Wide enough to carry its number."""
        return self.width >= MIN_LABEL_WIDTH

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class Bar:
    """One row: its label above, its segments left to right, its total after."""

    label: str
    values: tuple[int, ...]
    segments: tuple[Segment, ...]
    label_y: float
    bar_y: float

    @property
    def total(self) -> int:
        return sum(self.values)

    @property
    def end_x(self) -> float:
        return self.segments[-1].x + self.segments[-1].width if self.segments else LEFT


@dataclass(frozen=True)
class Tick:
    """A value on the scale, with a faint line across the chart."""

    value: int
    x: float


@dataclass(frozen=True)
class BarChart:
    """A horizontal stacked bar chart, and everything needed to draw it and its table."""

    id: str
    title: str
    summary: str
    row_heading: str
    empty_text: str
    series: tuple[Series, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]

    width: int = WIDTH
    left: int = LEFT
    bar_height: int = BAR_HEIGHT

    @property
    def axis_y(self) -> float:
        return TOP + len(self.bars) * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)

    @property
    def height(self) -> float:
        return self.axis_y + AXIS_HEIGHT

    @property
    def totals(self) -> tuple[int, ...]:
        """Each series added up over all bars, for the table's last row."""
        return tuple(sum(bar.values[index] for bar in self.bars) for index in range(len(self.series)))


def nice_scale(largest: int) -> tuple[int, int]:
    """The scale's end and step: round numbers, at most about five ticks."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if math.ceil(max(largest, 1) / step) <= 5:
            return math.ceil(max(largest, 1) / step) * step, step
    step = 10 ** math.ceil(math.log10(largest / 5))
    return math.ceil(largest / step) * step, step


def stacked_bar_chart(chart_id: str, title: str, summary: str, row_heading: str,
                      series: Sequence[Series], rows: Sequence[tuple[str, Sequence[int]]],
                      empty_text: str = "None") -> BarChart:
    """Lay out one bar per row, its segments in series order, on a shared scale."""
    end, step = nice_scale(max((sum(values) for _, values in rows), default=0))
    unit = PLOT_WIDTH / end
    bars = tuple(_bar(label, tuple(values), series, index, unit) for index, (label, values) in enumerate(rows))
    ticks = tuple(Tick(value, round(LEFT + value * unit, 1)) for value in range(0, end + 1, step))
    return BarChart(chart_id, title, summary, row_heading, empty_text, tuple(series), bars, ticks)


def _bar(label: str, values: tuple[int, ...], series: Sequence[Series], index: int, unit: float) -> Bar:
    top = TOP + index * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
    segments, x = [], float(LEFT)
    for kind, value in zip(series, values, strict=True):
        if value:
            segments.append(Segment(kind, value, round(x, 1), round(value * unit, 1)))
            x += value * unit
    return Bar(label, values, tuple(segments), label_y=top + LABEL_HEIGHT - 5, bar_y=top + LABEL_HEIGHT)


# --- the charts the pages show -------------------------------------------------------

HOLDERS = (
    Series("lived", "Lived-experience members only", "solid", "Lived experience only"),
    Series("shared", "Shared by lived-experience members and staff", "hatch", "Shared"),
    Series("staff", "Staff only", "dots"),
    Series("none", "Nobody recorded", "outline", "Nobody"),
)
ROLE_LABELS = {"chairs": "Chairing", "facilitators": "Facilitating", "note_takers": "Taking notes"}
ROLE_VERBS = {"chairs": "chaired or co-chaired", "facilitators": "facilitated", "note_takers": "took notes at"}
OUTCOME_SERIES = (
    Series("changed", "Changed", "solid"),
    Series("not-possible", "Could not change", "hatch"),
    Series("pending", "Still to happen", "dots"),
    Series("no-change", "Nothing to change", "outline"),
)
POWER_LABELS: dict[Power, str] = {"within-remit": "Ours to decide", "recommendation": "Our recommendations",
                                  "referred": "Referred to others", None: "Not recorded"}


def _holders(share: RoleShare) -> tuple[int, ...]:
    return tuple(share.count(series.key) for series in HOLDERS)  # type: ignore[arg-type]


def roles_chart(figures: PeriodFigures) -> BarChart:
    """Who chaired, facilitated and took notes, over every held meeting."""
    parts = [f"{ROLE_VERBS[r]} {_share_words(figures.role(r).with_lived_experience)}" for r in ROLES]
    summary = (f"Lived-experience members {parts[0]}, {parts[1]} and {parts[2]} of our meetings."
               if figures.meetings else "No meetings have been published yet.")
    rows = [(ROLE_LABELS[r], _holders(figures.role(r))) for r in ROLES]
    return stacked_bar_chart("chart-roles", "Who chaired, facilitated and took notes", summary,
                             "Role", HOLDERS, rows)


def chairs_by_quarter_chart(quarters: Sequence[QuarterFigures]) -> BarChart:
    """Who chaired in each quarter; quarters with no meetings are shown as such."""
    met = [q for q in quarters if q.meetings]
    lived = sum(q.role("chairs").with_lived_experience.part > 0 for q in met)
    summary = (f"Of {plural(len(quarters), 'quarter')}, {len(met)} had meetings, and lived-experience "
               f"members chaired or co-chaired in {lived} of those.")
    rows = [(q.quarter.label, _holders(q.role("chairs"))) for q in quarters]
    return stacked_bar_chart("chart-chairs-by-quarter", "Who chaired our meetings, quarter by quarter",
                             summary, "Quarter", HOLDERS, rows, empty_text="No meetings")


def attendance_chart(rows: Sequence[Attendance], meetings: int | None = None) -> BarChart:
    """Members and guests at each meeting, oldest first: the last `len(rows)` of `meetings`."""
    series = (Series("members", "Members", "solid"), Series("guests", "Guests", "hatch"))
    totals = [row.total for row in rows]
    latest = meetings is not None and meetings > len(rows)
    which = f"our last {len(rows)} meetings" if latest else f"our {plural(len(rows), 'meeting')}"
    summary = (f"Between {min(totals)} and {max(totals)} people came to each of {which}: "
               f"{plural(sum(r.members for r in rows), 'member visit')} and "
               f"{plural(sum(r.guests for r in rows), 'guest visit')} in all." if rows
               else "No meetings have been published yet.")
    title = f"How many people came to each of {which}" if latest else "How many people came to each meeting"
    bars = [(f"{row.meeting.date.day} {row.meeting.date:%b %Y}", (row.members, row.guests)) for row in rows]
    return stacked_bar_chart("chart-attendance", title, summary, "Meeting", series, bars)


def decisions_chart(figures: DecisionFigures) -> BarChart:
    """Decisions by whose power they were in, split by what happened."""
    unrecorded = sum(row.total for row in figures.by_power if row.power is None)
    summary = (f"Of {plural(figures.total, 'decision')}, {_were(figures.power('within-remit').total, 'ours to decide')}, "
               f"{_were(figures.power('recommendation').total, 'a recommendation', 'recommendations')} and "
               f"{_were(figures.power('referred').total, 'referred to others')}"
               + (f" ({unrecorded} {'does' if unrecorded == 1 else 'do'} not say)" if unrecorded else "")
               + f"; {figures.outcome_total('changed')} changed something.")
    rows = [(POWER_LABELS[row.power], tuple(row.count(o) for o in OUTCOMES)) for row in figures.by_power]
    return stacked_bar_chart("chart-decisions", "Whose decision was it, and what happened", summary,
                             "Whose decision", OUTCOME_SERIES, rows)


def ladder_chart(figures: LadderFigures) -> BarChart:
    """Meetings and decisions on each rung of the ladder, highest rung first, the goal marked."""
    series = (Series("meetings", "Meetings", "solid"), Series("decisions", "Decisions", "hatch"))
    goal = figures.goal
    summary = (f"{_share_words(figures.meetings_at_goal)} meetings and {_share_words(figures.decisions_at_goal)} "
               f"decisions with a rung recorded were at our goal, {goal}, or higher." if goal
               else "We have not set a goal on the ladder yet, so this shows where our meetings and decisions were.")
    rows = [(rung.rung.capitalize() + (" (our goal)" if rung.is_goal else ""),
             (rung.meetings, rung.decisions)) for rung in figures.rungs]
    return stacked_bar_chart("chart-ladder", "How involved we were: the ladder of participation", summary,
                             "Rung", series, rows)


def _were(count: int, one: str, many: str | None = None) -> str:
    """'1 was a recommendation', '3 were recommendations'."""
    return f"{count} was {one}" if count == 1 else f"{count} were {many or one}"


def _share_words(share: Share) -> str:
    """'3 of 4 (75%)'."""
    return str(share)
