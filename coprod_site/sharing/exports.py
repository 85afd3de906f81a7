"""Open data: decisions, actions and meetings as CSV and JSON, each JSON with its schema.

Rows come from the Published view, so only published records are here and
people appear only as their consent allows (never by id). CSV files are
UTF-8 with a byte order mark, so spreadsheet programs read accents and £ signs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from ..outputs import OutputFile
from ..published import Published
from ..records import Decision, Meeting
from ..settings import Settings
from .datasets import ACTIONS, DATA_SETS, DECISIONS, MEETINGS, YES_WORDS, DataSet
from .links import record_url

Row = dict[str, Any]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts a spreadsheet would run as a formula (OWASP's list); such text, even after
spaces, gets a leading apostrophe. Numbers are left as numbers."""


def build_export_files(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """Each data set as JSON (with its schema) and, where it is a flat table, CSV."""
    for data_set in DATA_SETS:
        rows = ROW_BUILDERS[data_set.name](site)
        yield OutputFile(data_set.schema_path, _json_bytes(data_set.json_schema(_link(site, data_set.schema_path))))
        yield OutputFile(data_set.json_path, _json_bytes(json_document(site, data_set, rows)))
        if data_set.has_csv:
            yield OutputFile(data_set.csv_path, csv_bytes(data_set, rows))


def json_document(site: Published, data_set: DataSet, rows: list[Row]) -> Row:
    """The JSON file: who published it, under which licence, then the rows."""
    project = site.project
    return {"$schema": _link(site, data_set.schema_path) or f"{data_set.name}.schema.json",
            "group": project.name, "licence": project.licence, "site": site.site_url,
            data_set.name: rows}


def csv_bytes(data_set: DataSet, rows: list[Row]) -> bytes:
    """A CSV table with a header row; lists are joined with '; ', yes/no for true/false."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in data_set.columns])
    for row in rows:
        writer.writerow([csv_cell(row[column.name]) for column in data_set.columns])
    return out.getvalue().encode("utf-8-sig")


def csv_cell(value: Any) -> str:
    """One value as spreadsheet text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES_WORDS[value]
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


def _json_bytes(document: Row) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _link(site: Published, url: str) -> str | None:
    return site.site_url + url if site.site_url else None


def _page(site: Published, url: str) -> str:
    """A page's absolute address, or its site-relative one when the site has no address."""
    return _link(site, url) or url


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _clock(value: dt.time | None) -> str | None:
    return f"{value:%H:%M}" if value else None


# --- rows ----------------------------------------------------------------------------


def decision_rows(site: Published) -> list[Row]:
    return [decision_row(site, decision) for decision in site.decisions]


def decision_row(site: Published, decision: Decision) -> Row:
    made_at = site.meeting(decision.made_at)
    return {
        "id": decision.id, "title": decision.title, "date": _day(decision.date),
        "status": decision.status, "how": decision.how, "power": decision.power,
        "made_at": made_at.id if made_at else None,
        "referred_to": decision.referred_to, "referred_on": _day(decision.referred_on),
        "response_due": _day(decision.response_due), "response": decision.response,
        "response_on": _day(decision.response_on), "outcome": decision.outcome,
        "outcome_note": decision.outcome_note, "ladder": decision.ladder,
        "supersedes": list(decision.supersedes), "review_on": _day(decision.review_on),
        "reasons": site.shown_text(decision.source.body, decision.source.path).strip() or None, "url": _page(site, record_url(decision)),
    }


def action_rows(site: Published) -> list[Row]:
    return [{
        "id": item.action.id, "what": item.action.what,
        "owner": site.person(item.action.owner) if item.action.owner else None,
        "due": _day(item.action.due), "status": item.action.status, "done_on": _day(item.action.done_on),
        "overdue": item.action.is_overdue(site.today), "meeting": item.meeting.id,
        "url": _page(site, f"actions/#{item.action.id}"),
    } for item in site.actions]


def meeting_rows(site: Published) -> list[Row]:
    meetings = sorted(site.meetings_with_pages, key=lambda m: (m.date, m.id), reverse=True)
    return [meeting_row(site, meeting) for meeting in meetings]


def meeting_row(site: Published, meeting: Meeting) -> Row:
    agreed = meeting.is_agreed
    def people(ids: list[str]) -> list[str]:
        """People as their consent allows. A meeting still to come (or cancelled) is published
        with its date, time, place, support and agenda, as its page is, and nothing more."""
        return [site.person(p) for p in ids] if agreed else []

    return {
        "id": meeting.id, "title": meeting.title, "date": _day(meeting.date),
        "start": _clock(meeting.start), "end": _clock(meeting.end), "format": meeting.format,
        "venue": meeting.venue, "support": list(meeting.support), "agenda": list(meeting.agenda),
        "minutes": meeting.minutes.status, "circulated_on": _day(meeting.minutes.circulated_on),
        "agreed_on": _day(meeting.minutes.agreed_on), "chairs": people(meeting.chairs),
        "facilitators": people(meeting.facilitators), "note_takers": people(meeting.note_takers),
        "members_present": len(meeting.present) if agreed else 0,
        "members_named": site.people_named(meeting.present) if agreed else [],
        "guests": meeting.guests if agreed else 0, "apologies": len(meeting.apologies) if agreed else 0,
        "content_notes": list(meeting.content_notes) if agreed else [], "ladder": meeting.ladder if agreed else None,
        "feedback_sent_on": _day(meeting.feedback.sent_on) if agreed and meeting.feedback else None,
        "feedback_how": meeting.feedback.how if agreed and meeting.feedback else None,
        "actions": [a.id for a in meeting.actions] if agreed else [],
        "decisions": [d.id for d in site.decisions_of(meeting)] if agreed else [],
        "summary": (site.shown_text(meeting.source.body, meeting.source.path).strip() or None) if agreed else None,
        "url": _page(site, record_url(meeting)),
    }


ROW_BUILDERS: dict[str, Callable[[Published], list[Row]]] = {
    DECISIONS.name: decision_rows, ACTIONS.name: action_rows, MEETINGS.name: meeting_rows,
}
