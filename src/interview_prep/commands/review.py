"""`prep review`, `prep reflect`, `prep done`: gather a company's files and analyse them."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interview_prep.commands.context import Context, now, today
from interview_prep.commands.review_cache import RowCache
from interview_prep.core import compare
from interview_prep.core import review as analysis
from interview_prep.core.models import Company
from interview_prep.core.phrases import PhraseMatcher
from interview_prep.core.results import FollowUpDone, PendingFollowUps, Reflected
from interview_prep.core.transcript import Interview
from interview_prep.errors import PrepError, Stopped
from interview_prep.storage import blocks, stamps
from interview_prep.storage import companies as store
from interview_prep.storage import interviews as interview_store
from interview_prep.storage.atomic import atomic_write, folder_lock, read_text, rewrite

REVIEW_FILE = "review.md"
ACCEPT = ("yes", "no", "unsure")


def _company_state(ctx: Context, company: Company) -> tuple[list[str], set[str]]:
    path = store.company_file(ctx.home, company.slug)
    text = read_text(path)
    checklist = [item.question_id for item in store.parse_checklist(text, path)]
    return checklist, store.done_followups(text, path)


def company_review(ctx: Context, name: str) -> analysis.Review:
    company = store.resolve_company(ctx.home, name)
    checklist, done = _company_state(ctx, company)
    settings = ctx.settings()
    interviews = interview_store.load_interviews(ctx.home, company.slug)
    found = analysis.review(
        company,
        interviews,
        ctx.catalog(),
        checklist,
        settings.thresholds,
        settings.dealbreakers,
        done,
        today(),
        settings.values,
    )
    from interview_prep.commands import key_messages
    from interview_prep.core.messages import with_unsaid

    found.key_messages = key_messages.status(ctx, company.slug, interviews)
    found.followups = with_unsaid(found.followups, found.never_landed)
    return found


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """`prep review COMPANY`: the review, the reflection written first (if any), where it was saved."""

    review: analysis.Review
    reflected: Reflected | None
    saved_to: Path | None


def review_company(
    ctx: Context, name: str, write: bool, before_reflection: Callable[[], None] | None
) -> ReviewOutcome:
    """One company's review; with `before_reflection` (called first, e.g. to say why), the missing
    reflection is asked and each answer saved as it is entered."""
    reflected = None
    if before_reflection is not None and needs_reflection(ctx, name) is not None:
        before_reflection()
        reflected = ask_reflection(ctx, name)
    data = company_review(ctx, name)
    saved_to = None
    if write:
        from interview_prep.render.review_view import markdown

        saved_to = write_review(ctx, data.company.slug, markdown(data)).relative_to(ctx.home)
    return ReviewOutcome(data, reflected, saved_to)


def all_companies(ctx: Context, sort: str, problems: list[str] | None = None) -> list[compare.CompanyRow]:
    """One row per company, recomputed only for companies whose files changed (see review_cache).

    With `problems`, a company whose files prep cannot read adds one line there and the others
    are still reviewed; without it, the first such company raises.
    """
    if sort not in compare.SORT_COLUMNS:
        raise PrepError(f"--sort {sort!r} is not a column. Use one of: {', '.join(compare.SORT_COLUMNS)}.")
    from interview_prep.commands.review_pool import summarize_each

    cached = RowCache.open(ctx.home, ctx.user_banks)
    rows = []
    stale = []
    for slug in store.company_slugs(ctx.home):
        # Stamped before reading: an edit made meanwhile changes the stamp, so no stale row is kept.
        stamp = stamps.company_stamp(ctx.home, slug)
        row = cached.get(slug, stamp)
        if row is None:
            stale.append((slug, stamp))
        else:
            rows.append(row)
    summarize = _Summarizer(ctx)
    if stale:
        # Loaded before any worker is forked, so each starts with them; a broken bank or config
        # is left for each company to report, as without workers.
        with contextlib.suppress(PrepError):
            summarize.prepare()
    outcomes = summarize_each(summarize, [slug for slug, _ in stale])
    for (slug, stamp), (row, error) in zip(stale, outcomes, strict=True):
        if error is not None:
            if problems is None:
                raise error
            problems.append(error.message)
        elif row is not None:
            cached.put(slug, stamp, row)
            rows.append(row)
    cached.save()
    return compare.sort_rows(rows, sort)


class _Summarizer:
    """Reads and summarises one company; the catalog, settings and matcher are loaded at the first."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._matcher: PhraseMatcher | None = None

    def prepare(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = PhraseMatcher(self._ctx.catalog(), self._ctx.settings().dealbreakers)
        return self._matcher

    def __call__(self, slug: str) -> compare.CompanyRow:
        ctx = self._ctx
        catalog, settings = ctx.catalog(), ctx.settings()
        matcher = self.prepare()
        company, text = store.read_company_text(ctx.home, slug)
        done = store.done_followups(text, store.company_file(ctx.home, slug))  # no checklist here
        found = interview_store.load_interviews(ctx.home, slug)
        return compare.summarize(company, found, catalog, settings.thresholds, matcher, done)


def needs_reflection(ctx: Context, name: str) -> Interview | None:
    """The latest interview when it has answers but no reflection yet."""
    company = store.resolve_company(ctx.home, name)
    found = interview_store.interviews_by_start(ctx.home, company.slug)
    if not found:
        return None
    latest = found[-1][1]
    return latest if latest.reflection is None else None


def reflect(ctx: Context, name: str, gut: int | None, excited: str, worries: str, accept: str) -> Reflected:
    """Merge the fields given into the latest interview's reflection; the others keep their value."""
    path = reflection_target(ctx, name)
    given = reflection_fields(gut, excited, worries, accept)
    if not given:
        raise PrepError(
            "Nothing to save: give at least one of --gut, --excited, --worry or --accept "
            f"(e.g. prep reflect {path.parent.parent.name} --gut 4)."
        )
    changes = interview_store.update_reflection(path, given, now())
    return Reflected(path.relative_to(ctx.home), tuple(change.label() for change in changes))


REFLECTION_PROMPTS = (
    ("gut", "--gut 1-5"),
    ("excited", "--excited TEXT"),
    ("worries", "--worry TEXT"),
    ("accept", "--accept yes|no|unsure"),
)


def ask_reflection(ctx: Context, name: str) -> Reflected:
    """The reflection prompts of `prep review`; each answer is saved the moment it is entered.

    On Ctrl-C the half-typed text of the prompt on screen is saved too, and the Stopped
    message names what was kept and the `prep reflect` flags that finish the rest."""
    from interview_prep import prompts

    path = reflection_target(ctx, name)
    asks = {
        "gut": prompts.gut_score,
        "excited": lambda: prompts.text("What excited you?"),
        "worries": lambda: prompts.text("What worries you?"),
        "accept": prompts.accept_today,
    }
    kept: list[str] = []
    for field, _flag in REFLECTION_PROMPTS:
        try:
            value = asks[field]()
        except prompts.Interrupted as stop:
            if stop.partial.strip():
                _keep(path, field, stop.partial, kept)
            raise Stopped(_reflection_stopped(ctx, path, field, kept)) from None
        _keep(path, field, value, kept)
    return Reflected(path.relative_to(ctx.home), saved=bool(kept))


def _keep(path: Path, field: str, value: object, kept: list[str]) -> None:
    given = {field: value.strip() if isinstance(value, str) else value}
    if given[field] in (None, ""):
        return
    interview_store.update_reflection(path, given, now())
    kept.append(field)


def _reflection_stopped(ctx: Context, path: Path, stopped_at: str, kept: list[str]) -> str:
    slug = path.parent.parent.name
    fields = [field for field, _ in REFLECTION_PROMPTS]
    rest = [
        flag
        for field, flag in REFLECTION_PROMPTS
        if field not in kept and fields.index(field) >= fields.index(stopped_at)
    ]
    saved = f"Kept {', '.join(kept)} in {path.relative_to(ctx.home)}." if kept else "Nothing was saved."
    finish = f" Finish with: prep reflect {slug} {' '.join(rest)}" if rest else ""
    return f"Stopped. {saved}{finish}"


def reflection_target(ctx: Context, name: str) -> Path:
    """The interview a reflection belongs to: the company's latest, by start time."""
    company = store.resolve_company(ctx.home, name)
    path = interview_store.latest_path(ctx.home, company.slug)
    if path is None:
        raise PrepError(f"{company.name} has no interviews yet. Reflect after `prep ask {company.slug}`.")
    return path


def reflection_fields(gut: int | None, excited: str, worries: str, accept: str) -> dict[str, object]:
    """The reflection fields the user gave (checked), leaving out the ones not given."""
    if gut is not None and not 1 <= gut <= 5:
        raise PrepError(
            f"--gut {gut} is out of range; give a whole number from 1 (walk away) to 5 (can't wait)."
        )
    if accept and accept not in ACCEPT:
        raise PrepError(f"--accept {accept!r} is not one of: {', '.join(ACCEPT)}.")
    given: dict[str, object] = {"gut": gut, "excited": excited.strip(), "worries": worries.strip()}
    given["accept"] = accept
    return {key: value for key, value in given.items() if value not in (None, "")}


def done(ctx: Context, name: str, item: str) -> FollowUpDone:
    """Tick off one follow-up: any that `prep agenda` and `prep calendar` show (a promised date too)."""
    from interview_prep.commands.agenda import company_followups

    company = store.resolve_company(ctx.home, name)
    ids = {f.id: f.text for f in company_followups(ctx, company.slug)}
    if item not in ids:
        import difflib

        close = difflib.get_close_matches(item, list(ids), n=1, cutoff=0.3)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        known = ", ".join(ids) or "none yet (they appear after an interview)"
        raise PrepError(f"No follow-up '{item}' for {company.name}.{hint} Follow-ups: {known}.")
    store.mark_followup_done(ctx.home, company.slug, item, ids[item])
    return FollowUpDone(item, ids[item])


def pending(ctx: Context, name: str) -> PendingFollowUps:
    """The follow-ups not yet ticked off, soonest first (`prep done COMPANY` with no id)."""
    from interview_prep.commands.agenda import company_followups

    company = store.resolve_company(ctx.home, name)
    items = sorted(
        (f for f in company_followups(ctx, company.slug) if not f.done),
        key=lambda f: (f.due is None, f.due.isoformat() if f.due else "", f.id),
    )
    found = tuple((f.id, f.text, f.due.isoformat() if f.due else "") for f in items)
    return PendingFollowUps(company.name, company.slug, found)


def write_review(ctx: Context, slug: str, markdown: str) -> Path:
    """Save the review in review.md, replacing only its generated block."""
    folder = store.company_dir(ctx.home, slug)
    path = folder / REVIEW_FILE
    # Copied text is the user's: a line in it that looks like a marker is escaped, like entry text.
    inner = blocks.escape_text(markdown)

    def check(text: str) -> None:
        blocks.find_section(text, "review", path)

    with folder_lock(folder):
        if os.path.lexists(path):
            rewrite(
                path, lambda text: blocks.replace_section(text, "review", inner, path), check, always=True
            )
        else:
            intro = "# Review\n\nYour own notes can go anywhere outside the generated block.\n\n"
            atomic_write(path, intro + blocks.wrap_section("review", inner), verify=check)
    return path
