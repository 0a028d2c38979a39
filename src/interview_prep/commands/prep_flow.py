"""The candidate's own prep prompts (`prep new`, `prep new COMPANY --prep`): every answer is
saved as it is entered, and a Ctrl-C says what was kept and how to finish the rest."""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.banks.model import PrepPrompt
from interview_prep.commands.context import Context
from interview_prep.errors import Stopped
from interview_prep.storage.prep_block import PrepAnswer, merge_prep, read_prep


def unfinished(prompts: Sequence[PrepPrompt], answers: dict[str, PrepAnswer]) -> list[PrepPrompt]:
    """Prompts with no answer yet, and lists with fewer items than they ask for."""
    return [
        prompt
        for prompt in prompts
        if prompt.prompt not in answers
        or (prompt.kind == "list" and len(answers[prompt.prompt]) < (prompt.min or 1))
    ]


def write_prep(
    ctx: Context, slug: str, prompts_to_ask: Sequence[PrepPrompt], ask_first: bool, done_so_far: str
) -> str:
    """Ask the unfinished prep prompts; returns what became of the prep (raises Stopped on Ctrl-C,
    whose line opens with `done_so_far`, e.g. "Created acme with 12 questions.")."""
    from interview_prep import prompts

    kinds = {prompt.prompt: prompt.kind for prompt in prompts_to_ask}
    before = read_prep(ctx.home, slug, kinds)
    todo = unfinished(prompts_to_ask, before)
    started = {p.id: list(before[p.prompt]) for p in todo if p.kind == "list" and p.prompt in before}

    def save(answers: prompts.PrepAnswers) -> None:
        merge_prep(ctx.home, slug, [(prompt.prompt, answer) for prompt, answer in answers], kinds)

    try:
        prompts.self_prep(todo, save, ask_first, started)
    except prompts.Interrupted:
        raise Stopped(_stopped(ctx, slug, prompts_to_ask, before, done_so_far)) from None
    after = read_prep(ctx.home, slug, kinds)
    rest = unfinished(prompts_to_ask, after)
    if not todo:
        return "Your prep is already complete."
    if rest and after == before:
        return f"No prep written. Write it any time with `prep new {slug} --prep`."
    left = f" Still open: {_names(rest)}; `prep new {slug} --prep` finishes them." if rest else ""
    return f"Your prep is saved.{left}"


def _stopped(
    ctx: Context, slug: str, prompts: Sequence[PrepPrompt], before: dict[str, PrepAnswer], done_so_far: str
) -> str:
    kinds = {prompt.prompt: prompt.kind for prompt in prompts}
    after = read_prep(ctx.home, slug, kinds)
    changed = [p for p in prompts if p.prompt in after and after[p.prompt] != before.get(p.prompt)]
    kept = (
        f"Kept your prep for {_names(changed, after)} in {slug}/company.md."
        if changed
        else "No prep answer was saved in this run."
    )
    rest = unfinished(prompts, after)
    finish = f" Finish the rest ({_names(rest)}) with `prep new {slug} --prep`." if rest else ""
    return f"Stopped. {done_so_far} {kept}{finish}"


def _names(prompts: Sequence[PrepPrompt], answers: dict[str, PrepAnswer] | None = None) -> str:
    def name(prompt: PrepPrompt) -> str:
        value = (answers or {}).get(prompt.prompt)
        return f"{prompt.id} ({len(value)} items)" if isinstance(value, list) else prompt.id

    return ", ".join(name(prompt) for prompt in prompts)
