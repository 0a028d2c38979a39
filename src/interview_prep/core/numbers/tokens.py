"""Words, symbols and numbers in an answer, with spelled numbers already read.

"forty five" -> 45, "a dozen" -> 12, "two and a half" -> 2.5, "a couple" -> 2,
"none"/"nobody" -> 0, "1,200" -> 1200, "15k" -> 15000. Vague words ("a few",
"lots") are not numbers here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Num:
    value: float
    thousands: bool = False  # written with a "k" suffix, as in "15k"


Token = str | Num

_TRANSLATE: Final = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "’": "'", "‘": "'"})
_THOUSANDS_COMMA: Final = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_TOKEN: Final = re.compile(
    r"(?P<ordinal>[0-9]+(?:st|nd|rd|th)(?![a-z]))"  # "3rd" is a rank, not a quantity
    r"|(?P<num>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?P<k>k(?![a-z]))?"
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

YEARS_PER_UNIT: Final = {
    "year": 1.0, "years": 1.0, "yr": 1.0, "yrs": 1.0, "y": 1.0,
    "month": 1 / 12, "months": 1 / 12, "mo": 1 / 12, "mos": 1 / 12,
    "mth": 1 / 12, "mths": 1 / 12,
    "week": 1 / 52, "weeks": 1 / 52, "wk": 1 / 52, "wks": 1 / 52,
    "day": 1 / 365, "days": 1 / 365,
    "quarter": 0.25, "quarters": 0.25,
    "decade": 10.0, "decades": 10.0,
}  # fmt: skip
_SHORT_TIME_UNITS: Final = frozenset({"hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins"})
TIME_UNITS: Final = frozenset(YEARS_PER_UNIT) | _SHORT_TIME_UNITS
# Units that "a"/"an"/"half a" may count: "a year" is 1 year, but "a quarter
# of the team" is not a number.
_SINGULAR_UNITS: Final = frozenset({"year", "yr", "month", "week", "day", "decade", "hour", "hr", "minute"})
# "45 hours a week": the "a" after these is a rate, not the number 1.
_RATE_WORDS: Final = TIME_UNITS | {"times", "once", "twice", "per"}
_ARTICLES: Final = frozenset({"a", "an"})
SKIPPED_AFTER_NUMBER: Final = frozenset({"+", "ish", "plus", "full", "whole"})


def tokenize(text: str) -> list[Token]:
    """Words, symbols and numbers, with spelled numbers already turned into `Num`."""
    return _merge_spelled_numbers(_raw_tokens(text))


def _raw_tokens(text: str) -> list[Token]:
    normal = _THOUSANDS_COMMA.sub("", text.lower().translate(_TRANSLATE))
    tokens: list[Token] = []
    # findall hands back every token's groups at once ("" for a group not in it): no Match objects.
    for ordinal, digits, thousands, word, symbol in _TOKEN.findall(normal):
        if not digits:
            tokens.append(word or ordinal or symbol)
        elif len(digits) > _MAX_DIGITS:
            tokens.append("#")
        elif thousands:
            tokens.append(Num(float(digits) * 1000, thousands=True))
        else:
            tokens.append(Num(float(digits)))
    return tokens


def _merge_spelled_numbers(raw: list[Token]) -> list[Token]:
    merged: list[Token] = []
    i = 0
    while i < len(raw):
        token = raw[i]
        if isinstance(token, str) and token not in _NUMBER_STARTS and not token.endswith("ish"):
            merged.append(token)  # most words: _number_at's first test, without the call
            i += 1
            continue
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


def _number_at(raw: Sequence[Token], i: int) -> tuple[Num, int] | None:
    """The number starting at raw[i] and the index after it, or None."""
    token = raw[i]
    if isinstance(token, Num):
        return token, i + 1
    if token not in _NUMBER_STARTS and not token.endswith("ish"):
        return None  # the common case, checked first because every token passes here
    zero_end = _zero_phrase_end(raw, i)
    if zero_end is not None:
        return Num(0.0), zero_end
    if token == "half":
        return _half_at(raw, i)
    if token in _ARTICLES:
        return _article_at(raw, i)
    if token == "couple":
        return Num(2.0), i + 1
    return _number_words_at(raw, i)


def _zero_phrase_end(raw: Sequence[Token], i: int) -> int | None:
    for phrase in _ZERO_PHRASES_BY_FIRST_WORD.get(word_at(raw, i), ()):
        if words_at(raw, i, phrase):
            return i + len(phrase)
    return None


def words_at(raw: Sequence[Token], i: int, words: tuple[str, ...]) -> bool:
    return tuple(raw[i : i + len(words)]) == words


def word_at(raw: Sequence[Token], i: int) -> str:
    """raw[i] if it is a word or symbol; "" past the end or for a number."""
    if 0 <= i < len(raw):
        token = raw[i]
        if isinstance(token, str):
            return token
    return ""


def _half_at(raw: Sequence[Token], i: int) -> tuple[Num, int] | None:
    if word_at(raw, i + 1) not in _ARTICLES:
        return None
    if word_at(raw, i + 2) == "dozen":
        return Num(6.0), i + 3
    if word_at(raw, i + 2) in _SINGULAR_UNITS:
        return Num(0.5), i + 2
    return None


def _article_at(raw: Sequence[Token], i: int) -> tuple[Num, int] | None:
    following = word_at(raw, i + 1)
    if following in _SCALES or following == "dozen":
        return _number_words_at(raw, i + 1, leading_one=True)
    if following == "couple":
        return Num(2.0), i + 2
    if word_at(raw, i - 1) in _RATE_WORDS:
        return None
    if following in _SINGULAR_UNITS:
        return Num(1.0), i + 1
    if following in ("full", "whole") and word_at(raw, i + 2) in _SINGULAR_UNITS:
        return Num(1.0), i + 2
    return None


def _spelled(token: str) -> str | None:
    if token in _NUMBER_WORDS_WITH_SCALES:
        return token
    if token.endswith("ish") and token[:-3] in _NUMBER_WORDS:  # "fortyish"
        return token[:-3]
    return None


def _number_words_at(raw: Sequence[Token], i: int, leading_one: bool = False) -> tuple[Num, int] | None:
    """Read "forty five", "one hundred and twenty", "two dozen"; stop at the first word
    that cannot continue the number, so "two three" is two numbers."""
    total, current = 0, 1 if leading_one else 0
    last = "one" if leading_one else ""
    j = i
    while j < len(raw):
        token = word_at(raw, j)
        word = _spelled(token)
        if word is None:
            after = _spelled(word_at(raw, j + 1))
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
    return Num(float(total + current)), j


def _add_and_a_half(raw: Sequence[Token], i: int, number: Num) -> tuple[Num, int, str | None]:
    """Fold "two and a half" and "a year and a half"; returns the unit word to keep."""
    if words_at(raw, i, ("and", "a", "half")):
        return Num(number.value + 0.5), i + 3, None
    unit = word_at(raw, i)
    if unit in TIME_UNITS and words_at(raw, i + 1, ("and", "a", "half")):
        return Num(number.value + 0.5), i + 4, unit
    return number, i, None
