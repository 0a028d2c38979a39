"""Clock spans ("8:30-18:00", "7 to 3:30", "half eight to six", "9am-5pm") as hours in a day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from interview_prep.core.numbers.tokens import Num, Token, word_at

_LINKS: Final = frozenset({"-", "to", "till", "til", "until"})
_LONGEST_DAY: Final = 16.0  # a span longer than this is more likely a misreading than a working day


@dataclass(frozen=True, slots=True)
class ClockTime:
    hour: float  # 0-24, as said (12-hour times not yet placed in the day)
    meridiem: str  # "am", "pm" or ""
    exact: bool  # written like a clock ("8:30", "5pm", "half eight"), not a bare number
    start: int
    end: int  # index after the time


@dataclass(frozen=True, slots=True)
class Span:
    hours: float
    start: int
    end: int


def clock_at(tokens: Sequence[Token], i: int) -> ClockTime | None:
    """The time of day starting at tokens[i], if one can start there."""
    half = word_at(tokens, i) == "half"
    j = i + 1 if half else i
    number = tokens[j] if j < len(tokens) else None
    if not isinstance(number, Num) or number.value > 24:
        return None
    hour, end, exact = number.value - (0.5 if half else 0.0), j + 1, half
    if not number.value.is_integer():  # "8.30": hours and minutes written with a dot
        dotted = round((number.value - int(number.value)) * 100)
        if dotted >= 60 or half:
            return None
        hour, exact = int(number.value) + dotted / 60, True
    if word_at(tokens, end) == ":" and end + 1 < len(tokens):
        minutes = tokens[end + 1]
        if isinstance(minutes, Num) and minutes.value < 60:
            hour, end, exact = hour + minutes.value / 60, end + 2, True
    meridiem = word_at(tokens, end)
    if meridiem in ("am", "pm"):
        return ClockTime(hour, meridiem, True, i, end + 1)
    if meridiem in ("o'clock", "oclock"):
        return ClockTime(hour, "", True, i, end + 1)
    return ClockTime(hour, "", exact, i, end)


def _on_24h(time: ClockTime) -> float:
    if time.meridiem == "pm" and time.hour < 12:
        return time.hour + 12
    if time.meridiem == "am" and time.hour >= 12:
        return time.hour - 12
    return time.hour


def _length(first: ClockTime, second: ClockTime) -> float | None:
    start, finish = _on_24h(first), _on_24h(second)
    if finish <= start and not second.meridiem:
        finish += 12  # "8 to 6": the end is in the afternoon
    length = finish - start
    return length if 0 < length <= _LONGEST_DAY else None


def span_at(tokens: Sequence[Token], i: int) -> Span | None:
    """A working day written as two clock times, starting at tokens[i]."""
    first = clock_at(tokens, i)
    if first is None or word_at(tokens, first.end) not in _LINKS:
        return None
    second = clock_at(tokens, first.end + 1)
    if second is None:
        return None
    unit_after = word_at(tokens, second.end)
    if unit_after.startswith(("h", "day", "week", "people", "person")):
        return None  # "8 to 10 hours", "4-5 days": a range of counts, not times
    clock_like = first.exact or second.exact or word_at(tokens, i - 1) in ("from", "between")
    if not clock_like and _on_24h(second) > _on_24h(first):
        return None  # "8 to 10" with nothing that makes it a time: a count, not a span
    if any(word_at(tokens, k) in ("core", "office", "opening", "open") for k in range(max(0, i - 3), i)):
        return None  # "core hours 10 to 4", "the office is open 8 to 8": not a working day
    length = _length(first, second)
    return None if length is None else Span(length, i, second.end)


def spans(tokens: Sequence[Token]) -> list[Span]:
    found: list[Span] = []
    i = 0
    while i < len(tokens):
        span = span_at(tokens, i)
        if span is not None:
            found.append(span)
            i = span.end
        else:
            i += 1
    return found
