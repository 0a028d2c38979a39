"""The review's "What you value" section: what each interviewer said that touches it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from interview_prep.core.findings import quote
from interview_prep.core.review import Review
from interview_prep.output import inert


def values(data: Review) -> RenderableType:
    if not data.values:
        return Group()
    rows: list[RenderableType] = [Text("\nWhat you value (config.yaml)", style="bold underline")]
    for item in data.values:
        rows.append(Text(inert(item.value), style="bold"))
        if not item.heard:
            rows.append(Text("  Nothing heard yet: it is in the plan for the next round.", style="yellow"))
        for who, _, text in item.heard:
            rows.append(Text(f"  {inert(who) or 'someone'}: “{inert(quote(text, ''))}”"))
    return Group(*rows)
