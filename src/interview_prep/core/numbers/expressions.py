"""A number with what is read with it: a time unit, hedges ("about", "45ish", "50+") and
the other end of a range ("40-45", "between 40 and 45", "5 or 6")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview_prep.core.numbers.tokens import SKIPPED_AFTER_NUMBER, TIME_UNITS, Num, Token, tokenize, word_at


@dataclass(frozen=True, slots=True)
class Quantity:
    number: Num
    unit: str | None  # a time unit word following the number, if any
    start: int  # index of the number
    end: int  # index after the number and anything read with it


@dataclass(frozen=True, slots=True)
class Expression:
    first: Quantity
    second: Quantity | None  # the upper end of a range

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


def quantity_at(tokens: Sequence[Token], i: int) -> Quantity:
    number = tokens[i]
    assert isinstance(number, Num)
    j = i + 1
    while j < len(tokens):
        word = word_at(tokens, j)
        if word in SKIPPED_AFTER_NUMBER:
            j += 1
        elif word == "-" and word_at(tokens, j + 1) == "ish":
            j += 2
        elif word == "of" and word_at(tokens, j + 1) in TIME_UNITS:
            j += 1  # "a couple of months"
        else:
            break
    unit = word_at(tokens, j)
    if unit in TIME_UNITS:
        return Quantity(number, unit, i, j + 1)
    return Quantity(number, None, i, j)


def expression_at(tokens: Sequence[Token], i: int) -> Expression:
    first = quantity_at(tokens, i)
    link = word_at(tokens, first.end)
    is_range_link = link in ("-", "to", "or") or (link == "and" and word_at(tokens, i - 1) == "between")
    after = first.end + 1
    if is_range_link and after < len(tokens) and isinstance(tokens[after], Num):
        return Expression(first, quantity_at(tokens, after))
    return Expression(first, None)


def first_number_index(tokens: Sequence[Token]) -> int | None:
    return next((i for i, token in enumerate(tokens) if isinstance(token, Num)), None)


def parse_number(text: str) -> float | None:
    """The number an interviewer gave, as said: "about 45 hours" -> 45.0.

    The first number-like expression wins; a range gives its midpoint
    ("40-45", "40 to 45" -> 42.5). Units are not converted ("six months"
    -> 6.0; see `parse_duration_years`). None when there is no number:
    "", "no idea", "it varies", "lots".
    """
    tokens = tokenize(text)
    i = first_number_index(tokens)
    if i is None:
        return None
    return expression_at(tokens, i).midpoint()
