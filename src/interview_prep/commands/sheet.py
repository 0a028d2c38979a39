"""`prep sheet`: the plan of `prep plan`, as Markdown to read on a phone or a printable HTML page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from interview_prep.commands import plan as planning
from interview_prep.commands.context import Context
from interview_prep.core.sheet import MAX_PROBES, Sheet, SheetPerson

NOBODY_NAMED = "Whoever is in the room"


def build(
    ctx: Context, company_name: str, with_: Sequence[str], minutes: float | None, round_name: str = ""
) -> Sheet:
    """The sheet for this interview: `prep plan`'s plan (the same options), your key messages, the probes."""
    found = planning.build(ctx, company_name, with_, minutes, round_name)
    people = [(person.name, person.label()) for person in found.present] or [("", NOBODY_NAMED)]
    planned = {step.text for step in found.steps}
    # A must-ask never answered that is already on the sheet as a question needs no second line.
    probes = [probe for probe in found.probes if not (probe.kind == "unasked" and probe.text in planned)]
    return Sheet(
        company=found.company.name,
        slug=found.company.slug,
        costing=planning.costing(found.minutes),
        people=tuple(SheetPerson(label, tuple(found.for_person(name))) for name, label in people),
        probes=tuple(probes[:MAX_PROBES]),
        key_messages=tuple(found.key_messages),
    )


def write_html(ctx: Context, sheet: Sheet, target: str) -> Path:
    """Write the printable page atomically (a kill leaves the old file or the new one)."""
    from interview_prep.render.sheet_html import sheet_html
    from interview_prep.storage.atomic import atomic_write

    path = Path(target).expanduser()
    atomic_write(path, sheet_html(sheet))
    return path
