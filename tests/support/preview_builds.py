"""Dirty rebuilds as `coprod serve` makes them, driven from a test one line at a time.

    python preview_builds.py GROUP SITE

builds GROUP into SITE the way `coprod serve` does (MkDocs' dirty builds, the
plugin kept between them), then reads stdin: each line 'build' builds again and
prints a JSON line {"ok": ..., "rebuilt": [...pages MkDocs built again...]};
'quit' stops. The test edits the group's files between builds, as a user
editing while the preview runs.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError


def main() -> None:
    group, site = Path(sys.argv[1]), Path(sys.argv[2])
    config = load_config(str(group / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    for command in itertools.chain(["build"], sys.stdin):
        if command.strip() == "quit":
            return
        config = load_config(str(group / "mkdocs.yml"), site_dir=str(site))
        try:
            build(config, dirty=True)
            ok = True
        except (Abort, PluginError):
            ok = False
        rebuilt = sorted(config.plugins["coprod"].rebuilds.rebuilt)
        print(json.dumps({"ok": ok, "rebuilt": rebuilt}), flush=True)


if __name__ == "__main__":
    main()
