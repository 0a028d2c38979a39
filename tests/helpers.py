"""Small shared helpers for the tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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


def every_command() -> dict[str, list[str]]:
    """Every command a user can run ("banks show", "list"...) and its argument names, from the built
    Click tree: tables of commands that must cover them all are checked against this."""
    return {
        name: [p.name for p in params if p.param_type_name == "argument"] for name, params in _tree().items()
    }


def commands_with_option(flag: str) -> set[str]:
    """The commands that take `flag` (e.g. "--json")."""
    return {name for name, params in _tree().items() if any(flag in getattr(p, "opts", ()) for p in params)}


def _tree() -> dict[str, list[Any]]:
    import typer.main

    root = typer.main.get_command(app)
    context = root.context_class(root)
    found: dict[str, list[Any]] = {}

    def walk(group: Any, prefix: tuple[str, ...]) -> None:
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            if hasattr(command, "list_commands"):
                walk(command, (*prefix, name))
            else:
                found[" ".join((*prefix, name))] = list(command.params)

    walk(root, ())
    return found
