"""Writing what was said: answers, red flags, notes. Shared by `prep ask` and the one-shot commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.banks.model import SEVERITIES, Question
from interview_prep.commands.context import Context, now, today
from interview_prep.core.models import Company
from interview_prep.core.results import Saved
from interview_prep.errors import PrepError
from interview_prep.render import views
from interview_prep.storage import companies as company_store
from interview_prep.storage import entries, interviews

if TYPE_CHECKING:
    from interview_prep.core.metrics import Reading


def save_answer(
    ctx: Context,
    company: Company,
    path: Path,
    question_id: str,
    question_text: str,
    who: str,
    text: str,
    *,
    cut_off: bool = False,
    replacing: int | None = None,
) -> Saved:
    """Append an answer (or rewrite entry `replacing`, a cut-off answer now finished), then tick
    its box. An identical answer already saved is not stored twice; when only the tick fails,
    the error says the answer is saved and that running the command again is safe."""
    added = True
    if replacing is None:
        number, added = entries.add_answer_once(
            path, question_id, question_text, who, now(), text, cut_off=cut_off
        )
    else:
        number = replacing
        entries.rewrite_answer(path, number, question_id, question_text, who, now(), text, cut_off=cut_off)
    saved = Saved("answer", number, path.relative_to(ctx.home), added)
    if "/" not in question_id:
        try:
            company_store.tick_checklist(ctx.home, company.slug, [question_id])
        except PrepError as error:
            raise PrepError(
                f"{views.saved(saved)} But its checklist box was not ticked: {error.message} "
                "Once that is fixed, run the same command again: it ticks the box and does not "
                "store the answer twice.",
                error.exit_code,
            ) from None
    return saved


def save_skip(path: Path, question_id: str, who: str) -> None:
    entries.add_skip(path, question_id, who)


def save_flag(
    ctx: Context,
    path: Path,
    text: str,
    severity: str,
    who: str,
    signal: str | None = None,
) -> Saved:
    """Append a red flag."""
    level = check_severity(severity)
    number = entries.add_flag(path, level, who, now(), signal, text)
    return Saved("red flag", number, path.relative_to(ctx.home))


def save_note(ctx: Context, path: Path, text: str) -> Saved:
    number = entries.add_note(path, now(), text)
    return Saved("note", number, path.relative_to(ctx.home))


def check_severity(severity: str) -> str:
    level = severity.strip().lower()
    if level not in SEVERITIES:
        raise PrepError(f"--severity {severity!r} is not one of: {', '.join(SEVERITIES)}.")
    return level


def require_text(text: str, what: str) -> str:
    if not text.strip():
        raise PrepError(f'The {what} is empty. Put the text in quotes, e.g. prep note acme "Great team".')
    return text


def target(
    ctx: Context, company_name: str, interview_id: str | None, round_name: str | None = None
) -> tuple[Company, Path]:
    """The interview a one-shot command writes to: --interview; else the unfinished one; else, with
    --round, a new round; else the last round (or the company's notes). Never an unasked-for round."""
    company = company_store.resolve_company(ctx.home, company_name)
    if interview_id:
        path = interviews.interview_path(ctx.home, company.slug, interview_id)
        if not path.is_file():
            raise PrepError(
                f"{company.name} has no interview '{interview_id}'. "
                f"Leave out --interview to use the latest one."
            )
        return company, path
    open_path = interviews.latest_open(ctx.home, company.slug)
    if round_name is not None and round_name.strip() and open_path is None:
        path = interviews.start_interview(ctx.home, company, round_name.strip(), [], now())
    else:
        path = interviews.for_one_shot(ctx.home, company, now())
    from interview_prep.commands.companies import advance_on_interview

    advance_on_interview(ctx, company, [])
    return company, path


def find_question(ctx: Context, question_id: str, company_name: str | None = None) -> Question:
    """A bank question, or one of the company's own (`prep add`) when a company is named."""
    catalog = ctx.catalog()
    if question_id in catalog.questions:
        return catalog.questions[question_id]
    own: dict[str, Question] = {}
    if company_name is not None:
        from interview_prep.commands.checklist_source import own_questions

        own = {question.id: question for question in own_questions(ctx, company_name)}
        if question_id in own:
            return own[question_id]
    import difflib

    close = difflib.get_close_matches(question_id, [*catalog.questions, *own], n=1)
    hint = f" Did you mean '{close[0]}'?" if close else " `prep banks list --json` lists the ids."
    raise PrepError(f"No question with id '{question_id}'.{hint}")


def live_reading(ctx: Context, question: Question, text: str) -> Reading | None:
    """The number just heard, judged against the user's limits: what `prep ask` and `prep answer` show."""
    if question.answer is None:
        return None
    from interview_prep.core import metrics

    return metrics.read(question.answer, text, ctx.thresholds(), today())
