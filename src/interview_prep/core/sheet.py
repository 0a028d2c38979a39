"""The sheet: this interview's plan laid out for paper or a phone, for rooms where you cannot type. Pure.

It holds what `prep plan` decided (never a second planner) plus what the
candidate brings into the room: their key messages and what earlier rounds
left to probe. The views (Markdown, printable HTML) are in render/.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep.core.interview import Probe, Step

WHY_WORDS = 12  # "the why in a few words": a sheet line, not the bank's paragraph
MAX_PROBES = 8  # the same cap `prep plan` prints


@dataclass(frozen=True)
class SheetPerson:
    """One interviewer (or whoever is in the room) and the questions planned for them."""

    label: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Sheet:
    company: str
    slug: str
    costing: str  # how the questions were sized, in one sentence
    people: tuple[SheetPerson, ...]
    probes: tuple[Probe, ...]
    key_messages: tuple[str, ...]

    @property
    def question_count(self) -> int:
        return sum(len(person.steps) for person in self.people)


def few_words(text: str, limit: int = WHY_WORDS) -> str:
    """The first sentence of `text`, cut at a word boundary to `limit` words, with "…" if cut."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    sentence = flat if end < 0 else flat[: end + 1]
    words = sentence.split(" ")
    if len(words) <= limit:
        return sentence
    return " ".join(words[:limit]).rstrip(",;:") + "…"
