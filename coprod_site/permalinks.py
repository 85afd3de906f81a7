"""Published addresses are permanent: a ledger of every URL the site has published, and redirects.

People share links to a decision in emails, posters and QR codes, so a page
that was published must stay reachable. `coprod build` adds every address it
publishes to `published-urls.txt`, next to mkdocs.yml. The group commits that
file, so a fresh clone (and CI) knows every address published before. A build
that would drop one of them stops, unless the record that moved lists its old
id in `old_ids:`, in which case the old address gets a small page that sends
visitors on to the new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader

from .outputs import OUTPUT_BUILDERS, OutputFile
from .pages import NAV_TITLES, PageSpec, page_url, relative_url
from .problems import Problem
from .published import Published, record_page
from .records import Amendment, Decision, Meeting, Report
from .settings import Settings

LEDGER = "published-urls.txt"

LEDGER_HEADER = """\
# Every address this site has published, one per line (relative to site_url).
# 'coprod build' adds new ones. Commit this file: a page listed here must never disappear.
# If you rename a record, add its old id to the record's 'old_ids:' so the old address redirects.
"""



@dataclass(frozen=True)
class Redirect:
    """An old address that now points to a record's current page."""

    old_url: str
    new_url: str
    title: str
    record_path: str


def record_page_url(kind: str, record_id: str) -> str:
    """'decisions/D-007/'."""
    return page_url(record_page(kind, record_id))


def redirects(site: Published) -> list[Redirect]:
    """One redirect for each old id of each published record."""
    found = []
    for record in site.records_with_pages:
        for old_id in record.old_ids:
            if old_id != record.id:
                found.append(Redirect(record_page_url(record.kind, old_id),
                                      record_page_url(record.kind, record.id),
                                      record.title, record.source.path))
    return sorted(found, key=lambda r: r.old_url)


def redirect_problems(site: Published, page_urls: Iterable[str]) -> Iterator[Problem]:
    """An old id that is also a current page's address cannot redirect."""
    current = set(page_urls)
    for redirect in redirects(site):
        if redirect.old_url in current:
            yield Problem(redirect.record_path, None, "old_ids", f"lists an old id whose address, "
                          f"/{redirect.old_url}, belongs to another page. Remove it from old_ids.")


def build_redirect_pages(site: Published, settings: Settings) -> Iterator[OutputFile]:
    """A page at each old address: an instant redirect, a canonical link and a plain link."""
    template = Environment(loader=PackageLoader("coprod_site", "templates"),
                           autoescape=True).get_template("redirect.html")
    for redirect in redirects(site):
        target = relative_url(redirect.old_url, redirect.new_url)
        canonical = (site.site_url + redirect.new_url) if site.site_url else target
        html = template.render(language=site.project.language, title=redirect.title,
                               target=target, canonical=canonical)
        yield OutputFile(redirect.old_url + "index.html", html.encode("utf-8"))


def read_ledger(root: Path) -> list[str]:
    """The addresses published before, from published-urls.txt (none if there is no file yet)."""
    return list(ledger_lines(root))


def ledger_lines(root: Path) -> dict[str, int]:
    """Each address published before, with its line in published-urls.txt."""
    path = root / LEDGER
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return {_normal(line): number for number, line in enumerate(lines, 1)
            if line.strip() and not line.lstrip().startswith("#")}


def write_ledger(root: Path, urls: Iterable[str]) -> bool:
    """Add `urls` to the ledger; return True when the file changed."""
    before = read_ledger(root)
    after = sorted(set(before) | {_normal(url) for url in urls})
    if after == sorted(set(before)) and (root / LEDGER).is_file():
        return False
    text = LEDGER_HEADER + "".join(f"/{url}\n" for url in after)
    (root / LEDGER).write_text(text, encoding="utf-8")
    return True


def missing_urls(published_before: Iterable[str], published_now: Iterable[str]) -> list[str]:
    """Addresses in the ledger that this build would no longer publish."""
    now = {_normal(url) for url in published_now}
    return sorted({_normal(url) for url in published_before} - now)


def missing_url_problems(ledger: Mapping[str, int], published_now: Iterable[str]) -> list[Problem]:
    """One error for each published address (with its line in the ledger) this build would drop."""
    return [Problem(LEDGER, ledger.get(url), None, f"the page /{url} was published before, but this "
                    "build has no page there, so links people shared would break. If you renamed its "
                    "record, add the old id to the record's 'old_ids:', so the old address redirects. If "
                    "you deleted it by mistake, put it back. If it must come down (it shows something "
                    "it should not), or was never on the website (only built on this computer before a "
                    "rename), delete this line.")
            for url in missing_urls(ledger, published_now)]


def address_problems(root: Path, site: Published, specs: Iterable[PageSpec],
                     published: Iterable[str]) -> list[Problem]:
    """Addresses published before that the site would drop (`published`: what it publishes now,
    see `published_urls`), and old ids that cannot redirect."""
    return [*missing_url_problems(ledger_lines(root), [*published, *withheld_urls(site)]),
            *redirect_problems(site, (spec.url for spec in specs))]


def withheld_urls(site: Published) -> set[str]:
    """The addresses of records the group still has that the site does not show now: a planned
    meeting whose minutes are now being written, say. They are not dropped, only held back,
    and come back once shown (draft minutes appear nowhere, so not even as a page saying so)."""
    group = site.group
    shown = {id(record) for record in site.records_with_pages}
    records: list[Meeting | Decision | Amendment | Report] = [
        *group.meetings.values(), *group.decisions.values(), *group.amendments.values(), *group.reports.values()]
    return {record_page_url(record.kind, record_id) for record in records if id(record) not in shown
            for record_id in (record.id, *record.old_ids)}


def _normal(url: str) -> str:
    """'/meetings/x/' and 'meetings/x/' are the same address."""
    return url.strip().lstrip("/")


def published_urls(site: Published, specs: Iterable[PageSpec]) -> list[str]:
    """The addresses this build promises to keep: every record, section and own page, and redirects.

    Lists split into pages or years are left out: they change as records are added.
    """
    urls = {spec.url for spec in specs if "record" in spec.context or spec.path in NAV_TITLES}
    urls |= {page_url(path) for path in site.group.pages}
    urls |= {redirect.old_url for redirect in redirects(site)}
    return sorted(urls)


if build_redirect_pages not in OUTPUT_BUILDERS:
    OUTPUT_BUILDERS.append(build_redirect_pages)
