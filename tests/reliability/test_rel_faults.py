"""Disk and permission faults during a write: one clear line, exit 1, the file byte for byte as before,
no temp file left. Faults are injected in-process (tests run as root, which ignores mode bits, so a
"read-only" folder is simulated by making the system calls fail the way a read-only folder does).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import relkit

FAULTS = ("lock", "mkstemp", "write", "fsync", "chmod", "replace")
ERRNOS = {errno.ENOSPC: "Free some disk space", errno.EACCES: "writable", errno.EROFS: "writable"}

# (command line, the file it writes, relative to the home; {interview} is the interview file)
COMMANDS: list[tuple[tuple[str, ...], str]] = [
    (("answer", "acme", "love", "a new answer", "--who", "Dana"), "{interview}"),
    (("flag", "acme", "a new flag", "--severity", "high"), "{interview}"),
    (("note", "acme", "a new note"), "{interview}"),
    (("reflect", "acme", "--gut", "2", "--worry", "changed my mind"), "{interview}"),
    (("status", "acme", "offer"), "acme/company.md"),
    (("done", "acme", "recruiter-call"), "acme/company.md"),
    (("review", "acme", "--write", "--no-input"), "acme/review.md"),
]


def _failing(error_number: int) -> Callable[..., Any]:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(error_number, os.strerror(error_number))

    return fail


class _FailingHandle:
    """What os.fdopen returns when the write itself fails (the disk fills up mid-write)."""

    def __init__(self, fd: int, error_number: int) -> None:
        self.fd, self.error_number = fd, error_number

    def __enter__(self) -> _FailingHandle:
        return self

    def __exit__(self, *_exc: object) -> None:
        os.close(self.fd)

    def write(self, _data: bytes) -> int:
        raise OSError(self.error_number, os.strerror(self.error_number))


def inject(monkeypatch: pytest.MonkeyPatch, fault: str, error_number: int) -> None:
    if fault == "lock":
        real_open = os.open

        def open_(path: Any, *args: Any, **kwargs: Any) -> int:
            if str(path).endswith(".lock"):
                raise OSError(error_number, os.strerror(error_number), str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", open_)
    elif fault == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", _failing(error_number))
    elif fault == "write":
        monkeypatch.setattr(os, "fdopen", lambda fd, *_a, **_k: _FailingHandle(fd, error_number))
    elif fault == "fsync":
        monkeypatch.setattr(os, "fsync", _failing(error_number))
    elif fault == "chmod":  # the temp file's mode
        real_chmod = os.chmod

        def chmod(path: Any, *args: Any, **kwargs: Any) -> None:
            if str(path).endswith(".tmp"):
                raise OSError(error_number, os.strerror(error_number))
            real_chmod(path, *args, **kwargs)

        monkeypatch.setattr(os, "chmod", chmod)
    elif fault == "replace":
        monkeypatch.setattr(os, "replace", _failing(error_number))
    else:  # pragma: no cover
        raise AssertionError(fault)


JOURNEY = (
    ("answer", "acme", "love", "The people", "--who", "Dana"),
    ("answer", "acme", "love", "The pace", "--who", "Lee"),
    ("flag", "acme", "Avoided the manager question"),
    ("reflect", "acme", "--gut", "4", "--excited", "the team"),
    ("review", "acme", "--write", "--no-input"),
)


@pytest.fixture(scope="module")
def journey_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: a company with an interview (answers, a flag, a reflection) and a saved review."""
    home = tmp_path_factory.mktemp("journey") / "prep-home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PREP_HOME", str(home))
        relkit.new_company("acme")
        _a_round_as_prep_ask_leaves_it(home)  # one-shots add to a round; they never start one
        for args in JOURNEY:
            outcome = relkit.invoke(*args)
            assert outcome.code == 0, outcome.stderr
    return home


def _a_round_as_prep_ask_leaves_it(home: Path) -> None:
    from interview_prep.commands.context import now
    from interview_prep.core.transcript import Interviewer
    from interview_prep.storage import interviews
    from interview_prep.storage.companies import resolve_company

    panel = [Interviewer("Dana", "hiring-manager"), Interviewer("Lee", "engineer")]
    path = interviews.start_interview(home, resolve_company(home, "acme"), "onsite", panel, now())
    interviews.set_finished(path)


@pytest.fixture
def journey(journey_template: Path, prep_home: Path) -> Path:
    """A fresh copy of the template in this test's home; returns the interview file (relative)."""
    shutil.copytree(journey_template, prep_home, symlinks=True)
    (interview,) = relkit.all_interviews(prep_home, "acme")
    return Path("acme") / "interviews" / f"{interview.id}.md"


@pytest.mark.parametrize("error_number", sorted(ERRNOS), ids=errno.errorcode.get)
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0][0] + ("-write" if "--write" in c[0] else ""))
def test_a_failed_write_leaves_every_file_as_it_was(
    command: tuple[tuple[str, ...], str],
    fault: str,
    error_number: int,
    journey: Path,
    prep_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args, target = command
    target_path = prep_home / target.format(interview=journey)
    before = relkit.snapshot(prep_home)
    with monkeypatch.context() as patch:
        inject(patch, fault, error_number)
        outcome = relkit.invoke(*args)
    named = prep_home / "acme" / ".lock" if fault == "lock" else target_path
    relkit.assert_one_line_error(outcome, 1, str(named), ERRNOS[error_number], "unchanged")
    assert relkit.snapshot(prep_home) == before  # byte for byte, every file
    assert relkit.temp_files(prep_home) == []
    if error_number == errno.ENOSPC:  # and once the disk is fixed, the same command works
        assert relkit.invoke(*args).code == 0
    relkit.report("write_fault", command=args[0], fault=fault, errno=errno.errorcode[error_number], lost=0)


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["mkstemp", "write", "replace"])
def test_a_failed_first_write_leaves_no_file_behind(
    fault: str, prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`prep new` and a company's first interview: a failed create leaves no half file and no temp."""
    with monkeypatch.context() as patch:
        inject(patch, fault, errno.ENOSPC)
        outcome = relkit.invoke("new", "acme", "--no-input")
    relkit.assert_one_line_error(outcome, 1, str(prep_home / "acme" / "company.md"), "Free some disk space")
    assert not (prep_home / "acme" / "company.md").exists()
    assert relkit.temp_files(prep_home) == []
    relkit.new_company("acme")  # the next run succeeds

    with monkeypatch.context() as patch:
        inject(patch, fault, errno.ENOSPC)
        outcome = relkit.invoke("note", "acme", "first note")
    relkit.assert_one_line_error(outcome, 1, "Free some disk space")
    assert list((prep_home / "acme" / "interviews").glob("*.md")) == []
    assert relkit.temp_files(prep_home) == []
    assert relkit.invoke("note", "acme", "first note").code == 0


def test_when_only_the_checklist_tick_fails_the_answer_is_kept(
    journey: Path, prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`prep answer` writes the interview, then ticks company.md; a fault in the second write loses nothing."""
    company = prep_home / "acme" / "company.md"
    company_before = company.read_bytes()
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if str(dst).endswith("company.md"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    outcome = relkit.invoke("answer", "acme", "hate", "Slow reviews", "--who", "Lee")
    relkit.assert_one_line_error(outcome, 1, str(company), "Free some disk space")
    assert company.read_bytes() == company_before
    (interview,) = relkit.all_interviews(prep_home, "acme")
    assert "Slow reviews" in [answer.text for answer in interview.answers]
    assert relkit.temp_files(prep_home) == []


@pytest.mark.slow
def test_read_only_data_home_fails_with_one_line(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything that would create or write something is refused, as in a chmod 0500 home as a normal user."""
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "before").code == 0
    before = relkit.snapshot(prep_home)
    with monkeypatch.context() as patch:
        for fault in ("lock", "mkstemp"):
            inject(patch, fault, errno.EACCES)
        patch.setattr(os, "mkdir", _failing(errno.EACCES))
        results = [
            relkit.invoke("new", "globex", "--no-input"),
            relkit.invoke("note", "acme", "after"),
            relkit.invoke("answer", "acme", "love", "x"),
            relkit.invoke("status", "acme", "applied"),
            relkit.invoke("review", "acme", "--write", "--no-input"),
        ]
        for outcome in results:
            relkit.assert_one_line_error(outcome, 1, str(prep_home), "writable")
        # Reading still works.
        assert relkit.invoke("list").code == 0
        assert relkit.invoke("review", "acme", "--no-input").code == 0
    assert relkit.snapshot(prep_home) == before
    assert not (prep_home / "globex").exists()


def test_missing_data_home_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "not-yet" / "prep"
    monkeypatch.setenv("PREP_HOME", str(home))
    monkeypatch.setattr(os, "mkdir", _failing(errno.EACCES))
    outcome = relkit.invoke("new", "acme", "--no-input")
    relkit.assert_one_line_error(outcome, 1, str(home), "PREP_HOME")
