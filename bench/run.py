"""How fast prep feels: every measured command side by side with a hello-world Typer app.

From the repository root, after the README's set-up (the test set-up adds pexpect,
which times `prep ask`; without it that row is skipped):

    .venv/bin/python bench/run.py            # the full run (~20 min on 2 cores); rewrites docs/performance.md
    .venv/bin/python bench/run.py --quick    # 3 runs, 20 companies, ~15 s; writes nothing

What it does:

1. Builds a yardstick: a hello-world app with one no-op command on the same
   installed Typer, started through the same kind of console script as `prep`.
2. Writes synthetic data homes (bench/synth.py) into a temp folder, removed
   afterwards: 20 companies for the everyday commands, then 100, 1,000 and
   5,000 companies for `prep review`.
3. Times the everyday commands interleaved with the yardstick (medians after
   warm-up), the time until `prep ask` shows its first question under a
   pseudo-terminal, and `prep review` over every size, with each run's peak
   memory.
4. Prints one table and writes it, with the machine's description and the
   command that produced it, between the bench markers of docs/performance.md.

Children run with bytecode caching on (PYTHONPYCACHEPREFIX in the temp
folder), as an installed prep would: a `PYTHONDONTWRITEBYTECODE=1` in the
environment would otherwise recompile every module of prep on every run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import synth
import timer

from interview_prep.commands.review_cache import CACHE_FILE as ROW_CACHE_FILE
from interview_prep.storage.cache import CACHE_DIR, SETTLED_NS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

YARDSTICK_APP = '''\
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    """Do nothing: the yardstick."""


def main() -> None:
    app()
'''
# What pip writes for a [project.scripts] entry point, as for `prep`.
CONSOLE_SCRIPT = """\
import re
import sys
from hello_app import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""


@dataclass
class Row:
    label: str
    median: float | None  # seconds
    cpu: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class Options:
    runs: int
    warmup: int
    scale_runs: int
    everyday_companies: int
    sizes: tuple[int, ...]
    output: Path | None
    strict: bool


def parse_args(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="3 runs, 20 companies, sizes 10 and 20; writes nothing"
    )
    parser.add_argument("--runs", type=int, help="timed runs per everyday command (default 15)")
    parser.add_argument("--warmup", type=int, help="unrecorded rounds first (default 2)")
    parser.add_argument(
        "--scale-runs",
        type=int,
        help="timed runs of `prep review` per size (default 7: a run over 5,000 companies takes seconds)",
    )
    parser.add_argument("--sizes", help="companies per data home, comma-separated (default 100,1000,5000)")
    parser.add_argument("--output", type=Path, help="write the results here (default docs/performance.md)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = (
        tuple(int(s) for s in args.sizes.split(","))
        if args.sizes
        else ((10, 20) if quick else (100, 1000, 5000))
    )
    output = None if args.no_write else (args.output or (None if quick else DOC))
    return Options(
        runs=args.runs or (3 if quick else 15),
        warmup=args.warmup if args.warmup is not None else (1 if quick else 2),
        scale_runs=args.scale_runs or (3 if quick else 7),
        everyday_companies=20,
        sizes=sizes,
        output=output,
        strict=args.strict,
    )


def main(argv: list[str]) -> int:
    options = parse_args(argv)
    prep = Path(sys.executable).parent / "prep"
    if not prep.is_file():
        print(f"No `prep` next to {sys.executable}: run this with the venv's python after the set-up.")
        return 2
    work = Path(tempfile.mkdtemp(prefix="prep-bench-"))
    try:
        rows, machine = measure(options, prep, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = markdown_table(rows)
    print()
    print(table)
    missed = [row.label for row in rows if row.met is False]
    print(f"\nTargets met: {sum(row.met is True for row in rows)}/{sum(row.met is not None for row in rows)}")
    if missed:
        print("Missed: " + "; ".join(missed))
    if options.output is not None:
        write_doc(options.output, report(table, machine, options))
        print(f"Wrote {display_path(options.output)}")
    return 1 if options.strict and missed else 0


def measure(options: Options, prep: Path, work: Path) -> tuple[list[Row], str]:
    env = child_env(work)
    machine = describe_machine()
    print(machine)
    hello = yardstick(work)
    catalog = synth.load_catalog(None)

    started = time.perf_counter()
    home_env, home = data_home(env, work / "everyday", prep)
    everyday = synth.generate(home, options.everyday_companies, catalog=catalog)
    print(
        f"Wrote {everyday.companies} companies ({everyday.files} files) in {time.perf_counter() - started:.1f} s"
    )
    answer_to, ask_at = everyday.slugs[0], everyday.slugs[1]  # synth leaves slugs[0]'s last round open
    shipped = sorted(str(p) for p in (ROOT / "question_banks").glob("*.yaml"))
    py, script = sys.executable, str(prep)

    def command(key: str, label: str, *args: str) -> timer.Command:
        return timer.Command(key, label, [py, script, *args], home_env)

    commands = [
        timer.Command("hello", "hello-world Typer app, no-op (yardstick)", [py, str(hello)], home_env),
        command("version", "`prep --version`", "--version"),
        command("where", "`prep where`", "where"),
        command("list", f"`prep list` ({options.everyday_companies} companies)", "list"),
        command("help", "`prep --help`", "--help"),
        command(
            "answer",
            "`prep answer` (one-shot write)",
            "answer",
            answer_to,
            "hours-per-week",
            "about 45, more before launches",
            "--who",
            "Lee",
        ),
        command(
            "banks-check", f"`prep banks check` ({len(shipped)} shipped banks)", "banks", "check", *shipped
        ),
        command(
            "review-one", "`prep review COMPANY --no-input` (4 rounds)", "review", answer_to, "--no-input"
        ),
    ]
    print(f"Everyday commands: {options.warmup} warm-up + {options.runs} interleaved runs each")
    timer.interleave(commands, options.runs, options.warmup, progress=sys.stdout.isatty())
    hello = commands[0]

    limits = {"version": 1.2, "where": 1.2, "list": 1.2, "help": 1.5, "answer": 2.0}
    rows = []
    for c in commands:
        row = Row(c.label, c.median, c.median_cpu, c.ratio_to(hello))
        if c.key in limits:
            row.target = f"≤ {limits[c.key]:g}x"
            row.met = row.ratio is not None and row.ratio <= limits[c.key]
        elif c.key == "banks-check":
            row.target, row.met = "≤ 300 ms", c.median <= 0.300
        rows.append(row)

    label = "`prep ask`: first question on screen (pty)"
    try:
        import pexpect  # noqa: F401  (in the README's test set-up)
    except ImportError:
        print("`prep ask` not timed: pexpect is missing (.venv/bin/pip install pexpect)")
        rows.append(Row(label, None, target="≤ 400 ms", note="not measured: pexpect missing"))
    else:
        print("`prep ask` until the first question shows (pseudo-terminal)")
        ask_argv = [
            py,
            script,
            "ask",
            ask_at,
            "--with",
            "Dana:hiring-manager",
            "--with",
            "Lee:engineer",
            "--resume",
        ]
        ask_times = timer.time_to_text(ask_argv, home_env, "Ask ", options.runs, options.warmup)
        ask = statistics.median(ask_times)
        rows.append(Row(label, ask, None, None, "≤ 400 ms", ask <= 0.400))

    rows += scale(options, catalog, env, py, script, work)
    return rows, machine


def scale(
    options: Options, catalog: object, env: dict[str, str], py: str, script: str, work: Path
) -> list[Row]:
    """`prep review` over every company: warm (rows cached, the usual run) and cold, at each size.

    A cold run deletes the row cache first and writes it again as it ends, so
    the warm run after it in the same round is warm.
    """
    envs, caches = {}, {}
    for size in options.sizes:
        started = time.perf_counter()
        envs[size], home = data_home(env, work / f"home-{size}", Path(script))
        made = synth.generate(home, size, catalog=catalog)  # type: ignore[arg-type]
        caches[size] = home / CACHE_DIR / ROW_CACHE_FILE
        print(
            f"Wrote {size:,} companies ({made.files:,} files, {made.bytes / 2**20:,.0f} MiB) "
            f"in {time.perf_counter() - started:.1f} s"
        )
    time.sleep(SETTLED_NS / 1e9)  # files younger than this are never cached (review_cache.py)
    review = [py, script, "review"]
    commands = []
    for size in options.sizes:
        commands.append(
            timer.Command(f"warm-{size}", f"`prep review` (all {size:,} companies)", review, envs[size])
        )
        uncached = ["/bin/sh", "-c", 'rm -f "$0" && exec "$@"', str(caches[size]), *review]
        commands.append(
            timer.Command(
                f"cold-{size}", f"`prep review` (all {size:,}, nothing cached)", uncached, envs[size]
            )
        )
    largest = max(options.sizes)
    for key, argv in (("list", "list"), ("agenda", "agenda"), ("stats", "stats")):
        label = f"`prep {argv}` ({largest:,} companies)"
        commands.append(timer.Command(f"{key}-{largest}", label, [py, script, argv], envs[largest]))
    print(f"Scale: {min(options.warmup, 1)} warm-up + {options.scale_runs} interleaved runs each")
    timer.interleave(commands, options.scale_runs, min(options.warmup, 1), progress=sys.stdout.isatty())
    found = {c.key: c for c in commands}
    rows = []
    for c in commands:
        rows.append(Row(c.label, c.median, c.median_cpu, note=f"peak {c.peak_rss_mib:.0f} MiB"))
        if c.key == "warm-1000":
            rows[-1].target, rows[-1].met = "≤ 1.5 s", c.median <= 1.5
        if c.key == "cold-1000":
            memory = max(c.peak_rss_mib, found["warm-1000"].peak_rss_mib)
            rows.append(
                Row(
                    "peak memory of `prep review` (1,000 companies, either run)",
                    None,
                    target="≤ 100 MiB",
                    met=memory <= 100,
                    note=f"{memory:.0f} MiB",
                )
            )
        if c.key in (f"agenda-{largest}", f"stats-{largest}"):
            ratio = c.median / found[f"list-{largest}"].median
            rows[-1].target, rows[-1].met = "≤ 2x `prep list`", ratio <= 2
            rows[-1].note += f"; {ratio:.2f}x `prep list`"
    if len(options.sizes) >= 2:
        small, large = sorted(options.sizes)[-2:]
        allowed = 1.1 * large / small
        for kind, what in (("warm", "rows cached"), ("cold", "nothing cached")):
            growth = found[f"{kind}-{large}"].median / found[f"{kind}-{small}"].median
            rows.append(
                Row(
                    f"growth of `prep review`, {small:,} → {large:,} companies ({what})",
                    None,
                    target=f"≤ {allowed:.2g}x",
                    met=growth <= allowed,
                    note=f"{growth:.2f}x",
                )
            )
    return rows


def data_home(env: dict[str, str], folder: Path, prep: Path) -> tuple[dict[str, str], Path]:
    """An environment whose default data home is inside `folder`, and that home.

    On Linux the home comes from $XDG_DATA_HOME, so every run also pays for
    resolving the platform's data folder, as a user's does; elsewhere $PREP_HOME.
    """
    xdg = {**env, "XDG_DATA_HOME": str(folder)}
    expected = folder / "interview-prep"
    where = timer.check(timer.Command("where", "`prep where`", [sys.executable, str(prep), "where"], xdg))
    if Path(where.strip()) == expected:
        return xdg, expected
    return {**env, "PREP_HOME": str(expected)}, expected


def child_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PREP_HOME")}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["COLUMNS"] = "120"
    env.pop("NO_COLOR", None)
    return env


def yardstick(work: Path) -> Path:
    folder = work / "yardstick"
    folder.mkdir()
    (folder / "hello_app.py").write_text(YARDSTICK_APP, encoding="utf-8")
    script = folder / "hello"
    script.write_text(f"#!{sys.executable}\n# -*- coding: utf-8 -*-\n{CONSOLE_SCRIPT}", encoding="utf-8")
    return script


def describe_machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (
        f"{cpu}, {cores} cores ({usable} usable), {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Typer {version('typer')}, prep {version('interview-prep')}; "
        f"load average {load} at start"
    )


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| Measure | Median | CPU | vs hello | Target | Met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        median = fmt_time(row.median) if row.median is not None else row.note
        note = f" ({row.note})" if row.note and row.median is not None else ""
        met = "" if row.met is None else ("yes" if row.met else "**no**")
        lines.append(
            f"| {row.label} | {median}{note} | {fmt_time(row.cpu)} | {ratio} | {row.target} | {met} |"
        )
    return "\n".join(lines)


def report(table: str, machine: str, options: Options) -> str:
    python = display_path(Path(sys.executable).absolute(), keep_symlink=True)
    command = shlex.join([python, "bench/run.py", *sys.argv[1:]])
    return (
        f"Measured {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} with `{command}` on:\n"
        f"{machine}.\n\n"
        f"{table}\n\n"
        f"Wall-clock medians of {options.runs} interleaved runs (scale: {options.scale_runs}) after "
        f"{options.warmup} warm-up round(s); CPU is the child's user + system time; "
        '"vs hello" is the median, over the rounds, of the command\'s time divided by the '
        "yardstick's in the same round.\n"
    )


def display_path(path: Path, keep_symlink: bool = False) -> str:
    resolved = path if keep_symlink else path.resolve()
    try:
        return str(resolved.relative_to(ROOT))
    except ValueError:
        return str(resolved)


def write_doc(path: Path, block: str) -> None:
    """Replace the text between the bench markers; a new file gets a short heading."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = "# Performance\n\n"
    inner = f"{BEGIN}\n{block}{END}"
    if BEGIN in text and END in text:
        start, end = text.index(BEGIN), text.index(END) + len(END)
        text = text[:start] + inner + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + inner + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
