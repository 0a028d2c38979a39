"""Tab completion through Typer's completion environment variables, as a shell would call it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import prep

PREP = str(Path(sys.executable).parent / "prep")


def complete(words: str, shell: str = "bash") -> list[str]:
    env = dict(os.environ, _PREP_COMPLETE=f"complete_{shell}")
    if shell == "bash":
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1)))
    else:
        env.update(_TYPER_COMPLETE_ARGS=words, _TYPER_COMPLETE_FISH_ACTION="get-args")
    result = subprocess.run([PREP], env=env, capture_output=True, text=True, timeout=120)
    return result.stdout.split()


@pytest.fixture
def two_companies() -> None:
    prep("new", "Acme, Inc.", "--no-input")
    prep("new", "Globex", "--no-input")


@pytest.mark.usefixtures("two_companies")
@pytest.mark.parametrize(
    "command", ["ask", "answer", "flag", "note", "review", "reflect", "done", "open", "status"]
)
def test_company_names_complete_for_every_command(command: str) -> None:
    assert complete(f"prep {command} a") == ["acme-inc"]
    assert complete(f"prep {command} ") == ["acme-inc", "globex"]


@pytest.mark.usefixtures("two_companies")
def test_question_ids_status_values_and_home_option(tmp_path: Path) -> None:
    assert "hours-per-week" in complete("prep answer acme-inc hours")
    assert "love" in complete("prep banks show lo")
    assert complete("prep status acme-inc of") == ["offer"]
    assert complete(f"prep --home {tmp_path} ask a") == []


@pytest.mark.usefixtures("two_companies")
def test_zsh_and_fish_get_the_same_names() -> None:
    assert "acme-inc" in " ".join(complete("prep ask a", "zsh"))
    assert complete("prep ask a", "fish") == ["acme-inc"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_install_completion_writes_the_shell_script(shell: str, tmp_path: Path) -> None:
    # Without this, Typer finds the shell by walking up the process tree (shellingham), so the
    # result would depend on who runs the suite; with it, `--install-completion SHELL` names it.
    env = dict(
        os.environ,
        HOME=str(tmp_path),
        SHELL=f"/bin/{shell}",
        _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1",
    )
    result = subprocess.run(
        [PREP, "--install-completion", shell], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("_PREP_COMPLETE" in p.read_text() for p in written), written
