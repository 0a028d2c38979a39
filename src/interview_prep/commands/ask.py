"""`prep ask`: the live interview loop. Every answer is on disk before the next question shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from interview_prep import prompts
from interview_prep.banks.model import Catalog, Question
from interview_prep.commands import capture
from interview_prep.commands.context import Context, now
from interview_prep.core import checklist as tailoring
from interview_prep.core import metrics
from interview_prep.core.interview import Step, carry_forward, follow_up_step, normalise_role, plan
from interview_prep.core.models import Company, Interview, Interviewer
from interview_prep.errors import EXIT_INTERRUPTED, PrepError
from interview_prep.render import ask_screen
from interview_prep.storage import companies as company_store
from interview_prep.storage import interviews

COMMANDS = {
    "/s": "skip",
    "/b": "back",
    "/f": "flag",
    "/n": "note",
    "/u": "follow-up",
    "/d": "done",
    "/?": "help",
}


def parse_with(values: Sequence[str]) -> list[Interviewer]:
    people: list[Interviewer] = []
    for value in values:
        name, _, role_text = value.partition(":")
        if not name.strip() or not role_text.strip():
            raise PrepError(
                f'--with {value!r} needs NAME:ROLE, e.g. --with "Dana:hiring-manager" '
                "(roles: recruiter, hiring-manager, engineer, executive)."
            )
        role = normalise_role(role_text)
        if role is None:
            raise PrepError(
                f"--with {value!r}: '{role_text}' is not a role. "
                "Use recruiter, hiring-manager, engineer or executive."
            )
        if any(person.name == name.strip() for person in people):
            raise PrepError(f"--with names {name.strip()!r} twice; give each person once.")
        people.append(Interviewer(" ".join(name.split()), role))
    return people


@dataclass
class Session:
    ctx: Context
    company: Company
    path: Path
    catalog: Catalog
    checklist: list[Question]
    present: list[Interviewer]
    earlier: list[Interview]
    multiline: bool = False
    queued: list[Step] = field(default_factory=list)  # follow-ups asked for with /u
    follow_ups_asked: dict[str, int] = field(default_factory=dict)

    def current(self) -> Interview:
        return interviews.load_interview(self.path)

    def next_step(self) -> Step | None:
        if self.queued:
            return self.queued[0]
        steps = plan(self.checklist, self.present, self.company.name, self.earlier, self.current())
        return steps[0] if steps else None


def start(
    ctx: Context,
    company_name: str,
    with_: Sequence[str],
    round_name: str,
    resume: bool | None,
) -> Session:
    company = company_store.resolve_company(ctx.home, company_name)
    present = parse_with(with_)
    catalog = ctx.catalog()
    path = interviews.latest_open(ctx.home, company.slug)
    if path is not None:
        if resume is None:
            resume = prompts.confirm(f"Resume the unfinished interview {path.stem}?", True)
        if resume:
            current = interviews.load_interview(path)
            present = current.interviewers or present
        else:
            interviews.set_finished(path)
            path = None
    if path is None:
        path = interviews.start_interview(ctx.home, company, round_name, present, now())
    earlier = [iv for iv in interviews.load_interviews(ctx.home, company.slug) if iv.id != path.stem]
    return Session(ctx, company, path, catalog, company_checklist(ctx, company, catalog), present, earlier)


def company_checklist(ctx: Context, company: Company, catalog: Catalog) -> list[Question]:
    """The questions the user chose in `prep new` (in their order); tailored defaults if none."""
    items = company_store.read_checklist(ctx.home, company.slug)
    chosen = [catalog.questions[item.question_id] for item in items if item.question_id in catalog.questions]
    if chosen:
        return chosen
    return tailoring.tailored(catalog.questions.values(), company, company.interviewers)


def run(session: Session) -> str:
    """The loop; returns the closing message. Ctrl-C saves (everything already is) and exits 130."""
    screen = ask_screen.Screen()
    try:
        screen.opening(session.company, session.present, session.path.relative_to(session.ctx.home))
        screen.probes(carry_forward(session.earlier, session.checklist))
        while True:
            step = session.next_step()
            if step is None:
                screen.info(
                    "No questions left for this panel. Type a note, /f for a red flag, "
                    "or press Enter to finish."
                )
                raw = prompts.answer("Anything else?")
                if not raw.strip():
                    return finish(session)
            else:
                screen.question(step, len(session.queued) > 0)
                raw = prompts.answer("Answer:", multiline=session.multiline)
            outcome = handle(session, screen, step, raw)
            if outcome == "done":
                return finish(session)
    except KeyboardInterrupt:
        screen.info(
            f"Saved. Everything you typed is in {session.path}. Run `prep ask {session.company.slug}` to resume."
        )
        raise SystemExit(EXIT_INTERRUPTED) from None


def handle(session: Session, screen: ask_screen.Screen, step: Step | None, raw: str) -> str:
    command = _command(raw)
    if command == "done":
        return "done"
    if command == "help":
        screen.help()
    elif command == "note":
        note = prompts.text("Note:")
        if note.strip():
            screen.saved(capture.save_note(session.ctx, session.path, note).confirmation())
    elif command == "flag":
        flag(session, screen, step)
    elif command == "back":
        back(session, screen)
    elif step is None:
        if raw.strip():
            screen.saved(capture.save_note(session.ctx, session.path, raw).confirmation())
    elif not raw.strip():
        screen.info("Nothing typed. Type the answer, or /s to skip (/? for every key).")
    elif command == "skip":
        _drop(session, step)
        if step.kind == "question":
            capture.save_skip(session.path, step.question_id, step.who)
        screen.info("Skipped.")
    elif command == "follow-up":
        follow_up(session, screen, step)
    else:
        answer(session, screen, step, raw[1:] if raw.startswith("//") else raw)
    return "continue"


def answer(session: Session, screen: ask_screen.Screen, step: Step, text: str) -> None:
    saved = capture.save_answer(
        session.ctx, session.company, session.path, step.question_id, step.text, step.who, text
    )
    _drop(session, step)
    screen.saved(saved.confirmation())
    question = session.catalog.questions.get(step.question_id)
    if question is not None and question.answer is not None:
        reading = metrics.read(question.answer, text, session.ctx.thresholds())
        if reading is not None:
            screen.reading(reading)


def flag(session: Session, screen: ask_screen.Screen, step: Step | None) -> None:
    text, signal = prompts.signal_or_text(list(session.catalog.signals.values()))
    if not text.strip():
        screen.info("No red flag saved (it was empty).")
        return
    severity = prompts.severity(signal.severity if signal else "medium")
    who = step.who if step else ""
    saved = capture.save_flag(session.ctx, session.path, text, severity, who, signal.id if signal else None)
    screen.saved(saved.confirmation())


def back(session: Session, screen: ask_screen.Screen) -> None:
    current = session.current()
    if not current.answers:
        screen.info("Nothing to go back to yet.")
        return
    last = max(current.answers, key=lambda a: a.number)
    screen.info(f"Editing your answer to: {last.question_text or last.question_id}")
    text = prompts.answer("Answer:", default=last.text, multiline=session.multiline)
    meta = {
        "q": last.question_id,
        "who": last.who,
        "at": last.at,
        "question": last.question_text,
        "edited": now(),
    }
    interviews.replace_entry(session.path, last.number, "answer", meta, text)
    screen.saved(f"Updated answer {last.number}.")


def follow_up(session: Session, screen: ask_screen.Screen, step: Step) -> None:
    base_id = step.question_id.split("/")[0]
    question = session.catalog.questions.get(base_id)
    asked = session.follow_ups_asked.get(base_id, 0)
    extra = follow_up_step(question, step.who, asked) if question else None
    if extra is None:
        screen.info("This question has no (more) follow-ups.")
        return
    session.follow_ups_asked[base_id] = asked + 1
    session.queued.insert(0, extra)


def finish(session: Session) -> str:
    interviews.set_finished(session.path)
    current = session.current()
    return (
        f"Finished: {len(current.answers)} answers, {len(current.flags)} red flags, "
        f"{len(current.notes)} notes in {session.path.relative_to(session.ctx.home)}. "
        f"Next: prep review {session.company.slug}"
    )


def _drop(session: Session, step: Step) -> None:
    if session.queued and session.queued[0] == step:
        session.queued.pop(0)


def _command(raw: str) -> str | None:
    key = raw.strip().lower()
    if raw.startswith("//"):
        return None
    return COMMANDS.get(key)
