"""The crash file: a bug's traceback, kept private in `<home>/.cache/crash-<stamp>.txt`.

Tracebacks can quote what the user typed (names of real people), so the file
is 0600 in a 0700 folder and never written through a symbolic link.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from interview_prep.storage.cache import CACHE_DIR
from interview_prep.storage.home import FILE_MODE, FOLDER_MODE

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def write_crash_file(home: Path, details: str) -> Path:
    """Write `details` to a new private crash file and return its path; OSError if it cannot."""
    folder = home / CACHE_DIR
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if folder.is_symlink() or not folder.is_dir():
        raise OSError(f"{folder} is not a folder prep can use")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, FILE_MODE)
    with open(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(details)
    return path
