"""iCalendar (RFC 5545) text, written by hand: `prep calendar` is its only user.

The format is small: `NAME;PARAM=VALUE:value` content lines ending in CRLF,
folded at 75 octets (a continuation line starts with one space), TEXT values
with `\\ ; , newline` escaped, times in UTC (`...Z`) or local to a TZID that a
VTIMEZONE block in the same file defines. Writing it here instead of
importing the icalendar package saves ~300 ms of start-up (its import); the
tests parse what this writes with icalendar to prove it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo

FOLD_AT = 75  # octets per line, CRLF not counted (RFC 5545 3.1)
UTC_KEYS = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "Etc/Zulu", "Zulu", "UCT", "Universal", "Etc/Universal"})
# Years whose every local time converts without leaving datetime's range; a
# moment outside them (a hand-edited year 1 or 9999) is written in UTC.
FIRST_ZONED_YEAR, LAST_ZONED_YEAR = 2, 9998


def text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc(moment: datetime) -> str:
    return _local(moment.astimezone(timezone.utc).replace(tzinfo=None)) + "Z"


def day(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def zone_key(moment: datetime) -> str | None:
    """The IANA name the moment is local to, or None when it is best written in UTC."""
    key = getattr(moment.tzinfo, "key", None)
    if not isinstance(key, str) or key in UTC_KEYS:
        return None
    if not FIRST_ZONED_YEAR <= moment.year <= LAST_ZONED_YEAR:
        return None
    if moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset():
        return None  # the hour a clock goes back shows twice: a local time cannot say which
    return key


def moment_line(name: str, moment: datetime) -> str:
    """`DTSTART;TZID=Europe/Berlin:20261204T150000`, or `DTSTART:20261204T140000Z`."""
    key = zone_key(moment)
    if key is None:
        return f"{name}:{utc(moment)}"
    return f"{name};TZID={key}:{_local(moment.replace(tzinfo=None))}"


def _local(moment: datetime) -> str:
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T{moment.hour:02d}{moment.minute:02d}"
        f"{moment.second:02d}"
    )


def duration(delta: timedelta) -> str:
    """A DURATION value in whole minutes, e.g. -PT30M."""
    minutes = int(delta.total_seconds() // 60)
    return f"{'-' if minutes < 0 else ''}PT{abs(minutes)}M"


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no line is over 75 octets; a character is never split."""
    data = line.encode("utf-8")
    if len(data) <= FOLD_AT:
        return data
    pieces, start, room = [], 0, FOLD_AT
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        pieces.append(data[start:end])
        start, room = end, FOLD_AT - 1  # the leading space of a continuation counts
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def document(lines: Iterable[str]) -> bytes:
    return b"".join(fold(line) + b"\r\n" for line in lines)


def timezones(moments: Iterable[datetime]) -> list[str]:
    """A VTIMEZONE block for each zone the moments are written in, covering their years."""
    years: dict[str, set[int]] = {}
    zones: dict[str, tzinfo] = {}
    for moment in moments:
        key = zone_key(moment)
        if key is not None and moment.tzinfo is not None:
            near = (
                max(moment.year - 1, FIRST_ZONED_YEAR),
                moment.year,
                min(moment.year + 1, LAST_ZONED_YEAR),
            )
            years.setdefault(key, set()).update(near)
            zones[key] = moment.tzinfo
    lines: list[str] = []
    for key in sorted(years):
        lines += ["BEGIN:VTIMEZONE", f"TZID:{key}"]
        for onset, before, after in _changes(zones[key], sorted(years[key])):
            lines += _observance(onset, before, after)
        lines.append("END:VTIMEZONE")
    return lines


def _observance(onset: datetime, before: datetime, after: datetime) -> list[str]:
    """STANDARD or DAYLIGHT from `onset` (UTC): the local time it starts, in the offset before it."""
    kind = "DAYLIGHT" if after.dst() else "STANDARD"
    offset_before, offset_after = before.utcoffset(), after.utcoffset()
    assert offset_before is not None and offset_after is not None  # aware by construction
    lines = [f"BEGIN:{kind}", f"DTSTART:{_local(onset.replace(tzinfo=None) + offset_before)}"]
    name = after.tzname()
    if name:
        lines.append(f"TZNAME:{text(name)}")
    lines += [f"TZOFFSETFROM:{_offset(offset_before)}", f"TZOFFSETTO:{_offset(offset_after)}", f"END:{kind}"]
    return lines


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign, seconds = ("-" if seconds < 0 else "+"), abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _changes(zone: tzinfo, years: Sequence[int]) -> list[tuple[datetime, datetime, datetime]]:
    """(onset in UTC, local time just before, local time from then) for the rules in force in
    `years`: the one at each run of years' start, then every change of offset, DST or name."""
    found: list[tuple[datetime, datetime, datetime]] = []
    previous_year = None
    for year in years:
        start = datetime(year, 1, 1, tzinfo=timezone.utc)
        if previous_year != year - 1:
            here = start.astimezone(zone)
            found.append((start, (start - timedelta(seconds=1)).astimezone(zone), here))
        end = datetime(year + 1, 1, 1, tzinfo=timezone.utc)
        step = start
        while step < end:
            following = min(step + timedelta(days=1), end)
            if _rules(step.astimezone(zone)) != _rules(following.astimezone(zone)):
                onset = _first_change(zone, step, following)
                found.append((onset, (onset - timedelta(seconds=1)).astimezone(zone), onset.astimezone(zone)))
            step = following
        previous_year = year
    return found


def _rules(local: datetime) -> tuple[object, ...]:
    return (local.utcoffset(), local.dst(), local.tzname())


def _first_change(zone: tzinfo, before: datetime, after: datetime) -> datetime:
    """The first second (UTC) after `before` whose rules differ from `before`'s: a bisection."""
    rules = _rules(before.astimezone(zone))
    low, high = before, after
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if _rules(middle.astimezone(zone)) == rules:
            low = middle
        else:
            high = middle
    return high
