"""Addresses in HTML typed into a record or page, made to work as Markdown's do.

A Markdown link or picture is written from the file's own folder (`../assets/map.png`,
`../charter.md`), and the site gives it the published page's address (`../../assets/map.png`,
`../../charter/`). HTML typed as it is (`<img src=...>` pasted from elsewhere, or written for
a size) was passed through untouched, so the same address, checked by `coprod check` from
the file's folder, led nowhere on the site: a picture was looked for under the page's own
address. Each `src` and `href` of such a tag that names a file of the records (a picture, a
record, a page of the group's) is given the address the site gives it; any other (another
website, a part of the page, a file that is not there, which `coprod check` reports) is left
as written.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File, Files

from .mentions import outside_code

_TAG = re.compile(r"<(?:img|a|source|audio|video)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_ADDRESS = re.compile(r"(?<=\s)(?P<name>src|href)(?P<equals>\s*=\s*)(?P<quote>[\"'])(?P<value>.*?)(?P=quote)",
                      re.IGNORECASE | re.DOTALL)


def with_raw_html_addresses(markdown: str, written_in: str, content: str, page: File, files: Files,
                            page_of: Callable[[str], str | None]) -> str:
    """`markdown`, from the file `written_in` in the folder `content`, with the addresses in its
    HTML tags (outside code) made those of `page`, the page it is shown on; `page_of` gives the
    page (as MkDocs names its file) that shows a record's or page's file, if any."""
    if "<" not in markdown or _TAG.search(markdown) is None:  # most records: no HTML typed
        return markdown
    folder = posixpath.dirname(written_in)

    def published(value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return value
        path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        shown = page_of(path)
        target = files.get_file_from_path(shown if shown is not None else path.removeprefix(f"{content}/"))
        if target is None or not path.startswith(f"{content}/"):
            return value
        query = f"?{parts.query}" if parts.query else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f"{target.url_relative_to(page)}{query}{fragment}"

    def address(match: re.Match[str]) -> str:
        return f"{match['name']}{match['equals']}{match['quote']}{published(match['value'])}{match['quote']}"

    return outside_code(markdown, lambda text: _TAG.sub(lambda tag: _ADDRESS.sub(address, tag.group()), text))
