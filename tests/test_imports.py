"""Start-up cost is a feature: heavy modules stay out of the commands that do not need them.

Each command runs in a fresh interpreter (imports are per process), then the
probe prints which modules were loaded. questionary (~120 ms to import) is
for prompting only; Rich (~45 ms) is for rendering reviews and the live
interview, never for `prep --version`, `prep where` or `prep list`. A warm
question-bank cache spares `prep answer` the YAML parser. See
docs/performance.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import prep

MARK = "@@modules@@"
PROBE = f"""
import json, sys
sys.argv = ["prep", *json.loads(sys.argv[1])]
from interview_prep.cli import main
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code or 0
print("\\n{MARK}" + json.dumps({{"code": code, "modules": sorted(sys.modules)}}))
"""
BANK = Path(__file__).resolve().parents[1] / "question_banks" / "love-hate.yaml"


def modules_after(*args: str, whole_names: bool = False) -> set[str]:
    """Top-level package names (or with `whole_names`, every module) imported by `prep ARGS`
    in a fresh interpreter (no terminal)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,  # a hang guard; a loaded machine is slow
    )
    assert MARK in result.stdout, result.stderr
    report = json.loads(result.stdout.split(MARK)[-1])
    # A command that failed early would import less and prove nothing.
    assert report["code"] == 0, (args, result.stdout, result.stderr)
    return {name if whole_names else name.split(".")[0] for name in report["modules"]}


@pytest.fixture
def acme(prep_home: Path) -> str:
    """A company with one interview holding an answer."""
    code, out, err = prep("new", "acme", "--role", "Staff Engineer", "--no-input")
    assert code == 0, out + err
    code, out, err = prep("answer", "acme", "love", "The people", "--who", "Dana")
    assert code == 0, out + err
    return "acme"


NON_PROMPTING = [
    ("where",),
    ("list",),
    ("--version",),
    ("--help",),
    ("banks", "list"),
    ("banks", "check", str(BANK)),
    ("answer", "acme", "hours-per-week", "about 45", "--who", "Lee"),
    ("flag", "acme", "Avoided the question", "--severity", "high"),
    ("note", "acme", "Quiet office"),
    ("review", "acme", "--no-input"),
    ("review", "--no-input"),
    ("status", "acme", "interviewing"),
    ("config", "show"),
]


@pytest.mark.slow
@pytest.mark.parametrize("args", NON_PROMPTING, ids=" ".join)
def test_questionary_is_never_imported_without_a_prompt(acme: str, args: tuple[str, ...]) -> None:
    loaded = modules_after(*args)
    assert "questionary" not in loaded
    assert "prompt_toolkit" not in loaded


@pytest.mark.slow
@pytest.mark.parametrize("args", [("--version",), ("where",), ("list",)], ids=" ".join)
def test_the_fastest_commands_never_import_rich_or_yaml(acme: str, args: tuple[str, ...]) -> None:
    loaded = modules_after(*args)
    assert "rich" not in loaded
    assert "yaml" not in loaded  # front matter written by prep is read without PyYAML


@pytest.mark.slow
@pytest.mark.parametrize("args", [("--version",), ("where",)], ids=" ".join)
def test_the_fastest_commands_import_no_command_results_or_views(acme: str, args: tuple[str, ...]) -> None:
    """The Typer modules are loaded for every run: what they import at the top, every run pays."""
    loaded = modules_after(*args, whole_names=True)
    heavy = {name for name in loaded if name.startswith(("interview_prep.render", "interview_prep.core"))}
    assert heavy == set()


@pytest.mark.slow
def test_answer_with_a_warm_bank_cache_skips_yaml(acme: str) -> None:
    # The fixture's commands loaded the catalog once; from then on it comes from the cache.
    modules_after("answer", "acme", "team-size", "eight", "--who", "Lee")
    loaded = modules_after("answer", "acme", "team-size", "nine", "--who", "Lee")
    assert "yaml" not in loaded
    assert "rich" not in loaded


@pytest.mark.slow
def test_list_imports_only_what_reading_front_matter_needs(acme: str) -> None:
    loaded = modules_after("list", whole_names=True)
    for writer_only in (
        "interview_prep.storage.blocks",  # marker blocks: checklists and interviews
        "interview_prep.core.transcript",  # what was said: seven dataclasses, ~4 ms to create
        "interview_prep.banks.loader",
        "filelock",
        "tempfile",
        "glob",
        "hashlib",
    ):
        assert writer_only not in loaded, writer_only
    if sys.platform.startswith("linux"):  # the data home is computed (test_slug_and_paths.py)
        assert "platformdirs" not in loaded


@pytest.mark.slow
def test_icalendar_and_the_review_analysis_stay_out_of_the_agenda(acme: str) -> None:
    assert prep("schedule", acme, "tomorrow 10:00", "--with", "Dana:hiring-manager")[0] == 0
    agenda = modules_after("agenda", whole_names=True)
    assert "icalendar" not in {name.split(".")[0] for name in agenda}
    assert not {"rich", "questionary", "yaml"} & {name.split(".")[0] for name in agenda}
    assert "interview_prep.core.review" not in agenda and "interview_prep.core.numbers" not in agenda


def test_the_calendar_is_written_without_icalendar_or_the_live_interview(acme: str) -> None:
    """render/ics.py writes RFC 5545: the icalendar package (~300 ms to import) is for the tests only,
    and the plan inside each event comes from the planner, not from `prep ask`'s screen."""
    assert prep("schedule", acme, "tomorrow 10:00 Europe/Berlin", "--with", "Dana:engineer")[0] == 0
    assert prep("answer", acme, "love", "the people", "--who", "Dana", "--round", "screen")[0] == 0
    for args in (("calendar",), ("calendar", acme)):
        loaded = modules_after(*args, whole_names=True)
        packages = {name.split(".")[0] for name in loaded}
        assert not {"icalendar", "dateutil", "rich", "questionary", "yaml"} & packages
        assert "interview_prep.commands.ask" not in loaded
        assert "interview_prep.render.ask_screen" not in loaded


@pytest.mark.parametrize("command", ["plan", "sheet"])
def test_plan_and_sheet_import_neither_the_live_interview_nor_the_review(acme: str, command: str) -> None:
    loaded = modules_after(
        command, acme, "--with", "Dana:hiring-manager", "--minutes", "20", whole_names=True
    )
    for heavy in (
        "interview_prep.commands.ask",  # the live loop
        "interview_prep.render.ask_screen",  # its screen (Rich)
        "interview_prep.core.review",  # the review's analysis
        "interview_prep.core.metrics",  # the number readers
    ):
        assert heavy not in loaded, heavy
    assert not {"rich", "questionary", "yaml"} & {name.split(".")[0] for name in loaded}
