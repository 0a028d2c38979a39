"""`prep log COMPANY`: a company's timeline, oldest first, every line dated and sourced."""

from __future__ import annotations

from interview_prep import dates
from interview_prep.commands.agenda import company_followups
from interview_prep.commands.context import Context
from interview_prep.core.agenda import Timeline, TimelineEvent
from interview_prep.storage import companies as store
from interview_prep.storage import frontmatter, schedule
from interview_prep.storage import interviews as interview_store
from interview_prep.storage.atomic import read_text


def timeline(ctx: Context, name: str) -> Timeline:
    company = store.resolve_company(ctx.home, name)
    path = store.company_file(ctx.home, company.slug)
    text = read_text(path)
    where = f"{company.slug}/{store.COMPANY_FILE}"
    events: list[TimelineEvent] = []
    created = frontmatter.parse(text, path).fields.get("created")
    if isinstance(created, str) and created:
        events.append(TimelineEvent(created, "created", f"Added {company.name} (prep new)", where))
    for change in schedule.history_in(text, path):
        words = f"Status {change.get('from', '?')} -> {change.get('to', '?')}"
        events.append(TimelineEvent(str(change.get("at", "")), "status", words, where))
    for scheduled in schedule.rounds_in(text, path):
        panel = ", ".join(p.name for p in scheduled.panel)
        words = f"Scheduled: {scheduled.label or 'interview'}" + (f" with {panel}" if panel else "")
        events.append(TimelineEvent(scheduled.at.isoformat(timespec="minutes"), "scheduled", words, where))
    for path_ in interview_store.list_interview_paths(ctx.home, company.slug):
        interview = interview_store.load_interview(path_)
        source = f"{company.slug}/interviews/{path_.name}"
        people = ", ".join(p.name for p in interview.interviewers)
        words = f"Round: {interview.round or 'interview'}" + (f" with {people}" if people else "")
        if interview.is_round:  # one-shot notes made before any round are not a round
            events.append(TimelineEvent(interview.started, "round", words, source))
        for flag in interview.flags:
            about = f" ({flag.who})" if flag.who else ""
            words = f"Red flag, {flag.severity}{about}: {' '.join(flag.text.split())}"
            events.append(TimelineEvent(flag.at, "flag", words, source))
    for item in company_followups(ctx, company.slug):
        if item.due is not None:
            state = "done" if item.done else "due"
            words = f"Follow-up {state}: {item.text} ({item.source})"
            events.append(TimelineEvent(item.due.isoformat(), "follow-up", words, where))
    return Timeline(company, sorted(events, key=_order))


def _order(event: TimelineEvent) -> tuple[str, str]:
    return (_utc_key(event.when), event.kind)


def _utc_key(stamp: str) -> str:
    """Date-times compare in UTC; a bare date sorts at the start of its day."""
    try:
        moment = dates.moment(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return moment.isoformat()
    from datetime import timezone

    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat()
