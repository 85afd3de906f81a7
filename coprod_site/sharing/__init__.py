"""Sharing: links that last, feeds, a calendar, QR codes, a poster and open data.

Importing this package adds its page and output builders to the site; the
plugin imports it once. Everything here reads the group through `Published`,
so drafts and people's ids never reach a feed, a calendar or a data file.
"""

from __future__ import annotations

from ..outputs import OUTPUT_BUILDERS
from ..pages import PAGE_BUILDERS
from .assets import build_asset_files
from .calendars import build_calendar_file
from .exports import build_export_files
from .feeds import build_feed_files
from .qr import build_qr_files
from .sharing_pages import build_sharing_pages

for _builder in (build_feed_files, build_calendar_file, build_export_files, build_qr_files, build_asset_files):
    if _builder not in OUTPUT_BUILDERS:
        OUTPUT_BUILDERS.append(_builder)
if build_sharing_pages not in PAGE_BUILDERS:
    PAGE_BUILDERS.append(build_sharing_pages)
