"""Plain data about companies: your pipeline and your checklist.

What was said in an interview is in core/transcript.py (kept apart because
creating dataclasses costs ~0.6 ms each, and `prep list` needs only these).
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = (
    "researching",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "declined",
    "rejected",
)


@dataclass
class Company:
    name: str
    slug: str
    role: str = ""
    stage: str | None = None
    size: str | None = None
    manager: bool = False
    track: str | None = None  # a role track (banks.model.TRACKS), None: general
    company_type: str | None = None  # banks.model.COMPANY_TYPES, None: an ordinary company
    interviewers: list[str] = field(default_factory=list)
    status: str = "researching"
    created: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    question_id: str
    text: str
    done: bool
