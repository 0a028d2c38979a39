"""How each kind of entry is written in an interview file: its marker's fields and its heading.

The one place that knows the field names of docs/format.md for answers, skips,
red flags and notes (reflections: storage/interviews.py, reflection_meta).
Commands pass typed values; they never build a marker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview_prep.core.transcript import Answer
from interview_prep.errors import PrepError
from interview_prep.storage import blocks
from interview_prep.storage.blocks import EXACT_TEXT
from interview_prep.storage.interviews import (
    append_entry,
    append_once,
    edit_entries,
    raw_entries,
    replace_entry,
)


def answer_heading(question_text: str, who: str) -> str:
    return f"### {' '.join(question_text.split())}" + (f" ({who})" if who else "")


def _answer_meta(question_id: str, question_text: str, who: str, at: str, cut_off: bool) -> dict[str, Any]:
    meta: dict[str, Any] = {"q": question_id, "who": who, "at": at, "question": question_text}
    if cut_off:  # the interview stopped mid-answer; finished on resume
        meta["cut"] = True
    return meta


def add_answer(
    path: Path, question_id: str, question_text: str, who: str, at: str, text: str, *, cut_off: bool = False
) -> int:
    meta = _answer_meta(question_id, question_text, who, at, cut_off)
    return append_entry(path, "answer", meta, text, answer_heading(question_text, who))


def add_answer_once(
    path: Path, question_id: str, question_text: str, who: str, at: str, text: str, *, cut_off: bool = False
) -> tuple[int, bool]:
    """Like add_answer, but the same answer (question, person, text) already in the file is not
    added again: (its number, whether it was added now). A command run again is safe."""
    meta = _answer_meta(question_id, question_text, who, at, cut_off)
    return append_once(path, "answer", meta, text, answer_heading(question_text, who), ("q", "who"))


def rewrite_answer(
    path: Path,
    number: int,
    question_id: str,
    question_text: str,
    who: str,
    at: str,
    text: str,
    *,
    cut_off: bool = False,
) -> None:
    """Rewrite answer `number` whole (a cut-off answer now finished)."""
    replace_entry(path, number, "answer", _answer_meta(question_id, question_text, who, at, cut_off), text)


def edit_answer(path: Path, answer: Answer, text: str, edited_at: str, earlier: list[str]) -> None:
    """Replace an earlier answer's text, keeping its fields, when it was edited and the texts it
    had before (`earlier`). Refused (PrepError) if entry `answer.number` is no longer that
    question and person: an entry number reused by a hand edit is never overwritten."""
    meta = {"q": answer.question_id, "who": answer.who, "at": answer.at, "question": answer.question_text}
    changed = {**meta, "edited": edited_at, "earlier": earlier}
    if answer.mark:  # your judgement of the answer stays with it
        changed["mark"] = answer.mark
    replace_entry(path, answer.number, "answer", changed, text, ("q", "who"))


def set_mark(path: Path, answer: Answer, mark: str) -> None:
    """Record your judgement of an answer ("reassuring", "worrying", or "" to clear it) in its
    marker, in one locked read-modify-write; its text and every other field stay as they are
    then. Refused (PrepError) if entry `answer.number` is gone or is no longer that question and
    person (a hand edit reused the number)."""

    def marked(text: str, found: list[blocks.Entry]) -> str:
        entry = next((e for e in found if e.number == answer.number and e.kind == "answer"), None)
        if entry is None or (entry.meta.get("q"), entry.meta.get("who")) != (answer.question_id, answer.who):
            raise PrepError(
                f"{path.name}: entry {answer.number} is no longer the answer to mark "
                "(changed by hand?), so it was left as it is."
            )
        kept = {key: value for key, value in entry.meta.items() if key not in (EXACT_TEXT, "mark")}
        return blocks.replace_entry(
            text, answer.number, kept | ({"mark": mark} if mark else {}), entry.text, "answer"
        )

    edit_entries(path, marked)


def add_skip(path: Path, question_id: str, who: str) -> int:
    return append_entry(path, "skip", {"q": question_id, "who": who}, "", "")


def add_flag(path: Path, severity: str, who: str, at: str, signal: str | None, text: str) -> int:
    heading = f"### Red flag ({severity}{', ' + who if who else ''}): {_gist(text)}"
    return append_entry(
        path, "flag", {"severity": severity, "who": who, "at": at, "signal": signal}, text, heading
    )


def _gist(text: str, limit: int = 80) -> str:
    """What a flag was, on one line, for its heading in the interview file."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def add_note(path: Path, at: str, text: str) -> int:
    return append_entry(path, "note", {"at": at}, text, "### Note")


def add_landed(path: Path, at: str, who: str, message: str) -> int:
    """One of your key messages, marked as landed (with whom you were talking, if known)."""
    heading = "### Key message landed" + (f" ({who})" if who else "")
    return append_entry(path, "landed", {"at": at, "who": who}, message, heading)


def earlier_texts(path: Path, number: int) -> list[str]:
    """The texts answer `number` had before its earlier edits (its `earlier` field)."""
    for entry in raw_entries(path):
        if entry.number == number and isinstance(entry.meta.get("earlier"), list):
            return [str(text) for text in entry.meta["earlier"]]
    return []
