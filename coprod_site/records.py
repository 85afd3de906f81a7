"""The typed records of a co-production group, as the content model defines them.

Field names and vocabularies are the contract with the people who write the
files (see the "Writing records" page): extend, never rename. Models validate
one file at a time; rules that need several records live in `checks`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .sources import Source

LADDER = ("coercing", "educating", "informing", "consulting", "engaging", "co-designing", "co-producing")
STANDARDS = (
    "inclusive-opportunities", "working-together", "support-and-learning",
    "communications", "impact", "governance",
)
GRIPP2_HEADINGS = ("Aim", "Methods", "Results", "Discussion and conclusions", "Reflections")
UNDERSTOOD_ROLES = ("chair", "co-chair", "facilitator", "note-taker")

Ladder = Literal["coercing", "educating", "informing", "consulting", "engaging", "co-designing", "co-producing"]
Standard = Literal[
    "inclusive-opportunities", "working-together", "support-and-learning",
    "communications", "impact", "governance",
]


CURLY_QUOTES = "\u201c\u201d\u2018\u2019"
"""Quotes an editor curls as they are typed: around a date or a time they mean what straight ones do."""


def _as_written(value: Any) -> Any:
    """A typed value without the spaces and curly quotes around it."""
    return value.strip().strip(CURLY_QUOTES) if isinstance(value, str) else value


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    written = _as_written(value)
    if isinstance(written, list | dict):
        raise PydanticCustomError("coprod_date", "should be one date, like 2025-03-14, not "
                                  + ("a list" if isinstance(written, list) else "a group of fields"))
    try:
        return date_from_text(written if isinstance(written, str) else "" if written is None else str(written))
    except ValueError as exc:
        raise PydanticCustomError("coprod_date", "{problem}", {"problem": str(exc)}) from None


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_IN_WORDS = re.compile(rf"{_WEEKDAY}{_DAY}(?:\s+of)?\s+([a-z]{{3,9}})\.?,?\s+(\d{{4}})", re.IGNORECASE)
_MONTH_FIRST_IN_WORDS = re.compile(rf"{_WEEKDAY}([a-z]{{3,9}})\.?\s+{_DAY},?\s+(\d{{4}})", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WRITTEN_DATES = ((_YEAR_FIRST, (1, 2, 3)), (_DAY_FIRST, (3, 2, 1)), (_DAY_IN_WORDS, (3, 2, 1)),
                  (_MONTH_FIRST_IN_WORDS, (3, 1, 2)))
"""Each other way people write a date, and which of its groups are the year, the month and the day."""


def date_from_text(text: str) -> dt.date:
    """A date written as YYYY-MM-DD. Else ValueError, saying what is wrong, to follow a field's name:
    a date written another way people do ('27/11/2026', '27th Nov 2026', 'Friday 27 November 2026',
    '2026/11/27') is shown the way to write it."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"is not a real date ({text}). Check the day and the month") from None
    meant = _day_meant(text)
    if meant is None:
        raise ValueError("should be written like 2025-03-14 (year, month, day)" + (f", not '{text}'" if text else ""))
    try:
        day = dt.date(*meant)
    except ValueError:
        raise ValueError(f"is not a real date ({text}). Check the day and the month, and write it year "
                         "first, like 2025-03-14") from None
    order = "" if _YEAR_FIRST.fullmatch(text) else " year first,"
    raise ValueError(f"should be written{order} like {day.isoformat()}, not '{text}'")


def _day_meant(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written another way than YYYY-MM-DD, if it is one."""
    for pattern, (year, month, day) in _WRITTEN_DATES:
        if (found := pattern.fullmatch(text)) and (number := _month_number(found[month])) is not None:
            return int(found[year]), number, int(found[day])
    return None


def _month_number(written: str) -> int | None:
    """'11', 'Nov' or 'November' is 11; 'Ju' is none, being June or July."""
    if written.isdigit():
        return int(written)
    months = [number for number, name in enumerate(_MONTHS, 1) if name.startswith(written.lower())]
    return months[0] if len(months) == 1 else None


ID_DIGITS = {"D": 3, "AM": 2, "ACT": 3}
"""How many digits the number of each kind of numbered id is written with: D-007, AM-03, ACT-021."""


def numbered_id(letters: str, number: int) -> str:
    """A decision's, amendment's or action's id as the records write it: ('D', 7) is D-007."""
    return f"{letters}-{number:0{ID_DIGITS[letters]}d}"


def day_in_id(meeting_id: str) -> dt.date | None:
    """The day a meeting's id (its file name) starts with ('2026-12-10-x'), if it is a real day."""
    try:
        return dt.date.fromisoformat(meeting_id[:10])
    except ValueError:
        return None


_TWELVE_HOUR = re.compile(r"(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\.?", re.IGNORECASE)
_WITH_A_DOT = re.compile(r"([01]?\d|2[0-3])[.]([0-5]\d)")


def _parse_time(value: Any) -> Any:
    written = _as_written(value)
    if isinstance(written, str) and re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", written):
        hours, minutes = written.split(":")
        return dt.time(int(hours), int(minutes))
    if isinstance(written, int | float) and not isinstance(written, bool):  # 1930, or 19.30 read as 19.3
        written = f"{written:.2f}" if isinstance(written, float) else str(written)
    if isinstance(written, str) and written:
        meant = _time_meant(written)
        raise PydanticCustomError("coprod_time", "should be a 24-hour time like \"16:00\", not '{value}'"
                                  + (": write \"{meant}\"" if meant else ""), {"value": written, "meant": meant})
    raise PydanticCustomError("coprod_time", "should be a 24-hour time like \"16:00\"")


def _time_meant(written: str) -> str | None:
    """'7pm' -> '19:00', '7.30' -> '07:30': the 24-hour time a time written another way means."""
    twelve_hour = _TWELVE_HOUR.fullmatch(written)
    if twelve_hour is not None:
        hours, minutes, half = twelve_hour.groups()
        return f"{int(hours) % 12 + (12 if half.lower() == 'p' else 0):02d}:{minutes or '00'}"
    with_a_dot = _WITH_A_DOT.fullmatch(written)
    return f"{int(with_a_dot[1]):02d}:{with_a_dot[2]}" if with_a_dot else None


def speaks_english(language: str) -> bool:
    """Whether a language code (en, en-GB, cy) is English: by its first part."""
    return language.split("-")[0].lower() == "en"


def _parse_language(value: Any) -> Any:
    """A language tag as web pages give it (`en-GB`, `cy`), so screen readers pick the right voice."""
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value.strip()):
        return value.strip()
    code = LANGUAGE_CODES.get(" ".join(value.lower().split())) if isinstance(value, str) else None
    if code is not None:
        raise PydanticCustomError("coprod_language", "should be a language code: for {name}, write {code}",
                                  {"name": value.strip(), "code": code})
    raise PydanticCustomError("coprod_language", "should be a language code, like en-GB, or cy for Welsh")


LANGUAGE_CODES = {
    "english": "en-GB", "british english": "en-GB", "welsh": "cy", "cymraeg": "cy", "gaelic": "gd",
    "scottish gaelic": "gd", "irish": "ga", "somali": "so", "urdu": "ur", "punjabi": "pa", "bengali": "bn",
    "bangla": "bn", "gujarati": "gu", "arabic": "ar", "polish": "pl", "romanian": "ro", "portuguese": "pt",
    "spanish": "es", "french": "fr", "turkish": "tr", "tamil": "ta", "chinese": "zh", "mandarin": "zh",
    "cantonese": "yue", "farsi": "fa", "persian": "fa", "pashto": "ps", "kurdish": "ku", "tigrinya": "ti",
    "lithuanian": "lt",
}
"""The codes of languages groups in the UK write in, by the names people give them in project.yml."""


WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%!$&()*+,;=:@/-]*)?")
"""A site's address: a web address with nothing that could end the attribute or tag that holds it."""


def _parse_web_address(value: Any) -> Any:
    """Where the site lives: a full address, which feeds, the calendar and QR codes are built on."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and WEB_ADDRESS.fullmatch(value.strip()):
        return value.strip()
    raise PydanticCustomError("coprod_web_address", SITE_URL_ADVICE)


SITE_URL_ADVICE = "should be the full web address where the site lives, like https://example.org/our-group/"
"""What a site_url that is no web address is told, in project.yml and in mkdocs.yml."""


def _as_list(value: Any) -> Any:
    """A single value where a list belongs is read as a list of one."""
    return [] if value is None else value if isinstance(value, list) else [value]


def _parse_optional_date(value: Any) -> Any:
    """A date that may be left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _parse_date(value)


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_parse_optional_date)]
Time = Annotated[dt.time, BeforeValidator(_parse_time)]
Text = Annotated[str, Field(min_length=1)]
IdList = Annotated[list[str], BeforeValidator(_as_list)]
TextList = Annotated[list[str], BeforeValidator(_as_list)]


def vocabulary(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The words a field allows, read from its Literal type (`X | None` included)."""
    annotation = model.model_fields[field].annotation
    options = (annotation,) if typing.get_origin(annotation) is Literal else typing.get_args(annotation)
    return tuple(word for option in options if typing.get_origin(option) is Literal
                 for word in typing.get_args(option))


class Model(BaseModel):
    """A record model: unknown fields are kept aside for a friendly warning."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_means_left_out(cls, data: Any) -> Any:
        """A field left blank ('show_as:', 'guests:', 'referred_to:', as the content model's own
        examples leave them) takes its default; one that must be filled in is still told to be."""
        if isinstance(data, dict) and None in data.values():
            optional = _optional_fields(cls)
            return {name: value for name, value in data.items() if value is not None or name not in optional}
        return data


@functools.cache
def _optional_fields(model: type[BaseModel]) -> frozenset[str]:
    """The names, as written in a file, of the fields `model` has a default for."""
    return frozenset(field.alias or name for name, field in model.model_fields.items() if not field.is_required())


def _private(model: BaseModel, name: str) -> Any:
    """`model.<name>` for a private attribute, read where pydantic keeps it: through pydantic's
    `__getattr__`, which Python calls only once looking in the usual places has failed, it took
    2 µs, and checks ask for records' sources and ids hundreds of thousands of times."""
    try:
        return model.__pydantic_private__[name]  # type: ignore[index]
    except KeyError:
        raise AttributeError(f"{type(model).__name__!r} object has no attribute {name!r}") from None


class Record(Model):
    """A record read from a file: it knows where it came from."""

    _source: Source = PrivateAttr()
    _fields_in_error: frozenset[str] = PrivateAttr(default=frozenset())

    @property
    def source(self) -> Source:
        source: Source = _private(self, "_source")
        return source

    def bind(self, source: Source, fields_in_error: frozenset[str] = frozenset()) -> Record:
        """Say where the record came from, and which of its fields had problems (already
        reported) and were left out so that the rest could still be checked."""
        self._source = source
        self._fields_in_error = fields_in_error
        return self

    def lacks(self, name: str) -> bool:
        """Whether the field `name` is empty, and not because it had a problem already reported:
        a rule that needs it then has something to say."""
        return getattr(self, name) in (None, "", []) and name not in self._fields_in_error


class FiledRecord(Record):
    """A record in a file of its own, whose id comes from the file's name."""

    kind: ClassVar[str]
    """What the record is, as its folder names it without the last 's' ('meeting')."""
    old_ids: IdList = []
    """Ids this record had before a rename: their addresses redirect here."""
    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        record_id: str = _private(self, "_id")
        return record_id

    def with_id(self, record_id: str) -> Self:
        self._id = record_id
        return self


# --- project.yml ---------------------------------------------------------------------


class Contact(Model):
    """A route that reaches the group: words ('Ask at the school office'), a shared mailbox, or both."""

    text: Text = ""
    email: str | None = None

    @model_validator(mode="after")
    def _a_route(self) -> Self:
        if not self.text and not self.email:
            raise PydanticCustomError("coprod_contact", "needs 'text' (how to reach the group) or 'email' "
                                      "(a shared mailbox), or both")
        return self

    @property
    def words(self) -> str:
        """How to reach the group, in a sentence: its text, or else its email address."""
        return self.text or f"Email {self.email}."


class DataProtection(Model):
    lawful_basis: str | None = None
    dpia_reference: str | None = None


class AccessibilityInfo(Model):
    contact: str | None = None
    tested_on: OptionalDate = None
    known_issues: TextList = []


class Project(Record):
    name: Text
    summary: Text
    organisation: Text
    status: Literal["forming", "active", "closed"]
    started_on: Date
    ended_on: OptionalDate = None
    contact: Contact
    site_url: Annotated[str | None, BeforeValidator(_parse_web_address)] = None
    language: Annotated[str, BeforeValidator(_parse_language)] = "en-GB"
    licence: str | None = None
    ladder_goal: Ladder | None = None
    who_should_be_here: TextList = []
    payments_policy: str | None = None
    data_protection: DataProtection | None = None
    accessibility: AccessibilityInfo | None = None
    records_home: str | None = None
    """Where the records will live after the group closes (an extension)."""

    @property
    def closed_on(self) -> dt.date | None:
        """The day a closed group ended; None while it goes on (or when it does not say)."""
        return self.ended_on if self.status == "closed" else None

    def contact_emails(self) -> set[str]:
        """The shared mailboxes the site may show."""
        emails = {self.contact.email} if self.contact.email else set()
        if self.accessibility and self.accessibility.contact and "@" in self.accessibility.contact:
            emails.add(self.accessibility.contact)
        return {email.lower() for email in emails}


# --- people.yml ----------------------------------------------------------------------


class Person(Record):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    lived_experience: bool
    roles: TextList = []
    show_as: Literal["name", "initials", "pseudonym", "role"] = "role"
    name: str | None = None
    initials: str | None = None
    pseudonym: str | None = None
    quotes: bool = False
    consent_recorded_on: OptionalDate = None
    joined_on: OptionalDate = None
    left_on: OptionalDate = None

    @property
    def first_role(self) -> str:
        return self.roles[0] if self.roles else "member"

    @property
    def public_name(self) -> str:
        """How this person appears everywhere on the site, as their consent allows."""
        return self._chosen_name or with_article(self.first_role)

    @property
    def shown_words(self) -> str:
        """The group's own words in `public_name`: the name, initials or pseudonym, or the role
        after our 'a' or 'an' ('a co-chair')."""
        return self._chosen_name or self.first_role

    @property
    def _chosen_name(self) -> str | None:
        return {"name": self.name, "initials": self.initials, "pseudonym": self.pseudonym}.get(self.show_as)

    @property
    def first_name(self) -> str:
        """The first word of their name, when it has two words or more and that word is a name,
        not an initial ('Helen' for Helen Marsh, nothing for F. H.); else empty."""
        words = (self.name or "").split()
        return words[0] if len(words) > 1 and FIRST_NAME.fullmatch(words[0]) else ""

    @property
    def is_named(self) -> bool:
        """Shown by something personal (a name, initials or pseudonym), not only a role."""
        return self.show_as != "role"


FIRST_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
"""A word of letters, with an apostrophe or a hyphen inside it ('Mary-Jane', "O'Neil")."""


def with_article(role: str) -> str:
    """'a member', 'an advisor', 'a user', 'an hour', 'an NHS manager', 'a GP', 'a CAMHS nurse'."""
    first = re.split(r"[\s/-]", role.strip(), maxsplit=1)[0]
    if len(first) > 1 and first.isupper() and first.isalpha() and first not in _SAID_AS_WORDS:
        vowel_sound = first[0] in "AEFHILMNORSX"  # read letter by letter: 'en-aitch-ess'
    else:
        lower = first.lower()
        vowel_sound = (lower[:1] in ("a", "e", "i", "o", "u") and not _SOUNDS_LIKE_YOU.match(lower)
                       or bool(_SILENT_H.match(lower)))
    return f"{'an' if vowel_sound else 'a'} {role}"


_SAID_AS_WORDS = {"CAMHS", "SENCO", "NICE", "PALS", "SEND", "NATO"}
"""Short forms said as words, not letter by letter ('a CAMHS nurse', 'a NICE adviser')."""
_SOUNDS_LIKE_YOU = re.compile(r"uni(?!n)|use|usu|uti|ura|ure|uro|eu|ewe|one\b|once")
_SILENT_H = re.compile(r"hour|honest|honou?r|heir")


class People(Model):
    people: list[dict[str, Any]] = []


# --- charter.md and amendments -------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """A `##` section of the charter, named by its id."""

    id: str
    heading: str
    text: str
    line: int


class Charter(Record):
    title: str = "How we work together"
    version: Annotated[int, Field(ge=1)]
    adopted_on: Date
    adopted_at: str | None = None
    review_by: OptionalDate = None
    withheld_versions: list[Annotated[int, Field(ge=1)]] = []
    """Earlier versions whose wording the history page leaves out (an extension): for one that
    held something never to be published, since its wording stays in git."""
    _clauses: tuple[Clause, ...] = PrivateAttr(default=())

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self._clauses

    def with_clauses(self, clauses: tuple[Clause, ...]) -> Charter:
        self._clauses = clauses
        return self


class Amendment(FiledRecord):
    kind: ClassVar[str] = "amendment"
    title: Text
    status: Literal["proposed", "agreed", "rejected", "withdrawn"] = "proposed"
    """A new file is a proposal until the group agrees it."""
    proposed_on: OptionalDate = None
    proposed_by: IdList = []
    clauses: IdList = []
    agreed_at: str | None = None
    charter_version: Annotated[int, Field(ge=1)] | None = None
    reason: str | None = None
    """Why it was rejected or withdrawn (an extension)."""


# --- meetings ------------------------------------------------------------------------


UNPUBLISHED_MINUTES = frozenset({"draft", "circulated"})
"""The statuses of minutes that are not published (`Meeting.is_published`)."""


class Minutes(Model):
    status: Literal["planned", "draft", "circulated", "agreed", "cancelled"]
    circulated_on: OptionalDate = None
    agreed_on: OptionalDate = None
    agreed_at: str | None = None


class Feedback(Model):
    sent_on: OptionalDate = None
    how: str | None = None


class Action(Model):
    id: Text
    what: Text
    owner: str | None = None
    due: OptionalDate = None
    status: Literal["open", "done", "dropped"] = "open"
    done_on: OptionalDate = None

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.due < today

    def done_on_time(self) -> bool:
        return self.status == "done" and (self.due is None or (self.done_on is not None and self.done_on <= self.due))


class Meeting(FiledRecord):
    kind: ClassVar[str] = "meeting"
    title: Text
    date: Date
    start: Time | None = None
    end: Time | None = None
    format: Literal["in-person", "online", "hybrid"] | None = None
    venue: str | None = None
    support: TextList = []
    chairs: IdList = []
    facilitators: IdList = []
    note_takers: IdList = []
    present: IdList = []
    guests: Annotated[int, Field(ge=0)] = 0
    apologies: IdList = []
    agenda: TextList = []
    content_notes: TextList = []
    ladder: Ladder | None = None
    minutes: Minutes
    feedback: Feedback | None = None
    actions: list[Action] = []
    decisions: IdList = []
    cancelled_note: Text | None = None
    """Why a cancelled meeting is not happening, and what happens instead: shown with it."""

    @property
    def is_agreed(self) -> bool:
        return self.minutes.status == "agreed"

    @property
    def moved_from(self) -> list[dt.date]:
        """The days it was set for before, from its old ids ('2026-12-10-x' renamed '2026-12-17-x'):
        someone with a poster, or the old day in their diary, is told it moved."""
        days = []
        for old in self.old_ids:
            day = day_in_id(old)
            if day is not None and day != self.date and day not in days:
                days.append(day)
        return days

    @property
    def is_cancelled(self) -> bool:
        return self.minutes.status == "cancelled"

    @property
    def venue_leaves_out_online(self) -> bool:
        """In person and online, with a venue that does not say so: a venue like 'Meeting room 2,
        and online' has, and a poster adding 'or online' to it says it twice."""
        return self.format == "hybrid" and not re.search(r"\bonline\b", self.venue or "", re.IGNORECASE)

    @property
    def is_planned(self) -> bool:
        return self.minutes.status == "planned"

    @property
    def is_published(self) -> bool:
        """Agreed meetings are published in full, planned ones as upcoming, cancelled ones as
        cancelled (people may have it in their calendars); draft and circulated ones nowhere."""
        return self.minutes.status not in UNPUBLISHED_MINUTES


# --- decisions -----------------------------------------------------------------------


class Decision(FiledRecord):
    kind: ClassVar[str] = "decision"
    title: Text
    date: Date
    made_at: str | None = None
    how: Literal["consensus", "vote", "delegated", "other"] | None = None
    status: Literal["proposed", "agreed", "rejected", "superseded"] = "agreed"
    """A decision log records what was decided: one without a status is taken as agreed (and told)."""
    power: Literal["within-remit", "recommendation", "referred"] | None = None
    """None where the record does not say: the site says so ('Not recorded')."""
    referred_to: str | None = None
    referred_on: OptionalDate = None
    response_due: OptionalDate = None
    response: str | None = None
    response_on: OptionalDate = None
    outcome: Literal["changed", "not-possible", "pending"] | None = None
    """Left out until known; a rejected decision usually has none."""
    outcome_note: str | None = None
    ladder: Ladder | None = None
    supersedes: IdList = []
    review_on: OptionalDate = None

    @property
    def awaiting_response(self) -> bool:
        return self.power == "referred" and not self.response

    def response_overdue(self, today: dt.date) -> bool:
        return self.awaiting_response and self.response_due is not None and self.response_due < today

    def review_overdue(self, today: dt.date) -> bool:
        """The group said it would look at this decision again by a day that has passed. Only a
        decision in force is looked at again: not one proposed, rejected or replaced."""
        return self.status == "agreed" and self.review_on is not None and self.review_on < today


# --- reports -------------------------------------------------------------------------


class Handover(Model):
    """What a farewell report hands over, and to whom: an action still open, or (an extension) a
    decision referred to others and still waiting for their reply, whose `to` will hear it."""

    action: Text | None = None
    decision: Text | None = None
    to: Text

    @model_validator(mode="after")
    def _one_thing(self) -> Self:
        if self.action is None and self.decision is None:
            raise PydanticCustomError("coprod_handover", "says nothing to hand over: add 'action' (an action's "
                                      "id, like ACT-021) or 'decision' (a decision still waiting for a reply, "
                                      "like D-010)")
        if self.action is not None and self.decision is not None:
            raise PydanticCustomError("coprod_handover", "names both an action and a decision: give each its "
                                      "own item, with its own 'to'")
        return self


@dataclass(frozen=True)
class Handovers:
    """What reports hand over, and to whom: every reading of `handover` (the checks, the pages
    of a closed group, the farewell report's own lists) goes through `of`."""

    actions: dict[str, str] = field(default_factory=dict)
    """Who takes on each open action, by action id."""
    decisions: dict[str, str] = field(default_factory=dict)
    """Who will hear the reply to each decision still waiting for one, by decision id."""

    @classmethod
    def of(cls, reports: typing.Iterable[Report]) -> Handovers:
        items = [handover for report in reports for handover in report.handover]
        return cls({h.action: h.to for h in items if h.action}, {h.decision: h.to for h in items if h.decision})

    def __contains__(self, record_id: object) -> bool:
        """Whether an action or a decision is handed over (their ids never look alike: ACT-021, D-010)."""
        return record_id in self.actions or record_id in self.decisions


class Report(FiledRecord):
    kind: ClassVar[str] = "report"
    report_kind: Literal["impact", "farewell"] = Field(alias="kind")
    title: Text
    period_from: OptionalDate = None
    period_to: OptionalDate = None
    standards: Annotated[list[Standard], BeforeValidator(_as_list)] = []
    ended_on: OptionalDate = None
    closing_reason: str | None = None
    handover: list[Handover] = []


# --- the whole group -----------------------------------------------------------------


@dataclass
class Group:
    """Every record of one group, read and validated, ready for checks and pages."""

    root: str = "."
    content: str = "content"
    """The content folder, as messages name it: from the group's folder ('content', '../records')."""
    project: Project | None = None
    people: dict[str, Person] = field(default_factory=dict)
    unreadable_people: set[str] = field(default_factory=set)
    """Ids of people in people.yml whose entry has a problem (reported): others may name them."""
    people_unread: bool = False
    """people.yml could not be read as a list of people, or some of it could not be, nor the id of
    the entry there (reported): anyone may have been in it."""
    glossary_unread: bool = False
    """glossary.yml could not be read (reported): any term may have been explained in it."""
    ids_given_twice: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    """Ids people.yml gives to two people, with the lines of both (reported): a cause to point to
    when an id is not anyone's."""
    person_entries: dict[str, int] = field(default_factory=dict)
    """Each person's place in people.yml's list (an entry with a problem is skipped in `people`)."""
    people_held_back: list[tuple[Person, int]] = field(default_factory=list)
    """People whose id an entry above theirs in people.yml has (reported), each with its place in
    the list: never published, but their entry checked all the same (checks/held_back.py)."""
    unreadable_records: set[str] = field(default_factory=set)
    """Ids of meetings, decisions, amendments and reports whose file has a problem (reported):
    other records may name them."""
    held_back: list[FiledRecord] = field(default_factory=list)
    """Records left out because another file already has their id (reported): never published,
    but checked all the same, each in the other's place (checks/held_back.py), so that a copied
    file's other problems are heard in the same run."""
    left_out: list[Source] = field(default_factory=list)
    """Markdown files left out for mistakes in their front matter (reported), as far as they could
    be read: the fields read around the mistakes, and the text after them. Never published, but
    checked for what must never be published (checks/privacy.py) and, where the site will show
    its text, for plain language, pictures and links (checks/bodies.py), so that it is heard in
    the same run."""
    glossary: dict[str, str] = field(default_factory=dict)
    charter: Charter | None = None
    amendments: dict[str, Amendment] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    pages: dict[str, Source] = field(default_factory=dict)
    """Other Markdown pages of the site, by path inside content/."""
    images: list[str] = field(default_factory=list)
    """Images of the site, by path inside content/."""
    unpublished_files: list[str] = field(default_factory=list)
    """Every other file beside the pages and images, by path inside content/: the site never
    publishes them (a PDF, notes, a page saved as .MD)."""
    record_paths: dict[str, str] = field(default_factory=dict)
    """Every record file's id and path (as messages name it), read or not, in every part of
    a group checked in parts."""

    @property
    def writes_in_english(self) -> bool:
        """Whether the group writes in English (project.yml's `language`; English when project.yml
        cannot be read): the checks that know only English words, a reading level counted in
        English syllables and words that say what did not go well, read only such a group's text."""
        return self.project is None or speaks_english(self.project.language)

    @property
    def is_closed(self) -> bool:
        """Whether project.yml says the group has closed (its `ended_on` may still be missing)."""
        return self.project is not None and self.project.status == "closed"

    def handovers(self) -> Handovers:
        """Everything the group's reports hand over, whether or not it has closed yet."""
        return Handovers.of(self.reports.values())

    def decisions_awaiting_minutes(self) -> dict[str, Meeting]:
        """Each decision kept off the site by minutes not yet agreed, by id, with the meeting whose
        minutes they are: the one it was made at, or, where it does not say, the first that lists
        it. `Published.decisions` leaves these out; the checks say why where it matters. One pass
        over the group, so ask once, not for each decision."""
        listed: dict[str, Meeting] = {}
        for meeting in self.meetings.values():
            if not meeting.is_agreed:
                for decision_id in meeting.decisions:
                    listed.setdefault(decision_id, meeting)
        awaiting: dict[str, Meeting] = {}
        for decision in self.decisions.values():
            held = self.meetings.get(decision.made_at) if decision.made_at else listed.get(decision.id)
            if held is not None and not held.is_agreed:
                awaiting[decision.id] = held
        return awaiting

    def names_nobody(self, person_id: str) -> bool:
        """Whether naming `person_id` is a mistake to report: nobody in people.yml has that id,
        and it is not that their entry, or the whole file, had a problem (already reported)."""
        return not (self.people_unread or person_id in self.people or person_id in self.unreadable_people)
