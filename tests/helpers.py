"""Small shared helpers for the tests."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from interview_prep.cli import app

runner = CliRunner()


def prep(*args: str) -> tuple[int, str, str]:
    """Run `prep ARGS` in-process; (exit code, stdout, stderr)."""
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def interview_files(home: Path, slug: str) -> list[Path]:
    return sorted((home / slug / "interviews").glob("*.md"))


# Hostile input must never make prep hang. Tests assert only this generous bound, which a
# runaway (quadratic or exponential) path blows through and a busy machine does not: speed
# targets are measured side by side in bench/, not in unit tests.
RUNAWAY_SECONDS = 5.0


def only_history_added(after: str, expected: str) -> bool:
    """A status change: the one line, and the change dated in a history block added at the end."""
    history = (
        r"\n{0,2}<!-- prep:begin history -->\n## Status history\n\n- [^\n]* <!-- prep:status \{[^\n]*\} -->\n"
    )
    end = r"<!-- prep:end history -->\n"
    return after.startswith(expected) and re.fullmatch(history + end, after[len(expected) :]) is not None
