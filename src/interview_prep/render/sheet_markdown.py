"""The sheet as Markdown: a phone, Obsidian or any viewer shows it; a box to tick per question.

Every string that comes from a person or a bank is escaped (render/markdown_text.escape),
so a name or a question can never add a heading, a link, a list or raw HTML.
"""

from __future__ import annotations

from interview_prep.core.sheet import Sheet, SheetPerson, few_words
from interview_prep.render.markdown_text import escape


def _inline(text: str) -> str:
    """One line shown as typed: markup escaped, and `&` too, so "&lt;" stays those four characters."""
    return escape(" ".join(text.split())).replace("&", "\\&")


def sheet_markdown(sheet: Sheet) -> str:
    lines = [f"# Interview sheet: {_inline(sheet.company)}", "", f"_{_inline(sheet.costing)}_", ""]
    if sheet.key_messages:
        lines += ["## Your key messages", ""]
        lines += [f"- {_inline(message)}" for message in sheet.key_messages]
        lines.append("")
    for person in sheet.people:
        lines += _person(person)
    if sheet.probes:
        lines += ["## Probe (from earlier rounds)", ""]
        lines += [f"- {_inline(probe.text)} ({_inline(probe.source)})" for probe in sheet.probes]
        lines.append("")
    lines += [
        "---",
        "",
        f"Type the answers in afterwards: `prep ask {sheet.slug} --resume`, or "
        f'`prep answer {sheet.slug} ID "what they said" --who NAME` (the ID follows each question).',
        "",
    ]
    return "\n".join(lines)


def _person(person: SheetPerson) -> list[str]:
    count = len(person.steps)
    lines = [f"## {_inline(person.label)}: {count} question{'s' if count != 1 else ''}", ""]
    for step in person.steps:
        must = " **(must)**" if step.priority == "must" else ""
        lines.append(f"- [ ] {_inline(step.text)}{must} `{step.question_id}`")
        if step.why.strip():
            lines.append(f"  - why: {_inline(few_words(step.why))}")
        if step.caution:
            lines.append(f"  - {_inline(step.caution)}")
    lines.append("")
    return lines
