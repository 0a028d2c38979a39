"""The commands README.md quotes work as quoted.

- The two set-up commands: the test command is exactly what .ci/run runs, and the
  install command, run in a copy of the repository, installs `prep` and prints
  what the checkout's own `prep` prints (slow: a fresh venv and `pip install .`).
- The tour's `prep ...` lines, run in order as a user would paste them, with no
  terminal: each succeeds, except `prep ask`, which exits 2 naming the one-shot
  commands, as the README says.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from interview_prep.core.transcript import Interview
from interview_prep.storage.companies import resolve_company
from interview_prep.storage.interviews import list_interview_paths, load_interview

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def section(title_start: str) -> str:
    """The text of the `## ` section whose title starts with `title_start`."""
    found = re.search(rf"^## {re.escape(title_start)}.*?$(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert found, f"README has no section '## {title_start}...'"
    return found.group(1)


def sh_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"^```sh\n(.*?)^```", text, re.M | re.S)]


def setup_commands() -> tuple[str, str]:
    blocks = sh_blocks(section("Set-up"))
    assert len(blocks) == 2, f"the Set-up section should quote exactly two commands, found {blocks}"
    assert all("\n" not in block for block in blocks), "each set-up command is one line"
    install, tests = blocks
    assert "pytest" in tests and "pytest" not in install
    return install, tests


def tour_commands() -> list[str]:
    lines = [line.strip() for block in sh_blocks(section("A short tour")) for line in block.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    commands = [line for line in lines if line.startswith("prep ")]
    assert commands == lines, "every line of the tour's sh blocks is a prep command"
    return commands


def option(args: list[str], name: str, default: str = "") -> str:
    return args[args.index(name) + 1] if name in args else default


def run_line(line: str, home: Path) -> subprocess.CompletedProcess[str]:
    """One README line, exactly as quoted, in bash with the installed `prep` first on PATH; no terminal."""
    env = {key: value for key, value in os.environ.items() if key not in {"VISUAL", "EDITOR"}}
    env.update(PREP_HOME=str(home), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", NO_COLOR="1")
    return subprocess.run(
        ["bash", "-c", line],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_setup_test_command_is_what_ci_runs() -> None:
    _, tests = setup_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_commands = [
        line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    assert tests in ci_commands, f"README's test command is not a line of .ci/run:\n{tests}"


def test_setup_needs_the_python_the_package_declares() -> None:
    said = re.search(r"Python (3\.\d+) or newer", section("Set-up"))
    assert said, "the Set-up section names the Python it needs"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={said.group(1)}"' in pyproject


@pytest.mark.slow
def test_tour_runs_in_order_without_a_terminal(tmp_path: Path) -> None:
    """Each line as quoted; what it prints and what lands in the files follow from the line itself."""
    home = tmp_path / "tour-home"
    commands = [shlex.split(line, comments=True) for line in tour_commands()]
    verbs = [args[1] for args in commands]
    assert "ask" in verbs and "new" in verbs[: verbs.index("ask")], "the tour creates a company, then asks"
    companies: list[str] = []
    flags: list[tuple[str, str, str]] = []
    answers: list[tuple[str, str, str, str]] = []
    notes: list[tuple[str, str]] = []
    for line, args in zip(tour_commands(), commands, strict=True):
        result = run_line(line, home)
        out = " ".join(result.stdout.split())
        if args[1] == "ask":  # the README: without a terminal it exits 2 and names the one-shots
            assert result.returncode == 2, (line, result.stdout, result.stderr)
            error = " ".join(result.stderr.split())
            assert error.startswith("Error: prep ask needs a terminal"), error
            for one_shot in ("prep answer", "prep flag", "prep note"):
                assert one_shot in error, f"`prep ask` without a terminal should name {one_shot}"
            assert result.stderr.count("\n") == 1, "one line, no traceback"
            continue
        assert result.returncode == 0, (line, result.stdout, result.stderr)
        assert result.stderr == "", (line, result.stderr)
        if args[1] == "new":
            companies.append(args[2])
            assert out.startswith(f"Created {args[2]} with "), out
        elif args[1] == "flag":
            flags.append((args[2], args[3], option(args, "--severity", "medium")))
            assert out.startswith("Saved red flag"), out
        elif args[1] == "answer":
            answers.append((args[2], args[3], option(args, "--who"), args[4]))
            assert out.startswith("Saved answer"), out
        elif args[1] == "note":
            notes.append((args[2], args[3]))
            assert out.startswith("Saved note"), out
        elif args[1] == "review" and len(args) > 2:
            for section_title in ("Red flags", "Coverage", "Follow-ups"):
                assert section_title in out, f"{line}: no {section_title}"
            for company, text, severity in flags:
                if company == args[2]:
                    assert text in out and f"[{severity}]" in out, f"{line} does not show the flag {text!r}"
        elif args[1] == "review":
            for company in companies:
                assert company in out, f"{line} does not list {company}"

    said: dict[str, list[Interview]] = {}
    for company in companies:
        found = resolve_company(home, company)
        assert found.name == company
        said[company] = [load_interview(path) for path in list_interview_paths(home, found.slug)]
    for company, text, severity in flags:
        assert (text, severity) in [(f.text, f.severity) for iv in said[company] for f in iv.flags]
    for company, question_id, who, text in answers:
        assert (question_id, who, text) in [
            (a.question_id, a.who, a.text) for iv in said[company] for a in iv.answers
        ]
    for company, text in notes:
        assert text in [n.text for iv in said[company] for n in iv.notes]
    assert flags and answers and notes, "the tour shows each one-shot command"


@pytest.mark.slow
def test_setup_install_command_installs_prep(tmp_path: Path) -> None:
    install, _ = setup_commands()
    clone = tmp_path / "clone"
    shutil.copytree(
        ROOT,
        clone,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis", "build", "dist", "bench"
        ),
    )
    home = tmp_path / "notes"
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env["PREP_HOME"] = str(home)
    result = subprocess.run(
        ["bash", "-c", install],
        cwd=clone,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    installed = clone / ".venv" / "bin" / "prep"
    assert installed.is_file()

    # What the command ends with prints what this checkout's prep prints for the same home.
    last = shlex.split(install.split("&&")[-1])
    assert last[0] == ".venv/bin/prep", f"the install command should end by running prep: {install}"
    expected = subprocess.run(
        [str(BIN / "prep"), *last[1:]], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    assert result.stdout == expected.stdout

    # The installed copy knows where notes live and finds the shipped question banks.
    where = subprocess.run([str(installed), "where"], env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip() == str(home)
    banks = subprocess.run([str(installed), "banks", "list"], env=env, capture_output=True, text=True)
    assert banks.returncode == 0, banks.stderr
    ours = subprocess.run([str(BIN / "prep"), "banks", "list"], env=env, capture_output=True, text=True)
    assert banks.stdout == ours.stdout
