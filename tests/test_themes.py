"""Themes: words and phrases that several interviewers repeat in answers to one question."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import RUNAWAY_SECONDS
from interview_prep.core.themes import Theme, explain, find_themes, theme_phrases

Answers = dict[str, list[tuple[str, str]]]

DEADLINES: Answers = {
    "hate": [
        ("Dana", "Tight deadlines."),
        ("Lee", "the deadline crunch every quarter"),
        ("Sam", "Deadlines, honestly"),
    ]
}


def phrases(themes: Sequence[Theme]) -> list[str]:
    return [theme.phrase for theme in themes]


# --------------------------------------------------------------------------- known answers


def test_deadlines_in_every_hate_answer_is_one_theme_said_by_everyone() -> None:
    themes = find_themes(DEADLINES)
    assert len(themes) == 1
    (theme,) = themes
    assert theme.question_id == "hate"
    assert theme.phrase == "deadline"
    assert theme.who == ("Dana", "Lee", "Sam")
    assert theme.everyone is True
    assert theme.strength == 3
    assert theme.evidence == (
        ("Dana", "Tight deadlines."),
        ("Lee", "the deadline crunch every quarter"),
        ("Sam", "Deadlines, honestly"),
    )


def test_theme_said_by_everyone_ranks_first() -> None:
    answers: Answers = {
        "love": [
            ("Dana", "Code reviews are thorough and the onboarding was great"),
            ("Lee", "Our code review culture, and onboarding"),
            ("Sam", "The onboarding buddy system"),
            ("Kim", "Flexible hours and solid code review"),
        ],
        **DEADLINES,
    }
    themes = find_themes(answers)
    assert themes[0].phrase == "deadline"
    assert themes[0].everyone is True
    assert [(t.phrase, t.strength, t.everyone) for t in themes[1:]] == [
        ("code review", 3, False),
        ("onboarding", 3, False),
    ]


def test_two_of_three_mentioning_code_review_is_a_partial_theme() -> None:
    answers: Answers = {
        "love": [
            ("Dana", "Code reviews are thorough"),
            ("Lee", "really careful code review"),
            ("Sam", "The free lunches"),
        ]
    }
    (theme,) = find_themes(answers)
    assert theme.phrase == "code review"
    assert theme.who == ("Dana", "Lee")
    assert theme.everyone is False
    assert theme.strength == 2


def test_phrase_and_word_with_different_people_are_both_kept() -> None:
    answers: Answers = {
        "love": [
            ("Dana", "code review"),
            ("Lee", "code review"),
            ("Sam", "clean code"),
        ]
    }
    found = {t.phrase: t.who for t in find_themes(answers)}
    assert found == {"code": ("Dana", "Lee", "Sam"), "code review": ("Dana", "Lee")}


def test_stop_words_and_one_off_words_never_make_a_theme() -> None:
    answers: Answers = {
        "love": [
            ("Dana", "I really think the people are like, just great, you know"),
            ("Lee", "Really? I think the team, the company, the work... pretty good things"),
            ("Sam", "I think it's really the people here, a lot of things"),
        ],
        "hate": [("Dana", "parking"), ("Lee", "timezones"), ("Sam", "the coffee")],
    }
    assert find_themes(answers) == []


def test_one_person_repeating_a_word_is_not_a_theme() -> None:
    answers: Answers = {
        "hate": [
            ("Dana", "Meetings meetings meetings. MEETINGS!"),
            ("Lee", "The on-call rotation"),
            ("Sam", "Nothing much"),
        ]
    }
    assert find_themes(answers) == []


def test_punctuation_case_and_plurals_fold_together() -> None:
    answers: Answers = {
        "hate": [
            ("Dana", "MEETINGS!!! And changing priorities."),
            ("Lee", "meeting-heavy weeks; the priority shifts constantly"),
            ("Sam", "(Meetings?) Also the processes"),
            ("Kim", "Too much process, bad business"),
            ("Ana", "the business side"),
        ]
    }
    found = {t.phrase: t.who for t in find_themes(answers)}
    assert found == {
        "meeting": ("Dana", "Lee", "Sam"),
        "priority": ("Dana", "Lee"),
        "process": ("Sam", "Kim"),
        "business": ("Kim", "Ana"),
    }


@pytest.mark.parametrize(
    ("words", "folded"),
    [
        ("deadlines", "deadline"),
        ("Deadlines!!", "deadline"),
        ("deadline-driven", "deadline"),
        ("processes", "process"),
        ("process", "process"),
        ("business", "business"),
        ("businesses", "business"),
        ("priorities", "priority"),
        ("prioritization", "priority"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("metrics", "metrics"),
        ("crunches", "crunch"),
        ("headaches", "headache"),
        ("news", "news"),
        ("micromanaging", "micromanagement"),
        ("micromanaged", "micromanagement"),
        ("micro-management", "micromanagement"),
        ("burned out", "burnout"),
        ("on call", "on-call"),
        ("work/life", "work-life"),
        ("the manager's", "manager"),
    ],
)
def test_folding(words: str, folded: str) -> None:
    assert folded in theme_phrases(words)


def test_meeting_is_not_folded_into_meet() -> None:
    assert theme_phrases("meetings") == {"meeting"}
    assert theme_phrases("meet") == {"meet"}


def test_short_words_numbers_and_contractions_never_count() -> None:
    assert theme_phrases("AI, QA, 5, 2019, 40 hours, 3rd, don't, can't, it's") == {"hour"}


def test_phrases_do_not_cross_punctuation() -> None:
    assert theme_phrases("deadlines. Code review") == {"deadline", "code", "review", "code review"}
    assert "deadline meeting" not in theme_phrases("deadlines/meetings")


def test_work_life_balance_is_one_phrase() -> None:
    answers: Answers = {"love": [("Dana", "Work-life balance"), ("Lee", "the work life balance is real")]}
    assert phrases(find_themes(answers)) == ["work-life balance"]


def test_an_interviewer_answering_twice_counts_once() -> None:
    twice: Answers = {"hate": [("Dana", "deadlines"), ("Dana", "more deadlines"), ("Lee", "pay")]}
    assert find_themes(twice) == []

    answers: Answers = {
        "hate": [("Dana", "pay"), ("Lee", "deadlines"), ("Dana", "and deadlines"), ("Sam", "x")]
    }
    (theme,) = find_themes(answers)
    assert theme.who == ("Dana", "Lee")  # the order in which they first answered
    assert theme.strength == 2
    assert theme.everyone is False


def test_everyone_counts_only_interviewers_who_answered() -> None:
    answers: Answers = {"hate": [("Dana", "deadlines"), ("Lee", "deadlines!"), ("Sam", "   ")]}
    (theme,) = find_themes(answers)
    assert theme.everyone is True
    assert theme.strength == 2


def test_empty_input_and_a_single_interviewer_give_nothing() -> None:
    assert find_themes({}) == []
    assert find_themes({"love": [], "hate": []}) == []
    assert find_themes({"hate": [("Dana", "deadlines, deadlines")]}) == []
    single: Answers = {"love": [("Dana", "deadlines")], "hate": [("Dana", "deadlines")]}
    assert find_themes(single) == []


def test_min_people() -> None:
    answers: Answers = {"hate": [("Dana", "deadlines"), ("Lee", "deadlines, pay"), ("Sam", "pay, deadlines")]}
    assert phrases(find_themes(answers)) == ["deadline", "pay"]
    assert phrases(find_themes(answers, min_people=3)) == ["deadline"]
    assert phrases(find_themes(answers, min_people=1)) == ["deadline", "pay"]  # never below 2


def test_ordering_is_everyone_then_strength_then_question_then_phrase() -> None:
    answers: Answers = {
        "first": [
            ("A", "zebra, pay"),
            ("B", "zebra, pay, apple"),
            ("C", "zebra, apple"),
            ("D", "nothing"),
        ],
        "second": [("A", "mango kiwi"), ("B", "mango kiwi")],
        "third": [("A", "lemon"), ("B", "lemon"), ("C", "lemon"), ("D", "lemon")],
    }
    themes = find_themes(answers)
    assert [(t.question_id, t.phrase) for t in themes] == [
        ("third", "lemon"),  # everyone, 4 people
        ("second", "mango kiwi"),  # everyone, 2 people
        ("first", "zebra"),  # 3 of 4
        ("first", "apple"),  # 2, question order, then alphabetical
        ("first", "pay"),
    ]


def test_deterministic_across_runs_and_input_order_of_questions() -> None:
    answers: Answers = {
        "love": [("Dana", "autonomy and pay"), ("Lee", "pay, autonomy"), ("Sam", "autonomy")],
        **DEADLINES,
    }
    assert find_themes(answers) == find_themes(dict(answers))
    reordered = dict(reversed(list(answers.items())))
    assert {(t.question_id, t.phrase) for t in find_themes(reordered)} == {
        (t.question_id, t.phrase) for t in find_themes(answers)
    }


def test_evidence_is_trimmed_around_the_match() -> None:
    long_answer = (
        "Honestly there is a lot I could say about the way planning works here, but the "
        "single biggest thing is the deadlines, which are set before anyone has scoped "
        "the work and then never move."
    )
    answers: Answers = {"hate": [("Dana", long_answer), ("Lee", "  deadlines \n and\tstress ")]}
    (theme,) = find_themes(answers)
    dana, lee = dict(theme.evidence)["Dana"], dict(theme.evidence)["Lee"]
    assert "deadlines" in dana
    assert dana.startswith("...") and dana.endswith("...")
    assert len(dana) <= 80 + 6
    assert dana.strip(".") in " ".join(long_answer.split())
    assert lee == "deadlines and stress"


def test_explain() -> None:
    (theme,) = find_themes(DEADLINES)
    assert explain(theme) == (
        "'deadline' came up in answers to `hate` from all 3 interviewers: Dana, Lee, Sam"
    )
    partial = Theme("love", "code review", ("Dana", "Lee"), (), everyone=False, strength=2)
    assert explain(partial) == "'code review' came up in answers to `love` from 2 interviewers: Dana, Lee"


def test_fast_on_a_thousand_answers() -> None:
    rng = random.Random(7)
    topics = [f"{a}{b}" for a in ("dead", "meet", "code", "pay", "road", "tool") for b in range(50)]
    templates = [
        "Honestly I love the {0} and the {1}, the {2} team is great.",
        "The {0} {1} really, and sometimes {2} gets in the way of {3}.",
        "I think it's the {0}. We have a lot of {1} and {2} and it's pretty {3} overall.",
        "{0}, {1} and {2}. Also the way {3} works with the {0} people.",
    ]
    answers: Answers = {
        f"q{q}": [(f"P{i}", rng.choice(templates).format(*rng.sample(topics, 4))) for i in range(5)]
        for q in range(200)
    }
    assert sum(len(pairs) for pairs in answers.values()) == 1000
    best = min(_seconds(lambda: find_themes(answers)) for _ in range(3))
    assert best < RUNAWAY_SECONDS / 10


def _seconds(run: Callable[[], object]) -> float:
    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    run()
    return time.process_time() - started


# --------------------------------------------------------------------------- properties

_NAMES = ["Dana", "Lee", "Sam", " Dana ", "Kim"]
_ANSWER_PARTS = (
    "deadlines Deadline deadline-driven meetings MEETINGS! code review reviews process "
    "processes business priorities priority the really think like work-life balance "
    "on call micromanaging 1:1s 2019 a an ok AI , . ; / - ' don't manager's"
)
_VOCABULARY = _ANSWER_PARTS.split()
_answer_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(_VOCABULARY), max_size=12).map(" ".join),
)
_answers = st.dictionaries(
    st.sampled_from(["love", "hate", "why", "x"]),
    st.lists(st.tuples(st.sampled_from(_NAMES), _answer_text), max_size=6),
    max_size=4,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_answers, st.integers(min_value=-1, max_value=4))
def test_every_theme_is_said_by_enough_people_who_really_said_it(
    answers: Mapping[str, Sequence[tuple[str, str]]], min_people: int
) -> None:
    themes = find_themes(answers, min_people=min_people)
    for theme in themes:
        assert theme.strength == len(theme.who) == len(set(theme.who))
        assert theme.strength >= max(2, min_people)
        assert [name for name, _ in theme.evidence] == list(theme.who)
        assert theme.phrase == ", ".join(part for part, _ in theme.forms)
        for name in theme.who:
            said = set().union(
                *(theme_phrases(t) for who, t in answers[theme.question_id] if who.strip() == name)
            )
            for _, forms in theme.forms:  # each part of the theme, in one of its forms
                assert said & set(forms)
        answered = {who.strip() for who, text in answers[theme.question_id] if text.strip()}
        assert theme.everyone == (set(theme.who) == answered)
    ranks = [(not t.everyone, -t.strength, list(answers).index(t.question_id), t.phrase) for t in themes]
    assert ranks == sorted(ranks)
    assert themes == find_themes(answers, min_people=min_people)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_theme_phrases_never_raises(text: str) -> None:
    for phrase in theme_phrases(text):
        assert len(phrase) >= 3
        assert not phrase[0].isnumeric()


@pytest.mark.parametrize("text", ["\x00" * 10_000, "- " * 5_000, "a'" * 5_000, "\u0130" * 10_000])
def test_hostile_answers_are_fast(text: str) -> None:
    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    find_themes({"q": [("A", text), ("B", text)]})
    assert time.process_time() - started < RUNAWAY_SECONDS


# --------------------------------------------------------------------------- one complaint, stock phrases, families


def test_one_complaint_in_several_words_is_one_theme() -> None:
    answers: Answers = {
        "hate": [
            ("Dana", "Getting paged at night for on-call, constantly."),
            ("Lee", "On-call pages at night are the worst part."),
            ("Sam", "Honestly the night paging on the on-call rota."),
        ]
    }
    (theme,) = find_themes(answers)
    assert sorted(theme.phrase.split(", ")) == ["night", "on-call", "page"]
    assert theme.strength == 3 and theme.everyone
    assert dict(theme.forms)["page"] == ("page", "paged", "paging")


def test_two_complaints_said_apart_stay_two_themes() -> None:
    answers: Answers = {
        "hate": [
            ("Dana", "The deadlines are brutal. Separately, the office coffee is awful."),
            ("Lee", "Coffee could be better. And deadlines slip every quarter."),
        ]
    }
    assert sorted(phrases(find_themes(answers))) == ["coffee", "deadline"]


def test_words_from_different_complaints_are_not_merged_for_only_some_people() -> None:
    answers: Answers = {
        "hate": [
            ("Dana", "Slow builds and flaky tests."),
            ("Lee", "Builds are slow. Tests are flaky too."),
            ("Sam", "Flaky tests, mostly."),
        ]
    }
    themes = find_themes(answers)
    assert ("test", 3) in [(t.phrase, t.strength) for t in themes] or any(
        "test" in t.phrase.split(", ") and t.strength == 3 for t in themes
    )
    assert all(t.strength == len(t.who) for t in themes)


@pytest.mark.parametrize(
    "stock",
    [
        "Nothing comes to mind",
        "To be honest",
        "If I'm honest",
        "At the end of the day",
        "Off the top of my head",
        "That's a good question",
        "I'd say",
        "You know",
        "Let me think",
        "To be fair",
    ],
)
def test_stock_phrases_never_make_a_theme(stock: str) -> None:
    answers: Answers = {"hate": [("Dana", f"{stock}, it's fine."), ("Lee", f"Hmm. {stock}... all good.")]}
    assert find_themes(answers) == []


@pytest.mark.parametrize(
    ("forms", "family"),
    [
        (("paged", "pages", "paging"), "page"),
        (("shipped", "shipping", "ship"), "ship"),
        (("hired", "hiring"), "hired"),
        (("tested", "testing", "tests"), "test"),
        (("reviewed", "reviews"), "review"),
    ],
)
def test_word_families_are_one_theme(forms: tuple[str, ...], family: str) -> None:
    names = ["Dana", "Lee", "Sam"]
    answers: Answers = {"hate": [(names[i], f"Too much {form} here.") for i, form in enumerate(forms)]}
    (theme,) = find_themes(answers)
    assert theme.phrase == family and theme.strength == len(forms)


def test_families_fold_only_when_forms_meet() -> None:
    assert phrases(
        find_themes({"hate": [("Dana", "Meetings all day"), ("Lee", "too many meeting slots")]})
    ) == ["meeting"]
    meet = find_themes({"hate": [("Dana", "We meet too often"), ("Lee", "Meetings, meetings")]})
    assert meet == []  # "meeting" is not a form of "meet"
