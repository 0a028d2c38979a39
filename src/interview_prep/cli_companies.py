"""The Typer commands for companies: new, list, status, where, open."""

from typing import TYPE_CHECKING, Annotated

import typer

from interview_prep import cli, completion, output
from interview_prep.cli import CompanyArgument, JsonOption, app, context_of
from interview_prep.commands.context import Context

if TYPE_CHECKING:
    from interview_prep.commands.companies import NewCompanyPlan


PrepOption = Annotated[
    bool,
    typer.Option(
        "--prep",
        help="Write your own prep now; for an existing company, finish the prompts left open "
        "(e.g. prep new acme --prep).",
    ),
]


# `prep new`'s tailoring options, each completed on Tab from its closed set of values.
StageOption = Annotated[
    str | None,
    typer.Option(
        metavar="STAGE", help="startup, scaleup, enterprise or public.", autocompletion=completion.stages
    ),
]
SizeOption = Annotated[
    str | None, typer.Option(metavar="SIZE", help="small, medium or large.", autocompletion=completion.sizes)
]
TrackOption = Annotated[
    str | None,
    typer.Option(
        metavar="TRACK",
        help="Role track (read from --role when not given): data-engineering, data-science, ml, "
        "platform, frontend, mobile, product, design, engineering-manager or staff.",
        autocompletion=completion.tracks,
    ),
]
CompanyTypeOption = Annotated[
    str | None,
    typer.Option(
        "--type",
        metavar="TYPE",
        help="agency, nonprofit or public-sector.",
        autocompletion=completion.company_types,
    ),
]
InterviewerOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="TYPE",
        help="Who you expect to meet (repeatable): recruiter, hiring-manager, engineer, executive.",
        autocompletion=completion.interviewer_types,
    ),
]


def _finished_existing(context: Context, company: str, interactive: bool) -> bool:
    """`prep new COMPANY --prep` for a company that exists: its open prep prompts, then done."""
    from interview_prep.commands import companies

    if not interactive:
        cli.needs_terminal("prep new --prep", "prep open COMPANY to write your prep in an editor")
    existing = companies.existing(context, company)
    if existing is None:
        return False
    output.say(output.inert(companies.finish_prep(context, existing)))
    return True


@app.command()
def new(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Argument(metavar="COMPANY", help='The company\'s name, e.g. acme or "Acme, Inc.".')
    ],
    role: Annotated[str, typer.Option(metavar="TEXT", help="The role you are interviewing for.")] = "",
    stage: StageOption = None,
    size: SizeOption = None,
    manager: Annotated[
        bool, typer.Option("--manager", help="A people-manager role: adds management questions.")
    ] = False,
    track: TrackOption = None,
    company_type: CompanyTypeOption = None,
    interviewer: InterviewerOption = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; use the tailored defaults.")
    ] = False,
    prep: PrepOption = False,
) -> None:
    """Create a company and its tailored question checklist.

    Makes the company's folder and a checklist of questions tailored to it.

    On a terminal you pick the questions (love, hate and a few must-asks per
    interviewer type pre-ticked) and write your own prep. With --no-input,
    every tailored question goes on the checklist.

    Examples:

    \b
      prep new acme --role "Staff Engineer" --stage startup
      prep new "Globex Corp" --stage public --manager --interviewer hiring-manager
      prep new "City Council" --role "Data Engineer" --type public-sector --no-input
    """
    from interview_prep.commands import companies

    interactive = not no_input and cli._is_interactive()
    if prep and _finished_existing(context_of(ctx), company, interactive):
        return
    told = companies.Tailoring(role, stage, size, manager, track, company_type)
    plan = companies.plan_new_company(context_of(ctx), company, told, interviewer or [])
    _create(context_of(ctx), plan, interactive, ask_first=not prep)


@app.command()
def add(
    ctx: typer.Context,
    company: CompanyArgument,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Your question, as you will ask it.")],
    for_role: Annotated[
        str | None,
        typer.Option(
            "--for",
            metavar="ROLE",
            help="Whom to ask: recruiter, hiring-manager, engineer, executive or everyone "
            "(default: the first person in the room).",
            autocompletion=completion.panel_roles,
        ),
    ] = None,
    must: Annotated[bool, typer.Option("--must", help="A must-ask (default: should).")] = False,
) -> None:
    """Add your own question to a company's checklist.

    It gets its own id and is planned and asked like any other. A line you
    wrote in the checklist by hand gets an id too.

    Examples:

    \b
      prep add acme "What does on-call look like for this team?" --for engineer
      prep add acme "How is the reorg going to change this role?" --for hiring-manager --must
    """
    from interview_prep.commands import checklist_source

    added = checklist_source.add_question(context_of(ctx), company, text, for_role, must)
    for problem in added.problems:
        output.notice(f"Warning: {problem}")
    output.say(added.confirmation())


def _create(context: Context, plan: "NewCompanyPlan", interactive: bool, ask_first: bool) -> None:
    """Create the company; on a terminal the user picks the questions, then writes their prep
    (each answer saved as entered; Ctrl-C says what was kept and how to finish)."""
    from interview_prep.commands import companies
    from interview_prep.errors import Stopped
    from interview_prep.render import views

    selected = plan.tailored
    if interactive:
        from interview_prep import prompts

        try:
            selected = prompts.pick_questions(plan.candidates, plan.focused, plan.company.name)
        except prompts.Interrupted:
            raise Stopped(
                f"Stopped before {plan.company.name} was created; nothing was saved. Run `prep new` again."
            ) from None
    where = companies.create(context, plan, selected)
    if interactive:
        output.say(plan.focus_line())
        done = f"Created {plan.company.name} with {len(selected)} questions in {where}."
        output.say(output.inert(companies.first_prep(context, plan, done, ask_first)))
    output.say(views.company_created(plan.company, len(selected), where))


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: JsonOption = False,
) -> None:
    """Show your pipeline: every company and its status.

    Examples:

    \b
      prep list
      prep list --json
    """
    from interview_prep.commands import pipeline
    from interview_prep.render import views

    result = pipeline.company_list(context_of(ctx))
    if as_json:
        from interview_prep.render import json_views

        output.print_json(json_views.company_list(result.companies, result.problems))
    elif result.companies or not result.problems:
        output.say(views.company_list(result, output.terminal_width()))
    cli.report_unreadable(result.problems)


@app.command()
def status(
    ctx: typer.Context,
    company: CompanyArgument,
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
    from interview_prep.core.results import StatusChanged
    from interview_prep.render import views

    found = companies.set_status(context_of(ctx), company, new_status)
    output.say(views.status_changed(StatusChanged(found)))


@app.command()
def where(ctx: typer.Context) -> None:
    """Print the folder where your notes live.

    Set $PREP_HOME or pass --home to use another folder.

    Examples:

    \b
      prep where
      cd "$(prep where)" && git init
    """
    output.say(str(context_of(ctx).home))


@app.command("open")
def open_(
    ctx: typer.Context,
    company: CompanyArgument,
) -> None:
    """Open the company's notes in your editor ($VISUAL, else $EDITOR).

    Examples:

    \b
      prep open acme
      EDITOR=nano prep open acme
    """
    from interview_prep.commands import pipeline

    pipeline.open_in_editor(context_of(ctx), company)
