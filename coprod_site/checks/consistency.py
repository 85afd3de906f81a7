"""Rules that need more than one record: references, dates, versions, "required when"."""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..charter_history import clause_ids_in_history
from ..loading import MEETING_NAME, split_clauses
from ..mentions import typed_name
from ..pages import HOME_PAGE, page_url, site_pages
from ..problems import Problem, Reminder
from ..records import (
    GRIPP2_HEADINGS,
    Amendment,
    Decision,
    Group,
    Handovers,
    Meeting,
    Person,
    Report,
)
from ..scaffold import STARTING_TEXT
from ..settings import Settings
from ..sources import Source
from ..words import join_words, mid_sentence, shortened

Problems = Iterator[Problem]


def check_project(group: Group, settings: Settings) -> Problems:
    project = group.project
    if project is None:
        return
    if project.status == "closed" and project.lacks("ended_on"):
        yield project.source.problem("'ended_on' is needed when the status is closed: the date the "
                                     "group ended, like 2026-03-31.", "status")
    if project.ended_on and project.ended_on < project.started_on:
        yield project.source.problem(f"'ended_on' ({project.ended_on.isoformat()}) is before 'started_on' "
                                     f"({project.started_on.isoformat()}). Check both dates.", "ended_on")
    if project.contact.email and "@" not in project.contact.email:
        yield project.source.problem("the contact 'email' should be a shared mailbox address, like "
                                     "team@example.org.", "contact", "email")
    named = next((person.public_name for person in group.people.values() if person.is_named
                  and person.public_name.strip() and typed_name(person.public_name).search(project.contact.text)), None)
    if named is not None:
        yield project.source.problem(f"the contact names {named}, one person: when they are away or leave the "
                                     "group, nobody is reached. Give a route that reaches the group, like a shared "
                                     "mailbox or a place to ask.", "contact", "text", severity="warning")
    first_names = {first for person in group.people.values() if person.name
                   and len(first := person.name.split()[0].strip(".").lower()) > 2}
    for email, at in ((project.contact.email, ("contact", "email")),
                      (project.accessibility.contact if project.accessibility else None, ("accessibility", "contact"))):
        if email and "@" in email and (reason := _personal_mailbox(email, first_names)):
            yield project.source.problem(f"'{email}' looks like one person's address ({reason}). The site "
                                         "shows this address on every page: use a shared mailbox the group's "
                                         "staff look after, like team@example.org.", *at, severity="warning")


PERSONAL_MAIL = re.compile(r"@(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|protonmail|proton|"
                           r"btinternet|sky|virginmedia|talktalk)\.", re.IGNORECASE)
"""Mail services for one person's own address, not an organisation's shared mailbox."""


def _personal_mailbox(email: str, first_names: set[str]) -> str:
    """Why an address looks like one person's rather than a shared mailbox ('' if it does not)."""
    if PERSONAL_MAIL.search(email):
        return "a personal mail service"
    words = set(re.split(r"[._+-]+", email.partition("@")[0].lower()))
    named = sorted(words & first_names)
    return f"'{named[0]}' is the name of someone in people.yml" if named else ""


def check_people(group: Group, settings: Settings) -> Problems:
    shown_by: dict[str, Person] = {}
    for person in group.people.values():
        at = ("people", group.person_entries.get(person.id, 0))
        yield from _shown_as_someone_else(person, shown_by, at)
        if person.show_as != "role" and person.lacks(person.show_as):
            yield person.source.problem(f"'{person.show_as}' is needed because show_as is "
                                        f"{person.show_as}. Add it, or set show_as to role.", *at, "show_as")
        if person.show_as != "role" and person.lacks("consent_recorded_on"):
            yield person.source.problem("'consent_recorded_on' is needed: the date this person agreed "
                                        "to be shown this way. Without it, set show_as to role.",
                                        *at, "show_as")
        consented = person.consent_recorded_on
        if person.show_as != "role" and consented is not None and consented > settings.today:
            yield person.source.problem(f"'consent_recorded_on' is {consented.isoformat()}, a day that has not "
                                        "come yet, but the site shows this person as people.yml says from now. "
                                        "Put the day they agreed, or set show_as to role until they do.",
                                        *at, "consent_recorded_on")
        if person.joined_on and person.left_on and person.left_on < person.joined_on:
            yield person.source.problem("'left_on' is before 'joined_on'. Check both dates.", *at, "left_on")


def _shown_as_someone_else(person: Person, shown_by: dict[str, Person], at: tuple[str, int]) -> Problems:
    """Two people shown by the same name, initials or pseudonym ('Maya R.' as one's name and
    another's pseudonym): readers could not tell them apart, and might take one's words for the
    other's. Told at the second; `shown_by` holds those seen so far."""
    if not person.is_named or person.lacks(person.show_as):
        return
    shown = person.shown_words
    first = shown_by.setdefault(_name_key(shown), person)
    if first is not person:
        yield person.source.problem(f"'{person.show_as}' is '{shown}', which is how {first.id} is shown too: "
                                    "readers could not tell the two apart, and could take one's words for the "
                                    f"other's. Give {person.id} another {person.show_as}.",
                                    *at, person.show_as, severity="warning")


def check_person_references(group: Group, settings: Settings) -> Problems:
    """Every id a record gives names someone in people.yml; with no people.yml at all, that is
    said once, not for every id."""
    unknown = sorted(_person_references(group), key=lambda found: (found[1].path, found[1].line or 0))
    path = f"{group.content}/people.yml"
    if unknown and not (Path(group.root) / path).exists():
        person_id, first = unknown[0]
        yield Problem(path, None, None, f"is missing, but the records name people by their ids, like "
                      f"'{person_id}' in {first.path}, line {first.line}. Add people.yml, with each person and "
                      "how they agreed to be shown: 'coprod init' writes one to start from.")
    else:
        yield from (problem for _, problem in unknown)


MEETING_ROLES = ("chairs", "facilitators", "note_takers", "present", "apologies")
"""The fields of a meeting that name people by their ids."""


def _person_references(group: Group) -> Iterator[tuple[str, Problem]]:
    for meeting in group.meetings.values():
        for at, person_id in _people_named(meeting):
            yield from _unknown_person(group, meeting, person_id, *at)
    for amendment in group.amendments.values():
        for index, person_id in enumerate(amendment.proposed_by):
            yield from _unknown_person(group, amendment, person_id, "proposed_by", index)


def check_people_in_their_time(group: Group, settings: Settings) -> Problems:
    """A person named at a meeting before they joined the group, or after they left: most often
    the id of someone else ('p20' for 'p02'), or a date in people.yml to put right."""
    for meeting in group.meetings.values():
        if meeting.is_cancelled:
            continue
        for at, person_id in _people_named(meeting):
            person = group.people.get(person_id)
            if person is None:
                continue  # (check_person_references)
            if person.joined_on and meeting.date < person.joined_on:
                when = f"had not joined yet: people.yml says they joined on {person.joined_on}"
            elif person.left_on and meeting.date > person.left_on:
                when = f"had left by then: people.yml says they left on {person.left_on}"
            else:
                continue
            held = "was" if meeting.date <= settings.today else "is"
            yield meeting.source.problem(f"'{person_id}' {when}, and this meeting {held} on {meeting.date}. "
                                         "Check the id, or the date in people.yml.", *at, severity="warning")


def _people_named(meeting: Meeting) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each id the meeting names someone by, with where: (('present', 2), 'p03') in its lists of
    people, (('actions', 0, 'owner'), 'p05') for an action's owner."""
    for role in MEETING_ROLES:
        for index, person_id in enumerate(getattr(meeting, role)):
            yield (role, index), person_id
    for index, action in enumerate(meeting.actions):
        if action.owner:
            yield ("actions", index, "owner"), action.owner


def _unknown_person(group: Group, record: object, person_id: str, *at: str | int) -> Iterator[tuple[str, Problem]]:
    if not group.names_nobody(person_id):
        return
    several = [part.strip() for part in person_id.split(",")]
    if len(several) > 1 and all(several):  # 'present: p01, p02' is one piece of text to YAML
        hint = f"To name several people, write a list: [{', '.join(several)}]."
    else:
        hint = written_by_name_hint(group, person_id) or nearest_person_hint(group, person_id) + \
            "Check the id, or add the person to people.yml." + given_twice_hint(group, person_id)
    yield person_id, record.source.problem(f"'{person_id}' is not anyone in people.yml. {hint}", *at)  # type: ignore[attr-defined]


NUMBERED_ID = re.compile(r"\s*([A-Za-z]+)\s*-?\s*0*(\d+)\s*")
"""An id of letters and a number, however it is written: 'D-16', 'd-016', 'D016', 'ACT 34'."""


def _same_number(known: Iterable[str], written: str) -> list[str]:
    """The ids in `known` with the letters and number of `written`: D-016 for 'D-16', 'd-016' or
    'D016', p02 for 'p2' (none when `written` is not letters and a number)."""
    numbered = NUMBERED_ID.fullmatch(written)
    if numbered is None:
        return []
    meant = numbered[1].upper(), int(numbered[2])
    return [known_id for known_id in known if (match := NUMBERED_ID.fullmatch(known_id))
            and (match[1].upper(), int(match[2])) == meant]


def nearest_person_hint(group: Group, person_id: str) -> str:
    """The person whose id is nearest, if anyone's is near: "Did you mean 'p02'? " for 'p2'."""
    ids = list(group.people)
    near = _same_number(ids, person_id) or difflib.get_close_matches(person_id, ids, n=1, cutoff=0.75)
    return f"Did you mean '{near[0]}'? " if near else ""


def written_by_name_hint(group: Group, written: str, as_written: str = "{}") -> str:
    """What to write for a person written by their name where their id belongs ('Amina K.':
    "That is p01 in people.yml: write p01."), or by the first name of the one name in people.yml
    that starts with it ('Amina'); `as_written` puts an id as the place needs it,
    [[{}]] in text. Empty when `written` cannot be a name: an id typed wrong ('P03', 'p2')."""
    key = _name_key(written)
    for person in group.people.values():
        if any(_name_key(form) == key for form in (person.name, person.initials, person.pseudonym) if form):
            return f"That is {person.id} in people.yml: write {as_written.format(person.id)}."
    first_named = [person for person in group.people.values() if person.first_name and _name_key(person.first_name) == key]
    if len(first_named) == 1:  # 'Maya' for Maya R.
        person = first_named[0]
        return f"{person.name} in people.yml is {person.id}: if you mean them, write {as_written.format(person.id)}."
    if written == written.lower() and " " not in written or NUMBERED_ID.fullmatch(written):
        return ""
    example = as_written.format(next(iter(group.people), "p01"))
    return (f"Write people's ids here (like {example}), not their names. If {written} is not in people.yml "
            "yet, add them with an id, shown only as they have agreed to be.")


def _name_key(name: str) -> str:
    """A name as compared with another: 'Amina K.' is 'amina k' is 'AminaK'."""
    return re.sub(r"[\s.]+", "", name.casefold())


def given_twice_hint(group: Group, person_id: str) -> str:
    """Where people.yml gives one id to two people, the likely cause of an id that is nobody's."""
    return "".join(f" people.yml gives the id '{twice}' to two people, at lines {first} and {second}: "
                   f"should one of them be '{person_id}'?"
                   for twice, (first, second) in group.ids_given_twice.items())


def check_meeting_dates(group: Group, settings: Settings) -> Problems:
    closed_on = group.project.closed_on if group.project is not None else None
    for meeting in group.meetings.values():
        named = meeting.id[:10]
        if named != meeting.date.isoformat():
            yield meeting.source.problem(f"the file name says {named} but 'date' says "
                                         f"{meeting.date.isoformat()}. Make them the same.", "date")
        if meeting.start and meeting.end and meeting.end <= meeting.start:
            yield meeting.source.problem("'end' is not after 'start'. Check both times.", "end")
        elif meeting.is_planned and (meeting.start is None) != (meeting.end is None):
            given, missing = ("start", "end") if meeting.end is None else ("end", "start")
            yield meeting.source.problem(f"has '{given}' but no '{missing}': calendars would show this meeting "
                                         f"{'lasting no time at all' if missing == 'end' else 'all day'}, and "
                                         f"people cannot plan around it. Add '{missing}' (HH:MM).", given,
                                         severity="warning")
        if meeting.is_planned and meeting.date < settings.today:
            yield Reminder.of(meeting.source.problem("this meeting was planned for a date that has passed: its "
                                                     "summary is owed to the group. Write it up and set the "
                                                     "minutes status to draft.", "minutes", "status"))
        elif not (meeting.is_planned or meeting.is_cancelled) and meeting.date > settings.today:
            yield meeting.source.problem(f"the minutes are '{meeting.minutes.status}' but the meeting "
                                         "is in the future. Use 'status: planned' until it has happened.",
                                         "minutes", "status")
        if meeting.cancelled_note is not None and not meeting.is_cancelled:
            yield meeting.source.problem("'cancelled_note' is only shown for a cancelled meeting. Set the "
                                         "minutes status to cancelled, or take the note out.",
                                         "cancelled_note", severity="warning")
        if meeting.is_agreed and meeting.date <= settings.today and not meeting.source.body.strip():
            yield meeting.source.problem("the minutes are agreed but there is no summary: its page would say "
                                         "nothing of what was talked about. Write it below the closing '---'.",
                                         "minutes", "status", severity="warning")
        if meeting.is_agreed and meeting.minutes.agreed_on is None:
            yield meeting.source.problem("the minutes are agreed but 'agreed_on' is missing. Add the "
                                         "date they were agreed.", "minutes", "status", severity="warning")
        for field in ("circulated_on", "agreed_on"):
            day = getattr(meeting.minutes, field)
            if day is not None and day < meeting.date:
                yield meeting.source.problem(f"'{field}' ({day.isoformat()}) is before the meeting "
                                             f"({meeting.date.isoformat()}): minutes come after the meeting. "
                                             "Check both dates.", "minutes", field)
            elif day is not None and day > settings.today and meeting.is_agreed and field == "agreed_on":
                yield meeting.source.problem(f"the minutes are agreed on {day.isoformat()}, a day that has not "
                                             "come yet, but agreed minutes are published now. Until the group "
                                             "agrees them, keep 'status: circulated'.", "minutes", field)
            elif day is not None and day > settings.today and meeting.date <= settings.today:
                yield meeting.source.problem(f"'{field}' ({day.isoformat()}) has not come yet. Put the day it "
                                             "happened, or leave it out until then.", "minutes", field,
                                             severity="warning")
        sent_on = meeting.feedback.sent_on if meeting.feedback else None
        if sent_on is not None and sent_on < meeting.date:
            yield meeting.source.problem(f"'sent_on' in 'feedback' ({sent_on.isoformat()}) is before the meeting "
                                         f"({meeting.date.isoformat()}): feedback on what happened to people's ideas "
                                         "comes after the meeting. Check both dates.", "feedback", "sent_on",
                                         severity="warning")
        if closed_on is not None and meeting.is_planned and meeting.date > closed_on:
            yield meeting.source.problem(f"is planned for after the group closed ({closed_on.isoformat()}, in "
                                         "project.yml), so it will not happen. Mark it cancelled (under "
                                         "'minutes:', put 'status: cancelled'), so that its page tells anyone "
                                         "who has the link. If the group goes on, change project.yml instead.", "date",
                                         severity="warning")
        for person_id in sorted(set(meeting.present) & set(meeting.apologies)):
            yield meeting.source.problem(f"'{person_id}' is both present and in apologies. Keep one.",
                                         "apologies", severity="warning")
        seen: set[tuple[str | int, str]] = set()
        for (role, *place), person_id in _people_named(meeting):
            if role == "actions":
                continue  # (one person may own any number of actions)
            if (role, person_id) in seen:
                yield meeting.source.problem(f"'{person_id}' is in '{role}' twice. Keep one, or the page counts "
                                             "them as two people.", role, *place, severity="warning")
            seen.add((role, person_id))


def check_lists_written_as_text(group: Group, settings: Settings) -> Problems:
    """'support: BSL interpreter, food' is one piece of text: the site shows it as one item. So is
    a person's 'roles: member, co-chair', shown as 'a member, co-chair', who is not seen to chair."""
    for meeting in group.meetings.values():
        for field in ("support", "agenda", "content_notes"):
            yield from _list_written_as_text(meeting.source, meeting.source.meta, field)
    for person_id, index in group.person_entries.items():
        person = group.people.get(person_id)
        entries = person.source.meta.get("people") if person is not None else None
        if person is not None and isinstance(entries, list) and isinstance(entries[index], dict):
            yield from _list_written_as_text(person.source, entries[index], "roles", "people", index)


def _list_written_as_text(source: Source, fields: dict[str, Any], field: str, *at: str | int) -> Problems:
    written = fields.get(field)
    if isinstance(written, str) and ("," in written or ";" in written):
        items = ", ".join(part.strip() for part in re.split(r"[,;]", written) if part.strip())
        yield source.problem(f"'{field}' is one piece of text, so the site shows it as one item. "
                             f"For several, write a list: [{items}].", *at, field, severity="warning")


def check_meeting_references(group: Group, settings: Settings) -> Problems:
    for meeting in group.meetings.values():
        minutes = meeting.minutes
        yield from _agreed_at(group, settings if meeting.is_agreed else None, meeting, minutes.agreed_at, meeting.date,
                              "minutes", "agreed_at", until="keep 'status: circulated'")
        agreed_in = group.meetings.get(minutes.agreed_at or "")
        if agreed_in is not None and minutes.agreed_on is not None and minutes.agreed_on != agreed_in.date:
            yield meeting.source.problem(f"'agreed_on' is {minutes.agreed_on.isoformat()} but 'agreed_at' names "
                                         f"the meeting on {agreed_in.date.isoformat()}. Minutes are agreed at a "
                                         "meeting: make them the same day.", "minutes", "agreed_on",
                                         severity="warning")
    charter = group.charter
    if charter is not None and charter.adopted_at:
        yield from _agreed_at(group, settings, charter, charter.adopted_at, None, "adopted_at")
    for amendment in group.amendments.values():
        if amendment.agreed_at:
            yield from _agreed_at(group, settings if amendment.status == "agreed" else None, amendment,
                                  amendment.agreed_at, amendment.proposed_on, "agreed_at",
                                  until="keep 'status: proposed'")
    for decision in group.decisions.values():
        if decision.made_at and not _known(group, group.meetings, decision.made_at):
            yield decision.source.problem(_not_a_meeting(group, "made_at", decision.made_at), "made_at")


def _known(group: Group, records: Mapping[str, object], record_id: str) -> bool:
    """Whether a record with this id exists, if only in a file whose problems are already reported."""
    return record_id in records or record_id in group.unreadable_records


def _not_a_meeting(group: Group, field_name: str, meeting_id: str) -> str:
    return f"'{field_name}' names {meeting_id}, which is not a meeting. " + _what_to_write(
        group.meetings, meeting_id, "Use a meeting's file name without .md.", also=group.unreadable_records)


def _not_a_decision(group: Group, decision_id: str) -> str:
    return f"'{decision_id}' is not a decision. " + _what_to_write(
        group.decisions, decision_id, f"Check the id, or add a file decisions/{decision_id}-….md.")


def _what_to_write(records: Mapping[str, object], record_id: str, advice: str, also: Iterable[str] = ()) -> str:
    """For an id that is no record's, what it may have meant: 'It is now D-010 (its old_ids name
    D-3): write D-010.' for an id a record had before, 'Did you mean D-016?' for one written
    nearly as a record's is, or as one of `also` is (the ids of records whose own problems kept
    them out, `_nearest_id`); else `advice`."""
    for new_id, record in records.items():
        if record_id in getattr(record, "old_ids", ()):
            return f"It is now {new_id} (its 'old_ids' name {record_id}): write {new_id}."
    near = _nearest_id([*records, *also], record_id)
    return f"Did you mean {near}?" if near else advice


def _nearest_id(known: Iterable[str], written: str) -> str | None:
    """The one id `written` most likely meant: one with the same letters and number
    (`same_number`); for a meeting's name, the one spelt nearly the same
    ('2026-10-29-webiste-words'), else the one on the day it names ('2026-10-29',
    '2026-11-12-november' for '2026-11-12-november-meeting'). None when no id is near, or more
    than one is."""
    known = list(known)
    if NUMBERED_ID.fullmatch(written):
        same = _same_number(known, written)
        return same[0] if len(same) == 1 else None
    day = re.match(r"\s*(\d{4}-\d\d-\d\d)", written)
    if day is None:
        return None
    near = difflib.get_close_matches(written.strip().lower(), known, n=2, cutoff=0.85)
    if not near:
        near = [record_id for record_id in known if record_id.startswith(day[1] + "-")]
    return near[0] if len(near) == 1 else None


def _agreed_at(group: Group, settings: Settings | None, record: object, meeting_id: str | None,
               not_before: object, *at: str, until: str = "leave it out") -> Problems:
    """The meeting something was agreed at: one there is, on or after `not_before`, and, for a
    record already agreed (`settings` given), one that has taken place: what is agreed is
    published at once (minutes agreed 'at' next month's meeting went live as soon as typed). That
    meeting's own notes may still be to write up: its day having passed is enough. `until` says
    what to write meanwhile."""
    if not meeting_id:
        return
    source = record.source  # type: ignore[attr-defined]
    agreed_in = group.meetings.get(meeting_id)
    if agreed_in is None:
        if not _known(group, group.meetings, meeting_id):
            yield source.problem(_not_a_meeting(group, at[-1], meeting_id), *at)
    elif not_before is not None and agreed_in.date < not_before:  # type: ignore[operator]
        yield source.problem(f"'{at[-1]}' names {meeting_id}, which is earlier than {not_before}. It "
                             "must be a meeting on or after that date.", *at)
    elif settings is not None and (agreed_in.is_cancelled or agreed_in.date > settings.today):
        how = "was cancelled" if agreed_in.is_cancelled else "has not taken place yet"
        yield source.problem(f"'{at[-1]}' names {meeting_id}, which {how}, but what is agreed is published "
                             f"now. Name it once the meeting has agreed it; until then, {until}.", *at)


def check_same_numbers(group: Group, settings: Settings) -> Problems:
    """'D-04' and 'D-004' are one number written two ways: readers would take them for one record."""
    for records, prefix in ((group.decisions, "D-"), (group.amendments, "AM-")):
        first: dict[int, str] = {}
        for record_id in sorted(records):
            number = int(record_id.removeprefix(prefix))
            other = first.setdefault(number, record_id)
            if other != record_id:
                yield Problem(records[record_id].source.path, 1, None,  # (its file's name: line 1)
                              f"{record_id} has the same number as {other}, written another way: give it the "
                              "next free number.")


def check_copied_text(group: Group, settings: Settings) -> Problems:
    """A meeting's or a decision's text word for word an earlier one's: the file was copied to
    start the new record and its text not written over, so the site would show the earlier
    record's summary as this one's. Text the site does not show (a planned or cancelled
    meeting's), short text and the sentences `coprod new` starts with are left alone."""
    yield from _copied_text(group.meetings.values(), "meeting", "Write what happened at this meeting.")
    yield from _copied_text(group.decisions.values(), "decision", "Write why the group decided this.")


def _copied_text(records: Iterable[Meeting | Decision], kind: str, advice: str) -> Problems:
    first: dict[str, Meeting | Decision] = {}
    for record in sorted(records, key=lambda record: (record.date, record.id)):
        if len(record.source.body) < COPIED_LENGTH or (isinstance(record, Meeting)
                                                       and (record.is_planned or record.is_cancelled)):
            continue  # the quick tests first: each body is split into words below
        text = " ".join(record.source.body.split())
        earlier = first.setdefault(text, record)
        if earlier is not record and len(text) >= COPIED_LENGTH and not any(start in text for start in STARTING_TEXT):
            yield Problem(record.source.path, record.source.body_line, None, f"its text is word for word the text "
                          f"of {earlier.id}, '{shortened(earlier.title, 40)}': was the file copied to start this "
                          f"{kind}? {advice}", "warning")


COPIED_LENGTH = 100
"""Characters of text two records may share by chance ('We did not meet.'); longer text was copied."""


def check_decisions(group: Group, settings: Settings) -> Problems:
    for meeting in group.meetings.values():
        for index, decision_id in enumerate(meeting.decisions):
            if not _known(group, group.decisions, decision_id):
                yield meeting.source.problem(_not_a_decision(group, decision_id), "decisions", index)
            elif ((decision := group.decisions.get(decision_id)) is not None and not decision.made_at
                  and not meeting.is_cancelled):  # (check_cancelled_meetings says a cancelled one never publishes it)
                waits = "" if meeting.is_agreed else " Until then it waits for these minutes to be agreed."
                yield meeting.source.problem(f"lists {decision_id}, which does not say where it was made: add "
                                             f"'made_at: {meeting.id}' to it, if it was made here.{waits}",
                                             "decisions", index, severity="warning")
    in_loops = _decisions_in_loops(group)
    replaced_by: dict[str, list[str]] = {}
    for later in group.decisions.values():
        if later.status == "agreed":
            for earlier in set(later.supersedes) - {later.id}:
                replaced_by.setdefault(earlier, []).append(later.id)
    for decision in group.decisions.values():
        if decision.source.meta.get("status") is None:  # (one misspelt is read as meant, and told)
            yield decision.source.problem("has no 'status', so it is shown as agreed. Say so with 'status: "
                                          "agreed', or write proposed, rejected or superseded.", "title",
                                          severity="warning")
        if decision.lacks("power"):
            yield decision.source.problem("has no 'power': the site says 'Not recorded' where it says whose "
                                          "decision it was. Add 'power:' (within-remit, recommendation or "
                                          "referred).", "title", severity="warning")
        for index, other in enumerate(decision.supersedes):
            if other == decision.id:
                yield decision.source.problem("'supersedes' names this decision itself. Name the earlier "
                                              "decision it replaces.", "supersedes", index)
            elif not _known(group, group.decisions, other):
                yield decision.source.problem(f"'supersedes' names {other}, which is not a decision. "
                                              + _what_to_write(group.decisions, other, "Use the start of the "
                                                               "decision's file name, like D-003."),
                                              "supersedes", index)
        if decision.id in in_loops:
            yield decision.source.problem(f"'supersedes' goes round in a loop back to {decision.id}: a decision "
                                          "can only replace earlier ones. Check the 'supersedes' of the "
                                          "decisions it names.", "supersedes")
        yield from _superseded_status(decision, replaced_by.get(decision.id, []))
        if decision.power == "referred" and decision.lacks("referred_to"):
            yield decision.source.problem("'referred_to' is needed when power is referred: who holds "
                                          "that power, like 'the hospital board'.", "power")
        if decision.outcome in OUTCOME_SAID and decision.lacks("outcome_note") and decision.lacks("response"):
            yield decision.source.problem(f"'outcome' is {decision.outcome}, but nothing says "
                                          f"{OUTCOME_SAID[decision.outcome]}. The 'You said, we did' page "
                                          "shows it to the people who asked.", "outcome", severity="warning")
        made_at = group.meetings.get(decision.made_at or "")
        if made_at is not None and decision.date != made_at.date:
            yield decision.source.problem(f"'date' is {decision.date} but the meeting it was made at is "
                                          f"on {made_at.date}. Make them the same.", "date", severity="warning")


OUTCOME_SAID = {
    "changed": "what changed: add 'outcome_note:' in a sentence, like 'Letters now use plain words'",
    "not-possible": "why: add 'outcome_note:' with the reason it could not change, and what happens instead",
}
"""What a decision's outcome owes the people who asked, when neither its note nor a reply says it."""


def _superseded_status(decision: Decision, replaced_by: list[str]) -> Problems:
    """A decision an agreed one replaces is 'superseded', and one that says so is replaced by
    one that names it: otherwise its page and "You said, we did" say one thing, its status another."""
    if replaced_by and decision.status in ("agreed", "proposed"):
        yield decision.source.problem(f"{' and '.join(sorted(replaced_by))} replaced this decision (its "
                                      f"'supersedes' names {decision.id}), but 'status' is still "
                                      f"{decision.status}. Set 'status: superseded'.", "status", severity="warning")
    elif decision.status == "superseded" and not replaced_by:
        yield decision.source.problem("'status' is superseded, but no agreed decision says it replaces this "
                                      f"one. Add 'supersedes: [{decision.id}]' to the decision that replaced it.",
                                      "status", severity="warning")


def _decisions_in_loops(group: Group) -> set[str]:
    """Decisions that, through the decisions they replace, replace themselves: each page would
    say it was replaced by the next, round and round. One walk of the group (a decision naming
    itself is told apart)."""
    state: dict[str, bool] = {}  # True while on the path being walked, False once done
    in_loops: set[str] = set()
    for start in group.decisions:
        if start in state:
            continue
        path, nexts = [start], [iter(group.decisions[start].supersedes)]
        state[start] = True
        while path:
            earlier = next(nexts[-1], None)
            if earlier is None:
                state[path.pop()] = False
                nexts.pop()
            elif earlier in group.decisions and earlier != path[-1]:
                if state.get(earlier):
                    in_loops.update(path[path.index(earlier):])
                elif earlier not in state:
                    state[earlier] = True
                    path.append(earlier)
                    nexts.append(iter(group.decisions[earlier].supersedes))
    return in_loops


DECISION_DATES = (("date", "referred_on"), ("referred_on", "response_due"), ("referred_on", "response_on"),
                  ("date", "review_on"))
"""Pairs of a decision's dates, each in the order they come: it is referred once decided, and
answered once referred."""


def check_decision_dates(group: Group, settings: Settings) -> Problems:
    """A decision's dates out of their order: most often a year typed wrong."""
    for decision in group.decisions.values():
        for earlier, later in DECISION_DATES:
            first, then = getattr(decision, earlier), getattr(decision, later)
            if first is not None and then is not None and then < first:
                yield decision.source.problem(f"'{later}' is {then.isoformat()}, before '{earlier}' "
                                              f"({first.isoformat()}). Check both dates, and their years.",
                                              later, severity="warning")


ACTION_ID = re.compile(r"^ACT-\d+$")
ADDRESSABLE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
"""An id that can be part of an address as it is (an action's is its place on the actions page)."""


def check_actions(group: Group, settings: Settings) -> Problems:
    """Every action id is used once (across meetings and within one), and every handover names one."""
    seen: dict[str, tuple[Meeting, int]] = {}
    highest = _highest_action_id(group)
    for meeting in group.meetings.values():
        for index, action in enumerate(meeting.actions):
            if not ADDRESSABLE.match(action.id):
                yield meeting.source.problem(f"the action id '{action.id}' has characters an address cannot "
                                             "hold (each action has its own, like /actions/#ACT-021): write it "
                                             "like ACT-021.", "actions", index, "id")
            elif not ACTION_ID.match(action.id):
                yield meeting.source.problem(f"the action id '{action.id}' is not like the others: write it "
                                             "like ACT-021, the next free number after 'ACT-'.", "actions", index,
                                             "id", severity="warning")
            if action.done_on is not None and action.done_on > settings.today:
                yield meeting.source.problem(f"the action {action.id} was done on {action.done_on.isoformat()}, "
                                             "a day that has not come yet. Put the day it was done.", "actions",
                                             index, "done_on", severity="warning")
            for name in ("due", "done_on"):  # most often a year typed wrong: 2025-11-30 for 2026-11-30
                day = getattr(action, name)
                if day is not None and day < meeting.date:
                    yield meeting.source.problem(f"'{name}' of the action {action.id} is {day.isoformat()}, before "
                                                 f"this meeting on {meeting.date.isoformat()}, where it was agreed. "
                                                 "Check the date, and its year.", "actions", index, name,
                                                 severity="warning")
            first, first_index = seen.setdefault(action.id, (meeting, index))
            if first_index == index and first is meeting:
                continue
            where = (f"item {first_index + 1} of this meeting's actions" if first is meeting
                     else first.source.path)
            yield meeting.source.problem(f"the action id {action.id} is already used in {where}. Give this "
                                         f"action a new id, after the highest used so far ({highest}).",
                                         "actions", index, "id")
    # A meeting that could not be read may hold the action (its own problem is reported).
    unread_meeting = any(MEETING_NAME.match(record_id) for record_id in group.unreadable_records)
    for report in group.reports.values():
        for index, handover in enumerate(report.handover):
            if handover.action is None:
                continue  # a decision handed over (check_handed_over_decisions)
            if handover.action not in seen and not unread_meeting:
                yield report.source.problem(f"'{handover.action}' is not an action in any meeting. "
                                            + _what_to_write(seen, handover.action, "Check the id against the "
                                                             "meeting's 'actions:', like ACT-021."),
                                            "handover", index, "action")
            elif handover.action in seen and not (meeting := seen[handover.action][0]).is_agreed:
                yield report.source.problem(f"{handover.action} is in the minutes of {meeting.id}, not yet agreed, "
                                            "so the report cannot show it or who takes it on. Agree those minutes "
                                            "first.", "handover", index, "action", severity="warning")


def check_handed_over_decisions(group: Group, settings: Settings) -> Problems:
    """Every decision a farewell report hands over is one there is, still waiting for a reply,
    and published, so that its page can say who will hear the reply."""
    awaiting = group.decisions_awaiting_minutes()
    for report in group.reports.values():
        for index, handover in enumerate(report.handover):
            if handover.decision is not None:
                yield from _handed_over_decision(group, awaiting, report, index, handover.decision)


def check_handed_over_once(group: Group, settings: Settings) -> Problems:
    """An action or a decision handed over twice, in one report or two: the site shows only the
    last 'to', so the other is dropped unseen."""
    first: dict[str, tuple[Report, int, str]] = {}
    for report in group.reports.values():
        for index, handover in enumerate(report.handover):
            record_id = handover.action or handover.decision
            if record_id is None:
                continue
            if record_id not in first:
                first[record_id] = (report, index, handover.to)
                continue
            earlier, earlier_index, to = first[record_id]
            where = "" if earlier is report else f" of {earlier.source.path}"
            field_name = "action" if handover.action else "decision"
            yield report.source.problem(f"{record_id} is handed over already, to '{shortened(to, 40)}' (item "
                                        f"{earlier_index + 1} of 'handover'{where}), and the site shows only one "
                                        "of the two. Keep the one that is right.", "handover", index, field_name,
                                        severity="warning")


def _handed_over_decision(group: Group, awaiting: Mapping[str, Meeting], report: Report, index: int,
                          decision_id: str) -> Problems:
    decision = group.decisions.get(decision_id)
    if decision is None:
        if not _known(group, group.decisions, decision_id):
            yield report.source.problem(_not_a_decision(group, decision_id), "handover", index, "decision")
        return
    if decision.power != "referred":
        message = (f"{decision_id} was not referred to anyone, so no reply is awaited: only a decision referred "
                   "to others and still waiting for their reply is handed over. Take this item out.")
    elif not decision.awaiting_response:
        message = f"{decision_id} already has its reply, so nobody needs to hear it. Take this item out."
    elif (meeting := awaiting.get(decision_id)) is not None:
        message = (f"{decision_id} waits for the minutes of {meeting.id} to be agreed, so the report cannot show "
                   "it or who will hear the reply. Agree those minutes first.")
    else:
        return
    yield report.source.problem(message, "handover", index, "decision", severity="warning")


def check_amendments(group: Group, settings: Settings) -> Problems:
    charter = group.charter  # None when missing or unreadable, and said so: its clauses are unknown
    clause_ids = {clause.id for clause in charter.clauses} if charter is not None else set()
    in_history = functools.cache(lambda: clause_ids_in_history(Path(group.root), charter.source.path)
                                 if charter is not None else None)  # git read once, and only if needed
    for amendment in group.amendments.values():
        if amendment.status == "agreed" and amendment.lacks("agreed_at"):
            yield amendment.source.problem("'agreed_at' is needed when the status is agreed: the meeting "
                                           "that agreed it.", "status")
        if amendment.status == "agreed" and amendment.lacks("charter_version"):
            yield amendment.source.problem("'charter_version' is needed when the status is agreed: the "
                                           "charter version this change made.", "status")
        if charter is None:
            continue
        for index, clause_id in enumerate(amendment.clauses):
            if clause_id in clause_ids:
                continue
            near = difflib.get_close_matches(clause_id, sorted(clause_ids), n=1)
            hint = f"Did you mean '{near[0]}'?" if near else "Use an id from a heading, like payments."
            if amendment.status == "proposed":
                yield amendment.source.problem(f"'{clause_id}' is not a clause of the charter. {hint}",
                                               "clauses", index)
            elif amendment.status == "agreed":
                yield from _agreed_clause_not_now(amendment, index, clause_id, near, hint, in_history())
    yield from _charter_version(group)


def _agreed_clause_not_now(amendment: Amendment, index: int, clause_id: str, near: list[str], hint: str,
                           ever: set[str] | None) -> Problems:
    """An agreed change may name a part taken out or renamed since: with the charter's whole
    history in git (`ever`: every clause id it had), only a name no version ever had is said;
    without it, only a likely slip (a warning that could not be cleared would stop
    `build --strict` for good)."""
    if ever is None and near:
        yield amendment.source.problem(f"'{clause_id}' is not a clause of the charter now. {hint} "
                                       "If that part was taken out or renamed since, leave it.",
                                       "clauses", index, severity="warning")
    elif ever is not None and clause_id not in ever:
        yield amendment.source.problem(f"'{clause_id}' has never been a clause of the charter, in any "
                                       f"version git has. {hint}", "clauses", index, severity="warning")


def _charter_version(group: Group) -> Problems:
    versions = _agreed_versions(group)
    if group.charter is None:
        return
    for amendment in group.amendments.values():
        made_by = versions.get(amendment.charter_version) if amendment.charter_version is not None else None
        if amendment.status == "agreed" and made_by is not None and made_by != amendment.id:
            yield amendment.source.problem(f"'charter_version' {amendment.charter_version} was already made "
                                           f"by {made_by}. Each agreed change makes a new version.",
                                           "charter_version")
    made = sorted(versions)
    for before, after in itertools.pairwise(made):
        if after > before + 1:
            missing = f"version {before + 1}" if after == before + 2 else f"versions {before + 1} to {after - 1}"
            yield group.amendments[versions[after]].source.problem(
                f"makes version {after}, but no agreed amendment makes {missing}, after {versions[before]} "
                f"made {before}: each agreed change raises the version by one. Check 'charter_version'.",
                "charter_version", severity="warning")
    problem = charter_version_problem(group)
    if problem is not None:
        yield problem


def _agreed_versions(group: Group) -> dict[int, str]:
    """Each charter version an agreed amendment makes, and the first amendment (by id) to make it."""
    versions: dict[int, str] = {}
    for amendment in group.amendments.values():
        if amendment.status == "agreed" and amendment.charter_version:
            versions.setdefault(amendment.charter_version, amendment.id)
    return versions


def charter_version_problem(group: Group) -> Problem | None:
    """What is wrong with the charter's 'version', against the versions the agreed amendments make.

    `coprod check --base` says nothing more at this line when this is said: worded to hold for a
    pull request that changes the charter too, as for the whole group on its own.
    """
    charter, versions = group.charter, _agreed_versions(group)
    if charter is None or not versions or charter.version == max(versions):
        return None
    version, newest = charter.version, max(versions)
    by = versions[newest]
    if version > newest:
        then = "keep it" if version == newest + 1 else f"make it {newest + 1}"
        message = (f"'version' is {version} but the agreed amendments reach version {newest} ({by}): only an "
                   f"agreed amendment makes a new version. Make 'version' {newest}; or, if a meeting agreed a "
                   f"change after {by}, {then} and add that change's amendment, with 'charter_version: "
                   f"{newest + 1}'.")
    elif missing := [number for number in range(version + 1, newest) if number not in versions]:
        message = (f"'version' is {version} but the agreed amendments reach version {newest} ({by}), and none "
                   f"makes version {missing[0]}. Check {by}'s 'charter_version' first, then make 'version' "
                   "the newest version the agreed amendments make.")
    else:
        message = (f"'version' is {version} but the agreed amendments reach version {newest} ({by}). Make "
                   f"'version' {newest}.")
    return charter.source.problem(message, "version")


def check_reports(group: Group, settings: Settings) -> Problems:
    closed = group.is_closed
    for report in group.reports.values():
        if "kind" not in report.source.meta and report.id != "farewell":  # (reports/farewell.md needs none)
            yield report.source.problem("has no 'kind', so it is published as an impact report. Say so with "
                                        "'kind: impact', or write 'kind: farewell' if it is the group's farewell "
                                        "report.", "title", severity="warning")
        if report.report_kind == "impact" and report.lacks("period_from"):
            yield report.source.problem("'period_from' is needed for an impact report: the first day it "
                                        "covers, like 2025-01-01.", "kind")
        if report.period_from and report.period_to and report.period_to < report.period_from:
            yield report.source.problem("'period_to' is before 'period_from'. Check both dates.", "period_to")
        yield from _report_sections(report, group.writes_in_english)
        if closed and report.report_kind == "farewell" and report.lacks("ended_on"):
            yield report.source.problem("the group has closed, and its farewell report says when: add "
                                        "'ended_on', the day of its last meeting or the day it closed.", "kind",
                                        severity="warning")
        if report.report_kind == "farewell" and report.lacks("closing_reason"):
            yield report.source.problem("a farewell report says why the group is ending: add "
                                        "'closing_reason', in a sentence or two.", "kind", severity="warning")
    yield from _handover(group)


BOTH_SIDES = ("Results", "Reflections")
"""The sections that must say what did not go well as well as what did."""

NOT_WELL = re.compile(
    r"\b(?:not|no|never|nor|cannot|without|unable|yet|but|however|although|though|only|except|less|fewer|"
    r"worse|wrong|mistakes?|hard|harder|difficult\w*|problems?|challeng\w*|struggl\w*|fail\w*|miss\w*|"
    r"lost|late|delay\w*|slow\w*|barriers?|gaps?|frustrat\w*|disappoint\w*|sorry|regret\w*|"
    r"learn\w*|differently|next time|should have|could have|would have)\b|n't\b|n’t\b",
    re.IGNORECASE)
"""Words that say something did not go well, or went less well than hoped."""


def _report_sections(report: Report, in_english: bool) -> Problems:
    """The five GRIPP2-SF sections, each in place, and 'Results' and 'Reflections' saying what did
    not go well as well as what did (looked for in the words of a report `in_english` only). A
    farewell report missing some is told so once, as a warning: it celebrates and hands over, and
    may be written in its own shape."""
    source = report.source
    sections = {heading.lower(): (line, heading, text)
                for line, heading, _, text in split_clauses(source.body, source.body_line)}
    missing = [heading for heading in GRIPP2_HEADINGS if heading.lower() not in sections]
    if report.report_kind == "farewell" and missing:
        yield Problem(source.path, source.body_line, None,
                      f"{_sections(missing)} missing. A farewell report has the five sections of every "
                      f"report ({', '.join(GRIPP2_HEADINGS)}), with thanks and handover besides.", "warning")
    present = [heading for heading in GRIPP2_HEADINGS if heading.lower() in sections]
    written = sorted(present, key=lambda heading: sections[heading.lower()][0])
    if written != present:  # in the order GRIPP2-SF gives them, which readers of reports expect
        first = next(heading for heading, expected in zip(written, present, strict=True) if heading != expected)
        yield Problem(source.path, sections[first.lower()][0], None,
                      f"the sections are in another order than reports have them: {', '.join(present)}. "
                      f"Move '## {first}' to its place.", "warning")
    five = {heading.lower() for heading in GRIPP2_HEADINGS}
    others = [heading for key, (_, heading, _) in sections.items() if key not in five]
    for position, heading in enumerate(GRIPP2_HEADINGS):
        found = sections.get(heading.lower())
        if found is None and report.report_kind != "farewell":
            yield _missing_section(source, sections, position, others)
        elif found is not None and not found[2]:
            yield Problem(source.path, found[0], None,
                          f"the section '## {heading}' is empty: write what belongs there.", "warning")
        elif (found is not None and heading in BOTH_SIDES and in_english and not NOT_WELL.search(found[2])
              and found[2] not in STARTING_TEXT):
            yield Problem(source.path, found[0], None,
                          f"'## {heading}' says only what went well. Say what did not go well too, or what "
                          "was hard, and what you learned: readers trust a report that says both.", "warning")


def _missing_section(source: Source, sections: dict[str, tuple[int, str, str]], position: int,
                     others: list[str]) -> Problem:
    """Where a report's missing section is: a heading of its own nearly named ('## Method',
    '## Discussion') is told the name (once: `others` loses it), else where to add the section."""
    heading, five = GRIPP2_HEADINGS[position], f"Reports have five sections: {', '.join(GRIPP2_HEADINGS)}."
    wanted = heading.lower()
    near = next((other for other in others if wanted in other.lower()
                 or len(other) > 3 and other.lower() in wanted
                 or difflib.SequenceMatcher(None, other.lower(), wanted).ratio() >= 0.8), None)
    if near is not None:
        others.remove(near)
        return Problem(source.path, sections[near.lower()][0], None,
                       f"'## {near}' should be '## {heading}', as readers of reports expect. {five}")
    following = next((sections[later.lower()] for later in GRIPP2_HEADINGS[position + 1:]
                      if later.lower() in sections), None)
    last_line = source.body_line + len(source.body.rstrip().split("\n")) - 1
    where = f"add it before this line, '## {following[1]}'" if following else "add it at the end"
    return Problem(source.path, following[0] if following else last_line, None,
                   f"{_sections([heading])} missing: {where}. {five}")


def _sections(headings: list[str]) -> str:
    """"the section '## Aim' is" or "the sections '## Aim' and '## Methods' are"."""
    named = join_words([f"'## {heading}'" for heading in headings])
    return f"the section {named} is" if len(headings) == 1 else f"the sections {named} are"


def _handover(group: Group) -> Problems:
    if not group.is_closed:
        return
    handed = group.handovers()
    yield from _decisions_left_waiting(group, handed)
    for meeting in group.meetings.values():
        for index, action in enumerate(meeting.actions):
            if meeting.is_agreed and action.status == "open" and action.id not in handed:
                yield meeting.source.problem(f"{action.id} is still open and the group has closed. Hand "
                                             "it over in the farewell report: handover: [{action: "
                                             f"{action.id}, to: \"who takes it on\"}}].", "actions", index)
        left = [a.id for a in meeting.actions if a.status == "open"]
        if left and meeting.minutes.status in ("draft", "circulated"):
            yield meeting.source.problem(f"the group has closed, but these minutes are still "
                                         f"{meeting.minutes.status}, so they and their open actions "
                                         f"({', '.join(left)}) will never be published. The farewell report "
                                         "cannot hand those actions over either. Agree the minutes, or say in the "
                                         "farewell report's own words what is still to do.", "minutes", "status",
                                         severity="warning")


def _decisions_left_waiting(group: Group, handed: Handovers) -> Problems:
    """A closed group's published decision still waiting for a reply that nobody is named to
    hear: a warning, since the content model asks only for open actions to be handed over."""
    awaiting = group.decisions_awaiting_minutes()
    for decision in group.decisions.values():
        if decision.awaiting_response and decision.id not in handed and decision.id not in awaiting:
            whom = f" from {mid_sentence(decision.referred_to)}" if decision.referred_to else ""
            yield decision.source.problem(
                f"{decision.id} is still waiting for a reply{whom}, and the group has closed. Say in the farewell "
                "report who will hear the reply, so that people following the group know where it goes: "
                f'handover: [{{decision: {decision.id}, to: "who will hear the reply"}}].',
                "referred_to" if decision.referred_to else "power", severity="warning")


def check_old_ids(group: Group, settings: Settings) -> Problems:
    taken = {*group.meetings, *group.decisions, *group.amendments, *group.reports}
    for records in (group.meetings, group.decisions, group.amendments, group.reports):
        claimed: dict[str, str] = {}  # an old address leads to one record of its folder
        for record in records.values():
            for index, old in enumerate(record.old_ids):
                first = claimed.setdefault(old, record.id)
                if first != record.id:
                    yield record.source.problem(f"'old_ids' names {old}, which {first} names too: its old "
                                                "address can lead to only one of them. Keep it on the one "
                                                "that had it.", "old_ids", index)
                if not ADDRESSABLE.match(old):
                    yield record.source.problem(f"'old_ids' names '{old}', which no address of this site could "
                                                "have held: write the record's old file name without .md "
                                                "(or a decision's old number, like D-004).", "old_ids", index)
                elif old in taken:
                    yield record.source.problem(f"'old_ids' names {old}, which another record uses now. "
                                                "An old id must be free.", "old_ids", index)


def check_charter_is_there(group: Group, settings: Settings) -> Problems:
    """A group without charter.md has no charter page, and its amendments' links lead nowhere."""
    path = Path(group.root) / group.content / "charter.md"
    if group.charter is None and not path.exists() and path.parent.is_dir():  # (no content folder: said once)
        yield Problem(f"{group.content}/charter.md", None, None, "is missing, so the site has no charter page "
                      "('Our charter'), and links to it lead nowhere. Write how the group works together there: "
                      "'coprod init' writes one with questions to answer.", "warning")


def check_pages_the_site_makes(group: Group, settings: Settings) -> Problems:
    """A page of the group's own at the address of one the site makes ('people.md' is 'Who we
    are'): the site's page took its place, and it was never seen."""
    made = {page_url(path): title for path, title in site_pages().items() if path != HOME_PAGE}
    for path, source in group.pages.items():
        title = made.get(page_url(path))
        if title is not None:
            yield Problem(source.path, None, None, f"has the address of the site's own page '{title}' "
                          f"(/{page_url(path)}), which takes its place, so this page would never be seen. "
                          "Give the file another name.")


def _highest_action_id(group: Group) -> str:
    """The action id written 'ACT-' and the highest number, to say where a new one starts."""
    ids = [action.id for meeting in group.meetings.values() for action in meeting.actions
           if ACTION_ID.match(action.id)]
    return max(ids, key=lambda action_id: int(action_id.removeprefix("ACT-")), default="ACT-000")


CHECKS = (
    check_pages_the_site_makes, check_charter_is_there, check_project, check_people, check_person_references,
    check_people_in_their_time, check_meeting_dates, check_lists_written_as_text, check_meeting_references,
    check_decisions, check_decision_dates, check_actions, check_handed_over_decisions, check_handed_over_once,
    check_amendments,
    check_reports, check_old_ids, check_same_numbers, check_copied_text,
)
