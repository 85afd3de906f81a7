"""Keyboard and zoom, in a real browser: skip link, visible focus, every control by Tab, reflow.

WCAG 2.4.1 (bypass blocks), 2.4.7 and 2.4.11 (focus visible and not hidden),
2.1.1 (keyboard) and 1.4.10 (reflow: no sideways scrolling at 320 CSS pixels,
or at 200% zoom of a 1280 pixel window).
"""
# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

import pytest
from example_site import ExampleSite, browser, example_site, example_url  # noqa: F401
from support.browser import horizontal_overflow_px, open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

MARK_FOCUSABLE = """
() => {
  const selector = ':is(a[href], button, input, select, textarea, summary, [tabindex]):not([tabindex="-1"])';
  const shown = [...document.querySelectorAll(selector)].filter(el =>
    !el.disabled && el.checkVisibility({visibilityProperty: true}) &&
    el.getBoundingClientRect().width > 0);
  shown.forEach((el, index) => el.dataset.kb = String(index));
  return shown.map(el => el.outerHTML.slice(0, 100));
}
"""

LOOK_AT_FOCUS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // A visually hidden radio is shown by a label: Material's colour toggle shows the label
  // of the other radio in the group.
  const label = el.type === 'radio' && el.getBoundingClientRect().width === 0
    ? [...document.querySelectorAll('label')].find(l => l.control?.name === el.name && l.checkVisibility())
    : null;
  const shown = label || el;
  const style = getComputedStyle(el), shownStyle = getComputedStyle(shown);
  const ring = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  const box = shown.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    kb: el.dataset.kb ?? null,
    html: el.outerHTML.slice(0, 100),
    text: el.innerText.trim(),
    indicator: ring(style) || ring(shownStyle),
    inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    uncovered: !!hit && (shown.contains(hit) || hit.contains(shown) || hit.closest('label') === shown),
    where: `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)} rects=${shown.getClientRects().length} scrollY=${scrollY} at ${Math.round(x)},${Math.round(y)}: ${hit ? hit.outerHTML.slice(0, 80) : 'nothing'}`,
  };
}
"""
"""The focused element as shown, at once: with JavaScript turned off the page has no timers to wait with."""

FOCUSED = """
async () => {
  // Let scrolling and the search overlay's fade settle before looking.
  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
  await Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
                      new Promise(resolve => setTimeout(resolve, 1000))]);
  const where = () => `${scrollY} ${document.activeElement?.getBoundingClientRect().top}`;
  // Material holds the page still while its search overlay is open, and lets go a moment
  // after the overlay closes.
  const held = () => document.body.hasAttribute('data-md-scrolllock') && !document.activeElement?.closest('.md-search');
  for (let last = '', steady = 0, tries = 0; (steady < 3 || held()) && tries < 120; tries++) {
    await frame();
    steady = where() === last ? steady + 1 : 0;
    last = where();
  }
  return (""" + LOOK_AT_FOCUS.strip() + """)();
}
"""


def meeting_url(site: ExampleSite) -> str:
    """An agreed meeting with actions: links, a table and statuses to reach."""
    return site.prefix + "meetings/2025-02-19-waiting-room/"


def tab_through(page: Page, presses: int) -> list[dict[str, Any]]:
    stops: list[dict[str, Any]] = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is not None:
            stops.append(focused)
    return stops


@pytest.mark.parametrize("where", ["a meeting", "the page for a missing address", "charter/", "reports/impact-2025/"])
def test_the_skip_link_is_first_and_moves_to_the_content(example_site: ExampleSite, example_url: str,
                                                         browser: Browser, where: str) -> None:
    """To the start of the content, the page's title: on the charter and a report, pages with
    contents of their own, it had gone to their first part, past the title and the notices."""
    address = {"a meeting": meeting_url(example_site),
               "the page for a missing address": example_site.prefix + "404.html"}.get(where, example_site.prefix + where)
    with open_page(browser) as page:
        page.goto(example_url + address)
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUSED)
        assert first is not None and first["text"] == "Skip to content"
        assert first["inView"] and first["indicator"]
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#coprod-main"
        assert page.evaluate("() => document.activeElement.id") == "coprod-main"
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('#coprod-main')")


@pytest.mark.parametrize("width", [1280, 320])
def test_every_link_and_control_is_reached_by_tab_with_focus_visible(
        example_site: ExampleSite, example_url: str, browser: Browser, width: int) -> None:
    with open_page(browser, width=width) as page:
        page.goto(example_url + meeting_url(example_site))
        focusable = page.evaluate(MARK_FOCUSABLE)
        assert len(focusable) > 5
        stops = tab_through(page, len(focusable) + 5)
    reached = {stop["kb"] for stop in stops}
    missed = [html for index, html in enumerate(focusable) if str(index) not in reached]
    assert missed == []
    assert [stop["html"] for stop in stops if not stop["indicator"]] == [], "focus must be visible"
    hidden = [(stop["html"], stop["where"]) for stop in stops if not (stop["inView"] and stop["uncovered"])]
    assert hidden == [], "a focused element must not be off screen or hidden behind something"


LARGE_TEXT = "html { font-size: calc(125% * 2) !important }"
"""A phone's text made twice as large: Material's own 125%, doubled (its sizes are in rem)."""


@pytest.mark.parametrize(("width", "zoom", "text", "scripts"),
                         [(320, 1, 1, True), (640, 2, 1, True), (320, 1, 2, True), (320, 1, 1, False)],
                         ids=["320px", "1280px-at-200%", "320px-with-text-at-200%", "320px-without-javascript"])
def test_no_page_scrolls_sideways(example_site: ExampleSite, example_url: str, browser: Browser,
                                  width: int, zoom: int, text: int, scripts: bool) -> None:
    """Without JavaScript (turned off, or not yet loaded on a slow phone) the page's title in the
    header, waiting off to the right to slide in, made most pages 13 pixels too wide."""
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=zoom,
                                  java_script_enabled=scripts)
    try:
        page = context.new_page()
        wide = {}
        for url in example_site.page_urls():
            page.goto(example_url + url)
            if text > 1:
                page.add_style_tag(content=LARGE_TEXT)
            overflow = horizontal_overflow_px(page)
            if overflow:
                wide[url] = overflow
    finally:
        context.close()
    assert wide == {}, "pages wider than the screen, in CSS pixels"


def test_tables_of_records_are_cards_on_a_phone_and_still_tables_to_a_screen_reader(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """Five columns in 320 pixels broke words letter by letter ('AC T- 00 3'): on a narrow screen
    each row is a card with each cell under its column's name, and the table is still a table,
    its cells named without the drawn labels."""
    for width, display in [(320, "block"), (1280, "table-row")]:
        with open_page(browser, width=width) as page:
            page.goto(example_url + meeting_url(example_site))
            table = page.locator("table[data-coprod-cards]").first
            rows = table.evaluate("""table => [...table.tBodies[0].rows].map(row => ({
                display: getComputedStyle(row).display, right: row.getBoundingClientRect().right,
                label: getComputedStyle(row.cells[2], '::before').content,
                size: parseFloat(getComputedStyle(row.cells[1]).fontSize)}))""")
            assert rows and {row["display"] for row in rows} == {display}, width
            if width == 320:  # a card is read like the page around it, not in a table's small print
                assert min(row["size"] for row in rows) >= 16
            assert all(row["right"] <= width for row in rows), width
            if width == 320:
                assert rows[0]["label"] == '"Who: " / ""'
                tree = table.aria_snapshot()
                assert '- columnheader "Who"' in tree and '- cell "Sam Adeyemi"' in tree and "Who:" not in tree


BROKEN_WORDS_IN = """
(selector) => [...document.querySelectorAll(selector)].flatMap(cell => {
  if (!cell.checkVisibility()) return [];
  const broken = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/[^\\s\\u00ad-]+-?/g)) {  // a line may end after a hyphen
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(word[0]);
    }
  }
  return broken;
})
"""


def test_no_word_in_a_table_is_broken_across_lines_on_a_phone(example_site: ExampleSite, example_url: str,
                                                              browser: Browser) -> None:
    """'Lived experie nce only', 'Sta ff onl y', 'To ta l': six columns of figures in 320 pixels
    broke their headings letter by letter, and 'project.y ml' its code. A word in a table stays
    whole, on every page (a line may still end after a hyphen, as in running text)."""
    assert found_on_every_page(example_site, example_url, browser, BROKEN_WORDS_IN, "article table :is(th, td)") == {}


@pytest.mark.parametrize(("media", "width"), [("screen", 800), ("print", 700)])
def test_no_word_in_a_table_is_broken_across_lines_on_a_tablet_or_on_paper(
        example_site: ExampleSite, example_url: str, browser: Browser, media: Literal["screen", "print"], width: int) -> None:
    """Beside the menu on a tablet, and on A4, the statuses in a table broke where their column
    ran out ('Dropp ed', 'superse ded', 'Done 10 Novembe r 2025'): a status could be squeezed to
    any width, so its column was the first to give. A status now keeps its words whole."""
    assert found_on_every_page(example_site, example_url, browser, BROKEN_WORDS_IN, "article table :is(th, td)",
                               width=width, media=media) == {}


def test_the_address_printed_in_the_share_box_breaks_only_between_its_parts(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """On paper the share box's address broke wherever its line ran out ('...2025-10-15-vide' /
    'o-appointments/'), which a reader copying it by hand cannot tell from a real break. It
    breaks after a '/' or a '-'."""
    assert found_on_every_page(example_site, example_url, browser, BROKEN_WORDS_IN, ".coprod-share__print",
                               width=700, media="print") == {}


def test_no_word_of_a_title_is_broken_across_lines_on_a_phone_with_large_text(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """With text at 200% on a phone 320 pixels wide, a page's title broke its long words where
    the line ran out ('Accessibil ity'): a title's size keeps within the screen's width, so each
    of its words fits on a line of its own."""
    assert found_on_every_page(example_site, example_url, browser, BROKEN_WORDS_IN, "article h1",
                               style=LARGE_TEXT) == {}


TITLE_FAINTER_THAN_TEXT = """
() => {
  const title = document.querySelector('article h1'), text = document.querySelector('article p');
  if (!title || !text) return null;
  const [t, p] = [getComputedStyle(title), getComputedStyle(text)];
  const alpha = (colour) => Number((colour.match(/rgba\\(.*,\\s*([\\d.]+)\\)/) || [null, 1])[1]);
  const fainter = parseFloat(t.fontSize) < parseFloat(p.fontSize) || Number(t.fontWeight) < 400
    || alpha(t.color) < alpha(p.color);
  return fainter ? [t.fontSize, t.fontWeight, t.color, p.fontSize, p.color] : null;
}
"""


def test_a_title_made_small_enough_for_a_phone_is_no_fainter_than_the_text(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """Kept near the text's size at 320 pixels with text at 200%, Material's thin grey title
    read fainter than the paragraph under it: it is as large, as dark and no thinner."""
    assert found_on_every_page(example_site, example_url, browser, TITLE_FAINTER_THAN_TEXT,
                               style=LARGE_TEXT) == {}


SMALL_HEADINGS = """
() => {
  const article = document.querySelector('article.md-typeset') || document.querySelector('.md-typeset');
  const text = getComputedStyle(article.querySelector('p:not([class])')), found = {};
  for (const level of ['h4', 'h5', 'h6']) {
    const heading = document.createElement(level);
    heading.textContent = 'What we talked about';
    article.append(heading);
    const style = getComputedStyle(heading);
    found[level] = [parseFloat(style.fontSize) >= parseFloat(text.fontSize), style.textTransform,
                    style.color === text.color];
  }
  return found;
}
"""


def test_a_summarys_smallest_headings_are_as_large_and_dark_as_its_text(
        example_url: str, example_site: ExampleSite, browser: Browser) -> None:
    """A summary's own headings come under its 'Summary', so '###' in minutes may be an h5:
    Material's small grey capitals, smaller and fainter than the words under them."""
    with open_page(browser, width=360) as page:
        page.goto(example_url + example_site.prefix + "meetings/2025-01-15-getting-started/")
        assert page.evaluate(SMALL_HEADINGS) == {level: [True, "none", True] for level in ("h4", "h5", "h6")}


def found_on_every_page(example_site: ExampleSite, example_url: str, browser: Browser, script: str,
                        arg: str | None = None, style: str = "", width: int = 320,
                        media: Literal["screen", "print"] = "screen") -> dict[str, Any]:
    """What `script` (given `arg`) finds on each page of the example, on a phone 320 pixels wide
    unless another `width` is given, with `style` added to each page's."""
    found = {}
    with open_page(browser, width=width) as page:
        page.emulate_media(media=media)
        for url in example_site.page_urls():
            page.goto(example_url + url)
            if style:
                page.add_style_tag(content=style)
            if result := page.evaluate(script, arg):
                found[url] = result
    return found


PUNCTUATION_LEFT_ALONE = """
() => {
  const found = [];
  for (const a of document.querySelectorAll('.md-content a')) {
    const next = a.nextSibling;
    if (!next || next.nodeType !== Node.TEXT_NODE || !/^[:;,.)]/.test(next.textContent)) continue;
    const range = document.createRange();
    range.setStart(next, 0);
    range.setEnd(next, 1);
    const mark = range.getBoundingClientRect(), rects = a.getClientRects();
    if (mark.width && rects.length && mark.top >= rects[rects.length - 1].bottom - 1) {
      found.push(a.textContent.trim().slice(-30) + next.textContent.slice(0, 12));
    }
  }
  return found;
}
"""


def test_punctuation_after_a_link_stays_on_its_line_on_a_phone(example_site: ExampleSite, example_url: str,
                                                               browser: Browser) -> None:
    """'Send two text reminders' / ': Since March 2026 families...': a link in a list made a
    box of its own, so the colon after it began the next line."""
    assert found_on_every_page(example_site, example_url, browser, PUNCTUATION_LEFT_ALONE) == {}


def test_a_cancelled_meeting_and_the_year_links_read_whole_on_a_phone(example_site: ExampleSite, example_url: str,
                                                                       browser: Browser) -> None:
    """'3 December 2026, 4pm to 5pm (' / 'cancelled )': the word came after the day, in
    brackets, and a phone broke it from them. It now comes first. The year links had Material's
    list indent, so a row of them began further in than the heading above."""
    with open_page(browser, width=390) as page:
        page.goto(example_url + example_site.prefix + "meetings/")
        coming = page.locator("h2:text('Coming up') + ul > li").first
        assert " ".join(coming.inner_text().split()).startswith("Cancelled : Visit to the new waiting room: 3 December")
        tops = coming.evaluate("li => [li.querySelector('.coprod-status'), li.querySelector('a')].map("
                               "el => el.getClientRects()[0].top)")
        assert abs(tops[0] - tops[1]) < 8, tops  # the word and the meeting begin on one line
        edges = page.evaluate("""() => [document.querySelector('.md-content h1'),
            ...document.querySelectorAll('.coprod-years li')].map(el => el.getBoundingClientRect().left)""")
        assert len(edges) > 3 and len(set(edges)) == 2 and edges.count(edges[0]) >= 2, edges  # rows start at the heading


def test_a_charts_figures_sit_side_by_side_on_a_phone(example_site: ExampleSite, example_url: str,
                                                      browser: Browser) -> None:
    """Nine quarters of five numbers, one to a line, made a table 2,300 pixels long under its
    chart. Each row is still a card under its quarter, and a table to a screen reader."""
    with open_page(browser, width=390) as page:
        page.goto(example_url + example_site.prefix + "how-we-work/")
        rows = page.evaluate("""() => [...document.querySelectorAll('table[data-coprod-cards="figures"] tbody tr')]
            .map(row => [getComputedStyle(row).display, row.cells.length,
                         new Set([...row.cells].map(cell => Math.round(cell.getBoundingClientRect().top))).size])""")
        assert len(rows) > 20 and all(display == "block" for display, _, _ in rows)
        assert all(lines < cells for _, cells, lines in rows), rows  # the name on its line, then the figures
        assert rows[3] == ["block", 6, 4], rows  # 'Oct to Dec 2024', then 0 0 0 0 0 on three lines
        assert page.locator("table[data-coprod-cards='figures']").first.aria_snapshot().startswith(
            "- 'table \"The figures: Who chaired, facilitated and took notes\"'")


def test_words_in_charts_are_big_enough_to_read_on_a_phone(example_site: ExampleSite, example_url: str,
                                                            browser: Browser) -> None:
    """A chart is drawn to scale with its column: at 320 pixels its labels and numbers had shrunk
    to 10 pixels. Each is at least 12 pixels as shown, and a label still fits beside its bar."""
    with open_page(browser, width=320) as page:
        page.goto(example_url + example_site.prefix + "how-we-work/")
        sizes = page.evaluate("""() => [...document.querySelectorAll('.coprod-chart__svg text')].map(text =>
            parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a)""")
        overlaps = page.evaluate("""() => [...document.querySelectorAll('.coprod-chart__svg')].flatMap(svg => {
            const labels = [...svg.querySelectorAll('.coprod-chart__label')].map(t => t.getBoundingClientRect());
            const bars = [...svg.querySelectorAll('rect:not(.coprod-chart__background)')]
                .map(r => r.getBoundingClientRect()).filter(r => r.height > 0 && r.height < 40);
            return labels.filter(l => bars.some(b => l.bottom > b.top + 1 && l.top < b.bottom - 1
                                                   && l.right > b.left && l.left < b.right)).length;
        })""")
    assert sizes and min(sizes) >= 12, sorted(sizes)[:5]
    assert sum(overlaps) == 0


def test_each_table_has_a_name_and_people_are_cards_on_a_phone(example_site: ExampleSite, example_url: str,
                                                                browser: Browser) -> None:
    """A screen reader lists a page's tables by name; on a phone, names are not broken mid-word
    ('Hele n Mars h')."""
    with open_page(browser, width=320) as page:
        page.goto(example_url + example_site.prefix + "people/")
        table = page.locator("table[data-coprod-cards]").first
        assert table.aria_snapshot().startswith('- table "Members"')
        names = table.evaluate("""table => [...table.tBodies[0].rows].map(row => {
            const range = document.createRange(); range.selectNodeContents(row.cells[0]);
            return [getComputedStyle(row).display, range.getClientRects().length];})""")
        assert names and all(shown == ["block", 1] for shown in names), names  # one line each
        page.goto(example_url + example_site.prefix + "actions/")
        captions = page.locator("table caption").all_inner_texts()
        assert captions and all(caption.startswith("Actions: ") for caption in captions)


def test_the_menu_on_a_small_screen_opens_and_closes_by_keyboard(example_site: ExampleSite, example_url: str,
                                                                  browser: Browser) -> None:
    """Material's menu button is a label Tab never reached (WCAG 2.1.1): it is a button now."""
    state = """() => [document.activeElement.getAttribute('role'), document.activeElement.getAttribute('aria-label'),
                      document.activeElement.getAttribute('aria-expanded'), document.getElementById('__drawer').checked,
                      document.activeElement.closest('.md-nav--primary') !== null, document.activeElement.innerText.trim()]"""
    with open_page(browser, width=320) as page:
        page.goto(example_url + meeting_url(example_site))
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")
        assert page.evaluate(state)[:4] == ["button", "Navigation", "false", False]
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.closest('.md-nav--primary') !== null")
        focused = page.evaluate(FOCUSED)
        assert focused is not None and focused["text"] == "Home" and focused["inView"] and focused["indicator"]
        page.keyboard.press("Tab")
        assert page.evaluate(state)[3:] == [True, True, "Our charter"]
        page.keyboard.press("Escape")
        assert page.evaluate(state)[:4] == ["button", "Navigation", "false", False]


IN_MENU = "() => document.activeElement.closest('.md-nav--primary') !== null"
MENU_SHOWN = "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right > 0"


def test_the_menu_on_a_small_screen_works_by_keyboard_before_material_s_script_has_come(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """On a slow phone the page shows well before Material's script (110 KB) has come: the menu
    button was a label Tab never reached until then, and the closed menu was hidden, so a
    keyboard could reach no other page. The button works by then, and opens the menu."""
    state = """() => [document.activeElement.getAttribute('role'), document.activeElement.getAttribute('aria-expanded'),
                      document.getElementById('__drawer').checked]"""
    with open_page(browser, width=320) as page:
        held: list[Route] = []
        page.route("**/assets/javascripts/bundle.*.js", lambda route: held.append(route))  # not answered yet
        page.goto(example_url + meeting_url(example_site), wait_until="commit")
        page.wait_for_selector('script[src*="/bundle."]', state="attached")  # the page is all there
        assert len(held) == 1
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")
        assert page.evaluate(state) == ["button", "false", False]
        page.keyboard.press("Enter")
        page.wait_for_function(IN_MENU)
        page.wait_for_function(MENU_SHOWN)
        focused = page.evaluate(FOCUSED)
        assert focused is not None and focused["text"] == "Home" and focused["indicator"]
        page.keyboard.press("Escape")
        assert page.evaluate(state) == ["button", "false", False]
        held[0].continue_()
        page.wait_for_load_state("load")


@pytest.mark.parametrize("text", [1, 2], ids=["text-as-set", "text-at-200%"])
def test_without_javascript_the_menu_on_a_small_screen_is_reached_by_tab(
        example_site: ExampleSite, example_url: str, browser: Browser, text: int) -> None:
    """Without JavaScript (turned off, or not loaded yet on a slow phone) the menu button is a
    label Tab never reached, and the closed menu was hidden: a keyboard could go nowhere but by
    the links in the page. After the skip link, Tab goes through the menu's links, each shown
    with its focus ring, and the menu goes away when focus moves on to the page."""
    context = browser.new_context(viewport={"width": 320, "height": 700}, java_script_enabled=False)
    try:
        page = context.new_page()
        if text > 1:  # in the site's own stylesheet: without JavaScript no style can be added later
            page.route(re.compile(r"/coprod\.css(\?|$)"), lambda route: route.fulfill(
                response=(response := route.fetch()), body=response.text() + LARGE_TEXT))
        page.goto(example_url + meeting_url(example_site))
        links = page.locator(".md-nav--primary a.md-nav__link").all_inner_texts()
        assert len(links) > 5 and not page.evaluate(MENU_SHOWN)
        reached, hidden, after = [], [], None
        for _ in range(len(links) + 6):
            page.keyboard.press("Tab")
            page.wait_for_timeout(400)  # the menu's slide (250 ms)
            focused = page.evaluate(LOOK_AT_FOCUS)
            if focused is None:  # Tab has gone past the end of the page
                break
            if page.evaluate(IN_MENU):
                reached.append(focused["text"])
                if not (focused["inView"] and focused["uncovered"] and focused["indicator"]):
                    hidden.append((focused["text"], focused["where"]))
            elif reached:
                after = focused
                break
        assert [stop for stop in reached if stop in links] == [link.strip() for link in links]
        assert hidden == [], "each link of the menu is shown, with its focus ring, when Tab reaches it"
        assert after is not None and after["inView"] and after["uncovered"], after
        assert not page.evaluate(MENU_SHOWN), "the menu goes away once focus has left it"
    finally:
        context.close()


RING_CUT_OFF = """
() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const out = Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth));
  const box = el.getBoundingClientRect();
  let clip = el.parentElement;
  while (clip && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement;
  const edge = clip.getBoundingClientRect();
  return box.left - out < edge.left - 0.5 || box.right + out > edge.right + 0.5;
}
"""


def test_in_the_menu_on_a_small_screen_the_focus_ring_is_not_cut_off(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """A link in the phone's menu fills its width, and the drawer hides what is outside it: the
    ring around a focused link showed only as a line under it."""
    with open_page(browser, width=320) as page:
        page.goto(example_url + meeting_url(example_site))
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_function(IN_MENU)
        cut_off = []
        for _ in range(4):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is not None and page.evaluate(IN_MENU) and page.evaluate(RING_CUT_OFF):
                cut_off.append(focused["text"])
    assert cut_off == []


def test_going_back_up_a_page_by_keyboard_leaves_nothing_under_the_header(
        example_site: ExampleSite, example_url: str, browser: Browser) -> None:
    """Shift+Tab scrolls up just far enough to show a link: not enough under a sticky header."""
    with open_page(browser, width=1280) as page:
        page.goto(example_url + example_site.prefix + "actions/")
        page.evaluate("() => document.querySelector('.md-footer a').focus()")
        stops = []
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            focused = page.evaluate(FOCUSED)
            if focused is not None:
                stops.append(focused)
    assert len(stops) > 30
    assert [(stop["html"], stop["where"]) for stop in stops if not (stop["inView"] and stop["uncovered"])] == []


@pytest.mark.parametrize(("scheme", "switch", "to", "back"), [
    ("light", "Switch to dark mode", "slate", "Switch to light mode"),
    ("dark", "Switch to light mode", "default", "Switch to dark mode")])
def test_the_colour_switch_is_one_button_that_space_and_enter_press(
        example_site: ExampleSite, example_url: str, browser: Browser, scheme: str, switch: str, to: str,
        back: str) -> None:
    """Tab reached a hidden radio button, not the switch shown: in dark mode it had no focus ring,
    was called "Switch to dark mode", and Space turned the page light."""
    with open_page(browser, width=1280, color_scheme=scheme) as page:
        page.goto(example_url + example_site.prefix)
        stops = []
        for _ in range(12):
            page.keyboard.press("Tab")
            stops.append(page.evaluate("() => document.activeElement.getAttribute('aria-label') || ''"))
        assert switch in stops and back not in stops  # one switch, the one shown
        assert not [radio for radio in page.locator('input[name="__palette"]').all()
                    if radio.get_attribute("tabindex") != "-1"]
        page.get_by_role("button", name=switch).focus()
        page.keyboard.press(" ")
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{to}'")
        focused = page.evaluate(FOCUSED)
        assert focused is not None and focused["indicator"] and focused["html"].startswith("<label")
        assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == back


def test_without_javascript_tab_reaches_no_hidden_colour_radios(example_site: ExampleSite, example_url: str,
                                                               browser: Browser) -> None:
    """The colour switch needs JavaScript. Without it, Tab stopped twice on Material's hidden radio
    buttons, with nothing to see where focus was and nothing to do there."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_url + example_site.prefix + "decisions/D-010/")
        stops = []
        for _ in range(4):
            page.keyboard.press("Tab")
            stops.append(page.evaluate("() => `${document.activeElement.tagName} ${document.activeElement.name || ''}`"))
        heard = page.locator("header").aria_snapshot()
    finally:
        context.close()
    assert [stop for stop in stops if stop.endswith("__palette")] == [], stops
    assert "radio" not in heard, heard


FOCUS_RING_CONTRAST = """
() => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const el = document.activeElement;
  let box = el.parentElement, behind = null;
  for (; box && !behind; box = box.parentElement) {
    const colour = parse(getComputedStyle(box).backgroundColor);
    if (colour.length < 4 || colour[3] === 1) behind = colour;
  }
  const [a, b] = [lum(parse(getComputedStyle(el).outlineColor)), lum(behind || [255, 255, 255])];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_stands_out_on_the_black_footer(example_site: ExampleSite, example_url: str,
                                                       browser: Browser, scheme: Literal["light", "dark"]) -> None:
    """Material's own colour for a focused link won over the site's yellow ring: dark indigo on
    the black footer (2.3:1 in light colours), where the ring's black edge does not show either."""
    with open_page(browser, color_scheme=scheme) as page:
        page.goto(example_url + example_site.prefix)
        page.focus(".md-footer__link")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.closest('.md-copyright') !== null")
        contrast = page.evaluate(FOCUS_RING_CONTRAST)
    assert contrast >= 3, contrast
