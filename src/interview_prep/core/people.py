"""The people you met, across companies: one per company and name, joined where you said so. Pure."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Said:
    company: str
    interview: str  # interview id
    question: str
    text: str
    at: str


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)  # display names
    keys: list[tuple[str, str]] = field(default_factory=list)  # (company slug, name key)
    rounds: int = 0
    last_met: str = ""
    said: list[Said] = field(default_factory=list)


def name_key(name: str) -> str:
    """The same name however it was typed: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def merged(
    by_key: dict[tuple[str, str], Person], groups: Sequence[Sequence[tuple[str, str]]]
) -> list[Person]:
    people = dict(by_key)
    for group in groups:
        members = [people.pop(key) for key in group if key in people]
        if not members:
            continue
        joined = members[0]
        for other in members[1:]:
            joined.keys += other.keys
            joined.companies += [c for c in other.companies if c not in joined.companies]
            for role in other.roles:
                add_unique(joined.roles, role)
            joined.rounds += other.rounds
            joined.last_met = max(joined.last_met, other.last_met)
            joined.said += other.said
        for key in joined.keys:
            people[key] = joined
    unique: dict[int, Person] = {id(person): person for person in people.values()}
    return list(unique.values())


def add_unique(items: list[str], item: str) -> None:
    if item and item not in items:
        items.append(item)
