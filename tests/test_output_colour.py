"""Colour only on a terminal and only when wanted; every table readable at 80 columns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from interview_prep import output
from review_fixture import build

PREP = str(Path(sys.executable).parent / "prep")
ESC = "\x1b["


def run_in_terminal(args: list[str], env_extra: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", COLUMNS="100", **env_extra)
    child = pexpect.spawn(PREP, args, env=env, encoding="utf-8", timeout=20, dimensions=(40, 100))
    child.expect(pexpect.EOF)
    child.close()
    return str(child.before)


@pytest.fixture
def company(prep_home: Path) -> None:
    build(prep_home)


@pytest.mark.slow
@pytest.mark.usefixtures("company")
def test_colour_on_a_terminal_and_off_with_no_color_or_flag() -> None:
    assert ESC in run_in_terminal(["review", "acme", "--no-input"], {})
    assert ESC not in run_in_terminal(["review", "acme", "--no-input"], {"NO_COLOR": "1"})
    assert ESC not in run_in_terminal(["--no-color", "review", "acme", "--no-input"], {})


@pytest.mark.slow
@pytest.mark.usefixtures("company")
@pytest.mark.parametrize(
    "args",
    [["review", "acme", "--no-input"], ["review"], ["list"], ["banks", "list"], ["banks", "show", "love"]],
)
def test_piped_output_has_no_ansi_and_fits_80_columns(args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    result = subprocess.run([PREP, *args], capture_output=True, text=True, env=env, timeout=20)
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines()), result.stdout


def test_long_and_hostile_cells_are_truncated_not_broken() -> None:
    rows = [["A" * 200, "x\x1b[31mred\x1b[0m", "日本語の会社名前" * 10]]
    text = output.table(["Name", "Colour", "Wide"], rows, max_width=80)
    lines = text.splitlines()
    assert len(lines) == 3
    assert all(output.width(line) <= 80 for line in lines)
    assert "…" in lines[2] and "\x1b" not in text and "\\x1b" in text


def test_error_lines_never_carry_raw_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    output.error("bad \x1b[2J name")
    err = capsys.readouterr().err
    assert "\x1b[2J" not in err and "\\x1b[2J" in err
