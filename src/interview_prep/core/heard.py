"""Everything you heard: every answer, grouped by category and question, per person. Pure.

The side-by-side table shows only the questions several people answered; this
section loses nothing: what one interviewer said about runway, tenure or a
typical day is here too, with the interview it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview_prep.banks.model import CATEGORIES, Catalog
from interview_prep.core.transcript import Interview

OWN_QUESTIONS = "own"  # answers to questions no loaded bank knows (your own, or a removed bank's)
OWN_TITLE = "Other questions"


@dataclass(frozen=True)
class HeardAnswer:
    interview: str  # the interview id, as `--interview` takes it
    question_id: str
    who: str
    text: str
    at: str


@dataclass(frozen=True)
class HeardQuestion:
    question_id: str
    question: str
    answers: tuple[HeardAnswer, ...]  # in the order they were given


@dataclass(frozen=True)
class HeardCategory:
    category: str
    title: str
    questions: tuple[HeardQuestion, ...]


def everything_heard(
    interviews: Sequence[Interview], catalog: Catalog, company_name: str
) -> list[HeardCategory]:
    """Every non-blank answer: the latest per person and question in each interview.

    Categories come in the banks' order, questions in the catalog's order, and
    answers to questions no bank knows come last, under "Other questions".
    """
    latest: dict[tuple[str, str, str], HeardAnswer] = {}
    question_texts: dict[str, str] = {}
    for interview in interviews:
        for answer in interview.answers:
            if not answer.text.strip():
                continue
            key = (interview.id, answer.question_id, answer.who)
            latest.pop(key, None)  # an answer given again counts where it was given last
            latest[key] = HeardAnswer(interview.id, answer.question_id, answer.who, answer.text, answer.at)
            if answer.question_text:
                question_texts.setdefault(answer.question_id, answer.question_text)
    by_question: dict[str, list[HeardAnswer]] = {}
    for heard in latest.values():
        by_question.setdefault(heard.question_id, []).append(heard)
    order = {qid: rank for rank, qid in enumerate(catalog.questions)}
    grouped: dict[str, list[HeardQuestion]] = {}
    for qid in sorted(by_question, key=lambda qid: (order.get(qid, len(order)), qid)):
        question = catalog.questions.get(qid)
        category = question.category if question is not None else OWN_QUESTIONS
        text = question.render(company_name, None) if question is not None else question_texts.get(qid, qid)
        answers = sorted(by_question[qid], key=lambda heard: (heard.at, heard.interview))
        grouped.setdefault(category, []).append(HeardQuestion(qid, text, tuple(answers)))
    ranks = {category: rank for rank, category in enumerate(CATEGORIES)}
    return [
        HeardCategory(category, CATEGORIES.get(category, OWN_TITLE), tuple(questions))
        for category, questions in sorted(grouped.items(), key=lambda item: ranks.get(item[0], len(ranks)))
    ]
