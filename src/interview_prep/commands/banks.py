"""`prep banks list / show`: the catalog as plain text and JSON."""

from __future__ import annotations

from interview_prep import output
from interview_prep.banks.model import CATEGORIES, Catalog, Question
from interview_prep.errors import PrepError


def banks_table(catalog: Catalog, width: int) -> str:
    rows = [
        [
            bank.id,
            bank.title,
            str(bank.questions),
            str(bank.signals),
            str(bank.prep),
            "yours" if bank.user else "shipped",
        ]
        for bank in catalog.banks
    ]
    table = output.table(["Bank", "Title", "Questions", "Signals", "Prep", "From"], rows, width)
    total = (
        f"{len(catalog.questions)} questions in {len({q.category for q in catalog.questions.values()})} "
        f"categories, {len(catalog.signals)} signals. `prep banks show ID` shows one."
    )
    return f"{table}\n\n{total}"


def show(catalog: Catalog, item_id: str, width: int = 80) -> str:
    if item_id in catalog.questions:
        return _wrap(describe_question(catalog.questions[item_id]), width)
    if item_id in catalog.signals:
        signal = catalog.signals[item_id]
        return _wrap(
            f"{signal.text}\n  signal, severity {signal.severity}\n  Why it matters: {signal.why}", width
        )
    bank = next((b for b in catalog.banks if b.id == item_id), None)
    if bank is not None:
        rows = [[q.id, q.priority, q.text] for q in catalog.questions.values() if q.bank == bank.id]
        rows += [[sig.id, "signal", sig.text] for sig in catalog.signals.values() if sig.bank == bank.id]
        table = output.table(["Id", "Priority", "Question"], rows, width)
        return f"{output.inert(bank.title)} ({bank.path})\n\n{table}"
    import difflib

    known = [*catalog.questions, *catalog.signals, *(b.id for b in catalog.banks)]
    close = difflib.get_close_matches(item_id, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else " `prep banks list --json` lists every id."
    raise PrepError(f"No bank, question or signal with id '{item_id}'.{hint}")


def describe_question(question: Question) -> str:
    lines = [
        question.text,
        f"  id {question.id} · {CATEGORIES.get(question.category, question.category)} · "
        f"{question.priority} · ask {', '.join(question.ask)} · {', '.join(question.when)}",
        f"  Why ask: {question.why}",
        "  Good signs: " + "; ".join(question.good),
        "  Worrying signs: " + "; ".join(question.worrying),
    ]
    if question.follow_ups:
        lines.append("  Follow-ups: " + " / ".join(question.follow_ups))
    if question.tracks:
        lines.append("  Only for tracks: " + ", ".join(question.tracks))
    if question.company_types:
        lines.append("  Only for: " + ", ".join(question.company_types))
    if question.caution:
        lines.append("  Careful: " + " ".join(question.caution.split()))
    if question.answer is not None:
        limits = [
            f"flags above {question.answer.flag_above:g}" if question.answer.flag_above is not None else "",
            f"flags below {question.answer.flag_below:g}" if question.answer.flag_below is not None else "",
        ]
        lines.append(f"  Numeric answer: {question.answer.unit}; " + ", ".join(x for x in limits if x))
    return output.inert("\n".join(lines))


def _wrap(text: str, width: int) -> str:
    """Wrap each line to the terminal, continuation lines indented under their label."""
    import textwrap

    wrapped = []
    for line in text.split("\n"):
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        wrapped.append(textwrap.fill(line, width, subsequent_indent=indent, break_on_hyphens=False))
    return "\n".join(wrapped)
