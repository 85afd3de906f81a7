"""Numbers and lists in plain English, as every message, page and feed says them."""

from __future__ import annotations

import re


def join_words(words: list[str]) -> str:
    """'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 member', '3 members'; '1 person', '2 people' with `many`."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def shortened(text: str, limit: int = 60) -> str:
    """The text, cut to `limit` characters with '…' when it is longer: a picture written into a
    page as data is thousands of characters, which no message should repeat."""
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


_LEADING_ARTICLE = re.compile(r"^(The|A|An)(?= )")


def mid_sentence(value: str | None) -> str:
    """A name written to start a field ('The trust board') as it reads after other words
    ('Referred to the trust board'): only a leading 'The', 'A' or 'An' is made small."""
    return "" if value is None else _LEADING_ARTICLE.sub(lambda match: match[1].lower(), value)
