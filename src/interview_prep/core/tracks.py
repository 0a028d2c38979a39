"""Role tracks and company types: reading them from what the user typed. Pure.

A track is read from `--track` (its name or a common synonym) or, without it,
from the role's title by the rule table below. The first rule that matches
wins, so the more specific rules come first: "Engineering Manager, Data" is
a manager's job, "Staff Data Engineer" a data engineer's, and "Product
Designer" a designer's.
"""

from __future__ import annotations

import re

from interview_prep.banks.model import COMPANY_TYPE_ALIASES, COMPANY_TYPES, TRACK_ALIASES, TRACKS

# (pattern over the lowercased role title, track or None); None: no track, stop looking.
ROLE_RULES: tuple[tuple[str, str | None], ...] = (
    (r"\b(program|project|delivery|account) manager\b", None),
    (r"\bengineering manager\b|\bmanager,? (software )?engineering\b", "engineering-manager"),
    (r"\b(head|director|vp|vice president) of engineering\b|\bvp,? engineering\b", "engineering-manager"),
    (r"\bdesign(er)?\b|\bux\b|\buser research", "design"),
    (r"\bproduct (manager|owner|lead)\b|\bhead of product\b|\bgroup product\b", "product"),
    (r"\bdata (engineer|platform)|\banalytics engineer|\betl\b", "data-engineering"),
    (r"\bdata scien|\bdata analyst|\bdecision scien|\bstatistician\b", "data-science"),
    (r"\bmachine learning\b|\bml\b|\bmlops\b|\bai engineer|\bdeep learning\b", "ml"),
    (r"\bsre\b|\bsite reliability\b|\bplatform\b|\binfra(structure)?\b|\bdevops\b|\bcloud\b", "platform"),
    (r"\bfront[- ]?end\b|\bweb (developer|engineer)\b|\bui engineer\b", "frontend"),
    (r"\bmobile\b|\bios\b|\bandroid\b", "mobile"),
    (r"\bstaff\b|\bprincipal\b|\bdistinguished\b|\bfellow\b", "staff"),
)
_COMPILED = tuple((re.compile(pattern), track) for pattern, track in ROLE_RULES)


def _key(word: str) -> str:
    return "-".join(word.strip().lower().replace("_", " ").split())


def track_from_role(role: str) -> str | None:
    """The track a role title implies, or None when it names none (e.g. "Backend Engineer")."""
    title = " ".join(role.lower().split())
    for pattern, track in _COMPILED:
        if pattern.search(title):
            return track
    return None


def resolve_track(name: str) -> str | None:
    """A track from its id or a common synonym ("sre", "PM"), or None when unknown."""
    key = _key(name)
    return key if key in TRACKS else TRACK_ALIASES.get(key)


def resolve_company_type(name: str) -> str | None:
    """A company type from its id or a common synonym ("consultancy", "charity"), or None."""
    key = _key(name)
    return key if key in COMPANY_TYPES else COMPANY_TYPE_ALIASES.get(key)
