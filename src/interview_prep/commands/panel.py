"""`--with NAME:ROLE`, read: who is on the panel, for `prep ask`, `prep plan`, `prep sheet` and
`prep schedule`. Its own module so that the commands that only plan do not import the live
interview loop (commands/ask.py pulls in the interview screen and Rich)."""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.core.interview import normalise_role
from interview_prep.core.transcript import Interviewer
from interview_prep.errors import PrepError


def parse_with(values: Sequence[str]) -> list[Interviewer]:
    people: list[Interviewer] = []
    for value in values:
        name, _, role_text = value.partition(":")
        if not name.strip() or not role_text.strip():
            raise PrepError(
                f'--with {value!r} needs NAME:ROLE, e.g. --with "Dana:hiring-manager" '
                "(roles: recruiter, hiring-manager, engineer, executive)."
            )
        role = normalise_role(role_text)
        if role is None:
            raise PrepError(
                f"--with {value!r}: '{role_text}' is not a role. "
                "Use recruiter, hiring-manager, engineer or executive."
            )
        if any(person.name == name.strip() for person in people):
            raise PrepError(f"--with names {name.strip()!r} twice; give each person once.")
        people.append(Interviewer(" ".join(name.split()), role))
    return people
