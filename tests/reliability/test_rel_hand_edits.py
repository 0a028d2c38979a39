"""Hand edits survive every kind of update, byte for byte; markers broken by hand are refused with
file:line and the file stays as it was (property-based, with hypothesis).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import relkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import only_history_added
from interview_prep.core.models import Company
from interview_prep.core.transcript import Interviewer, Reflection
from interview_prep.errors import PrepError
from interview_prep.storage import blocks, companies, frontmatter, interviews

EXAMPLES = 150
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
STARTED = "2026-11-22T14:20:00+00:00"
EXAMPLES_RUN: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_examples() -> Iterator[None]:
    yield
    for test, count in sorted(EXAMPLES_RUN.items()):
        relkit.report("hand_edits", case=test, examples=count, lost=0)


# Lines a person might type that look like structure but are not ours to interpret.
TRICKY_LINES = [
    "---",
    "--- ",
    "# A heading of my own",
    "## My reflection",
    "### What do you love? (Dana)",
    "finished: true",
    'status: "offer"',
    "<!-- my own comment -->",
    "<!-- prep:end 99 --> trailing",
    " <!-- prep:end 1 -->",
    "\\<!-- prep:end 1 -->",
    "<!-- prep:answer not json -->x",
    "- [ ] a box of my own",
    "- [x] done by hand",
    "- [ ] Fake <!-- q:love --> later",
    "```",
    "> quote",
    "",
    "  ",
    "\r",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "\u2028 line separator",
    "no",
    "~",
]
_MARKER_LINE = re.compile(r"^(<!-- prep:[a-z]+ \{.*\} -->|<!-- prep:(begin|end) [a-z0-9-]+ -->)$")


def _line() -> st.SearchStrategy[str]:
    free = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\n"), max_size=40)
    return st.one_of(st.sampled_from(TRICKY_LINES), free).filter(lambda line: not _MARKER_LINE.match(line))


def user_text(allow_boxes: bool = True) -> st.SearchStrategy[str]:
    """Whole lines of a person's own text (ending in a newline), never an exact marker line."""
    lines = st.lists(_line(), min_size=1, max_size=5)
    if not allow_boxes:
        lines = lines.filter(lambda ls: not any(line.lstrip().startswith("- [") for line in ls))
    return lines.map(lambda ls: "\n".join(ls) + "\n")


def yaml_comment() -> st.SearchStrategy[str]:
    """A YAML comment line for the front matter (printable, no YAML line breaks)."""
    printable = st.characters(
        whitelist_categories=["L", "N", "P", "S", "Zs"], blacklist_characters="\x85\u2028\u2029\ufeff"
    )
    return st.text(printable, max_size=30).map(lambda text: f"# {text}\n")


# The interview file -------------------------------------------------------------------------------

ENTRIES = [
    (
        "answer",
        {"q": "love", "who": "Dana", "at": STARTED, "question": "What do you love?"},
        "The people.",
        "### Q",
    ),
    ("flag", {"severity": "high", "who": "Lee", "at": STARTED, "signal": None}, "Looked away.", "### Flag"),
    ("note", {"at": STARTED}, "Quiet office.\n---\n# not a heading", "### Note"),
    (
        "answer",
        {"q": "hate", "who": "Lee", "at": STARTED, "question": "What do you hate?"},
        "Meetings.",
        "### Q2",
    ),
]


def make_interview(home: Path) -> Path:
    company = Company(name="Acme", slug="acme")
    (home / "acme").mkdir(parents=True, exist_ok=True)
    path = interviews.start_interview(
        home, company, "onsite", [Interviewer("Dana", "hiring-manager")], STARTED
    )
    for kind, meta, text, heading in ENTRIES:
        interviews.append_entry(path, kind, meta, text, heading)
    return path


def begin_line(number: int) -> str:
    kind, meta, _text, _heading = ENTRIES[number - 1]
    return blocks.format_entry(kind, {"n": number, **meta}, "").split("\n", 1)[0]


def insert_user_text(base: str, pieces: dict[str, str]) -> str:
    """Put the person's text at every place outside prep's blocks."""
    fence = base.index("\n---\n", 4) + 1
    body_start = fence + 4
    out = base[:fence] + pieces["front"] + base[fence:body_start] + pieces["top"]
    rest = base[body_start:]
    for number in range(1, len(ENTRIES) + 1):
        end = f"<!-- prep:end {number} -->\n"
        cut = rest.index(end) + len(end)
        out += rest[:cut] + pieces[f"after{number}"]
        rest = rest[cut:]
    return out + rest + pieces["end"]


UPDATES = ["append", "back-edit", "finished", "reflection-new", "reflection-again"]


def expected_after(update: str, old: str) -> str | None:
    """What the file must be after `update`, computed independently of the code under test."""
    if update == "finished":
        return old.replace("\nfinished: false\n", "\nfinished: true\n", 1)
    if update == "back-edit":
        start = old.index("\n" + begin_line(1) + "\n") + 1
        end_marker = "\n<!-- prep:end 1 -->"
        stop = old.index(end_marker, start) + len(end_marker)
        kind, meta, _text, _heading = ENTRIES[0]
        replacement = blocks.format_entry(
            kind, {"n": 1, **meta, "edited": STARTED}, "Edited.\n<!-- prep:end 1 -->"
        )
        return old[:start] + replacement.rstrip("\n") + old[stop:]
    return None  # appends: checked as "the old file is a prefix"


def apply_update(update: str, path: Path) -> None:
    if update == "append":
        interviews.append_entry(
            path, "answer", {"q": "team-size", "who": "Dana", "at": STARTED}, "Eight.", "### Size"
        )
    elif update == "back-edit":
        kind, meta, _text, _heading = ENTRIES[0]
        interviews.replace_entry(path, 1, kind, {**meta, "edited": STARTED}, "Edited.\n<!-- prep:end 1 -->")
    elif update == "finished":
        interviews.set_finished(path)
    elif update == "reflection-new":
        interviews.set_reflection(path, Reflection(4, "team", "hours", "unsure", STARTED))
    elif update == "reflection-again":
        interviews.set_reflection(path, Reflection(2, "", "pay", "no", STARTED))
    else:  # pragma: no cover
        raise AssertionError(update)


@pytest.mark.slow
@SETTINGS
@given(
    update=st.sampled_from(UPDATES),
    pieces=st.fixed_dictionaries(
        {
            "front": st.lists(yaml_comment(), max_size=2).map("".join),
            "top": user_text(),
            **{f"after{n}": user_text() for n in range(1, len(ENTRIES) + 1)},
            "end": user_text(),
        }
    ),
)
def test_hand_edits_in_an_interview_survive_every_update(
    update: str, pieces: dict[str, str], prep_home: Path
) -> None:
    EXAMPLES_RUN["hand_edits_in_an_interview_survive_every_update"] += 1
    path = (
        make_interview(prep_home)
        if not list(prep_home.glob("acme/interviews/*.md"))
        else _the_interview(prep_home)
    )
    base = _BASES.setdefault("interview", raw(path))
    edited = insert_user_text(base, pieces)
    if update == "reflection-again":
        path.write_text(edited, encoding="utf-8", newline="")
        apply_update("reflection-new", path)
        edited = raw(path)
    path.write_text(edited, encoding="utf-8", newline="")
    before = interviews.load_interview(path)

    apply_update(update, path)

    after_text = raw(path)
    expected = expected_after(update, edited)
    if expected is not None:
        assert after_text == expected
    elif update == "reflection-again":
        start = edited.index("\n<!-- prep:reflection ")
        stop = edited.index("\n<!-- prep:end 5 -->", start)
        assert after_text[: start + 1] == edited[: start + 1]
        assert after_text[after_text.index("\n<!-- prep:end 5 -->") :] == edited[stop:]
    else:
        assert after_text.startswith(edited)
    after = interviews.load_interview(path)
    assert [a.text for a in after.answers][: len(before.answers)] == [
        "Edited.\n<!-- prep:end 1 -->" if update == "back-edit" and a.number == 1 else a.text
        for a in before.answers
    ]
    for piece in pieces.values():
        assert piece in after_text


_BASES: dict[str, str] = {}


def raw(path: Path) -> str:
    """The file's text exactly (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def _the_interview(home: Path) -> Path:
    (path,) = sorted((home / "acme" / "interviews").glob("*.md"))
    return path


# The company file ---------------------------------------------------------------------------------


def make_company(home: Path) -> Path:
    relkit.new_company("Acme", "--role", "Staff Engineer")
    return companies.company_file(home, "acme")


COMPANY_UPDATES = ["tick", "status", "followup"]


def insert_in_company(base: str, pieces: dict[str, str]) -> str:
    fence = base.index("\n---\n", 4) + 1
    body_start = fence + 4
    begin_check = base.index("<!-- prep:begin checklist -->\n") + len("<!-- prep:begin checklist -->\n")
    prep_end = base.index("<!-- prep:end prep -->\n")
    end_check = base.index("<!-- prep:end checklist -->\n")
    return (
        base[:fence]
        + pieces["front"]
        + base[fence:body_start]
        + pieces["top"]
        + base[body_start:prep_end]
        + pieces["in_prep"]
        + base[prep_end:begin_check]
        + pieces["in_checklist"]
        + base[begin_check:end_check]
        + pieces["checklist_end"]
        + base[end_check:]
        + pieces["end"]
    )


@pytest.mark.slow
@SETTINGS
@given(
    update=st.sampled_from(COMPANY_UPDATES),
    pieces=st.fixed_dictionaries(
        {
            "front": st.lists(yaml_comment(), max_size=2).map("".join),
            "top": user_text(),
            "in_prep": user_text(),
            "in_checklist": user_text(allow_boxes=False),
            "checklist_end": user_text(allow_boxes=False),
            "end": user_text(),
        }
    ),
)
def test_hand_edits_in_the_company_file_survive_every_update(
    update: str, pieces: dict[str, str], prep_home: Path
) -> None:
    EXAMPLES_RUN["hand_edits_in_the_company_file_survive_every_update"] += 1
    path = companies.company_file(prep_home, "acme")
    if not path.exists():
        make_company(prep_home)
    base = _BASES.setdefault("company", raw(path))
    edited = insert_in_company(base, pieces)
    path.write_text(edited, encoding="utf-8", newline="")
    checklist = edited[edited.index("<!-- prep:begin checklist -->") :].split("\n")
    line = next(line for line in checklist if line.startswith("- [ ] ") and line.endswith("<!-- q:love -->"))

    if update == "tick":
        companies.tick_checklist(prep_home, "acme", ["love"])
        start = edited.index("<!-- prep:begin checklist -->")
        stop = edited.index("<!-- prep:end checklist -->")
        expected = edited[:start] + edited[start:stop].replace(line, "- [x]" + line[5:], 1) + edited[stop:]
    elif update == "status":
        companies.set_status(prep_home, "acme", "offer")
        expected = edited.replace('\nstatus: "researching"\n', '\nstatus: "offer"\n', 1)
    else:
        companies.mark_followup_done(prep_home, "acme", "recruiter-call", "Call the recruiter")
        expected = None
    after_text = raw(path)
    if update == "status":
        assert expected is not None and only_history_added(after_text, expected)
    elif expected is not None:
        assert after_text == expected
    else:
        assert after_text.startswith(edited)
        assert "<!-- f:recruiter-call -->" in after_text
    for piece in pieces.values():
        assert piece in after_text
    companies.read_company(prep_home, "acme")


# Markers broken by hand -----------------------------------------------------------------------------

BREAKS = ["drop-begin", "drop-end", "duplicate", "end-above-begin", "swap-ends", "reuse-number", "bad-json"]
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): ")


def break_markers(text: str, how: str, number: int) -> str:
    lines = text.split("\n")
    begin = lines.index(begin_line(number))
    end = lines.index(f"<!-- prep:end {number} -->")
    if how == "drop-begin":
        del lines[begin]
    elif how == "drop-end":
        del lines[end]
    elif how == "duplicate":
        lines += lines[begin : end + 1]
    elif how == "end-above-begin":
        lines.insert(begin, lines.pop(end))
    elif how == "swap-ends":
        other = number % len(ENTRIES) + 1
        other_end = lines.index(f"<!-- prep:end {other} -->")
        lines[end], lines[other_end] = lines[other_end], lines[end]
    elif how == "reuse-number":
        other = number % len(ENTRIES) + 1
        lines[begin] = lines[begin].replace(f'{{"n": {number},', f'{{"n": {other},', 1)
    elif how == "bad-json":
        lines[begin] = lines[begin].replace('"n"', "n", 1)
    return "\n".join(lines)


@pytest.mark.slow
@SETTINGS
@given(
    how=st.sampled_from(BREAKS),
    number=st.integers(1, len(ENTRIES)),
    update=st.sampled_from(UPDATES[:-1]),
    extra=user_text(),
)
def test_broken_markers_are_refused_with_file_and_line_and_nothing_is_lost(
    how: str, number: int, update: str, extra: str, prep_home: Path
) -> None:
    EXAMPLES_RUN["broken_markers_are_refused_with_file_and_line_and_nothing_is_lost"] += 1
    path = (
        make_interview(prep_home)
        if not list(prep_home.glob("acme/interviews/*.md"))
        else _the_interview(prep_home)
    )
    base = _BASES.setdefault("interview", raw(path))
    broken = break_markers(base + extra, how, number)
    path.write_text(broken, encoding="utf-8", newline="")

    with pytest.raises(PrepError) as reading:
        interviews.load_interview(path)
    with pytest.raises(PrepError) as writing:
        apply_update(update, path)
    for error in (reading.value, writing.value):
        where = LOCATED.match(error.message)
        assert where is not None, error.message
        assert where["path"] == str(path)
        line = int(where["line"])
        # prep reads CR, LF and CRLF alike as line ends (class F), and counts lines the same way
        assert re.split(r"\r\n?|\n", broken)[line - 1].startswith("<!-- prep:"), (error.message, how)
    assert raw(path) == broken  # refused: not one byte changed
    for _kind, _meta, text, _heading in ENTRIES:
        for piece in text.split("\n"):
            assert piece in broken  # every answer is still in the file


@pytest.mark.parametrize(
    "how", ["drop-begin", "drop-end", "duplicate-begin", "duplicate-end", "end-above-begin", "both-dropped"]
)
@pytest.mark.parametrize("update", COMPANY_UPDATES)
def test_broken_checklist_markers_are_refused_or_left_alone(how: str, update: str, prep_home: Path) -> None:
    path = make_company(prep_home)
    text = raw(path)
    begin, end = "<!-- prep:begin checklist -->\n", "<!-- prep:end checklist -->\n"
    if how == "drop-begin":
        text = text.replace(begin, "")
    elif how == "drop-end":
        text = text.replace(end, "")
    elif how == "duplicate-begin":
        text = text.replace(begin, begin + begin)
    elif how == "duplicate-end":
        text = text + end
    elif how == "end-above-begin":
        text = text.replace(end, "").replace(begin, end + begin)
    else:
        text = text.replace(begin, "").replace(end, "")
    path.write_text(text, encoding="utf-8")
    try:
        if update == "tick":
            companies.tick_checklist(prep_home, "acme", ["love"])
        elif update == "status":
            companies.set_status(prep_home, "acme", "offer")
        else:
            companies.mark_followup_done(prep_home, "acme", "recruiter-call", "Call the recruiter")
    except PrepError as error:
        assert LOCATED.match(error.message) and error.message.startswith(str(path)), error.message
        assert raw(path) == text  # refused, unchanged
        return
    after = raw(path)
    # A safe outcome: only what prep owns changed (the status line, a box, or an added block).
    if update == "status":
        assert only_history_added(after, text.replace('status: "researching"', 'status: "offer"', 1))
    elif update == "tick":
        assert after == text  # no checklist block to find: nothing ticked, nothing rewritten
    else:
        assert after.startswith(text)


# Front matter is only ever read safely ---------------------------------------------------------------

EVIL_TAGS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    "!!python/object/apply:subprocess.call [[touch, {marker}]]",
    "!!python/name:os.system",
    "!!python/object/new:os.system [touch {marker}]",
    "!!python/module:os",
]


@pytest.mark.slow
@pytest.mark.parametrize("tag", EVIL_TAGS)
@pytest.mark.parametrize("which", ["company", "interview"])
def test_a_python_tag_in_front_matter_is_refused_never_run(
    tag: str, which: str, prep_home: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "hacked"
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "hello").code == 0
    path = companies.company_file(prep_home, "acme") if which == "company" else _the_interview(prep_home)
    text = raw(path)
    evil = "evil: " + tag.format(marker=marker) + "\n"
    text = re.sub(r"^(format: \d+\n)", lambda found: found.group(1) + evil, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        PrepError, match=rf"^{re.escape(str(path))}:3:\d+: the front matter is not valid YAML"
    ):
        frontmatter.parse(text, path)
    for args in (("list",), ("review", "acme", "--no-input"), ("note", "acme", "more")):
        outcome = relkit.invoke(*args)
        if args == ("list",) and which == "interview":
            assert outcome.code == 0
            continue
        relkit.assert_one_line_error(outcome, 2, f"{path}:3:")
    assert not marker.exists()
    assert raw(path) == text


def test_front_matter_aliases_are_refused_not_expanded(prep_home: Path) -> None:
    """A 'billion laughs' front matter would hang `prep list`; it is refused with file:line:col."""
    relkit.new_company("acme")
    path = companies.company_file(prep_home, "acme")
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        laughs += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    text = raw(path).replace('role: ""\n', laughs + "role: *i\n", 1)
    path.write_text(text, encoding="utf-8")
    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    outcome = relkit.invoke("list")
    relkit.assert_one_line_error(outcome, 2, f"{path}:", "alias")
    assert time.process_time() - started < 2
    assert raw(path) == text


def test_a_field_written_twice_by_hand_is_refused_not_half_updated(prep_home: Path) -> None:
    """YAML keeps the last of two equal keys while prep edits the first: `prep status` would seem to work
    and change nothing. It is refused instead, naming both lines."""
    relkit.new_company("acme")
    path = companies.company_file(prep_home, "acme")
    text = raw(path).replace('status: "researching"\n', 'status: "applied"\n# mine\nstatus: "screening"\n', 1)
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index('status: "screening"') + 1
    outcome = relkit.invoke("status", "acme", "offer")
    relkit.assert_one_line_error(outcome, 2, f"{path}:{line}:1:", "twice")
    assert raw(path) == text


@pytest.mark.slow
def test_a_byte_that_is_not_utf8_is_located(prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "hello").code == 0
    path = _the_interview(prep_home)
    data = path.read_bytes() + b"caf\xe9 written in Latin-1\n"
    path.write_bytes(data)
    line = data.count(b"\n")
    outcome = relkit.invoke("note", "acme", "more")
    relkit.assert_one_line_error(outcome, 2, f"{path}:{line}:4:", "0xe9", "UTF-8")
    assert path.read_bytes() == data
