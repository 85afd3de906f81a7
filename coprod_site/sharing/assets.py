"""The sharing stylesheet and the copy-link script, shipped with the site (nothing from other websites)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..outputs import OutputFile
from ..published import Published
from ..settings import Settings

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SHARING_ASSETS = {"assets/coprod/sharing.css": "sharing.css", "assets/coprod/copy-link.js": "copy-link.js"}


def build_asset_files(site: Published, settings: Settings) -> Iterator[OutputFile]:
    for path, name in SHARING_ASSETS.items():
        yield OutputFile(path, (ASSETS / name).read_bytes())
