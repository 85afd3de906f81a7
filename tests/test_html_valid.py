"""Every page of the example site is valid HTML: the W3C Nu HTML Checker (vnu) finds no errors."""
# ruff: noqa: F811  (pytest fixtures imported from example_site are named as parameters)

from __future__ import annotations

from bs4 import BeautifulSoup
from example_site import ExampleSite, example_site, welsh_example_site  # noqa: F401
from support.browser import format_vnu_messages, require, run_vnu, vnu_available


def test_no_page_has_an_html_error(example_site: ExampleSite) -> None:
    require(vnu_available(), "the W3C Nu HTML Checker (vnu.jar and Java)")
    pages = example_site.html_files()
    assert len(pages) >= 40, "the example site should have all its pages"
    errors = run_vnu(pages)
    assert errors == [], format_vnu_messages(errors)


def test_a_welsh_groups_pages_with_their_english_words_marked_are_valid(welsh_example_site: ExampleSite) -> None:
    require(vnu_available(), "the W3C Nu HTML Checker (vnu.jar and Java)")
    pages = welsh_example_site.html_files()
    for address in ["index.html", "meetings/index.html", "decisions/index.html"]:
        html = (welsh_example_site.folder / address).read_text(encoding="utf-8")
        assert BeautifulSoup(html, "html.parser").select('article [lang="en"]'), address
    errors = run_vnu(pages)
    assert errors == [], format_vnu_messages(errors)
