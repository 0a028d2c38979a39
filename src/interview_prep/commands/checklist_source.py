"""The questions a company's checklist holds: the bank questions you chose, then your own.

Your own questions (`prep add`, or a `- [ ]` line you wrote in the checklist
by hand) come first, so that within a priority the plan reaches them before
the bank's. A line prep cannot place is reported, never dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interview_prep.banks.model import AUDIENCES, WHEN, Catalog, Question
from interview_prep.commands.context import Context
from interview_prep.core import checklist as tailoring
from interview_prep.core.interview import normalise_role
from interview_prep.core.models import Company
from interview_prep.errors import PrepError
from interview_prep.storage import checklist_lines as lines_store
from interview_prep.storage import companies as company_store
from interview_prep.storage.atomic import read_text

OWN_BANK = "mine"
OWN_CATEGORY = "mine"
OWN_WHY = "Your own question for this company."
EVERY_ROLE = tuple(role for role in AUDIENCES if role != "everyone")


def company_checklist(
    ctx: Context,
    company: Company,
    catalog: Catalog,
    problems: list[str] | None = None,
    adopt: bool = False,
) -> list[Question]:
    """Your own questions, then the bank questions you chose in `prep new` (in their order), or the
    tailored defaults if none; what cannot be read goes to `problems` (one line each). With `adopt`
    (a command that writes, like `prep ask`), lines written by hand get their ids written on them."""
    found = read_checklist_lines(ctx, company, catalog)
    if adopt and any(not line.marked for line in found.own):
        found = _adopt(ctx, company, catalog, found, problems)
    if problems is not None:
        problems.extend(found.problems)
    ids = dict.fromkeys(found.bank_ids)  # a line pasted twice by hand is still one question
    bank = (
        [catalog.questions[question_id] for question_id in ids]
        if ids
        else tailoring.tailored(catalog.questions.values(), company, company.interviewers)
    )
    return [as_question(line) for line in found.own] + bank


def _adopt(
    ctx: Context,
    company: Company,
    catalog: Catalog,
    found: lines_store.ChecklistLines,
    notes: list[str] | None,
) -> lines_store.ChecklistLines:
    """Write the ids of hand-written lines; if the file cannot be written, plan them as they are."""
    adopted = [line.question_id for line in found.own if not line.marked]

    def edit(current: str, path: Path) -> str:
        return lines_store.with_own_lines(
            current, path, lines_store.read_lines(current, path, catalog.questions.keys()), []
        )

    try:
        company_store.update_company_file(ctx.home, company.slug, edit)
    except PrepError as error:
        if notes is not None:
            notes.append(
                f"{error.message} The lines you wrote by hand are asked without an id written on them."
            )
        return found
    if notes is not None:
        notes.append(f"Gave an id to the checklist lines you wrote by hand: {', '.join(adopted)}.")
    return read_checklist_lines(ctx, company, catalog)


def read_checklist_lines(ctx: Context, company: Company, catalog: Catalog) -> lines_store.ChecklistLines:
    path = company_store.company_file(ctx.home, company.slug)
    return lines_store.read_lines(read_text(path), path, catalog.questions.keys())


def checklist_problems(ctx: Context, company_name: str) -> list[str]:
    """The lines of a company's checklist prep cannot place (for commands that only read it)."""
    company = company_store.resolve_company(ctx.home, company_name)
    return read_checklist_lines(ctx, company, ctx.catalog()).problems


def own_questions(ctx: Context, company_name: str) -> list[Question]:
    """The company's own questions (`prep add`, and lines written by hand)."""
    company = company_store.resolve_company(ctx.home, company_name)
    return [as_question(line) for line in read_checklist_lines(ctx, company, ctx.catalog()).own]


def as_question(line: lines_store.OwnLine) -> Question:
    ask = EVERY_ROLE if line.audience == lines_store.ANY_ROLE else (line.audience,)
    return Question(
        id=line.question_id,
        bank=OWN_BANK,
        text=line.text,
        category=OWN_CATEGORY,
        why=OWN_WHY,
        ask=ask,
        when=WHEN,
        priority=line.priority,
        good=(),
        worrying=(),
    )


@dataclass(frozen=True)
class Added:
    slug: str
    question_id: str
    text: str
    priority: str
    audience: str
    adopted: list[str]  # ids given to lines you had added by hand
    problems: list[str]

    def confirmation(self) -> str:
        slug = self.slug
        whom = {
            lines_store.ANY_ROLE: "asked of the first person in the room",
            "everyone": "asked of everyone",
        }.get(self.audience, f"for the {self.audience.replace('-', ' ')}")
        said = f"Added your question to {slug} as {self.question_id} ({self.priority}, {whom})."
        if self.adopted:
            said += (
                f" Gave an id to {len(self.adopted)} line(s) you wrote by hand: {', '.join(self.adopted)}."
            )
        return said + f" `prep plan {slug}` shows where it fits."


MAX_TEXT = 300


def add_question(ctx: Context, company_name: str, text: str, role: str | None, must: bool) -> Added:
    """Add your own question to the company's checklist (locked, atomic; hand-added lines get ids)."""
    words = check_text(text)
    audience = check_role(role)
    company = company_store.resolve_company(ctx.home, company_name)
    catalog = ctx.catalog()
    priority = "must" if must else "should"
    result: list[Added] = []

    def edit(current: str, path: Path) -> str:
        found = lines_store.read_lines(current, path, catalog.questions.keys())
        same = _already_there(words, company, found, catalog)
        if same is not None:
            raise PrepError(f"'{words}' is already on {company.slug}'s checklist as {same}; nothing added.")
        taken = set(found.bank_ids) | {line.question_id for line in found.own} | set(catalog.questions)
        question_id = lines_store.new_id(words, taken)
        new = lines_store.own_line(question_id, words, priority, audience)
        adopted = [line.question_id for line in found.own if not line.marked]
        result.append(Added(company.slug, question_id, words, priority, audience, adopted, found.problems))
        return lines_store.with_own_lines(current, path, found, [new])

    company_store.update_company_file(ctx.home, company.slug, edit)
    return result[-1]


def check_text(text: str) -> str:
    import unicodedata

    words = " ".join(text.split())
    if not words:
        raise PrepError(
            'The question is empty: give its text, e.g. prep add acme "What does on-call look like?"'
        )
    bad = next((ch for ch in words if unicodedata.category(ch) in ("Cc", "Cs")), None)
    if bad is not None:
        raise PrepError(
            f"The question holds a control character (U+{ord(bad):04X}); type it again as plain text."
        )
    if "<!--" in words or "-->" in words:
        raise PrepError("The question may not hold '<!--' or '-->' (prep's markers); leave them out.")
    if len(words) > MAX_TEXT:
        raise PrepError(f"The question is {len(words)} characters; keep it under {MAX_TEXT}, one question.")
    return words


def check_role(role: str | None) -> str:
    if role is None:
        return lines_store.ANY_ROLE
    if role.strip().lower() == "everyone":
        return "everyone"
    found = normalise_role(role)
    if found is None:
        raise PrepError(
            f"--for '{role}' is not a role. Use recruiter, hiring-manager, engineer, executive or everyone."
        )
    return found


def _already_there(
    words: str, company: Company, found: lines_store.ChecklistLines, catalog: Catalog
) -> str | None:
    wanted = words.casefold()
    for line in found.own:
        if line.text.casefold() == wanted:
            return line.question_id
    for question_id in found.bank_ids:
        if catalog.questions[question_id].render(company.name).casefold() == wanted:
            return question_id
    return None
