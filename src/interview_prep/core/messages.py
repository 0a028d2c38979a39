"""Your key messages (seed 003: come with three to five; seed 000: a recent win; seed 001: why this
role, industry, company): which ones you landed, with whom, and which you never did. Pure.

A message counts as landed when an interview holds a `landed` entry with the
same words (case, spacing and end punctuation aside). The ones never landed
in any round go into the recruiter call: seed 003 says telling the recruiter
what you wish you had said can still carry it to the hiring manager.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from interview_prep.core.followups import FollowUp
from interview_prep.core.transcript import Interview

RECRUITER_CALL = "recruiter-call"


@dataclass(frozen=True)
class KeyMessage:
    text: str
    landed: tuple[tuple[str, str], ...]  # (whom you were talking to, the round), one per time landed


def same(text: str) -> str:
    """The words that identify a message: case, spacing and end punctuation do not count."""
    return " ".join(text.split()).casefold().rstrip(".!;:, ")


def merged(*sources: Sequence[str]) -> list[str]:
    """Messages from each source in turn (the company's prep, then config.yaml), each once."""
    seen: set[str] = set()
    kept: list[str] = []
    for source in sources:
        for text in source:
            if text.strip() and same(text) not in seen:
                seen.add(same(text))
                kept.append(" ".join(text.split()))
    return kept


def landed_status(messages: Sequence[str], interviews: Sequence[Interview]) -> list[KeyMessage]:
    where: dict[str, list[tuple[str, str]]] = {same(text): [] for text in messages}
    for interview in interviews:
        label = interview.round or interview.started[:10]
        for entry in interview.landed:
            if same(entry.text) in where:
                where[same(entry.text)].append((entry.who, label))
    return [KeyMessage(text, tuple(where[same(text)])) for text in messages]


def never_landed(status: Sequence[KeyMessage]) -> list[str]:
    return [message.text for message in status if not message.landed]


def landing_places(landed: Sequence[tuple[str, str]]) -> str:
    """'Dana (onsite), Lee (onsite)': where a key message was landed."""
    return ", ".join(f"{who} ({label})" if who else label for who, label in landed)


def with_unsaid(followups: Sequence[FollowUp], unsaid: Sequence[str]) -> list[FollowUp]:
    """The follow-ups, the recruiter call naming what you wish you had said (if anything)."""
    if not unsaid:
        return list(followups)
    wish = "; ".join(unsaid)
    return [
        dataclasses.replace(item, text=f"{item.text}. What I wish I had said: {wish}")
        if item.id == RECRUITER_CALL
        else item
        for item in followups
    ]
