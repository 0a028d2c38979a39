"""Numbers out of the free text a candidate types while an interviewer talks.

Pure and deterministic: no I/O, no clock (pass `today` where a date matters),
and no function here raises on any string, however odd or long.

Conventions the caller relies on:

* The first number-like expression wins. A range ("40-45", "40 to 45",
  "between 40 and 45", "40 or 45") becomes its midpoint.
* Hedges are ignored: "about 45", "~50", "45ish", "50+" and "maybe 45" all
  give the number as said.
* Spelled numbers count: "forty five", "a dozen", "half a dozen",
  "two and a half", "a year and a half", "a couple". "none", "zero",
  "nobody" and "no one" are 0. Vague words ("a few", "lots", "several")
  are not numbers, so "lots" gives None.
* "1,200" is 1200 and "15k" is 15000. Minus signs are ignored, because
  counts in this tool are never negative.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

__all__ = [
    "attrition_percent",
    "exceeds",
    "parse_duration_years",
    "parse_hires_departures",
    "parse_number",
]


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class _Num:
    value: float
    thousands: bool = False  # written with a "k" suffix, as in "15k"


_Token = str | _Num

_TRANSLATE: Final = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "’": "'", "‘": "'"})
_THOUSANDS_COMMA: Final = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_TOKEN: Final = re.compile(
    r"(?P<num>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?P<k>k(?![a-z]))?"
    r"|(?P<word>[a-z]+(?:'[a-z]+)*)"
    r"|(?P<sym>[^\s\w])"
)
_MAX_DIGITS: Final = 15  # longer digit runs are noise (IDs, pasted junk), not answers

_UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORDS: Final = frozenset(_UNITS) | frozenset(_TEENS) | frozenset(_TENS) | {"dozen"}
_NUMBER_WORDS_WITH_SCALES: Final = _NUMBER_WORDS | frozenset(_SCALES)

_ZERO_PHRASES: Final = (
    ("not", "a", "single", "one"),
    ("no", "-", "one"),
    ("not", "a", "single"),
    ("no", "one"),
    ("not", "one"),
    ("nobody",),
    ("noone",),
    ("none",),
    ("zero",),
    ("nil",),
)

_ZERO_PHRASES_BY_FIRST_WORD: Final = {
    first: tuple(phrase for phrase in _ZERO_PHRASES if phrase[0] == first)
    for first in {phrase[0] for phrase in _ZERO_PHRASES}
}
_NUMBER_STARTS: Final = (
    _NUMBER_WORDS_WITH_SCALES | frozenset(_ZERO_PHRASES_BY_FIRST_WORD) | {"half", "a", "an", "couple"}
)

_YEARS_PER_UNIT: Final = {
    "year": 1.0, "years": 1.0, "yr": 1.0, "yrs": 1.0, "y": 1.0,
    "month": 1 / 12, "months": 1 / 12, "mo": 1 / 12, "mos": 1 / 12,
    "mth": 1 / 12, "mths": 1 / 12,
    "week": 1 / 52, "weeks": 1 / 52, "wk": 1 / 52, "wks": 1 / 52,
    "day": 1 / 365, "days": 1 / 365,
    "quarter": 0.25, "quarters": 0.25,
    "decade": 10.0, "decades": 10.0,
}  # fmt: skip
_SHORT_TIME_UNITS: Final = frozenset({"hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins"})
_TIME_UNITS: Final = frozenset(_YEARS_PER_UNIT) | _SHORT_TIME_UNITS
# Units that "a"/"an"/"half a" may count: "a year" is 1 year, but "a quarter
# of the team" is not a number.
_SINGULAR_UNITS: Final = frozenset({"year", "yr", "month", "week", "day", "decade", "hour", "hr", "minute"})
# "45 hours a week": the "a" after these is a rate, not the number 1.
_RATE_WORDS: Final = _TIME_UNITS | {"times", "once", "twice", "per"}
_ARTICLES: Final = frozenset({"a", "an"})
_SKIPPED_AFTER_NUMBER: Final = frozenset({"+", "ish", "plus", "full", "whole"})


def _tokens(text: str) -> list[_Token]:
    """Words, symbols and numbers, with spelled numbers already turned into `_Num`."""
    return _merge_spelled_numbers(_raw_tokens(text))


def _raw_tokens(text: str) -> list[_Token]:
    normal = _THOUSANDS_COMMA.sub("", text.lower().translate(_TRANSLATE))
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(normal):
        digits = match.group("num")
        if digits is None:
            tokens.append(match.group("word") or match.group("sym"))
        elif len(digits) > _MAX_DIGITS:
            tokens.append("#")
        elif match.group("k"):
            tokens.append(_Num(float(digits) * 1000, thousands=True))
        else:
            tokens.append(_Num(float(digits)))
    return tokens


def _merge_spelled_numbers(raw: list[_Token]) -> list[_Token]:
    merged: list[_Token] = []
    i = 0
    while i < len(raw):
        found = _number_at(raw, i)
        if found is None:
            merged.append(raw[i])
            i += 1
            continue
        number, i = found
        number, i, unit = _add_and_a_half(raw, i, number)
        merged.append(number)
        if unit is not None:
            merged.append(unit)
    return merged


def _number_at(raw: Sequence[_Token], i: int) -> tuple[_Num, int] | None:
    """The number starting at raw[i] and the index after it, or None."""
    token = raw[i]
    if isinstance(token, _Num):
        return token, i + 1
    if token not in _NUMBER_STARTS and not token.endswith("ish"):
        return None  # the common case, checked first because every token passes here
    zero_end = _zero_phrase_end(raw, i)
    if zero_end is not None:
        return _Num(0.0), zero_end
    if token == "half":
        return _half_at(raw, i)
    if token in _ARTICLES:
        return _article_at(raw, i)
    if token == "couple":
        return _Num(2.0), i + 1
    return _number_words_at(raw, i)


def _zero_phrase_end(raw: Sequence[_Token], i: int) -> int | None:
    for phrase in _ZERO_PHRASES_BY_FIRST_WORD.get(_word(raw, i), ()):
        if _words_at(raw, i, phrase):
            return i + len(phrase)
    return None


def _words_at(raw: Sequence[_Token], i: int, words: tuple[str, ...]) -> bool:
    return tuple(raw[i : i + len(words)]) == words


def _word(raw: Sequence[_Token], i: int) -> str:
    """raw[i] if it is a word or symbol; "" past the end or for a number."""
    if 0 <= i < len(raw):
        token = raw[i]
        if isinstance(token, str):
            return token
    return ""


def _half_at(raw: Sequence[_Token], i: int) -> tuple[_Num, int] | None:
    if _word(raw, i + 1) not in _ARTICLES:
        return None
    if _word(raw, i + 2) == "dozen":
        return _Num(6.0), i + 3
    if _word(raw, i + 2) in _SINGULAR_UNITS:
        return _Num(0.5), i + 2
    return None


def _article_at(raw: Sequence[_Token], i: int) -> tuple[_Num, int] | None:
    following = _word(raw, i + 1)
    if following in _SCALES or following == "dozen":
        return _number_words_at(raw, i + 1, leading_one=True)
    if following == "couple":
        return _Num(2.0), i + 2
    if _word(raw, i - 1) in _RATE_WORDS:
        return None
    if following in _SINGULAR_UNITS:
        return _Num(1.0), i + 1
    if following in ("full", "whole") and _word(raw, i + 2) in _SINGULAR_UNITS:
        return _Num(1.0), i + 2
    return None


def _spelled(token: str) -> str | None:
    if token in _NUMBER_WORDS_WITH_SCALES:
        return token
    if token.endswith("ish") and token[:-3] in _NUMBER_WORDS:  # "fortyish"
        return token[:-3]
    return None


def _number_words_at(raw: Sequence[_Token], i: int, leading_one: bool = False) -> tuple[_Num, int] | None:
    """Read "forty five", "one hundred and twenty", "two dozen"; stop at the first word
    that cannot continue the number, so "two three" is two numbers."""
    total, current = 0, 1 if leading_one else 0
    last = "one" if leading_one else ""
    j = i
    while j < len(raw):
        token = _word(raw, j)
        word = _spelled(token)
        if word is None:
            after = _spelled(_word(raw, j + 1))
            if token == "-" and last == "tens" and after in _UNITS:
                j += 1  # "forty-five"
                continue
            if token == "and" and last in ("hundred", "thousand") and after in _NUMBER_WORDS:
                j += 1  # "one hundred and twenty"
                continue
            break
        if word in _UNITS or word in _TEENS:
            if last not in ("", "hundred", "thousand") and not (last == "tens" and word in _UNITS):
                break
            current += _UNITS.get(word) or _TEENS[word]
            last = "one"
        elif word in _TENS:
            if last not in ("", "hundred", "thousand"):
                break
            current += _TENS[word]
            last = "tens"
        elif word == "dozen":
            if last not in ("", "one", "tens"):
                break
            current = (current or 1) * 12
            last = "dozen"
        elif word == "hundred":
            if last not in ("", "one", "tens") or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        else:  # thousand, million
            if last == "thousand":
                break
            total += (current or 1) * _SCALES[word]
            current = 0
            last = "thousand"
        j += 1
    if j == i:
        return None
    return _Num(float(total + current)), j


def _add_and_a_half(raw: Sequence[_Token], i: int, number: _Num) -> tuple[_Num, int, str | None]:
    """Fold "two and a half" and "a year and a half"; returns the unit word to keep."""
    if _words_at(raw, i, ("and", "a", "half")):
        return _Num(number.value + 0.5), i + 3, None
    unit = _word(raw, i)
    if unit in _TIME_UNITS and _words_at(raw, i + 1, ("and", "a", "half")):
        return _Num(number.value + 0.5), i + 4, unit
    return number, i, None


# --------------------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class _Quantity:
    number: _Num
    unit: str | None  # a time unit word following the number, if any
    start: int  # index of the number
    end: int  # index after the number and anything read with it


@dataclass(frozen=True, slots=True)
class _Expression:
    first: _Quantity
    second: _Quantity | None  # the upper end of a range

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return (self.second or self.first).end

    def midpoint(self) -> float:
        if self.second is None:
            return self.first.number.value
        low, high = self.first.number, self.second.number
        low_value = low.value * 1000 if high.thousands and not low.thousands else low.value
        return (low_value + high.value) / 2


def _quantity_at(tokens: Sequence[_Token], i: int) -> _Quantity:
    number = tokens[i]
    assert isinstance(number, _Num)
    j = i + 1
    while j < len(tokens):
        word = _word(tokens, j)
        if word in _SKIPPED_AFTER_NUMBER:
            j += 1
        elif word == "-" and _word(tokens, j + 1) == "ish":
            j += 2
        elif word == "of" and _word(tokens, j + 1) in _TIME_UNITS:
            j += 1  # "a couple of months"
        else:
            break
    unit = _word(tokens, j)
    if unit in _TIME_UNITS:
        return _Quantity(number, unit, i, j + 1)
    return _Quantity(number, None, i, j)


def _expression_at(tokens: Sequence[_Token], i: int) -> _Expression:
    first = _quantity_at(tokens, i)
    link = _word(tokens, first.end)
    is_range_link = link in ("-", "to", "or") or (link == "and" and _word(tokens, i - 1) == "between")
    after = first.end + 1
    if is_range_link and after < len(tokens) and isinstance(tokens[after], _Num):
        return _Expression(first, _quantity_at(tokens, after))
    return _Expression(first, None)


def _first_number_index(tokens: Sequence[_Token]) -> int | None:
    return next((i for i, token in enumerate(tokens) if isinstance(token, _Num)), None)


# --------------------------------------------------------------------------- parse_number


def parse_number(text: str) -> float | None:
    """The number an interviewer gave, as said: "about 45 hours" -> 45.0.

    The first number-like expression wins; a range gives its midpoint
    ("40-45", "40 to 45" -> 42.5). Units are not converted ("six months"
    -> 6.0; see `parse_duration_years`). None when there is no number:
    "", "no idea", "it varies", "lots".
    """
    tokens = _tokens(text)
    i = _first_number_index(tokens)
    if i is None:
        return None
    return _expression_at(tokens, i).midpoint()


# --------------------------------------------------------------------------- durations


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
    tokens = _tokens(text)
    i = _first_number_index(tokens)
    if i is None:
        return None
    expression = _expression_at(tokens, i)
    first, second = expression.first, expression.second
    if first.unit is None and _is_calendar_year(first.number.value):
        return _years_since(first.number.value, today)
    if second is None:
        return _compound_years(tokens, first)
    low = _in_years(first.number.value, first.unit or second.unit)
    high = _in_years(second.number.value, second.unit or first.unit)
    if low is None or high is None:
        return None
    return (low + high) / 2


def _is_calendar_year(value: float) -> bool:
    return value.is_integer() and 1900 <= value <= 2100


def _years_since(year: float, today: date | None) -> float | None:
    if today is None or year > today.year:
        return None
    return float(today.year - int(year))


def _in_years(value: float, unit: str | None) -> float | None:
    if unit is None:
        return value
    factor = _YEARS_PER_UNIT.get(unit)
    return None if factor is None else value * factor


def _compound_years(tokens: Sequence[_Token], first: _Quantity) -> float | None:
    """`first` plus any smaller parts that follow it: "1 year, 6 months and 2 weeks"."""
    years = _in_years(first.number.value, first.unit)
    if years is None:
        return None
    part = first
    while part.unit is not None:
        j = part.end + 1 if _word(tokens, part.end) in ("and", ",") else part.end
        if j >= len(tokens) or not isinstance(tokens[j], _Num):
            break
        following = _quantity_at(tokens, j)
        if following.unit is None or not _is_smaller_unit(following.unit, part.unit):
            break
        years += _in_years(following.number.value, following.unit) or 0.0
        part = following
    return years


def _is_smaller_unit(unit: str, than: str) -> bool:
    size, bigger = _YEARS_PER_UNIT.get(unit), _YEARS_PER_UNIT.get(than)
    return size is not None and bigger is not None and size < bigger


# --------------------------------------------------------------------------- hires and departures

_Role = Literal["join", "leave"]
_ROLES: Final[tuple[_Role, _Role]] = ("join", "leave")


@dataclass(frozen=True, slots=True)
class _Keyword:
    role: _Role
    start: int
    end: int  # inclusive: index of the keyword's last word
    weak: bool  # "in", "out", "new": only counts right after a number ("12 in, 4 out")


_JOIN_WORDS: Final = frozenset({
    "hired", "hire", "hires", "hiring", "hirings", "joined", "join", "joins", "joining",
    "joiner", "joiners", "onboarded", "onboard", "added", "recruited", "newcomers",
    "arrivals", "starters", "additions",
})  # fmt: skip
_LEAVE_WORDS: Final = frozenset({
    "left", "leave", "leaving", "leaver", "leavers", "quit", "quits", "quitting",
    "departed", "departure", "departures", "lost", "lose", "losing", "resigned",
    "resignation", "resignations", "churned", "churn", "attrition", "fired", "layoff",
    "layoffs", "exit", "exits", "exited", "gone", "turnover", "terminated",
})  # fmt: skip
_PHRASES: Final[dict[tuple[str, str], _Role]] = {
    ("brought", "on"): "join",
    ("brought", "in"): "join",
    ("came", "on"): "join",
    ("came", "in"): "join",
    ("moved", "on"): "leave",
    ("let", "go"): "leave",
    ("laid", "off"): "leave",
    ("walked", "out"): "leave",
}
_WEAK_WORDS: Final[dict[str, _Role]] = {"in": "join", "new": "join", "out": "leave"}

_GROWTH_VERBS: Final = frozenset({
    "grew", "grown", "growing", "went", "gone", "going", "increased", "expanded",
    "scaled", "jumped", "doubled", "tripled", "shrank", "shrunk", "dropped", "fell",
    "decreased", "headcount",
})  # fmt: skip
_NEGATIONS: Final = frozenset({
    "not", "never", "didn't", "haven't", "hasn't", "hadn't", "don't", "doesn't",
    "wasn't", "weren't", "won't",
})  # fmt: skip
_DATE_PREPOSITIONS: Final = frozenset({
    "in", "since", "during", "of", "from", "by", "until", "till", "before", "after", "for",
})  # fmt: skip
_CLAUSE_BREAKS: Final = frozenset({",", ";", ".", "/", "|", ":", "!", "?", "(", ")", "&"})
_WINDOW: Final = 7  # how many tokens away a keyword may be and still describe a number
_BREAK_PENALTY: Final = 3.0  # a keyword across a comma is less likely to be about this number
_WEAK_PENALTY: Final = 0.5


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: float
    start: int
    end: int  # index after the expression (number, range, unit)


@dataclass(frozen=True, slots=True)
class _Scored:
    candidate: _Candidate
    join_cost: float
    leave_cost: float

    def cost(self, role: _Role) -> float:
        return self.join_cost if role == "join" else self.leave_cost


def parse_hires_departures(text: str) -> tuple[float, float] | None:
    """(hires, departures) from "we hired 12 and 4 left", "4 left, we hired 12", "12/4".

    Each number takes the meaning of the nearest keyword (hired, joined, new,
    "brought on", ... / left, quit, lost, attrition, "moved on", "let go", ...),
    counting a comma or slash between them as extra distance; the pair with the
    closest keywords wins, so word order does not matter. Numbers followed by a
    time unit ("in the last 12 months"), percentages and years after "in" or
    "since" are ignored. With exactly two numbers and only one explained, the
    other takes the other role; with two numbers and no keywords, the first is
    hires ("12/4"). "nobody left", "no departures" and "haven't lost anyone"
    give 0.

    Headcount changes: "grew from 8 to 14 with one departure" gives (7, 1),
    because hires = growth + departures. Growth alone ("grew from 8 to 14")
    does not say how many left, so it gives None. One number per role: with
    "3 resigned, 1 was fired" only the closest one counts.

    None when both numbers cannot be found.
    """
    tokens = _tokens(text)
    keywords = _find_keywords(tokens)
    tokens = _zeros_from_negations(tokens, keywords)
    candidates, growth = _candidates(tokens)
    boundaries = _boundary_prefix(tokens)
    scored = [_score(candidate, keywords, boundaries) for candidate in candidates]
    pair = _best_pair(scored)
    if pair is not None:
        return pair
    if growth is not None:
        return _pair_from_growth(scored, growth)
    return _pair_by_elimination(scored)


def _find_keywords(tokens: Sequence[_Token]) -> dict[int, _Keyword]:
    keywords: dict[int, _Keyword] = {}
    for i in range(len(tokens)):
        word = _word(tokens, i)
        if not word:
            continue
        phrase_role = _PHRASES.get((word, _word(tokens, i + 1)))
        if phrase_role is not None:
            keywords[i] = _Keyword(phrase_role, i, i + 1, weak=False)
        elif word in _JOIN_WORDS:
            keywords[i] = _Keyword("join", i, i, weak=False)
        elif word in _LEAVE_WORDS:
            keywords[i] = _Keyword("leave", i, i, weak=False)
        elif word in _WEAK_WORDS:
            keywords[i] = _Keyword(_WEAK_WORDS[word], i, i, weak=True)
    return keywords


def _zeros_from_negations(tokens: list[_Token], keywords: dict[int, _Keyword]) -> list[_Token]:
    """ "no departures" and "haven't lost anyone" carry a count of 0."""
    result = list(tokens)
    for i, token in enumerate(tokens):
        no_before_keyword = token == "no" and i + 1 in keywords
        negated_anyone = token in ("anyone", "anybody") and any(
            _word(tokens, k) in _NEGATIONS for k in range(max(0, i - 3), i)
        )
        if no_before_keyword or negated_anyone:
            result[i] = _Num(0.0)
    return result


def _candidates(tokens: Sequence[_Token]) -> tuple[list[_Candidate], float | None]:
    """The numbers that may be counts of people, and the net growth of a
    "grew from 8 to 14" phrase if there is one."""
    candidates: list[_Candidate] = []
    growth: float | None = None
    i = 0
    while i < len(tokens):
        if not isinstance(tokens[i], _Num):
            i += 1
            continue
        change = _growth_at(tokens, i)
        if change is not None:
            growth = change if growth is None else growth
            i += 3
            continue
        expression = _expression_at(tokens, i)
        if _is_count_of_people(tokens, expression):
            candidates.append(_Candidate(expression.midpoint(), expression.start, expression.end))
        i = expression.end
    return candidates, growth


def _growth_at(tokens: Sequence[_Token], i: int) -> float | None:
    """The net change when tokens[i] is the 8 of "(the team) grew from 8 to 14"."""
    if _word(tokens, i - 1) != "from" or _word(tokens, i + 1) not in ("to", "-"):
        return None
    if not any(_word(tokens, k) in _GROWTH_VERBS for k in range(max(0, i - 5), i - 1)):
        return None
    before = tokens[i]
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if not isinstance(before, _Num) or not isinstance(after, _Num):
        return None
    return after.value - before.value


def _is_count_of_people(tokens: Sequence[_Token], expression: _Expression) -> bool:
    last = expression.second or expression.first
    if last.unit is not None or _word(tokens, last.end) in ("%", "percent"):
        return False
    first_value = expression.first.number.value
    is_date = _is_calendar_year(first_value) and _word(tokens, expression.start - 1) in _DATE_PREPOSITIONS
    return not is_date


def _boundary_prefix(tokens: Sequence[_Token]) -> list[int]:
    """prefix[k] is how many clause breaks there are in tokens[:k]."""
    prefix = [0]
    for token in tokens:
        prefix.append(prefix[-1] + (1 if isinstance(token, str) and token in _CLAUSE_BREAKS else 0))
    return prefix


def _score(candidate: _Candidate, keywords: dict[int, _Keyword], boundaries: Sequence[int]) -> _Scored:
    costs: dict[_Role, float] = {"join": math.inf, "leave": math.inf}
    lowest = max(0, candidate.start - _WINDOW - 2)
    for position in range(lowest, candidate.end + _WINDOW):
        keyword = keywords.get(position)
        if keyword is None:
            continue
        cost = _keyword_cost(candidate, keyword, boundaries)
        costs[keyword.role] = min(costs[keyword.role], cost)
    return _Scored(candidate, costs["join"], costs["leave"])


def _keyword_cost(candidate: _Candidate, keyword: _Keyword, boundaries: Sequence[int]) -> float:
    if keyword.start >= candidate.end:
        distance = keyword.start - candidate.end + 1
        breaks = boundaries[keyword.start] - boundaries[candidate.end]
    elif keyword.end < candidate.start:
        distance = candidate.start - keyword.end
        breaks = boundaries[candidate.start] - boundaries[keyword.end + 1]
    else:
        return math.inf
    if distance > _WINDOW or (keyword.weak and (distance != 1 or keyword.start < candidate.start)):
        return math.inf
    return distance + _BREAK_PENALTY * breaks + (_WEAK_PENALTY if keyword.weak else 0.0)


def _best_pair(scored: Sequence[_Scored]) -> tuple[float, float] | None:
    # The best pair uses one of the two best for each role, so only those are compared.
    joiners = sorted(
        (s for s in scored if s.join_cost < math.inf),
        key=lambda s: (s.join_cost, s.candidate.start),
    )
    leavers = sorted(
        (s for s in scored if s.leave_cost < math.inf),
        key=lambda s: (s.leave_cost, s.candidate.start),
    )
    best: tuple[tuple[float, int, int, int], tuple[float, float]] | None = None
    for hire in joiners[:2]:
        for leave in leavers[:2]:
            if hire is leave:
                continue
            hire_start, leave_start = hire.candidate.start, leave.candidate.start
            order = 0 if hire_start < leave_start else 1  # on a tie, hires first by convention
            key = (hire.join_cost + leave.leave_cost, order, hire_start, leave_start)
            if best is None or key < best[0]:
                best = (key, (hire.candidate.value, leave.candidate.value))
    return None if best is None else best[1]


def _best_single(scored: Sequence[_Scored]) -> tuple[_Role, _Scored] | None:
    options = [(s.cost(role), s.candidate.start, role, s) for s in scored for role in _ROLES]
    finite = [option for option in options if option[0] < math.inf]
    if not finite:
        return None
    _, _, role, best = min(finite, key=lambda option: (option[0], option[1], option[2]))
    return role, best


def _pair_from_growth(scored: Sequence[_Scored], growth: float) -> tuple[float, float] | None:
    single = _best_single(scored)
    if single is None:
        return None
    role, known = single
    if role == "join":
        hires, departures = known.candidate.value, known.candidate.value - growth
    else:
        hires, departures = known.candidate.value + growth, known.candidate.value
    if hires < 0 or departures < 0:
        return None
    return hires, departures


def _pair_by_elimination(scored: Sequence[_Scored]) -> tuple[float, float] | None:
    if len(scored) != 2:
        return None
    first, second = scored
    single = _best_single(scored)
    if single is None:
        return first.candidate.value, second.candidate.value
    role, known = single
    other = second if known is first else first
    if role == "join":
        return known.candidate.value, other.candidate.value
    return other.candidate.value, known.candidate.value


# --------------------------------------------------------------------------- metrics


def attrition_percent(hires: float, departures: float, headcount: float | None = None) -> float | None:
    """How many left, as a percentage.

    With `headcount`: departures / headcount x 100 (the usual attrition rate);
    None when headcount is 0.

    Without it: departures / hires x 100, i.e. how much of the hiring only
    replaced people who left (100 means the team stood still; above 100 it
    shrank). None when hires is 0, because the ratio is undefined there:
    both 0 means no movement at all, and departures with no hires is the
    worst case, which the caller must flag itself
    (`hires == 0 and departures > 0`) rather than read as a number.

    Raises ValueError for negative or NaN inputs (a programming error: the
    parsers never produce them).
    """
    for name, value in (("hires", hires), ("departures", departures), ("headcount", headcount)):
        if value is not None and (math.isnan(value) or value < 0):
            raise ValueError(f"{name} must be a non-negative number, not {value!r}")
    if headcount is not None:
        return None if headcount == 0 else departures / headcount * 100
    if hires == 0:
        return None
    return departures / hires * 100


def exceeds(value: float, flag_above: float | None, flag_below: float | None) -> str | None:
    """ "above" when value > flag_above, "below" when value < flag_below, else None.

    Strict at the boundary: a value equal to a threshold does not flag
    (flag_above=30 flags 30.01, not 30). If both limits are crossed (only
    possible when flag_above < flag_below), "above" wins. NaN never flags.
    """
    if flag_above is not None and value > flag_above:
        return "above"
    if flag_below is not None and value < flag_below:
        return "below"
    return None
