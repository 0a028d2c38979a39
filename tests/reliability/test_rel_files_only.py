"""Class G: prep opens only regular files inside the home. A file (not a folder) that is a symbolic
link, a hard-linked file prep would write or chmod, a FIFO or a device where a note belongs: one line,
nothing outside touched or quoted, and never a hang. Folders prep creates for a new home are 0700
under any umask; a home that is a broken link gets a true message.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import relkit

from interview_prep.storage import companies, interviews

SECRET = "outside-secret-do-not-quote"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "secret.md"
    path.parent.mkdir()
    path.write_text(f"---\nformat: 1\nname: {SECRET}\n---\n{SECRET}\n", encoding="utf-8")
    path.chmod(0o644)
    return path


def _company_with_a_note(home: Path) -> tuple[Path, Path]:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "hello").code == 0
    (interview,) = interviews.list_interview_paths(home, "acme")
    return companies.company_file(home, "acme"), interview


def _targets(home: Path) -> dict[str, Path]:
    company, interview = _company_with_a_note(home)
    (home / "banks").mkdir()
    return {
        "company.md": company,
        "interview": interview,
        "bank": home / "banks" / "mine.yaml",
        "config": home / "config.yaml",
    }


# Which commands read each target (each must give one line and exit non-zero).
USES = {
    "company.md": [
        ("list",),
        ("review",),
        ("note", "acme", "x"),
        ("status", "acme", "offer"),
        ("review", "acme", "--no-input"),
    ],
    "interview": [
        ("review", "acme", "--no-input"),
        ("note", "acme", "x"),
        ("reflect", "acme", "--gut", "3"),
        ("review",),
    ],
    "bank": [("new", "beta", "--no-input"), ("review", "acme", "--no-input")],
    "config": [("config", "show"), ("review", "acme", "--no-input")],
}


def _replace_with(kind: str, path: Path, outside: Path) -> None:
    if path.exists():
        path.unlink()
    if kind == "symlink":
        path.symlink_to(outside)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:  # pragma: no cover
        raise AssertionError(kind)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
@pytest.mark.parametrize("target", sorted(USES))
def test_a_file_that_is_not_a_regular_file_gets_one_line(
    target: str, kind: str, prep_home: Path, outside: Path
) -> None:
    if kind == "folder" and target in ("bank", "config"):
        pytest.skip(
            "a folder named *.yaml in banks/ is not a bank; config.yaml as a folder: see test_rel_paths"
        )
    path = _targets(prep_home)[target]
    _replace_with(kind, path, outside)
    before = relkit.snapshot(prep_home)
    outside_before = outside.read_bytes(), stat.S_IMODE(outside.stat().st_mode)
    for args in USES[target]:
        # A real process with a timeout: a FIFO must never make prep wait.
        result = relkit.run_prep(prep_home, *args, timeout=60)  # a hang is forever; load is not
        assert result.returncode != 0, (args, result.stdout, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert str(path) in lines[0], (args, lines[0])
        assert relkit.TRACEBACK not in result.stderr
        assert SECRET not in result.stdout + result.stderr
    assert relkit.snapshot(prep_home) == before
    assert (outside.read_bytes(), stat.S_IMODE(outside.stat().st_mode)) == outside_before


@pytest.mark.slow
@pytest.mark.parametrize("which", ["lock", "company.md", "interview", "review.md"])
def test_a_hard_linked_file_is_never_written_or_chmodded(which: str, prep_home: Path, outside: Path) -> None:
    company, interview = _company_with_a_note(prep_home)
    assert relkit.invoke("review", "acme", "--write", "--no-input").code == 0
    path = {
        "lock": prep_home / "acme" / ".lock",
        "company.md": company,
        "interview": interview,
        "review.md": prep_home / "acme" / "review.md",
    }[which]
    path.unlink(missing_ok=True)
    os.link(outside, path)
    before = outside.read_bytes()
    for args in (
        ("note", "acme", "x"),
        ("status", "acme", "offer"),
        ("review", "acme", "--write", "--no-input"),
    ):
        outcome = relkit.invoke(*args)
        if outcome.code == 0:
            continue  # this command does not write that file
        relkit.assert_one_line_error(outcome, 2, str(path), "hard link")
    assert outside.read_bytes() == before
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o002])
def test_every_folder_made_for_a_new_home_is_private(
    umask: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "a" / "b" / "c" / "home"
    monkeypatch.setenv("PREP_HOME", str(home))
    old = os.umask(umask)
    try:
        relkit.new_company("acme")
        assert relkit.invoke("note", "acme", "x").code == 0
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c", home):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert relkit.mode_problems(home) == []


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda home: home.symlink_to(home), "loops"),
        (lambda home: (home.parent / "x").symlink_to(home) or home.symlink_to(home.parent / "x"), "loops"),
        (lambda home: home.symlink_to(home.parent / "gone"), "not there"),
    ],
    ids=["self", "two-links", "dangling"],
)
def test_a_home_that_is_a_broken_link_gets_a_true_line(
    make: Callable[[Path], object], needle: str, prep_home: Path
) -> None:
    prep_home.parent.mkdir(parents=True, exist_ok=True)
    make(prep_home)
    for args in (("new", "acme", "--no-input"), ("list",), ("review",)):
        outcome = relkit.invoke(*args)
        line = relkit.assert_one_line_error(outcome, 2, str(prep_home), needle)
        assert "exists" not in line.lower()
