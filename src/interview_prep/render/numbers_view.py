"""The review's numbers: every reading per person, and what the next round should probe."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from interview_prep.core.review import Review
from interview_prep.output import inert


def numbers(data: Review) -> RenderableType:
    """One line per reading: who said what, the conversion made, and any limit crossed."""
    title = Text("\nNumbers heard", style="bold underline")
    if not data.metrics:
        return Group(title, Text("No numeric answers yet.", style="dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for summary in data.metrics.values():
        for who, reading in summary.readings:
            style = "bold red" if reading.flagged else ""
            grid.add_row(Text(f"  {inert(who) or 'someone'}:"), Text(inert(reading.describe()), style=style))
    return Group(title, grid)


def next_round(data: Review) -> RenderableType:
    if not data.next_round:
        return Group()
    rows = [Text("\nProbe next round (from what was heard):", style="bold")]
    for probe in data.next_round:
        line = Text(f"  • {inert(probe.text)}")
        line.append(f"  ({inert(probe.why)})", style="dim")
        rows.append(line)
    return Group(*rows)
