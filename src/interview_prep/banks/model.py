"""What a question bank holds, as plain frozen data. No I/O here.

docs/banks.md is the schema; the constants below are its allowed values, in
the order the docs give them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "role": "The role",
        "why-me": "Why me",
        "success": "Success and promotion",
        "team": "The team",
        "love-hate": "Love and hate",
        "turnover": "Turnover and tenure",
        "work-life": "Work-life balance",
        "on-call": "On-call and incidents",
        "leadership": "Leadership",
        "management": "Managing people",
        "conflict": "Conflict and priorities",
        "engineering": "Engineering practice",
        "data": "Data work",
        "ml": "Machine learning",
        "platform": "Platform and reliability",
        "frontend": "Frontend",
        "mobile": "Mobile apps",
        "design": "Design practice",
        "product-management": "Product management",
        "staff": "Staff-level work",
        "ai-tools": "AI tools at work",
        "onboarding": "Onboarding",
        "growth": "Growth and learning",
        "reviews": "Reviews and feedback",
        "product": "Product and customers",
        "business": "Business and funding",
        "finances": "Financial health",
        "founders": "Founders and ownership",
        "client-work": "Agency and client work",
        "nonprofit": "Non-profit funding",
        "public-sector": "Public sector",
        "compensation": "Pay and benefits",
        "level": "Level and pay band",
        "contract": "Contract terms",
        "leave": "Leave",
        "remote": "Remote and hybrid",
        "relocation": "Visas and relocation",
        "culture": "Culture and values",
        "inclusion": "Inclusion",
        "accessibility": "Accessibility and adjustments",
        "process": "Hiring process",
    }
)
AUDIENCES = ("everyone", "recruiter", "hiring-manager", "engineer", "executive")
WHEN = ("screen", "onsite", "final", "offer")
STAGES = ("startup", "scaleup", "enterprise", "public")
SIZES = ("small", "medium", "large")
ROLES = ("manager", "ic")
# Role tracks a question may be limited to; absent `tracks` = fits every track.
TRACKS: Mapping[str, str] = MappingProxyType(
    {
        "data-engineering": "Data engineering",
        "data-science": "Data science",
        "ml": "Machine learning",
        "platform": "SRE, platform and infrastructure",
        "frontend": "Frontend",
        "mobile": "Mobile",
        "product": "Product management",
        "design": "Design",
        "engineering-manager": "Engineering management",
        "staff": "Staff+ individual contributor",
    }
)
# Other names people use for a track, so a typo or synonym gets pointed to the right one.
TRACK_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "data": "data-engineering",
        "data-engineer": "data-engineering",
        "de": "data-engineering",
        "analytics-engineering": "data-engineering",
        "data-scientist": "data-science",
        "ds": "data-science",
        "analytics": "data-science",
        "machine-learning": "ml",
        "ml-engineer": "ml",
        "mle": "ml",
        "ai": "ml",
        "sre": "platform",
        "devops": "platform",
        "infra": "platform",
        "infrastructure": "platform",
        "reliability": "platform",
        "front-end": "frontend",
        "web": "frontend",
        "ios": "mobile",
        "android": "mobile",
        "pm": "product",
        "product-manager": "product",
        "product-management": "product",
        "designer": "design",
        "ux": "design",
        "ui": "design",
        "em": "engineering-manager",
        "manager": "engineering-manager",
        "engineering-management": "engineering-manager",
        "staff-plus": "staff",
        "principal": "staff",
        "staff-engineer": "staff",
    }
)
# Kinds of employer a question may be limited to; absent `company_types` = fits any company.
COMPANY_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "agency": "Agency or consultancy",
        "nonprofit": "Non-profit",
        "public-sector": "Public sector",
    }
)
COMPANY_TYPE_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "consultancy": "agency",
        "consulting": "agency",
        "non-profit": "nonprofit",
        "not-for-profit": "nonprofit",
        "charity": "nonprofit",
        "ngo": "nonprofit",
        "government": "public-sector",
        "gov": "public-sector",
        "public": "public-sector",
    }
)
PRIORITIES = ("must", "should", "could")
SEVERITIES = ("low", "medium", "high")
ANSWER_KINDS = ("number", "hires-departures")
PREP_KINDS = ("text", "list")

PLACEHOLDERS = ("company", "interviewer")
INTERVIEWER_FALLBACK = "your interviewer"


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """How to read a numeric answer and when its value is a red flag."""

    kind: str
    metric: str
    unit: str
    flag_above: float | None = None
    flag_below: float | None = None


@dataclass(frozen=True, slots=True)
class Fits:
    """Which companies a question suits; None in a field means any."""

    stage: tuple[str, ...] | None = None
    size: tuple[str, ...] | None = None
    role: str | None = None

    def matches(self, stage: str | None, size: str | None, manager: bool | None) -> bool:
        """True unless a known company attribute rules the question out."""
        if stage is not None and self.stage is not None and stage not in self.stage:
            return False
        if size is not None and self.size is not None and size not in self.size:
            return False
        if manager is not None and self.role is not None:
            return (self.role == "manager") == manager
        return True


def fill_placeholders(text: str, company: str, interviewer: str | None) -> str:
    # Plain replace, not str.format: bank text and company names may hold stray braces.
    who = interviewer if interviewer else INTERVIEWER_FALLBACK
    return text.replace("{company}", company).replace("{interviewer}", who)


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    bank: str
    text: str
    category: str
    why: str
    ask: tuple[str, ...]
    when: tuple[str, ...]
    priority: str
    good: tuple[str, ...]
    worrying: tuple[str, ...]
    fits: Fits | None = None
    follow_ups: tuple[str, ...] = ()
    answer: NumericAnswer | None = None
    source: str | None = None
    tracks: tuple[str, ...] | None = None  # None: fits every track
    company_types: tuple[str, ...] | None = None  # None: fits any company
    caution: str | None = None  # one line: what asking reveals or risks, and when not to ask

    @property
    def for_everyone(self) -> bool:
        return "everyone" in self.ask

    def fits_track(self, track: str | None) -> bool:
        """A track-specific question fits only a company with one of its tracks."""
        return self.tracks is None or track in self.tracks

    def fits_company_type(self, company_type: str | None) -> bool:
        """A type-specific question fits only a company known to be one of its types."""
        return self.company_types is None or company_type in self.company_types

    def render(self, company: str, interviewer: str | None = None) -> str:
        """The question text with {company} and {interviewer} filled in."""
        return fill_placeholders(self.text, company, interviewer)

    def render_caution(self, company: str, interviewer: str | None = None) -> str | None:
        """The caution, placeholders filled, or None when the question carries none."""
        if self.caution is None:
            return None
        return fill_placeholders(self.caution, company, interviewer)


@dataclass(frozen=True, slots=True)
class Signal:
    """Something to watch for without asking."""

    id: str
    bank: str
    text: str
    why: str
    severity: str
    match: tuple[str, ...] = ()
    source: str | None = None
    unless: tuple[str, ...] = ()  # phrases that, in the same sentence, mean a match is benign


@dataclass(frozen=True, slots=True)
class PrepPrompt:
    """A prompt for the candidate's own preparation."""

    id: str
    bank: str
    prompt: str
    why: str
    kind: str
    min: int | None = None
    max: int | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class BankInfo:
    id: str
    title: str
    description: str
    path: str
    questions: int
    signals: int
    prep: int
    user: bool


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything loaded from every bank; dicts keep load order."""

    questions: dict[str, Question] = field(default_factory=dict)
    signals: dict[str, Signal] = field(default_factory=dict)
    prep: dict[str, PrepPrompt] = field(default_factory=dict)
    banks: list[BankInfo] = field(default_factory=list)

    def question(self, question_id: str) -> Question:
        return self.questions[question_id]

    def signal(self, signal_id: str) -> Signal:
        return self.signals[signal_id]

    def prep_prompt(self, prompt_id: str) -> PrepPrompt:
        return self.prep[prompt_id]

    def banks_with_id(self, bank_id: str) -> list[BankInfo]:
        """Every loaded file with this bank id: a user bank may reuse a shipped bank's id."""
        return [info for info in self.banks if info.id == bank_id]

    def questions_in(self, bank_id: str) -> list[Question]:
        return [question for question in self.questions.values() if question.bank == bank_id]

    def signals_in(self, bank_id: str) -> list[Signal]:
        return [signal for signal in self.signals.values() if signal.bank == bank_id]

    def prep_in(self, bank_id: str) -> list[PrepPrompt]:
        return [prompt for prompt in self.prep.values() if prompt.bank == bank_id]
