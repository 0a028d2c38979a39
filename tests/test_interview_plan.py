"""The pure planner behind `prep ask` (core/interview.py): what to ask, of whom, in which order."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from interview_prep.banks.loader import load_catalog
from interview_prep.banks.model import Catalog, NumericAnswer, Question
from interview_prep.commands.context import Context
from interview_prep.core import metrics
from interview_prep.core.interview import (
    Probe,
    Step,
    carry_forward,
    follow_up_step,
    normalise_role,
    plan,
)
from interview_prep.core.transcript import Answer, Flag, Interview, Interviewer, Skip

DANA = Interviewer("Dana", "hiring-manager")
LEE = Interviewer("Lee", "engineer")
SAM = Interviewer("Sam", "executive")
RIA = Interviewer("Ria", "recruiter")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def question(
    question_id: str,
    priority: str = "must",
    ask: Sequence[str] = ("hiring-manager", "engineer"),
    text: str = "",
    follow_ups: Sequence[str] = (),
) -> Question:
    return Question(
        id=question_id,
        bank="test",
        text=text or f"{question_id} at {{company}}?",
        category="team",
        why=f"why {question_id}",
        ask=tuple(ask),
        when=("onsite",),
        priority=priority,
        good=(),
        worrying=(),
        follow_ups=tuple(follow_ups),
    )


def interview(
    round_name: str = "onsite",
    people: Sequence[Interviewer] = (),
    answers: Sequence[tuple[str, str, str]] = (),
    skips: Sequence[tuple[str, str]] = (),
    flags: Sequence[tuple[str, str, str]] = (),
) -> Interview:
    """An interview holding answers (question id, who, text), skips (id, who), flags (text, severity, who)."""
    result = Interview(
        id=f"2026-11-2{len(round_name) % 10}-1000-{round_name}",
        company="Acme",
        round=round_name,
        started="2026-11-20T10:00:00+00:00",
        interviewers=list(people),
    )
    number = 0
    for question_id, who, text in answers:
        number += 1
        result.answers.append(Answer(number, question_id, who, text, "2026-11-20T10:05:00+00:00"))
    for question_id, who in skips:
        number += 1
        result.skips.append(Skip(number, question_id, who))
    for text, severity, who in flags:
        number += 1
        result.flags.append(Flag(number, text, severity, who, "2026-11-20T10:09:00+00:00"))
    return result


def asked(steps: Sequence[Step]) -> list[tuple[str, str]]:
    return [(step.question_id, step.who) for step in steps]


def fresh_plan(
    checklist: Sequence[Question],
    present: Sequence[Interviewer],
    earlier: Sequence[Interview] = (),
    current: Interview | None = None,
) -> list[Step]:
    return plan(checklist, present, "Acme", earlier, current or interview("now", present))


# ------------------------------------------------------------------ order


def test_must_before_should_before_could_in_checklist_order_within_each() -> None:
    checklist = [
        question("c1", "could"),
        question("s1", "should"),
        question("m1", "must"),
        question("c2", "could"),
        question("s2", "should"),
        question("m2", "must"),
    ]
    steps = fresh_plan(checklist, [LEE])
    assert [step.question_id for step in steps] == ["m1", "m2", "s1", "s2", "c1", "c2"]
    assert [step.priority for step in steps] == ["must", "must", "should", "should", "could", "could"]


def test_moving_a_line_in_the_checklist_moves_the_question_within_its_priority() -> None:
    first, second, third = question("a"), question("b"), question("c", "should")
    assert [s.question_id for s in fresh_plan([first, second, third], [LEE])] == ["a", "b", "c"]
    assert [s.question_id for s in fresh_plan([third, second, first], [LEE])] == ["b", "a", "c"]


def test_a_question_goes_to_the_first_person_in_panel_order_it_is_meant_for() -> None:
    checklist = [
        question("both", ask=("hiring-manager", "engineer")),
        question("hm-only", ask=("hiring-manager",)),
    ]
    assert asked(fresh_plan(checklist, [LEE, DANA])) == [("both", "Lee"), ("hm-only", "Dana")]
    assert asked(fresh_plan(checklist, [DANA, LEE])) == [("both", "Dana"), ("hm-only", "Dana")]


def test_a_question_meant_for_nobody_present_is_left_for_later() -> None:
    pay = question("salary-band", ask=("recruiter",))
    team = question("team", ask=("engineer",))
    assert asked(fresh_plan([pay, team], [LEE, DANA])) == [("team", "Lee")]
    # A later round with a recruiter in the room picks it up (the team question was answered).
    first_round = interview("screen", [LEE, DANA], answers=[("team", "Lee", "Six people")])
    assert asked(fresh_plan([pay, team], [RIA], earlier=[first_round])) == [("salary-band", "Ria")]


def test_step_text_has_the_company_and_interviewer_filled_in_and_keeps_the_why() -> None:
    q = question("tenure", text="How long have you been at {company}, {interviewer}?")
    (step,) = fresh_plan([q], [LEE])
    assert step == Step("tenure", "Lee", "How long have you been at Acme, Lee?", "why tenure", "must")


def test_with_nobody_named_every_question_is_asked_once_of_whoever_is_there() -> None:
    checklist = [question("love", ask=("everyone",)), question("team"), question("pay", ask=("recruiter",))]
    steps = fresh_plan(checklist, [])
    assert asked(steps) == [("love", ""), ("team", ""), ("pay", "")]
    assert steps[0].text == "love at Acme?"


# ------------------------------------------------------------------ the panel


def test_three_person_panel_love_goes_forwards_and_hate_backwards(catalog: Catalog) -> None:
    ada, ben, cat = (
        Interviewer("Ada", "hiring-manager"),
        Interviewer("Ben", "engineer"),
        Interviewer("Cat", "executive"),
    )
    checklist = list(catalog.questions.values())  # the real banks, in load order
    steps = fresh_plan(checklist, [ada, ben, cat])
    love_hate = [pair for pair in asked(steps) if pair[0] in ("love", "hate")]
    assert love_hate == [
        ("love", "Ada"),
        ("love", "Ben"),
        ("love", "Cat"),
        ("hate", "Cat"),
        ("hate", "Ben"),
        ("hate", "Ada"),
    ]
    love = next(step for step in steps if step.question_id == "love")
    assert love.text.startswith("What do you absolutely love about Acme?")
    assert all("{" not in step.text for step in steps)
    # Musts first: nothing after the first should-question is a must.
    priorities = [step.priority for step in steps]
    assert priorities == sorted(priorities, key=["must", "should", "could"].index)


def test_the_panel_order_follows_the_order_the_questions_are_asked_not_the_checklist() -> None:
    everyone = ("everyone",)
    checklist = [
        question("later", "should", ask=everyone),
        question("first", "must", ask=everyone),
        question("second", "must", ask=everyone),
    ]
    steps = fresh_plan(checklist, [DANA, LEE, SAM])
    assert asked(steps) == [
        ("first", "Dana"),
        ("first", "Lee"),
        ("first", "Sam"),
        ("second", "Sam"),
        ("second", "Lee"),
        ("second", "Dana"),
        ("later", "Dana"),
        ("later", "Lee"),
        ("later", "Sam"),
    ]


# ------------------------------------------------------------------ earlier rounds


def test_answered_in_an_earlier_round_is_left_out_but_new_interviewers_get_love_and_hate(
    catalog: Catalog,
) -> None:
    checklist = [catalog.questions[qid] for qid in ("love", "hate", "tell-me-about-team", "hours-per-week")]
    screen = interview(
        "screen",
        [DANA],
        answers=[("love", "Dana", "The people"), ("tell-me-about-team", "Dana", "Six engineers")],
    )
    steps = fresh_plan(checklist, [DANA, LEE], earlier=[screen])
    assert asked(steps) == [
        ("love", "Lee"),  # Dana told us last round
        ("hate", "Lee"),  # reverse panel order: Lee, then Dana
        ("hate", "Dana"),
        ("hours-per-week", "Lee"),
    ]


def test_an_empty_or_skipped_answer_in_an_earlier_round_is_asked_again() -> None:
    team, pay = question("team"), question("on-call")
    screen = interview("screen", [DANA], answers=[("team", "Dana", "  \n")], skips=[("on-call", "Dana")])
    assert asked(fresh_plan([team, pay], [DANA], earlier=[screen])) == [("team", "Dana"), ("on-call", "Dana")]


# ------------------------------------------------------------------ resuming


def test_resuming_continues_where_the_interview_stopped(catalog: Catalog) -> None:
    checklist = [
        catalog.questions[qid]
        for qid in ("define-success", "tell-me-about-team", "love", "hate", "hours-per-week", "tech-debt")
    ]
    panel = [DANA, LEE]
    full = fresh_plan(checklist, panel)
    assert asked(full) == [
        ("define-success", "Dana"),
        ("tell-me-about-team", "Dana"),
        ("love", "Dana"),
        ("love", "Lee"),
        ("hate", "Lee"),
        ("hate", "Dana"),
        ("hours-per-week", "Lee"),
        ("tech-debt", "Dana"),
    ]
    for stopped_after in range(len(full) + 1):
        # Answer and skip, alternately, the first `stopped_after` steps; then "crash" and plan again.
        answers = [
            (s.question_id, s.who, f"answer {i}") for i, s in enumerate(full[:stopped_after]) if i % 2 == 0
        ]
        skips = [(s.question_id, s.who) for i, s in enumerate(full[:stopped_after]) if i % 2 == 1]
        current = interview("now", panel, answers=answers, skips=skips)
        assert fresh_plan(checklist, panel, current=current) == full[stopped_after:]


def test_a_skipped_question_is_not_asked_again_in_the_same_interview_but_later_it_is() -> None:
    team = question("team")
    today = interview("onsite", [DANA], skips=[("team", "Dana")])
    assert fresh_plan([team], [DANA], current=today) == []
    assert asked(fresh_plan([team], [DANA], earlier=[today])) == [("team", "Dana")]


# ------------------------------------------------------------------ carried forward


def test_carry_forward_turns_dislikes_open_flags_and_unanswered_musts_into_probes(catalog: Catalog) -> None:
    checklist = [
        catalog.questions[qid]
        for qid in ("love", "hate", "interviewer-tenure", "define-success", "tech-debt")
    ]
    first = interview(
        "screen",
        [DANA, LEE],
        answers=[
            ("hate", "Dana", "  Too many meetings  "),
            ("hate", "Lee", ""),  # nothing said: nothing to probe
            ("love", "Lee", "The code reviews"),
            ("define-success", "Dana", "Ship billing"),
        ],
        flags=[("Avoided the question about the manager", "high", "Lee")],
    )
    probes = carry_forward([first], checklist, "Acme")
    assert probes == [
        Probe("dislike", "Too many meetings", "Dana, screen"),
        Probe("flag", "Avoided the question about the manager", "high, Lee"),
        # Rendered for the company; love/hate (for everyone) and the should-question are not listed.
        Probe("unasked", "How long have you been at Acme?", "must-ask not yet answered"),
    ]


def test_carry_forward_has_nothing_before_the_first_round_and_names_the_round_of_an_anonymous_flag(
    catalog: Catalog,
) -> None:
    checklist = [catalog.questions["interviewer-tenure"]]
    assert carry_forward([], checklist, "Acme") == []
    earlier = interview(
        "", [], answers=[("interviewer-tenure", "", "Two years")], flags=[("Late", "low", "")]
    )
    assert carry_forward([earlier], checklist, "Acme") == [Probe("flag", "Late", "low, 2026-11-20")]


# ------------------------------------------------------------------ follow-ups


def test_follow_up_step_walks_the_follow_ups_then_stops(catalog: Catalog) -> None:
    hate = catalog.questions["hate"]
    first = follow_up_step(hate, "Lee", 0, "Acme")
    second = follow_up_step(hate, "Lee", 1, "Acme")
    assert first is not None and second is not None
    assert first == Step(
        "hate/follow-up-1",
        "Lee",
        "How long has that been a problem?",
        "Follow-up to: " + hate.render("Acme", "Lee"),
        "must",
        "follow-up",
    )
    assert second.question_id == "hate/follow-up-2"
    assert second.text == "Who is working on it, and is anything changing?"
    assert follow_up_step(hate, "Lee", len(hate.follow_ups), "Acme") is None
    assert follow_up_step(question("plain"), "Lee", 0, "Acme") is None


def test_follow_up_text_gets_the_company_and_interviewer() -> None:
    q = question("q", follow_ups=["And at {company}, {interviewer}?"])
    step = follow_up_step(q, "Dana", 0, "Acme")
    assert step is not None and step.text == "And at Acme, Dana?"
    anonymous = follow_up_step(q, "", 0, "Acme")
    assert anonymous is not None and anonymous.text == "And at Acme, your interviewer?"


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("HM", "hiring-manager"),
        ("Hiring Manager", "hiring-manager"),
        ("peer", "engineer"),
        ("CTO", "executive"),
        ("recruiter", "recruiter"),
        ("hiring_manager", "hiring-manager"),
        ("janitor", None),
    ],
)
def test_roles_typed_in_with_are_normalised(typed: str, role: str | None) -> None:
    assert normalise_role(typed) == role


# ------------------------------------------------------------------ numbers in answers


def test_hours_and_attrition_are_read_and_flagged_against_the_real_banks(catalog: Catalog) -> None:
    hours = catalog.questions["hours-per-week"].answer
    attrition = catalog.questions["hires-last-year-departures"].answer
    assert isinstance(hours, NumericAnswer) and isinstance(attrition, NumericAnswer)

    long_weeks = metrics.read(hours, "about 55 hours")
    assert long_weeks is not None
    assert (long_weeks.metric, long_weeks.value, long_weeks.flagged, long_weeks.limit) == (
        "hours_per_week",
        55,
        "above",
        50,
    )
    assert long_weeks.describe() == "Hours 55 hours per week, above the bank's default limit of 50"
    normal = metrics.read(hours, "40, maybe 45 before launches")
    assert normal is not None and normal.flagged is None

    leavers = metrics.read(attrition, "we hired 12 and 14 left, in a team of 40")
    assert leavers is not None
    assert leavers.value == pytest.approx(100 * 14 / 40)  # departures over team size, never over hires
    assert (leavers.flagged, leavers.limit, leavers.hires, leavers.departures) == ("above", 30, 12, 14)
    assert leavers.describe() == (
        "Attrition 35% (hired 12, lost 14, team of 40 said in the same answer), "
        "above the bank's default limit of 30%"
    )
    unsized = metrics.read(attrition, "we hired 12 and 4 left")
    assert unsized is not None and unsized.value is None and unsized.flagged is None
    assert (unsized.hires, unsized.departures) == (12, 4)
    assert "team size missing" in unsized.describe()
    assert metrics.read(attrition, "no idea, honestly") is None


def test_a_config_threshold_override_changes_the_verdict(catalog: Catalog, prep_home: Path) -> None:
    hours = catalog.questions["hours-per-week"].answer
    attrition = catalog.questions["hires-last-year-departures"].answer
    assert hours is not None and attrition is not None
    prep_home.mkdir(parents=True)
    (prep_home / "config.yaml").write_text("thresholds:\n  hours_per_week: 60\n  attrition_percent: 25\n")
    overrides = Context().thresholds()
    assert overrides == {"hours_per_week": 60, "attrition_percent": 25}

    relaxed = metrics.read(hours, "about 55 hours", overrides)
    assert relaxed is not None and relaxed.flagged is None
    crossed = metrics.read(attrition, "we hired 12 and 11 left, out of 40", overrides)
    assert crossed is not None and (crossed.flagged, crossed.limit) == ("above", 25)
    assert (
        crossed.limit_source == metrics.YOUR_CONFIG and "your config.yaml limit of 25" in crossed.describe()
    )
    bank_limit = metrics.read(attrition, "we hired 12 and 10 left, out of 40")  # 25%: under the bank's 30
    assert bank_limit is not None and bank_limit.flagged is None
    user_limit = metrics.read(attrition, "we hired 12 and 10 left, out of 40", {"attrition_percent": 20})
    assert user_limit is not None and (user_limit.flagged, user_limit.limit) == ("above", 20)
    assert user_limit.limit_source == metrics.YOUR_CONFIG
