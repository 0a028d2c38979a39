"""YAML front matter: read safely and fast, and change one field without touching the rest.

prep writes every value as JSON (valid YAML), one `key: value` per line, so the
usual file is read by a tiny JSON-per-line reader with no YAML import (start-up
time matters: `prep list` reads every company). A file a human edited into
richer YAML falls back to the hardened reader in yamlsafe.py (no aliases, no
deep nesting, no foreign tags, no endless integers). Nothing ever constructs
arbitrary objects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_prep.errors import PrepError
from interview_prep.jsonsafe import MAX_INT_DIGITS, json_value

if TYPE_CHECKING:
    from interview_prep.yamlsafe import Map

FENCE = "---"
_SIMPLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): (.*)")
_INT = re.compile(r"-?[0-9]+")
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}
# JSON leaves these raw, but YAML treats them as line breaks or non-printable.
_YAML_UNSAFE = {ch: f"\\u{ord(ch):04x}" for ch in "\u0085\u2028\u2029\ufeff"} | {
    chr(code): f"\\u{code:04x}" for code in range(0x7F, 0xA0)
}


class FrontMatter:
    """The parsed fields and where the body starts (an offset into the text)."""

    def __init__(self, fields: dict[str, Any], body_start: int, fence_line: int) -> None:
        self.fields = fields
        self.body_start = body_start
        self.fence_line = fence_line  # 1-based line number of the closing fence


def dump_value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return "".join(_YAML_UNSAFE.get(ch, ch) for ch in text)


def render(fields: dict[str, Any]) -> str:
    lines = [FENCE] + [f"{key}: {dump_value(value)}" for key, value in fields.items()] + [FENCE]
    return "\n".join(lines) + "\n"


def parse(text: str, path: Path) -> FrontMatter:
    """Split off and read the front matter; PrepError naming the file and line if broken."""
    span = _locate(text, path)
    header = text[len(FENCE) + 1 : span[0]]
    fields = _parse_simple(header)
    if fields is None:
        fields = _parse_yaml(header, path)
    return FrontMatter(fields, span[1], header.count("\n") + 2)


def set_field(text: str, key: str, value: Any, path: Path) -> str:
    """Change (or add) one top-level field, leaving every other byte as it was."""
    closing, _ = _locate(text, path)
    header_start = len(FENCE) + 1
    line = f"{key}: {dump_value(value)}"
    pattern = re.compile(rf"^{re.escape(key)}:[^\n]*$", re.MULTILINE)
    header = text[header_start:closing]
    match = pattern.search(header)
    if match is None:
        return text[:closing] + line + "\n" + text[closing:]
    start, end = header_start + match.start(), header_start + match.end()
    return text[:start] + line + text[end:]


def _locate(text: str, path: Path) -> tuple[int, int]:
    """(offset of the closing fence line, offset where the body starts)."""
    if text.startswith(("\ufeff", FENCE + "\r\n")):
        what = (
            "starts with a byte-order mark"
            if text.startswith("\ufeff")
            else "has Windows (CRLF) line endings"
        )
        raise PrepError(
            f"{path}:1:1: the file {what}; prep reads plain UTF-8 with LF line endings. "
            "Re-save it as 'UTF-8' with 'LF' endings in your editor (with git: core.autocrlf=input)."
        )
    if not text.startswith(FENCE + "\n"):
        raise PrepError(
            f"{path}:1:1: the file must start with a '---' line (its front matter). "
            "Restore the front matter from a backup or git, or re-create the file."
        )
    match = re.compile(r"^---[ \t]*$", re.MULTILINE).search(text, len(FENCE) + 1)
    if match is None:
        raise PrepError(
            f"{path}:1:1: the front matter that starts on line 1 is never closed. "
            "Add a line with just '---' after the last field."
        )
    body_start = match.end() + 1 if text[match.end() : match.end() + 1] == "\n" else match.end()
    return match.start(), body_start


def _parse_simple(header: str) -> dict[str, Any] | None:
    fields: dict[str, Any] = {}
    for line in header.splitlines():
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            return None
        key, raw = match.groups()
        if key in fields:
            return None  # let the YAML path report duplicates consistently
        if raw in _LITERALS:
            fields[key] = _LITERALS[raw]
        elif _INT.fullmatch(raw):
            if len(raw) > MAX_INT_DIGITS:
                return None  # the YAML path reports it, located
            fields[key] = int(raw)
        elif raw[:1] in '"[{':
            try:
                fields[key] = json_value(raw)
            except ValueError:
                return None
        else:
            return None
    return fields


def _parse_yaml(header: str, path: Path) -> dict[str, Any]:
    """Hand-edited front matter, read by the hardened composer (no aliases, no deep nesting)."""
    from interview_prep.yamlsafe import Composer, Limits, Map, to_python

    composer = Composer(Limits("the front matter", max_depth=8, needed_depth=2, max_events=20_000))
    root = composer.compose(header)
    if composer.problems:
        line, col, message = composer.problems[0]
        if "alias" in message or "anchor" in message:
            message += " (prep does not expand aliases)"
        raise PrepError(
            f"{path}:{line + 1}:{col}: the front matter is not valid YAML ({message}). Fix that line in your editor."
        )
    if root is None:
        return {}
    if not isinstance(root, Map):
        raise PrepError(f"{path}:2:1: the front matter must be 'key: value' lines. Fix it in your editor.")
    _refuse_duplicate_keys(root, path)
    try:
        data = to_python(root)
    except ValueError as error:
        raise PrepError(
            f"{path}: the front matter is not valid here, line {error}. Fix it in your editor."
        ) from None
    return {str(key): value for key, value in data.items()}


def _refuse_duplicate_keys(root: Map, path: Path) -> None:
    """PyYAML keeps the last of two equal keys, but set_field changes the first: refuse, so an edit is never lost."""
    from interview_prep.yamlsafe import Scalar

    seen: dict[str, int] = {}
    for key_node, _value in root.pairs:
        if not isinstance(key_node, Scalar):
            continue
        line = key_node.line + 1
        if key_node.value in seen:
            raise PrepError(
                f"{path}:{line}:{key_node.col}: the front matter has '{key_node.value}' twice "
                f"(also on line {seen[key_node.value]}). Keep one of them."
            )
        seen[key_node.value] = line
