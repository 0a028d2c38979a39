"""Text and JSON views of the schedule, the agenda, a company's timeline and the people you met."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from interview_prep import dates
from interview_prep.core.agenda import Agenda, DatedFollowUp, Timeline, short_date
from interview_prep.core.people import Person
from interview_prep.core.transcript import ScheduledRound

JSON_FORMAT = 1


def when_text(moment: datetime | date, now: datetime) -> str:
    """A date-time in the user's zone ("Fri 4 Dec 14:00"), a date as "Mon 7 Dec"; the year when not this one."""
    if isinstance(moment, datetime):
        local = moment.astimezone(now.tzinfo)
        text = f"{short_date(local.date())} {local:%H:%M}"
        day = local.date()
    else:
        text, day = short_date(moment), moment
    return text if day.year == now.year else f"{text} {day.year}"


def scheduled_text(company: str, scheduled: ScheduledRound, now: datetime) -> str:
    here = when_text(scheduled.at, now)
    there = ""
    if scheduled.at.utcoffset() != scheduled.at.astimezone(now.tzinfo).utcoffset() or scheduled.zone != str(
        now.tzinfo
    ):
        there = f" ({scheduled.at:%H:%M} {scheduled.zone})"
    return f"Scheduled {company}: {scheduled.label or 'interview'} on {here}{there}."


WIDE = 60  # from this many columns the date sits beside the text, below it in a narrower terminal


def fill(label: str, text: str, width: int, label_width: int) -> list[str]:
    """`label` then `text` wrapped at word boundaries to `width` (never mid-word), hanging under the text."""
    import textwrap

    if width < WIDE:
        body = textwrap.wrap(text, width=max(width - 2, 20), break_long_words=False, break_on_hyphens=False)
        return [label] + ["  " + line for line in body] if label else ["  " + line for line in body]
    indent = " " * (label_width + 1)
    wrapped = textwrap.wrap(
        text,
        width=width,
        initial_indent=f"{label:<{label_width}} ",
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [label]


def agenda_text(found: Agenda, now: datetime, days: int, width: int = 80) -> str:
    lines = []
    for item in found.items:
        mark = "OVERDUE " if item.overdue and item.kind == "follow-up" else ""
        text = f"{item.company}: {mark}{item.text}"
        if item.kind == "follow-up":
            text += f". Why this date: {item.source}. Done? prep done {item.slug} {item.item_id}"
        lines += fill(when_text(item.when, now), text, width, 17)
    if found.older_overdue:
        lines += fill(
            "",
            f"{found.older_overdue} older overdue follow-up(s) not shown; "
            "`prep agenda --days N` looks back N days too.",
            width,
            0,
        )
    if not lines:
        return (
            f"Nothing scheduled or due in the next {days} day(s). `prep schedule COMPANY WHEN` adds a round."
        )
    return "\n".join(lines)


def agenda_json(found: Agenda, now: datetime, days: int) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "now": now.isoformat(timespec="seconds"),
        "days": days,
        "older_overdue": found.older_overdue,
        "items": [
            {
                "company": item.company,
                "slug": item.slug,
                "kind": item.kind,
                "when": item.when.isoformat(),
                "text": item.text,
                "source": item.source,
                "overdue": item.overdue,
                "id": item.item_id,
            }
            for item in found.items
        ],
    }


def calendar_written_text(events: int, todos: int, target: str) -> str:
    return f"Wrote {events} interview(s) and {todos} follow-up(s) to {target}."


def due_text(company: str, item: DatedFollowUp) -> str:
    assert item.due is not None
    return f"{company}: '{item.text}' is now due {short_date(item.due)} {item.due.year}."


def timeline_text(found: Timeline, width: int = 80) -> str:
    if not found.events:
        return f"Nothing on {found.company.name}'s timeline yet."
    lines = [f"{found.company.name}: timeline"]
    for event in found.events:
        lines += fill(_local_stamp(event.when), f"{event.text} [{event.source}]", width, 16)
    return "\n".join(lines)


def _local_stamp(when: str) -> str:
    """A date as is; a date-time with an offset in the user's own zone, like the agenda shows it."""
    if len(when) == 10:
        return when
    try:
        moment = dates.moment(when)
        if moment.tzinfo is not None:
            moment = moment.astimezone()
    except (ValueError, OverflowError):
        return when[:16].replace("T", " ")
    return moment.strftime("%Y-%m-%d %H:%M")


def timeline_json(found: Timeline) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "company": {"name": found.company.name, "slug": found.company.slug, "status": found.company.status},
        "events": [
            {"when": e.when, "kind": e.kind, "text": e.text, "source": e.source} for e in found.events
        ],
    }


def people_text(people: Sequence[Person]) -> str:
    if not people:
        return "Nobody yet: the people you name with `prep ask --with NAME:ROLE` appear here."
    lines = []
    for person in people:
        roles = ", ".join(role.replace("-", " ") for role in person.roles) or "role not given"
        lines.append(
            f"{person.name} ({roles}): {', '.join(person.companies)}; "
            f"{person.rounds} round(s), last met {person.last_met[:10]}"
        )
    return "\n".join(lines)


def person_text(person: Person) -> str:
    lines = [people_text([person])]
    for said in person.said:
        lines.append(f"  {said.at[:10]} {said.company}, {said.question}: {' '.join(said.text.split())}")
    if not person.said:
        lines.append("  No answers recorded from them yet.")
    return "\n".join(lines)


def people_json(people: Sequence[Person]) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "people": [
            {
                "name": p.name,
                "roles": p.roles,
                "companies": p.companies,
                "rounds": p.rounds,
                "last_met": p.last_met,
                "said": [
                    {
                        "company": s.company,
                        "interview": s.interview,
                        "question": s.question,
                        "text": s.text,
                        "at": s.at,
                    }
                    for s in p.said
                ],
            }
            for p in people
        ],
    }
