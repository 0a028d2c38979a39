"""`/+` and `/-` in `prep ask`: your judgement of the last answer you saved, kept in its marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import interview_files, prep
from interview_prep.commands import ask as flow
from interview_prep.commands import ask_keys
from interview_prep.core.transcript import MARKS
from interview_prep.storage import entries
from interview_prep.storage.interviews import load_interview
from test_ask_flow import CHECKLIST, Keyboard, keyboard, make_company, start

__all__ = ["keyboard"]  # the fixture, shared with test_ask_flow


def marks(path: Path) -> list[tuple[str, str, str]]:
    return [(a.question_id, a.who, a.mark) for a in load_interview(path).answers]


def test_the_keys_are_keys_and_never_answers() -> None:
    assert ask_keys.command("/+") == "reassuring"
    assert ask_keys.command(" /- ") == "worrying"
    assert ask_keys.command("//+ more") is None  # '//' saves it as text


@pytest.mark.slow
def test_each_key_marks_the_last_answer_and_is_on_disk_at_the_next_prompt(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home, keep=CHECKLIST)
    keyboard.type(
        "Ship the billing rewrite\r",  # 0 define-success, Dana
        "/+\r",  # 1 mark it reassuring
        "Eight people\r",  # 2 tell-me-about-team, Dana
        "/-\r",  # 3 worrying
        "/+\r",  # 4 changed to reassuring
        "/+\r",  # 5 the same key again: unmarked
        "/-\r",  # 6 worrying again
        "/d\r",  # 7 finish
    )
    flow.run(start())
    seen = keyboard.prompts
    assert [p.interview.answers[0].mark for p in seen[2:3] if p.interview] == ["reassuring"]
    by_prompt = [p.interview.answers[-1].mark for p in seen[4:8] if p.interview]
    assert by_prompt == ["worrying", "reassuring", "", "worrying"]
    [path] = interview_files(prep_home, "acme")
    assert marks(path) == [
        ("define-success", "Dana", "reassuring"),
        ("tell-me-about-team", "Dana", "worrying"),
    ]
    assert "Eight people" in path.read_text()  # the text stays as typed


@pytest.mark.slow
def test_nothing_to_mark_before_an_answer_is_typed(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home, keep=CHECKLIST)
    keyboard.type("/+\r", "/d\r")
    flow.run(start())
    assert interview_files(prep_home, "acme") == []  # nothing was said, nothing kept


@pytest.mark.slow
def test_another_writers_newer_answer_is_never_the_one_marked(keyboard: Keyboard, prep_home: Path) -> None:
    """A one-shot `prep answer` lands between: /+ still marks the answer this session typed."""
    make_company(prep_home, keep=CHECKLIST)
    session = start()
    keyboard.type("Ship it\r", "/+\r", "/d\r")
    real_answer = flow.answer

    def answer_then_another_writer(*args: object, **kwargs: object) -> None:
        real_answer(*args, **kwargs)  # type: ignore[arg-type]
        assert prep("answer", "acme", "team-size", "twelve", "--who", "Lee")[0] == 0

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flow, "answer", answer_then_another_writer)
        flow.run(session)
    [path] = interview_files(prep_home, "acme")
    found = {(q, who): mark for q, who, mark in marks(path)}
    assert found == {("define-success", "Dana"): "reassuring", ("team-size", "Lee"): ""}


@pytest.mark.slow
def test_a_mark_keeps_every_other_field_and_an_edit_keeps_the_mark(prep_home: Path) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    assert prep("answer", "acme", "love", "line one\r\nline two", "--who", "Dana")[0] == 0
    [path] = interview_files(prep_home, "acme")
    [answer] = load_interview(path).answers
    before = path.read_text()
    entries.set_mark(path, answer, "worrying")
    after = path.read_text()
    assert after.replace(', "mark": "worrying"', "") == before  # one field added, nothing else
    [marked] = load_interview(path).answers
    assert marked.mark == "worrying" and marked.text == "line one\r\nline two"
    entries.edit_answer(path, marked, "line one, edited", "2026-12-02T10:00:00+00:00", [marked.text])
    assert load_interview(path).answers[0].mark == "worrying"
    entries.set_mark(path, load_interview(path).answers[0], "")
    assert '"mark"' not in path.read_text()


@pytest.mark.slow
@pytest.mark.parametrize("stored", ['"good"', "true", "1", '["worrying"]'])
def test_a_hand_written_mark_prep_does_not_know_is_no_mark(prep_home: Path, stored: str) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    assert prep("answer", "acme", "love", "x", "--who", "Dana")[0] == 0
    [path] = interview_files(prep_home, "acme")
    path.write_text(path.read_text().replace('"who": "Dana"', f'"who": "Dana", "mark": {stored}'))
    assert load_interview(path).answers[0].mark == ""
    assert set(MARKS) == {"reassuring", "worrying"}


@pytest.mark.slow
def test_a_reused_entry_number_is_refused_not_marked(prep_home: Path) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    assert prep("answer", "acme", "love", "x", "--who", "Dana")[0] == 0
    [path] = interview_files(prep_home, "acme")
    [answer] = load_interview(path).answers
    path.write_text(path.read_text().replace('"who": "Dana"', '"who": "Lee"'))  # a hand edit
    before = path.read_text()
    from interview_prep.errors import PrepError

    with pytest.raises(PrepError):
        entries.set_mark(path, answer, "reassuring")
    assert path.read_text() == before
