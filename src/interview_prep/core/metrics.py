"""Numbers out of answers (hours, attrition, tenure) checked against thresholds. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from interview_prep.banks.model import NumericAnswer
from interview_prep.core import numbers

LABELS = {
    "attrition_percent": "Attrition",
    "hours_per_week": "Hours",
    "tenure_years": "Tenure",
    "team_size": "Team size",
    "oncall_weeks_per_month": "On-call",
}


@dataclass(frozen=True)
class Reading:
    metric: str
    value: float
    unit: str
    flagged: str | None  # "above" | "below" | None
    limit: float | None
    detail: str  # e.g. "hired 12, lost 4"

    @property
    def label(self) -> str:
        return LABELS.get(self.metric, self.metric.replace("_", " ").capitalize())

    def describe(self) -> str:
        """E.g. "Attrition 33% (hired 12, lost 4), above your limit of 30%"."""
        if self.unit == "percent":
            shown = f"{self.value:.0f}%"
        else:
            shown = f"{self.value:.1f}".rstrip("0").rstrip(".") + f" {self.unit}"
        text = f"{self.label} {shown}" + (f" ({self.detail})" if self.detail else "")
        if self.flagged and self.limit is not None:
            limit = f"{self.limit:g}%" if self.unit == "percent" else f"{self.limit:g}"
            return f"{text}, {self.flagged} your limit of {limit}"
        return text


def read(spec: NumericAnswer, text: str, overrides: Mapping[str, float] | None = None) -> Reading | None:
    """The number in an answer, and whether it crosses the (possibly user-set) threshold."""
    detail = ""
    if spec.kind == "hires-departures":
        pair = numbers.parse_hires_departures(text)
        if pair is None:
            return None
        hires, departures = pair
        detail = f"hired {hires:g}, lost {departures:g}"
        if hires == 0 and departures > 0:
            # No ratio exists, but people leaving with nobody replacing them is the worst case:
            # report it as 100% so it always crosses any sane threshold.
            value: float | None = 100.0
        else:
            value = numbers.attrition_percent(hires, departures)
        if value is None:
            return None
    elif spec.metric.endswith("_years"):
        value = numbers.parse_duration_years(text)
    else:
        value = numbers.parse_number(text)
    if value is None:
        return None
    above, below = threshold(spec, overrides)
    flagged = numbers.exceeds(value, above, below)
    limit = above if flagged == "above" else below if flagged == "below" else None
    return Reading(spec.metric, value, spec.unit, flagged, limit, detail)


def threshold(
    spec: NumericAnswer, overrides: Mapping[str, float] | None
) -> tuple[float | None, float | None]:
    """The bank's limits, with a user's config value replacing the one it names."""
    above, below = spec.flag_above, spec.flag_below
    if overrides and spec.metric in overrides:
        if above is not None or below is None:
            above = overrides[spec.metric]
        else:
            below = overrides[spec.metric]
    return above, below
