"""Near-duplicate questions: found by `prep banks check`, named by both ids, none in the shipped banks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.files import shipped_banks_dir
from interview_prep.banks.model import Question
from interview_prep.banks.similar import SIMILAR_AT, jaccard, near_duplicates, words
from interview_prep.banks.validate import check_files

PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>\S.*)$")


def question(
    question_id: str, text: str, good: tuple[str, ...] = ("g",), worrying: tuple[str, ...] = ("w",)
) -> Question:
    return Question(
        id=question_id,
        bank="b",
        text=text,
        category="team",
        why="w",
        ask=("engineer",),
        when=("onsite",),
        priority="should",
        good=good,
        worrying=worrying,
    )


def test_words_ignore_case_placeholders_function_words_time_frames_and_plurals() -> None:
    assert words("How do {company}'s Managers run one-to-ones, in the last year?") == {
        "manager",
        "run",
        "one",
    }
    assert words("What are the reports?") == words("what is the report")
    assert words("How is it?") == frozenset()
    assert jaccard(frozenset(), frozenset({"x"})) == 0.0


REWORDINGS = [
    # (earlier text, later text): the same question said again
    (
        "What would make you glad you hired me, six months in?",
        "Six months in, what would make you glad you hired me?",
    ),
    ("How does {company} decide on promotions?", "How are promotions decided at {company}?"),
    (
        "How many hours do people on the team really work?",
        "How many hours does the team really work in a week?",
    ),
    ("Why is this role open?", "Why is this role open right now?"),
    (
        "What is the team's biggest technical challenge?",
        "What are the biggest technical challenges for the team?",
    ),
]
DISTINCT = [
    # one topic, different questions: must not be reported
    (
        "How many hours do people work in a normal week?",
        "When did the team last work over a weekend, and why?",
    ),
    ("What do you love about {company}?", "What do you dislike about {company}?"),
    ("How is on-call organised?", "Is on-call time paid, or given back as time off?"),
    ("What would my first week look like?", "What would a strong first three months look like to you?"),
    (
        "How many managers has this team had in the last two years?",
        "Has {company} had layoffs in the last two years?",
    ),
]


@pytest.mark.parametrize(("first", "second"), REWORDINGS)
def test_a_reworded_question_is_a_near_duplicate(first: str, second: str) -> None:
    pairs = near_duplicates(
        [question("a", first), question("b", second), question("c", "Who pays for travel?")]
    )
    assert [(pair.first, pair.second) for pair in pairs] == [("a", "b")]
    assert pairs[0].score >= SIMILAR_AT


@pytest.mark.parametrize(("first", "second"), DISTINCT)
def test_different_questions_on_one_topic_are_not(first: str, second: str) -> None:
    assert near_duplicates([question("a", first), question("b", second)]) == []


def test_a_sign_copied_word_for_word_pairs_two_questions_but_a_short_common_one_does_not() -> None:
    copied = "Management is the only way up"
    questions = [
        question("growth", "Which paths lead up from this role?", worrying=(copied, "Vague answers")),
        question("levels", "Who holds the most senior technical level?", worrying=(copied.upper() + ".",)),
        question("other", "How are raises decided?", worrying=("Vague answers",)),
    ]
    pairs = near_duplicates(questions)
    assert [(pair.first, pair.second, pair.shared_sign) for pair in pairs] == [("growth", "levels", copied)]


BANK = """\
bank: {bank}
title: T
description: D.
questions:
  - id: {question_id}
    text: {text}
    category: team
    why: W.
    ask: [engineer]
    when: [onsite]
    priority: should
    listen_for:
      good: [G]
      worrying: [W]
"""


def write_bank(folder: Path, bank: str, question_id: str, text: str) -> Path:
    path = folder / f"{bank}.yaml"
    path.write_text(BANK.format(bank=bank, question_id=question_id, text=text), encoding="utf-8")
    return path


def test_check_names_both_questions_and_where_the_first_is(tmp_path: Path) -> None:
    first = write_bank(tmp_path, "one", "promotion-decided", "How does {company} decide on promotions?")
    second = write_bank(tmp_path, "two", "promotions-how", "How are promotions decided at {company}?")

    problems = check_files([first, second])

    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.col) == (str(second), 5, 9)
    assert "'promotion-decided'" in problem.message and "'promotions-how'" in problem.message
    assert f"{first}:5:9" in problem.message and "Jaccard" in problem.message
    assert PROBLEM_LINE.match(str(problem)) and "\n" not in problem.message


def test_prep_banks_check_reports_a_near_duplicate_and_exits_non_zero(tmp_path: Path) -> None:
    first = write_bank(tmp_path, "one", "why-open", "Why is this role open?")
    second = write_bank(tmp_path, "two", "why-open-now", "Why is this role open right now?")
    code, out, _ = prep("banks", "check", str(first), str(second))
    assert code == 2
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1 and "'why-open'" in lines[0] and "'why-open-now'" in lines[0]
    assert prep("banks", "check", str(first))[0] == 0


@pytest.mark.slow
def test_the_shipped_banks_have_no_near_duplicates() -> None:
    paths = sorted(shipped_banks_dir().glob("*.yaml"))
    assert paths
    assert [str(problem) for problem in check_files(paths)] == []


@pytest.mark.slow
def test_lowering_the_limit_would_find_pairs_in_the_shipped_banks() -> None:
    """The check is live on real text: a laxer limit finds pairs the shipped limit lets through."""
    from interview_prep.banks.loader import load_catalog
    from interview_prep.banks.similar import similar_texts

    questions = list(load_catalog().questions.values())
    assert similar_texts(questions, SIMILAR_AT - 0.2)
    assert not similar_texts(questions)
