"""Addresses in HTML typed into a record or page, made to work as Markdown's do.

A Markdown link or picture is written from the file's own folder (`../assets/map.png`,
`../charter.md`), and the site gives it the published page's address (`../../assets/map.png`,
`../../charter/`). HTML typed as it is (`<img src=...>` pasted from elsewhere, or written for
a size) is passed through untouched, so the same address, checked by `coprod check` from
the file's folder, would lead nowhere on the site: a picture would be looked for under the
page's own address. So each `src` and `href` of such a tag that names a file of the records
(a picture, a record, a page of the group's) is given the address the site gives it; any
other (another website, a part of the page, a file that is not there, which `coprod check`
reports) is left as written.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from .mentions import outside_code


def opening_tags(names: str, flags: int = 0) -> re.Pattern[str]:
    """The opening tags of the elements `names` ('img|a'), each read to its own '>' (one inside
    a quoted value, as in alt="a > b", does not end it)."""
    return re.compile(rf"<(?:{names})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", flags)


_TAG = opening_tags("img|a|source|audio|video", re.IGNORECASE)
_ADDRESS = re.compile(r"(?<=\s)(?P<name>src|href)(?P<equals>\s*=\s*)(?P<quote>[\"'])(?P<value>.*?)(?P=quote)",
                      re.IGNORECASE | re.DOTALL)


def with_raw_html_addresses(markdown: str, written_in: str, address_of: Callable[[str], str | None]) -> str:
    """`markdown`, from the file `written_in`, with the addresses in its HTML tags (outside code)
    made the page's: `address_of` gives the address, from the page, of a file of the records (as
    records name their files, 'content/assets/map.png'), or None for one the site does not have."""
    if "<" not in markdown or _TAG.search(markdown) is None:  # most records: no HTML typed
        return markdown
    folder = posixpath.dirname(written_in)

    def published(value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return value
        address = address_of(posixpath.normpath(posixpath.join(folder, unquote(parts.path))))
        if address is None:
            return value
        query = f"?{parts.query}" if parts.query else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f"{address}{query}{fragment}"

    def address(match: re.Match[str]) -> str:
        return f"{match['name']}{match['equals']}{match['quote']}{published(match['value'])}{match['quote']}"

    return outside_code(markdown, lambda text: _TAG.sub(lambda tag: _ADDRESS.sub(address, tag.group()), text))
