"""A company review as plain Markdown (headings, lists, tables) for review.md.

Readable as text and in any Markdown viewer. Everything typed by a person is
escaped, so an answer can never add a heading, a table cell, a list or the
markers that delimit the generated block.
"""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.core import themes as theme_logic
from interview_prep.core.findings import quote
from interview_prep.core.messages import landing_places
from interview_prep.core.review import Review
from interview_prep.output import one_line
from interview_prep.render.markdown_text import escape

__all__ = ["escape", "review_markdown"]


def _inline(text: str) -> str:
    """For a table cell or heading: one line, escaped."""
    return escape(one_line(text))


def _item(text: str, indent: str = "") -> str:
    """A list item whose text may span lines: each line break is kept as a hard break and later
    lines are indented, so the answer stays one paragraph inside its item."""
    lines = [line for line in escape(text.strip()).split("\n") if line.strip()] or [""]
    inner = indent + "  "
    return f"{indent}- " + "\\\n".join([lines[0]] + [inner + line.strip() for line in lines[1:]])


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return out


def review_markdown(data: Review) -> str:
    sections = [
        _header(data),
        _reflection(data),
        _side_by_side(data),
        _themes(data),
        _flags(data),
        _numbers(data),
        *([_values(data)] if data.values else []),
        _coverage(data),
        _next_round(data),
        _followups(data),
        _heard(data),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _header(data: Review) -> list[str]:
    c = data.company
    facts = [c.role or "role not set", c.stage or "stage not set", c.status, f"{data.rounds} rounds"]
    people = ", ".join(f"{name} ({role.replace('-', ' ')})" for name, role in data.interviewers)
    return [
        f"## {_inline(c.name)}",
        "",
        _inline(" · ".join(facts)),
        "",
        f"Met: {_inline(people or 'nobody yet')}",
    ]


def _reflection(data: Review) -> list[str]:
    latest = data.latest_reflection
    if latest is None:
        return ["## Your reflection", "", "Not written yet. Write it before you talk to anyone."]
    gut = f"{latest.gut}/5" if latest.gut else "-"
    return [
        "## Your reflection",
        "",
        f"- Gut: {gut}",
        f"- Would accept today: {_inline(latest.accept or '-')}",
        f"- Excited by: {_inline(latest.excited or '-')}",
        f"- Worried by: {_inline(latest.worries or '-')}",
    ]


def _side_by_side(data: Review) -> list[str]:
    lines = ["## Side by side", ""]
    if not data.side_by_side:
        return [*lines, "No question answered by more than one interviewer yet."]
    people = data.side_by_side_people
    rows = [
        [_inline(text), *(_inline(answers.get(person, "-")) for person in people)]
        for _, text, answers in data.side_by_side
    ]
    return lines + _table(["Question", *(_inline(p) for p in people)], rows)


def _themes(data: Review) -> list[str]:
    lines = ["## Repeated themes", ""]
    if not data.themes:
        return [*lines, "No word or phrase came up with two or more interviewers."]
    for theme in data.themes:
        line = theme_logic.explain(theme, data.question_label(theme.question_id))
        lines.append(("- **Strongest:** " if theme.everyone else "- ") + _inline(line))
    return lines


def _flags(data: Review) -> list[str]:
    lines = ["## Red flags", ""]
    if not data.flags:
        return [*lines, "None recorded or found."]
    for flag in data.flags:
        who = f"{flag.who}, " if flag.who else ""
        line = f"- **{_inline(flag.severity)}**: {_inline(flag.text)} ({flag.kind}; {_inline(who + _when(flag.when))})"
        if flag.kind != "yours":
            line += f": “{_inline(flag.evidence)}”"
        lines.append(line)
    return lines


def _numbers(data: Review) -> list[str]:
    lines = ["## Numbers heard", ""]
    if not data.metrics:
        return [*lines, "No numeric answers yet."]
    for summary in data.metrics.values():
        for who, reading in summary.readings:
            mark = " **(over your limit)**" if reading.flagged else ""
            lines.append(f"- {_inline(who or 'someone')}: {_inline(reading.describe())}{mark}")
    return lines


def _values(data: Review) -> list[str]:
    lines = ["## What you value (config.yaml)"]
    for item in data.values:
        lines += ["", f"### {_inline(item.value)}", ""]
        if not item.heard:
            lines.append("Nothing heard yet: it is in the plan for the next round.")
        lines += [
            f"- {_inline(who or 'someone')}: “{_inline(quote(text, ''))}”" for who, _, text in item.heard
        ]
    return lines


def _next_round(data: Review) -> list[str]:
    if not data.next_round:
        return ["## Probe next round", "", "Nothing from what was heard yet."]
    lines = ["## Probe next round", "", "From what was heard:", ""]
    lines += [f"- {_inline(probe.text)} ({_inline(probe.why)})" for probe in data.next_round]
    return lines


def _coverage(data: Review) -> list[str]:
    lines = ["## Coverage", ""]
    lines += _table(
        ["Category", "Asked"], [[_inline(c.title), f"{c.asked}/{c.total}"] for c in data.coverage]
    )
    if data.unasked_musts:
        lines += ["", "Plan for the next round (must-asks not yet answered):", ""]
        lines += [_item(text) for _, text in data.unasked_musts]
    return lines


def _followups(data: Review) -> list[str]:
    lines = ["## Follow-ups", ""]
    if not data.followups:
        lines.append("None yet: they appear after your first interview.")
    for item in data.followups:
        due = f", due {_when(item.due)}" if item.due and not item.done else ""
        lines.append(f"- [{'x' if item.done else ' '}] {_inline(item.text)} (`{item.id}`{due})")
    for who, text in data.next_steps:
        lines.append(f"- Next steps, per {_inline(who)}: {_inline(text)}")
    if data.key_messages:
        landed = sum(bool(message.landed) for message in data.key_messages)
        lines += ["", f"Your key messages: {landed} of {len(data.key_messages)} landed.", ""]
        for message in data.key_messages:
            where = (
                f" (landed: {_inline(landing_places(message.landed))})"
                if message.landed
                else " (never landed: what I wish I had said)"
            )
            lines.append(f"- [{'x' if message.landed else ' '}] {_inline(message.text)}{where}")
    return lines


def _heard(data: Review) -> list[str]:
    lines = ["## Everything you heard"]
    if not data.heard:
        return [*lines, "", "No answers yet."]
    for category in data.heard:
        lines += ["", f"### {_inline(category.title)}"]
        for question in category.questions:
            lines += ["", f"#### {_inline(question.question)}", ""]
            for answer in question.answers:
                label = f"**{_inline(answer.who or 'unknown')}** (`{answer.interview}`): "
                lines.append("- " + label + _item(answer.text)[2:])
    return lines
