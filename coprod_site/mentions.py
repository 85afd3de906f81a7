"""People in the text of a record: `[[p01]]` for a mention, `> — [[p01]]` to attribute a quote.

Writers refer to people only by id, and the build shows each person as their
consent allows on that day, so withdrawing consent changes every page at the
next build. An id is never left in the text: an unknown one becomes "a member"
(and `coprod check` reports it).

    We agreed to try evening clinics, as [[p01]] suggested.

    > Nobody told me the clinic had moved.
    > — [[p04]]

    "Nobody told me," said [[p04]].

A quote is attributed by name only when the person said yes to quotes
(`quotes: true`) and is shown by name, initials or pseudonym; otherwise it says
who they are by role ("a member"). A mention shows the person as `show_as` says.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

from .records import Person, with_article

_ID = r"[a-z0-9][a-z0-9_\-]*"
MENTION = re.compile(rf"\[\[\s*({_ID})\s*\]\]", re.IGNORECASE)
"""`[[p01]]`: a person written by id (`[[P01]]` is p01 too: ids are small letters)."""
WRITTEN_AS_MENTION = re.compile(r"\[\[\s*([^\W_][\w .'\u2019-]{0,60}?)\s*\]\]")
"""`[[p01]]`, or `[[Amina K.]]`: a mention, or a name written where its id belongs."""

QUOTE_BY = re.compile(r"^(?P<quote>[ \t]{0,3}(?:>[ \t]?)*)(?P<dash>[\u2012-\u2015]|--|-)[ \t]*(?=\[\[)"
                      r"(?P<rest>[^\n]*)$", re.MULTILINE)
"""A line naming who said a quote: a dash, then `[[p01]]`, then anything (`> — [[p01]]`,
`> -- [[p01]], a parent.`). It attributes the quote inside a blockquote, or on the line just
after one (Markdown keeps that line in the quote), where a hyphen would start a list instead."""

QUOTED_LINE = re.compile(r"[ \t]{0,3}>")

_SPEECH = (r"(?:said|says|told\s+us|tells\s+us|asked|asks|added|adds|explained|explains|shared|shares|"
           r"wrote|writes|put\s+it|replied|replies|remembered|recalled|commented|suggested|suggests)")
_ANY_WORD = r"[^\W\d_][\w'\u2019-]*"
"""Where a group writes in another language than English, whose words of speaking are not known,
any word stands where English has 'said' ('"...," meddai [[p01]]'): a mention after a quote is
then taken for the quote's author more often than it is, which shows a person who has not agreed
to quotes by their role, never the other way."""
_MENTIONED = rf"(?P<mention>\[\[\s*(?P<id>{_ID})\s*\]\])"


def _prose_quotes(who: str, transcripts: bool = True, speech: str = _SPEECH) -> tuple[re.Pattern[str], ...]:
    """The ways running text puts a quote to someone, `who` (a pattern with a group 'mention'):
    with `transcripts`, 'who: words' at the start of a line too; `speech`, the words of speaking."""
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
        rf"[\"\u201d\u2019'][,.!?]?[ \t]+{speech}(?:[ \t]+[\w'\u2019-]+){{0,3}}?[ \t]+{who}",  # "...," said (our chair) [[p01]]
        rf"[\"\u201d\u2019'][,.!?]?[ \t]+{who}[ \t]+{speech}",   # "...," [[p01]] said
        rf"{who}[ \t]+{speech}[,:]?[ \t]+[\"\u201c\u2018']",     # [[p01]] said, "..."
        rf"{who}:[ \t]*[\"\u201c\u2018]",                          # [[p01]]: "..."
        *([rf"(?m:^[ \t]{{0,3}}(?:[-*+][ \t]+)?){who}:[ \t]+\S"] if transcripts else []),  # [[p01]]: We need..., as a transcript
        rf"[\"\u201d\u2019'][,.!?]?[ \t]*(?:(?:[\u2012-\u2015]|--?)[ \t]*)?\(?{who}",  # "..." [[p01]], "..." - [[p01]], "..." ([[p01]])
        rf"(?m:^[ \t]{{0,3}}>[^\n]*?(?:[\u2012-\u2015]|--|[ \t]-)[ \t]*\(?){who}",  # > ... — [[p01]], > ... - [[p01]]
        rf"(?m:^[ \t]{{0,3}}(?:>[ \t]*)+){who}[ \t]*(?:$|,)",        # > [[p01]] alone, ending a quote
    ))


PROSE_QUOTES = _prose_quotes(_MENTIONED)
"""A quote put to someone in running text, not in a blockquote: the quote marks next to the
speaking, so `[[p01]] said we should` stays a mention."""
PROSE_QUOTES_ANY_LANGUAGE = _prose_quotes(_MENTIONED, speech=_ANY_WORD)
"""PROSE_QUOTES for a group that does not write in English (see _ANY_WORD)."""

UNKNOWN_PERSON = "a member"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def quote_attribution(person: Person | None) -> str:
    """Who said it, as the person allows: their public form only with `quotes: true`."""
    if person is None:
        return UNKNOWN_PERSON
    if person.quotes and person.is_named:
        return person.public_name
    return with_article(person.first_role)


def mention(person: Person | None) -> str:
    """How a mentioned person is shown: exactly as `show_as` allows."""
    return person.public_name if person is not None else UNKNOWN_PERSON


CODE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?^[ \t]{0,3}\1[ \t]*$|(`+)[^`\n]+?\2",
                  re.MULTILINE | re.DOTALL)
"""Fenced code blocks and code spans: there `[[p01]]` is shown as typed, for guides like this one."""


COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
"""An HTML comment: a note to the other writers, which pages never show (one left open runs to
the end, as in HTML)."""


def without_comments(text: str) -> str:
    """Text (Markdown with no code in it: a part `outside_code` hands on) with its HTML comments
    taken out; each leaves its line breaks, so lines after it keep their numbers."""
    return COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), text) if "<!--" in text else text


def resolve_people(markdown: str, people: Mapping[str, Person], in_english: bool = True) -> str:
    """The Markdown with every quote attribution and mention replaced as consent allows; a text
    not `in_english` is read for quotes without knowing its words of speaking (_ANY_WORD)."""
    return outside_code(markdown, lambda text: people_in_text(text, people, in_english))


def people_in_text(text: str, people: Mapping[str, Person], in_english: bool = True) -> str:
    """`resolve_people` of Markdown with no code in it (a part `outside_code` hands on)."""
    text = QUOTE_BY.sub(lambda match: _attributed(match, text, people), text)
    for pattern in PROSE_QUOTES if in_english else PROSE_QUOTES_ANY_LANGUAGE:
        text = pattern.sub(lambda match: _quoted_in_prose(match, people), text)
    return MENTION.sub(lambda match: match.group() if _is_link_words(match, people)
                       else _literal(_in_sentence(mention(people.get(person_id(match[1]))), match)), text)


def _is_link_words(match: re.Match[str], people: Mapping[str, Person] | None = None) -> bool:
    """`[[Zulip]](https://…)` or `[[Notes]][1]`: a link whose words are in brackets, as minutes
    copied from elsewhere write them, where the words name nobody in `people` (a person's id is
    a mention wherever it is, so it is never shown)."""
    return (match.string.startswith(("(", "["), match.end())
            and (people is None or person_id(match[1]) not in people))


def _quoted_in_prose(match: re.Match[str], people: Mapping[str, Person]) -> str:
    """A quote in running text names who said it as their consent to quotes allows."""
    who = _literal(_in_sentence(quote_attribution(people.get(person_id(match["id"]))), match, "mention"))
    return match.group().replace(match["mention"], who, 1)


_LINE_OPENING = re.compile(r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t]+)?[*_]*")
"""What may come before the first word of a line's sentence: a quote's marks, a list item's
marker or a heading's, and emphasis."""

_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u2019\u201d)\]*_]*[ \t]*\Z")
_STARTS_SENTENCE_AFTER = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bvs)(?<!\bincl)(?<!\bapprox)"
                                    r"[.!?][\"'\u2019\u201d)\]*_]*[ \t]+[*_]*\Z", re.IGNORECASE)


def _in_sentence(shown: str, match: re.Match[str], group: int | str = 0) -> str:
    """A person shown by their role starts with a capital letter where a sentence starts ("A
    member suggested..."); names, initials and pseudonyms stay exactly as the person chose."""
    if not shown.startswith(("a ", "an ")) or not _starts_sentence(match.string, match.start(group)):
        return shown
    return shown[0].upper() + shown[1:]


def _starts_sentence(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    on_line = text[line_start:start]
    if not _LINE_OPENING.fullmatch(on_line):
        return bool(_STARTS_SENTENCE_AFTER.search(on_line))
    if on_line.strip(" \t*_") or line_start == 0:
        return True  # first in a paragraph, list item, quote or heading
    before = text[:line_start - 1].rpartition("\n")[2]
    return not before.strip() or bool(_ENDS_SENTENCE.search(before))


def _attributed(match: re.Match[str], text: str, people: Mapping[str, Person]) -> str:
    """A line that may name who said a quote, as consent to quotes allows (see QUOTE_BY)."""
    quote = match["quote"]
    if ">" not in quote:
        before = text[:max(match.start() - 1, 0)].rpartition("\n")[2]
        if match["dash"] == "-" or not QUOTED_LINE.match(before):
            return match.group()  # not just after a quote: a list item, or a dash in the text
        quote = "> "
    # Everyone the line names is named as the quote's author, as their consent to quotes allows.
    who = MENTION.sub(lambda mentioned: _literal(quote_attribution(people.get(person_id(mentioned[1])))),
                      match["rest"])
    # A line of its own after an empty quoted line, so the attribution is its own paragraph.
    return f"{quote.rstrip()}\n{quote}\u2014 {who.rstrip()}"


def quotes_put_to(text: str, name: str, in_english: bool = True) -> list[int]:
    """Where `text` (Markdown with no code) puts a quote to `name` typed as it is, not as [[id]]:
    on the line after a quote that says who said it, or by the quote marks in running text (a
    text not `in_english` read as `resolve_people` reads it)."""
    found = {match.start("mention") for pattern in _name_quotes(name, in_english) for match in pattern.finditer(text)}
    for match in _name_attributions(name).finditer(text):
        before = text[:max(match.start() - 1, 0)].rpartition("\n")[2]
        if ">" in match["quote"] or (match["dash"] != "-" and QUOTED_LINE.match(before)):
            found.add(match.start("mention"))
    return sorted(found)


def _typed_name(name: str, any_case: bool = False) -> str:
    """A public form as writers type it: as people.yml writes it or in capitals ('SKY'), or with
    `any_case` in small letters too; initials with or without their dots and the spaces between
    them ('F.H.' and 'F H' for 'F. H.')."""
    return rf"(?<!\w)(?P<mention>{_forms_typed(name, any_case)})(?!\w)"


def _forms_typed(name: str, any_case: bool) -> str:
    forms = sorted({spaced_form(name), spaced_form(name.upper())})
    return f"(?{'i' if any_case else '-i'}:{'|'.join(forms)})"


_INITIAL = re.compile(r"[^\W\d_]\.?")


def spaced_form(name: str) -> str:
    """`name` as a pattern in which an initial's dot may be left out, and the space after it."""
    words = name.split()
    pattern = ""
    for index, word in enumerate(words):
        initial = _INITIAL.fullmatch(word) is not None
        if index:
            pattern += r"\s*" if initial and _INITIAL.fullmatch(words[index - 1]) else r"\s+"
        pattern += re.escape(word[0]) + r"\.?" if initial else re.escape(word)
    return pattern


@functools.cache
def typed_name(name: str) -> re.Pattern[str]:
    """A public form in any of the ways `_typed_name` finds it, in any case: whether a text could
    put a quote to it at all."""
    return re.compile(rf"(?<!\w){_forms_typed(name, any_case=True)}(?!\w)")


@functools.cache
def _name_quotes(name: str, in_english: bool = True) -> tuple[re.Pattern[str], ...]:
    """The running-text quotes, but for 'F. H.: send the charter' in a list of who does what."""
    return _prose_quotes(_typed_name(name), transcripts=False, speech=_SPEECH if in_english else _ANY_WORD)


@functools.cache
def _name_attributions(name: str) -> re.Pattern[str]:
    """QUOTE_BY for a name typed, in any case, first or after another name ('— Amina K. and Sky'):
    a line that starts with a dash after a quote says who said it, whatever the case."""
    return re.compile(rf"^(?P<quote>[ \t]{{0,3}}(?:>[ \t]?)*)(?P<dash>[\u2012-\u2015]|--|-)[ \t]*"
                      rf"(?:[^\n]*?(?:,|&|\band\b)[ \t]*)?{_typed_name(name, any_case=True)}", re.MULTILINE)


def outside_code(markdown: str, change: Callable[[str], str]) -> str:
    """The Markdown with `change` made to every part outside code (which is shown as typed)."""
    parts, last = [], 0
    for code in CODE.finditer(markdown):
        parts += [change(markdown[last:code.start()]), code.group()]
        last = code.end()
    return "".join([*parts, change(markdown[last:])])


def without_mentions(markdown: str) -> str:
    """The Markdown with each `[[id]]` outside code blanked out (same length, so positions and
    lines still hold). Inside code it is shown as typed, id and all, so it stays."""
    if "[[" not in markdown:  # no mentions: most records, and finding code costs more
        return markdown
    return outside_code(markdown, lambda text: MENTION.sub(lambda match: " " * len(match.group()), text))


def mentioned(markdown: str) -> list[tuple[int, str]]:
    """Each (offset, words as written) of `[[id]]` outside code, and of `[[Amina K.]]`, a name
    written where the id belongs, to check every mention names a real person by id (ids are
    matched whatever their case: `person_id` turns one into the id it names). A link's words in
    brackets are left out: they are a mention only when they are a person's id."""
    return [(match.start(), match[1]) for match in WRITTEN_AS_MENTION.finditer(without_code(markdown))
            if not _is_link_words(match)]


def is_id(written: str) -> bool:
    """Whether `[[written]]` is a mention by id, as `MENTION` finds them."""
    return MENTION.fullmatch(f"[[{written}]]") is not None


def without_code(markdown: str) -> str:
    """The Markdown with its code blocks and spans blanked out, line breaks kept: offsets and
    lines still hold, and what is shown as typed is not looked in."""
    return CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group()), markdown)


def person_id(written: str) -> str:
    """The id that `[[written]]` names: [[P07]] is p07."""
    return written.lower()


def _literal(text: str) -> str:
    """A name as Markdown that shows exactly these characters, whatever they are."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
