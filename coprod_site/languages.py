"""Which language each part of our pages speaks (WCAG 3.1.2, Language of Parts).

A page's `lang` is the group's language (project.yml's `language`), so a screen reader reads the
group's words, its own pages, its titles and search results in the group's voice. Our templates'
words are English: on the pages of a group whose language is not English, each of our pages'
fragments says `lang="en"`, and the group's own words in it (titles, summaries, venues, notes)
say the group's language again (the `own` filter). An English group's pages are unchanged, byte
for byte.
"""

from __future__ import annotations

from markupsafe import Markup

from .mentions import mention
from .records import Person, speaks_english
from .words import plural


class OwnWords:
    """How our English pages mark the words of a group whose language is `language`."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.speaks_english = speaks_english(language)

    def own(self, text: str | None, block: bool = False) -> Markup | str | None:
        """The group's own words, said to be in its language: a `span` around a few words, a
        `div` around whole paragraphs (`block`). Nothing is marked when the page is English or
        the text is empty."""
        if self.speaks_english or not text:
            return text
        return _in_language(text, self.language, block)

    def person(self, person: Person | None) -> Markup | str:
        """How a person is shown ('Amina K.', 'a co-chair'), their name or role in the group's
        words, an 'a' before a role in ours; someone not in people.yml is 'a member'."""
        if person is None or self.speaks_english:
            return mention(person)
        ours = person.public_name.removesuffix(person.shown_words)
        return Markup("{}{}").format(ours, self.own(person.shown_words))

    def counted(self, count: int, word: str) -> Markup | str:
        """'3 co-chairs': how many, and a word of the group's own ('2 aelod'). It is not made plural
        by our English 's' unless the group's language is English."""
        return plural(count, word) if self.speaks_english else Markup("{} {}").format(count, self.own(word))

    def in_english(self, html: str, block: bool = True) -> str:
        """One of our page fragments, its words said to be English: a `div`, or a `span` around a
        few words in a line (not `block`)."""
        if self.speaks_english:
            return html
        return str(_in_language(Markup(f"\n{html}\n" if block else html), "en", block))

    def english(self, words: str) -> Markup | str:
        """A few of our words, said to be English (a `span`)."""
        return words if self.speaks_english else _in_language(words, "en", block=False)


def _in_language(text: str, language: str, block: bool) -> Markup:
    """`text` (escaped, unless it is markup already) in an element that says its language."""
    return Markup('<{0} lang="{1}">{2}</{0}>').format("div" if block else "span", language, text)
