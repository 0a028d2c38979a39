"""`prep plan --round` honours each question's `when:`, `values:` from config.yaml put the questions
about them first, `--json` prints the plan, and `prep ask` follows the very same plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.model import WHEN
from interview_prep.commands import ask as flow
from interview_prep.commands import plan as planning
from interview_prep.commands.context import Context
from interview_prep.core.values import questions_about
from interview_prep.storage.interviews import load_interview
from test_ask_flow import Keyboard, keyboard, make_company

__all__ = ["keyboard"]

PANEL = ["Sam:recruiter", "Dana:hiring-manager", "Lee:engineer"]


def every_step(round_name: str = "") -> list[tuple[str, str]]:
    """The whole plan (no cap): what --round and values decide before the minutes cut it."""
    found = planning.build(Context(), "acme", PANEL, 1000, round_name)
    return [(step.question_id, step.who) for step in found.steps]


@pytest.mark.slow
@pytest.mark.parametrize("stage", WHEN)
def test_a_round_asks_only_the_questions_meant_for_it_and_love_and_hate(prep_home: Path, stage: str) -> None:
    make_company(prep_home)
    catalog = Context().catalog()
    steps = every_step(stage)
    assert steps
    for question_id, _ in steps:
        question = catalog.questions[question_id]
        assert question.for_everyone or stage in question.when, f"{question_id} is not for {stage}"
    assert {"love", "hate"} <= {qid for qid, _ in steps}


@pytest.mark.slow
def test_without_a_round_questions_only_for_the_offer_wait_until_there_is_one(prep_home: Path) -> None:
    make_company(prep_home)
    catalog = Context().catalog()
    offer_only = {q.id for q in catalog.questions.values() if tuple(q.when) == ("offer",)}
    planned = {qid for qid, _ in every_step()}
    assert offer_only and not planned & offer_only
    assert {qid for qid, _ in every_step("offer")} & offer_only, "--round offer brings them in"
    assert prep("status", "acme", "offer")[0] == 0
    assert {qid for qid, _ in every_step()} & offer_only, "so does an offer on the table"


def test_an_unknown_round_is_one_line(prep_home: Path) -> None:
    make_company(prep_home)
    code, out, err = prep("plan", "acme", "--round", "lunch")
    assert code == 2 and out == "" and err.count("\n") == 1 and "screen, onsite, final, offer" in err


@pytest.mark.slow
def test_values_put_the_questions_about_them_first_within_each_priority(prep_home: Path) -> None:
    make_company(prep_home)
    plain = planning.build(Context(), "acme", PANEL, 1000).steps
    (prep_home / "config.yaml").write_text("values:\n  - remote work\n  - mentoring\n")
    lifted = planning.build(Context(), "acme", PANEL, 1000).steps
    assert sorted(map(repr, plain)) == sorted(map(repr, lifted)), "the same questions, reordered"
    about = set().union(
        *questions_about(
            ["remote work", "mentoring"], [Context().catalog().questions[s.question_id] for s in plain]
        ).values()
    )
    assert about, "the shipped checklist has questions about these values"
    for priority in ("must", "should", "could"):
        mine = [
            s.question_id for s in lifted if s.priority == priority and s.question_id not in {"love", "hate"}
        ]
        firsts = [qid in about for qid in mine]
        assert firsts == sorted(firsts, reverse=True), f"{priority}: every lifted question before the rest"
    code, out, _ = prep("plan", "acme", "--with", PANEL[0])
    assert code == 0
    footer = " ".join(out.rstrip("\n").split("\n\n")[-1].split())
    assert "remote work (" in footer and "mentoring (" in footer and "first within each priority" in footer


@pytest.mark.slow
def test_without_values_the_footer_says_how_to_add_them(prep_home: Path) -> None:
    make_company(prep_home)
    code, out, _ = prep("plan", "acme", "--with", PANEL[0])
    assert code == 0 and "values:" in out.rstrip("\n").split("\n\n")[-1]


def test_plan_json_has_each_persons_questions_within_the_minutes(prep_home: Path) -> None:
    make_company(prep_home)
    args = ["plan", "acme", "--minutes", "20", "--round", "onsite", "--json"]
    code, out, _ = prep(*args, *(f"--with={p}" for p in PANEL))
    assert code == 0
    data = json.loads(out)
    assert data["format"] == 1 and data["round"] == "onsite" and data["minutes"] == 20
    assert [p["name"] for p in data["people"]] == ["Sam", "Dana", "Lee"]
    count = sum(len(p["questions"]) for p in data["people"])
    assert count * data["minutes_per_question"] == data["minutes_needed"] <= 20


@pytest.mark.slow
@pytest.mark.parametrize("round_name", ["screen", "offer", "chat"])
def test_ask_follows_the_same_plan_with_the_same_round_and_values(
    keyboard: Keyboard, prep_home: Path, round_name: str
) -> None:
    make_company(prep_home)
    (prep_home / "config.yaml").write_text("values: [remote work, mentoring]\n")
    panel = PANEL[:2]
    planned = planning.build(Context(), "acme", panel, 10, round_name if round_name in WHEN else "")
    keyboard.type(*(f"answer {n}\r" for n in range(len(planned.steps))), "\r")
    session = flow.start(Context(), "acme", panel, round_name, resume=None, minutes=10)
    flow.run(session)
    asked = [(a.question_id, a.who) for a in load_interview(session.path).answers]
    assert asked == [(s.question_id, s.who) for s in planned.steps]


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["40", "100"])
def test_plan_text_wraps_at_words_within_the_terminal(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    make_company(prep_home)
    (prep_home / "config.yaml").write_text("key_messages: [I moved a payments ledger to a new database]\n")
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = prep("plan", "acme", "--with", PANEL[1], "--with", PANEL[2], "--minutes", "15")
    assert code == 0
    assert all(len(line) <= int(columns) for line in out.split("\n"))
    tokens = out.split()
    found = planning.build(Context(), "acme", PANEL[1:], 15)
    for text in [s.text for s in found.steps] + found.key_messages:
        assert [w for w in text.split() if w not in tokens] == [], f"cut mid-word: {text}"
