"""The Typer commands for the decision: offer, offers (compare and export: cli_decide.py)."""

from typing import Annotated

import typer

from interview_prep import output
from interview_prep.cli import CompanyArgument, JsonOption, app, context_of

Number = float | None
Whole = int | None
Base = Annotated[float, typer.Option(metavar="N", help="Base salary a year.")]
Bonus = Annotated[Number, typer.Option(metavar="N", help="Bonus a year, as offered.")]
Currency = Annotated[
    str, typer.Option(metavar="CODE", help="The offer's currency, e.g. EUR (default: config currency).")
]
Expires = Annotated[str, typer.Option(metavar="DATE", help="When the offer expires, e.g. 2026-12-10.")]
EquityType = Annotated[str, typer.Option(metavar="TYPE", help="options, shares or rsu.")]
Grant = Annotated[Whole, typer.Option(metavar="N", help="How many options or shares.")]
Strike = Annotated[
    Number, typer.Option(metavar="X", help="Options: the exercise price; shares: what you pay for each.")
]
VestYears = Annotated[Whole, typer.Option(metavar="N", help="Years to vest (default 4).")]
Cliff = Annotated[Whole, typer.Option(metavar="N", help="Months before anything vests (default 12).")]
VestEvery = Annotated[
    str, typer.Option(metavar="PERIOD", help="After the cliff: monthly (default), quarterly or yearly.")
]
Window = Annotated[str, typer.Option(metavar="TEXT", help="How long you may buy options after leaving.")]
SharePrice = Annotated[
    Number, typer.Option(metavar="X", help="A share's price as you were told it (the last round's).")
]
Pension = Annotated[Number, typer.Option(metavar="PCT", help="Pension match, percent of base.")]
LeaveDays = Annotated[Whole, typer.Option(metavar="N", help="Paid leave days a year.")]
Benefits = Annotated[str, typer.Option(metavar="TEXT", help="Anything else, in your words.")]


@app.command()
def offer(
    ctx: typer.Context,
    company: CompanyArgument,
    base: Base,
    bonus: Bonus = None,
    currency: Currency = "",
    expires: Expires = "",
    equity_type: EquityType = "",
    grant: Grant = None,
    strike: Strike = None,
    vest_years: VestYears = None,
    cliff_months: Cliff = None,
    vest_every: VestEvery = "",
    exercise_window: Window = "",
    share_price: SharePrice = None,
    pension_match: Pension = None,
    leave_days: LeaveDays = None,
    benefits: Benefits = "",
) -> None:
    """Record an offer in the company's file, with the money worked out.

    Recording another offer later keeps this one; `prep offers` compares the
    latest of each company. An expiry date becomes a follow-up in `prep agenda`.

    Examples:

    \b
      prep offer acme --base 85000 --bonus 5000 --currency EUR --expires 2026-12-10
      prep offer acme --base 85000 --equity-type options --grant 4800 --strike 1.2 --share-price 3
    """
    from datetime import datetime

    from interview_prep.commands import offers
    from interview_prep.render import offers_view

    terms = {
        "base": base,
        "bonus": bonus,
        "currency": currency.strip(),
        "expires": expires.strip(),
        "equity_type": equity_type.strip().lower(),
        "grant": grant,
        "strike": strike,
        "vest_years": vest_years,
        "cliff_months": cliff_months,
        "vest_every": vest_every.strip().lower(),
        "exercise_window": " ".join(exercise_window.split()),
        "share_price": share_price,
        "pension_match": pension_match,
        "leave_days": leave_days,
        "benefits": " ".join(benefits.split()),
    }
    done = offers.record(context_of(ctx), company, terms, datetime.now().astimezone())
    output.say(offers_view.recorded(done.company.name, done.value, str(done.where)))


@app.command("offers")
def offers_command(
    ctx: typer.Context,
    multiple: Annotated[
        list[float] | None,
        typer.Option(metavar="N", help="Also value shares at N times your price (repeatable)."),
    ] = None,
    in_currency: Annotated[
        str, typer.Option("--in", metavar="CODE", help="Your currency (default: config currency).")
    ] = "",
    rate: Annotated[
        list[str] | None,
        typer.Option(metavar="CODE=X", help="Convert: one CODE is X of your currency (repeatable)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Every company's latest offer side by side: first-year and four-year value, assumptions shown.

    Shares are valued at zero, at the price you gave (--share-price on `prep
    offer`), and at the multiples of it you ask for; never at a guessed price.
    Offers in another currency stay in it unless you give a rate.

    Examples:

    \b
      prep offers
      prep offers --multiple 3 --multiple 10
      prep offers --in EUR --rate USD=0.92 --json
    """
    from interview_prep import cli
    from interview_prep.commands import offers
    from interview_prep.render import offers_view

    view = offers.every_offer(context_of(ctx), multiple or [], in_currency, rate or [])
    if as_json:
        rows = [(o.company.name, o.company.slug, o.value, o.source) for o in view.offers]
        output.print_json(offers_view.offers_json(rows, view.own_currency, view.problems))
    elif view.offers or not view.problems:
        names = [o.company.name for o in view.offers]
        values = [o.value for o in view.offers]
        sources = [o.source for o in view.offers]
        output.say(offers_view.side_by_side(names, values, sources, output.terminal_width()))
    cli.report_unreadable(view.problems)
