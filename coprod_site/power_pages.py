"""The pages that show shared power and impact: "You said, we did", "How we work together",
and the automatic parts of impact and farewell reports.

Importing this module registers its page builder and its report context with
`pages`; the figures come from `stats` and the pictures from `charts`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import charts
from .charts import BarChart
from .pages import HOW_WE_WORK_PAGE, PAGE_BUILDERS, REPORT_CONTEXT, PageSpec
from .published import Published
from .records import Report
from .stats import (
    PeriodFigures,
    decision_figures,
    decisions_in,
    farewell,
    group_by_outcome,
    period_figures,
    report_period,
    whole_life,
)

HOW_WE_WORK = "How we work together"


@dataclass(frozen=True)
class Standard:
    """One of the UK Standards for Public Involvement, in plain words."""

    key: str
    name: str
    meaning: str


STANDARDS = {
    "inclusive-opportunities": Standard(
        "inclusive-opportunities", "Inclusive opportunities",
        "Anyone who could be affected can take part, and we give people the support they need to join in."),
    "working-together": Standard(
        "working-together", "Working together",
        "We work as a team, we value what everyone brings, and we agree together how we do things."),
    "support-and-learning": Standard(
        "support-and-learning", "Support and learning",
        "People get the help, training and confidence they need to take part, and we learn from each other."),
    "communications": Standard(
        "communications", "Communications",
        "We use plain words, share things in good time, and tell people what happened to their ideas."),
    "impact": Standard(
        "impact", "Impact",
        "We look for the difference that involving people makes, and we share what changed and what did not."),
    "governance": Standard(
        "governance", "Governance",
        "People with lived experience have a say in how the work is planned, run and checked."),
}
"""The six UK Standards for Public Involvement (NIHR and partners, 2019), explained simply."""


@dataclass(frozen=True)
class PowerCharts:
    """The charts on the "How we work together" page."""

    roles: BarChart
    chairs_by_quarter: BarChart
    attendance: BarChart
    decisions: BarChart
    ladder: BarChart


RECENT_QUARTERS = 12
"""Quarters shown one by one (three years), so the page keeps its size as the years go by."""
RECENT_MEETINGS = 12
"""Meetings shown one by one in the attendance chart."""


def power_charts(figures: PeriodFigures) -> PowerCharts:
    return PowerCharts(
        roles=charts.roles_chart(figures),
        chairs_by_quarter=charts.chairs_by_quarter_chart(figures.quarters[-RECENT_QUARTERS:]),
        attendance=charts.attendance_chart(figures.attendance[-RECENT_MEETINGS:], len(figures.attendance)),
        decisions=charts.decisions_chart(figures.decisions),
        ladder=charts.ladder_chart(figures.ladder))


def build_power_pages(site: Published) -> Iterator[PageSpec]:
    """'You said, we did' and 'How we work together', counted from the published records."""
    name = site.project.name
    yield PageSpec("you-said-we-did.md", "You said, we did", "you_said_we_did.html",
                   context={"outcomes": group_by_outcome(site.decisions),
                            "figures": decision_figures(site, site.decisions)},
                   description=f"What {name} asked for, and what happened: what changed, what could not, "
                               "and what we are still waiting for.", in_nav=True)
    figures = period_figures(site, whole_life(site))
    yield PageSpec(HOW_WE_WORK_PAGE, how_we_work_title(site), "how_we_work.html",
                   context={"figures": figures, "charts": power_charts(figures),
                            "quarters": figures.quarters[-RECENT_QUARTERS:],
                            "earlier_quarters": max(0, len(figures.quarters) - RECENT_QUARTERS)},
                   description=f"Who holds the power in {name}, whether we heard back, and what changed, "
                               "counted from our records.", in_nav=True)


def how_we_work_title(site: Published) -> str:
    """'How we work together', unless the charter already has that title."""
    charter = site.group.charter
    clash = charter is not None and charter.title.strip().lower() == HOW_WE_WORK.lower()
    return f"{HOW_WE_WORK}, in numbers" if clash else HOW_WE_WORK


def report_context(site: Published, report: Report) -> dict[str, Any]:
    """The automatic parts of a report: its period in numbers, its decisions, its standards."""
    period = report_period(site, report)
    context: dict[str, Any] = {
        "numbers": period_figures(site, period),
        "period_decisions": decisions_in(site, period),
        "standards": [STANDARDS[key] for key in report.standards],
        "farewell": farewell(site, report) if report.report_kind == "farewell" else None,
        "how_we_work_title": how_we_work_title(site),
    }
    return context


PAGE_BUILDERS.append(build_power_pages)
REPORT_CONTEXT.append(report_context)
