"""Quick previews: in `coprod serve`, MkDocs builds again only the pages whose inputs changed.

MkDocs' dirty builds skip a page when `File.is_modified()` says it is
unchanged, which it judges by file times (and, for generated pages, never).
Here each page says it is unchanged when its digest (`fingerprints.py`) equals
the one it had in the last successful build. Pages in the sidebar are always
rebuilt: the sidebar of every rebuilt page shows their titles, which MkDocs
reads from the pages themselves (there are only a dozen). What MkDocs does not handle for
dirty builds is handled here too: the search index keeps the entries of the
pages not rebuilt, and files the last build wrote but this one does not make
(a renamed meeting's page) are removed, so the preview never shows a stale
page.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def search_plugin(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, if it is on."""
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index") and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


class Rebuilds:
    """What the last successful build made; the plugin keeps it between serve rebuilds."""

    def __init__(self) -> None:
        self.digests: dict[str, str] = {}
        """Each page's digest (by source URI) in the last successful build."""
        self.search_entries: dict[str, list[dict[str, Any]]] = {}
        """Each page's search index entries in the last successful build."""
        self.written: set[str] = set()
        """The files (destination URIs) of the last successful build."""
        self.outputs: dict[str, str] = {}
        """Each generated file's digest (feeds, QR codes, data) in the last successful build."""
        self.rebuilt: set[str] = set()
        """The pages this build makes again (for messages and tests)."""
        self._next_digests: dict[str, str] = {}
        self._next_entries: dict[str, list[dict[str, Any]]] = {}
        self._next_written: set[str] = set()
        self._next_outputs: dict[str, str] = {}
        self._search: Any | None = None
        self._indexed = 0

    def start(self, config: MkDocsConfig, files: Files, digests: dict[str, str]) -> None:
        """Tell MkDocs which pages to skip; give the search index the skipped pages' entries."""
        self._search = search_plugin(config)
        self._next_digests, self._next_entries = digests, {}
        self._next_written = {file.dest_uri for file in files}
        self.rebuilt = set()
        for file in files.documentation_pages():
            uri = file.src_uri
            same = uri in self.digests and digests.get(uri) == self.digests[uri]
            if same and file.inclusion.is_not_in_nav() and os.path.isfile(file.abs_dest_path):
                file.is_modified = _unchanged  # type: ignore[method-assign]
                self._next_entries[uri] = entries = self.search_entries.get(uri, [])
                if self._search is not None:
                    self._search.search_index.entries.extend(entries)
            else:
                file.is_modified = _changed  # type: ignore[method-assign]
                self.rebuilt.add(uri)
        self._skip_unchanged_outputs(files)
        if self._search is not None:
            # Material merges the previous index assuming one page changed; the full list is here.
            self._search.search_index_prev = None
            self._indexed = len(self._search.search_index.entries)

    def _skip_unchanged_outputs(self, files: Files) -> None:
        """Files the plugin made (feeds, QR codes, data) are written again only when they differ."""
        self._next_outputs = {}
        for file in files:
            if file.generated_by is None or file.is_documentation_page():
                continue
            digest = hashlib.blake2b(file.content_bytes, digest_size=16).hexdigest()
            self._next_outputs[file.dest_uri] = digest
            if self.outputs.get(file.dest_uri) == digest and os.path.isfile(file.abs_dest_path):
                file.is_modified = _unchanged  # type: ignore[method-assign]

    def page_indexed(self, page: Page) -> None:
        """Keep the entries Material's search just made for `page` (call after search's hook)."""
        if self._search is None:
            return
        entries = self._search.search_index.entries
        self._next_entries[page.file.src_uri] = entries[self._indexed:]
        self._indexed = len(entries)

    def remove_stale(self, site_dir: Path) -> None:
        """Delete what the last build wrote and this one does not make."""
        for uri in self.written - self._next_written:
            (site_dir / uri).unlink(missing_ok=True)

    def succeeded(self) -> None:
        """This build is the new base for the next one."""
        self.digests, self.search_entries = self._next_digests, self._next_entries
        self.written, self.outputs = self._next_written, self._next_outputs
