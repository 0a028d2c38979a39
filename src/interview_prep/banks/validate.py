"""Check question-bank YAML files against docs/banks.md and turn them into model objects.

Every problem is reported as `path:line:col: message`, and all of a file's
problems are reported, not only the first.

Banks come from users, so the files are treated as hostile: they are read by
yamlsafe.Composer (events one at a time, a depth limit, no anchors, aliases or
foreign tags, line:column for every value). On 22 files / 200 questions this
is as fast as yaml.load with CSafeLoader, so the loader uses this same path
rather than a separate fast one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from interview_prep.banks.checked import FileCheck, ParsedBank, Problem
from interview_prep.banks.reader import BankReader
from interview_prep.banks.schema import (
    BANK_LIMITS,
    MAX_BANK_BYTES,
    MAX_DEPTH,
    MAX_PROBLEMS_PER_FILE,
    NOT_PRINTABLE,
)
from interview_prep.yamlsafe import Composer, GiveUp, read_limited

__all__ = ["MAX_BANK_BYTES", "MAX_DEPTH", "MAX_PROBLEMS_PER_FILE", "FileCheck", "ParsedBank", "Problem"]


# --- Reading bytes -----------------------------------------------------------


def read_bank_text(path: Path | str) -> tuple[str | None, Problem | None]:
    """The file's text, or why it cannot be a bank. Checks the size before reading."""
    shown = str(path)
    try:
        data = read_limited(path, MAX_BANK_BYTES)
    except OSError as error:
        return None, Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}")
    if data is None:
        return None, _too_large(shown)
    return decode_bank_bytes(data, shown)


def _too_large(path: str) -> Problem:
    limit = MAX_BANK_BYTES // 1024
    return Problem(path, 1, 1, f"file is larger than {limit} KB; a question bank is a few KB")


def decode_bank_bytes(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "not UTF-8 text: it looks like UTF-16; save the file as UTF-8"
        return None, Problem(path, 1, 1, message)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line, col = _byte_place(data, error.start)
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        return None, Problem(path, line, col, message)


def _byte_place(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace"))
    return data.count(b"\n", 0, offset) + 1, column + 1


def _text_place(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# --- Public entry points --------------------------------------------------------


_BANK_NEEDS = "a bank needs bank, title, description and questions"


def check_text(text: str, path: str) -> FileCheck:
    """Check one bank's text; `path` is only for messages."""
    check = FileCheck(path)
    if len(text) > MAX_BANK_BYTES:
        check.problems.append(_too_large(path))
        return check
    if not text.strip():
        check.problems.append(Problem(path, 1, 1, f"file is empty; {_BANK_NEEDS}"))
        return check
    if bad := NOT_PRINTABLE.search(text):
        line, col = _text_place(text, bad.start())
        check.problems.append(Problem(path, line, col, _unprintable_message(bad.group())))
        return check
    composer = Composer(BANK_LIMITS)
    root = composer.compose(text)
    check.problems.extend(Problem(path, line, col, message) for line, col, message in composer.problems)
    if root is None and not composer.problems:
        check.problems.append(Problem(path, 1, 1, f"file has only comments; {_BANK_NEEDS}"))
    elif root is not None:
        try:
            BankReader(check).read(root)
        except GiveUp as stop:
            check.problems.append(Problem(path, stop.line, stop.col, stop.message))
    if check.problems:
        check.bank = None
        check.problems.sort(key=lambda problem: (problem.line, problem.col))
    return check


def _unprintable_message(char: str) -> str:
    if char == "\x00":
        return "contains a NUL byte; is it a binary file? a bank must be UTF-8 text"
    return f"contains the control character U+{ord(char):04X}, which YAML does not allow; remove it"


def check_file(path: Path | str) -> FileCheck:
    """Read and check one bank file; never raises for anything in or about the file."""
    text, problem = read_bank_text(path)
    if text is None:
        check = FileCheck(str(path))
        if problem is not None:
            check.problems.append(problem)
        return check
    return check_text(text, str(path))


class IdRegistry:
    """Where each item id and bank id was first defined, to find duplicates across files."""

    def __init__(self) -> None:
        self.items_of: dict[str, str] = {}
        self._banks: dict[str, str] = {}

    def claim(self, check: FileCheck) -> list[Problem]:
        """Record this file's ids; problems for those already claimed by an earlier file."""
        problems = []
        for item_id, (line, col) in check.id_places.items():
            if item_id in self.items_of:
                first = self.items_of[item_id]
                message = f"duplicate id '{item_id}' (already used in {first}); ids must be unique"
                problems.append(Problem(check.path, line, col, message))
            else:
                self.items_of[item_id] = f"{check.path}:{line}:{col}"
        if check.bank_id is not None:
            line, col = check.bank_place
            if check.bank_id in self._banks:
                first = self._banks[check.bank_id]
                message = f"bank id '{check.bank_id}' is already used by {first}; pick another"
                problems.append(Problem(check.path, line, col, message))
            else:
                self._banks[check.bank_id] = f"{check.path}:{line}:{col}"
        return problems


def check_files(paths: Sequence[Path | str]) -> list[Problem]:
    """Every problem in these files, including ids duplicated across them, in file order,
    then questions in them too alike to keep both (banks/similar.py)."""
    from interview_prep.banks import similar

    registry = IdRegistry()
    problems: list[Problem] = []
    placed: list[similar.Placed] = []
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        check = check_file(path)
        file_problems = check.problems + registry.claim(check)
        problems.extend(sorted(file_problems, key=lambda problem: (problem.line, problem.col)))
        if check.bank is not None and not file_problems:
            bank = check.bank
            placed += [similar.Placed(q, bank.path, *bank.id_places[q.id]) for q in bank.questions]
    for item, message in similar.duplicate_messages(placed):
        problems.append(Problem(item.path, item.line, item.col, message))
    return problems
