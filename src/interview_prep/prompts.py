"""Every interactive prompt, and the only module that imports questionary.

Prompts use `unsafe_ask()` so Ctrl-C raises KeyboardInterrupt (the callers
save and exit 130) instead of quietly returning None.
"""

from __future__ import annotations

from collections.abc import Sequence

import questionary
from questionary import Choice

from interview_prep.banks.model import PrepPrompt, Question, Signal

PRIORITY_MARK = {"must": "must  ", "should": "should", "could": "could "}


def pick_questions(
    candidates: Sequence[Question], preselected: Sequence[Question], company: str
) -> list[Question]:
    chosen = {question.id for question in preselected}
    choices = [
        Choice(
            title=f"{PRIORITY_MARK.get(q.priority, q.priority)} {q.render(company, None)}",
            value=q.id,
            checked=q.id in chosen,
        )
        for q in candidates
    ]
    picked: list[str] = questionary.checkbox(
        f"Questions for {company} (space toggles, enter confirms; tailored ones are ticked):",
        choices=choices,
    ).unsafe_ask()
    wanted = set(picked)
    return [q for q in candidates if q.id in wanted]


def self_prep(prompts: Sequence[PrepPrompt]) -> list[tuple[PrepPrompt, str | list[str]]]:
    """The candidate's own prep; every prompt can be skipped with Enter."""
    if not prompts or not confirm(
        "Write your own prep now (key messages, a recent win, why this company)?", True
    ):
        return []
    answers: list[tuple[PrepPrompt, str | list[str]]] = []
    for prompt in prompts:
        if prompt.kind == "list":
            items = list_items(prompt)
            if items:
                answers.append((prompt, items))
        else:
            text = questionary.text(prompt.prompt, instruction="(Enter to skip)").unsafe_ask()
            if text.strip():
                answers.append((prompt, text.strip()))
    return answers


def list_items(prompt: PrepPrompt) -> list[str]:
    limit = prompt.max or 10
    items: list[str] = []
    while len(items) < limit:
        label = f"{prompt.prompt} ({len(items) + 1}/{limit})" if items else prompt.prompt
        text = questionary.text(
            label, instruction="(one per line; Enter on an empty line to finish)"
        ).unsafe_ask()
        if not text.strip():
            break
        items.append(text.strip())
    return items


def answer(message: str, default: str = "", multiline: bool = False) -> str:
    result: str = questionary.text(message, default=default, multiline=multiline, qmark=">").unsafe_ask()
    return result


def text(message: str, default: str = "") -> str:
    result: str = questionary.text(message, default=default).unsafe_ask()
    return result


def confirm(message: str, default: bool = True) -> bool:
    result: bool = questionary.confirm(message, default=default).unsafe_ask()
    return result


def severity(default: str = "medium") -> str:
    result: str = questionary.select(
        "Severity?", choices=["high", "medium", "low"], default=default
    ).unsafe_ask()
    return result


OWN_WORDS = "__own__"


def signal_or_text(signals: Sequence[Signal]) -> tuple[str, Signal | None]:
    """A red flag: typed in the user's words, or picked from the signals bank."""
    choices = [Choice("Type it in my own words", value=OWN_WORDS)] + [
        Choice(f"[{s.severity}] {s.text}", value=s.id) for s in signals
    ]
    picked: str = questionary.select("Red flag:", choices=choices).unsafe_ask()
    if picked == OWN_WORDS:
        return text("What did you notice?"), None
    chosen = next(s for s in signals if s.id == picked)
    extra = text("Evidence (what was said or done; Enter to skip):")
    return (extra.strip() or chosen.text), chosen


def gut_score() -> int | None:
    picked: str = questionary.select(
        "Gut score, before talking to anyone (5 = can't wait, 1 = walk away):",
        choices=["5", "4", "3", "2", "1", "skip"],
        default="3",
    ).unsafe_ask()
    return None if picked == "skip" else int(picked)


def accept_today() -> str:
    result: str = questionary.select(
        "Would you accept an offer today?", choices=["yes", "unsure", "no"], default="unsure"
    ).unsafe_ask()
    return result
