"""How often: on-call weeks a month, pages in a week, office days a week, managers in two years.

Each reader turns the words people use into the metric's own unit and says
how when it converts: "every 8 weeks" is 52/12/8 = 0.54 on-call weeks a
month, "six people on the rota" is one week in six (weekly shifts assumed),
"Tuesdays and Thursdays" is 2 office days, "a new one every six months" is
4 managers in two years. Words that are not numbers ("a lot", "it depends")
give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from interview_prep.core.numbers.tokens import tokenize
from interview_prep.core.numbers.value import COUNTED_NOUN, NUMBER, Value, plain

WEEKS_PER_MONTH: Final = 52 / 12
_N = NUMBER
_RANGE = _N + r"(?: (?:-|to|or) " + _N + r")?"
_PERIOD_WEEKS: Final = {
    "night": 1 / 7,
    "day": 1 / 7,
    "week": 1.0,
    "fortnight": 2.0,
    "month": WEEKS_PER_MONTH,
    "quarter": 13.0,
    "year": 52.0,
}
_PERIOD = r"(night|day|week|fortnight|month|quarter|year)s?"
_NTH: Final = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_ONCE: Final = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_NONE_WORDS = re.compile(
    r"\b(never|not once|0 times|no pages|none|nothing|not really|not at all|"
    r"(?:no|not have|don't have|don't do|doesn't have|isn't any|there's no) (?:an |any |real )?on ?- ?call|"
    r"fully remote|remote ?- ?first|(?:wasn't|weren't|didn't get|never got|not) (?:\w+ )?(?:woken|paged)|"
    r"100 % remote|never go in|no office)\b"
)

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], Value | None]]


def _num(match: re.Match[str], group: int) -> float:
    return float(match.group(group))


def _ends(match: re.Match[str], first: int) -> tuple[float, float]:
    low = _num(match, first)
    high = float(match.group(first + 1)) if match.group(first + 1) else low
    return min(low, high), max(low, high)


def _segments(said: str) -> list[str]:
    """What follows the last "but"/"really" first, then the whole answer ("officially 2, but really 3")."""
    contrast = list(_CONTRAST.finditer(said))
    return [said[contrast[-1].end() :], said] if contrast else [said]


_CONTRAST = re.compile(r"\b(?:but|really|actually|realistically|in practice|in reality)\b")


def _earliest(rules: list[Rule], text: str) -> Value | None:
    """The earliest match of any rule wins; rules earlier in the list win a tie."""
    best: tuple[int, int, Value] | None = None
    for rank, (pattern, convert) in enumerate(rules):
        for match in pattern.finditer(text):
            value = convert(match)
            if value is not None and (best is None or (match.start(), rank) < best[:2]):
                best = (match.start(), rank, value)
                break
    return None if best is None else best[2]


def _per(weeks_in_unit: float, note: str) -> Callable[[re.Match[str]], Value | None]:
    """ "N (times|weeks) a PERIOD" -> per `weeks_in_unit` weeks."""

    def convert(match: re.Match[str]) -> Value | None:
        low, high = _ends(match, 1)
        factor = weeks_in_unit / _PERIOD_WEEKS[match.group(3)]
        return Value(low * factor, high * factor, note)

    return convert


def _once_per(weeks_in_unit: float, note: str) -> Callable[[re.Match[str]], Value | None]:
    def convert(match: re.Match[str]) -> Value | None:
        times = _ONCE[match.group(1)]
        factor = weeks_in_unit / _PERIOD_WEEKS[match.group(2)]
        return Value(times * factor, times * factor, note)

    return convert


# --------------------------------------------------------------------------- on-call

_ROTA = r"(?:rota|rotation|roster|pager|on ?- ?call)"
_ONCALL_RULES: Final[list[Rule]] = [
    (
        re.compile(r"\bevery (?:other|second|2nd) week\b|\balternate weeks\b|\bweek on ,? week off\b"),
        lambda m: Value(WEEKS_PER_MONTH / 2, WEEKS_PER_MONTH / 2, "every other week"),
    ),
    (
        re.compile(r"\b(?:1 week )?(?:in every|in|out of|of every) " + _N + r"(?: weeks)?\b"),
        lambda m: _one_in(_num(m, 1)) if _num(m, 1) >= 2 else None,
    ),
    (re.compile(r"\bevery " + _N + r" weeks\b"), lambda m: _one_in(_num(m, 1))),
    (re.compile(r"\bevery (" + "|".join(_NTH) + r") week\b"), lambda m: _one_in(float(_NTH[m.group(1)]))),
    (
        re.compile(r"\brotate (?:weekly )?(?:between|among|across) (?:about |around )?" + _N + r"\b"),
        lambda m: _rota(_num(m, 1)),
    ),
    (re.compile(r"\bevery " + _N + r" months\b"), lambda m: _months(1 / _num(m, 1))),
    (
        re.compile(r"\bevery (month|quarter|year)\b"),
        lambda m: _months(1 / {"month": 1, "quarter": 3, "year": 12}[m.group(1)]),
    ),
    (
        re.compile(
            r"\b(?:rotation|rota|roster) (?:of|between|among|with) (?:about |around |maybe )?" + _N + r"\b"
        ),
        lambda m: _rota(_num(m, 1)),
    ),
    (
        re.compile(
            _N
            + r" (?:-? ?(?:person|people|engineers?|devs?|developers?|folks|of us)) (?:\w+ ){0,3}?"
            + _ROTA
            + r"\b"
        ),
        lambda m: _rota(_num(m, 1)),
    ),
    (
        re.compile(
            _N
            + r" (?:people|engineers|developers|devs|folks|of us) (?:rotate|take turns|share (?:it|the pager))"
        ),
        lambda m: _rota(_num(m, 1)),
    ),
    (re.compile(r"\b(once|twice|thrice) (?:a|per|every) " + _PERIOD), _once_per(WEEKS_PER_MONTH, "")),
    (re.compile(_RANGE + r" (?:weeks?|times) (?:a|per|every|each) " + _PERIOD), _per(WEEKS_PER_MONTH, "")),
    (
        re.compile(_RANGE + r" days? (?:a|per|every|each) " + _PERIOD),
        lambda m: _per(WEEKS_PER_MONTH / 7, "days counted as sevenths of a week")(m),
    ),
    (
        re.compile(r"\b(?:always|all the time|permanently|every week)\b"),
        lambda m: Value(WEEKS_PER_MONTH, WEEKS_PER_MONTH, "always on call"),
    ),
]


def _one_in(weeks: float) -> Value | None:
    if weeks < 1:
        return None
    share = WEEKS_PER_MONTH / weeks
    return Value(share, share, f"one week in {weeks:g}")


def _months(per_month: float) -> Value:
    return Value(per_month, per_month, "one week each time")


def _rota(people: float) -> Value | None:
    if people < 1 or not people.is_integer():
        return None
    share = WEEKS_PER_MONTH / people
    return Value(share, share, f"a rotation of {people:g}, one week each (assumed)")


def oncall_weeks_per_month(text: str) -> Value | None:
    for said in _segments(plain(tokenize(text))):
        found = _earliest(_ONCALL_RULES, said) or _none(said) or _bare(said, most=WEEKS_PER_MONTH)
        if found is not None:
            return found
    return None


def _none(said: str) -> Value | None:
    return Value(0.0, 0.0) if _NONE_WORDS.search(said) else None


def _bare(
    said: str, most: float, skip_units: str = r"people|person|engineers|years?|months|days|hours"
) -> Value | None:
    """A number said on its own, as the question's unit, if it is plausible for it."""
    match = re.search(_RANGE + r"(?! (?:" + skip_units + r"|%|/))(?!" + COUNTED_NOUN + ")", said)
    if match is None:
        return None
    low, high = _ends(match, 1)
    return Value(low, high) if high <= most else None


# --------------------------------------------------------------------------- pages in a week

_PAGE_RULES: Final[list[Rule]] = [
    (re.compile(r"\bnot (?:even )?once\b"), lambda m: Value(0.0, 0.0)),
    (re.compile(r"\bonce or twice\b"), lambda m: Value(1.0, 2.0)),
    (re.compile(r"\ba few times\b|\ba few\b"), lambda m: Value(2.0, 3.0, '"a few" read as 2-3')),
    (
        re.compile(r"\bevery (?:single )?night\b|\beach night\b|\bnightly\b"),
        lambda m: Value(7.0, 7.0, "every night"),
    ),
    (re.compile(r"\bmost nights\b"), lambda m: Value(4.0, 6.0, '"most nights" read as 4-6')),
    (re.compile(r"\b(once|twice|thrice) (?:a|per|every) " + _PERIOD), _once_per(1.0, "")),
    (
        re.compile(_RANGE + r" (?:times|pages|nights|calls|alerts) (?:a|per|every|each) " + _PERIOD),
        _per(1.0, ""),
    ),
    (re.compile(r"\b(once|twice|thrice)\b"), lambda m: Value(_ONCE[m.group(1)], _ONCE[m.group(1)])),
]


def pages_per_week(text: str) -> Value | None:
    rules = [*_PAGE_RULES, (_NONE_WORDS, lambda m: Value(0.0, 0.0))]  # "nothing at night, a few by day"
    for said in _segments(plain(tokenize(text))):
        found = _earliest(rules, said) or _bare(said, most=50.0)
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------- office days

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_DAY_ALIASES: Final = {
    **{day: i for i, day in enumerate(_DAYS)},
    **{day + "s": i for i, day in enumerate(_DAYS)},
    **{day[:3]: i for i, day in enumerate(_DAYS)},
    "tues": 1, "weds": 2, "thurs": 3, "thu": 3,
}  # fmt: skip
_WEEKDAY = r"\b(" + "|".join(sorted(_DAY_ALIASES, key=len, reverse=True)) + r")\b"
_OFFICE_RULES: Final[list[Rule]] = [
    (re.compile(r"\bonce or twice (?:a|per|every) week\b"), lambda m: Value(1.0, 2.0)),
    (
        re.compile(_WEEKDAY + r" (?:to|-|through|thru|till) " + _WEEKDAY),
        lambda m: _weekday_span(m.group(1), m.group(2)),
    ),
    (
        re.compile(
            r"\b(?:every ?day|daily|full(?: ?- ?| )time in the office|fully (?:in(?: ?- ?| ))?(?:the )?office|"
            r"in the office full(?: ?- ?| )time|all week|(?:the )?whole week)\b"
        ),
        lambda m: Value(5.0, 5.0),
    ),
    (
        re.compile(r"\bevery other week\b|\bonce a fortnight\b"),
        lambda m: Value(0.5, 0.5, "one day every other week"),
    ),
    (re.compile(r"\b(once|twice|thrice) (?:a|per|every) " + _PERIOD), _once_per(1.0, "")),
    (
        re.compile(_RANGE + r" (?:days?|times) (?:a|per|every|each|out of the|of the) " + _PERIOD),
        _per(1.0, ""),
    ),
    (re.compile(_RANGE + r" (?:days? )?(?:out of|of) 5\b"), lambda m: Value(*_ends(m, 1))),
    (re.compile(_N + r" % of the (?:time|week)"), lambda m: _share_of_week(_num(m, 1))),
    (re.compile(_RANGE + r" x (?:a|per) " + _PERIOD), _per(1.0, "")),
    (
        re.compile(_RANGE + r" (?:days? )?(?:from home|remote|wfh)\b"),
        lambda m: Value(5 - _ends(m, 1)[1], 5 - _ends(m, 1)[0], "the other days of a 5-day week"),
    ),
    (
        re.compile(r"(?:from home|remote|wfh) (?:for |on )?" + _RANGE + r" days?\b"),
        lambda m: Value(5 - _ends(m, 1)[1], 5 - _ends(m, 1)[0], "the other days of a 5-day week"),
    ),
    (re.compile(_RANGE + r" (?:office |in ?- ?office |anchor )?days?\b"), lambda m: Value(*_ends(m, 1))),
]


def _share_of_week(percent: float) -> Value | None:
    days = 5 * percent / 100
    return Value(days, days, f"{percent:g}% of a 5-day week") if 0 <= percent <= 100 else None


def _weekday_span(first: str, last: str) -> Value | None:
    days = _DAY_ALIASES[last] - _DAY_ALIASES[first] + 1
    return Value(float(days), float(days)) if days > 0 else None


def office_days_per_week(text: str) -> Value | None:
    for said in _segments(plain(tokenize(text))):
        found = _earliest(_OFFICE_RULES, said)
        if found is not None and found.high <= 7:
            return found
        found = _weekdays(said) or _none(said) or _bare(said, most=5.0)
        if found is not None:
            return found
    return None


def _weekdays(said: str) -> Value | None:
    """ "Tuesdays and Thursdays": the weekdays named, counted."""
    weekdays = {_DAY_ALIASES[name] for name in re.findall(_WEEKDAY, said)}
    count = float(len(weekdays))
    return Value(count, count, "weekdays named") if weekdays else None


# --------------------------------------------------------------------------- managers

_ORDINALS: Final = {
    "first": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7,
}  # fmt: skip
_MANAGER_RULES: Final[list[Rule]] = [
    (re.compile(r"\bevery " + _N + r" months\b"), lambda m: _every_months(_num(m, 1))),
    (re.compile(r"\bevery " + _N + r" years\b"), lambda m: _every_months(12 * _num(m, 1))),
    (re.compile(r"\bevery year\b"), lambda m: _every_months(12.0)),
    (
        re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b(?! (?:time|week|year|month|day))"),
        lambda m: Value(
            float(_ORDINALS[m.group(1)]), float(_ORDINALS[m.group(1)]), "counted from the ordinal"
        ),
    ),
    (
        re.compile(
            r"\bsame (?:manager|one|person|boss)\b|\bjust the one\b|\bonly one\b|\bno changes?\b|"
            r"\b(?:just|only) me\b"
        ),
        lambda m: Value(1.0, 1.0),
    ),
]


def _every_months(months: float) -> Value | None:
    if months <= 0:
        return None
    count = 24 / months
    return Value(count, count, f"a new one every {months:g} months")


_MANAGER_UNITS = r"years?|months|people|person|engineers|reports|days|weeks"
_NOT_MANAGERS = r" (?!(?:managers|bosses|leads|mgrs|heads|is|was|has|this|as)\b)[a-z]+s\b"  # "3 directors"
_MANAGER_COUNT: Final[Rule] = (
    re.compile(
        r"(?<!new )" + _RANGE + r"(?! (?:" + _MANAGER_UNITS + r"|every|%|/))(?!" + _NOT_MANAGERS + ")"
    ),
    lambda m: Value(*_ends(m, 1)) if _ends(m, 1)[1] <= 24 else None,
)


def managers_in_two_years(text: str) -> Value | None:
    rules = [*_MANAGER_RULES, _MANAGER_COUNT]  # "two, the first left in March": the count comes first
    for said in _segments(plain(tokenize(text))):
        found = _earliest(rules, said)
        if found is not None:
            return found
    return None
