"""Every company side by side: one row each, the numbers that matter. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from interview_prep.banks.model import Catalog
from interview_prep.core.findings import collect_metrics, numeric_readings
from interview_prep.core.followups import followups
from interview_prep.core.models import STATUSES, Company
from interview_prep.core.phrases import PhraseMatcher
from interview_prep.core.review import red_flags
from interview_prep.core.transcript import Interview

ATTRITION = "attrition_percent"
HOURS = "hours_per_week"


@dataclass(frozen=True)
class CompanyRow:
    name: str
    slug: str
    status: str
    rounds: int
    flags_high: int
    flags_medium: int
    flags_low: int
    attrition: float | None
    attrition_flagged: bool
    hours: float | None
    hours_flagged: bool
    gut: int | None
    dealbreakers: int
    pending_followups: int


SORT_COLUMNS = ("name", "status", "rounds", "flags", "attrition", "hours", "gut", "dealbreakers", "followups")


def summarize(
    company: Company,
    interviews: Sequence[Interview],
    catalog: Catalog,
    thresholds: Mapping[str, float],
    matcher: PhraseMatcher,
    done: set[str],
) -> CompanyRow:
    readings = numeric_readings(interviews, catalog, thresholds)
    flags = red_flags(interviews, catalog, readings, matcher)
    found = collect_metrics(readings)
    reflections = [iv.reflection for iv in interviews if iv.reflection is not None]
    attrition, hours = found.get(ATTRITION), found.get(HOURS)
    return CompanyRow(
        name=company.name,
        slug=company.slug,
        status=company.status,
        rounds=sum(iv.is_round for iv in interviews),
        flags_high=sum(f.severity == "high" for f in flags),
        flags_medium=sum(f.severity == "medium" for f in flags),
        flags_low=sum(f.severity == "low" for f in flags),
        attrition=round(attrition.value, 1) if attrition and attrition.value is not None else None,
        attrition_flagged=bool(attrition and attrition.flagged),
        hours=round(hours.value, 1) if hours and hours.value is not None else None,
        hours_flagged=bool(hours and hours.flagged),
        gut=reflections[-1].gut if reflections else None,
        dealbreakers=sum(f.kind == "dealbreaker" for f in flags),
        pending_followups=sum(not f.done for f in followups(interviews, done)),
    )


def sort_rows(rows: Sequence[CompanyRow], column: str) -> list[CompanyRow]:
    """Worst first for the measures (more flags, more attrition, lower gut); A-Z for names."""
    status_rank = {status: rank for rank, status in enumerate(STATUSES)}
    keys: dict[str, Any] = {
        "name": lambda r: r.name.casefold(),
        "status": lambda r: status_rank.get(r.status, len(status_rank)),
        "rounds": lambda r: -r.rounds,
        "flags": lambda r: (-r.flags_high, -r.flags_medium, -r.flags_low),
        "attrition": lambda r: -(r.attrition if r.attrition is not None else -1),
        "hours": lambda r: -(r.hours if r.hours is not None else -1),
        "gut": lambda r: r.gut if r.gut is not None else 6,
        "dealbreakers": lambda r: -r.dealbreakers,
        "followups": lambda r: -r.pending_followups,
    }
    return sorted(rows, key=lambda r: (keys[column](r), r.name.casefold()))
