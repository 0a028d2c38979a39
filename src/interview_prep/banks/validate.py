"""Check question-bank YAML files against docs/banks.md and turn them into model objects.

Every problem is reported as `path:line:col: message`, and all of a file's
problems are reported, not only the first.

Banks come from users, so the files are treated as hostile: they are read by
yamlsafe.Composer (events one at a time, a depth limit, no anchors, aliases or
foreign tags, line:column for every value). On 22 files / 200 questions this
is as fast as yaml.load with CSafeLoader, so the loader uses this same path
rather than a separate fast one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from interview_prep.banks.fragments import fragment_problem
from interview_prep.banks.model import (
    ANSWER_KINDS,
    AUDIENCES,
    CATEGORIES,
    COMPANY_TYPE_ALIASES,
    COMPANY_TYPES,
    PLACEHOLDERS,
    PREP_KINDS,
    PRIORITIES,
    ROLES,
    SEVERITIES,
    SIZES,
    STAGES,
    TRACK_ALIASES,
    TRACKS,
    WHEN,
    Fits,
    NumericAnswer,
    PrepPrompt,
    Question,
    Signal,
)
from interview_prep.yamlsafe import (
    CORE_TAG,
    MAX_EVENTS,
    Composer,
    GiveUp,
    Limits,
    Map,
    Node,
    Scalar,
    Seq,
    is_null,
    one_line,
    read_limited,
    resolved_tag,
)

MAX_BANK_BYTES = 1024 * 1024  # shipped banks are a few KB; anything this big is not a bank
MAX_DEPTH = 20  # the schema needs 5 levels
MAX_PROBLEMS_PER_FILE = 50
MAX_CAUTION_CHARS = 200  # shown on one line of the ask screen and the checklist

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Characters YAML refuses (the spec's c-printable, inverted); we name them ourselves.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_T = TypeVar("_T")
_BANK_LIMITS = Limits("a bank", MAX_DEPTH, needed_depth=5, max_events=MAX_EVENTS)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

BANK_KEYS = ("bank", "title", "description", "questions", "signals", "prep")
BANK_REQUIRED = ("bank", "title", "description")
QUESTION_KEYS = (
    "id", "text", "category", "why", "ask", "when", "priority",
    "listen_for", "fits", "follow_ups", "answer", "source",
    "tracks", "company_types", "caution",
)  # fmt: skip
QUESTION_REQUIRED = ("id", "text", "category", "why", "ask", "when", "priority", "listen_for")
LISTEN_FOR_KEYS = ("good", "worrying")
FITS_KEYS = ("stage", "size", "role")
ANSWER_KEYS = ("kind", "metric", "unit", "flag_above", "flag_below")
ANSWER_REQUIRED = ("kind", "metric", "unit")
SIGNAL_KEYS = ("id", "text", "why", "severity", "match", "unless", "source")
SIGNAL_REQUIRED = ("id", "text", "why", "severity")
PREP_KEYS = ("id", "prompt", "why", "kind", "min", "max", "source")
PREP_REQUIRED = ("id", "prompt", "why", "kind")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a bank file; line and col are 1-based."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedBank:
    """A bank file with no problems, as model objects."""

    id: str
    title: str
    description: str
    path: str
    questions: tuple[Question, ...]
    signals: tuple[Signal, ...]
    prep: tuple[PrepPrompt, ...]
    id_places: Mapping[str, tuple[int, int]]  # item id -> (line, col) where it is defined
    bank_place: tuple[int, int]


@dataclass(slots=True)
class FileCheck:
    """Everything learned from one file, even when it has problems."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    bank: ParsedBank | None = None
    bank_id: str | None = None
    bank_place: tuple[int, int] = (1, 1)
    id_places: dict[str, tuple[int, int]] = field(default_factory=dict)


# --- Reading bytes -----------------------------------------------------------


def read_bank_text(path: Path | str) -> tuple[str | None, Problem | None]:
    """The file's text, or why it cannot be a bank. Checks the size before reading."""
    shown = str(path)
    try:
        data = read_limited(path, MAX_BANK_BYTES)
    except OSError as error:
        return None, Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}")
    if data is None:
        return None, _too_large(shown)
    return decode_bank_bytes(data, shown)


def _too_large(path: str) -> Problem:
    limit = MAX_BANK_BYTES // 1024
    return Problem(path, 1, 1, f"file is larger than {limit} KB; a question bank is a few KB")


def decode_bank_bytes(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "not UTF-8 text: it looks like UTF-16; save the file as UTF-8"
        return None, Problem(path, 1, 1, message)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line, col = _byte_place(data, error.start)
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        return None, Problem(path, line, col, message)


def _byte_place(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace"))
    return data.count(b"\n", 0, offset) + 1, column + 1


def _text_place(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# --- Checking the node tree against the schema --------------------------------


def _did_you_mean(word: str, choices: Iterable[str], aliases: Mapping[str, str] | None = None) -> str:
    import difflib  # only needed when a file has problems; keeps `prep` start-up lean

    if aliases and (known := aliases.get(word.strip().lower().replace(" ", "-").replace("_", "-"))):
        return f" (did you mean '{known}'?)"
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _kind_of(node: Node) -> str:
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    return "text"


class _BankReader:
    """Walks one file's node tree, collecting problems and building model objects."""

    def __init__(self, check: FileCheck) -> None:
        self.check = check
        self.bank_id = ""

    # Reporting

    def report(self, node: Node, message: str) -> None:
        problems = self.check.problems
        problems.append(Problem(self.check.path, node.line, node.col, message))
        if len(problems) >= MAX_PROBLEMS_PER_FILE:
            stop = f"{MAX_PROBLEMS_PER_FILE} problems so far; fix these and check again"
            raise GiveUp(node.line, node.col, stop)

    def problem_count(self) -> int:
        return len(self.check.problems)

    # The file

    def read(self, root: Node) -> None:
        if not isinstance(root, Map):
            what = "a list" if isinstance(root, Seq) else f"the text '{_short(root.value)}'"
            message = "the top level must be a mapping with bank, title, description and questions"
            self.report(root, f"{message}, not {what}")
            return
        before = self.problem_count()
        fields = self.fields(root, "the bank", BANK_KEYS, BANK_REQUIRED)
        self.bank_id = self.item_id(fields.get("bank"), "bank id")
        if self.bank_id:
            self.check.bank_id = self.bank_id
            self.check.bank_place = (fields["bank"].line, fields["bank"].col)
        title = self.text(fields.get("title"), "title")
        description = self.text(fields.get("description"), "description")
        questions = self.section(fields.get("questions"), "questions", "question", self.question)
        signals = self.section(fields.get("signals"), "signals", "signal", self.signal)
        prep = self.section(fields.get("prep"), "prep", "prep prompt", self.prep_prompt)
        sections = ("questions", "signals", "prep")
        if not any(name in fields and _is_filled(fields[name]) for name in sections):
            self.report(root, "the bank has no questions, signals or prep; add at least one")
        if self.problem_count() == before:
            self.check.bank = ParsedBank(
                id=self.bank_id,
                title=title,
                description=description,
                path=self.check.path,
                questions=questions,
                signals=signals,
                prep=prep,
                id_places=dict(self.check.id_places),
                bank_place=self.check.bank_place,
            )

    def section(
        self, node: Node | None, label: str, noun: str, read_item: Callable[[Map, int], _T | None]
    ) -> tuple[_T, ...]:
        if node is None:
            return ()
        if not isinstance(node, Seq):
            if isinstance(node, Scalar) and is_null(node):
                self.report(node, f"{label} is empty; add items starting with '- id:' or remove it")
            else:
                shape = f"a list of {noun}s, each starting with '- id:'"
                self.report(node, f"{label} must be {shape}, not {_kind_of(node)}")
            return ()
        items = []
        for number, item in enumerate(node.items, start=1):
            if not isinstance(item, Map):
                shape = "a mapping starting with 'id:'"
                self.report(item, f"{noun} #{number} must be {shape}, not {_kind_of(item)}")
                continue
            built = read_item(item, number)
            if built is not None:
                items.append(built)
        return tuple(items)

    # Items

    def question(self, node: Map, number: int) -> Question | None:
        before = self.problem_count()
        what, item_id = self.item_heading(node, "question", number)
        fields = self.fields(node, what, QUESTION_KEYS, QUESTION_REQUIRED)
        text = self.text(fields.get("text"), "text")
        if text:
            self.placeholders(fields["text"], text, "text")
        good, worrying = self.listen_for(fields.get("listen_for"), what)
        follow_ups = self.texts(fields.get("follow_ups"), "follow_ups")
        for follow_up, place in zip(follow_ups, _items(fields.get("follow_ups")), strict=False):
            self.placeholders(place, follow_up, "follow_ups")
        question = Question(
            id=item_id,
            bank=self.bank_id,
            text=text,
            category=self.choice(fields.get("category"), "category", tuple(CATEGORIES)),
            why=self.text(fields.get("why"), "why"),
            ask=self.choices(fields.get("ask"), "ask", AUDIENCES, noun="audience"),
            when=self.choices(fields.get("when"), "when", WHEN, noun="interview stage"),
            priority=self.choice(fields.get("priority"), "priority", PRIORITIES),
            good=good,
            worrying=worrying,
            fits=self.fits(fields.get("fits"), what),
            follow_ups=follow_ups,
            answer=self.answer(fields.get("answer"), what),
            source=self.optional_text(fields.get("source"), "source"),
            tracks=self.optional_choices(fields.get("tracks"), "tracks", TRACKS, "track", TRACK_ALIASES),
            company_types=self.optional_choices(
                fields.get("company_types"),
                "company_types",
                COMPANY_TYPES,
                "company type",
                COMPANY_TYPE_ALIASES,
            ),
            caution=self.caution(fields.get("caution")),
        )
        return question if self.problem_count() == before else None

    def signal(self, node: Map, number: int) -> Signal | None:
        before = self.problem_count()
        what, item_id = self.item_heading(node, "signal", number)
        fields = self.fields(node, what, SIGNAL_KEYS, SIGNAL_REQUIRED)
        match = self.fragments(fields.get("match"), "match")
        unless = self.fragments(fields.get("unless"), "unless")
        if unless and not match:
            self.report(
                fields["unless"], "unless only applies to a signal with match; add match or remove it"
            )
        signal = Signal(
            id=item_id,
            bank=self.bank_id,
            text=self.text(fields.get("text"), "text"),
            why=self.text(fields.get("why"), "why"),
            severity=self.choice(fields.get("severity"), "severity", SEVERITIES),
            match=match,
            source=self.optional_text(fields.get("source"), "source"),
            unless=unless,
        )
        return signal if self.problem_count() == before else None

    def fragments(self, node: Node | None, name: str) -> tuple[str, ...]:
        """A signal's `match` or `unless` phrases, each checked against the phrase syntax."""
        found = self.texts(node, name, allow_empty=True)
        for fragment, place in zip(found, _items(node), strict=False):
            problem = fragment_problem(fragment)
            if problem is not None:
                noun = "fragment" if name == "match" else "phrase"
                self.report(place, f"{name} {noun} '{_short(fragment)}' {problem}")
        return found

    def prep_prompt(self, node: Map, number: int) -> PrepPrompt | None:
        before = self.problem_count()
        what, item_id = self.item_heading(node, "prep prompt", number)
        fields = self.fields(node, what, PREP_KEYS, PREP_REQUIRED)
        kind = self.choice(fields.get("kind"), "kind", PREP_KINDS, noun="prep kind")
        minimum = self.count(fields.get("min"), "min")
        maximum = self.count(fields.get("max"), "max")
        if kind == "text":
            for name in ("min", "max"):
                if name in fields:
                    message = f"{name} only applies to kind: list; remove it or use kind: list"
                    self.report(fields[name], message)
        if minimum is not None and maximum is not None and minimum > maximum:
            self.report(fields["min"], f"min ({minimum}) is greater than max ({maximum})")
        prompt = PrepPrompt(
            id=item_id,
            bank=self.bank_id,
            prompt=self.text(fields.get("prompt"), "prompt"),
            why=self.text(fields.get("why"), "why"),
            kind=kind,
            min=minimum,
            max=maximum,
            source=self.optional_text(fields.get("source"), "source"),
        )
        return prompt if self.problem_count() == before else None

    def item_heading(self, node: Map, noun: str, number: int) -> tuple[str, str]:
        """How messages name the item, and its id once checked and claimed."""
        id_node = next(
            (value for key, value in node.pairs if isinstance(key, Scalar) and key.value == "id"),
            None,
        )
        item_id = self.item_id(id_node, "id") if id_node is not None else ""
        if item_id and id_node is not None:
            self.claim_id(item_id, id_node)
        return (f"{noun} '{_short(item_id)}'" if item_id else f"{noun} #{number}"), item_id

    def claim_id(self, item_id: str, node: Node) -> None:
        places = self.check.id_places
        if item_id in places:
            first = places[item_id][0]
            message = f"duplicate id '{item_id}' (already used on line {first}); ids must be unique"
            self.report(node, message)
        else:
            places[item_id] = (node.line, node.col)

    # Parts of a question

    def listen_for(self, node: Node | None, what: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if node is None:
            return (), ()
        if not isinstance(node, Map):
            self.report(node, "listen_for must be a mapping with 'good' and 'worrying' lists")
            return (), ()
        fields = self.fields(node, f"listen_for of {what}", LISTEN_FOR_KEYS, LISTEN_FOR_KEYS)
        good = self.texts(fields.get("good"), "good")
        return good, self.texts(fields.get("worrying"), "worrying")

    def fits(self, node: Node | None, what: str) -> Fits | None:
        if node is None:
            return None
        if not isinstance(node, Map):
            self.report(node, "fits must be a mapping with stage, size and/or role")
            return None
        fields = self.fields(node, f"fits of {what}", FITS_KEYS, ())
        stage = self.choices(fields["stage"], "stage", STAGES) if "stage" in fields else None
        size = self.choices(fields["size"], "size", SIZES) if "size" in fields else None
        role = self.choice(fields["role"], "role", ROLES) if "role" in fields else None
        return Fits(stage=stage, size=size, role=role)

    def answer(self, node: Node | None, what: str) -> NumericAnswer | None:
        if node is None:
            return None
        if not isinstance(node, Map):
            self.report(node, "answer must be a mapping with kind, metric and unit")
            return None
        fields = self.fields(node, f"answer of {what}", ANSWER_KEYS, ANSWER_REQUIRED)
        metric = self.text(fields.get("metric"), "metric")
        if metric and not _SNAKE_CASE.match(metric):
            message = f"metric '{_short(metric)}' must be snake_case, like 'attrition_percent'"
            self.report(fields["metric"], message)
        above = self.number(fields.get("flag_above"), "flag_above")
        below = self.number(fields.get("flag_below"), "flag_below")
        if above is not None and below is not None and above <= below:
            message = f"flag_above ({above:g}) must be greater than flag_below ({below:g})"
            self.report(fields["flag_above"], message + ", or every value is a red flag")
        return NumericAnswer(
            kind=self.choice(fields.get("kind"), "kind", ANSWER_KINDS, noun="answer kind"),
            metric=metric,
            unit=self.text(fields.get("unit"), "unit"),
            flag_above=above,
            flag_below=below,
        )

    def caution(self, node: Node | None) -> str | None:
        caution = self.optional_text(node, "caution")
        if not caution or node is None:
            return caution
        if "\n" in caution:
            self.report(node, "caution must be one line; use '>' to fold a long one, or shorten it")
        elif len(caution) > MAX_CAUTION_CHARS:
            message = f"caution is {len(caution)} characters; keep it to {MAX_CAUTION_CHARS} or fewer"
            self.report(node, f"{message} so it fits on one line")
        self.placeholders(node, caution, "caution")
        return caution

    def placeholders(self, node: Node, text: str, label: str) -> None:
        allowed = " and ".join("{" + name + "}" for name in PLACEHOLDERS)
        for found in _PLACEHOLDER.finditer(text):
            if found.group(1) not in PLACEHOLDERS:
                hint = _did_you_mean(found.group(1), PLACEHOLDERS)
                unknown = f"unknown placeholder '{_short(found.group(0))}' in {label}{hint}"
                self.report(node, f"{unknown}; only {allowed} are allowed")
        leftover = _PLACEHOLDER.sub("", text)
        for brace in "{}":
            if brace in leftover:
                self.report(node, f"unmatched '{brace}' in {label}; braces are only for {allowed}")

    # Mappings

    def fields(
        self, node: Map, what: str, allowed: Sequence[str], required: Sequence[str]
    ) -> dict[str, Node]:
        """The mapping's values by key, reporting duplicate, unknown and missing keys."""
        found: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key, value in node.pairs:
            if not isinstance(key, Scalar):
                self.report(key, f"keys in {what} must be plain names, not {_kind_of(key)}")
                continue
            name = key.value
            if name in key_lines:
                first = key_lines[name]
                self.report(key, f"duplicate key '{_short(name)}' in {what} (first on line {first})")
                continue
            key_lines[name] = key.line
            if name not in allowed:
                hint = _did_you_mean(name, allowed) or f"; allowed keys: {', '.join(allowed)}"
                self.report(key, f"unknown key '{_short(name)}' in {what}{hint}")
                continue
            found[name] = value
        for name in required:
            if name not in key_lines:
                self.report(node, f"{what} is missing '{name}'")
        return found

    # Values

    def text(self, node: Node | None, label: str) -> str:
        """A non-empty string; '' (after reporting) when it is not one, or when node is None."""
        if node is None:
            return ""
        if not isinstance(node, Scalar):
            self.report(node, f"{label} must be a string, not {_kind_of(node)}")
            return ""
        value = node.value.strip()
        if not value or is_null(node):
            self.report(node, f"{label} is empty")
            return ""
        return value

    def optional_text(self, node: Node | None, label: str) -> str | None:
        return self.text(node, label) if node is not None else None

    def texts(self, node: Node | None, label: str, allow_empty: bool = False) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, Seq):
            shape = "a list of strings, like [first, second]"
            self.report(node, f"{label} must be {shape}, not {_kind_of(node)}")
            return ()
        if not node.items and not allow_empty:
            self.report(node, f"{label} must not be empty")
        return tuple(self.text(item, f"each item of {label}") for item in node.items)

    def choice(self, node: Node | None, label: str, allowed: Sequence[str], noun: str | None = None) -> str:
        value = self.text(node, label)
        if value and value not in allowed and node is not None:
            self.report(node, _unknown_value(noun or label, value, allowed))
        return value

    def choices(
        self,
        node: Node | None,
        label: str,
        allowed: Sequence[str],
        noun: str | None = None,
        aliases: Mapping[str, str] | None = None,
    ) -> tuple[str, ...]:
        values = self.texts(node, label)
        seen: set[str] = set()
        for value, item in zip(values, _items(node), strict=False):
            if value and value not in allowed:
                self.report(item, _unknown_value(noun or label, value, allowed, label, aliases))
            elif value in seen:
                self.report(item, f"'{_short(value)}' is listed twice in {label}; remove one")
            seen.add(value)
        return values

    def optional_choices(
        self,
        node: Node | None,
        label: str,
        allowed: Mapping[str, str],
        noun: str,
        aliases: Mapping[str, str],
    ) -> tuple[str, ...] | None:
        """None when the key is absent (fits all); a present list must not be empty."""
        if node is None:
            return None
        return self.choices(node, label, tuple(allowed), noun=noun, aliases=aliases)

    def item_id(self, node: Node | None, label: str) -> str:
        value = self.text(node, label)
        if value and not _ID.match(value) and node is not None:
            example = "'turnover'" if label == "bank id" else "'hires-last-year'"
            shape = f"lowercase letters and digits joined by hyphens, like {example}"
            self.report(node, f"{label} '{_short(value)}' must be {shape}")
            return ""
        return value

    def number(self, node: Node | None, label: str) -> float | None:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.report(node, f"{label} must be a number, not {_kind_of(node)}")
            return None
        tag = resolved_tag(node)
        if tag not in (CORE_TAG + "int", CORE_TAG + "float"):
            hint = " (remove the quotes)" if not node.plain else ""
            self.report(node, f"{label} must be a number, not '{_short(node.value)}'{hint}")
            return None
        scalar = yaml.ScalarNode(tag, node.value)
        try:
            if tag.endswith("int"):
                value = float(_CONSTRUCTOR.construct_yaml_int(scalar))
            else:
                value = float(_CONSTRUCTOR.construct_yaml_float(scalar))
        except (ValueError, yaml.YAMLError):
            self.report(node, f"{label} must be a number, not '{_short(node.value)}'")
            return None
        if not math.isfinite(value):
            self.report(node, f"{label} must be a finite number")
            return None
        return value

    def count(self, node: Node | None, label: str) -> int | None:
        value = self.number(node, label)
        if value is None or node is None:
            return None
        if not value.is_integer() or value < 1:
            self.report(node, f"{label} must be a whole number of 1 or more")
            return None
        return int(value)


def _items(node: Node | None) -> list[Node]:
    return node.items if isinstance(node, Seq) else []


def _is_filled(node: Node) -> bool:
    return isinstance(node, Seq) and bool(node.items)


def _short(value: str, limit: int = 60) -> str:
    value = one_line(value)
    return value if len(value) <= limit else value[: limit - 3] + "..."


def _unknown_value(
    noun: str, value: str, allowed: Sequence[str], where: str = "", aliases: Mapping[str, str] | None = None
) -> str:
    place = f" in {where}" if where and where != noun else ""
    hint = _did_you_mean(value, allowed, aliases)
    return f"unknown {noun} '{_short(value)}'{place}{hint}; allowed: {', '.join(allowed)}"


# --- Public entry points --------------------------------------------------------


_BANK_NEEDS = "a bank needs bank, title, description and questions"


def check_text(text: str, path: str) -> FileCheck:
    """Check one bank's text; `path` is only for messages."""
    check = FileCheck(path)
    if len(text) > MAX_BANK_BYTES:
        check.problems.append(_too_large(path))
        return check
    if not text.strip():
        check.problems.append(Problem(path, 1, 1, f"file is empty; {_BANK_NEEDS}"))
        return check
    if bad := _NOT_PRINTABLE.search(text):
        line, col = _text_place(text, bad.start())
        check.problems.append(Problem(path, line, col, _unprintable_message(bad.group())))
        return check
    composer = Composer(_BANK_LIMITS)
    root = composer.compose(text)
    check.problems.extend(Problem(path, line, col, message) for line, col, message in composer.problems)
    if root is None and not composer.problems:
        check.problems.append(Problem(path, 1, 1, f"file has only comments; {_BANK_NEEDS}"))
    elif root is not None:
        try:
            _BankReader(check).read(root)
        except GiveUp as stop:
            check.problems.append(Problem(path, stop.line, stop.col, stop.message))
    if check.problems:
        check.bank = None
        check.problems.sort(key=lambda problem: (problem.line, problem.col))
    return check


def _unprintable_message(char: str) -> str:
    if char == "\x00":
        return "contains a NUL byte; is it a binary file? a bank must be UTF-8 text"
    return f"contains the control character U+{ord(char):04X}, which YAML does not allow; remove it"


def check_file(path: Path | str) -> FileCheck:
    """Read and check one bank file; never raises for anything in or about the file."""
    text, problem = read_bank_text(path)
    if text is None:
        check = FileCheck(str(path))
        if problem is not None:
            check.problems.append(problem)
        return check
    return check_text(text, str(path))


class IdRegistry:
    """Where each item id and bank id was first defined, to find duplicates across files."""

    def __init__(self) -> None:
        self._items: dict[str, str] = {}
        self._banks: dict[str, str] = {}

    def claim(self, check: FileCheck) -> list[Problem]:
        """Record this file's ids; problems for those already claimed by an earlier file."""
        problems = []
        for item_id, (line, col) in check.id_places.items():
            if item_id in self._items:
                first = self._items[item_id]
                message = f"duplicate id '{item_id}' (already used in {first}); ids must be unique"
                problems.append(Problem(check.path, line, col, message))
            else:
                self._items[item_id] = f"{check.path}:{line}:{col}"
        if check.bank_id is not None:
            line, col = check.bank_place
            if check.bank_id in self._banks:
                first = self._banks[check.bank_id]
                message = f"bank id '{check.bank_id}' is already used by {first}; pick another"
                problems.append(Problem(check.path, line, col, message))
            else:
                self._banks[check.bank_id] = f"{check.path}:{line}:{col}"
        return problems


def check_files(paths: Sequence[Path | str]) -> list[Problem]:
    """Every problem in these files, including ids duplicated across them, in file order,
    then questions in them too alike to keep both (banks/similar.py)."""
    from interview_prep.banks import similar

    registry = IdRegistry()
    problems: list[Problem] = []
    placed: list[similar.Placed] = []
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        check = check_file(path)
        file_problems = check.problems + registry.claim(check)
        problems.extend(sorted(file_problems, key=lambda problem: (problem.line, problem.col)))
        if check.bank is not None and not file_problems:
            bank = check.bank
            placed += [similar.Placed(q, bank.path, *bank.id_places[q.id]) for q in bank.questions]
    for item, message in similar.duplicate_messages(placed):
        problems.append(Problem(item.path, item.line, item.col, message))
    return problems
