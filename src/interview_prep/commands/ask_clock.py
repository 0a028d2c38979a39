"""The clock of `prep ask --minutes N`: minutes used and left on the key line, and love and hate
brought forward, with one calm line, when the time left is about what they need.

The clock starts when `prep ask` starts (after a resume, give the minutes still
left). It reads a callable, so tests move time without sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Collection, Sequence

from interview_prep.core import fitting
from interview_prep.core.interview import Step


class Clock:
    def __init__(self, minutes: float, read: Callable[[], float] = time.monotonic) -> None:
        self.minutes = minutes
        self.read = read  # seconds, from any fixed point
        self.started = read()
        self.brought_forward = False  # love and hate were moved up (said once)
        self.news: list[str] = []  # lines to show once, before the next question

    def used(self) -> float:
        return max(0.0, (self.read() - self.started) / 60)

    def left(self) -> float:
        return self.minutes - self.used()

    def reading(self) -> str:
        """'12 of 30 min, 18 left' (whole minutes used; what is left, or over)."""
        used = math.floor(self.used())
        left = self.minutes - used
        state = f"{left:g} left" if left >= 0 else f"{-left:g} over"
        return f"{used} of {self.minutes:g} min, {state}"

    def order(self, steps: Sequence[Step], for_everyone: Collection[str]) -> list[Step]:
        """The steps in the order to ask them now: love and hate first once time runs short."""
        ordered = fitting.love_and_hate_first(steps, for_everyone, self.left())
        if ordered and steps and ordered[0] != steps[0] and not self.brought_forward:
            self.brought_forward = True
            self.news.append(
                f"About {max(0, round(self.left()))} minutes left: love and hate come next, "
                "so everyone in the room is asked them."
            )
        return ordered


def start(minutes: float | None, read: Callable[[], float] | None = None) -> Clock | None:
    if minutes is None:
        return None
    return Clock(minutes) if read is None else Clock(minutes, read)


def news(clock: Clock | None) -> list[str]:
    """What the clock has to say before the next question (once), then nothing."""
    if clock is None:
        return []
    said, clock.news = clock.news, []
    return said


def reading(clock: Clock | None) -> str:
    return "" if clock is None else clock.reading()
