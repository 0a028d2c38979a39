"""Atomic, private file writes and the per-folder lock.

A write goes to a temp file in the same folder, is flushed and fsynced, then
`os.replace`d over the target, so a kill at any moment leaves the old file or
the new one, never a mix. Writers hold a lock on a separate `.lock` file:
locking the data file itself would not survive `os.replace`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from interview_prep.errors import EXIT_FAILURE, PrepError
from interview_prep.storage.home import FILE_MODE

LOCK_NAME = ".lock"
LOCK_TIMEOUT_SECONDS = 15.0


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically; a new file gets mode 0600, an old one keeps its mode."""
    if path.is_symlink():
        raise PrepError(
            f"{path} is a symbolic link; prep does not write through links. Replace it with a regular file."
        )
    mode = _existing_mode(path)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise write_error(path, error) from None
        raise
    _fsync_folder(path.parent)


def write_error(path: Path, error: OSError) -> PrepError:
    """One clear line for a failed write; the original file is untouched."""
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        fix = "Free some disk space and run the command again"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = f"Make {path.parent} writable (or point --home elsewhere) and run it again"
    else:
        fix = "Run the command again once the cause is fixed"
    return PrepError(f"Could not save {path}: {reason}. {fix}; the file on disk is unchanged.", EXIT_FAILURE)


def read_text(path: Path) -> str:
    """Read a note exactly as stored (no newline translation), with a clear error."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise PrepError(
            f"{path}: byte {error.start} is not UTF-8 text. Re-save the file as UTF-8 in your editor."
        ) from None
    except OSError as error:
        raise PrepError(
            f"Could not read {path}: {error.strerror}. Check the file exists and is readable.",
            EXIT_FAILURE,
        ) from None


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for a read-modify-write (other `prep` processes wait)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(folder / LOCK_NAME), timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
    try:
        with lock:
            yield
    except Timeout:
        raise PrepError(
            f"Another prep command is still writing in {folder}. Wait for it to finish, then run this again.",
            EXIT_FAILURE,
        ) from None
    except OSError as error:
        if error.filename and str(error.filename).endswith(LOCK_NAME):
            raise write_error(folder / LOCK_NAME, error) from None
        raise


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
