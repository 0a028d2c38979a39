"""A question's caution is shown, on one line, wherever the question is put to the candidate."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.loader import load_catalog
from interview_prep.banks.model import Question
from interview_prep.core import checklist
from interview_prep.core.interview import plan
from interview_prep.core.transcript import Interview, Interviewer
from interview_prep.render import ask_screen
from interview_prep.render.console import console
from interview_prep.storage import companies

CAUTION = "Tells {interviewer} you may leave soon; keep it for after the offer at {company}."

USER_BANK = """\
bank: mine
title: Mine
description: A question with a caution.
questions:
  - id: internal-moves
    text: How often do people here move to another team?
    category: growth
    why: Moves show whether growth is possible without leaving.
    ask: [everyone]
    when: [onsite]
    priority: must
    listen_for:
      good: [Moves every year, named, Managers help people move]
      worrying: [Nobody has moved, Moving is seen as disloyal]
    caution: >
      Some managers hear this as a plan to leave the team soon;
      ask it of a peer rather than of the hiring manager at {company}.
"""


def question(caution: str | None) -> Question:
    base = Question(
        id="q",
        bank="b",
        text="How often do people move teams?",
        category="growth",
        why="Growth without leaving.",
        ask=("everyone",),
        when=("onsite",),
        priority="must",
        good=("g", "g2"),
        worrying=("w", "w2"),
    )
    return dataclasses.replace(base, caution=caution)


DANA = [Interviewer("Dana", "engineer")]


def fresh_interview() -> Interview:
    return Interview("2026-11-22-1", "acme", "onsite", "2026-11-22T14:00:00+00:00", DANA)


def test_caution_line_is_one_filled_line_or_none() -> None:
    line = checklist.caution_line(question(CAUTION), "Acme", "Dana")
    assert line == "Careful: Tells Dana you may leave soon; keep it for after the offer at Acme."
    assert checklist.caution_line(question(None), "Acme") is None
    assert "\n" not in (checklist.caution_line(question("a\n b\tc"), "Acme") or "\n")


def test_the_ask_screen_shows_the_caution_under_the_question_on_one_line() -> None:
    steps = plan([question(CAUTION)], DANA, "Acme", [], fresh_interview())
    assert steps[0].caution == "Careful: Tells Dana you may leave soon; keep it for after the offer at Acme."
    out = console(width=40)
    with out.capture() as captured:
        ask_screen.Screen().question(steps[0])
    lines = captured.get().splitlines()
    careful = [line for line in lines if line.startswith("Careful:")]
    assert len(careful) == 1 and len(careful[0]) <= 40, lines
    assert lines.index(careful[0]) > lines.index(next(line for line in lines if line.startswith("Why:")))


def test_the_ask_screen_shows_no_caution_line_when_there_is_none() -> None:
    steps = plan([question(None)], DANA, "Acme", [], fresh_interview())
    out = console(width=100)
    with out.capture() as captured:
        ask_screen.Screen().question(steps[0])
    assert "Careful" not in captured.get()


@pytest.fixture
def bank_with_caution(prep_home: Path) -> Path:
    folder = prep_home / "banks"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(USER_BANK, encoding="utf-8")
    return folder


def test_the_company_checklist_carries_the_caution_under_its_question(
    prep_home: Path, bank_with_caution: Path
) -> None:
    code, out, err = prep("new", "Acme", "--no-input")
    assert code == 0, out + err
    path = prep_home / "acme" / "company.md"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    item = next(index for index, line in enumerate(lines) if "<!-- q:internal-moves -->" in line)
    assert lines[item + 1] == (
        "  - Careful: Some managers hear this as a plan to leave the team soon; "
        "ask it of a peer rather than of the hiring manager at Acme."
    )
    # The caution line is not a checklist item, and ticking leaves it alone.
    ids = [entry.question_id for entry in companies.parse_checklist(text, path)]
    assert "internal-moves" in ids and len(ids) == len(set(ids))
    companies.tick_checklist(prep_home, "acme", ["internal-moves"])
    ticked = path.read_text(encoding="utf-8").splitlines()
    assert ticked[item].startswith("- [x]") and ticked[item + 1] == lines[item + 1]


def test_a_hostile_caution_cannot_break_the_company_file(prep_home: Path) -> None:
    group = companies.ChecklistGroup(
        "Growth",
        [("internal-moves", "How often?", "must")],
        {"internal-moves": "Careful: x\n<!-- prep:end checklist -->\n- [ ] fake <!-- q:fake -->"},
    )
    company = companies.Company(name="Acme", slug="acme", created="2026-11-22T14:00:00+00:00")
    companies.create_company(prep_home, company, [], [group])
    assert [item.question_id for item in companies.read_checklist(prep_home, "acme")] == ["internal-moves"]


def test_the_picker_shows_the_caution_as_the_choice_description(
    prep_home: Path, bank_with_caution: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_prep import prompts

    seen: dict[str, object] = {}

    def fake_checkbox(message: str, choices: list[object], **_: object) -> object:
        seen.update({c.value: c.description for c in choices if hasattr(c, "value")})  # type: ignore[attr-defined]

        class Answer:
            def unsafe_ask(self, *args: object, **kwargs: object) -> list[str]:
                return []

        return Answer()

    monkeypatch.setattr(prompts.questionary, "checkbox", fake_checkbox)
    catalog_question = load_catalog(bank_with_caution).question("internal-moves")
    prompts.pick_questions([catalog_question], [], "Acme")
    shown = str(seen["internal-moves"])  # wrapped at words to the terminal's width
    assert " ".join(shown.split()) == checklist.caution_line(catalog_question, "Acme")


def test_banks_show_and_json_carry_the_caution_and_the_limits(
    prep_home: Path, bank_with_caution: Path
) -> None:
    code, out, _ = prep("banks", "show", "internal-moves")
    assert code == 0
    assert "Careful: Some managers hear this as a plan to leave the team soon;" in " ".join(out.split())
    code, out, _ = prep("banks", "list", "--json")
    data = {q["id"]: q for q in json.loads(out)["questions"]}
    assert data["internal-moves"]["caution"].startswith("Some managers hear this")
    limited = [q for q in data.values() if "tracks" in q or "company_types" in q]
    assert limited, "the shipped banks have track and company-type questions"
    assert all(set(q.get("tracks", [])) | set(q.get("company_types", [])) for q in limited)
