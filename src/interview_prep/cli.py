"""The Typer layer: parse arguments, call a command module, hand the result to a renderer.

Heavy modules (Rich, questionary, YAML) are imported inside the commands that
use them, so `prep where`, `prep list` and `prep --version` start about as
fast as a bare Typer app. tests/test_imports.py keeps it that way.
"""

import sys
from collections.abc import Sequence
from typing import Annotated, Any, NoReturn

import typer
from typer._click.exceptions import ClickException  # typer.exceptions is new in Typer 0.28
from typer.core import TyperGroup

from interview_prep import __version__, completion, exits, output
from interview_prep.commands.context import Context
from interview_prep.errors import EXIT_USAGE, PrepError

GETTING_STARTED = """\
prep: interview your interviewers.

  prep new acme --role "Staff Engineer" --stage startup   build a tailored checklist
  prep ask acme --with "Dana:hiring-manager" --with "Lee:engineer"
                                                          the live interview
  prep review acme                                        what the answers add up to
  prep list                                               your pipeline

`prep COMMAND --help` explains each command; `prep where` shows where notes live.
"""


class _PrepGroup(TyperGroup):
    """The one exit point (see exits.py): no exception leaves a command as a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, ClickException):
            raise  # Click's own ways out: an exit code, a usage error (Click prints it)
        except (Exception, KeyboardInterrupt) as error:
            root = ctx.find_root().obj
            if not isinstance(root, Context):
                root = Context()
            raise typer.Exit(exits.exit_code_for(error, root.home_or_none(), root.debug)) from None


app = typer.Typer(
    cls=_PrepGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="prep: interview your interviewers. Tailored question checklists before, "
    "lossless notes during, and a side-by-side review after each interview.",
)
banks_app = typer.Typer(cls=_PrepGroup, rich_markup_mode=None, help="List, show and check question banks.")
app.add_typer(banks_app, name="banks")
config_app = typer.Typer(
    cls=_PrepGroup, rich_markup_mode=None, help="Your settings: thresholds, dealbreakers, values."
)

app.add_typer(config_app, name="config")


# Options shared by many commands, defined once.
CompanyArgument = Annotated[
    str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
InterviewOption = Annotated[
    str | None, typer.Option(metavar="ID", help="Interview id (default: the latest unfinished).")
]
PanelOption = Annotated[
    list[str] | None,
    typer.Option(
        "--with",
        metavar="NAME:ROLE",
        help="Who is in the room, in panel order (repeatable).",
        autocompletion=completion.panel_members,
    ),
]


def _version(value: bool) -> None:
    if value:
        output.say(f"prep {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    home: Annotated[
        str | None,
        typer.Option(
            "--home",
            metavar="DIR",
            help="Data folder (default: $PREP_HOME, else your platform's data folder).",
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain output, no colour (NO_COLOR works too).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="On a bug, print the traceback too (PREP_DEBUG=1 works too).")
    ] = False,
) -> None:
    if no_color:
        output.disable_color()
    ctx.obj = Context(home_option=home, debug=debug)
    if ctx.invoked_subcommand is None:
        output.say(GETTING_STARTED.rstrip())
        from interview_prep.cli_calendar import show_today

        show_today(ctx.obj)
        raise typer.Exit()


def context_of(ctx: typer.Context) -> Context:
    root = ctx.find_root().obj
    return root if isinstance(root, Context) else Context()


def _is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def report_unreadable(problems: Sequence[str]) -> None:
    """After the companies that read: one line for each company that does not, and exit 2."""
    for problem in problems:
        output.error(problem)
    if problems:
        raise typer.Exit(EXIT_USAGE)


def needs_terminal(what: str, flags: str) -> NoReturn:
    raise PrepError(f"{what} needs a terminal to prompt. Without one, use {flags}.", EXIT_USAGE)


def main() -> None:
    """The console script: anything raised outside a command (while parsing, say) ends here."""
    try:
        from interview_prep.lazy_commands import lazy_root

        lazy_root(app)()  # like app(), building only the command that runs
    except (Exception, KeyboardInterrupt) as error:
        sys.exit(exits.exit_code_for(error, None))


# The commands register themselves on `app` when their modules are imported, in
# the order `prep --help` lists them.
from interview_prep import cli_companies, cli_interview, cli_after, cli_calendar  # noqa: E402, F401, I001
from interview_prep import cli_offers, cli_decide, cli_banks  # noqa: E402, F401
