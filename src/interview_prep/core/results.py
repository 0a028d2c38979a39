"""What commands return: frozen results that render/ turns into text, Rich, JSON or Markdown.

Commands never return finished sentences; a renderer words a result (see
render/views.py), so the same result has a plain, a --json and a Markdown view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from interview_prep.core.models import Company


@dataclass(frozen=True, slots=True)
class CompanyList:
    """`prep list`: the pipeline, in the order shown."""

    companies: tuple[Company, ...]
    problems: tuple[str, ...] = ()  # one line per company whose file prep cannot read


@dataclass(frozen=True, slots=True)
class SettingsView:
    """`prep config show`: the settings in use and where they come from."""

    path: Path
    exists: bool
    thresholds: Mapping[str, float]
    dealbreakers: tuple[str, ...]
    values: tuple[str, ...]
    key_messages: tuple[str, ...] = ()
    currency: str = ""  # yours, for `prep offers`; "" when not set


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """`prep status`: the company and its new status."""

    company: Company


@dataclass(frozen=True, slots=True)
class Reflected:
    """`prep reflect`: where the reflection was saved (relative to the data home), and the
    values it changed ("gut 4 -> 5"); `saved` is False when every prompt was skipped."""

    where: Path
    changes: tuple[str, ...] = ()
    saved: bool = True


@dataclass(frozen=True, slots=True)
class FollowUpDone:
    """`prep done`: the follow-up ticked off."""

    item_id: str
    text: str


@dataclass(frozen=True, slots=True)
class Saved:
    """An answer, red flag or note written to an interview file (`where` is relative to the home)."""

    kind: str  # "answer", "red flag", "note" or "landed key message"
    number: int
    where: Path
    added: bool = True  # False: the same entry was already saved, nothing was added


@dataclass(frozen=True, slots=True)
class InterviewFinished:
    """The end of `prep ask`: what the interview holds, or None when nothing was said and it was removed."""

    slug: str
    where: Path
    counts: tuple[int, int, int] | None  # (answers, red flags, notes)


@dataclass(frozen=True, slots=True)
class PendingFollowUps:
    """`prep done COMPANY` with no id: the follow-ups still to do (those `prep agenda` shows)."""

    company: str
    slug: str
    items: tuple[tuple[str, str, str], ...]  # (id, text, due date "YYYY-MM-DD" or "")
