"""`prep new`, `prep list`, `prep status`: the pipeline of companies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from interview_prep.banks.model import COMPANY_TYPES, SIZES, STAGES, TRACKS, PrepPrompt, Question
from interview_prep.commands.context import Context, now
from interview_prep.core import checklist, tracks
from interview_prep.core.models import STATUSES, Company
from interview_prep.errors import PrepError
from interview_prep.storage import companies as store
from interview_prep.storage.slug import clean_name, slugify


@dataclass
class NewCompanyPlan:
    company: Company
    candidates: list[Question]
    tailored: list[Question]
    prep_prompts: list[PrepPrompt]
    focused: list[Question] = field(default_factory=list)  # what the picker pre-ticks

    def focus_line(self) -> str:
        """Why the picker pre-ticked what it did, in one line."""
        types = [kind for kind in self.company.interviewers if kind != "everyone"]
        who = ", ".join(kind.replace("-", " ") for kind in types) or "each interviewer type"
        return (
            f"Pre-ticked {len(self.focused)} of {len(self.candidates)}: love and hate, and up to "
            f"{checklist.MUSTS_PER_INTERVIEWER} must-asks for {who} (come with three to five per "
            "interviewer; prep plan picks what fits each interview)."
        )


@dataclass(frozen=True)
class Tailoring:
    """What `prep new` was told about the company beyond its name, as typed."""

    role: str = ""
    stage: str | None = None
    size: str | None = None
    manager: bool = False
    track: str | None = None
    company_type: str | None = None


def plan_new_company(
    ctx: Context, name: str, told: Tailoring, interviewer_types: Sequence[str]
) -> NewCompanyPlan:
    """Everything `prep new` needs before (optionally) asking the user; writes nothing."""
    display = clean_name(name)
    track = track_option(told.track) if told.track is not None else tracks.track_from_role(told.role)
    company = Company(
        name=display,
        slug=slugify(display),
        role=told.role.strip(),
        stage=choice(told.stage, STAGES, "--stage"),
        size=choice(told.size, SIZES, "--size"),
        # An engineering manager's track is a people-manager role, flag or not.
        manager=told.manager or track == "engineering-manager",
        track=track,
        company_type=type_option(told.company_type),
        interviewers=[audience(kind) for kind in interviewer_types],
        created=now(),
    )
    # Checked again under the lock when writing; this spares the user the prompts.
    store.ensure_new(ctx.home, company)
    catalog = ctx.catalog()
    questions = list(catalog.questions.values())
    candidates = checklist.candidates(questions, company, company.interviewers)
    return NewCompanyPlan(
        company=company,
        candidates=candidates,
        tailored=checklist.tailored(questions, company, company.interviewers),
        prep_prompts=list(catalog.prep.values()),
        focused=checklist.focused(candidates, company.interviewers),
    )


def create(ctx: Context, plan: NewCompanyPlan, selected: Sequence[Question]) -> str:
    """Write the company file with its checklist; the user's own prep is added by save_prep."""
    name = plan.company.name
    groups = [
        store.ChecklistGroup(
            title,
            [(q.id, q.render(name, None), q.priority) for q in items],
            {q.id: line for q in items if (line := checklist.caution_line(q, name))},
        )
        for title, items in checklist.group_by_category(checklist.order_for_checklist(selected))
    ]
    path = store.create_company(ctx.home, plan.company, [], groups)
    return str(path.relative_to(ctx.home))


def save_prep(ctx: Context, slug: str, prep_answers: Sequence[tuple[PrepPrompt, str | list[str]]]) -> None:
    store.set_prep(
        ctx.home, slug, [store.PrepSection(prompt.prompt, answer) for prompt, answer in prep_answers]
    )


def existing(ctx: Context, name: str) -> Company | None:
    """The company `name` names, if it exists (for `prep new NAME --prep`)."""
    display = clean_name(name)
    if not (store.company_dir(ctx.home, slugify(display)) / store.COMPANY_FILE).is_file():
        return None
    return store.resolve_company(ctx.home, display)


def first_prep(ctx: Context, plan: NewCompanyPlan, done: str, ask_first: bool) -> str:
    """The own-prep prompts right after `prep new` created the company."""
    from interview_prep.commands.prep_flow import write_prep

    return write_prep(ctx, plan.company.slug, plan.prep_prompts, ask_first, done)


def finish_prep(ctx: Context, company: Company) -> str:
    """`prep new COMPANY --prep` on an existing company: the prep prompts still open."""
    from interview_prep.commands.prep_flow import write_prep

    prompts = list(ctx.catalog().prep.values())
    return f"{company.name}: " + write_prep(ctx, company.slug, prompts, False, f"{company.name}:")


def choice(value: str | None, allowed: Sequence[str], flag: str) -> str | None:
    if value is None:
        return None
    cleaned = value.strip().lower()
    if cleaned not in allowed:
        raise PrepError(f"{flag} {value!r} is not one of: {', '.join(allowed)}.")
    return cleaned


def track_option(value: str) -> str:
    track = tracks.resolve_track(value)
    if track is None:
        raise PrepError(
            f"--track {value!r} is not a known track{_closest(value, TRACKS)}. Use one of: {', '.join(TRACKS)}."
        )
    return track


def type_option(value: str | None) -> str | None:
    if value is None:
        return None
    company_type = tracks.resolve_company_type(value)
    if company_type is None:
        allowed = ", ".join(COMPANY_TYPES)
        raise PrepError(
            f"--type {value!r} is not a known company type{_closest(value, COMPANY_TYPES)}. Use one of: {allowed}."
        )
    return company_type


def _closest(value: str, allowed: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value.strip().lower(), list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def audience(kind: str) -> str:
    from interview_prep.core.interview import normalise_role

    role = normalise_role(kind)
    if role is None:
        raise PrepError(
            f"--interviewer {kind!r} is not a known interviewer type. "
            "Use recruiter, hiring-manager, engineer or executive."
        )
    return role


def set_status(ctx: Context, name: str, status: str) -> Company:
    company = store.resolve_company(ctx.home, name)
    wanted = choice(status, STATUSES, "STATUS")
    assert wanted is not None
    store.set_status(ctx.home, company.slug, wanted)
    company.status = wanted
    return company


EARLY_STATUSES = ("researching", "applied")


def advance_on_interview(ctx: Context, company: Company, roles: Sequence[str]) -> None:
    """An interview moves a company out of researching/applied: to screening for a recruiter-only
    panel, otherwise to interviewing. Never moves a status backwards."""
    target = "screening" if roles and set(roles) == {"recruiter"} else "interviewing"
    past_screen = bool(roles) and company.status == "screening" and target == "interviewing"
    if company.status in EARLY_STATUSES or past_screen:
        store.set_status(ctx.home, company.slug, target)
        company.status = target
