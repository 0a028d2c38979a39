"""Atomic, private file writes and the per-folder lock.

A write goes to a temp file in the same folder, is flushed and fsynced, then
`os.replace`d over the target, so a kill at any moment leaves the old file or
the new one, never a mix. Writers hold a lock on a separate `.lock` file:
locking the data file itself would not survive `os.replace`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from interview_prep.errors import EXIT_FAILURE, PrepError
from interview_prep.storage.home import FILE_MODE, fix_for

LOCK_NAME = ".lock"
LOCK_TIMEOUT_SECONDS = 15.0
TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically; a new file gets mode 0600, an old one keeps its mode.

    Callers hold the company folder's lock, so a temp file of this same target
    left next to it can only be a leftover of a killed writer: it is removed.
    """
    if path.is_symlink():
        raise PrepError(
            f"{path} is a symbolic link; prep does not write through links. Replace it with a regular file."
        )
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        # Surrogates: bytes that were not UTF-8 in a command-line argument.
        raise PrepError(
            f"Could not save {path}: the text holds bytes that are not UTF-8 "
            f"({text[error.start : error.end]!a}). Type it again as plain text; the file on disk is unchanged."
        ) from None
    mode = _existing_mode(path)
    _remove_leftover_temps(path)
    temp_name: str | None = None
    try:
        import tempfile  # ~2 ms; only commands that write need it

        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException as error:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        if isinstance(error, OSError):
            raise write_error(path, error) from None
        raise
    _fsync_folder(path.parent)


def _remove_leftover_temps(path: Path) -> None:
    from glob import escape as glob_escape  # only writers need it; `prep list` does not

    try:
        leftovers = list(path.parent.glob(f".{glob_escape(path.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            leftover.unlink()


def write_error(path: Path, error: OSError) -> PrepError:
    """One clear line for a failed write; the original file is untouched."""
    reason = error.strerror or str(error)
    return PrepError(
        f"Could not save {path}: {reason}. {fix_for(error, path.parent)}; the file on disk is unchanged.",
        EXIT_FAILURE,
    )


def read_text(path: Path) -> str:
    """Read a note exactly as stored (no newline translation), with a clear error."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PrepError(
            f"Could not read {path}: {error.strerror}. Check the file exists and is readable.",
            EXIT_FAILURE,
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PrepError(
            f"{path}:{line}:{column}: byte 0x{data[error.start]:02x} is not UTF-8 text. "
            "Re-save the file as UTF-8 in your editor."
        ) from None


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for a read-modify-write (other `prep` processes wait).

    The lock is an OS lock (flock) on `.lock`: a killed holder releases it, so a
    stale `.lock` file never blocks anyone.
    """
    lock_path = folder / LOCK_NAME
    if lock_path.is_symlink():
        raise PrepError(
            f"{lock_path} is a symbolic link; prep does not write through links. "
            "Delete it (it is safe to delete when no prep runs) and run the command again."
        )
    try:
        release = _acquire(lock_path)
    except TimeoutError:  # before OSError: it is one
        raise PrepError(
            f"Another prep command is still writing in {folder}. Wait for it to finish, then run this again.",
            EXIT_FAILURE,
        ) from None
    except OSError as error:
        raise write_error(lock_path, error) from None
    try:
        yield
    finally:
        release()


def _acquire(lock_path: Path) -> Callable[[], None]:
    """Take the lock, waiting up to LOCK_TIMEOUT_SECONDS; returns what releases it.

    On POSIX it is fcntl.flock, built in: importing filelock costs ~15 ms a run
    (it pulls in logging, secrets and hashlib). Windows keeps filelock.
    """
    try:
        import fcntl
    except ImportError:
        from filelock import FileLock, Timeout

        lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise TimeoutError(str(lock_path)) from None
        return lock.release
    import time

    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(str(lock_path)) from None
                time.sleep(0.01)
    except BaseException:
        os.close(fd)
        raise

    def release() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    return release


def _existing_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return FILE_MODE


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets you open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
