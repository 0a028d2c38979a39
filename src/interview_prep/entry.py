"""The `prep` console script: a Tab press answered before Typer loads, anything else through cli.main."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if any(name.endswith("_COMPLETE") for name in os.environ):
        from interview_prep.completion import fast_answer

        prog_name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "prep"
        answer = fast_answer(os.environ, prog_name)
        if answer is not None:
            sys.stdout.write(answer + "\n")
            sys.stdout.flush()
            sys.exit(0)
    from interview_prep.cli import main as run

    run()
