"""Views of offers: the line after `prep offer`, the side-by-side table of `prep offers`, its JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from interview_prep import output
from interview_prep.core.offers import Equity, OfferValue, Scenario, money, offer_fields

JSON_FORMAT = 1
LABEL_WIDTH = 24
COLUMN_WIDTH = 22


def recorded(company: str, value: OfferValue, where: str) -> str:
    first = value.valued[-1]
    lines = [
        f"Recorded the offer from {company} in {where}.",
        f"First year: {value.currency} {money(first.first_year)}; four years: "
        f"{value.currency} {money(first.four_years)} ({first.scenario.label}).",
    ]
    lines += [f"  assuming {said}" for said in value.assumptions]
    lines.append("Compare every offer: prep offers")
    return "\n".join(lines)


def _equity(equity: Equity | None) -> str:
    if equity is None:
        return "-"
    price = f" at {money(equity.strike)}" if equity.strike else ""
    return f"{equity.grant:,} {equity.kind}{price}"


def _vesting(equity: Equity | None) -> str:
    if equity is None:
        return "-"
    return f"{equity.vest_years} y, {equity.cliff_months} m cliff, {equity.vest_every}"


def _amount(value: OfferValue, amount: float) -> str:
    return f"{value.currency} {money(amount)}"


def scenario_rows(values: Sequence[OfferValue]) -> list[Scenario]:
    """Every scenario some offer has, in order: zero, your price, then the multiples."""
    seen: dict[str, Scenario] = {}
    for value in values:
        for valued in value.valued:
            seen.setdefault(valued.scenario.key, valued.scenario)
    return list(seen.values())


def _rows(values: Sequence[OfferValue], sources: Sequence[str]) -> list[list[str]]:
    def row(label: str, cell: Any) -> list[str]:
        return [label, *(cell(value) for value in values)]

    rows = [
        row("Base a year", lambda v: _amount(v, v.offer.base * (v.rate or 1))),
        row("Bonus a year", lambda v: _amount(v, v.offer.bonus * (v.rate or 1)) if v.offer.bonus else "-"),
        row("Pension a year", lambda v: _amount(v, v.pension_per_year) if v.pension_per_year else "-"),
        row("Cash a year", lambda v: _amount(v, v.cash_per_year)),
        row("Equity", lambda v: _equity(v.offer.equity)),
        row("Vesting", lambda v: _vesting(v.offer.equity)),
        row("Vested in year 1", lambda v: f"{v.vested_first_year:,}" if v.offer.equity else "-"),
        row("Vested in 4 years", lambda v: f"{v.vested_four_years:,}" if v.offer.equity else "-"),
        row("Exercise window", lambda v: v.offer.equity.exercise_window or "-" if v.offer.equity else "-"),
    ]
    for scenario in scenario_rows(values):
        rows.append(row(f"Year 1, {_short(scenario)}", lambda v, s=scenario: _scenario(v, s.key, True)))
    for scenario in scenario_rows(values):
        rows.append(row(f"4 years, {_short(scenario)}", lambda v, s=scenario: _scenario(v, s.key, False)))
    rows += [
        row("Leave days", lambda v: str(v.offer.leave_days) if v.offer.leave_days is not None else "-"),
        row("Benefits", lambda v: v.offer.benefits or "-"),
        row("Expires", lambda v: v.offer.expires.isoformat() if v.offer.expires else "-"),
    ]
    rows.append(["From", *sources])
    return rows


def _short(scenario: Scenario) -> str:
    return {"zero": "shares at 0", "price": "your price"}.get(scenario.key, f"{scenario.key} your price")


def _scenario(value: OfferValue, key: str, first_year: bool) -> str:
    for valued in value.valued:
        if valued.scenario.key == key:
            return _amount(value, valued.first_year if first_year else valued.four_years)
    return "no price given"


def side_by_side(
    names: Sequence[str], values: Sequence[OfferValue], sources: Sequence[str], width: int
) -> str:
    """The offers as columns, as many to a table as fit the width; then each one's assumptions."""
    if not values:
        return "No offers yet. Record one with: prep offer acme --base 85000 --currency EUR"
    per_table = max(1, (width - LABEL_WIDTH) // COLUMN_WIDTH)
    parts = []
    for start in range(0, len(values), per_table):
        chunk = slice(start, start + per_table)
        rows = _rows(values[chunk], sources[chunk])
        parts.append(output.table(["", *names[chunk]], rows, width))
    parts.append("Assumptions:")
    for name, value in zip(names, values, strict=True):
        said = f"{name}: " + ("; ".join(value.assumptions) or "cash only, as offered")
        parts += _wrapped(said, width, "  ", "    ")
    parts += _wrapped(
        "Shares are valued only at prices you give: --share-price on prep offer, --multiple here.", width
    )
    return "\n".join(parts)


def _wrapped(text: str, width: int, first: str = "", rest: str = "  ") -> list[str]:
    """Lines shorter than `width` columns (a full line makes some terminals wrap early), broken
    between words only."""
    import textwrap

    return textwrap.wrap(
        text,
        width=max(width - 1, 20),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def offers_json(
    rows: Sequence[tuple[str, str, OfferValue, str]], own_currency: str, problems: Sequence[str]
) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "currency": own_currency,
        "errors": list(problems),
        "offers": [_offer_json(name, slug, value, source) for name, slug, value, source in rows],
    }


def _offer_json(name: str, slug: str, value: OfferValue, source: str) -> dict[str, Any]:
    return {
        "company": name,
        "slug": slug,
        "source": source,
        "terms": offer_fields(value.offer),
        "currency": value.currency,
        "rate": value.rate,
        "cash_per_year": value.cash_per_year,
        "pension_per_year": value.pension_per_year,
        "vested_first_year": value.vested_first_year,
        "vested_four_years": value.vested_four_years,
        "values": [
            {
                "scenario": valued.scenario.key,
                "label": valued.scenario.label,
                "share_price": valued.scenario.price,
                "first_year": valued.first_year,
                "four_years": valued.four_years,
                "equity_first_year": valued.equity_first_year,
                "equity_four_years": valued.equity_four_years,
            }
            for valued in value.valued
        ],
        "assumptions": list(value.assumptions),
    }
