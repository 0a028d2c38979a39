"""The one exit point: how any exception ends a run.

- `PrepError`: the user can act on it; one line, its documented exit code.
- Ctrl-C (KeyboardInterrupt): one wording everywhere, exit 130; `Stopped` (Ctrl-C at a
  prompt whose text was saved) says what was kept and how to finish, exit 130.
- anything else is a bug: one line naming its type and a private crash file
  with the traceback, exit 1. With `--debug` or `PREP_DEBUG=1` the traceback
  is printed too.

No traceback reaches the user otherwise, whatever the exception
(RecursionError, MemoryError, UnicodeEncodeError...).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from interview_prep import output
from interview_prep.errors import EXIT_FAILURE, EXIT_INTERRUPTED, PrepError, Stopped, stopped

DEBUG_ENV = "PREP_DEBUG"


def debug_from_env() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() in ("1", "true", "yes")


def exit_code_for(error: BaseException, home: Path | None, debug: bool = False) -> int:
    """Report `error` in one line (plus a crash file for a bug) and return the exit code."""
    if isinstance(error, Stopped):  # Ctrl-C after saving: what was kept and how to finish
        output.notice(error.message)
        return error.exit_code
    if isinstance(error, PrepError):
        output.error(error.message)
        return error.exit_code
    if isinstance(error, KeyboardInterrupt):
        output.notice(stopped())
        return EXIT_INTERRUPTED
    return _bug(error, home, debug or debug_from_env())


def _bug(error: BaseException, home: Path | None, debug: bool) -> int:
    import traceback

    kind = type(error).__name__
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    if debug:
        output.write(sys.stderr, output.inert(details))
    try:
        where = _crash_file(details, home)
    except Exception as problem:  # the report itself must never crash
        reason = (
            problem.strerror if isinstance(problem, OSError) and problem.strerror else type(problem).__name__
        )
        output.notice(
            f"prep hit a bug: {kind}; could not keep the details ({reason}). "
            f"Run it again with --debug (or {DEBUG_ENV}=1) to see them."
        )
    else:
        output.notice(f"prep hit a bug: {kind}; details in {where}")
    return EXIT_FAILURE


def _crash_file(details: str, home: Path | None) -> Path:
    from interview_prep.storage.crash import write_crash_file
    from interview_prep.storage.home import resolve_home

    return write_crash_file(home or resolve_home(), details)
