"""The Typer commands for question banks: banks list, show, check."""

from typing import Annotated

import typer

from interview_prep import completion, output
from interview_prep.cli import JsonOption, banks_app, context_of
from interview_prep.errors import EXIT_USAGE


@banks_app.command("list")
def banks_list(
    ctx: typer.Context,
    as_json: JsonOption = False,
) -> None:
    """List the question banks, or with --json every question and signal.

    Examples:

    \b
      prep banks list
      prep banks list --json
    """
    from interview_prep.commands import banks

    catalog = context_of(ctx).catalog()
    if as_json:
        from interview_prep.render import json_views

        output.print_json(json_views.catalog(catalog))
        return
    output.say(banks.banks_table(catalog, output.terminal_width()))


@banks_app.command("show")
def banks_show(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A bank id, question id or signal id.", autocompletion=completion.question_ids
        ),
    ],
) -> None:
    """Show one bank's questions, or one question with why to ask it and what to listen for.

    Examples:

    \b
      prep banks show love
      prep banks show turnover
    """
    from interview_prep.commands import banks

    output.say(banks.show(context_of(ctx).catalog(), item_id, output.terminal_width()))


@banks_app.command("check")
def banks_check(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Bank files to check.")],
) -> None:
    """Check bank files and report every problem as file:line:col: message (exit 2 if any).

    Examples:

    \b
      prep banks check my-questions.yaml
      prep banks check "$(prep where)"/banks/*.yaml
    """
    from pathlib import Path

    from interview_prep.banks.validate import check_files

    problems = check_files([Path(name) for name in files])
    for problem in problems:
        output.say(output.inert(str(problem)))
    if problems:
        raise typer.Exit(EXIT_USAGE)
    output.say(f"Checked {len(files)} file(s): no problems.")
