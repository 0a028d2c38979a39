"""The labelled table of dates and times (tests/data/when_phrases.yaml), read by core/when and core/promised."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_prep.core.promised import find_promise, next_working_day
from interview_prep.core.when import WhenError, parse_when, user_zone_name

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "when_phrases.yaml").read_text(encoding="utf-8"))
SCHEDULE: list[dict[str, Any]] = TABLE["schedule"]
PROMISED: list[dict[str, Any]] = TABLE["promised"]


def test_the_table_is_big_enough_and_covers_zones_and_daylight_saving() -> None:
    assert len(SCHEDULE) + len(PROMISED) >= 44
    assert sum("does not exist" in case.get("error", "") for case in SCHEDULE) >= 2
    assert any(case.get("offset") for case in SCHEDULE)
    assert any(case["expected"].split()[1] != case["zone"] for case in SCHEDULE if "expected" in case)
    assert sum(case["chase"] is None for case in PROMISED) >= 5


@pytest.mark.parametrize("case", SCHEDULE, ids=[case["text"] or "(empty)" for case in SCHEDULE])
def test_schedule_phrases(case: dict[str, Any]) -> None:
    now = datetime.fromisoformat(case["now"])
    if "error" in case:
        with pytest.raises(WhenError, match=case["error"]):
            parse_when(case["text"], now, case["zone"])
        return
    moment = parse_when(case["text"], now, case["zone"])
    wall_clock, zone = case["expected"].split()
    assert (moment.at.strftime("%Y-%m-%dT%H:%M"), moment.zone) == (wall_clock, zone)
    assert str(moment.at.tzinfo) == zone
    if "offset" in case:
        assert moment.at.isoformat().endswith(case["offset"])


@pytest.mark.parametrize("case", PROMISED, ids=[case["text"] for case in PROMISED])
def test_promised_dates(case: dict[str, Any]) -> None:
    said_on = case["said_on"]
    promise = find_promise(case["text"], said_on, bool(case.get("next_steps")))
    if case["chase"] is None:
        assert promise is None, promise
        return
    assert promise is not None
    assert promise.chase == case["chase"]
    assert promise.chase == next_working_day(promise.by)
    assert promise.phrase.lower() in case["text"].lower(), "the finding quotes what was said"


def test_user_zone_comes_from_tz_then_the_localtime_link_then_utc() -> None:
    assert user_zone_name("Europe/Berlin", "/usr/share/zoneinfo/Asia/Tokyo") == "Europe/Berlin"
    assert user_zone_name(":America/New_York", None) == "America/New_York"
    assert user_zone_name("not/a zone", "/usr/share/zoneinfo/Asia/Tokyo") == "Asia/Tokyo"
    assert user_zone_name("../../etc/passwd", "/etc/weird") == "UTC"
    assert user_zone_name(None, None) == "UTC"


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)))
def test_any_text_is_a_moment_or_one_clear_refusal(text: str, naive_now: datetime) -> None:
    from zoneinfo import ZoneInfo

    now = naive_now.replace(tzinfo=ZoneInfo("Europe/London"))
    try:
        moment = parse_when(text, now, "Europe/London")
    except WhenError as error:
        assert "\n" not in str(error) and str(error)
    else:
        assert moment.at.tzinfo is not None


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.booleans())
def test_a_promise_is_never_before_it_was_said(text: str, said_on: date, next_steps: bool) -> None:
    promise = find_promise(text, said_on, next_steps)
    if promise is not None:
        assert said_on <= promise.by < promise.chase
        assert promise.chase.weekday() < 5
