"""Synthetic data homes of realistic shape, written straight to disk.

Each company gets what `prep new NAME --no-input` writes (front matter, the
prep block, the tailored checklist), then four interviews of about thirty
answers each, a few red flags, notes, a skip and a reflection, in the exact
on-disk format (docs/format.md). The text comes from prep's own storage
rendering functions (`render_company`, `render_new`, `format_entry`,
`set_field`, `tick`), and entries are appended exactly the way
`storage.interviews.append_entry` appends them, so what `prep` reads here is
what it would read after thousands of real runs. Writing directly (no locks,
no fsync, no subprocess) makes 5,000 companies take seconds, not hours.
"""

from __future__ import annotations

import itertools
import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from interview_prep.banks.loader import load_catalog
from interview_prep.banks.model import Catalog, Question
from interview_prep.core import checklist
from interview_prep.core.models import STATUSES, Company
from interview_prep.core.transcript import Interviewer, PanelMember, Reflection, ScheduledRound
from interview_prep.storage import blocks, frontmatter, records, schedule
from interview_prep.storage import companies as company_store
from interview_prep.storage import interviews as interview_store
from interview_prep.storage.entries import answer_heading
from interview_prep.storage.slug import slugify

ANSWERS_PER_INTERVIEW = 30
INTERVIEWS_PER_COMPANY = 4
FOLDER_MODE = 0o700
FILE_MODE = 0o600

_FIRST = (
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell",
    "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Monarch", "Aperture", "Black Mesa", "Nakatomi",
    "Oscorp", "Pied Piper", "Massive Dynamic", "Sterling Cooper", "Dunder Mifflin", "Prestige",
    "Bluth", "Krusty", "Duff", "Gekko", "Weyland", "Yoyodyne", "Zorg",
)  # fmt: skip
_SECOND = ("Inc.", "Labs", "Systems", "Analytics", "Health", "Cloud", "Robotics", "Foods", "Bank", "AI")
_PEOPLE = (
    "Dana", "Lee", "Sam", "Priya", "Jonas", "Aiko", "Mateo", "Chloé", "Ngozi", "Farah",
    "Olu", "Mei", "Tomás", "Ines", "Ravi", "Greta", "Kwame", "Lena", "Yusuf", "Ada",
)  # fmt: skip
_ROUNDS = (
    ("screen", ("recruiter",)),
    ("hiring-manager", ("hiring-manager",)),
    ("onsite", ("engineer", "engineer", "hiring-manager")),
    ("final", ("executive",)),
)
_ROLES = ("Staff Engineer", "Senior Engineer", "Engineering Manager", "Product Designer", "Data Scientist")

# Sentences answers are made of: mostly ordinary, a few with phrases the signals bank looks for.
_ORDINARY = (
    "Honestly it depends on the quarter.",
    "Most of the time the team decides together in planning and we revisit it every two weeks.",
    "We have a written doc for that; the tech lead proposes and the manager signs off.",
    "Anyone can push back, and people do.",
    "Good question, nobody has asked me that before.",
    "I think the main thing is ownership: you ship it, you run it.",
    "The last person in this seat moved to the platform team and is happy to talk to you.",
    "Mostly pairing in the first month, then a small project of your own with a buddy to review.",
    "We do a written review twice a year plus monthly one-to-ones; the rubric is public internally.",
    "Our biggest customer segment is mid-size retailers; they pay annually and churn is low.",
    "Remote-first, two core hours a day overlap, and we meet in person once a quarter.",
    "Everyone reviews code within the hour and nobody gatekeeps.",
    "We measure it with a couple of product metrics the team chose itself.",
    "There is a learning budget, and people actually use it.",
    "Promotions are decided by a committee with written evidence from your manager and peers.",
    "We ship to production several times a day behind feature flags.",
    "Incidents get a blameless write-up within a week.",
    "The roadmap is set per quarter with input from sales and support.",
    "I joined two years ago from a bigger company and it was the right move for me.",
    "The product team sits with us, so questions get answered the same day.",
    "We are profitable on the core product and raising for the next one.",
    "Onboarding has a checklist and a buddy, and your first commit lands in week one.",
    "Salary bands are published internally and reviewed every year.",
    "Expect to spend about a third of your time on maintenance.",
)
_TELLING = (
    "It's fast-paced, I won't lie, and some weeks we firefight.",
    "I'd rather not say too much about that right now.",
    "We're like a family here, people go the extra mile.",
    "There was a layoff last year, mostly in sales.",
    "There was a reorg in spring and a new VP came in.",
    "We are still figuring out parts of it, which is why we are hiring.",
)
_BY_QUESTION = {
    "love": (
        "The people and the pace. I learn something every week.",
        "The autonomy: nobody tells me how to do my job, and the people are great.",
        "Honestly, the people. And the product actually helps customers.",
    ),
    "hate": (
        "The on-call rota can be rough; we get woken up more than I'd like.",
        "Too many meetings, and priorities change often after the reorg.",
        "Priorities change a lot and the on-call load is uneven across teams.",
    ),
    "hours-per-week": (
        "About 45, more before launches.",
        "Maybe 40 to 45 hours in a normal week.",
        "Honestly about 55 hours, we are behind on the roadmap.",
    ),
    "hires-last-year-departures": (
        "We hired 12 and 4 left.",
        "We hired 6 last year and 1 left.",
        "We hired 20, and 9 of them have left already.",
    ),
    "team-size": ("8 engineers and a designer.", "Twelve people, two of them managers.", "Five of us."),
    "days-off-taken": ("I took 25 days last year.", "Maybe 8 days, it was a busy year."),
    "managers-in-two-years": ("Three managers in two years.", "Just one, the same manager since I joined."),
    "interviewer-tenure": ("About 3 years now.", "8 months."),
    "oncall-frequency": ("One week in six.", "Every other week, which is a lot."),
}
_FLAGS = (
    ("Both avoided the question about the manager.", "high", "tight-lipped-about-manager"),
    ("Said weekends are normal before launches.", "high", "long-hours"),
    ("Interviewer joined late and had not read my CV.", "medium", "interviewer-unprepared"),
    ("Looked at each other when I asked about turnover.", "high", "looks-exchanged"),
    ("Offer expires in 48 hours, they said.", "medium", None),
)
_NOTES = (
    "Office was very quiet; everyone had headphones on.",
    "Recruiter said a decision by Friday.",
    "Ask about the on-call budget next round.",
    "They mentioned a new VP of engineering starting next month.",
)


@dataclass(frozen=True)
class Generated:
    home: Path
    companies: int
    files: int
    bytes: int
    slugs: list[str]


def generate(home: Path, count: int, seed: int = 1, catalog: Catalog | None = None) -> Generated:
    """Write `count` companies into `home` (created 0700). Deterministic for a seed."""
    rng = random.Random(seed)
    catalog = catalog or load_catalog(None)
    home.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    files = size = 0
    slugs: list[str] = []
    for index in range(count):
        company = _company(rng, index)
        company_text, questions = _company_file(company, catalog)
        folder = home / company.slug
        folder.mkdir(mode=FOLDER_MODE)
        (folder / interview_store.INTERVIEWS).mkdir(mode=FOLDER_MODE)
        start = datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc) + timedelta(days=index % 300)
        asked: set[str] = set()
        for round_number, (round_name, roles) in enumerate(_ROUNDS):
            started = start + timedelta(days=7 * round_number, minutes=rng.randrange(0, 480, 10))
            # The last round is in progress for some companies (always the first: the
            # bench's `prep answer` target).
            last = round_number == INTERVIEWS_PER_COMPANY - 1
            finished = not last or (index > 0 and rng.random() < 0.7)
            path, text = _interview_file(
                rng, folder, company, catalog, questions, round_name, roles, started, finished, asked
            )
            size += _write(path, text)
            files += 1
        company_path = folder / company_store.COMPANY_FILE
        company_text = company_store.tick(company_text, company_path, "checklist", "q", asked)
        if index % 3 == 0:  # a third of the pipeline has a round on the calendar (prep agenda)
            company_text = _with_scheduled_round(company_text, company_path, start, index)
        company_text = _with_status_history(company_text, company_path, company, index)
        size += _write(company_path, company_text)
        files += 1
        slugs.append(company.slug)
    return Generated(home, count, files, size, slugs)


def _with_scheduled_round(text: str, path: Path, start: datetime, index: int) -> str:
    at = (start + timedelta(days=7 * INTERVIEWS_PER_COMPANY + index % 5)).replace(hour=9 + index % 8)
    scheduled = ScheduledRound(
        f"{at:%Y-%m-%d-%H%M}", at, "UTC", 45, (PanelMember("Ava", "engineer"),), "final", ""
    )
    fields = schedule.round_fields(scheduled)
    return records.with_record(text, path, records.SCHEDULE, fields, schedule.round_words(scheduled))


def _with_status_history(text: str, path: Path, company: Company, index: int) -> str:
    """The changes `prep status` would have dated on the way to the company's status (prep stats)."""
    steps = STATUSES[: STATUSES.index(company.status) + 1]
    days = random.Random(index)  # its own generator: the rest of the data stays as it was
    at = datetime.fromisoformat(company.created)
    for before, after in itertools.pairwise(steps):
        at += timedelta(days=days.randrange(1, 15), hours=days.randrange(0, 9))
        fields = {"at": at.isoformat(timespec="seconds"), "from": before, "to": after}
        words = f"{at:%Y-%m-%d %H:%M}: {before} -> {after}"
        text = records.with_record(text, path, records.HISTORY, fields, words)
    return text


def _company(rng: random.Random, index: int) -> Company:
    name = f"{_FIRST[index % len(_FIRST)]} {_SECOND[(index // len(_FIRST)) % len(_SECOND)]} {index + 1}"
    slug = slugify(name)
    stage = rng.choice((None, "startup", "scaleup", "enterprise", "public"))
    return Company(
        name=name,
        slug=slug,
        role=rng.choice(_ROLES),
        stage=stage,
        size=rng.choice((None, "small", "medium", "large")),
        manager=rng.random() < 0.2,
        interviewers=["hiring-manager", "engineer"],
        status=rng.choice(STATUSES[:5]),
        created=f"2026-01-{1 + index % 28:02d}T09:00:00+00:00",
    )


def _company_file(company: Company, catalog: Catalog) -> tuple[str, list[Question]]:
    """company.md as `prep new --no-input` writes it (commands.companies.create), and its checklist."""
    questions = list(catalog.questions.values())
    selected = checklist.tailored(questions, company, company.interviewers)
    groups = [
        company_store.ChecklistGroup(
            title, [(q.id, q.text.replace("{company}", company.name), q.priority) for q in items]
        )
        for title, items in checklist.group_by_category(checklist.order_for_checklist(selected))
    ]
    text = company_store.render_company(company, [], groups)
    return text, checklist.order_for_checklist(selected)


def _interview_file(
    rng: random.Random,
    folder: Path,
    company: Company,
    catalog: Catalog,
    checklist_questions: list[Question],
    round_name: str,
    roles: tuple[str, ...],
    started: datetime,
    finished: bool,
    asked: set[str],
) -> tuple[Path, str]:
    stamp = started.isoformat(timespec="seconds")
    people = [
        Interviewer(name, role) for name, role in zip(rng.sample(_PEOPLE, len(roles)), roles, strict=True)
    ]
    interview_id = f"{stamp[:10]}-{stamp[11:13]}{stamp[14:16]}-{slugify(round_name)}"
    path = folder / interview_store.INTERVIEWS / f"{interview_id}.md"
    text = interview_store.render_new(company, interview_id, round_name, people, stamp)
    entries = _Entries(text)
    clock = started
    # love / hate go round the panel, like `prep ask` does; then the checklist.
    everyone = [catalog.questions[qid] for qid in ("love", "hate") if qid in catalog.questions]
    pool = [q for q in checklist_questions if not q.for_everyone]
    chosen = rng.sample(pool, min(len(pool), ANSWERS_PER_INTERVIEW - len(everyone) * len(people)))
    plan = [(q, person) for q in everyone for person in people] + [
        (q, people[i % len(people)]) for i, q in enumerate(chosen)
    ]
    flags_at = set(rng.sample(range(len(plan)), rng.randint(1, 2)))
    note_at = rng.randrange(len(plan))
    skip_at = rng.randrange(len(plan))
    for position, (question, person) in enumerate(plan):
        clock += timedelta(seconds=rng.randint(60, 180))
        at = clock.isoformat(timespec="seconds")
        if position == skip_at and not question.for_everyone:
            entries.add("skip", {"q": question.id, "who": person.name}, "", "")
            continue
        rendered = question.render(company.name, person.name)
        answer = _answer(rng, question.id)
        meta = {"q": question.id, "who": person.name, "at": at, "question": rendered}
        entries.add("answer", meta, answer, answer_heading(rendered, person.name))
        asked.add(question.id)
        if position in flags_at:
            flag_text, severity, signal = rng.choice(_FLAGS)
            heading = f"### Red flag ({severity}): {person.name}"
            flag_meta = {"severity": severity, "who": person.name, "at": at, "signal": signal}
            entries.add("flag", flag_meta, flag_text, heading)
        if position == note_at:
            entries.add("note", {"at": at}, rng.choice(_NOTES), "### Note")
    text = entries.text
    if finished:
        reflection = Reflection(rng.randint(1, 5), "the mentoring", "on-call load", "unsure", at)
        meta = interview_store.reflection_meta(reflection)
        entries.add("reflection", meta, interview_store.render_reflection(reflection), "## My reflection")
        text = frontmatter.set_field(entries.text, "finished", True, path)
    return path, text


def _answer(rng: random.Random, question_id: str) -> str:
    """One to three sentences; answers to numeric questions lead with a number."""
    sentences = rng.sample(_ORDINARY, rng.randint(1, 3))
    if question_id in _BY_QUESTION:
        sentences = [rng.choice(_BY_QUESTION[question_id]), *sentences[:1]]
    elif rng.random() < 0.12:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(_TELLING))
    return " ".join(sentences)


class _Entries:
    """Appends entries the way storage.interviews.append_entry does, without re-reading the file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.number = 0

    def add(self, kind: str, meta: dict[str, Any], body: str, heading: str) -> None:
        self.number += 1
        lead = "" if self.text.endswith("\n") else "\n"
        heading_text = f"\n{heading}\n" if heading else "\n"
        self.text += lead + heading_text + blocks.format_entry(kind, {"n": self.number, **meta}, body)


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return len(data)


def big_interview(home: Path, mebibytes: float, catalog: Catalog | None = None) -> tuple[str, int]:
    """One company whose last interview holds `mebibytes` MiB of ordinary answers; (slug, bytes).

    For peak memory: a round typed for days, answers to the checklist's questions going round
    a panel of three, in the exact on-disk format (docs/format.md), the last round finished.
    """
    catalog = catalog or load_catalog(None)
    made = generate(home, 1, seed=3, catalog=catalog)
    slug = made.slugs[0]
    company = company_store.read_company(home, slug)
    rng = random.Random(5)
    questions = [q for q in catalog.questions.values() if not q.for_everyone][:60]
    people = [
        Interviewer("Dana", "hiring-manager"),
        Interviewer("Lee", "engineer"),
        Interviewer("Sam", "engineer"),
    ]
    started = datetime(2026, 6, 1, 10, 0, tzinfo=timezone.utc)
    stamp = started.isoformat(timespec="seconds")
    interview_id = f"{stamp[:10]}-1000-marathon"
    path = home / slug / interview_store.INTERVIEWS / f"{interview_id}.md"
    parts = [interview_store.render_new(company, interview_id, "marathon", people, stamp)]
    size, number = len(parts[0]), 0
    while size < mebibytes * 2**20:
        number += 1
        question, person = questions[number % len(questions)], people[number % len(people)]
        rendered = question.render(company.name, person.name)
        at = (started + timedelta(seconds=number)).isoformat(timespec="seconds")
        meta = {"n": number, "q": question.id, "who": person.name, "at": at, "question": rendered}
        entry = f"\n{answer_heading(rendered, person.name)}\n" + blocks.format_entry(
            "answer", meta, _answer(rng, question.id)
        )
        parts.append(entry)
        size += len(entry)
    return slug, _write(path, "".join(parts))
