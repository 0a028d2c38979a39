"""The plan for one interview (`prep plan`, `prep sheet`, `prep ask`): the result type, no logic."""

from __future__ import annotations

from dataclasses import dataclass, field

from interview_prep.core.interview import Probe, Step
from interview_prep.core.models import Company
from interview_prep.core.transcript import Interviewer


@dataclass(frozen=True)
class PlanOptions:
    """What shapes the plan beyond the checklist: the round's stage and what you value."""

    stage: str | None  # screen | onsite | final | offer; None: any but the offer stage
    lifted: frozenset[str]  # ids of questions about something you value
    values: tuple[tuple[str, int], ...] = ()  # (value, how many checklist questions are about it)


NO_OPTIONS = PlanOptions(None, frozenset())


@dataclass
class InterviewPlan:
    company: Company
    present: list[Interviewer]
    minutes: float | None
    steps: list[Step]
    probes: list[Probe]
    options: PlanOptions = field(default_factory=lambda: NO_OPTIONS)
    key_messages: list[str] = field(default_factory=list)

    def for_person(self, name: str) -> list[Step]:
        return [step for step in self.steps if step.who == name]
