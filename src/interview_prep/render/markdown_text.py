"""Text shown literally in Markdown, for the review's and the sheet's Markdown: its own module
so that `prep sheet` does not import the review's analysis to escape a line."""

from __future__ import annotations

import re

from interview_prep.output import inert

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def escape(text: str) -> str:
    """Text shown literally in Markdown: inline markup and line-start markers are escaped."""
    lines = []
    for line in inert(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        lines.append(_LINE_START_SPECIAL.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    return "\n".join(lines)
