"""JSON that prep wrote and a person may have edited (markers, front-matter values), read
with limits: nesting depth and integer length are refused (ValueError) before Python's
own limits turn them into a crash. Small and free of YAML: `prep list` needs only this."""

from __future__ import annotations

import json
from typing import Any

MAX_INT_DIGITS = 18  # no count, limit or id prep stores comes near this
MAX_JSON_DEPTH = 8  # a marker is one object of plain values


def json_value(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """`json.loads` that refuses nesting deeper than `max_depth` and integers longer than
    MAX_INT_DIGITS (ValueError), before Python's own limits turn them into a crash."""
    if too_deep(text, max_depth):
        raise ValueError(f"nested more than {max_depth} levels deep")
    return json.loads(text, parse_int=bounded_int)


def too_deep(text: str, max_depth: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON `text` nests deeper than `max_depth` (counted in C first: usually no scan)."""
    return text.count("[") + text.count("{") > max_depth and _depth(text) > max_depth


def bounded_int(digits: str) -> int:
    """A JSON integer, refused (ValueError) if it is longer than any value prep stores."""
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number with more than {MAX_INT_DIGITS} digits")
    return int(digits)


def _depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings."""
    deepest = depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest
