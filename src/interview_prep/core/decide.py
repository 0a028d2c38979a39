"""Companies compared on what you heard, in the categories you care about. Pure.

Each cell counts evidence and keeps it, so `prep compare --explain` can name
the file and entry behind every number:

- **reassuring / worrying**: answers you marked with /+ or /- in `prep ask`
  (the latest answer per person and question);
- **findings**: in those answers, a number past a limit, a signal or one of
  your dealbreakers heard;
- **numbers**: figures read from those answers (hours, attrition, ...).

Besides the categories: your own red flags, your latest gut score and
would-accept, and the latest offer's first-year value. There is no hidden
score: a total is shown only when you give weights, and it is stated as the
sum it is (weight x (reassuring - worrying), your marks only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from interview_prep.banks.model import CATEGORIES, Catalog
from interview_prep.core import metrics
from interview_prep.core.findings import latest_answers, numeric_readings
from interview_prep.core.models import Company
from interview_prep.core.offers import Offer, money, value
from interview_prep.core.phrases import PhraseMatcher
from interview_prep.core.transcript import Answer, Interview
from interview_prep.core.values import mentions

OWN = "own"  # answers to questions no bank knows
FIXED = ("flags", "gut", "accept", "offer")
FIXED_TITLES = {"flags": "Your flags", "gut": "Gut", "accept": "Accept?", "offer": "Offer, year 1"}


@dataclass(frozen=True)
class Column:
    key: str  # a category id, or one of FIXED
    title: str
    weight: float | None = None
    why: str = ""  # how the column was chosen ("--weight", "values: mentoring (...)")


@dataclass(frozen=True)
class Evidence:
    role: str  # reassuring | worrying | finding | number | flag | gut | accept | offer
    source: str  # "acme/interviews/2026-11-10-1400-onsite.md#3" or "acme/company.md:207"
    what: str


@dataclass(frozen=True)
class Cell:
    key: str
    text: str
    evidence: tuple[Evidence, ...] = ()
    amount: float | None = None  # the cell's number, for a spreadsheet: flags, gut, the offer's value
    unit: str = ""  # the amount's currency, for the offer

    def count(self, role: str) -> int:
        return sum(item.role == role for item in self.evidence)


@dataclass(frozen=True)
class CompanyLine:
    company: Company
    cells: tuple[Cell, ...]
    total: float | None = None
    total_sum: str = ""  # the sum written out: "3 x (2 - 1) + 1 x (0 - 1) = 2"

    def cell(self, key: str) -> Cell:
        return next(cell for cell in self.cells if cell.key == key)


@dataclass(frozen=True)
class Comparison:
    columns: tuple[Column, ...]
    lines: tuple[CompanyLine, ...]
    weighted: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompanyFiles:
    """What compare reads of one company: its interviews with their files, its latest offer."""

    company: Company
    interviews: Sequence[tuple[str, Interview]]  # (file relative to the data home, interview)
    offer: tuple[Offer, str] | None = None  # (offer, "acme/company.md:LINE")
    problems: list[str] = field(default_factory=list)


# Which columns -------------------------------------------------------------------------


def category_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def category_named(text: str) -> str | None:
    """The category a user's word names: its id or its title, in any case ('Work-life balance')."""
    wanted = category_key(text)
    for category, title in CATEGORIES.items():
        if wanted in (category, category_key(title)):
            return category
    return None


def columns_from_values(values: Sequence[str], catalog: Catalog) -> tuple[list[Column], list[str]]:
    """Each value as the category it names, else the one whose questions mention it most."""
    columns: dict[str, Column] = {}
    notes = []
    for item in values:
        named = category_named(item)
        if named is not None:
            columns.setdefault(named, Column(named, CATEGORIES[named], None, f"values: '{item}' names it"))
            continue
        counts: dict[str, int] = {}
        for question in catalog.questions.values():
            if mentions(item, f"{question.text} {question.why}"):
                counts[question.category] = counts.get(question.category, 0) + 1
        if not counts:
            notes.append(f"'{item}' (values:) matches no category; name one with --weight CATEGORY=N")
            continue
        order = list(CATEGORIES)
        best = max(counts, key=lambda c: (counts[c], -order.index(c) if c in order else -len(order)))
        why = f"values: '{item}', mentioned by {counts[best]} of its questions"
        columns.setdefault(best, Column(best, CATEGORIES.get(best, best), None, why))
    return list(columns.values()), notes


def columns_from_weights(given: Mapping[str, float]) -> list[Column]:
    return [Column(key, CATEGORIES.get(key, key), weight, "--weight") for key, weight in given.items()]


def heard_columns(companies: Sequence[CompanyFiles], catalog: Catalog) -> list[Column]:
    """No values, no weights: every category something was heard in, in the banks' order."""
    heard = {
        _category(answer, catalog)
        for files in companies
        for _, iv in files.interviews
        for answer in iv.answers
    }
    order = [*CATEGORIES, OWN]
    return [
        Column(key, CATEGORIES.get(key, "Your own questions"), None, "heard") for key in order if key in heard
    ]


def _category(answer: Answer, catalog: Catalog) -> str:
    question = catalog.questions.get(answer.question_id.split("/")[0])
    return question.category if question is not None else OWN


# The table ---------------------------------------------------------------------------------


def compare(
    companies: Sequence[CompanyFiles],
    columns: Sequence[Column],
    catalog: Catalog,
    thresholds: Mapping[str, float],
    matcher: PhraseMatcher,
    notes: Sequence[str] = (),
) -> Comparison:
    weighted = any(column.weight is not None for column in columns)
    lines = []
    for files in companies:
        cells = [
            _category_cell(column.key, ev)
            for column, ev in zip(
                columns, _by_column(files, columns, catalog, thresholds, matcher), strict=True
            )
        ]
        cells += [_flags_cell(files), *_reflection_cells(files), _offer_cell(files)]
        total, total_sum = _total(columns, cells) if weighted else (None, "")
        lines.append(CompanyLine(files.company, tuple(cells), total, total_sum))
    return Comparison(tuple(columns), tuple(lines), weighted, tuple(notes))


def _by_column(
    files: CompanyFiles,
    columns: Sequence[Column],
    catalog: Catalog,
    thresholds: Mapping[str, float],
    matcher: PhraseMatcher,
) -> list[list[Evidence]]:
    wanted = {column.key: index for index, column in enumerate(columns)}
    found: list[list[Evidence]] = [[] for _ in columns]
    where = {id(answer): path for path, iv in files.interviews for answer in iv.answers}
    interviews = [iv for _, iv in files.interviews]
    readings = {id(answer): reading for answer, reading in numeric_readings(interviews, catalog, thresholds)}
    for answer in latest_answers(interviews):
        index = wanted.get(_category(answer, catalog))
        if index is None:
            continue
        source = f"{where[id(answer)]}#{answer.number}"
        said = f"{answer.who or 'someone'} on {answer.question_id}: “{_gist(answer.text)}”"
        if answer.mark:
            found[index].append(Evidence(answer.mark, source, said))
        reading = readings.get(id(answer))
        if reading is not None:
            found[index].append(Evidence("number", source, f"{_reading(reading)}, from {said}"))
            if reading.flagged:
                found[index].append(Evidence("finding", source, f"{reading.describe()}, from {said}"))
        for hit in matcher.find(answer.text):
            found[index].append(Evidence("finding", source, f"{hit.kind}: {hit.label}, from {said}"))
    return found


def _reading(reading: metrics.Reading) -> str:
    return f"{reading.label}: {reading.shown()}"


def _gist(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _category_cell(key: str, evidence: list[Evidence]) -> Cell:
    counts = [
        (sign, sum(item.role == role for item in evidence))
        for sign, role in (("+", "reassuring"), ("-", "worrying"), ("!", "finding"), ("#", "number"))
    ]
    text = " ".join(f"{sign}{count}" for sign, count in counts if count) or "-"
    return Cell(key, text, tuple(evidence))


def _flags_cell(files: CompanyFiles) -> Cell:
    evidence = [
        Evidence("flag", f"{path}#{flag.number}", f"{flag.severity}: {_gist(flag.text)}")
        for path, iv in files.interviews
        for flag in iv.flags
    ]
    high = sum(item.what.startswith("high:") for item in evidence)
    text = "-" if not evidence else f"{len(evidence)}" + (f" ({high} high)" if high else "")
    return Cell("flags", text, tuple(evidence), len(evidence))


def _reflection_cells(files: CompanyFiles) -> list[Cell]:
    latest = [(path, iv.reflection) for path, iv in files.interviews if iv.reflection is not None]
    gut = [(path, r) for path, r in latest if r.gut is not None]
    accept = [(path, r) for path, r in latest if r.accept]
    cells = []
    if gut:
        path, reflection = gut[-1]
        where = f"{path}#reflection"
        said = f"gut {reflection.gut}/5"
        cells.append(Cell("gut", f"{reflection.gut}/5", (Evidence("gut", where, said),), reflection.gut))
    else:
        cells.append(Cell("gut", "-"))
    if accept:
        path, reflection = accept[-1]
        said = f"would accept today: {reflection.accept}"
        cells.append(Cell("accept", reflection.accept, (Evidence("accept", f"{path}#reflection", said),)))
    else:
        cells.append(Cell("accept", "-"))
    return cells


def _offer_cell(files: CompanyFiles) -> Cell:
    if files.offer is None:
        return Cell("offer", "-")
    offer, source = files.offer
    worked = value(offer)
    first = worked.valued[-1]  # at your price when you gave one, else with shares at zero
    text = f"{worked.currency} {money(first.first_year)}"
    said = f"first year {text} ({first.scenario.label}): " + "; ".join(
        [f"cash a year {money(worked.cash_per_year)}", *worked.assumptions]
    )
    return Cell("offer", text, (Evidence("offer", source, said),), first.first_year, worked.currency)


def _total(columns: Sequence[Column], cells: Sequence[Cell]) -> tuple[float, str]:
    terms = []
    total = 0.0
    for column, cell in zip(columns, cells, strict=False):
        weight = column.weight or 0.0
        good, bad = cell.count("reassuring"), cell.count("worrying")
        total += weight * (good - bad)
        terms.append(f"{weight:g} x ({good} - {bad})")
    return total, f"{' + '.join(terms)} = {total:g}"
