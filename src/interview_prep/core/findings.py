"""Findings from numbers: readings per answer, summaries per metric, flags, and what to probe next.

Pure. A finding always says where it came from: who said it, the words
quoted, and for a number past a limit, which limit and whose.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from interview_prep.banks.model import Catalog
from interview_prep.core import contradictions, metrics
from interview_prep.core.transcript import Answer, Interview


@dataclass(frozen=True)
class RedFlag:
    kind: str  # yours | number | signal | dealbreaker
    severity: str
    text: str
    who: str
    when: str
    evidence: str


@dataclass(frozen=True)
class MetricSummary:
    metric: str
    unit: str
    value: float | None  # mean of the readings that have a value
    flagged: bool
    readings: tuple[tuple[str, metrics.Reading], ...]  # (who, reading)


@dataclass(frozen=True)
class Probe:
    """Something for the next round to ask about, and what it came from."""

    kind: str  # number | turnover | contradiction | dealbreaker | signal
    text: str
    why: str


TEAM_SIZE = "team_size"


def numeric_readings(
    interviews: Sequence[Interview],
    catalog: Catalog,
    thresholds: Mapping[str, float],
    today: date | None = None,
) -> list[tuple[Answer, metrics.Reading]]:
    """Every number read from an answer to a numeric question (latest answer per person).

    Team-size answers are read first: attrition uses their mean when an
    answer about turnover gives no size of its own.
    """
    numeric = [
        (answer, question.answer)
        for answer in latest_answers(interviews)
        if (question := catalog.questions.get(answer.question_id)) is not None and question.answer is not None
    ]
    # A team-size answer read here is not read again below: only a count of hires and
    # departures uses the size heard elsewhere.
    sized = {
        index: metrics.read(spec, answer.text, thresholds, today)
        for index, (answer, spec) in enumerate(numeric)
        if spec.metric == TEAM_SIZE
    }
    sizes = [reading.value for reading in sized.values() if reading is not None and reading.value is not None]
    team_size = sum(sizes) / len(sizes) if sizes else None
    found = []
    for index, (answer, spec) in enumerate(numeric):
        if index in sized and spec.kind != metrics.HIRES_DEPARTURES:
            reading = sized[index]
        else:
            reading = metrics.read(spec, answer.text, thresholds, today, team_size)
        if reading is not None:
            found.append((answer, reading))
    return found


def collect_metrics(readings: Sequence[tuple[Answer, metrics.Reading]]) -> dict[str, MetricSummary]:
    by_metric: dict[str, list[tuple[str, metrics.Reading]]] = {}
    for answer, reading in readings:
        by_metric.setdefault(reading.metric, []).append((answer.who, reading))
    summaries = {}
    for metric, found in by_metric.items():
        values = [reading.value for _, reading in found if reading.value is not None]
        summaries[metric] = MetricSummary(
            metric=metric,
            unit=found[0][1].unit,
            value=sum(values) / len(values) if values else None,
            flagged=any(reading.flagged for _, reading in found),
            readings=tuple(found),
        )
    return summaries


def number_flags(readings: Sequence[tuple[Answer, metrics.Reading]]) -> list[RedFlag]:
    """Numbers past a limit, teams that lost more than they hired, and interviewers who disagree."""
    flags = []
    for answer, reading in readings:
        if reading.flagged:
            flags.append(
                RedFlag(
                    "number", "high", reading.describe(), answer.who, answer.at[:16], quote(answer.text, "")
                )
            )
        if reading.lost_more_than_hired:
            text = f"Turnover: lost more people than hired ({reading.detail})"
            flags.append(
                RedFlag("number", "medium", text, answer.who, answer.at[:16], quote(answer.text, ""))
            )
    heard = [contradictions.Heard(a.who, quote(a.text, ""), a.at[:16], r) for a, r in readings]
    for found in contradictions.find(heard):
        evidence = f"{found.lower.who}: “{found.lower.quote}” / {found.higher.who}: “{found.higher.quote}”"
        who = f"{found.lower.who}, {found.higher.who}"
        when = max(found.lower.when, found.higher.when)
        flags.append(RedFlag("contradiction", "medium", found.describe(), who, when, evidence))
    return flags


_PROBE_KINDS = ("number", "contradiction", "dealbreaker", "signal")


def next_round(
    flags: Sequence[RedFlag],
    readings: Sequence[tuple[Answer, metrics.Reading]],
    catalog: Catalog,
    company_name: str,
) -> list[Probe]:
    """What the next round should ask about: findings, each saying what it was, and missing sizes."""
    probes = [
        Probe(
            flag.kind,
            flag.text,
            f"{flag.kind} finding from {flag.who}" if flag.who else f"{flag.kind} finding",
        )
        for flag in flags
        if flag.kind in _PROBE_KINDS
    ]
    sized = any(r.metric == TEAM_SIZE and r.value is not None for _, r in readings)
    missing = [r for _, r in readings if r.hires is not None and r.team_size is None]
    if missing and not sized:
        question = catalog.questions.get("team-size")
        text = question.render(company_name) if question else "How many people are on the team?"
        why = f"turnover heard ({missing[0].detail.split(';')[0]}) but the team size is missing"
        probes.append(Probe("turnover", text, why))
    return probes


def quote(text: str, fragment: str, width: int = 90) -> str:
    """The part of `text` around `fragment`, on one line, for evidence."""
    flat = " ".join(text.split())
    at = flat.lower().find(" ".join(fragment.split()).lower())
    if len(flat) <= width or at < 0:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = max(0, at - width // 3)
    snippet = flat[start : start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(flat) else "")


def latest_answers(interviews: Sequence[Interview]) -> list[Answer]:
    """One answer per (question, person): the latest, so a repeated answer is not counted twice."""
    latest: dict[tuple[str, str], Answer] = {}
    for interview in interviews:
        for answer in interview.answers:
            if answer.text.strip():
                latest[(answer.question_id, answer.who)] = answer
    return list(latest.values())
