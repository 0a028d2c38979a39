"""The Typer commands for after the interview: review, reflect, done, config show."""

from typing import Annotated

import typer

from interview_prep import cli, completion, output
from interview_prep.cli import CompanyArgument, JsonOption, app, config_app, context_of
from interview_prep.commands.context import Context


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
    as_json: JsonOption = False,
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
    from interview_prep.render import json_views, review_view
    from interview_prep.render.console import console

    context = context_of(ctx)
    if company is None:
        problems: list[str] = []
        rows = reviewing.all_companies(context, sort, problems)
        if as_json:
            output.print_json(json_views.comparison(rows, problems))
        elif rows or not problems:
            console().print(review_view.companies_table(rows))
        cli.report_unreadable(problems)
        return
    _review_one(
        context, company, as_json, write, interactive=not no_input and not as_json and cli._is_interactive()
    )


def _review_one(context: Context, company: str, as_json: bool, write: bool, interactive: bool) -> None:
    from interview_prep.commands import review as reviewing
    from interview_prep.render import json_views, review_view, views
    from interview_prep.render.console import console

    outcome = reviewing.review_company(context, company, write, _ask_reflection if interactive else None)
    if as_json:
        output.print_json(json_views.review(outcome.review))
        return
    if outcome.reflected is not None:
        output.say(output.inert(views.reflected(outcome.reflected)))
    if outcome.saved_to is not None:
        output.say(views.review_saved(outcome.saved_to))
    console().print(review_view.company_view(outcome.review))


def _ask_reflection() -> None:
    output.say("Before anything else: your own reflection, while it is fresh.")


@app.command()
def reflect(
    ctx: typer.Context,
    company: CompanyArgument,
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
    from interview_prep.render import views

    output.say(
        output.inert(
            views.reflected(
                reviewing.reflect(context_of(ctx), company, gut, excited, worry, accept.strip().lower())
            )
        )
    )


@app.command()
def done(
    ctx: typer.Context,
    company: CompanyArgument,
    item: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="The follow-up to tick off (e.g. recruiter-call); without it, list those still to do.",
            autocompletion=completion.followup_ids,
        ),
    ] = None,
) -> None:
    """Tick off a follow-up: the recruiter call, a thank-you note, a promised date to chase.

    With no ID, list the follow-ups still to do.

    Examples:

    \b
      prep done acme
      prep done acme recruiter-call
      prep done acme thank-you-2026-11-22-1420
    """
    from interview_prep.commands import review as reviewing
    from interview_prep.render import views

    if item is None:
        output.say(views.pending_followups(reviewing.pending(context_of(ctx), company)))
        return
    output.say(views.followup_done(reviewing.done(context_of(ctx), company, item)))


@config_app.command("show")
def config_show(
    ctx: typer.Context,
    as_json: JsonOption = False,
) -> None:
    """Show the settings in use and where they come from (<home>/config.yaml).

    Examples:

    \b
      prep config show
      prep config show --json
    """
    from interview_prep.commands import pipeline
    from interview_prep.render import views

    view = pipeline.settings_view(context_of(ctx))
    if as_json:
        from interview_prep.render import json_views

        output.print_json(json_views.settings(view))
        return
    output.say(views.settings(view))
