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
    """Create the data home (0700) if missing; fail clearly if it cannot be used."""
    if home.exists() and not home.is_dir():
        raise PrepError(
            f"The data home {home} is a file, not a folder. "
            f"Move it away or point {HOME_ENV} / --home at a folder."
        )
    try:
        home.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as error:
        raise PrepError(
            f"Could not create the data home {home}: {error.strerror}. "
            f"Point {HOME_ENV} or --home at a folder you can write.",
            EXIT_FAILURE,
        ) from None
    return home


def make_private_dir(path: Path) -> None:
    """Create a folder readable by the user only (notes name real people)."""
    if path.exists() and not path.is_dir():
        raise PrepError(
            f"{path} is a file, but prep keeps a folder there. "
            "Move the file away (or rename it), then run the command again."
        )
    try:
        path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
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
