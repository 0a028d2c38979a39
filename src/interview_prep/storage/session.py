"""One live `prep ask` per company: a lock held for the whole session.

Two terminals on one company would otherwise interleave answers in one file,
and `/b` in one could reach the other's entry. The lock is an OS lock (flock)
on `<company>/.ask-session`, so a session that is killed releases it at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from interview_prep.errors import PrepError
from interview_prep.storage.atomic import open_lock_file, unlocker, write_error
from interview_prep.storage.home import FILE_MODE

SESSION_LOCK = ".ask-session"


def hold_session(folder: Path, slug: str) -> Callable[[], None]:
    """Take the company's session lock without waiting; returns what releases it (safe to call twice)."""
    path = folder / SESSION_LOCK
    try:
        unlock = _try_lock(path)
    except BlockingIOError:
        raise PrepError(
            f"Another `prep ask {slug}` is running (in another terminal). Carry on there, or stop it "
            f"(/d or Ctrl-C) and run this again; from here, `prep note {slug} TEXT` adds to it safely."
        ) from None
    except OSError as error:
        raise write_error(path, error) from None
    held = [unlock]

    def release() -> None:
        while held:
            held.pop()()

    return release


def _try_lock(path: Path) -> Callable[[], None]:
    try:
        import fcntl
    except ImportError:  # Windows
        from filelock import FileLock, Timeout

        lock = FileLock(str(path), timeout=0, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise BlockingIOError(str(path)) from None
        return lock.release
    fd = open_lock_file(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BaseException:
        os.close(fd)
        raise
    return unlocker(fd)
