"""The follow-ups every round brings: a thank-you note a day later, the recruiter call two days after the first.

Kept apart from core/review.py so `prep agenda` can list them without
importing the review's analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from interview_prep import dates
from interview_prep.core.transcript import Interview


@dataclass(frozen=True)
class FollowUp:
    id: str
    text: str
    due: str
    done: bool


def followups(interviews: Sequence[Interview], done: set[str]) -> list[FollowUp]:
    items: list[FollowUp] = []
    interviews = [interview for interview in interviews if interview.is_round]
    if interviews:
        items.append(
            FollowUp(
                "recruiter-call",
                "Call the recruiter: how it went, what you wish you had said",
                _plus_hours(interviews[0].started, 48),
                "recruiter-call" in done,
            )
        )
    for interview in interviews:
        item_id = f"thank-you-{interview.id}"
        names = ", ".join(p.name for p in interview.interviewers) or "your interviewers"
        items.append(
            FollowUp(
                item_id,
                f"Send a genuine thank-you note to {names}",
                _plus_hours(interview.started, 24),
                item_id in done,
            )
        )
    return items


def _plus_hours(stamp: str, hours: int) -> str:
    try:
        return (dates.moment(stamp) + timedelta(hours=hours)).isoformat(timespec="minutes")
    except (ValueError, OverflowError):
        return ""
