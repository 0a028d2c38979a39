"""Every test gets its own empty data home (the llm pattern) and a fixed environment.

The suite must pass under any caller's terminal: a wide one (`COLUMNS=120`), a
CI that forces colour, a Latin-1 locale, another time zone, an `$EDITOR`. So
every variable that changes what prep prints or where it writes is set here, in
`os.environ`, which child processes inherit too. A test that means another
value sets it itself.
"""

from __future__ import annotations

import compileall
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import interview_prep
from interview_prep.render import console as render_console

# What a test sees unless it says otherwise: an 80-column, colourless, UTF-8 terminal in UTC.
FIXED_ENVIRONMENT = {
    "NO_COLOR": "1",
    "TERM": "xterm-256color",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "TZ": "UTC",
    "PYTHONIOENCODING": "utf-8",
}

# Variables a caller may have set that would change prep's output or behaviour.
CLEARED_ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "VISUAL",
    "EDITOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLORTERM",
    "PREP_DEBUG",
    "LC_CTYPE",
    "LC_MESSAGES",
    "LC_TIME",
    "LANGUAGE",
    "_PREP_COMPLETE",
    "_TYPER_COMPLETE_ARGS",
)


def pytest_configure(config: pytest.Config) -> None:
    """Compile prep's modules once, before any test starts a `prep` process.

    An editable install runs prep from this checkout, and with
    PYTHONDONTWRITEBYTECODE set (CI images set it) no process ever caches its
    bytecode: each of the thousands of `prep` processes the suite starts would
    compile every module it imports again, about a fifth of its start-up.
    Only the first process (not each pytest-xdist worker) does it.
    """
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(Path(interview_prep.__file__).parent, quiet=1)
    _build_each_app_once()


def _build_each_app_once() -> None:
    """Typer's CliRunner turns the Typer app into a Click command at every invoke: about
    half the CPU of an in-process `prep` run. No test changes the app, so each app is
    built once per process. (Typer 0.26 to 0.28 all call `typer.testing._get_command`;
    if a release renames it, the suite only runs slower.)"""
    import typer.testing

    build = getattr(typer.testing, "_get_command", None)
    if build is None:
        return
    built: dict[int, tuple[object, object]] = {}

    def build_once(app: object) -> object:
        if id(app) not in built:
            built[id(app)] = (app, build(app))  # the app is kept, so its id is never reused
        return built[id(app)][1]

    typer.testing._get_command = build_once  # type: ignore[attr-defined]


@pytest.fixture
def answer_prompts_built(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every `prompts.AnswerPrompt` built while the test runs (prep ask builds one per interview)."""
    from interview_prep import prompts

    made: list[Any] = []
    real_init = prompts.AnswerPrompt.__init__

    def init(prompt: prompts.AnswerPrompt) -> None:
        real_init(prompt)
        made.append(prompt)

    monkeypatch.setattr(prompts.AnswerPrompt, "__init__", init)
    yield made


@pytest.fixture(autouse=True)
def prep_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in CLEARED_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in FIXED_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    time.tzset()  # in-process code reads TZ too, not only child processes
    # prep builds one Rich console per process, reading the width and colour of its
    # environment then; each test is its own "process" here.
    monkeypatch.setattr(render_console, "_console", None)
    home = tmp_path / "prep-home"
    monkeypatch.setenv("PREP_HOME", str(home))
    yield home
    monkeypatch.undo()
    time.tzset()
