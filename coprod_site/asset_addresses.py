"""The addresses pages load the site's own stylesheets and scripts by (assets/coprod/).

A browser keeps a stylesheet or script by its address, and GitHub Pages lets it
do so for ten minutes: after an upgrade of coprod_site, new pages could be shown
with the old stylesheet and run the old scripts. Each address says which
version of the file it wants, by a fingerprint of its content
('assets/coprod/coprod.css?v=1a2b3c4d5e'): a changed file has a new address, an
unchanged one stays in the browser's cache.

A query, not a file name holding the fingerprint (as Material's own files have):
the file keeps its name, so a page kept from before an upgrade still finds it,
and so does a site's own copy of one of our partials. The file is found the same
with or without the query when the site is served (`mkdocs serve` included) and
when its pages are opened from disk (file://), and the query stays on whatever
relative address MkDocs' `url` filter makes of it. None of these files loads
another: a new one that did would need its addresses fingerprinted too.
"""

from __future__ import annotations

import hashlib

OWN_FILES_FOLDER = "assets/coprod/"
"""Where the site's own stylesheets and scripts are, in the built site."""


def fingerprinted(path: str, content: bytes) -> str:
    """The address of the file at `path` with this content: `path?v=` and a fingerprint."""
    return f"{path}?v={hashlib.sha256(content).hexdigest()[:10]}"
