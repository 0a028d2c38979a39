"""How fast prep feels: every measured command side by side with a hello-world Typer app.

From the repository root, after the README's set-up (the test set-up adds pexpect,
which times `prep ask`; without it that row is skipped):

    .venv/bin/python bench/run.py            # the full run (~20 min on 2 cores); rewrites docs/performance.md
    .venv/bin/python bench/run.py --quick    # 3 runs, 20 companies, about a minute; writes nothing

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
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib.metadata import version
from pathlib import Path

import moments
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
    only: frozenset[str] = frozenset()  # row keys or groups to measure; empty: all
    memory_mib: int = 50  # the size of the interview the memory row reviews (the target's is 50)

    def wants(self, key: str, group: str) -> bool:
        return not self.only or key in self.only or group in self.only


def parse_args(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 runs, 20 companies, sizes 10 and 20, a 5 MiB interview for memory; writes nothing",
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
    parser.add_argument(
        "--only",
        metavar="KEYS",
        help="measure only these rows or groups, comma-separated (groups: start-up, ask, typing, scale, "
        "memory; rows: e.g. tab-company, plan, compare, stats-1000, compare-1000, cold-1000); implies --no-write",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = (
        tuple(int(s) for s in args.sizes.split(","))
        if args.sizes
        else ((10, 20) if quick else (100, 1000, 5000))
    )
    only = frozenset(word.strip() for word in (args.only or "").split(",") if word.strip())
    output = None if args.no_write or only else (args.output or (None if quick else DOC))
    return Options(
        runs=args.runs or (3 if quick else 15),
        warmup=args.warmup if args.warmup is not None else (1 if quick else 2),
        scale_runs=args.scale_runs or (3 if quick else 7),
        everyday_companies=20,
        sizes=sizes,
        output=output,
        strict=args.strict,
        only=only,
        memory_mib=5 if quick else 50,
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
    py, script = sys.executable, str(prep)
    with_offers(py, script, home_env, everyday.slugs[:OFFERS])
    shipped = sorted(str(p) for p in (ROOT / "question_banks").glob("*.yaml"))

    def command(key: str, label: str, *args: str) -> timer.Command:
        return timer.Command(key, label, [py, script, *args], home_env)

    def tab(words: str) -> dict[str, str]:
        """The environment bash gives `prep` for a Tab press after `words`."""
        cword = len(words.split()) - (0 if words.endswith(" ") else 1)
        return {**home_env, "_PREP_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}

    n = options.everyday_companies
    panel_of_two = ["--with", "Dana:hiring-manager", "--with", "Lee:engineer", "--minutes", "30"]
    commands = [
        timer.Command("hello", "hello-world Typer app, no-op (yardstick)", [py, str(hello)], home_env),
        command("version", "`prep --version`", "--version"),
        command("where", "`prep where`", "where"),
        command("list", f"`prep list` ({n} companies)", "list"),
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
        timer.Command(
            "tab-company", "Tab: `prep ask a<Tab>` (company names)", [py, script], tab("prep ask a")
        ),
        timer.Command(
            "tab-question",
            "Tab: `prep answer COMPANY ho<Tab>` (question ids)",
            [py, script],
            tab(f"prep answer {answer_to} ho"),
        ),
        command("plan", "`prep plan COMPANY` (2 people, 30 min)", "plan", ask_at, *panel_of_two),
        command("sheet", "`prep sheet COMPANY` (Markdown, 2 people, 30 min)", "sheet", ask_at, *panel_of_two),
        command("agenda", f"`prep agenda` ({n} companies)", "agenda"),
        command("calendar", f"`prep calendar` ({n} companies)", "calendar"),
        command("stats", f"`prep stats` ({n} companies)", "stats"),
        command("offers", f"`prep offers` ({OFFERS} offers)", "offers"),
        command("compare", f"`prep compare` ({n} companies, {OFFERS} with offers)", "compare"),
        command(
            "export",
            f"`prep export --csv FILE` ({n} companies)",
            "export",
            "--csv",
            str(work / "export.csv"),
        ),
    ]
    commands = [c for c in commands if c.key == "hello" or options.wants(c.key, "start-up")]
    rows = everyday_rows(options, commands) if len(commands) > 1 else []
    if options.wants("ask", "ask"):
        rows += ask_rows(options, py, script, ask_at, home_env)
    if options.wants("typing", "typing"):
        rows += typing_rows(options, py, script, env, work)
    rows += scale(options, catalog, env, py, script, work)
    if options.wants("memory-50mb", "memory"):
        rows += memory_rows(options, env, py, script, work)
    return rows, machine


# Targets, as a ratio to the yardstick in the same round (issue 20 for the Tab presses and new commands).
EVERYDAY_LIMITS = {
    "version": 1.2,
    "where": 1.2,
    "list": 1.2,
    "help": 1.5,
    "answer": 2.0,
    "tab-company": 0.6,
    "tab-question": 0.6,
    "plan": 2.0,
    "sheet": 2.0,
    "agenda": 1.5,
    "calendar": 1.5,
    "stats": 1.5,
    "offers": 1.5,
    "compare": 1.5,
    "export": 1.5,
}
OFFERS = 5  # companies given an offer with `prep offer` in the 20-company home (10 at scale)


def with_offers(py: str, script: str, env: dict[str, str], slugs: list[str]) -> None:
    """An offer for each of `slugs`, recorded the way a user does, so offers/compare/export have some."""
    expires = (datetime.now() + timedelta(days=20)).date().isoformat()
    for number, slug in enumerate(slugs):
        argv = [py, script, "offer", slug, "--base", str(80000 + 5000 * number), "--currency", "EUR"]
        argv += ["--bonus", "5000", "--expires", expires, "--leave-days", "28"]
        timer.check(timer.Command("offer", "`prep offer`", argv, env))


def everyday_rows(options: Options, commands: list[timer.Command]) -> list[Row]:
    print(f"Everyday commands: {options.warmup} warm-up + {options.runs} interleaved runs each")
    timer.interleave(commands, options.runs, options.warmup, progress=sys.stdout.isatty())
    hello = commands[0]
    rows = []
    for c in commands:
        row = Row(c.label, c.median, c.median_cpu, c.ratio_to(hello))
        if c.key in EVERYDAY_LIMITS:
            row.target = f"≤ {EVERYDAY_LIMITS[c.key]:g}x"
            row.met = row.ratio is not None and row.ratio <= EVERYDAY_LIMITS[c.key]
        elif c.key == "banks-check":
            row.target, row.met = "≤ 300 ms", c.median <= 0.300
        rows.append(row)
    return rows


def _have_pexpect(label: str, target: str) -> Row | None:
    """None when pexpect is there; else the row that says this was not measured."""
    try:
        import pexpect  # noqa: F401  (in the README's test set-up)
    except ImportError:
        print(f"{label} not timed: pexpect is missing (.venv/bin/pip install pexpect)")
        return Row(label, None, target=target, note="not measured: pexpect missing")
    return None


def ask_rows(options: Options, py: str, script: str, ask_at: str, home_env: dict[str, str]) -> list[Row]:
    label = "`prep ask`: first question on screen (pty)"
    missing = _have_pexpect(label, "≤ 400 ms")
    if missing:
        return [missing]
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
    ask = statistics.median(timer.time_to_text(ask_argv, home_env, "Ask ", options.runs, options.warmup))
    return [Row(label, ask, None, None, "≤ 400 ms", ask <= 0.400)]


TYPING_TARGETS = ((10, 0.040), (300, 0.060))  # (the answer's place in the interview, median Enter -> next)


def typing_rows(options: Options, py: str, script: str, env: dict[str, str], work: Path) -> list[Row]:
    """Enter -> the next question in `prep ask`, at the 10th and the 300th answer of one interview."""
    rows = []
    for place, limit in TYPING_TARGETS:
        label = f"`prep ask`: Enter -> next question, answer {place} (pty)"
        missing = _have_pexpect(label, f"≤ {limit * 1000:.0f} ms")
        if missing:
            return [missing]
        home_env, home = data_home(env, work / f"typing-{place}", Path(script))
        timer.check(timer.Command("new", "`prep new`", [py, script, "new", "acme", "--no-input"], home_env))
        path = moments.prepared_interview(home, "acme", place - 1)
        answers = max(options.runs, 5)
        print(f"`prep ask`: {answers} answers typed after {place - 1} entries (pseudo-terminal)")
        found = moments.typing_latency(
            [py, script, "ask", "acme", "--resume"], home_env, work, path, place - 1, answers
        )
        note = (
            f"fsync {found.fsync_share:.0%} of it: {found.fsyncs} calls, "
            f"{found.fsync_seconds * 1000 / max(len(found.times), 1):.1f} ms an answer; file {found.file_bytes // 1024} KiB"
        )
        rows.append(
            Row(label, found.median, None, None, f"≤ {limit * 1000:.0f} ms", found.median <= limit, note)
        )
    return rows


def memory_rows(options: Options, env: dict[str, str], py: str, script: str, work: Path) -> list[Row]:
    """Peak memory of `prep review COMPANY` when one interview file holds 50 MB of answers
    (`--quick`: 5 MB, which proves the row works, not the target)."""
    home_env, home = data_home(env, work / "memory", Path(script))
    # Written by a child: a child's peak (ru_maxrss) starts from its parent's size when it is
    # forked, and this process would otherwise have held the 50 MB file while writing it.
    writer = "import sys, synth; print(*synth.big_interview(__import__('pathlib').Path(sys.argv[1]), int(sys.argv[2])))"
    written = subprocess.run(
        [py, "-c", writer, str(home), str(options.memory_mib)],
        env={**env, "PYTHONPATH": str(ROOT / "bench")},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    slug, size = written[0], int(written[1])
    review = timer.Command(
        "memory-50mb",
        "`prep review COMPANY --no-input`",
        [py, script, "review", slug, "--no-input"],
        home_env,
    )
    print(f"Peak memory: `prep review` of a company whose interview holds {size / 2**20:.0f} MiB")
    timer.interleave([review], min(options.scale_runs, 3), 0)
    peak = review.peak_rss_mib
    label = f"peak memory of `prep review COMPANY` (a {size / 2**20:.0f} MiB interview)"
    return [
        Row(
            label,
            None,
            target="≤ 150 MiB",
            met=peak <= 150,
            note=f"{peak:.0f} MiB; {fmt_time(review.median)}",
        )
    ]


def scale(
    options: Options, catalog: object, env: dict[str, str], py: str, script: str, work: Path
) -> list[Row]:
    """`prep review` over every company: warm (rows cached, the usual run) and cold, at each size;
    `prep list`, `prep agenda`, `prep stats` and `prep compare` at the largest size.

    A cold run deletes the row cache first and writes it again as it ends, so
    the warm run after it in the same round is warm.
    """
    largest = max(options.sizes)
    wanted = {
        key
        for key in [f"{kind}-{size}" for size in options.sizes for kind in ("warm", "cold")]
        + [f"{name}-{largest}" for name in (*SCALE_VS_LIST, "list")]
        if options.wants(key, "scale")
    }
    if wanted & {f"{name}-{largest}" for name in SCALE_VS_LIST}:
        wanted.add(f"list-{largest}")  # their target is a ratio to it
    sizes = [size for size in options.sizes if any(key.endswith(f"-{size}") for key in wanted)]
    if not sizes:
        return []
    envs, caches = {}, {}
    for size in sizes:
        started = time.perf_counter()
        envs[size], home = data_home(env, work / f"home-{size}", Path(script))
        made = synth.generate(home, size, catalog=catalog)  # type: ignore[arg-type]
        caches[size] = home / CACHE_DIR / ROW_CACHE_FILE
        if size == largest and f"compare-{largest}" in wanted:
            with_offers(py, script, envs[size], made.slugs[: 2 * OFFERS])
        print(
            f"Wrote {size:,} companies ({made.files:,} files, {made.bytes / 2**20:,.0f} MiB) "
            f"in {time.perf_counter() - started:.1f} s"
        )
    time.sleep(SETTLED_NS / 1e9)  # files younger than this are never cached (review_cache.py)
    review = [py, script, "review"]
    commands = []
    for size in sizes:
        commands.append(
            timer.Command(f"warm-{size}", f"`prep review` (all {size:,} companies)", review, envs[size])
        )
        uncached = ["/bin/sh", "-c", 'rm -f "$0" && exec "$@"', str(caches[size]), *review]
        commands.append(
            timer.Command(
                f"cold-{size}", f"`prep review` (all {size:,}, nothing cached)", uncached, envs[size]
            )
        )
    for name in ("list", *SCALE_VS_LIST):
        label = f"`prep {name}` ({largest:,} companies)"
        commands.append(timer.Command(f"{name}-{largest}", label, [py, script, name], envs.get(largest, env)))
    commands = [c for c in commands if c.key in wanted]
    print(f"Scale: {min(options.warmup, 1)} warm-up + {options.scale_runs} interleaved runs each")
    timer.interleave(commands, options.scale_runs, min(options.warmup, 1), progress=sys.stdout.isatty())
    found = {c.key: c for c in commands}
    rows = []
    for c in commands:
        rows.append(Row(c.label, c.median, c.median_cpu, note=f"peak {c.peak_rss_mib:.0f} MiB"))
        if c.key in SCALE_SECONDS:
            limit = SCALE_SECONDS[c.key]
            rows[-1].target, rows[-1].met = f"≤ {limit:g} s", c.median <= limit
        if c.key in {f"{name}-{largest}" for name in SCALE_VS_LIST}:
            ratio = c.ratio_to(found[f"list-{largest}"])  # round by round, as the yardstick's ratios
            rows[-1].target, rows[-1].met = "≤ 2x `prep list`", ratio <= 2
            rows[-1].note += f"; {ratio:.2f}x `prep list`"
    rows += _memory_at_scale(found)
    rows += _growth(found, sizes)
    return rows


SCALE_SECONDS = {"warm-1000": 0.6, "cold-1000": 1.5}  # seconds, issue 20
SCALE_VS_LIST = ("agenda", "stats", "compare")  # each within 2x `prep list` at the largest size (issue 20)
SCALE_MEMORY = {1000: 100, 5000: 150}  # MiB, peak of `prep review` either way (cached or not)


def _memory_at_scale(found: dict[str, timer.Command]) -> list[Row]:
    rows = []
    for size, limit in SCALE_MEMORY.items():
        runs = [found[key] for key in (f"warm-{size}", f"cold-{size}") if key in found]
        if runs:
            memory = max(c.peak_rss_mib for c in runs)
            label = f"peak memory of `prep review` ({size:,} companies, either run)"
            rows.append(
                Row(label, None, target=f"≤ {limit} MiB", met=memory <= limit, note=f"{memory:.0f} MiB")
            )
    return rows


def _growth(found: dict[str, timer.Command], sizes: list[int]) -> list[Row]:
    """How `prep review` grows from the second-largest size to the largest: at most in proportion."""
    if len(sizes) < 2:
        return []
    small, large = sorted(sizes)[-2:]
    allowed = large / small
    rows = []
    for kind, what in (("warm", "rows cached"), ("cold", "nothing cached")):
        if f"{kind}-{large}" in found and f"{kind}-{small}" in found:
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
