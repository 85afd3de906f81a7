"""The leak detectors try only the places where a match can start, and find exactly what
trying every place finds.

`finditer` tries every position of a page's text; the detectors try only the runs
of name characters before each '@', each '+', '0' and '(', and each run of digits,
and look for a form of a real name only in texts that hold its word.
These tests compare the two on generated text made of the characters that matter,
on the Big List of Naughty Strings and on built pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_site.guard import visible_text
from coprod_site.privacy import (
    EMAIL,
    INTERNATIONAL_PHONE,
    LOWER_CASE_POSTCODE,
    NHS_NUMBER,
    PHONE,
    POSTCODE,
    digit_run_starts,
    email_starts,
    find_real_names,
    forbidden_name_forms,
    matches_from,
    phone_starts,
    plus_starts,
    postcode_starts,
)

BLNS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "big-list-of-naughty-strings" / "blns.json"

FINDERS = [(EMAIL, email_starts), (PHONE, phone_starts), (INTERNATIONAL_PHONE, plus_starts),
           (NHS_NUMBER, digit_run_starts), (POSTCODE, postcode_starts), (LOWER_CASE_POSTCODE, postcode_starts)]


NAMES = ["Jane Smith", "Zoë Ångström-Smith", "Sean O'Brien", "Işık Yılmaz", "Νικόλαος Παπαδόπουλος",
         "Mary Jane Watson", "Åse Ødegaard", "Jürgen Weiß", "Kai Sørensen", "Jordan Ellis-Brown",
         "Łukasz Þórsson", "Æsa Bœuf", "Dr Kaur", "Amina K.", "Siobhan ONeill", "Ash Ford"]
NAME_FORMS = {name: forbidden_name_forms(name, None) for name in NAMES}


def assert_same_matches(text: str) -> None:
    for pattern, starts in FINDERS:
        quick = [(m.start(), m.group()) for m in matches_from(pattern, text, starts(text))]
        assert quick == [(m.start(), m.group()) for m in pattern.finditer(text)], (pattern.pattern, text)
    for name, forms in NAME_FORMS.items():
        quick = sorted((f.start, f.value) for f in find_real_names(text, {"p01": forms}))
        everywhere = sorted((m.start(), m.group()) for form in forms for m in form.pattern.finditer(text))
        assert quick == everywhere, (name, text)


TRICKY = st.text(alphabet="0123456789 +-()@._:/aZé\n", max_size=80)


@settings(max_examples=3000, deadline=None)
@given(TRICKY)
def test_generated_text_gives_the_same_matches(text: str) -> None:
    assert_same_matches(text)


@given(st.lists(st.sampled_from(["jane.smith", "@", "example.org", "0", "07700 900123", "+44 ",
                                 "(0)", "943 476 5919", "943-476-5919", "9434765919", " ", "-", ".",
                                 "x", "a@b.co", "@@", "1", "+", "/"]), max_size=12))
def test_pieces_of_real_numbers_and_addresses_give_the_same_matches(pieces: list[str]) -> None:
    assert_same_matches("".join(pieces))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["SW1A", "sw1a", " ", "1AA", "1aa", "M1", "m1", "GIR", "0AA", "gir", "B33", "8TH",
                                 "EC1A1BB", "2nd", "A", "a", "1", "x", "\n", "-", "ab12", "3rd"]), max_size=12))
def test_pieces_of_postcodes_give_the_same_matches(pieces: list[str]) -> None:
    assert_same_matches("".join(pieces))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["JANE", "jane", "Smith", "SMİTH", "smıth", "ſmith", "Zoe", "ZOË", "zoë", "ångström",
                                 "ANGSTROM-SMITH", "Å", "o’brien", "O'BRIEN", "o‘Brien", "Sean", "IŞIK",
                                 "işık", "isik", "YILMAZ", "yilmaz", "ΝΙΚΌΛΑΟΣ", "νικολαος", "ΠΑΠΑΔΌΠΟΥΛΟΣ",
                                 "παπαδοπουλος", "MARY", "watson", "ÅSE", "ase", "ØDEGAARD", "odegaard", "JÜRGEN",
                                 "jurgen", "WEISS", "weiß", "WEIẞ", "KAI", "Kai", "SØRENSEN", "sorensen", " ", ", ",
                                 "<em>", "</em>", "&nbsp;", "\n", "Ms ", "Dr. ", "J. ", "S.", "I.", "Y.", "-", "*",
                                 "Jordan", "ellis", "BROWN", "\u2011", "\u2013", "_", ".", "%20", "2", "\u02bc",
                                 "o", "\u0141ukasz", "lukasz", "\u00de\u00d3RSSON", "thorsson", "\u00c6sa", "aesa",
                                 "boeuf", "B\u0152UF", "e\u0301", "\u0308", "Kaur", "mrs ", "Amina", "K.", "A. ",
                                 "\uff2a\uff41\uff4e\uff45", "\U0001d412mith", "\u24c8MITH", "\u212ai",
                                 "ONeill", "o'neill", "Siobhan", "Ash", "ford", "Ford", "Mary"]),
                max_size=10))
def test_pieces_of_names_give_the_same_matches(pieces: list[str]) -> None:
    assert_same_matches("".join(pieces))


def test_known_cases_give_the_same_matches() -> None:
    local = "a" * 5000
    for text in ["call 07700 900123 or +44 7700 900123 or (020) 7946 0958",
                 "nhs 943 476 5919, 9434765919, x943 476 5919", "a@b.com@c.org d@e.fr",
                 f"{local}@example.org", f"x {local}.b@example.org", "@example.org", "..@x.io",
                 "jane@example.org, jane.smith+x@mail.example.co.uk", "0" * 40, "+" * 10 + "44"]:
        assert_same_matches(text)


def test_naughty_strings_and_built_pages_give_the_same_matches(built_group: Path) -> None:
    texts = [visible_text(path.read_text(encoding="utf-8")) for path in sorted(built_group.rglob("*.html"))]
    if BLNS.is_file():
        texts += json.loads(BLNS.read_text(encoding="utf-8"))
    assert len(texts) > 20
    for text in texts:
        assert_same_matches(text)
    assert_same_matches("\n".join(texts))
    assert re.search(r"\d", "".join(texts))
