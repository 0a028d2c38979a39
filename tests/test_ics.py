"""render/ics.py writes RFC 5545 by hand: the icalendar package (a test dependency) reads it back.

Any text survives (escaping and folding), every physical line is at most 75
octets of whole UTF-8 characters, and a time written local to a zone means
the same instant through the VTIMEZONE we write as through the zone itself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import prep, runner
from interview_prep.cli import app
from interview_prep.output import inert
from interview_prep.render import ics

ZONES = sorted(available_timezones() - {"Factory", "localtime"})


def parse(data: bytes) -> Any:
    from icalendar import Calendar

    return Calendar.from_ical(data)


def one_event(summary: str, start: datetime, minutes: int = 45) -> bytes:
    end = start + timedelta(minutes=minutes)
    return ics.document(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//test//EN",
            *ics.timezones([start, end]),
            "BEGIN:VEVENT",
            "UID:one@test",
            f"DTSTAMP:{ics.utc(datetime(2026, 12, 2, tzinfo=timezone.utc))}",
            ics.moment_line("DTSTART", start),
            ics.moment_line("DTEND", end),
            f"SUMMARY:{ics.text(summary)}",
            f"DESCRIPTION:{ics.text(summary + chr(10) + summary)}",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    )


def assert_well_formed(data: bytes) -> None:
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a folded line never splits a character


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_made_inert_round_trips_through_icalendar(raw: str) -> None:
    shown = inert(raw)
    data = one_event(shown, datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("Europe/London")))
    assert_well_formed(data)
    [event] = parse(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == shown
    assert str(event["DESCRIPTION"]) == f"{shown}\n{shown}"


@pytest.mark.parametrize("size", range(70, 82))
@pytest.mark.parametrize("wide", ["é", "€", "😀", "東"])
def test_folding_at_every_boundary_keeps_whole_characters(size: int, wide: str) -> None:
    for shift in range(4):
        line = "S" * shift + wide * size
        data = ics.document([line])
        assert_well_formed(data)
        assert data.replace(b"\r\n ", b"").removesuffix(b"\r\n").decode("utf-8") == line


instants = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda naive: naive.replace(second=0, microsecond=0, tzinfo=timezone.utc)
)


@settings(max_examples=200, deadline=None)
@given(instants, st.sampled_from(ZONES))
def test_a_local_time_means_the_same_instant_through_our_vtimezone(instant: datetime, key: str) -> None:
    start = instant.astimezone(ZoneInfo(key))
    data = one_event("x", start)
    assert_well_formed(data)
    calendar = parse(data)
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == start and event.decoded("DTEND") == start + timedelta(minutes=45)
    zones = calendar.walk("VTIMEZONE")
    if ics.zone_key(start) is None:
        assert zones == [] or all(str(zone["TZID"]) != key for zone in zones)
        return
    [zone] = zones
    ours = zone.to_tz(lookup_tzid=False)  # built from our STANDARD/DAYLIGHT blocks, not the zone name
    local = start.replace(tzinfo=None)
    assert local.replace(tzinfo=ours).utcoffset() == start.utcoffset(), (key, start)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1, 1, 1, 14, 0, tzinfo=ZoneInfo("Pacific/Kiritimati")),
        datetime(9999, 12, 31, 15, 0, tzinfo=ZoneInfo("America/Los_Angeles")),  # the last UTC day
        datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=ZoneInfo("Europe/London")),  # the hour shown twice
        datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("UTC")),
    ],
)
def test_times_no_zone_block_can_say_are_written_in_utc(moment: datetime) -> None:
    line = ics.moment_line("DTSTART", moment)
    assert "TZID" not in line and line.endswith("Z")
    assert ics.timezones([moment]) == []


def test_dates_and_durations() -> None:
    assert ics.day(date(1, 2, 3)) == "00010203"
    assert ics.duration(timedelta(minutes=-30)) == "-PT30M"
    assert ics.duration(timedelta(hours=2)) == "PT120M"
    assert ics.utc(datetime(2026, 12, 4, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))) == "20261204T090000Z"


@pytest.fixture
def acme(prep_home: Path) -> str:
    assert prep("new", "acme", "--no-input")[0] == 0
    return "acme"


names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=":"), min_size=1, max_size=40
).filter(lambda text: text.strip() != "")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.text(max_size=120), label=names, person=names)
def test_what_the_user_typed_round_trips_through_prep_calendar(
    acme: str, where: str, label: str, person: str
) -> None:
    # The same minute each time: scheduling it again replaces the round, so there is always one.
    panel = f"{person}:engineer"
    code, _, err = prep(
        "schedule", acme, "2026-12-04 09:30", "--where", where, "--round", label, "--with", panel
    )
    assert code == 0, err
    result = runner.invoke(app, ["calendar"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert_well_formed(result.stdout_bytes)
    [event] = parse(result.stdout_bytes).walk("VEVENT")
    # prep keeps what was typed on one line, its spaces collapsed; control characters shown, inert
    assert str(event.get("LOCATION", "")) == inert(" ".join(where.split()))
    assert str(event["SUMMARY"]) == f"acme: {inert(' '.join(label.split()))}"
    assert inert(" ".join(person.split())) in str(event["DESCRIPTION"])
