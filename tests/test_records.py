"""The records themselves: vocabularies, how people are shown, and what is published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import mkdocs_build
from groups import FILES, write_files
from pydantic import ValidationError

from coprod_site.loading import load_group
from coprod_site.published import Published
from coprod_site.records import LADDER, STANDARDS, Action, Decision, Meeting, Person

TODAY = dt.date(2026, 11, 21)


def person(**fields: object) -> Person:
    return Person.model_validate({"id": "p01", "lived_experience": True, **fields})


@pytest.mark.parametrize(("fields", "shown"), [
    ({"show_as": "name", "name": "Amina K."}, "Amina K."),
    ({"show_as": "initials", "initials": "F. H."}, "F. H."),
    ({"show_as": "pseudonym", "pseudonym": "Sky"}, "Sky"),
    ({"show_as": "role", "roles": ["co-chair", "member"], "name": "Never Shown"}, "a co-chair"),
    ({"roles": ["advisor"]}, "an advisor"),
    ({}, "a member"),
])
def test_a_person_is_shown_only_as_their_consent_allows(fields: dict[str, object], shown: str) -> None:
    assert person(**fields).public_name == shown


@pytest.mark.parametrize(("role", "shown"), [
    ("user", "a user"), ("unpaid carer", "an unpaid carer"), ("university student", "a university student"),
    ("NHS manager", "an NHS manager"), ("GP", "a GP"), ("MP", "an MP"), ("CAMHS nurse", "a CAMHS nurse"),
    ("A&E nurse", "an A&E nurse"), ("honorary member", "an honorary member"), ("HR officer", "an HR officer"),
    ("expert by experience", "an expert by experience"), ("youth worker", "a youth worker"),
])
def test_a_role_gets_the_article_it_is_said_with(role: str, shown: str) -> None:
    """Chosen by first letter, it had said 'an user' and 'a NHS manager'."""
    assert person(roles=[role]).public_name == shown


@pytest.mark.parametrize(("fields", "left_out"), [
    ({"format": "hybrid", "venue": "Library (step-free)"}, True),
    ({"format": "hybrid"}, True),
    ({"format": "hybrid", "venue": "Meeting room 2, and online (step-free, live captions online)"}, False),
    ({"format": "hybrid", "venue": "Room 5, or join us ONLINE"}, False),
    ({"format": "in-person", "venue": "Library (step-free)"}, False),
    ({"format": "online", "venue": "Microsoft Teams"}, False),
])
def test_a_venue_that_says_a_meeting_is_also_online_is_not_told_it_again(fields: dict[str, object],
                                                                        left_out: bool) -> None:
    meeting = Meeting.model_validate({"title": "x", "date": "2027-06-10", "minutes": {"status": "planned"},
                                      **fields})
    assert meeting.venue_leaves_out_online is left_out


def test_show_as_defaults_to_role() -> None:
    assert person(name="Amina K.").show_as == "role"


def test_the_vocabularies_are_the_content_models() -> None:
    assert LADDER == ("coercing", "educating", "informing", "consulting", "engaging",
                      "co-designing", "co-producing")
    assert STANDARDS == ("inclusive-opportunities", "working-together", "support-and-learning",
                         "communications", "impact", "governance")


@pytest.mark.parametrize("field", ["ladder", "how", "status", "power", "outcome"])
def test_decision_vocabularies_reject_other_words(field: str) -> None:
    fields = {"title": "x", "date": "2025-01-01", "status": "agreed", "power": "referred", field: "maybe"}
    with pytest.raises(ValidationError):
        Decision.model_validate(fields)


def test_an_open_action_past_its_due_date_is_overdue() -> None:
    action = Action.model_validate({"id": "ACT-001", "what": "x", "due": "2025-01-01"})
    assert action.is_overdue(TODAY)
    assert not action.model_copy(update={"status": "done"}).is_overdue(TODAY)


def test_a_decision_waits_for_its_meetings_minutes(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, "content/decisions/D-003-secret.md":
                                  FILES["content/decisions/D-001-own-words.md"]
                                  .replace("2025-01-10-first-meeting", "2025-03-14-draft")
                                  .replace("date: 2025-01-10", "date: 2025-03-14")})
    group, problems = load_group(root)
    assert problems == []
    site = Published(group, TODAY)
    assert [d.id for d in site.decisions] == ["D-002", "D-001"]
    assert [m.id for m in site.meetings] == ["2025-02-14-leaflets", "2025-01-10-first-meeting"]
    assert [m.id for m in site.upcoming] == ["2027-06-10-summer"]


def test_the_meeting_a_decision_was_made_at_decides_when_it_is_shown_not_other_minutes_that_list_it(
        tmp_path: Path) -> None:
    draft = "content/meetings/2025-03-14-draft.md"
    unsaid = FILES["content/decisions/D-001-own-words.md"].replace("made_at: 2025-01-10-first-meeting\n", "")
    root = write_files(tmp_path, {**FILES, draft: FILES[draft].replace("chairs: [p01]",
                                                                       "chairs: [p01]\ndecisions: [D-001, D-003]"),
                                  "content/decisions/D-003-unsaid.md": unsaid})
    group, _ = load_group(root)
    assert {d: m.id for d, m in group.decisions_awaiting_minutes().items()} == {"D-003": "2025-03-14-draft"}
    assert [d.id for d in Published(group, TODAY).decisions] == ["D-002", "D-001"]


def test_a_record_pointing_at_unagreed_minutes_says_so_without_a_link(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, "content/meetings/2025-02-14-leaflets.md":
                                  FILES["content/meetings/2025-02-14-leaflets.md"]
                                  .replace("  agreed_on: 2025-03-14", "  agreed_on: 2025-03-14\n  agreed_at: 2025-03-14-draft")})
    assert mkdocs_build(root, "--strict").returncode == 0
    html = (root / "site/meetings/2025-02-14-leaflets/index.html").read_text(encoding="utf-8")
    assert "Agreed</dt>\n<dd>14 March 2025, at a meeting (minutes not yet agreed)</dd>" in html
    assert "2025-03-14-draft" not in html
