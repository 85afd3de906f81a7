"""Detectors for what must never be published: contact details, NHS numbers, ids, real names.

These are pure functions over text. `coprod check` runs them on the records
(checks/privacy.py) so people hear about a slip before building, and the
build's leak guard (guard.py) runs them again on every file of the finished
site, where a template, a theme override or an export could still let
something out.

A person's real name comes only from the private register: a YAML file kept
outside the repository (its path in COPROD_PRIVATE_REGISTER) mapping each
person's id to their real full name, or to a list of every name they go by.
It is read, never written or published.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import yaml

from .problems import Problem
from .records import Group, Person
from .sources import OTHER_SPACE_CODES

REGISTER_ENV = "COPROD_PRIVATE_REGISTER"
RegisterEntry = str | list[str]
"""A person's real name in the register, or every name they go by (a nickname, a maiden name)."""

KIND_WORDS = {
    "email": "an email address",
    "phone": "a phone number",
    "nhs_number": "an NHS number",
    "postcode": "a full postcode",
    "person_id": "a person's id",
    "real_name": "a real name",
    "withheld_name": "a name",
}
"""How each kind of finding is named in messages."""

KIND_ADVICE = {
    "email": "Only the group's contact address in project.yml may be published.",
    "phone": "Phone numbers are never published.",
    "nhs_number": "NHS numbers are never published.",
    "postcode": "Full postcodes are never published: give the place's name, or just the first half.",
    "person_id": "Ids are only for linking records: write [[id]] to show the person as they agreed "
                 "(not inside `code`, where it is shown as typed).",
    "real_name": "This person has not agreed to be named like this: write [[id]] instead.",
    "withheld_name": "They are not shown by name on the site ('show_as' in people.yml): write [[id]] "
                     "to show them as they agreed. If they have withdrawn their consent, take their "
                     "name out of people.yml too.",
}

_BEFORE_NUMBER = r"(?:(?<=[^\W\d_][:.])|(?<![\w+.\-/:@]))"
"""Not inside a longer number, word, address or time; but straight after a word and a colon
or dot ('Tel:07700 900123', 'mob.07700 900123', a link to 'tel:0161 496 0000')."""
_AFTER_NUMBER = r"(?![\w\-/@]|[.:,]\d)"

EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b")

_DIGIT_GAP = r"[ .\-]?"
"""Between the groups of a number's digits: a space, a dot or a dash, or nothing."""

PHONE = re.compile(
    _BEFORE_NUMBER
    + r"(?P<prefix>(?:\+|00)44" + _DIGIT_GAP + r"(?:\(0\)" + _DIGIT_GAP + r")?|\(?0)"
    + r"(?P<area>\d{1,4})\)?"
    + r"(?P<rest>(?:" + _DIGIT_GAP + r"\d{2,6}){1,3})"
    + _AFTER_NUMBER
)
"""UK numbers: 0 or +44, an area or mobile code, then groups of digits with single spaces,
dots or dashes."""

INTERNATIONAL_PHONE = re.compile(
    r"(?<![\w+])\+(?!44)(?P<country>[1-9]\d{0,2})"
    + r"(?P<rest>(?:" + _DIGIT_GAP + r"\(?\d{1,5}\)?){2,6})"
    + _AFTER_NUMBER
)
"""Numbers from other countries: '+', a country code, then groups of digits (UK ones are PHONE's)."""

NHS_NUMBER = re.compile(_BEFORE_NUMBER + r"(\d{3})([ .\-]?)(\d{3})([ .\-]?)(\d{4})" + _AFTER_NUMBER)
"""Ten digits in threes, threes and four, with a space, a dot or a dash between the groups, or nothing."""

POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?(?: {0,2}|-)\d[ABD-HJLNP-UW-Z]{2})\b"
)
"""A full UK postcode in capitals, with a space, two, a dash or nothing between its halves (the
first half alone is fine)."""

POSTCODE_AREAS = frozenset({
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF",
    "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",
    "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU",
    "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS",
    "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH",
    "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR",
    "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD",
    "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
})
"""The UK's postcode areas, the letters a postcode starts with."""

LOWER_CASE_POSTCODE = re.compile(
    r"\b(?:" + "|".join(sorted((area.lower() for area in POSTCODE_AREAS), key=lambda area: (-len(area), area)))
    + r")\d[a-z\d]? {1,2}(?!1st|2nd|3rd|\dth)\d[abd-hjlnp-uw-z]{2}\b",
    re.IGNORECASE,
)
"""A full postcode not in capitals ('sw1a 1aa', 'Sw1a 1aa' at the start of a sentence): only with
a real area and a space, and never '2nd' or '3rd', so that 'b1 2nd' in a sentence is not taken
for one. (POSTCODE finds those in capitals.)"""

_DIGIT = re.compile(r"\d")
PHONE_MIN_DIGITS = 8
"""A UK number is 9 or 10 digits after the 0 or +44, one from abroad at least 8 with its
country code, so text with fewer digits has none."""
NHS_NUMBER_DIGITS = 10
"""An NHS number is ten digits."""

POSTCODE_INWARD = re.compile(r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}")
"""The second half of every full postcode, in either case (GIR 0AA's too): far quicker to
search for than the postcodes themselves."""

_GAP = r"(?:\s|&nbsp;|&#160;|<[^<>]{0,300}>|[*_~`])*+"
"""What may sit between the parts of a name: spaces, line breaks, tags, emphasis marks.

This and the joins below are taken whole (`*+`): never given back a character at a time to
try the rest of the name again, which on a run of thousands of spaces (a line drawn with
dashes) took hours where two joins stood side by side. Nothing they take can start a word
of a name, so no match is lost."""

_DASHES = "\\-\u2010-\u2015\u2212"
"""A hyphen, the non-breaking hyphen word processors put in names, en and em dashes, a minus."""
_APOSTROPHES = "['\u2018\u2019\u02bc\u02bb\u00b4\u2032]"
"""Straight and curly apostrophes, the modifier letters that look like them ('O\u02bcneill'),
and the accent and prime typed for one."""
_JOINING = r"\s|&nbsp;|&#160;|%20|<[^<>]{0,300}>|[*_~`.+" + _DASHES + "]"
_JOIN = rf"(?:{_JOINING})*+"
"""What may join the words of a full name, or the parts of a double-barrelled one: what `_GAP`
allows, hyphens and dashes ('Mary-Jane', 'Ellis\u2013Brown'), and what joins words in web
addresses, file names and email addresses ('goodbye-jordan-ellis-brown',
'Letter%20from%20Sam%20Patel.pdf', 'sam.patel@'). Where the register writes a hyphen, nothing
at all too ('EllisBrown'); between words, something must be there (`_between`)."""
_PARTS = rf"(?:{_APOSTROPHES}|{_JOINING})*+"
"""What may stand where the register writes an apostrophe in a word, or where a capital starts
a part of one (`_starts_part`: "O'Neill" for 'ONeill'): any apostrophe, what `_JOIN` allows
('o-neill' in a web address), or nothing ('ONeill' for "O'Neill")."""

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining accents, which follow the letter they sit on."""
_IN_WORD = rf"[^\W\d_]|[{_MARKS}]"
_NAME_END = rf"(?!{_IN_WORD})"
"""A name's word starts and ends where no letter (or accent) is next to it. Digits and underscores
may touch it, as in file names ('notes_sam_patel_2025.pdf') and web addresses ('%20Sam')."""


_STYLED_LETTERS = [*range(0x2100, 0x2150), *range(0x24B6, 0x24EA), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
"""Letters in other styles, which fonts show as the plain letter: letterlike symbols ('\u210c'),
circled ('\u24c8') and fullwidth ('\uff33', as Chinese and Japanese keyboards type). (The
mathematical ones are `_LATIN_LOOK_ALIKES`': outside the first 65,536 characters, they made every
pattern's sets of letters several times slower to test.)"""


def _cased_letters() -> tuple[str, str]:
    """Every small letter and every capital of the Latin, Greek and Cyrillic alphabets and of
    `_STYLED_LETTERS`, each as a set of characters for a pattern."""
    small, capital = [], []
    for code in [*range(0x250), *range(0x370, 0x530), *range(0x1E00, 0x2000), *_STYLED_LETTERS]:
        char = chr(code)
        if char.islower():
            small.append(char)
        elif char.isupper() or char.istitle():
            capital.append(char)
    return f"[{''.join(small)}]", f"[{''.join(capital)}]"


_SMALL, _CAPITAL = _cased_letters()
_APART = (rf"(?:(?<!{_IN_WORD})|(?!{_IN_WORD})"
          rf"|(?-i:(?<={_SMALL})(?={_CAPITAL})|(?<={_CAPITAL})(?={_CAPITAL}[{_MARKS}]*{_SMALL})))")
"""Where two words of a name meet: not between two letters of one word, unless a capital starts
the second ('AshFord', 'AFord'; not 'Ashford' or 'ASHFORD')."""


@dataclass(frozen=True)
class Finding:
    """Something found in a text that must not be published."""

    kind: str
    value: str
    start: int
    end: int
    person: str | None = None
    """The person's id, for a person's id or a real name."""

    def described(self, people: Mapping[str, Person] | None = None) -> str:
        """What was found, in words, without repeating anything private in full."""
        what = KIND_WORDS[self.kind]
        if self.kind == "real_name":
            shown = shown_as(people, self.person)
            return f"the real name of the person shown as '{shown}' (register entry {self.person})"
        if self.kind == "withheld_name":
            shown = shown_as(people, self.person)
            return f"the name people.yml gives the person shown as '{shown}' ({self.person})"
        if self.kind == "person_id":
            shown = shown_as(people, self.person)
            return f"the id '{self.value}' of the person shown as '{shown}'"
        return f"{what} ({mask(self.value)})"

    @property
    def advice(self) -> str:
        """What to do about it, with the person's own mention where one is to be written: '[[p03]]'."""
        advice = KIND_ADVICE[self.kind]
        return advice.replace("[[id]]", f"[[{self.person}]]") if self.person else advice

    @property
    def key(self) -> str:
        """What makes two findings the same leak: digits for numbers, the person for names."""
        if self.kind in ("phone", "nhs_number"):
            return self.kind + ":" + re.sub(r"\D", "", self.value)[-9:]
        if self.person is not None:
            return f"{self.kind}:{self.person}"
        return self.kind + ":" + re.sub(r"\s", "", self.value).casefold()


def shown_as(people: Mapping[str, Person] | None, person_id: str | None) -> str:
    """How the person with this id is shown on the site ('a member' for an id nobody has)."""
    person = (people or {}).get(person_id or "")
    return person.public_name if person is not None else "a member"


def mask(value: str) -> str:
    """The first few characters, so a log points at the leak without repeating it: '0770…' for
    '(07700 900123)', whose bracket would say nothing and crowd the message's own."""
    value = value.lstrip("(")
    visible = max(2, min(4, len(value) // 3))
    return value[:visible] + "\u2026"


# --- where a match can start ----------------------------------------------------------
# A page's text is long and holds few numbers and fewer '@'s, so rather than try every
# position as `finditer` does, the finders below try only the positions where a match can
# start, in order, each after the last match: the same matches, found several times quicker.


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, given every position (in order) where a match could start."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


_LOCAL_PART_RUN = re.compile(r"[\w.+\-]*\Z")


def email_starts(text: str) -> Iterator[int]:
    """Where an email address could start: at the run of name characters before each '@'
    (EMAIL's look-behind allows no other place, and an address holds one '@')."""
    at = text.find("@")
    while at != -1:
        window = max(0, at - 64)
        run = _LOCAL_PART_RUN.search(text, window, at)
        while run is not None and run.start() == window > 0:  # the run goes on: look further back
            window = max(0, window - 4096)
            run = _LOCAL_PART_RUN.search(text, window, at)
        if run is not None:
            yield run.start()
        at = text.find("@", at + 1)


_PHONE_FIRST = re.compile(r"(?=\+|0\d|\(0)")
_THREE_DIGITS_OR_MORE = re.compile(r"\d{3,}")


def phone_starts(text: str) -> Iterator[int]:
    """Where a UK number could start: PHONE's prefixes begin '+', '0' and a digit, or '(0'."""
    return (match.start() for match in _PHONE_FIRST.finditer(text))


def plus_starts(text: str) -> Iterator[int]:
    """Where a number from another country could start: at each '+'."""
    at = text.find("+")
    while at != -1:
        yield at
        at = text.find("+", at + 1)


def postcode_starts(text: str) -> list[int]:
    """Where a full postcode could start: two to six characters before each second half (a
    digit and two letters), the first half being two to four characters and up to two spaces."""
    return sorted({max(0, match.start() - back) for match in POSTCODE_INWARD.finditer(text)
                   for back in range(2, 7)})


def digit_run_starts(text: str) -> Iterator[int]:
    """Where each run of three digits or more starts: NHS_NUMBER begins with three digits,
    and its look-behind allows a start nowhere inside a run."""
    return (match.start() for match in _THREE_DIGITS_OR_MORE.finditer(text))


# --- the detectors -------------------------------------------------------------------


def find_emails(text: str, allowed: Iterable[str] = ()) -> Iterator[Finding]:
    """Email addresses other than the `allowed` ones (the group's shared contact addresses)."""
    permitted = {address.lower() for address in allowed}
    for match in matches_from(EMAIL, text, email_starts(text)):
        if match.group().lower() not in permitted:
            yield Finding("email", match.group(), match.start(), match.end())


def find_phone_numbers(text: str) -> Iterator[Finding]:
    """UK landline and mobile numbers, with or without +44, spaces, dots or dashes, and
    numbers from other countries written with '+' and their country code."""
    found = []
    for match in matches_from(PHONE, text, phone_starts(text)):
        national = match["area"] + re.sub(r"\D", "", match["rest"])
        if len(national) in (9, 10) and national[0] in "123578":
            found.append(Finding("phone", match.group(), match.start(), match.end()))
    for match in matches_from(INTERNATIONAL_PHONE, text, plus_starts(text)):
        if 7 <= len(re.sub(r"\D", "", match["rest"])) <= 14:
            found.append(Finding("phone", match.group(), match.start(), match.end()))
    yield from sorted(found, key=lambda finding: finding.start)


def nhs_check_digit(first_nine: str) -> int | None:
    """The Modulus 11 check digit of an NHS number's first nine digits (None: no valid number)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_nhs_number(digits: str) -> bool:
    """True for ten digits whose last is the Modulus 11 check digit of the other nine."""
    if not re.fullmatch(r"\d{10}", digits):
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


_SAYS_NHS = re.compile(r"\bNHS\b", re.IGNORECASE)
NHS_CONTEXT = 40
"""How far before ten digits 'NHS' makes them an NHS number, whatever their check digit."""


def find_nhs_numbers(text: str) -> Iterator[Finding]:
    """NHS numbers written 943 476 5919, 943-476-5919, 943.476.5919 or 9434765919: with a valid
    check digit, or after the word NHS ('NHS number 123 456 7890': mistyped, it is still someone's),
    where the gaps may differ too ('NHS no. 123 4567890')."""
    for match in matches_from(NHS_NUMBER, text, digit_run_starts(text)):
        if ((match[2] == match[4] and is_nhs_number(match[1] + match[3] + match[5]))
                or _SAYS_NHS.search(text, max(0, match.start() - NHS_CONTEXT), match.start())):
            yield Finding("nhs_number", match.group(), match.start(), match.end())


def find_postcodes(text: str) -> Iterator[Finding]:
    """Full UK postcodes, like SW1A 1AA, and sw1a 1aa typed in small letters."""
    starts = postcode_starts(text)
    found = {match.start(): Finding("postcode", match.group(), match.start(), match.end())
             for match in matches_from(POSTCODE, text, starts)}
    for match in matches_from(LOWER_CASE_POSTCODE, text, starts):
        found.setdefault(match.start(), Finding("postcode", match.group(), match.start(), match.end()))
    yield from sorted(found.values(), key=lambda finding: finding.start)


def find_person_ids(text: str, person_ids: Iterable[str]) -> Iterator[Finding]:
    """Any person's id, as a whole word."""
    patterns = person_id_patterns(tuple(person_ids))
    if patterns is None or not patterns.anywhere.search(text):
        return
    for match in patterns.whole_word.finditer(text):
        yield Finding("person_id", match.group(), match.start(), match.end(), match.group())


_ADDRESS_JOINS = re.compile(r"[-_./]+")


def people_in_address(address: str, rules: PrivacyRules) -> list[Finding]:
    """People's ids, and names they have not agreed to, in a file name or web address: a file's
    name becomes its page's address ('meetings/2025-03-14-p01-chat/'), as public as the text.
    Ids are found between its '-', '/', '.' and '_', and names in the words those join
    ('2026-03-14-jane-smith-leaving'), which the text's detectors take for one word."""
    pattern = _address_id_pattern(rules.person_ids)
    found = [] if pattern is None else [Finding("person_id", match.group(), match.start(), match.end(), match.group())
                                        for match in pattern.finditer(address.lower())]
    if rules.finds_names:
        found += _names(_ADDRESS_JOINS.sub(" ", address), rules)
    return found


@functools.lru_cache(maxsize=16)
def _address_id_pattern(person_ids: tuple[str, ...]) -> re.Pattern[str] | None:
    ids = sorted(person_ids, key=len, reverse=True)
    if not ids:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, ids)) + r")(?![a-z0-9])")


@dataclass(frozen=True)
class IdPatterns:
    """All of a group's ids in one pattern, longest first, as a whole word and anywhere at all.

    `whole_word` starts with a look-behind, which the regular expression engine
    tries at every character; `anywhere` starts with the ids themselves, so the
    engine skips from one possible first letter to the next: many times quicker
    at saying that a text has no id in it, which most have.
    """

    whole_word: re.Pattern[str]
    anywhere: re.Pattern[str]


@functools.lru_cache(maxsize=16)
def person_id_patterns(person_ids: tuple[str, ...]) -> IdPatterns | None:
    """The patterns for these ids, or None when there are none.

    Built once per set of ids: a check runs the detectors on every field of
    every record, and building the patterns cost more than running them.
    """
    ids = sorted(person_ids, key=len, reverse=True)
    if not ids:
        return None
    alternatives = "(?:" + "|".join(map(re.escape, ids)) + ")"
    return IdPatterns(re.compile(r"(?<![\w\-])" + alternatives + r"(?![\w\-])"), re.compile(alternatives))


def find_real_names(text: str, patterns: Mapping[str, Iterable[NameForm]],
                    kind: str = "real_name", folded: str | None = None) -> Iterator[Finding]:
    """Any form of a register name (or a name in people.yml) its person has not agreed to show,
    across markup and line breaks.

    A form is looked for only where the text holds its word at all (`NameForm`):
    one pass over the text to fold it (or `folded`, the text already folded),
    then a quick search for each word, rather than each pattern tried at every
    place in the text.
    """
    if folded is None:
        folded = fold_letters(text) if patterns else ""
    found = [Finding(kind, match.group(), match.start(), match.end(), person_id)
             for person_id, forms in patterns.items() for form in forms
             if form.word is None or form.word in folded for match in form.pattern.finditer(text)]
    yield from sorted(found, key=lambda finding: finding.start)


class NameForm(NamedTuple):
    """A way of writing a name, and a word of the name that every match of it holds (folded
    by `fold_letters`; None for initials), so that a text without the word is passed over."""

    pattern: re.Pattern[str]
    word: str | None


_PLAIN_LETTERS = {"\u0131": "i", "\u0142": "l", "\u00f8": "o", "\u0111": "d", "\u00f0": "d", "\u0127": "h"}
"""Letters with no accent to leave off (Unicode does not decompose them), written as the plain
letter in English text: 'ł' is typed 'l', 'ø' 'o', 'đ' and 'ð' 'd', 'ı' (dotless) 'i'."""
_ONE_FOR_TWO = {"\u00df": "ss", "\u00e6": "ae", "\u0153": "oe", "\u00fe": "th"}
"""Letters written as two in English text: 'ß' as 'ss', 'æ' 'ae', 'œ' 'oe', 'þ' 'th'."""
_LOOSER_LETTERS = str.maketrans({**_PLAIN_LETTERS, **_ONE_FOR_TWO, "\u2018": "'", "\u2019": "'"})
"""What a name's pattern matches that folding alone would keep apart: the letters above and
curly apostrophes."""


def fold_letters(text: str) -> str:
    """`text` with letters compared as names' patterns compare them: case folded, accents left off,
    one kind of apostrophe. Where a pattern matches, the folded text holds the folded word."""
    folded = text.casefold()
    if not folded.isascii():
        folded = without_accents(folded).translate(_LOOSER_LETTERS).casefold()  # '\U0001d412' is 'S' once decomposed
    return folded


def without_accents(text: str) -> str:
    """`text` with its letters' accents left off, and each letter in its plainest form ('Siobhán'
    is 'Siobhan'); its case as it was."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.translate({ord(char): None for char in set(decomposed) if unicodedata.combining(char)})


# --- names ---------------------------------------------------------------------------


def _token(word: str, start: int = 0) -> str:
    """One word of a name as a pattern, matching the ways people spell it.

    A letter matches itself with or without accents (the register's 'Zoe' finds
    'Zoë', and 'Zoë' 'Zoe'), and 'ł' or 'ß' as English text writes them ('l',
    'ss'); an apostrophe matches any other, or none ('ONeill', 'o-neill' in a web
    address); a hyphen matches a dash, a space or nothing ('Ellis Brown', 'EllisBrown').
    From the letter at `start` (`_starting` writes the first one itself).
    """
    parts, index = [], start
    while index < len(word):
        char, pair = word[index], word[index:index + 2].lower()
        if pair in _TWO_FOR_ONE:
            parts.append(f"(?:{_letter(pair[0])}{_letter(pair[1])}|{_TWO_FOR_ONE[pair]}{_MARK})")
            index += 2
            continue
        if char.lower() in _ONE_FOR_TWO:
            two = _ONE_FOR_TWO[char.lower()]
            parts.append(f"(?:{re.escape(char)}{_MARK}|{_letter(two[0])}{_letter(two[1])})")
        elif run := _SEPARATOR.match(word, index):  # one join for a run of them ("O'-Neill")
            parts.append(_PARTS if _APOSTROPHE.search(run.group()) else _JOIN)
            index = run.end()
            continue
        else:
            if _starts_part(word, index):  # 'ONeill' is "O'Neill" or 'O Neill' too
                parts.append(_PARTS)
            parts.append(_letter(char))
        index += 1
    return "".join(parts)


def _starts_part(word: str, index: int) -> bool:
    """Whether a capital starts a part of the word here: after a small letter ('McDonald',
    'EllisBrown'), or after a capital and before a small letter ('ONeill'). A register that
    writes a name so has joined its parts, which text may write apart."""
    if not 0 < index < len(word) or not word[index].isupper():
        return False
    return word[index - 1].islower() or (word[index - 1].isupper() and word[index + 1:index + 2].islower())


_APOSTROPHE = re.compile(_APOSTROPHES)
_SEPARATOR = re.compile(f"(?:{_APOSTROPHES}|[{_DASHES}])+")
"""Apostrophes and hyphens in a name: where its parts may be joined otherwise, or not at all."""


def _between(before: str, after: str, join: str = _JOIN) -> str:
    """What stands between two words of a name: `join` with something in it (a space, a dash, a
    tag), or a capital starting the second word (`_APART`), so that 'Ash Ford' is never
    'Ashford' nor 'Rose Mary' 'rosemary'. Where the register puts a hyphen or an apostrophe
    between them ("O 'Neill"), the word's own join is enough, as in one word."""
    if _SEPARATOR.fullmatch(before[-1:]) or _SEPARATOR.match(after):
        return join
    return join + _APART


_TWO_FOR_ONE = {two: one for one, two in _ONE_FOR_TWO.items()}
_MARK = f"[{_MARKS}]*"


def _letter(char: str) -> str:
    """A letter, with or without accents, whether written as one character or with combining ones."""
    same = _SAME_LETTER.get(_base_letter(char))
    return (f"[{''.join(sorted(same))}]" if same and char.lower() in same else re.escape(char)) + _MARK


def _base_letter(char: str) -> str:
    """'ë' -> 'e', 'Å' -> 'a', 'Ł' -> 'l': the letter without its accents, in small letters."""
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    return _PLAIN_LETTERS.get(base, base)



def _accented_forms() -> dict[str, set[str]]:
    """Each plain Latin letter and the letters written as it in English text, in small letters:
    accented (À to ɏ, Ḁ to ỿ), styled (`_STYLED_LETTERS`) and those in `_PLAIN_LETTERS`; not
    ligatures like 'ĳ'."""
    forms: dict[str, set[str]] = {}
    for code in [*range(ord("a"), ord("z") + 1), *range(0xC0, 0x250), *range(0x1E00, 0x1F00), *_STYLED_LETTERS]:
        char, parts = chr(code).lower(), unicodedata.normalize("NFKD", chr(code))
        base = _base_letter(char)
        if (len(char) == 1 and base.isascii() and base.isalpha()
                and all(unicodedata.combining(mark) for mark in parts[1:])):
            forms.setdefault(base, {base}).add(char)
    return forms


_SAME_LETTER = _accented_forms()


class Reveals(NamedTuple):
    """How much of each part of a name a written form shows: 0 none, 1 its initial, 2 all of it."""

    first: int
    last: int
    middle: int = 0

    def within(self, other: Reveals) -> bool:
        """Whether this form shows nothing that `other` does not."""
        return all(mine <= theirs for mine, theirs in zip(self, other, strict=True))


NONE_SHOWN = Reveals(-1, -1, -1)
"""What may be shown of someone whose public form is not a form of their name: nothing."""
TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|revd|cllr)\.?"
"""Titles that name someone by their last name alone: 'Ms Rahman', 'Dr. Smith'."""


_TITLE = re.compile(TITLES, re.IGNORECASE)


_STANDING_ALONE = re.compile(rf"\s*([{_DASHES}]+)\s*|(?<=[^\W\d_])(?<!\w\w)({_APOSTROPHES})\s+(?=\w)")
"""A dash typed with spaces round it ('Ellis - Brown'), or a space after an apostrophe that
follows one letter ("O' Neill"): the double-barrelled or joined name they stand in."""


def name_as_said(written: str) -> str:
    """A name in the order text gives it, without a title: 'Patel, Sam' and 'Mrs Sam Patel' are
    'Sam Patel'. A register is typed like a list of contacts, and a name looked for only as the
    list writes it would be missed in every sentence that names the person."""
    name = " ".join(unicodedata.normalize("NFC", written).split())
    name = _STANDING_ALONE.sub(lambda mark: mark.group(1) or mark.group(2), name)
    last, comma, given = name.partition(",")
    if comma and "," not in given and last.strip() and given.strip():
        name = f"{given.strip()} {last.strip()}"
    words = name.split()
    while len(words) > 2 and _TITLE.fullmatch(words[0]):  # 'Dr Patel' keeps its title: it is all there is
        words = words[1:]
    return " ".join(words)


def name_forms(real_name: str) -> list[tuple[Reveals, NameForm]]:
    """The ways a real name can be written, each with how much of the name it shows.

    The full name; first and last name; 'Smith, Jane' (or 'SMITH Jane'); 'Jane S.';
    'J. Smith'; 'Ms Smith'; initials ('J. S.'). Words match case-insensitively;
    initials only in capitals, so that 'e.g.' is never Ed Green. `real_name` may
    be written surname first or with a title (`name_as_said`).
    """
    words = name_as_said(real_name).split()
    if not words:
        return []
    first, last = words[0], words[-1]
    forms = _written_forms(words)
    compiled = [(reveals, NameForm(re.compile(pattern), _key_letters(word))) for reveals, word, pattern in forms]
    if len(words) >= 2 and first[0].isalpha() and last[0].isalpha() and len(forms) > 1:
        initials = rf"{re.escape(first[0].upper())}(?<!\w.)\.\s*{re.escape(last[0].upper())}\."
        compiled.append((Reveals(1, 1), NameForm(re.compile(initials), None)))
    return compiled


def _written_forms(words: list[str]) -> list[tuple[Reveals, str, str]]:
    """`name_forms`' patterns but initials: each with what it shows and the word it holds."""
    first, last = words[0], words[-1]
    after_title = _between("Mr", last, _GAP)  # 'Ms Ion', never 'mission'
    by_title = (Reveals(0, 2), last, _BY_TITLE + rf"{after_title}{_token(last)}{_NAME_END})")
    if len(words) == 2 and _TITLE.fullmatch(first):  # 'Dr Kaur': a title and a last name are all there is
        return [by_title]
    rest = "".join(_between(before, word) + _token(word) for before, word in itertools.pairwise(words))
    forms = [(Reveals(2, 2, 2 if len(words) > 2 else 0), first, _starting(first, _IN_WORD, rest + _NAME_END))]
    if len(words) < 2:
        return forms
    by_initial = (Reveals(2, 1), first, _starting(first, r"\w", rf"{_between(first, last, _GAP)}{re.escape(last[0])}"
                                                            rf"(?:\.|\b)(?!{_APOSTROPHES})"))
    last_first = (Reveals(2, 2), last, _starting(last, _IN_WORD, f",?{_between(last, first)}{_token(first)}{_NAME_END}"))
    if re.fullmatch(r"[^\W\d_]\.?", last):  # 'Amina K.' (people.yml's public form) is a short form already
        return [*(forms if len(words) > 2 else []), by_initial, last_first]
    if len(words) > 2:
        forms.append((Reveals(2, 2), first, _starting(first, _IN_WORD, f"{_between(first, last)}{_token(last)}{_NAME_END}")))
    return [*forms, last_first, by_initial,
            (Reveals(1, 2), last, _starting(first[0], r"\w", rf"\.?{_between(first[0], last, _GAP)}{_token(last)}{_NAME_END}")),
            by_title]


def _starting(word: str, before: str, rest: str) -> str:
    """A pattern for `word` (of a name) then `rest`, ignoring case, where `word` does not follow
    what `before` matches (one character).

    Its first letter is written in both cases, not left to the flag that ignores
    case: only a pattern that starts with characters to match as written lets
    the engine skip ahead to where it could match. Any other is tried at every
    character of the page, several times slower, and the guard runs the forms
    of every name on every page that holds its word.
    """
    lead = _LEAD_LETTERS.get(word[:1].lower())
    if lead is None:
        return f"(?i:(?<!{before}){_token(word)}{rest})"
    one = _TWO_FOR_ONE.get(word[:2].lower())
    if one is None:
        return f"[{lead}](?<!(?:{before}).)(?i:{_MARK}{_token(word, 1)}{rest})"
    # 'Aeron' may be typed 'Æron': the first letter is either, and what follows it depends on which
    second = f"(?:(?<={one})|(?<!{one}){_MARK}{_letter(word[1])})"
    return f"[{lead}{one}{one.upper()}](?<!(?:{before}).)(?i:{second}{_token(word, 2)}{rest})"


def _lead_letters() -> dict[str, str]:
    """Each letter that has accented forms, and every character that matches it ignoring case
    (capitals, 'İ' for 'i', the Kelvin sign for 'k')."""
    letters = {char: base for base, same in _SAME_LETTER.items() for char in same}
    found = {base: set(same) for base, same in _SAME_LETTER.items()}
    for code in [*range(0x250), *range(0x1E00, 0x1F00), *_STYLED_LETTERS]:
        small = chr(code).lower()
        if small[:1] in letters and all(unicodedata.combining(mark) for mark in small[1:]):
            found[letters[small[:1]]].add(chr(code))
    return {char: "".join(sorted(found[base])) for char, base in letters.items()}


_LEAD_LETTERS = _lead_letters()


def _title_start() -> str:
    """`TITLES` as the start of a pattern (see `_starting`), left open for the rest to ignore case."""
    tails: dict[str, list[str]] = {}
    for title in ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "revd", "cllr"):
        tails.setdefault(title[0], []).append(title[1:])
    lead = "".join(letter + letter.upper() for letter in sorted(tails))
    after = "|".join(f"(?<={letter})(?:{'|'.join(ends)})" for letter, ends in tails.items())
    return rf"[{lead}](?<!\w.)(?i:(?:{after})\.?"


_BY_TITLE = _title_start()


def _key_letters(word: str) -> str:
    """The longest run of letters in a word of a name, folded: what every match of its pattern
    holds in the folded text ('neill' of "O'Neill", which may be written 'ONeill'; of 'ONeill'
    too, which may be written "O'Neill")."""
    parted = "".join(" " + char if _starts_part(word, index) else char for index, char in enumerate(word))
    runs = re.split(r"[\W_]+", fold_letters(parted))
    return max(runs, key=len)


def forbidden_name_forms(real_name: str | Sequence[str], person: Person | None,
                         public_forms: Iterable[str] = ()) -> list[NameForm]:
    """The forms of `real_name` (or of each of a person's names) that show more than the person
    agreed to.

    The person's own public form, and any form that shows no more of each part
    of the name ('J. S.' beside 'Jane S.'; never 'J. Smith', which shows the
    last name), is allowed; so is any form that is exactly someone else's
    public form, so two people with the same initials do not trip each other.
    A form one of a person's names allows is allowed for all of them: 'S. P.'
    for Samantha Patel, who is shown as 'Sam P.'.
    """
    names = [real_name] if isinstance(real_name, str) else list(real_name)
    judged = [judged for name in names for judged in _judged_forms(name, person, public_forms)]
    allowed = {form.pattern.pattern for forbidden, form in judged if not forbidden}
    found = {form.pattern.pattern: form for forbidden, form in judged
             if forbidden and form.pattern.pattern not in allowed}
    return list(found.values())


def _judged_forms(real_name: str, person: Person | None, public_forms: Iterable[str]) -> list[tuple[bool, NameForm]]:
    """Each form of `real_name`, and whether it is forbidden (see `forbidden_name_forms`)."""
    forms = name_forms(real_name)
    own = _normal(person.public_name) if person is not None and person.is_named else None
    agreed = [reveals for reveals, form in forms if own and form.pattern.fullmatch(own)]
    allowed = Reveals(*map(max, zip(*agreed, strict=True))) if agreed else NONE_SHOWN
    others = [_normal(form) for form in public_forms]
    return [(not reveals.within(allowed) and not any(form.pattern.fullmatch(other) for other in others), form)
            for reveals, form in forms]


def _normal(text: str) -> str:
    return " ".join(text.split())


# --- rules for one group -------------------------------------------------------------


@dataclass(frozen=True)
class PrivacyRules:
    """Everything the detectors need to know about one group."""

    allowed_emails: frozenset[str] = frozenset()
    person_ids: tuple[str, ...] = ()
    name_patterns: dict[str, list[NameForm]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    withheld_names: dict[str, list[NameForm]] = field(default_factory=dict)
    """The forms of the names people.yml gives people who are not shown by name (a name left
    there after consent was withdrawn, say), which the site must not show either."""

    @property
    def finds_names(self) -> bool:
        return bool(self.name_patterns or self.withheld_names)


def rules_for(group: Group, register: Mapping[str, RegisterEntry] | None = None) -> PrivacyRules:
    """The group's privacy rules: its contact addresses, its people and their register names."""
    allowed = frozenset(group.project.contact_emails()) if group.project else frozenset()
    public = [p.public_name for p in group.people.values() if p.is_named]

    def forbidden(names: Mapping[str, RegisterEntry]) -> dict[str, list[NameForm]]:
        patterns = {}
        for person_id, name in names.items():
            person = group.people.get(person_id)
            others = [form for form in public if person is None or form != person.public_name]
            found = forbidden_name_forms(name, person, others)
            if found:
                patterns[person_id] = found
        return patterns

    withheld = {person.id: person.name for person in group.people.values()
                if person.name and person.show_as != "name"}
    withheld_forms = forbidden(withheld)
    for person in group.people.values():  # initials or a pseudonym kept after consent to them ended
        for form in _withheld_forms(person, [p for p in public if p != person.public_name]):
            withheld_forms.setdefault(person.id, []).append(form)
    unread = sorted(group.unreadable_people - group.people.keys())  # their ids are theirs all the same
    return PrivacyRules(allowed, (*group.people, *unread), forbidden(register or {}), dict(group.people),
                        withheld_forms)


def _withheld_forms(person: Person, others: list[str]) -> Iterator[NameForm]:
    """A person's initials or pseudonym still in people.yml that they are not shown by, as written
    there: after they withdrew consent to it, say (unless they are named, which shows more, or it
    is how someone else is shown)."""
    for way in ("initials", "pseudonym"):
        written = " ".join((getattr(person, way) or "").split())
        if written and person.show_as not in ("name", way) and written not in others:
            words = r"\s+".join(map(re.escape, written.split()))
            word = fold_letters(written.split()[0]) if way == "pseudonym" else None
            yield NameForm(re.compile(rf"(?<![\w.]){words}(?!\w)"), word)


_OTHER_SPACES = re.compile("[" + "".join(map(chr, OTHER_SPACE_CODES)) + "]")
_AS_SPACES = str.maketrans(dict.fromkeys(OTHER_SPACE_CODES, " "))
"""The detectors read other spaces as plain ones: one character for one, so every finding
stays in place."""


_UNSEEN = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                     "\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f]+")
"""Characters a reader never sees: a soft hyphen (which word processors put in), zero-width
spaces and joiners, the marks that set the direction of text, variation selectors, the
Hangul fillers and tag characters. 'Dan\u00adiel' is shown as 'Daniel'."""


_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
"""A character of a web address written as '%' and its code ('%20' is a space): numbers are
read with the character in its place, three times over to keep every finding where it is, so
that 'Minutes%2020240312.pdf' holds the date 20240312, not ten digits that may pass as an NHS
number, and 'tel:%2007700900123' a phone number."""


def _as_typed(escape: re.Match[str]) -> str:
    """The escaped character three times; a letter or digit as '___' (a word, never a number)."""
    character = chr(int(escape.group()[1:], 16))
    if character.isalnum():
        return "___"
    return character * 3 if character.isprintable() and character.isascii() else "   "


def find_leaks(text: str, rules: PrivacyRules, *, ids: bool = True) -> list[Finding]:
    """Every finding in `text`, in order. `ids=False` leaves out person ids (for id fields)."""
    if not text.isascii() and _UNSEEN.search(text):
        return _without_unseen(text, rules, ids)
    if _OTHER_SPACES.search(text):
        text = text.translate(_AS_SPACES)
    found: list[Finding] = []
    digits = len(_DIGIT.findall(text))
    # Each detector runs only on text that could hold what it finds: `coprod check`
    # runs this on every field of every record, and most fields are a word or a date.
    if "@" in text:
        found += find_emails(text, rules.allowed_emails)
    numbers = _PERCENT_ESCAPE.sub(_as_typed, text) if digits >= PHONE_MIN_DIGITS and "%" in text else text
    if digits >= PHONE_MIN_DIGITS:
        found += find_phone_numbers(numbers)
    if digits >= NHS_NUMBER_DIGITS:
        found += find_nhs_numbers(numbers)
    if digits and POSTCODE_INWARD.search(text):
        found += find_postcodes(text)
    if rules.finds_names:
        found += _names(text, rules)
    if ids:
        found += find_person_ids(text, rules.person_ids)
    return sorted(found, key=lambda f: (f.start, f.kind))


def _without_unseen(text: str, rules: PrivacyRules, ids: bool) -> list[Finding]:
    """The findings in the text as it is seen, without the characters nobody sees (and each
    value so), each put back where it is in `text`.

    An emoji's variation selector is one of them, so a page can hold hundreds:
    the text is cut at each run of them, not read a character at a time.
    """
    pieces, runs_at, skipped = [], [], [0]
    last = 0
    for run in _UNSEEN.finditer(text):
        pieces.append(text[last:run.start()])
        runs_at.append(run.start() - skipped[-1])  # where the run was, in the text as seen
        skipped.append(skipped[-1] + run.end() - run.start())
        last = run.end()
    pieces.append(text[last:])

    def place(index: int) -> int:
        """Where the character at `index` of the text as seen is in `text`."""
        return index + skipped[bisect.bisect_right(runs_at, index)]

    return [replace(finding, start=place(finding.start), end=place(finding.end - 1) + 1)
            for finding in find_leaks("".join(pieces), rules, ids=ids)]


def _names(text: str, rules: PrivacyRules) -> list[Finding]:
    """`_names_as_typed`, and in `text` with letters of other alphabets that look like Latin ones
    read as those ('S\u0430m', with a Cyrillic '\u0430', is 'Sam' to a reader); each value as typed.

    Names written in those alphabets are looked for as typed, so the text is
    read both ways (only when it holds such a letter at all).
    """
    found = _names_as_typed(text, rules)
    if text.isascii() or not _LOOK_ALIKE.search(text):
        return found
    known = {(finding.person, finding.start, finding.end) for finding in found}
    found += [replace(finding, value=text[finding.start:finding.end])
              for finding in _names_as_typed(text.translate(_AS_LATIN), rules)
              if (finding.person, finding.start, finding.end) not in known]
    return sorted(found, key=lambda finding: finding.start)


_LATIN_LOOK_ALIKES = {
    "\u0430": "a", "\u0410": "A", "\u0412": "B", "\u0435": "e", "\u0415": "E", "\u0451": "\u00eb", "\u0401": "\u00cb",
    "\u04bb": "h", "\u04ba": "H", "\u0456": "i", "\u0406": "I", "\u0457": "\u00ef", "\u0407": "\u00cf", "\u0458": "j",
    "\u0408": "J", "\u041a": "K", "\u041c": "M", "\u041d": "H", "\u043e": "o", "\u041e": "O", "\u0440": "p", "\u0420": "P",
    "\u0441": "c", "\u0421": "C", "\u0422": "T", "\u0443": "y", "\u0423": "Y", "\u0445": "x", "\u0425": "X", "\u0455": "s",
    "\u0405": "S", "\u0501": "d", "\u051b": "q", "\u051a": "Q", "\u051d": "w", "\u051c": "W", "\u04cf": "l", "\u04c0": "I",
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I", "\u039a": "K", "\u039c": "M",
    "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T", "\u03a5": "Y", "\u03a7": "X", "\u03b1": "a", "\u03b9": "i",
    "\u03ba": "k", "\u03bd": "v", "\u03bf": "o", "\u03c1": "p", "\u03c5": "u", "\u03f2": "c", "\u03f9": "C", "\u03f3": "j",
}
"""Cyrillic and Greek letters that look like Latin ones, as the Latin letter (case by case:
Greek capital '\u039d' looks like 'N', small '\u03bd' like 'v'); and, added below, the
mathematical bold, italic and script letters that 'fancy text' makers use ('\U0001d412' is 'S')."""
_LATIN_LOOK_ALIKES.update({chr(code): unicodedata.normalize("NFKD", chr(code)) for code in range(0x1D400, 0x1D6A4)
                           if re.fullmatch("[A-Za-z]", unicodedata.normalize("NFKD", chr(code)))})
_LOOK_ALIKE = re.compile("[" + "".join(char for char in _LATIN_LOOK_ALIKES if ord(char) < 0x10000)
                         + "\U0001d400-\U0001d6a3]")
_AS_LATIN = str.maketrans(_LATIN_LOOK_ALIKES)


def _names_as_typed(text: str, rules: PrivacyRules) -> list[Finding]:
    """The register's names and people.yml's withheld ones in `text`; the same words found
    through both are one finding, the register's."""
    folded = fold_letters(text)
    named = list(find_real_names(text, rules.name_patterns, folded=folded))
    return [*named, *(f for f in find_real_names(text, rules.withheld_names, "withheld_name", folded)
                      if not any(n.person == f.person and n.start < f.end and f.start < n.end for n in named))]


SITE_WORD = re.compile(r"(?<![\w\-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w\-])")
"""A word as an id is written: a lower-case slug, standing alone."""


@functools.lru_cache(maxsize=4)
def site_words(custom_dir: str | None) -> frozenset[str]:
    """Every word, as ids are written, in the templates that make the site's pages: ours, the
    theme's (with its English words) and the group's own theme folder. More than the pages
    show (names in the templates' code, too), never less."""
    import material

    theme = Path(material.__file__).parent / "templates"
    package = Path(__file__).parent
    folders = [package / "templates", package / "overrides", theme, *([Path(custom_dir)] if custom_dir else [])]
    words: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*.html"):
            if path.parent.name != "languages" or path.name == "en.html":
                words.update(SITE_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return frozenset(words)


# --- the private register ------------------------------------------------------------


def register_path() -> Path | None:
    """The private register's path from COPROD_PRIVATE_REGISTER, or None when not set."""
    value = os.environ.get(REGISTER_ENV, "").strip()
    return Path(value).expanduser() if value else None


REGISTER_SHAPE = ("should have one line per person, like 'p01: Jane Smith'. For someone known by more "
                  "than one name, list them all in square brackets, like 'p01: [Samantha Patel, Sam Patel]'.")


def read_register(path: Path | None = None) -> tuple[dict[str, RegisterEntry], list[Problem]]:
    """The register's id -> real name (or names) mapping, and any problem reading it.

    A register that is set but cannot be read is an error: building without it
    would skip the check that protects the people in it.
    """
    path = path if path is not None else register_path()
    if path is None:
        return {}, []
    shown = f"the private register ({REGISTER_ENV})"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return {}, [Problem(shown, None, None, "could not be read. Check the path in "
                            f"{REGISTER_ENV}, or unset it.")]
    except yaml.YAMLError:
        return {}, [Problem(shown, None, None, f"cannot be read. It {REGISTER_SHAPE}")]
    if raw is None:
        return {}, []
    if not isinstance(raw, dict) or not all(map(_is_register_entry, raw.values())):
        return {}, [Problem(shown, None, None, REGISTER_SHAPE)]
    entries = {str(key): _register_entry(value) for key, value in raw.items()}
    return {key: entry for key, entry in entries.items() if entry}, []


def _is_register_entry(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(name, str) for name in value))


def _register_entry(value: str | list[str]) -> RegisterEntry:
    """A name as written, or a list's names (blank ones left out)."""
    if isinstance(value, str):
        return value.strip()
    return [name.strip() for name in value if name.strip()]
