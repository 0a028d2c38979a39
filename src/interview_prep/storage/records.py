"""Dated records kept in owned blocks of `company.md`: scheduled rounds, status history, due dates.

Each record is one list line: readable words first, then its fields as JSON
in a marker comment that prep finds again:

    <!-- prep:begin schedule -->
    ## Scheduled rounds

    - Fri 4 Dec 2026 15:00 (Europe/Berlin): onsite <!-- prep:round {"id": "...", ...} -->
    <!-- prep:end schedule -->

prep adds or replaces whole lines inside the block; the words before the
marker are regenerated, so edit the JSON (or delete the line) to change one.
A company file that gains its first record block moves to format 2 (format 1
files have none of these blocks, so the move loses nothing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_prep.errors import PrepError
from interview_prep.storage import blocks, frontmatter
from interview_prep.storage.atomic import read_text
from interview_prep.storage.companies import COMPANY_FORMAT, company_file, update_company_file

_RECORD = re.compile(r"^- (.*?) ?<!-- prep:([a-z]+) (\{.*\}) -->$")


@dataclass(frozen=True)
class Block:
    name: str  # the section's marker name
    heading: str  # the Markdown heading written above the records
    kind: str  # the marker kind of each record line


SCHEDULE = Block("schedule", "## Scheduled rounds", "round")
HISTORY = Block("history", "## Status history", "status")
DUE = Block("due", "## Follow-up dates", "due")
DONE = Block("done", "## When follow-ups were done", "done")
OFFERS = Block("offers", "## Offers", "offer")


def read_records(text: str, block: Block, path: Path) -> list[dict[str, Any]]:
    """The JSON fields of every record line in the block, in file order."""
    return [fields for _line, fields in located_records(text, block, path)]


def located_records(text: str, block: Block, path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number in the file, JSON fields) of every record line in the block, in file order."""
    span = blocks.find_section(text, block.name, path)
    if span is None:
        return []
    inner = text[span[0] : span[1]]
    records: list[tuple[int, dict[str, Any]]] = []
    first_line = text.count("\n", 0, span[0]) + 1
    for offset, line in enumerate(inner.split("\n")):
        match = _RECORD.match(line.rstrip())
        if match is None or match.group(2) != block.kind:
            continue
        try:
            fields = json.loads(match.group(3))
        except ValueError:
            fields = None
        if not isinstance(fields, dict):
            raise PrepError(
                f"{path}:{first_line + offset}:1: this {block.kind} line's fields are not valid JSON. "
                "Fix the text between '{' and '}' or delete the line (see docs/format.md)."
            )
        records.append((first_line + offset, fields))
    return records


def is_record(line: str, block: Block) -> bool:
    """Whether the line is one of the block's record lines (its marker where prep looks for it)."""
    match = _RECORD.match(line.rstrip())
    return match is not None and match.group(2) == block.kind


def company_records(home: Path, slug: str, block: Block) -> list[dict[str, Any]]:
    path = company_file(home, slug)
    return read_records(read_text(path), block, path)


def record_line(block: Block, fields: dict[str, Any], words: str) -> str:
    payload = json.dumps(fields, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f"- {' '.join(words.split())} <!-- prep:{block.kind} {payload} -->"


def add_record(
    home: Path,
    slug: str,
    block: Block,
    fields: dict[str, Any],
    words: str,
    replaces: Callable[[dict[str, Any]], bool] = lambda _fields: False,
) -> None:
    """Append one record line (or replace the lines `replaces` picks) under the company's lock."""
    update_company_file(
        home, slug, lambda text, path: with_record(text, path, block, fields, words, replaces)
    )


def with_record(
    text: str,
    path: Path,
    block: Block,
    fields: dict[str, Any],
    words: str,
    replaces: Callable[[dict[str, Any]], bool] = lambda _fields: False,
) -> str:
    inner = blocks.read_section(text, block.name, path)
    if inner is None:
        lines = [block.heading, ""]
    else:
        lines = [line for line in inner.rstrip("\n").split("\n") if not _replaced(line, block, replaces)]
    lines.append(record_line(block, fields, words))
    text = blocks.replace_section(text, block.name, "\n".join(lines) + "\n", path)
    return migrate(text, path)


def _replaced(line: str, block: Block, replaces: Callable[[dict[str, Any]], bool]) -> bool:
    match = _RECORD.match(line.rstrip())
    if match is None or match.group(2) != block.kind:
        return False
    try:
        fields = json.loads(match.group(3))
    except ValueError:
        return False
    return isinstance(fields, dict) and replaces(fields)


def migrate(text: str, path: Path) -> str:
    """A format-1 company file that gains a record block says so: format 2."""
    version = frontmatter.parse(text, path).fields.get("format")
    if version == COMPANY_FORMAT:
        return text
    return frontmatter.set_field(text, "format", COMPANY_FORMAT, path)
