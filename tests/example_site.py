"""The repository's own example group, built once per test session, served as it is published.

The example's site_url is https://example.org/our-group/, so the site is built
into `<tmp>/www/our-group/` and served from `<tmp>/www`: every address, the 404
page's absolute links included, then works as it will when published.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import REPO, copy_example, mkdocs_build
from support.browser import browser_available, chromium_browser, require, serve_directory

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@dataclass(frozen=True)
class ExampleSite:
    """The built example: where it is on disk and its pages' addresses."""

    served_root: Path
    prefix: str
    """The site's path on the server, e.g. 'our-group/'."""

    @property
    def folder(self) -> Path:
        return self.served_root / self.prefix

    def html_files(self) -> list[Path]:
        return sorted(self.folder.rglob("*.html"))

    def page_urls(self) -> list[str]:
        """Every page's address below the server root, e.g. 'our-group/meetings/'."""
        return [self.prefix + _url_of(path.relative_to(self.folder).as_posix()) for path in self.html_files()]


def _url_of(relative: str) -> str:
    if relative == "index.html":
        return ""
    return relative.removesuffix("index.html") if relative.endswith("/index.html") else relative


def site_prefix(config: Path) -> str:
    """The path part of site_url in mkdocs.yml ('our-group/'), or '' at the server root."""
    site_url = yaml.safe_load(config.read_text(encoding="utf-8")).get("site_url") or ""
    path = urlsplit(site_url).path.strip("/")
    return f"{path}/" if path else ""


def build_example(target: Path, root: Path = REPO) -> ExampleSite:
    """Build the group in `root` with a real `mkdocs build --strict`, as it will be served."""
    prefix = site_prefix(root / "mkdocs.yml")
    result = mkdocs_build(root, "--strict", site=target / prefix)
    assert result.returncode == 0, result.stderr
    return ExampleSite(target, prefix)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> ExampleSite:
    if not (REPO / "content" / "project.yml").is_file():
        pytest.skip("the example group is not in this checkout")
    return build_example(tmp_path_factory.mktemp("example") / "www")


@pytest.fixture(scope="session")
def welsh_example_site(tmp_path_factory: pytest.TempPathFactory) -> ExampleSite:
    """The example group as if its language were Welsh: our English words marked on its pages."""
    if not (REPO / "content" / "project.yml").is_file():
        pytest.skip("the example group is not in this checkout")
    root = copy_example(tmp_path_factory.mktemp("welsh") / "group")
    project = root / "content" / "project.yml"
    text = project.read_text(encoding="utf-8")
    assert "language: en-GB" in text
    project.write_text(text.replace("language: en-GB", "language: cy"), encoding="utf-8")
    return build_example(root.parent / "www", root)


@pytest.fixture(scope="module")
def example_url(example_site: ExampleSite) -> Iterator[str]:
    """The address of the local server the example site is served from."""
    with serve_directory(example_site.served_root) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require(browser_available(), "Chromium driven by Playwright")
    with chromium_browser() as launched:
        yield launched
