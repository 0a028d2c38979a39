"""Lengths of time in years: tenure and how long things last."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from interview_prep.core.numbers.expressions import Quantity, expression_at, first_number_index, quantity_at
from interview_prep.core.numbers.tokens import YEARS_PER_UNIT, Num, Token, tokenize, word_at


def parse_duration_years(text: str, today: date | None = None) -> float | None:
    """A length of time in years: "six months" -> 0.5, "18 months" -> 1.5, "a year" -> 1.0.

    Units: days, weeks (1/52), months, quarters, years, decades. A number with
    no unit is taken as years ("maybe 1.5" -> 1.5). Ranges give the midpoint,
    and a unit on either end applies to both ("6-8 months" -> 7/12). Parts add
    up: "2 years and 3 months" -> 2.25. Hours and minutes are not tenure: None.

    A bare calendar year (a whole number from 1900 to 2100 with no unit, as in
    "since 2019") counts whole years up to `today`: 2019 with today in 2025
    -> 6.0. Without `today`, or for a year after it, the result is None.
    """
    tokens = tokenize(text)
    i = first_number_index(tokens)
    if i is None:
        return None
    expression = expression_at(tokens, i)
    first, second = expression.first, expression.second
    if first.unit is None and is_calendar_year(first.number.value):
        return _years_since(first.number.value, today)
    if second is None:
        return _compound_years(tokens, first)
    low = _in_years(first.number.value, first.unit or second.unit)
    high = _in_years(second.number.value, second.unit or first.unit)
    if low is None or high is None:
        return None
    return (low + high) / 2


def is_calendar_year(value: float) -> bool:
    return value.is_integer() and 1900 <= value <= 2100


def _years_since(year: float, today: date | None) -> float | None:
    if today is None or year > today.year:
        return None
    return float(today.year - int(year))


def _in_years(value: float, unit: str | None) -> float | None:
    if unit is None:
        return value
    factor = YEARS_PER_UNIT.get(unit)
    return None if factor is None else value * factor


def _compound_years(tokens: Sequence[Token], first: Quantity) -> float | None:
    """`first` plus any smaller parts that follow it: "1 year, 6 months and 2 weeks"."""
    years = _in_years(first.number.value, first.unit)
    if years is None:
        return None
    part = first
    while part.unit is not None:
        j = part.end + 1 if word_at(tokens, part.end) in ("and", ",") else part.end
        if j >= len(tokens) or not isinstance(tokens[j], Num):
            break
        following = quantity_at(tokens, j)
        if following.unit is None or not _is_smaller_unit(following.unit, part.unit):
            break
        years += _in_years(following.number.value, following.unit) or 0.0
        part = following
    return years


def _is_smaller_unit(unit: str, than: str) -> bool:
    size, bigger = YEARS_PER_UNIT.get(unit), YEARS_PER_UNIT.get(than)
    return size is not None and bigger is not None and size < bigger
