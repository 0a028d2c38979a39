"""No control byte from a user's files ever reaches the terminal.

A home is seeded with hostile text everywhere a user (or a synced file) can
put it: the company's name and role in front matter (JSON and YAML escapes),
answers, names, flags, notes and a reflection in an interview file, a user
bank's question and signal text, config.yaml's values. Every command that
prints user data runs over it; none may print a control character (C0, C1,
ESC, BEL, DEL) or a lone surrogate, on stdout or stderr.

A new command that prints user data needs one row in COMMANDS.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import every_command, interview_files, prep
from interview_prep.cli import app

# The same hostile strings in the three spellings a file can hold them.
YAML_HOSTILE = r"\e]0;owned\a\e[2J\x9b31m\x7f"  # a YAML double-quoted escape
JSON_HOSTILE = "\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u007f"  # a JSON marker's escape
RAW_HOSTILE = "\x1b]0;owned\x07\x1b[2J\x9b31m\x7f\x08\r\x00"  # bytes typed or pasted into a body


def seed(home: Path) -> None:
    def prep_in_home(*args: str) -> tuple[int, str, str]:
        return prep("--home", str(home), *args)

    assert prep_in_home("new", "acme", "--role", "Engineer", "--no-input")[0] == 0
    assert prep_in_home("answer", "acme", "love", "they ship", "--who", "Dana", "--round", "onsite")[0] == 0
    assert prep_in_home("flag", "acme", "avoids the manager question", "--who", "Lee")[0] == 0
    assert prep_in_home("note", "acme", "quiet office")[0] == 0
    assert prep_in_home("answer", "acme", "hours-per-week", "about 50 hours", "--who", "Lee")[0] == 0
    assert (
        prep_in_home("reflect", "acme", "--gut", "2", "--excited", "mentoring", "--worry", "oncall")[0] == 0
    )
    assert prep_in_home("answer", "acme", "next-steps", "we will decide by Friday", "--who", "Dana")[0] == 0
    scheduled = ("schedule", "acme", "2030-01-07 15:00", "--where", "Room 4", "--with", "Ava:engineer")
    assert prep_in_home(*scheduled)[0] == 0
    offered = (
        "offer",
        "acme",
        "--base",
        "1",
        "--currency",
        "EUR",
        "--benefits",
        "gym",
        "--expires",
        "2030-01-10",
    )
    assert (
        prep_in_home(*offered, "--equity-type", "rsu", "--grant", "10", "--exercise-window", "ten years")[0]
        == 0
    )

    company = home / "acme" / "company.md"
    text = company.read_text()
    text = text.replace('name: "acme"', f'name: "Acme {YAML_HOSTILE}"')  # falls back to the YAML reader
    text = text.replace('role: "Engineer"', f'role: "Eng {JSON_HOSTILE}"')
    text = text.replace("## Questions to ask", f"## Questions to ask {RAW_HOSTILE}")
    text = text.replace('"where": "Room 4"', f'"where": "Room 4 {JSON_HOSTILE}"')
    text = text.replace('{"name": "Ava"', f'{{"name": "Ava {JSON_HOSTILE}"')
    text = text.replace('"benefits": "gym"', f'"benefits": "gym {JSON_HOSTILE}"')
    text = text.replace('"exercise_window": "ten years"', f'"exercise_window": "ten {JSON_HOSTILE}"')
    assert text.count(JSON_HOSTILE) >= 5
    company.write_text(text)

    [interview] = interview_files(home, "acme")
    text = interview.read_text()
    plain_texts = ("they ship", "avoids the manager question", "quiet office", "about 50 hours", "mentoring")
    for plain in (*plain_texts, "we will decide by Friday"):
        text = text.replace(f"\n{plain}\n", f"\n{plain} {RAW_HOSTILE}\n")
    text = text.replace('"who": "Dana"', f'"who": "Dana {JSON_HOSTILE}", "mark": "reassuring"')
    text = text.replace('"excited": "mentoring"', f'"excited": "mentoring {JSON_HOSTILE}"')
    interview.write_text(text)

    (home / "banks").mkdir()
    (home / "banks" / "hostile.yaml").write_text(
        "bank: hostile\n"
        f'title: "Hostile {YAML_HOSTILE}"\n'
        f'description: "About {YAML_HOSTILE}"\n'
        "questions:\n"
        "  - id: hostile-question\n"
        f'    text: "What about {{company}}? {YAML_HOSTILE}"\n'
        "    category: culture\n"
        f'    why: "Because {YAML_HOSTILE}"\n'
        "    ask: [everyone]\n"
        "    when: [onsite]\n"
        "    priority: must\n"
        "    listen_for:\n"
        f'      good: ["good {YAML_HOSTILE}"]\n'
        f'      worrying: ["bad {YAML_HOSTILE}"]\n'
        "signals:\n"
        "  - id: hostile-signal\n"
        f'    text: "Watch {YAML_HOSTILE}"\n'
        f'    why: "Since {YAML_HOSTILE}"\n'
        "    severity: high\n"
        f'    match: ["never {YAML_HOSTILE.lower()}"]\n'
    )
    (home / "config.yaml").write_text(
        f'dealbreakers: ["on call {YAML_HOSTILE}"]\nvalues: ["mentoring {YAML_HOSTILE}"]\n'
        f'key_messages: ["I led it {YAML_HOSTILE}"]\n'
    )


# One row per command that prints user data: (label, arguments, exit code).
COMMANDS: list[tuple[str, list[str], int]] = [
    ("list", ["list"], 0),
    ("list --json", ["list", "--json"], 0),
    ("status", ["status", "acme", "interviewing"], 0),
    ("status unknown", ["status", "acme", f"x{RAW_HOSTILE}"], 2),
    ("unknown company", ["review", f"nobody{RAW_HOSTILE}", "--no-input"], 2),
    ("review", ["review", "acme", "--no-input"], 0),
    ("review --json", ["review", "acme", "--json"], 0),
    ("review --write", ["review", "acme", "--write", "--no-input"], 0),
    ("review all", ["review"], 0),
    ("review all --json", ["review", "--json"], 0),
    ("reflect", ["reflect", "acme", "--gut", "3", "--accept", "yes"], 0),
    ("done", ["done", "acme", "recruiter-call"], 0),
    ("done unknown", ["done", "acme", f"x{RAW_HOSTILE}"], 2),
    ("done list", ["done", "acme"], 0),
    ("answer", ["answer", "acme", "hostile-question", "fine", "--who", "Sam"], 0),
    ("flag", ["flag", "acme", "odd", "--who", "Sam"], 0),
    ("note", ["note", "acme", "ok"], 0),
    ("open", ["open", "acme"], 2),
    ("config show", ["config", "show"], 0),
    ("config show --json", ["config", "show", "--json"], 0),
    ("banks list", ["banks", "list"], 0),
    ("banks list --json", ["banks", "list", "--json"], 0),
    ("banks show bank", ["banks", "show", "hostile"], 0),
    ("banks show question", ["banks", "show", "hostile-question"], 0),
    ("banks show signal", ["banks", "show", "hostile-signal"], 0),
    ("banks show unknown", ["banks", "show", f"x{RAW_HOSTILE}"], 2),
    ("banks check", ["banks", "check", "{home}/banks/hostile.yaml"], 0),
    ("new refused", ["new", f"Evil{RAW_HOSTILE}", "--no-input"], 2),
    (
        "schedule",
        [
            "schedule",
            "acme",
            "2026-12-04 15:00",
            "--where",
            RAW_HOSTILE,
            "--with",
            f"x{RAW_HOSTILE}:engineer",
        ],
        0,
    ),
    ("schedule unreadable", ["schedule", "acme", f"fri {RAW_HOSTILE}"], 2),
    ("agenda", ["agenda", "--days", "3660"], 0),
    ("agenda --json", ["agenda", "--json", "--days", "3660"], 0),
    ("calendar", ["calendar"], 0),
    ("log", ["log", "acme"], 0),
    ("log --json", ["log", "acme", "--json"], 0),
    ("people", ["people"], 0),
    ("people --json", ["people", "--json"], 0),
    ("people unknown", ["people", f"x{RAW_HOSTILE}"], 2),
    ("plan", ["plan", "acme", "--with", f"x{RAW_HOSTILE}:engineer"], 0),
    ("due", ["due", "acme", "recruiter-call", "2030-01-09"], 0),
    ("where", ["where"], 0),
    ("stats", ["stats"], 0),
    ("stats --json", ["stats", "--json"], 0),
    ("add", ["add", "acme", "Who would I pair with first?", "--for", "engineer"], 0),
    ("add refused", ["add", "acme", f"x{RAW_HOSTILE}"], 2),
    ("sheet", ["sheet", "acme", "--with", f"x{RAW_HOSTILE}:engineer", "--with", "Dana:hiring-manager"], 0),
    (
        "sheet --html",
        ["sheet", "acme", "--with", f"x{RAW_HOSTILE}:engineer", "--html", "{home}/sheet.html"],
        0,
    ),
    ("plan --json", ["plan", "acme", "--with", f"x{RAW_HOSTILE}:engineer", "--json"], 0),
    ("offer", ["offer", "acme", "--base", "2", "--currency", "EUR", "--benefits", RAW_HOSTILE], 0),
    ("offer refused", ["offer", "acme", "--base", "2", "--currency", "EUR", "--vest-every", RAW_HOSTILE], 2),
    ("offers", ["offers", "--multiple", "2"], 0),
    ("offers --json", ["offers", "--json"], 0),
    ("compare", ["compare"], 0),
    ("compare weighted", ["compare", "--weight", "love-hate=2"], 0),
    ("compare --json", ["compare", "--json"], 0),
    ("compare --explain", ["compare", "--weight", "love-hate=1", "--explain", "love-hate"], 0),
    ("compare --explain flags", ["compare", "--explain", "flags"], 0),
    ("compare --explain offer", ["compare", "--explain", "offer"], 0),
    ("compare --explain unknown", ["compare", "--explain", f"x{RAW_HOSTILE}"], 2),
    ("compare --weight unknown", ["compare", "--weight", f"x{RAW_HOSTILE}=2"], 2),
    ("export", ["export", "--csv", "{home}/../out.csv", "--html", "{home}/../out.html"], 0),
    ("export refused", ["export", "--csv", f"{{home}}/none{RAW_HOSTILE}/x.csv"], 2),
]
# Commands left out above, and where their output is held to the same rule instead.
ELSEWHERE = {
    "ask": "the live screen: tests/reliability/test_rel_hostile.py",
}


def command_of(args: list[str]) -> str:
    return " ".join(args[:2]) if args[0] in ("banks", "config") else args[0]


def test_every_command_is_run_over_the_hostile_home() -> None:
    tried = {command_of(args) for _, args, _ in COMMANDS}
    assert set(every_command()) - tried - set(ELSEWHERE) == set(), "add a row to COMMANDS"


def unsafe_characters(text: str) -> list[str]:
    return [
        f"U+{ord(ch):04X}" for ch in text if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs")
    ]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("hostile") / "home"
    seed(home)
    return home


@pytest.fixture
def hostile_home(seeded: Path, prep_home: Path) -> Path:
    shutil.copytree(seeded, prep_home)
    return prep_home


@pytest.mark.parametrize(("label", "args", "code"), COMMANDS, ids=[label for label, _, _ in COMMANDS])
def test_no_control_character_reaches_the_terminal(
    hostile_home: Path, label: str, args: list[str], code: int
) -> None:
    result = CliRunner().invoke(app, [arg.format(home=hostile_home) for arg in args])
    out = result.stdout_bytes.decode("utf-8", "surrogateescape")
    if args[0] == "calendar":
        out = out.replace("\r\n", "\n")  # RFC 5545 ends every line with CRLF
    err = result.stderr_bytes.decode("utf-8", "surrogateescape")
    assert result.exit_code == code, (label, out, err)
    assert "Traceback" not in out + err
    assert unsafe_characters(out) == [], (label, out)
    assert unsafe_characters(err) == [], (label, err)
    if "--json" in args:
        json.loads(out)  # still JSON, the escapes included


def test_the_seed_really_is_hostile(hostile_home: Path) -> None:
    """The seed reaches the program as control characters (else the test above proves nothing)."""
    from interview_prep.storage.companies import list_companies

    [company] = list_companies(hostile_home)
    assert unsafe_characters(company.name) and unsafe_characters(company.role)
    body = next((hostile_home / "acme" / "interviews").glob("*.md")).read_text()
    assert "\x1b" in body
