"""The privacy check: the leak guard's detectors, run on the records before anything is built.

Every record file is checked, drafts included: a phone number in a draft is
not published, but git keeps it for ever. Fields that hold people's ids
(`chairs: [p01]`) are the one place ids belong, so ids are looked for
everywhere else: text, titles and every other field.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import html
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

from ..charter_history import published_wordings
from ..loading import SAID_OTHERWISE
from ..mentions import (
    is_id,
    mentioned,
    person_id,
    quotes_put_to,
    spaced_form,
    typed_name,
    without_code,
    without_comments,
    without_mentions,
)
from ..privacy import (
    REGISTER_ENV,
    Finding,
    PrivacyRules,
    find_leaks,
    people_in_address,
    read_register,
    register_path,
    rules_for,
    shown_as,
    site_words,
)
from ..problems import Problem, Severity
from ..records import UNPUBLISHED_MINUTES, Group, Person
from ..settings import Settings
from ..site_config import line_of_setting, read_mkdocs_yml, site_url_problems
from ..sources import Source, SourceError, read_yaml_file, shown_path
from .consistency import MEETING_ROLES, given_twice_hint, nearest_person_hint, written_by_name_hint

PERSON_ID_FIELDS = frozenset({*MEETING_ROLES, "proposed_by", "owner"})
"""Fields whose values are people's ids (people.yml's own `id` is handled separately)."""

Located = tuple[int | None, Finding]
FieldFindings = dict[tuple[str, bool], list[Finding]]
"""Findings in field values already scanned, by value and whether ids were looked for."""


def check_privacy(group: Group, settings: Settings) -> Iterator[Problem]:
    """Every email, phone number, NHS number, postcode, id or real name the records would publish."""
    register, problems = read_register()
    yield from problems
    rules = rules_for(group, register)
    seen: FieldFindings = {}
    people_file = next((person.source.path for person in group.people.values()), None)
    project_file = group.project.source.path if group.project else None
    drafts = _drafts(group)
    for source in checked_sources(group, settings):
        for line, finding in scan_source(source, rules, seen):
            if finding.kind == "email" and group.project is None:
                continue  # which addresses may be shown is in project.yml, which could not be read
            if source.path == project_file and _in_contact_address(finding, rules):
                yield Problem(source.path, line, None, f"has {finding.described(rules.people)} in a contact "
                              "address, which every page of the site shows. Give a shared mailbox that names "
                              "nobody instead, like team@example.org.")
            elif finding.kind == "withheld_name" and source.path == people_file:
                yield Problem(source.path, line, None, f"keeps {finding.described(rules.people)}, who is not "
                              "shown by name. The names of people who have not agreed to be named stay out "
                              "of the records: take it out.", "warning")
            elif finding.kind == "person_id" and source.path == people_file:  # [[id]] is no help in a role
                yield Problem(source.path, line, None, f"has {finding.described(rules.people)}, and what "
                              "people.yml says here is shown on the site, where ids never appear. Give that "
                              "person an id that is not a word people.yml uses, like p07, and use it in the "
                              "records.")
            elif source.path in drafts:  # not published until agreed, when it is an error
                yield Problem(source.path, line, None, f"{privacy_message(finding, rules)} Draft minutes are "
                              "not published, but take it out before they are agreed: the records are "
                              "shared with everyone who can see them.", "warning")
            else:
                yield Problem(source.path, line, None, privacy_message(finding, rules), "error")


def _in_contact_address(finding: Finding, rules: PrivacyRules) -> bool:
    """Whether a name was found in one of the group's contact addresses ('daniel.okafor@...'),
    which the site may show, so the address itself has to change."""
    return (finding.kind in ("real_name", "withheld_name")
            and any(finding.value.lower() in address for address in rules.allowed_emails))


def _group_rules(group: Group) -> PrivacyRules:
    """The rules the group checks judge by (a register that cannot be read is check_privacy's
    to report)."""
    register, _ = read_register()
    return rules_for(group, register)


def check_register_place(group: Group, settings: Settings) -> Iterator[Problem]:
    """The register kept inside the group's folder would be committed with everyone's real names."""
    path, root = register_path(), Path(group.root)
    if path is not None and path.resolve().is_relative_to(root.resolve()):
        yield Problem(f"the private register ({REGISTER_ENV})", None, None,
                      f"is {shown_path(path.resolve(), root.resolve())}, inside the group's folder, where "
                      "it could be committed and published with everyone's real names. Move it outside "
                      f"the group's folder and set {REGISTER_ENV} to its new place.", "warning")


def check_mentions(group: Group, settings: Settings) -> Iterator[Problem]:
    """Every `[[id]]` in a record's text names a person in people.yml."""
    for source in checked_sources(group, settings):
        if "[[" not in source.body:  # no mentions, and blanking code cannot make one
            continue
        for offset, written in mentioned(source.body):
            by_id = is_id(written)
            if by_id and not group.names_nobody(person_id(written)):
                continue
            line = source.body_line + source.body.count("\n", 0, offset)
            nobody = "nobody in people.yml has that id" if by_id else "[[...]] takes a person's id"
            yield Problem(source.path, line, None,
                          f"mentions [[{written}]], but {nobody}. {_mention_hint(group, source, written)}")


def check_quotes(group: Group, settings: Settings) -> Iterator[Problem]:
    """No quote is put to someone who has not agreed to be quoted by their name, initials or
    pseudonym typed as it is ([[id]] would show them by role there, as they agreed), or by the
    first name of their name, in a record's text or in its fields (a decision's outcome note is
    where "you said" is quoted)."""
    forms = _quoted_forms(group)
    if not forms:
        return
    may_name = _may_name([form for _, form in forms])
    drafts = _drafts(group)
    for source in checked_sources(group, settings):
        if not may_name(source.all_words):  # most records: one look at all their words
            continue
        severity: Severity = "warning" if source.path in drafts else "error"
        for location, text in [((), source.body), *source.texts()]:
            if not may_name(text):
                continue
            for person, form, offset in _quotes_put_to_people(text, forms, not location, group.writes_in_english):
                line = source.line_of(*location) if location else source.body_line + text.count("\n", 0, offset)
                whose = form if form == person.public_name else f"{form} ({person.public_name})"
                yield Problem(source.path, line, None, f"puts a quote to {whose}, who has not "
                              "agreed to be quoted ('quotes' in people.yml). Write "
                              f"[[{person.id}]] in place of the name, to show who said it as they agreed, or "
                              "take the name out.", severity)


def _quoted_forms(group: Group) -> list[tuple[Person, str]]:
    """Each person shown by something personal who has not agreed to be quoted, with each form a
    writer may put a quote to them by: their public form, and the first name of a name nobody
    else's name in people.yml starts with ('Helen said' for Helen Marsh)."""
    unquoted = [person for person in group.people.values() if person.is_named and not person.quotes
                and person.public_name.strip()]
    if not unquoted:
        return []
    first_names = Counter(person.first_name for person in group.people.values())
    forms = [(person, person.public_name) for person in unquoted]
    forms += [(person, person.first_name) for person in unquoted
              if person.show_as == "name" and person.first_name and first_names[person.first_name] == 1]
    return forms


def _may_name(forms: list[str]) -> Callable[[str], bool]:
    """Whether a text may hold one of `forms` (people's public forms or first names), typed in any
    of the ways `typed_name` finds: false only where none of them can be. A search in any case for
    every name took 11 s over the texts of 10,000 records; looking for the names in small letters
    in the text in small letters, first anywhere, then standing alone, takes a fiftieth of that."""
    anywhere = re.compile("|".join(typed_name(form).pattern for form in forms))
    if not all(form.isascii() for form in forms):
        return lambda text: anywhere.search(text) is not None  # small letters differ in other alphabets
    lowered_forms = [spaced_form(form.lower()) for form in forms]
    inside_words = re.compile("|".join(lowered_forms))
    standing_alone = re.compile(rf"(?<!\w)(?:{'|'.join(lowered_forms)})(?!\w)")

    def may_name(text: str) -> bool:
        lowered = (text if text.isascii() else text.translate(_LATIN_IN_ANY_CASE)).lower()
        return (inside_words.search(lowered) is not None and standing_alone.search(lowered) is not None
                and anywhere.search(text) is not None)
    return may_name


_LATIN_IN_ANY_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
"""The letters outside ASCII that a search in any case takes for i and s, and `str.lower` does
not make them ('\u212a', the Kelvin sign, it makes k)."""


def _quotes_put_to_people(text: str, forms: list[tuple[Person, str]], is_body: bool,
                          in_english: bool) -> Iterator[tuple[Person, str, int]]:
    """Each person of `forms` a text puts a quote to by one of their forms, the form, and where."""
    named = [(person, form) for person, form in forms if typed_name(form).search(text)]
    if not named:
        return
    plain = without_comments(without_code(text)) if is_body else text
    told: set[tuple[str, int]] = set()  # 'Helen' in 'said Helen Marsh' is told as 'Helen Marsh'
    for person, form in named:
        for offset in quotes_put_to(plain, form, in_english):
            if (person.id, offset) not in told:
                told.add((person.id, offset))
                yield person, form, offset


def _mention_hint(group: Group, source: Source, written: str) -> str:
    """What to do about a mention of nobody: a record's id written as a mention wants a link."""
    candidates = (written, written.lower(), written.upper())  # meetings' ids are lower case, decisions' upper
    record_id = next((found for found in candidates if found in group.record_paths), None)
    if record_id is None:
        return written_by_name_hint(group, written, "[[{}]]") or nearest_person_hint(group, written) + \
            "Check the id, or add the person." + given_twice_hint(group, written)
    target = posixpath.relpath(group.record_paths[record_id], posixpath.dirname(source.path))
    return f"[[...]] is for people. To link to {record_id}, write [{record_id}]({target})."


def privacy_message(finding: Finding, rules: PrivacyRules) -> str:
    """'has a phone number (0770…). Phone numbers are never published.'"""
    return f"has {finding.described(rules.people)}. {finding.advice}"


def group_sources(group: Group, settings: Settings) -> list[Source]:
    """Every file the group's records were read from, each once, in path order."""
    records: list[Any] = [group.project, group.charter, *group.amendments.values(),
                          *group.meetings.values(), *group.decisions.values(), *group.reports.values()]
    sources = {record.source.path: record.source for record in records if record is not None}
    sources.update({source.path: source for source in group.pages.values()})
    people = next(iter(group.people.values()), None)
    if people is not None:
        sources[people.source.path] = people.source
    glossary = _glossary_source(group, settings)
    if glossary is not None:
        sources[glossary.path] = glossary
    return [sources[path] for path in sorted(sources)]


def checked_sources(group: Group, settings: Settings) -> list[Source]:
    """`group_sources`, and each file left out for mistakes in its front matter as far as it was
    read (its text, and the fields read around the mistakes): never published, but a phone
    number in a summary is heard in the same run as the mistake in its fields, not after."""
    sources = group_sources(group, settings)
    if not group.left_out:
        return sources
    return sorted([*sources, *group.left_out], key=lambda source: source.path)


def _drafts(group: Group) -> set[str]:
    """The files of meetings that are not published, where what must never be published is a
    warning until they are agreed: of a meeting left out for a YAML mistake, when the status of
    its minutes was read and says so."""
    drafts = {meeting.source.path for meeting in group.meetings.values() if not meeting.is_published}
    for source in group.left_out:
        minutes = source.meta.get("minutes")
        if isinstance(minutes, dict) and minutes.get("status") in UNPUBLISHED_MINUTES:
            drafts.add(source.path)
    return drafts


def _glossary_source(group: Group, settings: Settings) -> Source | None:
    """glossary.yml as read (the group keeps only its terms, not where they came from)."""
    root = Path(group.root)
    path = root / settings.content_dir / "glossary.yml"
    if not group.glossary or not path.is_file():
        return None
    try:
        return read_yaml_file(path, shown_path(path, root))
    except SourceError:
        return None


def scan_source(source: Source, rules: PrivacyRules, seen: FieldFindings | None = None) -> list[Located]:
    """Every finding in one file, with its line: each field, then the body.

    Pass the same `seen` for every file of a group: field values repeat from
    record to record (statuses, dates, people's ids, formats), and each is
    scanned once.
    """
    found: list[Located] = []
    seen = {} if seen is None else seen
    if posixpath.basename(source.path) == "glossary.yml":  # its terms are shown, as its explanations are
        for term in source.meta:
            _scan_value(source, str(term), (term,), False, rules, seen, found)
    _scan_value(source, source.meta, (), False, rules, seen, found)
    found += _scan_body(source, rules)
    return found


def _scan_value(source: Source, value: Any, location: tuple[str | int, ...], holds_ids: bool,
                rules: PrivacyRules, seen: FieldFindings, found: list[Located]) -> None:
    """Add the findings in `value` and everything inside it to `found`, in reading order.

    `holds_ids` says whether `location` is a field of people's ids: it changes
    only at a field's name, so list items take it from their list. (A walk of its own, not
    `Source.texts`: working out `holds_ids` from each whole location, and the generator, made
    this check twice as slow on 10,000 records.)
    """
    if isinstance(value, str):
        findings = seen.get((value, not holds_ids))
        if findings is None:
            findings = seen[value, not holds_ids] = find_leaks(value, rules, ids=not holds_ids)
        if findings:
            line = source.line_of(*location)
            found += ((line, finding) for finding in findings)
    elif isinstance(value, dict):
        for key, item in value.items():
            _scan_value(source, item, (*location, key), _holds_person_ids(location, key), rules, seen, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _scan_value(source, item, (*location, index), holds_ids, rules, seen, found)


def _holds_person_ids(parent: tuple[str | int, ...], key: str) -> bool:
    """Whether the field `key` inside `parent` holds people's ids (people.yml's own `id` included,
    and a misspelt or other name of such a field, `chiars:` or `attendees:`, reported as a
    field that is ignored)."""
    if key in PERSON_ID_FIELDS or _misspelt_id_field(key):
        return True
    return key == "id" and [part for part in parent if isinstance(part, str)] == ["people"]


@functools.cache
def _misspelt_id_field(key: str) -> bool:
    """`chiars`, or a name people write for a field of ids (`attendees`, `who`): the warning
    that it is ignored says which field was meant; being told to write [[p01]] would mislead."""
    return (SAID_OTHERWISE.get(key) in PERSON_ID_FIELDS
            or bool(difflib.get_close_matches(key, PERSON_ID_FIELDS, n=1, cutoff=0.8)))


def _scan_body(source: Source, rules: PrivacyRules) -> Iterable[Located]:
    body = as_read(without_mentions(source.body))
    found = find_leaks(body, rules)
    if WRAPPED_NUMBER.search(body):  # '07700' at the end of a line, '900123' at the start of the next
        found += _across_lines(body, rules, {(finding.start, finding.kind) for finding in found})
    for finding in found:
        yield source.body_line + body.count("\n", 0, finding.start), finding


def _across_lines(body: str, rules: PrivacyRules, known: set[tuple[int, str]]) -> list[Finding]:
    """What the body's lines hold once joined as a page shows them, each line break (and the
    next line's quote marks) one space, that no line holds alone; at its place in `body`."""
    pieces, starts, last, length = [], [], 0, 0  # starts: (place in the joined text, place in body)
    for wrap in LINE_BREAK.finditer(body):
        pieces += [body[last:wrap.start()], " "]
        length += wrap.start() - last + 1
        last = wrap.end()
        starts.append((length, last))
    joined = "".join([*pieces, body[last:]])

    def in_body(place: int) -> int:
        before = bisect.bisect_right(starts, (place, len(body))) - 1
        return place if before < 0 else starts[before][1] + place - starts[before][0]

    numbers_only = dataclasses.replace(rules, name_patterns={}, withheld_names={})  # names are found across lines
    moved = [dataclasses.replace(f, start=in_body(f.start), end=in_body(f.end - 1) + 1)
             for f in find_leaks(joined, numbers_only, ids=False)]
    return [f for f in moved if (f.start, f.kind) not in known and "\n" in body[f.start:f.end]]


WRAPPED_NUMBER = re.compile(r"\n(?:(?<=[0-9]\n)|(?<=[0-9][ \t]\n)|(?<=[0-9][A-Za-z]\n))[ \t>]*[0-9A-Za-z]")
"""A line that ends in a number, or the first half of a postcode, and goes on on the next: a
phone number, a postcode or an NHS number a line break cut in two, which the page shows whole."""
LINE_BREAK = re.compile(r"\n[ \t]*(?:>[ \t]*)*")


MAILTO = re.compile(r"mailto:[^\s)\]>\"']+", re.IGNORECASE)


def as_read(body: str) -> str:
    """The text as a reader of the page gets it, line for line: character references made the
    characters they stand for ('maya&#64;example.net', '07700&nbsp;900123'), and a mailto:
    link's address decoded ('maya%40example.net'), as the page's reader and browser do."""
    if "&" not in body and "%" not in body:
        return body
    lines = body.split("\n")
    if "&" in body:
        lines = [html.unescape(line).replace("\n", " ") if "&" in line else line for line in lines]
    if "%" in body:
        lines = [MAILTO.sub(lambda link: unquote(link.group()).replace("\n", " "), line) if "%" in line else line
                 for line in lines]
    return "\n".join(lines)


def check_file_names(group: Group, settings: Settings) -> Iterator[Problem]:
    """No person's id, nor a name they have not agreed to, in the name of a file that becomes a
    page or an image's address."""
    rules = _group_rules(group)
    for address in published_addresses(group):
        for finding in people_in_address(address.address, rules):
            yield Problem(address.path, None, None, f"has {_in_address(group, rules, finding)} in its name, which "
                          f"becomes {address.whose} address on the site. {address.rename}", "error")
    for records in (group.meetings, group.decisions, group.amendments, group.reports):
        for record in records.values():
            for index, old in enumerate(record.old_ids):  # each old address still leads to the record
                for finding in people_in_address(old, rules):
                    yield record.source.problem(f"'old_ids' has {_in_address(group, rules, finding)} and each "
                                                "old id stays an address of the site. Take it out: links to that "
                                                "address will stop working, and it will not be published.",
                                                "old_ids", index)


class Address(NamedTuple):
    """A file whose name becomes an address of the site."""

    path: str
    address: str
    """The part of the address that comes from the file's name: a meeting's id, a picture's path."""
    whose: str
    """Whose address it is: "the meeting's"."""
    rename: str
    """How to rename the file without breaking the links to it."""


def published_addresses(group: Group) -> list[Address]:
    """Each file whose name becomes an address of the site: a meeting's or a report's, a page's,
    a picture's."""
    told = "(the check tells you where)"
    record = (f"Rename the file and change the ids and links that refer to it {told}. Do not put the old id in "
              "'old_ids:', which would keep the old address on the site.")
    return [*(Address(m.source.path, m.id, "the meeting's", record) for m in group.meetings.values()),
            *(Address(r.source.path, r.id, "the report's", record) for r in group.reports.values()),
            *(Address(source.path, path, "the page's", f"Rename the file and change the links to it {told}.")
              for path, source in group.pages.items()),
            *(Address(f"{group.content}/{image}", image, "the picture's",
                      f"Rename the picture and change the links to it {told}.") for image in group.images)]


def _in_address(group: Group, rules: PrivacyRules, finding: Finding) -> str:
    return (f"'{finding.value}', the id of the person shown as '{shown_as(group.people, finding.person)}',"
            if finding.kind == "person_id" else finding.described(rules.people))


def check_charter_history(group: Group, settings: Settings) -> Iterator[Problem]:
    """What must never be published in an earlier wording of the charter: the history page
    shows each version's wording from git, where editing the file cannot take it out."""
    charter = group.charter
    if charter is None:
        return
    rules = _group_rules(group)
    line = charter.source.line_of("withheld_versions" if "withheld_versions" in charter.source.meta else "version")
    reported: set[tuple[int | None, str, str]] = set()
    for number, words in published_wordings(Path(group.root), charter):
        for finding in find_leaks(without_mentions(words), rules):
            if (number, finding.kind, finding.value) in reported:
                continue
            reported.add((number, finding.kind, finding.value))
            listed = ", ".join(str(n) for n in sorted({*charter.withheld_versions, number or 0}) if n)
            yield Problem(charter.source.path, line, None,
                          f"version {number} of the charter, as it is in git, {privacy_message(finding, rules)} "
                          "The charter's history page shows the wording of every version from git, so "
                          "changing this file does not take it out. Leave that version's wording out of the "
                          f"history page: put 'withheld_versions: [{listed}]' with the charter's other fields.")


SITE_TEXT_SETTINGS = ("site_name", "site_description", "site_author", "copyright", "extra")
"""mkdocs.yml's settings whose words the theme prints on every page."""


def check_site_settings(group: Group, settings: Settings) -> Iterator[Problem]:
    """An email address, phone number or name in mkdocs.yml's words, which Material prints on every
    page (the build's guard found it on each, and could only blame the theme); and a site_url
    that is not a web address, which it prints into every page's links."""
    raw, _, text = read_mkdocs_yml(Path(group.root) / "mkdocs.yml")
    yield from site_url_problems(raw, text)
    yield from _loads_from_other_websites(raw, text)
    if raw.get("use_directory_urls") is False:
        yield Problem("mkdocs.yml", line_of_setting(text, "use_directory_urls"), "use_directory_urls",
                      "'use_directory_urls: false' changes the address of every page (meetings/x.html, not "
                      "meetings/x/), so links people have shared and the QR codes on posters stop working. "
                      "Take it out.")
    rules = _group_rules(group)
    for name in SITE_TEXT_SETTINGS:
        for words in _strings(raw.get(name)):
            for finding in find_leaks(words, rules, ids=False):
                yield Problem("mkdocs.yml", line_of_setting(text, name), name,
                              f"'{name}' {privacy_message(finding, rules)} The theme shows it on every page.")


def _loads_from_other_websites(raw: dict[str, Any], text: str) -> Iterator[Problem]:
    """mkdocs.yml settings that make every page load something from another website when it
    is opened, telling that website who reads it: analytics, scripts, stylesheets, a logo."""
    extra, theme = raw.get("extra"), raw.get("theme")
    if isinstance(extra, dict) and extra.get("analytics"):
        yield Problem("mkdocs.yml", line_of_setting(text, "analytics"), "analytics", "'analytics' would tell "
                      "another company about every visit to every page, and pages load nothing from other "
                      "websites. Take it out; the group can ask readers what they think on a page instead.")
    for name in ("extra_javascript", "extra_css"):
        entries = raw.get(name)
        for entry in entries if isinstance(entries, list) else []:
            address = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(address, str) and _is_elsewhere(address):
                yield Problem("mkdocs.yml", line_of_setting(text, name), name, f"'{name}' loads '{address}' "
                              "from another website on every page, and pages load nothing from other websites. "
                              "Save the file in the theme folder and name it from there, or take it out.")
    for name in ("logo", "favicon"):
        address = theme.get(name) if isinstance(theme, dict) else None
        if isinstance(address, str) and _is_elsewhere(address):
            yield Problem("mkdocs.yml", line_of_setting(text, name), name, f"the theme's '{name}' is loaded from "
                          f"another website ('{address}'), and pages load nothing from other websites. Save the "
                          f"picture in content/assets/ and write '{name}: assets/{address.rsplit('/', 1)[-1]}'.")


def _is_elsewhere(address: str) -> bool:
    return bool(re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", address.strip(), re.IGNORECASE))


def check_ids_the_site_uses(group: Group, settings: Settings) -> Iterator[Problem]:
    """A person's id that is a word of the site's own pages ('may', 'will', 'people'): the
    build's guard would find it on every page, and no change to the records could take it out."""
    raw, _, _ = read_mkdocs_yml(Path(group.root) / "mkdocs.yml")
    theme = raw.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not isinstance(custom_dir, str):
        custom_dir = None
    words = site_words(str(Path(group.root) / custom_dir) if custom_dir else None)
    for index, person in enumerate(group.people.values()):
        if person.id in words:
            yield person.source.problem(f"the id '{person.id}' is also a word of this site's own pages, so no "
                                        "build can keep it out of the site, where ids never appear. Give this "
                                        "person an id that is not an everyday word, like p07, and use it in "
                                        "the records.", "people", group.person_entries.get(person.id, index), "id")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


CHECKS = (check_privacy, check_mentions, check_quotes)
"""Checks of each record on its own."""
GROUP_CHECKS = (check_file_names, check_register_place, check_charter_history, check_site_settings,
                check_ids_the_site_uses)
"""Checks of the group as a whole (it lists the images, which every share of the records has)."""
