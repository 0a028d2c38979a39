"""A fixed company with three interviewers over two rounds, written with fixed timestamps."""

from __future__ import annotations

from pathlib import Path

from interview_prep.banks.loader import load_catalog
from interview_prep.core.checklist import tailored
from interview_prep.core.models import Company
from interview_prep.core.transcript import Interviewer, Reflection
from interview_prep.storage import companies, interviews
from interview_prep.storage.companies import ChecklistGroup

DANA = Interviewer("Dana", "hiring-manager")
LEE = Interviewer("Lee", "engineer")
SAM = Interviewer("Sam", "engineer")

ROUND_ONE = [
    ("love", DANA, "The people: smart, kind, and they ship."),
    ("love", LEE, "Shipping fast with a small team of kind people."),
    ("hate", LEE, "Deadlines are often set before anyone scopes the work."),
    ("hate", DANA, "Tight deadlines, and too many meetings."),
    ("hires-last-year-departures", DANA, "We hired 12 and 4 left, in a team of 12."),
    ("hours-per-week", LEE, "About 55 hours, more before launches."),
]
ROUND_TWO = [
    ("love", SAM, "The people. Also real ownership of what you build."),
    ("hate", SAM, "The deadline crunch every quarter; some micromanagement too."),
    ("interviewer-tenure", SAM, "About eight months."),
    ("next-steps", SAM, "A call with the VP next week, then an offer decision."),
]


def make_company(home: Path, slug: str = "acme", name: str = "Acme") -> Company:
    company = Company(
        name=name, slug=slug, role="Staff Engineer", stage="startup", created="2026-11-01T09:00:00+00:00"
    )
    catalog = load_catalog()
    chosen = tailored(catalog.questions.values(), company, [])
    groups = [ChecklistGroup("All", [(q.id, q.text, q.priority) for q in chosen])]
    companies.create_company(home, company, [], groups)
    return company


def add_interview(
    home: Path,
    company: Company,
    started: str,
    round_name: str,
    people: list[Interviewer],
    answers: list[tuple[str, Interviewer, str]],
    flags: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    reflection: Reflection | None = None,
    finished: bool = True,
) -> Path:
    path = interviews.start_interview(home, company, round_name, people, started)
    catalog = load_catalog()
    for number, (qid, person, text) in enumerate(answers):
        question = catalog.questions[qid].render(company.name, person.name)
        at = f"{started[:14]}{10 + number:02d}:00+00:00"
        interviews.append_entry(
            path,
            "answer",
            {"q": qid, "who": person.name, "at": at, "question": question},
            text,
            f"### {question} ({person.name})",
        )
    for text, severity, who in flags:
        interviews.append_entry(
            path,
            "flag",
            {"severity": severity, "who": who, "at": started, "signal": None},
            text,
            f"### Red flag ({severity})",
        )
    if reflection is not None:
        interviews.set_reflection(path, reflection)
    if finished:
        interviews.set_finished(path)
    return path


def build(home: Path) -> Company:
    company = make_company(home)
    add_interview(
        home,
        company,
        "2026-11-10T14:00:00+00:00",
        "onsite",
        [DANA, LEE],
        ROUND_ONE,
        flags=[("Dana and Lee exchanged looks when I asked about the manager", "high", "Lee")],
        reflection=Reflection(
            4, "The ownership", "Deadlines and hours", "unsure", "2026-11-10T16:00:00+00:00"
        ),
    )
    add_interview(home, company, "2026-11-17T10:00:00+00:00", "final", [SAM], ROUND_TWO)
    return company
