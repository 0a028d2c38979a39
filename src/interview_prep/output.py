"""The one place that writes to the terminal without Rich: confirmations, errors, plain tables.

Fast commands (`where`, `list`, `--version`) print through here so they never
pay for importing Rich. Colour follows NO_COLOR, --no-color and whether the
stream is a terminal.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence

_color_disabled = False


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
    print(message)


def error(message: str) -> None:
    prefix = "\033[31mError:\033[0m " if color_enabled(sys.stderr) else "Error: "
    one_line = inert(message).replace("\n", "\\n").replace("\t", " ")
    print(prefix + one_line, file=sys.stderr)


def inert(text: str) -> str:
    """Text safe to print: control characters (ANSI escapes included) shown, never executed."""
    if text.isascii() and text.isprintable():  # the usual case, checked in C
        return text
    return "".join(
        ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else f"\\x{ord(ch):02x}" for ch in text
    )


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def truncate(text: str, limit: int) -> str:
    text = " ".join(inert(text).split())
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 80) -> str:
    """A plain aligned table that fits `max_width`, shrinking the widest column first."""
    cells = [[inert(cell) for cell in row] for row in rows]
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
    try:
        return max(40, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError):
        return int(os.environ.get("COLUMNS", default))
