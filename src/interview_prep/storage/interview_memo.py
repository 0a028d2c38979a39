"""The interview `prep ask` reads again and again, kept while its file is unchanged.

Between two questions `prep ask` reads the interview up to three times (the
plan, a cut-off answer, `/b`), and with 300 entries each read is a parse of
the whole file. The result is kept with the file's stamp (size, mtime in ns,
inode) taken before reading, and reused while the stamp is the same: every
write prep makes replaces the file (a new inode), and a hand edit changes the
mtime, so either is read afresh. Only readers use this; every write reads and
parses the file again under the lock (storage.interviews.edit_entries), so a stale
copy can never decide what is written.

Callers must treat the Interview as read-only: it is shared.
"""

from __future__ import annotations

import os
from pathlib import Path

from interview_prep.core.transcript import Interview
from interview_prep.storage.interviews import load_interview

_kept: dict[str, tuple[tuple[int, int, int], Interview]] = {}


def load_unchanged(path: Path) -> Interview:
    """load_interview(path), or the copy read before if the file has not changed since."""
    try:
        info = os.lstat(path)  # a link swapped in changes this too, and takes the checked path
    except OSError:
        return load_interview(path)  # which says what is wrong, in one line
    stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
    kept = _kept.get(str(path))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    interview = load_interview(path)
    _kept.clear()  # one interview at a time is all `prep ask` needs
    _kept[str(path)] = (stamp, interview)
    return interview
