"""Cleaning the HTML a page's Markdown turns into, with nh3's maintained allow-list sanitizer.

Markdown lets writers type raw HTML, and a record may be edited by anyone with
access to the repository. Every page body is cleaned after Markdown and before
the record's template wraps it, so nothing a writer types can run a script,
load something from another site, or change how the page looks:

- kept: what Python-Markdown, its standard extensions and Material produce
  (headings with ids, tables, code, abbreviations, admonitions, footnotes);
- removed with their content: scripts, styles, iframes, objects, forms, SVG and MathML;
- removed: event handlers, style attributes, and links other than http(s),
  mailto and tel (so no `javascript:` or `data:`); images only from the site itself.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin, urlsplit

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})

REMOVED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select",
    "svg", "math", "frame", "frameset", "noembed", "xmp", "title",
})

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})

TAG_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "hreflang"},
    "abbr": set(),
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "align", "scope", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "q": set(),
    "blockquote": set(),
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"})


def is_local_image(url: str) -> bool:
    """True for 'assets/map.png' or '../assets/map.png'; False for other sites or other files."""
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc or url.strip().startswith("//"):
        return False
    return posixpath.splitext(parts.path)[1].lower() in IMAGE_SUFFIXES


def clean_html(html: str, site_url: str | None = None, page: str | None = None) -> str:
    """A page body with everything that could run, load or restyle removed.

    Images come only from the site itself: a relative path to an image file or,
    where `site_url` is given (in feeds, which give the site's images by their
    full address), an image file under that address.

    `page` is the full address of the page the body is shown on, for HTML read
    elsewhere (a feed entry, which feed readers read from the feed's address, each
    in its own way): every address left relative is then made full from it, and
    leads where the page's own does.
    """
    def keep_attribute(tag: str, name: str, value: str) -> str | None:
        if page is not None and name in ("href", "src"):
            value = urljoin(page, value.strip())
            # nh3 keeps only URL_SCHEMES, by its own reading of the address: the address joined
            # here, as Python reads it, is held to the same list
            if urlsplit(value).scheme not in URL_SCHEMES:
                return None
        if tag == "img" and name == "src" and not (
                is_local_image(value) or (site_url and _is_site_image(value, site_url))):
            return None
        return value

    attributes = {tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes=attributes,
        attribute_filter=keep_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _is_site_image(url: str, site_url: str) -> bool:
    address = url.strip()
    return (address.startswith(site_url) and ".." not in address
            and is_local_image(address.removeprefix(site_url)))
