"""The open data's shape: each data set's columns, in order, with a plain description.

One description serves three readers: the JSON Schema published beside each
JSON file, the column order of the CSV files, and the "Use our data" page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..records import Action, Decision, Meeting, vocabulary

Kind = Literal["text", "date", "time", "number", "yes-no", "list", "link"]

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class Column:
    """One field of a data set."""

    name: str
    kind: Kind
    description: str
    required: bool = False
    """True when every row has a value (never empty)."""
    choices: tuple[str, ...] = ()

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = dict(_JSON_TYPES[self.kind])
        if self.choices:
            schema["enum"] = list(self.choices)
        if not self.required and self.kind != "list":
            schema = {"anyOf": [schema, {"type": "null"}]}
        return {"description": self.description, **schema}


_JSON_TYPES: dict[Kind, dict[str, Any]] = {
    "text": {"type": "string"},
    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "time": {"type": "string", "pattern": r"^\d{2}:\d{2}$"},
    "number": {"type": "integer", "minimum": 0},
    "yes-no": {"type": "boolean"},
    "list": {"type": "array", "items": {"type": "string"}},
    "link": {"type": "string", "format": "uri-reference"},
}


@dataclass(frozen=True)
class DataSet:
    """A published data set: data/<name>.json (and .csv), with data/<name>.schema.json."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    has_csv: bool = True

    @property
    def json_path(self) -> str:
        return f"data/{self.name}.json"

    @property
    def csv_path(self) -> str:
        return f"data/{self.name}.csv"

    @property
    def schema_path(self) -> str:
        return f"data/{self.name}.schema.json"

    def json_schema(self, schema_id: str | None) -> dict[str, Any]:
        """The JSON Schema (2020-12) every published JSON file of this data set follows."""
        row = {"type": "object", "additionalProperties": False,
               "required": [c.name for c in self.columns],
               "properties": {c.name: c.json_schema() for c in self.columns}}
        schema: dict[str, Any] = {"$schema": JSON_SCHEMA_DIALECT}
        if schema_id:
            schema["$id"] = schema_id
        schema.update({
            "title": self.title, "description": self.description, "type": "object",
            "additionalProperties": False,
            "required": ["$schema", "group", "licence", "site", self.name],
            "properties": {
                "$schema": {"type": "string", "description": "The address of this schema."},
                "group": {"type": "string", "description": "The group that published the data."},
                "licence": {"anyOf": [{"type": "string"}, {"type": "null"}],
                            "description": "The licence the group publishes its records under."},
                "site": {"anyOf": [{"type": "string", "format": "uri"}, {"type": "null"}],
                         "description": "The group's website."},
                self.name: {"type": "array", "items": row, "description": self.description},
            },
        })
        return schema


YES_WORDS = {True: "yes", False: "no"}

_URL = Column("url", "link", "The record's page on the website.", required=True)

DECISIONS = DataSet("decisions", "Decisions", "Every published decision of the group, newest first.", (
    Column("id", "text", "The decision's id, like D-007. It never changes.", required=True),
    Column("title", "text", "What was decided, in a few words.", required=True),
    Column("date", "date", "When it was decided.", required=True),
    Column("status", "text", "Where the decision stands.", True, vocabulary(Decision, "status")),
    Column("how", "text", "How the group decided.", choices=vocabulary(Decision, "how")),
    Column("power", "text", "Whose decision it was: the group's own, a recommendation, or passed to others "
           "(empty where the record does not say).", choices=vocabulary(Decision, "power")),
    Column("made_at", "text", "The id of the meeting where it was decided (empty if not at a meeting)."),
    Column("referred_to", "text", "Who holds the power, when the decision was passed to others."),
    Column("referred_on", "date", "When it was passed to them."),
    Column("response_due", "date", "When their reply was due."),
    Column("response", "text", "What they said."),
    Column("response_on", "date", "When they said it."),
    Column("outcome", "text", "What happened next: changed, not possible, or still to happen.",
           choices=vocabulary(Decision, "outcome")),
    Column("outcome_note", "text", "What changed, or why it could not."),
    Column("ladder", "text", "The kind of involvement (the ladder of co-production)."),
    Column("supersedes", "list", "Ids of earlier decisions this one replaces."),
    Column("review_on", "date", "When the group will look at it again."),
    Column("reasons", "text", "Why the group decided this, as written on the decision's page (Markdown)."),
    _URL,
))

ACTIONS = DataSet("actions", "Actions", "Every action from meetings with agreed minutes, in id order.", (
    Column("id", "text", "The action's id, like ACT-021. It never changes.", required=True),
    Column("what", "text", "What someone said they would do.", required=True),
    Column("owner", "text", "Who took it on, shown only as they agreed: a name, initials, "
           "a made-up name, or a role such as 'a facilitator'."),
    Column("due", "date", "When it should be done."),
    Column("status", "text", "Where it stands.", True, vocabulary(Action, "status")),
    Column("done_on", "date", "When it was done."),
    Column("overdue", "yes-no", "Open and past its due date on the day the site was built.", required=True),
    Column("meeting", "text", "The id of the meeting that agreed it.", required=True),
    _URL,
))

MEETINGS = DataSet("meetings", "Meetings", "Meetings with agreed minutes and planned meetings, newest first. "
                   "People are shown only as they agreed.", (
    Column("id", "text", "The meeting's id: its date and a short name. It never changes.", required=True),
    Column("title", "text", "What the meeting was about.", required=True),
    Column("date", "date", "The day of the meeting.", required=True),
    Column("start", "time", "Start time, UK time, 24-hour clock."),
    Column("end", "time", "End time, UK time, 24-hour clock."),
    Column("format", "text", "How people took part.", choices=vocabulary(Meeting, "format")),
    Column("venue", "text", "Where it was held."),
    Column("support", "list", "Support offered, like a BSL interpreter or travel paid."),
    Column("agenda", "list", "What the meeting was (or will be) about, in order."),
    Column("minutes", "text", "'agreed' for a meeting whose summary the group agreed, 'planned' for one "
           "still to come, 'cancelled' for one that will not happen.", True, ("agreed", "planned", "cancelled")),
    Column("circulated_on", "date", "When the draft summary was shared with members."),
    Column("agreed_on", "date", "When the group agreed the summary."),
    Column("chairs", "list", "Who chaired, as each person agreed to be shown."),
    Column("facilitators", "list", "Who facilitated, as each person agreed to be shown."),
    Column("note_takers", "list", "Who took notes, as each person agreed to be shown."),
    Column("members_present", "number", "How many members came.", required=True),
    Column("members_named", "list", "Members who came and agreed to be named (others are only counted)."),
    Column("guests", "number", "How many guests came (never named).", required=True),
    Column("apologies", "number", "How many members sent apologies.", required=True),
    Column("content_notes", "list", "Hard topics the summary talks about."),
    Column("ladder", "text", "The kind of involvement (the ladder of co-production)."),
    Column("feedback_sent_on", "date", "When the group was told what happened to its ideas."),
    Column("feedback_how", "text", "How the group was told."),
    Column("actions", "list", "Ids of the actions agreed at the meeting."),
    Column("decisions", "list", "Ids of the published decisions made at the meeting."),
    Column("summary", "text", "The agreed summary, as written on the meeting's page (Markdown)."),
    _URL,
), has_csv=False)

DATA_SETS = (DECISIONS, ACTIONS, MEETINGS)
