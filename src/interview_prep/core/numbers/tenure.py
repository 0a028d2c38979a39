"""How long someone has been somewhere, in years, counted to `today`.

"three years", "18 months", "a year and a half" as said; "since 2021" and
"joined in 2021" are whole years to today; "joined in March", "since
September 2023" count months to today (a month later in the year than today
means last year). Without `today`, dates give nothing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from interview_prep.core.numbers.durations import parse_duration_years
from interview_prep.core.numbers.tokens import tokenize
from interview_prep.core.numbers.value import Value, plain

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_SINCE_MONTH = re.compile(
    r"\b(?:since|in|joined|started|start(?:ed)? in|back in|from|came in|arrived in) (?:last |early |late |mid ?- ?)?"
    + _MONTH
    + r"(?: (?:of )?(\d{4}))?\b"
)
_LAST_YEAR_MONTH = re.compile(r"\blast year in " + _MONTH + r"\b|\b(?:in|since) " + _MONTH + r" last year\b")
_RANGE = re.compile(r"(\d+(?:\.\d+)?) (?:-|to|or) (\d+(?:\.\d+)?) (years?|yrs?|months?)\b")
_DURATION_WORDS = re.compile(r"\b(?:years?|yrs?|months?|mos?|weeks?|decades?|days?)\b")


def tenure_years(text: str, today: date | None = None) -> Value | None:
    said = plain(tokenize(text))
    if today is not None:
        last_year = _LAST_YEAR_MONTH.search(said)
        if last_year is not None:
            years = _from_month(_MONTHS[last_year.group(1) or last_year.group(2)], str(today.year - 1), today)
            if years is not None:
                return Value(years, years, f"counted to {today.isoformat()}")
        match = _SINCE_MONTH.search(said)
        if match is not None and not _DURATION_WORDS.search(said[: match.start()]):
            years = _from_month(_MONTHS[match.group(1)], match.group(2), today)
            if years is not None:
                return Value(years, years, f"counted to {today.isoformat()}")
    span = _RANGE.search(said)
    if span is not None:
        factor = 1.0 if span.group(3).startswith("y") else 1 / 12
        low, high = float(span.group(1)) * factor, float(span.group(2)) * factor
        return Value(min(low, high), max(low, high))
    years = parse_duration_years(text, today)
    if years is None or years > 60:
        return None
    return Value(years, years)


def _from_month(month: int, year: str | None, today: date) -> float | None:
    start_year = int(year) if year else today.year if month <= today.month else today.year - 1
    months = (today.year - start_year) * 12 + today.month - month
    return months / 12 if 0 <= months <= 720 else None
