"""The plugin's options in mkdocs.yml. Each option is also a field of `Settings`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from .config_options import too_small
from .settings import Settings


class CoprodConfig(base.Config):
    """Options under `plugins: - coprod:` in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Build the group's pages. Turned off, `mkdocs build` makes a site without them (and without
    any record file); `coprod build` and `coprod check` say it is off."""

    feedback_days = c.Type(int, default=14)
    """Days after a meeting before 'feedback not sent' becomes a warning."""

    page_size = c.Type(int, default=50)
    """Records per page in the meetings and decisions lists."""

    feed_entries = c.Type(int, default=50)
    """The newest entries each feed keeps (the pages keep every record)."""

    max_sentence_words = c.Type(int, default=25)
    """Longest sentence, in words, before plain-language warnings."""

    max_paragraph_sentences = c.Type(int, default=5)
    """Most sentences in a paragraph before plain-language warnings."""

    reading_grade = c.Type((int, float), default=11)
    """Highest SMOG reading grade for a page (11 is about a reading age of 11 to 12)."""

    allowed_acronyms = c.ListOfItems(c.Type(str), default=list(Settings.allowed_acronyms))
    """Capital-letter words that need no glossary entry."""


def build_settings(options: CoprodConfig, content_dir: str, site_url: str | None) -> Settings:
    """Settings for the core from the plugin's options and MkDocs' own config."""
    values: dict[str, Any] = {f.name: options[f.name] for f in dataclasses.fields(Settings)
                              if f.name in options}
    for name, value in values.items():
        if (small := too_small(name, value)) is not None:
            raise SettingError(f"mkdocs.yml: {small}")
    values["allowed_acronyms"] = tuple(values["allowed_acronyms"])
    values["reading_grade"] = float(values["reading_grade"])
    return Settings(content_dir=content_dir, site_url=site_url, today=today_from_environment(), **values)


class SettingError(ValueError):
    """A setting in the environment that cannot be used: the message says what to write."""


def today_from_environment() -> dt.date:
    """Today, or COPROD_TODAY (YYYY-MM-DD) for builds that must not depend on the day they run."""
    fixed = os.environ.get("COPROD_TODAY")
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed.strip())
    except ValueError:
        raise SettingError(f"COPROD_TODAY is '{fixed}': write the date as YYYY-MM-DD, like "
                           "2026-11-30, or unset it to use today's date.") from None
