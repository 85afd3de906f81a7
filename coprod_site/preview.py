"""`coprod serve` while a saved file has a problem: the browser says what, and waits.

MkDocs' preview server holds every request while the last rebuild failed: the
browser spins, and only the terminal says why ("The server will appear stuck").
Here a failed rebuild instead leaves a page listing the problems, served for
every page of the site, which reloads by itself once a fixed file is saved and
the site builds again. Files other than pages (styles, pictures) are served as
before. The page for an address with no page reloads by itself too, so a page
renamed and named back, or a page just added, shows without a reload by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer

from .site_config import mkdocs_yml_problems

PREFIX = "coprod_site: "
SUMMARY = "The site was not built"


class ProblemsInTheBrowser:
    """Wraps a running preview server's rebuilds and its answers to the browser."""

    def __init__(self, server: LiveReloadServer, config_file: Path) -> None:
        self.server = server
        self.config_file = config_file
        self.page: bytes | None = None
        """The page of problems while the last rebuild failed; None once the site builds."""
        self._rebuild: Callable[[], None] = server.builder
        answer = server.get_app()
        assert answer is not None  # MkDocs' server sets its own when it starts
        self._answer = answer
        self._error_page: Callable[[int], bytes | None] = server.error_handler
        server.builder = self.rebuild
        server.set_app(self.answer)
        server.error_handler = self.error_page

    def rebuild(self) -> None:
        """Rebuild; on problems, keep them for the browser and let it reload to show them
        (MkDocs would hold its requests until a rebuild works)."""
        with _messages() as said:
            try:
                self._refuse_settings_that_cannot_build()
                self._rebuild()
            except (Exception, SystemExit):  # noqa: BLE001 - MkDocs' Abort is both
                self.page = problems_page(said)
                logging.getLogger("mkdocs").error("The preview shows these problems until they are fixed.")
                return
        self.page = None

    def _refuse_settings_that_cannot_build(self) -> None:
        """Stop before MkDocs reads a mkdocs.yml that cannot be read, or that leaves the coprod
        plugin out, saying why at its line (MkDocs would say nothing, or build the records as
        they are)."""
        problems = mkdocs_yml_problems(self.config_file)
        for problem in problems:
            logging.getLogger("mkdocs").error(str(problem))
        if problems:
            raise SettingsNotBuilt(str(self.config_file))

    def answer(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        page, path = self.page, str(environ.get("PATH_INFO", ""))
        if page is None or path.startswith("/livereload/") or not path.endswith(("/", ".html")):
            return self._answer(environ, start_response)
        body = self._with_reload_script(page)
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                  ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]

    def error_page(self, code: int) -> bytes | None:
        """MkDocs' page for an address with no page (a meeting just renamed), with its script
        that reloads once the site is built again: named back, the page shows by itself."""
        page = self._error_page(code)
        if page is None:
            return None
        return self._with_reload_script(page)

    def _with_reload_script(self, page: bytes) -> bytes:
        """`page` with MkDocs' own script, which reloads it once the site is built again.

        The server's way of adding it is private: MkDocs adds it only to the files it serves
        from the built site, and neither hooks nor the server offer it for a page made here.
        """
        body: bytes = self.server._inject_js_into_html(page, self.server._visible_epoch)  # type: ignore[no-untyped-call]
        return body


class SettingsNotBuilt(Exception):
    """mkdocs.yml has a problem, already logged: the site is not built from it."""


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _messages() -> Iterator[list[logging.LogRecord]]:
    """The warnings and errors logged while the block runs."""
    handler = _Kept()
    said = handler.records
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield said
    finally:
        logger.removeHandler(handler)


def problems_page(said: list[logging.LogRecord]) -> bytes:
    """A plain page, in the site's own words for its problems, loading nothing: what stopped
    the build first, then the warnings."""
    messages = [_plain(record) for record in said]
    errors = [m for m, r in zip(messages, said, strict=True)
              if r.levelno >= logging.ERROR and not m.startswith(SUMMARY)]
    warnings = [m.removeprefix("warning: ") for m in messages if m.startswith("warning: ")]
    items = "".join(f"<li>{escape(m)}</li>\n" for m in errors)
    if warnings:
        items += ("</ul>\n<h2>Also worth a look</h2>\n<p>These do not stop the website being built.</p>\n<ul>\n"
                  + "".join(f"<li>{escape(m)}</li>\n" for m in warnings))
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'  # else the browser asks for /favicon.ico, and the terminal says 404
        "<title>The preview is waiting for a fix</title>\n"
        "<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}"
        "li{margin:.5rem 0}</style>\n</head>\n<body>\n<main>\n"
        "<h1>The preview is waiting for a fix</h1>\n"
        "<p>The last file you saved made a problem, so the website could not be built. Fix it and save "
        "the file: this page changes back to the website by itself.</p>\n"
        f"<h2>What to fix</h2>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
    ).encode()


def _plain(record: logging.LogRecord) -> str:
    return record.getMessage().removeprefix(PREFIX)
