"""No third parties: opening any kind of page asks nothing of any other website."""

from __future__ import annotations

from pathlib import Path

from conftest import mkdocs_build
from groups import FILES, write_files
from support.browser import (
    browser_available,
    chromium_browser,
    open_page,
    page_requests_leaving_origin,
    require,
    serve_directory,
)

PAGE_TYPES = [
    "index.html", "charter/index.html", "charter/history/index.html", "amendments/AM-01/index.html",
    "meetings/index.html", "meetings/2025-01-10-first-meeting/index.html",
    "meetings/2027-06-10-summer/index.html", "decisions/index.html", "decisions/D-002/index.html",
    "actions/index.html", "reports/index.html", "reports/impact-2025/index.html",
    "people/index.html", "glossary/index.html",
]


def test_every_page_type_loads_only_from_its_own_site(built_group: Path) -> None:
    require(browser_available(), "Chromium via Playwright")
    leaks: dict[str, list[str]] = {}
    loaded: list[str] = []
    with serve_directory(built_group) as base, chromium_browser() as browser, open_page(browser) as page:
        leaving = page_requests_leaving_origin(page, base)
        page.on("requestfinished", lambda request: loaded.append(request.url))
        for name in PAGE_TYPES:
            response = page.goto(base + name, wait_until="networkidle")
            assert response is not None and response.status == 200, name
            if leaving:
                leaks[name] = list(leaving)
                leaving.clear()
    assert leaks == {}
    assert any(url.endswith(".css") for url in loaded) and any(url.endswith(".js") for url in loaded)


def test_no_page_names_a_font_or_script_host(built_group: Path) -> None:
    for page in sorted(built_group.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com",
                     "googletagmanager", "google-analytics"):
            assert host not in text, f"{page.relative_to(built_group)} names {host}"


def test_settings_that_would_load_from_other_websites_stop_the_build(tmp_path: Path) -> None:
    """Analytics, a script or stylesheet from a CDN and a logo from another website had loaded on
    every page with nothing said."""
    settings = FILES["mkdocs.yml"] + (
        "extra:\n  analytics:\n    provider: google\n    property: G-XXXXXXXXXX\n"
        "extra_javascript:\n  - https://cdn.example.com/x.js\n  - js/ours.js\n"
        "extra_css:\n  - //fonts.example.com/css?family=Roboto\n")
    settings = settings.replace("theme:\n  name: material\n", "theme:\n  name: material\n  logo: https://cdn.example.com/logo.png\n")
    root = write_files(tmp_path, {**FILES, "mkdocs.yml": settings})
    result = mkdocs_build(root)
    assert result.returncode == 1
    said = [line for line in result.stderr.splitlines() if "another" in line]
    assert len(said) == 4, result.stderr
    assert [name for name in ("analytics", "extra_javascript", "extra_css", "logo") if not any(name in line for line in said)] == []
    assert not any("js/ours.js" in line for line in said)


def test_a_link_to_the_groups_repository_asks_nothing_of_its_host(tmp_path: Path) -> None:
    """Material's script asked api.github.com for the repository's stars on every page."""
    require(browser_available(), "Chromium via Playwright")
    settings = FILES["mkdocs.yml"] + "repo_url: https://github.com/example/our-group\n"
    root = write_files(tmp_path, {**FILES, "mkdocs.yml": settings})
    assert mkdocs_build(root).returncode == 0
    with serve_directory(root / "site") as base, chromium_browser() as browser, open_page(browser) as page:
        leaving = page_requests_leaving_origin(page, base)
        page.goto(base + "index.html", wait_until="networkidle")
        assert page.locator("a.md-source[href='https://github.com/example/our-group']").count() >= 1
    assert leaving == []
