"""The --json view of every result: one function per command, each document with "format".

The keys are documented in docs/json.md (one section per command), and
tests/test_json_docs.py compares what each command prints with that page.
FORMAT changes only when a key is renamed or removed, or its meaning changes;
a key may be added without a change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from interview_prep.banks.model import CATEGORIES, Catalog, Question
from interview_prep.core import metrics, themes
from interview_prep.core.compare import CompanyRow
from interview_prep.core.findings import RedFlag
from interview_prep.core.fitting import MINUTES_PER_QUESTION, minutes_needed
from interview_prep.core.heard import HeardCategory
from interview_prep.core.models import Company
from interview_prep.core.plans import InterviewPlan
from interview_prep.core.results import SettingsView
from interview_prep.core.review import Review
from interview_prep.core.stats import SearchStats
from interview_prep.core.themes import Theme
from interview_prep.core.transcript import Reflection

FORMAT = 1


def company_list(companies: Sequence[Company], problems: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "errors": list(problems),
        "companies": [
            {
                "name": c.name,
                "slug": c.slug,
                "role": c.role,
                "stage": c.stage,
                "size": c.size,
                "status": c.status,
                "created": c.created,
            }
            for c in companies
        ],
    }


def comparison(rows: Sequence[CompanyRow], problems: Sequence[str] = ()) -> dict[str, Any]:
    return {"format": FORMAT, "errors": list(problems), "companies": [asdict(row) for row in rows]}


def settings(view: SettingsView) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "path": str(view.path),
        "exists": view.exists,
        "thresholds": dict(view.thresholds),
        "dealbreakers": list(view.dealbreakers),
        "values": list(view.values),
        "key_messages": list(view.key_messages),
        "currency": view.currency,
    }


def review(data: Review) -> dict[str, Any]:
    company = data.company
    return {
        "format": FORMAT,
        "company": {
            "name": company.name,
            "slug": company.slug,
            "role": company.role,
            "stage": company.stage,
            "size": company.size,
            "status": company.status,
            "rounds": data.rounds,
            "interviewers": [{"name": n, "role": r} for n, r in data.interviewers],
        },
        "reflection": {
            "latest": _reflection(data.latest_reflection),
            "rounds": [{"interview": iv, **(_reflection(r) or {})} for iv, r in data.reflections],
        },
        "side_by_side": {
            "interviewers": data.side_by_side_people,
            "rows": [
                {"question_id": qid, "question": text, "answers": answers}
                for qid, text, answers in data.side_by_side
            ],
        },
        "themes": [_theme(t, data) for t in data.themes],
        "flags": [_flag(f) for f in data.flags],
        "metrics": {
            m.metric: {
                "value": None if m.value is None else round(m.value, 1),
                "unit": m.unit,
                "flagged": m.flagged,
                "readings": [reading_json(who, reading) for who, reading in m.readings],
            }
            for m in data.metrics.values()
        },
        "values": [
            {
                "value": item.value,
                "heard": [{"who": w, "question_id": q, "text": t} for w, q, t in item.heard],
            }
            for item in data.values
        ],
        "coverage": {
            "categories": [
                {"category": c.category, "title": c.title, "asked": c.asked, "total": c.total}
                for c in data.coverage
            ],
            "unasked_musts": [{"id": qid, "text": text} for qid, text in data.unasked_musts],
            "next_round": [{"kind": p.kind, "text": p.text, "why": p.why} for p in data.next_round],
        },
        "key_messages": _key_messages(data),
        "followups": [{"id": f.id, "text": f.text, "due": f.due, "done": f.done} for f in data.followups]
        + [
            {"id": "next-steps", "text": f"{who}: {text}", "due": "", "done": False}
            for who, text in data.next_steps
        ],
        **_everything_heard(data),
    }


def _key_messages(data: Review) -> list[dict[str, Any]]:
    return [
        {"text": m.text, "landed": [{"who": who, "round": label} for who, label in m.landed]}
        for m in data.key_messages
    ]


def _everything_heard(data: Review) -> dict[str, Any]:
    """The interviews (ids as `--interview` takes them) and every answer heard in them."""
    return {
        "interviews": [
            {"id": iv_id, "round": round_name, "started": started, "finished": finished}
            for iv_id, round_name, started, finished in data.interviews
        ],
        "answers": heard_json(data.heard),
    }


def _theme(theme: Theme, data: Review) -> dict[str, Any]:
    return {
        "question_id": theme.question_id,
        "phrase": theme.phrase,
        "who": list(theme.who),
        "everyone": theme.everyone,
        "strength": theme.strength,
        "evidence": [{"who": who, "text": text} for who, text in theme.evidence],
        "explanation": themes.explain(theme, data.question_label(theme.question_id)),
    }


def _flag(flag: RedFlag) -> dict[str, Any]:
    return {
        "kind": flag.kind,
        "severity": flag.severity,
        "text": flag.text,
        "who": flag.who,
        "when": flag.when,
        "evidence": flag.evidence,
    }


def _reflection(reflection: Reflection | None) -> dict[str, Any] | None:
    if reflection is None:
        return None
    return {
        "gut": reflection.gut,
        "excited": reflection.excited,
        "worries": reflection.worries,
        "accept": reflection.accept,
        "at": reflection.at,
        "history": [
            {"field": c.name, "from": c.before, "to": c.after, "at": c.at} for c in reflection.history
        ],
    }


def _question(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "bank": question.bank,
        "category": question.category,
        "text": question.text,
        "why": question.why,
        "ask": list(question.ask),
        "when": list(question.when),
        "priority": question.priority,
        "listen_for": {"good": list(question.good), "worrying": list(question.worrying)},
        "follow_ups": list(question.follow_ups),
        "source": question.source,
    }
    if question.tracks is not None:
        data["tracks"] = list(question.tracks)
    if question.company_types is not None:
        data["company_types"] = list(question.company_types)
    if question.caution is not None:
        data["caution"] = question.caution
    if question.fits is not None:
        data["fits"] = {
            "stage": list(question.fits.stage or []),
            "size": list(question.fits.size or []),
            "role": question.fits.role,
        }
    if question.answer is not None:
        data["answer"] = {
            "kind": question.answer.kind,
            "metric": question.answer.metric,
            "unit": question.answer.unit,
            "flag_above": question.answer.flag_above,
            "flag_below": question.answer.flag_below,
        }
    return data


def catalog(catalog: Catalog) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "banks": [
            {
                "id": bank.id,
                "title": bank.title,
                "path": bank.path,
                "questions": bank.questions,
                "signals": bank.signals,
                "prep": bank.prep,
                "user": bank.user,
            }
            for bank in catalog.banks
        ],
        "categories": [
            {
                "id": category,
                "title": title,
                "questions": sum(1 for q in catalog.questions.values() if q.category == category),
            }
            for category, title in CATEGORIES.items()
        ],
        "questions": [_question(q) for q in catalog.questions.values()],
        "signals": [
            {
                "id": s.id,
                "bank": s.bank,
                "text": s.text,
                "why": s.why,
                "severity": s.severity,
                "match": list(s.match),
                "source": s.source,
            }
            for s in catalog.signals.values()
        ],
        "prep": [
            {"id": p.id, "bank": p.bank, "prompt": p.prompt, "why": p.why, "kind": p.kind}
            for p in catalog.prep.values()
        ],
    }


def reading_json(who: str, reading: metrics.Reading) -> dict[str, Any]:
    """`who` and `value` always; the range, the assumption, the limit, and for turnover both counts."""
    found: dict[str, Any] = {
        "who": who,
        "value": None if reading.value is None else round(reading.value, 2),
        "low": None if reading.low is None else round(reading.low, 2),
        "note": reading.note,
        "flagged": reading.flagged,
        "limit": reading.limit,
        "limit_source": reading.limit_source or None,
    }
    if reading.hires is not None and reading.departures is not None:
        found["hires"] = reading.hires
        found["departures"] = reading.departures
        found["team_size"] = reading.team_size
    return found


def heard_json(categories: Sequence[HeardCategory]) -> list[dict[str, str]]:
    """The review JSON's `answers`: one object per answer, in the order the section shows them."""
    return [
        {
            "interview": heard.interview,
            "category": category.category,
            "question_id": heard.question_id,
            "question": question.question,
            "who": heard.who,
            "text": heard.text,
            "time": heard.at,
        }
        for category in categories
        for question in category.questions
        for heard in question.answers
    ]


def search_stats(found: SearchStats) -> dict[str, Any]:
    """`prep stats --json`: the numbers, with days as decimals (null when nothing was timed)."""
    return {
        "format": FORMAT,
        "companies": found.companies,
        "by_stage": [{"stage": stage, "companies": count} for stage, count in found.by_stage],
        "funnel": [
            {
                "stage": step.stage,
                "label": step.label,
                "reached": step.reached,
                "previous": step.previous,
                "percent": _rounded(step.percent),
            }
            for step in found.funnel
        ],
        "stage_times": [
            {
                "stage": time.stage,
                "stays": time.stays,
                "median_days": _rounded(time.median_days),
                "longest_days": _rounded(time.longest_days),
                "open": time.open,
            }
            for time in found.stage_times
        ],
        "hearing_back": {
            "applied": found.hearing_back.applied,
            "heard": found.hearing_back.heard,
            "waiting": found.hearing_back.waiting,
            "percent": _rounded(found.hearing_back.percent),
            "median_days": _rounded(found.hearing_back.median_days),
        },
        "rounds": asdict(found.rounds),
        "followups": asdict(found.followups),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def interview_plan(found: InterviewPlan) -> dict[str, Any]:
    """`prep plan --json`: the plan per person, the costing, your key messages and the probes."""
    people = [(person.name, person.role) for person in found.present] or [("", "")]
    return {
        "format": FORMAT,
        "company": found.company.name,
        "round": found.options.stage,
        "minutes": found.minutes,
        "minutes_per_question": MINUTES_PER_QUESTION,
        "minutes_needed": minutes_needed(found.steps),
        "people": [
            {
                "name": name,
                "role": role,
                "questions": [
                    {"id": s.question_id, "text": s.text, "priority": s.priority, "why": s.why}
                    for s in found.for_person(name)
                ],
            }
            for name, role in people
        ],
        "values": [{"value": value, "questions": count} for value, count in found.options.values],
        "key_messages": list(found.key_messages),
        "probes": [{"kind": p.kind, "text": p.text, "source": p.source} for p in found.probes],
    }
