"""What a group's site may show: published records only, people only as their consent allows.

Everything that renders (pages, feeds, exports) reads the group through this
view, so the publishing rules live in one place: draft and circulated meetings
and the decisions made at them are not here at all.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from html import unescape
from urllib.parse import quote, unquote, urlsplit

from .mentions import mention, outside_code, people_in_text, without_comments
from .raw_html import with_raw_html_addresses
from .records import Action, Amendment, Decision, Group, Handovers, Meeting, Person, Project, Report
from .sources import Source
from .words import join_words

FOLDERS = {"meeting": "meetings", "decision": "decisions", "amendment": "amendments", "report": "reports"}
"""The folder each kind of record's pages (and files) are in."""


def record_page(kind: str, record_id: str) -> str:
    """The page a record of this kind has: 'decisions/D-007.md'."""
    return f"{FOLDERS[kind]}/{record_id}.md"

LINK = re.compile(r"(?<![!\\])\[(?P<words>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
"""An inline Markdown link, `[words](target "title")` (not an image)."""
IMAGE = re.compile(r"(?<!\\)!\[(?P<words>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]+)>?")
"""The start of an inline Markdown image, `![words](target`, up to its address."""
REFERENCE_DEFINITION = re.compile(r"^(?P<start> {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?)(?P<target>[^\s>]+)(?P<rest>>?.*)$",
                                  re.MULTILINE)
"""A reference link's definition, `[label]: target "title"`, on a line of its own."""
REFERENCE_LINK = re.compile(r"(?<![!\\\[])\[(?P<words>[^\]\[\n]+)\](?:\[(?P<label>[^\]\[\n]*)\])?(?![(:\]])")
"""A reference link: `[words][label]`, `[label][]` or `[label]`."""
AUTOLINK = re.compile(r"<(?P<target>[a-z][a-z0-9+.-]*:[^\s<>]*)>", re.IGNORECASE)
"""An autolink, `<https://example.org/x/>`."""
HTML_ANCHOR = re.compile(r"<a\b[^<>]*?\bhref\s*=\s*(?:\"(?P<double>[^\"<>]*)\"|'(?P<single>[^'<>]*)')[^<>]*>",
                         re.IGNORECASE)
"""The opening tag of a link typed as HTML, `<a href="...">` (its words run to `</a>`)."""
HTML_ANCHOR_END = re.compile(r"</a\s*>", re.IGNORECASE)
HTML_IMAGE = re.compile(r"<img\b[^<>]*?\bsrc\s*=\s*[\"']?(?P<target>[^\"'\s<>]+)", re.IGNORECASE)
"""A picture typed as HTML, `<img src="...">`, up to its address."""
OUTSIDE_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)
"""An address that is not a file of the records: another site's, the site's root, or this page's."""

ROLE_WORDS = {"chair": "chair", "co-chair": "co-chair", "facilitator": "facilitator",
              "note-taker": "note-taker"}


@dataclass(frozen=True)
class PublishedAction:
    """An action with the meeting it came from."""

    action: Action
    meeting: Meeting


@dataclass(frozen=True)
class Closure:
    """A closed group's dates, which every page says, and the page of its farewell report."""

    met_from: dt.date
    met_until: dt.date
    farewell_url: str | None


def _is_page_address(target: str) -> bool:
    """A relative address on the site ('../../people/'): not a record's file, another website,
    the site's root or a place on the same page."""
    return bool(target) and not OUTSIDE_ADDRESS.match(target) and not target.endswith(".md")


class Published:
    """The published part of a group, with people shown as their consent allows."""

    def __init__(self, group: Group, today: dt.date, site_url: str | None = None,
                 page_size: int = 50, previewed_drafts: Mapping[str, str] | None = None) -> None:
        self.group = group
        self.previewed_drafts: Mapping[str, str] = previewed_drafts or {}
        """Meetings whose minutes are not yet agreed, shown as agreed in a preview on the writer's
        own computer (`coprod serve --drafts`, see `with_drafts_shown`), with their minutes' real
        status ('draft', 'circulated'); none in a build."""
        self.today = today
        self.page_size = max(1, page_size)
        """Records per page in long lists (meetings, decisions, past actions)."""
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        """Where the site lives ('https://example.org/group/'), or None when mkdocs.yml has no site_url."""

    @property
    def project(self) -> Project:
        assert self.group.project is not None, "pages are built only for a group with a project.yml"
        return self.group.project

    # --- meetings --------------------------------------------------------------------

    @cached_property
    def meetings(self) -> list[Meeting]:
        """Meetings with agreed minutes, newest first."""
        agreed = [m for m in self.group.meetings.values() if m.is_agreed]
        return sorted(agreed, key=lambda m: (m.date, m.id), reverse=True)

    @cached_property
    def upcoming(self) -> list[Meeting]:
        """Planned meetings, soonest first (past ones included: their summary is owed); none
        after a closed group's last day, which will not happen."""
        planned = [m for m in self.group.meetings.values() if m.is_planned and self._before_the_end(m)]
        return sorted(planned, key=lambda m: (m.date, m.id))

    def _before_the_end(self, meeting: Meeting) -> bool:
        """Whether a meeting is on or before a closed group's last day (always, while it goes on)."""
        closed_on = self.group.project.closed_on if self.group.project is not None else None
        return closed_on is None or meeting.date <= closed_on

    @cached_property
    def cancelled(self) -> list[Meeting]:
        """Cancelled meetings, soonest first: their pages stay, to say so."""
        return sorted((m for m in self.group.meetings.values() if m.is_cancelled), key=lambda m: (m.date, m.id))

    @property
    def coming_up(self) -> list[Meeting]:
        """What the meetings page lists as coming up: planned meetings whose day has not come,
        and cancelled ones, so that nobody turns up to them; none after a closed group's last day."""
        later = [m for m in [*self.upcoming, *self.cancelled] if m.date >= self.today and self._before_the_end(m)]
        return sorted(later, key=lambda m: (m.date, m.id))

    @property
    def meetings_to_come(self) -> list[Meeting]:
        """Planned meetings whose day has not come, soonest first: each can be added to a calendar."""
        return [m for m in self.upcoming if m.date >= self.today]

    @property
    def summaries_owed(self) -> list[Meeting]:
        """Planned meetings whose day has passed: they happened, and their summary is to come."""
        return [m for m in self.upcoming if m.date < self.today]

    @property
    def meetings_with_pages(self) -> list[Meeting]:
        """Every meeting that has a page of its own: agreed, planned and cancelled."""
        return [*self.meetings, *self.upcoming, *self.cancelled]

    @property
    def next_meeting(self) -> Meeting | None:
        return next(iter(self.meetings_to_come), None)

    def meeting(self, meeting_id: str | None) -> Meeting | None:
        """A published meeting, or None for an unknown or unpublished one."""
        meeting = self.group.meetings.get(meeting_id or "")
        return meeting if meeting is not None and meeting.is_published else None

    def meeting_is_unpublished(self, meeting_id: str | None) -> bool:
        """True for a real meeting whose minutes are not yet agreed."""
        return bool(meeting_id) and meeting_id in self.group.meetings and self.meeting(meeting_id) is None

    def shown_text(self, markdown: str, path: str, page: str | None = None) -> str:
        """The Markdown of the record or page in the file at `path`, as the site shows it: people
        as their consent allows, each link to a meeting whose minutes are not agreed as its words
        and "(minutes not yet agreed)", so the link gives away nothing of that meeting, and each
        link to another record's file ('../decisions/D-001-own-words.md') or a page the site
        makes ('../glossary.md') to that page: from `page`, the page being built, or else (for
        feeds and the open data, which have no page to start from) as its full address, as
        images are then too, and the files named in HTML typed into it (raw_html.py).
        """
        from .pages import page_url  # pages builds on this module
        folder = posixpath.dirname(path)

        def address(target: str) -> str | None:
            """Where a link to `target` goes on the site, or None to leave it as typed."""
            target, hash_, fragment = target.partition("#")
            file = posixpath.normpath(posixpath.join(folder, target)) if target else ""
            shown = self._file_pages.get(file)
            if shown is None and page is None and self.site_url is not None and _is_page_address(target):
                # a page's address ('../../people/'), written from the record's own page: a feed
                # reader would read it from the feed's address
                own = self._file_pages.get(path)
                joined = posixpath.normpath(posixpath.join(page_url(own), target)) if own is not None else ".."
                if not joined.startswith(".."):
                    at = "" if joined == "." else joined + ("/" if target.endswith("/") else "")
                    return f"{self.site_url}{at}{hash_}{fragment}"
            if shown is None or (page is None and self.site_url is None):
                return None
            at = (posixpath.relpath(shown, posixpath.dirname(page) or ".") if page is not None
                  else f"{self.site_url}{page_url(shown)}")
            return f"{at}{hash_}{fragment}"

        def relinked(match: re.Match[str]) -> str:
            withheld = self._not_yet_published(match["target"].partition("#")[0])
            if withheld is not None:
                return f"{match['words']} ({withheld})"
            at = address(match["target"])
            return match.group() if at is None else f"[{match['words']}]({at})"

        def by_reference(text: str) -> str:
            """Reference links ('[the notes][march]' and '[march]: 2025-03-14-x.md') as inline ones are."""
            if "]:" not in text:  # most texts: no reference link is defined
                return text
            withheld: dict[str, str] = {}

            def defined(match: re.Match[str]) -> str:
                said = self._not_yet_published(match["target"].partition("#")[0])
                if said is not None:
                    withheld[match["label"].casefold()] = said
                    return ""
                at = address(match["target"])
                return match.group() if at is None else f"{match['start']}{at}{match['rest']}"

            text = REFERENCE_DEFINITION.sub(defined, text)
            if not withheld:
                return text

            def used(match: re.Match[str]) -> str:
                said = withheld.get((match["label"] or match["words"]).casefold())
                return match.group() if said is None else f"{match['words']} ({said})"

            return REFERENCE_LINK.sub(used, text)

        def other_links(text: str) -> str:
            """'<https://...>' and '<a href="...">words</a>' to a record not yet published."""
            if "<" not in text:
                return text

            def autolink(match: re.Match[str]) -> str:
                said = self._not_yet_published(match["target"].partition("#")[0])
                return match.group() if said is None else f"a page of this site ({said})"

            return AUTOLINK.sub(autolink, self._anchors_withheld(text))

        def image_address(match: re.Match[str]) -> str:  # only for feeds and the open data
            target = match["target"]
            file = posixpath.normpath(posixpath.join(folder, target))
            if OUTSIDE_ADDRESS.match(target) or not file.startswith(f"{self.group.content}/"):
                return match.group()
            return f"![{match['words']}]({self.site_url}{file.removeprefix(f'{self.group.content}/')}"

        def shown(text: str) -> str:
            text = other_links(by_reference(LINK.sub(relinked, without_comments(text))))
            if page is None and self.site_url is not None and "![" in text:
                text = IMAGE.sub(image_address, text)
            return people_in_text(text, self.group.people, self.group.writes_in_english)

        if page is None and self.site_url is not None:
            return with_raw_html_addresses(outside_code(markdown, shown), path, self._full_address)
        return outside_code(markdown, shown)

    def _full_address(self, path: str) -> str | None:
        """The full address of the page that shows the file at `path` ('content/charter.md'), or
        of the picture; None for a file the site does not publish."""
        from .pages import page_url  # pages builds on this module
        shown = self._file_pages.get(path)
        if shown is not None:
            return f"{self.site_url}{page_url(shown)}"
        inside = path.removeprefix(f"{self.group.content}/")
        return f"{self.site_url}{quote(inside)}" if inside != path and inside in self.images else None

    def _anchors_withheld(self, text: str) -> str:
        """Each `<a href>` to a record not yet published as its words and what it says instead;
        its words are looked for (up to `</a>`) only for such a link, so text is read once."""
        parts, last = [], 0
        for opening in HTML_ANCHOR.finditer(text):
            said = self._not_yet_published(unescape(opening["double"] or opening["single"] or "").partition("#")[0])
            closing = HTML_ANCHOR_END.search(text, opening.end()) if said is not None and opening.start() >= last else None
            if closing is not None:
                parts += [text[last:opening.start()], text[opening.end():closing.start()], f" ({said})"]
                last = closing.end()
        return "".join([*parts, text[last:]])

    def _not_yet_published(self, target: str) -> str | None:
        """What a link to a record not yet published says instead, found by the record's id in
        the link's last part, whether its file ('../meetings/2025-03-14-x.md',
        'D-013-budget.md') or its page ('../2025-03-14-x/', '/decisions/D-013/'); None for a
        link to anything else."""
        if not target or (":" in target.partition("/")[0] and not target.startswith(self.site_url or "\0")):
            return None  # another website
        name = target.rstrip("/").rpartition("/")[2].removesuffix(".md")
        if self.meeting_is_unpublished(name):
            return "minutes not yet agreed"
        decision_id = "-".join(name.split("-")[:2])
        if decision_id in self.group.decisions and decision_id not in self._decisions_by_id:
            return "not published yet"
        return None

    @cached_property
    def images(self) -> frozenset[str]:
        """The pictures the site publishes (content-relative): all the group's but those that only
        records not yet published show, which would go live before the words they belong with.
        A picture is kept when a published record or page also shows it or links to it."""
        unpublished = [*(m.source for m in self.group.meetings.values() if self.meeting(m.id) is None),
                       *(d.source for d in self.group.decisions.values() if d.id not in self._decisions_by_id)]
        held = {file for source in unpublished for file in self._files_shown(source)} & set(self.group.images)
        if not held:
            return frozenset(self.group.images)
        names = {form for file in held for form in (posixpath.basename(file), quote(posixpath.basename(file)))}
        shown_elsewhere = {file for source in self._published_sources()
                           if any(name in source.body for name in names)  # the quick test first
                           for file in self._files_shown(source)}
        return frozenset(self.group.images) - (held - shown_elsewhere)

    def _files_shown(self, source: Source) -> set[str]:
        """The files of the records (content-relative) that a body shows or links to, however
        the address is typed: from the body's folder, from the site's root or as its full
        address, with `%20`, inline, by reference or as HTML."""
        from .checks.bodies import find_images, find_links  # the checks build on this module
        typed = [match["target"] for pattern in (IMAGE, HTML_IMAGE, LINK, REFERENCE_DEFINITION)
                 for match in pattern.finditer(source.body)]
        typed += [image.src for image in find_images(source)] + [link.address for link in find_links(source)]
        return {file for target in typed if (file := self._content_file(source.path, target)) is not None}

    def _content_file(self, path: str, target: str) -> str | None:
        """The file of the records (content-relative) that `target`, typed in the file at `path`,
        leads to; None for another website's."""
        target = unquote(unescape(target).partition("#")[0].partition("?")[0])
        if self.site_url is not None and target.startswith(self.site_url):
            return posixpath.normpath(target.removeprefix(self.site_url))
        if target.startswith("/"):
            root = urlsplit(self.site_url).path if self.site_url is not None else "/"
            return posixpath.normpath(target.removeprefix(root) if target.startswith(root) else target.lstrip("/"))
        if not target or OUTSIDE_ADDRESS.match(target):
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        return joined.removeprefix(f"{self.group.content}/")

    def _published_sources(self) -> Iterator[Source]:
        if self.group.charter is not None:
            yield self.group.charter.source
        for record in self.records_with_pages:
            yield record.source
        yield from self.group.pages.values()

    @property
    def records_with_pages(self) -> list[Meeting | Decision | Amendment | Report]:
        """Every record that has a page of its own on the site."""
        return [*self.meetings_with_pages, *self.decisions, *self.amendments, *self.reports]

    def page_of(self, path: str) -> str | None:
        """The page (its file, as MkDocs names it) that shows the record or page in the file at
        `path` (as records name their files: 'content/charter.md'), if it is published."""
        return self._file_pages.get(path)

    @cached_property
    def _file_pages(self) -> dict[str, str]:
        """Each published record's and page's file (as records name their files) -> its page;
        the pages the site makes ('glossary.md') are named as files of the content folder."""
        from .pages import NAV_TITLES  # pages builds on this module
        pages = {f"{self.group.content}/{made}": made for made in NAV_TITLES}
        pages |= {r.source.path: record_page(r.kind, r.id) for r in self.records_with_pages}
        pages |= {source.path: inside for inside, source in self.group.pages.items()}
        if self.group.charter is not None:
            pages[self.group.charter.source.path] = "charter/index.md"
        return pages

    # --- decisions and actions -------------------------------------------------------

    @cached_property
    def decisions(self) -> list[Decision]:
        """Published decisions, newest first: one made at a meeting waits for its minutes."""
        shown = [d for d in self.group.decisions.values() if self._decision_is_published(d)]
        return sorted(shown, key=lambda d: (d.date, d.id), reverse=True)

    def _decision_is_published(self, decision: Decision) -> bool:
        if decision.made_at and decision.made_at not in self.group.meetings:
            return False  # made at a meeting there is no record of (check_meeting_references says so)
        return decision.id not in self._awaiting_minutes

    @cached_property
    def _awaiting_minutes(self) -> dict[str, Meeting]:
        return self.group.decisions_awaiting_minutes()

    @cached_property
    def _decisions_by_id(self) -> dict[str, Decision]:
        """Published decisions by id: pages look decisions up by id, so this keeps builds linear."""
        return {d.id: d for d in self.decisions}

    @cached_property
    def _superseding(self) -> dict[str, list[Decision]]:
        """For each decision id, the published decisions that replace it, newest first."""
        found: dict[str, list[Decision]] = {}
        for later in self.decisions:
            for earlier in later.supersedes:
                found.setdefault(earlier, []).append(later)
        return found

    @cached_property
    def _made_at(self) -> dict[str, list[Decision]]:
        """For each meeting id, the published decisions made at it, newest first."""
        found: dict[str, list[Decision]] = {}
        for decision in self.decisions:
            if decision.made_at:
                found.setdefault(decision.made_at, []).append(decision)
        return found

    def decision(self, decision_id: str) -> Decision | None:
        return self._decisions_by_id.get(decision_id)

    def superseded_by(self, decision: Decision) -> list[Decision]:
        return list(self._superseding.get(decision.id, []))

    def decisions_of(self, meeting: Meeting) -> list[Decision]:
        """Decisions the meeting lists or that were made at it, newest first."""
        ids = {*meeting.decisions, *(d.id for d in self._made_at.get(meeting.id, []))}
        found = [self._decisions_by_id[i] for i in ids if i in self._decisions_by_id]
        return sorted(found, key=lambda d: (d.date, d.id), reverse=True)

    @cached_property
    def actions(self) -> list[PublishedAction]:
        """Every action from meetings with agreed minutes, in id order."""
        found = [PublishedAction(a, m) for m in self.meetings for a in m.actions]
        return sorted(found, key=lambda pa: _natural_key(pa.action.id))

    def actions_with_status(self, status: str) -> list[PublishedAction]:
        return [pa for pa in self.actions if pa.action.status == status]

    @cached_property
    def handovers(self) -> Handovers:
        """Who takes on each action and will hear each reply that a closed group handed over in its
        farewell report; nothing while the group goes on (a farewell report may be written ahead)."""
        return self.group.handovers() if self.project.closed_on is not None else Handovers()

    # --- charter, amendments, reports ------------------------------------------------

    @cached_property
    def amendments(self) -> list[Amendment]:
        """All amendments, newest id first (their text is public once proposed)."""
        return sorted(self.group.amendments.values(), key=lambda a: _natural_key(a.id), reverse=True)

    def amendments_with_status(self, *statuses: str) -> list[Amendment]:
        return [a for a in self.amendments if a.status in statuses]

    @cached_property
    def reports(self) -> list[Report]:
        return sorted(self.group.reports.values(),
                      key=lambda r: (r.period_to or r.ended_on or dt.date.min, r.id), reverse=True)

    @property
    def farewell(self) -> Report | None:
        return next((r for r in self.reports if r.report_kind == "farewell"), None)

    @property
    def closure(self) -> Closure | None:
        """When a closed group met, and where its farewell report is; None while it goes on."""
        ended_on = self.project.closed_on
        if ended_on is None:
            return None
        farewell = self.farewell
        return Closure(self.project.started_on, ended_on, f"reports/{farewell.id}/" if farewell else None)

    # --- people ----------------------------------------------------------------------

    def person(self, person_id: str | None) -> str:
        """How a person is shown: their consented name, or 'a member' style wording."""
        return mention(self.person_in(person_id))

    def person_in(self, person_id: str | None) -> Person | None:
        """A person as people.yml records them, to be shown as their consent allows (the
        templates' `person` filter); None when people.yml does not have them."""
        return self.group.people.get(person_id or "")

    def people_in(self, person_ids: list[str]) -> list[Person | None]:
        """Each of these people as people.yml records them (`person_in`), in order."""
        return [self.person_in(p) for p in person_ids]

    def people_named(self, person_ids: list[str]) -> list[str]:
        """The public forms of these people, named ones only, in a stable order."""
        people = [self.group.people[p] for p in person_ids if p in self.group.people]
        return sorted(p.public_name for p in people if p.is_named)

    @cached_property
    def members(self) -> list[Person]:
        """People shown by name, initials or pseudonym, current first, in name order."""
        named = [p for p in self.group.people.values() if p.is_named]
        return sorted(named, key=lambda p: (p.left_on is not None, p.public_name.lower()))

    @cached_property
    def role_only_counts(self) -> list[tuple[str, int]]:
        """People shown only by role: counted by first role, never listed."""
        counts: dict[str, int] = {}
        for person in self.group.people.values():
            if not person.is_named and person.left_on is None:
                counts[person.first_role] = counts.get(person.first_role, 0) + 1
        return sorted(counts.items())

    def quote_allowed(self, person_id: str) -> bool:
        person = self.group.people.get(person_id)
        return person is not None and person.quotes and person.is_named


PREVIEW_DRAFTS = "COPROD_PREVIEW_DRAFTS"
"""Set to 1 by `coprod serve --drafts`: the preview (never a build) shows minutes not yet agreed."""


def with_drafts_shown(group: Group) -> tuple[Group, dict[str, str]]:
    """The group with its draft and circulated minutes as if agreed, and each such meeting's id
    with its minutes' status: for a writer's preview of what the site will show once they are
    agreed. Never for a build."""
    drafts = {meeting_id: meeting for meeting_id, meeting in group.meetings.items()
              if meeting.minutes.status in ("draft", "circulated")}
    agreed = {meeting_id: meeting.model_copy(update={"minutes": meeting.minutes.model_copy(update={"status": "agreed"})})
              for meeting_id, meeting in drafts.items()}
    return (replace(group, meetings={**group.meetings, **agreed}),
            {meeting_id: meeting.minutes.status for meeting_id, meeting in drafts.items()})


def content_note(notes: list[str]) -> str:
    """What a summary's content note says, before the summary, wherever it is shown."""
    return f"this summary talks about {join_words(notes)}. You can skip it, or read it with someone."


def _natural_key(text: str) -> tuple[str, int, str]:
    prefix, _, number = text.rpartition("-")
    return (prefix, int(number), text) if number.isdigit() else (text, 0, text)
