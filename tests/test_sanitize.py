"""The allow-list sanitizer keeps what Markdown makes and removes what could run or load."""

from __future__ import annotations

import markdown
import pytest

from coprod_site.sanitize import clean_html, is_local_image

KEPT = [
    '<h2 id="payments">Payments <a class="headerlink" href="#payments" title="Permanent link">¶</a></h2>',
    '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>',
    '<pre><code class="language-python">x = 1\n</code></pre>',
    '<p><abbr title="Patient and public involvement">PPI</abbr></p>',
    '<div class="admonition note">\n<p class="admonition-title">Note</p>\n</div>',
    '<p><img alt="A map" src="../assets/map.png"></p>',
    '<p><a href="https://example.org/">x</a> <a href="mailto:team@example.org">y</a></p>',
    '<blockquote>\n<p>We were heard.</p>\n</blockquote>',
    '<details><summary>More</summary><p>x</p></details>',
]


@pytest.mark.parametrize("html", KEPT)
def test_what_markdown_and_material_make_is_kept(html: str) -> None:
    assert clean_html(html) == html


def test_markdown_with_extensions_survives_unchanged() -> None:
    text = "## Payments {#payments}\n\n*PPI* helps.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*[PPI]: Patient and public involvement\n"
    html = markdown.markdown(text, extensions=["attr_list", "abbr", "tables", "toc"])
    assert clean_html(html) == html


@pytest.mark.parametrize(("dirty", "clean"), [
    ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
    ('<p onclick="alert(1)" style="color:red">x</p>', "<p>x</p>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
    ('<img src="data:image/png;base64,AAAA" alt="x">', '<img alt="x">'),
    ('<img src="https://tracker.example/pixel.png" alt="">', '<img alt="">'),
    ('<img src="x" onerror="alert(1)">', "<img>"),
    ('<iframe src="https://evil.example"></iframe>', ""),
    ("<form action='/x'><input name='q'><button>Go</button></form>", "Go"),
    ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
    ('<svg onload="alert(1)"><circle r="1"/></svg>', ""),
    ('<object data="x.swf"></object><embed src="x.swf">', ""),
    ("<!-- a comment --><p>x</p>", "<p>x</p>"),
])
def test_anything_that_could_run_load_or_restyle_is_removed(dirty: str, clean: str) -> None:
    assert clean_html(dirty) == clean


@pytest.mark.parametrize(("url", "local"), [
    ("assets/map.png", True), ("../assets/Map.JPG", True), ("map.svg?v=2", True),
    ("https://example.org/map.png", False), ("//example.org/map.png", False),
    ("data:image/png;base64,AAAA", False), ("x", False), ("page.html", False),
])
def test_images_come_only_from_the_site_itself(url: str, local: bool) -> None:
    assert is_local_image(url) is local


def test_html_read_away_from_its_page_has_every_address_in_full() -> None:
    """A feed entry: addresses are found from its page, as on the page; none can run or load
    from elsewhere for it, and a picture from outside the site is still left out."""
    site, page = "https://example.org/group/", "https://example.org/group/meetings/2025-03-14-x/"
    html = ('<p><a href="#why">a</a> <a href="../../people/">b</a> <a href="../">c</a> '
            '<a href="mailto:team@example.org">d</a> <a href="javascript:alert(1)">e</a> '
            '<a href=" //elsewhere.example/x">f</a> <img alt="g" src="../../assets/map.png"> '
            '<img alt="h" src="../../../../other.png"> <img alt="i" src="//elsewhere.example/p.png"></p>')
    assert clean_html(html, site, page) == (
        f'<p><a href="{page}#why">a</a> <a href="{site}people/">b</a> <a href="{site}meetings/">c</a> '
        '<a href="mailto:team@example.org">d</a> <a>e</a> '
        '<a href="https://elsewhere.example/x">f</a> <img alt="g" src="https://example.org/group/assets/map.png"> '
        '<img alt="h"> <img alt="i"></p>')
