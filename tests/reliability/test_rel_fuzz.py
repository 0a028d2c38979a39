"""The fuzzer over front matter and entry markers (issue 14, proof): hand-written YAML forms, extra
fields with nesting, huge numbers and escaped surrogates, entry markers with odd JSON, any line
endings. Property: every command gives success or exactly one line (never a traceback), a refused
command changes nothing, and prep never leaves a file it cannot read back.

CI runs FUZZ_EXAMPLES (40) examples. A longer local run:
    PREP_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest -q tests/reliability/test_rel_fuzz.py
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import relkit
from handmade import hand_edited
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from interview_prep.errors import PrepError
from interview_prep.storage import companies, interviews
from interview_prep.storage.textfile import normalise

FUZZ_EXAMPLES = int(os.environ.get("PREP_FUZZ_EXAMPLES", "40"))
RUNS: list[int] = [0]
OUTCOMES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    relkit.report("fuzz", examples=RUNS[0], tracebacks=0, **OUTCOMES)


COMMANDS = [
    ("list",),
    ("status", "acme", "offer"),
    ("note", "acme", "a fuzzed note"),
    ("answer", "acme", "love", "the people"),
    ("reflect", "acme", "--gut", "3"),
    ("review", "acme", "--no-input", "--json"),
    ("review", "acme", "--write", "--no-input"),
    ("review",),
]

_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    _json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text("abcdefgh", min_size=1, max_size=5), inner, max_size=3),
    ),
    max_leaves=8,
)
_VALID_EXTRA = json_values.map(lambda v: "extra: " + json.dumps(v))
# Mostly fields that read (so the writes are exercised), sometimes ones that are refused.
EXTRA_LINES = st.one_of(
    _VALID_EXTRA,
    _VALID_EXTRA,
    _VALID_EXTRA,
    st.sampled_from(
        [
            'notes: "\\ud800 a lone surrogate, escaped"',
            "huge: 1" + "0" * 500,
            "deep: " + "[" * 30 + "]" * 30,
            "when: 2026-11-22",
            "flow: {a: [1, {b: 2}], c: d}",
            "block: |\n  line one\n  --- not a fence\n  <!-- prep:end 1 -->",
            "? complex key\n: value",
            "empty:",
            "tabbed: 'a\tb'",
        ]
    ),
)


@st.composite
def marker_lines(draw: st.DrawFn) -> str:
    """An extra entry (valid or broken) for the interview body."""
    kind = draw(st.sampled_from(["answer", "flag", "note", "skip", "reflection", "bogus"]))
    meta = draw(
        st.dictionaries(st.sampled_from(["n", "q", "who", "gut", "at", "severity"]), json_values, max_size=4)
    )
    if draw(st.booleans()):
        meta["n"] = draw(st.one_of(st.integers(-(10**30), 10**30), st.sampled_from([5, 6, 1])))
    payload = json.dumps(meta, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    end = meta.get("n", 0)
    text = draw(st.text(max_size=30)).replace("\r", "")
    return f"\n<!-- prep:{kind} {payload} -->\n{text}\n<!-- prep:end {end} -->\n"


def _number(entry: str) -> str:
    return entry.split("-->", 1)[0]


def _with_endings(text: str, style: str) -> str:
    return {"lf": text, "crlf": text.replace("\n", "\r\n"), "cr": text.replace("\n", "\r")}[style]


@st.composite
def fuzzed_home(draw: st.DrawFn, company_text: str, interview_text: str) -> tuple[str, str]:
    company = draw(hand_edited(company_text))
    head, body = company.split("\n---\n", 1)
    if not head.startswith("---\n{"):  # a flow-map front matter takes no extra lines
        extras = draw(st.lists(EXTRA_LINES, max_size=3))
        numbered = [line.replace("extra:", f"extra{index}:", 1) for index, line in enumerate(extras)]
        company = head + "".join("\n" + line for line in numbered) + "\n---\n" + body
    interview = interview_text + "".join(draw(st.lists(marker_lines(), max_size=2, unique_by=_number)))
    style = draw(st.sampled_from(["lf", "lf", "crlf", "cr"]))
    bom = "\ufeff" if draw(st.integers(0, 5)) == 0 else ""
    return bom + _with_endings(company, style), _with_endings(
        interview, draw(st.sampled_from(["lf", "crlf", "cr"]))
    )


def _readable(path: Path, home: Path) -> None:
    if path.name == "company.md":
        relkit.read_company_ok(home, "acme")
    elif path.name == "review.md":
        from interview_prep.storage import blocks

        assert blocks.find_section(normalise(path.read_bytes().decode("utf-8")), "review", path) is not None
    elif path.parent.name == "interviews":
        interviews.load_interview(path)


ORIGINAL: dict[Path, tuple[str, str, str]] = {}


@pytest.mark.slow
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_one_line_or_success_and_never_a_file_prep_cannot_read(data: st.DataObject, prep_home: Path) -> None:
    if prep_home not in ORIGINAL:
        relkit.new_company("acme", "--interviewer", "engineer")
        assert relkit.invoke("answer", "acme", "love", "first answer", "--who", "Dana").code == 0
        (interview,) = interviews.list_interview_paths(prep_home, "acme")
        ORIGINAL[prep_home] = (
            companies.company_file(prep_home, "acme").read_text(encoding="utf-8"),
            interview.name,
            interview.read_text(encoding="utf-8"),
        )
    company_text, interview_name, interview_text = ORIGINAL[prep_home]
    for leftover in interviews.list_interview_paths(prep_home, "acme"):
        leftover.unlink()
    (prep_home / "acme" / "review.md").unlink(missing_ok=True)
    interview = prep_home / "acme" / "interviews" / interview_name
    company, body = data.draw(fuzzed_home(company_text, interview_text), label="files")
    companies.company_file(prep_home, "acme").write_bytes(company.encode("utf-8", "surrogatepass"))
    interview.write_bytes(body.encode("utf-8", "surrogatepass"))
    RUNS[0] += 1
    for args in data.draw(st.permutations(COMMANDS), label="order")[:4]:
        before = relkit.snapshot(prep_home)
        outcome = relkit.invoke(*args)
        assert outcome.exception is None, (args, repr(outcome.exception))
        assert relkit.TRACEBACK not in outcome.stdout + outcome.stderr
        OUTCOMES["succeeded" if outcome.code == 0 else "refused"] += 1
        if os.environ.get("FUZZ_DEBUG") and outcome.code:
            print("REFUSED", args[0], outcome.stderr[:160].replace(str(prep_home), "~"))
        if outcome.code != 0:
            assert len(outcome.stderr.splitlines()) == 1, (args, outcome.stderr)
            assert relkit.snapshot(prep_home) == before, args
        after = relkit.snapshot(prep_home)
        for name, content in after.items():
            if before.get(name) != content:
                try:
                    _readable(prep_home / name, prep_home)
                except PrepError as error:  # pragma: no cover - the property failing
                    raise AssertionError(f"{args} left {name} unreadable: {error}") from None
