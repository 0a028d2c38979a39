"""The shared Rich console, built on first use with the user's colour choice.

Everything it prints goes through output.SafeFile (the one writer: ASCII
stand-ins where the terminal's encoding needs them), and a render hook makes
the text of every segment inert, so a renderer that forgets `inert()` on a
name still cannot send an escape sequence to the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from interview_prep import output

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderHook
    from rich.segment import Segment

_console: Console | None = None
_made_for: tuple[object, ...] = ()


def console(width: int | None = None) -> Console:
    """The console for this run; a new one for an explicit width, or if the colour choice or
    COLUMNS changed (as they do between tests)."""
    global _console, _made_for
    settings = (os.environ.get("NO_COLOR"), os.environ.get("COLUMNS"))
    if _console is None or width is not None or settings != _made_for:
        from rich.console import Console

        _made_for = settings
        no_color = bool(os.environ.get("NO_COLOR"))
        if width is None and output.columns_set():
            width = output.terminal_width()  # Rich would take COLUMNS=0 or 10**9 as it is
        _console = Console(
            file=output.SafeFile(),  # type: ignore[arg-type]  # a TextIO in all Rich uses
            no_color=no_color,
            color_system=None if no_color else "auto",
            highlight=False,
            emoji=False,
            width=width,
            soft_wrap=False,
        )
        _console.push_render_hook(_inert_hook())
    return _console


def _inert_hook() -> RenderHook:
    from rich.console import RenderHook

    class InertHook(RenderHook):
        def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
            return [_Inert(renderable) for renderable in renderables]

    return InertHook()


class _Inert:
    """A renderable whose text segments are made inert; Rich's own control segments pass."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        segments: Iterable[Segment] = console.render(self.renderable, options)
        for segment in segments:
            if segment.control or segment.text.isprintable() or segment.text == "\n":
                yield segment
            else:
                yield Segment(output.inert(segment.text), segment.style)
