"""`prep calendar`: an iCalendar (RFC 5545) file of scheduled rounds, each with its plan, and dated follow-ups.

The icalendar package writes the file (escaping, line folding, VTIMEZONE
blocks for the zones used): it is maintained, typed, and has parsed and
written calendars for most Python calendar tools for over a decade, and it
is imported only here, so no other command pays for it.

UIDs are stable (company, round id or follow-up id), so importing the file
again updates events instead of duplicating them. Text copied from notes is
made inert (output.inert) like everything prep prints: no control character
reaches a calendar.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.commands.agenda import CompanyAgenda, every_company
from interview_prep.commands.ask import company_checklist
from interview_prep.commands.context import Context
from interview_prep.core.interview import carry_forward, plan
from interview_prep.core.transcript import Interview, Interviewer, ScheduledRound
from interview_prep.output import inert
from interview_prep.storage import companies as store
from interview_prep.storage import interviews as interview_store

if TYPE_CHECKING:
    from icalendar import Event, Todo

UID_DOMAIN = "interview-prep"
REMINDER_MINUTES = 30
QUESTIONS_PER_PERSON = 5
DEFAULT_MINUTES = 60


def calendar_bytes(ctx: Context, company_name: str | None, now: datetime) -> tuple[bytes, int, int]:
    """The .ics file's bytes, with the number of events and to-dos in it."""
    from icalendar import Calendar

    chosen = _companies(ctx, company_name)
    calendar = Calendar()
    calendar.add("prodid", "-//interview-prep//prep//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Interviews")
    stamp = now.astimezone(timezone.utc)
    events = todos = 0
    for company in chosen:
        for scheduled in company.rounds:
            calendar.add_component(_event(ctx, company, scheduled, stamp))
            events += 1
        for item in company.followups:
            if item.due is None:
                continue
            todo = _todo(company, item.id, item.text, item.source, item.due, item.done, stamp)
            calendar.add_component(todo)
            todos += 1
    calendar.add_missing_timezones()
    return calendar.to_ical(), events, todos


def _companies(ctx: Context, company_name: str | None) -> list[CompanyAgenda]:
    every = every_company(ctx)
    if company_name is None:
        return every
    slug = store.resolve_company(ctx.home, company_name).slug
    return [company for company in every if company.slug == slug]


def _event(ctx: Context, company: CompanyAgenda, scheduled: ScheduledRound, stamp: datetime) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", f"{company.slug}-round-{scheduled.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", scheduled.at)
    event.add("dtend", scheduled.at + timedelta(minutes=scheduled.minutes or DEFAULT_MINUTES))
    label = scheduled.label or "interview"
    event.add("summary", inert(f"{company.name}: {label}"))
    if scheduled.where:
        event.add("location", inert(scheduled.where))
    event.add("description", inert(round_plan_text(ctx, company.slug, scheduled)))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", inert(f"{company.name} {label} in {REMINDER_MINUTES} minutes: read your plan"))
    alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
    event.add_component(alarm)
    return event


def _todo(
    company: CompanyAgenda, item_id: str, text: str, source: str, due: object, done: bool, stamp: datetime
) -> Todo:
    from icalendar import Todo

    todo = Todo()
    todo.add("uid", f"{company.slug}-follow-up-{item_id}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("summary", inert(f"{company.name}: {text}"))
    todo.add(
        "description", inert(f"Why this date: {source}. Tick it off with: prep done {company.slug} {item_id}")
    )
    todo.add("due", due)
    todo.add("status", "COMPLETED" if done else "NEEDS-ACTION")
    return todo


def round_plan_text(ctx: Context, slug: str, scheduled: ScheduledRound) -> str:
    """The plan for one scheduled round as plain text: questions per person, key messages, probes."""
    company = store.read_company(ctx.home, slug)
    catalog = ctx.catalog()
    checklist = company_checklist(ctx, company, catalog)
    earlier = interview_store.load_interviews(ctx.home, slug)
    panel = [Interviewer(p.name, p.role) for p in scheduled.panel]
    empty = Interview("scheduled", company.name, scheduled.label, scheduled.at.isoformat(), panel)
    steps = plan(checklist, panel, company.name, earlier, empty)
    lines = [f"Plan for {company.name}, {scheduled.label or 'interview'} (prep plan {slug} for more)."]
    for person in panel or [Interviewer("", "")]:
        mine = [step for step in steps if step.who == person.name][:QUESTIONS_PER_PERSON]
        if mine:
            lines += ["", f"Ask {person.label() if person.name else 'anyone'}:"]
            lines += [f"- {step.text}" for step in mine]
    from interview_prep.commands.key_messages import for_company

    messages = for_company(ctx, slug)
    if messages:
        lines += ["", "Your key messages:"] + [f"- {message}" for message in messages]
    probes = carry_forward(earlier, checklist, company.name)
    if probes:
        lines += ["", "Probe this (from earlier rounds):"]
        lines += [f"- {probe.text} ({probe.source})" for probe in probes[:QUESTIONS_PER_PERSON]]
    return "\n".join(lines)


def key_messages(home: Path, slug: str) -> list[str]:
    """The list items under the prep block's first heading (the 3-5 key messages)."""
    from interview_prep.storage.prep_block import first_list

    return first_list(home, slug)


def write_calendar(path: Path, data: bytes) -> None:
    from interview_prep.storage.atomic import atomic_write

    atomic_write(path, data.decode("utf-8"))  # bytes as they are: CRLF line ends, as RFC 5545 asks
