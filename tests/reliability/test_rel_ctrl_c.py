"""Class A: Ctrl-C at any prompt keeps what was typed in it, and the closing line says what was
kept and how to finish the rest. Each test drives the installed `prep` in a real pseudo-terminal,
presses Ctrl-C at one prompt in turn (after entering everything before it) and reads the files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest
import relkit

from interview_prep.banks.loader import load_catalog
from interview_prep.banks.model import PrepPrompt
from interview_prep.storage.interviews import load_interview
from interview_prep.storage.prep_block import read_prep

pytestmark = pytest.mark.slow

CTRL_C = "\x03"
DOWN = "\x1b[B"
PREP_PROMPTS: list[PrepPrompt] = list(load_catalog().prep.values())
KINDS = {prompt.prompt: prompt.kind for prompt in PREP_PROMPTS}


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = relkit.subprocess_env(home, TERM="xterm")
    try:
        return pexpect.spawn(
            str(relkit.PREP), list(args), env=env, encoding="utf-8", timeout=30, dimensions=(50, 250)
        )
    except (OSError, pexpect.ExceptionPexpect) as error:  # pragma: no cover - no pseudo-terminals
        pytest.skip(f"cannot open a pseudo-terminal: {error}")


def interrupt(child: pexpect.spawn, half_typed: str = "") -> str:
    """Type `half_typed` without Enter, press Ctrl-C; returns everything printed after."""
    if half_typed:
        child.send(half_typed)
        child.expect_exact(half_typed)  # echoed: the prompt holds it
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, child.before
    return " ".join(str(child.before).split())


# prep new ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    """Where Ctrl-C comes in `prep new`: at prompt `index` (-2 the picker, -1 the confirm),
    after `items` entered items of a list prompt, with `typed` half typed."""

    index: int
    items: int = 0
    typed: str = ""

    @property
    def name(self) -> str:
        if self.index < 0:
            return "picker" if self.index == -2 else "confirm"
        return f"{PREP_PROMPTS[self.index].id}-after-{self.items}"


def _stops() -> Iterator[Stop]:
    yield Stop(-2)
    yield Stop(-1)
    for index, prompt in enumerate(PREP_PROMPTS):
        yield Stop(index, 0, f"half typed {index}")
        if prompt.kind == "list":
            yield Stop(index, 2, f"half item {index}")
    yield Stop(0, 1)  # nothing half typed: only the entered item is kept


STOPS = list(_stops())


def _entered(index: int) -> str | list[str]:
    return [f"item {index}"] if PREP_PROMPTS[index].kind == "list" else f"answer {index}"


@pytest.mark.parametrize("stop", STOPS, ids=[stop.name for stop in STOPS])
def test_ctrl_c_at_each_prompt_of_prep_new_keeps_what_was_typed(prep_home: Path, stop: Stop) -> None:
    child = spawn(prep_home, "new", "acme")
    child.expect_exact("Questions for acme")
    if stop.index == -2:
        said = interrupt(child)
        assert not (prep_home / "acme").exists() and "nothing was saved" in said
        return
    child.send("\r")
    child.expect_exact("Write your own prep now")
    if stop.index == -1:
        said = interrupt(child)
        assert "prep new acme --prep" in said and read_prep(prep_home, "acme", KINDS) == {}
        return
    child.send("y")
    total = len(PREP_PROMPTS)
    for index in range(stop.index):
        child.expect_exact(f"[{index + 1}/{total}]")
        entered = _entered(index)
        child.send(f"{entered[0]}\r\r" if isinstance(entered, list) else f"{entered}\r")
    child.expect_exact(f"[{stop.index + 1}/{total}]")
    prompt = PREP_PROMPTS[stop.index]
    items = [f"entered {n}" for n in range(stop.items)]
    for number, item in enumerate(items, start=2):
        child.send(item + "\r")
        child.expect_exact(f"next ({number}/")
    said = interrupt(child, stop.typed)

    expected: dict[str, str | list[str]] = {PREP_PROMPTS[i].prompt: _entered(i) for i in range(stop.index)}
    typed = [*items, *([stop.typed] if stop.typed else [])]
    if typed:
        expected[prompt.prompt] = typed if prompt.kind == "list" else stop.typed
    assert read_prep(prep_home, "acme", KINDS) == expected
    assert "Stopped." in said and "prep new acme --prep" in said
    if typed:
        assert prompt.id in said, said  # the line names what it kept


def test_prep_new_with_prep_finishes_only_the_prompts_left_open(prep_home: Path) -> None:
    child = spawn(prep_home, "new", "acme")
    child.expect_exact("Questions for acme")
    child.send("\r")
    child.expect_exact("Write your own prep now")
    child.send("y")
    child.expect_exact(f"[1/{len(PREP_PROMPTS)}]")
    child.send("first\r")
    child.expect_exact("next (2/")
    interrupt(child, "second")

    child = spawn(prep_home, "new", "acme", "--prep")
    child.expect_exact("next (3/")  # the list goes on from its two saved items
    child.send("third\r\r")
    for index in range(1, len(PREP_PROMPTS)):
        child.expect_exact(f"[{index + 1}/{len(PREP_PROMPTS)}]")
        entered = _entered(index)
        child.send(f"{entered[0]}\r\r" if isinstance(entered, list) else f"{entered}\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = read_prep(prep_home, "acme", KINDS)
    assert answers[PREP_PROMPTS[0].prompt] == ["first", "second", "third"]
    assert all(PREP_PROMPTS[i].prompt in answers for i in range(len(PREP_PROMPTS)))


# prep ask: the edit prompt (/b). The red-flag and note prompts were rewritten by issue 16
# (menus that Esc or Ctrl-C back out of); their Ctrl-C cases are in that work's tests.


def _ask(home: Path) -> pexpect.spawn:
    child = spawn(home, "ask", "acme", "--with", "Dana:hiring-manager")
    child.expect_exact("Answer:")
    return child


def _interview(home: Path) -> object:
    (path,) = sorted((home / "acme" / "interviews").glob("*.md"))
    return load_interview(path)


@pytest.fixture
def acme(prep_home: Path) -> Path:
    relkit.new_company("acme")
    return prep_home


def test_ctrl_c_while_editing_an_answer_keeps_the_edit(acme: Path) -> None:
    child = _ask(acme)
    child.send("Two meetings a day\r")
    child.expect_exact("Saved answer 1")
    child.expect_exact("Answer:")
    child.send("/b\r")
    child.expect_exact("Editing your answer")
    child.expect_exact("Two meetings a day")
    interrupt(child, ", sometimes three")
    answers = _interview(acme).answers  # type: ignore[attr-defined]
    assert [a.text for a in answers] == ["Two meetings a day, sometimes three"]


# prep ask: the red-flag menu and the note prompt --------------------------------------

FLAG_WORDS = "Rude to the receptionist"


@pytest.mark.parametrize("at", ["Severity?", "About whom?"])
def test_ctrl_c_at_a_later_step_of_the_flag_menu_keeps_the_flag(acme: Path, at: str) -> None:
    """The issue's own case: an own-words red flag, then Ctrl-C at the severity (or whom) picker."""
    child = spawn(acme, "ask", "acme", "--with", "Dana:hiring-manager", "--with", "Lee:engineer")
    child.expect_exact("Answer:")
    child.send("/f\r")
    child.send(FLAG_WORDS + "\r")
    child.expect_exact("Severity?")
    if at == "About whom?":
        child.send("\r")
        child.expect_exact("About whom?")
    child.send(CTRL_C)
    child.expect_exact("Answer:")  # the menu backs out; the interview goes on
    child.send("/d\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    flags = _interview(acme).flags  # type: ignore[attr-defined]
    assert [flag.text for flag in flags] == [FLAG_WORDS]


def test_ctrl_c_in_a_half_typed_note_keeps_it(acme: Path) -> None:
    child = _ask(acme)
    child.send("/n\r")
    child.expect_exact("Note:")
    interrupt(child, "The office was silent")
    notes = _interview(acme).notes  # type: ignore[attr-defined]
    assert [note.text for note in notes] == ["The office was silent"]


# prep review: the reflection ----------------------------------------------------------

REFLECTION = [  # (prompt shown, keys that answer it, field, value saved)
    ("Gut score", DOWN + "\r", "gut", 2),  # one below the default 3
    ("What excited you?", "The mentoring\r", "excited", "The mentoring"),
    ("What worries you?", "On-call load\r", "worries", "On-call load"),
    ("Would you accept an offer today?", "\r", "accept", "unsure"),
]


@pytest.mark.parametrize("at", range(len(REFLECTION)), ids=[row[2] for row in REFLECTION])
def test_ctrl_c_at_each_reflection_prompt_keeps_what_was_entered(acme: Path, at: int) -> None:
    assert relkit.invoke("answer", "acme", "love", "The people", "--who", "Dana").code == 0
    child = spawn(acme, "review", "acme")
    for shown, keys, _field, _value in REFLECTION[:at]:
        child.expect_exact(shown)
        child.send(keys)
    shown, _keys, field, _value = REFLECTION[at]
    child.expect_exact(shown)
    half = "Half a thou" if field in ("excited", "worries") else ""
    said = interrupt(child, half)
    reflection = _interview(acme).reflection  # type: ignore[attr-defined]
    expected = {row[2]: row[3] for row in REFLECTION[:at]}
    if half:
        expected[field] = half
    got = {} if reflection is None else {name: getattr(reflection, name) for name in expected}
    assert got == expected
    assert "Stopped." in said and "prep reflect acme" in said
    flags = {"gut": "--gut", "excited": "--excited", "worries": "--worry", "accept": "--accept"}
    finish = said.split("prep reflect acme", 1)[1]
    assert [flag for name, flag in flags.items() if flag in finish] == [
        flag for name, flag in flags.items() if name not in expected
    ]
