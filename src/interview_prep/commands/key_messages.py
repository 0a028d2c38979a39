"""Your key messages: read (the company's own prep, then config.yaml's `key_messages:`), marked as
landed with `/k` in `prep ask`, and the ones never landed, for `prep review`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from interview_prep.commands.context import Context, now
from interview_prep.core import messages
from interview_prep.core.transcript import Interview
from interview_prep.storage import prep_block

if TYPE_CHECKING:
    from interview_prep.commands.ask import Session
    from interview_prep.core.interview import Step
    from interview_prep.render.ask_screen import Screen


def for_company(ctx: Context, slug: str) -> list[str]:
    """The company's own key messages (its prep), then config.yaml's not already there."""
    return messages.merged(prep_block.first_list(ctx.home, slug), ctx.settings().key_messages)


def status(ctx: Context, slug: str, interviews: Sequence[Interview]) -> list[messages.KeyMessage]:
    """Each key message with where it was landed."""
    return messages.landed_status(for_company(ctx, slug), interviews)


def landed(session: Session, screen: Screen, step: Step | None, raw: str) -> None:
    """`/k`: pick the key message you just landed; it is saved as an entry of this interview.
    Esc backs out with nothing saved."""
    mine = for_company(session.ctx, session.company.slug)
    if not mine:
        screen.info(
            f"No key messages yet: add key_messages: to config.yaml, or run prep new {session.company.slug} --prep."
        )
        return
    # Only the live interview marks a message: `prep plan`, `sheet` and `calendar` read them.
    from interview_prep import prompts
    from interview_prep.core.results import Saved
    from interview_prep.render import views
    from interview_prep.storage import entries

    done = {messages.same(entry.text) for entry in session.current().landed}
    choices = [(text + ("  (landed already)" if messages.same(text) in done else ""), text) for text in mine]
    try:
        picked = prompts.pick_or_back("Which key message did you land? (Esc backs out)", choices)
    except prompts.BackedOut:
        screen.info("No key message marked.")
        return
    who = step.who if step is not None else ""
    number = entries.add_landed(session.path, now(), who, picked)
    saved = Saved("landed key message", number, session.path.relative_to(session.ctx.home))
    screen.saved(views.saved(saved))
