"""The search in numbers (`prep stats`): stages, conversion, time in each stage, replies, rounds. Pure.

Everything here is worked out from what the caller read from each company:
its status now, its status history (every `prep status` change, dated), when
it was added, how many rounds were held, and its follow-ups with their dates.

The rules:

* A company **reached** a stage when its status now, or any status in its
  history, is that stage or a later one on the way to an offer (researching,
  applied, screening, interviewing, offer, accepted). Declined and rejected
  end a search at whatever stage it had reached, so a company rejected after
  a screen counts as applied and screened. A company that skipped a stage
  (straight from applied to interviewing) counts as having passed it.
* **Conversion** from one step to the next is the companies that reached the
  next step over those that reached this one.
* A **stay** in a stage runs from the change into it (or, for the first
  stage, from when the company was added) to the next change. Only finished
  stays are timed; the stage a company is in now is counted as open.
  Terminal stages (accepted, declined, rejected) are not timed, nor a stay
  whose dates run backwards or whose next change starts from another stage
  (history lines edited by hand that no longer agree).
* **Hearing back** after applying is the first change out of `applied`,
  whatever it is (a rejection is an answer too). A company still at
  `applied` is waiting.
* A follow-up is **on time** when it was done on or before its due date;
  done without a recorded date (ticked by hand in the file) is counted
  apart, never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from interview_prep.core.models import STATUSES

# The way to an offer, in order; declined and rejected are outcomes, not steps.
PROGRESS = ("researching", "applied", "screening", "interviewing", "offer", "accepted")
FUNNEL = (("applied", "applied"), ("screening", "screen"), ("interviewing", "onsite"), ("offer", "offer"))
TIMED_STAGES = ("researching", "applied", "screening", "interviewing", "offer")
_RANK = {stage: rank for rank, stage in enumerate(PROGRESS)}
_DAY = 86400.0


@dataclass(frozen=True)
class StatusChange:
    at: datetime
    before: str
    after: str


@dataclass(frozen=True)
class FollowUpDates:
    due: date | None
    done: bool
    done_on: date | None  # None: not done, or done without a recorded date


@dataclass(frozen=True)
class CompanyFacts:
    slug: str
    status: str
    created: datetime | None
    changes: tuple[StatusChange, ...]  # in any order; sorted here
    rounds: int  # rounds held (interview files that are rounds)
    followups: tuple[FollowUpDates, ...]


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    label: str
    reached: int
    previous: int | None  # companies that reached the step before; None for the first step

    @property
    def percent(self) -> float | None:
        if self.previous is None or self.previous == 0:
            return None
        return 100.0 * self.reached / self.previous


@dataclass(frozen=True)
class StageTime:
    stage: str
    stays: int  # finished stays timed
    median_days: float | None
    longest_days: float | None
    open: int  # companies in this stage now


@dataclass(frozen=True)
class HearingBack:
    applied: int  # companies with a dated move into `applied`
    heard: int
    waiting: int
    median_days: float | None

    @property
    def percent(self) -> float | None:
        return 100.0 * self.heard / self.applied if self.applied else None


@dataclass(frozen=True)
class RoundCounts:
    companies: int  # companies with at least one round
    total: int
    median: float | None
    most: int


@dataclass(frozen=True)
class FollowUpTimeliness:
    dated: int
    on_time: int
    late: int
    done_undated: int
    overdue: int
    not_due: int


@dataclass(frozen=True)
class SearchStats:
    companies: int
    by_stage: tuple[tuple[str, int], ...]  # every status, in pipeline order, with its count now
    funnel: tuple[FunnelStep, ...]
    stage_times: tuple[StageTime, ...]
    hearing_back: HearingBack
    rounds: RoundCounts
    followups: FollowUpTimeliness


def search_stats(facts: Sequence[CompanyFacts], today: date) -> SearchStats:
    return SearchStats(
        companies=len(facts),
        by_stage=_by_stage(facts),
        funnel=_funnel(facts),
        stage_times=_stage_times(facts),
        hearing_back=_hearing_back(facts),
        rounds=_rounds(facts),
        followups=_followups(facts, today),
    )


def _by_stage(facts: Sequence[CompanyFacts]) -> tuple[tuple[str, int], ...]:
    counts = {status: 0 for status in STATUSES}
    for company in facts:
        counts[company.status] = counts.get(company.status, 0) + 1
    return tuple(counts.items())


def furthest(company: CompanyFacts) -> int:
    """The rank of the furthest stage the company reached on the way to an offer (-1: none known)."""
    seen = [company.status] + [s for change in company.changes for s in (change.before, change.after)]
    return max((_RANK[status] for status in seen if status in _RANK), default=-1)


def _funnel(facts: Sequence[CompanyFacts]) -> tuple[FunnelStep, ...]:
    ranks = [furthest(company) for company in facts]
    steps = []
    previous: int | None = None
    for stage, label in FUNNEL:
        reached = sum(rank >= _RANK[stage] for rank in ranks)
        steps.append(FunnelStep(stage, label, reached, previous))
        previous = reached
    return tuple(steps)


def stays(company: CompanyFacts) -> list[tuple[str, float | None]]:
    """(stage, days) for each stay in order; days None for the stay still open (the last)."""
    changes = sorted(company.changes, key=lambda change: change.at)
    found: list[tuple[str, float | None]] = []
    if changes and company.created is not None:
        found.append((changes[0].before, _days(company.created, changes[0].at)))
    for change, following in itertools.pairwise(changes):
        agrees = following.before == change.after  # lines that disagree (a hand edit) are not timed
        found.append((change.after, _days(change.at, following.at) if agrees else None))
    if changes:
        found.append((changes[-1].after, None))
    return found


def _days(start: datetime, end: datetime) -> float | None:
    """Days between two moments; None when they cannot be compared or run backwards (a hand edit)."""
    try:
        seconds = (end - start).total_seconds()
    except TypeError:  # one has a UTC offset and the other not
        return None
    return seconds / _DAY if seconds >= 0 else None


def _stage_times(facts: Sequence[CompanyFacts]) -> tuple[StageTime, ...]:
    finished: dict[str, list[float]] = {stage: [] for stage in TIMED_STAGES}
    open_now = {stage: 0 for stage in TIMED_STAGES}
    for company in facts:
        if company.status in open_now:
            open_now[company.status] += 1
        for stage, days in stays(company):
            if stage in finished and days is not None:
                finished[stage].append(days)
    return tuple(
        StageTime(
            stage,
            len(finished[stage]),
            median(finished[stage]) if finished[stage] else None,
            max(finished[stage]) if finished[stage] else None,
            open_now[stage],
        )
        for stage in TIMED_STAGES
    )


def _hearing_back(facts: Sequence[CompanyFacts]) -> HearingBack:
    applied = heard = 0
    waits: list[float] = []
    for company in facts:
        changes = sorted(company.changes, key=lambda change: change.at)
        into = next((i for i, change in enumerate(changes) if change.after == "applied"), None)
        if into is None:
            continue
        applied += 1
        reply = next((change for change in changes[into + 1 :] if change.after != "applied"), None)
        if reply is None:
            continue
        heard += 1
        days = _days(changes[into].at, reply.at)
        if days is not None:
            waits.append(days)
    return HearingBack(applied, heard, applied - heard, median(waits) if waits else None)


def _rounds(facts: Sequence[CompanyFacts]) -> RoundCounts:
    held = [company.rounds for company in facts if company.rounds > 0]
    return RoundCounts(len(held), sum(held), median(held) if held else None, max(held, default=0))


def _followups(facts: Sequence[CompanyFacts], today: date) -> FollowUpTimeliness:
    on_time = late = undated = overdue = not_due = 0
    for company in facts:
        for item in company.followups:
            if item.due is None:
                continue
            if item.done and item.done_on is None:
                undated += 1
            elif item.done and item.done_on is not None:
                on_time += item.done_on <= item.due
                late += item.done_on > item.due
            elif item.due < today:
                overdue += 1
            else:
                not_due += 1
    dated = on_time + late + undated + overdue + not_due
    return FollowUpTimeliness(dated, on_time, late, undated, overdue, not_due)


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count); `statistics` costs ~10 ms to import."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
