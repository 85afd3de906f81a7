"""Real builds: the power and impact pages answer, in words, who holds the power, did they get back
to us, and what changed; a closed group leads to its farewell report."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build
from groups import FILES, TODAY, write_files
from impact_group import IMPACT_FILES, SUMMER
from test_build import main_text, main_text_of, page
from test_sharing_formats import read_csv

from coprod_site.checks import consistency, impact, run_checks
from coprod_site.loading import load_group
from coprod_site.published import Published
from coprod_site.settings import Settings
from coprod_site.stats import report_period

SETTINGS = Settings(today=dt.date(2026, 11, 21))

CLOSED_PROJECT = FILES["content/project.yml"].replace(
    "status: active", "status: closed\nended_on: 2026-10-01\n"
    "records_home: https://archive.example.org/test-group/")

FAREWELL = """\
---
kind: farewell
title: Our farewell report
ended_on: 2026-10-01
closing_reason: The money ran out.
handover:
  - action: ACT-002
    to: The patient experience team
---
## What we did

We met for almost two years.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The known group, built (not --strict: it has warnings on purpose)."""
    root = write_files(tmp_path_factory.mktemp("impact") / "group", IMPACT_FILES)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def closed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_files(tmp_path_factory.mktemp("closed") / "group", {
        **IMPACT_FILES, "content/project.yml": CLOSED_PROJECT, "content/reports/farewell.md": FAREWELL,
        "content/meetings/2025-08-20-summer.md": SUMMER.replace("    status: open\n", "    status: dropped\n")})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_both_pages_are_in_the_navigation(site: Path) -> None:
    nav = page(site, "index.html").select_one("nav.md-nav--primary")
    assert nav is not None
    labels = [" ".join(a.get_text().split()) for a in nav.select("a.md-nav__link")]
    assert "You said, we did" in labels and "How we work together, in numbers" in labels
    # The charter is called "How we work together" too: the menu names the numbers page as its
    # heading does, so no two pages in the menu share a name.
    numbers = page(site, "how-we-work/index.html").select_one("article h1")
    assert numbers is not None and numbers.get_text(strip=True) == "How we work together, in numbers"


def test_you_said_we_did_says_what_changed_what_could_not_and_what_is_overdue(site: Path) -> None:
    text = main_text(site, "you-said-we-did/index.html")
    # the figures add up to the total: the one turned down is counted too
    assert ("Of 6 decisions, 2 changed something, 1 could not happen, 2 are still to happen and 1 we turned "
            "down or replaced. 1 reply we are waiting for is overdue.") in text
    assert "What changed (2) D-004: Ask the council for a youth space (5 November 2025)" in text
    assert "The youth space opens in April." in text
    assert "Their reply on 1 December 2025: Yes, from April." in text
    assert ("What could not change, and why (1) D-003: Ask for a free bus (20 August 2025). A recommendation. "
            "The bus company would not change the route.") in text
    assert ("We sent it to the hospital board on 20 February 2025. They said they would reply by 1 April 2025. "
            "Overdue: We are still waiting: the reply is overdue.") in text
    assert "What we turned down or replaced (1) D-007: Stop meeting online" in text
    assert "SECRET-DRAFT" not in text and "D-005" not in text


def test_a_replaced_decision_is_not_called_one_we_decided_not_to_do(tmp_path: Path) -> None:
    """A decision replaced by a later one had been listed as one 'we decided not to do'."""
    d1, d2 = "content/decisions/D-001-own-words.md", "content/decisions/D-002-budget.md"
    files = {**FILES, d1: FILES[d1].replace("status: agreed", "status: superseded").replace("outcome: changed\n", ""),
             d2: FILES[d2].replace("status: agreed", "status: agreed\nsupersedes: [D-001]")}
    root = write_files(tmp_path, files)
    assert mkdocs_build(root).returncode == 0
    text = main_text(root / "site", "you-said-we-did/index.html")
    assert "What we turned down or replaced (1) D-001: Use our own words in leaflets" in text
    assert "Replaced by D-002: Ask for a bigger budget." in text
    assert "decided not to do" not in text


def test_the_one_decision_past_a_page_is_spoken_of_in_the_singular(tmp_path: Path) -> None:
    """'The other 1 are in the list of decisions' read as a mistake."""
    d2 = "content/decisions/D-002-budget.md"
    root = write_files(tmp_path, {**FILES, d2: FILES[d2].replace("outcome: pending", "outcome: changed"),
                                  "mkdocs.yml": FILES["mkdocs.yml"].replace("  - coprod\n", "  - coprod:\n      page_size: 1\n")})
    assert mkdocs_build(root).returncode == 0
    text = main_text(root / "site", "you-said-we-did/index.html")
    assert "What changed (2)" in text
    assert "most recent. The other one is in the list of decisions, where each one says what happened." in text


def test_a_decision_with_only_a_title_and_a_date_is_published_and_told_what_it_lacks(tmp_path: Path) -> None:
    """CONTENT-MODEL marks neither 'status' nor 'power' as required: both had been errors."""
    minimal = "---\ntitle: Meet in the library\ndate: 2025-02-14\n---\nThe library is step-free.\n"
    root = write_files(tmp_path, {**FILES, "content/decisions/D-009-library.md": minimal})
    group, problems = load_group(root)
    assert problems == []
    told = [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS) if "D-009" in p.path]
    assert told == [
        ("warning: content/decisions/D-009-library.md, line 2: has no 'power': the site says 'Not recorded' where "
         "it says whose decision it was. Add 'power:' (within-remit, recommendation or referred)."),
        ("warning: content/decisions/D-009-library.md, line 2: has no 'status', so it is shown as agreed. Say so "
         "with 'status: agreed', or write proposed, rejected or superseded.")]
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "Whose decision Not recorded" in main_text(root / "site", "decisions/D-009/index.html")
    chart = page(root / "site", "how-we-work/index.html").select_one("#chart-decisions")
    assert chart is not None and "(1 does not say)" in chart.get_text()
    assert "Not recorded" in [th.get_text() for th in chart.select("tbody th")]


def test_the_decision_pages_say_a_reply_is_overdue(site: Path) -> None:
    rows = [main_text_of(tr) for tr in page(site, "decisions/index.html").select("tbody tr")]
    assert ("D-002: Ask for a bigger budget 14 February 2025 agreed Referred to the hospital board "
            "(reply overdue) Still to happen") in rows
    assert "Their reply Still waiting: the reply is overdue" in main_text(site, "decisions/D-002/index.html")


def test_how_we_work_lists_its_questions_at_the_top_each_leading_to_its_answer(site: Path) -> None:
    """The page is long (over 15,000 pixels on a phone), and Material's list of a page's sections,
    made from Markdown headings, is empty for a page made from a template."""
    soup = page(site, "how-we-work/index.html")
    contents = soup.select_one("nav.coprod-contents")
    assert contents is not None and contents.get("aria-labelledby") == "contents"
    assert soup.select_one("h1 ~ nav.coprod-contents ~ h2") is not None  # before the first question
    links = [(a["href"], a.get_text()) for a in contents.select("a")]
    questions = [(f"#{h2['id']}", h2.get_text()) for h2 in soup.select("article h2")]
    assert links == questions and len(links) == 7
    assert links[0] == ("#power", "Who holds the power here?")


def test_how_we_work_answers_who_holds_the_power(site: Path) -> None:
    text = main_text(site, "how-we-work/index.html")
    assert ("Lived-experience members chaired or co-chaired 3 of our 4 meetings (75%). Staff chaired alone "
            "at 1 meeting. In all, 4 different people chaired: 2 with lived experience and 2 without.") in text
    assert "Jan to Mar 2025 2 2 of 2 (100%) 0 of 2 (0%) 0 of 2 (0%)" in text
    assert "Apr to Jun 2025 0 No meetings" in text
    assert ("In this time 4 people joined and 1 person left. 6 people are in the group now. For 3 people we "
            "have no joining date, so they are not counted as joining.") in text


def test_how_we_work_answers_did_they_get_back_to_us(site: Path) -> None:
    text = main_text(site, "how-we-work/index.html")
    assert ("Meetings where we sent feedback 2 of 4 (50%) Usual time from a meeting to feedback 7.5 days "
            "Usual time from a meeting to agreed notes 31.5 days") in text
    assert ("Meetings still waiting for feedback (2) Leaflets (14 February 2025): 645 days ago, no feedback "
            "sent yet. Autumn plans (5 November 2025): 381 days ago, no feedback sent yet.") in text
    assert ("Actions we agreed 6 Done 3 of 6 (50%) Done on time 2 of 3 (67%) of the done actions "
            "Still open 2, of which 1 is overdue Dropped 1") in text


def test_how_we_work_answers_what_changed_and_who_is_missing(site: Path) -> None:
    text = main_text(site, "how-we-work/index.html")
    assert ("We referred 2 decisions to the people who can decide. 1 has had an answer and we are still "
            "waiting for 1. 1 reply is overdue.") in text
    assert "Our goal is co-producing." in text
    assert "1 meeting and 3 decisions have no rung written down, so they are not in this chart." in text
    assert ("We said we want to hear from: Young people who speak Urdu at home Are these people in the room "
            "with us? Who else is missing?") in text


def test_every_figure_says_how_it_is_counted(site: Path) -> None:
    soup = page(site, "how-we-work/index.html")
    explained = [p.get_text(" ", strip=True) for p in soup.select(".coprod-how")]
    assert len(explained) == 8
    assert all(p.startswith("How we count this:") for p in explained)
    sections = [h.get_text(strip=True) for h in soup.select("article h2")]
    assert sections == ["Who holds the power here?", "Who comes to our meetings?", "Did they get back to us?",
                        "Did we do what we said?", "Whose decision was it?", "How involved were we?",
                        "Who should be here?"]


def test_the_built_charts_are_named_images_with_their_figures_in_tables(site: Path) -> None:
    html = (site / "how-we-work/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    pictures = soup.select("svg.coprod-chart__svg")
    assert len(pictures) == 5
    for svg in pictures:
        assert svg["role"] == "img"
        assert svg["aria-label"] == "Bar chart of the figures in the table that follows"
        figure = svg.find_parent("figure")
        assert figure is not None and figure.select_one("figcaption .coprod-chart__title") is not None
        assert figure.select_one("table caption") is not None
    attendance = soup.select_one("#chart-attendance")
    assert attendance is not None
    drawn = [t.get_text() for t in attendance.select("text.coprod-chart__total")]
    tabled = [tr.find_all("td")[-1].get_text() for tr in attendance.select("tbody tr")]
    assert drawn == tabled == ["7", "3", "5", "7"]
    assert not re.search(r"<script|https?://(?!www\.w3\.org/2000/svg)[^\"']*\"[^>]*>", str(attendance))


def test_an_impact_report_shows_its_period_in_numbers_its_decisions_and_its_standards(site: Path) -> None:
    text = main_text(site, "reports/impact-2025/index.html")
    assert ("This period in numbers Meetings 4 People at our meetings 16 member visits and 6 guest visits, "
            "about 6 people a meeting Chaired or co-chaired by lived-experience members 3 of 4 (75%) meetings "
            "Decisions 5: 1 ours to decide, 2 recommendations, 2 referred to others What happened 2 changed, "
            "1 could not change, 1 still to happen, 1 nothing to change Actions 3 of 6 (50%) done, 2 of them "
            "on time; 1 overdue Feedback sent after 2 of 4 (50%) meetings, usually 7.5 days after the meeting"
            ) in text
    soup = page(site, "reports/impact-2025/index.html")
    decided = [main_text_of(tr.th) for tr in soup.select("#decisions-in-period + .coprod-table-wrap tbody tr")]
    assert decided == ["D-007: Stop meeting online", "D-004: Ask the council for a youth space",
                       "D-003: Ask for a free bus", "D-002: Ask for a bigger budget",
                       "D-001: Use our own words in leaflets"]
    assert ("The UK Standards for Public Involvement this report shows The UK Standards for Public Involvement "
            "describe what good involvement looks like. This report shows how we met these ones: Impact We look "
            "for the difference that involving people makes, and we share what changed and what did not.") in text


def test_a_report_on_a_time_not_yet_over_says_its_figures_count_what_had_happened(tmp_path: Path) -> None:
    """A yearly report published in early December covered 'to 31 December' while counting only the
    meetings held so far: the page says so, and a report on a time that is over says nothing more."""
    report = "content/reports/impact-2025.md"
    ongoing = FILES[report].replace("period_from: 2025-01-01\nperiod_to: 2025-12-31",
                                    f"period_from: {TODAY[:4]}-01-01\nperiod_to: {TODAY[:4]}-12-31")
    root = write_files(tmp_path, {**FILES, report: ongoing})
    assert mkdocs_build(root).returncode == 0
    lead = page(root / "site", "reports/impact-2025/index.html").select_one(".coprod-lead")
    assert lead is not None
    day = dt.date.fromisoformat(TODAY)
    assert main_text_of(lead) == (f"This report covers 1 January {day.year} to 31 December {day.year}. That time has "
                                  f"not ended yet, so its figures count what had happened by {day.day} "
                                  f"{day:%B} {day.year}, when this page was made.")
    write_files(root, {report: FILES[report]})
    assert mkdocs_build(root).returncode == 0
    lead = page(root / "site", "reports/impact-2025/index.html").select_one(".coprod-lead")
    assert lead is not None and main_text_of(lead) == "This report covers 1 January 2025 to 31 December 2025."


def test_reminders_about_hearing_back_are_said_but_do_not_stop_a_strict_build(tmp_path: Path) -> None:
    """They come with time, not with a change: a group held to its warnings can still publish."""
    result = mkdocs_build(write_files(tmp_path, IMPACT_FILES), "--strict")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "reminder:" in line]
    assert any("D-002 was referred to the hospital board and their reply was due on 1 April 2025, but no reply "
               "is recorded." in line for line in said)
    assert any("this meeting was 381 days ago and no feedback has been sent." in line for line in said)
    assert any("content/meetings/2025-02-14-leaflets.md, line 15: the action ACT-002 was due on 1 March 2025 and is "
               "still open. If it is done, set its status to done and add 'done_on'. If not, agree a new date and "
               "change 'due', or set its status to dropped." in line for line in said)
    assert all(line.startswith("INFO") for line in said)


def test_an_overdue_action_says_so(site: Path) -> None:
    text = main_text(site, "actions/index.html")
    assert "ACT-002 Ask the board about the budget a co-chair 1 March 2025 Open, overdue Leaflets" in text
    assert "ACT-005 Plan the next year F. H. 1 January 2027 Open Summer check-in" in text
    rows = read_csv(site, "actions")
    assert {row["id"]: row["overdue"] for row in rows if row["status"] == "open"} == {"ACT-002": "yes", "ACT-005": "no"}


def test_an_open_action_is_a_reminder_once_its_owner_has_left_not_for_being_late_too(tmp_path: Path) -> None:
    """Both may be true: the reminder that counts is that nobody is doing it."""
    people = IMPACT_FILES["content/people.yml"]
    assert people is not None and "    roles: [co-chair]\n" in people
    left = people.replace("    roles: [co-chair]\n", "    roles: [co-chair]\n    left_on: 2025-04-01\n")
    group, problems = load_group(write_files(tmp_path, {**IMPACT_FILES, "content/people.yml": left}))
    assert problems == []
    assert [str(p) for p in run_checks(group, SETTINGS, impact.CHECKS) if "ACT-" in p.message] == [
        ("reminder: content/meetings/2025-02-14-leaflets.md, line 14: the action ACT-002 is still open, but 'p05', "
        "its owner, left the group on 1 April 2025 (people.yml). Give it to someone else ('owner'), or set its "
        "status to dropped.")]


def test_a_closed_group_is_not_reminded_of_its_late_actions(tmp_path: Path) -> None:
    """The farewell report hands them over (an error until it does): nobody meets to agree a new date."""
    group, problems = load_group(write_files(tmp_path, {**IMPACT_FILES, "content/project.yml": CLOSED_PROJECT,
                                                        "content/reports/farewell.md": FAREWELL}))
    assert problems == [] and group.meetings["2025-02-14-leaflets"].actions[0].is_overdue(SETTINGS.today)
    assert [str(p) for p in run_checks(group, SETTINGS, impact.CHECKS) if "ACT-" in p.message] == []


def test_a_closed_groups_home_page_leads_to_the_farewell_report(closed_site: Path) -> None:
    text = main_text(closed_site, "index.html")
    assert ("This group has closed. It met from 10 January 2025 to 1 October 2026. Read our farewell report "
            "to see what we did and who carries on our work.") in text
    link = page(closed_site, "index.html").find("a", string="Read our farewell report")
    assert link is not None and link["href"] == "reports/farewell/"


def test_the_farewell_report_writes_its_own_closing_sections(closed_site: Path) -> None:
    text = main_text(closed_site, "reports/farewell/index.html")
    assert "Our farewell report We met from 10 January 2025 to 1 October 2026. The money ran out." in text
    assert ("What changed because of us Ask the council for a youth space: The youth space opens in April. "
            "Use our own words in leaflets: The leaflets now use our words.") in text
    assert "What could not change, and why Ask for a free bus: The bus company would not change the route." in text
    assert ("Actions still open, and who takes them on Actions still open Action What Who takes it on ACT-002 "
            "Ask the board about "
            "the budget The patient experience team") in text
    assert ("Thank you to our members Thank you to Amina K., Dr Lee, F. H. and Sky, and to 1 co-chair and "
            "2 members who chose not to be named.") in text
    assert ("Where our records will live Our records will be kept at "
            "https://archive.example.org/test-group/.") in text
    assert "Our whole time in numbers Meetings 4" in text


def test_an_open_action_without_a_handover_is_an_error_once_the_group_closes(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**IMPACT_FILES, "content/project.yml": CLOSED_PROJECT,
                                  "content/reports/farewell.md": FAREWELL})
    group, problems = load_group(root)
    assert problems == []
    errors = [str(p) for p in run_checks(group, SETTINGS) if p.is_error]
    assert errors == [
        ("content/meetings/2025-08-20-summer.md, line 26: ACT-005 is still open and the group has closed. Hand it "
        'over in the farewell report: handover: [{action: ACT-005, to: "who takes it on"}].')]


def test_an_impact_report_names_every_missing_gripp2_section(tmp_path: Path) -> None:
    report = FILES["content/reports/impact-2025.md"]
    cut = report.replace("## Methods\nWe met every month.\n", "").replace("## Reflections\n", "## Lessons\n")
    group, problems = load_group(write_files(tmp_path, {**FILES, "content/reports/impact-2025.md": cut}))
    assert problems == []
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS)] == [
        ("content/reports/impact-2025.md, line 10: the section '## Methods' is missing: add it before this "
        "line, '## Results'. Reports have five sections: Aim, Methods, Results, Discussion and conclusions, "
        "Reflections."),
        ("content/reports/impact-2025.md, line 15: the section '## Reflections' is missing: add it at the end. "
        "Reports have five sections: Aim, Methods, Results, Discussion and conclusions, Reflections."),
    ]


def test_a_section_nearly_named_is_told_its_name(tmp_path: Path) -> None:
    """'## Method' or '## Discussion' is the section meant, named a little differently: told the
    name at its own line, not asked to add the section again."""
    report = FILES["content/reports/impact-2025.md"]
    renamed = report.replace("## Methods\n", "## Method\n").replace("## Discussion and conclusions\n",
                                                                    "## Discussion\n")
    assert renamed.count("## Method\n") == 1 and "## Discussion\n" in renamed
    group, problems = load_group(write_files(tmp_path, {**FILES, "content/reports/impact-2025.md": renamed}))
    assert problems == []
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS)] == [
        (f"content/reports/impact-2025.md, line {line}: '## {written}' should be '## {meant}', as readers of "
         "reports expect. Reports have five sections: Aim, Methods, Results, Discussion and conclusions, "
         "Reflections.")
        for line, written, meant in [(_line_of(renamed, "## Method\n"), "Method", "Methods"),
                                     (_line_of(renamed, "## Discussion\n"), "Discussion",
                                      "Discussion and conclusions")]]


def _line_of(text: str, line: str) -> int:
    return text[:text.index(line)].count("\n") + 1


def test_a_farewell_report_is_told_once_of_the_sections_it_lacks_and_why_the_group_is_ending(
        tmp_path: Path) -> None:
    """Every report has the five GRIPP2-SF sections; a farewell report, which celebrates and hands
    over, is told once (a warning), not stopped."""
    farewell = "---\nkind: farewell\ntitle: Goodbye\n---\nThanks all.\n\n## Results\n\nWe did not finish the map.\n"
    group, problems = load_group(write_files(tmp_path, {**FILES, "content/reports/farewell.md": farewell}))
    assert problems == []
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS) if p.path.endswith("farewell.md")] == [
        ("warning: content/reports/farewell.md, line 2: a farewell report says why the group is ending: add "
         "'closing_reason', in a sentence or two."),
        ("warning: content/reports/farewell.md, line 5: the sections '## Aim', '## Methods', '## Discussion and "
         "conclusions' and '## Reflections' are missing. A farewell report has the five sections of every report "
         "(Aim, Methods, Results, Discussion and conclusions, Reflections), with thanks and handover besides.")]


def test_results_and_reflections_say_what_did_not_go_well_too(tmp_path: Path) -> None:
    """GRIPP2-SF asks for both: a 'Results' of nothing but praise is a warning at its heading, and
    an empty section is one too. The fixture's own ('The budget did not.') passes."""
    report = FILES["content/reports/impact-2025.md"]
    glowing = (report.replace("The budget did not.", "Everyone loved them.")
               .replace("We should have asked the board sooner.", ""))
    group, _ = load_group(write_files(tmp_path, {**FILES, "content/reports/impact-2025.md": glowing}))
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS)] == [
        ("warning: content/reports/impact-2025.md, line 12: '## Results' says only what went well. Say what did "
         "not go well too, or what was hard, and what you learned: readers trust a report that says both."),
        ("warning: content/reports/impact-2025.md, line 16: the section '## Reflections' is empty: write what "
        "belongs there.")]


def test_a_report_in_welsh_is_not_asked_for_english_words_of_what_did_not_go_well(tmp_path: Path) -> None:
    """The words looked for ('not', 'hard', 'learned') are English: a report written in Welsh was
    always told it says only what went well."""
    report = FILES["content/reports/impact-2025.md"]
    welsh = (report.replace("The budget did not.", "Roedd pawb wrth eu bodd.")
             .replace("We should have asked the board sooner.", "Dysgon ni lawer."))
    project = FILES["content/project.yml"].replace("language: en-GB", "language: cy")
    group, _ = load_group(write_files(tmp_path, {**FILES, "content/reports/impact-2025.md": welsh,
                                                 "content/project.yml": project}))
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS)] == []


def test_the_farewell_report_counts_to_the_day_it_says_the_group_ended(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**IMPACT_FILES, "content/project.yml": CLOSED_PROJECT,
                                  "content/reports/farewell.md": FAREWELL.replace("2026-10-01", "2026-09-30")})
    group, _ = load_group(root)
    site = Published(group, dt.date(2026, 11, 30))
    assert report_period(site, group.reports["farewell"]).end == dt.date(2026, 9, 30)


@pytest.mark.parametrize(("written", "shown"), [
    ("The trust board", "the trust board"), ("A panel of governors", "a panel of governors"),
    ("NHS England", "NHS England"), ("Theatre managers", "Theatre managers"), ("the board", "the board"),
])
def test_who_a_decision_was_referred_to_reads_well_after_referred_to(written: str, shown: str) -> None:
    """'Referred to The trust board' read oddly: a name written to start a field loses the
    capital of its leading article, and nothing else."""
    from coprod_site.words import mid_sentence

    assert mid_sentence(written) == shown


def test_a_report_just_started_is_told_only_to_write_its_sections(tmp_path: Path) -> None:
    """'Write this section.' is the starting text's warning to give, not a report of praise."""
    from coprod_site.scaffold import new_report

    group, _ = load_group(write_files(tmp_path, FILES))
    started = new_report(group, tmp_path / "content", "Our year", dt.date(2026, 11, 30), "impact").text
    group, _ = load_group(write_files(tmp_path, {"content/reports/impact-2026.md": started}))
    assert [str(p) for p in run_checks(group, SETTINGS, consistency.CHECKS) if p.path.endswith("impact-2026.md")] == []


def test_a_recommendation_says_who_it_went_to_and_what_they_said(tmp_path: Path) -> None:
    """'referred_to' and the reply are for a recommendation too: the group recommended something
    to people who decide, and "You said, we did" says to whom, and what they answered."""
    d2 = "content/decisions/D-002-budget.md"
    recommended = FILES[d2].replace("power: referred", "power: recommendation").replace(
        "outcome: pending", "outcome: not-possible\nresponse: No money this year.\nresponse_on: 2025-04-01")
    root = write_files(tmp_path, {**FILES, d2: recommended})
    assert mkdocs_build(root).returncode == 0
    said = main_text(root / "site", "you-said-we-did/index.html")
    assert ("D-002: Ask for a bigger budget (14 February 2025). A recommendation to the hospital board. No reason has been written down yet. "
            "We sent it to the hospital board on 20 February 2025. They said they would reply by 31 January 2027. "
            "Their reply on 1 April 2025: No money this year.") in said
    decision = main_text(root / "site", "decisions/D-002/index.html")
    assert "Whose decision A recommendation to the hospital board" in decision
    assert ("Recommended to the hospital board Sent on 20 February 2025 Reply due 31 January 2027 "
            "Their reply No money this year. (1 April 2025)") in decision


def test_the_farewell_report_says_where_what_could_not_change_was_sent(tmp_path: Path) -> None:
    """What could not change was often not the group's to change: the farewell report says who
    the group sent it to, as "You said, we did" does."""
    d2 = "content/decisions/D-002-budget.md"
    refused = IMPACT_FILES[d2].replace("outcome: pending", "outcome: not-possible\noutcome_note: No money.")
    root = write_files(tmp_path, {
        **IMPACT_FILES, "content/project.yml": CLOSED_PROJECT, "content/reports/farewell.md": FAREWELL, d2: refused,
        "content/meetings/2025-08-20-summer.md": SUMMER.replace("    status: open\n", "    status: dropped\n")})
    assert mkdocs_build(root).returncode == 0
    text = main_text(root / "site", "reports/farewell/index.html")
    assert ("What could not change, and why Ask for a free bus: The bus company would not change the route. "
            "Ask for a bigger budget (referred to the hospital board): No money.") in text


def test_a_report_counts_one_of_a_thing_in_the_singular(tmp_path: Path) -> None:
    """'1 guest visit' and '1 recommendation', as a reader would say them, not '1 guest visits'."""
    first, d2 = "content/meetings/2025-01-10-first-meeting.md", "content/decisions/D-002-budget.md"
    root = write_files(tmp_path, {
        **FILES, first: FILES[first].replace("guests: 2", "guests: 1"),
        d2: FILES[d2].replace("power: referred", "power: recommendation"),
        "content/meetings/2025-02-14-leaflets.md": FILES["content/meetings/2025-02-14-leaflets.md"].replace(
            "present: [p01, p02, p03]", "present: []")})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    text = main_text(root / "site", "reports/impact-2025/index.html")
    assert ("Meetings 2 People at our meetings 5 member visits and 1 guest visit, about 3 people a meeting "
            "Chaired") in text
    assert "Decisions 2: 1 ours to decide, 1 recommendation, 0 referred to others" in text
    assert "5 member visits and 1 guest visit in all." in main_text(root / "site", "how-we-work/index.html")
