"""What a company's interviews add up to. Pure: plain data in, plain data out.

Sections, in the order the review shows them: header, reflection, side by
side, themes, red flags, coverage, follow-ups. render/json_views.py gives the
documented JSON form (docs/json.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from interview_prep.banks.model import CATEGORIES, Catalog, Question
from interview_prep.core import metrics, themes
from interview_prep.core.findings import (
    MetricSummary,
    Probe,
    RedFlag,
    collect_metrics,
    latest_answers,
    next_round,
    number_flags,
    numeric_readings,
    quote,
)
from interview_prep.core.followups import FollowUp, followups
from interview_prep.core.heard import HeardCategory, everything_heard
from interview_prep.core.messages import KeyMessage, never_landed
from interview_prep.core.models import Company
from interview_prep.core.phrases import PhraseMatcher
from interview_prep.core.transcript import Answer, Interview, Reflection
from interview_prep.core.values import ValueHeard, values_heard

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class CategoryCoverage:
    category: str
    title: str
    asked: int
    total: int


@dataclass
class Review:
    company: Company
    rounds: int
    interviewers: list[tuple[str, str]]  # (name, role)
    reflections: list[tuple[str, Reflection]]  # (interview id, reflection)
    side_by_side_people: list[str]
    side_by_side: list[tuple[str, str, dict[str, str]]]  # (question id, text, {who: answer})
    themes: list[themes.Theme]
    flags: list[RedFlag]
    metrics: dict[str, MetricSummary]
    coverage: list[CategoryCoverage]
    unasked_musts: list[tuple[str, str]]  # (question id, text)
    followups: list[FollowUp]
    next_steps: list[tuple[str, str]] = field(default_factory=list)  # (who, answer)
    next_round: list[Probe] = field(default_factory=list)  # findings to probe next time
    values: list[ValueHeard] = field(default_factory=list)  # what was heard about each thing you value
    heard: list[HeardCategory] = field(default_factory=list)  # every answer, by category and question
    interviews: list[tuple[str, str, str, bool]] = field(
        default_factory=list
    )  # (id, round, started, finished)
    key_messages: list[KeyMessage] = field(default_factory=list)  # yours, with where each was landed

    @property
    def never_landed(self) -> list[str]:
        return never_landed(self.key_messages)

    def question_label(self, question_id: str) -> str | None:
        return next((text for qid, text, _ in self.side_by_side if qid == question_id), None)

    @property
    def latest_reflection(self) -> Reflection | None:
        return self.reflections[-1][1] if self.reflections else None


def review(
    company: Company,
    interviews: Sequence[Interview],
    catalog: Catalog,
    checklist_ids: Sequence[str],
    thresholds: Mapping[str, float],
    dealbreakers: Sequence[str],
    done_followups: set[str],
    today: date | None = None,
    values: Sequence[str] = (),
) -> Review:
    people = _interviewers(interviews)
    asked_ids = {a.question_id for iv in interviews for a in iv.answers if a.text.strip()}
    checklist = [catalog.questions[qid] for qid in checklist_ids if qid in catalog.questions]
    side_people, side_rows = side_by_side(interviews, catalog, company.name)
    readings = numeric_readings(interviews, catalog, thresholds, today)
    heard = values_heard(values, latest_answers(interviews))
    flags = red_flags(interviews, catalog, readings, PhraseMatcher(catalog, dealbreakers))
    return Review(
        company=company,
        rounds=sum(iv.is_round for iv in interviews),
        interviewers=people,
        reflections=[(iv.id, iv.reflection) for iv in interviews if iv.reflection is not None],
        side_by_side_people=side_people,
        side_by_side=side_rows,
        themes=themes.find_themes(answers_by_question(interviews, min_people=2)),
        flags=flags,
        metrics=collect_metrics(readings),
        coverage=coverage(checklist, asked_ids),
        unasked_musts=[
            (q.id, q.render(company.name, None))
            for q in checklist
            if q.priority == "must" and q.id not in asked_ids
        ],
        followups=followups(interviews, done_followups),
        next_steps=[
            (a.who, a.text)
            for iv in interviews
            for a in iv.answers
            if a.question_id == "next-steps" and a.text.strip()
        ],
        next_round=next_round(flags, readings, catalog, company.name) + _unheard(heard),
        values=heard,
        heard=everything_heard(interviews, catalog, company.name),
        interviews=[(iv.id, iv.round, iv.started, iv.finished) for iv in interviews],
    )


def _unheard(heard: Sequence[ValueHeard]) -> list[Probe]:
    return [
        Probe("value", f"Ask about {item.value}", "you value it and no interviewer has mentioned it")
        for item in heard
        if not item.heard
    ]


def _interviewers(interviews: Sequence[Interview]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for interview in interviews:
        for person in interview.interviewers:
            seen.setdefault(person.name, person.role)
        for answer in interview.answers:
            if answer.who:
                seen.setdefault(answer.who, "interviewer")
    return list(seen.items())


def answers_by_question(
    interviews: Sequence[Interview], min_people: int = 1
) -> dict[str, list[tuple[str, str]]]:
    """question id -> [(who, answer)], latest answer per person, for questions with enough people."""
    latest: dict[str, dict[str, str]] = {}
    for interview in interviews:
        for answer in interview.answers:
            if answer.who and answer.text.strip():
                latest.setdefault(answer.question_id, {})[answer.who] = answer.text
    return {qid: list(by_person.items()) for qid, by_person in latest.items() if len(by_person) >= min_people}


def side_by_side(
    interviews: Sequence[Interview], catalog: Catalog, company_name: str
) -> tuple[list[str], list[tuple[str, str, dict[str, str]]]]:
    """Questions everyone was asked (and any answered by two or more people), per interviewer."""
    grouped = answers_by_question(interviews)
    rows = []
    people: list[str] = []
    for qid, answers in grouped.items():
        question = catalog.questions.get(qid)
        everyone = question is not None and question.for_everyone
        if not everyone and len(answers) < 2:
            continue
        text = short_question(question.render(company_name, None)) if question else qid
        rows.append((qid, text, dict(answers)))
        for who, _ in answers:
            if who not in people:
                people.append(who)
    order = {qid: rank for rank, qid in enumerate(catalog.questions)}
    rows.sort(key=lambda row: (0 if _for_everyone(catalog, row[0]) else 1, order.get(row[0], 10**6)))
    return people, rows


def short_question(text: str, limit: int = 70) -> str:
    """The first sentence of a question: enough to recognise it in a table."""
    first = text.split("? ")[0].rstrip("?") + "?"
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _for_everyone(catalog: Catalog, qid: str) -> bool:
    question = catalog.questions.get(qid)
    return question is not None and question.for_everyone


def red_flags(
    interviews: Sequence[Interview],
    catalog: Catalog,
    readings: Sequence[tuple[Answer, metrics.Reading]],
    matcher: PhraseMatcher,
) -> list[RedFlag]:
    flags: list[RedFlag] = []
    for interview in interviews:
        for flag in interview.flags:
            signal = catalog.signals.get(flag.signal) if flag.signal else None
            text = flag.text if signal is None or flag.text == signal.text else f"{signal.text}: {flag.text}"
            flags.append(RedFlag("yours", flag.severity, text, flag.who, flag.at[:16], flag.text))
    flags += number_flags(readings)
    flags += _phrase_flags(interviews, matcher)
    return sorted(flags, key=lambda f: SEVERITY_RANK.get(f.severity, 3))


def _phrase_flags(interviews: Sequence[Interview], matcher: PhraseMatcher) -> list[RedFlag]:
    flags = []
    for answer in latest_answers(interviews):
        for hit in matcher.find(answer.text):
            evidence = quote(answer.text, answer.text[hit.start : hit.end])
            flags.append(RedFlag(hit.kind, hit.severity, hit.label, answer.who, answer.at[:16], evidence))
    return flags


def coverage(checklist: Sequence[Question], asked_ids: set[str]) -> list[CategoryCoverage]:
    totals: dict[str, list[int]] = {}
    for question in checklist:
        counts = totals.setdefault(question.category, [0, 0])
        counts[1] += 1
        counts[0] += question.id in asked_ids
    return [
        CategoryCoverage(category, CATEGORIES.get(category, category), counts[0], counts[1])
        for category, counts in totals.items()
    ]
