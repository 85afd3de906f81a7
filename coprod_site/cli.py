"""The `coprod` command: wiring only. The work is done by the core and the engine adapter."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import difflib
import importlib.metadata
import os
import re
import shlex
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from .checks import check_folder
from .checks.charter_guard import review_charter_change
from .config import SettingError, today_from_environment
from .problems import (
    STRICT_STOPS,
    Problem,
    format_github,
    format_json,
    format_note,
    format_text,
    holds_up,
    sort_problems,
)
from .records import date_from_text
from .scaffold import (
    TITLE_TAKEN,
    ScaffoldError,
    init_group,
    installed_copy,
    new_amendment,
    new_decision,
    new_meeting,
    new_report,
    replaced_by_init,
    starting_title,
    write_new_record,
)
from .site_config import find_group_root, groups_inside
from .words import join_words

FORMATTERS: dict[str, Callable[[list[Problem]], str]] = {
    "text": format_text, "json": format_json, "github": format_github,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0 fine, 1 problems found, 2 usage error)."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # told by the command that was typed, with its own usage and the nearest option
        _unknown_options(args.command if hasattr(args, "command") else parser, unknown)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        code: int = args.run(args)
        return code
    except KeyboardInterrupt:
        return 130
    except SettingError as exc:
        print(f"coprod: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `coprod check | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - the boundary: a facilitator never sees a traceback
        if args.verbose:
            traceback.print_exc()
        print(f"coprod stopped because of a problem inside coprod itself ({type(exc).__name__}: "
              f"{exc}). Run the same command with --verbose and share what it prints with "
              "whoever looks after your site.", file=sys.stderr)
        return 3


def _unknown_options(command: argparse.ArgumentParser, unknown: list[str]) -> None:
    """Stop with the command's usage: '--titel' is told 'Did you mean --title?'."""
    known = [option for action in command._actions for option in action.option_strings]
    near = [difflib.get_close_matches(word.split("=")[0], known, n=1) for word in unknown if word.startswith("-")]
    hint = f" Did you mean {near[0][0]}?" if near and near[0] else ""
    command.error(f"unrecognised {'arguments' if len(unknown) > 1 else 'argument'}: {' '.join(unknown)}.{hint}")


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose 'invalid choice' (a command or a kind typed wrong) also says which
    was most likely meant: 'coprod chek' is asked 'Did you mean check?'. Its commands' parsers
    are of this class too."""

    def error(self, message: str) -> NoReturn:
        choice = INVALID_CHOICE.search(message)
        if choice is not None:
            near = difflib.get_close_matches(choice["given"], re.findall(r"'([^']*)'", choice["known"]), n=1)
            message += f". Did you mean {near[0]}?" if near else ""
        super().error(message)


INVALID_CHOICE = re.compile(r"invalid choice: '(?P<given>[^']*)' \(choose from (?P<known>.*)\)$")


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = _Parser(prog="coprod", description="Publish a co-production group's "
                                              "records as an accessible website.")
    parser.add_argument("--version", action="version", version=f"coprod {_version()}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_check(commands)
    _add_build(commands)
    _add_serve(commands)
    _add_init(commands)
    _add_new(commands)
    return parser


def _version() -> str:
    try:
        return importlib.metadata.version("coprod-site")
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


def _command(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
             help_text: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=help_text, description=help_text)
    command.add_argument("--verbose", action="store_true", help="show details for bug reports")
    command.set_defaults(run=run, command=command)
    return command


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = _command(commands, "check", "Check the group's records and list every problem.", run_check)
    command.add_argument("path", nargs="?", default=".", type=Path,
                         help="the group's folder or its content folder (default: here)")
    command.add_argument("--strict", action="store_true",
                         help="treat warnings as errors, not reminders that come with time (a summary owed, "
                              "a reply or an action overdue)")
    command.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                         help="text for people, json for tools, github for pull request annotations")
    command.add_argument("--base", metavar="REF",
                         help="also check a charter change against this branch, tag or commit "
                              "(for pull requests)")


def run_check(args: argparse.Namespace) -> int:
    if _group_config(args.path) is None and (told := _no_group_here(args.path)):
        _say_no_group_here(args.path, told, args.format)
        return 1
    group, settings, problems = check_folder(args.path, today=today_from_environment())
    review = review_charter_change(group, settings, args.base) if args.base else None
    if review is not None:
        problems = sort_problems([*problems, *review.problems])
    print(FORMATTERS[args.format](problems))
    note = format_note(review.agreed, args.format) if review is not None and review.agreed else None
    if note is not None:  # what the charter change does, for the person reviewing it
        print(note)
    failed = [p for p in problems if holds_up(p, args.strict)]
    if args.format == "text" and failed and not any(p.is_error for p in failed):
        print(STRICT_STOPS)
    elif (args.format == "text" and not failed and any(holds_up(p, strict=True) for p in problems)
          and _publishes_strictly(Path(group.root))):
        print(PUBLISHING_STOPS)
    return 1 if failed else 0


PUBLISHING_STOPS = ("Warnings do not stop this check, but they stop publishing, which builds with --strict: put "
                    "them right before you publish.")
"""Why a check that passed with warnings is not yet ready to publish."""


def _publishes_strictly(root: Path) -> bool:
    """Whether the group's publishing workflow (as 'coprod init' writes it, for GitHub or GitLab)
    builds with --strict, so that a warning stops the website being published."""
    workflows = [*root.glob(".github/workflows/*.y*ml"), root / ".gitlab-ci.yml"]
    return any("build --strict" in path.read_text(encoding="utf-8", errors="replace")
               for path in workflows if path.is_file())


def _say_no_group_here(path: Path, told: str, form: str) -> None:
    """Why there is nothing to check: a sentence for a person, or one problem for a tool."""
    if form == "text":
        print(f"coprod: {told}", file=sys.stderr)
    else:
        print(FORMATTERS[form]([Problem(str(path), None, None, told[0].upper() + told[1:])]))


def _no_group_here(path: Path) -> str | None:
    """What to do in a folder that is not a group's: go into the group in it, or start one; None
    where there is a group, whose missing files `coprod check` lists."""
    return _group_inside(path) or _no_group(path)


def _no_group(path: Path) -> str | None:
    """What to do in a folder with no group in it or above it (no mkdocs.yml, content folder or
    project.yml), or None where there is one."""
    if path.exists() and not path.is_dir():
        return None
    root, content_dir = find_group_root(path)
    if (root / "mkdocs.yml").is_file() or content_dir is not None or (path / "content").is_dir():
        return None
    go = "or go into your group's folder with 'cd', then run the command again."
    if not path.exists():
        return f"there is no folder {path.absolute()}. Check the path, {go}"
    start = "'coprod init .'" if not any(path.iterdir()) else "'coprod init our-group' (it makes the folder our-group here)"
    return f"there is no group in {path.absolute()}. Start one with {start}, {go}"


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = _command(commands, "build", "Build the website into a folder.", run_build)
    command.add_argument("path", nargs="?", default=".", type=Path, help="the group's folder")
    command.add_argument("--strict", action="store_true",
                         help="stop on warnings too, not reminders that come with time")
    command.add_argument("--site-dir", type=Path, help="where to build (default: site/)")


def run_build(args: argparse.Namespace) -> int:
    from .engine import BuildFailed, build_site

    config_file = _config_file(args.path)
    if config_file is None:
        return 1
    try:
        site_dir = build_site(config_file, args.site_dir, args.strict, args.verbose)
    except BuildFailed as exc:
        print(f"coprod: {exc}", file=sys.stderr)
        return 1
    print(f"The site is ready in {site_dir}.")
    return 0


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = _command(commands, "serve", "Preview the website while you edit.", run_serve)
    command.add_argument("path", nargs="?", default=".", type=Path, help="the group's folder")
    command.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", type=_dev_addr,
                         help="address to serve on, like 127.0.0.1:8001, or just a port, like 8001 "
                              "(as mkdocs serve -a)")
    command.add_argument("--drafts", action="store_true",
                         help="show draft and circulated minutes too, as they will look once agreed, each "
                              "page saying it is a draft: only on this computer, never in a build")


LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
"""Addresses only this computer reaches."""


def _dev_addr(text: str) -> str:
    """`host:port`, or a port alone on this computer, with a port that can exist."""
    host, _, port = text.strip().rpartition(":")
    if port.isdigit() and 0 < int(port) < 65536 and (host or ":" not in text):
        return f"{host or '127.0.0.1'}:{int(port)}"
    raise argparse.ArgumentTypeError(f"'{text}' should be an address and a port, like 127.0.0.1:8001, "
                                     "or just a port from 1 to 65535, like 8001")


def run_serve(args: argparse.Namespace) -> int:
    from .engine import BuildFailed, serve_site

    config_file = _config_file(args.path)
    if config_file is None:
        return 1
    if args.drafts and args.dev_addr.rpartition(":")[0] not in LOCAL_HOSTS:
        print(f"coprod: draft minutes are previewed only on this computer, not at {args.dev_addr}, where "
              "others could see them. Leave out -a, or use 'coprod serve --drafts -a 127.0.0.1:8001'.",
              file=sys.stderr)
        return 1
    try:
        serve_site(config_file, args.dev_addr, args.verbose, drafts=args.drafts)
    except BuildFailed as exc:
        print(f"coprod: {exc}", file=sys.stderr)
        return 1
    return 0


def _config_file(path: Path) -> Path | None:
    """The group's mkdocs.yml, in `path` or a folder above it (as `coprod check` finds it),
    or None having said why there is none."""
    config_file = _group_config(path)
    if config_file is None:
        print(f"coprod: {_why_no_config(path)}", file=sys.stderr)
    return config_file


def _group_config(path: Path) -> Path | None:
    """The group's mkdocs.yml, in the folder `path` or a folder above it, or None."""
    if path.exists() and not path.is_dir():
        return None
    config_file = find_group_root(path)[0] / "mkdocs.yml"
    return config_file if config_file.is_file() else None


def _why_no_config(path: Path) -> str:
    if path.exists() and not path.is_dir():
        return f"{path} is a file, not a folder. Give your group's folder."
    return _no_group_here(path) or (f"there is no mkdocs.yml in {path.absolute()}. Run this in your "
                                    "group's folder, or start one with 'coprod init'.")


def _group_inside(path: Path) -> str | None:
    """Where to go for a command run in the folder that holds a group (as after `coprod init
    NAME`), or None when no group is there."""
    inside = groups_inside(path)
    if not inside:
        return None
    names = join_words([folder.name for folder in inside[:3]])
    example = shlex.quote(str(inside[0]) if path != Path(".") else inside[0].name)
    return (f"{path.absolute()} is not a group's folder, but {names} in it "
            f"{'is. Go into it' if len(inside) == 1 else 'are. Go into one'} with 'cd {example}', "
            "then run the command again.")


def _add_init(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = _command(commands, "init", "Start a new group's folder, ready to build.", run_init)
    command.add_argument("directory", type=Path, help="the new folder")
    command.add_argument("--name", help="the group's name (default: from the folder name)")


def run_init(args: argparse.Namespace) -> int:
    name = args.name or args.directory.resolve().name.replace("-", " ").replace("_", " ").capitalize()
    requirement = installed_copy()
    replaced = replaced_by_init(args.directory)
    try:
        written = init_group(args.directory, name, today_from_environment(), requirement, kept_by_git=replaced)
    except ScaffoldError as exc:
        print(f"coprod: {exc}", file=sys.stderr)
        return 1
    folder = shlex.quote(str(args.directory))
    print(f"Started {name} in {args.directory} ({len(written)} files).")
    if replaced:
        ones = "ones" if len(replaced) > 1 else "one"
        print(f"Replaced {' and '.join(replaced)}, which the repository started with, by this group's own "
              f"(git keeps the old {ones} in its history).")
    print(f"Next: fill in {shlex.quote(str(args.directory / 'content' / 'project.yml'))} and the charter, set "
          f"site_url in {shlex.quote(str(args.directory / 'mkdocs.yml'))} to the site's web address, then run "
          f"'coprod serve {folder}' to see it. The README there says how to publish it.")
    requirements = shlex.quote(str(args.directory / "requirements.txt"))
    if requirement is None:
        print(f"Before publishing: coprod was installed from a folder on this computer, so {requirements} "
              "cannot say where the website's builds get it. Change its last line to your group's copy.")
    else:
        print(f"{requirements} installs this same copy of coprod ({requirement}) wherever the website is built.")
    return 0


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = _command(commands, "new", "Start the next meeting, decision, amendment or report.", run_new)
    command.add_argument("kind", choices=["meeting", "decision", "amendment", "report"],
                         metavar="meeting|decision|amendment|report",
                         help="what to start: meeting, decision, amendment or report "
                              "(for example: coprod new meeting --title \"Planning the summer\")")
    command.add_argument("--title", help="what it is about")
    command.add_argument("--date", type=_iso_date, help="YYYY-MM-DD (default: today)")
    command.add_argument("--report-kind", choices=["impact", "farewell"], default="impact",
                         help="for a report: impact or farewell")
    command.add_argument("--path", type=Path, default=Path("."), help="the group's folder")


def _iso_date(text: str) -> dt.date:
    try:
        return date_from_text(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"the date {exc}") from None


def run_new(args: argparse.Namespace) -> int:
    today = today_from_environment()
    date = args.date or today
    if not (args.path / "project.yml").is_file() and _config_file(args.path) is None:
        return 1  # no group here: a record written now would belong to none
    group, settings, _ = check_folder(args.path, today=today)
    content = Path(group.root) / settings.content_dir
    title = args.title or starting_title(args.kind)
    makers = {
        "meeting": lambda: new_meeting(group, content, title, date, today),
        "decision": lambda: new_decision(group, content, title, date),
        "amendment": lambda: new_amendment(group, content, title, date),
        "report": lambda: new_report(group, content, args.title or _report_title(args.report_kind, date),
                                     date, args.report_kind),
    }
    record = makers[args.kind]()
    if record.if_taken == TITLE_TAKEN:
        record = dataclasses.replace(record, if_taken=_another_title(args))
    try:
        write_new_record(record)
    except ScaffoldError as exc:
        print(f"coprod: {exc}", file=sys.stderr)
        return 1
    print(f"Created {record.path}. Fill it in, then run 'coprod check'.")
    return 0


def _another_title(args: argparse.Namespace) -> str:
    """What to do when the file named from the record's title is there: the same command, with a
    title of its own."""
    title = shlex.quote(f"{args.title}, part 2" if args.title else "What it is about")
    date = f" --date {args.date.isoformat()}" if args.date else ""
    path = f" --path {shlex.quote(str(args.path))}" if args.path != Path(".") else ""
    return (f"If it is this {args.kind}, open it and carry on writing it; if it is another, give it a different "
            f"title: coprod new {args.kind} --title {title}{date}{path}")


def _report_title(kind: str, date: dt.date) -> str:
    return "Thank you and goodbye" if kind == "farewell" else f"What difference did we make in {date.year}?"


if __name__ == "__main__":
    sys.exit(main())
