"""What a metric reader returns, and the choices every reader shares."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from interview_prep.core.numbers.expressions import Expression, expression_at
from interview_prep.core.numbers.tokens import Num, Token, word_at


@dataclass(frozen=True, slots=True)
class Value:
    """A reading in the metric's unit. A range keeps both ends; limits are judged on `high`."""

    low: float
    high: float
    note: str = ""  # the assumption behind a conversion, e.g. "10 h a day, 5 days a week"

    @classmethod
    def of(cls, expression: Expression, scale: float = 1.0, note: str = "") -> Value:
        low, high = expression_ends(expression)
        return cls(low * scale, high * scale, note)

    def scaled(self, factor: float, note: str) -> Value:
        return Value(self.low * factor, self.high * factor, note)


def expression_ends(expression: Expression) -> tuple[float, float]:
    low = expression.first.number.value
    if expression.second is None:
        return low, low
    high = expression.second.number.value
    return min(low, high), max(low, high)


# "Officially 40, but really more like 50": a number after one of these replaces the ones before.
CONTRAST: Final = frozenset(
    {"but", "really", "actually", "realistically", "practice", "truthfully", "reality"}
)
# "at 9", "by five", "until 6": a time of day, not a count.
CLOCK_PREPOSITIONS: Final = frozenset(
    {"at", "by", "until", "till", "til", "after", "before", "past", "since"}
)
CLOCK_SUFFIXES: Final = frozenset({"am", "pm", "a.m", "p.m", "o'clock", "oclock"})


def number_positions(tokens: Sequence[Token]) -> list[int]:
    return [i for i, token in enumerate(tokens) if isinstance(token, Num)]


def after_contrast(tokens: Sequence[Token], positions: Sequence[int]) -> list[int]:
    """The positions after the last contrast word that still has a number after it."""
    for k in range(len(tokens) - 1, -1, -1):
        if word_at(tokens, k) in CONTRAST:
            later = [p for p in positions if p > k]
            if later:
                return later
    return list(positions)


def is_clock_time(tokens: Sequence[Token], i: int) -> bool:
    """tokens[i] is a time of day: "at 9", "5pm", "by five", "6:30", "half eight"."""
    after = word_at(tokens, i + 1)
    if after in CLOCK_SUFFIXES or (after == ":" and isinstance(_at(tokens, i + 2), Num)):
        return True
    before = word_at(tokens, i - 1)
    if before == ":" and isinstance(_at(tokens, i - 2), Num):
        return True
    return before in CLOCK_PREPOSITIONS or before == "half"


def _at(tokens: Sequence[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) else None


def is_open_ended(tokens: Sequence[Token], expression: Expression) -> bool:
    """ "55-plus", "55+", "55 or more", "at least 55", "over 55"."""
    end = expression.end
    before = word_at(tokens, expression.start - 1)
    after = (word_at(tokens, end), word_at(tokens, end + 1))
    if before in ("least", "over", "than") or after[0] in ("+", "plus"):
        return True
    return after == ("-", "plus") or after == ("or", "more")


def expressions(tokens: Sequence[Token], start: int = 0) -> Iterator[Expression]:
    """Every number expression from `start` on, left to right, each read once."""
    i = start
    while i < len(tokens):
        if isinstance(tokens[i], Num):
            expression = expression_at(tokens, i)
            yield expression
            i = max(expression.end, i + 1)
        else:
            i += 1


def plain(tokens: Sequence[Token]) -> str:
    """The tokens as one line with every number in digits: "every other week", "1 week in 6";
    "a couple of weeks" reads "2 weeks"."""
    said = " ".join(f"{token.value:g}" if isinstance(token, Num) else token for token in tokens)
    return _COUNT_OF.sub(r"\1 \2", said)


_COUNT_OF = re.compile(r"(\d) of (days?|weeks?|months?|years?|times|hours?|nights?)\b")
# A bare number followed by a plural noun counts that noun ("2 kids", "3 meetings"), not the metric.
COUNTED_NOUN = (
    r" (?!(?:times|pages|alerts|calls|nights|wakeups|plus|tops|hours|hrs|days|weeks|months|years|"
    r"is|was|has|does|this|thus|as|its|yes|less|unless)\b)[a-z]+s\b"
)
# A number in digits, never part of a longer one ("20" is not read as "2").
NUMBER = r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])"
