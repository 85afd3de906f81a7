"""The coprod plugin's options and their types, shared by mkdocs.yml reading and the plugin."""

from __future__ import annotations

OPTION_TYPES: dict[str, type | tuple[type, ...]] = {
    "enabled": bool,
    "feedback_days": int,
    "page_size": int,
    "max_sentence_words": int,
    "max_paragraph_sentences": int,
    "reading_grade": (int, float),
    "allowed_acronyms": list,
}
