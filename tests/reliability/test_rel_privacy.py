"""Privacy: notes name real people, so every folder prep makes is 0700 and every file 0600, after
every kind of write and whatever the umask; and no command touches the network."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import relkit

from interview_prep import cli, prompts
from interview_prep.storage.interviews import list_interview_paths


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most careless umask there is: modes must be set explicitly, not inherited."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def scripted_ask(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Drive `prep ask` in-process: answer, go back and edit, note, flag, skip, finish."""
    script = iter(["The people", "/b", "/n", "/f", "Slow reviews", "/s", "/d"])
    asked: list[str] = []

    def answer(message: str, default: str = "", multiline: bool = False) -> str:
        asked.append(message)
        return "The people, edited" if default else next(script)

    monkeypatch.setattr(cli, "_is_interactive", lambda: True)
    monkeypatch.setattr(prompts, "answer", answer)
    monkeypatch.setattr(prompts, "text", lambda *_a, **_k: "A note typed in the flow")
    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(prompts, "signal_or_text", lambda *_a, **_k: ("They dodged the question", None))
    monkeypatch.setattr(prompts, "severity", lambda *_a, **_k: "high")
    return asked


WRITES: list[tuple[str, tuple[str, ...]]] = [
    ("new", ("new", "acme", "--role", "Staff Engineer", "--no-input")),
    ("answer", ("answer", "acme", "love", "The pace", "--who", "Dana")),
    ("flag", ("flag", "acme", "Avoided the manager question", "--severity", "high")),
    ("note", ("note", "acme", "Quiet office")),
    ("reflect", ("reflect", "acme", "--gut", "4", "--excited", "team", "--accept", "unsure")),
    ("reflect again", ("reflect", "acme", "--gut", "3")),
    ("review --write", ("review", "acme", "--write", "--no-input")),
    ("review --write again", ("review", "acme", "--write", "--no-input")),
    ("status", ("status", "acme", "offer")),
    ("new interview via ask", ("ask", "acme", "--new", "--with", "Lee:engineer")),
    ("done", ("done", "acme", "recruiter-call")),  # once there is a round (one-shots never start one)
]


def _notes_modes(home: Path) -> list[str]:
    """Modes of the data home and every company folder (the question-bank cache is checked apart)."""
    problems = relkit.mode_problems(home)
    return [line for line in problems if f"/{relkit.CACHE}" not in line.split(":", 1)[0]]


@pytest.mark.slow
def test_folders_0700_and_files_0600_after_every_kind_of_write(
    prep_home: Path, open_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = scripted_ask(monkeypatch)
    checked = []
    for label, args in WRITES:
        outcome = relkit.invoke(*args)
        assert outcome.code == 0, (label, outcome.stdout, outcome.stderr, outcome.exception)
        assert _notes_modes(prep_home) == [], label
        checked.append(label)
    assert asked  # the ask flow really ran
    interviews = list_interview_paths(prep_home, "acme")  # oldest first
    assert len(interviews) == 2
    text = next(path for path in interviews if not path.stem.endswith("-notes")).read_text(encoding="utf-8")
    for expected in (
        "The people, edited",
        "A note typed in the flow",
        "They dodged the question",
        "prep:skip",
    ):
        assert expected in text
    files = [p for p in prep_home.rglob("*") if p.is_file()]
    relkit.report("privacy_modes", writes=len(checked), files_checked=len(files), wrong_modes=0, umask="000")


def test_an_existing_file_keeps_a_mode_the_user_chose(prep_home: Path) -> None:
    relkit.new_company("acme")
    company = prep_home / "acme" / "company.md"
    company.chmod(0o640)  # documented: an existing file keeps its mode (the user chose to share it)
    assert relkit.invoke("status", "acme", "offer").code == 0
    assert company.stat().st_mode & 0o777 == 0o640


@pytest.mark.slow
def test_the_bank_cache_is_private_too(prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("answer", "acme", "love", "x").code == 0  # the home exists now: the cache is written
    assert (prep_home / relkit.CACHE).is_dir()
    assert relkit.mode_problems(prep_home) == []


# No network -------------------------------------------------------------------------------------------


class NetworkUsed(AssertionError):
    pass


def _no_network(*_args: Any, **_kwargs: Any) -> Any:
    raise NetworkUsed("prep tried to use the network")


class _NoSocket(socket.socket):
    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        raise NetworkUsed("prep tried to open a socket")


JOURNEY = [
    ("new", "acme", "--role", "Staff Engineer", "--stage", "startup", "--no-input"),
    ("answer", "acme", "love", "The people", "--who", "Dana"),
    ("answer", "acme", "hours-per-week", "about 60, more before launches", "--who", "Lee"),
    ("flag", "acme", "Both avoided the question about the manager", "--severity", "high"),
    ("note", "acme", "Office was very quiet"),
    ("reflect", "acme", "--gut", "3", "--worry", "the hours", "--accept", "unsure"),
    ("review", "acme", "--no-input"),
    ("review", "acme", "--json"),
    ("review", "acme", "--write", "--no-input"),
    ("review",),
    ("list", "--json"),
    ("status", "acme", "interviewing"),
    ("banks", "list"),
    ("config", "show"),
]


@pytest.mark.slow
def test_a_whole_journey_with_sockets_disabled(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair", "create_server"):
        monkeypatch.setattr(socket, name, _no_network)
    monkeypatch.setattr(socket, "socket", _NoSocket)
    with pytest.raises(NetworkUsed):  # the trap is armed
        socket.socket()
    for args in JOURNEY:
        outcome = relkit.invoke(*args)
        assert outcome.exception is None, (args, outcome.exception)
        assert outcome.code == 0, (args, outcome.stderr)
    relkit.report("no_network_in_process", commands=len(JOURNEY), sockets_opened=0)


AUDIT = """
import sys
events = []
def hook(event, args):
    if event.startswith("socket."):
        events.append(event)
sys.addaudithook(hook)
from interview_prep.cli import app
for argv in {journey!r}:
    try:
        app(list(argv), standalone_mode=False)
    except SystemExit as stop:
        if stop.code not in (0, None):
            print("exit", stop.code, argv)
print("SOCKET-EVENTS", sorted(set(events)))
"""


@pytest.mark.slow
def test_a_real_process_journey_raises_no_socket_audit_event(prep_home: Path) -> None:
    """The interpreter's audit hooks see every socket call: a real process runs the journey, none fires."""
    done = subprocess.run(
        [sys.executable, "-c", AUDIT.format(journey=JOURNEY)],
        env=relkit.subprocess_env(prep_home),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "exit" not in done.stdout.replace("SOCKET-EVENTS", ""), done.stdout
    assert done.stdout.strip().splitlines()[-1] == "SOCKET-EVENTS []", done.stdout[-500:]
    relkit.report("no_network_audit_hook", commands=len(JOURNEY), socket_events=0)
