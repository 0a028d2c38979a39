"""`prep answer`, `prep flag`, `prep note`: capture without prompts, for scripts and quick notes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import interview_files, prep
from interview_prep.core.transcript import Interviewer
from interview_prep.storage import interviews
from interview_prep.storage.companies import resolve_company
from interview_prep.storage.interviews import load_interview

SAVED = re.compile(r"Saved (answer|red flag|note) ([0-9]+) to acme/interviews/([0-9a-z-]+)\.md\.\n")


@pytest.fixture
def company(prep_home: Path) -> Path:
    code, _, err = prep("new", "acme", "--no-input")
    assert code == 0, err
    return prep_home / "acme" / "company.md"


def ok(*args: str) -> tuple[str, str, str]:
    """Run a one-shot that must succeed with one line on stdout; (kind, number, interview id)."""
    code, out, err = prep(*args)
    assert (code, err) == (0, ""), err
    match = SAVED.fullmatch(out)
    assert match, f"not a one-line confirmation: {out!r}"
    return match[1], match[2], match[3]


def fails(*args: str) -> str:
    """Run a one-shot that must fail with exit 2, nothing on stdout and one line on stderr."""
    code, out, err = prep(*args)
    assert (code, out) == (2, ""), (code, out)
    assert err.startswith("Error: ") and err.endswith("\n") and err.count("\n") == 1, err
    return err


# ------------------------------------------------------------------ where they write


@pytest.mark.slow
def test_one_shots_before_any_round_go_to_the_company_notes_which_are_not_a_round(
    company: Path, prep_home: Path
) -> None:
    first = ok("answer", "acme", "hours-per-week", "about 45, more before launches", "--who", "Lee")
    assert first[:2] == ("answer", "1")
    assert ok("flag", "acme", "Said weekends are normal", "--severity", "HIGH", "--who", "Lee") == (
        "red flag",
        "2",
        first[2],
    )
    assert ok("note", "acme", "Recruiter said a decision by Friday") == ("note", "3", first[2])

    [path] = interview_files(prep_home, "acme")
    assert path.stem == first[2]
    interview = load_interview(path)
    assert interview.finished is True and interview.interviewers == [] and interview.kind == "notes"
    assert path.stem.endswith("-notes")
    review = json.loads(prep("review", "acme", "--json")[1])
    assert review["company"]["rounds"] == 0
    assert [item for item in review["followups"] if item["id"].startswith("thank-you")] == []
    [answer] = interview.answers
    assert (answer.question_id, answer.who, answer.text) == (
        "hours-per-week",
        "Lee",
        "about 45, more before launches",
    )
    assert answer.question_text == "In a normal week, roughly how many hours do you actually work?"
    [flag] = interview.flags
    assert (flag.text, flag.severity, flag.who, flag.signal) == (
        "Said weekends are normal",
        "high",
        "Lee",
        None,
    )
    assert [note.text for note in interview.notes] == ["Recruiter said a decision by Friday"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ("note", "acme", "Thought of it on the train"),
        ("flag", "acme", "Thought of it on the train", "--severity", "low"),
        ("answer", "acme", "love", "Thought of it on the train", "--who", "Dana"),
    ],
)
def test_after_the_last_round_a_one_shot_attaches_to_it_and_never_starts_one(
    company: Path, prep_home: Path, command: tuple[str, ...]
) -> None:
    acme = resolve_company(prep_home, "acme")
    earlier = interviews.start_interview(prep_home, acme, "screen", [], "2026-01-05T09:00:00+00:00")
    last = interviews.start_interview(
        prep_home, acme, "onsite", [Interviewer("Dana", "hiring-manager")], "2026-02-10T14:30:00+00:00"
    )
    for path in (earlier, last):
        interviews.set_finished(path)
    assert ok(*command)[2] == last.stem
    assert interview_files(prep_home, "acme") == sorted([earlier, last])
    review = json.loads(prep("review", "acme", "--json")[1])
    assert review["company"]["rounds"] == 2


@pytest.mark.slow
def test_interview_picks_another_interview(company: Path, prep_home: Path) -> None:
    acme = resolve_company(prep_home, "acme")
    older = interviews.start_interview(
        prep_home, acme, "screen", [Interviewer("Ria", "recruiter")], "2026-01-05T09:00:00+00:00"
    )
    newer = interviews.start_interview(prep_home, acme, "onsite", [], "2026-02-10T14:30:00+00:00")
    assert (older.stem, newer.stem) == ("2026-01-05-0900-screen", "2026-02-10-1430-onsite")

    assert ok("note", "acme", "To the latest") == ("note", "1", newer.stem)
    assert ok("answer", "acme", "salary-band", "120-140k", "--who", "Ria", "--interview", older.stem) == (
        "answer",
        "1",
        older.stem,
    )
    assert ok("flag", "acme", "Vague about equity", "--interview", older.stem) == (
        "red flag",
        "2",
        older.stem,
    )
    assert ok("note", "acme", "Back in the screen", "--interview", older.stem) == ("note", "3", older.stem)
    assert [n.text for n in load_interview(newer).notes] == ["To the latest"]
    assert load_interview(older).flags[0].severity == "medium"


# ------------------------------------------------------------------ bad input


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ("flag", "acme", "Evasive", "--severity", "critical"),
            "--severity 'critical' is not one of: low, medium, high",
        ),
        (
            ("answer", "acme", "hours-per-wek", "50"),
            "No question with id 'hours-per-wek'. Did you mean 'hours-per-week'?",
        ),
        (("answer", "acme", "zzz", "50"), "No question with id 'zzz'."),
        (("answer", "globex", "love", "The people"), "No company named 'globex'"),
        (("flag", "globex", "Evasive"), "No company named 'globex'"),
        (("note", "globex", "Hello"), "No company named 'globex'"),
        (("answer", "acme", "love", ""), "The answer is empty"),
        (("flag", "acme", "   "), "The red flag is empty"),
        (("note", "acme", "\n"), "The note is empty"),
        (("note", "acme", "Hi", "--interview", "2020-01-01-0000"), "acme has no interview '2020-01-01-0000'"),
        (("note", "acme", "Hi", "--interview", "../../etc"), "'../../etc' is not an interview id"),
    ],
)
def test_bad_input_is_one_line_on_stderr_exit_2_and_nothing_written(
    company: Path, prep_home: Path, args: tuple[str, ...], says: str
) -> None:
    before = company.read_bytes()
    assert says in fails(*args)
    assert interview_files(prep_home, "acme") == []
    assert company.read_bytes() == before


def test_ask_without_a_terminal_exits_2_and_names_the_one_shot_commands(
    company: Path, prep_home: Path
) -> None:
    message = fails("ask", "acme", "--with", "Dana:hiring-manager")
    assert "prep ask needs a terminal" in message
    for command in ("prep answer", "prep flag", "prep note"):
        assert command in message
    assert interview_files(prep_home, "acme") == []


# ------------------------------------------------------------------ the company checklist


@pytest.mark.slow
def test_answering_ticks_the_checklist_box_and_changes_nothing_else(company: Path) -> None:
    text = company.read_text()
    text = text.replace("## Questions to ask\n", "## Questions to ask\n\nMy own line, kept as is.  \n", 1)
    company.write_text(text + "\nNotes I added at the very end")
    before = company.read_bytes()
    assert b"- [ ] What do you absolutely love about acme?" in before

    ok("answer", "acme", "love", "The people", "--who", "Dana")
    after = company.read_bytes()
    history = re.compile(rb"\n*<!-- prep:begin history -->\n.*<!-- prep:end history -->\n\Z", re.S)
    assert len(re.findall(rb"<!-- prep:status ", after)) == 1, "the status change, dated, at the end"
    old_lines, new_lines = before.split(b"\n"), history.sub(b"", after).split(b"\n")
    assert len(old_lines) == len(new_lines)
    changed = [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new]
    # The box, and (the first interview moves the pipeline on) the status field.
    assert changed[0] == (b'status: "researching"', b'status: "interviewing"')
    assert len(changed) == 2
    old, new = changed[1]
    assert old.endswith(b"<!-- q:love -->") and old.startswith(b"- [ ] ")
    assert new == b"- [x] " + old[len(b"- [ ] ") :]

    ok("answer", "acme", "love", "Still the people", "--who", "Lee")  # already ticked
    ok("answer", "acme", "benefits", "Good dental")  # not on this checklist
    ok("flag", "acme", "Evasive about on-call")
    ok("note", "acme", "Nice office")
    assert company.read_bytes() == after


# ------------------------------------------------------------------ parallel writers


WRITER = """
import sys
from interview_prep.cli import app

worker = sys.argv[1]
for i in range(10):
    app(["answer", "acme", "love", f"writer {worker} answer {i}", "--who", f"W{worker}"], standalone_mode=False)
"""


@pytest.mark.slow
def test_parallel_one_shot_writers_lose_nothing(company: Path, prep_home: Path) -> None:
    """Four processes, ten `prep answer`s each, all at once, all racing to start the interview."""
    env = {**os.environ, "PREP_HOME": str(prep_home), "NO_COLOR": "1"}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(worker)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for worker in range(4)
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        assert len(SAVED.findall(out.decode())) == 10 and err == b""

    [path] = interview_files(prep_home, "acme")  # every writer found the same open interview
    interview = load_interview(path)
    expected = {f"writer {w} answer {i}" for w in range(4) for i in range(10)}
    assert sorted(a.text for a in interview.answers) == sorted(expected)
    assert sorted(a.number for a in interview.answers) == list(range(1, 41))
    for worker in range(4):  # each writer's answers landed in the order it wrote them
        mine = [a.text for a in interview.answers if a.who == f"W{worker}"]
        assert mine == [f"writer {worker} answer {i}" for i in range(10)]
    assert "- [x] What do you absolutely love about acme?" in company.read_text()


@pytest.mark.slow
def test_round_starts_a_round_only_when_none_is_open(company: Path, prep_home: Path) -> None:
    first = ok("answer", "acme", "love", "The people", "--who", "Sam", "--round", "screen")
    assert first[2].endswith("-screen")
    assert ok("note", "acme", "Same round", "--round", "screen")[2] == first[2]  # still open: joined
    interviews.set_finished(prep_home / "acme" / "interviews" / f"{first[2]}.md")
    assert ok("note", "acme", "After it")[2] == first[2]  # no --round: attached to the last round
    review = json.loads(prep("review", "acme", "--json")[1])
    assert review["company"]["rounds"] == 1
