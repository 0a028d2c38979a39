"""Walk one bank file's node tree against the schema in docs/banks.md, collecting every
problem (located) and building the model objects. banks/validate.py drives it."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import yaml

from interview_prep.banks.checked import FileCheck, ParsedBank, Problem
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
from interview_prep.banks.schema import (
    ANSWER_KEYS,
    ANSWER_REQUIRED,
    BANK_KEYS,
    BANK_REQUIRED,
    CONSTRUCTOR,
    FITS_KEYS,
    ID,
    LISTEN_FOR_KEYS,
    MAX_CAUTION_CHARS,
    MAX_PROBLEMS_PER_FILE,
    PLACEHOLDER,
    PREP_KEYS,
    PREP_REQUIRED,
    QUESTION_KEYS,
    QUESTION_REQUIRED,
    SIGNAL_KEYS,
    SIGNAL_REQUIRED,
    SNAKE_CASE,
    did_you_mean,
    is_filled,
    items_of,
    kind_of,
    short,
    unknown_value,
)
from interview_prep.yamlsafe import (
    CORE_TAG,
    GiveUp,
    Map,
    Node,
    Scalar,
    Seq,
    is_null,
    resolved_tag,
)

_T = TypeVar("_T")


class BankReader:
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
            what = "a list" if isinstance(root, Seq) else f"the text '{short(root.value)}'"
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
        if not any(name in fields and is_filled(fields[name]) for name in sections):
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
                self.report(node, f"{label} must be {shape}, not {kind_of(node)}")
            return ()
        items = []
        for number, item in enumerate(node.items, start=1):
            if not isinstance(item, Map):
                shape = "a mapping starting with 'id:'"
                self.report(item, f"{noun} #{number} must be {shape}, not {kind_of(item)}")
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
        for follow_up, place in zip(follow_ups, items_of(fields.get("follow_ups")), strict=False):
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
        for fragment, place in zip(found, items_of(node), strict=False):
            problem = fragment_problem(fragment)
            if problem is not None:
                noun = "fragment" if name == "match" else "phrase"
                self.report(place, f"{name} {noun} '{short(fragment)}' {problem}")
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
        return (f"{noun} '{short(item_id)}'" if item_id else f"{noun} #{number}"), item_id

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
        if metric and not SNAKE_CASE.match(metric):
            message = f"metric '{short(metric)}' must be snake_case, like 'attrition_percent'"
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
        for found in PLACEHOLDER.finditer(text):
            if found.group(1) not in PLACEHOLDERS:
                hint = did_you_mean(found.group(1), PLACEHOLDERS)
                unknown = f"unknown placeholder '{short(found.group(0))}' in {label}{hint}"
                self.report(node, f"{unknown}; only {allowed} are allowed")
        leftover = PLACEHOLDER.sub("", text)
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
                self.report(key, f"keys in {what} must be plain names, not {kind_of(key)}")
                continue
            name = key.value
            if name in key_lines:
                first = key_lines[name]
                self.report(key, f"duplicate key '{short(name)}' in {what} (first on line {first})")
                continue
            key_lines[name] = key.line
            if name not in allowed:
                hint = did_you_mean(name, allowed) or f"; allowed keys: {', '.join(allowed)}"
                self.report(key, f"unknown key '{short(name)}' in {what}{hint}")
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
            self.report(node, f"{label} must be a string, not {kind_of(node)}")
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
            self.report(node, f"{label} must be {shape}, not {kind_of(node)}")
            return ()
        if not node.items and not allow_empty:
            self.report(node, f"{label} must not be empty")
        return tuple(self.text(item, f"each item of {label}") for item in node.items)

    def choice(self, node: Node | None, label: str, allowed: Sequence[str], noun: str | None = None) -> str:
        value = self.text(node, label)
        if value and value not in allowed and node is not None:
            self.report(node, unknown_value(noun or label, value, allowed))
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
        for value, item in zip(values, items_of(node), strict=False):
            if value and value not in allowed:
                self.report(item, unknown_value(noun or label, value, allowed, label, aliases))
            elif value in seen:
                self.report(item, f"'{short(value)}' is listed twice in {label}; remove one")
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
        if value and not ID.match(value) and node is not None:
            example = "'turnover'" if label == "bank id" else "'hires-last-year'"
            shape = f"lowercase letters and digits joined by hyphens, like {example}"
            self.report(node, f"{label} '{short(value)}' must be {shape}")
            return ""
        return value

    def number(self, node: Node | None, label: str) -> float | None:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.report(node, f"{label} must be a number, not {kind_of(node)}")
            return None
        tag = resolved_tag(node)
        if tag not in (CORE_TAG + "int", CORE_TAG + "float"):
            hint = " (remove the quotes)" if not node.plain else ""
            self.report(node, f"{label} must be a number, not '{short(node.value)}'{hint}")
            return None
        scalar = yaml.ScalarNode(tag, node.value)
        try:
            if tag.endswith("int"):
                value = float(CONSTRUCTOR.construct_yaml_int(scalar))
            else:
                value = float(CONSTRUCTOR.construct_yaml_float(scalar))
        except (ValueError, yaml.YAMLError):
            self.report(node, f"{label} must be a number, not '{short(node.value)}'")
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
