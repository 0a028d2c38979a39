"""What to ask next in a live interview, and what earlier rounds left to probe. Pure.

Order: this round's must-asks for the people present, then should, then
could, each in checklist order. Questions answered in any earlier round are
left out (an answer cut off by Ctrl-C in this round is asked again, to finish it), except questions for everyone (love / hate), which every new
interviewer is asked. A question for everyone goes round the panel: the
first such question in the order given with --with, the next in reverse,
alternating (whoever answers last has had longest to think, so it evens out);
with nobody named it is asked once per interview. A question meant for nobody
in the room is left for a later round.

A question's `when:` is honoured: in a round named screen, onsite, final or
offer only the questions for that round are asked (love and hate always);
in any other round a question meant only for the offer stage waits for it.
Questions about what you value (`lifted`, from config.yaml `values:`) come
first within their priority.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from interview_prep.banks.model import PRIORITIES, WHEN, Question, fill_placeholders
from interview_prep.core.checklist import caution_line
from interview_prep.core.transcript import Interview, Interviewer

ROLE_ALIASES = {
    "hm": "hiring-manager",
    "manager": "hiring-manager",
    "hiring-manager": "hiring-manager",
    "recruiter": "recruiter",
    "engineer": "engineer",
    "peer": "engineer",
    "dev": "engineer",
    "developer": "engineer",
    "executive": "executive",
    "exec": "executive",
    "cto": "executive",
    "ceo": "executive",
    "vp": "executive",
    "director": "executive",
}


@dataclass(frozen=True)
class Step:
    """One question to put to one person (or to whoever answers, when `who` is empty)."""

    question_id: str
    who: str
    text: str
    why: str
    priority: str
    kind: str = "question"  # question | follow-up | probe
    caution: str | None = None  # one line: what asking risks, from the bank


@dataclass(frozen=True)
class Probe:
    """Something an earlier round left open: a dislike, a red flag, an unasked must."""

    kind: str  # dislike | flag | unasked
    text: str
    source: str  # who said it / which round


def normalise_role(role: str) -> str | None:
    return ROLE_ALIASES.get(role.strip().lower().replace(" ", "-").replace("_", "-"))


def stage_of(round_label: str, company_status: str = "") -> str | None:
    """The interview stage a round is: its label if it names one (screen, onsite, final, offer);
    'offer' once the company made one; else None (any stage but the offer)."""
    label = round_label.strip().lower()
    if label in WHEN:
        return label
    return "offer" if company_status == "offer" else None


def fits_round(question: Question, stage: str | None) -> bool:
    if question.for_everyone:
        return True
    if stage is None:
        return tuple(question.when) != ("offer",)
    return stage in question.when


def plan(
    checklist: Sequence[Question],
    present: Sequence[Interviewer],
    company_name: str,
    earlier: Sequence[Interview],
    current: Interview,
    stage: str | None = None,
    lifted: Collection[str] = (),
) -> list[Step]:
    """The remaining steps of this interview, in the order to ask them."""
    answered_before = _answered(earlier)
    done_now = _answered([current], complete_only=True) | {
        (skip.question_id, skip.who) for skip in current.skips
    }
    taken = {question_id for question_id, _ in answered_before | done_now}
    in_order = [
        question
        for priority in PRIORITIES
        for first in (True, False)
        for question in checklist
        if question.priority == priority and (question.id in lifted) == first and fits_round(question, stage)
    ]
    # Nobody named: a question for everyone is still asked once, of whoever is there.
    panel = list(present) or [Interviewer("", "")]
    steps: list[Step] = []
    rounds = 0  # questions for everyone so far: even go round the panel forwards, odd backwards
    for question in in_order:
        if question.for_everyone:
            order = panel if rounds % 2 == 0 else panel[::-1]
            rounds += 1
            for person in order:
                key = (question.id, person.name)
                if key not in done_now and not (person.name and key in answered_before):
                    steps.append(_step(question, person.name, company_name))
        elif question.id not in taken:
            person_name = _who_to_ask(question, present)
            if person_name is not None:
                steps.append(_step(question, person_name, company_name))
    return steps


def follow_up_step(question: Question, who: str, asked: int, company_name: str = "") -> Step | None:
    """The question's next follow-up (after `asked` of them), to ask straight away."""
    if asked >= len(question.follow_ups):
        return None
    return Step(
        f"{question.id}/follow-up-{asked + 1}",
        who,
        fill_placeholders(question.follow_ups[asked], company_name, who or None),
        f"Follow-up to: {question.render(company_name, who or None)}",
        question.priority,
        "follow-up",
    )


def carry_forward(
    earlier: Sequence[Interview],
    checklist: Sequence[Question],
    company_name: str = "",
    hate_question_ids: Sequence[str] = ("hate",),
) -> list[Probe]:
    """What to probe this round: earlier dislikes, open red flags, must-asks never answered."""
    probes: list[Probe] = []
    for interview in earlier:
        label = interview.round or interview.started[:10]
        for answer in interview.answers:
            if answer.question_id in hate_question_ids and answer.text.strip():
                probes.append(Probe("dislike", answer.text.strip(), f"{answer.who}, {label}"))
        for flag in interview.flags:
            probes.append(Probe("flag", flag.text.strip(), f"{flag.severity}, {flag.who or label}"))
    answered = {question_id for question_id, _ in _answered(earlier)}
    if earlier:
        for question in checklist:
            if question.priority == "must" and question.id not in answered and not question.for_everyone:
                probes.append(Probe("unasked", question.render(company_name), "must-ask not yet answered"))
    return probes


def _answered(interviews: Sequence[Interview], complete_only: bool = False) -> set[tuple[str, str]]:
    """(question id, who) of every answer given; a cut-off answer counts only if not `complete_only`."""
    return {
        (answer.question_id, answer.who)
        for interview in interviews
        for answer in interview.answers
        if answer.text.strip() and not (complete_only and answer.cut_off)
    }


def step_for(question: Question, who: str, company_name: str) -> Step:
    """One question put to one person, asked out of the plan's order (`/a ID` in `prep ask`)."""
    return _step(question, who, company_name)


def _who_to_ask(question: Question, present: Sequence[Interviewer]) -> str | None:
    """The first person in the room the question is meant for; '' when nobody was named."""
    if not present:
        return ""
    for person in present:
        if person.role in question.ask:
            return person.name
    return None


def _step(question: Question, who: str, company_name: str) -> Step:
    return Step(
        question.id,
        who,
        question.render(company_name, who or None),
        question.why,
        question.priority,
        caution=caution_line(question, company_name, who or None),
    )
