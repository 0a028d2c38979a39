"""The Typer commands that weigh the companies: compare, export."""

from typing import Annotated

import typer

from interview_prep import completion, output
from interview_prep.cli import JsonOption, app, context_of

WeightOption = Annotated[
    list[str] | None,
    typer.Option(
        "--weight",
        metavar="CATEGORY=N",
        help="Compare on this category with this weight (repeatable); the total is their stated sum.",
    ),
]


@app.command()
def compare(
    ctx: typer.Context,
    weight: WeightOption = None,
    explain: Annotated[
        str | None,
        typer.Option(metavar="COLUMN", help="Trace one column (a category, flags, gut, accept, offer)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Every company on what you heard, in the categories you care about.

    Categories come from --weight, else `values:` in config.yaml, else every
    category you heard something in. Each cell counts the answers you marked
    (/+ and /- in prep ask), the findings and numbers in them; then your red
    flags, gut, would-accept and the latest offer. No hidden score: a total
    appears only with weights, written out as the sum it is.

    Examples:

    \b
      prep compare
      prep compare --weight work-life=3 --weight growth=2
      prep compare --explain work-life
    """
    from interview_prep import cli
    from interview_prep.commands import compare as comparing
    from interview_prep.render import compare_view

    view = comparing.build(context_of(ctx), weight or [], explain=explain)
    comparison = view.comparison
    if as_json:
        output.print_json(compare_view.comparison_json(comparison, view.problems))
    elif explain is not None:
        output.say(compare_view.explain(comparison, comparing.explain_key(explain, comparison.columns)))
    elif comparison.lines or not view.problems:
        output.say(compare_view.table(comparison, output.terminal_width()))
    cli.report_unreadable(view.problems)


@app.command()
def export(
    ctx: typer.Context,
    company: Annotated[
        str | None,
        typer.Argument(
            metavar="[COMPANY]", help="One company; leave out for all.", autocompletion=completion.companies
        ),
    ] = None,
    csv_file: Annotated[
        str | None, typer.Option("--csv", metavar="FILE", help="Write one row per company as CSV.")
    ] = None,
    html_file: Annotated[
        str | None, typer.Option("--html", metavar="FILE", help="Write a self-contained HTML report.")
    ] = None,
    weight: WeightOption = None,
) -> None:
    """Write the compare table to a file: CSV for a spreadsheet, HTML to read or print.

    The CSV has one row per company and compare's columns; a cell that a
    spreadsheet would run as a formula is written as text. The HTML report
    is one private file: no scripts, nothing fetched, every cell's evidence
    listed with its file and entry.

    Examples:

    \b
      prep export --csv companies.csv
      prep export acme --html acme.html
      prep export --csv all.csv --html all.html --weight work-life=3
    """
    from interview_prep import cli
    from interview_prep.commands import export as exporting

    done = exporting.export(context_of(ctx), csv_file, html_file, company, weight or [])
    for item in done:
        output.say(f"Wrote {item.companies} compan{'y' if item.companies == 1 else 'ies'} to {item.path}.")
    cli.report_unreadable(done[0].problems if done else ())
