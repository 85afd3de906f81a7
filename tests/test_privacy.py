"""The privacy detectors, the source check that runs them, and people written by id."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import mkdocs_build
from groups import FILES, write_files
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coprod_site.checks import check_folder
from coprod_site.checks.privacy import FieldFindings, _may_name, scan_source
from coprod_site.guard import guard_site
from coprod_site.mentions import resolve_people, typed_name
from coprod_site.privacy import (
    PrivacyRules,
    find_emails,
    find_leaks,
    find_nhs_numbers,
    find_person_ids,
    find_phone_numbers,
    find_postcodes,
    find_real_names,
    forbidden_name_forms,
    is_nhs_number,
    nhs_check_digit,
    read_register,
    rules_for,
)
from coprod_site.records import Group, Person
from coprod_site.sources import Source


def values(findings: object) -> list[str]:
    return [f.value for f in findings]  # type: ignore[attr-defined]


# --- NHS numbers ---------------------------------------------------------------------


@pytest.mark.parametrize("number", ["9434765919", "4010232137", "9876543210", "4505577104"])
def test_valid_nhs_numbers_pass_the_modulus_11_check(number: str) -> None:
    assert is_nhs_number(number)


@pytest.mark.parametrize("number", ["9434765918", "9434765910", "4010232138", "1234567890",
                                    "943476591", "94347659190", "943476591a"])
def test_invalid_nhs_numbers_fail_it(number: str) -> None:
    assert not is_nhs_number(number)


def test_the_check_digit_follows_modulus_11() -> None:
    assert nhs_check_digit("000000001") == 9  # 1 x 2 = 2; 11 - 2 = 9
    assert nhs_check_digit("000000000") == 0  # 11 - 0 = 11, which means 0
    assert nhs_check_digit("000020000") is None  # 2 x 6 = 12; 11 - 1 = 10: no valid number
    assert not any(is_nhs_number(f"000020000{digit}") for digit in range(10))


def test_ten_digits_after_the_word_nhs_are_an_nhs_number_whatever_their_check_digit() -> None:
    text = "Her NHS number is 123 456 7890. The leaflets came in a box from the printer, order 123 456 7890."
    assert values(find_nhs_numbers(text)) == ["123 456 7890"]


def test_nhs_numbers_are_found_in_common_spacings() -> None:
    text = "Numbers 943 476 5919, 943-476-5919 and 9434765919; not 943 476 5918 or 943-476 5919."
    assert values(find_nhs_numbers(text)) == ["943 476 5919", "943-476-5919", "9434765919"]


def test_nhs_numbers_written_with_dots_or_uneven_gaps_after_the_word_nhs_are_found() -> None:
    """Dots, as phone numbers are written; and any gaps after the word NHS ('NHS no. 123 4567890'),
    which still make ten digits, typed in a hurry."""
    text = ("Not 943.476.5918, nor 943-476 5919, nor the order 123 4567890 from the printer. "
            "Numbers 943.476.5919, NHS no. 123 4567890 and NHS: 123-456 7890.")
    assert values(find_nhs_numbers(text)) == ["943.476.5919", "123 4567890", "123-456 7890"]


# --- phone numbers -------------------------------------------------------------------


@pytest.mark.parametrize("number", [
    "020 7946 0018", "0161 496 0123", "01632 960123", "(0161) 496 0123", "07700 900123",
    "07700900123", "+44 7700 900123", "+447700900123", "+44 (0)20 7946 0018", "0044 20 7946 0018",
    "0300 123 4567", "0800 123 456", "07700-900-123", "0161-496-0000", "0161.496.0123",
    "+44-7700-900123",
])
def test_uk_landlines_and_mobiles_are_found(number: str) -> None:
    assert values(find_phone_numbers(f"Ring {number} today.")) == [number]


@pytest.mark.parametrize("number", ["+1 415 555 0100", "+33 1 42 68 53 00", "+353 (0)1 234 5678",
                                    "+61-2-9876-5432", "+12025550123"])
def test_numbers_from_other_countries_are_found(number: str) -> None:
    assert values(find_phone_numbers(f"Ring {number} today.")) == [number]


@pytest.mark.parametrize("text", [
    "+1 on each agreed amendment", "score +12 345", "01.02.2025", "09.30-11.00", "version 1.2.3-rc.4",
    "b1 2nd edition", "A4 3rd", "2025-02-30", "16:00 to 17:30", "ACT-021", "D-007", "AM-03", "in 2026", "version 1.2.3",
    "v0.12.3", "DPIA-2023-114", "£20 voucher", "0 0 24 24", "10.0.0.1", "1 January 2025",
    "2025-03-14-animation-script", "12 noon", "0 1 2 3 4 5 6 7 8 9",
])
def test_dates_times_ids_years_and_versions_are_not_phone_numbers(text: str) -> None:
    assert values(find_phone_numbers(text)) == []
    assert values(find_nhs_numbers(text)) == []
    assert values(find_postcodes(text)) == []


@pytest.mark.parametrize(("text", "number"), [
    ("Fatima's mobile:07700900123", "07700900123"), ("Tel:0161 496 0123", "0161 496 0123"),
    ("mob.07700 900123", "07700 900123"), ('<a href="tel:01614960000">', "01614960000"),
    ("Ring 07700\u00a0900123 today", "07700 900123"), ("Ring 0161\u2009496\u20090123", "0161 496 0123"),
])
def test_numbers_straight_after_a_label_or_with_other_spaces_are_found(text: str, number: str) -> None:
    """Typed after 'Tel:' with no space, in a tel: link, or with the no-break and thin spaces a
    word processor or an email signature puts in."""
    assert values(find_leaks(text, PrivacyRules())) == [number]


def test_a_number_in_brackets_is_described_by_its_first_digits() -> None:
    """'(07700 900123)' is told as '(0770…)', not '((077…)': the bracket says nothing."""
    [found] = find_leaks("Ring Sam (07700 900123) after six.", PrivacyRules())
    assert found.described() == "a phone number (0770\u2026)"


def test_an_nhs_number_straight_after_a_label_is_found() -> None:
    assert values(find_leaks("NHS number:9434765919", PrivacyRules())) == ["9434765919"]
    assert values(find_leaks("ref:123 456 7890 (not NHS)", PrivacyRules())) == []


def test_a_character_written_as_its_code_in_a_web_address_is_not_part_of_a_number() -> None:
    """'Minutes%2020240312.pdf' (a document's name with a space, as a browser copies it) was read as
    ten digits, which pass as an NHS number one time in eleven: an error nobody could put right but
    by changing the link. '%20' is a space; a number after one is found, as it was not before."""
    assert is_nhs_number("2020240319")
    for address in ("https://example.org/Minutes%2020240319.pdf", "https://example.org/a%2F2020240319"):
        assert find_leaks(f"See [the minutes]({address}).", PrivacyRules()) == []
    assert values(find_leaks("https://example.org/?q=NHS%209434765919", PrivacyRules())) == ["9434765919"]
    assert values(find_leaks("tel:%2007700900123", PrivacyRules())) == ["07700900123"]


# --- emails and postcodes ------------------------------------------------------------


def test_only_the_contact_email_may_appear() -> None:
    text = "Write to team@example.org or Team@Example.org, not jo.bloggs+x@gmail.com."
    assert values(find_emails(text, {"team@example.org"})) == ["jo.bloggs+x@gmail.com"]


def test_full_postcodes_are_found_but_not_the_first_half() -> None:
    text = "At SW1A 1AA, M1 1AE, EC1A1BB and B33 8TH; the M13 area is fine, as is CO2."
    assert values(find_postcodes(text)) == ["SW1A 1AA", "M1 1AE", "EC1A1BB", "B33 8TH"]


def test_postcodes_in_small_letters_are_found_but_not_words_that_look_like_them() -> None:
    text = "She lives at sw1a 1aa, near m1 1ae; not b1 2nd or a4 4dd (no such area), nor ab12."
    assert values(find_postcodes(text)) == ["sw1a 1aa", "m1 1ae"]


def test_postcodes_with_a_capital_first_two_spaces_or_a_dash_are_found() -> None:
    text = ("Sw1a 1aa is hers. His is M1  1AE, theirs SW1A-1AA, ours SW1A  1AA and EC1a  1bb; but not B1 2nd "
            "or the b1-2nd edition.")
    assert values(find_postcodes(text)) == ["Sw1a 1aa", "M1  1AE", "SW1A-1AA", "SW1A  1AA", "EC1a  1bb"]


# --- real names ----------------------------------------------------------------------


def person(show_as: str, **fields: object) -> Person:
    return Person.model_validate({"id": "p09", "lived_experience": True, "roles": ["member"],
                                  "show_as": show_as, **fields})


def found_names(text: str, real_name: str, who: Person, others: tuple[str, ...] = ()) -> list[str]:
    return values(find_real_names(text, {"p09": forbidden_name_forms(real_name, who, others)}))


def test_a_real_name_is_found_across_case_markup_and_line_breaks() -> None:
    text = "JANE <em>Smith</em> spoke, then jane\n**smith**, then Jane&nbsp;Mary Smith."
    assert found_names(text, "Jane Mary Smith", person("role")) == [
        "JANE <em>Smith", "jane\n**smith", "Jane&nbsp;Mary Smith"]


def test_a_name_is_found_with_or_without_its_accents() -> None:
    assert found_names("Zoë Ångström-Smith spoke.", "Zoe Angstrom-Smith", person("role")) == ["Zoë Ångström-Smith"]
    assert found_names("Zoe Angstrom spoke.", "Zoë Ångström", person("role")) == ["Zoe Angstrom"]
    assert found_names("Zoey Angstrom spoke.", "Zoe Angstrom", person("role")) == []


@pytest.mark.parametrize(("registered", "written"), [
    ("Jordan Ellis-Brown", "Jordan Ellis Brown"), ("Jordan Ellis-Brown", "Jordan EllisBrown"),
    ("Jordan Ellis-Brown", "Jordan Ellis\u2011Brown"), ("Jordan Ellis-Brown", "Jordan Ellis\u2013Brown"),
    ("Jordan Ellis-Brown", "Jordan Ellis \u2014 Brown"), ("Jordan Ellis Brown", "Jordan Ellis-Brown"),
    ("Mary-Jane Smith", "Mary Jane Smith"), ("Mary Jane Smith", "Mary-Jane Smith"),
    ("Mohammed Al-Hassan", "Mohammed Alhassan"), ("Siobh\u00e1n O'Neill", "Siobhan ONeill"),
    ("Siobh\u00e1n O'Neill", "Siobh\u00e1n O\u2019Neill"), ("Siobh\u00e1n O'Neill", "Siobhan O\u02bcneill"),
    ("\u0141ukasz Nowak", "Lukasz Nowak"), ("Lukasz Nowak", "\u0141ukasz Nowak"), ("Thor \u00d8degaard", "Thor Odegaard"),
    ("\u0110or\u0111e Petrovi\u0107", "Dorde Petrovic"), ("Gu\u00f0r\u00fan J\u00f3nsd\u00f3ttir", "Gudrun Jonsdottir"),
    ("J\u00fcrgen Wei\u00df", "Jurgen Weiss"), ("Jurgen Weiss", "J\u00fcrgen Wei\u00df"), ("\u00c6sa Dahl", "Aesa Dahl"),
    ("Chlo\u00e9 B\u0153uf", "Chloe Boeuf"), ("Chloe Boeuf", "Chlo\u00e9 B\u0153uf"), ("Tom \u00deorsson", "Tom Thorsson"),
    ("I\u015f\u0131l Kaya", "Isil Kaya"), ("Nguyen Van An", "Nguy\u1ec5n V\u0103n An"),
    ("Zo\u00eb Lef\u00e8vre", "Zoe\u0308 Lefe\u0300vre"), ("Aeron Smith", "\u00c6ron Smith"),
    ("Thea Jones", "\u00dee\u0061 Jones"), ("Siobhan ONeill", "Siobh\u00e1n O'Neill"),
    ("Siobhan ONeill", "Siobhan O\u02bcneill"), ("Siobh\u00e1n O'Neill", "Siobhan O' Neill"),
    ("Jordan EllisBrown", "Jordan Ellis-Brown"), ("Jordan EllisBrown", "Jordan Ellis Brown"),
    ("Ewan McDonald", "Ewan Mc Donald"), ("Jordan Ellis - Brown", "Jordan EllisBrown"),
], ids=lambda value: value.encode("ascii", "backslashreplace").decode())
def test_a_name_is_found_however_its_spelling_varies(registered: str, written: str) -> None:
    """Hyphens, dashes and spaces in a double-barrelled name, apostrophes (or none), and letters
    English text writes plainly ('\u0142' as 'l', '\u00df' as 'ss'), either way round; and accents typed
    as separate characters, as a Mac names files. A name the register writes as one word with a
    capital inside ('ONeill', 'EllisBrown') is found with its parts apart too."""
    text = f"At the meeting {written} shared the new leaflet about waiting times."
    assert found_names(text, registered, person("role")) == [written]


def test_a_name_is_found_in_web_addresses_file_names_and_email_addresses() -> None:
    text = ("Photos are at https://example.org/goodbye-jordan-ellis-brown/ and the "
            "[letter](files/Letter%20from%20Sam%20Patel.pdf) is in notes_sam_patel_2025.pdf. "
            "Write to sam.patel@nhs.example or see /sam-patel-clinic-campaign/.")
    rules = PrivacyRules(name_patterns={"p04": forbidden_name_forms("Jordan Ellis-Brown", person("role")),
                                        "p07": forbidden_name_forms("Sam Patel", person("role"))})
    assert [(f.kind, f.value) for f in find_leaks(text, rules)] == [
        ("real_name", "jordan-ellis-brown"), ("real_name", "Sam%20Patel"), ("real_name", "sam_patel"),
        ("email", "sam.patel@nhs.example"), ("real_name", "sam.patel"), ("real_name", "sam-patel")]


def test_words_that_hold_a_name_or_nearly_spell_it_are_not_names() -> None:
    """Spelling variants must not make near names, or words that hold one, into leaks."""
    text = ("Samuel Patel and Sam Patella came; the sample-patel.pdf file; Osam Patel; Jordan Ellison-Brown "
            "and Jordan Ellis-Browne; Siobhan O'Neil; Mary Janet Smith; jordan.ellis; sam%20patelx; "
            "Ewan Mc Donaldson and Ewan Mac Donald.")
    rules = PrivacyRules(name_patterns={
        name: forbidden_name_forms(name, person("role"))
        for name in ("Sam Patel", "Jordan Ellis-Brown", "Siobh\u00e1n O'Neill", "Mary-Jane Smith", "Ewan McDonald")})
    assert values(find_leaks(text, rules)) == []


def test_characters_nobody_sees_hide_no_name_or_id() -> None:
    """A soft hyphen (a word processor's) or a zero-width space inside a name is not seen: the
    page shows 'Daniel Okoro'. Each finding is where it is in the text as written."""
    rules = PrivacyRules(person_ids=("p09",),
                         name_patterns={"p09": forbidden_name_forms("Daniel Okoro", person("role"))})
    text = "Thanks to Dan\u00adiel Okoro; Dan\u200biel\u200d Okoro and p0\ufeff9. Call 07700\u00ad900123."
    found = find_leaks(text, rules)
    assert [(f.kind, text[f.start:f.end]) for f in found] == [
        ("real_name", "Dan\u00adiel Okoro"), ("real_name", "Dan\u200biel\u200d Okoro"), ("person_id", "p0\ufeff9"),
        ("phone", "07700\u00ad900123")]
    assert [f.value for f in found] == ["Daniel Okoro", "Daniel Okoro", "p09", "07700900123"]


@pytest.mark.parametrize("unseen", ["\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u061c", "\ufe00",
                                    "\ufe0f", "\u3164", "\u115f", "\u1160", "\uffa0", "\U000e0041", "\U000e007f"],
                         ids=lambda unseen: f"U+{ord(unseen):04X}")
def test_direction_marks_variation_selectors_fillers_and_tags_hide_no_name(unseen: str) -> None:
    """Marks that set the direction of text, variation selectors, Hangul fillers and tag
    characters show nothing either: 'Sa\u200em Patel' is 'Sam Patel' on the page."""
    rules = PrivacyRules(name_patterns={"p07": forbidden_name_forms("Sam Patel", person("role"))})
    text = f"The summary was written by Sa{unseen}m Pa{unseen}{unseen}tel after the meeting \U0001f600{unseen}."
    assert [(f.value, text[f.start:f.end]) for f in find_leaks(text, rules)] == [
        ("Sam Patel", f"Sa{unseen}m Pa{unseen}{unseen}tel")]


@pytest.mark.parametrize("written", [
    "S\u0430m P\u0430tel", "\u0405am Pat\u0435l", "Sam \u03a1atel", "\u0405\u0430m \u0420\u0430t\u0435\u04cf",
    "\uff33\uff41\uff4d \uff30\uff41\uff54\uff45\uff4c", "\U0001d412\U0001d41a\U0001d426 Patel", "\u24c8am Patel",
], ids=["cyrillic-a", "cyrillic-dze-and-ie", "greek-rho", "all-cyrillic", "fullwidth", "maths-bold", "circled"])
def test_letters_that_look_like_latin_ones_spell_the_name_they_show(written: str) -> None:
    """Cyrillic and Greek letters that look like Latin ones, and letters in other styles (fullwidth,
    as Chinese and Japanese keyboards type, or a 'fancy text' maker's), show the name."""
    rules = PrivacyRules(name_patterns={"p07": forbidden_name_forms("Sam Patel", person("role"))})
    text = f"Thanks to {written} for chairing the session on waiting lists."
    assert values(find_leaks(text, rules)) == [written]


def test_greek_letters_read_as_the_latin_ones_they_look_like_one_by_one() -> None:
    """Greek capital Nu looks like N and small nu like v: each is read as the letter it shows,
    and a name written in Greek is still found as written, once."""
    rules = PrivacyRules(name_patterns={"p05": forbidden_name_forms("Viv Nolan", person("role")),
                                        "p06": forbidden_name_forms("\u039d\u03af\u03ba\u03bf\u03c2 \u03a0\u03b1\u03c0\u03c0\u03ac\u03c2", person("role"))})
    text = "Vi\u03bd \u039dolan led the session, and \u039d\u03af\u03ba\u03bf\u03c2 \u03a0\u03b1\u03c0\u03c0\u03ac\u03c2 took notes."
    assert [(f.person, f.value) for f in find_leaks(text, rules)] == [
        ("p05", "Vi\u03bd \u039dolan"), ("p06", "\u039d\u03af\u03ba\u03bf\u03c2 \u03a0\u03b1\u03c0\u03c0\u03ac\u03c2")]


def test_initials_or_a_pseudonym_left_in_people_yml_after_consent_ended_are_withheld(group_dir: Path) -> None:
    """Sky (p03) now wants to be shown by role, and F. H. (p02) by a made-up name; the old forms
    are still in people.yml, and in a summary."""
    people = FILES["content/people.yml"].replace("    show_as: pseudonym\n", "    show_as: role\n").replace(
        "    show_as: initials\n    initials: F. H.", "    show_as: pseudonym\n    pseudonym: Robin\n    initials: F. H.")
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. Sky and F. H. spoke. Amina K. (A. K.) chaired.")
    write_files(group_dir, {"content/people.yml": people, "content/meetings/2025-01-10-first-meeting.md": meeting})
    _, _, problems = check_folder(group_dir)
    advice = ("They are not shown by name on the site ('show_as' in people.yml): write [[{id}]] to show them as "
              "they agreed. If they have withdrawn their consent, take their name out of people.yml too.")
    kept = ("who is not shown by name. The names of people who have not agreed to be named stay out of the "
            "records: take it out.")
    assert [str(p) for p in problems if "not shown by name" in p.message] == [
        (f"content/meetings/2025-01-10-first-meeting.md, line 34: has the name people.yml gives the person shown "
        f"as 'Robin' (p02). {advice.format(id='p02')}"),
        (f"content/meetings/2025-01-10-first-meeting.md, line 34: has the name people.yml gives the person shown "
        f"as 'a member' (p03). {advice.format(id='p03')}"),
        f"warning: content/people.yml, line 15: keeps the name people.yml gives the person shown as 'Robin' (p02), {kept}",
        f"warning: content/people.yml, line 22: keeps the name people.yml gives the person shown as 'a member' (p03), {kept}"]


@pytest.mark.parametrize(("registered", "near", "written", "also"), [
    ("Jordan Ellis - Brown", "Jordan Ellis{run}Browne", "Jordan Ellis{run}Brown", []),
    ("Siobh\u00e1n O' Neill", "Siobhan O{run}Neil", "Siobhan O{run}Neill", ["Siobhan O", "Siobhan O"]),
    ("O' Neill", "O{run}Neil", "O{run}Neill", []),
    ("Jordan Ellis--Brown", "Jordan Ellis{run}Browne", "Jordan Ellis{run}Brown", []),
], ids=["dash-alone", "apostrophe-alone", "apostrophe-alone-one-name", "two-dashes"])
@pytest.mark.parametrize("between", [" ", "-", "&nbsp;", "\n"], ids=["spaces", "dashes", "nbsp", "line-breaks"])
def test_a_long_run_of_spaces_or_dashes_between_words_is_read_in_one_pass(
        registered: str, near: str, written: str, also: list[str], between: str) -> None:
    """A register name typed with a dash or an apostrophe standing alone ('Ellis - Brown', "O' Neill")
    must not make a page with a long run of spaces or dashes (a pasted table, a line drawn with
    dashes) take hours to check: the near name is not the name, and the name is found however
    long the run between its words. ('Siobhan O' is a form of its own: her first name and the
    initial of her last.)"""
    run = between * 20_000
    text = f"Drawn by {near.format(run=run)} on the board; {written.format(run=run)} signed it."
    rules = PrivacyRules(name_patterns={"p09": forbidden_name_forms(registered, person("role"))})
    started = time.perf_counter()
    found = find_leaks(text, rules)
    elapsed = time.perf_counter() - started
    assert sorted(text[f.start:f.end] for f in found) == sorted([written.format(run=run), *also])
    assert elapsed < 5


def test_a_name_whose_words_run_together_into_an_ordinary_word_is_not_that_word() -> None:
    """'Ash Ford' is a person and Ashford a town; 'Rose Mary' is not rosemary. Words of a name
    need something between them (or a capital to start the second), unless the register writes
    them as one word. The same for 'Sam Tory' as 'S. Tory' (not 'story'), 'Ana Ion' as 'Miss Ion'
    (not 'mission'), 'Ann Eve' as 'Ann E.' (not 'Anne') and 'Ford, Ash' (not 'Fordash')."""
    rules = PrivacyRules(name_patterns={
        name: forbidden_name_forms(name, person("role"))
        for name in ("Ash Ford", "Rose Mary", "Sam Tory", "Ana Ion", "Ann Eve")})
    text = ("The Ashford clinic moved to ASHFORD Road; rosemary and Rosemary's story; the mission; "
            "Anne chaired; fordash.")
    assert values(find_leaks(text, rules)) == []


@pytest.mark.parametrize("written", [
    "Ash Ford", "Ash-Ford", "Ash  Ford", "Ash\nFord", "Ash<b>Ford", "Ash**Ford", "Ash&nbsp;Ford", "ash.ford",
    "ash_ford", "Ash%20Ford", "AshFord", "Ford, Ash", "Ford,Ash", "A. Ford", "A.Ford", "AFord", "Ms Ford",
    "Ms.Ford", "Ash F.",
])
def test_a_two_word_name_is_found_with_anything_between_its_words(written: str) -> None:
    """Spaces, dashes, tags, emphasis, what joins words in addresses and file names, or a capital
    starting the next word ('AshFord.docx'): each keeps the words of 'Ash Ford' apart."""
    text = f"The notes were written by {written} after the meeting."
    assert found_names(text, "Ash Ford", person("role")) == [written]


def test_apostrophes_in_names_match_either_kind() -> None:
    assert found_names("Ask Sean O\u2019Brien", "Sean O'Brien", person("role")) == ["Sean O\u2019Brien"]


def test_someone_shown_by_initials_may_appear_only_as_initials() -> None:
    who = person("initials", initials="J. S.")
    text = "J. S. came. Jane S. came. J. Smith came. Jane Smith came."
    assert found_names(text, "Jane Smith", who) == ["Jane S.", "J. Smith", "Jane Smith"]


def test_a_name_is_found_last_name_first_and_after_a_title() -> None:
    text = "Smith, Jane came, then SMITH Jane, then Ms Smith, Dr. Smith and mrs smith. Smith alone is a word."
    assert found_names(text, "Jane Smith", person("role")) == [
        "Smith, Jane", "SMITH Jane", "Ms Smith", "Dr. Smith", "mrs smith"]


def test_a_form_is_allowed_only_when_it_shows_no_more_of_any_part_of_the_name() -> None:
    """'Jane S.' agreed to: her last name is hers to keep, however it is written."""
    text = "Jane S. came. J. S. came. J. Smith came. Ms Smith came. Smith, Jane came."
    assert found_names(text, "Jane Smith", person("name", name="Jane S.")) == [
        "J. Smith", "Ms Smith", "Smith, Jane"]
    assert found_names(text, "Jane Smith", person("name", name="J. Smith")) == ["Jane S.", "Smith, Jane"]
    assert found_names(text, "Jane Smith", person("name", name="Jane Smith")) == []


def test_someone_shown_by_role_may_not_appear_even_as_initials() -> None:
    assert found_names("J. S. came, e.g. to talk.", "Jane Smith", person("role")) == ["J. S."]


def test_someone_else_with_the_same_initials_is_not_a_leak() -> None:
    assert found_names("J. S. came.", "Jane Smith", person("role"), others=("J. S.",)) == []


def test_a_named_person_may_appear_as_named_but_not_by_their_full_name() -> None:
    who = person("name", name="Amina K.")
    assert found_names("Amina K. and Amina Khan", "Amina Khan", who) == ["Amina Khan"]


LEAK_SAMPLES = [
    "", "p01", "2025-03-14", "0770090012", "07700 900123", "+44 7700 900123", "943 476 5919",
    "SW1A 1AA", "jo@gmail.com", "team@example.org", "at SW1A 1AA ring 0161 496 0123 or p02",
    "\u0660\u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663", "12345678", "Jane Smith, p01-x, xp01",
    "GIR 0AA and gir 0aa", "SW1A1AA, sw1a 1aa, EC1A 1BB.", "07700-900-123", "+1 415 555 0100",
    "+33 1 42 68 53", "NHS no. 123 456 7890", "m1 1ae",
]


@pytest.mark.parametrize("text", LEAK_SAMPLES)
def test_find_leaks_skips_only_detectors_that_cannot_find_anything(text: str) -> None:
    """find_leaks leaves out detectors by counting digits and '@': every detector run must agree."""
    names = {"p01": forbidden_name_forms("Jane Smith", person("role"))}
    rules = PrivacyRules(frozenset({"team@example.org"}), ("p01", "p02"), names)
    everything = sorted([*find_emails(text, rules.allowed_emails), *find_phone_numbers(text),
                         *find_nhs_numbers(text), *find_postcodes(text),
                         *find_real_names(text, rules.name_patterns),
                         *find_person_ids(text, rules.person_ids)], key=lambda f: (f.start, f.kind))
    assert find_leaks(text, rules) == everything


def test_the_register_must_be_readable_when_set(tmp_path: Path) -> None:
    assert read_register(tmp_path / "missing.yml")[1][0].message == (
        "could not be read. Check the path in COPROD_PRIVATE_REGISTER, or unset it.")
    shape = ("should have one line per person, like 'p01: Jane Smith'. For someone known by more than one "
             "name, list them all in square brackets, like 'p01: [Samantha Patel, Sam Patel]'.")
    (tmp_path / "list.yml").write_text("- Jane Smith\n")
    assert read_register(tmp_path / "list.yml")[1][0].message == shape
    (tmp_path / "nested.yml").write_text("p04: [Jane Smith, [Jane Jones]]\n")
    assert read_register(tmp_path / "nested.yml")[1][0].message == shape
    (tmp_path / "unreadable.yml").write_text("p04: [Jane Smith\n")
    assert read_register(tmp_path / "unreadable.yml")[1][0].message == f"cannot be read. It {shape}"
    (tmp_path / "ok.yml").write_text("p04: Jane Smith\n")
    assert read_register(tmp_path / "ok.yml") == ({"p04": "Jane Smith"}, [])


def register_rules(tmp_path: Path, register: str, people: dict[str, Person] | None = None) -> PrivacyRules:
    (tmp_path / "register.yml").write_text(register, encoding="utf-8")
    names, problems = read_register(tmp_path / "register.yml")
    assert problems == []
    return rules_for(Group(people=people or {}), names)


def found_in(text: str, rules: PrivacyRules) -> list[tuple[str | None, str]]:
    return [(f.person, f.value) for f in find_leaks(text, rules)]


def test_a_register_name_written_surname_first_or_with_a_title_is_found_as_sentences_write_it(
        tmp_path: Path) -> None:
    """A register typed like a contact list ('Patel, Sam', 'Mrs Dana Okafor') found only that exact
    string: 'Sam Patel' in a summary went through."""
    rules = register_rules(tmp_path, 'p07: "Patel, Sam"\np04: Mrs Dana Okafor\np05: Dr. Lee Chan\n'
                                     "p06: Prof Ayo Bello\np08: Dr Kaur\n")
    text = ("Sam Patel and Dana Okafor led the session. Dr. Lee Chan thanked Mrs Okafor, and "
            "Ayo Bello sent apologies; Dr Kaur will reply.")
    assert found_in(text, rules) == [("p07", "Sam Patel"), ("p04", "Dana Okafor"), ("p05", "Lee Chan"),
                                     ("p04", "Mrs Okafor"), ("p06", "Ayo Bello"), ("p08", "Dr Kaur")]


def test_a_register_entry_may_list_every_name_a_person_goes_by(tmp_path: Path) -> None:
    """A nickname or a maiden name is as much the person's name as the full one."""
    rules = register_rules(tmp_path, "p07: [Samantha Patel, Sam Patel, Sam Jones]\n")
    text = "Samantha Patel opened the meeting, Sam Patel closed it and Sam Jones wrote it up."
    assert found_in(text, rules) == [("p07", "Samantha Patel"), ("p07", "Sam Patel"), ("p07", "Sam Jones")]


def test_a_form_one_of_a_persons_names_allows_is_allowed_for_all_of_them(tmp_path: Path) -> None:
    """Shown as 'Sam P.', the initials 'S. P.' show no more of Samantha Patel either."""
    rules = register_rules(tmp_path, "p07: [Samantha Patel, Sam Patel]\n",
                           {"p07": person("name", name="Sam P.").model_copy(update={"id": "p07"})})
    text = "Sam P. (S. P. in the register of attendance) chaired. Samantha Patel and S. Patel did not."
    assert found_in(text, rules) == [("p07", "Samantha Patel"), ("p07", "S. Patel")]


# --- the source check ----------------------------------------------------------------


LEAKY_MEETING = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
    "venue: Library (step-free)", "venue: Library, M1 1AE").replace(
    "We met for the first time.",
    "We met for the first time. Ring 07700 900123 or write to jo@gmail.com.\n"
    "Ask p04 about 943 476 5919. [[p01]] said hello, and so did [[p99]].\n"
    "Jane\n*Smith* came too.")


def test_check_reports_every_leak_with_file_and_line(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-01-10-first-meeting.md": LEAKY_MEETING})
    (tmp_path / "register.yml").write_text("p04: Jane Smith\np01: Amina Khan\n")
    monkeypatch.setenv("COPROD_PRIVATE_REGISTER", str(tmp_path / "register.yml"))
    _, _, problems = check_folder(root)
    found = [str(p) for p in problems if p.path.endswith("first-meeting.md") and p.is_error]
    where = "content/meetings/2025-01-10-first-meeting.md"
    assert found == [
        (f"{where}, line 7: has a full postcode (M1\u2026). Full postcodes are never published: "
        "give the place's name, or just the first half."),
        f"{where}, line 34: has a phone number (0770\u2026). Phone numbers are never published.",
        (f"{where}, line 34: has an email address (jo@g\u2026). Only the group's contact address "
        "in project.yml may be published."),
        f"{where}, line 35: has an NHS number (943 \u2026). NHS numbers are never published.",
        (f"{where}, line 35: has the id 'p04' of the person shown as 'a member'. Ids are only for "
        "linking records: write [[p04]] to show the person as they agreed "
        "(not inside `code`, where it is shown as typed)."),
        (f"{where}, line 35: mentions [[p99]], but nobody in people.yml has that id. Check the id, "
        "or add the person."),
        (f"{where}, line 36: has the real name of the person shown as 'a member' (register entry "
        "p04). This person has not agreed to be named like this: write [[p04]] instead."),
    ]


def test_ids_in_fields_that_hold_ids_are_fine(group_dir: Path) -> None:
    _, _, problems = check_folder(group_dir)
    assert [p for p in problems if "id '" in p.message] == []


def test_an_id_in_a_published_text_field_is_reported(group_dir: Path) -> None:
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "what: Send the charter to everyone", "what: p02 sends the charter to everyone")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "id '" in p.message] == [
        ("content/meetings/2025-01-10-first-meeting.md, line 27: has the id 'p02' of the person "
        "shown as 'F. H.'. Ids are only for linking records: write [[p02]] to show the person as "
        "they agreed (not inside `code`, where it is shown as typed).")]


def test_a_mention_inside_code_is_shown_as_typed_so_its_id_is_reported(group_dir: Path) -> None:
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"]
    meeting = meeting.replace("We met for the first time.", "We met for the first time. [[p02]] came.\n\n"
                              "Write `[[p03]]` to mention someone.")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    _, _, problems = check_folder(group_dir)
    reported = [str(p) for p in problems if "id '" in p.message]
    assert len(reported) == 1 and "has the id 'p03' of the person" in reported[0]
    assert "not inside `code`" in reported[0]


def test_a_record_written_as_a_mention_is_told_how_to_link_to_it(group_dir: Path) -> None:
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time, and agreed [[D-001]].")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    _, _, problems = check_folder(group_dir)
    assert [p.message for p in problems if "mentions" in p.message] == [
        ("mentions [[D-001]], but nobody in people.yml has that id. [[...]] is for people. To link to "
        "D-001, write [D-001](../decisions/D-001-own-words.md).")]


def test_a_link_whose_words_are_in_brackets_is_a_link_not_a_mention(group_dir: Path) -> None:
    """Minutes copied from elsewhere write `[[Zulip]](address)`: Markdown's link to "[Zulip]",
    not a person nobody knows. A person's id there is still a mention, and never shown."""
    meeting = FILES["content/meetings/2025-01-10-first-meeting.md"].replace(
        "We met for the first time.", "We met for the first time. Talked over on [[Zulip]](https://chat.example/t) "
        "and in [[Notes]][n], with [[p02]](the chair).\n\n[n]: https://notes.example/")
    write_files(group_dir, {"content/meetings/2025-01-10-first-meeting.md": meeting})
    _, _, problems = check_folder(group_dir)
    assert [p.message for p in problems if "[[" in p.message] == []
    assert resolve_people("On [[Zulip]](https://chat.example/t) and [[P02]](the chair) [[Notes]][n].", PEOPLE) == (
        "On [[Zulip]](https://chat.example/t) and F. H.(the chair) [[Notes]][n].")


@pytest.mark.parametrize("word", ["may", "people", "search"])
def test_an_id_that_is_a_word_of_the_sites_own_pages_is_an_error_at_its_line(group_dir: Path, word: str) -> None:
    """'may' is in 'It may be mistyped', 'people' in the menu, 'search' in the theme's markup: a
    build would find the id on every page, with nothing in the records to change. A name is fine."""
    people = FILES["content/people.yml"].replace("id: p04", f"id: {word}").replace("id: p05", "id: jo")
    write_files(group_dir, {"content/people.yml": people})
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "everyday word" in p.message] == [
        (f"content/people.yml, line 23: the id '{word}' is also a word of this site's own pages, so no build "
        "can keep it out of the site, where ids never appear. Give this person an id that is not an everyday "
        "word, like p07, and use it in the records.")]


def test_an_id_that_is_a_word_people_yml_shows_is_told_to_change_there(group_dir: Path) -> None:
    """A role is shown on the site as written: writing [[buddy]] there would not show it, so the
    id is what has to change."""
    files = {name: text.replace("p05", "buddy") for name, text in FILES.items()}
    files["content/people.yml"] = files["content/people.yml"].replace(
        "roles: [member]\n    show_as: pseudonym", "roles: [member, buddy]\n    show_as: pseudonym")
    write_files(group_dir, files)
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "'buddy'" in p.message] == [
        ("content/people.yml, line 19: has the id 'buddy' of the person shown as 'a co-chair', and what "
         "people.yml says here is shown on the site, where ids never appear. Give that person an id that is "
         "not a word people.yml uses, like p07, and use it in the records.")]


def test_a_glossary_term_or_an_old_id_that_holds_an_id_is_reported_at_its_line(group_dir: Path) -> None:
    """A glossary's terms are shown as its explanations are; an old id is an address of the site."""
    decision = FILES["content/decisions/D-001-own-words.md"].replace(
        "title: Use our own words in leaflets", "title: Use our own words in leaflets\nold_ids: [D-000, p04-words]")
    write_files(group_dir, {"content/glossary.yml": "PPI: Patient and public involvement.\np03: A name.\n",
                            "content/decisions/D-001-own-words.md": decision})
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "'p0" in p.message] == [
        ("content/decisions/D-001-own-words.md, line 3: 'old_ids' has 'p04', the id of the person shown as "
         "'a member', and each old id stays an address of the site. Take it out: links to that address will stop "
         "working, and it will not be published."),
        ("content/glossary.yml, line 2: has the id 'p03' of the person shown as 'Sky'. Ids are only for linking "
         "records: write [[p03]] to show the person as they agreed (not inside `code`, where it is shown as typed).")]


def test_a_file_name_that_holds_an_id_is_reported(group_dir: Path) -> None:
    """A meeting's or page's file name becomes its address: an id between its dashes is published."""
    old, new = "content/meetings/2025-02-14-leaflets.md", "content/meetings/2025-02-14-p03-leaflets.md"
    (group_dir / old).rename(group_dir / new)
    for path in (group_dir / "content").rglob("*.md"):
        path.write_text(path.read_text().replace("2025-02-14-leaflets", "2025-02-14-p03-leaflets"))
    write_files(group_dir, {"content/p02-notes.md": "# Notes\n\nSome notes.\n"})
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "in its name" in p.message] == [
        (f"{new}: has 'p03', the id of the person shown as 'Sky', in its name, which becomes the meeting's "
         "address on the site. Rename the file and change the ids and links that refer to it (the check tells "
         "you where). Do not put the old id in 'old_ids:', which would keep the old address on the site."),
        ("content/p02-notes.md: has 'p02', the id of the person shown as 'F. H.', in its name, which becomes "
         "the page's address on the site. Rename the file and change the links to it (the check tells you "
         "where)."),
    ]


def test_a_file_name_that_holds_a_register_name_is_reported_by_check_and_guard(
        group_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'fatima-rahman' in a file name is 'Fatima Rahman' in the page's address: the words that
    dashes join are read as words."""
    (tmp_path / "register.yml").write_text("p04: Fatima Rahman\n")
    monkeypatch.setenv("COPROD_PRIVATE_REGISTER", str(tmp_path / "register.yml"))
    write_files(group_dir, {"content/fatima-rahman-farewell.md": "# Farewell\n\nThank you.\n"})
    group, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "in its name" in p.message] == [
        ("content/fatima-rahman-farewell.md: has the real name of the person shown as 'a member' (register "
         "entry p04) in its name, which becomes the page's address on the site. Rename the file and change "
         "the links to it (the check tells you where).")]
    site = write_files(group_dir / "fake-site", {"fatima-rahman-farewell/index.html": "<p>Thank you.</p>",
                                                 "assets/f-rahman.jpg": "x"})
    rules = rules_for(group, {"p04": "Fatima Rahman"})
    assert [str(p) for p in guard_site(site, rules, [])] == [
        ("the built site's assets/f-rahman.jpg: the real name of the person shown as 'a member' (register "
         "entry p04) would be published in the address /assets/f-rahman.jpg. Rename the file it comes from."),
        ("the built site's fatima-rahman-farewell/index.html: the real name of the person shown as 'a member' "
         "(register entry p04) would be published in the address /fatima-rahman-farewell/. Rename the file "
         "it comes from.")]


def test_a_register_name_in_the_contact_address_is_reported_at_its_line(
        group_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The contact address is printed on every page: a person's own address names them there."""
    (tmp_path / "register.yml").write_text("p04: Daniel Okafor\n")
    monkeypatch.setenv("COPROD_PRIVATE_REGISTER", str(tmp_path / "register.yml"))
    write_files(group_dir, {"content/project.yml": FILES["content/project.yml"].replace(
        "email: team@example.org", "email: daniel.okafor@carerscentre.org.uk")})
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if p.path == "content/project.yml"] == [
        ("content/project.yml, line 8: has the real name of the person shown as 'a member' (register entry p04) "
         "in a contact address, which every page of the site shows. Give a shared mailbox that names nobody "
         "instead, like team@example.org.")]


def test_a_register_kept_inside_the_group_folder_is_a_warning(group_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(group_dir, {"private/register.yml": "p04: Fatima Rahman\n"})
    monkeypatch.setenv("COPROD_PRIVATE_REGISTER", str(group_dir / "private/register.yml"))
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "register" in p.path] == [
        ("warning: the private register (COPROD_PRIVATE_REGISTER): is private/register.yml, inside the group's "
        "folder, where it could be committed and published with everyone's real names. Move it outside the "
        "group's folder and set COPROD_PRIVATE_REGISTER to its new place.")]


def test_a_name_in_both_the_register_and_people_yml_is_one_finding() -> None:
    group = Group(people={"p09": person("role", name="Amina K.")})
    rules = rules_for(group, {"p09": "Amina Khan"})
    assert [(f.kind, f.value) for f in find_leaks("Thanks to Amina K. and to Amina Khan.", rules)] == [
        ("real_name", "Amina K."), ("real_name", "Amina Khan")]
    assert [(f.kind, f.value) for f in find_leaks("Thanks to Amina K.", rules_for(group))] == [
        ("withheld_name", "Amina K.")]


# --- mentions and quotes -------------------------------------------------------------


PEOPLE = {
    "p01": person("name", name="Amina K.", quotes=True),
    "p02": person("initials", initials="F. H.", roles=["facilitator"]),
    "p03": person("pseudonym", pseudonym="Sky*", quotes=True),
    "p04": person("role"),
}


def test_a_mention_shows_the_person_as_they_agreed() -> None:
    text = "[[p01]], [[ p02 ]], [[p03]], [[P04]] and [[p99]] came."
    assert resolve_people(text, PEOPLE) == "Amina K., F. H., Sky\\*, a member and a member came."


@pytest.mark.parametrize(("typed", "shown"), [
    ("[[p04]] suggested a map. [[p04]] and [[p01]] agreed.", "A member suggested a map. A member and Amina K. agreed."),
    ("We met.\n[[p04]] said hi, as\n[[p04]] had before.", "We met.\nA member said hi, as\na member had before."),
    ("- [[p04]] will write\n- and [[p04]] will read", "- A member will write\n- and a member will read"),
    ("> **[[p04]]** asked why. Why? [[p04]] asked, e.g. [[p04]].",
     "> **A member** asked why. Why? A member asked, e.g. a member."),
    ("[[p03]] came. [[p02]] too.", "Sky\\* came. F. H. too."),
], ids=["after a full stop", "lines wrapped", "list items", "quoted and emphasised", "names as chosen"])
def test_a_person_shown_by_role_starts_a_sentence_with_a_capital(typed: str, shown: str) -> None:
    """"a member suggested a map. a member and..." read as a mistake; a name, initials or a
    pseudonym stay exactly as the person chose them."""
    assert resolve_people(typed, PEOPLE) == shown


def test_a_quote_is_attributed_by_name_only_with_consent_to_quotes() -> None:
    text = "> I felt heard.\n> \u2014 [[p01]]\n\n> Me too.\n> -- [[p02]]\n\n> And me.\n>- [[p04]]\n"
    assert resolve_people(text, PEOPLE) == (
        "> I felt heard.\n>\n> \u2014 Amina K.\n\n> Me too.\n>\n> \u2014 a facilitator\n\n"
        "> And me.\n>\n>\u2014 a member\n")


@pytest.mark.parametrize(("typed", "shown"), [
    ("> I felt heard.\n> \u2014 [[p03]], young member\n", "> I felt heard.\n>\n> \u2014 a member, young member\n"),
    ("> I felt heard.\n> \u2014 [[p03]].\n", "> I felt heard.\n>\n> \u2014 a member.\n"),
    ("> I felt heard.\n> \u2015 [[p03]]\n", "> I felt heard.\n>\n> \u2014 a member\n"),
    ("> I felt heard.\n\u2014 [[p03]]\n", "> I felt heard.\n>\n> \u2014 a member\n"),
    ("> We did it.\n> \u2014 [[p01]] and [[p03]]\n", "> We did it.\n>\n> \u2014 Amina K. and a member\n"),
], ids=["words-after", "full-stop", "horizontal-bar", "line-after-the-quote", "two-people"])
def test_a_quote_attributed_in_other_ways_still_follows_consent_to_quotes(typed: str, shown: str) -> None:
    """p03 is shown by a pseudonym but said no to quotes: however the attribution is typed, the
    quote is not put to their pseudonym."""
    people = {**PEOPLE, "p03": person("pseudonym", pseudonym="Sky*", quotes=False)}
    assert resolve_people(typed, people) == shown


@pytest.mark.parametrize(("typed", "shown"), [
    ("\"We need more chairs,\" said [[p03]].", "\"We need more chairs,\" said a member."),
    ("\u201cWe need chairs\u201d, [[p03]] told us.", "\u201cWe need chairs\u201d, a member told us."),
    ("Then [[p03]] said: \u201cNobody asked us.\u201d", "Then a member said: \u201cNobody asked us.\u201d"),
    ("[[p03]]: \"No.\"", "A member: \"No.\""),
    ("[[p03]] said we should meet, and [[p01]] said \"yes\".",
     "Sky\\* said we should meet, and Amina K. said \"yes\"."),
    ("> I love the map. \u2014 [[p03]]", "> I love the map. \u2014 a member"),
    ("> \"I love the map.\" [[p03]]", "> \"I love the map.\" A member"),
    ("\u201cI love it\u201d -- [[p03]], at the end.", "\u201cI love it\u201d -- a member, at the end."),
    ("> We need bigger links - [[p03]]", "> We need bigger links - a member"),
    ("> We need bigger links.\n>\n> [[p03]]", "> We need bigger links.\n>\n> A member"),
    ("\"We need bigger links\" ([[p03]])", "\"We need bigger links\" (a member)"),
    ("[[p03]]: We need bigger links.", "A member: We need bigger links."),
    ("\"We need bigger links,\" says young member [[p03]].", "\"We need bigger links,\" says young member a member."),
    ("> [[p03]] told us the clinic moved.", "> Sky\\* told us the clinic moved."),
], ids=["said-after", "told-us-after", "said-before", "colon", "reported-speech-is-a-mention",
        "quoted-and-credited-on-one-line", "credited-after-the-quote-marks", "credited-after-a-dash",
        "credited-after-a-hyphen", "credited-alone-at-the-end-of-a-quote", "credited-in-brackets",
        "a-transcript", "said-and-a-role", "a-quote-that-mentions-someone"])
def test_a_quote_in_running_text_follows_consent_to_quotes(typed: str, shown: str) -> None:
    """p03 is shown by a pseudonym but said no to quotes; p01 said yes. Quote marks next to
    the speaking make it a quote; without them it is what someone said, a mention."""
    people = {**PEOPLE, "p03": person("pseudonym", pseudonym="Sky*", quotes=False)}
    assert resolve_people(typed, people) == shown


@pytest.mark.parametrize(("typed", "shown"), [
    ("\"Roedd hi'n anodd,\" meddai [[p03]].", "\"Roedd hi'n anodd,\" meddai a member."),
    ("\u201cMae angen mwy o gadeiriau\u201d, dywedodd ein cadeirydd [[p03]].",
     "\u201cMae angen mwy o gadeiriau\u201d, dywedodd ein cadeirydd a member."),
    ("\"Roedd hi'n anodd,\" [[p03]] yn dweud.", "\"Roedd hi'n anodd,\" a member yn dweud."),
    ("Diolch i [[p03]] am y cyfarfod.", "Diolch i Sky\\* am y cyfarfod."),
], ids=["said-after", "said-and-a-role", "said-before-the-verb", "a-mention"])
def test_a_quote_in_another_language_follows_consent_to_quotes(typed: str, shown: str) -> None:
    """A Welsh group's words of speaking ('meddai', 'dywedodd') are none of the English ones that
    made a mention a quote: Sky, who said no to quotes, was named after her words. In a group
    not writing in English any word may stand for them; a mention with no quote is a mention."""
    people = {**PEOPLE, "p03": person("pseudonym", pseudonym="Sky*", quotes=False)}
    assert resolve_people(typed, people, in_english=False) == shown


def test_a_quote_put_to_a_typed_name_in_another_language_needs_consent_to_quotes(group_dir: Path) -> None:
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    project = FILES["content/project.yml"].replace("language: en-GB", "language: cy")
    write_files(group_dir, {meeting: FILES[meeting] + "\n\"Mae angen mwy o gadeiriau,\" meddai Sky.\n",
                            "content/project.yml": project})
    _, _, problems = check_folder(group_dir)
    assert [str(p) for p in problems if "quote" in p.message and p.is_error] == [
        (f"{meeting}, line 36: puts a quote to Sky, who has not agreed to be quoted ('quotes' in people.yml). "
         "Write [[p03]] in place of the name, to show who said it as they agreed, or take the name out.")]


def test_a_quote_put_to_a_typed_name_needs_consent_to_quotes(group_dir: Path) -> None:
    """Sky (p03) and F. H. (p02) are shown by pseudonym and initials but said no to quotes:
    writing their public form after a quote, as a writer who has never seen [[id]] would, puts
    the quote to them all the same. Amina K. (p01) said yes; Sky is only mentioned in the end, and
    F. H. given a job to do."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    text = FILES[meeting] + ("\n> Nobody told me the clinic had moved.\n> \u2014 Sky\n\n"
                             "\"We need more chairs,\" said F. H. at the end.\n\n"
                             "> I felt heard.\n> \u2014 Amina K.\n\n"
                             "Sky said we should meet again, and Amina K. agreed.\n\n"
                             "- F. H.: send the charter to everyone.\n")
    write_files(group_dir, {meeting: text})
    _, _, problems = check_folder(group_dir)
    found = [str(p) for p in problems if "quote" in p.message and p.is_error]
    assert found == [
        (f"{meeting}, line 37: puts a quote to Sky, who has not agreed to be quoted ('quotes' in people.yml). "
         "Write [[p03]] in place of the name, to show who said it as they agreed, or take the name out."),
        (f"{meeting}, line 39: puts a quote to F. H., who has not agreed to be quoted ('quotes' in people.yml). "
         "Write [[p02]] in place of the name, to show who said it as they agreed, or take the name out."),
    ]


@pytest.mark.parametrize("attribution", ["\u2014 SKY", "\u2014 sky", "\u2014 F.H.", "\u2014 F H"],
                         ids=["capitals", "small-letters", "initials-without-spaces", "initials-without-dots"])
def test_a_quote_put_to_a_public_form_typed_otherwise_needs_consent_to_quotes(group_dir: Path,
                                                                             attribution: str) -> None:
    """A name typed in capitals or small letters, or initials typed with their spaces or dots
    left out, still put the quote to Sky (p03) or F. H. (p02), who said no to quotes."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    write_files(group_dir, {meeting: FILES[meeting] + f"\n> Nobody told me the clinic had moved.\n> {attribution}\n"})
    _, _, problems = check_folder(group_dir)
    found = [str(p) for p in problems if "quote" in p.message and p.is_error]
    who, person = ("F. H.", "p02") if "F" in attribution else ("Sky", "p03")
    assert found == [(f"{meeting}, line 37: puts a quote to {who}, who has not agreed to be quoted ('quotes' in "
                      f"people.yml). Write [[{person}]] in place of the name, to show who said it as they agreed, "
                      "or take the name out.")]


def test_a_quote_put_to_a_typed_name_in_a_records_field_stops_the_build(group_dir: Path) -> None:
    """'You said, we did' is where quotes go: a quote in a decision's outcome note, put to Sky
    (p03), who said no to quotes, stops the build as it would in the record's text."""
    decision = "content/decisions/D-001-own-words.md"
    quoted = "outcome_note: '\"We love the new leaflets,\" said Sky.'"
    write_files(group_dir, {decision: FILES[decision].replace("outcome_note: The leaflets now use our words.", quoted)})
    result = mkdocs_build(group_dir, "--strict")
    assert result.returncode != 0
    assert (f"{decision}, line 9: puts a quote to Sky, who has not agreed to be quoted ('quotes' in people.yml). "
            "Write [[p03]] in place of the name, to show who said it as they agreed, or take the name out."
            ) in result.stderr
    assert "We love the new leaflets" not in "".join(
        path.read_text(encoding="utf-8", errors="replace") for path in (group_dir / "site").rglob("*.html"))


HELEN = """\
  - id: p06
    lived_experience: false
    roles: [outpatients manager]
    show_as: name
    name: Helen Marsh
    consent_recorded_on: 2025-01-10
"""


def test_a_quote_put_to_a_first_name_needs_consent_to_quotes(group_dir: Path) -> None:
    """Helen Marsh agreed to be named but not quoted: minutes call her Helen. A quote put to her
    first name is put to her, and told once where her whole name is typed. Her name said
    without a quote, and a first name two people in people.yml share, are not told."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    text = FILES[meeting] + ("\n\"This is the best room in the hospital,\" said Helen.\n\n"
                             "> We will fix the signs.\n> \u2014 Helen Marsh\n\n"
                             "Helen showed us the new signs.\n")
    write_files(group_dir, {meeting: text, "content/people.yml": FILES["content/people.yml"] + HELEN})
    found = [str(p) for p in check_folder(group_dir)[2] if "quote" in p.message]
    assert found == [
        (f"{meeting}, line 36: puts a quote to Helen (Helen Marsh), who has not agreed to be quoted ('quotes' in "
         "people.yml). Write [[p06]] in place of the name, to show who said it as they agreed, or take the name out."),
        (f"{meeting}, line 39: puts a quote to Helen Marsh, who has not agreed to be quoted ('quotes' in "
         "people.yml). Write [[p06]] in place of the name, to show who said it as they agreed, or take the name out."),
    ]
    another_helen = HELEN.replace("p06", "p07").replace("Marsh", "Cho")
    write_files(group_dir, {"content/people.yml": FILES["content/people.yml"] + HELEN + another_helen})
    assert [str(p) for p in check_folder(group_dir)[2] if "quote" in p.message] == found[1:]


def test_a_list_or_a_dash_that_does_not_follow_a_quote_is_a_mention() -> None:
    text = "> A quote.\n\n- [[p03]] will write.\n\n\u2014 [[p03]] too\n\nWe met.\n\u2014 [[p03]]\n"
    assert resolve_people(text, PEOPLE) == (
        "> A quote.\n\n- Sky\\* will write.\n\n\u2014 Sky\\* too\n\nWe met.\n\u2014 Sky\\*\n")


def test_a_number_a_line_break_cuts_in_two_is_found_at_its_first_line(tmp_path: Path) -> None:
    """Markdown shows a paragraph's lines as one: '07700' at the end of a line and '900123' at the
    start of the next is a phone number on the page (and in a picture's alt text)."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = FILES[meeting] + ("\n![The poster. It says: text Jo on 07700\n900123, or come to Mill Lane M6\n5JA](x.png)\n\n"
                             "> Her NHS number is 943\n> 476 5919.\n\nWe met 12 times\n2024 was busy.\n")
    root = write_files(tmp_path, {**FILES, meeting: text})
    _, _, problems = check_folder(root)
    found = [(p.line, p.message.split(" (")[0].split(":")[0]) for p in problems if p.path == meeting and p.is_error]
    assert [line for line, _ in found] == [24, 25, 28], found


def test_a_value_repeated_in_an_id_field_and_a_text_field_is_judged_in_each() -> None:
    """check_privacy scans each field value once per group; an id is still fine only where ids belong."""
    source = Source("content/meetings/m.md", {"chairs": ["p02"], "agenda": ["p02", "p02"], "owner": "p02"},
                    lines={("chairs", 0): 3, ("agenda", 0): 4, ("agenda", 1): 5, ("owner",): 6})
    rules = PrivacyRules(person_ids=("p02",))
    seen: FieldFindings = {}
    first = scan_source(source, rules, seen)
    assert [line for line, _ in first] == [4, 5]
    assert scan_source(source, rules, seen) == first == scan_source(source, rules)


@pytest.mark.parametrize(("written", "meant"), [("chiars", "chairs"), ("attendees", "present")])
def test_a_misnamed_field_of_ids_is_an_ignored_field_not_a_privacy_problem(tmp_path: Path, written: str,
                                                                           meant: str) -> None:
    """`chiars: [p01]` or `attendees: [p01]` is told it is ignored (did you mean 'chairs'?), not to
    write [[p01]], which would not put it right."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    root = write_files(tmp_path, {**FILES, meeting: FILES[meeting].replace(f"{meant}:", f"{written}:")})
    messages = [str(p) for p in check_folder(root)[2] if written in str(p) or "'p01'" in str(p)]
    assert len(messages) == 1 and f"Did you mean '{meant}'?" in messages[0]


def test_contact_details_in_draft_minutes_are_a_warning_until_they_are_agreed(tmp_path: Path) -> None:
    """Draft minutes are published nowhere, so a phone number noted in them does not stop the
    site being built; the facilitator is told to take it out before the minutes are agreed,
    and once they are, it is an error."""
    from conftest import mkdocs_build

    draft = "content/meetings/2025-03-14-draft.md"
    noted = FILES[draft].replace("should never be published.", "should never be published. Ring Jo on 07700 900123.")
    root = write_files(tmp_path, {**FILES, draft: noted})
    problems = check_folder(root)[2]
    assert [(p.path, p.line, p.severity) for p in problems if "phone number" in p.message] == [(draft, 8, "warning")]
    assert "take it out before they are agreed" in next(p.message for p in problems if "phone number" in p.message)
    assert mkdocs_build(root).returncode == 0
    assert not [p for p in (root / "site").rglob("*") if p.is_file() and b"900123" in p.read_bytes()]

    write_files(root, {draft: noted.replace("status: draft", "status: agreed\n  agreed_on: 2025-03-20")})
    assert [(p.path, p.severity) for p in check_folder(root)[2] if "phone number" in p.message] == [(draft, "error")]


def test_an_address_or_number_written_with_character_references_is_found_by_check(tmp_path: Path) -> None:
    """'maya&#64;example.net' is an email address on the page: the build's guard found it and blamed
    the theme; `coprod check` now finds it, at its line, as it finds any other."""
    meeting = "content/meetings/2025-01-10-first-meeting.md"
    hidden = FILES[meeting].replace("We met for the first time.", "We met for the first time.\n\n"
                                    "Write to maya&#64;example.net today.\n\nOr ring 07700&nbsp;900123.\n\n"
                                    "Or [write](mailto:jo%40example.net).")
    root = write_files(tmp_path, {**FILES, meeting: hidden})
    lines = hidden.split("\n")
    at = [next(i for i, line in enumerate(lines, 1) if word in line) for word in ("&#64;", "&nbsp;", "%40")]
    found = [(p.line, p.message.split(" (")[0]) for p in check_folder(root)[2] if p.path == meeting and p.is_error]
    assert found == [(at[0], "has an email address"), (at[1], "has a phone number"), (at[2], "has an email address")]


def test_an_email_or_number_in_mkdocs_yml_words_is_one_problem_at_its_line(tmp_path: Path) -> None:
    """Material prints site_description on every page: the build's guard said so once per page,
    blaming the theme. `coprod check` says it once, where it is written."""
    settings = FILES["mkdocs.yml"].replace("site_url:", "site_description: Call Jo on 07700 900123\nsite_url:")
    root = write_files(tmp_path, {**FILES, "mkdocs.yml": settings})
    found = [str(p) for p in check_folder(root)[2] if p.path == "mkdocs.yml"]
    assert len(found) == 1 and found[0].startswith("mkdocs.yml, line 2: 'site_description' has a phone number")


def test_page_addresses_that_would_change_stop_the_build(tmp_path: Path) -> None:
    """'use_directory_urls: false' moved every page (meetings/x.html), breaking shared links and QR codes."""
    from conftest import mkdocs_build

    root = write_files(tmp_path, {**FILES, "mkdocs.yml": FILES["mkdocs.yml"] + "use_directory_urls: false\n"})
    result = mkdocs_build(root)
    assert result.returncode != 0 and "'use_directory_urls: false' changes the address of every page" in result.stderr
    assert not (root / "site").exists()


def test_a_site_url_that_is_not_a_web_address_stops_the_build_at_its_line(tmp_path: Path) -> None:
    """Material prints site_url, unescaped, into every page's links: '"><script>' in it ran on
    every page."""
    from conftest import mkdocs_build

    settings = FILES["mkdocs.yml"].replace("site_url: https://example.org/test/",
                                           "site_url: 'https://example.org/g/\"><script>alert(1)</script>/'")
    root = write_files(tmp_path, {**FILES, "mkdocs.yml": settings})
    message = ("mkdocs.yml, line 2: 'site_url' should be the full web address where the site lives, like "
               "https://example.org/our-group/.")
    assert [str(p) for p in check_folder(root)[2] if p.path == "mkdocs.yml" and p.is_error] == [message]
    result = mkdocs_build(root)
    assert result.returncode != 0 and message in result.stderr
    assert not (root / "site").exists()


QUOTED_FORMS = ["Sky", "F. H.", "Leo B.", "Member 1 K.", "Kit"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*QUOTED_FORMS, "sky", "SKY", "F.H.", "f h", "FH", "leo  b", "\u0130", "\u0131",
                                 "\u017f", "\u212a", "k", "i", "t", "s", "y", "\u2014 ", "> ", "\"", ",", ".",
                                 " ", "\n", "x"]), max_size=12).map("".join))
@example("\"We waited,\" said \u017fky.")  # a long s, which a search in any case takes for s
@example("> \u2014 K\u0130T")  # a capital I with a dot
@example("F.h.: \"Yes\"")
def test_the_quick_look_for_names_misses_no_text_the_full_search_finds(text: str) -> None:
    """The quote check looks for names in small letters before it searches in any case: that
    first look may let through a text that names nobody, never hold back one that does."""
    if any(typed_name(form).search(text) for form in QUOTED_FORMS):
        assert _may_name(QUOTED_FORMS)(text)
