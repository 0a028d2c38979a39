"""`prep plan`: this interview's plan, per interviewer, sized to the minutes you have. Writes nothing."""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.banks.model import WHEN, Question
from interview_prep.commands.context import Context
from interview_prep.core import fitting
from interview_prep.core.interview import carry_forward, plan, stage_of
from interview_prep.core.models import Company
from interview_prep.core.plans import InterviewPlan, PlanOptions
from interview_prep.core.transcript import Interview
from interview_prep.errors import PrepError
from interview_prep.output import first_sentence, terminal_width

__all__ = ["InterviewPlan", "PlanOptions", "build", "costing", "options", "render_text"]


def options(ctx: Context, company: Company, checklist: Sequence[Question], round_label: str) -> PlanOptions:
    """The same options for `prep plan` and `prep ask`, so the two plans agree."""
    from interview_prep.core.values import questions_about

    about = questions_about(ctx.settings().values, checklist)
    lifted = frozenset(qid for ids in about.values() for qid in ids)
    counts = tuple((value, len(ids)) for value, ids in about.items())
    return PlanOptions(stage_of(round_label, company.status), lifted, counts)


def build(
    ctx: Context,
    company_name: str,
    with_: Sequence[str],
    minutes: float | None,
    round_name: str = "",
) -> InterviewPlan:
    from interview_prep.commands.checklist_source import company_checklist
    from interview_prep.commands.key_messages import for_company
    from interview_prep.commands.panel import parse_with
    from interview_prep.storage import companies as company_store
    from interview_prep.storage import interviews

    if minutes is not None and minutes <= 0:
        raise PrepError(f"--minutes {minutes:g}: give the minutes you have for questions, e.g. --minutes 10.")
    if round_name and round_name.strip().lower() not in WHEN:
        raise PrepError(f"--round {round_name!r} is not a round; use one of: {', '.join(WHEN)}.")
    company = company_store.resolve_company(ctx.home, company_name)
    present = parse_with(with_)
    catalog = ctx.catalog()
    checklist = company_checklist(ctx, company, catalog)
    chosen = options(ctx, company, checklist, round_name)
    earlier = interviews.load_interviews(ctx.home, company.slug)
    fresh = Interview("plan", company.name, round_name, "", present)
    steps = plan(checklist, present, company.name, earlier, fresh, chosen.stage, chosen.lifted)
    everyone = {question.id for question in checklist if question.for_everyone}
    names = [person.name for person in present] or [""]
    fitted = fitting.fit(steps, names, minutes, everyone)
    probes = carry_forward(earlier, checklist, company.name)
    return InterviewPlan(company, present, minutes, fitted, probes, chosen, for_company(ctx, company.slug))


def costing(minutes: float | None) -> str:
    per = f"{fitting.MINUTES_PER_QUESTION:g}"
    if minutes is None:
        return (
            f"{fitting.DEFAULT_PER_PERSON} questions per person (--minutes N sizes it; "
            f"a question is costed at {per} minutes: asking, the answer, your note)."
        )
    return f"{minutes:g} minutes shared by the panel; a question is costed at {per} minutes (asking, the answer, your note)."


def round_line(chosen: PlanOptions) -> str:
    if chosen.stage is None:
        return "Round: any (questions meant only for the offer stage wait for it; --round picks one)."
    return f"Round: {chosen.stage} (only questions meant for it, plus love and hate)."


def values_line(chosen: PlanOptions) -> str:
    """The footer: how your values shaped the order, or how to make them."""
    if not chosen.values:
        return "Add values: to config.yaml and the questions about them come first within each priority."
    counts = ", ".join(f"{value} ({count})" for value, count in chosen.values)
    return f"Your values (config.yaml) put the questions about them first within each priority: {counts}."


def render_text(found: InterviewPlan, width: int | None = None) -> str:
    """The plan as plain lines: per person, the questions in the order to ask them, each line
    wrapped at a word to `width` (the terminal's), its continuation indented under its text."""
    lines = [f"Plan for {found.company.name}: {costing(found.minutes)}", round_line(found.options)]
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
    if found.key_messages:
        lines.append("")
        lines.append("Your key messages (land each one; /k in prep ask marks it):")
        lines.extend(f"  - {message}" for message in found.key_messages)
    if found.probes:
        lines.append("")
        lines.append("Probe (from earlier rounds):")
        lines.extend(f"  - {probe.text} ({probe.source})" for probe in found.probes[:8])
    lines += ["", values_line(found.options)]
    return "\n".join(_wrapped(line, width or terminal_width()) for line in lines)


def _wrapped(line: str, width: int) -> str:
    import re
    import textwrap

    lead = re.match(r" *(?:\d+\. |- |why: )?", line)
    indent = " " * (lead.end() if lead else 0)
    return (
        textwrap.fill(
            line, max(width, 20), subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
        )
        or line
    )
