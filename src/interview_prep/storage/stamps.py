"""A company's file stamp: what a cache keyed on its files compares, without reading them."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from interview_prep.storage.companies import COMPANY_FILE
from interview_prep.storage.interviews import _ID, INTERVIEWS


def company_stamp(home: Path, slug: str) -> list[list[Any]] | None:
    """Name, size, mtime and inode of every file a company's review is read from, without reading them.

    Any change prep makes replaces a file (a new inode and mtime), so a cached
    result keyed by the stamp goes stale with it. None when something there is a
    symbolic link or cannot be seen: such a company always takes the checked path.
    """
    folder = os.path.join(home, slug)  # plain strings: this runs for every company of a review
    interviews = os.path.join(folder, INTERVIEWS)
    stamps: list[list[Any]] = []
    try:
        if os.path.islink(folder) or os.path.islink(interviews):
            return None
        try:
            listed = os.listdir(interviews)
        except (FileNotFoundError, NotADirectoryError):
            listed = []
        names = [COMPANY_FILE]
        names += [
            f"{INTERVIEWS}/{name}" for name in listed if name.endswith(".md") and _ID.fullmatch(name[:-3])
        ]
        for name in sorted(names):
            info = os.lstat(os.path.join(folder, name))
            if not stat.S_ISREG(info.st_mode):
                return None
            stamps.append([name, info.st_size, info.st_mtime_ns, info.st_ino])
    except OSError:
        return None
    return stamps
