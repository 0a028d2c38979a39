"""`prep new` on a terminal: the question picker and the own-prep prompts, through real questionary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from interview_prep import prompts
from interview_prep.commands import companies
from interview_prep.commands.context import Context
from interview_prep.storage.companies import company_file

ENTER = "\r"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.mark.slow
def test_picker_keeps_the_tailored_selection_and_space_unticks(keys: PipeInput) -> None:
    context = Context()
    plan = companies.plan_new_company(context, "acme", companies.Tailoring(stage="startup"), [])
    keys.send_text(" " + ENTER)  # untick the first question, accept the rest
    picked = prompts.pick_questions(plan.candidates, plan.tailored, "acme")
    assert [q.id for q in picked] == [q.id for q in plan.tailored][1:]


@pytest.mark.slow
def test_own_prep_is_saved_answer_by_answer_and_survives_ctrl_c(keys: PipeInput, prep_home: Path) -> None:
    context = Context()
    plan = companies.plan_new_company(context, "acme", companies.Tailoring(), [])
    companies.create(context, plan, plan.tailored)
    path = company_file(prep_home, "acme")
    key_messages = plan.prep_prompts[0]
    assert key_messages.id == "key-messages"
    snapshots: list[str] = []

    def save(answers: prompts.PrepAnswers) -> None:
        companies.save_prep(context, "acme", answers)
        snapshots.append(path.read_text())

    keys.send_text(
        "y" + "I ship" + ENTER + "I mentor" + ENTER + ENTER + "A big win" + ENTER + "half typed\x03"
    )
    with pytest.raises(KeyboardInterrupt):
        prompts.self_prep(plan.prep_prompts, save)
    text = path.read_text()
    assert "- I ship\n- I mentor\n" in text and "A big win" in text
    assert "half typed" in text  # Ctrl-C keeps the text typed so far
    # each list item is on disk as it is entered, then the win, then the half-typed answer
    assert len(snapshots) == 4 and "- I ship\n" in snapshots[0] and "I mentor" not in snapshots[0]
    assert "A big win" not in snapshots[1] and "half typed" not in snapshots[2]
    assert text.count("<!-- prep:begin prep -->") == 1 and "<!-- q:love -->" in text
