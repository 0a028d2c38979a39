"""Where the user's data lives: `--home DIR`, else `$PREP_HOME`, else the platform data folder.

Resolved lazily, on each call, never at import time (tests point `$PREP_HOME`
at a temp folder per test).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from interview_prep.errors import EXIT_FAILURE, PrepError

HOME_ENV = "PREP_HOME"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def resolve_home(cli_home: str | None = None) -> Path:
    """The data home, by precedence; not created."""
    if cli_home:
        return Path(cli_home).expanduser().absolute()
    env_home = os.environ.get(HOME_ENV)
    if env_home:
        return Path(env_home).expanduser().absolute()
    if sys.platform.startswith("linux"):
        # platformdirs' rule for Linux, without its ~4 ms import on every run
        # (tests/test_slug_and_paths.py checks it gives platformdirs' answer).
        xdg = os.environ.get("XDG_DATA_HOME", "")
        return Path(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.local/share")) / "interview-prep"
    from platformdirs import user_data_dir

    return Path(user_data_dir("interview-prep", appauthor=False))


def ensure_home(home: Path) -> Path:
    """Create the data home (0700) if missing; fail clearly if it cannot be used.

    Every folder created on the way is 0700 too, whatever the umask.
    """
    refuse_broken_link(home)
    if home.exists() and not home.is_dir():
        raise PrepError(
            f"The data home {home} is a file, not a folder. "
            f"Move it away or point {HOME_ENV} / --home at a folder."
        )
    try:
        _make_private_tree(home)
    except OSError as error:
        raise PrepError(
            f"Could not create the data home {home}: {error.strerror}. "
            f"Point {HOME_ENV} or --home at a folder you can write.",
            EXIT_FAILURE,
        ) from None
    return home


def _make_private_tree(folder: Path) -> None:
    """mkdir -p where each folder it creates is 0700 (Path.mkdir's parents follow the umask)."""
    missing = []
    for candidate in (folder, *folder.parents):
        if os.path.isdir(candidate):
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            os.mkdir(candidate, FOLDER_MODE)
        except FileExistsError:
            if not os.path.isdir(candidate):
                raise
            continue  # made by a parallel run meanwhile
        os.chmod(candidate, FOLDER_MODE)  # mkdir's mode is masked by the umask


def refuse_broken_link(home: Path) -> None:
    """A home that is a symbolic link which loops or leads nowhere: say so, not "File exists"."""
    if not os.path.islink(home):
        return
    try:
        os.stat(home)
    except OSError as error:
        import errno

        what = (
            "loops back on itself" if error.errno == errno.ELOOP else "points to a folder that is not there"
        )
        raise PrepError(
            f"The data home {home} is a symbolic link that {what} ({os.readlink(home)}). "
            f"Point the link at a real folder, or point {HOME_ENV} / --home elsewhere."
        ) from None


def make_private_dir(path: Path) -> None:
    """Create a folder readable by the user only (notes name real people)."""
    if path.exists() and not path.is_dir():
        raise PrepError(
            f"{path} is a file, but prep keeps a folder there. "
            "Move the file away (or rename it), then run the command again."
        )
    try:
        _make_private_tree(path)
        os.chmod(path, FOLDER_MODE)
    except OSError as error:
        raise PrepError(
            f"Could not create the folder {path}: {error.strerror}. {fix_for(error, path.parent)}.",
            EXIT_FAILURE,
        ) from None


def fix_for(error: OSError, folder: Path) -> str:
    """What the user can do about a failed write in `folder`."""
    if error.errno == errno.ENOSPC:
        return "Free some disk space and run the command again"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Make {folder} writable (or point {HOME_ENV} / --home elsewhere) and run it again"
    return "Run the command again once the cause is fixed"
