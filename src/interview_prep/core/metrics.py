"""Numbers out of answers (hours, attrition, tenure...) checked against thresholds. Pure.

Each reading keeps what it was read from: both ends of a range (limits are
judged on the upper one), the assumption behind a conversion ("10 h a day x
5 days a week (assumed)"), and which limit it crossed and where that limit
came from (the bank's default or the user's config.yaml).

Attrition is departures / team size. Without a team size there is no rate:
the reading keeps both counts and says the size is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from interview_prep.banks.model import NumericAnswer
from interview_prep.core import numbers
from interview_prep.core.numbers.by_metric import read_turnover, read_value

LABELS = {
    "attrition_percent": "Attrition",
    "hours_per_week": "Hours",
    "tenure_years": "Tenure",
    "team_size": "Team size",
    "oncall_weeks_per_month": "On-call",
    "office_days_per_week": "Office days",
}
BANK_DEFAULT = "the bank's default"
YOUR_CONFIG = "your config.yaml"
HIRES_DEPARTURES = "hires-departures"  # the answer kind that counts people joining and leaving
_LIMIT_NAMES = {BANK_DEFAULT: "the bank's default limit", YOUR_CONFIG: "your config.yaml limit"}


@dataclass(frozen=True)
class Reading:
    metric: str
    value: float | None  # the judged value (a range's upper end); None: attrition without a team size
    unit: str
    flagged: str | None  # "above" | "below" | None
    limit: float | None
    detail: str  # e.g. "hired 12, lost 4, team of 40"
    low: float | None = None  # a range's lower end, when the answer gave a range
    note: str = ""  # the assumption behind a conversion
    limit_source: str = ""  # BANK_DEFAULT or YOUR_CONFIG, when flagged
    hires: float | None = None
    departures: float | None = None
    team_size: float | None = None

    @property
    def label(self) -> str:
        return LABELS.get(self.metric, self.metric.replace("_", " ").capitalize())

    @property
    def lost_more_than_hired(self) -> bool:
        return self.hires is not None and self.departures is not None and self.departures > self.hires

    def shown(self) -> str:
        """The value as said: "45-50 hours per week", "6%", "hired 12, lost 4"."""
        if self.value is None:
            return "rate unknown"
        if self.unit == "percent":
            return f"{self.value:.0f}%"
        high = _g(self.value)
        ends = high if self.low is None or _g(self.low) == high else f"{_g(self.low)}-{high}"
        return f"{ends} {self.unit}"

    def warning(self) -> str:
        """The line shown as soon as the answer is saved, in `prep ask` and `prep answer` alike."""
        return ("Warning: " if self.flagged else "Heard: ") + self.describe()

    def describe(self) -> str:
        """E.g. "Hours 50 hours per week (10 h a day x 5 days a week, assumed), above your config.yaml
        limit of 45"."""
        why = "; ".join(part for part in (self.detail, self.note) if part)
        text = f"{self.label} {self.shown()}" + (f" ({why})" if why else "")
        if self.flagged and self.limit is not None:
            limit = f"{self.limit:g}%" if self.unit == "percent" else f"{self.limit:g}"
            return f"{text}, {self.flagged} {_LIMIT_NAMES.get(self.limit_source, 'the limit')} of {limit}"
        return text


def _g(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def read(
    spec: NumericAnswer,
    text: str,
    overrides: Mapping[str, float] | None = None,
    today: date | None = None,
    team_size: float | None = None,
) -> Reading | None:
    """The number in an answer, and whether it crosses the (possibly user-set) threshold.

    `team_size` is the size heard elsewhere (the team-size question), used for
    attrition when the answer itself gives none.
    """
    if spec.kind == HIRES_DEPARTURES:
        return _read_turnover(spec, text, overrides, team_size)
    value = read_value(spec.metric, spec.unit, text, today)
    if value is None:
        return None
    low = value.low if value.low != value.high else None
    return _judged(
        Reading(spec.metric, value.high, spec.unit, None, None, "", low, value.note), spec, overrides
    )


def _read_turnover(
    spec: NumericAnswer, text: str, overrides: Mapping[str, float] | None, team_size: float | None
) -> Reading | None:
    turnover = read_turnover(text)
    if turnover is None:
        return None
    size = turnover.team_size if turnover.team_size is not None else team_size
    counts = f"hired {turnover.hires:g}, lost {turnover.departures:g}"
    if not size:
        detail = f"{counts}; team size missing, so no rate"
        return Reading(spec.metric, None, spec.unit, None, None, detail, None, "", "", turnover.hires,
                       turnover.departures, None)  # fmt: skip
    rate = numbers.attrition_percent(turnover.hires, turnover.departures, size)
    said = "said in the same answer" if turnover.team_size is not None else "from the team-size answer"
    detail = f"{counts}, team of {size:g} {said}"
    reading = Reading(spec.metric, rate, spec.unit, None, None, detail, None, "", "", turnover.hires,
                      turnover.departures, size)  # fmt: skip
    return _judged(reading, spec, overrides)


def _judged(reading: Reading, spec: NumericAnswer, overrides: Mapping[str, float] | None) -> Reading:
    if reading.value is None:
        return reading
    above, below = threshold(spec, overrides)
    flagged = numbers.exceeds(reading.value, above, below)
    if flagged is None:
        return reading
    limit = above if flagged == "above" else below
    source = YOUR_CONFIG if overrides and spec.metric in overrides else BANK_DEFAULT
    return replace(reading, flagged=flagged, limit=limit, limit_source=source)


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
