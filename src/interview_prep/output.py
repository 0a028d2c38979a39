"""The one writer: every byte prep prints to the terminal goes through `write`.

Two jobs, so that no output path can forget them:

- untrusted text is made inert (`inert`): control characters (C0, C1, ESC,
  BEL, DEL) and lone surrogates are shown as visible escapes, never executed;
- text the output encoding cannot carry (a latin-1 or ASCII terminal) gets
  ASCII stand-ins instead of a UnicodeEncodeError (`fit`).

Fast commands (`where`, `list`, `--version`) print through here without ever
importing Rich; Rich output reaches the terminal through `SafeFile` (see
render/console.py). Colour follows NO_COLOR, --no-color and whether the stream
is a terminal.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

_color_disabled = False

# Widths outside this range (a `COLUMNS` of 0, -5 or 10**9) are clamped: nothing
# sensible fits in fewer columns, and a huge width makes Rich pad every line.
MIN_COLUMNS = 40
MAX_COLUMNS = 400

_STAND_IN_ERRORS = "prep-stand-in"
_STAND_INS = {
    "…": "...",
    "—": "--",
    "–": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
    "·": ".",
    "→": "->",
    "←": "<-",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "─": "-",
    "━": "-",
    "│": "|",
    "┃": "|",
    "\u00a0": " ",
}
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def disable_color() -> None:
    global _color_disabled
    _color_disabled = True
    os.environ["NO_COLOR"] = "1"  # Rich and prompt_toolkit honour it too


def color_enabled(stream: object = None) -> bool:
    target = stream or sys.stdout
    if _color_disabled or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


def say(message: str) -> None:
    """Print a line of text that may hold user data."""
    write(sys.stdout, inert(message) + "\n")


def error(message: str) -> None:
    """Print one error line on stderr; user data in it is shown, never executed."""
    prefix = "\033[31mError:\033[0m " if color_enabled(sys.stderr) else "Error: "
    one_line = inert(message).replace("\n", "\\n").replace("\t", " ")
    write(sys.stderr, prefix + one_line + "\n")


def notice(message: str) -> None:
    """Print one line on stderr without the "Error:" prefix (Ctrl-C, a bug's report)."""
    write(sys.stderr, inert(message).replace("\n", "\\n") + "\n")


def write(stream: TextIO, text: str) -> None:
    """The one writer: `text` as the stream's encoding can carry it.

    Callers make untrusted parts inert first (`say` and `error` do; Rich's
    output is made inert segment by segment in render/console.py), so the only
    escape sequences that reach the stream are the colours prep itself asks for.
    """
    stream.write(fit(text, encoding_of(stream)))
    stream.flush()


def encoding_of(stream: object) -> str:
    return str(getattr(stream, "encoding", None) or "utf-8")


def inert(text: str) -> str:
    """Text safe to print: control characters (ANSI escapes included) and lone surrogates
    shown as visible escapes, never executed. Newlines and tabs are kept."""
    if text.isascii() and text.isprintable():  # the usual case, checked in C
        return text
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    return _escape(match.group())


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def fit(text: str, encoding: str) -> str:
    """`text` with every character `encoding` cannot carry replaced by an ASCII stand-in."""
    if text.isascii():
        return text
    _register_stand_ins()
    return text.encode(encoding, _STAND_IN_ERRORS).decode(encoding)


def stand_in(ch: str) -> str:
    """An ASCII stand-in for one character: a known equivalent, its letters without accents, or ?."""
    if ch in _STAND_INS:
        return _STAND_INS[ch]
    if unicodedata.category(ch) in ("Cc", "Cs"):
        return _escape(ch)
    plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    return plain if plain.isprintable() and plain else "?"


def _stand_in_handler(problem: UnicodeError) -> tuple[str, int]:
    if not isinstance(problem, UnicodeEncodeError):
        raise problem
    chunk = problem.object[problem.start : problem.end]
    return "".join(stand_in(ch) for ch in chunk), problem.end


_registered = False


def _register_stand_ins() -> None:
    global _registered
    if not _registered:
        codecs.register_error(_STAND_IN_ERRORS, _stand_in_handler)
        _registered = True


class SafeFile:
    """A file-like view of stdout (or stderr) for Rich: writes go through `write`.

    The stream is looked up at each write, so a test runner that swaps
    sys.stdout is followed, as Rich itself would.
    """

    def __init__(self, name: str = "stdout") -> None:
        self._name = name

    @property
    def stream(self) -> TextIO:
        stream: TextIO = getattr(sys, self._name)
        return stream

    @property
    def encoding(self) -> str:
        return encoding_of(self.stream)

    def write(self, text: str) -> int:
        write(self.stream, text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def fileno(self) -> int:
        return self.stream.fileno()


def json_text(data: Any) -> str:
    """`data` as indented JSON that any terminal shows as written: every control
    character (C0, DEL, C1) and lone surrogate escaped, and with a non-UTF output
    encoding, every non-ASCII character escaped too (the JSON means the same)."""
    import json

    if not encoding_of(sys.stdout).lower().replace("-", "").startswith("utf"):
        return json.dumps(data, indent=2, ensure_ascii=True)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def print_json(data: Any) -> None:
    write(sys.stdout, json_text(data) + "\n")


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def one_line(text: str) -> str:
    """Every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    """The one-line "why ask": the first sentence of the bank's explanation, never cut mid-word."""
    flat = one_line(text)
    end = flat.find(". ")
    return flat if end < 0 else flat[: end + 1]


def truncate(text: str, limit: int) -> str:
    """One line of at most `limit` terminal columns, ending in an ellipsis when cut."""
    text = one_line(inert(text))
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ("…" if fit("…", encoding_of(sys.stdout)) == "…" else ".")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 80) -> str:
    """A plain aligned table that fits `max_width`, shrinking the widest column first."""
    encoding = encoding_of(sys.stdout)  # measure what will be shown: stand-ins are wider
    headers = [fit(header, encoding) for header in headers]
    cells = [[fit(inert(cell), encoding) for cell in row] for row in rows]
    widths = [max([width(h)] + [width(row[i]) for row in cells]) for i, h in enumerate(headers)]
    gap = 2
    while sum(widths) + gap * (len(widths) - 1) > max_width and max(widths) > 8:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    lines = [_line(headers, widths, gap), _line(["-" * w for w in widths], widths, gap)]
    lines += [_line(row, widths, gap) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def _line(cells: Sequence[str], widths: Sequence[int], gap: int) -> str:
    parts = []
    for cell, w in zip(cells, widths, strict=False):
        text = truncate(cell, w)
        parts.append(text + " " * (w - width(text)))
    return (" " * gap).join(parts)


def terminal_width(default: int = 80) -> int:
    """The terminal's width; else `COLUMNS` if it is a number; else `default`. Always clamped."""
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = _columns_env(default)
    return min(MAX_COLUMNS, max(MIN_COLUMNS, columns))


def columns_set() -> bool:
    """Whether `COLUMNS` is set at all (then Rich must be given a clamped width)."""
    return "COLUMNS" in os.environ


def _columns_env(default: int) -> int:
    raw = os.environ.get("COLUMNS", "").strip()
    if not raw.isdigit() or len(raw) > 6 or int(raw) <= 0:
        return default
    return int(raw)
