"""What was said in an interview: who was there, answers, red flags, notes, skips, your reflection."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Interviewer:
    name: str
    role: str

    def label(self) -> str:
        return f"{self.name} ({self.role.replace('-', ' ')})"


@dataclass
class Answer:
    number: int
    question_id: str
    who: str
    text: str
    at: str
    question_text: str = ""
    cut_off: bool = False  # saved on Ctrl-C mid-answer: offered for completion on resume
    mark: str = ""  # your judgement of it (/+ and /- in prep ask): "reassuring", "worrying" or ""


MARKS = ("reassuring", "worrying")


@dataclass
class Flag:
    number: int
    text: str
    severity: str
    who: str
    at: str
    signal: str | None = None


@dataclass
class Note:
    number: int
    text: str
    at: str


@dataclass
class Landed:
    """One of your key messages, marked as landed (said and heard) in this interview."""

    number: int
    text: str
    who: str  # whom you were talking to, if known
    at: str


@dataclass
class Skip:
    number: int
    question_id: str
    who: str


@dataclass(frozen=True)
class Change:
    """One earlier value of a reflection field: `name` went from `before` to `after` at `at`."""

    name: str
    before: str
    after: str
    at: str

    def label(self) -> str:
        return f"{self.name} {self.before or '-'} -> {self.after or '-'}"


REFLECTION_FIELDS = ("gut", "excited", "worries", "accept")


@dataclass
class Reflection:
    gut: int | None = None
    excited: str = ""
    worries: str = ""
    accept: str = ""  # "yes" | "no" | "unsure" | ""
    at: str = ""
    history: list[Change] = field(default_factory=list)

    def merged(self, given: dict[str, object], at: str) -> Reflection:
        """This reflection with the fields in `given` changed; the rest keep their value.

        A value that replaces a different earlier one leaves the earlier one in `history`."""
        values: dict[str, object] = {name: getattr(self, name) for name in REFLECTION_FIELDS}
        history = list(self.history)
        for name, value in given.items():
            old = values[name]
            if old not in (None, "") and old != value:
                history.append(Change(name, str(old), str(value), at))
            values[name] = value
        gut = values["gut"]
        return Reflection(
            gut if isinstance(gut, int) else None,
            str(values["excited"]),
            str(values["worries"]),
            str(values["accept"]),
            at,
            history,
        )


@dataclass
class Interview:
    id: str
    company: str
    round: str
    started: str
    interviewers: list[Interviewer]
    finished: bool = False
    answers: list[Answer] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    landed: list[Landed] = field(default_factory=list)
    reflection: Reflection | None = None
    kind: str = "round"  # "notes": one-shot entries made before any round; not an interview

    @property
    def is_round(self) -> bool:
        return self.kind != "notes"

    def answer_for(self, question_id: str, who: str) -> Answer | None:
        for answer in reversed(self.answers):
            if answer.question_id == question_id and answer.who == who:
                return answer
        return None


@dataclass(frozen=True)
class PanelMember:
    """Someone you are to meet in a scheduled round (`prep schedule --with`)."""

    name: str
    role: str


@dataclass(frozen=True)
class ScheduledRound:
    """A round on the calendar (`prep schedule`), stored in company.md."""

    id: str
    at: datetime  # aware, in `zone`
    zone: str
    minutes: int | None
    panel: tuple[PanelMember, ...]
    label: str  # the round's name ("onsite"), may be empty
    where: str
