"""The group's generated pages outside the sidebar, each read by one Markdown converter.

MkDocs makes a new Python-Markdown converter, with every extension set up
again, for each page it reads: at 10,000 record pages that was about a sixth of
the time spent reading pages. Python-Markdown's own way to convert many
documents is one converter, `reset()` between them, which clears every
extension's state. `RecordPage` is a MkDocs page that does just that, and
otherwise renders exactly as MkDocs' own `Page.render` does (MkDocs 1.6, the
last of 1.x). A test builds the example both ways and compares every file.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from .settings import SharedConverter

log = logging.getLogger("mkdocs.structure.pages")  # as MkDocs' Page.render, whose logging it follows


class RecordPage(Page):
    """A page rendered by the build's shared converter."""

    def __init__(self, file: File, config: MkDocsConfig, converter: SharedConverter) -> None:
        super().__init__(None, file, config)
        self.converter = converter

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """MkDocs' Page.render, with the shared converter instead of a new one."""
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.converter.fresh()
        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = _RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = _ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors
