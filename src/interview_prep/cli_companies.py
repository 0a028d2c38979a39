"""The Typer commands for companies: new, list, status, where, open."""

from typing import TYPE_CHECKING, Annotated

import typer

from interview_prep import cli, completion, output
from interview_prep.cli import CompanyArgument, JsonOption, app, context_of
from interview_prep.commands.context import Context

if TYPE_CHECKING:
    from interview_prep.banks.model import Question
    from interview_prep.commands.companies import NewCompanyPlan


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
    from interview_prep.render import views

    context = context_of(ctx)
    told = companies.Tailoring(role, stage, size, manager, track, company_type)
    plan = companies.plan_new_company(context, company, told, interviewer or [])
    selected, where = _create(context, plan, interactive=not no_input and cli._is_interactive())
    output.say(views.company_created(plan.company, len(selected), where))


def _create(context: Context, plan: "NewCompanyPlan", interactive: bool) -> "tuple[list[Question], str]":
    """Create the company; on a terminal the user picks the questions, then writes their prep."""
    from interview_prep.commands import companies

    selected = plan.tailored
    if interactive:
        from interview_prep import prompts

        selected = prompts.pick_questions(plan.candidates, plan.tailored, plan.company.name)
    where = companies.create(context, plan, selected)
    if interactive:
        slug = plan.company.slug
        prompts.self_prep(plan.prep_prompts, lambda answers: companies.save_prep(context, slug, answers))
    return list(selected), where


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
