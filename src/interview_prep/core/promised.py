"""Dates promised in what was said: "we will decide by Friday" -> chase on Monday.

Pure and deterministic: the reading depends only on the words and the day they
were said. A date phrase counts only in a sentence about the process (a
decision, hearing back, the next round, an offer...), or anywhere in an answer
to a next-steps question, so "we ship in two weeks" is not a promise to you.

What is read (the day it was said is day 0; "working day" is Monday to Friday):
- by / before / until / on / this / next + a weekday: the coming one (`next`
  + weekday in the following calendar week); by/until tomorrow.
- in / within (about) N days, weeks, working or business days; a couple of (2), a few
  (3), a fortnight (14 days); words for numbers up to twelve.
- next week (its Friday), early next week (its Tuesday), mid next week
  (Wednesday), late / end of next week (Friday); end of the week, EOW (this
  week's Friday); end of the month, EOM (its last working day).
- by / before / on the 15th (this month, or next if already past); by 10 dec /
  december 10th (this year, or next if already past).
The follow-up is due the first working day after the promised date: that is
when "no news" is news.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from interview_prep.core.when import MONTHS, NUMBER_WORDS, WEEKDAYS

_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_COUNT = r"\d{1,3}|a couple of|a few|" + "|".join(NUMBER_WORDS)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("weekday", re.compile(rf"\b(by|before|until|till|on|this|next|come)\s+(?:this\s+|next\s+)?({_WEEKDAY})\b")),
    ("tomorrow", re.compile(r"\b(?:by|before|until|till)\s+tomorrow\b")),
    ("span", re.compile(rf"\b(?:in|within)\s+(?:the\s+next\s+)?(?:about\s+|around\s+|roughly\s+)?({_COUNT})\s+(business\s+|working\s+)?(day|week)s?\b")),
    ("fortnight", re.compile(r"\b(?:in|within)\s+a\s+fortnight\b|\ba\s+fortnight\b")),
    ("next-week", re.compile(r"\b(early|mid|late|(?:the\s+)?end\s+of)?[\s-]*next\s+week\b")),
    ("end-week", re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+week|eow)\b")),
    ("end-month", re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+month|eom)\b")),
    ("day-of-month", re.compile(r"\b(?:by|before|on|until)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b")),
    ("month-day", re.compile(rf"\b(?:by|before|on|until)\s+(?:({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}))\b")),
]  # fmt: skip

# A sentence about the process you are in, not about the team's own work.
_ABOUT_THE_PROCESS = re.compile(
    r"\b(decid\w*|decision|hear|back to you|get back|let you know|next (?:round|step|stage)s?|"
    r"feedback|offer|update|reach out|in touch|respond|response|come back|follow up|schedule|"
    r"call you|email you|reply|outcome|result)\b"
)
_SENTENCE = re.compile(r"[^.!?\n]+")


@dataclass(frozen=True)
class Promise:
    phrase: str  # the words the date was read from, as said
    by: date  # the date they named
    chase: date  # when to chase if there is no news: the next working day after `by`


def find_promise(text: str, said_on: date, about_next_steps: bool = False) -> Promise | None:
    """The first date promised in `text`, or None."""
    for sentence in _SENTENCE.findall(text):
        lowered = sentence.lower()
        if not about_next_steps and not _ABOUT_THE_PROCESS.search(lowered):
            continue
        found = _first_date(lowered, said_on)
        if found is not None:
            start, end, by = found
            return Promise(sentence[start:end].strip(), by, next_working_day(by))
    return None


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _first_date(sentence: str, said_on: date) -> tuple[int, int, date] | None:
    best: tuple[int, int, date] | None = None
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            by = _READERS[kind](match, said_on)
            if by is not None and by >= said_on and (best is None or match.start() < best[0]):
                best = (match.start(), match.end(), by)
                break
    return best


def _weekday(match: re.Match[str], said_on: date) -> date | None:
    lead, name = match.group(1), match.group(2)
    target = WEEKDAYS[name]
    ahead = (target - said_on.weekday()) % 7 or 7
    if lead == "next" or "next " in match.group(0):
        monday_next_week = said_on + timedelta(days=7 - said_on.weekday())
        return monday_next_week + timedelta(days=target)
    return said_on + timedelta(days=ahead)


def _tomorrow(match: re.Match[str], said_on: date) -> date | None:
    return said_on + timedelta(days=1)


def _span(match: re.Match[str], said_on: date) -> date | None:
    count = _count(match.group(1))
    if count is None or count > 365:
        return None
    if match.group(3) == "week":
        return said_on + timedelta(weeks=count)
    if match.group(2):  # business or working days
        day = said_on
        for _ in range(count):
            day = next_working_day(day)
        return day
    return said_on + timedelta(days=count)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return {"a couple of": 2, "a few": 3}.get(word, NUMBER_WORDS.get(word))


def _fortnight(match: re.Match[str], said_on: date) -> date | None:
    return said_on + timedelta(days=14)


def _next_week(match: re.Match[str], said_on: date) -> date | None:
    monday = said_on + timedelta(days=7 - said_on.weekday())
    part = (match.group(1) or "").strip()
    offset = {"early": 1, "mid": 2}.get(part, 4)
    return monday + timedelta(days=offset)


def _end_of_week(match: re.Match[str], said_on: date) -> date | None:
    return said_on + timedelta(days=(4 - said_on.weekday()) % 7)


def _end_of_month(match: re.Match[str], said_on: date) -> date | None:
    last = date(said_on.year, said_on.month, calendar.monthrange(said_on.year, said_on.month)[1])
    while last.weekday() >= 5:
        last -= timedelta(days=1)
    return last if last >= said_on else said_on


def _day_of_month(match: re.Match[str], said_on: date) -> date | None:
    day = int(match.group(1))
    year, month = said_on.year, said_on.month
    for _ in range(2):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= said_on:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _month_day(match: re.Match[str], said_on: date) -> date | None:
    month = MONTHS[match.group(1) or match.group(4)]
    day = int(match.group(2) or match.group(3))
    for year in (said_on.year, said_on.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found >= said_on:
            return found
    return None


_READERS = {
    "weekday": _weekday,
    "tomorrow": _tomorrow,
    "span": _span,
    "fortnight": _fortnight,
    "next-week": _next_week,
    "end-week": _end_of_week,
    "end-month": _end_of_month,
    "day-of-month": _day_of_month,
    "month-day": _month_day,
}
