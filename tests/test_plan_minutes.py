"""`prep plan` and `prep ask --minutes` follow one plan and stay within the minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import prep
from interview_prep.commands import ask as flow
from interview_prep.commands import plan as planning
from interview_prep.commands.context import Context
from interview_prep.core import fitting
from interview_prep.storage.interviews import load_interview
from test_ask_flow import PANEL, Keyboard, keyboard, make_company

__all__ = ["keyboard"]


@pytest.mark.slow
@pytest.mark.parametrize("minutes", [5, 10, 15, 25])
def test_ask_with_minutes_asks_exactly_the_plan_within_the_minutes(
    keyboard: Keyboard, prep_home: Path, minutes: int, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home)
    planned = planning.build(Context(), "acme", PANEL, minutes)
    assert planned.steps and fitting.minutes_needed(planned.steps) <= minutes
    assert {step.who for step in planned.steps} == {"Dana", "Lee"}  # everyone gets a share
    keyboard.type(*(f"answer {n}\r" for n in range(len(planned.steps))), "\r")
    session = flow.start(Context(), "acme", PANEL, "", resume=None, minutes=minutes)
    flow.run(session)
    asked = [(a.question_id, a.who) for a in load_interview(session.path).answers]
    assert asked == [(step.question_id, step.who) for step in planned.steps]
    out = capsys.readouterr().out
    dana = [step for step in planned.steps if step.who == "Dana"]
    assert (
        f"question 1 of {len(dana)} for Dana" in out
        and f"question {len(dana)} of {len(dana)} for Dana" in out
    )


@pytest.mark.slow
def test_love_and_hate_come_first_in_each_share_and_plan_prints_the_costing(prep_home: Path) -> None:
    make_company(prep_home)
    planned = planning.build(Context(), "acme", PANEL, 5)  # one question each
    assert [(s.question_id, s.who) for s in planned.steps] == [("love", "Dana"), ("love", "Lee")]
    code, out, _ = prep("plan", "acme", "--with", PANEL[0], "--with", PANEL[1], "--minutes", "5")
    out = " ".join(out.split())  # wrapped at words to the terminal's width
    assert code == 0 and "costed at 2.5 minutes" in out and "Dana (hiring manager): 1 question" in out


@pytest.mark.slow
def test_plan_without_minutes_is_a_few_questions_each_and_bad_minutes_are_one_line(prep_home: Path) -> None:
    make_company(prep_home)
    planned = planning.build(Context(), "acme", PANEL, None)
    assert all(len(planned.for_person(name)) <= fitting.DEFAULT_PER_PERSON for name in ("Dana", "Lee"))
    code, out, err = prep("plan", "acme", "--with", PANEL[0], "--minutes", "0")
    assert code == 2 and out == "" and err.count("\n") == 1 and "--minutes" in err
