"""Tab completion through Typer's completion environment variables, as a shell would call it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import prep
from interview_prep import completion

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


@pytest.mark.slow
@pytest.mark.usefixtures("two_companies")
@pytest.mark.parametrize(
    "command", ["ask", "answer", "flag", "note", "review", "reflect", "done", "open", "status"]
)
def test_company_names_complete_for_every_command(command: str) -> None:
    assert complete(f"prep {command} a") == ["acme-inc"]
    assert complete(f"prep {command} ") == ["acme-inc", "globex"]


@pytest.mark.slow
@pytest.mark.usefixtures("two_companies")
def test_question_ids_status_values_and_home_option(tmp_path: Path) -> None:
    assert "hours-per-week" in complete("prep answer acme-inc hours")
    assert "love" in complete("prep banks show lo")
    assert complete("prep status acme-inc of") == ["offer"]
    assert complete(f"prep --home {tmp_path} ask a") == []


@pytest.mark.slow
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


# --- the fast path: answered before Typer loads, the same as Typer's answer


def _completer_name(param: object) -> str | None:
    import inspect

    wrapper = getattr(param, "_custom_shell_complete", None)
    if wrapper is None:
        return None
    found = inspect.getclosurevars(wrapper).nonlocals.get("autocompletion")
    return getattr(found, "__name__", None)


def _app_positional() -> dict[tuple[str, ...], tuple[str, ...]]:
    """What the Typer app completes at each leading argument of each command, walked from the app."""
    import typer.main

    from interview_prep.cli import app

    found: dict[tuple[str, ...], tuple[str, ...]] = {}

    def walk(group: object, path: tuple[str, ...]) -> None:
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            if hasattr(command, "commands"):
                walk(command, (*path, name))
                continue
            names = []
            for param in command.params:
                if param.param_type_name != "argument":
                    continue
                completer = _completer_name(param)
                if completer is None or param.nargs != 1:
                    break
                names.append(completer)
            if names:
                found[(*path, name)] = tuple(names)

    walk(typer.main.get_command(app), ())
    return found


def test_the_fast_table_is_the_apps_own() -> None:
    assert _app_positional() == completion.POSITIONAL


def _env(words: str, shell: str) -> dict[str, str]:
    env = {"_PREP_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        at = len(completion.split_words(words)) - (0 if words.endswith(" ") else 1)
        env.update(COMP_WORDS=words, COMP_CWORD=str(at))
    else:
        env.update(_TYPER_COMPLETE_ARGS=words, _TYPER_COMPLETE_FISH_ACTION="get-args")
    return env


def _typer_says(env: dict[str, str]) -> str:
    from helpers import runner
    from interview_prep.cli import app

    result = runner.invoke(app, [], env=env, prog_name="prep")
    assert result.exit_code == 0, result.output
    return result.stdout


# Every command of the table at every position it completes, with nothing typed yet and with a letter.
EVERY_POSITION = [
    f"prep {' '.join(command)} {'acme-inc ' * position}{typed}"
    for command, completers in completion.POSITIONAL.items()
    for position in range(len(completers))
    for typed in ("", "a", "o")
]
FAST = [
    *EVERY_POSITION,
    "prep ask a",
    "prep ask ",
    "prep review g",
    "prep calendar ",
    "prep answer acme-inc hours",
    "prep answer acme-inc ",
    "prep answer 'Acme, Inc.' lo",
    "prep status acme-inc of",
    "prep status acme-inc ",
    "prep status zz ",
    "prep banks show lo",
    "prep banks show ",
    "prep due ",
    "prep done x",
    'prep ask "ac',  # a quote still open
    "prep log nobody",
]
LEFT_TO_TYPER = [
    "prep a",  # a command name
    "prep ",
    "prep --home /tmp ask a",  # an option before: it may change the data home
    "prep ask --resume a",
    "prep ask -",
    "prep answer acme-inc love ",  # the answer text: no completion
    "prep flag acme-inc ",
    "prep banks ",
    "prep banks check ",
    "prep people ",
    "prep unknown a",
    *(
        f"prep {' '.join(command)} {'acme-inc ' * len(completers)}"
        for command, completers in completion.POSITIONAL.items()
    ),
]


@pytest.mark.slow
@pytest.mark.usefixtures("two_companies")
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_fast_answers_are_typers_answers(shell: str) -> None:
    for words in FAST:
        env = _env(words, shell)
        fast = completion.fast_answer(env, "prep")
        assert fast is not None, words
        assert fast + "\n" == _typer_says(env), words
    for words in LEFT_TO_TYPER:
        assert completion.fast_answer(_env(words, shell), "prep") is None, words


def test_other_requests_are_left_to_typer() -> None:
    words = _env("prep ask a", "bash")
    assert completion.fast_answer({**words, "_PREP_COMPLETE": "source_bash"}, "prep") is None
    assert completion.fast_answer({**words, "_PREP_COMPLETE": "complete_powershell"}, "prep") is None
    assert (
        completion.fast_answer(
            _env("prep ask a", "fish") | {"_TYPER_COMPLETE_FISH_ACTION": "is-args"}, "prep"
        )
        is None
    )
    assert completion.fast_answer(words, "prep-dev") is None, "Typer reads _PREP_DEV_COMPLETE for prep-dev"
    assert completion.fast_answer({}, "prep") is None


@pytest.mark.slow
@pytest.mark.usefixtures("two_companies")
def test_a_tab_press_does_not_load_typer() -> None:
    env = dict(os.environ, **_env("prep ask a", "bash"))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", PREP], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["acme-inc"]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert "typer" not in imported and "interview_prep" in imported
