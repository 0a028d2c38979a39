"""`prep plan`: this interview's plan, per interviewer, sized to the minutes you have. Writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from interview_prep.commands.context import Context
from interview_prep.core import fitting
from interview_prep.core.interview import Probe, Step, carry_forward, plan
from interview_prep.core.models import Company
from interview_prep.core.transcript import Interview, Interviewer
from interview_prep.errors import PrepError


@dataclass
class InterviewPlan:
    company: Company
    present: list[Interviewer]
    minutes: float | None
    steps: list[Step]
    probes: list[Probe]

    def for_person(self, name: str) -> list[Step]:
        return [step for step in self.steps if step.who == name]


def build(ctx: Context, company_name: str, with_: Sequence[str], minutes: float | None) -> InterviewPlan:
    from interview_prep.commands.ask import company_checklist, parse_with
    from interview_prep.storage import companies as company_store
    from interview_prep.storage import interviews

    if minutes is not None and minutes <= 0:
        raise PrepError(f"--minutes {minutes:g}: give the minutes you have for questions, e.g. --minutes 10.")
    company = company_store.resolve_company(ctx.home, company_name)
    present = parse_with(with_)
    catalog = ctx.catalog()
    checklist = company_checklist(ctx, company, catalog)
    earlier = interviews.load_interviews(ctx.home, company.slug)
    fresh = Interview("plan", company.name, "", "", present)
    steps = plan(checklist, present, company.name, earlier, fresh)
    everyone = {question.id for question in checklist if question.for_everyone}
    names = [person.name for person in present] or [""]
    fitted = fitting.fit(steps, names, minutes, everyone)
    return InterviewPlan(company, present, minutes, fitted, carry_forward(earlier, checklist, company.name))


def costing(minutes: float | None) -> str:
    per = f"{fitting.MINUTES_PER_QUESTION:g}"
    if minutes is None:
        return (
            f"{fitting.DEFAULT_PER_PERSON} questions per person (--minutes N sizes it; "
            f"a question is costed at {per} minutes: asking, the answer, your note)."
        )
    return f"{minutes:g} minutes shared by the panel; a question is costed at {per} minutes (asking, the answer, your note)."


def to_json(found: InterviewPlan) -> dict[str, Any]:
    return {
        "version": 1,
        "company": found.company.name,
        "minutes": found.minutes,
        "minutes_per_question": fitting.MINUTES_PER_QUESTION,
        "minutes_needed": fitting.minutes_needed(found.steps),
        "steps": [
            {"question_id": s.question_id, "who": s.who, "text": s.text, "priority": s.priority, "why": s.why}
            for s in found.steps
        ],
        "probes": [{"kind": p.kind, "text": p.text, "source": p.source} for p in found.probes],
    }


def render_text(found: InterviewPlan) -> str:
    """The plan as plain lines: per person, the questions in the order to ask them."""
    from interview_prep.render.ask_screen import first_sentence

    lines = [f"Plan for {found.company.name}: {costing(found.minutes)}"]
    people = [person.name for person in found.present] or [""]
    for name in people:
        steps = found.for_person(name)
        label = next((p.label() for p in found.present if p.name == name), "Whoever is in the room")
        lines.append("")
        lines.append(f"{label}: {len(steps)} question{'s' if len(steps) != 1 else ''}")
        for number, step in enumerate(steps, start=1):
            must = "  (must)" if step.priority == "must" else ""
            lines.append(f"  {number}. {step.text}{must}")
            lines.append(f"     why: {first_sentence(step.why)}")
    if found.probes:
        lines.append("")
        lines.append("Probe (from earlier rounds):")
        lines.extend(f"  - {probe.text} ({probe.source})" for probe in found.probes[:8])
    return "\n".join(lines)
