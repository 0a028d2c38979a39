"""Numbers out of what interviewers said: counts, durations, hires/departures, thresholds."""

from __future__ import annotations

import math
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import RUNAWAY_SECONDS
from interview_prep.core.numbers import (
    attrition_percent,
    exceeds,
    parse_duration_years,
    parse_hires_departures,
    parse_number,
)

# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45", 45.0),
        ("about 45 hours", 45.0),
        ("40-45", 42.5),
        ("40 - 45", 42.5),
        ("40–45", 42.5),  # en dash
        ("40 to 45", 42.5),
        ("between 40 and 45", 42.5),
        ("5 or 6", 5.5),
        ("around forty", 40.0),
        ("forty five", 45.0),
        ("forty-five", 45.0),
        ("twenty to thirty", 25.0),
        ("one or two", 1.5),
        ("45ish", 45.0),
        ("fortyish", 40.0),
        ("~50", 50.0),
        ("50+", 50.0),
        ("maybe 1.5 years", 1.5),
        ("a year and a half", 1.5),
        ("two and a half years", 2.5),
        ("six months", 6.0),  # as said: parse_duration_years converts units
        ("a dozen", 12.0),
        ("half a dozen", 6.0),
        ("two dozen", 24.0),
        ("a couple", 2.0),
        ("one hundred and twenty", 120.0),
        ("none", 0.0),
        ("zero", 0.0),
        ("Nobody.", 0.0),
        ("no one", 0.0),
        ("1,200", 1200.0),
        ("1,200,000", 1_200_000.0),
        ("10-15k", 12_500.0),
        ("30%", 30.0),
        ("roughly 3.5", 3.5),
        ("hours a week: 45", 45.0),  # "a week" is a rate, not the number 1
        ("about 45, sometimes 60", 45.0),  # first number wins
        ("-5", 5.0),  # counts are never negative
        ("ABOUT FORTY", 40.0),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "no idea", "not sure", "it varies", "lots", "a few", "several", "dozens", "a lot"],
)
def test_parse_number_none_when_there_is_no_number(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------- parse_duration_years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("six months", 0.5),
        ("18 months", 1.5),
        ("3 years", 3.0),
        ("a year", 1.0),
        ("a full year", 1.0),
        ("a year and a half", 1.5),
        ("two and a half years", 2.5),
        ("maybe 1.5 years", 1.5),
        ("about 3 yrs", 3.0),
        ("2+ years", 2.0),
        ("half a year", 0.5),
        ("6-8 months", 7 / 12),  # the unit on one end applies to both
        ("1 to 2 years", 1.5),
        ("a year or two", 1.5),
        ("18 months to 2 years", 1.75),
        ("2 years and 3 months", 2.25),
        ("1 year, 6 months", 1.5),
        ("a couple of months", 2 / 12),
        ("52 weeks", 1.0),
        ("a decade", 10.0),
        ("2", 2.0),  # no unit: years
        ("none", 0.0),
    ],
)
def test_parse_duration_years(text: str, expected: float) -> None:
    assert parse_duration_years(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "no idea", "not sure", "it varies", "a few months", "40 hours"])
def test_parse_duration_years_none(text: str) -> None:
    assert parse_duration_years(text) is None


def test_calendar_year_needs_today() -> None:
    assert parse_duration_years("since 2019", today=date(2025, 6, 1)) == 6.0
    assert parse_duration_years("2019", today=date(2025, 6, 1)) == 6.0
    assert parse_duration_years("since 2019") is None
    assert parse_duration_years("since 2030", today=date(2025, 6, 1)) is None


# --------------------------------------------------------------------------- parse_hires_departures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we hired 12 and 4 left", (12.0, 4.0)),
        ("12 hires, 4 departures", (12.0, 4.0)),
        ("4 left, we hired 12", (12.0, 4.0)),  # order by meaning, not position
        ("hired about a dozen, lost three", (12.0, 3.0)),
        ("12 joined / 4 quit", (12.0, 4.0)),
        ("12 in, 4 out", (12.0, 4.0)),
        ("twelve new people and two people moved on", (12.0, 2.0)),
        ("grew from 8 to 14 with one departure", (7.0, 1.0)),  # hires = growth + departures
        ("shrank from 14 to 8 after hiring 2", (2.0, 8.0)),
        ("nobody left and we hired 5", (5.0, 0.0)),
        ("no departures, hired 5", (5.0, 0.0)),
        ("We haven't lost anyone and hired 3", (3.0, 0.0)),
        ("12/4", (12.0, 4.0)),  # hires first by convention
        ("12 and 4", (12.0, 4.0)),
        ("12 and 4 left", (12.0, 4.0)),  # the unexplained number takes the other role
        ("hired 10, attrition 2", (10.0, 2.0)),
        ("We brought on 6 people and 2 were let go", (6.0, 2.0)),
        ("4 laid off, 6 onboarded", (6.0, 4.0)),
        ("3 resigned; we hired 9", (9.0, 3.0)),
        ("In the last 12 months we hired 20 and lost 5", (20.0, 5.0)),  # 12 months is a period
        ("Since 2019 we hired 12 and 4 left", (12.0, 4.0)),  # 2019 is a date
        ("hired 10-12, 2 left", (11.0, 2.0)),
        ("1,200 hires and 300 departures", (1200.0, 300.0)),
        ("We hired twelve people; three of them have since left.", (12.0, 3.0)),
        ("we lost 3 people and hired 12", (12.0, 3.0)),
        ("hired 8, 3 left, team of 20", (8.0, 3.0)),
        ("12 new hires, 4 quit", (12.0, 4.0)),
    ],
)
def test_parse_hires_departures(text: str, expected: tuple[float, float]) -> None:
    assert parse_hires_departures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no idea",
        "lots",
        "it varies",
        "hired 5",  # departures unknown
        "we grew from 8 to 14",  # growth alone does not say how many left
        "attrition was 20% and we hired 10",  # a percentage is not a count
    ],
)
def test_parse_hires_departures_none(text: str) -> None:
    assert parse_hires_departures(text) is None


# --------------------------------------------------------------------------- attrition_percent


def test_attrition_is_departures_over_hires_without_headcount() -> None:
    assert attrition_percent(12, 4) == pytest.approx(100 / 3)
    assert attrition_percent(5, 0) == 0.0
    assert attrition_percent(4, 8) == 200.0


def test_attrition_is_departures_over_headcount_when_known() -> None:
    assert attrition_percent(10, 2, headcount=40) == 5.0
    assert attrition_percent(0, 3, headcount=30) == 10.0
    assert attrition_percent(3, 1, headcount=0) is None


def test_attrition_undefined_without_hires() -> None:
    assert attrition_percent(0, 0) is None
    assert attrition_percent(0, 3) is None  # the caller flags "people left, nobody hired"


@pytest.mark.parametrize(("hires", "departures"), [(-1, 2), (2, -1), (math.nan, 1)])
def test_attrition_rejects_impossible_inputs(hires: float, departures: float) -> None:
    with pytest.raises(ValueError):
        attrition_percent(hires, departures)


# --------------------------------------------------------------------------- exceeds


@pytest.mark.parametrize(
    ("value", "expected"),
    [(30.0, None), (29.99, None), (30.01, "above"), (1000.0, "above")],
)
def test_exceeds_above_is_strict(value: float, expected: str | None) -> None:
    assert exceeds(value, flag_above=30, flag_below=None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.0, None), (1.01, None), (0.99, "below"), (0.0, "below")],
)
def test_exceeds_below_is_strict(value: float, expected: str | None) -> None:
    assert exceeds(value, flag_above=None, flag_below=1) == expected


def test_exceeds_with_both_and_neither_limit() -> None:
    assert exceeds(15, flag_above=30, flag_below=1) is None
    assert exceeds(31, flag_above=30, flag_below=1) == "above"
    assert exceeds(0.5, flag_above=30, flag_below=1) == "below"
    assert exceeds(1e9, flag_above=None, flag_below=None) is None
    assert exceeds(math.nan, flag_above=30, flag_below=1) is None


def test_parsed_attrition_flags_end_to_end() -> None:
    pair = parse_hires_departures("we hired 10 and 3 left")
    assert pair == (10.0, 3.0)
    value = attrition_percent(*pair)
    assert value is not None
    assert value == pytest.approx(30.0)
    assert exceeds(value, flag_above=30, flag_below=None) is None  # exactly at the limit


# --------------------------------------------------------------------------- robustness

_PARSERS = (parse_number, parse_duration_years, parse_hires_departures)
_PHRASE_PARTS = (
    "a an and half dozen couple to or - between from grew to hired left no one nobody "
    "anyone didn't year years months 2019 since in 12 4 1,200 15k 40-45 , / ; % ish + "
    "forty five hundred thousand twenty-one moved on let go"
)
_WORDS = _PHRASE_PARTS.split()


def _long(text: str) -> str:
    return (text * (10_000 // max(len(text), 1) + 1))[:10_000]


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))
def test_parsers_never_raise(text: str) -> None:
    for parse in _PARSERS:
        parse(text)
    pair = parse_hires_departures(text)
    if pair is not None:
        assert all(value >= 0 and math.isfinite(value) for value in pair)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40) | st.lists(st.sampled_from(_WORDS), min_size=1).map(" ".join))
def test_parsers_are_fast_on_10k_characters(chunk: str) -> None:
    text = _long(chunk)
    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    for parse in _PARSERS:
        parse(text)
    assert time.process_time() - started < RUNAWAY_SECONDS


@pytest.mark.parametrize(
    "text",
    [
        "\x00" * 10_000,
        "- " * 5_000,
        "9" * 10_000,
        "a " * 5_000,
        "1-" * 5_000,
        "1 left " * 1_500,
        "no " * 5_000,
        "twenty-one-" * 900,
        "\u0130\u00df\ufb03\U0001f600\r\n\t" * 1_500,
    ],
)
def test_parsers_handle_hostile_text(text: str) -> None:
    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    for parse in _PARSERS:
        parse(text)
    assert time.process_time() - started < RUNAWAY_SECONDS
