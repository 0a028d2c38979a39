"""Near-duplicate questions: two questions whose text says nearly the same thing. Pure.

The measure is the Jaccard index of the two texts' word sets, after
normalising: lowercase, placeholders dropped, words of letters and digits only,
a short list of function words and time frames dropped ("how", "the", "you",
"last", "year", ...: they say when, not what), and endings cut ("reports",
"reported" and "reporting" are one word). Two questions
sharing at least SIMILAR_AT of their words, and at least MIN_SHARED_WORDS
words (or the very same words), are reported. The threshold was
set on the shipped banks: distinct questions on one topic ("How many hours do
people work?" / "When do people stop working?") stay below it, while rewordings
of one question ("What would make you glad, six months in?" / "Six months in,
what would make you glad?") are well above.

Identical listen-for signs on two questions (word for word, after the same
normalising) are reported too: a sign copied from one question to another is
usually a sign the two questions overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interview_prep.banks.model import Question

SIMILAR_AT = 0.5  # Jaccard index of normalised word sets at or above which two questions are too close
MIN_SHARED_WORDS = 3  # below this, only identical word sets count: "team" and "work" are everywhere
_MIN_SIGN_WORDS = 3  # shorter signs ("Vague answers") may fairly recur on different questions

_WORD = re.compile(r"[a-z0-9]+")
_PLACEHOLDER = re.compile(r"\{[a-z]+\}")
_FUNCTION_WORDS_TEXT = """
    a an the and or but if so of to in on at by for from with as into about than then
    is are was were be been being am do does did doing done have has had having will would
    can could should shall may might must
    i me my mine you your yours we us our ours they them their it its he she his her
    this that these those there here what which who whom whose when where why how
    any some all each every no not very just also too more most much many
    get got like ask asked
    last next past year month week day now right currently ago
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class Pair:
    """Two questions too alike; `first` was defined before `second`."""

    first: str
    second: str
    score: float  # Jaccard index of their words, or 1.0 for a shared sign
    shared_sign: str = ""  # the sign both list, when that is why they are a pair


def words(text: str) -> frozenset[str]:
    """The normalised content words of a text."""
    found = _WORD.findall(_PLACEHOLDER.sub(" ", text.lower()))
    # Single letters are left over from possessives ("{company}'s") and carry no meaning.
    kept = (word for word in found if word not in FUNCTION_WORDS and (len(word) > 1 or word.isdigit()))
    return frozenset(_stem(word) for word in kept)


def _stem(word: str) -> str:
    """A crude stem, enough to make "decide", "decides", "decided" and "deciding" one word."""
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def similar_texts(questions: Sequence[Question], threshold: float = SIMILAR_AT) -> list[Pair]:
    """Every pair of questions whose texts share at least `threshold` of their words."""
    sets = [(question.id, words(question.text)) for question in questions]
    pairs = []
    for index, (first_id, first_words) in enumerate(sets):
        for second_id, second_words in sets[index + 1 :]:
            score = jaccard(first_words, second_words)
            shared = len(first_words & second_words)
            if score >= threshold and (shared >= MIN_SHARED_WORDS or first_words == second_words):
                pairs.append(Pair(first_id, second_id, score))
    return pairs


def shared_signs(questions: Iterable[Question]) -> list[Pair]:
    """Every pair of questions listing the same good or worrying sign word for word."""
    first_owner: dict[tuple[str, ...], tuple[str, str]] = {}
    pairs = []
    for question in questions:
        seen_here: set[tuple[str, ...]] = set()
        for sign in (*question.good, *question.worrying):
            key = tuple(_WORD.findall(sign.lower()))
            if len(key) < _MIN_SIGN_WORDS or key in seen_here:
                continue
            seen_here.add(key)
            if key in first_owner:
                owner, text = first_owner[key]
                pairs.append(Pair(owner, question.id, 1.0, text))
            else:
                first_owner[key] = (question.id, sign)
    return pairs


def near_duplicates(questions: Sequence[Question]) -> list[Pair]:
    """Pairs of questions too alike to ship both: similar texts, then shared signs."""
    return similar_texts(questions) + shared_signs(questions)


@dataclass(frozen=True, slots=True)
class Placed:
    """A question and where its id is defined, for messages."""

    question: Question
    path: str
    line: int
    col: int


def duplicate_messages(placed: Sequence[Placed]) -> list[tuple[Placed, str]]:
    """Each near-duplicate pair as (the later question's place, one-line message naming both)."""
    by_id = {item.question.id: item for item in placed}
    found = []
    for pair in near_duplicates([item.question for item in placed]):
        first, second = by_id[pair.first], by_id[pair.second]
        where = f"{first.path}:{first.line}:{first.col}"
        if pair.shared_sign:
            sign = " ".join(pair.shared_sign.split())
            message = (
                f"questions '{pair.first}' ({where}) and '{pair.second}' both list the sign "
                f"'{sign}' word for word; merge the questions or make each sign their own"
            )
        else:
            share = f"{pair.score:.0%} of their words are the same"
            limit = f"word-set Jaccard index, limit {SIMILAR_AT:.0%}"
            message = (
                f"questions '{pair.first}' ({where}) and '{pair.second}' are near-duplicates: "
                f"{share} ({limit}); merge them or reword one"
            )
        found.append((second, message))
    return found
