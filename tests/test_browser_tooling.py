"""Prove the real-browser tooling in tests/support/browser.py works.

Each check runs on tiny HTML files written into a temporary directory, so a
failure here means the tooling (Chromium, axe-core, vnu, the local server) is
broken -- not the site. The browser is launched once for this module.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from support.browser import (
    COLOR_SCHEMES,
    ColorScheme,
    VnuMessage,
    axe_available,
    browser_available,
    chromium_browser,
    format_axe_violations,
    format_vnu_messages,
    horizontal_overflow_px,
    open_page,
    page_requests_leaving_origin,
    require,
    run_axe,
    run_vnu,
    save_pdf,
    save_screenshot,
    serve_directory,
    set_view,
    vnu_available,
)

ACCESSIBLE_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Accessible test page</title>
  <link rel="stylesheet" href="style.css">
</head>
<body>
  <header><p><a href="#main">Skip to content</a></p></header>
  <main id="main">
    <h1>Meeting notes</h1>
    <p>Decisions made by the group.</p>
    <img src="dot.svg" alt="A blue dot" width="20" height="20">
  </main>
</body>
</html>
"""

STYLE_CSS = """body { color: #111; background: #fff; font-family: sans-serif; }
a { color: #0b57d0; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: rgb(0, 0, 0); }
  a { color: #8ab4f8; }
}
"""

DOT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
    '<circle cx="10" cy="10" r="9" fill="#1565c0"/></svg>'
)

MISSING_ALT_PAGE = ACCESSIBLE_PAGE.replace(' alt="A blue dot"', "")

# Invalid: <p> cannot contain <div>, and "colour" is not an attribute.
INVALID_PAGE = ACCESSIBLE_PAGE.replace(
    "<p>Decisions made by the group.</p>",
    '<p colour="red">Decisions <div>made</div> by the group.</p>',
)

# Material for MkDocs' toggle markup (the documented vnu false positive) plus a
# look-alike checkbox that is NOT Material's and must still be reported.
MATERIAL_TOGGLES_PAGE = ACCESSIBLE_PAGE.replace(
    "<body>",
    "<body>\n"
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
    ' autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
    ' autocomplete="off">\n'
    '    <input type="checkbox" id="consent" autocomplete="off" aria-label="Consent">\n',
)

OFF_ORIGIN_PAGE = ACCESSIBLE_PAGE.replace(
    "</head>",
    '  <script src="https://cdn.example.com/analytics.js"></script>\n</head>',
)

WIDE_PAGE = ACCESSIBLE_PAGE.replace(
    "</main>", '<div style="width: 2000px">Too wide</div>\n  </main>'
)

PAGES = {
    "accessible.html": ACCESSIBLE_PAGE,
    "missing-alt.html": MISSING_ALT_PAGE,
    "invalid.html": INVALID_PAGE,
    "material-toggles.html": MATERIAL_TOGGLES_PAGE,
    "off-origin.html": OFF_ORIGIN_PAGE,
    "wide.html": WIDE_PAGE,
    "style.css": STYLE_CSS,
    "dot.svg": DOT_SVG,
}


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny static 'site' of test pages."""
    root = tmp_path_factory.mktemp("site")
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def base_url(site_dir: Path) -> Iterator[str]:
    """The test site served over HTTP on 127.0.0.1."""
    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium, launched once for the module."""
    require(browser_available(), "Chromium (/usr/bin/chromium) with Playwright")
    with chromium_browser() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own browser context."""
    with open_page(browser) as fresh:
        yield fresh


@pytest.fixture
def axe_page(page: Page) -> Page:
    """A page, for tests that also need axe-core."""
    require(axe_available(), "axe-core (npm ci)")
    return page


VNU_CHECKED = ("accessible.html", "invalid.html", "material-toggles.html")


@pytest.fixture(scope="module")
def vnu_messages(site_dir: Path) -> dict[str, list[VnuMessage]]:
    """vnu's errors per checked file, from one JVM run (starting Java costs ~1 s)."""
    require(vnu_available(), "vnu.jar (npm ci) with Java")
    messages = run_vnu([site_dir / name for name in VNU_CHECKED])
    by_name: dict[str, list[VnuMessage]] = {name: [] for name in VNU_CHECKED}
    for message in messages:
        by_name[Path(message["file"]).name].append(message)
    return by_name


# -- local server -----------------------------------------------------------


def test_serve_directory_serves_files_and_404s(base_url: str, page: Page) -> None:
    response = page.goto(base_url + "accessible.html")
    assert response is not None and response.status == 200
    assert page.title() == "Accessible test page"
    missing = page.goto(base_url + "nope.html")
    assert missing is not None and missing.status == 404


# -- axe-core ----------------------------------------------------------------


@pytest.mark.parametrize("color_scheme", COLOR_SCHEMES)
def test_accessible_page_has_no_axe_violations(
    axe_page: Page, base_url: str, color_scheme: ColorScheme
) -> None:
    axe_page.emulate_media(color_scheme=color_scheme)
    axe_page.goto(base_url + "accessible.html")
    violations = run_axe(axe_page)
    assert violations == [], format_axe_violations(violations)


def test_img_without_alt_is_an_image_alt_violation(axe_page: Page, base_url: str) -> None:
    axe_page.goto(base_url + "missing-alt.html")
    violations = run_axe(axe_page)
    assert [v["id"] for v in violations] == ["image-alt"], format_axe_violations(violations)
    assert violations[0]["nodes"][0]["target"] == ["img"]


def test_run_axe_reinjects_after_navigation(axe_page: Page, base_url: str) -> None:
    axe_page.goto(base_url + "accessible.html")
    assert run_axe(axe_page) == []
    axe_page.goto(base_url + "missing-alt.html")
    assert [v["id"] for v in run_axe(axe_page)] == ["image-alt"]


# -- vnu ---------------------------------------------------------------------


def test_vnu_valid_html_has_no_errors(vnu_messages: dict[str, list[VnuMessage]]) -> None:
    messages = vnu_messages["accessible.html"]
    assert messages == [], format_vnu_messages(messages)


def test_vnu_reports_errors_in_invalid_html(
    vnu_messages: dict[str, list[VnuMessage]], site_dir: Path
) -> None:
    messages = vnu_messages["invalid.html"]
    assert messages, "vnu found no errors in invalid HTML"
    assert all(m["file"] == str(site_dir / "invalid.html") for m in messages)
    assert all(m["type"] == "error" and isinstance(m["line"], int) for m in messages)
    text = format_vnu_messages(messages)
    assert "Attribute 'colour' not allowed on element 'p'" in text, text


def test_vnu_filter_drops_only_materials_toggle_autocomplete(
    vnu_messages: dict[str, list[VnuMessage]],
) -> None:
    messages = vnu_messages["material-toggles.html"]
    # Material's drawer/search toggles are filtered; the look-alike is not.
    assert len(messages) == 1, format_vnu_messages(messages)
    assert "Attribute 'autocomplete' is only allowed" in messages[0]["message"]
    assert 'id="consent"' in messages[0]["extract"]


def test_run_vnu_with_no_paths_does_nothing() -> None:
    assert run_vnu([]) == []


# -- network isolation ---------------------------------------------------------


def test_script_from_another_origin_is_detected(page: Page, base_url: str) -> None:
    leaked = page_requests_leaving_origin(page, base_url)
    page.goto(base_url + "off-origin.html")
    assert leaked == ["https://cdn.example.com/analytics.js"]


def test_same_origin_assets_are_not_reported(page: Page, base_url: str) -> None:
    leaked = page_requests_leaving_origin(page, base_url)
    page.goto(base_url + "accessible.html")
    page.wait_for_load_state("networkidle")
    assert leaked == []


# -- colour scheme, viewport, screenshots, PDF -------------------------------


def test_set_view_switches_colour_scheme_and_width(page: Page, base_url: str) -> None:
    page.goto(base_url + "accessible.html")
    background = "() => getComputedStyle(document.body).backgroundColor"
    set_view(page, color_scheme="dark", width=320)
    assert page.evaluate(background) == "rgb(0, 0, 0)"
    assert page.evaluate("() => window.innerWidth") == 320
    set_view(page, color_scheme="light", width=1280)
    assert page.evaluate(background) == "rgb(255, 255, 255)"
    assert page.evaluate("() => window.innerWidth") == 1280


def test_horizontal_overflow_at_320px(page: Page, base_url: str) -> None:
    set_view(page, color_scheme="light", width=320)
    page.goto(base_url + "accessible.html")
    assert horizontal_overflow_px(page) == 0
    page.goto(base_url + "wide.html")
    assert horizontal_overflow_px(page) > 0


def test_screenshot_and_a4_pdf(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "accessible.html")
    png = save_screenshot(page, tmp_path / "shots" / "page.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    pdf = save_pdf(page, tmp_path / "page.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        return  # poppler-utils (installed by .ci/run) gives the deeper check below
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    page_size = next(line for line in info.stdout.splitlines() if line.startswith("Page size:"))
    assert page_size.endswith("(A4)"), page_size
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Meeting notes" in text
