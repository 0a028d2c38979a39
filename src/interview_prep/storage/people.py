"""`<home>/people.md`: which people met at different companies are the same person.

Everything else about people is read from the interview files; this file
holds only what the user said (`prep people merge`), as record lines in an
owned block (storage/records.py), so it can be read and edited by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview_prep.storage import records
from interview_prep.storage.atomic import atomic_write, folder_lock, read_text
from interview_prep.storage.home import ensure_home

PEOPLE_FILE = "people.md"
SAME = records.Block("people", "## The same person", "same")
_NEW_FILE = (
    "---\nformat: 2\n---\n# People\n\nprep lists everyone you met from your interview files. "
    "The lines below say who is the same person at different companies.\n\n"
)


def read_merges(home: Path) -> list[list[tuple[str, str]]]:
    """Groups of (company slug, name key) that are one person."""
    path = home / PEOPLE_FILE
    if not path.exists():
        return []
    groups = []
    for fields in records.read_records(read_text(path), SAME, path):
        members = fields.get("people")
        if isinstance(members, list):
            groups.append([(str(m[0]), str(m[1])) for m in members if isinstance(m, list) and len(m) == 2])
    return groups


def add_merge(home: Path, members: list[tuple[str, str]], words: str) -> None:
    ensure_home(home)
    path = home / PEOPLE_FILE
    fields: dict[str, Any] = {"people": [list(member) for member in members]}
    with folder_lock(home):
        text = read_text(path) if path.exists() else _NEW_FILE
        atomic_write(path, records.with_record(text, path, SAME, fields, words))
