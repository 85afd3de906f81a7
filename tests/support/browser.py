"""Real-browser accessibility tooling for coprod_site's tests.

Everything here runs locally and offline:

* built sites are served from ``127.0.0.1`` by :func:`serve_directory`;
* pages are opened in Debian's Chromium (``/usr/bin/chromium``) driven by sync
  Playwright (:func:`chromium_browser`, :func:`open_page`) -- no browser is ever
  downloaded;
* accessibility is checked with axe-core (:func:`run_axe`) and markup with the
  W3C Nu HTML checker (:func:`run_vnu`), both pinned in the repository's
  ``package.json`` and installed into ``node_modules`` by ``npm ci``;
* :func:`page_requests_leaving_origin` records (and by default blocks) any
  request a page makes to somewhere other than the local server.

Tests should call :func:`require` with :func:`browser_available`,
:func:`axe_available` or :func:`vnu_available`: a missing tool skips the test
locally, but fails it when ``COPROD_REQUIRE_BROWSER_TOOLS=1`` (set by
``.ci/run``), so CI can never go green by silently skipping.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright, Request, WebSocket

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

DEFAULT_CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium; override with the ``CHROMIUM_EXECUTABLE`` environment variable."""

CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

REQUIRE_ENV = "COPROD_REQUIRE_BROWSER_TOOLS"
"""When set to a non-empty value other than ``0``, missing tools fail tests instead of skipping."""

DEFAULT_AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

ColorScheme = Literal["light", "dark"]
COLOR_SCHEMES: tuple[ColorScheme, ...] = ("light", "dark")
VIEWPORT_WIDTHS: tuple[int, ...] = (1280, 320)
"""Desktop width, and 320 CSS px: the WCAG 1.4.10 (Reflow) width."""
DEFAULT_VIEWPORT_HEIGHT = 900

# Schemes whose URLs never leave the machine.
_LOCAL_SCHEMES = frozenset({"data", "blob", "about"})


# --------------------------------------------------------------------------
# Availability / skipping
# --------------------------------------------------------------------------


def chromium_executable() -> Path:
    """Return the Chromium binary to drive (``$CHROMIUM_EXECUTABLE`` or Debian's)."""
    return Path(os.environ.get("CHROMIUM_EXECUTABLE") or DEFAULT_CHROMIUM)


def browser_available() -> bool:
    """Return True when Playwright is importable and the Chromium binary is executable."""
    executable = chromium_executable()
    return (
        importlib.util.find_spec("playwright") is not None
        and executable.is_file()
        and os.access(executable, os.X_OK)
    )


def axe_available() -> bool:
    """Return True when ``npm ci`` has installed axe-core."""
    return AXE_SCRIPT.is_file()


def vnu_available() -> bool:
    """Return True when ``npm ci`` has installed vnu.jar and Java is on PATH."""
    return VNU_JAR.is_file() and shutil.which("java") is not None


def tools_required() -> bool:
    """Return True when missing tools must fail tests (``COPROD_REQUIRE_BROWSER_TOOLS``)."""
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def require(available: bool, what: str) -> None:
    """Skip the current test if ``available`` is False, or fail it when tools are required."""
    if available:
        return
    import pytest

    message = f"{what} is not available (run .ci/run, or `npm ci` and install chromium/java)"
    if tools_required():
        pytest.fail(f"{message}; {REQUIRE_ENV} is set", pytrace=False)
    pytest.skip(message)


# --------------------------------------------------------------------------
# Local static server
# --------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not log every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Discard access-log lines."""


class _QuietServer(http.server.ThreadingHTTPServer):
    """Threaded server that ignores clients (browsers) hanging up mid-response."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore dropped connections; report anything else as usual."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_directory(path: Path) -> Iterator[str]:
    """Serve ``path`` over HTTP on 127.0.0.1 (free port); yield the base URL ending in ``/``."""
    root = Path(path)
    if not root.is_dir():
        raise NotADirectoryError(root)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root.name}", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------

# Sync Playwright refuses to start twice in one thread, so nested or
# overlapping chromium_browser() calls (e.g. a session fixture in conftest and
# a module fixture here) share one reference-counted Playwright driver.
_playwright: Playwright | None = None
_playwright_users = 0


@contextmanager
def _shared_playwright() -> Iterator[Playwright]:
    """Yield the process's Playwright driver, starting/stopping it on first/last use."""
    global _playwright, _playwright_users
    from playwright.sync_api import sync_playwright

    if _playwright is None:
        _playwright = sync_playwright().start()
    _playwright_users += 1
    try:
        yield _playwright
    finally:
        _playwright_users -= 1
        if _playwright_users == 0:
            _playwright.stop()
            _playwright = None


@contextmanager
def chromium_browser() -> Iterator[Browser]:
    """Launch headless Debian Chromium via sync Playwright; close it on exit."""
    with _shared_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_executable()),
            headless=True,
            args=list(CHROMIUM_ARGS),
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(
    browser: Browser,
    *,
    color_scheme: ColorScheme = "light",
    width: int = VIEWPORT_WIDTHS[0],
    height: int = DEFAULT_VIEWPORT_HEIGHT,
) -> Iterator[Page]:
    """Yield a page in a fresh, isolated browser context (closed on exit)."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=color_scheme,
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def set_view(
    page: Page,
    *,
    color_scheme: ColorScheme,
    width: int,
    height: int = DEFAULT_VIEWPORT_HEIGHT,
) -> None:
    """Emulate ``prefers-color-scheme`` and resize the viewport of an open page."""
    page.emulate_media(color_scheme=color_scheme)
    page.set_viewport_size({"width": width, "height": height})


def horizontal_overflow_px(page: Page) -> int:
    """Return how many CSS px the document is wider than the viewport (0 = reflows)."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return max(0, int(overflow))


def save_screenshot(page: Page, path: Path, *, full_page: bool = True) -> Path:
    """Write a PNG screenshot of ``page`` to ``path`` and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    return path


def save_pdf(page: Page, path: Path) -> Path:
    """Print ``page`` (print media, backgrounds on) to an A4 PDF at ``path``; return it.

    Chromium only prints to PDF when headless, which :func:`chromium_browser` is.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(path), format="A4", print_background=True)
    return path


# --------------------------------------------------------------------------
# Network isolation
# --------------------------------------------------------------------------


def _origin(url: str) -> tuple[str, str]:
    """Return ``(scheme, host:port)`` of ``url``, lower-cased."""
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def leaves_origin(url: str, base_url: str) -> bool:
    """Return True if a request to ``url`` would go somewhere other than ``base_url``'s origin.

    ``data:``, ``blob:`` and ``about:`` URLs never leave the machine. WebSocket
    URLs are compared by host and port only.
    """
    scheme, netloc = _origin(url)
    if scheme in _LOCAL_SCHEMES:
        return False
    base_scheme, base_netloc = _origin(base_url)
    if scheme in ("ws", "wss"):
        return netloc != base_netloc
    return (scheme, netloc) != (base_scheme, base_netloc)


def page_requests_leaving_origin(page: Page, base_url: str, *, block: bool = True) -> list[str]:
    """Record every request ``page`` makes outside ``base_url``'s origin.

    Call before navigating. Returns a list that fills in as the page loads.
    With ``block`` (the default) such requests are aborted, so tests never
    touch the network even when they find a leak.
    """
    leaked: list[str] = []

    def on_request(request: Request) -> None:
        if leaves_origin(request.url, base_url):
            leaked.append(request.url)

    def on_websocket(websocket: WebSocket) -> None:
        if leaves_origin(websocket.url, base_url):
            leaked.append(websocket.url)

    page.on("request", on_request)
    page.on("websocket", on_websocket)
    if block:
        page.route(
            lambda url: leaves_origin(url, base_url),
            lambda route: route.abort("blockedbyclient"),
        )
    return leaked


# --------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------

_AXE_RUN = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations;
}
"""


def run_axe(page: Page, tags: Sequence[str] = DEFAULT_AXE_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the page's current document; return its violations.

    Each violation is axe's own object (``id``, ``impact``, ``help``,
    ``helpUrl``, ``nodes`` ...). axe is injected from ``node_modules`` if the
    document does not already have it.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    violations: list[dict[str, Any]] = page.evaluate(_AXE_RUN, list(tags))
    return violations


def load_axe_in_every_document(page: Page) -> None:
    """Have axe-core in every document the page opens from now on, for `run_axe` to find: a
    quarter quicker, over many pages, than adding it to each page once it has loaded."""
    page.context.add_init_script(path=str(AXE_SCRIPT))


def format_axe_violations(violations: Iterable[dict[str, Any]]) -> str:
    """Render axe violations as readable lines for assertion messages."""
    lines = []
    for violation in violations:
        targets = ", ".join(str(node.get("target")) for node in violation.get("nodes", []))
        lines.append(
            f"[{violation.get('impact')}] {violation.get('id')}: {violation.get('help')} "
            f"-> {targets} ({violation.get('helpUrl')})"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------
# W3C Nu HTML checker (vnu)
# --------------------------------------------------------------------------


class VnuMessage(TypedDict):
    """One error reported by vnu, with the file it belongs to."""

    file: str
    line: int | None
    column: int | None
    message: str
    extract: str
    type: str


# Known false positive, filtered by exact message AND exact element.
# Material for MkDocs puts autocomplete="off" on its two hidden state-toggle
# checkboxes (drawer, search) on purpose: it stops Firefox restoring their
# checked state on back/forward navigation, which would reopen the menu or
# search overlay. The checkboxes are visually hidden CSS state, not form
# fields a person fills in, so the attribute has no accessibility effect; the
# HTML spec merely does not list checkbox among the types allowing it. Any
# other element, or any other message, is still reported.
VNU_AUTOCOMPLETE_MESSAGE = (  # as printed with --asciiquotes
    "Attribute 'autocomplete' is only allowed when the input type is 'color', 'date', "
    "'datetime-local', 'email', 'hidden', 'month', 'number', 'password', 'range', "
    "'search', 'tel', 'text', 'time', 'url', or 'week'."
)
MATERIAL_TOGGLE_ELEMENT = re.compile(
    r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'
    r' id="__\1" autocomplete="off">'
)


def _highlighted(message: dict[str, Any]) -> str:
    """Return the exact source text vnu highlighted for ``message`` (or '')."""
    extract = str(message.get("extract", ""))
    start = message.get("hiliteStart")
    length = message.get("hiliteLength")
    if not isinstance(start, int) or not isinstance(length, int):
        return ""
    return extract[start : start + length]


def is_known_vnu_false_positive(message: dict[str, Any]) -> bool:
    """Return True only for Material's autocomplete="off" on its drawer/search toggles."""
    return message.get("message") == VNU_AUTOCOMPLETE_MESSAGE and bool(
        MATERIAL_TOGGLE_ELEMENT.fullmatch(_highlighted(message))
    )


def _file_from_url(url: str) -> str:
    """Turn vnu's ``file:/abs/path`` URL back into a filesystem path string."""
    parts = urlsplit(url)
    return unquote(parts.path) if parts.scheme == "file" else url


def _to_vnu_message(raw: dict[str, Any]) -> VnuMessage:
    """Convert one raw vnu JSON message to a :class:`VnuMessage`."""
    return VnuMessage(
        file=_file_from_url(str(raw.get("url", ""))),
        line=raw.get("lastLine"),
        column=raw.get("firstColumn", raw.get("lastColumn")),
        message=str(raw.get("message", "")),
        extract=str(raw.get("extract", "")),
        type=str(raw.get("type", "")),
    )


def _vnu_command(paths: Sequence[Path]) -> list[str]:
    """Build the java command line checking ``paths`` (errors only, JSON on stdout)."""
    return [
        "java",
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--errors-only",
        "--asciiquotes",
        "--exit-zero-always",
        "--stdout",
        *(str(p) for p in paths),
    ]


def run_vnu(paths: list[Path]) -> list[VnuMessage]:
    """Validate HTML files with vnu; return errors minus the documented false positive.

    Both document errors and "non-document-error"s (e.g. unreadable file) are
    returned. Raises RuntimeError if the checker itself fails.
    """
    if not paths:
        return []
    result = subprocess.run(
        _vnu_command(paths), capture_output=True, text=True, encoding="utf-8", check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"vnu exited {result.returncode}: {result.stderr.strip()}")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"vnu did not print JSON: {result.stdout[:500]!r}") from error
    return [
        _to_vnu_message(raw)
        for raw in report.get("messages", [])
        if not is_known_vnu_false_positive(raw)
    ]


def format_vnu_messages(messages: Iterable[VnuMessage]) -> str:
    """Render vnu messages as ``file:line:column: message`` lines."""
    return "\n".join(
        f"{m['file']}:{m['line']}:{m['column']}: {m['type']}: {m['message']}" for m in messages
    )
