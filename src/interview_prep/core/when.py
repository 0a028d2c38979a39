"""Read the date and time a user types for `prep schedule` ("fri 9:30").

Pure: the caller passes the moment it is now and the user's time zone, so the
same words always give the same answer (the labelled table in
tests/data/when_phrases.yaml holds each case with its reference moment).

Rules, in the words the help uses:
- ISO dates and times: 2026-12-04 15:00, 2026-12-04T15:00, 2026-12-04T15:00+01:00.
- Days: today, tomorrow, a weekday (mon ... sun: the coming one, today if the time
  is still ahead), `next` + weekday (never today: 1 to 7 days ahead), `in N days`
  or `in N weeks`, a month and a day (dec 4, 4 december, 4 dec 2027).
- Times: 14:00, 9.30, 2pm, 2:30 pm, 14h, 14h30, noon. A time alone means its next
  occurrence. `at` may sit between the two.
- A time zone (IANA name, e.g. Europe/Berlin, or UTC) may end the text; the
  interview is then at that wall-clock time there, and day words are read on
  that zone's calendar (a recruiter's "tomorrow 9:00 Tokyo time"). Otherwise
  the user's zone.
- Refused, with the fix: no time of day, numeric day/month forms such as 4/12 (is
  it April or December?), a wall-clock time that does not exist in that zone (the
  hour skipped when clocks go forward). A time that happens twice (clocks go back)
  is the first of the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from interview_prep import dates

WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

EXAMPLE = "e.g. 'fri 14:00', 'tomorrow 9:30' or '2026-12-04 15:00 Europe/Berlin'"

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?", re.I)
_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h)?")
_NUMERIC_DAY_MONTH = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")


class WhenError(ValueError):
    """The text is not a date and time prep can read; the message says how to write it."""


@dataclass(frozen=True)
class Moment:
    at: datetime  # aware, in `zone`
    zone: str  # IANA name, or "UTC"


def user_zone_name(environ_tz: str | None, localtime_link: str | None) -> str:
    """The user's IANA zone from $TZ or the /etc/localtime link target; else UTC."""
    for candidate in (environ_tz, _zone_from_link(localtime_link)):
        name = (candidate or "").lstrip(":").strip()
        if name and zone_or_none(name) is not None:
            return name
    return "UTC"


def _zone_from_link(target: str | None) -> str | None:
    if not target or "zoneinfo/" not in target:
        return None
    return target.split("zoneinfo/", 1)[1]


def zone_or_none(name: str) -> ZoneInfo | None:
    if not re.fullmatch(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*", name):
        return None  # ZoneInfo would read a path; only names are accepted
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_when(text: str, now: datetime, user_zone: str) -> Moment:
    """The moment `text` names, read relative to `now` (aware) in `user_zone`."""
    try:
        found = _parse(text, now, user_zone)
    except OverflowError:  # "in 99999999 days", or year 9999 moved to another zone
        raise WhenError(f"'{_quoted(text)}' is too far from today; {EXAMPLE}") from None
    problem = dates.check_typed(found.at.date(), now.date(), f"'{_quoted(text)}'")
    if problem:
        raise WhenError(problem)
    return found


def _parse(text: str, now: datetime, user_zone: str) -> Moment:
    words = text.strip()
    if not words:
        raise WhenError(f"no date or time given; {EXAMPLE}")
    zone_name, words = _split_zone(words, user_zone)
    zone = ZoneInfo(zone_name)
    local_now = now.astimezone(zone)
    if _ISO.fullmatch(words):
        return _from_iso(words, zone_name, zone)
    if _NUMERIC_DAY_MONTH.search(words):
        raise WhenError(
            f"'{_quoted(text)}': write the date as 2026-12-04 or '4 dec' (is 4/12 April or December?)"
        )
    day, clock = _read_words(words.lower(), local_now, text)
    if clock is None:
        raise WhenError(f"'{_quoted(text)}' has no time of day; add one, {EXAMPLE}")
    naive_now = local_now.replace(tzinfo=None)
    chosen = local_now.date() if day is None else day.value
    if (day is None or day.weekday_only) and datetime.combine(chosen, clock) <= naive_now:
        chosen += timedelta(days=1 if day is None else 7)
    return Moment(_existing(datetime.combine(chosen, clock), zone, text), zone_name)


@dataclass(frozen=True)
class _Day:
    value: date
    weekday_only: bool = False  # a bare weekday: next week's if the time has passed today


def _split_zone(words: str, user_zone: str) -> tuple[str, str]:
    head, _, last = words.rpartition(" ")
    if head and (("/" in last and not _NUMERIC_DAY_MONTH.fullmatch(last)) or last.upper() in {"UTC", "GMT"}):
        name = "UTC" if last.upper() in {"UTC", "GMT"} else last
        if zone_or_none(name) is None:
            raise WhenError(f"unknown time zone '{last}'; use an IANA name such as Europe/Berlin")
        return name, head.strip()
    return user_zone, words


def _from_iso(original: str, zone_name: str, zone: tzinfo) -> Moment:
    value = original.upper().replace(" ", "T").replace("Z", "+00:00")
    if "T" not in value:
        raise WhenError(f"'{_quoted(original)}' has no time of day; add one, {EXAMPLE}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise WhenError(f"'{_quoted(original)}' is not a real date and time; {EXAMPLE}") from None
    if parsed.tzinfo is not None:  # an explicit offset: the same instant, shown in the zone
        return Moment(parsed.astimezone(zone), zone_name)
    return Moment(_existing(parsed, zone, original), zone_name)


def _read_words(words: str, now: datetime, original: str) -> tuple[_Day | None, time | None]:
    tokens = [t for t in re.split(r"[\s,]+", words) if t and t != "at" and t != "on"]
    day: _Day | None = None
    clock: time | None = None
    i = 0
    while i < len(tokens):
        used, found_day = _day_at(tokens, i, now, original)
        if used:
            if day is not None:
                raise WhenError(f"'{_quoted(original)}' names two days; give one, {EXAMPLE}")
            day, i = found_day, i + used
            continue
        used, found_clock = _clock_at(tokens, i, original)
        if used:
            if clock is not None:
                raise WhenError(f"'{_quoted(original)}' names two times; give one, {EXAMPLE}")
            clock, i = found_clock, i + used
            continue
        raise WhenError(f"'{_quoted(original)}': cannot read '{_quoted(tokens[i])}'; {EXAMPLE}")
    return day, clock


def _day_at(tokens: list[str], i: int, now: datetime, original: str) -> tuple[int, _Day | None]:
    token = tokens[i]
    today = now.date()
    if token == "today":
        return 1, _Day(today)
    if token in {"tomorrow", "tmrw", "tmr"}:
        return 1, _Day(today + timedelta(days=1))
    if token in WEEKDAYS:
        ahead = (WEEKDAYS[token] - today.weekday()) % 7
        return 1, _Day(today + timedelta(days=ahead), weekday_only=True)
    if token == "next" and i + 1 < len(tokens) and tokens[i + 1] in WEEKDAYS:
        ahead = (WEEKDAYS[tokens[i + 1]] - today.weekday()) % 7 or 7
        return 2, _Day(today + timedelta(days=ahead))
    if token == "in" and i + 2 < len(tokens):
        count = _count(tokens[i + 1])
        unit = tokens[i + 2].rstrip("s")
        if count is not None and unit in {"day", "week"}:
            return 3, _Day(today + timedelta(days=count * (7 if unit == "week" else 1)))
    return _month_day_at(tokens, i, today, original)


def _month_day_at(tokens: list[str], i: int, today: date, original: str) -> tuple[int, _Day | None]:
    first = tokens[i]
    second = tokens[i + 1] if i + 1 < len(tokens) else ""
    if first in MONTHS and _ordinal(second) is not None:
        month, day, used = MONTHS[first], _ordinal(second), 2
    elif _ordinal(first) is not None and second in MONTHS:
        month, day, used = MONTHS[second], _ordinal(first), 2
    else:
        return 0, None
    assert day is not None
    year_token = tokens[i + used] if i + used < len(tokens) else ""
    if re.fullmatch(r"\d{4}", year_token):
        year, used = int(year_token), used + 1
    else:
        year = today.year
    try:
        found = date(year, month, day)
        if not re.fullmatch(r"\d{4}", year_token) and found < today:
            found = date(year + 1, month, day)
    except ValueError:
        raise WhenError(f"'{_quoted(original)}' is not a real date; {EXAMPLE}") from None
    return used, _Day(found)


def _ordinal(token: str) -> int | None:
    found = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", token)
    return int(found.group(1)) if found else None


def _count(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


def _clock_at(tokens: list[str], i: int, original: str) -> tuple[int, time | None]:
    token = tokens[i]
    if token in {"noon", "midday"}:
        return 1, time(12, 0)
    if token == "midnight":
        return 1, time(0, 0)
    joined = token
    used = 1
    if i + 1 < len(tokens) and tokens[i + 1] in {"am", "pm", "a.m.", "p.m."}:
        joined, used = token + tokens[i + 1], 2
    found = _CLOCK.fullmatch(joined)
    if not found or (found.group(2) is None and found.group(3) is None):
        return 0, None  # a bare number is not a time ("in 3 days" is read as a day)
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    suffix = (found.group(3) or "").replace(".", "")
    if suffix in {"am", "pm"}:
        if not 1 <= hour <= 12:
            raise WhenError(f"'{_quoted(original)}': {hour}{suffix} is not a time; {EXAMPLE}")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(f"'{_quoted(original)}': {_quoted(token)} is not a time of day; {EXAMPLE}")
    return used, time(hour, minute)


def _quoted(text: str) -> str:
    """The user's words on one line, shortened, for a message."""
    words = " ".join(text.split())
    return words if len(words) <= 60 else words[:59] + "…"


def _existing(naive: datetime, zone: tzinfo, original: str) -> datetime:
    aware = naive.replace(tzinfo=zone)
    back = aware.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
    if back != naive:
        raise WhenError(
            f"'{_quoted(original)}': {naive:%H:%M} does not exist on {naive:%Y-%m-%d} in {zone} "
            "(the clocks go forward); pick another time"
        )
    return aware
