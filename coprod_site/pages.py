"""From published records to page specs: which pages exist, where, and what they show.

A PageSpec is engine-neutral: a path inside the site's docs, the Markdown body
the engine renders (a record's own text, so search finds it), and the template
that wraps it with the record's fields.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .charter_history import charter_history_context, charter_page_context
from .listing import ListPage, Pager, group_by_year, page_title, paginate, year_links
from .outputs import OUTPUT_BUILDERS, OutputFile
from .published import Published, PublishedAction, record_page
from .records import Decision, Group, Meeting, Report
from .settings import Settings

HOME_PAGE = "index.md"
"""The home page, which opens with the group's own index.md (shown under the group's name)."""
GLOSSARY_PAGE = "glossary.md"
"""The page that explains the group's words, which every marked term links to."""
HOW_WE_WORK_PAGE = "how-we-work.md"

NAV_TITLES = {
    HOME_PAGE: "Home",
    "charter/index.md": "Our charter",
    "meetings/index.md": "Meetings",
    "decisions/index.md": "Decisions",
    "actions.md": "Actions",
    "you-said-we-did.md": "You said, we did",
    HOW_WE_WORK_PAGE: "How we work together",
    "reports/index.md": "Reports",
    "people.md": "Who we are",
    GLOSSARY_PAGE: "Glossary",
}


SITE_PAGES: dict[str, str] = {**NAV_TITLES, "charter/history.md": "How our charter has changed"}
"""Every page the site makes whatever the records hold, by path, with its title: the modules
that add page builders add their pages here too (see `site_pages`)."""


@dataclass(frozen=True)
class PageSpec:
    """One page the site will have."""

    path: str
    title: str
    template: str
    markdown: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    in_nav: bool = False

    @property
    def url(self) -> str:
        return page_url(self.path)


def shown_file(src_uri: str, spec: PageSpec | None, group: Group) -> str | None:
    """The one file whose words a page shows (a record's, or a page of the group's own), or None
    for a page made from lists."""
    if spec is None:
        page = group.pages.get(src_uri)
        return page.path if page is not None else None
    source = getattr(spec.context.get("record"), "source", None)
    return source.path if source is not None else None


def page_url(path: str) -> str:
    """'meetings/2025-03-14-x.md' -> 'meetings/2025-03-14-x/' (directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one directory URL to another, so the site works under any sub-path."""
    target, _, anchor = to_url.partition("#")
    relative = posixpath.relpath("/" + target, "/" + from_url)
    if (target.endswith("/") or not target) and relative != ".":
        relative += "/"
    relative = "./" if relative == "." else relative
    return f"{relative}#{anchor}" if anchor else relative


PageBuilder = Callable[[Published], Iterable[PageSpec]]


def _every_builder() -> None:
    from . import accessibility, sharing  # noqa: F401  (importing them adds their pages)


def site_pages() -> dict[str, str]:
    """Every page the site makes whatever the records hold ('people.md': 'Who we are'), so that
    a page of the group's own at one of their addresses, or a link to none of them, is told."""
    _every_builder()
    return SITE_PAGES


def group_pages(site: Published) -> list[PageSpec]:
    """Every page the group's site has, the home page opening with the group's own index.md."""
    _every_builder()
    intro = site.group.pages[HOME_PAGE].body if HOME_PAGE in site.group.pages else ""
    return build_pages(site, intro)


def build_pages(site: Published, intro: str = "") -> list[PageSpec]:
    """Every page the group's records make: the home page, then each builder's pages."""
    home = PageSpec(HOME_PAGE, site.project.name, "home.html", intro,
                    description=site.project.summary, in_nav=True)
    return [home, *(spec for builder in PAGE_BUILDERS for spec in builder(site))]


def _section_pages(site: Published) -> Iterator[PageSpec]:
    name = site.project.name
    if site.group.charter is not None:
        yield PageSpec("charter/index.md", site.group.charter.title, "charter.html",
                       site.group.charter.source.body, charter_page_context(site),
                       description=f"How {name} works together.", in_nav=True)
        yield PageSpec("charter/history.md", "How our charter has changed", "charter_history.html",
                       context=charter_history_context(site),
                       description=f"Every version of the charter of {name}.")
    yield from _list_pages(site, "meetings/", "Meetings", "meetings.html", site.meetings,
                           f"Summaries of the meetings of {name}.")
    yield from _list_pages(site, "decisions/", "Decisions", "decisions.html", site.decisions,
                           f"What {name} decided, and what happened next.")
    yield from _action_pages(site)
    if site.reports:
        yield PageSpec("reports/index.md", "Reports", "reports.html",
                       description=f"Reports of {name}.", in_nav=True)
    yield PageSpec("people.md", "Who we are", "people.html", _remit(site),
                   description=f"The people of {name}.", in_nav=True)
    if site.group.glossary:
        yield PageSpec(GLOSSARY_PAGE, "Glossary", "glossary.html",
                       description="What our words and abbreviations mean.", in_nav=True)


def _year(record: Meeting | Decision) -> int:
    return record.date.year


def _list_pages(site: Published, base: str, title: str, template: str,
                records: Sequence[Meeting | Decision], description: str) -> Iterator[PageSpec]:
    """A list of records in pages of `site.page_size`, newest first, then one set of pages per year.

    Only the first page is in the sidebar; every page links to the years and
    to a fixed number of neighbouring pages, so no page grows with the records.
    """
    years = group_by_year(records, _year)
    for year, in_year in [(None, records), *years]:
        first = base if year is None else f"{base}{year}/"
        heading = title if year is None else f"{title} in {year}"
        for page in paginate(first, in_year, site.page_size):
            context = {"items": page.items, "pager": page.pager, "year": year,
                       "years": year_links(base, years, year)}
            yield PageSpec(page.path, page_title(heading, page.pager), template, context=context,
                           description=_page_description(description, page.pager),
                           in_nav=year is None and page.pager.number == 1)


def _action_pages(site: Published) -> Iterator[PageSpec]:
    """Open actions in full on /actions/; done and dropped ones there too, or by year when many."""
    name = site.project.name
    years, pages = _past_action_pages(site)
    yield PageSpec("actions.md", "Actions", "actions.html",
                   context={"past_in_full": not pages, "years": year_links("actions/", years),
                            "action_index": ACTION_INDEX if pages else None},
                   description=f"What {name} said it would do.", in_nav=True)
    for year, page in pages:
        context = {"items": page.items, "pager": page.pager, "year": year,
                   "years": year_links("actions/", years, year)}
        yield PageSpec(page.path, page_title(f"Done and dropped actions from {year}", page.pager),
                       "actions_year.html", context=context,
                       description=_page_description(f"What {name} did in {year}.", page.pager))


ACTION_INDEX = "actions/where.json"
"""Where each done or dropped action is, once they are listed by year: '/actions/#ACT-021' is
every action's address (CONTENT-MODEL), and the actions page finds it there (copy-link.js)."""


def _past_action_pages(site: Published) -> tuple[list[tuple[int, list[PublishedAction]]],
                                                 list[tuple[int, ListPage[PublishedAction]]]]:
    """Done and dropped actions by year, and the pages of each year; no pages when there are
    few enough for the actions page itself."""
    past = [pa for pa in site.actions if pa.action.status != "open"]
    years = group_by_year(past, lambda pa: pa.meeting.date.year)
    if len(past) <= site.page_size:
        return years, []
    return years, [(year, page) for year, in_year in years
                   for page in paginate(f"actions/{year}/", in_year, site.page_size)]


def action_index(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """ACTION_INDEX: each action listed by year, and the address of its page from /actions/."""
    _, pages = _past_action_pages(site)
    if pages:
        where = {pa.action.id: relative_url("actions/", page_url(page.path)) for _, page in pages for pa in page.items}
        yield OutputFile(ACTION_INDEX, json.dumps(where, separators=(",", ":"), sort_keys=True).encode())


def _page_description(description: str, pager: Pager) -> str:
    return description if pager.number == 1 else f"{description} Page {pager.number} of {pager.count}."


def _remit(site: Published) -> str:
    """The charter's remit clause, shown again on the people page."""
    charter = site.group.charter
    remit = next((c for c in charter.clauses if c.id == "remit"), None) if charter else None
    return remit.text if remit else ""


def _record_pages(site: Published) -> Iterator[PageSpec]:
    for meeting in site.meetings_with_pages:
        yield _meeting_page(meeting)
    for decision in site.decisions:
        yield _decision_page(decision)
    clause_titles = {c.id: c.heading for c in site.group.charter.clauses} if site.group.charter else {}
    for amendment in site.amendments:
        yield PageSpec(record_page(amendment.kind, amendment.id), f"{amendment.id}: {amendment.title}",
                       "amendment.html", amendment.source.body,
                       {"record": amendment, "clause_titles": clause_titles},
                       description=f"A change to our charter: {amendment.title}.")
    for report in site.reports:
        yield _report_page(site, report)


def _meeting_page(meeting: Meeting) -> PageSpec:
    when = f"{meeting.date:%-d %B %Y}"
    body = meeting.source.body if meeting.is_agreed else ""
    description = (f"Summary of our meeting on {when}: {meeting.title}." if meeting.is_agreed
                   else f"Our meeting on {when}: {meeting.title}.")  # not 'next': the page outlives the day
    # A link shared in a chat shows the window title and description: they say it is off too.
    title = f"Cancelled: {meeting.title}" if meeting.is_cancelled else meeting.title
    description = f"Cancelled. {description}" if meeting.is_cancelled else description
    return PageSpec(record_page(meeting.kind, meeting.id), title, "meeting.html", body,
                    {"record": meeting}, description)


def _decision_page(decision: Decision) -> PageSpec:
    return PageSpec(record_page(decision.kind, decision.id), f"{decision.id}: {decision.title}", "decision.html",
                    decision.source.body, {"record": decision},
                    description=f"Decision {decision.id}, {decision.date:%-d %B %Y}: {decision.title}.")


def _report_page(site: Published, report: Report) -> PageSpec:
    context: dict[str, Any] = {"record": report}
    for provider in REPORT_CONTEXT:
        context.update(provider(site, report))
    return PageSpec(record_page(report.kind, report.id), report.title, "report.html", report.source.body,
                    context, description=report.title)


ReportContext = Callable[[Published, Report], dict[str, Any]]
REPORT_CONTEXT: list[ReportContext] = []
"""Each adds template context to every report page; a feature adds its own provider here."""


PAGE_BUILDERS: list[PageBuilder] = [_section_pages, _record_pages]
"""Each returns some of the site's pages; a feature adds its own builder here."""

if action_index not in OUTPUT_BUILDERS:
    OUTPUT_BUILDERS.append(action_index)

# Features that add pages register themselves on import (they need the names above).
from . import power_pages  # noqa: F401
