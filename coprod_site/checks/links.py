"""Links and images in the records that point at a file of the group that is not there, and
what the site leaves out because it would load something from another website.

MkDocs notices a missing file while building, with no line, and only as a
warning; here the writer hears it from `coprod check`, at the line. Addresses of
files are judged (`x.md`, `assets/map.png`); so is a page's address copied from the
browser: a record's (`../2025-03-14-x/`) by the records in its folder, and one of the
site's own (`../people/`) by the pages the site makes. Other websites are left alone, but
for addresses that open only inside the writer's organisation (a shared drive, SharePoint, a
Teams channel).
A page never loads anything from another website (sanitize.py takes such things out),
so an image from one, or a script, frame or stylesheet typed as HTML, is a warning
that it will not be shown.
"""

from __future__ import annotations

import difflib
import glob
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..loading import IMAGE_SUFFIXES
from ..mentions import without_code
from ..pages import page_url, relative_url, site_pages
from ..problems import Problem
from ..published import FOLDERS, record_page
from ..records import Group
from ..settings import Settings
from ..words import shortened
from .bodies import find_images, find_links, find_spaced_addresses, published_bodies


def check_link_targets(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each link or image whose file is missing, and each link to a record's
    page (copied from the browser: '../2026-10-14-welcome-pack/') that no record has."""
    root = Path(group.root)
    content = group.content
    pages, records, top = _page_addresses(group), _records_by_folder(group), _top_level_addresses(group)
    for source in published_bodies(group):
        folder = posixpath.dirname(source.path)
        links = find_links(source)
        for link in links:
            if source.path in pages:
                page = pages[source.path]
                yield from _site_address_problem(records, top, source.path, link.line, link.address, page)
                yield from _from_the_root(settings.site_url, source.path, link.line, link.address, page)
        for spaced in find_spaced_addresses(source):
            if opens_only_inside(spaced.address):
                continue  # (check_links_only_insiders_open: renaming would not help)
            fix = ("Write %20 for each space in it." if file_named(spaced.address) is None else
                   f"Rename the file without spaces, like '{_dashed(spaced.address)}', and write its new name here.")
            yield Problem(source.path, spaced.line, None, f"links to '{shortened(spaced.address)}', whose space "
                          f"leaves the link going nowhere on the site. {fix}", "warning")
        for address, line in [*((link.address, link.line) for link in links),
                              *((image.src, image.line) for image in find_images(source))]:
            file = _file_of(address)
            if file is None:
                continue
            path = posixpath.normpath(posixpath.join(folder, file))
            if not (path.startswith(f"{content}/") and (_is_made(root, content, path) or (root / path).is_file())):
                yield Problem(source.path, line, None, f"links to '{shortened(address)}', but there is no such file "
                              "in the group's records. Check the name, and that it is written from this "
                              "file's folder.", "warning")


def _dashed(address: str) -> str:
    """An address's file name with dashes for its spaces: 'assets/my map.png' to 'my-map.png'."""
    return "-".join(posixpath.basename(address).split())


REMOVED_TAG = re.compile(r"<(script|iframe|frame|object|embed|link|style|form|svg|math|base|meta|video|audio|"
                         r"textarea|select|noscript|template)\b", re.IGNORECASE)
"""HTML the site removes from a page (see sanitize.py): each would run or load something, or, in
a form field, holds words only a script would use."""

REMOVED_LINK = re.compile(r"\]\(\s*<?((?:javascript|vbscript|data|file):(?:[^()\s>]|\([^()\s]*\))*)", re.IGNORECASE)
"""A Markdown link to a script or a file, whose address the site takes out (sanitize.py); as in
CommonMark, the address may hold parentheses in pairs (`javascript:alert(1)`)."""


def check_outside_content(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each image from another website, each tag the site removes, each script or
    look it takes out of a tag it keeps (`onclick`, `style`), and each link it takes out
    (`javascript:`, `data:`)."""
    for source in published_bodies(group):
        as_data = set()
        for image in find_images(source):
            on_a_computer = _ON_A_COMPUTER.match(unquote(image.src))
            if image.src.strip().lower().startswith("data:"):  # pasted from a document, often
                as_data.add(image.src.strip())
                yield Problem(source.path, image.line, None, f"has a picture written into the text as data "
                              f"('{shortened(image.src.strip(), 40)}'), which the site leaves out. Save the "
                              "picture as a file in the assets folder and show it from there, like "
                              "![What it shows](../assets/picture.png).", "warning")
            elif on_a_computer:
                name = re.split(r"[\\/]", unquote(image.src))[-1]
                yield Problem(source.path, image.line, None, f"shows a picture from a computer's own folders "
                              f"('{shortened(unquote(image.src))}'), which nobody else can see. Save the picture in the "
                              f"assets folder and show it from there, like ![What it shows](../assets/{name}).",
                              "warning")
            elif _is_outside(image.src):
                yield Problem(source.path, image.line, None, f"shows a picture from another website "
                              f"('{shortened(image.src)}'). Pages load nothing from other websites, so it is left out: "
                              "save the picture in the assets folder and show it from there.", "warning")
        if "<" not in source.body and "](" not in source.body:
            continue
        body = without_code(source.body)  # code is shown as typed
        for tag in REMOVED_TAG.finditer(body):
            name = tag.group(1).lower()
            yield Problem(source.path, source.body_line + body.count("\n", 0, tag.start()), None,
                          f"has {'an' if name[0] in 'aeiou' else 'a'} <{name}> tag, which the site takes out: pages run nothing "
                          "and load nothing from other websites. Take it out; a link to the other website "
                          "works.", "warning")
        for tag in HTML_TAG.finditer(body):
            if REMOVED_TAG.match(tag.group()):
                continue  # said above, tag and all
            for attribute in REMOVED_ATTRIBUTE.finditer(tag.group()):
                name = attribute.group(1).lower()
                why = STYLE_TAKEN_OUT if name == "style" else "pages run nothing. Take it out."
                yield Problem(source.path, source.body_line + body.count("\n", 0, tag.start()), None,
                              f"has {'a' if name == 'style' else 'an'} {name} attribute in a <{tag.group(1).lower()}> "
                              f"tag, which the site takes out: {why}", "warning")
        for link in REMOVED_LINK.finditer(body):
            if link.group(1).strip() in as_data:
                continue
            yield Problem(source.path, source.body_line + body.count("\n", 0, link.start()), None,
                          f"links to '{shortened(link.group(1).strip(), 40)}', which the site takes out: links go to web "
                          "pages (https:), email (mailto:) or phone numbers (tel:). Take it out.", "warning")


HTML_TAG = re.compile(r"<([a-z][a-z0-9]*)\b[^<>]*>", re.IGNORECASE)
REMOVED_ATTRIBUTE = re.compile(r"\s(style|on[a-z]+)\s*=", re.IGNORECASE)
"""What the site takes out of a tag it keeps (see sanitize.py): how it looks, and scripts."""
STYLE_TAKEN_OUT = ("every page keeps one look, which readers can change to the colours and sizes they need. "
                   "To stress words, use **bold**.")


_ON_A_COMPUTER = re.compile(r"[A-Za-z]:[\\/]|\\\\|file:", re.IGNORECASE)
"""'C:\\Users\\sam\\map.png', '\\\\server\\share', 'file:///...': a picture's place on the writer's computer."""


def _is_outside(address: str) -> bool:
    parts = urlsplit(address.strip())
    return bool(parts.scheme or parts.netloc)


def _page_addresses(group: Group) -> dict[str, str]:
    """The address of each record's and page's own page on the site ('meetings/2025-03-14-x/'),
    by the file it comes from: the place its links are followed from."""
    found = {group.charter.source.path: "charter/"} if group.charter is not None else {}
    for records in (group.meetings, group.decisions, group.amendments, group.reports):
        found.update({r.source.path: page_url(record_page(r.kind, r.id)) for r in records.values()})
    found.update({source.path: page_url(inside) for inside, source in group.pages.items()})
    return found


@dataclass(frozen=True)
class _Folder:
    """A record folder's records, as a link to one of their pages finds them."""

    kind: str
    ids: list[str]
    addressed: set[str]
    """Every id with a page or a redirect here: the records', their old ids, and those of files
    that could not be read (already reported)."""


def _records_by_folder(group: Group) -> dict[str, _Folder]:
    found = {}
    for kind, folder in FOLDERS.items():
        records: dict[str, Any] = getattr(group, folder)
        old_ids = {old for record in records.values() for old in record.old_ids}
        found[folder] = _Folder(kind, sorted(records), {*records, *old_ids, *group.unreadable_records})
    return found


LIST_PAGES = re.compile(r"\d{4}|page|next")
"""Pages of a record folder that are not records: a year's, a page of a long list, the poster's."""


def _top_level_addresses(group: Group) -> list[str]:
    """The first part of every address the site has ('people' of people/, 'writing-records'),
    the group's own pages and files included."""
    made = {page_url(path).split("/")[0] for path in site_pages()}
    try:
        own = {name.removesuffix(".md") for name in os.listdir(Path(group.root) / group.content)}
    except OSError:
        own = set()
    return sorted({*made, *FOLDERS.values(), *MADE_FOLDERS, *own} - {""})


MADE_FOLDERS = ("data", "feeds", "search", "assets")
"""Folders of files the site makes: open data, feeds, the search index, the theme's files."""


def _site_address_problem(folders: dict[str, _Folder], top: list[str], path: str, line: int, address: str,
                          page: str) -> Iterator[Problem]:
    """A link typed as a page's address (copied from the browser) that no page has: a record's
    ('../2025-03-14-x/') or one of the site's own ('../peple/')."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/") or posixpath.splitext(parts.path)[1]:
        return
    target = posixpath.normpath(posixpath.join(page, unquote(parts.path))).split("/")
    if len(target) == 1 and target[0] not in (".", "..", *top):
        names, what = top, "page of the site"
    elif len(target) == 2 and target[0] in folders and not LIST_PAGES.fullmatch(target[1]):
        folder = folders[target[0]]
        if target[1] in folder.addressed:
            return
        names, what = folder.ids, folder.kind
    else:
        return
    near = difflib.get_close_matches(target[-1], names, n=1)
    hint = f" Did you mean {address.replace(target[-1], near[0], 1)}?" if near and target[-1] in address else ""
    yield Problem(path, line, None, f"links to '{shortened(address)}', but no {what} has that address. Check the "
                  f"name.{hint}", "warning")


def _from_the_root(site_url: str | None, path: str, line: int, address: str, page: str) -> Iterator[Problem]:
    """'/charter/' leads to the root of the web address: outside a site that lives in a folder of
    it (https://example.org/our-group/), where the same link written from the page works."""
    site_path = urlsplit(site_url).path if site_url else "/"
    if not address.startswith("/") or address.startswith("//") or site_path in ("", "/"):
        return
    if address.startswith(site_path):  # the site's own full path: it works, though not in a preview
        return
    written = relative_url(page, address.lstrip("/"))
    yield Problem(path, line, None, f"links to '{shortened(address)}', from the root of the web address, but the site "
                  f"lives at {site_url}, so the link leads outside it. Write it from this page: {written}",
                  "warning")


def _is_made(root: Path, content: str, path: str) -> bool:
    """Whether the build makes a page of that name: a section ('decisions/index.md'), or a
    decision's or an amendment's page, named by its id ('decisions/D-002.md')."""
    inside = path.removeprefix(f"{content}/")
    if inside in site_pages():
        return True
    folder, _, name = inside.rpartition("/")
    return (folder in (FOLDERS["decision"], FOLDERS["amendment"]) and name.endswith(".md")
            and any((root / content / folder).glob(f"{glob.escape(name.removesuffix('.md'))}-*.md")))


def file_named(address: str) -> str | None:
    """The file a relative address names, from the folder of the file it is written in
    ('../assets/map.png'); None for another website, the site's root or a place on the page."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    return unquote(parts.path)


def _file_of(address: str) -> str | None:
    """The file an address names, for an address of a file in the records; None for anything else."""
    path = file_named(address)
    if path is None:
        return None
    suffix = posixpath.splitext(path)[1].lower()
    return path if suffix == ".md" or suffix in IMAGE_SUFFIXES else None


WORDS_SAYING_NOTHING = frozenset({
    "here", "click here", "click", "this", "this link", "link", "more", "read more", "find out more",
    "more information", "more info", "this page", "page", "this website", "website", "there", "see here",
    "go here", "details", "this one"})
"""Link words that say nothing of where the link goes, once heard away from their sentence."""


def check_link_words(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each link whose words do not say where it goes ('here', 'read more') or that
    has none: people using a screen reader often hear a page's links listed on their own (WCAG
    2.4.4). Judged for English words only."""
    if not group.writes_in_english:
        return
    for source in published_bodies(group):
        for link in find_links(source):
            if not link.words:
                yield Problem(source.path, link.line, None, "has a link with no words, so nobody can tell "
                              f"where it goes ('{shortened(link.address)}'). {SAY_WHERE}", "warning")
            elif link.words.lower().strip(" .,:;!?'\"’") in WORDS_SAYING_NOTHING:
                yield Problem(source.path, link.line, None, f"has a link whose words, '{link.words}', do not say "
                              "where it goes. People using a screen reader often hear a page's links on "
                              f"their own, away from the sentence. {SAY_WHERE}", "warning")


SAY_WHERE = ("Write words that say where it goes between the square brackets, like 'Read [our 2025 impact "
             "report](…)'.")


def check_links_only_insiders_open(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning at each link that readers outside the group's organisation cannot open: a file
    on a computer or a shared drive ('S:\\Minutes\\notes.docx'), a file on SharePoint or in
    someone's OneDrive, a channel or chat in Microsoft Teams. Pasted from a work computer, they
    open for the person who wrote them, so nobody notices until a reader asks."""
    for source in published_bodies(group):
        addresses = [*((link.address, link.line) for link in find_links(source)),
                     *((spaced.address, spaced.line) for spaced in find_spaced_addresses(source))]
        for address, line in addresses:
            what = opens_only_inside(address)
            if what is None:
                continue
            account = ONEDRIVE_ACCOUNT.search(address)
            named = (f", and its address holds the account name of the person whose OneDrive it is "
                     f"('{account.group(1)}'), which the site would publish" if account else "")
            yield Problem(source.path, line, None, f"links to {what} ('{shortened(unquote(address))}'), which "
                          f"readers outside your organisation cannot open{named}. Write what they need to know "
                          "on this page, or link to a copy on a public website.", "warning")


def opens_only_inside(address: str) -> str | None:
    """What the address is, if only people inside the writer's organisation can open it."""
    if _ON_A_COMPUTER.match(unquote(address)):
        return None if address.lower().startswith("file:") else "a file on a computer or a shared drive"
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").lower()
    if host.endswith("-my.sharepoint.com"):
        return "a file in someone's own OneDrive"
    if host.endswith(".sharepoint.com") and not SHARING_LINK.match(parts.path):
        return "a file on your organisation's SharePoint"
    if host == "teams.microsoft.com" and TEAMS_INSIDE.match(parts.path):
        return "a team's channel or chat in Microsoft Teams"
    return None


ONEDRIVE_ACCOUNT = re.compile(r"-my\.sharepoint\.com/(?:.*?/)?personal/([^/?#]+)", re.IGNORECASE)
"""'/personal/sarah_jones_nhs_net/': the account, made from the owner's work email address."""
SHARING_LINK = re.compile(r"/:[a-z]:/[gs]/")
"""'/:w:/g/…', '/:b:/s/…': a link made with SharePoint's Share button, which may be open to anyone
who has it; a plain path ('/sites/…/Shared Documents/…') or '/:w:/r/' opens only for those with
access already."""
TEAMS_INSIDE = re.compile(r"/l/(channel|chat|file|team|message|entity)/")
"""A team's channel, chat, file or app in Teams, for its members; a meeting's link
('/l/meetup-join/…') lets anyone with it ask to join."""


CHECKS = (check_link_targets, check_outside_content, check_link_words, check_links_only_insiders_open)
