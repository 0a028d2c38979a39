"""Dates and times read from files or typed, kept to years where prep's arithmetic on them is safe.

A hand-edited `9999-12-31T23:59` (or year 1) reads fine with `fromisoformat`,
then overflows the first time-zone change or "plus 45 minutes" done on it. Every
date prep reads goes through here, so such a value is refused where it is read
(a ValueError, which each reader already turns into its own located line), not
as a crash somewhere later.
"""

from __future__ import annotations

from datetime import date, datetime

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
# What a user may type for a round or a due date: a year away is normal, ten is a typo.
TYPED_YEARS_AWAY = 10


def moment(text: str) -> datetime:
    """An ISO date-time, naive or with an offset; ValueError if unreadable or out of range."""
    value = datetime.fromisoformat(text)
    _check_year(value.year, text)
    return value


def day(text: str) -> date:
    """An ISO date (YYYY-MM-DD); ValueError if unreadable or out of range."""
    value = date.fromisoformat(text)
    _check_year(value.year, text)
    return value


def check_typed(value: date, today: date, what: str) -> str | None:
    """Why a date the user typed is not plausible (a mistyped year), or None when it is."""
    if abs(value.year - today.year) > TYPED_YEARS_AWAY:
        return f"{what} is in {value.year}, more than {TYPED_YEARS_AWAY} years from today; check the year"
    return None


def _check_year(year: int, text: str) -> None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(f"{text!r}: prep reads years {EARLIEST_YEAR} to {LATEST_YEAR}")
