"""The coprod plugin's options and their types, shared by mkdocs.yml reading and the plugin."""

from __future__ import annotations

OPTION_TYPES: dict[str, type | tuple[type, ...]] = {
    "enabled": bool,
    "feedback_days": int,
    "page_size": int,
    "feed_entries": int,
    "max_sentence_words": int,
    "max_paragraph_sentences": int,
    "reading_grade": (int, float),
    "allowed_acronyms": list,
}

OPTION_LEAST: dict[str, int] = {
    "feedback_days": 0,
    "page_size": 1,
    "feed_entries": 1,
    "max_sentence_words": 1,
    "max_paragraph_sentences": 1,
    "reading_grade": 1,
}
"""The smallest value each number option can take and still mean something."""

OPTION_KINDS: dict[str, str] = {
    "enabled": "true or false",
    "reading_grade": "a number, like 11",
    "allowed_acronyms": "a list, like [NHS, GP]",
}
"""What each option that is not a whole number should be, in words."""


def too_small(name: str, value: object) -> str | None:
    """The problem with a number option below its least value, or None."""
    least = OPTION_LEAST.get(name)
    if least is None or not isinstance(value, (int, float)) or value >= least:
        return None
    return f"the coprod option '{name}' is {value}: it should be {least} or more."


def wrong_kind(name: str) -> str:
    """The problem with an option whose value is not of its kind ('max_sentence_words: many')."""
    return f"the coprod option '{name}' should be {OPTION_KINDS.get(name, 'a whole number, like 25')}."
