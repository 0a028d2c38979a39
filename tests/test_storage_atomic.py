from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from interview_prep.errors import PrepError
from interview_prep.storage.atomic import atomic_write, folder_lock


def test_new_files_are_private_and_existing_modes_are_kept(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.md"
    atomic_write(fresh, "one")
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o600
    shared = tmp_path / "shared.md"
    shared.write_text("old")
    os.chmod(shared, 0o640)
    atomic_write(shared, "new")
    assert shared.read_text() == "new" and stat.S_IMODE(os.stat(shared).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.md", "shared.md"]  # no temp files left


def test_failed_replace_keeps_the_original_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    target = tmp_path / "note.md"
    target.write_text("precious")

    def broken_replace(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(PrepError) as raised:
        atomic_write(target, "new text")
    assert "No space left on device" in raised.value.message and raised.value.exit_code == 1
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_writes_never_follow_a_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("not yours")
    link = tmp_path / "link.md"
    link.symlink_to(outside)
    with pytest.raises(PrepError, match="symbolic link"):
        atomic_write(link, "x")
    assert outside.read_text() == "not yours"


def test_lock_is_a_separate_file(tmp_path: Path) -> None:
    with folder_lock(tmp_path):
        assert (tmp_path / ".lock").exists()
        atomic_write(tmp_path / "a.md", "x")


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interview_prep", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("prep ")
