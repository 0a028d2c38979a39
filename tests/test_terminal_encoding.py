"""Output never depends on a UTF-8 terminal, and no COLUMNS value breaks it.

With a latin-1 or ASCII output encoding (PYTHONIOENCODING, a non-UTF-8 locale)
or TERM=dumb, every command runs and prints ASCII stand-ins for the glyphs the
terminal cannot show; the live interview too (in a real pseudo-terminal).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import every_command, prep
from interview_prep import output

PREP = str(Path(sys.executable).parent / "prep")
NAME = "Café Zürich — Ōkami…"  # é and ü are latin-1; the dash, Ō and … are not
SLUG = "cafe-zurich-okami"

COMMANDS = [  # (arguments, exit code)
    (["list"], 0),
    (["list", "--json"], 0),
    (["review", SLUG, "--no-input"], 0),
    (["review", SLUG, "--json"], 0),
    (["review"], 0),
    (["banks", "list"], 0),
    (["banks", "show", "love"], 0),
    (["banks", "check", "{home}/no-such.yaml"], 2),
    (["config", "show"], 0),
    (["status", SLUG, "interviewing"], 0),
    (["note", SLUG, "a plain note"], 0),  # argv in a C locale cannot carry UTF-8 (prep refuses it, exit 2)
    (["answer", SLUG, "hate", "slow reviews", "--who", "Zoe"], 0),
    (["flag", SLUG, "dodged it", "--who", "Zoe"], 0),
    (["reflect", SLUG, "--gut", "4"], 0),
    (["done", SLUG, "recruiter-call"], 2),  # no finished interview yet: the line names the company
    (["plan", SLUG, "--with", "Zoe:engineer"], 0),
    (["sheet", SLUG, "--with", "Zoe:engineer"], 0),
    (["sheet", SLUG, "--with", "Zoe:engineer", "--html", "{home}/sheet.html"], 0),
    (["add", SLUG, "Who reviews the code?", "--for", "engineer"], 0),
    (["done", SLUG], 0),  # nothing pending yet: says so
    (["schedule", SLUG, "2030-01-07 10:00", "--with", "Zoe:engineer"], 0),
    (["due", SLUG, "thank-you", "2030-01-09"], 2),
    (["agenda", "--days", "3660"], 0),
    (["calendar", SLUG], 0),
    (["log", SLUG], 0),
    (["people"], 0),
    (["stats"], 0),
    (["where"], 0),
    (["offer", SLUG, "--base", "85000", "--currency", "EUR", "--equity-type", "rsu", "--grant", "100"], 0),
    (["offers", "--multiple", "3"], 0),
    (["compare"], 0),
    (["compare", "--explain", "flags"], 0),
    (["export", "--csv", "{home}/../x.csv", "--html", "{home}/../x.html"], 0),
    (["open", SLUG], 2),  # no editor set: one line that must still print
    (["new", SLUG, "--no-input"], 2),  # already exists: the line names the company
    (["--help"], 0),
    (["review", "--help"], 0),
]
# Commands not run above, and where their output is held to the same rule instead.
ELSEWHERE = {"ask": "test_the_live_interview_runs_on_a_latin1_dumb_terminal"}


def test_every_command_is_tried_on_each_terminal() -> None:
    tried = {" ".join(args[:2]) if args[0] in ("banks", "config") else args[0] for args, _ in COMMANDS}
    assert set(every_command()) - tried - set(ELSEWHERE) == set(), "add a row to COMMANDS"


ENVIRONMENTS = {
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "C locale": {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "", "PYTHONUTF8": "0"},
    "dumb": {"TERM": "dumb"},
}


@pytest.fixture
def company(prep_home: Path) -> Path:
    assert prep("new", NAME, "--role", "Ingénieur — staff", "--no-input")[0] == 0
    assert prep("answer", SLUG, "love", "They ship… fast — “really”", "--who", "Ōno")[0] == 0
    assert prep("flag", SLUG, "Said 60–70 hours", "--who", "Ōno")[0] == 0
    return prep_home


def run(args: list[str], home: Path, extra: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env.update(PREP_HOME=str(home), COLUMNS="100", **extra)
    env = {k: v for k, v in env.items() if v != ""}
    return subprocess.run([PREP, *args], env=env, capture_output=True, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("where", list(ENVIRONMENTS))
def test_every_command_runs_and_prints_what_the_terminal_can_show(company: Path, where: str) -> None:
    extra = ENVIRONMENTS[where]
    encoding = extra.get("PYTHONIOENCODING") or ("ascii" if "LC_ALL" in extra else "utf-8")
    for template, code in COMMANDS:
        args = [arg.format(home=company) for arg in template]
        result = run(args, company, extra)
        assert result.returncode == code, (args, result.stderr)
        assert b"Traceback" not in result.stderr
        assert code == 0 or (result.stdout + result.stderr).strip(), args  # a refusal says why
        # raises if a byte is not in the terminal's encoding; an .ics file is UTF-8 by its standard
        text = result.stdout.decode("utf-8" if args[0] == "calendar" else encoding)
        result.stderr.decode(encoding)
        if encoding != "utf-8" and args[0] in ("list", "review") and args[-1].isalpha():
            assert "Caf" in text and "\ufffd" not in text, (args, text)


def test_stand_ins_keep_meaning() -> None:
    assert output.fit(NAME, "latin-1") == "Café Zürich -- Okami..."
    assert output.fit(NAME, "ascii") == "Cafe Zurich -- Okami..."
    assert output.fit("“a” ‘b’ • c → d ✓", "ascii") == "\"a\" 'b' * c -> d v"
    assert output.fit("東京", "ascii") == "??"
    assert output.fit(NAME, "utf-8") == NAME
    assert output.fit("\udc80", "utf-8") == "\\udc80"  # a lone surrogate shown, not a crash


@pytest.mark.slow
def test_json_stays_valid_and_exact_on_a_latin1_terminal(company: Path) -> None:
    import json

    result = run(["list", "--json"], company, {"PYTHONIOENCODING": "latin-1"})
    assert json.loads(result.stdout.decode("latin-1"))["companies"][0]["name"] == NAME


@pytest.mark.slow
def test_the_live_interview_runs_on_a_latin1_dumb_terminal(company: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(
        PREP_HOME=str(company),
        TERM="dumb",
        PYTHONIOENCODING="latin-1",
        NO_COLOR="1",
        PROMPT_TOOLKIT_NO_CPR="1",
    )
    try:
        child = pexpect.spawn(
            PREP, ["ask", SLUG, "--new", "--with", "Zoe:engineer"], env=env, encoding="latin-1", timeout=20
        )
    except (OSError, pexpect.ExceptionPexpect) as error:
        pytest.skip(f"cannot open a pseudo-terminal: {error}")
    try:
        child.expect_exact("Okami...: interviewing with Zoe")
        child.expect_exact("Answer:")
        child.send("Fine, about 40 hours\r")
        child.expect_exact("Answer:")
        child.send("/d\r")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before
    assert "Traceback" not in str(child.before)
    notes = "".join(path.read_text(encoding="utf-8") for path in (company / SLUG / "interviews").glob("*.md"))
    assert "Fine, about 40 hours" in notes


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["", "abc", "0", "-5", "1e3", "99999999999999999999", "1000000", " 80 "])
def test_any_columns_value_is_ignored_or_clamped(
    company: Path, columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert output.MIN_COLUMNS <= output.terminal_width() <= output.MAX_COLUMNS
    for args in (["list"], ["review", SLUG, "--no-input"], ["review"], ["banks", "list"], ["--help"]):
        code, out, err = prep(*args)
        assert code == 0, (args, err)
        assert max(len(line) for line in out.splitlines()) <= output.MAX_COLUMNS, args
