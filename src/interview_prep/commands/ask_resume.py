"""Resuming an unfinished interview in `prep ask`: which one, and with whom."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from interview_prep.core.transcript import Interviewer
from interview_prep.storage import interviews


def resume_or_not(
    path: Path, named: list[Interviewer], resume: bool | None, warnings: list[str]
) -> tuple[Path | None, list[Interviewer]]:
    """The unfinished interview and who is in the room, or (None, named) for a new interview.

    A panel named now that differs from the saved one is never dropped: asked
    on a terminal (both panels, the saved one, or a new interview with the new
    one); with --resume the new people join the saved panel.
    """
    saved = interviews.load_interview(path).interviewers
    known = {person.name for person in saved}
    newcomers = [person for person in named if person.name not in known]
    joined = saved + newcomers
    choice = "new"
    if resume is None and newcomers and saved:
        choice = prompts().choose(
            f"An unfinished interview {describe(path)} is open. You named {_names(newcomers)}.",
            [
                (f"Resume it with {_names(joined)}", "joined"),
                (f"Resume it with {_names(saved)} only", "saved"),
                (f"Start a new interview with {_names(named)}", "new"),
            ],
        )
    elif resume is None:
        resume = prompts().confirm(f"Resume the unfinished interview {describe(path)}?", True)
        choice = "joined" if resume else "new"
    elif resume:
        choice = "joined"
        if newcomers and saved:
            warnings.append(f"{_names(newcomers)} joined the panel of the resumed interview.")
    if choice == "new":
        if not interviews.remove_if_empty(path):
            interviews.set_finished(path)
        return None, named
    if choice == "joined" and newcomers:
        interviews.set_interviewers(path, joined)
        return path, joined
    return path, saved or named


def _names(people: Sequence[Interviewer]) -> str:
    return ", ".join(person.name for person in people)


def describe(path: Path) -> str:
    """'onsite, started 2026-11-22 14:20, with Dana, Lee' for the resume question."""
    interview = interviews.load_interview(path)
    parts = [interview.round] if interview.round else []
    parts.append(f"started {interview.started[:16].replace('T', ' ')}")
    if interview.interviewers:
        parts.append("with " + ", ".join(person.name for person in interview.interviewers))
    return f"({', '.join(parts)})"


def prompts() -> ModuleType:
    """interview_prep.prompts, imported only when a question is asked (questionary is slow to import)."""
    from interview_prep import prompts as module

    return module
