"""The Typer commands around the interviews: schedule, agenda, due, calendar, log, people."""

import sys
from typing import Annotated, Any

import typer

from interview_prep import completion, output
from interview_prep.cli import CompanyArgument, JsonOption, PanelOption, app, context_of
from interview_prep.commands.context import Context
from interview_prep.errors import PrepError


def show_today(context: Context) -> None:
    """Today's rounds and what is due, under `prep`'s getting-started text, once there is data."""
    from interview_prep.storage.companies import company_slugs

    if not company_slugs(context.home):
        return
    from interview_prep.commands import agenda
    from interview_prep.render import agenda_view

    now = agenda.now_here()
    try:
        found = agenda.build_agenda(context, 0, now)
    except PrepError as error:  # a hand-broken file must not break the getting-started text
        output.error(f"today's agenda is unavailable: {error.message}")
        return
    if found.items:
        output.say("\nToday:\n" + agenda_view.agenda_text(found, now, 0, output.terminal_width()))


def _panel(values: list[str] | None) -> list[Any]:
    from interview_prep.commands.panel import parse_with
    from interview_prep.core.transcript import PanelMember

    return [PanelMember(person.name, person.role) for person in parse_with(values or [])]


@app.command()
def schedule(
    ctx: typer.Context,
    company: CompanyArgument,
    when: Annotated[
        str,
        typer.Argument(
            metavar="WHEN",
            help="Date and time: '2026-12-04 15:00', 'tomorrow 14:00', 'fri 9:30', "
            "optionally ending in a time zone ('... Europe/Berlin').",
        ),
    ],
    minutes: Annotated[
        int | None, typer.Option("--minutes", metavar="N", help="How long the round is, in minutes.")
    ] = None,
    with_: PanelOption = None,
    round_name: Annotated[str, typer.Option("--round", metavar="LABEL", help="e.g. onsite.")] = "",
    where: Annotated[str, typer.Option("--where", metavar="TEXT", help="A place or a video link.")] = "",
) -> None:
    """Put a round on the calendar: when, how long, with whom.

    Times are read in your time zone unless WHEN ends with one; prep stores
    the zone and shows the time in yours. Scheduling the same minute again
    replaces that round.

    Examples:

    \b
      prep schedule acme "fri 9:30" --minutes 45 --with "Dana:hiring-manager"
      prep schedule acme "2026-12-04 15:00 Europe/Berlin" --round onsite --where "Room 4"
    """
    from interview_prep.commands import agenda
    from interview_prep.render import agenda_view

    now = agenda.now_here()
    name, scheduled = agenda.schedule_round(
        context_of(ctx), company, when, minutes, _panel(with_), round_name, where, now
    )
    output.say(agenda_view.scheduled_text(name, scheduled, now))


@app.command("agenda")
def agenda_(
    ctx: typer.Context,
    days: Annotated[int, typer.Option("--days", metavar="N", help="How far ahead to look.")] = 14,
    as_json: JsonOption = False,
) -> None:
    """What is coming: scheduled rounds and follow-ups due or overdue, across companies.

    Each follow-up says where its date came from (a promise in an answer,
    the usual thank-you and recruiter call, or `prep due`).

    Examples:

    \b
      prep agenda
      prep agenda --days 30 --json
    """
    from interview_prep.commands import agenda
    from interview_prep.render import agenda_view

    now = agenda.now_here()
    found = agenda.build_agenda(context_of(ctx), days, now)
    if as_json:
        output.print_json(agenda_view.agenda_json(found, now, days))
    else:
        output.say(agenda_view.agenda_text(found, now, days, output.terminal_width()))


@app.command()
def due(
    ctx: typer.Context,
    company: CompanyArgument,
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The follow-up id (`prep agenda` shows it).",
            autocompletion=completion.followup_ids,
        ),
    ],
    day: Annotated[str, typer.Argument(metavar="DATE", help="The new due date, e.g. 2026-12-07.")],
) -> None:
    """Correct a follow-up's due date.

    Examples:

    \b
      prep due acme recruiter-call 2026-12-07
    """
    from interview_prep.commands import agenda
    from interview_prep.render import agenda_view

    name, found = agenda.set_due(context_of(ctx), company, item, day)
    output.say(agenda_view.due_text(name, found))


@app.command()
def calendar(
    ctx: typer.Context,
    company: Annotated[
        str | None,
        typer.Argument(
            metavar="[COMPANY]", help="One company (default: all).", autocompletion=completion.companies
        ),
    ] = None,
    out: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write here (default: print it).")
    ] = None,
) -> None:
    """An iCalendar (.ics) file: each scheduled round with its plan inside, and dated follow-ups.

    Import it into any calendar; importing it again updates the events
    rather than adding copies.

    Examples:

    \b
      prep calendar --output interviews.ics
      prep calendar acme > acme.ics
    """
    from pathlib import Path

    from interview_prep.commands import agenda, calendar_file
    from interview_prep.render import agenda_view

    data, events, todos = calendar_file.calendar_bytes(context_of(ctx), company, agenda.now_here())
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(out).expanduser()
    calendar_file.write_calendar(target, data)
    output.say(agenda_view.calendar_written_text(events, todos, str(target)))


@app.command()
def log(
    ctx: typer.Context,
    company: CompanyArgument,
    as_json: JsonOption = False,
) -> None:
    """A company's timeline: status changes, rounds, red flags and follow-ups, with dates.

    Examples:

    \b
      prep log acme
      prep log acme --json
    """
    from interview_prep.commands import timeline
    from interview_prep.render import agenda_view

    found = timeline.timeline(context_of(ctx), company)
    if as_json:
        output.print_json(agenda_view.timeline_json(found))
    else:
        output.say(agenda_view.timeline_text(found, output.terminal_width()))


@app.command()
def people(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME | merge NAME@COMPANY...]", help="A person, or `merge` and two or more people."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Everyone you met, across companies: role, companies, rounds and what they said.

    `prep people merge "Dana@acme" "Dana@globex"` says two of them are one
    person (a recruiter you met twice, say).

    Examples:

    \b
      prep people
      prep people Dana
      prep people merge "Sam@acme" "Sam@globex"
    """
    from interview_prep.commands import people as met
    from interview_prep.render import agenda_view

    context = context_of(ctx)
    args = words or []
    if len(args) > 1 and args[0] == "merge":
        found = [met.merge(context, args[1:])]
    elif len(args) > 1:
        raise PrepError(
            "Give one name (quote a name with spaces), or `merge` and NAME@COMPANY for each person."
        )
    else:
        found = met.find(context, args[0]) if args else met.everyone(context)
    if as_json:
        output.print_json(agenda_view.people_json(found))
    elif args:
        output.say("\n\n".join(agenda_view.person_text(person) for person in found))
    else:
        output.say(agenda_view.people_text(found))


@app.command()
def stats(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The search in numbers: stages, conversion, time in each stage, replies, rounds, follow-ups.

    Worked out from each company's status history (`prep status` dates every
    change), its rounds and its follow-ups (`prep done` dates each one).

    Examples:

    \b
      prep stats
      prep stats --json
    """
    from interview_prep.commands import agenda
    from interview_prep.commands import stats as numbers

    found = numbers.search_stats(context_of(ctx), agenda.now_here().date())
    if as_json:
        from interview_prep.render import json_views

        output.print_json(json_views.search_stats(found))
    else:
        from interview_prep.render import stats_view

        output.say(stats_view.stats_text(found))
