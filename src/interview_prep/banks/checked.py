"""What checking a bank file gives: its problems, located, and the bank as model objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from interview_prep.banks.model import PrepPrompt, Question, Signal


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a bank file; line and col are 1-based."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedBank:
    """A bank file with no problems, as model objects."""

    id: str
    title: str
    description: str
    path: str
    questions: tuple[Question, ...]
    signals: tuple[Signal, ...]
    prep: tuple[PrepPrompt, ...]
    id_places: Mapping[str, tuple[int, int]]  # item id -> (line, col) where it is defined
    bank_place: tuple[int, int]


@dataclass(slots=True)
class FileCheck:
    """Everything learned from one file, even when it has problems."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    bank: ParsedBank | None = None
    bank_id: str | None = None
    bank_place: tuple[int, int] = (1, 1)
    id_places: dict[str, tuple[int, int]] = field(default_factory=dict)
