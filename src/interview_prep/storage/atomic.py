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


def atomic_write(path: Path, text: str, verify: Callable[[str], object] | None = None) -> None:
    """Replace `path` with `text` atomically; a new file gets mode 0600, an old one keeps its mode.

    Callers hold the company folder's lock, so a temp file of this same target
    left next to it can only be a leftover of a killed writer: it is removed.
    `verify(text)` is called on the temp file's text read back from disk, before
    it replaces anything: a PrepError from it leaves the old file in place.
    """
    _refuse_unsafe_target(path)
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
        if verify is not None:
            _read_back(path, Path(temp_name), verify)
        os.replace(temp_name, path)
    except BaseException as error:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        if isinstance(error, OSError):
            raise write_error(path, error) from None
        raise
    _fsync_folder(path.parent)


def rewrite(
    path: Path, change: Callable[[str], str], check: Callable[[str], None], *, always: bool = False
) -> None:
    """Read-modify-write one note; the caller holds its folder's lock.

    `change` sees the text as prep reads it (LF endings, see textfile) and the
    lines it leaves alone keep their bytes. `check(text)` raises PrepError when
    prep cannot read `text`: it runs on the file as found, so a file prep cannot
    read is refused before anything is written, and on the new text read back
    from disk before it replaces the old, so prep never leaves a file it cannot read.
    An unchanged text is not written again unless `always`.
    """
    from interview_prep.storage.textfile import carry_endings, normalise, read_raw

    raw = read_raw(path)
    old = normalise(raw)
    check(old)
    new = change(old)
    if always or new != old:
        atomic_write(path, carry_endings(raw, old, new), verify=lambda written: check(normalise(written)))


def _refuse_unsafe_target(path: Path) -> None:
    """prep replaces only a regular file with one name: never a link, a pipe, a device or a hard link."""
    import stat

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise write_error(path, error) from None
    if stat.S_ISLNK(info.st_mode):
        raise PrepError(
            f"{path} is a symbolic link; prep does not write through links. Replace it with a regular file."
        )
    if not stat.S_ISREG(info.st_mode):
        from interview_prep.storage.textfile import not_regular

        raise not_regular(path, info.st_mode)
    if info.st_nlink != 1:
        raise hard_linked(path, info.st_nlink)


def hard_linked(path: Path, links: int) -> PrepError:
    return PrepError(
        f"{path} has {links} names (hard links), so it may be shared with a file outside the data home; "
        "prep does not change it. Replace it with a copy of itself (copy it, delete it, rename the copy back)."
    )


def _read_back(path: Path, temp: Path, verify: Callable[[str], object]) -> None:
    """Read what was just written, from disk, and check prep can read it; else keep the old file."""
    from interview_prep.storage.textfile import read_raw

    try:
        verify(read_raw(temp))
    except PrepError as error:
        raise PrepError(
            f"Did not save {path}: the new text would not read back ({error.message}). "
            "The file on disk is unchanged; please report this as a bug in prep.",
            EXIT_FAILURE,
        ) from None


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
    """A note as prep reads it: a regular file, UTF-8, any line endings read as LF (see textfile)."""
    from interview_prep.storage.textfile import normalise, read_raw

    return normalise(read_raw(path))


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

    fd = open_lock_file(lock_path)
    try:
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
    return unlocker(fd)


def open_lock_file(lock_path: Path) -> int:
    """Open (or create) a lock file, private; refuse one that is not prep's own before any chmod."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(lock_path, flags, FILE_MODE)
    try:
        _refuse_shared_lock_file(lock_path, fd)
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def unlocker(fd: int) -> Callable[[], None]:
    """What releases a flock held on `fd` and closes it."""
    import fcntl

    def release() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    return release


def _refuse_shared_lock_file(lock_path: Path, fd: int) -> None:
    """The lock file is chmodded: it must be prep's own (a regular file with one name)."""
    import stat

    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise PrepError(
            f"{lock_path} is not a regular file. Delete it (it is safe to delete when no prep runs) "
            "and run the command again."
        )
    if info.st_nlink != 1:
        raise PrepError(
            f"{lock_path} has {info.st_nlink} names (hard links), so it may be shared with a file outside "
            "the data home. Delete it (it is safe to delete when no prep runs) and run the command again."
        )


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
