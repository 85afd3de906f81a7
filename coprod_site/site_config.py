"""Reading a group's mkdocs.yml without MkDocs, so `coprod check` works on its own.

Only the parts coprod needs are read: docs_dir, site_url and the coprod
plugin's options. Tags such as `!!python/name:` (common in Material configs)
are read as nothing rather than executed.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

import yaml

from .config_options import OPTION_TYPES, too_small, wrong_kind
from .problems import Problem
from .records import SITE_URL_ADVICE, WEB_ADDRESS
from .settings import Settings
from .sources import without_control_characters, yaml_problem


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any unknown tag as None instead of failing, and says where a value
    it knows the kind of is not one (a date that does not exist) rather than failing in Python's words."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:  # PyYAML's own, as for 'site_name: 2025-02-30'
            raise _ValueNotItsKind(node) from exc


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class _ValueNotItsKind(yaml.YAMLError):
    """A value YAML reads as a date or a number, or marks as one, that is not a real one."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__(node.value)
        self.node = node

    def problem(self) -> Problem:
        mark, value = self.node.start_mark, self.node.value
        marked = isinstance(mark.buffer, str) and mark.buffer[mark.pointer:].startswith("!")  # ('!!int abc')
        kind = _KINDS_READ.get(self.node.tag, "value of the kind its mark says")
        fix = "Take out the '!!' mark before it." if marked else f"Put it in quotes, like \"{value}\"."
        return Problem("mkdocs.yml", mark.line + 1, None, f"this line cannot be read: '{value}' is read as a "
                       f"{kind}, and is not a real one. {fix}")


_KINDS_READ = {"tag:yaml.org,2002:timestamp": "date", "tag:yaml.org,2002:int": "whole number",
               "tag:yaml.org,2002:float": "number"}
"""What YAML reads a value as, by its tag, in words."""


def find_group_root(path: Path) -> tuple[Path, str | None]:
    """The group's folder and content folder for a path given on the command line.

    `path` may be the group's folder (with mkdocs.yml) or its content folder
    (with project.yml), or any folder or file inside the group's folder, as
    git finds its repository. Returns (root, content_dir or None for "ask mkdocs.yml").
    """
    if (path / "mkdocs.yml").is_file():
        return path, None
    if (path / "project.yml").is_file() and (path.parent / "mkdocs.yml").is_file():
        return path.parent, None
    if (path / "project.yml").is_file():
        return path.parent, path.name
    above = next((folder for folder in path.resolve().parents if (folder / "mkdocs.yml").is_file()), None)
    return (above, None) if above is not None else (path, None)


def groups_inside(path: Path) -> list[Path]:
    """The group folders directly inside `path`, by name: where `coprod init NAME` puts one."""
    try:
        folders = sorted(entry for entry in path.iterdir() if entry.is_dir())
    except OSError:
        return []
    return [folder for folder in folders if (folder / "mkdocs.yml").is_file()]


def read_settings(root: Path, content_dir: str | None = None, **overrides: Any) -> tuple[Settings, list[Problem]]:
    """Settings from `root/mkdocs.yml`, with any problem in the coprod options."""
    raw, problems, text = read_mkdocs_yml(root / "mkdocs.yml")
    options, plugin_problems = _coprod_options(raw, text) if not problems else ({}, [])
    problems += plugin_problems + _docs_dir_problems(raw, text)
    docs_dir, site_url = raw.get("docs_dir"), raw.get("site_url")  # (check_site_settings says a wrong site_url)
    values: dict[str, Any] = {"content_dir": content_dir or _content_dir(docs_dir),
                              "site_url": site_url if isinstance(site_url, str) else None}
    option_problems = _option_problems(options, text)
    problems += option_problems
    told = {problem.field for problem in option_problems}
    values.update((name, tuple(value) if isinstance(value, list) else value)
                  for name, value in options.items() if name not in told)
    values = {k: v for k, v in values.items() if k in {f.name for f in dataclasses.fields(Settings)}}
    return Settings(**{**values, **overrides}), problems


def _content_dir(docs_dir: Any) -> str:
    """The content folder mkdocs.yml names: MkDocs' own 'docs' when it names none, and 'content',
    where 'coprod init' puts the records, when it names something that is not a folder's name."""
    if docs_dir is None or (isinstance(docs_dir, str) and not docs_dir.strip()):
        return "docs"
    return docs_dir if isinstance(docs_dir, str) else "content"


def _docs_dir_problems(raw: dict[str, Any], text: str) -> list[Problem]:
    """A docs_dir that is not a folder's name (a number, a list): MkDocs cannot build from it."""
    docs_dir = raw.get("docs_dir")
    if docs_dir is None or isinstance(docs_dir, str):
        return []
    return [Problem("mkdocs.yml", line_of_setting(text, "docs_dir"), "docs_dir", "'docs_dir' should be the name "
                    "of the folder that holds the records, like: docs_dir: content")]


def _option_problems(options: dict[str, Any], text: str) -> list[Problem]:
    """An option of the coprod plugin that is not one, or whose value cannot be used, at its line."""
    problems = []
    for name, value in options.items():
        expected = OPTION_TYPES.get(name)
        line = line_of_setting(text, name)
        if expected is None:
            problems.append(Problem("mkdocs.yml", line, name, f"the coprod option '{name}' is not "
                                    f"one we know. Known options: {', '.join(OPTION_TYPES)}.", "warning"))
        elif not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
            problems.append(Problem("mkdocs.yml", line, name, wrong_kind(name)))
        elif (small := too_small(name, value)) is not None:
            problems.append(Problem("mkdocs.yml", line, name, small))
    return problems


def written_site_url(config_file: Path) -> str | None:
    """site_url as mkdocs.yml has it (`mkdocs serve` puts its own address in MkDocs' setting)."""
    value = read_mkdocs_yml(config_file)[0].get("site_url")
    return value if isinstance(value, str) else None


def read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], list[Problem], str]:
    """mkdocs.yml's settings, the problem reading it if there is one (the records are then
    looked for in content/, where coprod init puts them), and its text.

    A check and a build each ask for it from several places (the settings, the plugin's entry,
    the words the theme prints); its text is parsed once for as long as it is unchanged."""
    if not path.is_file():
        return {"docs_dir": "content"}, [Problem("mkdocs.yml", None, None, f"is missing from {path.parent}, so "
                                                 "the site cannot be built. 'coprod init' writes one for a new "
                                                 "group; or copy the group's own back.")], ""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = None
    raw, problems = _parse_mkdocs_yml(text)
    return copy.deepcopy(raw), list(problems), text or ""  # each caller its own: the parse is shared


@functools.lru_cache(maxsize=8)
def _parse_mkdocs_yml(text: str | None) -> tuple[dict[str, Any], tuple[Problem, ...]]:
    unreadable = Problem("mkdocs.yml", None, None, "cannot be read. Save it as UTF-8 text in the shape "
                         "'coprod init' wrote it.")
    if text is None:
        return {"docs_dir": "content"}, (unreadable,)
    # (MkDocs cannot read it with an invisible character pasted in: each is said at its line)
    text, invisible = without_control_characters(text, "mkdocs.yml")
    try:
        raw = yaml.load(text, Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as exc:
        return {"docs_dir": "content"}, (*invisible, yaml_problem(exc, "mkdocs.yml", 1, text))
    except _ValueNotItsKind as exc:
        return {"docs_dir": "content"}, (*invisible, exc.problem())
    except yaml.YAMLError:
        return {"docs_dir": "content"}, (*invisible, unreadable)
    return (raw, invisible) if isinstance(raw, dict) else ({"docs_dir": "content"}, invisible)


def mkdocs_yml_problems(config_file: Path) -> list[Problem]:
    """What stops mkdocs.yml being read, or the site being built from it as coprod's (an option
    of the wrong kind is said as `coprod check` says it, not in MkDocs' words)."""
    raw, problems, text = read_mkdocs_yml(config_file)
    if problems:
        return problems
    options, plugin_problems = _coprod_options(raw, text)
    wrong = plugin_problems or [problem for problem in _option_problems(options, text) if problem.is_error]
    return wrong + _docs_dir_problems(raw, text)


def site_url_problems(raw: dict[str, Any], text: str) -> list[Problem]:
    """A site_url the theme would print, unescaped, into every page's links."""
    url = raw.get("site_url")
    if url is None or (isinstance(url, str) and (not url.strip() or WEB_ADDRESS.fullmatch(url.strip()))):
        return []
    return [Problem("mkdocs.yml", line_of_setting(text, "site_url"), "site_url", f"'site_url' {SITE_URL_ADVICE}.")]


def line_of_setting(text: str, name: str) -> int | None:
    """The line of a `name:` setting in mkdocs.yml (the first, for a name used more than once)."""
    found = re.search(rf"^\s*(?:-\s+)?{re.escape(name)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


NO_PLUGIN = ("does not list the coprod plugin under 'plugins:', so MkDocs would publish the records as "
             "they are: draft minutes, people.yml and everyone's ids. Put '  - coprod' under 'plugins:' "
             "(after '  - search').")


def _coprod_options(raw: dict[str, Any], text: str) -> tuple[dict[str, Any], list[Problem]]:
    plugins = raw.get("plugins")
    # MkDocs takes a list ('- coprod', '- coprod: {...}') or a mapping ('coprod: {...}')
    entries = [{name: options} for name, options in plugins.items()] if isinstance(plugins, dict) else plugins
    for entry in entries if isinstance(entries, list) else []:
        if entry == "coprod":
            return {}, []
        if isinstance(entry, dict) and "coprod" in entry:
            options = entry["coprod"] or {}
            if not isinstance(options, dict):
                return {}, [Problem("mkdocs.yml", line_of_setting(text, "coprod"), "coprod", "the coprod plugin's "
                                    "options should be 'name: value' lines indented under '- coprod:'.")]
            if options.get("enabled") is False:
                return options, [Problem("mkdocs.yml", line_of_setting(text, "enabled"), "enabled", "turns the coprod "
                                         "plugin off, so MkDocs would build none of the group's pages, and "
                                         "coprod build refuses to. Take out 'enabled: false'.")]
            return options, []
    if "INHERIT" in raw:  # the plugin may be listed in the file it inherits: the build looks (engine.py)
        return {}, []
    return {}, [Problem("mkdocs.yml", line_of_setting(text, "plugins"), "plugins", NO_PLUGIN)]
