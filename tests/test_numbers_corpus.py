"""The labelled corpus of numeric answers (tests/data/numbers_corpus.yaml) is read right.

bench/evidence.py prints the same figures per metric; this test holds the target.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _evidence() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evidence", ROOT / "bench" / "evidence.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["evidence"] = module
    spec.loader.exec_module(module)
    return module


evidence = _evidence()


def test_the_corpus_is_large_and_varied() -> None:
    _, corpus = evidence.load_numbers_corpus()
    answers = [(metric, row[0]) for metric, rows in corpus.items() for row in rows]
    assert len(answers) >= 400
    assert len(set(answers)) == len(answers), "each answer once per probe"
    unreadable = sum(1 for rows in corpus.values() for row in rows if row[1] is None)
    assert unreadable >= 30, "answers with no usable number are part of the test"
    assert set(corpus) >= {
        "hours_per_week",
        "vacation_days_taken",
        "tenure_years",
        "oncall_weeks_per_month",
        "office_days_per_week",
        "team_size",
        "attrition_percent",
    }


def test_at_least_97_percent_of_numeric_answers_are_read_right() -> None:
    scores = evidence.score_numbers()
    right = sum(score.right for score in scores.values())
    total = sum(score.total for score in scores.values())
    misses = [miss for score in scores.values() for miss in score.misses]
    assert right / total >= 0.97, "\n".join(misses)


@pytest.mark.parametrize(
    "metric",
    ["hours_per_week", "vacation_days_taken", "oncall_weeks_per_month", "office_days_per_week", "team_size"],
)
def test_no_metric_is_left_behind(metric: str) -> None:
    score = evidence.score_numbers()[metric]
    assert score.accuracy >= 0.9, "\n".join(score.misses)


def test_no_answer_without_a_number_gets_a_reading() -> None:
    """A wrong number is worse than none: every answer labelled "no usable number" gives None."""
    today, corpus = evidence.load_numbers_corpus()
    wrongly_read = [
        (metric, row[0])
        for metric, rows in corpus.items()
        for row in rows
        if row[1] is None and evidence.read_one(metric, row[0], today) != (None,)
    ]
    assert not wrongly_read
