"""The rows of `prep review` over every company, kept between runs in `<home>/.cache/`.

Reading and analysing a company's interviews takes a few milliseconds, and a
pipeline of 1,000 companies makes that seconds. Most companies do not change
between two reviews, so each row is kept with the stamp of the files it came
from (storage.stamps.company_stamp: names, sizes, mtimes, inodes) and
reused while that stamp is unchanged. Every row is recomputed when anything
else a row depends on changes: prep's own code, the question banks (by
content) or config.yaml (by content).

A stamp whose newest file is under two seconds old is not kept: a file system
with a coarse clock (FAT's is 2 s) could let an edit in that window keep the
same mtime. Like every cache, this one is safe to delete.
"""

from __future__ import annotations

import os
import time
import typing
import zlib
from pathlib import Path
from typing import Any

import interview_prep
from interview_prep.core.compare import CompanyRow
from interview_prep.storage import cache
from interview_prep.storage.cache import SETTLED_NS, code_stamp

CACHE_FILE = "review-rows.json"
CACHE_FORMAT = 1


class RowCache:
    """Cached rows by company folder; `get` misses unless the stamp is the very same."""

    def __init__(self, home: Path, key: list[Any] | None, known: dict[str, Any]) -> None:
        self._home = home
        self._key = key
        self._known = known
        self._kept: dict[str, Any] = {}
        self._changed = False
        self._settled_before = time.time_ns() - SETTLED_NS

    @classmethod
    def open(cls, home: Path, user_banks: Path) -> RowCache:
        key = _key(home, user_banks)
        data = cache.read_json(cache.cache_dir(home), CACHE_FILE) if key is not None else None
        known = data.get("companies") if isinstance(data, dict) and data.get("key") == key else None
        return cls(home, key, known if isinstance(known, dict) else {})

    def get(self, slug: str, stamp: list[list[Any]] | None) -> CompanyRow | None:
        entry = self._known.get(slug)
        if stamp is None or not isinstance(entry, dict) or entry.get("stamp") != stamp:
            return None
        row = decode_row(entry.get("row"))
        if row is not None:
            self._kept[slug] = entry
        return row

    def put(self, slug: str, stamp: list[list[Any]] | None, row: CompanyRow) -> None:
        self._changed = True
        if stamp is not None and all(mtime < self._settled_before for _, _, mtime, _ in stamp):
            self._kept[slug] = {"stamp": stamp, "row": encode_row(row)}

    def save(self) -> None:
        """Write the rows seen in this run (so removed companies drop out), if anything changed."""
        if self._key is None or not (self._changed or self._kept.keys() != self._known.keys()):
            return
        value = {"key": self._key, "companies": self._kept}
        cache.write_json(cache.cache_dir(self._home), CACHE_FILE, value)


def _key(home: Path, user_banks: Path) -> list[Any] | None:
    """Everything but the company's own files that a row depends on; None: do not cache."""
    from interview_prep.banks.loader import source_key
    from interview_prep.settings import CONFIG_NAME

    banks = source_key(user_banks)
    if banks is None:
        return None
    from interview_prep.errors import PrepError
    from interview_prep.storage.textfile import read_bytes

    config_key: list[int] | None = None
    if os.path.lexists(home / CONFIG_NAME):
        try:
            config = read_bytes(home / CONFIG_NAME)  # never through a link, never waiting on a pipe
        except PrepError:
            return None  # reading the settings will say what is wrong
        config_key = [len(config), zlib.crc32(config)]
    return [CACHE_FORMAT, interview_prep.__version__, code_stamp(), banks, config_key]


def _accepted_types() -> dict[str, tuple[type, ...]]:
    """Each field's types; a float field also takes an int (a hand-written 40 means 40.0)."""
    accepted = {}
    for name, hint in typing.get_type_hints(CompanyRow).items():
        types = typing.get_args(hint) or (hint,)
        accepted[name] = (*types, int) if float in types else types
    return accepted


_ROW_TYPES = _accepted_types()


def encode_row(row: CompanyRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _ROW_TYPES}


def decode_row(value: Any) -> CompanyRow | None:
    """The row stored as `value`, or None unless it has exactly the fields of a row, each of its type."""
    if not isinstance(value, dict) or value.keys() != _ROW_TYPES.keys():
        return None
    if not all(isinstance(value[name], types) for name, types in _ROW_TYPES.items()):
        return None
    return CompanyRow(**value)
