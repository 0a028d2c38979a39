"""The live plan in `prep ask`: the clock, where you are in each person's share, and the rest of the
checklist on demand (/l, /a ID). Typed through the real prompts (pipe input); the clock is a callable
that moves a set number of minutes each time a prompt appears, so no test sleeps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interview_prep.commands import ask as flow
from interview_prep.commands import ask_clock
from interview_prep.commands import plan as planning
from interview_prep.commands.context import Context
from interview_prep.core import fitting
from interview_prep.core.interview import Step
from interview_prep.storage.interviews import load_interview
from test_ask_flow import PANEL, Keyboard, answers, keyboard, make_company, start

__all__ = ["keyboard"]

EVERYONE = {"love", "hate"}


def timed(keyboard: Keyboard, minutes: float, per_prompt: float) -> flow.Session:
    """A session with --minutes whose clock moves `per_prompt` minutes at each prompt shown."""
    session = flow.start(Context(), "acme", PANEL, "", resume=None, minutes=minutes)
    session.clock = ask_clock.Clock(minutes, lambda: len(keyboard.prompts) * per_prompt * 60)
    return session


def readings(out: str) -> list[str]:
    return re.findall(r"(\d+ of \d+ min, \d+ (?:left|over))", out)


@pytest.mark.slow
def test_the_key_line_shows_minutes_used_and_left_and_then_over(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home)
    planned = planning.build(Context(), "acme", PANEL, 10)
    keyboard.type(*(f"answer {n}\r" for n in range(len(planned.steps))), "\r")
    flow.run(timed(keyboard, 10, 4))
    # the question is drawn before its prompt: the first reads 0, the next 4, ... past the end, "over"
    expected = [4 * n for n in range(len(planned.steps))]
    shown = readings(capsys.readouterr().out)
    assert shown == [f"{m} of 10 min, {abs(10 - m)} {'left' if m <= 10 else 'over'}" for m in expected]


@pytest.mark.slow
def test_without_minutes_there_is_no_clock(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type("/d\r")
    flow.run(start())
    assert readings(capsys.readouterr().out) == []


@pytest.mark.slow
def test_when_time_runs_short_love_and_hate_come_next_said_once_and_nothing_is_lost(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home)
    planned = planning.build(Context(), "acme", PANEL, 30)
    first_everyone = next(n for n, s in enumerate(planned.steps) if s.question_id in EVERYONE)
    assert first_everyone >= 3, "the plan must hold other questions before love and hate for this test"
    keyboard.type(*(f"answer {n}\r" for n in range(len(planned.steps))), "\r")
    session = timed(keyboard, 30, 6)
    flow.run(session)
    asked = [(a.question_id, a.who) for a in load_interview(session.path).answers]
    assert sorted(asked) == sorted((s.question_id, s.who) for s in planned.steps), "the same plan, reordered"
    # After 3 answers 18 of 30 minutes are gone: 12 left is under what love and hate need (4 x 2.5)
    # plus one more question, so all four come next, one after the other.
    everyone_at = [n for n, (qid, _) in enumerate(asked) if qid in EVERYONE]
    assert everyone_at == [3, 4, 5, 6]
    out = capsys.readouterr().out
    assert out.count("love and hate come next") == 1
    said = out.index("love and hate come next")
    assert out.count("Ask ", 0, said) == 3, "the line comes right before the first of them"


@pytest.mark.parametrize(
    ("left", "moved"),
    [(100, False), (12.5, False), (12.4, True), (1, True), (-3, True)],
)
def test_love_and_hate_move_up_exactly_when_one_more_question_would_crowd_them_out(
    left: float, moved: bool
) -> None:
    steps = [
        Step("day-in-the-life", "Dana", "", "", "must"),
        Step("love", "Dana", "", "", "must"),
        Step("team-size", "Dana", "", "", "should"),
        Step("hate", "Dana", "", "", "must"),
        Step("love", "Lee", "", "", "must"),
        Step("hate", "Lee", "", "", "must"),
    ]
    ordered = fitting.love_and_hate_first(steps, EVERYONE, left)
    assert sorted(ordered, key=repr) == sorted(steps, key=repr)
    ids = [s.question_id for s in ordered]
    if moved:
        assert ids == ["love", "hate", "love", "hate", "day-in-the-life", "team-size"]
    else:
        assert ordered == steps


@pytest.mark.slow
def test_without_minutes_the_position_counts_the_rest_of_the_persons_plan(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["define-success", "tell-me-about-team", "love", "hate"])
    keyboard.type("a\r", "b\r", "/d\r")
    session = start()
    dana = [s for s in session.upcoming()[0] if s.who == "Dana"]
    flow.run(session)
    out = capsys.readouterr().out
    assert f"question 1 of {len(dana)} for Dana" in out
    assert f"question 2 of {len(dana)}" in out


# ------------------------------------------------------------------ /l and /a


@pytest.mark.slow
def test_l_shows_the_plan_and_the_rest_of_the_checklist_on_one_narrow_screen(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("LINES", "20")
    make_company(prep_home)
    keyboard.type("/l\r", "/d\r")
    session = flow.start(Context(), "acme", PANEL, "", resume=None, minutes=10)
    planned = session.upcoming()[0]
    flow.run(session)
    out = capsys.readouterr().out
    shown = out[out.index("Still in this interview's plan") :].split("\n")
    shown = shown[: next(n for n, line in enumerate(shown) if line.startswith("Saving") or not line)]
    assert len(shown) <= 20 // 2 + 1, "half the screen: the question shown again below stays in sight"
    assert all(len(line) <= 40 for line in shown)
    listed = [s for s in planned if f"  {s.question_id} ({s.who})" in out]
    assert listed and listed == planned[: len(listed)], "the plan's next questions, in order"
    if len(listed) < len(planned):
        assert f"… and {len(planned) - len(listed)} more\n" in out, "what did not fit is counted"
    cut = [line for line in shown if len(line) == 40]
    assert cut and all(line.endswith("…") for line in cut), "a long line is cut with an ellipsis"
    assert re.search(r"… and \d+ more \(prep open acme\)", out), "what did not fit is counted"


@pytest.mark.slow
def test_a_id_asks_that_question_next_for_the_person_it_suits_then_the_plan_goes_on(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["define-success", "love", "hours-per-week"])
    keyboard.type("/a hours-per-week\r", "about 45\r", "defined by shipping\r", "/d\r")
    session = start()
    first = session.next_step()
    assert first is not None and first.who == "Dana" and first.question_id != "hours-per-week"
    flow.run(session)
    got = answers(load_interview(session.path))
    assert [(qid, who) for _, qid, who, _ in got] == [
        ("hours-per-week", "Lee"),  # an engineer's question: Dana is a hiring manager
        (first.question_id, "Dana"),  # the question on screen comes back, not skipped
    ]


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["/a no-such-question", "/a defne-success", "/a", "/A"])
def test_a_with_an_unknown_or_missing_id_is_one_line_and_saves_nothing(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type(typed + "\r", "/d\r")
    session = start()
    flow.run(session)
    assert not session.path.exists(), "nothing was saved"
    out = " ".join(capsys.readouterr().out.split())
    [said] = re.findall(r"(?:No question '[^']*' here|Type /a and).*?/l lists the ids\.", out)
    if typed == "/a defne-success":
        assert "Did you mean define-success?" in said
