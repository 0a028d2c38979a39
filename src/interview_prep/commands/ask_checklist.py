"""The rest of the checklist during `prep ask`: `/l` shows what is left, `/a ID` asks one question next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview_prep.banks.model import Question
from interview_prep.commands import ask_keys
from interview_prep.core.interview import Step, step_for
from interview_prep.render.ask_screen import LeftView

if TYPE_CHECKING:
    from interview_prep.commands.ask import Session
    from interview_prep.render.ask_screen import Screen


def what_is_left(session: Session) -> LeftView:
    """This interview's plan still to ask, then the checklist questions nobody answered yet."""
    planned, _ = session.upcoming()
    in_plan = {step.question_id for step in planned}
    answered = {
        answer.question_id
        for interview in [*session.earlier, session.current()]
        for answer in interview.answers
        if answer.text.strip() and not answer.cut_off
    }
    more = [
        (question.id, question.render(session.company.name, None))
        for question in session.checklist
        if question.id not in in_plan and question.id not in answered
    ]
    return LeftView([(s.question_id, s.who, s.text) for s in planned], more, session.company.slug)


def left(session: Session, screen: Screen, step: Step | None, raw: str) -> None:
    screen.left(what_is_left(session))


def ask_by_id(session: Session, screen: Screen, step: Step | None, raw: str) -> None:
    """Put the question with the id typed after /a on screen next; the one on screen comes after."""
    wanted = ask_keys.argument(raw).lower()
    if not wanted:
        screen.info(f"Type /a and a question's id, e.g. /a {_example(session)}. /l lists the ids.")
        return
    question = _find(session, wanted)
    if question is None:
        import difflib

        ids = [q.id for q in session.checklist]
        close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.6)
        hint = f" Did you mean {close[0]}?" if close else ""
        screen.info(f"No question '{wanted}' here.{hint} /l lists the ids.")
        return
    extra = step_for(question, _whom(session, question, step), session.company.name)
    session.queued.insert(0, extra)
    screen.info(f"Next: {question.id}" + (f", for {extra.who}" if extra.who else ""))


def _find(session: Session, wanted: str) -> Question | None:
    on_list = next((q for q in session.checklist if q.id == wanted), None)
    return on_list or session.catalog.questions.get(wanted)


def _whom(session: Session, question: Question, step: Step | None) -> str:
    """The person on screen if the question suits them; else the first in the room it is meant for."""
    roles = {person.name: person.role for person in session.present}
    on_screen = step.who if step is not None else ""
    if on_screen and (question.for_everyone or roles.get(on_screen) in question.ask):
        return on_screen
    suited = next((p.name for p in session.present if p.role in question.ask), None)
    if suited is not None:
        return suited
    return on_screen or (session.present[0].name if session.present else "")


def _example(session: Session) -> str:
    return session.checklist[0].id if session.checklist else "love"
