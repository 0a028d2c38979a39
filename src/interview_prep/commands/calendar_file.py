"""`prep calendar`: an iCalendar (RFC 5545) file of scheduled rounds, each with its plan, and dated follow-ups.

render/ics.py writes the format (escaping, line folding at 75 octets,
VTIMEZONE blocks for the zones used); the tests read it back with the
icalendar package. Importing that package took most of this command's time.

UIDs are stable (company, round id or follow-up id), so importing the file
again updates events instead of duplicating them. Text copied from notes is
made inert (output.inert) like everything prep prints: no control character
reaches a calendar.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from interview_prep.commands.agenda import CompanyAgenda, every_company
from interview_prep.commands.checklist_source import company_checklist
from interview_prep.commands.context import Context
from interview_prep.core.interview import carry_forward, plan
from interview_prep.core.transcript import Interview, Interviewer, ScheduledRound
from interview_prep.output import inert
from interview_prep.render import ics
from interview_prep.storage import companies as store
from interview_prep.storage import interviews as interview_store

UID_DOMAIN = "interview-prep"
REMINDER_MINUTES = 30
QUESTIONS_PER_PERSON = 5
DEFAULT_MINUTES = 60
HEADER = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//interview-prep//prep//EN",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:Interviews",
]


def calendar_bytes(ctx: Context, company_name: str | None, now: datetime) -> tuple[bytes, int, int]:
    """The .ics file's bytes, with the number of events and to-dos in it."""
    stamp = ics.utc(now)
    events: list[str] = []
    todos: list[str] = []
    moments: list[datetime] = []
    for company in _companies(ctx, company_name):
        for scheduled in company.rounds:
            start, end = _span(scheduled)
            moments += [start, end]
            events += _event(ctx, company, scheduled, stamp)
        for item in company.followups:
            if item.due is not None:
                todos += _todo(company, item.id, item.text, item.source, item.due, item.done, stamp)
    lines = [*HEADER, *ics.timezones(moments), *events, *todos, "END:VCALENDAR"]
    return ics.document(lines), events.count("BEGIN:VEVENT"), todos.count("BEGIN:VTODO")


def _companies(ctx: Context, company_name: str | None) -> list[CompanyAgenda]:
    every = every_company(ctx)
    if company_name is None:
        return every
    slug = store.resolve_company(ctx.home, company_name).slug
    return [company for company in every if company.slug == slug]


def _span(scheduled: ScheduledRound) -> tuple[datetime, datetime]:
    return scheduled.at, scheduled.at + timedelta(minutes=scheduled.minutes or DEFAULT_MINUTES)


def _event(ctx: Context, company: CompanyAgenda, scheduled: ScheduledRound, stamp: str) -> list[str]:
    start, end = _span(scheduled)
    label = scheduled.label or "interview"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ics.text(f'{company.slug}-round-{scheduled.id}@{UID_DOMAIN}')}",
        f"DTSTAMP:{stamp}",
        ics.moment_line("DTSTART", start),
        ics.moment_line("DTEND", end),
        f"SUMMARY:{ics.text(inert(f'{company.name}: {label}'))}",
    ]
    if scheduled.where:
        lines.append(f"LOCATION:{ics.text(inert(scheduled.where))}")
    reminder = inert(f"{company.name} {label} in {REMINDER_MINUTES} minutes: read your plan")
    return [
        *lines,
        f"DESCRIPTION:{ics.text(inert(round_plan_text(ctx, company.slug, scheduled)))}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{ics.text(reminder)}",
        f"TRIGGER:{ics.duration(timedelta(minutes=-REMINDER_MINUTES))}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _todo(
    company: CompanyAgenda, item_id: str, text: str, source: str, due: date, done: bool, stamp: str
) -> list[str]:
    why = f"Why this date: {source}. Tick it off with: prep done {company.slug} {item_id}"
    return [
        "BEGIN:VTODO",
        f"UID:{ics.text(f'{company.slug}-follow-up-{item_id}@{UID_DOMAIN}')}",
        f"DTSTAMP:{stamp}",
        f"SUMMARY:{ics.text(inert(f'{company.name}: {text}'))}",
        f"DESCRIPTION:{ics.text(inert(why))}",
        f"DUE;VALUE=DATE:{ics.day(due)}",
        f"STATUS:{'COMPLETED' if done else 'NEEDS-ACTION'}",
        "END:VTODO",
    ]


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
