"""Plain-language checks: short sentences and paragraphs, explained short forms, an easy reading level.

NHS content aims for a reading age of 9 to 11. These are warnings, so a group
can still publish; `coprod check --strict` and `mkdocs build --strict` make them
errors. The limits are plugin options in mkdocs.yml (see `Settings`).
The reading level is textstat's SMOG index (computed in smog.py, quicker but
the same), which works offline: its syllable counts use the CMU dictionary
and Pyphen data installed with it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..sources import Source
from .bodies import Block, page_abbreviations, published_bodies, read_blocks
from .smog import smog_index

CAPITALS = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)(?:s)?(?![\w-])")
"""Two or more capital letters (digits allowed), e.g. CAMHS, GRIPP2, GPs; not ids like ACT-021."""
TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9]*[A-Z]")
"""What every match of CAPITALS has in it: searched for first, as the engine finds it far more
quickly than CAPITALS (whose look-behind it tries at every character), and most text has none."""
WORD = re.compile(r"\w[\w'’-]*")
SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s)")
NEXT_CHARACTER = re.compile(r"\s*(\S?)")
NOT_AN_END = frozenset({"e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "no", "a.m", "p.m", "approx"})
"""Words whose full stop does not end a sentence."""
SNIPPET_WORDS = 6
MIN_SENTENCES_FOR_GRADE = 3
"""textstat gives no SMOG grade below three sentences."""


def check_plain_language(group: Group, settings: Settings) -> Iterator[Problem]:
    """Sentences, capitals and reading level of every published page, each body read once."""
    known = {term.upper() for term in group.glossary} | {a.upper() for a in settings.allowed_acronyms}
    for source in published_bodies(group):
        blocks = read_blocks(source)
        paragraphs = [(block, split_sentences(block)) for block in blocks if block.kind == "paragraph"]
        yield from _sentence_problems(source, paragraphs, settings)
        if not group.glossary_unread:  # (its own problem is the one to fix)
            yield from _capital_problems(source, blocks, known, settings)
        if group.writes_in_english:  # (a SMOG grade counts English syllables)
            yield from _reading_level_problems(source, paragraphs, settings)


Paragraph = tuple[Block, list[tuple[str, int]]]
"""A paragraph (or list item) and its sentences, split once for both checks that need them."""


def _sentence_problems(source: Source, paragraphs: list[Paragraph], settings: Settings) -> Iterator[Problem]:
    """Warn about sentences that are too long and paragraphs with too many sentences."""
    for block, sentences in paragraphs:
        yield from _long_sentences(source, sentences, settings.max_sentence_words)
        if len(sentences) > settings.max_paragraph_sentences:
            yield _warning(source, block.line,
                           f"this paragraph has {len(sentences)} sentences. Paragraphs of up to "
                           f"{settings.max_paragraph_sentences} sentences are easier to read. "
                           "Try splitting it where the topic changes.")


def _long_sentences(source: Source, sentences: list[tuple[str, int]], limit: int) -> Iterator[Problem]:
    longer = _more_words_than(limit) if limit >= 0 else None
    for sentence, line in sentences:
        if longer is not None and not longer.match(sentence):
            continue  # most sentences: one match, not a list of their words
        words = WORD.findall(sentence)
        if len(words) > limit:
            snippet = " ".join(words[:SNIPPET_WORDS])
            yield _warning(source, line, f"this sentence has {len(words)} words (\"{snippet}…\"). "
                           f"Sentences of up to {limit} words are easier to read. "
                           "Try splitting it into two.")


@functools.cache
def _more_words_than(limit: int) -> re.Pattern[str]:
    """A pattern that matches at the start of a text with more than `limit` WORDs: `limit` times a
    WORD and what follows it up to the next (nothing there can start one), then the next's first
    letter. Each part is taken whole and never gone back over, so a failed match is quick too."""
    return re.compile(rf"\W*+(?:\w[\w'’-]*+\W++){{{limit}}}\w")


def split_sentences(block: Block) -> list[tuple[str, int]]:
    """The block's sentences, each with the line it starts on."""
    sentences: list[tuple[str, int]] = []
    start = 0
    for end in _sentence_ends(block.text):
        _add_sentence(sentences, block, start, end)
        start = end
    _add_sentence(sentences, block, start, len(block.text))
    return sentences


def _sentence_ends(text: str) -> Iterator[int]:
    for match in SENTENCE_END.finditer(text):
        words_before = text[: match.start()].rsplit(None, 1)
        before = words_before[-1].lstrip("\"'‘“([") if words_before else ""
        after = _next_character(text, match.end())
        is_initial = len(before) == 1 and before.isupper()
        if before.lower() in NOT_AN_END or is_initial or (after and after.islower()):
            continue
        yield match.end()


def _next_character(text: str, position: int) -> str:
    """The first character from `position` on that is not a space; "" at the end of the text."""
    following = NEXT_CHARACTER.match(text, position)
    return following[1] if following else ""


def _add_sentence(sentences: list[tuple[str, int]], block: Block, start: int, end: int) -> None:
    piece = block.text[start:end]
    if not WORD.search(piece):
        return
    leading = len(piece) - len(piece.lstrip())
    line = block.line + block.text.count("\n", 0, start + leading)
    sentences.append((" ".join(piece.split()), line))


def _capital_problems(source: Source, blocks: list[Block], known: set[str],
                      settings: Settings) -> Iterator[Problem]:
    """Warn, once per page, about each short form or capitalised word the glossary does not explain."""
    glossary = f"{settings.content_dir}/glossary.yml"
    explained = known | {short.upper() for short in page_abbreviations(source)}
    for word, line in _unexplained_capitals(blocks, explained):
        yield _warning(source, line, f"'{word}' is in capital letters but is not in the glossary. "
                       f"If it is a short form, write it out in full or explain it in {glossary}. "
                       "If it is for emphasis, use lower case: capitals are harder to read.")


def _unexplained_capitals(blocks: Iterable[Block], explained: set[str]) -> Iterator[tuple[str, int]]:
    seen: set[str] = set()
    for block in blocks:
        if not TWO_CAPITALS.search(block.text):
            continue
        for match in CAPITALS.finditer(block.text):
            word = match["word"]
            if word.upper() not in explained and word not in seen:
                seen.add(word)
                yield word, block.line + block.text.count("\n", 0, match.start())


def _reading_level_problems(source: Source, paragraphs: list[Paragraph], settings: Settings) -> Iterator[Problem]:
    """Warn about a page whose reading level (SMOG grade) is above the target."""
    grade = sentences_grade([text for _, sentences in paragraphs for text, _ in sentences])
    if grade is not None and grade > settings.reading_grade:
        yield _warning(source, source.body_line,
                       f"this page may be hard to read: its reading level is {grade:.1f} "
                       f"(SMOG grade) and the target is {settings.reading_grade:g} or lower. "
                       "Use shorter sentences and everyday words, with fewer long words.")


def reading_grade(blocks: Iterable[Block]) -> float | None:
    """The SMOG grade of the page's paragraphs and list items, or None when it is too short to tell."""
    return sentences_grade([text for block in blocks if block.kind == "paragraph"
                            for text, _ in split_sentences(block)])


def sentences_grade(sentences: list[str]) -> float | None:
    """The SMOG grade of these sentences, or None when there are too few to tell."""
    if len(sentences) < MIN_SENTENCES_FOR_GRADE:
        return None
    text = " ".join(sentence.rstrip(" .!?") + "." for sentence in sentences)
    return smog_index(text)


def _warning(source: Source, line: int, message: str) -> Problem:
    return Problem(source.path, line, None, message, "warning")


CHECKS = (check_plain_language,)
