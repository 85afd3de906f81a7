"""Running MkDocs for `coprod build` and `coprod serve`: the other half of the adapter."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


class BuildFailed(Exception):
    """The build stopped; the problems were already shown."""


def _show_mkdocs_messages(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_coprod", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._coprod = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = False,
               verbose: bool = False) -> Path:
    """Build the site; return where it is. Raises BuildFailed with a plain message."""
    _show_mkdocs_messages(verbose)
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(config_file), strict=strict, **options)
        build(config)
    except (PluginError, ConfigurationError, Abort) as exc:
        raise BuildFailed(str(exc)) from exc
    return Path(config.site_dir)


def serve_site(config_file: Path, dev_addr: str | None = None, verbose: bool = False) -> None:
    """Preview the site, rebuilding on every change."""
    _show_mkdocs_messages(verbose)
    try:
        serve(str(config_file), dev_addr=dev_addr, livereload=True)
    except (PluginError, ConfigurationError, Abort) as exc:
        raise BuildFailed(str(exc)) from exc
