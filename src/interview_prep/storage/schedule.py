"""Scheduled rounds, status history and follow-up dates in `company.md` (see storage/records.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from interview_prep import dates
from interview_prep.core.transcript import PanelMember, ScheduledRound
from interview_prep.errors import PrepError
from interview_prep.storage import records
from interview_prep.storage.atomic import read_text
from interview_prep.storage.companies import company_file


def round_fields(scheduled: ScheduledRound) -> dict[str, Any]:
    return {
        "id": scheduled.id,
        "at": scheduled.at.isoformat(timespec="minutes"),
        "zone": scheduled.zone,
        "minutes": scheduled.minutes,
        "with": [{"name": p.name, "role": p.role} for p in scheduled.panel],
        "round": scheduled.label,
        "where": scheduled.where,
    }


def round_words(scheduled: ScheduledRound) -> str:
    at = scheduled.at
    words = f"{at:%a} {at.day} {at:%b %Y %H:%M} ({scheduled.zone}): {scheduled.label or 'interview'}"
    if scheduled.minutes:
        words += f", {scheduled.minutes} min"
    if scheduled.panel:
        words += ", with " + ", ".join(f"{p.name} ({p.role})" for p in scheduled.panel)
    return words


def add_round(home: Path, slug: str, scheduled: ScheduledRound) -> None:
    fields = round_fields(scheduled)
    records.add_record(
        home,
        slug,
        records.SCHEDULE,
        fields,
        round_words(scheduled),
        lambda old: old.get("id") == scheduled.id,
    )


def read_rounds(home: Path, slug: str) -> list[ScheduledRound]:
    path = company_file(home, slug)
    return rounds_in(read_text(path), path)


def rounds_in(text: str, path: Path) -> list[ScheduledRound]:
    return [_round(fields, path) for fields in records.read_records(text, records.SCHEDULE, path)]


def _round(fields: dict[str, Any], path: Path) -> ScheduledRound:
    try:
        zone = str(fields.get("zone") or "UTC")
        at = dates.moment(str(fields["at"])).astimezone(ZoneInfo(zone))
        minutes = fields.get("minutes")
        panel = tuple(PanelMember(str(p["name"]), str(p["role"])) for p in fields.get("with") or [])
        return ScheduledRound(
            id=str(fields["id"]),
            at=at,
            zone=zone,
            minutes=int(minutes) if isinstance(minutes, int) and minutes > 0 else None,
            panel=panel,
            label=str(fields.get("round") or ""),
            where=str(fields.get("where") or ""),
        )
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        what = f"id {fields.get('id')!r}" if "id" in fields else "a line"
        raise PrepError(
            f"{path}: the scheduled round with {what} has a field prep cannot read ({type(error).__name__}). "
            "Fix its JSON or delete the line in the 'Scheduled rounds' block (see docs/format.md)."
        ) from None


def history_in(text: str, path: Path) -> list[dict[str, Any]]:
    return records.read_records(text, records.HISTORY, path)


def set_due(home: Path, slug: str, item_id: str, day: date) -> None:
    fields = {"id": item_id, "date": day.isoformat()}
    records.add_record(
        home,
        slug,
        records.DUE,
        fields,
        f"{item_id}: due {day.isoformat()}",
        lambda old: old.get("id") == item_id,
    )


def due_overrides_in(text: str, path: Path) -> dict[str, date]:
    overrides = {}
    for fields in records.read_records(text, records.DUE, path):
        try:
            overrides[str(fields["id"])] = dates.day(str(fields["date"]))
        except (KeyError, ValueError):
            raise PrepError(
                f"{path}: a follow-up date line has a field prep cannot read. "
                "Fix its JSON or delete the line in the 'Follow-up dates' block."
            ) from None
    return overrides


def done_dates_in(text: str, path: Path) -> dict[str, date]:
    """When each follow-up was ticked with `prep done` (a box ticked by hand has no date)."""
    found = {}
    for fields in records.read_records(text, records.DONE, path):
        try:
            found[str(fields["id"])] = dates.moment(str(fields["at"])).date()
        except (KeyError, ValueError):
            raise PrepError(
                f"{path}: a line in the 'When follow-ups were done' block has a field prep cannot read. "
                "Fix its JSON or delete the line."
            ) from None
    return found
