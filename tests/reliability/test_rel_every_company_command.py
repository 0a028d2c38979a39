"""Class H over the whole command line: every command that takes a company refuses a look-alike name.

The commands are found by walking the built Click tree, not listed by hand, so
a command added later with a COMPANY argument fails the first test until it
has example arguments here, and is then held to the same rule as the others:
a name that only slugs the same as an existing company stops with one line
naming the company found, and nothing in the home changes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import relkit

from helpers import every_command
from interview_prep import cli
from interview_prep.storage.slug import slugify

# The arguments after the company that make each command do its real work (not print its help).
REST_OF_ARGS: dict[str, tuple[str, ...]] = {
    "status": ("offer",),
    "open": (),
    "ask": ("--with", "Dana:engineer"),
    "answer": ("love", "the people", "--who", "Dana"),
    "flag": ("dodged a question", "--severity", "high"),
    "note": ("heard something",),
    "plan": ("--with", "Dana:engineer"),
    "sheet": ("--with", "Dana:engineer"),
    "add": ("What does on-call look like?", "--for", "engineer"),
    "review": ("--no-input",),
    "reflect": ("--gut", "3"),
    "done": ("recruiter-call",),
    "schedule": ("2030-01-07 10:00", "--minutes", "45"),
    "due": ("recruiter-call", "2030-01-09"),
    "calendar": (),
    "log": (),
    "offer": ("--base", "85000", "--currency", "EUR"),
    "export": ("--csv", "{home}/../export.csv"),  # beside the data home, never inside it
}
# `prep ask` here has no keys to read, so when it starts it stops at its first prompt.
STOPPED_FOR_INPUT = 130
# `new` takes a company too, but makes one: a look-alike name there is refused as "already exists".
MAKES_A_COMPANY = {"new"}


def commands_taking_a_company() -> set[str]:
    found = {name for name, arguments in every_command().items() if arguments[:1] == ["company"]}
    return found - MAKES_A_COMPANY


def rest_of_args(command: str, home: Path) -> list[str]:
    return [arg.format(home=home) for arg in REST_OF_ARGS[command]]


def test_every_command_that_takes_a_company_is_tried_below() -> None:
    assert commands_taking_a_company() == set(REST_OF_ARGS), (
        "a command with a COMPANY argument needs example arguments in REST_OF_ARGS"
    )


@pytest.mark.parametrize("command", sorted(REST_OF_ARGS))
@pytest.mark.parametrize(("existing", "typed"), [("C Corp", "C++ Corp"), ("Nordic Bank", "Nordic & Bank")])
def test_a_look_alike_name_stops_every_company_command(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch, command: str, existing: str, typed: str
) -> None:
    monkeypatch.setattr(
        cli, "_is_interactive", lambda: True
    )  # `prep ask` looks for the company on a terminal
    assert slugify(existing) == slugify(typed), "the pair must collide for this test to mean anything"
    relkit.new_company(existing)
    assert relkit.invoke("note", existing, "first").code == 0
    before = relkit.snapshot(prep_home)
    outcome = relkit.invoke(*command.split(), typed, *rest_of_args(command, prep_home))
    line = relkit.assert_one_line_error(outcome, 2, existing, slugify(existing))
    assert typed in line, line
    assert relkit.snapshot(prep_home) == before


def _link_outside(path: Path, outside: Path) -> None:
    path.unlink()
    path.symlink_to(outside)


def _make_fifo(path: Path, outside: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _hard_link_outside(path: Path, outside: Path) -> None:
    outside.write_bytes(path.read_bytes())
    path.unlink()
    os.link(outside, path)


HAZARDS = {"symlink": _link_outside, "fifo": _make_fifo, "hard link": _hard_link_outside}


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(REST_OF_ARGS))
@pytest.mark.parametrize("hazard", sorted(HAZARDS))
@pytest.mark.parametrize("which", ["company.md", "interview"])
def test_every_company_command_stays_inside_the_home(
    prep_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, hazard: str, which: str
) -> None:
    """Class G over every command: a company file or an interview that is a link or a pipe is never used."""
    monkeypatch.setattr(cli, "_is_interactive", lambda: True)
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "first").code == 0
    folder = prep_home / "acme"
    target = folder / "company.md" if which == "company.md" else next((folder / "interviews").glob("*.md"))
    outside = tmp_path / "outside.md"
    outside.write_text("---\nformat: 1\nname: SECRET-OUTSIDE\n---\n", encoding="utf-8")
    outside.chmod(0o644)
    HAZARDS[hazard](target, outside)
    outside_before = (outside.read_bytes(), outside.stat().st_mode)
    outcome = relkit.invoke(*command.split(), "acme", *rest_of_args(command, prep_home))
    assert outcome.exception is None, repr(outcome.exception)
    assert relkit.TRACEBACK not in outcome.stdout + outcome.stderr
    assert "SECRET-OUTSIDE" not in outcome.stdout + outcome.stderr
    assert (outside.read_bytes(), outside.stat().st_mode) == outside_before
    if outcome.code not in (0, STOPPED_FOR_INPUT):
        assert len(outcome.stderr.splitlines()) == 1, outcome.stderr
