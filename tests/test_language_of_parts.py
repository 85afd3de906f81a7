"""WCAG 3.1.2 (Language of Parts), field by field: on a Welsh group's pages every word the group
wrote is read in Welsh, and every word our templates add, in English.

The group (welsh_group.py) has a word of its own in every text field it writes ('Cymraeg51',
the meeting's venue). Every built page is read with a real HTML parser, and for each such word,
in the text or in an attribute a screen reader reads, the nearest `lang` must be the group's.
Each element that says the group's language must hold the group's words, not ours; and our own
words, wherever they are, must be English. So a field a template adds, or a template's words
changed, cannot slip by unmarked: this test names the page, the field and the words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from conftest import mkdocs_build
from groups import write_files
from test_build import PNG
from welsh_group import FIELDS, MARKER, WELSH_FILES

SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label")
"""Attributes a screen reader reads out."""

NOT_READ = ("script", "style", "template")

MIXED_ATTRIBUTES: set[tuple[str, str, str]] = set()
"""(tag, attribute, words around the group's) where the group's words share an attribute with
ours: a `lang` can only say one language for all of it. Each is known, and left as it is."""

GROUP_WORDS_WITHOUT_MARKER = {
    "member", "co-chair", "facilitator", "Aim", "Methods", "Results", "Discussion and conclusions",
    "Reflections", "team@example.org",
}
"""Words the group writes that hold no marker: the roles the site understands, the headings
every report has, a mailbox."""

OUR_WORDS = [
    "Summary of our meeting on", "When and where", "Support offered", "Agenda", "Chaired by",
    "Facilitated by", "Attendance", "Members who came and agreed to be named", "Actions we agreed",
    "Feedback", "Decided", "Whose decision", "Why we decided this", "What happened next", "Referred to",
    "Their reply", "Outcome", "Past meetings", "Coming up", "Our next meeting", "Latest decisions",
    "Members shown by role", "Role", "lived experience", "Why the change was needed",
    "Why it did not go ahead", "Parts of the charter it changes", "Actions still open, and who takes them on",
    "Who takes it on", "Who will hear the reply", "Thank you to our members", "Where our records will live",
    "Who should be here?", "Payments and expenses", "Share this page", "Printed from the website",
    "Status", "Due", "Who", "What", "Read our farewell report", "This group has closed",
    "Looking after your information", "How accessible this website is", "Our charter", "You said, we did",
    "How we work together", "Made with",
]
"""Words our templates add (some as table headings and list terms): each read in English."""


MATERIAL_WORDS = ["Skip to content", "Table of contents", "Previous", "Next", "Initializing search"]
"""Material's words shown as text, which it has in Welsh but not in Somali: on a Somali group's
pages they are English, and must be read so."""


@pytest.fixture(scope="module", params=["cy", "so"])
def group_pages(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, BeautifulSoup]]:
    """The group's language, and every HTML page of the group built twice: going on (its next
    meeting, its poster), and closed (its farewell report and handover on every page), by address.
    In Welsh, and in Somali (the same words, said to be Somali), which Material has no words of."""
    language: str = request.param
    project = WELSH_FILES["content/project.yml"].replace("language: cy", f"language: {language}")
    pages = {}
    for status, changes in {"active": {"content/project.yml": project},
                            "closed": {"content/project.yml": project.replace(
                                "status: active", "status: closed\nended_on: 2026-10-31")}}.items():
        root = write_files(tmp_path_factory.mktemp(status), {**WELSH_FILES, **changes})
        (root / "content" / "assets").mkdir(exist_ok=True)
        (root / "content" / "assets" / "library.png").write_bytes(PNG)
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
        for path in sorted((root / "site").rglob("*.html")):
            pages[f"{status}: {path.relative_to(root / 'site').as_posix()}"] = BeautifulSoup(
                path.read_text(encoding="utf-8"), "html.parser")
    return language, pages


def said_in(element: Tag) -> str | None:
    """The language a screen reader reads an element in: its own `lang`, or its nearest ancestor's."""
    holder = element if element.has_attr("lang") else element.find_parent(lang=True)
    return None if holder is None else str(holder["lang"])


def read_text(soup: BeautifulSoup) -> Iterator[NavigableString]:
    """Every piece of text a reader hears (no comments, scripts or styles)."""
    for text in soup.find_all(string=True):
        if not isinstance(text, Comment) and text.parent is not None and text.parent.name not in NOT_READ:
            yield text


def where(address: str, element: Tag, words: str) -> str:
    classes = ".".join(element.get("class") or [])
    return f"{address}: <{element.name}{'.' + classes if classes else ''}> {' '.join(words.split())[:90]!r}"


def fields_in(words: str) -> str:
    return ", ".join(FIELDS.get(found[-2:], found) for found in MARKER.findall(words))


def test_every_field_the_group_writes_is_on_some_page(
        group_pages: tuple[str, dict[str, BeautifulSoup]]) -> None:
    """The test below sees every field: each marker is on a page (else a field is shown nowhere)."""
    _, pages = group_pages
    everything = " ".join(str(soup) for soup in pages.values())
    unseen = {number: field for number, field in FIELDS.items() if f"Cymraeg{number}" not in everything}
    assert unseen == {}


def test_the_groups_words_are_read_in_its_language(group_pages: tuple[str, dict[str, BeautifulSoup]]) -> None:
    language, pages = group_pages
    wrong = []
    for address, soup in pages.items():
        for text in read_text(soup):
            if MARKER.search(text) and said_in(text.parent) != language:
                wrong.append(f"{where(address, text.parent, text)} ({fields_in(text)}) is read as {said_in(text.parent)}")
        for element in soup.find_all(True):
            for name in SPOKEN_ATTRIBUTES:
                value = str(element.get(name) or "")
                if MARKER.search(value) and said_in(element) != language:
                    if (element.name, name, MARKER.sub("…", value)) in MIXED_ATTRIBUTES:
                        continue
                    wrong.append(f"{where(address, element, value)} {name}= ({fields_in(value)}) is read as "
                                 f"{said_in(element)}")
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_what_is_marked_as_the_groups_is_the_groups(group_pages: tuple[str, dict[str, BeautifulSoup]]) -> None:
    """Every element our pages mark as the group's (`own`) holds the group's words, not ours."""
    language, pages = group_pages
    wrong = []
    for address, soup in pages.items():
        for element in soup.select(f'[lang="en"] [lang="{language}"]'):
            words = " ".join(element.get_text(" ").split())
            if not MARKER.search(words) and words not in GROUP_WORDS_WITHOUT_MARKER:
                wrong.append(where(address, element, words))
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_our_words_are_read_in_english(group_pages: tuple[str, dict[str, BeautifulSoup]]) -> None:
    """Ours, and Material's where it has none of the group's language (in an attribute, a part of
    the words cannot say its language: ours are not put in one with the group's)."""
    language, pages = group_pages
    shown = OUR_WORDS + MATERIAL_WORDS if language == "so" else OUR_WORDS
    wrong, heard = [], set()
    for address, soup in pages.items():
        for text in read_text(soup):
            if text.find_parent("head") is not None or text.find_parent(class_="md-header__topic") is not None:
                continue  # the page's <title>, and Material's header (which our script hides from screen readers)
            for words in shown:
                if words in text and not MARKER.search(text):
                    heard.add(words)
                    if said_in(text.parent) != "en":
                        wrong.append(f"{where(address, text.parent, text)} is read as {said_in(text.parent)}")
        for element in soup.find_all(True):
            for name in SPOKEN_ATTRIBUTES:
                value = str(element.get(name) or "")
                if any(words in value for words in OUR_WORDS) and said_in(element) != "en":
                    wrong.append(f"{where(address, element, value)} {name}= is read as {said_in(element)}")
    assert not wrong, "\n".join(sorted(set(wrong)))
    assert set(shown) - heard == set()


def test_the_line_material_writes_search_results_into_says_their_language(
        group_pages: tuple[str, dict[str, BeautifulSoup]]) -> None:
    """Material writes over the words of the search results' first line as the reader types ('No
    matching documents'): the line itself, not a part of it, says which language they are in."""
    language, pages = group_pages
    said = {said_in(line) for soup in pages.values() for line in soup.select(".md-search-result__meta")}
    assert said == {"en" if language == "so" else language}
