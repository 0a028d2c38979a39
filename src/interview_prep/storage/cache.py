"""Cache files in `<home>/.cache/`: derived data that makes prep faster, never the only copy of anything.

Deleting a cache is always safe. Reading one that is missing, broken or
written by another version gives None, and the caller recomputes. Writing is
best effort: it never fails a command and never creates the data home. Like
every file prep writes in the data home, a cache is private (0700 / 0600) and
never written or read through a symbolic link, so a `.cache` linked elsewhere
is ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

CACHE_DIR = ".cache"
SETTLED_NS = 2_000_000_000  # a file older than this cannot change without changing its stamp
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def cache_dir(home: Path) -> Path:
    return home / CACHE_DIR


def read_json(folder: Path, name: str) -> Any:
    """The JSON value stored in `folder/name`, or None if there is none that can be read."""
    try:
        if folder.is_symlink():
            return None
        fd = os.open(folder / name, os.O_RDONLY | _NO_FOLLOW)
        with open(fd, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):  # ValueError: not JSON, or not UTF-8
        return None


def write_json(folder: Path, name: str, value: Any) -> None:
    """Replace `folder/name` with `value` as JSON, atomically; silently gives up on any problem."""
    if not folder.parent.is_dir():
        return
    temp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        if folder.is_symlink():
            return
        folder.mkdir(mode=0o700, exist_ok=True)
        if folder.is_symlink() or not folder.is_dir():  # lost a race with a link, or a file there
            return
        # A data home kept in git (as the README suggests) leaves the caches out.
        with contextlib.suppress(FileExistsError):
            _write_new(folder / ".gitignore", "# Written by prep: a cache, safe to delete.\n*\n")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()  # a leftover of a killed run with this pid
        _write_new(temp, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        os.replace(temp, folder / name)
    except (OSError, ValueError):  # ValueError: a path that cannot be written as UTF-8
        with contextlib.suppress(OSError):
            temp.unlink()


def _write_new(path: Path, text: str) -> None:
    """Create `path` (0600), failing if anything, a link included, is already there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600)
    with open(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def code_stamp() -> list[list[Any]]:
    """Size and mtime of every module of prep: a change to any of them (an upgrade too) recomputes."""
    import interview_prep

    package = Path(interview_prep.__file__).parent
    stamp = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                stamp.append(
                    [os.path.relpath(os.path.join(folder, name), package), info.st_size, info.st_mtime_ns]
                )
    return stamp
