"""`prep open`: the company file in the user's editor ($VISUAL, else $EDITOR)."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from interview_prep.errors import PrepError


def editor_command(path: Path) -> list[str]:
    """The command that opens `path`: the first of $VISUAL, $EDITOR that is set and not blank.

    A value shlex cannot split (an unbalanced quote) is refused with one line, never
    guessed at: running part of it could start the wrong program."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "")
        if not value.strip():
            continue
        try:
            words = shlex.split(value)
        except ValueError:
            raise PrepError(
                f"${variable} ({value!r}) has an unbalanced quote. "
                f"Fix it (e.g. export {variable}='code --wait') and run prep open again."
            ) from None
        if words and words[0].strip():  # '""' names no program
            return [*words, str(path)]
    raise PrepError(
        "Neither $VISUAL nor $EDITOR is set (or they are blank). Set one (e.g. export EDITOR=nano) "
        f"or open {path} yourself."
    )


def open_in_editor(path: Path) -> None:
    command = editor_command(path)
    try:
        code = subprocess.call(command)
    except OSError as error:
        raise PrepError(
            f"Could not start the editor {command[0]!r}: {error.strerror}. Check $VISUAL / $EDITOR."
        ) from None
    if code != 0:
        raise PrepError(f"The editor {command[0]!r} exited with code {code}.", code)
