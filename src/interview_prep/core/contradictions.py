"""Interviewers who disagree about the same number. Pure.

Two readings of one metric contradict each other when the gap between them
(range to range: the lower one's upper end against the higher one's lower
end) is more than the metric's tolerance: the larger of a fixed amount for
the metric and 25% of the larger value. Numbers about the speaker themself
(their own tenure, leave, pages) are not compared: people differ there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final

from interview_prep.core.metrics import Reading

RELATIVE: Final = 0.25
ABSOLUTE: Final = {
    "hours_per_week": 8.0,
    "office_days_per_week": 1.0,
    "oncall_weeks_per_month": 0.5,
    "team_size": 2.0,
    "attrition_percent": 10.0,
    "managers_in_24_months": 1.0,
}
PERSONAL: Final = frozenset({"tenure_years", "vacation_days_taken", "night_pages_per_week"})


@dataclass(frozen=True)
class Heard:
    who: str
    quote: str
    when: str
    reading: Reading


@dataclass(frozen=True)
class Contradiction:
    metric: str
    lower: Heard
    higher: Heard
    tolerance: float

    def describe(self) -> str:
        label = self.lower.reading.label
        return (
            f"{label}: {self.lower.who} said {self.lower.reading.shown()}, "
            f"{self.higher.who} said {self.higher.reading.shown()} (more than {self.tolerance:g} apart)"
        )

    def probe(self) -> str:
        label = self.lower.reading.label.lower()
        return f"Ask again about {label}: {self.lower.who} and {self.higher.who} gave different numbers"


def tolerance(metric: str, larger: float) -> float:
    return max(ABSOLUTE.get(metric, 0.0), RELATIVE * abs(larger))


def find(heard: Sequence[Heard]) -> list[Contradiction]:
    """The widest disagreement per metric, between two different people."""
    by_metric: dict[str, list[Heard]] = {}
    for item in heard:
        if item.reading.value is not None and item.reading.metric not in PERSONAL:
            by_metric.setdefault(item.reading.metric, []).append(item)
    found = []
    for metric, items in by_metric.items():
        widest: tuple[float, Contradiction] | None = None
        for first, second in combinations(items, 2):
            if first.who == second.who:
                continue
            lower, higher = sorted((first, second), key=lambda h: _high(h))
            gap = _low(higher) - _high(lower)
            allowed = tolerance(metric, _high(higher))
            if gap > allowed and (widest is None or gap > widest[0]):
                widest = (gap, Contradiction(metric, lower, higher, allowed))
        if widest is not None:
            found.append(widest[1])
    return found


def _high(item: Heard) -> float:
    return item.reading.value or 0.0


def _low(item: Heard) -> float:
    low = item.reading.low
    return low if low is not None else _high(item)
