"""The keys of `prep ask` handled outside the loop's module, by the name `ask_keys.command` gives them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from interview_prep.commands import ask_checklist, key_messages

if TYPE_CHECKING:
    from interview_prep.commands.ask import Session
    from interview_prep.core.interview import Step
    from interview_prep.render.ask_screen import Screen

Handler = Callable[["Session", "Screen", "Step | None", str], None]

KEYS: dict[str, Handler] = {
    "left": ask_checklist.left,
    "ask": ask_checklist.ask_by_id,
    "landed": key_messages.landed,
}
