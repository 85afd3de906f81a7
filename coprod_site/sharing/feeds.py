"""Atom feeds: everything newly published, and one feed per kind of record.

A community follows the group in a feed reader instead of checking the site.
A reader fetches the whole feed each time it looks, so each feed keeps only
the newest entries (`feed_entries`, 50 unless set); the site keeps every record.
Each entry is dated by when the group agreed or published it, so a meeting
appears when its minutes are agreed, not when it happened; it is updated when
git says its words last changed (or, for an entry that names people, people.yml),
so that a feed reader fetches it again: after someone withdraws consent to be
named, say. Entry ids are tag: URIs built from record ids, so they never change
between builds.

A decision's entry says in its title when the group turned it down or a later decision
replaced it, and says first what happened next (the outcome, the reply from whoever it was
referred to, the decision that replaced it); the day of that reply or replacement updates the
entry even where git has no history, so a follower hears the news.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

import markdown
from feedgen.feed import FeedGenerator

from ..gitlog import last_changed
from ..outputs import OutputFile, RebuildCache
from ..published import Published, content_note
from ..records import Amendment, Decision, Meeting, Report
from ..render import format_date
from ..sanitize import clean_html
from ..settings import MarkdownSetup, Settings, SharedConverter
from ..sources import CONTROL_CHARACTER
from ..words import join_words, mid_sentence
from .links import absolute_url, at_midnight, first_id, last_change, record_url, tag_id


@dataclass(frozen=True)
class Feed:
    """One published feed: `name` is also its file name, feeds/<name>.atom.xml; `page` is the
    site's page of what it follows, its 'alternate' link."""

    name: str
    title: str
    kind: str | None
    page: str

    @property
    def path(self) -> str:
        return f"feeds/{self.name}.atom.xml"


FEEDS = (
    Feed("all", "Everything new", None, ""),
    Feed("meetings", "Meeting summaries", "meeting", "meetings/"),
    Feed("decisions", "Decisions", "decision", "decisions/"),
    Feed("amendments", "Changes to our charter", "amendment", "charter/history/"),
    Feed("reports", "Reports", "report", "reports/"),
)


@dataclass(frozen=True)
class FeedEntry:
    """A record as a feed shows it."""

    kind: str
    record_id: str
    """The id it was first published under (`first_id`), for its entry id."""
    title: str
    url: str
    published: dt.date
    summary: str
    body: str
    """The record's Markdown (as the site shows it, once `_as_shown` has made the entry)."""
    path: str
    """The record's file, which its relative links start from."""
    changed: dt.date | None = None
    """When git says its words last changed, for the entries a feed keeps."""
    content_notes: tuple[str, ...] = ()
    """What the summary talks about that some readers may want to skip: said before it, as on
    its page."""
    next_steps: str = ""
    """What happened after it was published (a decision's outcome, reply and replacement): said
    after the summary, and before the text in the entry's content, as news."""

    @property
    def updated(self) -> dt.date:
        """When it was published, or last changed after that."""
        return max(self.published, self.changed or self.published)


def build_feed_files(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """Every feed, when the site knows its address (feeds need absolute links)."""
    if site.site_url is None:
        return
    ENTRY_HTML.new_build()
    changed = last_changed(Path(site.group.root), site.group.content)
    entries, size = newest_first(site, changed), max(1, settings.feed_entries)
    chosen = {feed: [e for e in entries if feed.kind in (None, e.kind)][:size] for feed in FEEDS}
    every_chosen = dict.fromkeys(entry for kept in chosen.values() for entry in kept)
    shown = {entry: _as_shown(site, entry, changed) for entry in every_chosen}
    for feed, kept in chosen.items():
        yield OutputFile(feed.path, render_feed(site, feed, [shown[entry] for entry in kept], settings.markdown))


def newest_first(site: Published, changed: Mapping[str, dt.date]) -> list[FeedEntry]:
    """Every published record worth announcing, newest first (people not yet resolved);
    `changed` is when git says each file last changed."""
    entries = [*map(_meeting_entry, site.meetings),
               *(_decision_entry(site, d) for d in site.decisions),
               *(_amendment_entry(site, a) for a in site.amendments_with_status("agreed")),
               *(_report_entry(site, r, changed) for r in site.reports)]
    found = [entry for entry in entries if entry is not None]
    return sorted(found, key=lambda e: (e.published, e.kind, e.record_id), reverse=True)


def _as_shown(site: Published, entry: FeedEntry, changed: Mapping[str, dt.date]) -> FeedEntry:
    """The entry's text as the site shows it (`Published.shown_text`), once, though it is in two
    feeds; and when its words last changed: its file, or people.yml for a text naming people."""
    days = [entry.changed, changed.get(entry.path)]
    if "[[" in entry.body:
        days.append(changed.get(f"{site.group.content}/people.yml"))
    return replace(entry, body=site.shown_text(entry.body, entry.path), changed=last_change(days, site.today))


def _meeting_entry(meeting: Meeting) -> FeedEntry:
    agreed = meeting.minutes.agreed_on or meeting.date
    return FeedEntry("meeting", first_id(meeting), f"Meeting summary: {meeting.title}", record_url(meeting), agreed,
                     f"Summary of our meeting on {format_date(meeting.date)}, agreed on {format_date(agreed)}.",
                     meeting.source.body, meeting.source.path, content_notes=tuple(meeting.content_notes))


def _decision_entry(site: Published, decision: Decision) -> FeedEntry:
    """A decision, its title saying when it was turned down or replaced; updated on the day of
    the reply from whoever it was referred to, or of the decision that replaced it."""
    later = site.superseded_by(decision)
    news = [decision.response_on, *(_decision_published(site, other) for other in later)]
    return FeedEntry("decision", first_id(decision), _decision_title(decision, later), record_url(decision),
                     _decision_published(site, decision), _decided_words(decision),
                     decision.source.body, decision.source.path,
                     changed=last_change(news, site.today),
                     next_steps=" ".join(_decision_news(decision, later)))


def _decision_published(site: Published, decision: Decision) -> dt.date:
    return published_with_minutes(site, decision.made_at, decision.date)


def _decision_title(decision: Decision, later: list[Decision]) -> str:
    """'Decision D-004 (replaced by D-008): ...': a decision that is not (or no longer) what the
    group does says so where every feed reader shows it."""
    replaced = f"replaced by {join_words([other.id for other in later])}" if later else "replaced"
    label = {"rejected": "turned down", "proposed": "not decided yet", "superseded": replaced}.get(
        decision.status, replaced if later else None)
    return f"Decision {decision.id}{f' ({label})' if label else ''}: {decision.title}"


def _decided_words(decision: Decision) -> str:
    day = format_date(decision.date)
    return {"rejected": f"On {day} we decided not to do this.",
            "proposed": f"Proposed on {day}: not decided yet."}.get(decision.status, f"Decided on {day}.")


def _decision_news(decision: Decision, later: list[Decision]) -> Iterator[str]:
    """What happened next, as the decision's page says it: the outcome, their reply, and the
    decisions that replaced it."""
    if decision.outcome_note:
        yield _sentence(decision.outcome_note)
    if decision.response:
        who = mid_sentence(decision.referred_to) or "them"
        when = f" on {format_date(decision.response_on)}" if decision.response_on else ""
        yield f"Reply from {who}{when}: {_sentence(decision.response)}"
    for other in later:
        yield f"Replaced on {format_date(other.date)} by decision {other.id}: {_sentence(other.title)}"


def _sentence(text: str) -> str:
    """Text from a record, as a sentence: one line, ending with a full stop."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else f"{text}."


def published_with_minutes(site: Published, meeting_id: str | None, day: dt.date) -> dt.date:
    """A record made or agreed at a meeting (a decision, a charter change) is published when
    that meeting's minutes are agreed: the later of its own day and theirs."""
    meeting = site.meeting(meeting_id)
    agreed = meeting.minutes.agreed_on if meeting is not None else None
    return max(day, agreed) if agreed else day


def _amendment_entry(site: Published, amendment: Amendment) -> FeedEntry | None:
    """An agreed change to the charter, announced (like a decision) once the minutes of the
    meeting that agreed it are agreed: never with its proposal's date standing in."""
    meeting = site.meeting(amendment.agreed_at)
    if amendment.agreed_at is not None and (meeting is None or not meeting.is_agreed):
        return None  # agreed at a meeting whose minutes are not yet agreed
    agreed = meeting.date if meeting is not None else amendment.proposed_on
    if agreed is None:
        return None
    version = f" It made version {amendment.charter_version} of our charter." if amendment.charter_version else ""
    return FeedEntry("amendment", first_id(amendment), f"Charter change {amendment.id}: {amendment.title}",
                     record_url(amendment), published_with_minutes(site, amendment.agreed_at, agreed),
                     f"Agreed on {format_date(agreed)}.{version}",
                     amendment.source.body, amendment.source.path)


def _report_entry(site: Published, report: Report, changed: Mapping[str, dt.date]) -> FeedEntry:
    """A report, dated by the end of the time it covers, and never after today (a feed reader
    would keep an entry dated in the future at the top). A report that gives no dates is dated
    by when its file last changed (a farewell by the group's end): never by the day of the
    build, which would bring it back to the top of the feed at every build."""
    covered = report.period_to or report.ended_on or report.period_from
    if covered is None and report.report_kind == "farewell":
        covered = site.project.ended_on
    published = min(covered or changed.get(report.source.path) or site.project.started_on, site.today)
    kind = "Farewell report" if report.report_kind == "farewell" else "Impact report"
    return FeedEntry("report", first_id(report), f"{kind}: {report.title}", record_url(report), published,
                     report.title, report.source.body, report.source.path)


def render_feed(site: Published, feed: Feed, entries: list[FeedEntry],
                setup: MarkdownSetup) -> bytes:
    """The Atom document for one feed."""
    project = site.project
    generator = FeedGenerator()
    generator.id(tag_id(site, feed.path))
    generator.title(f"{project.name}: {feed.title}")
    generator.subtitle(project.summary)
    generator.author({"name": project.name})
    generator.language(project.language)
    generator.link(href=absolute_url(site, feed.path), rel="self", type="application/atom+xml")
    generator.link(href=absolute_url(site, _followed_page(site, feed)), rel="alternate", type="text/html")
    if project.licence:
        generator.rights(f"{project.licence}, {project.organisation}")
    newest = max((e.updated for e in entries), default=project.started_on)
    generator.updated(at_midnight(newest))
    for entry in entries:
        _add_entry(site, generator, entry, setup)
    result: bytes = generator.atom_str(pretty=True)
    return result


def _followed_page(site: Published, feed: Feed) -> str:
    """The feed's page, or the home page when the site has none: no charter, no reports yet."""
    missing = {"amendment": site.group.charter is None, "report": not site.reports}
    return "" if missing.get(feed.kind or "") else feed.page


def _add_entry(site: Published, generator: FeedGenerator, entry: FeedEntry,
               setup: MarkdownSetup) -> None:
    item = generator.add_entry(order="append")
    item.id(tag_id(site, f"{entry.kind}s/{entry.record_id}"))
    item.title(entry.title)
    item.link(href=absolute_url(site, entry.url), rel="alternate", type="text/html")
    item.updated(at_midnight(entry.updated))
    item.published(at_midnight(entry.published))
    note = content_note(list(entry.content_notes)) if entry.content_notes else None
    summary = f"{entry.summary} {entry.next_steps}".strip()
    item.summary(summary if note is None else f"Content note: {note} {summary}")
    if entry.body.strip():
        item.content("".join(_content_parts(site, entry, note, setup)), type="html")
    item.category(term=entry.kind)


def _content_parts(site: Published, entry: FeedEntry, note: str | None, setup: MarkdownSetup) -> Iterator[str]:
    """The entry's text as HTML, after its content note and what happened next."""
    if note is not None:
        yield f"<p><strong>Content note:</strong> {escape(note)}</p>\n"
    if entry.next_steps:
        yield f"<p><strong>What happened next:</strong> {escape(entry.next_steps)}</p>\n"
    yield ENTRY_HTML.get((setup, site.site_url, absolute_url(site, entry.url), entry.body))


def body_html(entry: tuple[MarkdownSetup, str | None, str, str]) -> str:
    """A record's Markdown text as HTML, for feed readers that show the whole entry: read as
    the site's pages read it (admonitions, abbreviations and all) and cleaned as they are, so
    nothing in it can run a script or load something from another site.

    `entry` is the site's Markdown setup, its address (its own images are given by their full
    address in feeds), the full address of the record's page and the text. Every address in
    the HTML is full: one the text leaves relative (a part of the page, '#why'; a page's
    address typed in HTML) is made full from the record's page, where it leads on the site.
    """
    setup, site_url, page, body = entry
    html = clean_html(_converter(setup).convert(body), site_url, page)
    return CONTROL_CHARACTER.sub("", html)  # from character references ('&#1;'), which XML cannot hold


_CONVERTERS: dict[tuple[tuple[str, ...], str], SharedConverter] = {}
"""One converter for every entry, reset between them. A server whose mkdocs.yml changes keeps
only the current setup's."""


def _converter(setup: MarkdownSetup) -> markdown.Markdown:
    if setup.key not in _CONVERTERS:
        _CONVERTERS.clear()
        _CONVERTERS[setup.key] = SharedConverter(setup)
    return _CONVERTERS[setup.key].fresh()


ENTRY_HTML: RebuildCache[tuple[MarkdownSetup, str | None, str, str], str] = RebuildCache(body_html)
"""Each entry's HTML by its Markdown (people already resolved): every entry is in two feeds,
and a serve rebuild after one edit converts only the edited record's text."""
