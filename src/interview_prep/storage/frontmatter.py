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
FORMAT_VERSION = 1  # the on-disk format (docs/format.md) this prep reads and writes
NEWEST_FORMAT = 2  # company.md is format 2 (storage/companies.py); every version up to it is read
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
    """Split off and read the front matter; PrepError naming the file and line if broken.

    `text` is a file as prep reads it (storage.textfile.normalise: LF endings, no BOM).
    """
    start, closing, body_start = _locate(text, path)
    header = text[start:closing]
    fields = _parse_simple(header)
    if fields is None:
        fields = _parse_yaml(header, path)
    _check_format(fields, header, path)
    return FrontMatter(fields, body_start, header.count("\n") + 2)


def set_field(text: str, key: str, value: Any, path: Path) -> str:
    """Change (or add) one top-level field, leaving every other byte as it was.

    A field a person wrote in richer YAML (a block scalar, a quoted key, a
    trailing comment, a flow map) has only its value replaced. The result is
    read back before it is returned: if any other field would read differently,
    or the front matter would not read at all, the edit is refused with one line.
    """
    before = parse(text, path).fields
    start, closing, _ = _locate(text, path)
    header = text[start:closing]
    if _parse_simple(header) is not None:
        new_header = _set_simple(header, key, value)
    else:
        new_header = _set_yaml(header, key, value)
    changed = text[:start] + new_header + text[closing:]
    try:
        after = parse(changed, path).fields
    except PrepError:
        after = None
    if after != {**before, key: value}:
        line = _key_line(header, key)
        raise PrepError(
            f"{path}:{line}:1: prep cannot change '{key}' without changing how the rest of your front "
            f"matter reads (its YAML form is one prep does not edit); nothing was written. "
            f"Set it by hand to: {key}: {dump_value(value)}"
        )
    return changed


def _set_simple(header: str, key: str, value: Any) -> str:
    line = f"{key}: {dump_value(value)}"
    match = re.compile(rf"^{re.escape(key)}:[^\n]*$", re.MULTILINE).search(header)
    if match is None:
        return header + line + "\n"
    return header[: match.start()] + line + header[match.end() :]


def _set_yaml(header: str, key: str, value: Any) -> str:
    """Replace the value of `key` where YAML says it is (the key itself, comments and layout stay)."""
    span, flow_root = _value_span(header, key)
    if span is not None:
        start, end = span
        old = header[start:end]
        new = dump_value(value) + old[len(old.rstrip("\n")) :][:1]
        if start == 0 or header[start - 1] not in " \t\n":
            new = " " + new
        return header[:start] + new + header[end:]
    if flow_root:
        return header  # the check in set_field refuses: a line added after a flow map breaks it
    separator = "" if not header or header.endswith("\n") else "\n"
    return header + separator + f"{key}: {dump_value(value)}\n"


def _value_span(header: str, key: str) -> tuple[tuple[int, int] | None, bool]:
    """(character span of the top-level value of `key`, whether the root is a flow map).

    Walks YAML's event stream (the pure-Python parser, whose marks are character
    offsets); nothing is composed or expanded. `parse` has already checked the
    header with the hardened reader before any edit gets here.
    """
    import yaml

    depth, expecting_key, flow_root = 0, True, False
    found_key, span_start = False, -1
    for event in yaml.parse(header, Loader=yaml.SafeLoader):
        opens = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
        closes = isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
        if depth == 0 and isinstance(event, yaml.MappingStartEvent):
            flow_root = bool(event.flow_style)
        if depth == 1 and (opens or isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent))):
            if expecting_key:
                found_key = isinstance(event, yaml.ScalarEvent) and event.value == key
            elif found_key:
                span_start = _index(event.start_mark)
                if not opens:
                    return (span_start, _index(event.end_mark)), flow_root
            expecting_key = not expecting_key
        depth += 1 if opens else -1 if closes else 0
        if closes and depth == 1 and span_start >= 0:
            return (span_start, _index(event.end_mark)), flow_root
    return None, flow_root


def _index(mark: Any) -> int:
    if mark is None:  # the pure parser always sets marks; a missing one stops the edit safely
        raise PrepError("the front matter could not be located for an edit")
    return int(mark.index)


def _key_line(header: str, key: str) -> int:
    for number, line in enumerate(header.split("\n"), start=2):
        if re.match(rf"""\s*["']?{re.escape(key)}["']?\s*:""", line):
            return number
    return 2


def _check_format(fields: dict[str, Any], header: str, path: Path) -> None:
    """A file without `format` is taken as version 1 (hand-made); any other version is refused."""
    if "format" not in fields:
        return
    version = fields["format"]
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and FORMAT_VERSION <= version <= NEWEST_FORMAT
    ):
        return
    where = f"{path}:{_key_line(header, 'format')}:1"
    if isinstance(version, int) and not isinstance(version, bool) and version > NEWEST_FORMAT:
        raise PrepError(
            f"{where}: this file is in format {version}, written by a newer prep; this prep reads "
            f"formats {FORMAT_VERSION}-{NEWEST_FORMAT} and will not change it. Upgrade prep (pipx upgrade interview-prep)."
        )
    shown = " ".join(repr(version).split())[:40]
    raise PrepError(
        f"{where}: 'format' is {shown}, but prep reads formats {FORMAT_VERSION}-{NEWEST_FORMAT}. "
        "Set the line back to the number prep wrote there"
    )


def _locate(text: str, path: Path) -> tuple[int, int, int]:
    """(offset where the header starts, offset of the closing fence line, offset where the body starts)."""
    opening = re.match(r"---[ \t]*\n", text)
    if opening is None:
        raise PrepError(
            f"{path}:1:1: the file must start with a '---' line (its front matter). "
            "Restore the front matter from a backup or git, or re-create the file."
        )
    match = re.compile(r"^---[ \t]*$", re.MULTILINE).search(text, opening.end())
    if match is None:
        raise PrepError(
            f"{path}:1:1: the front matter that starts on line 1 is never closed. "
            "Add a line with just '---' after the last field."
        )
    body_start = match.end() + 1 if text[match.end() : match.end() + 1] == "\n" else match.end()
    return opening.end(), match.start(), body_start


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
