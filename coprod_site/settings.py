"""Settings a group can change in mkdocs.yml, shared by `coprod check` and the build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Settings:
    """What the checks and pages need to know beyond the records themselves."""

    content_dir: str = "content"
    today: dt.date = field(default_factory=dt.date.today)
    feedback_days: int = 14
    """Days after a meeting before missing feedback is a warning."""
    page_size: int = 50
    """Records per page in the meetings and decisions lists."""
    feed_entries: int = 50
    """The newest entries each feed keeps: feed readers fetch the whole feed every time they look."""
    max_sentence_words: int = 25
    max_paragraph_sentences: int = 5
    reading_grade: float = 11.0
    """Highest SMOG grade a page may have (about a reading age of 11 to 12)."""
    allowed_acronyms: tuple[str, ...] = ("UK", "NHS", "GP")
    site_url: str | None = None
    """Where the site lives: mkdocs.yml's site_url, or else project.yml's."""

    def with_site_address(self, project_site_url: str | None) -> Settings:
        """These settings, with project.yml's site_url where mkdocs.yml gives none."""
        if self.site_url or not project_site_url:
            return self
        return replace(self, site_url=project_site_url.rstrip("/") + "/")
