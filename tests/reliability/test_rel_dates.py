"""Dates at the edges of the calendar, typed or hand-edited, in any time zone: one line, never a crash.

Year 9999 or year 1 reads fine, then overflows the first time-zone change or
"plus 45 minutes" done on it. Typed, such a date is refused with the fix; in a
file, every command that reads it either works or says which file holds it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import relkit

from helpers import every_command

# East and west of UTC by the most, and a zone whose offset is not whole hours.
ZONES = ["Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Chatham"]
EDGE_MOMENTS = [
    "9999-12-31T23:59:00+00:00",
    "9999-12-31T23:59:00-12:00",
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:30:00+14:00",
    "2201-01-01T10:00:00+00:00",
    "1899-12-31T10:00:00",
]
EDGE_DAYS = ["9999-12-31", "0001-01-01", "2201-01-01", "1899-12-31"]
TYPED_WHEN = [
    "9999-12-31 23:59",
    "0001-01-01 00:00",
    "0001-01-01T00:30+01:00",
    "9999-12-31T23:59-12:00",
    "2100-06-01 10:00",
    "in 99999999 days 10:00",
    "in 999999999999999999999 weeks 10:00",
]
# Commands that only read, with the arguments that make them do their work.
READERS = [
    ("list",),
    ("agenda", "--days", "3660"),
    ("agenda", "--json", "--days", "3660"),
    ("calendar",),
    ("calendar", "acme"),
    ("log", "acme"),
    ("review", "acme", "--no-input"),
    ("review",),
    ("people",),
    ("plan", "acme", "--with", "Dana:engineer"),
    ("stats",),
    ("stats", "--json"),
    ("sheet", "acme", "--with", "Dana:engineer"),
    ("done", "acme"),  # no id: the follow-ups still to do, with their dates
    ("offers",),
    ("compare",),
    ("compare", "--json"),
]


@pytest.fixture
def in_zone(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[str]:
    zone: str = request.param
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield zone
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def _no_crash(outcome: relkit.Outcome, home: Path, args: tuple[str, ...]) -> None:
    assert outcome.exception is None, (args, repr(outcome.exception))
    assert "prep hit a bug" not in outcome.stderr, (args, outcome.stderr)
    assert not list((home / ".cache").glob("crash-*")), args
    if outcome.code != 0:
        assert outcome.code == 2 and len(outcome.stderr.splitlines()) == 1, (args, outcome.stderr)


@pytest.mark.parametrize("in_zone", ZONES, indirect=True)
@pytest.mark.parametrize("when", TYPED_WHEN)
def test_a_date_far_away_typed_for_a_round_is_refused(prep_home: Path, in_zone: str, when: str) -> None:
    relkit.new_company("acme")
    before = relkit.snapshot(prep_home)
    outcome = relkit.invoke("schedule", "acme", when)
    relkit.assert_one_line_error(outcome, 2, "WHEN")
    assert relkit.snapshot(prep_home) == before


@pytest.mark.slow
@pytest.mark.parametrize("day", [*EDGE_DAYS, "2040-01-01"])
def test_a_due_date_far_away_is_refused(prep_home: Path, day: str) -> None:
    relkit.new_company("acme")
    assert (
        relkit.invoke("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen").code == 0
    )
    before = relkit.snapshot(prep_home)
    outcome = relkit.invoke("due", "acme", "recruiter-call", day)
    relkit.assert_one_line_error(outcome, 2, day)
    assert relkit.snapshot(prep_home) == before


def _home_with_every_dated_record(home: Path) -> Path:
    relkit.new_company("acme")
    for args in (
        ("schedule", "acme", "2030-01-07 10:00", "--minutes", "45", "--with", "Dana:engineer"),
        ("status", "acme", "screening"),
        ("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen"),
        ("due", "acme", "recruiter-call", "2030-01-09"),
        ("done", "acme", "recruiter-call"),
        ("offer", "acme", "--base", "85000", "--currency", "EUR", "--expires", "2030-01-20"),
    ):
        outcome = relkit.invoke(*args)
        assert outcome.code == 0, (args, outcome.stderr)
    return home / "acme" / "company.md"


def _set_stamp(text: str, marker: str, key: str, value: str) -> str:
    """Every `key` inside `<!-- prep:MARKER {...} -->` lines set to `value`."""

    def edit(match: re.Match[str]) -> str:
        fields = json.loads(match.group(2))
        fields[key] = value
        return f"{match.group(1)}{json.dumps(fields)} -->"

    changed = re.sub(rf"(<!-- prep:{marker} )(\{{.*?\}}) -->", edit, text)
    assert changed != text, (marker, key)
    return changed


PLACES = {  # where a date is kept: (file, what to change)
    "a scheduled round": ("company.md", "round", "at"),
    "a status change": ("company.md", "status", "at"),
    "a due date": ("company.md", "due", "date"),
    "a follow-up done": ("company.md", "done", "at"),
    "an offer's expiry": ("company.md", "offer", "expires"),
    "when an offer was recorded": ("company.md", "offer", "recorded"),
    "an interview's start": ("interview", "started", ""),
}


# Each moment with a zone that pushes it past the edge of the calendar when it is shown.
EDGE_IN_ZONE = [
    (EDGE_MOMENTS[0], "Pacific/Kiritimati"),  # UTC+14: into the year 10000
    (EDGE_MOMENTS[1], "America/Los_Angeles"),  # already in the year 10000 in UTC
    (EDGE_MOMENTS[2], "America/Los_Angeles"),  # UTC-8: back into the year 0
    (EDGE_MOMENTS[3], "Pacific/Kiritimati"),  # already in the year 0 in UTC
]


@pytest.mark.slow
@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize(("value", "in_zone"), EDGE_IN_ZONE, indirect=["in_zone"])
def test_a_hand_edited_date_at_the_edge_never_crashes_a_reader(
    prep_home: Path, in_zone: str, place: str, value: str
) -> None:
    company = _home_with_every_dated_record(prep_home)
    where, marker, key = PLACES[place]
    if where == "company.md":
        stored = value[:10] if key in ("date", "expires") else value
        company.write_text(_set_stamp(company.read_text(), marker, key, stored))
    else:
        (interview,) = (prep_home / "acme" / "interviews").glob("*.md")
        text = interview.read_text()
        interview.write_text(re.sub(r"^started: .*$", f'started: "{value}"', text, count=1, flags=re.M))
    for args in READERS:
        _no_crash(relkit.invoke(*args), prep_home, args)


def test_every_reading_command_is_tried() -> None:
    """A new command that shows dates belongs in READERS (or writes only, listed here)."""
    writers = {
        "new",
        "status",
        "open",
        "ask",
        "answer",
        "flag",
        "note",
        "reflect",
        "done",
        "schedule",
        "due",
        "add",
    }
    writers |= {"offer", "export"}  # export reads what compare reads (tried above) and writes a file
    others = {"where", "banks list", "banks show", "banks check", "config show"}
    assert set(every_command()) - {args[0] for args in READERS} - writers - others == set()
