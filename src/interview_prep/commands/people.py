"""`prep people [NAME]` and `prep people merge`: everyone you met, across companies."""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.commands.context import Context
from interview_prep.core.people import Person, Said, add_unique, merged, name_key
from interview_prep.errors import PrepError
from interview_prep.storage import companies as store
from interview_prep.storage import interviews as interview_store
from interview_prep.storage import people as people_store


def everyone(ctx: Context) -> list[Person]:
    """One Person per (company, name), joined where the user merged them; most recently met first."""
    by_key: dict[tuple[str, str], Person] = {}
    for slug in store.company_slugs(ctx.home):
        company = store.read_company(ctx.home, slug)
        for interview in interview_store.load_interviews(ctx.home, slug):
            roles = {name_key(p.name): p.role for p in interview.interviewers}
            named = [p.name for p in interview.interviewers] + [a.who for a in interview.answers]
            seen: set[str] = set()
            for name in named:
                key = (slug, name_key(name))
                if not key[1] or key[1] in seen:
                    continue
                seen.add(key[1])
                found = by_key.setdefault(
                    key, Person(" ".join(name.split()), keys=[key], companies=[company.name])
                )
                add_unique(found.roles, roles.get(key[1], ""))
                found.rounds += interview.is_round
                found.last_met = max(found.last_met, interview.started)
                found.said += [
                    Said(company.name, interview.id, a.question_text or a.question_id, a.text, a.at)
                    for a in interview.answers
                    if name_key(a.who) == key[1] and a.text.strip()
                ]
    people = merged(by_key, people_store.read_merges(ctx.home))
    return sorted(people, key=lambda p: (p.last_met, p.name.casefold()), reverse=True)


def find(ctx: Context, name: str) -> list[Person]:
    wanted = name_key(name)
    found = [p for p in everyone(ctx) if any(key == wanted for _, key in p.keys)]
    if not found:
        found = [p for p in everyone(ctx) if any(wanted in key for _, key in p.keys)]
    if not found:
        raise PrepError(f"Nobody named '{name}' in your interviews. `prep people` lists everyone you met.")
    return found


def merge(ctx: Context, specs: Sequence[str]) -> Person:
    """Join people given as NAME@COMPANY into one person."""
    if len(specs) < 2:
        raise PrepError(
            'Give two or more people to merge, each as NAME@COMPANY, e.g. "Dana@acme" "Dana@globex".'
        )
    keys = []
    for spec in specs:
        name, at, company_name = spec.rpartition("@")
        if not at or not name.strip() or not company_name.strip():
            raise PrepError(f'{spec!r} needs NAME@COMPANY, e.g. "Dana@acme".')
        company = store.resolve_company(ctx.home, company_name)
        key = (company.slug, name_key(name))
        if not any(key in person.keys for person in everyone(ctx)):
            raise PrepError(
                f"Nobody named '{name.strip()}' in {company.name}'s interviews; check `prep people`."
            )
        keys.append(key)
    words = " = ".join(f"{name}@{slug}" for slug, name in keys)
    people_store.add_merge(ctx.home, keys, words)
    return next(person for person in everyone(ctx) if keys[0] in person.keys)
