"""The charter's history page: versions from git, readable comparisons, and plain fallbacks."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from charter_git import CHARTER_2, commit_all, git, three_version_repo
from conftest import REPO, SHARED, mkdocs_build
from groups import FILES, write_files

from coprod_site.charter_history import compare_charters, compare_words, read_charter_text
from coprod_site.checks import check_folder

CORPUS_HISTORY = SHARED / "corpus" / "openjs-foundation-cross-project-council" / "_history"


def article(site: Path, page: str) -> Tag:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = soup.find("article")
    assert isinstance(found, Tag)
    for printed in found.select(".coprod-printed"):  # shown on paper only
        printed.decompose()
    return found


def text_of(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True))


def version_section(page: Tag, anchor: str) -> list[Tag]:
    """The elements after a version's heading, up to the next h2."""
    heading = page.find("h2", id=anchor)
    assert isinstance(heading, Tag), f"no heading #{anchor}"
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def section_text(page: Tag, anchor: str) -> str:
    return " ".join(text_of(t) for t in version_section(page, anchor))


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = three_version_repo(tmp_path_factory.mktemp("history") / "group")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


# --- the comparison, as data ------------------------------------------------------------


def test_words_are_compared_word_by_word_and_keep_the_new_layout() -> None:
    assert compare_words("Payments are made within four weeks.",
                         "Payments are made within two weeks, or sooner.") == (
        ("same", "Payments are made within "), ("removed", "four"), ("same", " "),
        ("added", "two"), ("same", " weeks"), ("added", ", or sooner"), ("same", "."))


def test_rewrapping_a_paragraph_is_not_a_change() -> None:
    assert compare_words("We meet\nevery month.", "We meet every\nmonth.") == (
        ("same", "We meet every\nmonth."),)


def test_a_paragraph_taken_out_shows_whole() -> None:
    assert compare_words("A.\n\nB is here.\n\nC.", "A.\n\nC.") == (
        ("same", "A.\n\n"), ("removed", "B is here.\n"), ("same", "\nC."))


def test_clauses_without_ids_are_matched_by_heading_even_when_renamed() -> None:
    old = read_charter_text("## Section 2. Evolution of $FOUNDATION Governance.\n\nSome words here.\n"
                            "## Section 3. Voting\n\nWe vote.\n")
    new = read_charter_text("## Section 2. Evolution of OpenJS Governance.\n\nSome words here.\n"
                            "## Section 3. Voting\n\nWe vote by email.\n")
    comparison = compare_charters(old, new)
    renamed, voting = comparison.changes
    assert (renamed.kind, renamed.old_heading) == ("changed", "Section 2. Evolution of $FOUNDATION Governance.")
    assert renamed.segments == (("same", "Some words here."),)
    assert voting.segments == (("same", "We vote "), ("added", "by email"), ("same", "."))
    assert [c.kind for c in comparison.changes] == ["changed", "changed"]


def test_a_clause_whose_id_alone_changed_is_that_clause_with_a_new_link() -> None:
    """Shown as a part taken out and a new one, whole, the reviewer had to compare them by eye."""
    old = read_charter_text("## Meeting online {#online}\n\nSome meetings\nare online.\n")
    new = read_charter_text("## Meeting online {#remote}\n\nSome meetings are online.\n")
    comparison = compare_charters(old, new)
    assert [(c.kind, c.key, c.old_id, c.segments) for c in comparison.changes] == [
        ("changed", "remote", "online", (("same", "Some meetings are online."),))]
    assert comparison.changed_ids == {"online", "remote"}


def test_two_different_ids_with_other_words_are_never_paired() -> None:
    old = read_charter_text("## Meeting online {#online}\n\nSome meetings are online.\n")
    new = read_charter_text("## Meeting online {#remote}\n\nSome meetings are online, some not.\n")
    assert [(c.kind, c.key) for c in compare_charters(old, new).changes] == [
        ("added", "remote"), ("removed", "online")]


# --- the history page built from three committed versions -------------------------------


def test_every_version_is_listed_newest_first(history_site: Path) -> None:
    page = article(history_site, "charter/history")
    headings = [text_of(h) for h in page.find_all("h2")]
    assert headings == ["Version 3 (the current version)", "Version 2", "Version 1",
                        "Changes that did not go ahead"]
    nav = page.find("nav", attrs={"aria-label": "Versions of the charter"})
    assert isinstance(nav, Tag)
    assert [text_of(li) for li in nav.find_all("li")] == [
        "Version 3 (the current version), agreed 11 April 2025",
        "Version 2 , agreed 14 February 2025",
        "Version 1 , agreed 10 January 2025"]


def test_each_version_says_which_amendment_made_it_why_and_where(history_site: Path) -> None:
    page = article(history_site, "charter/history")
    three = section_text(page, "version-3")
    assert "Agreed At Charter review (11 April 2025)" in three
    assert "Why it changed: AM-02: Posters, and looking after each other" in three
    assert "We make posters now, and we want to say how we look after each other." in three
    two = section_text(page, "version-2")
    assert "Agreed At Leaflets (14 February 2025)" in two
    assert "Why it changed: AM-01: Pay for bus fares Suggested by Amina K. on 10 January 2025." in two
    assert "In our records since 20 February 2025" in two
    assert "First agreed At Our first meeting (10 January 2025)" in section_text(page, "version-1")


def test_changes_are_marked_with_ins_and_del_and_spoken_labels(history_site: Path) -> None:
    page = article(history_site, "charter/history")
    section = version_section(page, "version-3")
    diffs = [el for el in section if el.name == "div" and "coprod-diff" in el.get("class", [])]
    remit, wellbeing, online = diffs
    assert text_of(remit) == "We can change the leaflets [added: and the posters ] . We cannot change the budget."
    assert [text_of(i) for i in remit.find_all("ins")] == ["[added: and the posters ]"]
    hidden = remit.find("ins").find("span", class_="coprod-visually-hidden")
    assert hidden is not None and hidden.get_text() == "[added: "
    assert [text_of(d) for d in online.find_all("del")] == ["[removed: Some meetings are online. ]"]
    assert text_of(wellbeing) == "[added: You can take a break at any time. ]"
    headings = [text_of(h) for el in section for h in ([el] if el.name == "h4" else [])]
    assert headings == ["What we can and cannot change", "New part: Looking after each other",
                        "Taken out: Meeting online"]


def test_the_legend_explains_the_marks_in_words(history_site: Path) -> None:
    legend = article(history_site, "charter/history").find("div", class_="coprod-diff-legend")
    assert isinstance(legend, Tag)
    assert text_of(legend) == (
        "How to read the changes: words added are underlined, like this . Words taken out are "
        "crossed out, like this . A screen reader says “added” or “removed” before them. Parts "
        "that did not change are folded away: open them to read them.")


def test_unchanged_clauses_are_folded_away(history_site: Path) -> None:
    page = article(history_site, "charter/history")
    folded = [t for el in version_section(page, "version-2") for t in
              ([el] if el.name == "details" else el.find_all("details"))]
    assert len(folded) == 1
    summary = folded[0].find("summary")
    assert summary is not None
    assert text_of(summary) == ("3 parts did not change: Why we exist, What we can and cannot "
                                "change and Meeting online")
    assert not folded[0].find_all(["ins", "del"])


def test_rejected_and_withdrawn_amendments_are_listed_with_their_reason(history_site: Path) -> None:
    page = article(history_site, "charter/history")
    text = text_of(page).split("Changes that did not go ahead", 1)[1]
    # without a reason, its own words are why it was needed, not why it did not go ahead
    assert ("AM-04: Meet at weekends Withdrawn . Suggested on 14 February 2025. Why it was suggested: "
            "Weekends are hard for carers, so the person who suggested this took it back.") in text
    assert ("AM-03: Meet every week Not agreed . Suggested on 14 February 2025. Why it did not go "
            "ahead: Most members said every week is too often.") in text
    assert "More words that are not the reason" not in text


def test_the_complete_history_has_no_missing_history_notice(history_site: Path) -> None:
    assert not article(history_site, "charter/history").find("div", class_="coprod-notice")


# --- the charter page --------------------------------------------------------------------


def test_charter_page_shows_version_dates_and_overdue_review(history_site: Path) -> None:
    page = article(history_site, "charter")
    facts = text_of(page.find("dl", class_="coprod-facts"))
    assert facts == ("Version 3 First agreed 10 January 2025, at Our first meeting "
                     "Last changed At Charter review (11 April 2025) ( AM-02: Posters, and looking "
                     "after each other ) We will look at it again by 10 January 2026 ( review overdue )")
    notice = page.find("div", class_="coprod-notice")
    assert notice is not None and text_of(notice) == (
        "Our review of this charter is overdue. We said we would look at the whole charter again "
        "by 10 January 2026. That date has passed, so it is time to look at it together.")


def test_charter_page_lists_changes_under_discussion_and_how_to_comment(history_site: Path) -> None:
    page = article(history_site, "charter")
    text = text_of(page).split("Changes under discussion", 1)[1].strip()
    assert text == ("These changes have been suggested but not agreed yet. The charter above stays "
                    "as it is until a meeting agrees a change. AM-05: Say who we are for Suggested by "
                    "Amina K. on 11 April 2025. It would change: Why we exist . How to say what you "
                    "think Come to our next meeting on 10 June 2027, or get in touch: Email the team "
                    "inbox. team@example.org")
    link = page.find("a", string="Why we exist")
    assert link is not None and link["href"] == "#purpose"
    assert page.find(id="purpose") is not None


# --- when history is missing -------------------------------------------------------------


def test_a_shallow_clone_says_so_and_falls_back_to_amendment_records(
        history_site: Path, tmp_path: Path) -> None:
    origin = history_site.parent
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)],
                   check=True, capture_output=True)
    result = mkdocs_build(clone, "--strict")
    assert result.returncode == 0, result.stderr
    page = article(clone / "site", "charter/history")
    notice = page.find("div", class_="coprod-notice")
    assert notice is not None and text_of(notice) == (
        "Some of the history is missing here. This copy of our records was made without its full "
        "history, so we cannot show the wording of earlier versions. They are listed below from our "
        "records of agreed changes. If you look after this website: build it from a full copy of "
        "the records (in GitHub Actions, use fetch-depth: 0 ).")
    assert [text_of(h) for h in page.find_all("h2")][:3] == [
        "Version 3 (the current version)", "Version 2", "Version 1"]
    assert "We do not have the wording of this version here. The amendment above says what changed." \
        in section_text(page, "version-2")
    assert "Why it changed: AM-01: Pay for bus fares" in section_text(page, "version-2")
    assert not page.find_all(["ins", "del"], recursive=True)[2:]  # only the legend's two examples


def test_no_git_at_all_lists_versions_from_the_records(built_group: Path) -> None:
    page = article(built_group, "charter/history")
    notice = page.find("div", class_="coprod-notice")
    assert notice is not None and text_of(notice) == (
        "We cannot show earlier wording here. These records do not include the history of our "
        "charter, so only the current wording is shown. Earlier versions are listed below from our "
        "records of agreed changes.")
    assert [text_of(h) for h in page.find_all("h2")] == ["Version 2 (the current version)", "Version 1"]


def test_a_charter_committed_part_way_says_where_its_wording_starts(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", FILES)
    git(root, "init", "-q")
    commit_all(root, "Move our records here", "2025-03-01T10:00:00+00:00")
    assert mkdocs_build(root, "--strict").returncode == 0
    page = article(root / "site", "charter/history")
    notice = page.find("div", class_="coprod-notice")
    assert notice is not None and text_of(notice) == (
        "Our records hold the wording of our charter from version 2 onwards. Earlier versions are "
        "listed from our records of agreed changes, without their wording.")


# --- the example group and a real charter's history ---------------------------------------


def test_the_example_groups_history_reads_well() -> None:
    if not (REPO / "content" / "charter.md").is_file():
        pytest.skip("the example group is not here")
    import datetime as dt

    from coprod_site.charter_history import build_charter_history
    from coprod_site.loading import load_group
    from coprod_site.published import Published

    group, _ = load_group(REPO)
    history = build_charter_history(Published(group, dt.date(2026, 11, 21)))
    assert history is not None
    numbers = [v.number for v in history.versions]
    assert numbers == sorted(numbers, reverse=True) and numbers[-1] == 1
    assert history.versions[0].is_current and history.versions[0].has_text
    assert all(v.amendments for v in history.versions if v.number and v.number > 1)


def corpus_versions() -> list[Path]:
    if not CORPUS_HISTORY.is_dir():
        pytest.skip("the shared corpus is not here")
    versions = sorted(CORPUS_HISTORY.glob("CPC-CHARTER@*.md"))
    current = CORPUS_HISTORY.parent / "CPC-CHARTER.md"
    return [*versions, current] if current.is_file() else versions


def test_a_real_five_version_charter_renders_a_readable_comparison(tmp_path: Path) -> None:
    versions = corpus_versions()
    assert len(versions) == 5
    root = write_files(tmp_path / "group", {**FILES, "content/amendments/AM-01-travel.md": None,
                                            "content/charter.md": None})
    git(root, "init", "-q")
    for number, path in enumerate(versions, start=1):
        date = re.search(r"@(\d{4}-\d{2}-\d{2})", path.name)
        day = date.group(1) if date else "2026-07-23"
        front = (f"---\ntitle: Cross Project Council Charter\nversion: {number}\n"
                 f"adopted_on: 2018-12-17\n---\n")
        (root / "content" / "charter.md").write_text(front + path.read_text(encoding="utf-8"),
                                                     encoding="utf-8")
        commit_all(root, f"Charter version {number}", f"{day}T12:00:00+00:00")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = article(root / "site", "charter/history")
    assert [text_of(h) for h in page.find_all("h2")] == [
        "Version 5 (the current version)", "Version 4", "Version 3", "Version 2", "Version 1"]
    two = version_section(page, "version-2")
    changed = [text_of(h) for h in two if h.name == "h4"]
    assert "Section 2. Evolution of OpenJS Foundation Governance." in changed
    assert any(p.get_text().startswith("This part used to be called “Section 2. Evolution of _$FOUNDATION_")
               for p in two if p.name == "p")
    words = [text_of(el) for el in two for el in el.find_all("ins")]
    assert "[added: OpenJS ]" in words
    # a clause renumbered but otherwise the same is compared with its old self, not added anew
    assert "New part: Section 9. Decision Making" not in changed
    assert "Section 9. Decision Making" in changed


def test_an_agreed_amendment_links_to_the_version_it_made(history_site: Path) -> None:
    page = article(history_site, "amendments/AM-01")
    link = page.find("a", string="Version 2: see what changed")
    assert link is not None and link["href"] == "../../charter/history/#version-2"


def test_a_change_made_without_a_new_version_is_shown_apart_from_what_was_agreed(tmp_path: Path) -> None:
    """A wording change committed straight to the charter, keeping its version number, is not
    shown as part of what the meeting agreed: the page says it came after, without an amendment."""
    root = three_version_repo(tmp_path / "group")
    charter = root / "content" / "charter.md"
    text = charter.read_text()
    assert "We can change the leaflets and the posters." in text
    charter.write_text(text.replace("We can change the leaflets and the posters.",
                                    "Staff can change the leaflets and the posters."))
    commit_all(root, "Tidy up", "2025-06-01T10:00:00+00:00")
    assert mkdocs_build(root, "--strict").returncode == 0
    page = article(root / "site", "charter/history")
    current = section_text(page, "version-3")
    agreed, _, after = current.partition("Changed after it was agreed")
    assert "Staff" not in agreed  # what AM-02 changed, compared with version 2, is as agreed
    assert after.startswith(" The wording of version 3 was changed after it was first put in our records, "
                            "without a new version or an amendment.")
    assert "[removed: We ] [added: Staff ] can change the leaflets" in after
    assert "Changed after it was agreed" not in section_text(page, "version-2")


def test_an_earlier_version_that_held_a_phone_number_is_reported_and_can_be_left_out(tmp_path: Path) -> None:
    """A number taken out of the charter stays in git, which the history page reads: `coprod check`
    says so (a plain check of the file cannot see it), and `withheld_versions` leaves that wording out."""
    with_number = CHARTER_2.replace("your bus fare.", "your bus fare. Ask Sam on 07700 900123.")
    root = three_version_repo(tmp_path / "group", charter_2=with_number)
    problems = [str(p) for p in check_folder(root)[2]]
    assert problems == [
        ("content/charter.md, line 3: version 2 of the charter, as it is in git, has a phone number (0770…). "
        "Phone numbers are never published. The charter's history page shows the wording of every version "
        "from git, so changing this file does not take it out. Leave that version's wording out of the "
        "history page: put 'withheld_versions: [2]' with the charter's other fields.")]
    failed = mkdocs_build(root, "--strict")
    assert failed.returncode == 1 and "version 2 of the charter, as it is in git" in failed.stderr

    charter = root / "content" / "charter.md"
    charter.write_text(charter.read_text().replace("review_by:", "withheld_versions: [2]\nreview_by:"))
    assert check_folder(root)[2] == []
    assert mkdocs_build(root, "--strict").returncode == 0
    site = root / "site"
    assert not [path for path in site.rglob("*") if path.is_file() and b"900123" in path.read_bytes()]
    page = article(site, "charter/history")
    assert "The wording of this version is not shown here. The amendment above says what changed." in (
        section_text(page, "version-2"))
    assert "The wording of the version before it is not shown here, so we cannot show what changed in it." in (
        section_text(page, "version-3"))
    assert "We pay for your time." in section_text(page, "version-1")
    assert "do not have" not in text_of(page)  # nothing is missing: one version is left out on purpose


def test_a_merged_pull_request_is_one_change_not_every_draft_on_its_branch(tmp_path: Path) -> None:
    """A branch that first wrote 'bus fare only' and then corrected it, merged as one pull request:
    the history shows what was merged, and nothing as changed after it was agreed."""
    from charter_git import FIRST_FILES, SECOND_FILES

    root = write_files(tmp_path / "group", FIRST_FILES)
    git(root, "init", "-q", "-b", "main")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    commit_all(root, "Our first charter", "2025-01-12T10:00:00+00:00")
    git(root, "checkout", "-q", "-b", "bus-fares")
    write_files(root, {**SECOND_FILES, "content/charter.md": CHARTER_2.replace("and your bus fare", "or bus fare only")})
    commit_all(root, "AM-01, a first go", "2025-02-20T10:00:00+00:00")
    write_files(root, SECOND_FILES)
    commit_all(root, "AM-01, as agreed", "2025-02-21T10:00:00+00:00")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "bus-fares", "-m", "Merge AM-01", date="2025-02-22T10:00:00+00:00")
    assert mkdocs_build(root, "--strict").returncode == 0
    page = article(root / "site", "charter/history")
    assert "bus fare only" not in page.get_text() and "Changed after it was agreed" not in page.get_text()
    assert "and your bus fare" in section_text(page, "version-2")


def test_a_version_undone_by_a_revert_gives_each_version_its_own_place_on_the_page(tmp_path: Path) -> None:
    """Versions 2, 3, then 2 again: the contents linked both 2s to the first, with two equal ids."""
    root = three_version_repo(tmp_path / "group")
    git(root, "revert", "--no-edit", "HEAD", date="2025-06-01T10:00:00+00:00")
    assert mkdocs_build(root).returncode == 0
    page = article(root / "site", "charter/history")
    ids = [heading["id"] for heading in page.find_all("h2") if heading.get("id", "").startswith("version-")]
    links = [link["href"] for link in page.select("nav[aria-label='Versions of the charter'] a")]
    assert ids == ["version-2-b", "version-3", "version-2", "version-1"]
    assert links == [f"#{anchor}" for anchor in ids]


def test_a_clause_whose_id_alone_changed_says_its_link_changed(tmp_path: Path) -> None:
    root = three_version_repo(tmp_path / "group", CHARTER_2.replace("{#online}", "{#meeting-online}"))
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    text = text_of(article(root / "site", "charter/history"))
    assert ("Meeting online Its link changed: it was #online , and is now #meeting-online . "
            "Some meetings are online.") in text
    assert "New part: Meeting online" not in text


def test_two_changes_agreed_in_one_pull_request_are_two_versions(tmp_path: Path) -> None:
    """Versions 4 and 5 merged in one change: version 4 had been missing from the page, its
    amendment nowhere and its link ('#version-4') to nothing."""
    from charter_git import CHARTER_3

    root = three_version_repo(tmp_path / "group")
    charter_5 = CHARTER_3.replace("version: 3", "version: 5").replace(
        "You can take a break at any time.", "You can take a break at any time, or go home early.").replace(
        "We can change the leaflets and the posters.", "We can change the leaflets, the posters and the website.")
    amendment = ("---\ntitle: {title}\nstatus: agreed\nproposed_on: 2025-04-11\nclauses: [{clause}]\n"
                 "agreed_at: 2025-04-11-charter-review\ncharter_version: {version}\n---\n{why}\n")
    write_files(root, {
        "content/charter.md": charter_5,
        "content/amendments/AM-06-home.md": amendment.format(title="Going home early", clause="wellbeing",
                                                             version=4, why="Some of us get tired."),
        "content/amendments/AM-07-web.md": amendment.format(title="The website", clause="remit",
                                                            version=5, why="We make a website now."),
    })
    commit_all(root, "Merge: AM-06 and AM-07", "2025-06-01T10:00:00+00:00")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    page = article(root / "site", "charter/history")
    assert page.find(id="version-4") is not None
    text = text_of(page)
    assert ("Version 4 Agreed At Charter review (11 April 2025) Why it changed: AM-06: Going home early") in text
    assert ("This version was agreed in the same change to our records as version 5, so its wording is only "
            "there: what changed in version 5 includes what changed in this one.") in text
    assert "What changed since version 3" in text.split("Version 5", 2)[2]
    assert "Some of the history is missing here" not in text and "from version" not in text
