"""The installed `prep ask` in a real pseudo-terminal (pexpect), typed at like a person would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import interview_files, prep
from interview_prep.commands.ask import company_checklist
from interview_prep.commands.context import Context
from interview_prep.core.interview import Step, plan
from interview_prep.core.transcript import Interview, Interviewer
from interview_prep.storage.companies import resolve_company
from interview_prep.storage.interviews import load_interview

PREP = Path(sys.executable).parent / "prep"


def spawn(*args: str) -> pexpect.spawn:
    assert PREP.exists(), f"the installed prep is missing next to {sys.executable}"
    env = {
        **os.environ,
        "TERM": "xterm",
        "NO_COLOR": "1",
        # Nothing answers prompt_toolkit's cursor-position query here; do not wait for one.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    try:
        return pexpect.spawn(
            str(PREP), list(args), env=env, encoding="utf-8", timeout=10, dimensions=(40, 120)
        )
    except (OSError, pexpect.ExceptionPexpect) as error:  # no pseudo-terminals on this machine
        pytest.skip(f"cannot open a pseudo-terminal: {error}")


@pytest.fixture
def acme(prep_home: Path) -> Path:
    code, _, err = prep("new", "acme", "--no-input")
    assert code == 0, err
    return prep_home


def first_steps(home: Path) -> list[Step]:
    """What the planner will ask Dana first, from acme's checklist (so bank edits do not break this)."""
    context = Context()
    company = resolve_company(home, "acme")
    checklist = company_checklist(context, company, context.catalog())
    panel = [Interviewer("Dana", "hiring-manager")]
    return plan(checklist, panel, "acme", [], Interview("now", "acme", "", "", panel))[:2]


def answer_prompt(child: pexpect.spawn, step: Step) -> None:
    child.expect_exact(f"Ask Dana: {step.text[:40]}")
    child.expect_exact("Answer:")


@pytest.mark.slow
def test_a_short_interview_typed_in_a_real_terminal(acme: Path) -> None:
    first, second = first_steps(acme)
    child = spawn("ask", "acme", "--with", "Dana:hiring-manager", "--round", "onsite")
    try:
        child.expect_exact("acme: interviewing with Dana (hiring manager)")
        answer_prompt(child, first)
        child.send("Mostly deep work, two meetings a day\r")
        child.expect_exact("Saved answer 1 to acme/interviews/")
        answer_prompt(child, second)
        child.send("To own the billing rewrite\r")
        child.expect_exact("Saved answer 2 to acme/interviews/")
        child.expect_exact("Answer:")
        child.send("/n\r")
        child.expect_exact("Note:")
        child.send("She checked her phone twice\r")
        child.expect_exact("Saved note 3 to acme/interviews/")
        child.expect_exact("Answer:")
        child.send("/d\r")
        child.expect_exact("Finished: 2 answers, 0 red flags, 1 note in acme/interviews/")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0

    [path] = interview_files(acme, "acme")
    interview = load_interview(path)
    assert path.name.endswith("-onsite.md") and interview.finished is True
    assert [(a.number, a.question_id, a.who, a.text) for a in interview.answers] == [
        (1, first.question_id, "Dana", "Mostly deep work, two meetings a day"),
        (2, second.question_id, "Dana", "To own the billing rewrite"),
    ]
    assert [(n.number, n.text) for n in interview.notes] == [(3, "She checked her phone twice")]
    assert interview.flags == [] and interview.skips == []


@pytest.mark.slow
def test_ctrl_c_in_a_real_terminal_keeps_the_half_typed_answer_and_exits_130(acme: Path) -> None:
    first = first_steps(acme)[0]
    child = spawn("ask", "acme", "--with", "Dana:hiring-manager")
    try:
        answer_prompt(child, first)
        child.send("Meetings until no")
        child.expect_exact("Meetings until no")  # echoed: the prompt has it in its buffer
        child.sendintr()
        child.expect_exact("Stopped. Everything you typed is saved")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 130

    [path] = interview_files(acme, "acme")
    interview = load_interview(path)
    assert [(a.question_id, a.text) for a in interview.answers] == [(first.question_id, "Meetings until no")]
    assert interview.finished is False
