"""The site's own stylesheets and scripts are loaded at addresses that change with their content,
so a browser never shows new pages with an old stylesheet it kept (asset_addresses.py)."""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from conftest import REPO, build_env
from example_site import browser  # noqa: F401
from groups import FILES, write_files

from coprod_site.asset_addresses import fingerprinted

if TYPE_CHECKING:
    from playwright.sync_api import Browser

OWN_FILES = {"coprod.css", "sharing.css", "no-js-menu.css", "copy-link.js", "search-on-demand.js"}


def own_file_addresses(site: Path) -> dict[str, set[str]]:
    """Each page of the site, and the addresses it loads our stylesheets and scripts by."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [tag.get("href") for tag in soup.find_all("link")] + [tag.get("src") for tag in soup.find_all("script")]
        found[page.relative_to(site).as_posix()] = {str(link) for link in links if "assets/coprod/" in str(link)}
    return found


def file_at(site: Path, page: str, address: str) -> Path:
    """The file of the site that `page` reaches by `address`."""
    path = urlsplit(address).path
    if path.startswith("/"):  # the 404 page's, below the path of site_url
        return site / path[path.index("assets/coprod/"):]
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def test_a_fingerprint_is_of_the_content() -> None:
    assert fingerprinted("assets/coprod/a.css", b"p {}") == fingerprinted("assets/coprod/a.css", b"p {}")
    assert fingerprinted("assets/coprod/a.css", b"p {}") != fingerprinted("assets/coprod/a.css", b"p { }")
    assert fingerprinted("assets/coprod/a.css", b"p {}").startswith("assets/coprod/a.css?v=")


def test_every_page_loads_our_files_by_their_fingerprint(built_group: Path) -> None:
    for page, addresses in own_file_addresses(built_group).items():
        assert {urlsplit(a).path.rsplit("/", 1)[-1] for a in addresses} == OWN_FILES, page
        for address in addresses:
            target = file_at(built_group, page, address)
            digest = hashlib.sha256(target.read_bytes()).hexdigest()
            assert urlsplit(address).query == f"v={digest[:10]}", (page, address)


def test_a_changed_stylesheet_has_a_new_address_on_every_page(built_group: Path, tmp_path: Path) -> None:
    """coprod_site upgraded: its stylesheet changed, and so did the address every page loads it by."""
    package = shutil.copytree(REPO / "coprod_site", tmp_path / "upgraded" / "coprod_site")
    with (package / "assets" / "coprod.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write("\n.md-typeset { letter-spacing: 0.01em; }\n")
    root = write_files(tmp_path / "group", FILES)
    env = {**build_env(), "PYTHONPATH": os.pathsep.join([str(package.parent), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    before, after = own_file_addresses(built_group), own_file_addresses(root / "site")
    assert before.keys() == after.keys()
    for page, addresses in after.items():
        stylesheet = {a for a in addresses if "/coprod.css" in a}
        assert stylesheet.isdisjoint(before[page]), page
        assert addresses - stylesheet == before[page] - {a for a in before[page] if "/coprod.css" in a}, page
        for address in stylesheet:
            assert file_at(root / "site", page, address).read_text(encoding="utf-8").endswith("0.01em; }\n")


def test_a_page_opened_from_disk_finds_its_stylesheets_and_scripts(
        built_group: Path, browser: Browser) -> None:  # noqa: F811
    """Saved to a computer or a memory stick and opened from there (file://), the query in each
    address is no part of the file's name."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((built_group / "meetings" / "2025-02-14-leaflets" / "index.html").as_uri())
        page.wait_for_load_state("load")
        loaded = page.evaluate("""() => ({
            printed: getComputedStyle(document.querySelector('.coprod-printed')).display,
            shareBox: getComputedStyle(document.querySelector('.coprod-share')).borderTopWidth,
            copyButton: !document.querySelector('[data-coprod-copy]').hidden,
            searchWaits: !String(window.Worker).includes('[native code]'),
        })""")
    finally:
        context.close()
    assert loaded == {"printed": "none",  # shown on paper only (coprod.css)
                      "shareBox": "2px",  # sharing.css
                      "copyButton": True,  # shown by copy-link.js
                      "searchWaits": True}  # search-on-demand.js
