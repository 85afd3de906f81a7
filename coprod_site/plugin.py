"""The MkDocs plugin: a thin adapter that loads, checks, and adds the group's pages."""

from __future__ import annotations

import html as html_module
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import (
    accessibility,  # noqa: F401  (importing it adds the accessibility statement)
    sharing,  # noqa: F401  (importing it adds feeds, calendar, QR codes, poster and data)
)
from .asset_addresses import OWN_FILES_FOLDER, fingerprinted
from .background_search import BackgroundSearch
from .checks import load_and_check, parallel
from .checks.privacy import group_sources
from .config import CoprodConfig, SettingError, build_settings
from .fingerprints import file_digest, group_digest, page_digest
from .finishing import Finisher, PageNotFinished, finished
from .gitlog import last_changed
from .guard import BackgroundScan, CleanMemo, guard_site, page_origin
from .heap import SettledHeap, collector_paused
from .image_metadata import ImageNotCleaned, without_metadata
from .incremental import Rebuilds, search_plugin
from .loading import SourceCache
from .outputs import OutputFile, build_outputs
from .pages import GLOSSARY_PAGE, HOW_WE_WORK_PAGE, NAV_TITLES, PageSpec, group_pages, shown_file
from .permalinks import LEDGER, address_problems, published_urls
from .picture_sizes import Size, picture_size, with_picture_sizes
from .preview import ProblemsInTheBrowser
from .privacy import PrivacyRules, read_register, rules_for
from .problems import Problem, count_summary
from .processes import reference_build
from .published import FOLDERS, PREVIEW_DRAFTS, Published, with_drafts_shown
from .raw_html import with_raw_html_addresses
from .record_pages import RecordPage
from .records import Group
from .render import CompiledTemplates, Renderer, format_date
from .sanitize import clean_html
from .second_core import SecondCore
from .settings import SITE_EXTENSIONS, MarkdownSetup, Settings, SharedConverter
from .shared_parts import SharedParts, add_theme_templates, nav_targets
from .site_config import written_site_url
from .sources import NO_FIELDS, as_mkdocs_reads_it
from .terms import mark_glossary_terms

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
OVERRIDES = Path(__file__).parent / "overrides"
TEMPLATES = Path(__file__).parent / "templates"
OWN_ASSETS = {f"{OWN_FILES_FOLDER}{name}": name for name in ("coprod.css", "search-on-demand.js", "no-js-menu.css")}
STYLESHEET = f"{OWN_FILES_FOLDER}coprod.css"
"""Files every page may load, shipped with the site: each page stays small, and a phone keeps
them once for every page."""
SKIP_TARGET = "coprod-main"
"""The id of the element that wraps each page's content (overrides/main.html)."""


class CoprodPlugin(BasePlugin[CoprodConfig]):
    """Turns the records in docs_dir into the group's pages."""

    def __init__(self) -> None:
        self.site: Published | None = None
        self.settings = Settings()
        self.specs: dict[str, PageSpec] = {}
        self.renderer = Renderer()
        self.origins: dict[str, str] = {}
        """Each built page file and the record file it shows, for the leak guard's messages."""
        self.source_cache: SourceCache = {}
        """Record files read by earlier builds of this `serve`: only changed files are read again."""
        self.published_urls: list[str] = []
        """The addresses this build publishes for good (`coprod build` adds them to the ledger)."""
        self.dirty = False
        """True in `coprod serve` (and `mkdocs build --dirty`): rebuild only pages that changed."""
        self.serving = False
        """True under `mkdocs serve`, whose threads make forking a process unsafe."""
        self.rebuilds = Rebuilds()
        """What the last serve build made, so the next rebuilds only pages that changed."""
        self.group_digest = ""
        self.compiled_templates = CompiledTemplates()
        self.guard_memo = CleanMemo()
        """What the leak guard found clean in the last serve rebuild, so it scans only what changed."""
        self.background: BackgroundScan | None = None
        """The leak guard's scan of the pages made so far, in another process."""
        self.background_search: BackgroundSearch | None = None
        """Material's search entries for the pages made so far, made in another process."""
        self.second_core: SecondCore | None = None
        self.finisher: Finisher | None = None
        """Our pages, finished in the second process while MkDocs reads the next (finishing.py)."""
        self.outputs: list[OutputFile] = []
        """The files besides pages this build makes (feeds, data, QR codes)."""
        self.heap = SettledHeap()
        """What the build keeps to its end, kept from the cycle collector (heap.py)."""
        self.shared_parts: SharedParts | None = None
        """Parts of pages made once for each folder of pages outside the sidebar (shared_parts.py)."""
        self.picture_sizes: dict[str, Size] = {}
        """Each published picture's width and height, by its path in the site (picture_sizes.py)."""
        self.asset_addresses: dict[str, str] = {}
        """Each of the site's own stylesheets and scripts, with its address (asset_addresses.py)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so MkDocs keeps this plugin, its cache of read files and its page digests
        between serve rebuilds."""
        self.dirty = dirty
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path or ".").parent
        content_dir = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        # `mkdocs serve` puts its own address in site_url: the site's addresses (feeds, QR codes)
        # and the comparison with project.yml's stay those of the site as written.
        site_url = written_site_url(Path(config.config_file_path)) if self.serving else config.site_url
        try:
            settings = build_settings(self.config, content_dir, site_url)
        except SettingError as exc:
            raise PluginError(str(exc)) from None
        with collector_paused():
            # A server keeps what was read for the next rebuild, and forks nothing under its
            # threads; a build reads and checks a big group on every core.
            group, settings, problems = load_and_check(root, content_dir, settings,
                                                       self.source_cache if self.serving else None)
        report_problems(problems)
        self.settings = settings
        if not config.site_url and settings.site_url:  # project.yml's, for MkDocs' own links too
            config.site_url = settings.site_url
        shown, previewed = (with_drafts_shown(group) if self.serving and os.environ.get(PREVIEW_DRAFTS) == "1"
                            else (group, {}))
        self.site = Published(shown, settings.today, settings.site_url, settings.page_size, previewed)
        self.specs = {spec.path: spec for spec in group_pages(self.site)}
        self.published_urls = published_urls(self.site, self.specs.values())
        report_problems(address_problems(root, self.site, self.specs.values(), self.published_urls))
        self.renderer = Renderer(_override_dirs(config), self.compiled_templates,
                                 group.project.language if group.project is not None else "en")
        if not self.dirty:  # a dirty build keeps the origins of the pages it does not rebuild
            self.origins = {}
        _configure_site(config, self.specs, group.pages)
        _keep_site_words_inert(config)
        self.settings = replace(settings, markdown=MarkdownSetup(tuple(config.markdown_extensions),
                                                                 dict(config.mdx_configs or {})))
        if group.project is not None:
            _speak_the_group_language(config, group.project.language)
        if self.dirty:
            self.group_digest = _group_digest(config, group, settings)
        self.heap.settle()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.site is None:  # turned off: still never the records as they are
            for file in list(files):
                if file.src_dir == config.docs_dir and _is_raw_record(file.src_uri):
                    files.remove(file)
            return files
        unused = _unused_theme_files(config)
        self.picture_sizes = {}
        for file in list(files):
            from_content = file.src_dir == config.docs_dir
            if not self._is_kept(file.src_uri) if from_content else unused(file.src_uri):
                files.remove(file)
            elif from_content and file.src_uri in self.site.images:
                published = _publish_without_metadata(file, files, config)
                size = picture_size(published) if published is not None else None
                if size is not None:
                    self.picture_sizes[file.src_uri] = size
        for spec in self.specs.values():
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, spec.path, content=NO_FIELDS + spec.markdown, inclusion=inclusion))
        for path, name in OWN_ASSETS.items():
            files.append(File.generated(config, path, abs_src_path=str(ASSETS / name)))
        if not (self.dirty or self.serving):  # never under a server's threads (see second_core.py)
            self._start_second_core(config)
        parts = 1 if self.serving else parallel.parts_for(parallel.record_count(self.site.group))
        self.outputs = build_outputs(self.site, self.settings, parts)
        for output in self.outputs:
            files.append(File.generated(config, output.path, content=output.content))
        self.asset_addresses = _asset_addresses(files)
        config.extra_css = [self.asset_addresses.get(path, path) for path in config.extra_css]
        if self.dirty:
            self.rebuilds.start(config, files, self._page_digests(files))
        self.heap.settle()
        return files

    def _start_second_core(self, config: MkDocsConfig) -> None:
        """The second process, and what it does beside the build (second_core.py)."""
        self.second_core = core = SecondCore()
        search = search_plugin(config)
        self.background_search = BackgroundSearch(search, core) if search else None
        if core.running:  # before anything is sent: the process starts then, and inherits the finisher
            index_config = self.background_search.config if self.background_search else {}
            self.finisher = Finisher(self._finish_page, core, index_config)
        self.background = BackgroundScan(self._privacy_rules(), core)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.site is None:
            return nav
        self.shared_parts = None
        self._say_our_nav_titles_in_english(nav)
        if not reference_build():
            self.shared_parts = SharedParts.of(nav.pages, nav_targets(nav))
            self._share_one_converter(config, files)
        self.heap.settle()
        return nav

    def _say_our_nav_titles_in_english(self, nav: Navigation) -> None:
        """Our pages' titles in the sidebar, as English as our pages (languages.py), unless
        mkdocs.yml's nav gave them the group's own: through Material's `typeset` title, which
        its sidebar prints as it is (partials/nav-item.html)."""
        if self.renderer.words.speaks_english:
            return
        for page in nav.pages:
            spec = self.specs.get(page.file.src_uri)
            if spec is not None and page.title in (spec.title, NAV_TITLES.get(spec.path)):
                page.typeset = {"title": self.renderer.words.english(page.title)}  # type: ignore[attr-defined]

    def _share_one_converter(self, config: MkDocsConfig, files: Files) -> None:
        """Our pages outside the sidebar are read by one Markdown converter (record_pages.py)."""
        converter = SharedConverter(self.settings.markdown)
        for spec in self.specs.values():
            file = files.get_file_from_path(spec.path)
            if not spec.in_nav and file is not None and file.page is None:
                RecordPage(file, config, converter)

    def _page_digests(self, files: Files) -> dict[str, str]:
        """Each page's digest: what it is made from (see fingerprints.py)."""
        digests = {}
        for file in files.documentation_pages():
            spec = self.specs.get(file.src_uri)
            digests[file.src_uri] = (page_digest(spec, self.group_digest) if spec is not None
                                     else file_digest(file.content_bytes, self.group_digest))
        return digests

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Every page has been read: put the pages finished elsewhere in place, and set up the
        theme's templates (kept compiled between serve rebuilds, as ours are; parts shared)."""
        env.bytecode_cache = self.compiled_templates
        add_theme_templates(env, _theme_dirs_below_ours(config))  # for overrides/partials/
        self._put_finished_pages_in_place()
        self._scan_outputs_beside_the_build()
        if self.site is not None:
            date_pages_by_their_records(files, self.specs, self.site)
        if self.shared_parts is not None:
            env.globals["coprod_shared"] = self.shared_parts
        env.filters["coprod_own"] = self.renderer.words.own  # the group's words, and our English ones,
        env.filters["coprod_in_english"] = self.renderer.words.in_english  # in our parts (languages.py)
        if self.site is not None:
            env.globals["coprod_language"] = self.site.project.language  # partials/language.html
            env.globals["coprod_published_on"] = format_date(self.site.today)  # on paper (main.html)
            env.globals["coprod_closure"] = self.site.closure  # on every page of a closed group
            env.filters["coprod_date"] = format_date
            env.globals["coprod_asset"] = self.asset_address  # overrides/main.html, partials/coprod-head.html
            self.heap.settle()  # every page has been read
        return env

    def asset_address(self, path: str) -> str:
        """The address pages load one of the site's own files by, fingerprinted (asset_addresses.py)."""
        return self.asset_addresses.get(path, path)

    def _is_kept(self, src_uri: str) -> bool:
        """User pages and images stay; records, YAML and anything else under content/ never ship."""
        assert self.site is not None
        if src_uri in self.specs:
            return False
        return src_uri in self.site.group.pages or src_uri in self.site.images

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """A page of the group's own, as coprod read it (sources.as_mkdocs_reads_it)."""
        source = self.site.group.pages.get(page.file.src_uri) if self.site is not None else None
        return as_mkdocs_reads_it(source.meta, source.body) if source is not None else None

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            if escape(spec.title) != config.site_name:  # else the window title would say it twice
                page.meta["title"] = spec.title
            page.meta["description"] = spec.description  # both made safe for the theme with every
            # page's (`keep_theme_text_inert`)
        if self.site is None:
            return markdown
        origin = page_origin(page.file.src_uri, spec, self.site.group)
        if origin is not None:
            self.origins[page.file.dest_uri] = origin
        shown = self.site.shown_text(markdown, origin or page.file.src_uri, page.file.src_uri)
        written_in = origin or f"{self.site.group.content}/{page.file.src_uri}"
        return with_raw_html_addresses(shown, written_in, _addresses_from(page, self.site, files))

    def _page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                      files: Files) -> str | None:
        keep_theme_text_inert(page)
        html = with_safe_heading_ids(page, html)
        if self.site is None:
            return html
        ensure_skip_target(page)
        finisher = self._finisher_for(page)
        if finisher is not None:
            search = self.background_search.searchable(page) if self.background_search else None
            finisher.send(page, html, search)
            return html  # until the second process has finished it (see on_env)
        with _stop_at_an_unfinished_page():
            return finished(self._finish_page, page.file.src_uri, html)

    def _finisher_for(self, page: Page) -> Finisher | None:
        """What finishes the page elsewhere: our own pages, in the second process when there is one."""
        return self.finisher if page.file.src_uri in self.specs else None

    def _finish_page(self, src_uri: str, html: str) -> str:
        """A page's content: its cleaned HTML, in its template for our pages, glossary terms marked
        (but on the glossary, whose terms would only link to themselves)."""
        assert self.site is not None
        html = clean_html(html)
        spec = self.specs.get(src_uri)
        html = html if spec is None else self.renderer.render(spec, self.site, html)
        if src_uri == GLOSSARY_PAGE:
            return html
        return mark_glossary_terms(html, self.site.group.glossary, self.renderer.glossary_terms(src_uri),
                                   [self.site.project.name])

    def _put_finished_pages_in_place(self) -> None:
        """Every page has been read: the pages the second process finished take their content."""
        if self.finisher is None:
            return
        with _stop_at_an_unfinished_page():
            finished_pages = self.finisher.collect()
        for page, content, entries in finished_pages:
            page.content = content
            if entries is not None and self.background_search is not None:
                self.background_search.accept(page, entries)
                if self.background is not None:
                    self.background.add_entries(entries)

    def _scan_outputs_beside_the_build(self) -> None:
        """Feeds, data and QR codes go to the leak guard's background scan once every page is
        finished (sent earlier, they kept the second process from finishing pages)."""
        if self.background is not None:
            for output in self.outputs:
                self.background.add(output.path, output.content)
        self.outputs = []

    @event_priority(-100)  # last: the page's content is final
    def _send_to_search(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if self.background_search is not None and self._finisher_for(page) is None:
            self.background_search.send(page, html)
        return html

    on_page_content = CombinedEvent(_page_content, _send_to_search)

    def _privacy_rules(self) -> PrivacyRules:
        assert self.site is not None
        register, _ = read_register()  # a broken register was already reported in on_config
        return rules_for(self.site.group, register)

    def _show_picture_sizes(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Pictures with their sizes, and those further down loaded lazily (picture_sizes.py)."""
        if not self.picture_sizes or "<img" not in output:
            return output
        return with_picture_sizes(output, page.url, self.picture_sizes)

    @event_priority(-100)  # last, so the guard sees each page exactly as it is written
    def _send_to_guard(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.background is not None:
            self.background.add(page.file.dest_uri, output)
        return output

    on_post_page = CombinedEvent(_show_picture_sizes, _send_to_guard)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """A rebuild that fails shows its problems in the browser (preview.py); one that failed on
        an address of published-urls.txt builds again when a line is taken out of it, as its
        problem says to do (MkDocs watches only the content folder and mkdocs.yml)."""
        ProblemsInTheBrowser(server, Path(config.config_file_path))
        ledger = Path(config.config_file_path).parent / LEDGER
        if ledger.is_file():
            server.watch(str(ledger))
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_second_core()
        self.heap.release()

    def _stop_second_core(self) -> None:
        if self.second_core is not None:
            self.second_core.close()
        if self.finisher is not None:
            self.finisher.close()
        self.second_core, self.background, self.background_search = None, None, None
        self.finisher = None

    @event_priority(100)  # before Material's search sees the page
    def _before_search(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.background_search is not None:
            self.background_search.take(page)
        return context

    @event_priority(-100)  # after Material's search has indexed the page
    def _after_search(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.background_search is not None:
            self.background_search.placed(page)
        if self.dirty:
            self.rebuilds.page_indexed(page)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    @event_priority(100)  # before Material's search writes the index
    def _complete_search_index(self, *, config: MkDocsConfig) -> None:
        search, self.background_search = self.background_search, None
        if search is not None:
            search.merge()

    @event_priority(-100)  # last: after the search index and every other file is written
    def _guard(self, *, config: MkDocsConfig) -> None:
        """The leak guard: stop if any file of the finished site shows something private."""
        if self.site is None:
            return
        if self.dirty:
            self.rebuilds.remove_stale(Path(config.site_dir))
        sources = group_sources(self.site.group, self.settings)
        try:
            problems = guard_site(Path(config.site_dir), self._privacy_rules(), sources, self.origins,
                                  self.guard_memo if self.dirty else None, self.background,
                                  remove_leaking=not self.serving)
        finally:
            self._stop_second_core()
            self.heap.release()
        for problem in problems:
            log.error(str(problem))
        if problems:
            removed = "" if self.serving else (" The files that showed them were removed from the site "
                                               "folder, so that it cannot be published by mistake.")
            raise PluginError(f"The site must not be published: the finished site shows private "
                              f"details ({count_summary(problems)}), listed above.{removed} Fix them, "
                              "then build again.")
        if self.dirty:
            self.rebuilds.succeeded()

    on_post_build = CombinedEvent(_complete_search_index, _guard)


@contextmanager
def _stop_at_an_unfinished_page() -> Iterator[None]:
    """A page that cannot be finished stops the build with its name and why, never a traceback."""
    try:
        yield
    except PageNotFinished as error:
        raise PluginError(f"Error reading page {error}. If the site changes a template in its "
                          "theme/coprod folder, check that template.") from error


def date_pages_by_their_records(files: Files, specs: dict[str, PageSpec], site: Published) -> None:
    """Each page's date in the sitemap (MkDocs gives every page the build's day, which tells
    search engines that everything changed on every build): for a record's page or a page of
    the group's own, the day git last saw its file or people.yml (whose names it shows) change;
    for a page made from lists, the group's latest change. A build for a set day (COPROD_TODAY)
    says nothing of later commits. Unchanged where git cannot tell (no git, or a shallow clone)."""
    group = site.group
    changed = last_changed(Path(group.root), group.content)
    if not changed:
        return
    latest = max(changed.values())
    people = changed.get(f"{group.content}/people.yml")
    for file in files.documentation_pages():
        if file.page is None:
            continue
        source = shown_file(file.src_uri, specs.get(file.src_uri), group)
        if source is None:
            day = latest
        else:
            day = changed.get(source, site.today)  # not yet committed: changed today
            day = max(day, people) if people is not None else day
        file.page.update_date = min(day, site.today).isoformat()


def ensure_skip_target(page: Page) -> None:
    """Give every page a working "Skip to content" link.

    Material links it to the first entry of the page's table of contents: a page's
    own `# Title`, or else its first `##` heading, which on our pages comes after
    the title, the facts and any notice, so keyboard users skipped those too. A
    level-1 entry for the start of the content (overrides/main.html) holding the
    page's own entries points it there and, being level 1, changes nothing in the
    "On this page" sidebar, which shows a level-1 entry's children.
    """
    items = page.toc.items
    if items and items[0].level == 1:
        return
    start = AnchorLink(page.title or "", SKIP_TARGET, 1)
    start.children = list(items)
    page.toc = TableOfContents([start])


def keep_theme_text_inert(page: Page) -> None:
    """A page's title and description as Material prints them: unescaped, in the window title, the
    header, the menu, the links to the next and previous pages, and the search index (whose
    titles its script shows as HTML). Each is escaped once, as Markup: shown exactly as written
    ('Waits < 18 weeks'), left alone by |e, and never markup.

    A title in the front matter (a record's, set in `on_page_markdown`) is text; any other is
    read as MkDocs reads it, as HTML: from the page's first heading (where MkDocs keeps '&lt;'),
    mkdocs.yml's nav, or the file's name. Material runs a title through `striptags`, which turns
    '&lt;' back into '<', for the window title of a page with none in its front matter: every
    page but the home page is given one (its own title, so nothing else changes), so that the
    window title is printed escaped.
    """
    meta_title = page.meta.get("title")
    title = page.title
    if title is not None and not isinstance(title, Markup):
        text = str(title) if title == meta_title else html_module.unescape(str(title))
        page.title = Markup(escape(text))
    if isinstance(meta_title, str) and not isinstance(meta_title, Markup):
        page.meta["title"] = Markup(escape(meta_title))
    if not page.is_homepage and page.title and not page.meta.get("title"):
        page.meta["title"] = page.title
    description = page.meta.get("description")
    if description is not None and not isinstance(description, Markup):
        # Markup: escaped once, for the theme, and not again by our head's |e
        page.meta["description"] = Markup(escape(str(description)))


def _keep_site_words_inert(config: MkDocsConfig) -> None:
    """mkdocs.yml's description and author as Material prints them, unescaped, in an attribute
    of every page (the name: `_configure_site`)."""
    for name in ("site_description", "site_author"):
        value = config[name]
        if value is not None and not isinstance(value, Markup):
            config[name] = Markup(escape(str(value)))


UNSAFE_IN_ID = re.compile(r"""["'<>&\\\s]+""")
"""What a heading's id (from `{#id}` or `{id="..."}`) may not hold: it would end the attribute
the theme prints it in, unescaped, or the selector its script finds the heading with."""
_HEADING_ID = re.compile(r"""(<h[1-6]\b[^>]*?\sid=")([^"]*)(")""")


def with_safe_heading_ids(page: Page, html: str) -> str:
    """The page's contents and its headings with ids that hold none of `UNSAFE_IN_ID`, each
    link in the contents still leading to its heading."""
    if not _unsafe_ids(page.toc.items):
        return html
    return _HEADING_ID.sub(lambda m: m[1] + str(escape(_safe_id(html_module.unescape(m[2])))) + m[3], html)


def _unsafe_ids(items: list[AnchorLink]) -> bool:
    """Whether any id in the contents was unsafe (each such id made safe)."""
    found = False
    for item in items:
        if UNSAFE_IN_ID.search(item.id):
            item.id, found = _safe_id(item.id), True
        found = _unsafe_ids(item.children) or found
    return found


def _safe_id(value: str) -> str:
    return UNSAFE_IN_ID.sub("-", value)


def report_problems(problems: list[Problem]) -> None:
    """Log every problem; stop the build once, after all of them, if any is an error. A reminder
    is logged as information, so `mkdocs build --strict` does not stop on it (problems.Reminder)."""
    for problem in problems:
        (log.error if problem.is_error else log.info if problem.is_reminder else log.warning)(str(problem))
    if any(problem.is_error for problem in problems):
        raise PluginError(f"The site was not built: {count_summary(problems)}. "
                          "Fix the problems listed above, then build again.")


def _group_digest(config: MkDocsConfig, group: Group, settings: Settings) -> str:
    """What every page is made from (fingerprints.py), with the site's theme folder and ours:
    the installed theme does not change while serving. Our stylesheets and scripts too: every
    page has their fingerprints (asset_addresses.py)."""
    theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    site_config = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    return group_digest(group, settings, [*theme, OVERRIDES, TEMPLATES, ASSETS], site_config)


def _asset_addresses(files: Files) -> dict[str, str]:
    """The site's own stylesheets and scripts, each with its fingerprinted address."""
    return {file.src_uri: fingerprinted(file.src_uri, file.content_bytes)
            for file in files if file.src_uri.startswith(OWN_FILES_FOLDER)}


def _theme_dirs_below_ours(config: MkDocsConfig) -> list[str]:
    """The theme's template folders beneath our overrides: Material's own, then MkDocs'."""
    dirs = list(config.theme.dirs)
    return dirs[dirs.index(str(OVERRIDES)) + 1:] if str(OVERRIDES) in dirs else dirs


def _override_dirs(config: MkDocsConfig) -> list[Path]:
    custom_dir = config.theme.custom_dir
    return [Path(custom_dir) / "coprod"] if custom_dir else []


def _is_raw_record(src_uri: str) -> bool:
    """A file of the records (people.yml, a meeting's file): never published as it is."""
    return (src_uri.endswith((".yml", ".yaml")) or src_uri == "charter.md"
            or src_uri.partition("/")[0] in FOLDERS.values())


SEARCH_SEGMENTERS = {"assets/javascripts/lunr/tinyseg.js": {"ja"},
                     "assets/javascripts/lunr/wordcut.js": {"hi", "th"}}
"""Material's word splitters for search in Japanese, and in Hindi and Thai: each needed only
for those languages."""


def _unused_theme_files(config: MkDocsConfig) -> Callable[[str], bool]:
    """Files of the theme a reader never loads, each with someone's email address in it: the
    source maps of Material's scripts and styles (for its developers), and search word splitters for
    languages the site's search does not use."""
    search = search_plugin(config)
    languages = set(search.config.lang or ()) if search is not None else set()

    def unused(src_uri: str) -> bool:
        needed_for = SEARCH_SEGMENTERS.get(src_uri)
        return src_uri.endswith(".map") or (needed_for is not None and not needed_for & languages)
    return unused


def _addresses_from(page: Page, site: Published, files: Files) -> Callable[[str], str | None]:
    """Where `page` links to a file of the records ('content/assets/map.png'): the page showing
    it, or the file; None for a path outside the records or a file the site does not have."""
    content = f"{site.group.content}/"

    def address_of(path: str) -> str | None:
        if not path.startswith(content):
            return None
        target = files.get_file_from_path(site.page_of(path) or path.removeprefix(content))
        return target.url_relative_to(page.file) if target is not None else None
    return address_of


def _publish_without_metadata(image: File, files: Files, config: MkDocsConfig) -> bytes | None:
    """The image as published: without the hidden details a phone or camera put in it. One whose
    details cannot be taken out is left out (`coprod check` says why: checks/images.py): None."""
    data = Path(image.abs_src_path or "").read_bytes()
    try:
        published = without_metadata(data, image.src_uri)
    except ImageNotCleaned:
        files.remove(image)
        return None
    if published != data:
        files.remove(image)
        files.append(File.generated(config, image.src_uri, content=published))
    return published


def _configure_site(config: MkDocsConfig, specs: dict[str, PageSpec], pages: dict[str, Any]) -> None:
    """What every group's site needs: clause ids, no web fonts, our stylesheet, a short nav."""
    for extension in SITE_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    # Material prints the site's name unescaped in places (its logo's label, the window title):
    # escaped once, as Markup, it shows as written there, and |e leaves it alone elsewhere.
    config.site_name = Markup(escape(config.site_name))
    config.theme["font"] = False
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if config.nav is None:
        config.nav = default_nav(specs, pages)


def _speak_the_group_language(config: MkDocsConfig, language: str) -> None:
    """Material's own words (the search box, "Skip to content") in the group's language, where
    Material has them and mkdocs.yml left the theme in English; every page's `lang` says the
    group's language either way (overrides/partials/language.html)."""
    if config.theme["language"] != "en":
        return
    for name in (language, language.split("-")[0].lower()):
        if any((Path(folder) / "partials" / "languages" / f"{name}.html").is_file() for folder in config.theme.dirs):
            config.theme["language"] = name
            return


def default_nav(specs: dict[str, PageSpec], pages: dict[str, Any]) -> list[dict[str, str] | str]:
    """The group's sections in a fixed order, then the group's own pages."""
    # (How we work together's title says "in numbers" where the charter has that title too)
    nav: list[dict[str, str] | str] = [{specs[p].title if p == HOW_WE_WORK_PAGE else NAV_TITLES[p]: p}
                                       for p in NAV_TITLES if p in specs]
    nav += sorted(p for p in pages if p not in specs)
    return nav
