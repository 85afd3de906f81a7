"""First names typed into the records: the slip that names someone who never agreed.

People are written by their id (`[[p04]]`, shown as people.yml allows) or by their role ('a
parent member'). A name typed into a summary or an action ('Sarah said…', 'Ask Tom to book the
room') is published as typed. The private register (privacy.py) finds the real names it lists;
this check finds, register or not, the first names people most often have (first_names.txt,
made by scripts/first_names.py), and a title before a name ('Dr Patel').

A name that is also an everyday word ('Grant', 'Rose', 'Jack') is told only where it is used as
a name: inside a sentence, with 's, before 'said' or the like. Names people.yml gives (the
privacy check tells those it must not show), the group's own name and organisation, months, and
words in glossary.yml are not told: a ward named after someone ('Florence Ward'), and a place
('St Thomas'), are not people either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib.resources import files
from typing import NamedTuple

from ..mentions import without_code, without_comments, without_mentions
from ..privacy import read_register, without_accents
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..sources import Source
from .privacy import PERSON_ID_FIELDS, as_read, checked_sources, published_addresses

TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor"})
"""Words before a surname: 'Dr Patel' names someone whatever the name. ('Nurse' and 'Sister' are
left out: 'Nurse Specialist' is a job.)"""
NOT_A_PERSON_AFTER = frozenset({"St", "Saint", "Queen", "King", "Prince", "Princess", "Lady", "Sir", "Lord",
                                "Mount", "Port", "Fort", "Royal"})
"""Words before a name that make it a place's: 'St Thomas', 'Queen Elizabeth Hospital'."""
PLACE_WORDS = frozenset({
    "Ward", "Wing", "Hospital", "Hospice", "House", "Centre", "Center", "Unit", "Building", "Road", "Street",
    "Lane", "Avenue", "Park", "School", "College", "University", "Institute", "Library", "Room", "Suite",
    "Clinic", "Surgery", "Practice", "Trust", "Foundation", "Society", "Council", "Academy", "Museum",
    "Theatre", "Church", "Court", "Hall", "Way", "Close", "Square", "Place", "Gardens", "Drive", "Terrace",
    "Station", "Bridge", "Market", "Green", "Cross", "Hill", "Gate"})
"""Words after a name that make it a place's or a body's: 'Florence Ward', 'Alan Turing Institute'."""
CALENDAR_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Spring", "Summer",
    "Autumn", "Winter", "Christmas", "Easter", "Ramadan", "Eid", "Diwali", "Hanukkah", "Vaisakhi", "Passover",
    "Advent", "Lent"})
"""Names of months, days, seasons and festivals, some of which are first names too ('April',
'August', 'Ramadan')."""
AS_A_NAME = re.compile(r"['’]s\b|:[ \t]|\s+(?:said|says|asked|told|suggested|agreed|thought|felt|explained|mentioned|"
                       r"raised|shared|added|noted|wondered|replied|wants|will|would|could|can|has|had|is|was)\b")
"""What follows a name used as one: 'Rose's idea', 'Grant said', 'Carol: I agree'."""

WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_A-ZÀ-ÖØ-Þ]+"
"""A word with a capital letter first, and small letters after it ('Sarah', 'Zoë')."""
CAPITALISED = re.compile(rf"(?<![\w'’@./\\-])({WORD})(?![\w@-]|['’]t\b)")
"""Such a word, not inside an address or a contraction ('Don't')."""


class FirstNames(NamedTuple):
    names: frozenset[str]
    also_words: frozenset[str]
    """Names that are also everyday words ('Grant'), told only where used as names."""
    name_and_s: frozenset[str]
    """Everyday words that are a name and s ('jeans'): in a file name, not a name's possessive."""


@functools.cache
def first_names() -> FirstNames:
    """The first names looked for, from first_names.txt: three lists, each after a line of '#'."""
    text = without_accents(files("coprod_site.checks").joinpath("first_names.txt").read_text(encoding="utf-8"))
    names, also_words, name_and_s = (frozenset(part.split()) for part in LIST_HEADING.split(text)[1:])
    return FirstNames(names, also_words, name_and_s)


LIST_HEADING = re.compile(r"^#[^\n]*\n", re.MULTILINE)


def check_first_names(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at the first line of each file where a first name that people.yml does not
    show, or a title and a name, is typed: once for each name in a file."""
    not_people = _not_people(group)
    for source in checked_sources(group, settings):
        if source.path.endswith(("people.yml", "glossary.yml")) or not _may_name_anyone(source):
            continue
        found: dict[str, tuple[int | None, int]] = {}  # name: (first line, times)
        for line, name in _names_in(source, group.writes_in_english):
            if without_accents(name.split()[-1]) not in not_people:
                first, times = found.get(name, (line, 0))
                found[name] = (first, times + 1)
        for name, (line, times) in found.items():
            more = f" It is there {times} times." if times > 1 else ""
            yield Problem(source.path, line, None, f"has '{name}', which may be someone's name. People are shown "
                          "only as they agreed: write their id, like [[p04]], for the site to show them that way, "
                          f"or their role, like 'a parent member'.{more} If it is not a person, say what it is "
                          "in glossary.yml.", "warning")


def check_names_in_addresses(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each file whose name, which becomes its address on the site, has a first name
    in it ('2026-12-04-sarah-leaving-do')."""
    names, _, name_and_s = first_names()
    not_people = _not_people(group)
    for address in published_addresses(group):
        for word in ADDRESS_WORDS.findall(address.address):
            name = word[:-1] if word.endswith("s") and word.lower() not in name_and_s else word  # 'sarahs'
            if ({word.capitalize(), name.capitalize()} & names) - not_people:
                yield Problem(address.path, None, None, f"has '{word}' in its name, which may be someone's name and "
                              f"becomes {address.whose} address on the site. People are shown only as they agreed. "
                              f"{address.rename} If '{name.capitalize()}' is not a person, say what it is in "
                              "glossary.yml.", "warning")
                break


ADDRESS_WORDS = re.compile(r"[a-z]{2,}", re.IGNORECASE)
"""The words of a file's name, 'Sarah' in 'Sarah.jpg' too."""


def _not_people(group: Group) -> frozenset[str]:
    """The words of the names people.yml and the private register give (those people.yml shows may
    be typed; the privacy check tells the others, as errors), of the group's name and
    organisation, and of the glossary's terms."""
    texts = [text or "" for person in group.people.values() for text in (person.name, person.pseudonym)]
    texts += [name for entry in read_register()[0].values() for name in ([entry] if isinstance(entry, str) else entry)]
    texts += list(group.glossary)
    if group.project is not None:
        texts += [group.project.name, group.project.organisation or ""]
    return CALENDAR_WORDS | {word for text in texts for word in re.findall(r"[^\W\d_]+", without_accents(text))}


def _may_name_anyone(source: Source) -> bool:
    """Whether a file may hold a name: false for most, at one look at all their words (following
    each word through `names_typed` took 3 s over the 10,000 records of a big group)."""
    names, also_words, _ = first_names()
    words = set(re.findall(WORD, without_accents(source.all_words)))
    return not (names.isdisjoint(words) and also_words.isdisjoint(words) and TITLES.isdisjoint(words))


NOT_NAMES = PERSON_ID_FIELDS | {"guests"}
"""Fields where a name is another problem, told as such: people's ids, and guests, who are counted."""


def _names_in(source: Source, in_english: bool) -> Iterator[tuple[int | None, str]]:
    """Each name typed in a file's fields and text, with its line."""
    for location, text in source.texts():
        if not any(part in NOT_NAMES for part in location if isinstance(part, str)):
            line = source.line_of(*location)
            yield from ((line, name) for _, name in names_typed(text, in_english))
    body = as_read(without_mentions(without_comments(without_code(source.body))))
    for offset, name in names_typed(body, in_english):
        yield source.body_line + body.count("\n", 0, offset), name


def names_typed(text: str, in_english: bool = True) -> Iterator[tuple[int, str]]:
    """Where a text names someone, and the name: 'Sarah', or 'Dr Patel'. In another language, whose
    everyday words may be names elsewhere (Welsh 'Pam', why; 'Eleni', this year), any name is told
    only where it is used as one, as a name that is also an English word is in English."""
    names, also_words, _ = first_names()
    if not in_english:
        names, also_words = frozenset(), names | also_words
    for match in CAPITALISED.finditer(text):
        word, start = match.group(1), match.start()
        before = text[max(0, start - 30):start].rstrip(" \t.").split()[-1:]
        after = text[match.end():match.end() + 60].split()[:2]
        if any(word_after.strip(",.;:()[]'\"’") in PLACE_WORDS for word_after in after):
            continue
        if before and before[0] in TITLES:
            yield start, f"{before[0]} {word}"
        elif before and before[0] in NOT_A_PERSON_AFTER:
            continue
        elif (bare := without_accents(word)) in names or bare in also_words and _used_as_a_name(text, match):
            yield start, word


def _used_as_a_name(text: str, match: re.Match[str]) -> bool:
    """Whether a word that is also a name is used as one: with 's, before 'said' or the like,
    or inside a sentence (not in a heading, whose words may all begin with capitals)."""
    if AS_A_NAME.match(text, match.end()):
        return True
    start = match.start()
    while start and text[start - 1] in OPENING:
        start -= 1
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].lstrip().startswith("#"):
        return False
    return not (start and text[start - 1] in ".!?:;" or LINE_START.fullmatch(text, line_start, start))


OPENING = " \t*_\"'“‘(["
"""What may come between a sentence's start and its first word: spaces, emphasis, quote marks."""
LINE_START = re.compile(r"[ \t]*(?:[-*+>]|\d+[.)]|#+)?[ \t]*")
"""The start of a line, a list item, a quotation or a heading."""


CHECKS = (check_first_names,)
"""Checks of each record on its own."""
GROUP_CHECKS = (check_names_in_addresses,)
"""Checks of the names of every file the site publishes."""
