"""`prep new` pre-ticks a focused set, not every tailored question: love and hate, then up to
MUSTS_PER_INTERVIEWER must-asks for each interviewer type expected (seed 003: come with three to
five questions), nothing meant only for the offer stage. Driven through the real picker (pipe input)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from interview_prep import prompts
from interview_prep.banks.model import AUDIENCES
from interview_prep.commands import companies
from interview_prep.commands.context import Context
from interview_prep.core.checklist import MUSTS_PER_INTERVIEWER

TYPES = [t for t in AUDIENCES if t != "everyone"]


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_the_cap_is_three_to_five_per_interviewer() -> None:
    assert 3 <= MUSTS_PER_INTERVIEWER <= 5


@pytest.mark.parametrize(
    ("told", "types"),
    [
        (companies.Tailoring(), []),
        (companies.Tailoring(stage="startup"), ["hiring-manager"]),
        (companies.Tailoring(stage="public", manager=True), ["hiring-manager", "engineer"]),
        (companies.Tailoring(role="Staff Engineer"), ["recruiter"]),
        (companies.Tailoring(size="large"), ["executive", "engineer", "recruiter"]),
    ],
)
def test_the_focused_set_is_love_hate_and_a_few_musts_per_interviewer_type(
    told: companies.Tailoring, types: list[str]
) -> None:
    plan = companies.plan_new_company(Context(), "acme", told, types)
    focused = plan.focused
    ids = [q.id for q in focused]
    expected_types = types or TYPES
    assert {"love", "hate"} <= set(ids)
    assert len(focused) <= 2 + MUSTS_PER_INTERVIEWER * len(expected_types)
    assert len(focused) < len(plan.tailored), "fewer than every tailored question"
    assert all(q.priority == "must" for q in focused)
    assert all(tuple(q.when) != ("offer",) for q in focused), "offer-stage questions wait for the offer"
    candidates = [q.id for q in plan.candidates]
    assert ids == [i for i in candidates if i in set(ids)], "in checklist order"
    for kind in expected_types:
        theirs = [q for q in focused if kind in q.ask and not q.for_everyone]
        musts = [
            q for q in plan.candidates if q.priority == "must" and kind in q.ask and q.when != ("offer",)
        ]
        assert theirs or not musts, f"{kind} gets must-asks when there are any"
    for q in focused:
        assert q.for_everyone or set(q.ask) & set(expected_types)
    line = plan.focus_line()
    assert f"Pre-ticked {len(focused)} of {len(plan.candidates)}" in line and "\n" not in line
    assert f"up to {MUSTS_PER_INTERVIEWER} must-asks" in line


@pytest.mark.slow
def test_the_picker_pre_ticks_exactly_the_focused_set(keys: PipeInput) -> None:
    plan = companies.plan_new_company(Context(), "acme", companies.Tailoring(), ["hiring-manager"])
    keys.send_text("\r")
    picked = prompts.pick_questions(plan.candidates, plan.focused, "acme")
    assert [q.id for q in picked] == [q.id for q in plan.focused]


@pytest.mark.parametrize("width", [40, 60, 200])
def test_a_menu_row_is_cut_at_a_word_with_an_ellipsis(width: int) -> None:
    title = "What do you absolutely love about acme? What makes you sit down at your desk and smile?"
    shown = prompts.fit(title, width)
    assert len(shown) <= width - prompts.MENU_MARGIN
    if shown != title:
        assert shown.endswith("…") and title.startswith(shown[:-1])
        assert title[len(shown) - 1] == " ", "cut between words"
