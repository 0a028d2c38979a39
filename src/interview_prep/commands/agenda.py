"""`prep schedule`, `prep agenda` and `prep due`: rounds with a date, and what is due across companies."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from interview_prep import dates
from interview_prep.commands.context import Context, today
from interview_prep.commands.offers import offers_in
from interview_prep.core import agenda as core
from interview_prep.core.agenda import Agenda, DatedFollowUp
from interview_prep.core.transcript import Interviewer, PanelMember, ScheduledRound
from interview_prep.core.when import WhenError, parse_when, user_zone_name
from interview_prep.errors import PrepError
from interview_prep.storage import cache, frontmatter, schedule, stamps
from interview_prep.storage import companies as store
from interview_prep.storage import interviews as interview_store
from interview_prep.storage.atomic import read_text
from interview_prep.storage.cache import SETTLED_NS, code_stamp

AGENDA_CACHE = "agenda-followups.json"
AGENDA_CACHE_FORMAT = 2  # 2: each company also keeps its count of rounds held


def user_zone() -> str:
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        link = None
    return user_zone_name(os.environ.get("TZ"), link)


def now_here() -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(user_zone()))


def schedule_round(
    ctx: Context,
    name: str,
    when: str,
    minutes: int | None,
    panel: Sequence[PanelMember],
    label: str,
    where: str,
    now: datetime,
) -> tuple[str, ScheduledRound]:
    company = store.resolve_company(ctx.home, name)
    if minutes is not None and not 5 <= minutes <= 600:
        raise PrepError(f"--minutes {minutes} is out of range; give the round's length, 5 to 600.")
    try:
        moment = parse_when(when, now, user_zone())
    except WhenError as error:
        raise PrepError(f"WHEN {error}") from None
    round_id = f"{moment.at.astimezone(now.tzinfo):%Y-%m-%d-%H%M}"
    scheduled = ScheduledRound(
        round_id,
        moment.at,
        moment.zone,
        minutes,
        tuple(panel),
        " ".join(label.split()),
        " ".join(where.split()),
    )
    schedule.add_round(ctx.home, company.slug, scheduled)
    return company.name, scheduled


def set_due(ctx: Context, name: str, item_id: str, day_text: str) -> tuple[str, DatedFollowUp]:
    company = store.resolve_company(ctx.home, name)
    try:
        day = dates.day(day_text.strip())
    except ValueError:
        raise PrepError(f"DATE {day_text!r} is not a date; write it as 2026-12-07.") from None
    if problem := dates.check_typed(day, today(), f"DATE {day_text!r}"):
        raise PrepError(f"{problem}.")
    followups = {item.id: item for item in company_followups(ctx, company.slug)}
    if item_id not in followups:
        known = ", ".join(followups) or "none yet (they appear after an interview)"
        raise PrepError(f"No follow-up '{item_id}' for {company.name}. Follow-ups: {known}.")
    schedule.set_due(ctx.home, company.slug, item_id, day)
    item = followups[item_id]
    return company.name, DatedFollowUp(item.id, item.text, day, "the date you set with `prep due`", item.done)


def company_followups(ctx: Context, slug: str) -> list[DatedFollowUp]:
    path = store.company_file(ctx.home, slug)
    text = read_text(path)
    return core.dated_followups(
        interview_store.load_interviews(ctx.home, slug),
        store.done_followups(text, path),
        schedule.due_overrides_in(text, path),
        offers_in(text, path),
    )


@dataclass(frozen=True)
class CompanyAgenda:
    name: str
    slug: str
    status: str
    rounds: list[ScheduledRound]
    followups: list[DatedFollowUp]
    held: int  # rounds held: interview files that are rounds (`prep stats`)
    created: str = ""
    history: tuple[dict[str, Any], ...] = ()  # status changes, read only for `prep stats`
    done_on: Mapping[str, date] = field(default_factory=dict)  # when follow-ups were done (`prep stats`)


def every_company(ctx: Context, for_stats: bool = False) -> list[CompanyAgenda]:
    """Each company's rounds and follow-ups; `for_stats`: its status history and done dates instead of rounds.

    Follow-ups need the interviews read and scanned; they are kept in
    `<home>/.cache/` by the company's file stamp, like the review's rows (see
    commands/review_cache.py, whose two-second rule this follows too).
    """
    known = _read_cache(ctx.home)
    kept: dict[str, Any] = {}
    settled_before = time.time_ns() - SETTLED_NS
    result = []
    for slug in store.company_slugs(ctx.home):
        path = store.company_file(ctx.home, slug)
        text = read_text(path)
        company = store.company_from_fields(frontmatter.parse(text, path).fields, slug, path)
        stamp = stamps.company_stamp(ctx.home, slug)
        entry = known.get(slug)
        fresh = entry is not None and stamp is not None and entry.get("stamp") == stamp
        followups = _decode(entry["followups"]) if fresh and entry else None
        held = entry.get("held") if fresh and entry else None
        if followups is None or not isinstance(held, int):
            interviews = interview_store.load_interviews(ctx.home, slug)
            held = sum(interview.is_round for interview in interviews)
            followups = core.dated_followups(
                interviews,
                store.done_followups(text, path),
                schedule.due_overrides_in(text, path),
                offers_in(text, path),
            )
        if stamp is not None and all(mtime < settled_before for _, _, mtime, _ in stamp):
            kept[slug] = {"stamp": stamp, "followups": _encode(followups), "held": held}
        if for_stats:
            history = tuple(schedule.history_in(text, path))
            dated = CompanyAgenda(company.name, slug, company.status, [], followups, held, company.created)
            found = replace(dated, history=history, done_on=schedule.done_dates_in(text, path))
        else:
            rounds = schedule.rounds_in(text, path)
            found = CompanyAgenda(
                company.name, slug, company.status, rounds, followups, held, company.created
            )
        result.append(found)
    if kept != known:
        cache.write_json(cache.cache_dir(ctx.home), AGENDA_CACHE, {"key": _cache_key(), "companies": kept})
    return result


def build_agenda(ctx: Context, days: int, now: datetime) -> Agenda:
    if not 0 <= days <= 3660:
        raise PrepError(f"--days {days} is out of range; give 0 to 3660.")
    companies = [(c.name, c.slug, c.status, c.rounds, c.followups) for c in every_company(ctx)]
    return core.agenda(companies, now, days)


def _cache_key() -> list[Any]:
    import interview_prep

    return [AGENDA_CACHE_FORMAT, interview_prep.__version__, code_stamp()]


def _read_cache(home: Path) -> dict[str, Any]:
    data = cache.read_json(cache.cache_dir(home), AGENDA_CACHE)
    if not isinstance(data, dict) or data.get("key") != _cache_key():
        return {}
    companies = data.get("companies")
    return companies if isinstance(companies, dict) else {}


def _encode(items: Sequence[DatedFollowUp]) -> list[list[Any]]:
    return [[i.id, i.text, i.due.isoformat() if i.due else None, i.source, i.done] for i in items]


def _decode(value: Any) -> list[DatedFollowUp] | None:
    try:
        return [
            DatedFollowUp(str(i), str(t), dates.day(d) if d else None, str(s), bool(done))
            for i, t, d, s, done in value
        ]
    except (TypeError, ValueError):
        return None


SCHEDULED_WINDOW_MINUTES = 180  # how near now a scheduled round must start for `prep ask` to offer it


def scheduled_now(ctx: Context, slug: str, now: datetime) -> ScheduledRound | None:
    """The scheduled round of this company that starts nearest now, within three hours either side."""
    near = [
        scheduled
        for scheduled in schedule.read_rounds(ctx.home, slug)
        if abs((scheduled.at - now).total_seconds()) <= SCHEDULED_WINDOW_MINUTES * 60
    ]
    return min(near, key=lambda scheduled: abs((scheduled.at - now).total_seconds()), default=None)


def offer_scheduled_panel(
    ctx: Context, slug: str, round_name: str, confirm: Callable[[str, bool], bool]
) -> tuple[list[Interviewer], str]:
    """No --with: the panel of the round scheduled for about now (`prep schedule`), if the user takes it."""
    scheduled = scheduled_now(ctx, slug, now_here())
    if scheduled is None or not scheduled.panel:
        return [], round_name
    panel = [Interviewer(person.name, person.role) for person in scheduled.panel]
    names = ", ".join(person.label() for person in panel)
    if not confirm(f"Use the panel scheduled for {scheduled.at:%H:%M}: {names}?", True):
        return [], round_name
    return panel, round_name or scheduled.label
