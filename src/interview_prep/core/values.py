"""What interviewers said that touches what the user values (config.yaml `values:`). Pure.

A value is heard in an answer when every content word of it appears there as
the start of a word: "mentoring" is heard in "we mentor every new joiner",
"work-life balance" in "balance between work and life". Mentions are shown
as said, praise or complaint alike: this is evidence, not a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from interview_prep.banks.model import CATEGORIES, Question
from interview_prep.core.transcript import Answer

_STOP: Final = frozenset(
    {"a", "an", "the", "of", "and", "to", "in", "for", "with", "on", "at", "by", "my", "our"}
)
_SUFFIXES: Final = ("ing", "ment", "ship", "ness", "ed", "es", "s")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ValueHeard:
    value: str
    heard: tuple[tuple[str, str, str], ...]  # (who, question id, answer)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _patterns(value: str) -> list[re.Pattern[str]]:
    words = [w for w in _WORD.findall(value.lower()) if w not in _STOP]
    return [re.compile(r"\b" + re.escape(_stem(word))) for word in words]


def values_heard(values: Sequence[str], answers: Sequence[Answer]) -> list[ValueHeard]:
    found = []
    for value in values:
        patterns = _patterns(value)
        heard = tuple(
            (answer.who, answer.question_id, answer.text)
            for answer in answers
            if patterns and all(p.search(answer.text.lower()) for p in patterns)
        )
        found.append(ValueHeard(value, heard))
    return found


def questions_about(values: Sequence[str], questions: Sequence[Question]) -> dict[str, list[str]]:
    """For each value, the ids of the questions about it: the value heard (as in answers) in the
    question's text or its category's title. `prep plan` and `prep ask` put those first."""
    found: dict[str, list[str]] = {}
    for value in values:
        patterns = _patterns(value)
        found[value] = [
            question.id
            for question in questions
            if patterns
            and all(
                p.search(f"{question.text} {CATEGORIES.get(question.category, question.category)}".lower())
                for p in patterns
            )
        ]
    return found


def mentions(value: str, text: str) -> bool:
    """Whether `text` mentions the value, by the rule above (every content word, as a word start)."""
    patterns = _patterns(value)
    lowered = text.lower()
    return bool(patterns) and all(p.search(lowered) for p in patterns)
