"""Shared tools for the reliability suite: run prep (in-process or as the installed command),
look at a data home, and record the figures docs/reliability.md quotes.

Set PREP_RELIABILITY_REPORT=/some/file.jsonl to collect each test's figures
(runs, faults injected, answers lost, time taken) from a real run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from interview_prep.cli import app
from interview_prep.core.models import ChecklistItem
from interview_prep.core.transcript import Interview
from interview_prep.storage import interviews

PREP = Path(sys.executable).with_name("prep")
if not PREP.exists():  # pragma: no cover - a non-venv layout
    PREP = Path(shutil.which("prep") or "prep")

CONFIRMATION = re.compile(r"Saved (answer|red flag|note) (\d+) to (\S+)\.")
TRACEBACK = "Traceback (most recent call last)"


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a real `prep` run: its own home, no colour, unbuffered confirmations."""
    env = dict(os.environ)
    env.update(
        PREP_HOME=str(home),
        NO_COLOR="1",
        PYTHONUNBUFFERED="1",  # a confirmation is on the pipe the moment it is printed
        PROMPT_TOOLKIT_NO_CPR="1",  # pexpect does not answer cursor-position requests
        COLUMNS="200",
    )
    env.update(extra)
    return env


def run_prep(home: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run the installed `prep` as a real process."""
    return subprocess.run(
        [str(PREP), *args],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    exception: BaseException | None


_runner = CliRunner()


def invoke(*args: str) -> Outcome:
    """Run `prep ARGS` in-process with Typer's runner; an escaped exception is kept, not raised."""
    result = _runner.invoke(app, list(args), catch_exceptions=True)
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    return Outcome(result.exit_code, result.stdout, result.stderr, escaped)


def assert_one_line_error(outcome: Outcome, code: int, *needles: str) -> str:
    """Exit `code`, exactly one line on stderr containing every needle, no traceback."""
    assert outcome.exception is None, f"escaped exception: {outcome.exception!r}"
    assert outcome.code == code, (outcome.code, outcome.stdout, outcome.stderr)
    lines = outcome.stderr.splitlines()
    assert len(lines) == 1, outcome.stderr
    assert TRACEBACK not in outcome.stderr + outcome.stdout
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


CACHE = ".cache"


def snapshot(home: Path) -> dict[str, bytes]:
    """Every regular file under the home (relative path -> bytes), the question-bank cache aside."""
    found: dict[str, bytes] = {}
    if not home.exists():
        return found
    for path in sorted(home.rglob("*")):
        if path.relative_to(home).parts[0] == CACHE:
            continue
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(home))] = path.read_bytes()
    return found


def temp_files(home: Path) -> list[Path]:
    return sorted(path for path in home.rglob("*.tmp")) if home.exists() else []


def all_interviews(home: Path, slug: str) -> list[Interview]:
    """Every interview of a company, parsed: raises PrepError if any file is broken."""
    return [interviews.load_interview(path) for path in interviews.list_interview_paths(home, slug)]


def read_company_ok(home: Path, slug: str) -> None:
    """The company file parses: front matter, checklist and follow-up blocks."""
    from interview_prep.storage import companies

    companies.read_company(home, slug)
    companies.read_checklist(home, slug)
    path = companies.company_file(home, slug)
    companies.done_followups(path.read_text(encoding="utf-8"), path)


def checklist(home: Path, slug: str) -> list[ChecklistItem]:
    from interview_prep.storage import companies

    return companies.read_checklist(home, slug)


def mode_problems(home: Path) -> list[str]:
    """Anything under the home that is not a 0700 folder or a 0600 file."""
    problems = []
    for path in [home, *home.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if path.is_dir() and mode != 0o700:
            problems.append(f"{path}: folder {mode:o}")
        elif path.is_file() and mode != 0o600:
            problems.append(f"{path}: file {mode:o}")
    return problems


def report(name: str, **figures: object) -> None:
    """Record a test's figures for docs/reliability.md (only when PREP_RELIABILITY_REPORT is set)."""
    target = os.environ.get("PREP_RELIABILITY_REPORT")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"test": name, **figures}, sort_keys=True) + "\n")


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """`with stopwatch() as took:` ... `took[0]` is the seconds spent inside."""
    took = [0.0]
    start = time.perf_counter()
    try:
        yield took
    finally:
        took[0] = round(time.perf_counter() - start, 2)


def new_company(name: str = "acme", *extra: str) -> None:
    outcome = invoke("new", name, "--no-input", *extra)
    assert outcome.code == 0, outcome.stderr
