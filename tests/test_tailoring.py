"""Role tracks and company types: read from `prep new`, stored with the company, used to tailor."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.model import COMPANY_TYPE_ALIASES, COMPANY_TYPES, TRACK_ALIASES, TRACKS, Question
from interview_prep.core import checklist
from interview_prep.core.models import Company
from interview_prep.core.tracks import resolve_company_type, resolve_track, track_from_role
from interview_prep.storage import companies, frontmatter

ROLE_TITLES = [
    ("Senior Data Engineer", "data-engineering"),
    ("Analytics Engineer", "data-engineering"),
    ("Data Platform Engineer", "data-engineering"),
    ("Staff Data Engineer", "data-engineering"),  # the specialty says more than the level
    ("Data Scientist", "data-science"),
    ("Lead Data Analyst", "data-science"),
    ("Machine Learning Engineer", "ml"),
    ("ML Platform Engineer", "ml"),
    ("Senior MLOps Engineer", "ml"),
    ("Site Reliability Engineer", "platform"),
    ("SRE", "platform"),
    ("Platform Engineer", "platform"),
    ("Infrastructure Engineer", "platform"),
    ("DevOps Engineer", "platform"),
    ("Front-end Developer", "frontend"),
    ("Senior Frontend Engineer", "frontend"),
    ("Web Developer", "frontend"),
    ("iOS Engineer", "mobile"),
    ("Android Developer", "mobile"),
    ("Mobile Engineer", "mobile"),
    ("Product Manager", "product"),
    ("Senior Product Owner", "product"),
    ("Principal Product Manager", "product"),
    ("Product Designer", "design"),
    ("UX Researcher", "design"),
    ("Engineering Manager", "engineering-manager"),
    ("Senior Engineering Manager, Data", "engineering-manager"),
    ("Manager, Software Engineering", "engineering-manager"),
    ("Director of Engineering", "engineering-manager"),
    ("VP Engineering", "engineering-manager"),
    ("Staff Engineer", "staff"),
    ("Principal Software Engineer", "staff"),
    ("Distinguished Engineer", "staff"),
    ("Software Engineer", None),
    ("Senior Backend Engineer", None),
    ("Full-stack Developer", None),
    ("Technical Program Manager", None),  # a manager in name, not of engineers
    ("", None),
]


@pytest.mark.parametrize(("role", "track"), ROLE_TITLES)
def test_the_role_title_implies_a_track(role: str, track: str | None) -> None:
    assert track_from_role(role) == track
    assert track_from_role(role.upper()) == track
    assert track_from_role(f"  {role}  ") == track


def test_every_track_is_reachable_from_some_role_title() -> None:
    assert {track for _, track in ROLE_TITLES if track} == set(TRACKS)


def test_tracks_and_types_resolve_from_ids_synonyms_and_any_case() -> None:
    for track in TRACKS:
        assert resolve_track(track) == track
        assert resolve_track(track.upper().replace("-", " ")) == track
    for alias, track in TRACK_ALIASES.items():
        assert resolve_track(alias) == track
    for company_type in COMPANY_TYPES:
        assert resolve_company_type(company_type.title()) == company_type
    for alias, company_type in COMPANY_TYPE_ALIASES.items():
        assert resolve_company_type(alias) == company_type
    assert resolve_track("astronaut") is None and resolve_company_type("startup") is None


def question(question_id: str, **limits: object) -> Question:
    base = Question(
        id=question_id,
        bank="b",
        text=f"{question_id}?",
        category="team",
        why="w",
        ask=("engineer",),
        when=("onsite",),
        priority="must",
        good=("g",),
        worrying=("w",),
    )
    return dataclasses.replace(base, **limits)  # type: ignore[arg-type]


QUESTIONS = [
    question("general"),
    question("pipelines", tracks=("data-engineering",)),
    question("models", tracks=("ml", "data-science")),
    question("billable", company_types=("agency",)),
    question("grants", company_types=("nonprofit",)),
    question("data-at-an-agency", tracks=("data-engineering",), company_types=("agency",)),
]


@pytest.mark.parametrize(
    ("track", "company_type", "expected"),
    [
        (None, None, ["general"]),
        ("data-engineering", None, ["general", "pipelines"]),
        ("data-science", None, ["general", "models"]),
        ("frontend", None, ["general"]),
        (None, "agency", ["general", "billable"]),
        (None, "nonprofit", ["general", "grants"]),
        ("data-engineering", "agency", ["general", "pipelines", "billable", "data-at-an-agency"]),
    ],
)
def test_track_and_type_questions_reach_only_their_companies(
    track: str | None, company_type: str | None, expected: list[str]
) -> None:
    company = Company(name="Acme", slug="acme", track=track, company_type=company_type)
    assert [q.id for q in checklist.candidates(QUESTIONS, company, [])] == expected
    assert [q.id for q in checklist.tailored(QUESTIONS, company, [])] == expected


def new_company(prep_home: Path, *args: str) -> dict[str, object]:
    code, out, err = prep("new", "acme", "--no-input", *args)
    assert code == 0, out + err
    path = prep_home / "acme" / "company.md"
    fields = frontmatter.parse(path.read_text(), path).fields
    company = companies.read_company(prep_home, "acme")
    assert (company.track, company.company_type) == (fields["track"], fields["type"])
    return fields


def test_track_is_read_from_the_role_and_stored(prep_home: Path) -> None:
    fields = new_company(prep_home, "--role", "Senior Data Engineer")
    assert (fields["track"], fields["type"]) == ("data-engineering", None)


def test_track_flag_wins_over_the_role_and_takes_synonyms(prep_home: Path) -> None:
    fields = new_company(prep_home, "--role", "Senior Data Engineer", "--track", "SRE", "--type", "Charity")
    assert (fields["track"], fields["type"]) == ("platform", "nonprofit")


def test_engineering_manager_track_is_a_people_manager_role(prep_home: Path) -> None:
    fields = new_company(prep_home, "--track", "engineering-manager")
    assert fields["manager"] is True


def test_no_track_and_no_type_are_stored_as_unknown(prep_home: Path) -> None:
    fields = new_company(prep_home, "--role", "Software Engineer")
    assert (fields["track"], fields["type"]) == (None, None)


@pytest.mark.parametrize(
    ("flag", "value", "hint"),
    [("--track", "frontnd", "frontend"), ("--track", "astronaut", None), ("--type", "agencyy", "agency")],
)
def test_an_unknown_track_or_type_is_one_clear_line(
    prep_home: Path, flag: str, value: str, hint: str | None
) -> None:
    code, out, err = prep("new", "acme", "--no-input", flag, value)
    assert code != 0
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) == 1 and flag in lines[0] and value in lines[0], lines
    assert "Traceback" not in out + err
    if hint:
        assert f"did you mean {hint}" in lines[0]
    assert not (prep_home / "acme").exists()
