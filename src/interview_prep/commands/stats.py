"""`prep stats`: the search in numbers, from each company's status history, rounds and follow-ups."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from interview_prep import dates
from interview_prep.commands.agenda import every_company
from interview_prep.commands.context import Context
from interview_prep.core import stats as core
from interview_prep.errors import PrepError
from interview_prep.storage import companies as store


def search_stats(ctx: Context, today: date) -> core.SearchStats:
    facts = []
    for company in every_company(ctx, for_stats=True):  # follow-ups and rounds held: cached by file stamp
        path = ctx.home / company.slug / store.COMPANY_FILE  # for messages only: already read safely
        followups = tuple(
            core.FollowUpDates(item.due, item.done, company.done_on.get(item.id) if item.done else None)
            for item in company.followups
        )
        changes = tuple(_change(fields, path) for fields in company.history)
        created = _moment(company.created)
        facts.append(
            core.CompanyFacts(company.slug, company.status, created, changes, company.held, followups)
        )
    return core.search_stats(facts, today)


def _moment(value: Any) -> datetime | None:
    """An ISO date-time as stored; one without a UTC offset is read in the local zone."""
    try:
        moment = dates.moment(str(value)) if value else None
    except ValueError:
        return None
    return moment if moment is None or moment.tzinfo else moment.astimezone()


def _change(fields: dict[str, Any], path: Path) -> core.StatusChange:
    at = _moment(fields.get("at"))
    before, after = fields.get("from"), fields.get("to")
    if at is None or not isinstance(before, str) or not isinstance(after, str):
        raise PrepError(
            f"{path}: a line in the 'Status history' block needs an 'at' date-time and 'from' / 'to' "
            "statuses. Fix its JSON or delete the line (see docs/format.md)."
        )
    return core.StatusChange(at, before, after)
