"""The plain-text view of each small result: one function per result, our own words.

Printed through output.say (the one writer), so user text in them is made inert.
"""

from __future__ import annotations

from pathlib import Path

from interview_prep import output
from interview_prep.core.models import Company
from interview_prep.core.results import (
    CompanyList,
    FollowUpDone,
    InterviewFinished,
    PendingFollowUps,
    Reflected,
    Saved,
    SettingsView,
    StatusChanged,
)

NO_COMPANIES = 'No companies yet. Start with: prep new acme --role "Staff Engineer"'


def company_created(company: Company, questions: int, where: str) -> str:
    return f"Created {company.name} with {questions} questions in {where}. Next: prep ask {company.slug} --with NAME:ROLE"


def company_list(result: CompanyList, width: int) -> str:
    if not result.companies:
        return NO_COMPANIES
    rows = [[c.name, c.role or "-", c.stage or "-", c.status, c.created[:10]] for c in result.companies]
    return output.table(["Company", "Role", "Stage", "Status", "Created"], rows, width)


def settings(view: SettingsView) -> str:
    note = "" if view.exists else " (not created yet; defaults in use)"
    thresholds = ", ".join(f"{k} = {v:g}" for k, v in view.thresholds.items()) or "bank defaults"
    return "\n".join(
        [
            f"Settings file: {view.path}{note}",
            f"Thresholds: {thresholds}",
            f"Dealbreakers: {', '.join(view.dealbreakers) or 'none'}",
            f"What you value: {', '.join(view.values) or 'not set'}",
            f"Key messages: {'; '.join(view.key_messages) or 'not set'}",
            f"Your currency: {view.currency or 'not set'}",
        ]
    )


def status_changed(result: StatusChanged) -> str:
    return f"Set {result.company.name} to {result.company.status}."


def reflected(result: Reflected) -> str:
    if not result.saved:
        return f"No reflection saved in {result.where} (every prompt was skipped)."
    changed = f" Changed: {'; '.join(result.changes)}." if result.changes else ""
    return f"Saved your reflection to {result.where}.{changed}"


def followup_done(result: FollowUpDone) -> str:
    return f"Ticked off: {result.text}."


def pending_followups(result: PendingFollowUps) -> str:
    """What `prep done COMPANY` lists: each id with its text and date, then how to tick one off."""
    if not result.items:
        return f"Nothing to tick off for {result.company}: no follow-up is pending."
    lines = [f"Follow-ups for {result.company} still to do:"]
    width = max(len(item_id) for item_id, _, _ in result.items)
    for item_id, text, due in result.items:
        lines.append(f"  {item_id.ljust(width)}  {text}" + (f" (by {due})" if due else ""))
    lines.append(f"Tick one off with: prep done {result.slug} ID")
    return "\n".join(lines)


def review_saved(where: Path) -> str:
    return f"Saved the review to {where}."


def saved(result: Saved) -> str:
    if not result.added:
        return f"Already saved as {result.kind} {result.number} in {result.where}; not stored twice."
    return f"Saved {result.kind} {result.number} to {result.where}."


def interview_finished(result: InterviewFinished) -> str:
    if result.counts is None:
        return f"Finished with nothing recorded, so no interview was kept. Next: prep ask {result.slug}"
    answers, flags, notes = result.counts
    counts = ", ".join(
        _count(number, word) for number, word in ((answers, "answer"), (flags, "red flag"), (notes, "note"))
    )
    return f"Finished: {counts} in {result.where}. Next: prep review {result.slug}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")
