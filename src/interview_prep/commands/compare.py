"""`prep compare` and `prep export`: every company on what you heard, in your categories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview_prep.banks.model import CATEGORIES
from interview_prep.commands.context import Context
from interview_prep.commands.offers import latest_offer
from interview_prep.core import decide
from interview_prep.core.phrases import PhraseMatcher
from interview_prep.errors import PrepError
from interview_prep.storage import companies as store
from interview_prep.storage import interviews as interview_store


@dataclass(frozen=True)
class CompareView:
    comparison: decide.Comparison
    problems: tuple[str, ...] = ()


def parse_weights(given: Sequence[str]) -> dict[str, float]:
    """`--weight work-life=3` (a category's id or title) -> {"work-life": 3.0}."""
    weights: dict[str, float] = {}
    for text in given:
        name, _, number = text.rpartition("=")
        category = decide.category_named(name)
        try:
            weight = float(number)
        except ValueError:
            weight = float("nan")
        if not name.strip() or not 0 <= weight <= 100:
            raise PrepError(
                f"--weight {text!r} needs CATEGORY=N with N from 0 to 100, e.g. --weight work-life=3."
            )
        if category is None:
            raise PrepError(f"--weight {text!r}: '{name}' is not a category. {_categories_hint(name)}")
        weights[category] = weight
    return weights


def _categories_hint(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(decide.category_key(name), list(CATEGORIES), n=1, cutoff=0.5)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    return f"{hint}Categories: {', '.join(CATEGORIES)}."


def company_files(ctx: Context, slug: str) -> decide.CompanyFiles:
    company = store.read_company(ctx.home, slug)
    interviews = [
        (str(path.relative_to(ctx.home)), interview)
        for path, interview in interview_store.interviews_by_start(ctx.home, slug)
    ]
    return decide.CompanyFiles(company, interviews, latest_offer(ctx, slug))


def build(
    ctx: Context, weights: Sequence[str], only: str | None = None, explain: str | None = None
) -> CompareView:
    """The comparison of every company (or `only` one); a company prep cannot read is one problem line."""
    given = parse_weights(weights)
    catalog, settings = ctx.catalog(), ctx.settings()
    files: list[decide.CompanyFiles] = []
    problems: list[str] = []
    slugs = [store.resolve_company(ctx.home, only).slug] if only else store.company_slugs(ctx.home)
    for slug in slugs:
        try:
            files.append(company_files(ctx, slug))
        except PrepError as error:
            if only:
                raise
            problems.append(error.message)
    notes: list[str] = []
    if given:
        columns = decide.columns_from_weights(given)
    elif settings.values:
        columns, notes = decide.columns_from_values(settings.values, catalog)
    else:
        columns = decide.heard_columns(files, catalog)
    if explain is not None:
        explain_key(explain, columns)  # refused before any work
    matcher = PhraseMatcher(catalog, settings.dealbreakers)
    comparison = decide.compare(files, columns, catalog, settings.thresholds, matcher, notes)
    return CompareView(comparison, tuple(problems))


def explain_key(explain: str, columns: Sequence[decide.Column]) -> str:
    """The column `--explain` names: a category shown, or flags, gut, accept, offer."""
    wanted = explain.strip().casefold()
    if wanted in decide.FIXED:
        return wanted
    named = decide.category_named(explain)
    if named is not None and any(column.key == named for column in columns):
        return named
    if wanted == decide.OWN and any(column.key == decide.OWN for column in columns):
        return decide.OWN
    shown = ", ".join([column.key for column in columns] + list(decide.FIXED))
    raise PrepError(f"--explain {explain!r} is not a column of this table. Columns: {shown}.")
