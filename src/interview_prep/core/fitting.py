"""How much of the plan fits the minutes you have for questions. Pure; shared by `prep plan` and `prep ask`.

A question is costed at MINUTES_PER_QUESTION: about half a minute to ask it
and two to hear the answer and note it (follow-ups come out of the same
time). The minutes are shared evenly by the people in the room. With no
minutes given, each person gets DEFAULT_PER_PERSON questions (seed 003: come
with three to five). Within a person's share, the questions for everyone
(love, hate) come first, then the rest in the plan's order, which is must,
should, could; what fits is asked in the plan's order.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from interview_prep.core.interview import Step

MINUTES_PER_QUESTION = 2.5
DEFAULT_PER_PERSON = 4


def share(minutes: float | None, people: int) -> int:
    """Questions per person: their share of the minutes, at least one."""
    if minutes is None:
        return DEFAULT_PER_PERSON
    return max(1, int(minutes / max(people, 1) / MINUTES_PER_QUESTION))


def fit(
    steps: Sequence[Step],
    people: Sequence[str],
    minutes: float | None,
    for_everyone: Collection[str],
    already: Mapping[str, int] | None = None,
) -> list[Step]:
    """The steps that fit, in plan order; `already` counts what each person was asked this round."""
    cap = share(minutes, len(people))
    used = dict(already or {})
    kept: set[tuple[str, str]] = set()
    for first_pass in (True, False):
        for step in steps:
            if (step.question_id in for_everyone) != first_pass:
                continue
            if used.get(step.who, 0) < cap:
                used[step.who] = used.get(step.who, 0) + 1
                kept.add((step.question_id, step.who))
    return [step for step in steps if (step.question_id, step.who) in kept]


def minutes_needed(steps: Sequence[Step]) -> float:
    return len(steps) * MINUTES_PER_QUESTION


def love_and_hate_first(
    steps: Sequence[Step], for_everyone: Collection[str], minutes_left: float
) -> list[Step]:
    """The steps with the questions for everyone moved to the front, once time runs short.

    Time runs short when one more of the other questions would leave less than
    the questions for everyone still need (seed 000: leave time for the
    questions that matter at the end). Otherwise the order is kept.
    """
    everyone = [step for step in steps if step.question_id in for_everyone]
    if not everyone or minutes_left >= minutes_needed(everyone) + MINUTES_PER_QUESTION:
        return list(steps)
    return everyone + [step for step in steps if step.question_id not in for_everyone]
