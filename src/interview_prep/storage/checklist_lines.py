"""Every line of a company's checklist block, read leniently: a bank question, one of your own,
a line you added by hand (given an id), or a problem to report. Nothing is silently ignored.

A line of your own carries its own marker: the id, the priority and whom to ask.

    - [ ] What does on-call look like? _(mine, must)_ <!-- own:mine-what-does-on-call must engineer -->

A top-level list line with no marker (written by hand) is one of your own
questions: it is planned under an id made from its words, and the next `prep
add` or `prep ask` writes that id on it. Indented lines (a question's caution), headings and
prose are yours and left alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from interview_prep.banks.model import AUDIENCES, PRIORITIES
from interview_prep.errors import PrepError

OWN_PREFIX = "mine-"
ANY_ROLE = "anyone"  # no --for: the first person in the room
_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(.*)$")
_BOX = re.compile(r"^\[([ xX]?)\][ \t]*")
_MARKER = re.compile(r"[ \t]*<!--(.*?)-->[ \t]*$")
_BANK_MARKER = re.compile(r"^ q:([a-z0-9-]+) $")
_OWN_MARKER = re.compile(r"^ own:([a-z0-9-]+) ([a-z]+) ([a-z-]+) $")
_HINT = re.compile(r"[ \t]*_\([^()]*\)_$")
MAX_ID_WORDS = 6


@dataclass(frozen=True)
class OwnLine:
    """One of your own questions as the checklist holds it."""

    question_id: str
    text: str
    priority: str  # must | should | could
    audience: str  # an interviewer type, "everyone", or ANY_ROLE
    done: bool
    line: int  # 1-based, in the whole file
    marked: bool  # False: added by hand, its id made from its words


@dataclass(frozen=True)
class ChecklistLines:
    bank_ids: list[str]  # bank questions, in checklist order (unknown ids left out and reported)
    own: list[OwnLine]
    problems: list[str]  # one line each: where, what, how to fix


class _Problem(str):
    """A line prep cannot place: where, what, how to fix."""


def read_lines(text: str, path: Path, known_ids: Collection[str]) -> ChecklistLines:
    from interview_prep.storage import blocks

    span = blocks.find_section(text, "checklist", path)
    if span is None:
        return ChecklistLines([], [], [])
    first_line = text.count("\n", 0, span[0]) + 1
    bank: list[str] = []
    own: dict[str, OwnLine] = {}  # by id: a line pasted twice is one question
    unmarked: list[OwnLine] = []
    problems: list[str] = []
    for offset, raw in enumerate(text[span[0] : span[1]].split("\n")):
        found = _classify(raw.rstrip("\r"), first_line + offset, f"{path}:{first_line + offset}", known_ids)
        if isinstance(found, _Problem):
            problems.append(str(found))
        elif isinstance(found, str):
            bank.append(found)
        elif isinstance(found, OwnLine) and found.marked:
            own.setdefault(found.question_id, found)
        elif found is not None:
            unmarked.append(found)
    taken = set(bank) | set(own) | set(known_ids)
    for line in unmarked:
        question_id = new_id(line.text, taken)
        taken.add(question_id)
        own[question_id] = replace(line, question_id=question_id)
    return ChecklistLines(bank, sorted(own.values(), key=lambda line: line.line), problems)


def _classify(line: str, number: int, where: str, known_ids: Collection[str]) -> str | OwnLine | None:
    """A bank id, one of your own questions (unmarked: its id still to give), a _Problem, or None
    for a line that is not a top-level list item (a heading, prose, a caution under a question)."""
    item = _ITEM.match(line)
    if item is None:
        return None
    rest = item.group(1)
    box = _BOX.match(rest)
    done = bool(box and box.group(1).strip())
    rest = rest[box.end() :] if box else rest
    marker = _MARKER.search(rest)
    words = _HINT.sub("", rest[: marker.start()] if marker else rest).strip()
    if marker is None and "<!--" not in rest:
        if not words:
            return _Problem(
                f"{where}: an empty checklist line; write a question after the box, or delete it."
            )
        if box is None:
            return _Problem(
                f"{where}: '{_short(words)}' has no box, so it is not a question prep asks; "
                "write it as '- [ ] your question' to ask it, or move it out of the checklist block."
            )
        return OwnLine("", words, "should", ANY_ROLE, done, number, False)
    inside = marker.group(1) if marker else ""
    if (bank := _BANK_MARKER.match(inside)) is not None:
        if bank.group(1) in known_ids:
            return bank.group(1)
        return _Problem(
            f"{where}: the checklist names question '{bank.group(1)}', which no bank has (renamed, or from "
            "a bank that is gone?); correct the id after 'q:', or delete the line."
        )
    own = _OWN_MARKER.match(inside)
    if own is not None and own.group(2) in PRIORITIES and own.group(3) in (*AUDIENCES, ANY_ROLE) and words:
        return OwnLine(own.group(1), words, own.group(2), own.group(3), done, number, True)
    return _Problem(
        f"{where}: prep cannot read the marker on '{_short(words) or line.strip()}'; "
        "delete the <!-- ... --> part and prep gives the line a new id, or "
        "restore it as <!-- q:ID --> or <!-- own:ID PRIORITY ROLE -->."
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def new_id(text: str, taken: Collection[str]) -> str:
    """An id made from the question's first words ('mine-what-does-on-call'), unique among `taken`."""
    words = re.findall(r"[a-z0-9]+", text.lower())[:MAX_ID_WORDS]
    base = OWN_PREFIX + ("-".join(words) or "question")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def own_line(question_id: str, text: str, priority: str, audience: str) -> str:
    return f"- [ ] {text} _(mine, {priority})_ <!-- own:{question_id} {priority} {audience} -->"


OWN_HEADING = "### My own questions"


def with_own_lines(text: str, path: Path, lines: ChecklistLines, new: Sequence[str]) -> str:
    """The file with a marker on every hand-added line, and `new` lines under "My own questions"."""
    from interview_prep.storage import blocks

    span = blocks.find_section(text, "checklist", path)
    if span is None:
        raise PrepError(
            f"{path} has no checklist block (the <!-- prep:begin checklist --> and <!-- prep:end checklist --> "
            "lines); restore them around your questions."
        )
    first_line = text.count("\n", 0, span[0]) + 1
    inner = text[span[0] : span[1]].split("\n")
    ending = "\r" if any(line.endswith("\r") for line in inner) else ""  # keep a CRLF file CRLF
    for own in lines.own:
        if not own.marked:
            index = own.line - first_line
            marked = own_line(own.question_id, own.text, own.priority, own.audience)
            inner[index] = (marked.replace("[ ]", "[x]", 1) if own.done else marked) + ending
    if new:
        inner = _append_own(inner, [line + ending for line in new], ending)
    return text[: span[0]] + "\n".join(inner) + text[span[1] :]


def _append_own(inner: list[str], new: Sequence[str], ending: str) -> list[str]:
    """`new` at the end of the "My own questions" group (added at the end of the block if missing)."""
    stripped = [line.rstrip("\r") for line in inner]
    if OWN_HEADING in stripped:
        at = stripped.index(OWN_HEADING) + 1
        while at < len(stripped) and not stripped[at].startswith("#"):
            at += 1
        while at > 0 and not stripped[at - 1].strip():
            at -= 1
        return inner[:at] + list(new) + inner[at:]
    while inner and not inner[-1].strip():
        inner = inner[:-1]
    return [*inner, ending, OWN_HEADING + ending, ending, *new, ending, ""]
