"""The bank checker: every malformed file gets a clear `path:line:col: message`, fast."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import RUNAWAY_SECONDS
from interview_prep.banks.model import (
    CATEGORIES,
    Fits,
    NumericAnswer,
    PrepPrompt,
    Question,
    Signal,
)
from interview_prep.banks.validate import (
    MAX_BANK_BYTES,
    Problem,
    check_file,
    check_files,
    check_text,
)

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad_banks"
GOOD = DATA / "good_banks"
DOCS = Path(__file__).parents[1] / "docs" / "banks.md"
PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>\S.*)$")

VALID_HEAD = "bank: sample\ntitle: Sample\ndescription: Tests.\nquestions:\n"
VALID_QUESTION = """\
  - id: first-question
    text: How long do people stay at {company}?
    category: turnover
    why: Tenure shows whether people stay.
    ask: [engineer]
    when: [onsite]
    priority: must
    listen_for:
      good: [Specific tenures]
      worrying: [Nobody stays long]
"""


# --- Files made at test time (too big or too odd to commit) --------------------


def write_nesting(path: Path, levels: int) -> Path:
    path.write_text("bank: deep\ntitle: Deep\ndescription: d\nquestions: " + "[" * levels + "]" * levels)
    return path


def write_deep_nesting(path: Path) -> Path:
    # Deeper than our limit, shallower than any YAML parser's own: our check speaks.
    return write_nesting(path, 50)


def write_nesting_past_the_parser(path: Path) -> Path:
    # Deep enough that the parser may stop first (libyaml 0.2.6 does, at 1,000 levels,
    # in its own words): only our contract is asserted, a located line, fast.
    return write_nesting(path, 10_000)


def write_million_brackets(path: Path) -> Path:
    # libyaml's own composer segfaults on this; ours must answer calmly.
    path.write_text("[" * 1_000_000)
    return path


def write_huge_file(path: Path) -> Path:
    with path.open("w") as file:
        chunk = "# " + "x" * 1_048_574 + "\n"  # 1 MiB per write, 50 writes
        for _ in range(50):
            file.write(chunk)
    return path


def write_too_many_values(path: Path) -> Path:
    path.write_text(VALID_HEAD + "  - x\n" * 150_000)
    return path


GENERATED: dict[str, Callable[[Path], Path]] = {
    "deep_nesting.yaml": write_deep_nesting,
    "nesting_past_the_parser.yaml": write_nesting_past_the_parser,
    "million_brackets.yaml": write_million_brackets,
    "huge.yaml": write_huge_file,
    "too_many_values.yaml": write_too_many_values,
}


@dataclass(frozen=True)
class Case:
    name: str
    words: tuple[str, ...]  # all must appear in one problem's message: our words, never a dependency's
    line: int | None = None  # that problem's line, when pinned
    col: int | None = None
    files: tuple[str, ...] = ()  # defaults to (name,)

    def paths(self, tmp_path: Path) -> list[Path]:
        if self.name in GENERATED:
            return [GENERATED[self.name](tmp_path / self.name)]
        return [BAD / name for name in (self.files or (self.name,))]


CASES = [
    Case("syntax_error.yaml", ("YAML syntax error", "started on line 15"), line=16),
    Case("wrong_type_ask.yaml", ("ask must be a list of strings",), line=9, col=10),
    Case("wrong_type_text.yaml", ("text must be a string", "not a list"), line=6),
    Case("missing_why.yaml", ("question 'first-question' is missing 'why'",), line=5, col=5),
    Case("unknown_key.yaml", ("unknown key 'folow_ups'", "did you mean 'follow_ups'"), line=15),
    Case("duplicate_key.yaml", ("duplicate key 'why'", "first on line 8"), line=15, col=5),
    Case("duplicate_id.yaml", ("duplicate id 'first-question'", "line 5"), line=15),
    Case(
        "duplicate_id_across",
        ("duplicate id 'shared-id'", "duplicate_id_across/a.yaml:5:9"),
        line=15,
        col=9,
        files=("duplicate_id_across/a.yaml", "duplicate_id_across/b.yaml"),
    ),
    Case("empty.yaml", ("file is empty",), line=1, col=1),
    Case("whitespace_only.yaml", ("file is empty",), line=1, col=1),
    Case("comments_only.yaml", ("only comments",), line=1),
    Case("binary.yaml", ("not UTF-8 text", "0x80"), line=2),
    Case("latin1.yaml", ("not UTF-8 text", "0xe9"), line=6, col=45),
    Case("utf16.yaml", ("not UTF-8 text", "UTF-16"), line=1, col=1),
    Case("nul_byte.yaml", ("NUL byte",), line=11, col=19),
    Case("control_char.yaml", ("control character U+0007",), line=8),
    Case("top_level_list.yaml", ("top level must be a mapping", "not a list"), line=1),
    Case(
        "unknown_category.yaml",
        ("unknown category 'turnvoer'", "did you mean 'turnover'", "love-hate", "process"),
        line=7,
        col=15,
    ),
    Case(
        "unknown_audience.yaml",
        ("unknown audience 'recuiter' in ask", "did you mean 'recruiter'", "hiring-manager"),
        line=9,
        col=21,
    ),
    Case("unknown_when.yaml", ("'lunch'", "screen, onsite, final, offer"), line=10),
    Case("unknown_stage.yaml", ("unknown stage 'unicorn'", "startup, scaleup, enterprise"), line=16),
    Case("unknown_size.yaml", ("unknown size 'huge'", "small, medium, large"), line=16),
    Case("unknown_role.yaml", ("unknown role 'director'", "manager, ic"), line=16),
    Case("unknown_priority.yaml", ("unknown priority 'urgent'", "must, should, could"), line=11),
    Case("unknown_severity.yaml", ("unknown severity 'severe'", "low, medium, high"), line=8),
    Case("unknown_answer_kind.yaml", ("unknown answer kind 'ratio'", "hires-departures"), line=16),
    Case(
        "bad_placeholder.yaml",
        ("unknown placeholder '{company_name}'", "{company} and {interviewer}"),
        line=6,
    ),
    Case("unmatched_brace.yaml", ("unmatched '{'",), line=6),
    Case("threshold_string.yaml", ("flag_above must be a number", "remove the quotes"), line=19),
    Case(
        "flag_above_not_above_below.yaml",
        ("flag_above (5) must be greater than flag_below (10)",),
        line=19,
    ),
    Case(
        "numeric_without_metric.yaml",
        ("answer of question 'first-question' is missing 'metric'",),
        line=16,
    ),
    Case("metric_not_snake_case.yaml", ("metric 'AttritionPercent' must be snake_case",), line=17),
    Case(
        "listen_for_missing_worrying.yaml",
        ("listen_for of question 'first-question' is missing 'worrying'",),
        line=13,
    ),
    Case("listen_for_empty_good.yaml", ("good must not be empty",), line=13),
    Case("bad_id.yaml", ("id 'First_Question' must be lowercase",), line=5, col=9),
    Case(
        "unknown_top_level_key.yaml",
        ("unknown key 'descripton'", "did you mean 'description'"),
        line=3,
        col=1,
    ),
    Case("no_items.yaml", ("no questions, signals or prep",), line=1),
    Case("two_documents.yaml", ("one YAML document",), line=15),
    Case("python_tag.yaml", ("tag '!!python/object/apply:os.system' is not allowed",), line=15),
    Case("match_not_lowercase.yaml", ("match fragment 'Micromanag' must be lowercase",), line=9),
    Case("prep_min_over_max.yaml", ("min (5) is greater than max (3)",), line=9),
    Case("prep_min_on_text.yaml", ("min only applies to kind: list",), line=9),
    Case("tabs.yaml", ("tab", "spaces"), line=13, col=1),
    Case("billion_laughs.yaml", ("anchor '&lol0'", "not allowed", "91 more"), line=1, col=7),
    Case("deep_nesting.yaml", ("nested more than",), line=4),
    Case("nesting_past_the_parser.yaml", (), line=4),
    Case("million_brackets.yaml", (), line=1),
    Case("huge.yaml", ("larger than",), line=1, col=1),
    Case("too_many_values.yaml", ("more than 100,000 YAML values",)),
]


def line_count(path: Path) -> int:
    with path.open("rb") as file:
        return file.read(MAX_BANK_BYTES + 1).count(b"\n") + 1


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_malformed_bank_gets_a_located_plain_problem(case: Case, tmp_path: Path) -> None:
    paths = case.paths(tmp_path)

    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    problems = check_files(paths)
    elapsed = time.process_time() - started

    assert problems, f"no problem reported for {case.name}"
    assert elapsed < RUNAWAY_SECONDS, f"{case.name} took {elapsed:.2f}s"
    for problem in problems:
        shown = PROBLEM_LINE.match(str(problem))
        assert shown, f"badly formatted: {problem}"
        assert shown["path"] in {str(path) for path in paths}
        assert "\n" not in problem.message
        assert 1 <= problem.line <= line_count(Path(problem.path))
    matching = [p for p in problems if all(word in p.message for word in case.words)]
    assert matching, f"none of {[str(p) for p in problems]} says {case.words}"
    if case.line is not None:
        assert matching[0].line == case.line, str(matching[0])
    if case.col is not None:
        assert matching[0].col == case.col, str(matching[0])


def test_the_committed_bad_banks_are_all_covered() -> None:
    committed = {str(path.relative_to(BAD)) for path in BAD.rglob("*.yaml")}
    covered = {name for case in CASES for name in (case.files or (case.name,))}
    assert committed <= covered
    assert len(CASES) >= 28


def test_every_problem_in_a_file_is_reported_not_only_the_first() -> None:
    question = VALID_QUESTION.replace("category: turnover", "category: pay")
    question = question.replace("    why: Tenure shows whether people stay.\n", "")
    extra = "    priority: could\n    answer: {kind: number, metric: x_y, unit: u, flag_above: high}\n"
    text = VALID_HEAD + question + extra

    problems = check_text(text, "bank.yaml").problems

    messages = [problem.message for problem in problems]
    assert any("unknown category 'pay'" in message for message in messages)
    assert any("is missing 'why'" in message for message in messages)
    assert any("duplicate key 'priority'" in message for message in messages)
    assert any("flag_above must be a number, not 'high'" in message for message in messages)
    assert [problem.line for problem in problems] == sorted(problem.line for problem in problems)


def test_problems_in_several_files_come_in_file_order(tmp_path: Path) -> None:
    first, second = tmp_path / "b.yaml", tmp_path / "a.yaml"
    first.write_text(VALID_HEAD + VALID_QUESTION.replace("must", "maybe"))
    second.write_text("")

    problems = check_files([first, second])

    assert [problem.path for problem in problems] == [str(first), str(second)]


def test_problem_prints_as_path_line_col_message() -> None:
    assert str(Problem("banks/x.yaml", 3, 7, "why is empty")) == "banks/x.yaml:3:7: why is empty"


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    problems = check_files([tmp_path / "nope.yaml", tmp_path])

    assert [problem.message.split(":")[0] for problem in problems] == ["cannot read file"] * 2


def test_the_same_file_twice_is_checked_once() -> None:
    good = GOOD / "complete.yaml"

    assert check_files([good, good, str(good)]) == []


def test_a_user_bank_reusing_a_bank_id_is_reported(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text((GOOD / "signals-only.yaml").read_text().replace("office-empty", "new-id"))

    problems = check_files([GOOD / "signals-only.yaml", other])

    assert len(problems) == 1
    assert "bank id 'signals-only' is already used by" in problems[0].message


def test_a_utf8_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (VALID_HEAD + VALID_QUESTION).encode())

    assert check_file(path).problems == []


# --- The good banks ----------------------------------------------------------


def test_good_banks_check_clean() -> None:
    assert check_files(sorted(GOOD.glob("*.yaml"))) == []


def test_complete_bank_loads_to_the_expected_objects() -> None:
    bank = check_file(GOOD / "complete.yaml").bank

    assert bank is not None
    assert (bank.id, bank.title) == ("complete", "Complete example")
    assert bank.description == (
        "Every kind of item and every optional field, so the loader tests see them all."
    )
    assert bank.questions[0] == Question(
        id="hires-departures-last-year",
        bank="complete",
        text="How many people joined {company}'s team in the last year, and how many left?",
        category="turnover",
        why="Hires against departures is the plainest measure of whether people stay.",
        ask=("hiring-manager", "engineer"),
        when=("onsite", "final"),
        priority="must",
        good=("Exact numbers given without hesitation",),
        worrying=("Vague answers", "More leavers than joiners"),
        fits=Fits(stage=("startup", "scaleup"), size=("small", "medium"), role="manager"),
        follow_ups=("Why did the last people leave?", "What did {interviewer} learn from it?"),
        answer=NumericAnswer(
            kind="hires-departures",
            metric="attrition_percent",
            unit="percent",
            flag_above=30.0,
            flag_below=1.0,
        ),
        source="003_ac9c305f9cffee69.txt",
    )
    love, pages = bank.questions[1], bank.questions[2]
    assert love.for_everyone and love.fits is None and love.answer is None
    assert love.good == ("Specific: a person, a project, a habit",)
    assert pages.fits == Fits(role="ic")
    assert pages.answer == NumericAnswer("number", "pages_per_week", "pages a week", 5.5, None)
    assert bank.signals[0] == Signal(
        id="tight-lipped-about-manager",
        bank="complete",
        text="Coworkers turn formal or tight-lipped when the hiring manager comes up",
        why="Guarded talk about a manager often hides a difficult one.",
        severity="high",
        match=("micromanag", "walking on eggshells"),
        source="003_ac9c305f9cffee69.txt",
    )
    assert bank.signals[1].match == ()
    assert bank.prep == (
        PrepPrompt(
            id="key-messages",
            bank="complete",
            prompt="What are the 3-5 things you want every interviewer to remember about you?",
            why="Knowing your messages lets you steer any question back to them.",
            kind="list",
            min=3,
            max=5,
            source="003_ac9c305f9cffee69.txt",
        ),
        PrepPrompt(
            id="why-leaving",
            bank="complete",
            prompt="Why are you leaving your current job?",
            why="Everyone asks; a calm answer matters more than a clever one.",
            kind="text",
        ),
    )
    assert bank.id_places["love-most"] == (36, 9)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("30", 30.0), ("5.5", 5.5), ("1_000", 1000.0), ("-2", -2.0), ("1e3", None), (".inf", None)],
)
def test_thresholds_read_yaml_numbers(written: str, expected: float | None) -> None:
    answer = f"    answer: {{kind: number, metric: m, unit: u, flag_above: {written}}}\n"
    check = check_text(VALID_HEAD + VALID_QUESTION + answer, "bank.yaml")

    if expected is None:  # YAML 1.1 reads 1e3 as text; .inf is not a usable threshold
        assert check.bank is None
        assert "flag_above must be" in check.problems[0].message
    else:
        assert check.bank is not None
        answer_read = check.bank.questions[0].answer
        assert answer_read is not None and answer_read.flag_above == expected


def test_plain_words_yaml_reads_as_booleans_stay_text() -> None:
    text = VALID_HEAD + VALID_QUESTION.replace("How long do people stay at {company}?", "yes")

    bank = check_text(text, "bank.yaml").bank

    assert bank is not None and bank.questions[0].text == "yes"


# --- Hostile input never crashes the checker -----------------------------------


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gets_an_answer_not_an_exception(text: str) -> None:
    check = check_text(text, "fuzz.yaml")

    assert check.problems or check.bank is not None
    for problem in check.problems:
        assert PROBLEM_LINE.match(str(problem)), str(problem)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "bank": yaml_values,
            "title": yaml_values,
            "questions": st.lists(
                st.fixed_dictionaries(
                    {"id": yaml_values},
                    optional={
                        "ask": yaml_values,
                        "answer": yaml_values,
                        "fits": yaml_values,
                        "listen_for": yaml_values,
                    },
                ),
                max_size=3,
            ),
            "prep": yaml_values,
        },
    )
)
def test_any_yaml_shape_gets_an_answer_not_an_exception(document: dict[str, object]) -> None:
    check = check_text(yaml.safe_dump(document), "fuzz.yaml")

    assert check.problems  # none of these is complete enough to be a bank
    assert all(problem.line >= 1 and problem.col >= 1 for problem in check.problems)


# --- The model -----------------------------------------------------------------


def test_categories_match_the_table_in_the_docs() -> None:
    section = DOCS.read_text().split("## Categories", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([a-z-]+) \| ", section, flags=re.MULTILINE)[1:]  # after the header

    assert tuple(CATEGORIES) == tuple(rows)
    assert len(CATEGORIES) == 41
    assert CATEGORIES["love-hate"] == "Love and hate"
    assert CATEGORIES["turnover"] == "Turnover and tenure"


@pytest.mark.parametrize(
    ("fits", "stage", "size", "manager", "expected"),
    [
        (Fits(), "startup", "small", True, True),
        (Fits(stage=("startup",)), "startup", None, None, True),
        (Fits(stage=("startup",)), "public", None, None, False),
        (Fits(stage=("startup",)), None, None, None, True),  # unknown stage fits anything
        (Fits(size=("large",)), None, "small", None, False),
        (Fits(role="manager"), None, None, True, True),
        (Fits(role="manager"), None, None, False, False),
        (Fits(role="ic"), None, None, False, True),
        (Fits(stage=("scaleup",), role="ic"), "scaleup", "large", True, False),
    ],
)
def test_fits_matches_known_company_attributes(
    fits: Fits, stage: str | None, size: str | None, manager: bool | None, expected: bool
) -> None:
    assert fits.matches(stage, size, manager) is expected


def make_question(text: str) -> Question:
    return Question(
        id="q",
        bank="b",
        text=text,
        category="team",
        why="w",
        ask=("engineer",),
        when=("onsite",),
        priority="must",
        good=("g",),
        worrying=("w",),
        follow_ups=("And {interviewer}?",),
    )


def test_render_fills_placeholders_without_tripping_on_braces() -> None:
    question = make_question("What does {interviewer} like at {company}? {not a placeholder")

    named = question.render("Acme {Inc}", "Dana")
    unnamed = question.render("Acme", None)

    assert named == "What does Dana like at Acme {Inc}? {not a placeholder"
    assert unnamed == "What does your interviewer like at Acme? {not a placeholder"
