"""How many joined and how many left, from one answer in any word order."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from interview_prep.core.numbers.durations import is_calendar_year
from interview_prep.core.numbers.expressions import Expression, expression_at
from interview_prep.core.numbers.tokens import Num, Token, tokenize, word_at

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
    tokens = tokenize(text)
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


def _find_keywords(tokens: Sequence[Token]) -> dict[int, _Keyword]:
    keywords: dict[int, _Keyword] = {}
    for i in range(len(tokens)):
        word = word_at(tokens, i)
        if not word:
            continue
        phrase_role = _PHRASES.get((word, word_at(tokens, i + 1)))
        if phrase_role is not None:
            keywords[i] = _Keyword(phrase_role, i, i + 1, weak=False)
        elif word in _JOIN_WORDS:
            keywords[i] = _Keyword("join", i, i, weak=False)
        elif word in _LEAVE_WORDS:
            keywords[i] = _Keyword("leave", i, i, weak=False)
        elif word in _WEAK_WORDS:
            keywords[i] = _Keyword(_WEAK_WORDS[word], i, i, weak=True)
    return keywords


def _zeros_from_negations(tokens: list[Token], keywords: dict[int, _Keyword]) -> list[Token]:
    """ "no departures" and "haven't lost anyone" carry a count of 0."""
    result = list(tokens)
    for i, token in enumerate(tokens):
        no_before_keyword = token == "no" and i + 1 in keywords
        negated_anyone = token in ("anyone", "anybody") and any(
            word_at(tokens, k) in _NEGATIONS for k in range(max(0, i - 3), i)
        )
        if no_before_keyword or negated_anyone:
            result[i] = Num(0.0)
    return result


def _candidates(tokens: Sequence[Token]) -> tuple[list[_Candidate], float | None]:
    """The numbers that may be counts of people, and the net growth of a
    "grew from 8 to 14" phrase if there is one."""
    candidates: list[_Candidate] = []
    growth: float | None = None
    i = 0
    while i < len(tokens):
        if not isinstance(tokens[i], Num):
            i += 1
            continue
        change = _growth_at(tokens, i)
        if change is not None:
            growth = change if growth is None else growth
            i += 3
            continue
        expression = expression_at(tokens, i)
        if _is_count_of_people(tokens, expression):
            candidates.append(_Candidate(expression.midpoint(), expression.start, expression.end))
        i = expression.end
    return candidates, growth


def _growth_at(tokens: Sequence[Token], i: int) -> float | None:
    """The net change when tokens[i] is the 8 of "(the team) grew from 8 to 14"."""
    if word_at(tokens, i - 1) != "from" or word_at(tokens, i + 1) not in ("to", "-"):
        return None
    if not any(word_at(tokens, k) in _GROWTH_VERBS for k in range(max(0, i - 5), i - 1)):
        return None
    before = tokens[i]
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if not isinstance(before, Num) or not isinstance(after, Num):
        return None
    return after.value - before.value


def _is_count_of_people(tokens: Sequence[Token], expression: Expression) -> bool:
    last = expression.second or expression.first
    if last.unit is not None or word_at(tokens, last.end) in ("%", "percent"):
        return False
    first_value = expression.first.number.value
    is_date = is_calendar_year(first_value) and word_at(tokens, expression.start - 1) in _DATE_PREPOSITIONS
    return not is_date


def _boundary_prefix(tokens: Sequence[Token]) -> list[int]:
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
