"""Days of leave taken, in working days: "four weeks" is 20, "a fortnight" 10, "25 days" 25."""

from __future__ import annotations

import re
from typing import Final

from interview_prep.core.numbers.tokens import tokenize
from interview_prep.core.numbers.value import COUNTED_NOUN, NUMBER, Value, plain

_N = NUMBER
_RANGE = _N + r"(?: (?:-|to|or) " + _N + r")?"
_DAYS_PER: Final = {"day": 1.0, "week": 5.0, "wk": 5.0, "fortnight": 10.0, "month": 21.0}
_UNIT = r"(days?|weeks?|wks?|fortnights?|months?)"
_AMOUNT = re.compile(
    _RANGE
    + r"(?: (?:full |whole |working |work |business |days? of )?"
    + _UNIT
    + r"\b)?(?! ?(?:%|years?|yrs?|people|hours|h\b|times|/))(?!"
    + COUNTED_NOUN
    + ")"
)
_FORTNIGHT = re.compile(r"\b(?:a|one) fortnight\b")
_A_FEW = re.compile(r"\ba few\b")
_ALLOWANCE = re.compile(
    r"(?:out of|of (?:our|my|the|about)|allowance (?:is |of )?|entitled to|we get|you get|budget of|policy is|contract says)\s*(?:about |around )?$"
)
_CONTRAST = re.compile(r"\b(?:but|really|actually|realistically|in practice)\b")
_TOOK = re.compile(r"\b(?:took|take|taken|used|had|managed|off)\b")
_NONE = re.compile(
    r"\b(?:none|not (?:a single day|one day)|(?:didn't|did not|haven't|have not) (?:take|taken|had|used) any|"
    r"no (?:time off|holiday|vacation|leave))\b"
)
_WORKING_DAYS_NOTE: Final = {"week": "weeks as 5 working days", "fortnight": "a fortnight as 10 working days",
                             "month": "a month as 21 working days"}  # fmt: skip


def leave_days(text: str) -> Value | None:
    said = _A_FEW.sub("2 to 3", _FORTNIGHT.sub("1 fortnight", plain(tokenize(text))))
    amounts = [
        m for m in _AMOUNT.finditer(said) if not _ALLOWANCE.search(said[max(0, m.start() - 40) : m.start()])
    ]
    if not amounts:
        return Value(0.0, 0.0) if _NONE.search(said) else None
    first = _chosen(said, amounts)
    total = _with_listed_parts(said, amounts, first)
    if total.high > 60:
        return None
    return total


def _with_listed_parts(said: str, amounts: list[re.Match[str]], first: re.Match[str]) -> Value:
    """ "a week at Christmas and a week in summer", "one week in spring, two in summer": parts add up."""
    total, unit = _days(first), first.group(3)
    previous = first
    for match in amounts[amounts.index(first) + 1 :]:
        between = said[previous.end() : match.start()]
        if len(between) > 25 or not re.search(r"\b(?:and|plus)\b|,", between) or _CONTRAST.search(between):
            break
        if match.group(3) is None and not re.match(r" (?:in|at|over|during)\b|\s*$", said[match.end() :]):
            break  # "plus 2 to 3 long weekends": not a count of the same unit
        part = _days(match, default_unit=unit if match.group(3) is None else None)
        total = Value(total.low + part.low, total.high + part.high, total.note or part.note)
        unit, previous = match.group(3) or unit, match
    return total


def _chosen(said: str, amounts: list[re.Match[str]]) -> re.Match[str]:
    contrast = list(_CONTRAST.finditer(said))
    if contrast:
        after = [m for m in amounts if m.start() > contrast[-1].end()]
        if after:
            return after[0]
    taken = [m for m in amounts if _TOOK.search(said[max(0, m.start() - 30) : m.start()])]
    return (taken or amounts)[0]


def _days(match: re.Match[str], default_unit: str | None = None) -> Value:
    low = float(match.group(1))
    high = float(match.group(2)) if match.group(2) else low
    unit = (match.group(3) or default_unit or "day").rstrip("s")
    factor = _DAYS_PER.get(unit, 1.0)
    return Value(min(low, high) * factor, max(low, high) * factor, _WORKING_DAYS_NOTE.get(unit, ""))
