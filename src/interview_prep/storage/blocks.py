"""Blocks the program owns inside a Markdown file, found again by markers.

Two kinds of marker, both HTML comments so Markdown viewers hide them:

    <!-- prep:begin checklist -->      a named section prep may rewrite
    ...
    <!-- prep:end checklist -->

    <!-- prep:answer {"n": 3, ...} -->  an entry: JSON fields on the marker line,
    the answer text, exactly as typed
    <!-- prep:end 3 -->

Everything outside these markers belongs to the user and is never rewritten.
Text inside an entry that itself looks like a marker is escaped with a leading
backslash (and unescaped on read), so no answer can break the structure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_prep.errors import PrepError
from interview_prep.jsonsafe import bounded_int, json_value, too_deep

_ENTRY_BEGIN = re.compile(r"^<!-- prep:([a-z]+) (\{.*\}) -->$")
_ENTRY_END = re.compile(r"^<!-- prep:end ([0-9]+) -->$")
# Any begin or end marker line, for scanning a whole body at once. Starting with a
# literal newline (not a multi-line '^') lets the engine jump with a substring search.
_MARKER_LINE = re.compile(r"\n<!-- prep:(?:([a-z]+) (\{.*\})|end ([0-9]+)) -->(?=\n|\Z)")
_DECODER = json.JSONDecoder(parse_int=bounded_int)  # a 5,000-digit 'n' is refused, not a crash
_LOOKS_LIKE_MARKER = re.compile(r"^\\*<!-- prep:")
_ESCAPED_MARKER = re.compile(r"^\\+<!-- prep:")
EXACT_TEXT = "exact_text"  # marker field: the text with its CRs, when it has any
ENTRY_KINDS = frozenset({"answer", "skip", "flag", "note", "reflection", "landed"})


@dataclass(slots=True)
class Entry:
    kind: str
    meta: dict[str, Any]
    text: str
    line: int  # 1-based line of the begin marker in the whole file

    @property
    def number(self) -> int:
        return int(self.meta["n"])


# Named sections -------------------------------------------------------------


def section_marker(kind: str, name: str) -> str:
    return f"<!-- prep:{kind} {name} -->"


def wrap_section(name: str, inner: str) -> str:
    return f"{section_marker('begin', name)}\n{inner}{section_marker('end', name)}\n"


def find_section(text: str, name: str, path: Path) -> tuple[int, int] | None:
    """Offsets of the section's inner text, or None when absent; PrepError if the markers are broken."""
    begins: list[tuple[int, int, int]] = []  # (line number, line start, line end)
    ends: list[tuple[int, int, int]] = []
    for kind, found in (("begin", begins), ("end", ends)):
        marker = section_marker(kind, name)
        start = text.find(marker)  # substring search in C: this runs for every company of a listing
        while start != -1:
            end = start + len(marker)
            if (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n"):
                found.append((text.count("\n", 0, start) + 1, start, end + 1))
            start = text.find(marker, end)
    if not begins and not ends:
        return None
    if len(begins) != 1 or len(ends) != 1 or ends[0][0] < begins[0][0]:
        where = (begins or ends)[-1][0]
        raise PrepError(
            f"{path}:{where}:1: the '{name}' block markers are broken "
            f"(found {len(begins)} begin and {len(ends)} end marker(s), in that order). "
            f"Leave exactly one '{section_marker('begin', name)}' above one "
            f"'{section_marker('end', name)}'."
        )
    return begins[0][2], ends[0][1]


def replace_section(text: str, name: str, inner: str, path: Path) -> str:
    """Swap a section's inner text; append the section when it is missing."""
    span = find_section(text, name, path)
    if span is None:
        separator = "" if text.endswith("\n\n") or not text else ("\n" if text.endswith("\n") else "\n\n")
        return text + separator + wrap_section(name, inner)
    start, end = span
    return text[:start] + inner + text[end:]


def read_section(text: str, name: str, path: Path) -> str | None:
    span = find_section(text, name, path)
    return None if span is None else text[span[0] : span[1]]


# Entries ---------------------------------------------------------------------


def escape_text(text: str) -> str:
    """Text to store inside a block: LF line breaks (a CR would read as one), marker-like lines escaped."""
    if "\r" in text:
        from interview_prep.storage.textfile import line_breaks_as_lf

        text = line_breaks_as_lf(text)
    return "\n".join("\\" + line if _LOOKS_LIKE_MARKER.match(line) else line for line in text.split("\n"))


def unescape_text(text: str) -> str:
    if "<!-- prep:" not in text:  # nothing escaped (the usual case)
        return text
    return "\n".join(line[1:] if _ESCAPED_MARKER.match(line) else line for line in text.split("\n"))


def format_entry(kind: str, meta: dict[str, Any], text: str) -> str:
    if "\r" in text:
        # The body is stored with LF line breaks (a CR there would read as one); the exact text,
        # CRs included, rides in the marker and is used while the body still matches it.
        meta = {**meta, EXACT_TEXT: text}
    return f"{_begin_line(kind, meta)}\n{escape_text(text)}\n<!-- prep:end {meta['n']} -->\n"


def _exact(entry: Entry) -> str:
    """The entry's text as typed: the marker's exact copy unless the body was edited by hand since."""
    exact = entry.meta.get(EXACT_TEXT)
    if isinstance(exact, str) and escape_text(exact) == escape_text(entry.text):
        return exact
    return entry.text


def _begin_line(kind: str, meta: dict[str, Any]) -> str:
    # JSON keeps the marker on one line; escaping < and > keeps '-->' out of it.
    payload = json.dumps(meta, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f"<!-- prep:{kind} {payload} -->"


def parse_entries(text: str, path: Path, first_line: int = 1, start: int = 0) -> list[Entry]:
    """Every entry in `text[start:]` (a file body starting at line `first_line`)."""
    return list(iter_entries(text, path, first_line, start))


def iter_entries(text: str, path: Path, first_line: int = 1, start: int = 0) -> Iterator[Entry]:
    """Each entry of `text[start:]` (a file body starting at line `first_line`), as it is read.

    One regex pass finds the marker lines (in C), so the work in Python
    follows the number of entries, not of lines. The body is never copied
    when the line before it ends at `start` (a file after its front matter),
    and an entry's fields can be dropped as soon as it is used: a 50 MB
    interview is read in about twice its size.
    """
    if start > 0 and text[start - 1] == "\n":
        at = start - 1  # that newline stands before the body's first line, as the scan needs
    else:
        text, at = "\n" + text[start:], 0  # every line, the first included, now follows a newline
    open_entry: Entry | None = None
    number = body_start = 0  # the open entry's number, where its text starts
    numbers_seen: dict[int, int] = {}
    line, counted = first_line - 1, at
    for marker in _MARKER_LINE.finditer(text, at):
        marker_at = marker.start()
        line += text.count("\n", counted, marker_at + 1)
        counted = marker_at + 1
        kind, payload, end_number = marker.groups()
        if open_entry is None:
            if kind is None:
                raise _broken(
                    path, line, f"an end marker for entry {end_number} has no begin marker above it"
                )
            open_entry = _start_entry(kind, payload, path, line)
            number = open_entry.number
            if number in numbers_seen:
                raise _broken(
                    path,
                    line,
                    f"entry {number} appears twice (also on line "
                    f"{numbers_seen[number]}); give one of them a new number",
                )
            numbers_seen[number] = line
            body_start = marker.end() + 1
        elif kind is None and int(end_number) == number:
            open_entry.text = unescape_text(text[body_start : max(body_start, marker_at)])
            if EXACT_TEXT in open_entry.meta:
                open_entry.text = _exact(open_entry)
            yield open_entry
            open_entry = None
        else:
            raise _broken(
                path,
                line,
                f"entry {number} (line {open_entry.line}) is not closed before this marker",
            )
    if open_entry is not None:
        raise _broken(
            path,
            open_entry.line,
            f"entry {open_entry.number} has no '<!-- prep:end {open_entry.number} -->' line",
        )


def replace_entry(text: str, number: int, meta: dict[str, Any], new_text: str, kind: str) -> str:
    """Rewrite one entry in place (its marker line and text); everything else stays."""
    begin_at: int | None = None
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        if begin_at is None:
            begin = _ENTRY_BEGIN.fullmatch(line)
            if begin and _number_in(begin.group(2)) == number:
                begin_at = offset
        elif line == f"<!-- prep:end {number} -->":
            replacement = format_entry(kind, meta, new_text).rstrip("\n")
            return text[:begin_at] + replacement + text[line_end:]
        offset = line_end + 1
    raise KeyError(number)


def _number_in(payload: str) -> int | None:
    try:
        value = json_value(payload).get("n")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def _start_entry(kind: str, payload: str, path: Path, line: int) -> Entry:
    if kind not in ENTRY_KINDS:
        raise _broken(path, line, f"unknown entry kind '{kind}'")
    if too_deep(payload):
        raise _broken(path, line, "the marker's fields are nested too deeply; a marker is one flat object")
    try:
        # raw_decode skips json.loads' whitespace handling (~3x faster on a marker); a
        # payload it does not consume whole goes to json.loads for the usual error.
        meta, end = _DECODER.raw_decode(payload)
        if end != len(payload):
            meta = json_value(payload)
    except json.JSONDecodeError as error:
        raise _broken(path, line, f"the marker's fields are not valid JSON ({error.msg})") from None
    except ValueError as error:  # an integer longer than any prep writes
        raise _broken(path, line, f"the marker's fields hold {error}") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("n"), int):
        raise _broken(path, line, "the marker must carry a number field 'n'")
    return Entry(kind, meta, "", line)


def _broken(path: Path, line: int, what: str) -> PrepError:
    return PrepError(
        f"{path}:{line}:1: {what}. Fix the marker lines by hand (see docs/format.md); "
        "your text between them is safe."
    )
