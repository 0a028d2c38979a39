"""The user's files as text: opened safely, read the same whatever the editor did to line endings.

A person's editor may save a note with CRLF or CR line endings, a byte-order
mark, or spaces after a marker line. prep reads all of these the same as plain
LF (`normalise`), and when it changes such a file it keeps the person's bytes
on every line it did not change (`carry_endings`), so a Windows file stays a
Windows file.

Every file prep reads from the data home is opened without following a
symbolic link, without waiting on a FIFO or a device, and is checked to be a
regular file after it is open (the check and the read use the same open file,
so nothing can be swapped in between).
"""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path

from interview_prep.errors import EXIT_FAILURE, PrepError

BOM = "\ufeff"
_BREAK = re.compile(r"\r\n|\r|\n")
_SPLIT = re.compile(r"(\r\n|\r|\n)")
# A prep marker line followed by spaces or tabs an editor left behind.
_PADDED_MARKER = re.compile(
    r"^(<!-- prep:(?:[a-z]+ \{.*\}|(?:begin|end) [a-z0-9-]+) -->)[ \t]+$", re.MULTILINE
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_bytes(path: Path, limit: int | None = None) -> bytearray:
    """The bytes of a regular file that is not a symbolic link; one clear PrepError for anything else.

    `limit`: read at most this many bytes (callers that cap a file's size pass limit + 1).
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _open_error(path, error) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(path, info.st_mode)
        # Read into one buffer of the file's size: a 50 MB interview then takes 50 MB here,
        # not its chunks and their joined copy at once (the decoded text needs as much again).
        expected = info.st_size if limit is None else min(info.st_size, limit)
        data = bytearray(expected)
        with memoryview(data) as view, io.FileIO(fd, closefd=False) as handle:
            got = 0
            while got < expected and (count := handle.readinto(view[got:])):
                got += count
        del data[got:]  # it shrank since fstat
        while limit is None or len(data) < limit:  # or grew: the rest, as it comes
            chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit - len(data)))
            if not chunk:
                break
            data += chunk
        return data
    except OSError as error:
        raise PrepError(
            f"Could not read {path}: {error.strerror}. Check the file is readable.", EXIT_FAILURE
        ) from None
    finally:
        os.close(fd)


def not_regular(path: Path, mode: int) -> PrepError:
    what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return PrepError(
        f"{path} is {what}, not a file prep can read. Move it away; prep keeps plain files there."
    )


def _open_error(path: Path, error: OSError) -> PrepError:
    import errno

    if error.errno == errno.ELOOP or (error.errno == errno.EMLINK and os.path.islink(path)):
        return PrepError(
            f"{path} is a symbolic link; prep only reads plain files inside its data home. "
            "Replace the link with a copy of the file it points to."
        )
    if error.errno == errno.ENOENT:
        return PrepError(f"Could not read {path}: it is not there. Check the name, or create it again.")
    return PrepError(
        f"Could not read {path}: {error.strerror}. Check the file exists and is readable.", EXIT_FAILURE
    )


def read_raw(path: Path) -> str:
    """The file's text exactly as stored (line endings and a byte-order mark included)."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PrepError(
            f"{path}:{line}:{column}: byte 0x{data[error.start]:02x} is not UTF-8 text. "
            "Re-save the file as UTF-8 in your editor."
        ) from None


def normalise(raw: str) -> str:
    """The text as prep reads it: no byte-order mark, LF line endings, no spaces after marker lines."""
    text = raw[1:] if raw.startswith(BOM) else raw
    if "\r" in text:
        text = _BREAK.sub("\n", text)
    if "--> " in text or "-->\t" in text:
        text = _PADDED_MARKER.sub(r"\1", text)
    return text


def line_breaks_as_lf(text: str) -> str:
    """Text prep is about to store: every CRLF or CR becomes LF (what any later read would see)."""
    return _BREAK.sub("\n", text) if "\r" in text else text


def carry_endings(raw: str, old: str, new: str) -> str:
    """`new` (an edit of `old == normalise(raw)`) with raw's own bytes on every line left unchanged.

    Lines prep added or changed take the file's most common line ending.
    """
    if raw == old:
        return new
    from difflib import SequenceMatcher

    bom = BOM if raw.startswith(BOM) else ""
    pieces = _SPLIT.split(raw[len(bom) :])
    raw_lines, endings = pieces[0::2], [*pieces[1::2], ""]
    counted = [ending for ending in endings if ending]
    eol = max(set(counted), key=counted.count) if counted else "\n"
    old_lines, new_lines = old.split("\n"), new.split("\n")
    last = len(new_lines) - 1
    out = [bom]
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset, j in enumerate(range(j1, j2)):
            if j == last:
                ending = ""
            elif offset < i2 - i1:  # an unchanged line, or a changed one: keeps the ending it had
                ending = endings[i1 + offset] or eol
            else:
                ending = eol
            out.append((raw_lines[i1 + offset] if tag == "equal" else new_lines[j]) + ending)
    return "".join(out)
