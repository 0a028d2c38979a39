"""docs/json.md and what each --json prints hold the same keys, and each document carries "format".

A new command with --json needs a section in docs/json.md and a row in COMMANDS.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import commands_with_option, prep
from interview_prep.storage.entries import add_landed
from review_fixture import build

DOC = Path(__file__).resolve().parents[1] / "docs" / "json.md"
# Objects whose keys are data (a metric's name, an interviewer's name), documented as `*`.
DATA_KEYED = {"metrics", "answers", "thresholds"}

COMMANDS: dict[str, list[str]] = {
    "prep list --json": ["list", "--json"],
    "prep review --json": ["review", "--json"],
    "prep review COMPANY --json": ["review", "acme", "--json"],
    "prep config show --json": ["config", "show", "--json"],
    "prep banks list --json": ["banks", "list", "--json"],
    "prep agenda --json": ["agenda", "--json", "--days", "3660"],
    "prep log COMPANY --json": ["log", "acme", "--json"],
    "prep people --json": ["people", "--json"],
    "prep stats --json": ["stats", "--json"],
    "prep plan COMPANY --json": [
        "plan",
        "acme",
        "--with",
        "Dana:hiring-manager",
        "--minutes",
        "10",
        "--json",
    ],
    "prep offers --json": ["offers", "--json", "--multiple", "3"],
    "prep compare --json": ["compare", "--json", "--weight", "work-life=2"],
}


EVERY_OFFER_TERM = (
    "offer", "acme", "--base", "85000", "--bonus", "5000", "--currency", "EUR", "--expires", "2030-01-10",
    "--equity-type", "options", "--grant", "4800", "--strike", "1", "--vest-years", "4",
    "--cliff-months", "12", "--vest-every", "monthly", "--exercise-window", "90 days",
    "--share-price", "3", "--pension-match", "5", "--leave-days", "28", "--benefits", "gym",
)  # fmt: skip


def key_paths(value: Any, prefix: str = "") -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        data_keyed = prefix.rsplit(".", 1)[-1] in DATA_KEYED  # `answers[]` is a list of records
        for key, item in value.items():
            path = f"{prefix}.{'*' if data_keyed else key}" if prefix else key
            found |= {path} | key_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            found |= key_paths(item, prefix + "[]")
    return found


def documented() -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    for line in DOC.read_text().splitlines():
        if heading := re.match(r"## `([^`]+)`", line):
            current = heading.group(1)
            sections[current] = set()
        elif current and (row := re.match(r"\| `([^`]+)` \|", line)):
            sections[current].add(row.group(1))
    return sections


@pytest.fixture
def full_home(prep_home: Path) -> Path:
    """A company with every part of a review filled, and a config with every setting."""
    build(prep_home)
    scheduled = ("schedule", "acme", "2030-01-07 15:00", "--with", "Dana:hiring-manager", "--minutes", "45")
    assert prep(*scheduled)[0] == 0
    assert prep(*EVERY_OFFER_TERM)[0] == 0
    (prep_home / "config.yaml").write_text(
        "thresholds:\n  hours_per_week: 45\ndealbreakers: [unlimited overtime]\nvalues: [mentoring, ownership]\n"
        "key_messages: [I led the billing rewrite, I mentor new engineers]\n"
    )
    first_round = sorted((prep_home / "acme" / "interviews").glob("*.md"))[0]
    add_landed(first_round, "2026-11-10T14:30:00+00:00", "Dana", "I led the billing rewrite")
    return prep_home


def test_every_json_command_is_documented() -> None:
    assert set(documented()) == set(COMMANDS)


@pytest.mark.slow
@pytest.mark.usefixtures("full_home")
@pytest.mark.parametrize("title", list(COMMANDS))
def test_documented_keys_match_the_output(title: str) -> None:
    code, out, err = prep(*COMMANDS[title])
    assert code == 0, err
    data = json.loads(out)
    assert data["format"] == 1
    printed = key_paths(data)
    listed = documented()[title]
    assert printed - listed == set(), "printed but not documented in docs/json.md"
    assert listed - printed == set(), "documented in docs/json.md but not printed"


@pytest.mark.slow
def test_json_escapes_every_control_character(full_home: Path) -> None:
    company = full_home / "acme" / "company.md"
    company.write_text(
        company.read_text().replace('role: "Staff Engineer"', 'role: "a\\u001bb\\u009bc\\u007fd"')
    )
    code, out, _ = prep("list", "--json")
    assert code == 0
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    assert json.loads(out)["companies"][0]["role"] == "a\x1bb\x9bc\x7fd"


def test_every_command_with_json_is_in_the_table() -> None:
    covered = {_command_of(args) for args in COMMANDS.values()}
    assert commands_with_option("--json") - covered == set(), "add a row to COMMANDS (and docs/json.md)"


def _command_of(args: list[str]) -> str:
    return " ".join(args[:2]) if args[0] in ("banks", "config") else args[0]
