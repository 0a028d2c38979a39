"""`/+` and `/-` in `prep ask`: mark this session's latest answer reassuring or worrying.

Your own judgement, one keystroke, kept in the answer's marker (`"mark"`);
`prep compare` counts the marks per category and `--explain` lists them.
The same key again takes the mark off; the other key changes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview_prep.errors import PrepError
from interview_prep.storage import entries

if TYPE_CHECKING:
    from interview_prep.commands.ask import Session
    from interview_prep.render.ask_screen import Screen

MARKS = ("reassuring", "worrying")  # what ask_keys.command returns for /+ and /-


def mark(session: Session, screen: Screen, judgement: str) -> None:
    """Mark the answer this session saved last (never another writer's newest)."""
    if not session.mine:
        screen.info("No answer typed in this session yet: /+ and /- mark the last one you saved.")
        return
    number, question_id, who = session.mine[-1]
    answer = next((a for a in session.current().answers if a.number == number), None)
    if answer is None or (answer.question_id, answer.who) != (question_id, who):
        screen.info(f"Answer {number} is no longer the one you typed (changed by hand?); nothing marked.")
        return
    new = "" if answer.mark == judgement else judgement
    try:
        entries.set_mark(session.path, answer, new)
    except PrepError as error:
        screen.info(error.message)
        return
    about = answer.question_text or answer.question_id
    if new:
        screen.saved(f"Marked answer {number} {new}: {about}")
    else:
        screen.saved(f"Took the mark off answer {number}.")
