"""The shipped banks: complete, faithful to the seeds, and tailoring that visibly matters."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.loader import load_catalog
from interview_prep.banks.model import Catalog, Question
from interview_prep.core.checklist import tailored
from interview_prep.core.models import Company
from interview_prep.core.tracks import track_from_role
from interview_prep.storage import companies


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_every_question_is_fully_explained(catalog: Catalog) -> None:
    for question in catalog.questions.values():
        assert question.why.strip(), question.id
        assert question.ask and question.when and question.priority, question.id
        assert question.good and question.worrying, question.id


def test_size_of_the_banks(catalog: Catalog) -> None:
    assert len(catalog.questions) >= 150
    categories = Counter(q.category for q in catalog.questions.values())
    assert len(categories) >= 12 and min(categories.values()) >= 5
    assert len(catalog.signals) >= 15
    assert all(signal.why.strip() for signal in catalog.signals.values())


SEED_MUSTS = {
    # the love / hate pair, asked of every interviewer
    "love": ("love-hate", "002_4b52922d4091297f.txt"),
    "hate": ("love-hate", "002_4b52922d4091297f.txt"),
    # why does the team need someone like me
    "why-need-someone-like-me": ("why-me", "002_4b52922d4091297f.txt"),
    # how is success defined
    "define-success": ("success", "004_00daf56208ca3b24.txt"),
    # turnover as numbers
    "hires-last-year-departures": ("turnover", "003_ac9c305f9cffee69.txt"),
    # hours
    "hours-per-week": ("work-life", "003_ac9c305f9cffee69.txt"),
    # next steps
    "next-steps": ("process", "003_ac9c305f9cffee69.txt"),
}


@pytest.mark.parametrize(("question_id", "expected"), SEED_MUSTS.items())
def test_seed_must_asks(catalog: Catalog, question_id: str, expected: tuple[str, str]) -> None:
    question = catalog.questions[question_id]
    assert (question.category, question.source) == expected
    assert question.priority == "must"
    assert question.fits is None  # always in the checklist


def test_love_and_hate_go_to_everyone_and_numbers_have_thresholds(catalog: Catalog) -> None:
    assert catalog.questions["love"].for_everyone and catalog.questions["hate"].for_everyone
    attrition = catalog.questions["hires-last-year-departures"].answer
    assert attrition is not None
    assert (attrition.kind, attrition.metric, attrition.flag_above) == (
        "hires-departures",
        "attrition_percent",
        30,
    )
    hours = catalog.questions["hours-per-week"].answer
    assert hours is not None and (hours.metric, hours.flag_above) == ("hours_per_week", 50)
    tenure = catalog.questions["interviewer-tenure"].answer
    assert tenure is not None and tenure.metric == "tenure_years" and tenure.flag_below is not None
    for numeric in ("team-size", "oncall-frequency"):
        assert catalog.questions[numeric].answer is not None


def test_self_prep_prompts(catalog: Catalog) -> None:
    for prompt_id in (
        "key-messages",
        "recent-win",
        "why-this-role",
        "why-this-industry",
        "why-this-company",
        "after-recruiter-call",
        "after-thank-you",
    ):
        assert prompt_id in catalog.prep
    key_messages = catalog.prep["key-messages"]
    assert (key_messages.kind, key_messages.min, key_messages.max) == ("list", 3, 5)


def _ids(questions: list[Question]) -> set[str]:
    return {q.id for q in questions}


def test_tailoring_startup_ic_vs_public_manager_vs_recruiter_screen(catalog: Catalog) -> None:
    questions = list(catalog.questions.values())
    startup = _ids(
        tailored(questions, Company("a", "a", stage="startup", size="small"), ["hiring-manager", "engineer"])
    )
    public = _ids(
        tailored(
            questions,
            Company("b", "b", stage="public", size="large", manager=True),
            ["hiring-manager", "engineer", "executive"],
        )
    )
    screen = _ids(tailored(questions, Company("c", "c"), ["recruiter"]))
    seed_musts = set(SEED_MUSTS) - {
        "hours-per-week",
        "hires-last-year-departures",
        "why-need-someone-like-me",
    }
    assert seed_musts <= startup and seed_musts <= public and {"love", "hate", "next-steps"} <= screen
    # A startup asks about runway, a public company about reorgs, not the other way round;
    # layoffs happen at startups too, so both ask about them.
    assert "runway" in startup and "runway" not in public
    assert "last-reorg" in public and "last-reorg" not in startup
    assert "layoffs-history" in startup and "layoffs-history" in public
    # Only the manager role gets people-management questions.
    assert {"direct-reports", "struggling-report"} <= public and not {
        "direct-reports",
        "struggling-report",
    } & startup
    # A recruiter screen is short and practical: pay band and process, not engineering practice.
    assert {"salary-band", "process-timeline"} <= screen
    assert len(screen) < len(startup) // 3
    assert not {"tech-stack-decisions", "hours-per-week", "last-incident"} & screen


def test_must_and_should_questions_are_deep_enough_to_use_in_the_room(catalog: Catalog) -> None:
    """Two good and two worrying signs for every must and should; a follow-up for every must."""
    shallow = []
    for question in catalog.questions.values():
        if question.priority in ("must", "should"):
            if len(question.good) < 2 or len(question.worrying) < 2:
                shallow.append(f"{question.id}: {len(question.good)} good, {len(question.worrying)} worrying")
            if question.priority == "must" and not question.follow_ups:
                shallow.append(f"{question.id}: a must with no follow-up")
    assert shallow == []


# Asking these tells the interviewer something about you that can be held against you.
REVEALING = re.compile(
    r"\b(parental|maternity|paternity|pregnan\w*|school runs?|childcare|caring for|carers?|"
    r"another team|move teams|internal (mobility|transfer))\b",
    re.IGNORECASE,
)


def test_questions_that_reveal_family_plans_or_a_wish_to_move_carry_a_caution(catalog: Catalog) -> None:
    revealing = [q for q in catalog.questions.values() if REVEALING.search(" ".join((q.text, *q.follow_ups)))]
    assert revealing, "the pattern should find the caregiving and mobility questions"
    assert [q.id for q in revealing if not q.caution] == []


def test_every_caution_is_one_short_line(catalog: Catalog) -> None:
    for question in catalog.questions.values():
        if question.caution is not None:
            assert "\n" not in question.caution and 20 <= len(question.caution) <= 200, question.id


# --- Issue 17 targets: the second edition of the banks ------------------------------------


def test_second_edition_counts(catalog: Catalog) -> None:
    questions = list(catalog.questions.values())
    assert len(questions) >= 320
    assert len({question.category for question in questions}) >= 28
    tracks_with_questions = {track for question in questions for track in question.tracks or ()}
    assert len(tracks_with_questions) >= 8
    assert len(catalog.signals) >= 40
    assert len(catalog.prep) >= 24
    for question in questions:
        assert question.why and question.ask and question.when and question.priority, question.id
        assert question.good and question.worrying, question.id


# The role title a candidate would type, and the must-asks a coach expects for that track.
TRACK_MUSTS = {
    "data-engineering": ("Senior Data Engineer", {"data-quality-owner"}),
    "data-science": ("Data Scientist", {"data-quality-owner", "analysis-to-decision"}),
    "ml": ("Machine Learning Engineer", {"models-reach-production"}),
    "platform": ("Site Reliability Engineer", {"toil-share"}),
    "frontend": ("Senior Frontend Engineer", {"frontend-performance-budget"}),
    "mobile": ("iOS Engineer", {"mobile-release-cadence"}),
    "product": ("Product Manager", {"pm-decision-rights"}),
    "design": ("Product Designer", {"design-joins-when"}),
    "engineering-manager": ("Engineering Manager", {"inherited-team-state"}),
    "staff": ("Staff Engineer", {"staff-problem-to-solve"}),
}
EVERY_CHECKLIST = {"love", "hate", "define-success", "why-role-open", "next-steps"}


def _checklist(catalog: Catalog, company: Company) -> set[str]:
    return _ids(tailored(list(catalog.questions.values()), company, []))


@pytest.mark.parametrize("track", list(TRACK_MUSTS))
def test_each_track_gets_its_must_asks_and_no_other_tracks(catalog: Catalog, track: str) -> None:
    role, musts = TRACK_MUSTS[track]
    assert track_from_role(role) == track
    manager = track == "engineering-manager"  # as `prep new` sets it
    checklist = _checklist(catalog, Company("a", "a", role=role, track=track, manager=manager))
    assert musts | EVERY_CHECKLIST <= checklist
    own = {
        q.id for q in catalog.questions.values() if q.tracks and track in q.tracks and q.priority == "must"
    }
    assert own == musts, "a new must-ask for this track: add it to TRACK_MUSTS"
    elsewhere = {
        q.id for q in catalog.questions.values() if (q.tracks and track not in q.tracks) or q.company_types
    }
    assert not checklist & elsewhere, sorted(checklist & elsewhere)


def test_a_checklist_without_a_track_or_type_has_no_track_or_type_questions(catalog: Catalog) -> None:
    checklist = _checklist(catalog, Company("a", "a", role="Software Engineer"))
    assert checklist >= EVERY_CHECKLIST
    limited = {q.id for q in catalog.questions.values() if q.tracks or q.company_types}
    assert not checklist & limited


TYPE_MUSTS = {
    "agency": {"billable-target"},
    "nonprofit": {"funding-sources"},
    "public-sector": {"clearance-process"},
}


@pytest.mark.parametrize("company_type", list(TYPE_MUSTS))
def test_each_company_type_gets_its_must_asks_and_no_other_types(catalog: Catalog, company_type: str) -> None:
    checklist = _checklist(catalog, Company("a", "a", company_type=company_type))
    musts = TYPE_MUSTS[company_type]
    assert musts | EVERY_CHECKLIST <= checklist
    own = {
        q.id
        for q in catalog.questions.values()
        if q.company_types and company_type in q.company_types and q.priority == "must"
    }
    assert own == musts, "a new must-ask for this company type: add it to TYPE_MUSTS"
    other_types = {
        q.id for q in catalog.questions.values() if q.company_types and company_type not in q.company_types
    }
    assert not checklist & other_types
    assert not checklist & {q.id for q in catalog.questions.values() if q.tracks}


@pytest.mark.parametrize("track", list(TRACK_MUSTS))
def test_prep_new_reads_the_track_from_the_role_into_the_written_checklist(
    prep_home: Path, track: str
) -> None:
    role, musts = TRACK_MUSTS[track]
    code, out, err = prep("new", "acme", "--role", role, "--no-input")
    assert code == 0, out + err
    written = {item.question_id for item in companies.read_checklist(prep_home, "acme")}
    assert musts | EVERY_CHECKLIST <= written
