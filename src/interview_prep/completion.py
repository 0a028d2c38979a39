"""Tab completion: company names, question ids, status values.

It runs on every Tab press, so it reads folder names and scans bank files for
`id:` lines with a regex: no YAML, no Rich, no catalog validation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from interview_prep.storage.home import resolve_home

_ID_LINE = re.compile(r"^\s*-\s+id:\s*['\"]?([a-z0-9-]+)['\"]?\s*$", re.MULTILINE)


def _home(ctx: Any) -> Path:
    root = ctx.find_root() if ctx is not None else None
    home_option = root.params.get("home") if root is not None else None
    return resolve_home(home_option)


def companies(ctx: Any, incomplete: str) -> list[str]:
    try:
        home = _home(ctx)
        names = sorted(entry.name for entry in home.iterdir() if (entry / "company.md").is_file())
    except OSError:
        return []
    return [name for name in names if name.startswith(incomplete.lower())]


def question_ids(ctx: Any, incomplete: str) -> list[str]:
    from interview_prep.banks.files import bank_files, shipped_banks_dir
    from interview_prep.errors import PrepError
    from interview_prep.storage.textfile import read_bytes

    folders = [shipped_banks_dir(), _home(ctx) / "banks"]
    ids: set[str] = set()
    for folder in folders:
        for path in bank_files(folder):
            try:
                data = read_bytes(path)  # a pipe named like a bank must not hang a Tab press
            except (PrepError, OSError):
                continue
            ids.update(_ID_LINE.findall(data.decode("utf-8", errors="replace")))
    return sorted(item for item in ids if item.startswith(incomplete))


def statuses(incomplete: str) -> list[str]:
    from interview_prep.core.models import STATUSES

    return [status for status in STATUSES if status.startswith(incomplete.lower())]
