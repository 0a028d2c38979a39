"""What is coming and what is due: scheduled rounds and dated follow-ups, for one company or all.

Pure: callers read the files and pass plain data, with the moment it is now.
A follow-up comes from one of three places, and says which:
- after every round: a thank-you note (due a day later) and, after the first
  round, the recruiter call (two days later), as `prep review` lists them;
- a date promised in what was said (core/promised.py): "we will decide by
  Friday" in an answer to the next-steps question, or in a sentence about the
  process in any answer or note, becomes "chase if no news by Mon 7 Dec";
- a date the user set with `prep due`, which wins over the other two.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from interview_prep import dates
from interview_prep.core.followups import followups as review_followups
from interview_prep.core.models import Company
from interview_prep.core.offers import Offer
from interview_prep.core.transcript import Interview, ScheduledRound

NEXT_STEPS_QUESTION = "next-steps"


@dataclass(frozen=True)
class DatedFollowUp:
    id: str
    text: str
    due: date | None
    source: str  # where the date came from, in words
    done: bool


@dataclass(frozen=True)
class AgendaItem:
    company: str  # display name
    slug: str
    kind: str  # "round" | "follow-up"
    when: datetime | date
    text: str
    source: str
    overdue: bool
    item_id: str


@dataclass(frozen=True)
class TimelineEvent:
    when: str  # ISO date or date-time, as stored
    kind: str  # created | status | scheduled | round | flag | follow-up
    text: str
    source: str  # the file it was read from, relative to the data home


@dataclass(frozen=True)
class Timeline:
    company: Company
    events: list[TimelineEvent]


def dated_followups(
    interviews: Sequence[Interview],
    done: Iterable[str],
    due_overrides: Mapping[str, date],
    offers: Sequence[Offer] = (),
) -> list[DatedFollowUp]:
    """Every follow-up of one company, with its due date and where that date came from."""
    done_ids = set(done)
    items: list[DatedFollowUp] = []
    for item in review_followups(interviews, done_ids):
        items.append(DatedFollowUp(item.id, item.text, _day(item.due), _usual_source(item.id), item.done))
    for interview in interviews:
        items.extend(_promises(interview, done_ids))
    items.extend(offer_followup(offers, done_ids))
    return [_with_override(item, due_overrides) for item in items]


OFFER_FOLLOWUP = "offer-"


def offer_followup(offers: Sequence[Offer], done: set[str]) -> list[DatedFollowUp]:
    """The latest offer's answer, due the day before it expires (never before it was recorded)."""
    if not offers or offers[-1].expires is None:
        return []
    offer, expires = offers[-1], offers[-1].expires
    item_id = OFFER_FOLLOWUP + offer.id
    due = expires - timedelta(days=1)
    recorded = _day(offer.recorded)
    if recorded is not None and recorded <= expires:
        due = max(due, recorded)
    return [
        DatedFollowUp(
            item_id,
            f"Answer the offer: it expires {short_date(expires)}",
            due,
            f"the day before the offer expires (prep offer --expires {expires.isoformat()})",
            item_id in done,
        )
    ]


def _usual_source(item_id: str) -> str:
    if item_id == "recruiter-call":
        return "two days after your first round"
    return "a day after the round"


def _promises(interview: Interview, done: set[str]) -> list[DatedFollowUp]:
    from interview_prep.core.promised import find_promise  # its patterns only when reading answers

    said: list[tuple[int, str, str, str, bool]] = [
        (a.number, a.who, a.text, a.at, a.question_id == NEXT_STEPS_QUESTION) for a in interview.answers
    ]
    said += [(n.number, "", n.text, n.at, False) for n in interview.notes]
    found = []
    for number, who, text, at, about_next_steps in sorted(said):
        said_on = _day(at)
        promise = find_promise(text, said_on, about_next_steps) if said_on else None
        if promise is None:
            continue
        item_id = f"chase-{interview.id}-{number}"
        whose = f"{who}'s answer" if who else "your note"
        found.append(
            DatedFollowUp(
                item_id,
                f"Chase if no news by {short_date(promise.chase)}",
                promise.chase,
                f"from {whose}: '...{promise.phrase}'",
                item_id in done,
            )
        )
    return found


def short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"  # "Mon 7 Dec" (%-d is not portable)


def _with_override(item: DatedFollowUp, overrides: Mapping[str, date]) -> DatedFollowUp:
    if item.id not in overrides:
        return item
    return DatedFollowUp(
        item.id, item.text, overrides[item.id], "the date you set with `prep due`", item.done
    )


def _day(stamp: str) -> date | None:
    try:
        return dates.moment(stamp).date()
    except ValueError:
        return None


CLOSED_STATUSES = frozenset({"accepted", "declined", "rejected"})
OVERDUE_LOOKBACK_DAYS = 30  # older overdue follow-ups are counted, not listed


@dataclass(frozen=True)
class Agenda:
    items: list[AgendaItem]
    older_overdue: int  # overdue by more than the lookback: counted, not listed


def agenda(
    companies: Iterable[tuple[str, str, str, Sequence[ScheduledRound], Sequence[DatedFollowUp]]],
    now: datetime,
    days: int,
) -> Agenda:
    """Rounds from now to `days` ahead, and follow-ups due by then or overdue; soonest first.

    Companies whose search is over (accepted, declined, rejected) have no agenda.
    Overdue follow-ups go back `days` or 30 days, whichever is longer.
    """
    horizon = now + timedelta(days=days)
    today = now.date()
    oldest = today - timedelta(days=max(days, OVERDUE_LOOKBACK_DAYS))
    items: list[AgendaItem] = []
    older = 0
    for name, slug, status, rounds, followups in companies:
        if status in CLOSED_STATUSES:
            continue
        for scheduled in rounds:
            if now <= scheduled.at <= horizon or _today(scheduled.at, now):
                items.append(_round_item(name, slug, scheduled, now))
        for item in followups:
            if item.done or item.due is None or item.due > horizon.date():
                continue
            if item.due < oldest:
                older += 1
                continue
            overdue = item.due < today
            items.append(
                AgendaItem(name, slug, "follow-up", item.due, item.text, item.source, overdue, item.id)
            )
    items.sort(key=lambda item: (_sort_key(item.when, now), item.company.casefold(), item.item_id))
    return Agenda(items, older)


def _today(at: datetime, now: datetime) -> bool:
    return at.astimezone(now.tzinfo).date() == now.date()


def _round_item(name: str, slug: str, scheduled: ScheduledRound, now: datetime) -> AgendaItem:
    label = scheduled.label or "interview"
    panel = ", ".join(f"{p.name} ({p.role.replace('-', ' ')})" for p in scheduled.panel)
    parts = [label]
    if scheduled.minutes:
        parts.append(f"{scheduled.minutes} min")
    if panel:
        parts.append(f"with {panel}")
    if scheduled.where:
        parts.append(f"at {scheduled.where}")
    return AgendaItem(
        name, slug, "round", scheduled.at, ", ".join(parts), "scheduled", scheduled.at < now, scheduled.id
    )


def _sort_key(when: datetime | date, now: datetime) -> datetime:
    if isinstance(when, datetime):
        return when.astimezone(now.tzinfo)
    return datetime.combine(when, datetime.min.time(), tzinfo=now.tzinfo)
