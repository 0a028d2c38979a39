"""The tailoring and caution fields of a question: tracks, company_types, caution (docs/banks.md)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from interview_prep.banks.model import (
    COMPANY_TYPE_ALIASES,
    COMPANY_TYPES,
    TRACK_ALIASES,
    TRACKS,
    Question,
)
from interview_prep.banks.validate import check_text

DOCS = Path(__file__).parents[1] / "docs" / "banks.md"
PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>\S.*)$")

HEAD = """\
bank: sample
title: Sample
description: Tests.
questions:
  - id: first-question
    text: How long do people stay at {company}?
    category: turnover
    why: Tenure shows whether people stay.
    ask: [engineer]
    when: [onsite]
    priority: must
    listen_for:
      good: [Specific tenures]
      worrying: [Nobody stays long]
"""
FIELD_LINE = HEAD.count("\n") + 1  # the line the added field starts on

LONG_CAUTION = """\
    caution: >
      Asking this question tells the interviewer a great deal about your own plans for the next few
      years, which some hiring managers will read as a sign that you may not stay long, so weigh whether
      the answer is worth that before you raise it, and keep it for the offer stage.
"""

BAD_FIELDS = [
    # (added YAML, words one problem's message must hold, column of that problem)
    (
        "    tracks: [data-engineering, data-sceince]\n",
        ("unknown track 'data-sceince' in tracks", "did you mean 'data-science'", "staff"),
        32,
    ),
    ("    tracks: [Frontend]\n", ("unknown track 'Frontend'", "did you mean 'frontend'"), 14),
    ("    tracks: [sre]\n", ("unknown track 'sre'", "did you mean 'platform'"), 14),
    ("    tracks: [pm]\n", ("unknown track 'pm'", "did you mean 'product'"), 14),
    ("    tracks: [astronaut]\n", ("unknown track 'astronaut'", "allowed: data-engineering"), 14),
    ("    tracks: []\n", ("tracks must not be empty",), 13),
    ("    tracks:\n", ("tracks must be a list",), 12),
    ("    tracks: mobile\n", ("tracks must be a list",), 13),
    ("    tracks: [mobile, frontend, mobile]\n", ("'mobile' is listed twice in tracks",), 32),
    ("    tracks: [[mobile]]\n", ("each item of tracks must be a string",), 14),
    ("    company_types: [agencies]\n", ("unknown company type 'agencies'", "did you mean 'agency'"), 21),
    ("    company_types: [charity]\n", ("'charity'", "did you mean 'nonprofit'"), 21),
    ("    company_types: [government]\n", ("did you mean 'public-sector'",), 21),
    ("    company_types: [startup]\n", ("unknown company type 'startup'", "public-sector"), 21),
    ("    company_types: nonprofit\n", ("company_types must be a list",), 20),
    ("    company_types: [agency, agency]\n", ("'agency' is listed twice in company_types",), 29),
    ("    caution: |\n      Reveals your plans.\n      Skip it early.\n", ("caution must be one line",), 14),
    (LONG_CAUTION, ("caution is", "characters", "200 or fewer"), 14),
    ("    caution: [Reveals your plans, Skip it]\n", ("caution must be a string", "not a list"), 14),
    ("    caution:\n", ("caution is empty",), 13),
    ("    caution: ''\n", ("caution is empty",), 14),
    ("    caution: Skip it if {company_name} is small.\n", ("unknown placeholder '{company_name}'",), 14),
    ("    caution: Skip it if {company is small.\n", ("unmatched '{' in caution",), 14),
    ("    cautions: Skip it.\n", ("unknown key 'cautions'", "did you mean 'caution'"), 5),
    ("    track: [mobile]\n", ("unknown key 'track'", "did you mean 'tracks'"), 5),
]


@pytest.mark.parametrize(("field", "words", "col"), BAD_FIELDS)
def test_a_bad_field_gets_one_located_plain_problem(field: str, words: tuple[str, ...], col: int) -> None:
    check = check_text(HEAD + field, "bank.yaml")

    assert check.bank is None
    matching = [p for p in check.problems if all(word in p.message for word in words)]
    assert matching, f"none of {[str(p) for p in check.problems]} says {words}"
    assert (matching[0].line, matching[0].col) == (FIELD_LINE, col), str(matching[0])
    for problem in check.problems:
        assert PROBLEM_LINE.match(str(problem)) and "\n" not in problem.message


def test_every_problem_with_the_new_fields_is_reported_at_once() -> None:
    fields = "    tracks: [sre, mobile, mobile]\n    company_types: [charity]\n    caution: '{x}'\n"
    messages = [problem.message for problem in check_text(HEAD + fields, "bank.yaml").problems]
    assert len(messages) == 4, messages


def test_the_fields_load_into_the_question() -> None:
    fields = """\
    tracks: [platform, data-engineering]
    company_types: [agency]
    caution: >
      Fine at any stage; at {company} ask it once, calmly,
      not as a complaint.
"""
    check = check_text(HEAD + fields, "bank.yaml")
    assert check.problems == [] and check.bank is not None
    question = check.bank.questions[0]
    assert question.tracks == ("platform", "data-engineering")
    assert question.company_types == ("agency",)
    assert question.caution == "Fine at any stage; at {company} ask it once, calmly, not as a complaint."
    assert question.render_caution("Acme") == (
        "Fine at any stage; at Acme ask it once, calmly, not as a complaint."
    )


def test_without_the_fields_a_question_fits_all_and_has_no_caution() -> None:
    check = check_text(HEAD, "bank.yaml")
    assert check.bank is not None
    question = check.bank.questions[0]
    assert (question.tracks, question.company_types, question.caution) == (None, None, None)
    assert question.render_caution("Acme") is None


def test_a_caution_of_exactly_the_limit_is_fine() -> None:
    caution = "x" * 200
    assert check_text(HEAD + f"    caution: {caution}\n", "bank.yaml").problems == []
    assert check_text(HEAD + f"    caution: {caution}y\n", "bank.yaml").problems != []


@pytest.mark.parametrize(("field", "allowed"), [("tracks", TRACKS), ("company_types", COMPANY_TYPES)])
def test_every_allowed_value_checks_clean(field: str, allowed: Mapping[str, str]) -> None:
    check = check_text(HEAD + f"    {field}: [{', '.join(allowed)}]\n", "bank.yaml")
    assert check.problems == [] and check.bank is not None
    assert getattr(check.bank.questions[0], field) == tuple(allowed)


@pytest.mark.parametrize(
    ("field", "aliases", "allowed"),
    [("tracks", TRACK_ALIASES, TRACKS), ("company_types", COMPANY_TYPE_ALIASES, COMPANY_TYPES)],
)
def test_every_synonym_is_refused_with_its_real_name(
    field: str, aliases: Mapping[str, str], allowed: Mapping[str, str]
) -> None:
    for alias, real in aliases.items():
        assert real in allowed and alias not in allowed
        problems = check_text(HEAD + f"    {field}: [{alias}]\n", "bank.yaml").problems
        assert [f"did you mean '{real}'?" in problem.message for problem in problems] == [True], alias


def make_question(**limits: object) -> Question:
    base = Question(
        id="q",
        bank="b",
        text="Anything?",
        category="team",
        why="w",
        ask=("engineer",),
        when=("onsite",),
        priority="must",
        good=("g",),
        worrying=("w",),
    )
    return dataclasses.replace(base, **limits)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tracks", "track", "fits"),
    [
        (None, None, True),
        (None, "mobile", True),
        (("mobile",), "mobile", True),
        (("mobile", "frontend"), "frontend", True),
        (("mobile",), "design", False),
        (("mobile",), None, False),  # a track question never lands in a checklist with no track
    ],
)
def test_tracks_limit_a_question_to_those_tracks(
    tracks: tuple[str, ...] | None, track: str | None, fits: bool
) -> None:
    assert make_question(tracks=tracks).fits_track(track) is fits


@pytest.mark.parametrize(
    ("types", "company_type", "fits"),
    [
        (None, None, True),
        (None, "agency", True),
        (("agency",), "agency", True),
        (("nonprofit", "public-sector"), "public-sector", True),
        (("agency",), "nonprofit", False),
        (("agency",), None, False),  # only offered to companies known to be that type
    ],
)
def test_company_types_limit_a_question_to_those_types(
    types: tuple[str, ...] | None, company_type: str | None, fits: bool
) -> None:
    assert make_question(company_types=types).fits_company_type(company_type) is fits


def test_tracks_and_company_types_are_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for name in (*TRACKS, *COMPANY_TYPES):
        assert f"| {name} |" in docs, name
    for field in ("tracks:", "company_types:", "caution:"):
        assert field in docs
