"""The accessibility statement page, in the structure of the UK model statement.

UK public bodies must publish one (the Public Sector Bodies Accessibility
Regulations 2018). It is built from project.yml's `accessibility:` block:
who to contact, when a person last tested the site, and what is known not to
be accessible. Importing this module adds the page to every site.
"""

from __future__ import annotations

from collections.abc import Iterator

from .pages import NAV_TITLES, PAGE_BUILDERS, SITE_PAGES, PageSpec
from .published import Published
from .records import AccessibilityInfo

STATEMENT_PATH = "accessibility.md"
NAV_TITLE = "Accessibility"


def build_accessibility_statement(site: Published) -> Iterator[PageSpec]:
    """The statement page: /accessibility/."""
    project = site.project
    info = project.accessibility or AccessibilityInfo()
    contact = info.contact or project.contact.email
    yield PageSpec(
        STATEMENT_PATH, f"Accessibility statement for {project.name}", "accessibility.html",
        context={"info": info, "contact": contact, "contact_is_email": bool(contact and "@" in contact)},
        description=f"How accessible the {project.name} website is, and how to tell us about a problem.",
        in_nav=True,
    )


NAV_TITLES.setdefault(STATEMENT_PATH, NAV_TITLE)
SITE_PAGES.setdefault(STATEMENT_PATH, "Accessibility statement")
if build_accessibility_statement not in PAGE_BUILDERS:
    PAGE_BUILDERS.append(build_accessibility_statement)
