"""`prep ask`: the live interview loop. Every answer is on disk before the next question shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType as _PromptsModule

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from interview_prep.banks.model import Catalog, Question
from interview_prep.commands import ask_clock, ask_keys, ask_marks, ask_more, ask_resume, capture
from interview_prep.commands.agenda import offer_scheduled_panel
from interview_prep.commands.checklist_source import company_checklist as company_checklist
from interview_prep.commands.companies import advance_on_interview
from interview_prep.commands.context import Context, now
from interview_prep.commands.panel import parse_with as parse_with
from interview_prep.commands.plan import options as plan_options
from interview_prep.core.interview import Probe, Step, carry_forward, follow_up_step, plan
from interview_prep.core.models import Company
from interview_prep.core.plans import NO_OPTIONS, PlanOptions
from interview_prep.core.results import InterviewFinished
from interview_prep.core.transcript import Answer, Interview, Interviewer
from interview_prep.errors import EXIT_INTERRUPTED, PrepError, stopped
from interview_prep.render import ask_screen, views
from interview_prep.storage import companies as company_store
from interview_prep.storage import entries, interview_memo, interviews
from interview_prep.storage.session import hold_session


def _prompts() -> _PromptsModule:
    """interview_prep.prompts, imported at the first prompt: questionary takes ~120 ms
    to import, and the first question can be on screen before that."""
    from interview_prep import prompts

    return prompts


describe = ask_resume.describe  # 'onsite, started ...': the resume question's words


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
    warnings: list[str] = field(default_factory=list)  # shown once, as the interview opens
    minutes: float | None = None  # --minutes: only what fits is asked (the plan of `prep plan`)
    clock: ask_clock.Clock | None = None  # with --minutes: time used and left
    shape: PlanOptions = NO_OPTIONS  # the round's stage, your values (as `prep plan`)
    retype: str = ""  # text refused as a mistyped key, offered again at the next prompt
    queued: list[Step] = field(default_factory=list)  # asked for with /u: the question, then its follow-ups
    follow_ups_asked: dict[tuple[str, str], int] = field(default_factory=dict)  # (question id, who)
    # (number, question id, who) of each answer this session saved: /b edits these, nothing else
    mine: list[tuple[int, str, str]] = field(default_factory=list)

    def current(self) -> Interview:
        return interview_memo.load_unchanged(self.path)  # read again only when the file changed

    def upcoming(self) -> tuple[list[Step], dict[str, int]]:
        """The steps still to ask (only what fits, with --minutes) and how many each person was asked."""
        current = self.current()
        stage, lifted = self.shape.stage, self.shape.lifted
        steps = plan(self.checklist, self.present, self.company.name, self.earlier, current, stage, lifted)
        asked: dict[str, int] = {}
        for question_id, who in {(a.question_id, a.who) for a in current.answers if not a.cut_off} | {
            (s.question_id, s.who) for s in current.skips
        }:
            if "/" not in question_id:
                asked[who] = asked.get(who, 0) + 1
        if self.minutes is None:
            return steps, asked
        from interview_prep.core import fitting

        everyone = {question.id for question in self.checklist if question.for_everyone}
        names = [person.name for person in self.present] or [""]
        fitted = fitting.fit(steps, names, self.minutes, everyone, asked)
        return (self.clock.order(fitted, everyone) if self.clock else fitted), asked

    def next_step(self) -> Step | None:
        if self.queued:
            return self.queued[0]
        steps, _ = self.upcoming()
        return steps[0] if steps else None

    def position(self, step: Step) -> str:
        """'question 3 of 7 for Dana': where the step is in this person's share of the plan."""
        steps, asked = self.upcoming()
        if step.kind != "question" or step not in steps:
            return ""
        done = asked.get(step.who, 0)
        total = done + sum(1 for s in steps if s.who == step.who)
        return f"question {done + 1} of {total}" + (f" for {step.who}" if step.who else "")


def start(
    ctx: Context,
    company_name: str,
    with_: Sequence[str],
    round_name: str,
    resume: bool | None,
    multiline: bool = False,
    minutes: float | None = None,
) -> Session:
    company = company_store.resolve_company(ctx.home, company_name)
    present = parse_with(with_)
    warnings = _load_or_warn(ctx)
    catalog = ctx.catalog()
    hold_session(
        company_store.company_dir(ctx.home, company.slug), company.slug
    )()  # refused here, before any prompt, if one runs
    path = interviews.latest_open(ctx.home, company.slug)
    if path is not None:
        path, present = ask_resume.resume_or_not(path, present, resume, warnings)
    resumed: list[tuple[int, str, str]] = []  # answers from the earlier run: /b may edit them
    if path is None:
        if not present:
            present, round_name = offer_scheduled_panel(ctx, company.slug, round_name, _prompts().confirm)
        path = interviews.start_interview(ctx.home, company, round_name, present, now())
    else:
        resumed = [(a.number, a.question_id, a.who) for a in interviews.load_interview(path).answers]
    advance_on_interview(ctx, company, [person.role for person in present])
    earlier = [iv for iv in interviews.load_interviews(ctx.home, company.slug) if iv.id != path.stem]
    checklist = company_checklist(ctx, company, catalog, warnings, adopt=True)
    session = Session(ctx, company, path, catalog, checklist, present, earlier, multiline, warnings)
    session.minutes, session.clock = minutes, ask_clock.start(minutes)
    session.shape = plan_options(ctx, company, checklist, interviews.load_interview(path).round)
    session.mine = resumed
    return session


def _load_or_warn(ctx: Context) -> list[str]:
    """Load the banks and settings now; a broken file of the user's is one warning, never a stop:
    the interview runs on the shipped banks (and default settings)."""
    warnings: list[str] = []
    try:
        ctx.catalog()
    except PrepError as problem:
        warnings.append(f"{problem} Your own banks are left out of this interview.")
        ctx.use_shipped_banks_only()
    try:
        ctx.settings()
    except PrepError as problem:
        warnings.append(f"{problem} Default settings are used for this interview.")
        ctx.use_default_settings()
    return warnings


def run(session: Session) -> InterviewFinished:
    """The loop; returns what the interview holds.

    Ctrl-C (or Ctrl-D) exits 130 with everything saved, including what was
    half typed: as the answer at an answer prompt, as a note anywhere else.
    """
    screen = ask_screen.Screen(session.multiline)
    for warning in session.warnings:
        screen.warning(warning)
    release = hold_session(
        company_store.company_dir(session.ctx.home, session.company.slug), session.company.slug
    )
    try:
        return _loop(session, screen)
    except KeyboardInterrupt as stop:
        partial = getattr(stop, "partial", "")
        if partial.strip():
            capture.save_note(session.ctx, session.path, partial)
        if interviews.remove_if_empty(session.path):
            screen.info(stopped("Nothing was said yet, so no interview was kept."))
            raise SystemExit(EXIT_INTERRUPTED) from None
        screen.info(
            stopped(
                f"Everything you typed is saved in {session.path.relative_to(session.ctx.home)}. "
                f"Run `prep ask {session.company.slug}` to resume."
            )
        )
        raise SystemExit(EXIT_INTERRUPTED) from None
    finally:
        release()


def _loop(session: Session, screen: ask_screen.Screen) -> InterviewFinished:
    screen.opening(session.company, session.present, session.path.relative_to(session.ctx.home))
    screen.probes(carry_forward(session.earlier, session.checklist, session.company.name) + findings(session))
    while True:
        step = session.next_step()
        if step is None:
            screen.info(
                "No questions left for this panel. Type a note, /f for a red flag, or press Enter to finish."
            )
            raw = _typed(session, screen, step, "Anything else?")
            if not raw.strip():
                return finish(session)
        else:
            for line in ask_clock.news(session.clock):
                screen.info(line)
            screen.question(step, session.position(step), ask_clock.reading(session.clock))
            raw = _typed(session, screen, step, "Answer:")
        if handle(session, screen, step, raw) == "done":
            return finish(session)


def _typed(session: Session, screen: ask_screen.Screen, step: Step | None, message: str) -> str:
    """What the user typed at the main prompt; on Ctrl-C a half-typed answer is saved first."""
    default, session.retype = session.retype, ""
    cut = _cut_off(session, step)
    if cut is not None and not default:
        screen.info("You were cut off here last time: finish the answer (it replaces the saved part).")
        default = cut.text
    try:
        answered: str = _prompts().answer(message, default=default, multiline=session.multiline)
        return answered
    except _prompts().Interrupted as stop:
        if stop.partial.strip() and ask_keys.command(stop.partial) is None:
            if step is None:
                capture.save_note(session.ctx, session.path, ask_keys.literal(stop.partial))
            else:
                answer(session, screen, step, ask_keys.literal(stop.partial), cut_off=True)
        raise KeyboardInterrupt from None


def handle(session: Session, screen: ask_screen.Screen, step: Step | None, raw: str) -> str:
    command = ask_keys.command(raw)
    if command == "done":
        return "done"
    if command == "help":
        screen.help()
    elif command == "note":
        note(session, screen)
    elif command == "flag":
        flag(session, screen, step)
    elif command == "back":
        back(session, screen)
    elif command in ask_marks.MARKS:
        ask_marks.mark(session, screen, command)
    elif command == "unknown":
        screen.info(ask_keys.not_a_key(raw))
        if len(raw.split()) > 1:  # a sentence is offered again at the next prompt, never lost
            session.retype = raw.strip()
    elif command in ask_more.KEYS:
        ask_more.KEYS[command](session, screen, step, raw)
    elif not raw.strip():
        screen.info("Nothing typed, nothing saved: type the answer, /s to skip, /? for the keys.")
    elif step is None:
        if command is None:
            screen.saved(views.saved(capture.save_note(session.ctx, session.path, ask_keys.literal(raw))))
        else:
            screen.info("No question is on screen to skip or follow up.")
    elif command == "skip":
        _drop(session, step)
        if step.kind == "question":
            capture.save_skip(session.path, step.question_id, step.who)
        screen.info("Skipped.")
    elif command == "follow-up":
        follow_up(session, screen, step)
    else:
        answer(session, screen, step, ask_keys.literal(raw))
    return "continue"


def findings(session: Session) -> list[Probe]:
    """Numbers past a limit, disagreements, dealbreakers and missing sizes from earlier rounds."""
    if not session.earlier:
        return []
    from interview_prep.commands.context import today
    from interview_prep.core import review

    settings = session.ctx.settings()
    found = review.review(
        session.company,
        session.earlier,
        session.catalog,
        [question.id for question in session.checklist],
        settings.thresholds,
        settings.dealbreakers,
        set(),
        today(),
        settings.values,
    )
    return [Probe(probe.kind, probe.text, probe.why) for probe in found.next_round]


def answer(session: Session, screen: ask_screen.Screen, step: Step, text: str, cut_off: bool = False) -> None:
    earlier = _cut_off(session, step)
    saved = capture.save_answer(
        session.ctx,
        session.company,
        session.path,
        step.question_id,
        step.text,
        step.who,
        text,
        cut_off=cut_off,
        replacing=earlier.number if earlier else None,
    )
    if saved.added and earlier is None:
        session.mine.append((saved.number, step.question_id, step.who))
    _drop(session, step)
    screen.saved(views.saved(saved))
    question = session.catalog.questions.get(step.question_id)
    reading = None if question is None else capture.live_reading(session.ctx, question, text)
    if reading is not None:
        screen.reading(reading)


def _cut_off(session: Session, step: Step | None) -> Answer | None:
    """This round's answer to the step on screen, if Ctrl-C cut it off before it was finished."""
    if step is None:
        return None
    found = session.current().answer_for(step.question_id, step.who)
    return found if found is not None and found.cut_off else None


def note(session: Session, screen: ask_screen.Screen) -> None:
    text = _prompts().text("Note:")
    if text.strip():
        screen.saved(views.saved(capture.save_note(session.ctx, session.path, text)))
    else:
        screen.info("No note saved (it was empty).")


def flag(session: Session, screen: ask_screen.Screen, step: Step | None) -> None:
    """A red flag: typed, or a bank signal found by typing part of it; about anyone on the panel.
    Esc at any of its prompts backs out with nothing saved."""
    prompts = _prompts()
    screen.info("Type what you noticed, or part of a signal to pick one (Tab lists them); Esc backs out.")
    text, signal, severity, who = "", None, "medium", step.who if step else ""
    try:
        text, signal = prompts.signal_or_text(list(session.catalog.signals.values()), screen.rows())
        severity = signal.severity if signal else prompts.severity("medium")
        if len(session.present) > 1:
            who = prompts.about_whom([person.name for person in session.present], who)
    except prompts.BackedOut as stop:  # Esc drops the flag; Ctrl-C keeps what was typed (medium)
        text = text or getattr(stop, "typed", "")
        if not isinstance(stop, prompts.CtrlCInMenu) or not text.strip():
            screen.info("No red flag saved.")
            return
    saved = capture.save_flag(session.ctx, session.path, text, severity, who, signal.id if signal else None)
    screen.saved(views.saved(saved))


def back(session: Session, screen: ask_screen.Screen) -> None:
    """Edit this session's latest answer, found by its number (never the newest in the file,
    which may be another writer's); the earlier text is kept in the entry's `earlier`."""
    if not session.mine:
        screen.info("Nothing to go back to yet: no answer typed in this session.")
        return
    number, question_id, who = session.mine[-1]
    last = next((a for a in session.current().answers if a.number == number), None)
    if last is None:
        screen.info(f"Answer {number} is no longer in the file (removed by hand?); nothing to edit.")
        return
    screen.info(f"Editing your answer to: {last.question_text or last.question_id}")

    def save(text: str) -> None:
        earlier = [*entries.earlier_texts(session.path, last.number), last.text]
        try:
            if (last.question_id, last.who) != (question_id, who):
                raise PrepError(f"Answer {number} is no longer the one you typed (changed by hand?).")
            entries.edit_answer(session.path, last, text, now(), earlier)
        except PrepError as error:  # the entry changed by hand meanwhile: keep the words as a note
            kept = capture.save_note(session.ctx, session.path, text)
            screen.info(f"{error.message} Kept your new text as note {kept.number} instead.")
            return
        screen.saved(f"Updated answer {last.number}.")

    try:
        text = _prompts().answer("Answer:", default=last.text, multiline=session.multiline)
    except _prompts().Interrupted as stop:
        if stop.partial.strip() and stop.partial != last.text:
            save(stop.partial)
        raise KeyboardInterrupt from None
    if not text.strip() or text == last.text:
        screen.info(f"Answer {last.number} unchanged.")
    else:
        save(text)


def follow_up(session: Session, screen: ask_screen.Screen, step: Step) -> None:
    """Queue the follow-up right after the question on screen (and after earlier follow-ups to it)."""
    base_id = step.question_id.split("/")[0]
    question = session.catalog.questions.get(base_id)
    asked = session.follow_ups_asked.get((base_id, step.who), 0)
    extra = follow_up_step(question, step.who, asked, session.company.name) if question else None
    if extra is None:
        screen.info("This question has no (more) follow-ups.")
        return
    session.follow_ups_asked[(base_id, step.who)] = asked + 1
    if not session.queued:  # the question on screen came from the plan: it stays first
        session.queued.append(step)
    position = 1
    while position < len(session.queued) and session.queued[position].question_id.startswith(base_id + "/"):
        position += 1
    session.queued.insert(position, extra)
    screen.info(f"Follow-up next: {extra.text}")


def finish(session: Session) -> InterviewFinished:
    where = session.path.relative_to(session.ctx.home)
    if interviews.remove_if_empty(session.path):
        return InterviewFinished(session.company.slug, where, None)
    interviews.set_finished(session.path)
    current = session.current()
    return InterviewFinished(
        session.company.slug, where, (len(current.answers), len(current.flags), len(current.notes))
    )


def _drop(session: Session, step: Step) -> None:
    if session.queued and session.queued[0] == step:
        session.queued.pop(0)
