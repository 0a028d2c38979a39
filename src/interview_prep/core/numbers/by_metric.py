"""One reader per metric, each in the metric's own unit; anything else is read as a plain number.

A reader returns None rather than guess: "I'm usually done by five" is no
reading of hours, never 5 hours a week.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from interview_prep.core.numbers.expressions import parse_number
from interview_prep.core.numbers.frequency import (
    managers_in_two_years,
    office_days_per_week,
    oncall_weeks_per_month,
    pages_per_week,
)
from interview_prep.core.numbers.hours import hours_per_week
from interview_prep.core.numbers.leave import leave_days
from interview_prep.core.numbers.team import size_in_answer, team_size
from interview_prep.core.numbers.tenure import tenure_years
from interview_prep.core.numbers.tokens import tokenize
from interview_prep.core.numbers.turnover import parse_hires_departures
from interview_prep.core.numbers.value import Value, plain

Reader = Callable[[str, "date | None"], "Value | None"]

READERS: Final[dict[str, Reader]] = {
    "hours_per_week": lambda text, today: hours_per_week(text),
    "vacation_days_taken": lambda text, today: leave_days(text),
    "tenure_years": tenure_years,
    "team_tenure_years": tenure_years,
    "oncall_weeks_per_month": lambda text, today: oncall_weeks_per_month(text),
    "night_pages_per_week": lambda text, today: pages_per_week(text),
    "office_days_per_week": lambda text, today: office_days_per_week(text),
    "managers_in_24_months": lambda text, today: managers_in_two_years(text),
    "team_size": lambda text, today: team_size(text),
}
# A user's own metric is read by its unit's words when they name a known kind of number.
_BY_UNIT: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("hour", "week"), "hours_per_week"),
    (("days", "off"), "vacation_days_taken"),
    (("on call", "month"), "oncall_weeks_per_month"),
    (("office", "days"), "office_days_per_week"),
)


def read_value(metric: str, unit: str, text: str, today: date | None = None) -> Value | None:
    """The answer's number in the metric's unit, or None when it gives no usable number."""
    reader = READERS.get(metric)
    if reader is None:
        known = next((name for words, name in _BY_UNIT if all(w in unit.lower() for w in words)), None)
        reader = READERS[known] if known else (tenure_years if metric.endswith("_years") else None)
    if reader is not None:
        return reader(text, today)
    number = parse_number(text)
    return None if number is None else Value(number, number)


@dataclass(frozen=True, slots=True)
class Turnover:
    hires: float
    departures: float
    team_size: float | None  # said in the same answer ("in a team of 120"), else None


def read_turnover(text: str) -> Turnover | None:
    """Hires and departures, and a team size if the same answer gives one; the size is not a count."""
    size = size_in_answer(text)
    if size is None:
        pair = parse_hires_departures(text)
        return None if pair is None else Turnover(pair[0], pair[1], None)
    said = plain(tokenize(text))
    start, end = size[1]
    pair = parse_hires_departures(said[:start] + " , " + said[end:])
    return None if pair is None else Turnover(pair[0], pair[1], size[0])
