"""Running MkDocs for `coprod build` and `coprod serve`: the other half of the adapter."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .config import today_from_environment
from .permalinks import write_ledger
from .problems import STRICT_STOPS
from .published import PREVIEW_DRAFTS
from .site_config import NO_PLUGIN, mkdocs_yml_problems


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
    """Build the site; return where it is. Raises BuildFailed with a plain message.

    The site is built into a new folder next to the old one and swapped into
    place only when the whole build (checks and leak guard included) succeeds,
    so a failed build leaves the previous site exactly as it was. The build
    date is fixed to the day (COPROD_TODAY or today) unless SOURCE_DATE_EPOCH
    is set, so two builds of the same records give the same files. The
    addresses published are added to the ledger, published-urls.txt.
    """
    _show_mkdocs_messages(verbose)
    _refuse_settings_that_cannot_build(config_file)
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(config_file), strict=strict, **options)
    except Abort as exc:  # MkDocs has logged what is wrong with the settings
        raise BuildFailed(f"The site was not built: the settings in {config_file} have a problem, "
                          "listed above. Fix it, then build again.") from exc
    except ConfigurationError as exc:
        raise BuildFailed(str(exc)) from exc
    _refuse_to_build_without_the_plugin(config, config_file)
    target = Path(config.site_dir)
    _refuse_to_replace_what_is_not_a_site(target)
    kept = f"{target} was left as it was" if target.exists() else "nothing was written"
    try:
        with _staging_folder(target) as staging, _fixed_build_date():
            config["site_dir"] = str(staging)
            build(config)
            _swap_into_place(staging, target)
    except Abort as exc:  # MkDocs has logged why; its own words ('Aborted with a BuildError!') help nobody
        warnings_alone = "in strict mode" in str(exc) and "error" not in str(exc)  # '… 2 warnings in strict mode!'
        raise BuildFailed(f"The site was not built, so {kept}. The problems are listed above."
                          + (f" {STRICT_STOPS}" if warnings_alone else "")) from exc
    except (PluginError, ConfigurationError) as exc:
        raise BuildFailed(str(exc)) from exc
    _record_published_urls(config, config_file.parent)
    return target


def _refuse_settings_that_cannot_build(config_file: Path) -> None:
    """mkdocs.yml that cannot be read, or would build without the coprod plugin: said as
    `coprod check` says it, at its line, rather than in the words of MkDocs' YAML reader."""
    problems = mkdocs_yml_problems(config_file)
    if problems:
        listed = "\n".join(str(problem) for problem in problems)
        raise BuildFailed(f"{listed}\nNothing was built. Fix mkdocs.yml, then build again.")


def _refuse_to_build_without_the_plugin(config: MkDocsConfig, config_file: Path) -> None:
    """Without the coprod plugin, MkDocs would publish the records as they are (mkdocs.yml as
    MkDocs reads it, with any INHERIT: or !ENV, can differ from its own text)."""
    plugin = config.plugins.get("coprod")
    if plugin is None or not plugin.config.enabled:
        raise BuildFailed(f"{config_file} {NO_PLUGIN} Nothing was built.")


def _refuse_to_replace_what_is_not_a_site(target: Path) -> None:
    """The build replaces the whole site folder: never a file, nor a folder of other things."""
    if target.exists() and not target.is_dir():
        raise BuildFailed(f"{target} is a file, not a folder for the site. Choose another --site-dir.")
    if target.is_dir() and not (target / "index.html").is_file() and any(
            not entry.name.startswith(".") for entry in target.iterdir()):
        raise BuildFailed(f"{target} holds files but no built site (it has no index.html). A build "
                          "replaces its whole folder, so choose an empty folder or the site's own "
                          "with --site-dir.")


@contextmanager
def _staging_folder(target: Path) -> Iterator[Path]:
    """A new, empty folder beside `target` (same disk, so the swap is a rename); removed after."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.building-"))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_into_place(staging: Path, target: Path) -> None:
    """Replace `target` with the new build, keeping hidden files the build does not make (.git)."""
    if not target.exists():
        staging.rename(target)
        return
    for hidden in target.glob(".*"):
        if not (staging / hidden.name).exists():
            hidden.rename(staging / hidden.name)
    retired = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    target.rename(retired / target.name)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


@contextmanager
def _fixed_build_date() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the start of the build's day, for the sitemap's dates."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    start = dt.datetime.combine(today_from_environment(), dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(start.timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _record_published_urls(config: MkDocsConfig, root: Path) -> None:
    """Add this build's addresses to published-urls.txt, which the group commits."""
    plugin = config.plugins.get("coprod")
    urls = getattr(plugin, "published_urls", None)
    if urls:
        write_ledger(root, urls)


class _DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' warning that dirty builds show stale navigation and links: ours do not
    (incremental.py rebuilds every page whose inputs changed)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def serve_site(config_file: Path, dev_addr: str | None = None, verbose: bool = False, drafts: bool = False) -> None:
    """Preview the site; on every change, rebuild the pages that changed. With `drafts`, minutes
    not yet agreed are shown too, each page saying so."""
    if drafts:
        os.environ[PREVIEW_DRAFTS] = "1"
    _show_mkdocs_messages(verbose)
    logging.getLogger("mkdocs.commands.build").addFilter(_DirtyBuildNotice())
    _refuse_settings_that_cannot_build(config_file)
    try:
        _refuse_to_build_without_the_plugin(load_config(str(config_file)), config_file)
        serve(str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")
    except Abort as exc:  # MkDocs has logged why ('Aborted with a BuildError!' helps nobody)
        raise BuildFailed("The preview did not start. Fix the problems listed above, then run 'coprod serve' "
                          "again. (Once it runs, a problem in a file you save holds the preview until you fix "
                          "it, and then it carries on.)") from exc
    except (PluginError, ConfigurationError) as exc:
        raise BuildFailed(str(exc)) from exc
    except OSError as exc:  # the address, when the preview's server starts
        if exc.errno == errno.EADDRINUSE:
            raise BuildFailed(f"another program is already using {dev_addr}: perhaps a preview started "
                              "before, in another window. Stop that one, or choose another port, like "
                              "'coprod serve -a 127.0.0.1:8001'.") from exc
        if exc.errno == errno.EADDRNOTAVAIL:
            raise BuildFailed(f"this computer has no address {dev_addr}. To preview on this computer "
                              "only, use 'coprod serve -a 127.0.0.1:8001'.") from exc
        raise
