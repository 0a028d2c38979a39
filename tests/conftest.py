"""Every test gets its own empty data home (the llm pattern) and a fixed environment.

The suite must pass under any caller's terminal: a wide one (`COLUMNS=120`), a
CI that forces colour, a Latin-1 locale, another time zone, an `$EDITOR`. So
every variable that changes what prep prints or where it writes is set here, in
`os.environ`, which child processes inherit too. A test that means another
value sets it itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

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
