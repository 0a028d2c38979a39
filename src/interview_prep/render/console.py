"""The shared Rich console, built on first use with the user's colour choice."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

_console: Console | None = None


def console(width: int | None = None) -> Console:
    global _console
    if _console is None or width is not None:
        from rich.console import Console

        no_color = bool(os.environ.get("NO_COLOR"))
        _console = Console(
            no_color=no_color,
            color_system=None if no_color else "auto",
            highlight=False,
            emoji=False,
            width=width,
            soft_wrap=False,
        )
    return _console
