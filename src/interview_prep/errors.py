"""The one user-facing error type and the exit codes the README documents."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1  # something went wrong that is not the user's input (disk full, permissions)
EXIT_USAGE = 2  # bad input or usage: unknown company, malformed bank, missing flag
EXIT_INTERRUPTED = 130  # Ctrl-C; everything typed so far is saved


class PrepError(Exception):
    """An error the user can act on: one line saying what, where and how to fix it.

    The CLI catches it at one exit point, prints the message and exits with
    `exit_code`. Never raise it for programming errors.
    """

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


def stopped(detail: str = "Nothing already saved was lost.") -> str:
    """The one wording for Ctrl-C, whatever the command."""
    return f"Stopped. {detail}"


class Stopped(PrepError):
    """Ctrl-C at a prompt, after what was typed was saved: the message says what was kept and how
    to finish the rest. Printed as a plain line (not an error), exit 130."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_INTERRUPTED)
