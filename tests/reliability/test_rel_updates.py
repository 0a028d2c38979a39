"""Class B: an update changes only what it was given, and a changed value stays in the history."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from helpers import interview_files, prep
from interview_prep.storage.interviews import load_interview

FULL = {"--gut": "4", "--excited": "the mentoring", "--worry": "on-call load", "--accept": "unsure"}
FIELD = {"--gut": "gut", "--excited": "excited", "--worry": "worries", "--accept": "accept"}
LATER = {"--gut": "2", "--excited": "the roadmap", "--worry": "the commute", "--accept": "no"}


def _company_with_reflection(home: Path) -> Path:
    assert prep("new", "acme", "--no-input")[0] == 0
    assert prep("note", "acme", "first round")[0] == 0
    assert prep("reflect", "acme", *itertools.chain(*FULL.items()))[0] == 0
    return interview_files(home, "acme")[-1]


def _values(path: Path) -> dict[str, str]:
    reflection = load_interview(path).reflection
    assert reflection is not None
    return {flag: str(getattr(reflection, FIELD[flag])) for flag in FULL}


SUBSETS = [combo for size in (1, 2, 3) for combo in itertools.combinations(FULL, size)]


@pytest.mark.slow
@pytest.mark.parametrize("given", SUBSETS, ids=["+".join(flag[2:] for flag in combo) for combo in SUBSETS])
def test_a_partial_reflect_keeps_every_field_it_was_not_given(
    prep_home: Path, given: tuple[str, ...]
) -> None:
    path = _company_with_reflection(prep_home)
    code, _, err = prep("reflect", "acme", *itertools.chain(*((flag, LATER[flag]) for flag in given)))
    assert code == 0, err
    expected = {flag: (LATER[flag] if flag in given else FULL[flag]) for flag in FULL}
    assert _values(path) == expected
    reflection = load_interview(path).reflection
    assert reflection is not None
    assert [(c.name, c.before, c.after) for c in reflection.history] == [
        (FIELD[flag], FULL[flag], LATER[flag]) for flag in FULL if flag in given
    ]


@pytest.mark.slow
def test_the_review_shows_what_changed(prep_home: Path) -> None:
    _company_with_reflection(prep_home)
    code, out, _ = prep("reflect", "acme", "--gut", "5")
    assert code == 0 and "gut 4 -> 5" in out
    _, shown, _ = prep("review", "acme", "--no-input")
    assert "gut 4 -> 5" in shown and "the mentoring" in shown and "on-call load" in shown
    data = json.loads(prep("review", "acme", "--json")[1])
    latest = data["reflection"]["latest"]
    assert latest["gut"] == 5 and latest["excited"] == "the mentoring"
    assert [(h["field"], h["from"], h["to"]) for h in latest["history"]] == [("gut", "4", "5")]


@pytest.mark.slow
def test_the_same_value_again_adds_no_history_and_history_accumulates(prep_home: Path) -> None:
    path = _company_with_reflection(prep_home)
    for gut in ("4", "5", "5", "3"):
        assert prep("reflect", "acme", "--gut", gut)[0] == 0
    reflection = load_interview(path).reflection
    assert reflection is not None
    assert [(c.before, c.after) for c in reflection.history] == [("4", "5"), ("5", "3")]
    assert _values(path)["--excited"] == "the mentoring"


@pytest.mark.slow
def test_reflect_with_nothing_given_changes_nothing_and_says_which_flags(prep_home: Path) -> None:
    path = _company_with_reflection(prep_home)
    before = path.read_bytes()
    code, out, err = prep("reflect", "acme")
    assert code == 2 and out == "" and err.count("\n") == 1 and "--gut" in err
    assert path.read_bytes() == before
