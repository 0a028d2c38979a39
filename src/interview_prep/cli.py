"""The Typer layer: parse arguments, call a command module, hand the result to a renderer.

Heavy modules (Rich, questionary, YAML) are imported inside the commands that
use them, so `prep where`, `prep list` and `prep --version` start about as
fast as a bare Typer app. tests/test_imports.py keeps it that way.
"""

import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

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
        except (typer.Exit, typer.Abort, TyperException):
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
        raise typer.Exit()


def _ctx(ctx: typer.Context) -> Context:
    root = ctx.find_root().obj
    return root if isinstance(root, Context) else Context()


def _is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _needs_terminal(what: str, flags: str) -> NoReturn:
    raise PrepError(f"{what} needs a terminal to prompt. Without one, use {flags}.", EXIT_USAGE)


def _print_json(data: Any) -> None:
    output.print_json(data)


# Companies ------------------------------------------------------------------


@app.command()
def new(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help='The company\'s name, e.g. acme or "Acme, Inc.".')
    ],
    role: Annotated[str, typer.Option(metavar="TEXT", help="The role you are interviewing for.")] = "",
    stage: Annotated[
        str | None, typer.Option(metavar="STAGE", help="startup, scaleup, enterprise or public.")
    ] = None,
    size: Annotated[str | None, typer.Option(metavar="SIZE", help="small, medium or large.")] = None,
    manager: Annotated[
        bool, typer.Option("--manager", help="A people-manager role: adds management questions.")
    ] = False,
    track: Annotated[
        str | None,
        typer.Option(
            metavar="TRACK",
            help="Role track (read from --role when not given): data-engineering, data-science, ml, "
            "platform, frontend, mobile, product, design, engineering-manager or staff.",
        ),
    ] = None,
    company_type: Annotated[
        str | None,
        typer.Option("--type", metavar="TYPE", help="agency, nonprofit or public-sector."),
    ] = None,
    interviewer: Annotated[
        list[str] | None,
        typer.Option(
            metavar="TYPE",
            help="Who you expect to meet (repeatable): recruiter, hiring-manager, engineer, executive.",
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; use the tailored defaults.")
    ] = False,
) -> None:
    """Create a company and its tailored question checklist.

    Makes the company's folder and a checklist of questions tailored to it.

    On a terminal you pick the questions (tailored ones pre-ticked) and write
    your own prep: key messages, a recent win, why this company. With
    --no-input, or without a terminal, it uses the tailored selection.

    Examples:

    \b
      prep new acme --role "Staff Engineer" --stage startup
      prep new "Globex Corp" --stage public --manager --interviewer hiring-manager
      prep new "City Council" --role "Data Engineer" --type public-sector
      prep new initech --interviewer recruiter --no-input
    """
    from interview_prep.commands import companies

    context = _ctx(ctx)
    told = companies.Tailoring(role, stage, size, manager, track, company_type)
    plan = companies.plan_new_company(context, company, told, interviewer or [])
    selected = plan.tailored
    interactive = not no_input and _is_interactive()
    if interactive:
        from interview_prep import prompts

        selected = prompts.pick_questions(plan.candidates, plan.tailored, plan.company.name)
    where = companies.create(context, plan, selected)
    if interactive:
        slug = plan.company.slug
        prompts.self_prep(plan.prep_prompts, lambda answers: companies.save_prep(context, slug, answers))
    output.say(
        f"Created {plan.company.name} with {len(selected)} questions in {where}. "
        f"Next: prep ask {plan.company.slug} --with NAME:ROLE"
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show your pipeline: every company and its status.

    Examples:

    \b
      prep list
      prep list --json
    """
    from interview_prep.storage.companies import list_companies

    context = _ctx(ctx)
    found = list_companies(context.home)
    if as_json:
        _print_json(
            {
                "companies": [
                    {
                        "name": c.name,
                        "slug": c.slug,
                        "role": c.role,
                        "stage": c.stage,
                        "size": c.size,
                        "status": c.status,
                        "created": c.created,
                    }
                    for c in found
                ]
            }
        )
        return
    if not found:
        output.say('No companies yet. Start with: prep new acme --role "Staff Engineer"')
        return
    rows = [[c.name, c.role or "-", c.stage or "-", c.status, c.created[:10]] for c in found]
    output.say(output.table(["Company", "Role", "Stage", "Status", "Created"], rows, output.terminal_width()))


@app.command()
def status(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    new_status: Annotated[
        str,
        typer.Argument(
            metavar="STATUS",
            autocompletion=completion.statuses,
            help="researching, applied, screening, interviewing, offer, accepted, declined or rejected.",
        ),
    ],
) -> None:
    """Move a company along your pipeline.

    Examples:

    \b
      prep status acme interviewing
      prep status acme offer
    """
    from interview_prep.commands import companies

    found = companies.set_status(_ctx(ctx), company, new_status)
    output.say(f"Set {found.name} to {found.status}.")


@app.command()
def where(ctx: typer.Context) -> None:
    """Print the folder where your notes live.

    Set $PREP_HOME or pass --home to use another folder.

    Examples:

    \b
      prep where
      cd "$(prep where)" && git init
    """
    output.say(str(_ctx(ctx).home))


@app.command("open")
def open_(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
) -> None:
    """Open the company's notes in your editor ($VISUAL, else $EDITOR).

    Examples:

    \b
      prep open acme
      EDITOR=nano prep open acme
    """
    import os
    import shlex
    import subprocess

    from interview_prep.storage.companies import company_file, resolve_company

    context = _ctx(ctx)
    found = resolve_company(context.home, company)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise PrepError(
            "Neither $VISUAL nor $EDITOR is set. Set one (e.g. export EDITOR=nano) "
            f"or open {company_file(context.home, found.slug)} yourself."
        )
    try:
        code = subprocess.call([*shlex.split(editor), str(company_file(context.home, found.slug))])
    except OSError as error:
        raise PrepError(
            f"Could not start the editor {editor!r}: {error.strerror}. Check $VISUAL / $EDITOR."
        ) from None
    if code != 0:
        raise PrepError(f"The editor {editor!r} exited with code {code}.", code)


# The interview ------------------------------------------------------------------

ONE_SHOTS = (
    "prep answer COMPANY QUESTION_ID TEXT [--who NAME], "
    "prep flag COMPANY TEXT [--severity low|medium|high], prep note COMPANY TEXT"
)


@app.command()
def ask(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="NAME:ROLE", help="Who is in the room, in panel order (repeatable)."),
    ] = None,
    round_name: Annotated[
        str, typer.Option("--round", metavar="TEXT", help="A label for this round, e.g. onsite.")
    ] = "",
    multiline: Annotated[
        bool, typer.Option("--multiline", help="Multi-line answers (Esc then Enter saves).")
    ] = False,
    resume: Annotated[
        bool | None,
        typer.Option("--resume/--new", help="Resume the unfinished interview, or start a new one."),
    ] = None,
) -> None:
    """The live interview, one question at a time.

    Each answer is saved before the next question appears.

    Type the answer and press Enter. /s skips, /b edits your previous answer,
    /f records a red flag, /n a note, /u asks the follow-up, /d finishes.
    Ctrl-C stops at once with everything saved; run it again to resume.

    Examples:

    \b
      prep ask acme --with "Dana:hiring-manager" --with "Lee:engineer"
      prep ask acme --round onsite --with "Sam:recruiter"
      prep ask acme --resume
    """
    if not _is_interactive():
        _needs_terminal("prep ask", ONE_SHOTS)
    from interview_prep.commands import ask as flow

    session = flow.start(_ctx(ctx), company, with_ or [], round_name, resume)
    output.say(flow.run(session))


@app.command()
def answer(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    question_id: Annotated[
        str,
        typer.Argument(
            help="The question's id (see `prep banks list --json`).", autocompletion=completion.question_ids
        ),
    ],
    text: Annotated[str, typer.Argument(help="What they said.")],
    who: Annotated[str, typer.Option(metavar="NAME", help="Who answered.")] = "",
    interview: Annotated[
        str | None, typer.Option(metavar="ID", help="Interview id (default: the latest unfinished).")
    ] = None,
) -> None:
    """Record one answer, without prompts.

    For scripts and quick capture.

    Examples:

    \b
      prep answer acme hours-per-week "about 45, more before launches" --who Lee
      prep answer acme love "The people and the pace" --who Dana
    """
    from interview_prep.commands import capture

    context = _ctx(ctx)
    question = capture.find_question(context, question_id)
    capture.require_text(text, "answer")
    found, path = capture.target(context, company, interview)
    saved = capture.save_answer(
        context, found, path, question.id, question.render(found.name, who or None), who.strip(), text
    )
    output.say(saved.confirmation())
    reading = capture.live_reading(context, question, text)
    if reading is not None and reading.flagged:  # the same warning `prep ask` shows; quiet otherwise
        output.say(reading.warning())


@app.command()
def flag(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    text: Annotated[str, typer.Argument(help="What you noticed.")],
    severity: Annotated[str, typer.Option(metavar="LEVEL", help="low, medium or high.")] = "medium",
    who: Annotated[str, typer.Option(metavar="NAME", help="Who it concerns or who said it.")] = "",
    interview: Annotated[
        str | None, typer.Option(metavar="ID", help="Interview id (default: the latest unfinished).")
    ] = None,
) -> None:
    """Record a red flag without prompts.

    Examples:

    \b
      prep flag acme "Both avoided the question about the manager" --severity high
      prep flag acme "Said 60-hour weeks are normal" --who Lee
    """
    from interview_prep.commands import capture

    context = _ctx(ctx)
    capture.require_text(text, "red flag")
    capture.check_severity(severity)
    _, path = capture.target(context, company, interview)
    output.say(capture.save_flag(context, path, text, severity, who.strip()).confirmation())


@app.command()
def note(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    text: Annotated[str, typer.Argument(help="The note.")],
    interview: Annotated[
        str | None, typer.Option(metavar="ID", help="Interview id (default: the latest unfinished).")
    ] = None,
) -> None:
    """Record a free note without prompts.

    Examples:

    \b
      prep note acme "Office is quiet; everyone had headphones on"
      prep note acme "Recruiter said decision by Friday"
    """
    from interview_prep.commands import capture

    context = _ctx(ctx)
    capture.require_text(text, "note")
    _, path = capture.target(context, company, interview)
    output.say(capture.save_note(context, path, text).confirmation())


# After the interview ---------------------------------------------------------------


@app.command()
def review(
    ctx: typer.Context,
    company: Annotated[
        str | None,
        typer.Argument(
            metavar="[COMPANY]",
            help="The company; leave out to compare every company.",
            autocompletion=completion.companies,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Also save the review as review.md in the company folder.")
    ] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Do not ask for your reflection first.")
    ] = False,
    sort: Annotated[
        str,
        typer.Option(
            metavar="COLUMN",
            help="Sort the all-companies table by: name, status, rounds, flags, attrition, hours, gut, dealbreakers, followups.",
        ),
    ] = "name",
) -> None:
    """Show what the answers add up to.

    For one company, or with no company every company side by side.

    For one company: your reflection (asked first, before you talk to anyone),
    answers side by side per interviewer, themes they repeat, red flags with
    evidence, coverage and what to ask next round, and follow-ups.

    Examples:

    \b
      prep review acme
      prep review acme --json
      prep review --sort flags
    """
    from interview_prep.commands import review as reviewing
    from interview_prep.render import review_view
    from interview_prep.render.console import console

    context = _ctx(ctx)
    if company is None:
        rows = reviewing.all_companies(context, sort)
        if as_json:
            from interview_prep.core.compare import row_json

            _print_json({"companies": [row_json(row) for row in rows]})
            return
        console().print(review_view.companies_table(rows))
        return
    pending = reviewing.needs_reflection(context, company)
    if pending is not None and not no_input and not as_json and _is_interactive():
        from interview_prep import prompts

        output.say("Before anything else: your own reflection, while it is fresh.")
        gut = prompts.gut_score()
        excited = prompts.text("What excited you?")
        worries = prompts.text("What worries you?")
        accept = prompts.accept_today()
        output.say(reviewing.reflect(context, company, gut, excited, worries, accept))
    data = reviewing.company_review(context, company)
    if write:
        path = reviewing.write_review(context, data.company.slug, review_view.markdown(data))
        if not as_json:
            output.say(f"Saved the review to {path.relative_to(context.home)}.")
    if as_json:
        from interview_prep.core.review import to_json

        _print_json(to_json(data))
        return
    console().print(review_view.company_view(data))


@app.command()
def reflect(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    gut: Annotated[
        int | None, typer.Option(metavar="N", help="Gut score, 1 (walk away) to 5 (can't wait).")
    ] = None,
    excited: Annotated[str, typer.Option(metavar="TEXT", help="What excited you.")] = "",
    worry: Annotated[str, typer.Option(metavar="TEXT", help="What worries you.")] = "",
    accept: Annotated[
        str, typer.Option(metavar="ANSWER", help="Would you accept today: yes, no or unsure.")
    ] = "",
) -> None:
    """Write your reflection on the latest interview.

    Do it before discussing the interview with anyone.

    Examples:

    \b
      prep reflect acme --gut 4 --excited "the mentoring" --worry "on-call load" --accept unsure
    """
    from interview_prep.commands import review as reviewing

    output.say(reviewing.reflect(_ctx(ctx), company, gut, excited, worry, accept.strip().lower()))


@app.command()
def done(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help="The company.", autocompletion=completion.companies)
    ],
    item: Annotated[
        str, typer.Argument(help="The follow-up id shown by `prep review` (e.g. recruiter-call).")
    ],
) -> None:
    """Tick off a follow-up: the recruiter call, a thank-you note.

    Examples:

    \b
      prep done acme recruiter-call
      prep done acme thank-you-2026-11-22-1420
    """
    from interview_prep.commands import review as reviewing

    output.say(reviewing.done(_ctx(ctx), company, item))


config_app = typer.Typer(
    cls=_PrepGroup, rich_markup_mode=None, help="Your settings: thresholds, dealbreakers, values."
)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show the settings in use and where they come from (<home>/config.yaml).

    Examples:

    \b
      prep config show
      prep config show --json
    """
    context = _ctx(ctx)
    settings = context.settings()
    path = context.home / "config.yaml"
    data = {
        "path": str(path),
        "exists": path.is_file(),
        "thresholds": settings.thresholds,
        "dealbreakers": settings.dealbreakers,
        "values": settings.values,
    }
    if as_json:
        _print_json(data)
        return
    output.say(f"Settings file: {path}{'' if path.is_file() else ' (not created yet; defaults in use)'}")
    thresholds = ", ".join(f"{k} = {v:g}" for k, v in settings.thresholds.items()) or "bank defaults"
    output.say(f"Thresholds: {thresholds}")
    output.say(f"Dealbreakers: {', '.join(settings.dealbreakers) or 'none'}")
    output.say(f"What you value: {', '.join(settings.values) or 'not set'}")


# Banks ------------------------------------------------------------------------


@banks_app.command("list")
def banks_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List the question banks, or with --json every question and signal.

    Examples:

    \b
      prep banks list
      prep banks list --json
    """
    from interview_prep.commands import banks

    catalog = _ctx(ctx).catalog()
    if as_json:
        _print_json(banks.catalog_json(catalog))
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

    output.say(banks.show(_ctx(ctx).catalog(), item_id, output.terminal_width()))


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


def main() -> None:
    """The console script: anything raised outside a command (while parsing, say) ends here."""
    try:
        from interview_prep.lazy_commands import lazy_root

        lazy_root(app)()  # like app(), building only the command that runs
    except (Exception, KeyboardInterrupt) as error:
        sys.exit(exits.exit_code_for(error, None))
