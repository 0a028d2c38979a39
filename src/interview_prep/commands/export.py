"""`prep export`: the compare table written to a file, as CSV or as a self-contained HTML report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from interview_prep.commands import compare
from interview_prep.commands.context import Context
from interview_prep.commands.offers import latest_offer
from interview_prep.core.offers import value
from interview_prep.errors import PrepError


@dataclass(frozen=True)
class Exported:
    kind: str  # csv | html
    path: Path
    companies: int
    problems: tuple[str, ...] = ()


def export(
    ctx: Context, csv_file: str | None, html_file: str | None, company: str | None, weights: Sequence[str]
) -> list[Exported]:
    if not csv_file and not html_file:
        raise PrepError("Say where to write: --csv FILE, --html FILE, or both.")
    view = compare.build(ctx, weights, only=company)
    done = []
    if csv_file:
        from interview_prep.render.export_view import csv_text

        done.append(_write("csv", csv_file, csv_text(view.comparison), view))
    if html_file:
        from interview_prep.render.export_view import html_page

        offers = []
        for line in view.comparison.lines:
            latest = latest_offer(ctx, line.company.slug)
            if latest is not None:
                offers.append((line.company.slug, value(latest[0]), latest[1]))
        title = f"{view.comparison.lines[0].company.name}: what you heard" if company else "Every company"
        made = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        done.append(_write("html", html_file, html_page(view.comparison, offers, title, made), view))
    return done


def _write(kind: str, name: str, text: str, view: compare.CompareView) -> Exported:
    from interview_prep.storage.atomic import atomic_write

    path = Path(name).expanduser()
    if path.is_dir():
        raise PrepError(f"--{kind} {name} is a folder; give a file name, e.g. --{kind} report.{kind}.")
    if not path.parent.is_dir():
        raise PrepError(f"--{kind} {name}: the folder {path.parent} does not exist; create it first.")
    atomic_write(path, text)  # a new file is private (0600): it quotes what interviewers said
    return Exported(kind, path, len(view.comparison.lines), view.problems)
