"""`prep` builds only the command that runs (lazy_commands.py); it must behave as Typer's full build.

The console script runs `lazy_root(app)`; CliRunner (every other in-process
test) runs Typer's eager build. Help, errors and suggestions of both are
compared here for every command, so the two cannot drift apart.
"""

from __future__ import annotations

import pytest
import typer.main

from interview_prep.cli import app
from interview_prep.lazy_commands import LazyCommands, lazy_root


def run(
    group: typer.core.TyperGroup, args: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    try:
        group.main(args=args, prog_name="prep")
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def every_command_line() -> list[list[str]]:
    eager = typer.main.get_command(app)
    assert isinstance(eager, typer.core.TyperGroup)
    lines: list[list[str]] = [["--help"], [], ["lst"], ["--version"]]
    for name in eager.list_commands(None):  # type: ignore[arg-type]
        lines.append([name, "--help"])
        command = eager.commands[name]
        if isinstance(command, typer.core.TyperGroup):
            lines += [[name, sub, "--help"] for sub in command.list_commands(None)]  # type: ignore[arg-type]
            lines.append([name, "nope"])
    return lines


@pytest.mark.parametrize("args", every_command_line(), ids=" ".join)
def test_lazy_and_eager_builds_answer_alike(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("PREP_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "100")
    eager = typer.main.get_command(app)
    assert isinstance(eager, typer.core.TyperGroup)
    assert run(lazy_root(app), args, capsys) == run(eager, args, capsys)


def test_only_the_command_that_runs_is_built(capsys: pytest.CaptureFixture[str]) -> None:
    group = lazy_root(app)
    commands = group.commands
    assert isinstance(commands, LazyCommands)
    assert list(commands) == list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert commands.built() == []
    run(group, ["where", "--help"], capsys)
    assert commands.built() == ["where"]
