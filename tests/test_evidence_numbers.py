"""Numbers read the way people say them, judged honestly, and findings that say why.

One test per rule of issue 15 (numbers, turnover, contradictions, findings);
tests/test_numbers_corpus.py holds the accuracy figures over the corpus.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.model import NumericAnswer
from interview_prep.core import contradictions, metrics
from interview_prep.core.numbers.by_metric import read_turnover, read_value
from review_fixture import DANA, LEE, SAM, add_interview, make_company

HOURS = NumericAnswer("number", "hours_per_week", "hours per week", flag_above=50)
LEAVE = NumericAnswer("number", "vacation_days_taken", "days off last year", flag_below=10)
TENURE = NumericAnswer("number", "tenure_years", "years", flag_below=1)
ONCALL = NumericAnswer("number", "oncall_weeks_per_month", "weeks on call per month", flag_above=1)
TURNOVER = NumericAnswer("hires-departures", "attrition_percent", "percent", flag_above=30)
TODAY = date(2026, 6, 15)


def _value(spec: NumericAnswer, text: str, today: date | None = TODAY) -> tuple[float | None, float | None]:
    reading = metrics.read(spec, text, None, today)
    assert reading is not None, text
    return reading.low, reading.value


# --------------------------------------------------------------------------- hours


@pytest.mark.parametrize(
    ("text", "per_week"),
    [
        ("eleven-hour days", 55),  # per day, five days assumed
        ("9.5 hours a day", 47.5),
        ("7:45 to 17:15", 47.5),  # clock span
        ("from 8 till 7", 55),  # the end is in the afternoon
        ("quarter to nine? no, 9am-6pm", 45),
        ("8 hours a day, 6 days a week", 48),  # the days said replace the assumption
        ("a 4-day week, 9 hour days", 36),
        ("two 12-hour shifts a week", 24),
    ],
)
def test_hours_given_per_day_or_as_a_clock_span_become_hours_per_week(text: str, per_week: float) -> None:
    assert _value(HOURS, text)[1] == pytest.approx(per_week)


def test_the_days_assumed_are_stated_and_what_was_said_is_kept() -> None:
    assumed = metrics.read(HOURS, "ten-hour days")
    said = metrics.read(HOURS, "ten-hour days, four days a week")
    assert assumed is not None and said is not None
    assert "5 days a week, assumed" in assumed.describe()
    assert said.value == 40 and "4 days a week, as said" in said.describe()


@pytest.mark.parametrize(
    "text",
    ["I'm usually done by six", "we start at 10", "lunch is at 1", "nobody counts", "it's a 24/7 service"],
)
def test_a_time_of_day_is_not_a_number_of_hours(text: str) -> None:
    assert metrics.read(HOURS, text) is None


def test_a_range_keeps_both_ends_and_is_judged_on_the_upper_one() -> None:
    reading = metrics.read(HOURS, "between 45 and 55")
    assert reading is not None
    assert (reading.low, reading.value, reading.flagged) == (45, 55, "above")
    assert "45-55 hours per week" in reading.describe()


@pytest.mark.parametrize("text", ["55-plus", "55+", "55 or more", "at least 55"])
def test_an_open_ended_figure_is_that_figure_or_more(text: str) -> None:
    assert _value(HOURS, text)[1] == 55


def test_a_usual_week_beats_the_figure_for_crunch() -> None:
    assert _value(HOURS, "70 during a release, 45 otherwise")[1] == 45
    assert _value(HOURS, "on paper 40, but really 52")[1] == 52


# --------------------------------------------------------------------------- leave and tenure


@pytest.mark.parametrize(
    ("text", "days"),
    [("three weeks", 15), ("a fortnight", 10), ("two fortnights", 20), ("5 weeks", 25), ("22 days", 22)],
)
def test_weeks_of_leave_become_working_days(text: str, days: float) -> None:
    assert _value(LEAVE, text)[1] == days


def test_four_weeks_of_leave_is_not_a_red_flag() -> None:
    reading = metrics.read(LEAVE, "four weeks")
    assert reading is not None and reading.value == 20 and reading.flagged is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("since 2022", 4),
        ("I joined in 2025", 1),
        ("joined in February", 4 / 12),
        ("since August", 10 / 12),  # a later month than today: last year
        ("since March 2024", 27 / 12),
    ],
)
def test_dates_become_tenure_counted_to_today(text: str, years: float) -> None:
    assert _value(TENURE, text)[1] == pytest.approx(years)


def test_today_is_injected_so_a_date_gives_nothing_without_it() -> None:
    assert metrics.read(TENURE, "since 2022", None, None) is None
    assert _value(TENURE, "since 2022", date(2030, 1, 1))[1] == 8


# --------------------------------------------------------------------------- frequency


@pytest.mark.parametrize(
    ("text", "weeks_a_month"),
    [
        ("every 10 weeks", 52 / 12 / 10),
        ("every other week", 52 / 12 / 2),
        ("one week in three", 52 / 12 / 3),
        ("a rotation of 7", 52 / 12 / 7),
        ("5 engineers on the rota", 52 / 12 / 5),
        ("twice a quarter", 2 / 3),
        ("one week a month", 1),
    ],
)
def test_frequency_words_become_the_metrics_unit(text: str, weeks_a_month: float) -> None:
    assert _value(ONCALL, text)[1] == pytest.approx(weeks_a_month)


def test_every_8_weeks_is_not_8_weeks_a_month_and_is_not_flagged() -> None:
    reading = metrics.read(ONCALL, "every 8 weeks")
    assert reading is not None and reading.value == pytest.approx(0.54, abs=0.01) and reading.flagged is None


def test_rotation_size_is_converted_and_the_assumption_shown() -> None:
    reading = metrics.read(ONCALL, "there are six of us on the rotation")
    assert reading is not None and reading.value == pytest.approx(52 / 12 / 6)
    assert "rotation of 6" in reading.describe()


@pytest.mark.parametrize(
    ("metric", "text"),
    [
        ("hours_per_week", "long, but fair"),
        ("oncall_weeks_per_month", "it depends on the season"),
        ("office_days_per_week", "it's flexible"),
        ("vacation_days_taken", "not as much as I'd like"),
        ("tenure_years", "a good while"),
        ("team_size", "a handful of people"),
        ("managers_in_24_months", "a few"),
    ],
)
def test_no_usable_number_gives_no_reading(metric: str, text: str) -> None:
    assert read_value(metric, "", text, TODAY) is None


@pytest.mark.parametrize(
    ("metric", "text"),
    [
        ("hours_per_week", "my 2 kids leave school at 3"),
        ("hours_per_week", "we have 4 standups a week"),
        ("oncall_weeks_per_month", "we have 2 services on call"),
        ("office_days_per_week", "the office is 30 minutes away"),
        ("vacation_days_taken", "my 3 kids have school holidays"),
        ("tenure_years", "my 2nd job after university"),
        ("managers_in_24_months", "we have 3 directors"),
    ],
)
def test_a_number_counting_something_else_is_not_the_metric(metric: str, text: str) -> None:
    assert read_value(metric, "", text, TODAY) is None


def test_a_users_own_metric_is_read_by_its_unit() -> None:
    own = NumericAnswer("number", "my_weekly_hours", "hours per week", flag_above=45)
    reading = metrics.read(own, "ten-hour days")
    assert reading is not None and reading.value == 50 and reading.flagged == "above"


# --------------------------------------------------------------------------- turnover


def test_attrition_is_departures_over_team_size_never_over_hires() -> None:
    reading = metrics.read(TURNOVER, "hired 20, 7 left, in a team of 120")
    assert reading is not None
    assert reading.value == pytest.approx(7 / 120 * 100) and reading.flagged is None
    assert (reading.hires, reading.departures, reading.team_size) == (20, 7, 120)


@pytest.mark.parametrize("text", ["we hired 9 and 3 left", "3 left, we hired 9", "9 in, 3 out"])
def test_without_a_team_size_both_counts_are_kept_and_no_rate_is_made_up(text: str) -> None:
    reading = metrics.read(TURNOVER, text)
    assert reading is not None
    assert (reading.hires, reading.departures, reading.value, reading.flagged) == (9, 3, None, None)
    assert "team size missing" in reading.describe()


def test_a_size_in_the_same_answer_is_not_read_as_a_count() -> None:
    found = read_turnover("out of roughly 80, we lost 6 and hired 4")
    assert found is not None and (found.hires, found.departures, found.team_size) == (4, 6, 80)


def _company_with(home: Path, answers: list[tuple[str, object, str]]) -> dict[str, object]:
    company = make_company(home)
    add_interview(home, company, "2026-11-10T14:00:00+00:00", "onsite", [DANA, LEE, SAM], answers)  # type: ignore[arg-type]
    code, out, err = prep("review", "acme", "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.slow
def test_the_team_size_question_gives_attrition_its_size(prep_home: Path) -> None:
    data = _company_with(
        prep_home,
        [
            ("hires-last-year-departures", DANA, "we hired 6 and 5 left"),
            ("team-size", LEE, "about 10 people"),
        ],
    )
    reading = data["metrics"]["attrition_percent"]["readings"][0]  # type: ignore[index]
    assert reading["who"] == "Dana" and reading["value"] == 50
    assert (reading["hires"], reading["departures"], reading["team_size"]) == (6, 5, 10)


@pytest.mark.slow
def test_missing_size_shows_both_counts_and_puts_the_team_size_question_in_the_plan(prep_home: Path) -> None:
    data = _company_with(prep_home, [("hires-last-year-departures", DANA, "we hired 6 and 2 left")])
    metric = data["metrics"]["attrition_percent"]  # type: ignore[index]
    assert metric["value"] is None and metric["flagged"] is False
    assert (metric["readings"][0]["hires"], metric["readings"][0]["departures"]) == (6, 2)
    plan = data["coverage"]["next_round"]  # type: ignore[index]
    assert any(item["kind"] == "turnover" and "team" in item["text"].lower() for item in plan)
    text = prep("review", "acme", "--no-input")[1]
    assert "team size missing" in text


@pytest.mark.slow
def test_a_team_that_lost_more_than_it_hired_is_its_own_finding(prep_home: Path) -> None:
    data = _company_with(prep_home, [("hires-last-year-departures", DANA, "we hired 2 and 5 people left")])
    lost = [f for f in data["flags"] if "lost more" in f["text"]]  # type: ignore[union-attr, index]
    assert len(lost) == 1 and lost[0]["who"] == "Dana" and "hired 2, lost 5" in lost[0]["text"]


# --------------------------------------------------------------------------- contradictions


def _heard(who: str, spec: NumericAnswer, text: str) -> contradictions.Heard:
    reading = metrics.read(spec, text)
    assert reading is not None
    return contradictions.Heard(who, text, "2026-11-10T14:00", reading)


def test_readings_beyond_the_tolerance_contradict_each_other() -> None:
    found = contradictions.find([_heard("Dana", HOURS, "40"), _heard("Lee", HOURS, "60")])
    assert len(found) == 1
    assert "Dana said 40 hours per week, Lee said 60 hours per week" in found[0].describe()


@pytest.mark.parametrize(("first", "second"), [("40", "45"), ("40-45", "50"), ("ten-hour days", "about 52")])
def test_readings_within_the_tolerance_do_not(first: str, second: str) -> None:
    assert not contradictions.find([_heard("Dana", HOURS, first), _heard("Lee", HOURS, second)])


def test_numbers_about_the_speaker_are_not_compared() -> None:
    assert not contradictions.find([_heard("Dana", TENURE, "ten years"), _heard("Lee", TENURE, "3 months")])


@pytest.mark.slow
def test_a_contradiction_is_a_finding_with_both_quotes_and_a_probe(prep_home: Path) -> None:
    data = _company_with(
        prep_home,
        [
            ("office-days-per-week", DANA, "two days a week"),
            ("office-days-per-week", LEE, "four days, really"),
        ],
    )
    found = [f for f in data["flags"] if f["kind"] == "contradiction"]  # type: ignore[union-attr, index]
    assert len(found) == 1
    assert "two days a week" in found[0]["evidence"] and "four days, really" in found[0]["evidence"]
    plan = data["coverage"]["next_round"]  # type: ignore[index]
    assert any(item["kind"] == "contradiction" for item in plan)


# --------------------------------------------------------------------------- findings say why


def test_a_number_flag_says_which_limit_and_where_it_came_from(prep_home: Path) -> None:
    default = metrics.read(HOURS, "about 55")
    assert default is not None and "the bank's default limit of 50" in default.describe()
    mine = metrics.read(HOURS, "about 48", {"hours_per_week": 45})
    assert mine is not None and "your config.yaml limit of 45" in mine.describe()


@pytest.mark.slow
def test_one_shot_answer_prints_the_same_warning_as_ask(prep_home: Path) -> None:
    make_company(prep_home)
    code, out, err = prep("answer", "acme", "hours-per-week", "twelve-hour days", "--who", "Lee")
    assert code == 0 and err == ""
    reading = metrics.read(HOURS, "twelve-hour days")
    assert reading is not None
    assert out.splitlines()[1] == reading.warning()
    quiet = prep("answer", "acme", "hours-per-week", "about 40", "--who", "Dana")[1]
    assert len(quiet.splitlines()) == 1  # nothing to warn about: the one-line confirmation only


@pytest.mark.slow
def test_the_next_round_probes_number_and_dealbreaker_findings_saying_what_they_were(prep_home: Path) -> None:
    (prep_home / "config.yaml").parent.mkdir(parents=True, exist_ok=True)
    data_home = prep_home
    company = make_company(data_home)
    (data_home / "config.yaml").write_text("dealbreakers:\n  - no code review\n")
    add_interview(
        data_home,
        company,
        "2026-11-10T14:00:00+00:00",
        "onsite",
        [LEE],
        [("hours-per-week", LEE, "60 hours"), ("hate", LEE, "honestly there is no code review")],
    )
    plan = json.loads(prep("review", "acme", "--json")[1])["coverage"]["next_round"]
    kinds = {item["kind"]: item for item in plan}
    assert "Hours 60 hours per week" in kinds["number"]["text"] and "number" in kinds["number"]["why"]
    assert "no code review" in kinds["dealbreaker"]["text"] and "Lee" in kinds["dealbreaker"]["why"]


@pytest.mark.slow
def test_every_metric_reading_in_json_has_who_and_value(prep_home: Path) -> None:
    data = _company_with(
        prep_home,
        [
            ("hours-per-week", LEE, "9 to 6"),
            ("hires-last-year-departures", DANA, "we hired 4 and 1 left"),
            ("interviewer-tenure", SAM, "since 2019"),
        ],
    )
    for name, metric in data["metrics"].items():  # type: ignore[union-attr]
        for reading in metric["readings"]:
            assert {"who", "value"} <= set(reading), name
            if name == "attrition_percent":
                assert isinstance(reading["hires"], float) and isinstance(reading["departures"], float)


def test_config_rejects_an_unknown_metric_with_a_did_you_mean(prep_home: Path) -> None:
    make_company(prep_home)
    (prep_home / "config.yaml").write_text("thresholds:\n  attrition_percent: 20\n  hours_per_wek: 45\n")
    code, out, err = prep("review", "acme")
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "config.yaml:3:3" in err and "hours_per_wek" in err and "'hours_per_week'" in err


@pytest.mark.slow
def test_config_accepts_a_metric_from_the_users_own_bank(prep_home: Path) -> None:
    make_company(prep_home)
    (prep_home / "banks").mkdir()
    (prep_home / "banks" / "mine.yaml").write_text(
        "bank: mine\ntitle: Mine\ndescription: My own.\nquestions:\n"
        "  - id: my-commute\n    text: How long is the commute from the office to the station?\n"
        "    category: remote\n    why: Time on trains is time.\n    ask: [engineer]\n    when: [onsite]\n"
        "    priority: could\n    listen_for: {good: [Short], worrying: [Long]}\n"
        "    answer: {kind: number, metric: commute_minutes, unit: minutes, flag_above: 30}\n"
    )
    (prep_home / "config.yaml").write_text("thresholds:\n  commute_minutes: 20\n")
    code, _, err = prep("review", "acme")
    assert code == 0, err


@pytest.mark.slow
def test_values_show_what_was_heard_about_each_and_plan_the_unheard(prep_home: Path) -> None:
    company = make_company(prep_home)
    (prep_home / "config.yaml").write_text("values:\n  - mentoring\n  - work-life balance\n  - remote work\n")
    add_interview(
        prep_home,
        company,
        "2026-11-10T14:00:00+00:00",
        "onsite",
        [DANA, LEE],
        [
            ("love", DANA, "Every new joiner gets a mentor for the first year."),
            ("hate", LEE, "Balance between work and life suffers before launches."),
        ],
    )
    data = json.loads(prep("review", "acme", "--json")[1])
    heard = {item["value"]: item["heard"] for item in data["values"]}
    assert [h["who"] for h in heard["mentoring"]] == ["Dana"]
    assert [h["who"] for h in heard["work-life balance"]] == ["Lee"]
    assert heard["remote work"] == []
    plan = data["coverage"]["next_round"]
    assert any(item["kind"] == "value" and "remote work" in item["text"] for item in plan)
    text = prep("review", "acme", "--no-input")[1]
    assert "What you value" in text and "gets a mentor" in text
