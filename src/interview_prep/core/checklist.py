"""Tailoring: which questions a company's checklist gets, and in what order. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from interview_prep.banks.model import AUDIENCES, CATEGORIES, PRIORITIES, Question
from interview_prep.core.models import Company

DEFAULT_PRIORITIES = ("must", "should")


def fits_company(question: Question, company: Company) -> bool:
    """Stage, size and role may rule a question out; so may its tracks and company types,
    which offer it only to a company known to have one of them."""
    if not (question.fits_track(company.track) and question.fits_company_type(company.company_type)):
        return False
    return question.fits is None or question.fits.matches(company.stage, company.size, company.manager)


def fits_interviewers(question: Question, interviewer_types: Sequence[str]) -> bool:
    """With no expected interviewers every question fits; otherwise someone must be its audience."""
    if not interviewer_types:
        return True
    if question.for_everyone:
        return True
    if not set(question.ask) & set(interviewer_types):
        return False
    # A recruiter-only loop is a screen: leave onsite-only questions for later rounds.
    if set(interviewer_types) == {"recruiter"}:
        return "screen" in question.when
    return True


def candidates(
    questions: Iterable[Question], company: Company, interviewer_types: Sequence[str]
) -> list[Question]:
    """Every question that suits this company and the people expected, in checklist order."""
    suitable = [
        question
        for question in questions
        if fits_company(question, company) and fits_interviewers(question, interviewer_types)
    ]
    return order_for_checklist(suitable)


def tailored(
    questions: Iterable[Question], company: Company, interviewer_types: Sequence[str]
) -> list[Question]:
    """The default selection: the must and should questions among the candidates.

    A question meant only for some stages or sizes is left unticked when the
    company's stage or size is unknown: funding runway and layoffs questions
    would both be wrong guesses. It stays a candidate the user can tick.
    """
    return [
        question
        for question in candidates(questions, company, interviewer_types)
        if question.priority in DEFAULT_PRIORITIES and not _guesses(question, company)
    ]


# seed 003: come with three to five questions; the plan of one interview gives each person four.
MUSTS_PER_INTERVIEWER = 4


def focused(candidates: Sequence[Question], interviewer_types: Sequence[str]) -> list[Question]:
    """What `prep new` pre-ticks: the must-ask questions for everyone (love, hate), then up to
    MUSTS_PER_INTERVIEWER must-asks for each interviewer type expected (every type when none is
    named), in checklist order. A question only for the offer stage waits for that stage."""
    types = [kind for kind in interviewer_types if kind != "everyone"] or [
        kind for kind in AUDIENCES if kind != "everyone"
    ]
    musts = [q for q in candidates if q.priority == "must" and tuple(q.when) != ("offer",)]
    chosen = {q.id for q in musts if q.for_everyone}
    for kind in types:
        theirs = [q.id for q in musts if kind in q.ask and not q.for_everyone and q.id not in chosen]
        chosen.update(theirs[:MUSTS_PER_INTERVIEWER])
    return [q for q in candidates if q.id in chosen]


def _guesses(question: Question, company: Company) -> bool:
    fits = question.fits
    if fits is None:
        return False
    return (fits.stage is not None and company.stage is None) or (
        fits.size is not None and company.size is None
    )


CAUTION_LABEL = "Careful: "


def caution_line(question: Question, company_name: str, interviewer: str | None = None) -> str | None:
    """The question's caution as one line ("Careful: ..."), or None; for every place that shows
    a checklist question (the ask screen, the picker, company.md, a printed plan or sheet)."""
    caution = question.render_caution(company_name, interviewer)
    return CAUTION_LABEL + " ".join(caution.split()) if caution else None


def order_for_checklist(questions: Iterable[Question]) -> list[Question]:
    """By category (the bank's category order), must before should before could; stable."""
    category_rank = {category: rank for rank, category in enumerate(CATEGORIES)}
    priority_rank = {priority: rank for rank, priority in enumerate(PRIORITIES)}
    return sorted(
        questions,
        key=lambda question: (
            category_rank.get(question.category, len(category_rank)),
            priority_rank.get(question.priority, len(priority_rank)),
        ),
    )


def group_by_category(questions: Iterable[Question]) -> list[tuple[str, list[Question]]]:
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.category, []).append(question)
    return [(CATEGORIES.get(category, category), items) for category, items in groups.items()]
