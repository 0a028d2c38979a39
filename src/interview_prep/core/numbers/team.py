"""How many people are on a team: "eight engineers plus me" is 9, "two squads of six" 12.

`size_in_answer` finds a size said inside another answer ("hired 20 and 7 left,
in a team of 120", "of about 40"), so turnover can be judged against it.
"""

from __future__ import annotations

import re
from typing import Final

from interview_prep.core.numbers.tokens import tokenize
from interview_prep.core.numbers.value import NUMBER, Value, plain

_N = NUMBER
_RANGE = _N + r"(?: (?:-|to|or) " + _N + r")?"
_HEDGE = r"(?:about |around |roughly |maybe |nearly |almost |just over |just under |approximately |~ )?"
_GROUPS = re.compile(_N + r" (?:teams|squads|pods|groups|pairs) of " + _HEDGE + _N + r"\b")
_PLUS_ME = re.compile(
    r"^ (?:\w+ )?(?:plus|and|\+) (?:me|myself|the manager|a manager|a lead|a pm|the pm|a designer)\b"
)
_PEOPLE = r"(?:people|persons|engineers|developers|devs|folks|heads|of us|members|ics|staff|employees)"
_NOT_PEOPLE: Final = re.compile(r"^ (?:%|years?|yrs?|months?|weeks?|days?|hours?|times|k\b)")
_SIZE_IN_ANSWER = re.compile(
    r"\b(?:team|department|dept|org|organisation|organization|group|company|headcount) (?:of|is|was|size of|at) "
    + _HEDGE
    + _N
    + r"\b"
    + r"|\bof (?:about|around|roughly|maybe|nearly|almost|approximately|~) "
    + _N
    + r"\b"
    + r"|\b"
    + _N
    + r" ?- ?(?:person|people|strong) (?:team|department|org|group)\b"
    + r"|\b(?:out of|among) (?:a |the )?(?:team of )?"
    + _HEDGE
    + _N
    + r"(?: people)?\b(?! (?:hired|left|joined))"
    + r"|\b(?:we're|we are|there are) "
    + _HEDGE
    + _N
    + r"(?: (?:people|engineers|staff|of us)\b|\s*$|(?= [;,.]))"
)


def team_size(text: str) -> Value | None:
    said = plain(tokenize(text))
    others = re.search(r"\bme and " + _N + r" others?\b", said)
    if others is not None:
        size = float(others.group(1)) + 1
        return Value(size, size, "you and the others named")
    groups = _GROUPS.search(said)
    if groups is not None:
        size = float(groups.group(1)) * float(groups.group(2))
        return Value(size, size, f"{groups.group(1)} groups of {groups.group(2)}")
    now = list(re.finditer(r"\b(?:now|currently|today|at the moment|these days)\b", said))
    start = now[-1].end() if now and re.search(r"\d", said[now[-1].end() :]) else 0
    for match in re.finditer(_RANGE, said[start:]):
        match_start = start + match.start()
        rest = said[start + match.end() :]
        if _NOT_PEOPLE.match(rest) or re.search(r"\b(?:in|since) $", said[:match_start]):
            continue
        low, high = float(match.group(1)), float(match.group(2) or match.group(1))
        if not high.is_integer() or high > 100_000:
            continue
        extra = _more_people(rest)
        note = "adding the others named" if extra else ""
        return Value(min(low, high) + extra, max(low, high) + extra, note)
    return None


_MORE = re.compile(
    r"^\s*(?:,|and|plus|\+)\s+(?:(\d+(?:\.\d+)?) [a-z]+|(?:a|an|the) [a-z]+|me|myself)\b(?! (?:of|in|at|on|for))"
)
_ROLE = r"(?:people|persons|engineers?|developers?|devs?|folks|of us|members|ics|staff|backend|frontend|qa|testers?)"


def _more_people(rest: str) -> float:
    """ "4 backend, 3 frontend", "six engineers, a designer and a PM": the others listed after the first count."""
    rest = re.sub(r"^ " + _ROLE + r"\b", "", rest)
    added = 0.0
    while (match := _MORE.match(rest)) is not None:
        added += float(match.group(1)) if match.group(1) else 1.0
        rest = re.sub(r"^ " + _ROLE + r"\b", "", rest[match.end() :])
    return added


def size_in_answer(text: str) -> tuple[float, tuple[int, int]] | None:
    """A team size said in passing, and where it is in `plain(tokenize(text))`."""
    said = plain(tokenize(text))
    match = _SIZE_IN_ANSWER.search(said)
    if match is None:
        return None
    number = next(group for group in match.groups() if group is not None)
    return float(number), match.span()
