"""The Typer commands for the interview: ask and the one-shot answer, flag, note."""

from typing import Annotated

import typer

from interview_prep import cli, completion, output
from interview_prep.cli import CompanyArgument, InterviewOption, JsonOption, PanelOption, app, context_of
from interview_prep.commands.context import Context

RoundOption = Annotated[
    str | None,
    typer.Option("--round", metavar="TEXT", help="Start a round with this label if none is open."),
]

MinutesOption = Annotated[
    float | None,
    typer.Option(metavar="N", help="Minutes you have for your questions (the panel shares them)."),
]

ONE_SHOTS = (
    "prep answer COMPANY QUESTION_ID TEXT [--who NAME], "
    "prep flag COMPANY TEXT [--severity low|medium|high], prep note COMPANY TEXT"
)


@app.command()
def ask(
    ctx: typer.Context,
    company: CompanyArgument,
    with_: PanelOption = None,
    round_name: Annotated[
        str,
        typer.Option(
            "--round",
            metavar="TEXT",
            help="A label for this round; screen, onsite, final or offer also keeps to each question's when:.",
        ),
    ] = "",
    multiline: Annotated[
        bool, typer.Option("--multiline", help="Multi-line answers (Esc then Enter saves).")
    ] = False,
    minutes: MinutesOption = None,
    resume: Annotated[
        bool | None,
        typer.Option("--resume/--new", help="Resume the unfinished interview, or start a new one."),
    ] = None,
) -> None:
    """The live interview, one question at a time.

    Each answer is saved before the next question appears.

    Type the answer and press Enter. /s skips, /b edits your previous answer,
    /f records a red flag, /n a note, /u asks the follow-up, /l shows what
    is left, /a ID asks a checklist question next, /k marks a key message
    landed, /d finishes. With --minutes the key line shows the clock.
    Ctrl-C stops at once with everything saved; run it again to resume.

    Examples:

    \b
      prep ask acme --with "Dana:hiring-manager" --with "Lee:engineer"
      prep ask acme --round onsite --with "Sam:recruiter"
      prep ask acme --resume
    """
    if not cli._is_interactive():
        cli.needs_terminal("prep ask", ONE_SHOTS)
    from interview_prep.commands import ask as flow

    session = flow.start(context_of(ctx), company, with_ or [], round_name, resume, multiline, minutes)
    from interview_prep.render import views

    output.say(views.interview_finished(flow.run(session)))


@app.command()
def answer(
    ctx: typer.Context,
    company: CompanyArgument,
    question_id: Annotated[
        str,
        typer.Argument(
            help="The question's id (see `prep banks list --json`).", autocompletion=completion.question_ids
        ),
    ],
    text: Annotated[str, typer.Argument(help="What they said.")],
    who: Annotated[str, typer.Option(metavar="NAME", help="Who answered.")] = "",
    interview: InterviewOption = None,
    round_name: RoundOption = None,
) -> None:
    """Record one answer, without prompts.

    For scripts and quick capture.

    Examples:

    \b
      prep answer acme hours-per-week "about 45, more before launches" --who Lee
      prep answer acme love "The people and the pace" --who Dana
    """
    from interview_prep.commands import capture

    context = context_of(ctx)
    question = capture.find_question(context, question_id, company)
    capture.require_text(text, "answer")
    found, path = capture.target(context, company, interview, round_name)
    saved = capture.save_answer(
        context, found, path, question.id, question.render(found.name, who or None), who.strip(), text
    )
    from interview_prep.render import views

    output.say(views.saved(saved))
    reading = capture.live_reading(context, question, text)
    if reading is not None and reading.flagged:  # the same warning `prep ask` shows; quiet otherwise
        output.say(reading.warning())


@app.command()
def flag(
    ctx: typer.Context,
    company: CompanyArgument,
    text: Annotated[str, typer.Argument(help="What you noticed.")],
    severity: Annotated[
        str, typer.Option(metavar="LEVEL", help="low, medium or high.", autocompletion=completion.severities)
    ] = "medium",
    who: Annotated[str, typer.Option(metavar="NAME", help="Who it concerns or who said it.")] = "",
    interview: InterviewOption = None,
    round_name: RoundOption = None,
) -> None:
    """Record a red flag without prompts.

    Examples:

    \b
      prep flag acme "Both avoided the question about the manager" --severity high
      prep flag acme "Said 60-hour weeks are normal" --who Lee
    """
    from interview_prep.commands import capture

    context = context_of(ctx)
    capture.require_text(text, "red flag")
    capture.check_severity(severity)
    _, path = capture.target(context, company, interview, round_name)
    from interview_prep.render import views

    output.say(views.saved(capture.save_flag(context, path, text, severity, who.strip())))


@app.command()
def note(
    ctx: typer.Context,
    company: CompanyArgument,
    text: Annotated[str, typer.Argument(help="The note.")],
    interview: InterviewOption = None,
    round_name: RoundOption = None,
) -> None:
    """Record a free note without prompts.

    Examples:

    \b
      prep note acme "Office is quiet; everyone had headphones on"
      prep note acme "Recruiter said decision by Friday"
    """
    from interview_prep.commands import capture

    context = context_of(ctx)
    capture.require_text(text, "note")
    _, path = capture.target(context, company, interview, round_name)
    from interview_prep.render import views

    output.say(views.saved(capture.save_note(context, path, text)))


RoundFilterOption = Annotated[
    str,
    typer.Option(
        "--round",
        metavar="ROUND",
        help="screen, onsite, final or offer: only its questions (see when: in banks).",
    ),
]


@app.command()
def plan(
    ctx: typer.Context,
    company: CompanyArgument,
    with_: PanelOption = None,
    minutes: MinutesOption = None,
    round_name: RoundFilterOption = "",
    as_json: JsonOption = False,
) -> None:
    """This interview's plan: per interviewer, what fits the minutes you have.

    The same plan `prep ask --minutes` follows (with the same --round).
    Your key messages are listed; questions about your values come first.
    Writes nothing.

    Examples:

    \b
      prep plan acme --with "Dana:hiring-manager" --with "Lee:engineer" --minutes 15
      prep plan acme --with "Sam:recruiter" --round screen --json
    """
    from interview_prep.commands import plan as planning

    context = context_of(ctx)
    found = planning.build(context, company, with_ or [], minutes, round_name)
    if as_json:
        from interview_prep.render import json_views

        output.print_json(json_views.interview_plan(found))
    else:
        output.say(planning.render_text(found))
    checklist_warnings(context, company)


def checklist_warnings(context: Context, company: str) -> None:
    """After a plan or a sheet: one line for each checklist line it could not place."""
    from interview_prep.commands.checklist_source import checklist_problems

    for problem in checklist_problems(context, company):
        output.notice(f"Warning: {problem}")


@app.command()
def sheet(
    ctx: typer.Context,
    company: CompanyArgument,
    with_: PanelOption = None,
    minutes: MinutesOption = None,
    round_name: RoundFilterOption = "",
    html_file: Annotated[
        str | None,
        typer.Option(
            "--html", metavar="FILE", help="Write a printable page here instead of printing Markdown."
        ),
    ] = None,
) -> None:
    """The plan of `prep plan` as a sheet, for rooms where you cannot type.

    Markdown (a phone or Obsidian shows it; a box to tick per question), or
    with --html a self-contained page that prints on one A4 or Letter page.
    Writes nothing else.

    Examples:

    \b
      prep sheet acme --with "Dana:hiring-manager" --with "Lee:engineer" > acme-sheet.md
      prep sheet acme --with "Dana:hiring-manager" --minutes 15 --html acme-sheet.html
    """
    from interview_prep.commands import sheet as sheets

    context = context_of(ctx)
    found = sheets.build(context, company, with_ or [], minutes, round_name)
    checklist_warnings(context, company)
    if html_file is None:
        from interview_prep.render.sheet_markdown import sheet_markdown

        output.say(sheet_markdown(found).rstrip("\n"))
        return
    path = sheets.write_html(context, found, html_file)
    people = len(found.people)
    output.say(
        f"Wrote the sheet for {found.company} to {path} ({found.question_count} questions, "
        f"{people} {'person' if people == 1 else 'people'}). Open it in a browser and print it."
    )
