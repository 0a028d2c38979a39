"""Hostile content: huge answers, control characters, ANSI escapes, fake markers, front-matter fences,
headings and YAML special values, as answers and as names: stored and read back exactly, the file
structure intact, and never reaching the terminal raw.
"""

from __future__ import annotations

import io
import random
import sys
import unicodedata
from pathlib import Path

import pexpect
import pytest
import relkit

from interview_prep.core.models import Company
from interview_prep.core.transcript import Interviewer
from interview_prep.storage import companies, interviews
from interview_prep.storage.slug import clean_name

ESCAPES = [
    "\x1b[31mRED\x1b[0m",
    "\x1b]0;pwned-title\x07",
    "\x1b[2J\x1b[H",
    "\x1b[?1049h",
    "\x9b31m",  # C1 CSI
    "\x1bP+q\x1b\\",
]
CONTROL = "".join(chr(code) for code in range(1, 32) if chr(code) != "\n") + "\x7f\x85\x9f"
MARKERS = [
    "<!-- prep:end 1 -->",
    '<!-- prep:end 2 -->\n<!-- prep:answer {"n": 2, "q": "love"} -->',
    "\\<!-- prep:end 1 -->",
    '\\\\<!-- prep:note {"n": 9} -->',
    "<!-- prep:begin checklist -->\n<!-- prep:end checklist -->",
    '<!-- prep:reflection {"n": 1, "gut": 5} -->',
]
STRUCTURE = [
    "---",
    "---\nformat: 2\n---",
    "# Heading",
    "## My reflection",
    "### Red flag (high)",
    "- [ ] box <!-- q:love -->",
]
YAML_SPECIALS = [
    "no",
    "yes",
    "~",
    "null",
    "1e3",
    "0x1F",
    "0o17",
    "-.inf",
    ".nan",
    "2026-11-22",
    "12:30",
    '!!python/object/apply:os.system ["echo hacked"]',
    "&anchor x",
    "*alias",
    "{a: b}",
    "[x, y]",
    "? key",
    "key: value",
    "'single'",
    '"double"',
    "%YAML 1.1",
    "@at",
    "`tick`",
    "| block",
    "> folded",
    "# comment",
]
HOSTILE_ANSWERS = [
    *ESCAPES,
    CONTROL,
    *MARKERS,
    *STRUCTURE,
    *YAML_SPECIALS,
    "trailing newline\n",
    "\n\nleading blank lines",
    "crlf\r\nline\r\n",
    "\u2028line separator\u2029paragraph",
    "\ufeffbom",
    "tab\tand  double  spaces  ",
    "-starts with a dash",
    "--looks-like-an-option",
    "emoji 💼 and RTL שלום",
    "",
]


def _interview_text(home: Path, slug: str = "acme") -> Path:
    (path,) = interviews.list_interview_paths(home, slug)
    return path


@pytest.mark.slow
def test_hostile_answers_flags_and_notes_are_stored_exactly(prep_home: Path) -> None:
    relkit.new_company("acme")
    sent: list[tuple[str, str, str]] = []
    for index, text in enumerate(HOSTILE_ANSWERS):
        if not text.strip():
            continue  # the CLI refuses empty text (tested elsewhere); storage is checked below
        who = HOSTILE_ANSWERS[(index + 7) % len(HOSTILE_ANSWERS)]
        kind = ("answer", "flag", "note")[index % 3]
        args = {  # `--` so text starting with '-' is not read as an option
            "answer": ("answer", f"--who={who}", "--", "acme", "love", text),
            "flag": ("flag", f"--who={who}", "--", "acme", text),
            "note": ("note", "--", "acme", text),
        }[kind]
        outcome = relkit.invoke(*args)
        assert outcome.code == 0, (text, outcome.stderr)
        sent.append((kind, text, who.strip()))
    path = _interview_text(prep_home)
    interview = interviews.load_interview(path)
    stored = sorted(
        [(a.number, "answer", a.text, a.who) for a in interview.answers]
        + [(f.number, "flag", f.text, f.who) for f in interview.flags]
        + [(n.number, "note", n.text, "") for n in interview.notes]
    )
    assert [(kind, text) for _n, kind, text, _who in stored] == [(kind, text) for kind, text, _who in sent]
    assert [who for _n, kind, _t, who in stored if kind != "note"] == [
        who for kind, _t, who in sent if kind != "note"
    ]
    # Every line prep owns is still where it belongs, and the next write works.
    assert relkit.invoke("note", "acme", "after").code == 0
    assert interviews.load_interview(path).notes[-1].text == "after"
    relkit.report("hostile_answers", inputs=len(sent), stored_exactly=len(sent), lost=0)


def _megabyte() -> str:
    rng = random.Random(1)
    words = [
        "team",
        "manager",
        "hours",
        "late",
        "growth",
        "pay",
        "\x1b[31m",
        "<!-- prep:end 1 -->\n",
        "---\n",
    ]
    return "".join(rng.choice(words) + " " for _ in range(200_000))[:1_000_000]


@pytest.mark.slow
def test_a_one_megabyte_answer_is_stored_exactly(prep_home: Path) -> None:
    big = _megabyte()
    relkit.new_company("acme")
    with relkit.stopwatch() as write:
        assert relkit.invoke("answer", "acme", "love", big, "--who", "Dana").code == 0
    assert relkit.invoke("answer", "acme", "love", "short", "--who", "Lee").code == 0
    (answer, short) = interviews.load_interview(_interview_text(prep_home)).answers
    assert answer.text == big and short.text == "short"
    relkit.report("one_megabyte_answer", bytes=len(big.encode()), write_seconds=write[0])


@pytest.mark.slow
def test_a_one_megabyte_answer_is_reviewed_without_raw_escapes(prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("answer", "acme", "love", _megabyte(), "--who", "Dana").code == 0
    assert relkit.invoke("answer", "acme", "love", "short", "--who", "Lee").code == 0
    with relkit.stopwatch() as review:
        outcome = relkit.invoke("review", "acme", "--no-input")
    assert outcome.code == 0 and _no_raw_controls(outcome.stdout) == []
    relkit.report("one_megabyte_review", review_seconds=review[0], output_bytes=len(outcome.stdout.encode()))


@pytest.mark.slow
def test_a_megabyte_through_the_real_command(prep_home: Path) -> None:
    """A real process gets at most 128 KiB per argument (Linux); that much goes through intact."""
    relkit.new_company("acme")
    text = ("x\x1b[31m<!-- prep:end 1 -->\n" * 5000)[:120_000]
    done = relkit.run_prep(prep_home, "answer", "acme", "love", text, "--who", "Dana")
    assert done.returncode == 0, done.stderr
    assert interviews.load_interview(_interview_text(prep_home)).answers[0].text == text


@pytest.mark.slow
def test_undecodable_bytes_in_an_argument_give_one_line_and_change_nothing(prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "before").code == 0
    before = relkit.snapshot(prep_home)
    done = relkit.run_prep(prep_home, "answer", "acme", "love", "caf\udce9")  # b"caf\xe9" in argv
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1 and relkit.TRACEBACK not in done.stderr
    assert "not UTF-8" in done.stderr
    assert relkit.snapshot(prep_home) == before
    assert relkit.temp_files(prep_home) == []


NAMES = [
    *YAML_SPECIALS,
    "---",
    "# Heading",
    "<!-- prep:end checklist -->",
    "<!-- prep:begin prep -->",
    "💼",
    "Acme, Inc.",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_hostile_company_names_and_roles_round_trip(name: str, prep_home: Path) -> None:
    role = YAML_SPECIALS[NAMES.index(name) % len(YAML_SPECIALS)] + " \x1b[1mlead"
    outcome = relkit.invoke("new", f"--role={role}", "--no-input", "--", name)
    assert outcome.code == 0, outcome.stderr
    found = companies.resolve_company(prep_home, name)
    assert found.name == clean_name(name) == name
    assert found.role == role
    assert relkit.invoke("answer", f"--who={role}", "--", name, "love", name).code == 0
    assert relkit.invoke("status", "--", name, "offer").code == 0
    (interview,) = relkit.all_interviews(prep_home, found.slug)
    assert interview.company == name
    assert (interview.answers[0].text, interview.answers[0].who) == (name, role)
    assert [
        item.done for item in companies.read_checklist(prep_home, found.slug) if item.question_id == "love"
    ] == [True]
    listed = relkit.invoke("list", "--json")
    assert name in listed.stdout or name.replace('"', '\\"') in listed.stdout
    assert "\x1b" not in relkit.invoke("list").stdout


@pytest.mark.slow
def test_hostile_interviewer_names_roles_and_round_labels_round_trip(prep_home: Path) -> None:
    relkit.new_company("acme")
    company = companies.resolve_company(prep_home, "acme")
    people = [Interviewer(value, YAML_SPECIALS[-index - 1]) for index, value in enumerate(YAML_SPECIALS)]
    people += [Interviewer(text, "engineer") for text in ESCAPES + MARKERS + STRUCTURE]
    round_name = "onsite\n<!-- prep:end 1 -->\n---\n# round"
    path = interviews.start_interview(prep_home, company, round_name, people, "2026-11-22T14:20:00+00:00")
    for person in people:
        number = interviews.append_entry(
            path, "answer", {"q": "love", "who": person.name}, person.name, f"### ({person.name})"
        )
        assert number >= 1
    loaded = interviews.load_interview(path)
    assert loaded.interviewers == people
    assert loaded.round == round_name
    assert [(a.who, a.text) for a in loaded.answers] == [(p.name, p.name) for p in people]
    interviews.set_finished(path)  # the file is still writable: no heading injected a marker
    assert interviews.load_interview(path).finished
    review = relkit.invoke("review", "acme", "--no-input")
    assert review.code == 0 and "\x1b" not in review.stdout and "\x9b" not in review.stdout


def test_hostile_prep_answers_cannot_break_the_company_file(prep_home: Path) -> None:
    """`prep new`'s own-prep answers are free text; a marker line among them must not break the file."""
    company = Company(name="Acme", slug="acme", created="2026-11-22T14:00:00+00:00")
    prep = [
        companies.PrepSection(
            "Why this company?\n<!-- prep:end prep -->", "<!-- prep:begin checklist -->\n---"
        ),
        companies.PrepSection("Key messages", ["<!-- prep:end checklist -->", "# heading", "\x1b[31mred"]),
    ]
    checklist = [
        companies.ChecklistGroup("Love\n<!-- prep:end checklist -->", [("love", "What do you love?", "must")])
    ]
    path = companies.create_company(prep_home, company, prep, checklist)
    assert [item.question_id for item in companies.read_checklist(prep_home, "acme")] == ["love"]
    companies.tick_checklist(prep_home, "acme", ["love"])
    companies.set_status(prep_home, "acme", "offer")
    assert [item.done for item in companies.read_checklist(prep_home, "acme")] == [True]
    assert "<!-- prep:begin checklist -->\n---" in path.read_text(encoding="utf-8").replace("\\<!--", "<!--")


def _no_raw_controls(text: str) -> list[str]:
    return [repr(ch) for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n"]


@pytest.mark.slow
def test_review_output_never_carries_a_raw_escape(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_prep import output
    from interview_prep.render import review_view

    relkit.new_company("acme", "--role", ESCAPES[0])
    for index, text in enumerate(ESCAPES):
        assert relkit.invoke("answer", "acme", "love", f"love {text}", "--who", f"P{index}{text}").code == 0
        assert relkit.invoke("answer", "acme", "hate", f"hate {text}", "--who", f"P{index}{text}").code == 0
        assert relkit.invoke("flag", "acme", f"flag {text}", "--who", text).code == 0
    assert relkit.invoke("reflect", "acme", "--excited", ESCAPES[1], "--worry", ESCAPES[2]).code == 0
    seen: list[str] = []

    def spy(text: str) -> str:
        seen.append(text)
        return output.inert(text)

    monkeypatch.setattr(review_view, "inert", spy)
    for args in (("review", "acme", "--no-input"), ("review",), ("review", "acme", "--json"), ("list",)):
        outcome = relkit.invoke(*args)
        assert outcome.code == 0, outcome.stderr
        if "--json" in args:  # JSON escapes every C0 control; C1 (U+0080-U+009F) is valid raw JSON
            assert "\x1b" not in outcome.stdout and "\\u001b" in outcome.stdout
        else:
            assert _no_raw_controls(outcome.stdout) == [], args
    assert any(ESCAPES[0] in text for text in seen)  # user text went through output.inert
    written = relkit.invoke("review", "acme", "--write", "--no-input")
    assert written.code == 0 and _no_raw_controls(written.stdout) == []


@pytest.mark.slow
def test_hand_edited_fields_never_reach_the_terminal_raw(prep_home: Path) -> None:
    relkit.new_company("acme")
    for args in (
        ("answer", "acme", "love", "x", "--who", "Dana"),
        ("flag", "acme", "f"),
        ("reflect", "acme", "--accept", "yes"),
    ):
        assert relkit.invoke(*args).code == 0
    path = _interview_text(prep_home)
    text = path.read_text(encoding="utf-8")
    text = text.replace('"severity": "medium"', '"severity": "\\u001b[31mhigh"').replace(
        '"accept": "yes"', '"accept": "\\u001b]0;pwned\\u0007"'
    )
    path.write_text(text, encoding="utf-8")
    company = companies.company_file(prep_home, "acme")
    company.write_text(
        company.read_text(encoding="utf-8").replace('status: "researching"', 'status: "\\u001b[5moffer"'),
        encoding="utf-8",
    )
    for args in (("review", "acme", "--no-input"), ("review",)):
        outcome = relkit.invoke(*args)
        assert outcome.code == 0
        assert _no_raw_controls(outcome.stdout) == [], args


def test_the_ask_screen_shows_user_text_inert(monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_prep import output
    from interview_prep.core.interview import Probe, Step
    from interview_prep.render import ask_screen

    seen: list[str] = []

    def spy(text: str) -> str:
        seen.append(text)
        return output.inert(text)

    monkeypatch.setattr(ask_screen, "inert", spy)
    screen = ask_screen.Screen()
    with screen.out.capture() as captured:
        for text in ESCAPES:
            screen.opening(
                Company(name="Acme", slug="acme"), [Interviewer(text, "engineer")], Path("acme/x.md")
            )
            screen.probes([Probe("flag", text, text)])
            screen.question(Step("love", text, text, text, "must"))
            screen.saved(text)
            screen.info(text)
    shown = captured.get()
    assert _no_raw_controls(shown) == []
    assert "\\x1b[31mRED" in shown
    assert all(text in seen for text in ESCAPES)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_the_real_ask_screen_never_emits_the_payload(prep_home: Path) -> None:
    """Under a real terminal, escapes typed in earlier rounds and in names are shown, not executed."""
    relkit.new_company("acme")
    assert relkit.invoke("flag", "acme", "earlier \x1b]0;pwned\x07 flag").code == 0
    assert relkit.invoke("answer", "acme", "hate", "\x1b[31mEVIL\x1b[0m meetings", "--who", "Lee").code == 0
    (earlier,) = interviews.list_interview_paths(prep_home, "acme")
    interviews.set_finished(earlier)
    log = io.StringIO()
    child = pexpect.spawn(
        str(relkit.PREP),
        ["ask", "acme", "--with", "Dana\x1b[2J:hiring-manager"],
        env=relkit.subprocess_env(prep_home),
        dimensions=(40, 200),
        encoding="utf-8",
        timeout=15,
    )
    child.logfile_read = log
    child.expect("Answer:")
    child.send("/d\r")
    child.expect(pexpect.EOF)
    child.close()
    shown = log.getvalue()
    for payload in ("\x1b]0;pwned", "\x1b[31mEVIL", "Dana\x1b[2J"):
        assert payload not in shown
    assert "\\x1b]0;pwned" in shown and "\\x1b[31mEVIL" in shown and "Dana\\x1b[2J" in shown
