"""`prep review`, `prep reflect`, `prep done`: gather a company's files and analyse them."""

from __future__ import annotations

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
from interview_prep.core.results import FollowUpDone, Reflected
from interview_prep.core.transcript import Interview, Reflection
from interview_prep.errors import PrepError
from interview_prep.storage import blocks
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
    return analysis.review(
        company,
        interview_store.load_interviews(ctx.home, company.slug),
        ctx.catalog(),
        checklist,
        settings.thresholds,
        settings.dealbreakers,
        done,
        today(),
        settings.values,
    )


# What the user answers when asked to reflect first: gut, excited, worries, accept.
ReflectionAnswers = tuple[int | None, str, str, str]


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """`prep review COMPANY`: the review, the reflection written first (if any), where it was saved."""

    review: analysis.Review
    reflected: Reflected | None
    saved_to: Path | None


def review_company(
    ctx: Context, name: str, write: bool, ask_reflection: Callable[[], ReflectionAnswers] | None
) -> ReviewOutcome:
    """One company's review; with `ask_reflection`, the missing reflection is asked and saved first."""
    reflected = None
    if ask_reflection is not None and needs_reflection(ctx, name) is not None:
        reflected = reflect(ctx, name, *ask_reflection())
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
    cached = RowCache.open(ctx.home, ctx.user_banks)
    summarize = _Summarizer(ctx)
    rows = []
    for slug in store.company_slugs(ctx.home):
        # Stamped before reading: an edit made meanwhile changes the stamp, so no stale row is kept.
        stamp = interview_store.company_stamp(ctx.home, slug)
        row = cached.get(slug, stamp)
        if row is None:
            try:
                row = summarize(slug)
            except PrepError as error:
                if problems is None:
                    raise
                problems.append(error.message)
                continue
            cached.put(slug, stamp, row)
        rows.append(row)
    cached.save()
    return compare.sort_rows(rows, sort)


class _Summarizer:
    """Reads and summarises one company; the catalog, settings and matcher are loaded at the first."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._matcher: PhraseMatcher | None = None

    def __call__(self, slug: str) -> compare.CompanyRow:
        ctx = self._ctx
        catalog, settings = ctx.catalog(), ctx.settings()
        if self._matcher is None:
            self._matcher = PhraseMatcher(catalog, settings.dealbreakers)
        company = store.read_company(ctx.home, slug)
        path = store.company_file(ctx.home, slug)
        done = store.done_followups(read_text(path), path)  # the checklist is not needed here
        found = interview_store.load_interviews(ctx.home, slug)
        return compare.summarize(company, found, catalog, settings.thresholds, self._matcher, done)


def needs_reflection(ctx: Context, name: str) -> Interview | None:
    """The latest interview when it has answers but no reflection yet."""
    company = store.resolve_company(ctx.home, name)
    paths = interview_store.list_interview_paths(ctx.home, company.slug)
    if not paths:
        return None
    latest = interview_store.load_interview(paths[-1])
    return latest if latest.reflection is None else None


def reflect(ctx: Context, name: str, gut: int | None, excited: str, worries: str, accept: str) -> Reflected:
    company = store.resolve_company(ctx.home, name)
    paths = interview_store.list_interview_paths(ctx.home, company.slug)
    if not paths:
        raise PrepError(f"{company.name} has no interviews yet. Reflect after `prep ask {company.slug}`.")
    if gut is not None and not 1 <= gut <= 5:
        raise PrepError(
            f"--gut {gut} is out of range; give a whole number from 1 (walk away) to 5 (can't wait)."
        )
    if accept and accept not in ACCEPT:
        raise PrepError(f"--accept {accept!r} is not one of: {', '.join(ACCEPT)}.")
    interview_store.set_reflection(
        paths[-1], Reflection(gut, excited.strip(), worries.strip(), accept, now())
    )
    return Reflected(paths[-1].relative_to(ctx.home))


def done(ctx: Context, name: str, item: str) -> FollowUpDone:
    found = company_review(ctx, name)
    ids = {f.id: f.text for f in found.followups}
    if item not in ids:
        import difflib

        close = difflib.get_close_matches(item, list(ids), n=1, cutoff=0.3)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        known = ", ".join(ids) or "none yet (they appear after an interview)"
        raise PrepError(f"No follow-up '{item}' for {found.company.name}.{hint} Follow-ups: {known}.")
    store.mark_followup_done(ctx.home, found.company.slug, item, ids[item])
    return FollowUpDone(item, ids[item])


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
