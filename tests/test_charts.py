"""Charts: the layout objects, and the SVG drawn from them, parsed and compared with the tables."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from groups import write_files
from impact_group import IMPACT_FILES

from coprod_site import charts
from coprod_site.charts import LEFT, PLOT_WIDTH, BarChart, Series, nice_scale, stacked_bar_chart
from coprod_site.loading import load_group
from coprod_site.power_pages import power_charts
from coprod_site.published import Published
from coprod_site.render import Renderer
from coprod_site.stats import DecisionFigures, PowerRow, period_figures, whole_life

SVG = "{http://www.w3.org/2000/svg}"
TWO = (Series("a", "Apples", "solid"), Series("b", "Bananas", "hatch"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Published:
    group, problems = load_group(write_files(tmp_path_factory.mktemp("charts"), IMPACT_FILES))
    assert problems == []
    return Published(group, dt.date(2026, 11, 21))


def draw(chart: BarChart) -> str:
    template = Renderer().env.from_string('{% from "_charts.html" import bar_chart %}{{ bar_chart(chart) }}')
    return template.render(chart=chart)


def svg_of(html: str) -> ET.Element:
    match = re.search(r'<svg class="coprod-chart__svg".*?</svg>', html, re.DOTALL)
    assert match is not None
    return ET.fromstring(match.group(0))


def table_of(html: str) -> list[list[str]]:
    table = BeautifulSoup(html, "html.parser").select_one(".coprod-chart__table table")
    assert table is not None
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]


def drawn_values(svg: ET.Element, series: tuple[Series, ...]) -> list[list[str | int]]:
    """Each bar's label and the value of each series, read back from the lengths of the bars."""
    ticks = [float(line.get("x1", "0")) for line in svg.iter(f"{SVG}line")]
    tick_labels = [int(text.text or "0") for text in svg.find(f"{SVG}g").iter(f"{SVG}text")]  # type: ignore[union-attr]
    unit = (ticks[-1] - ticks[0]) / tick_labels[-1]
    rows = []
    for bar in svg.findall(f"{SVG}g[@class='coprod-chart__bar']"):
        label = bar.find(f"{SVG}text").text  # type: ignore[union-attr]
        values = dict.fromkeys((s.key for s in series), 0)
        for rect in bar.findall(f"{SVG}rect"):
            kind = (rect.get("class") or "").rpartition("--")[2]
            if kind in values:
                values[kind] = round(float(rect.get("width", "0")) / unit)
        rows.append([label or "", *values.values()])
    return rows


@pytest.mark.parametrize(("largest", "scale"), [(0, (1, 1)), (3, (3, 1)), (7, (8, 2)), (16, (20, 5)),
                                                 (22, (25, 5)), (160, (200, 50))])
def test_the_scale_ends_on_a_round_number(largest: int, scale: tuple[int, int]) -> None:
    assert nice_scale(largest) == scale


def test_segments_are_laid_end_to_end_in_proportion() -> None:
    chart = stacked_bar_chart("c", "Fruit", "We ate fruit.", "Day", TWO, [("Monday", (2, 1)), ("Tuesday", (0, 0))])
    monday, tuesday = chart.bars
    assert [(s.series.key, s.value, s.x, s.width) for s in monday.segments] == [
        ("a", 2, LEFT, round(2 * PLOT_WIDTH / 3, 1)), ("b", 1, round(LEFT + 2 * PLOT_WIDTH / 3, 1), round(PLOT_WIDTH / 3, 1))]
    assert tuesday.segments == () and tuesday.total == 0
    assert [t.value for t in chart.ticks] == [0, 1, 2, 3]
    assert chart.totals == (2, 1)


def test_the_figure_is_named_by_its_caption_and_the_picture_does_not_repeat_it() -> None:
    """A screen reader read the title and summary twice: the caption, then the picture's name."""
    chart = stacked_bar_chart("c", "Fruit", "We ate fruit.", "Day", TWO, [("Monday", (2, 1))])
    html = draw(chart)
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Bar chart of the figures in the table that follows"
    assert svg.find(f"{SVG}title") is None and svg.find(f"{SVG}desc") is None
    caption = BeautifulSoup(html, "html.parser").select_one("figure > figcaption")
    assert caption is not None and " ".join(caption.get_text().split()) == "Fruit We ate fruit."


def test_series_differ_by_pattern_not_colour_alone_and_carry_their_numbers() -> None:
    chart = stacked_bar_chart("c", "Fruit", "We ate fruit.", "Day", TWO, [("Monday", (2, 1))])
    html = draw(chart)
    svg = svg_of(html)
    fills = {rect.get("class"): rect.get("fill") for rect in svg.iter(f"{SVG}rect") if rect.get("class", "").startswith("coprod-chart__segment")}
    assert fills == {"coprod-chart__segment coprod-chart__segment--a": "#003078",
                     "coprod-chart__segment coprod-chart__segment--b": "url(#c-hatch)"}
    assert svg.find(f".//{SVG}pattern[@id='c-hatch']") is not None
    assert [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "coprod-chart__value"] == ["2", "1"]
    assert [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "coprod-chart__total"] == ["3"]
    key = BeautifulSoup(html, "html.parser").select(".coprod-chart__key li")
    assert [li.get_text(strip=True) for li in key] == ["Apples", "Bananas"]


@pytest.mark.parametrize("name", ["roles", "chairs_by_quarter", "attendance", "decisions", "ladder"])
def test_every_chart_draws_the_same_numbers_as_its_table(site: Published, name: str) -> None:
    chart = getattr(power_charts(period_figures(site, whole_life(site))), name)
    html = draw(chart)
    table = table_of(html)
    body = [row[:-1] for row in table[1:1 + len(chart.bars)]]
    assert drawn_values(svg_of(html), chart.series) == [[row[0], *map(int, row[1:])] for row in body]
    for row in table[1:1 + len(chart.bars)]:
        assert int(row[-1]) == sum(map(int, row[1:-1]))


def test_the_chairs_chart_and_table_for_the_known_group(site: Published) -> None:
    chart = charts.chairs_by_quarter_chart(period_figures(site, whole_life(site)).quarters)
    html = draw(chart)
    assert chart.summary == ("Of 8 quarters, 3 had meetings, and lived-experience members chaired or "
                             "co-chaired in 2 of those.")
    assert table_of(html)[:4] == [
        ["Quarter", "Lived experience only", "Shared", "Staff only", "Nobody", "Total"],
        ["Jan to Mar 2025", "1", "1", "0", "0", "2"],
        ["Apr to Jun 2025", "0", "0", "0", "0", "0"],
        ["Jul to Sep 2025", "0", "0", "1", "0", "1"],
    ]
    empty = [t.text for t in svg_of(html).iter(f"{SVG}text") if t.get("class") == "coprod-chart__empty"]
    assert empty == ["No meetings"] * 5


def test_summaries_say_the_figures_in_words(site: Published) -> None:
    made = power_charts(period_figures(site, whole_life(site)))
    assert made.roles.summary == ("Lived-experience members chaired or co-chaired 3 of 4 (75%), facilitated "
                                  "1 of 4 (25%) and took notes at 2 of 4 (50%) of our meetings.")
    assert made.attendance.summary == ("Between 3 and 7 people came to each of our 4 meetings: 16 member "
                                       "visits and 6 guest visits in all.")
    assert made.decisions.summary == ("Of 6 decisions, 2 were ours to decide, 2 were recommendations and 2 "
                                      "were referred to others; 2 changed something.")
    assert made.ladder.summary == ("1 of 3 (33%) meetings and 1 of 3 (33%) decisions with a rung recorded "
                                   "were at our goal, co-producing, or higher.")
    assert [bar.label for bar in made.ladder.bars][:2] == ["Co-producing (our goal)", "Co-designing"]


def test_one_of_a_kind_is_said_in_the_singular() -> None:
    """'1 were recommendations' read as a mistake on the impact report of a small group."""
    rows = tuple(PowerRow(power, changed=1, not_possible=0, pending=0, no_change=0)
                 for power in ("within-remit", "recommendation", "referred"))
    assert charts.decisions_chart(DecisionFigures(rows, 0, 0, 0)).summary == (
        "Of 3 decisions, 1 was ours to decide, 1 was a recommendation and 1 was referred to others; 3 changed "
        "something.")


def test_a_chart_with_nothing_to_count_still_draws() -> None:
    chart = stacked_bar_chart("c", "Nothing", "Nothing yet.", "Day", TWO, [])
    svg = svg_of(draw(chart))
    assert [t.value for t in chart.ticks] == [0, 1]
    assert svg.findall(f"{SVG}g[@class='coprod-chart__bar']") == []
