"""The answer prompt of `prep ask` is one prompt application, reused for every question.

Reuse must change nothing a user sees or types: each script below is typed
once into prompts built fresh by questionary.text for every question (what
`prep ask` did before) and once into the reused prompt, and the answers, the
interruptions and the screen must be the same.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pytest
import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from interview_prep import prompts

ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"
ESC_ENTER = "\x1b\r"  # ends a multi-line answer
UP, LEFT = "\x1b[A", "\x1b[D"


@dataclass(frozen=True)
class Turn:
    """One prompt: what prep asks with (message, default, multi-line) and the keys typed at it."""

    message: str
    keys: str
    default: str = ""
    multiline: bool = False


# Each script is one interview's prompts in a row; together they cover what the prompt
# keeps between runs (text, cursor, mode, history, an interruption) and must not.
SCRIPTS: dict[str, list[Turn]] = {
    "each prompt starts from its own default, never the answer before": [
        Turn("Answer:", "Ship the billing rewrite" + ENTER),
        Turn("Answer:", ENTER),
        Turn("Answer:", "ence" + ENTER, default="Half a sent"),
        Turn("Anything else?", ENTER),
    ],
    "up and left arrows bring back no earlier answer": [
        Turn("Answer:", "About 45 hours" + ENTER),
        Turn("Answer:", UP + ENTER),
        Turn("Answer:", "ac" + LEFT + "b" + ENTER),
        Turn("Answer:", UP + UP + "x" + ENTER),
    ],
    "multi-line and single-line prompts take turns": [
        Turn("Answer:", "line one" + ENTER + "line two" + ESC_ENTER, multiline=True),
        Turn("Answer:", "one line" + ENTER),
        Turn("Answer:", ENTER + "after a blank line" + ESC_ENTER, multiline=True),
        Turn("Answer:", ESC_ENTER, default="kept as it was", multiline=True),
        Turn("Answer:", "done" + ENTER),
    ],
    "ctrl-c at the third prompt carries the third prompt's text only": [
        Turn("Answer:", "First" + ENTER),
        Turn("Answer:", "Second" + ENTER),
        Turn("Answer:", "Half a sent" + CTRL_C),
        Turn("Answer:", ENTER),
    ],
    "ctrl-c on an edited default, then ctrl-d on an empty prompt": [
        Turn("Answer:", " by March" + CTRL_C, default="Ship it"),
        Turn("Answer:", CTRL_D),
        Turn("Answer:", "still here" + CTRL_D + ENTER),
        Turn("Answer:", CTRL_C),
    ],
}


def _fresh(turn: Turn) -> Any:
    """The prompt as `prep ask` built it before the reuse: a new questionary.text each time."""
    return prompts._ask(
        questionary.text(turn.message, default=turn.default, multiline=turn.multiline, qmark=">")
    )


def _reused(turn: Turn) -> Any:
    return prompts.answer(turn.message, default=turn.default, multiline=turn.multiline)


def _run(script: list[Turn], ask: Any) -> tuple[list[Any], list[str]]:
    """Each turn's result (('interrupted', partial text) on Ctrl-C/Ctrl-D) and what it left on screen."""
    screen = io.StringIO()
    results: list[Any] = []
    left: list[str] = []
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(screen)):
        for turn in script:
            before = len(screen.getvalue())
            pipe.send_text(turn.keys)
            try:
                results.append(ask(turn))
            except prompts.Interrupted as stop:
                results.append(("interrupted", stop.partial))
            left.append(_last_drawing(screen.getvalue()[before:]))
    return results, left


def _last_drawing(written: str) -> str:
    """The prompt as left on screen when it ended: its last drawing, plain text. (How many
    drawings come before it depends on how fast the keys arrive, so those are not compared.)
    Each drawing while typing reserves blank lines below the prompt; the last one does not."""
    last = re.split(r"\r\n(?:\r\n)+ *", written)[-1]
    lines = [line.strip() for line in re.split(r"[\r\n]+", last)]
    return "\n".join(line for line in lines if line)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SCRIPTS))
def test_the_reused_prompt_answers_and_shows_what_fresh_prompts_did(
    name: str, answer_prompts_built: list[Any]
) -> None:
    script = SCRIPTS[name]
    expected, expected_screen = _run(script, _fresh)
    results, screen = _run(script, _reused)
    assert results == expected
    assert screen == expected_screen
    assert all(screen), screen  # every prompt left itself on screen
    assert len(answer_prompts_built) == 1  # one application for the whole script


@pytest.mark.slow
def test_the_scripts_mean_what_they_say() -> None:
    """The oracle itself: a script that checked nothing would pass the comparison above."""
    results = {name: _run(script, _fresh)[0] for name, script in SCRIPTS.items()}
    assert results["each prompt starts from its own default, never the answer before"] == [
        "Ship the billing rewrite",
        "",
        "Half a sentence",
        "",
    ]
    assert results["up and left arrows bring back no earlier answer"] == ["About 45 hours", "", "abc", "x"]
    assert results["multi-line and single-line prompts take turns"] == [
        "line one\nline two",
        "one line",
        "\nafter a blank line",
        "kept as it was",
        "done",
    ]
    assert results["ctrl-c at the third prompt carries the third prompt's text only"] == [
        "First",
        "Second",
        ("interrupted", "Half a sent"),
        "",
    ]
    assert results["ctrl-c on an edited default, then ctrl-d on an empty prompt"] == [
        ("interrupted", "Ship it by March"),
        ("interrupted", ""),
        "still here",
        ("interrupted", ""),
    ]


def test_a_new_terminal_gets_a_new_prompt(answer_prompts_built: list[Any]) -> None:
    """The prompt reads and writes the terminal it was built on: a new one (a test's pipe, or
    prompt_toolkit's session for another terminal) is never answered through the old one."""
    first, _ = _run([Turn("Answer:", "on the first terminal" + ENTER)], _reused)
    second, screen = _run([Turn("Answer:", "on the second" + ENTER)], _reused)
    assert (first, second) == (["on the first terminal"], ["on the second"])
    assert "on the second" in screen[0] and "on the first terminal" not in screen[0]
    assert len(answer_prompts_built) == 2
