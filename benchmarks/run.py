"""Time `coprod check` and a full build at several sizes, beside Material and Hugo, in one run.

    python benchmarks/run.py                      # N = 500, 1000, 2000, 5000; writes README.md
    python benchmarks/run.py --sizes 200 500 --no-write --repeat 1

For each N a synthetic group (benchmarks/generate.py) of N meetings and N
decisions is written, then, each in its own process so peak memory is its own,
and each the fastest of `--repeat` runs (2 unless set; the builds take turns):

- `coprod check` of the group (2N records);
- a full `mkdocs build` of the group;
- Material building the same number of plain ~300-word Markdown pages, kept out
  of the sidebar (`not_in_nav`): the floor for any Material site of that size;
- Hugo (Debian's `hugo`) building the same number of pages with a minimal
  layout, when `hugo` is installed.

Then, on the N = 1000 group (2,000 meetings and decisions), `coprod serve` is
started, one meeting is edited, and the time until the served page shows the
edit is measured. The table, with ratios between sizes, goes into
benchmarks/README.md between the BEGIN/END markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from generate import TODAY, _sentences, generate_group

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
BEGIN, END = "<!-- BEGIN RESULTS -->", "<!-- END RESULTS -->"
SIZES = (500, 1000, 2000, 5000)
SERVE_SIZE = 1000


@dataclass(frozen=True)
class Measure:
    """One timed command: wall-clock seconds and the peak memory of its process."""

    seconds: float
    peak_mb: float
    ok: bool


@dataclass(frozen=True)
class Row:
    """Everything measured at one size."""

    meetings: int
    records: int
    pages: int
    check: Measure
    build: Measure
    material: Measure
    hugo: Measure | None


def environment() -> dict[str, str]:
    return {**os.environ, "COPROD_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}


def measure(command: list[str], log: Path, cwd: Path | None = None) -> Measure:
    """Run `command`; its wall time and peak resident memory (from wait4, for this child only)."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environment(), cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measure(seconds, usage.ru_maxrss / 1024, process.returncode == 0)


def coprod_command() -> list[str]:
    return [sys.executable, "-m", "coprod_site.cli"]


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def write_plain_pages(folder: Path, pages: int, header: str) -> list[Path]:
    """`pages` Markdown pages of about 300 plain words each; returns their paths."""
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, pages + 1):
        path = folder / f"page-{number:05d}.md"
        path.write_text(header.format(number=number) + _sentences(rng, 300), encoding="utf-8")
        paths.append(path)
    return paths


def material_baseline(root: Path, pages: int) -> Path:
    """A Material site of `pages` plain pages, only the home page in the sidebar."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n\nThe plain-pages baseline.\n", encoding="utf-8")
    write_plain_pages(root / "docs" / "pages", pages - 1, "# Page {number}\n\n")
    (root / "mkdocs.yml").write_text(
        "site_name: Material baseline\nsite_url: https://example.org/baseline/\n"
        "theme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "nav:\n  - index.md\nnot_in_nav: |\n  /pages/\n", encoding="utf-8")
    return root


HUGO_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
             "</head><body><main>{{ .Content }}</main></body></html>\n")
HUGO_LIST = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
             "</head><body><main>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
             "{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n")


def hugo_baseline(root: Path, pages: int) -> Path:
    """A Hugo site of `pages` plain pages with a minimal layout (no sidebar)."""
    write_plain_pages(root / "content" / "pages", pages - 1, "---\ntitle: Page {number}\n---\n")
    (root / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (root / "layouts" / "_default" / "single.html").write_text(HUGO_PAGE, encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (root / "layouts" / "index.html").write_text(HUGO_PAGE, encoding="utf-8")
    (root / "config.toml").write_text(
        'baseURL = "https://example.org/baseline/"\ntitle = "Hugo baseline"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n', encoding="utf-8")
    return root


def run_size(work: Path, meetings: int, repeat: int) -> Row:
    """Generate a group of `meetings` meetings; time check, build and both baselines, each the
    fastest of `repeat` runs, the builds taking turns so a busy minute slows each alike."""
    group = generate_group(work / f"group-{meetings}", meetings)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    check = fastest([measure([*coprod_command(), "check", str(group)], logs / f"check-{meetings}.log")
                     for _ in range(repeat)])
    site = work / f"site-{meetings}"
    build_command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(group / "mkdocs.yml"), "-d", str(site)]
    builds = [measure(build_command, logs / f"build-{meetings}.log")]
    pages = count_pages(site)
    records = 2 * meetings + 1 + max(1, meetings // 100) + 1
    baseline = material_baseline(work / f"material-{meetings}", pages)
    material_command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(baseline / "mkdocs.yml"),
                        "-d", str(work / f"material-site-{meetings}")]
    hugo_command = None
    if shutil.which("hugo"):
        hugo_root = hugo_baseline(work / f"hugo-{meetings}", pages)
        hugo_command = ["hugo", "--quiet", "-s", str(hugo_root), "-d", str(work / f"hugo-site-{meetings}")]
    materials, hugos = [], []
    for turn in range(repeat):
        if turn:
            builds.append(measure(build_command, logs / f"build-{meetings}.log"))
        materials.append(measure(material_command, logs / f"material-{meetings}.log"))
        if hugo_command:
            hugos.append(measure(hugo_command, logs / f"hugo-{meetings}.log"))
    for name in (f"site-{meetings}", f"material-{meetings}", f"material-site-{meetings}",
                 f"hugo-{meetings}", f"hugo-site-{meetings}"):
        shutil.rmtree(work / name, ignore_errors=True)
    row = Row(meetings, records, pages, check, fastest(builds), fastest(materials), fastest(hugos) if hugos else None)
    print(format_row(row, None), flush=True)
    return row


def fastest(runs: list[Measure]) -> Measure:
    """The fastest of some runs of one command, with the most memory any of them took."""
    return Measure(min(run.seconds for run in runs), max(run.peak_mb for run in runs), all(run.ok for run in runs))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, text: str, limit: float) -> float | None:
    """Seconds until the page at `url` contains `text`, or None after `limit` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def measure_serve_rebuild(work: Path, meetings: int, edits: int = 2) -> list[float | None]:
    """Seconds from saving an edited meeting to `coprod serve` serving the changed page."""
    group = work / f"group-{meetings}"
    if not group.is_dir():
        generate_group(group, meetings)
    port = free_port()
    meeting = sorted((group / "content" / "meetings").glob("*.md"))[len(list((group / "content" / "meetings")
                                                                                .glob("*.md"))) // 2]
    url = f"http://127.0.0.1:{port}/synthetic/meetings/{meeting.stem}/"
    log = (work / "logs" / "serve.log").open("w")
    server = subprocess.Popen([*coprod_command(), "serve", str(group), "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=log, stderr=subprocess.STDOUT, env=environment())
    timings: list[float | None] = []
    try:
        if wait_for(url, "</html>", 600) is None:
            return [None]
        original = meeting.read_text(encoding="utf-8")
        for edit in range(1, edits + 1):
            marker = f"Edited while serving, edit {edit}."
            time.sleep(1)
            meeting.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            timings.append(wait_for(url, marker, 120))
        meeting.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return timings


def format_measure(value: Measure | None) -> str:
    if value is None:
        return "not installed"
    return f"{value.seconds:.1f} s, {value.peak_mb:.0f} MB" + ("" if value.ok else " (FAILED)")


def format_row(row: Row, previous: Row | None) -> str:
    growth = f"{row.build.seconds / previous.build.seconds:.2f}" if previous else "-"
    return (f"| {row.meetings:,} | {row.records:,} | {row.pages:,} | {format_measure(row.check)} | "
            f"{format_measure(row.build)} | {row.pages / row.build.seconds:.0f} | {growth} | "
            f"{format_measure(row.material)} | {row.build.seconds / row.material.seconds:.2f} | "
            f"{format_measure(row.hugo)} |")


def results_table(rows: list[Row], serve: list[float | None], serve_size: int, started: dt.datetime,
                  total: float, commit: str, repeat: int) -> str:
    fastest_of = f" Each time is the fastest of {repeat} runs, coprod's and Material's builds taking turns." \
        if repeat > 1 else ""
    lines = [
        (f"Measured on {started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, Python "
         f"{platform.python_version()}, commit {commit}, in one run of `python benchmarks/run.py` "
         f"({total / 60:.1f} minutes).{fastest_of}"),
        "",
        ("| meetings (N) | records | pages built | `coprod check` | full build | pages/s | build time ÷ "
         "previous size | Material, same pages, not in nav | coprod ÷ Material | Hugo, same pages |"),
        "|---:|---:|---:|---|---|---:|---:|---|---:|---|",
    ]
    lines += [format_row(row, rows[index - 1] if index else None) for index, row in enumerate(rows)]
    by_size = {row.meetings: row for row in rows}
    if 1000 in by_size and 5000 in by_size:
        ratio = by_size[5000].build.seconds / by_size[1000].build.seconds
        lines += ["", f"Build time at 5,000 ÷ build time at 1,000: **{ratio:.2f}** (5 times the records)."]
    shown = ", ".join("did not appear within 120 s" if t is None else f"{t:.1f} s" for t in serve)
    serve_line = (f"`coprod serve` of the {serve_size:,}-meeting group ({2 * serve_size:,} meetings and "
                  f"decisions): from saving an edited meeting to the served page showing the edit: {shown}.")
    lines += ["", serve_line]
    return "\n".join(lines)


def write_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8") if README.is_file() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    README.write_text(f"{before}{BEGIN}\n{table}\n{END}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--work", type=Path, default=Path("/tmp") / "coprod-benchmark")
    parser.add_argument("--serve-size", type=int, default=SERVE_SIZE)
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each command, the fastest kept (this kind of machine varies by 15%%)")
    parser.add_argument("--no-write", action="store_true", help="print the table; leave README.md alone")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    started = dt.datetime.now(dt.UTC)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=HERE, check=False).stdout.strip() or "unknown"
    begin = time.perf_counter()
    rows = [run_size(args.work, meetings, max(1, args.repeat)) for meetings in args.sizes]
    serve = measure_serve_rebuild(args.work, args.serve_size)
    table = results_table(rows, serve, args.serve_size, started, time.perf_counter() - begin, commit,
                          max(1, args.repeat))
    print(table)
    if not args.no_write:
        write_readme(table)


if __name__ == "__main__":
    main()
