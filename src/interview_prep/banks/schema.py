"""The bank schema of docs/banks.md as data (the keys each item may and must have, the id
shapes, the size limits) and the small helpers that word a problem."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import yaml

from interview_prep.output import one_line
from interview_prep.yamlsafe import MAX_EVENTS, Limits, Map, Node, Seq

MAX_BANK_BYTES = 1024 * 1024  # shipped banks are a few KB; anything this big is not a bank
MAX_DEPTH = 20  # the schema needs 5 levels
MAX_PROBLEMS_PER_FILE = 50
MAX_CAUTION_CHARS = 200  # shown on one line of the ask screen and the checklist

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Characters YAML refuses (the spec's c-printable, inverted); we name them ourselves.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

BANK_LIMITS = Limits("a bank", MAX_DEPTH, needed_depth=5, max_events=MAX_EVENTS)
CONSTRUCTOR = yaml.constructor.SafeConstructor()

BANK_KEYS = ("bank", "title", "description", "questions", "signals", "prep")
BANK_REQUIRED = ("bank", "title", "description")
QUESTION_KEYS = (
    "id", "text", "category", "why", "ask", "when", "priority",
    "listen_for", "fits", "follow_ups", "answer", "source",
    "tracks", "company_types", "caution",
)  # fmt: skip
QUESTION_REQUIRED = ("id", "text", "category", "why", "ask", "when", "priority", "listen_for")
LISTEN_FOR_KEYS = ("good", "worrying")
FITS_KEYS = ("stage", "size", "role")
ANSWER_KEYS = ("kind", "metric", "unit", "flag_above", "flag_below")
ANSWER_REQUIRED = ("kind", "metric", "unit")
SIGNAL_KEYS = ("id", "text", "why", "severity", "match", "unless", "source")
SIGNAL_REQUIRED = ("id", "text", "why", "severity")
PREP_KEYS = ("id", "prompt", "why", "kind", "min", "max", "source")
PREP_REQUIRED = ("id", "prompt", "why", "kind")


# --- Checking the node tree against the schema --------------------------------


def did_you_mean(word: str, choices: Iterable[str], aliases: Mapping[str, str] | None = None) -> str:
    import difflib  # only needed when a file has problems; keeps `prep` start-up lean

    if aliases and (known := aliases.get(word.strip().lower().replace(" ", "-").replace("_", "-"))):
        return f" (did you mean '{known}'?)"
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def kind_of(node: Node) -> str:
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    return "text"


def items_of(node: Node | None) -> list[Node]:
    return node.items if isinstance(node, Seq) else []


def is_filled(node: Node) -> bool:
    return isinstance(node, Seq) and bool(node.items)


def short(value: str, limit: int = 60) -> str:
    value = one_line(value)
    return value if len(value) <= limit else value[: limit - 3] + "..."


def unknown_value(
    noun: str, value: str, allowed: Sequence[str], where: str = "", aliases: Mapping[str, str] | None = None
) -> str:
    place = f" in {where}" if where and where != noun else ""
    hint = did_you_mean(value, allowed, aliases)
    return f"unknown {noun} '{short(value)}'{place}{hint}; allowed: {', '.join(allowed)}"
