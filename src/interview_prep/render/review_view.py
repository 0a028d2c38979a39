"""How a review looks: Rich for the terminal, Markdown for review.md. Data comes from core.review."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from interview_prep.core import themes as theme_logic
from interview_prep.core.compare import CompanyRow
from interview_prep.core.messages import landing_places
from interview_prep.core.review import Review
from interview_prep.output import inert
from interview_prep.render import numbers_view, values_view

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _title(text: str) -> Text:
    return Text("\n" + text, style="bold underline")


def company_view(data: Review) -> RenderableType:
    parts: list[RenderableType] = [
        header(data),
        reflection(data),
        side_by_side(data),
        themes(data),
        flags(data),
        numbers_view.numbers(data),
        values_view.values(data),
        coverage(data),
        numbers_view.next_round(data),
        followups(data),
        heard(data),
    ]
    return Group(*parts)


def header(data: Review) -> RenderableType:
    c = data.company
    line = Text(inert(c.name), style="bold")
    facts = [
        c.role or "role not set",
        c.stage or "stage not set",
        c.status,
        f"{data.rounds} round{'s' if data.rounds != 1 else ''}",
    ]
    line.append("  " + " · ".join(inert(f) for f in facts), style="dim")
    people = (
        ", ".join(f"{inert(n)} ({inert(r.replace('-', ' '))})" for n, r in data.interviewers) or "nobody yet"
    )
    return Group(line, Text(f"Met: {people}"))


def reflection(data: Review) -> RenderableType:
    latest = data.latest_reflection
    if latest is None:
        body = Text(
            "Not written yet. Write it before you talk to anyone:\n"
            f"  prep reflect {data.company.slug} --gut 1-5 --excited TEXT --worry TEXT --accept yes|no|unsure",
            style="yellow",
        )
    else:
        gut = f"{latest.gut}/5" if latest.gut else "-"
        body = Text(
            f"Gut {gut} · would accept today: {inert(latest.accept) or '-'}\n"
            f"Excited by: {inert(latest.excited) or '-'}\nWorried by: {inert(latest.worries) or '-'}"
            + "".join(
                f"\nChanged {change.at[:10]}: {inert(' '.join(change.label().split()))}"
                for change in latest.history
            )
        )
    return Group(_title("Your reflection"), body)


def side_by_side(data: Review) -> RenderableType:
    if not data.side_by_side:
        return Group(
            _title("Side by side"),
            Text("No question answered by more than one interviewer yet.", style="dim"),
        )
    table = Table(show_lines=True, expand=True)
    table.add_column("Question", width=16)
    for person in data.side_by_side_people:
        table.add_column(inert(person), ratio=2, overflow="fold")
    for _, text, answers in data.side_by_side:
        table.add_row(inert(text), *[_cell(answers.get(p, "-")) for p in data.side_by_side_people])
    return Group(_title("Side by side"), table)


CELL_LIMIT = 400


def _cell(text: str) -> str:
    """An answer in the table: whole when short, else its start and where the rest is."""
    if len(text) <= CELL_LIMIT:
        return inert(text)
    return (
        inert(text[:CELL_LIMIT].rstrip())
        + f"… ({len(text) - CELL_LIMIT:,} more characters in the interview file)"
    )


def themes(data: Review) -> RenderableType:
    if not data.themes:
        return Group(
            _title("Repeated themes"),
            Text("No word or phrase came up with two or more interviewers.", style="dim"),
        )
    lines = []
    for theme in data.themes:
        style = "bold red" if theme.everyone else ""
        mark = "★ strongest: " if theme.everyone else "• "
        lines.append(
            Text(
                mark + inert(theme_logic.explain(theme, data.question_label(theme.question_id))), style=style
            )
        )
    return Group(_title("Repeated themes"), *lines)


def _when(stamp: str) -> str:
    return inert(stamp[:16].replace("T", " "))


def _bullets(rows: Sequence[tuple[Text, Text]]) -> Table:
    """A list whose wrapped lines hang under their text, not under the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for mark, body in rows:
        grid.add_row(mark, body)
    return grid


def flags(data: Review) -> RenderableType:
    if not data.flags:
        return Group(_title("Red flags"), Text("None recorded or found.", style="green"))
    rows = []
    for flag in data.flags:
        body = Text(inert(flag.text))
        who = f"{flag.who}, " if flag.who else ""
        body.append(f"  ({flag.kind}; {inert(who)}{_when(flag.when)})", style="dim")
        if flag.kind != "yours":
            body.append(f"\n“{inert(flag.evidence)}”", style="italic")
        rows.append((Text(f"[{inert(flag.severity)}]", style=SEVERITY_STYLE.get(flag.severity, "")), body))
    return Group(_title("Red flags"), _bullets(rows))


def coverage(data: Review) -> RenderableType:
    table = Table(box=None, show_header=True, pad_edge=False)
    table.add_column("Category")
    table.add_column("Asked", justify="right")
    for item in data.coverage:
        style = "green" if item.asked == item.total else ""
        table.add_row(inert(item.title), f"{item.asked}/{item.total}", style=style)
    parts: list[RenderableType] = [_title("Coverage"), table]
    if data.unasked_musts:
        parts.append(Text("\nPlan for the next round (must-asks not yet answered):", style="bold"))
        parts.append(_bullets([(Text("  •"), Text(inert(text))) for _, text in data.unasked_musts]))
    return Group(*parts)


def followups(data: Review) -> RenderableType:
    parts: list[RenderableType] = [_title("Follow-ups")]
    if not data.followups:
        parts.append(Text("None yet: they appear after your first interview.", style="dim"))
    rows = []
    for item in data.followups:
        body = Text(inert(item.text), style="dim" if item.done else "")
        if item.due and not item.done:
            body.append(f"  due {_when(item.due)}", style="yellow")
        body.append(f"  ({item.id})", style="dim")
        rows.append((Text("[x]" if item.done else "[ ]"), body))
    if rows:
        parts.append(_bullets(rows))
    for who, text in data.next_steps:
        parts.append(Text(f"Next steps, per {inert(who)}: {inert(text)}"))
    parts.extend(_key_messages(data))
    if any(not item.done for item in data.followups):
        parts.append(Text(f"Tick one off with: prep done {data.company.slug} ID", style="dim"))
    return Group(*parts)


def _key_messages(data: Review) -> list[RenderableType]:
    """Your key messages: each with whom it was landed, or marked never landed (for the recruiter call)."""
    if not data.key_messages:
        return []
    landed = sum(bool(message.landed) for message in data.key_messages)
    parts: list[RenderableType] = [
        Text(
            f"\nYour key messages: {landed} of {len(data.key_messages)} landed (/k in prep ask)", style="bold"
        )
    ]
    rows = []
    for message in data.key_messages:
        body = Text(inert(message.text))
        if message.landed:
            body.append("  landed: " + inert(landing_places(message.landed)), style="dim")
        else:
            body.append("  never landed: what I wish I had said", style="yellow")
        rows.append((Text("[x]" if message.landed else "[ ]"), body))
    parts.append(_bullets(rows))
    return parts


def heard(data: Review) -> RenderableType:
    """Every answer, by category and question, per person: nothing said is left out."""
    parts: list[RenderableType] = [_title("Everything you heard")]
    if not data.heard:
        parts.append(Text("No answers yet.", style="dim"))
    for category in data.heard:
        parts.append(Text("\n" + inert(category.title), style="bold"))
        for question in category.questions:
            parts.append(Padding(Text(inert(question.question), style="italic"), (0, 0, 0, 2)))
            rows = []
            for answer in question.answers:
                body = Text(f"{inert(answer.who) or 'unknown'}: ", style="bold")
                body.append(inert(answer.text))
                body.append(f"  ({inert(answer.interview)})", style="dim")
                rows.append((Text("    •"), body))
            parts.append(_bullets(rows))
    return Group(*parts)


# All companies ------------------------------------------------------------------


def _heat(value: float | None, flagged: bool) -> Text:
    if value is None:
        return Text("-", style="dim")
    return Text(f"{value:g}", style="bold red" if flagged else "green")


def _count(value: int, warm: str = "red") -> Text:
    return Text(str(value), style=f"bold {warm}" if value else "dim")


COMPANY_WIDTH = 18
COLUMNS = ("Company", "Status", "Rnd", "H/M/L", "Attr%", "Hrs", "Gut", "Deal", "To do")


def _flags_cell(row: CompanyRow) -> Text:
    cell = Text()
    cell.append(str(row.flags_high), style="bold red" if row.flags_high else "dim")
    cell.append("/")
    cell.append(str(row.flags_medium), style="yellow" if row.flags_medium else "dim")
    cell.append("/")
    cell.append(str(row.flags_low), style="dim")
    return cell


def _gut_cell(gut: int | None) -> Text:
    if gut is None:
        return Text("-", style="dim")
    return Text(str(gut), style="bold red" if gut <= 2 else "yellow" if gut == 3 else "green")


def _cells(row: CompanyRow) -> list[Text]:
    name = inert(row.name)
    if len(name) > COMPANY_WIDTH:
        name = name[: COMPANY_WIDTH - 1] + "…"
    return [
        Text(name),
        Text(inert(row.status)),
        Text(str(row.rounds)),
        _flags_cell(row),
        _heat(row.attrition, row.attrition_flagged),
        _heat(row.hours, row.hours_flagged),
        _gut_cell(row.gut),
        _count(row.dealbreakers),
        _count(row.pending_followups, "yellow"),
    ]


def companies_table(rows: Sequence[CompanyRow]) -> RenderableType:
    """One line per company, laid out by hand: a Rich Table costs ~3 ms a row, too slow for thousands."""
    if not rows:
        return Text('No companies yet. Start with: prep new acme --role "Staff Engineer"')
    lines = [_cells(row) for row in rows]
    widths = [
        max(len(name), *(cell.cell_len for cell in column))
        for name, column in zip(COLUMNS, zip(*lines, strict=True), strict=True)
    ]
    header = Text(
        "  ".join(
            name.ljust(w) if i < 2 else name.rjust(w)
            for i, (name, w) in enumerate(zip(COLUMNS, widths, strict=True))
        ),
        style="bold",
    )
    out: list[RenderableType] = [
        Text("Every company", style="italic"),
        header,
        Text("─" * header.cell_len, style="dim"),
    ]
    for cells in lines:
        line = Text(no_wrap=True, overflow="ellipsis")
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if index:
                line.append("  ")
            pad = " " * (width - cell.cell_len)
            if index < 2:
                line.append_text(cell)
                line.append(pad)
            else:
                line.append(pad)
                line.append_text(cell)
        out.append(line)
    out.append(
        Text(
            "H/M/L red flags by severity · Attr% attrition · Hrs hours a week · "
            "Deal dealbreakers heard · To do follow-ups pending",
            style="dim",
        )
    )
    return Group(*out)


def render_to_text(renderable: RenderableType, width: int) -> str:
    """Plain text at a fixed width (for golden tests and review.md)."""
    console = Console(
        width=width, record=True, file=io.StringIO(), color_system=None, highlight=False, emoji=False
    )
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text(styles=False).split("\n"))


def markdown(data: Review) -> str:
    """The review as real Markdown (lists and tables), for review.md."""
    from interview_prep.render.review_markdown import review_markdown

    return review_markdown(data)
