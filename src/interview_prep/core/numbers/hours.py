"""Hours worked per week, however they were said.

"about 45" and "45-50 hours" are per week already. "Ten-hour days" and
"10 hours a day" are per day, "12-hour shifts, three a week" per shift, and
"8:30 to 6" or "half eight till six" are clock spans; all are multiplied by
the days worked, which is five unless the answer says otherwise ("four days a
week", "a 4-day week"). The assumption is returned with the value, so the
review can show it. A time of day is not a number of hours ("I'm done by
five" gives nothing), and neither is a count of days or people.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from interview_prep.core.numbers.clock import Span, clock_at, spans
from interview_prep.core.numbers.expressions import Expression
from interview_prep.core.numbers.tokens import Num, Token, tokenize, word_at
from interview_prep.core.numbers.value import CONTRAST, Value, expressions, is_clock_time

_HOUR_WORDS: Final = frozenset({"hour", "hours", "hr", "hrs", "h"})
_OTHER_UNITS: Final = frozenset({
    "day", "days", "week", "weeks", "wk", "wks", "month", "months", "year", "years", "yr", "yrs",
    "minute", "minutes", "min", "mins", "%", "percent", "people", "person", "of", "kids",
    "shifts", "shift", "times", "nights", "night", "weekends", "x",
})  # fmt: skip
_DAY_WORDS: Final = frozenset({"day", "days", "daily", "workday", "workdays", "shift", "shifts"})
_RATE_LINKS: Final = frozenset({"a", "per", "each", "every", "/", "an"})
_WEEKS_PER_MONTH: Final = 52 / 12
_MOST_HOURS: Final = 100.0  # more per week than this is not a working week
_DEFAULT_DAYS: Final = 5.0
_NEARBY: Final = 40  # tokens after a bare number in which a clearer figure may still replace it
_LONGEST_DAY: Final = 14.0  # an hour figure up to this, with no period, is a day's work


def hours_per_week(text: str) -> Value | None:
    tokens = tokenize(text)
    days, day_positions = _days_per_week(tokens)
    shifts, shift_position = _shift_count(tokens)
    found_spans = spans(tokens)
    covered = {k for span in found_spans for k in range(span.start, span.end)} | day_positions
    covered.add(shift_position)
    times = _clock_positions(tokens, covered)
    for start in _regions(tokens):
        weak: tuple[int, Value] | None = None
        for position, value, explicit in _candidates(
            tokens, start, found_spans, covered | times, days, shifts
        ):
            if explicit:
                return value
            if weak is None:
                weak = (position, value)
            elif position - weak[0] > _NEARBY:
                break  # a bare number stands unless a clearer one follows soon after it
        if weak is not None:
            return weak[1]
    return _from_two_clock_times(tokens, sorted(times), days)


def _regions(tokens: Sequence[Token]) -> list[int]:
    """Where to look first: a number said to be the real one ("40 on paper, 50 in reality"), or what
    follows the last "but"/"really" ("officially 40, but really 50"); then everywhere."""
    for cue in (k for k in range(len(tokens)) if word_at(tokens, k) in _REAL):
        if isinstance(_token(tokens, cue + 1), Num):
            return [cue + 1, 0]  # "in practice 50"
        before = [j for j in range(max(0, cue - 3), cue) if isinstance(tokens[j], Num)]
        if before:
            return [before[-1], 0]  # "50 in reality"
    last = max((k for k in range(len(tokens)) if word_at(tokens, k) in CONTRAST), default=None)
    return [0] if last is None else [last + 1, 0]


_REAL: Final = frozenset({"reality", "practice", "realistically", "actually"})


def _candidates(
    tokens: Sequence[Token],
    start: int,
    found_spans: Sequence[Span],
    skipped: set[int],
    days: float | None,
    shifts: float | None,
) -> Iterator[tuple[int, Value, bool]]:
    """Readings from `start` on, left to right: (position, value, said what it counts)."""
    pending = [span for span in found_spans if span.start >= start]
    for expression in expressions(tokens, start):
        position = expression.start
        while pending and pending[0].start < position:
            span = pending.pop(0)
            yield span.start, _from_day(span.hours, span.hours, days, shifts, _span_note(span)), True
        if position in skipped or _is_fraction(tokens, position, expression.end):
            continue
        read = _from_expression(tokens, expression, days, shifts)
        if read is not None and not _is_exception(tokens, expression.end):
            yield position, read[0], read[1]
    for span in pending:
        yield span.start, _from_day(span.hours, span.hours, days, shifts, _span_note(span)), True


def _clock_positions(tokens: Sequence[Token], covered: set[int]) -> set[int]:
    """Numbers that are times of day. Once one is ("at 9"), small bare numbers are too ("off around 7")."""
    exact = {i for i, t in enumerate(tokens) if isinstance(t, Num) and is_clock_time(tokens, i)}
    if not exact:
        return exact
    loose = {
        i
        for i, t in enumerate(tokens)
        if isinstance(t, Num) and t.value <= 12 and word_at(tokens, i - 1) in _ROUGHLY
    }
    minutes = {i for i in exact | loose if word_at(tokens, i - 1) == ":"}  # the 30 of "7:30"
    covered |= minutes
    return (exact | loose) - covered


_EXCEPTIONS: Final = frozenset({
    "before", "during", "crunch", "launch", "launches", "peak", "occasionally", "sometimes", "rarely",
    "release", "releases", "deadline", "deadlines", "busy",
})  # fmt: skip


def _is_exception(tokens: Sequence[Token], end: int) -> bool:
    """ "60 before a launch, 45 otherwise": a figure for unusual weeks, when the answer gives a usual one."""
    near = {word_at(tokens, k) for k in range(end, min(end + 4, len(tokens)))}
    usual = any(
        word_at(tokens, k) in ("otherwise", "normally", "usually", "typically") for k in range(len(tokens))
    )
    return usual and bool(near & _EXCEPTIONS)


_ROUGHLY: Final = frozenset({"around", "about", "roughly", "approximately", "ish", "~"})


def _is_fraction(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "24/7", "1/2": a ratio, not a number of hours."""
    before_slash = word_at(tokens, start - 1) == "/" and isinstance(_token(tokens, start - 2), Num)
    after_slash = word_at(tokens, end) == "/" and isinstance(_token(tokens, end + 1), Num)
    return before_slash or after_slash


def _from_expression(
    tokens: Sequence[Token], expression: Expression, days: float | None, shifts: float | None
) -> tuple[Value, bool] | None:
    """The value, and whether the answer said what it counts (an hour word or a period)."""
    last = expression.second or expression.first
    if last.unit is not None and last.unit not in _HOUR_WORDS:
        return None
    j = last.end
    if word_at(tokens, j) == "-":
        j += 1
    said_hours = last.unit is not None or word_at(tokens, j) in _HOUR_WORDS
    if word_at(tokens, j) in _HOUR_WORDS:
        j += 1
    if word_at(tokens, j) in _OTHER_UNITS - _DAY_WORDS:
        return None
    period = _period_at(tokens, j)
    explicit = said_hours or period != ""
    low, high = _ends(expression)
    if not explicit and _counts_something_else(tokens, j):
        return None  # "2 kids", "3 meetings a day"
    if period == "" and high <= _LONGEST_DAY:
        if not said_hours and not _mentions_days(tokens):
            return None  # a small bare number with nothing about days: "I get in around 9", "Q3"
        period = "day"  # "8 hours" answered to a question about the week means a day's work
    if period == "day":
        if high > 24 or low < 1:
            return None
        return _from_day(low, high, days, shifts, f"{_g(low, high)} h a day"), explicit
    if period == "month":
        low, high = low / _WEEKS_PER_MONTH, high / _WEEKS_PER_MONTH
    if high > _MOST_HOURS or high < 1:
        return None
    return Value(low, high, "per month, over 4.33 weeks" if period == "month" else ""), explicit


def _ends(expression: Expression) -> tuple[float, float]:
    low = expression.first.number.value
    high = expression.second.number.value if expression.second else low
    return min(low, high), max(low, high)


def _counts_something_else(tokens: Sequence[Token], j: int) -> bool:
    following = word_at(tokens, j)
    return following.endswith("s") and following not in _DAY_WORDS and following not in _SAFE_AFTER


_SAFE_AFTER: Final = frozenset(
    {"hours", "hrs", "tops", "plus", "weeks", "is", "was", "has", "as", "its", "this", "thus"}
)


def _mentions_days(tokens: Sequence[Token]) -> bool:
    return any(word_at(tokens, k) in _DAY_WORDS for k in range(len(tokens)))


def _period_at(tokens: Sequence[Token], j: int) -> str:
    word = word_at(tokens, j)
    if word in _RATE_LINKS or (isinstance(_token(tokens, j), Num) and _token(tokens, j) == Num(1.0)):
        word = word_at(tokens, j + 1)
    if word in _DAY_WORDS:
        return "day"
    if word in ("month", "months"):
        return "month"
    return "week" if word in ("week", "weeks", "weekly", "wk") else ""


def _token(tokens: Sequence[Token], j: int) -> Token | None:
    return tokens[j] if 0 <= j < len(tokens) else None


def _from_day(low: float, high: float, days: float | None, shifts: float | None, note: str) -> Value:
    count = shifts if shifts is not None else days if days is not None else _DEFAULT_DAYS
    said = "as said" if shifts is not None or days is not None else "assumed"
    what = "shifts" if shifts is not None else "days"
    return Value(low * count, high * count, f"{note} x {count:g} {what} a week, {said}")


def _span_note(span: Span) -> str:
    return f"{span.hours:g} h a day"


def _g(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


def _days_per_week(tokens: Sequence[Token]) -> tuple[float | None, set[int]]:
    """ "four days a week", "a 4-day week", "4 days on", "four 10-hour days": the working days, and
    where they were said."""
    for i, token in enumerate(tokens):
        if not isinstance(token, Num) or not 1 <= token.value <= 7:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        k = i + 3 if word_at(tokens, i + 2) == "-" else i + 2
        if (
            isinstance(following, Num)
            and word_at(tokens, k) in _HOUR_WORDS
            and word_at(tokens, k + 1) in ("days", "day")
        ):
            return token.value, {i}
        j = i + 2 if word_at(tokens, i + 1) == "-" else i + 1
        if word_at(tokens, j) not in ("day", "days"):
            continue
        after = (word_at(tokens, j + 1), word_at(tokens, j + 2))
        if after[0] == "week" or after[1] == "week" or after[0] in ("on", "weeks"):
            return token.value, {i}
    return None, set()


def _shift_count(tokens: Sequence[Token]) -> tuple[float | None, int]:
    """How many shifts a week, and where: "three 12-hour shifts", "12-hour shifts, four a week"."""
    if not any(word_at(tokens, i) in ("shift", "shifts") for i in range(len(tokens))):
        return None, -1
    for i, token in enumerate(tokens):
        if not isinstance(token, Num) or not 1 <= token.value <= 7:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if isinstance(following, Num) and following.value > 7:
            return token.value, i  # "three 12-hour shifts"
        per_week = (following == Num(1.0) or word_at(tokens, i + 1) == "per") and word_at(
            tokens, i + 2
        ) == "week"
        if word_at(tokens, i + 1) == "shifts" or per_week:
            return token.value, i  # "4 shifts", "four a week"
    return None, -1


def _from_two_clock_times(tokens: Sequence[Token], times: Sequence[int], days: float | None) -> Value | None:
    """ "In at 8, done by 6": two times of day and nothing else give the span between them."""
    if len(times) != 2:
        return None
    first, second = (clock_at(tokens, i) for i in times)
    if first is None or second is None:
        return None
    start, finish = first.hour, second.hour
    if second.meridiem == "pm" and finish < 12:
        finish += 12
    if finish <= start:
        finish += 12
    length = finish - start
    if not 0 < length <= _LONGEST_DAY + 2:
        return None
    return _from_day(length, length, days, None, f"{length:g} h a day")
