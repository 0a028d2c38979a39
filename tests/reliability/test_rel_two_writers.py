"""Class C: two writers, one target. `/b` edits this session's own answer, found by its number
and checked by its question, person and time; a second live `prep ask` on a company is refused."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pexpect
import pytest
import relkit

from interview_prep import prompts
from interview_prep.commands import ask as flow
from interview_prep.commands.context import Context
from interview_prep.core.interview import Step
from interview_prep.errors import PrepError
from interview_prep.render import ask_screen
from interview_prep.storage import interviews

PANEL = ["Dana:hiring-manager"]


def _session() -> flow.Session:
    relkit.new_company("acme")
    return flow.start(Context(), "acme", PANEL, "onsite", resume=None)


def _step(question_id: str) -> Step:
    return Step(question_id, "Dana", f"Question {question_id}?", "why ask", "must")


def _edit_with(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(prompts, "answer", lambda *args, **kwargs: text)


# (own answers, then answers other writers add) in the order they reach the file.
SCHEDULES = [
    ["own", "other"],
    ["own", "other", "other", "other"],
    ["other", "own", "other"],
    ["own", "own", "other"],
    ["own", "other", "own", "other", "other"],
]


@pytest.mark.slow
@pytest.mark.parametrize("schedule", SCHEDULES, ids=["-".join(s) for s in SCHEDULES])
def test_back_edits_this_sessions_answer_never_another_writers(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch, schedule: list[str]
) -> None:
    session = _session()
    screen = ask_screen.Screen()
    for index, writer in enumerate(schedule):
        if writer == "own":
            flow.answer(session, screen, _step("love"), f"own answer {index}")
        else:  # another terminal: a one-shot into the same open interview
            outcome = relkit.invoke("answer", "acme", "hate", f"other answer {index}", "--who", "Lee")
            assert outcome.code == 0, outcome.stderr
    before = {a.number: a.text for a in session.current().answers}
    _edit_with(monkeypatch, "edited by me")
    flow.back(session, screen)
    after = {a.number: a.text for a in session.current().answers}
    own_last = max(n for n, text in before.items() if text.startswith("own"))
    assert after == {**before, own_last: "edited by me"}
    raw = next(e for e in interviews.raw_entries(session.path) if e.number == own_last)
    assert raw.meta["earlier"] == [before[own_last]]


@pytest.mark.slow
def test_back_with_only_other_writers_answers_edits_nothing(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session()
    assert relkit.invoke("answer", "acme", "hate", "theirs", "--who", "Lee").code == 0
    before = session.path.read_bytes()
    _edit_with(monkeypatch, "should not land anywhere")
    flow.back(session, ask_screen.Screen())
    assert session.path.read_bytes() == before


def test_an_entry_changed_by_hand_is_not_overwritten_and_the_words_are_kept(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session()
    screen = ask_screen.Screen()
    flow.answer(session, screen, _step("love"), "mine")
    text = session.path.read_text()
    assert text.count('"q": "love"') == 1
    session.path.write_text(text.replace('"q": "love"', '"q": "hate"'))  # the entry now means another answer
    _edit_with(monkeypatch, "my correction")
    flow.back(session, screen)
    current = session.current()
    assert [a.text for a in current.answers] == ["mine"]
    assert [n.text for n in current.notes] == ["my correction"]


PREP = Path(sys.executable).with_name("prep")


def _spawn(home: Path) -> pexpect.spawn:
    env = relkit.subprocess_env(home, TERM="xterm")
    try:
        return pexpect.spawn(
            str(PREP), ["ask", "acme", "--with", "Dana:hiring-manager"], env=env, encoding="utf-8", timeout=20
        )
    except (OSError, pexpect.ExceptionPexpect) as error:  # pragma: no cover - no pseudo-terminals here
        pytest.skip(f"cannot open a pseudo-terminal: {error}")


@pytest.mark.slow
def test_a_second_live_ask_on_one_company_is_refused_with_one_line(prep_home: Path) -> None:
    relkit.new_company("acme")
    first = _spawn(prep_home)
    first.expect_exact("Answer:")
    before = relkit.snapshot(prep_home)
    second = _spawn(prep_home)
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 2
    lines = [line for line in second.before.splitlines() if line.strip()]
    assert len(lines) == 1 and "prep ask acme" in lines[0] and relkit.TRACEBACK not in second.before
    assert relkit.snapshot(prep_home) == before
    first.send("/d\r")
    first.expect(pexpect.EOF)
    third = _spawn(prep_home)  # the first one finished: free again
    third.expect_exact("Answer:")
    os.kill(third.pid, signal.SIGKILL)  # a killed session frees the company at once
    third.expect(pexpect.EOF)
    fourth = _spawn(prep_home)
    fourth.expect_exact("Resume the unfinished interview")
    fourth.sendintr()
    fourth.expect(pexpect.EOF)


@pytest.mark.slow
def test_a_session_lock_linked_to_an_outside_file_is_refused_and_never_chmodded(
    prep_home: Path, tmp_path: Path
) -> None:
    relkit.new_company("acme")
    outside = tmp_path / "outside.txt"
    outside.write_text("not prep's")
    outside.chmod(0o644)
    os.link(outside, prep_home / "acme" / ".ask-session")
    with pytest.raises(PrepError, match=str(prep_home / "acme" / ".ask-session")):
        flow.start(Context(), "acme", PANEL, "onsite", resume=None)
    assert outside.stat().st_mode & 0o777 == 0o644 and outside.read_text() == "not prep's"
