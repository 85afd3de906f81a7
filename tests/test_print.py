"""Meeting, decision, charter and report pages print cleanly on A4, tested by printing them.

Chromium prints each page to PDF (A4); pdftoppm turns it into PNG images, the
form a person checks by eye, and pdftotext shows what is on the paper: the
page's own text and link addresses, no navigation, search or skip link.
"""
# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import copy_example, mkdocs_build
from example_site import ExampleSite, browser, example_site, example_url, site_prefix  # noqa: F401
from support.browser import open_page, require, save_pdf, serve_directory
from test_closed_group import close_group

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

PRINTED = {
    "meeting": "meetings/2025-02-19-waiting-room/",
    "decision": "decisions/D-010/",
    "charter": "charter/",
    "report": "reports/impact-2025/",
}

SCREEN_ONLY = ".md-header, .md-sidebar, .md-search, .md-footer, .md-tabs, .md-skip"

PRINT_LAYOUT = """
(screenOnly) => ({
  shown: [...document.querySelectorAll(screenOnly)].filter(el => el.checkVisibility()).map(el => el.className),
  clipped: [...document.querySelectorAll('article table')].filter(table =>
    table.getBoundingClientRect().right > document.querySelector('article').getBoundingClientRect().right + 1
  ).length,
  // a glossary word is not a reference: its address would only clutter the paper
  unlabelled: [...document.querySelectorAll('article a[href]:not(.coprod-term)')].filter(a =>
    !/^(#|https?:|mailto:)/.test(a.getAttribute('href')) && !a.dataset.coprodPrintHref
    && a.dataset.coprodPrintAs !== 'shown').length,
})
"""


@pytest.mark.parametrize("kind", sorted(PRINTED))
def test_the_page_prints_cleanly_on_a4(example_site: ExampleSite, example_url: str, browser: Browser,
                                       kind: str, tmp_path: Path) -> None:
    for tool in ("pdftoppm", "pdftotext"):
        require(shutil.which(tool) is not None, f"{tool} (poppler-utils)")
    url = example_url + example_site.prefix + PRINTED[kind]
    with open_page(browser, width=794) as page:
        page.goto(url)
        page.emulate_media(media="print")
        layout = page.evaluate(PRINT_LAYOUT, SCREEN_ONLY)
        heading = page.inner_text("article h1")
        pdf = save_pdf(page, tmp_path / f"{kind}.pdf")
    assert layout == {"shown": [], "clipped": 0, "unlabelled": 0}
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / kind)], check=True)
    assert list(tmp_path.glob(f"{kind}-*.png")), "every printed page becomes an image to look at"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert " ".join(heading.split()) in " ".join(text.split())
    assert "Skip to content" not in text and "Search" not in text
    # a link's address is the published one, also when printed from a preview on this computer
    published = "https://example.org/our-group/"
    if kind == "meeting":
        assert f"({published}decisions/D-002/)" in "".join(text.split())
        assert example_url not in text
    # whose page, where and when, for a sheet handed round or pinned up
    assert (f"Outpatients Together: {published}{PRINTED[kind]}. Printed from the website as it was "
            "published on") in " ".join(text.replace("/\n", "/").split())


def test_a_printed_link_address_breaks_only_after_a_slash_or_a_hyphen(
        example_site: ExampleSite, example_url: str, browser: Browser, tmp_path: Path) -> None:
    """Each link's address, printed after it for the reader on paper, broke wherever the line
    ran out: '(http' / 's://example.org/…/2025-11-19-t' / 'ext-reminders/)'."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(example_url + example_site.prefix + "meetings/2025-10-15-video-appointments/")
        pdf = save_pdf(page, tmp_path / "printed.pdf")
    # -raw: the text as printed, line by line, with no hyphen at a line's end taken away
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    addresses = [part for part in re.findall(r"\([^()]*\)", text) if "://" in part.replace("\n", "")]
    assert any("\n" in address for address in addresses), "a long address runs over a line"
    assert [address for address in addresses if re.search(r"[^/-]\n", address)] == []


@pytest.mark.parametrize(("path", "printed", "not_printed"), [
    ("charter/", "(AM-02: Let any member add something to the agenda, https://example.org/our-group/amendments/AM-02/)",
     "/AM-02/))"),
    ("meetings/2025-06-04-paying-for-reading-time/",
     ("(read its guidance on working with people and communities, https://www.england.nhs.uk/publication/"
      "working-in-partnership-with-people-and-communities-statutory-guidance/)"), "guidance/))"),
    ("meetings/2025-06-04-paying-for-reading-time/",
     "take part is https://www.england.nhs.uk/get-involved/.", "(https://www.england.nhs.uk/get-involved/)"),
])
def test_a_printed_links_address_is_not_said_twice_or_put_in_brackets_twice(
        example_site: ExampleSite, example_url: str, browser: Browser, tmp_path: Path, path: str, printed: str,
        not_printed: str) -> None:
    """'(AM-02: Let any member… (https://…/AM-02/))' on paper: a link that closes a bracket of its
    own text now has its address inside that bracket; an address written as the link is printed once."""
    _, text = printed_text(browser, example_url + example_site.prefix + path, tmp_path)
    # an address broken over two lines, read as one (pdftotext takes away a '-' ending a line)
    text = re.sub(r"(?<=\S[/-]) ", "", text)
    assert printed.replace("-", "") in text.replace("-", "")
    assert not_printed not in text


def test_the_example_poster_with_a_long_venue_prints_on_one_sheet(example_site: ExampleSite, example_url: str,
                                                                   browser: Browser, tmp_path: Path) -> None:
    """The example's next meeting has a long venue and four kinds of support: its poster ran onto
    a second sheet holding one sentence."""
    require(shutil.which("pdfinfo") is not None, "pdfinfo (poppler-utils)")
    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "meetings/next/poster/")
        pdf = save_pdf(page, tmp_path / "poster.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info


def test_the_example_posters_words_say_each_thing_once_and_read_on_from_line_to_line(
        example_site: ExampleSite, example_url: str, browser: Browser, tmp_path: Path) -> None:
    """The example's next meeting is in person and online, and its venue says so ('..., and
    online (...)'): the poster added 'You can also join online.' on the next line, and read as
    text it ran on, '...live captions online) You can also join online.'; '2026' ran into '4:30pm'."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "meetings/next/poster/")
        heard = page.locator(".coprod-poster__facts").aria_snapshot()
        pdf = save_pdf(page, tmp_path / "poster.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert ("When Thursday 10 December 2026 from 4:30pm to 6pm Where Meeting room 2, Outpatients, Riverside "
            "Children's Hospital, and online (step-free, hearing loop, quiet room next door, live captions "
            "online) Support BSL interpreter") in text, text
    assert "join online" not in text and "join online" not in heard


def test_the_posters_address_to_type_breaks_only_after_a_slash(example_site: ExampleSite, example_url: str,
                                                               browser: Browser, tmp_path: Path) -> None:
    """The address broke after the '-' of '...-end-' as well: typed from paper, a line ending in '-'
    does not say whether the '-' is part of the address."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    with open_page(browser) as page:
        page.goto(example_url + example_site.prefix + "meetings/next/poster/")
        pdf = save_pdf(page, tmp_path / "poster.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = text.partition("or type\n")[2].partition("\n\n")[0].splitlines()
    assert len(lines) > 1 and all(line.endswith("/") for line in lines), lines
    assert "".join(lines) == "example.org/" + example_site.prefix + "meetings/2026-12-10-end-of-year/"


@pytest.mark.parametrize("path", ["how-we-work/", "reports/farewell/", "decisions/"])
def test_no_printed_sheet_but_the_last_is_nearly_empty(example_site: ExampleSite, example_url: str,
                                                       browser: Browser, path: str, tmp_path: Path) -> None:
    """A chart kept whole, but drawn too large for a sheet, left one heading on a page; a box of
    figures kept whole left two thirds of the first sheet blank; a table printed an address after
    every link. Each sheet but the last carries a good share of the page."""
    printed = printed_sheets(example_site, example_url, browser, path, tmp_path)
    lines = [len(sheet.strip().splitlines()) for sheet in printed[:-1]]
    assert all(count >= 15 for count in lines), lines


def printed_sheets(example_site: ExampleSite, example_url: str, browser: Browser, path: str,
                   tmp_path: Path) -> list[str]:
    """The text of each sheet the example's page at `path` prints on, laid out as printed."""
    for tool in ("pdfinfo", "pdftotext"):
        require(shutil.which(tool) is not None, f"{tool} (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(example_url + example_site.prefix + path)
        pdf = save_pdf(page, tmp_path / "printed.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    sheets = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, sheets + 1)]


@pytest.mark.parametrize("path", ["amendments/AM-01/", "reports/", "meetings/2026/", "decisions/D-010/",
                                  "decisions/D-003/", "decisions/D-005/"])
def test_no_printed_sheet_is_blank(example_site: ExampleSite, example_url: str, browser: Browser, path: str,
                                   tmp_path: Path) -> None:
    """A page short enough for one sheet came out of the printer with a second, empty one: the
    page is at least as tall as the paper, and the space above its content pushed it over; the
    space below the printed footer did, under two decisions that fill their sheet."""
    printed = printed_sheets(example_site, example_url, browser, path, tmp_path)
    blank = [n for n, sheet in enumerate(printed, start=1) if not sheet.strip()]
    assert blank == [], f"{len(printed)} sheets, blank: {blank}"


def filled(pdf: Path) -> list[float]:
    """How far down each printed sheet its text reaches, as a share of the sheet's height."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    shares = []
    for sheet in boxes.split("<page ")[1:]:
        size = re.search(r'height="([\d.]+)"', sheet)
        assert size is not None
        height = float(size.group(1))
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', sheet)]
        shares.append(round(max(bottoms, default=0) / height, 2))
    return shares


@pytest.mark.parametrize("path", ["meetings/2025-02-19-waiting-room/", "meetings/2025-11-19-text-reminders/",
                                  "decisions/D-010/"])
def test_a_list_of_facts_is_not_pushed_whole_onto_the_next_sheet(example_site: ExampleSite, example_url: str,
                                                                  browser: Browser, path: str,
                                                                  tmp_path: Path) -> None:
    """Keeping each label with its value kept the whole list together: "When and where" went
    to the second sheet and left a third of the first one blank."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(example_url + example_site.prefix + path)
        shares = filled(save_pdf(page, tmp_path / "printed.pdf"))
    assert len(shares) > 1 and all(share >= 0.75 for share in shares[:-1]), shares


@pytest.mark.parametrize("path", ["decisions/D-002/", "decisions/D-014/"])
def test_a_short_decision_prints_on_one_sheet_with_its_qr_code(example_site: ExampleSite, example_url: str,
                                                               browser: Browser, path: str,
                                                               tmp_path: Path) -> None:
    """The share box, kept whole, with its screen-sized heading, spacing and QR code, went to a
    second sheet of its own: eleven of fourteen decisions took two sheets of paper."""
    for tool in ("pdfinfo", "pdftotext"):
        require(shutil.which(tool) is not None, f"{tool} (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(example_url + example_site.prefix + path)
        pdf = save_pdf(page, tmp_path / "printed.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    assert "Scan this QR code with a phone camera" in " ".join(text.split()) and f"https://example.org/our-group/{path}" in text


@pytest.mark.parametrize("path", ["meetings/", "meetings/2025/", "decisions/"])
def test_a_printed_list_has_no_links_between_its_years(example_site: ExampleSite, example_url: str,
                                                       browser: Browser, path: str, tmp_path: Path) -> None:
    """The links between the years of a list printed as three lines of addresses, 'All meetings
    (https://...)' among them, on paper where nobody can follow them."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(example_url + example_site.prefix + path)
        years = page.locator("nav.coprod-years").inner_text()
        pdf = save_pdf(page, tmp_path / "printed.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "2025 (" in years
    assert [line for line in years.splitlines() if line.strip() and line.strip() in text] == [], text[:600]


@pytest.mark.parametrize("path", ["reports/farewell/", "actions/"])
def test_a_tables_heading_and_column_names_go_to_the_next_sheet_with_its_first_row(
        example_site: ExampleSite, example_url: str, browser: Browser, path: str, tmp_path: Path) -> None:
    """The farewell report's decisions still waiting for a reply: the heading and the names of
    the columns were left at the foot of a sheet, the rows on the next under the names again."""
    printed = printed_sheets(example_site, example_url, browser, path, tmp_path)
    for heading, first_row in [("Decisions still waiting for a reply", "D-010"), ("Done (", "ACT-001")]:
        sheets = [sheet for sheet in printed if heading in sheet]
        assert len(sheets) <= 1 and all(first_row in sheet for sheet in sheets), sheets
    assert [sheet for sheet in printed if re.search(r"(Decision|Action) +What.*\n\s*\Z", sheet)] == []


A4_WIDTH, MARGIN = 595.3, 70.9  # points: Material's @page margin is 25mm

# A word's own hyphen may end a line ('note-' / 'taker'), as in print; an id's may not.
RECORD_ID = re.compile(r"[A-Z]+-\d+:?")


def word_parts(words: list[str]) -> Counter[str]:
    """The parts of `words` a line may end between: a word, or its parts after each hyphen."""
    return Counter(part for word in words
                   for part in ([word] if RECORD_ID.fullmatch(word) else re.findall(r"[^-]*-|[^-]+", word)))


def printed_words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """Each word printed in `pdf`: its sheet, left and right edges and top (points), and text."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    return [(sheet, float(x0), float(x1), float(y0), html.unescape(word))
            for sheet, page in enumerate(boxes.split("<page ")[1:], start=1)
            for x0, y0, x1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)]


@pytest.mark.parametrize(("path", "first", "most_sheets"), [("decisions/", "Decision", 2), ("actions/", "What", 5)])
def test_a_printed_list_gives_the_words_read_first_the_room(example_site: ExampleSite, example_url: str,
                                                            browser: Browser, path: str, first: str,
                                                            most_sheets: int, tmp_path: Path) -> None:
    """Material's room round every cell filled the sheet's width before a word was in it: a
    decision's title, the column read first, had a fifth of it and ran to six lines while the
    date, status and power had the rest (3 sheets); an action's 'What' had as little as its id (6).
    The title and the 'What' now have the room; no word is broken, nothing passes the margin."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(example_url + example_site.prefix + path)
        names = page.eval_on_selector("article table thead", "head => [...head.rows[0].cells].map(c => c.innerText)")
        rows = page.eval_on_selector_all("article table tbody tr",
                                         "rows => rows.map(row => [...row.cells].map(cell => cell.innerText))")
        pdf = save_pdf(page, tmp_path / "printed.pdf")
    words = printed_words(pdf)
    top = next(y for sheet, _, _, y, word in words if sheet == 1 and word == names[0].split()[0])
    starts = [next(x for sheet, x, _, y, word in words if sheet == 1 and y == top and word == name.split()[0])
              for name in names]
    last_column = {word for row in rows for word in row[-1].split()}
    right_edge = max(right for _, x, right, _, word in words if x >= starts[-1] and word in last_column)
    widths = dict(zip(names, [after - before for before, after in zip(starts, [*starts[1:], right_edge])]))
    assert max(widths, key=widths.__getitem__) == first, widths
    assert widths[first] >= sum(widths.values()) / 4, widths
    assert max(right for _, _, right, _, _ in words) <= A4_WIDTH - MARGIN, "nothing passes the sheet's margin"
    assert word_parts([word for row in rows for cell in row for word in cell.split()]) - word_parts(
        [word for *_, word in words]) == {}
    assert max(sheet for sheet, *_ in words) <= most_sheets


@pytest.fixture(scope="module")
def closed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example group, closed as a facilitator closes it, served as published; the address of
    its first page (not --strict: closing leaves warnings on purpose)."""
    root = close_group(copy_example(tmp_path_factory.mktemp("closed") / "group"))
    prefix = site_prefix(root / "mkdocs.yml")
    result = mkdocs_build(root, site=root / "www" / prefix)
    assert result.returncode == 0, result.stderr
    with serve_directory(root / "www") as base_url:
        yield base_url + prefix


def printed_text(browser: Browser, url: str, tmp_path: Path) -> tuple[int, str]:
    """How many A4 sheets the page at `url` prints on, and its text as printed."""
    for tool in ("pdfinfo", "pdftotext"):
        require(shutil.which(tool) is not None, f"{tool} (poppler-utils)")
    with open_page(browser, width=794) as page:
        page.goto(url)
        pdf = save_pdf(page, tmp_path / "printed.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1]), " ".join(text.split())  # type: ignore[index]


@pytest.mark.parametrize("path", ["decisions/D-010/", "actions/"])
def test_a_closed_groups_page_says_so_once_at_the_top_of_the_paper(closed_url: str, browser: Browser,
                                                                    path: str, tmp_path: Path) -> None:
    _, text = printed_text(browser, closed_url + path, tmp_path)
    assert text.startswith("This group has closed. It met from 6 November 2024 to 20 November 2026. Read our "
                           "farewell report (https://example.org/our-group/reports/farewell/)")
    assert text.count("This group has closed.") == 1


@pytest.mark.parametrize("path", ["decisions/D-002/", "decisions/D-014/", "meetings/2026-12-03-waiting-room-visit/"])
def test_a_closed_groups_short_page_prints_on_one_sheet_with_its_notice(closed_url: str, browser: Browser,
                                                                         path: str, tmp_path: Path) -> None:
    """The notice above the title, printed at the size of the page's text with its paragraph's
    margins inside its own, took 35 mm under the 13 mm Material leaves for its header: six of the
    seven decisions that fit on one sheet for a group still meeting took two once it had closed."""
    sheets, text = printed_text(browser, closed_url + path, tmp_path)
    assert text.startswith("This group has closed. It met from 6 November 2024 to 20 November 2026. Read our "
                           "farewell report (https://example.org/our-group/reports/farewell/) to see what we did")
    assert sheets == 1


def test_a_closed_groups_poster_prints_on_one_sheet_saying_so_once(closed_url: str, browser: Browser,
                                                                   tmp_path: Path) -> None:
    """The notice at the top of every page of a closed group was printed on its poster too, above
    the poster's own 'This group has closed', and pushed the poster's last lines onto a second sheet."""
    sheets, text = printed_text(browser, closed_url + "meetings/next/poster/", tmp_path)
    assert text.startswith("OUTPATIENTS TOGETHER This group has closed We met from"), text[:200]
    assert "Read our farewell report" not in text
    assert sheets == 1
