"""An offer's money worked out: first-year and four-year value under stated assumptions. Pure.

The rules, each printed with the figures (see docs/offers.md):

- cash a year is base + bonus (counted in full, as offered) + pension match
  (a percentage of base);
- equity vests over `vest_years`; nothing before the cliff; at the cliff the
  months served so far vest at once; after it, at the end of each period
  (monthly, quarterly, yearly). Whole shares only, rounded down;
- a share is worth what the user says: zero, the price they were told (the
  last round's), or a multiple of it they ask for. prep never guesses one;
- an option is worth the price less its strike, and nothing when under water;
  shares bought at a price likewise; an RSU is worth the price;
- money stays in the offer's currency unless the user gives a rate to
  convert it with.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from interview_prep import dates

EQUITY_TYPES = ("options", "shares", "rsu")
VEST_EVERY = {"monthly": 1, "quarterly": 3, "yearly": 12}
EQUITY_FIELDS = ("grant", "strike", "vest_years", "cliff_months", "vest_every", "exercise_window")
FOUR_YEARS = 48  # months
_CURRENCY = re.compile(r"[A-Z]{3}")
MAX_MONEY = 1e12  # no offer is a trillion: a typo, or a hand edit gone wrong


class OfferError(ValueError):
    """A field that cannot be read: `field` names it, the message says what it must be."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Equity:
    kind: str  # options | shares | rsu
    grant: int  # how many options or shares
    strike: float | None  # options: the exercise price; shares: what you pay for each
    vest_years: int = 4
    cliff_months: int = 12
    vest_every: str = "monthly"
    exercise_window: str = ""  # as told ("90 days after leaving"): shown, not used in the maths


@dataclass(frozen=True)
class Offer:
    id: str
    recorded: str
    currency: str
    base: float
    bonus: float = 0.0
    expires: date | None = None
    equity: Equity | None = None
    share_price: float | None = None  # the price a share was given at (the last round's), if told
    pension_match: float | None = None  # percent of base
    leave_days: int | None = None
    benefits: str = ""


def vested(equity: Equity, months: int) -> int:
    """Whole shares (or options) vested after `months` of service."""
    total = equity.vest_years * 12
    if total <= 0 or months < equity.cliff_months:
        return 0
    period = VEST_EVERY[equity.vest_every]
    served = min(months, total)
    counted = max(min(equity.cliff_months, total), served // period * period)
    return equity.grant * counted // total


def worth_per_share(equity: Equity, price: float) -> float:
    """What one vested share or option is worth at `price`: never less than nothing."""
    if equity.kind == "rsu":
        return price
    return max(0.0, price - (equity.strike or 0.0))


@dataclass(frozen=True)
class Scenario:
    key: str  # "zero", "price", "3x": the same scenario across offers
    label: str
    price: float


def scenarios(offer: Offer, multiples: Sequence[float] = ()) -> list[Scenario]:
    """Zero, then the price the user was told and the multiples of it they asked for."""
    found = [Scenario("zero", "shares worth zero", 0.0)]
    if offer.equity is None or offer.share_price is None:
        return found
    price = offer.share_price
    found.append(Scenario("price", f"at {money(price)} a share (your price)", price))
    for multiple in multiples:
        label = f"at {multiple:g}x your price ({money(price * multiple)})"
        found.append(Scenario(f"{multiple:g}x", label, price * multiple))
    return found


@dataclass(frozen=True)
class Valued:
    scenario: Scenario
    equity_first_year: float
    equity_four_years: float
    first_year: float
    four_years: float


@dataclass(frozen=True)
class OfferValue:
    """An offer's figures in `currency`: the offer's own, or the user's when a rate was given."""

    offer: Offer
    currency: str
    rate: float | None  # offer currency -> `currency`; None when not converted
    cash_per_year: float
    pension_per_year: float
    vested_first_year: int
    vested_four_years: int
    valued: tuple[Valued, ...]
    assumptions: tuple[str, ...]


def value(
    offer: Offer,
    multiples: Sequence[float] = (),
    own_currency: str = "",
    rates: Mapping[str, float] | None = None,
) -> OfferValue:
    """The offer's first-year and four-year value in each scenario.

    Converted to `own_currency` only with a rate the user gave for the offer's
    currency; otherwise the figures stay in the offer's currency, and say so.
    """
    rate = None
    if own_currency and offer.currency != own_currency and rates and offer.currency in rates:
        rate = rates[offer.currency]
    factor = 1.0 if rate is None else rate
    pension = offer.base * (offer.pension_match or 0.0) / 100
    cash = offer.base + offer.bonus + pension
    equity = offer.equity
    first = vested(equity, 12) if equity else 0
    four = vested(equity, FOUR_YEARS) if equity else 0
    valued = []
    for scenario in scenarios(offer, multiples):
        per_share = worth_per_share(equity, scenario.price) if equity else 0.0
        valued.append(
            Valued(
                scenario,
                _cents(first * per_share * factor),
                _cents(four * per_share * factor),
                _cents((cash + first * per_share) * factor),
                _cents((4 * cash + four * per_share) * factor),
            )
        )
    return OfferValue(
        offer,
        own_currency if rate is not None else offer.currency,
        rate,
        _cents(cash * factor),
        _cents(pension * factor),
        first,
        four,
        tuple(valued),
        tuple(assumptions(offer, own_currency, rate)),
    )


def _cents(amount: float) -> float:
    return round(amount + 0.0, 2)


def assumptions(offer: Offer, own_currency: str, rate: float | None) -> list[str]:
    said = ["bonus counted in full every year, as offered (a target is not a promise)"] if offer.bonus else []
    if offer.pension_match:
        said.append(f"pension match {offer.pension_match:g}% of base, every year")
    equity = offer.equity
    if equity is not None:
        cliff = f"a {equity.cliff_months}-month cliff" if equity.cliff_months else "no cliff"
        said.append(
            f"{equity.grant:,} {_equity_word(equity)} vesting over {equity.vest_years} years, {cliff}, "
            f"then {equity.vest_every}; whole shares, rounded down"
        )
        if equity.kind != "rsu" and equity.strike:
            said.append(f"each worth the share price less {money(equity.strike)}, and nothing below it")
        if offer.share_price is None:
            said.append("no share price given, so the equity is valued at zero only (add --share-price)")
    if own_currency and offer.currency != own_currency:
        if rate is None:
            said.append(
                f"in {offer.currency}, not converted: give --rate {offer.currency}={own_currency}-per-unit"
            )
        else:
            said.append(f"converted at 1 {offer.currency} = {rate:g} {own_currency} (your rate)")
    return said


def _equity_word(equity: Equity) -> str:
    return {"options": "options", "shares": "shares", "rsu": "RSUs"}[equity.kind]


def money(amount: float) -> str:
    """12,345 or 12,345.50: whole units unless there are cents."""
    if amount == int(amount):
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


# Reading an offer's fields (from flags or from company.md) ------------------


def offer_from_fields(fields: Mapping[str, Any]) -> Offer:
    """An Offer from its stored fields; OfferError names the first field that cannot be read."""
    currency = fields.get("currency", "")
    if not isinstance(currency, str) or not _CURRENCY.fullmatch(currency):
        raise OfferError("currency", "must be a three-letter currency code, like EUR or USD")
    equity = None
    if fields.get("equity_type") not in (None, ""):
        equity = _equity(fields)
    elif any(fields.get(key) not in (None, "") for key in EQUITY_FIELDS):
        raise OfferError("equity_type", "must be given with equity terms: options, shares or rsu")
    benefits = fields.get("benefits", "")
    return Offer(
        id=_text(fields, "id", required=True),
        recorded=_text(fields, "recorded"),
        currency=currency,
        base=_amount(fields, "base", required=True) or 0.0,
        bonus=_amount(fields, "bonus") or 0.0,
        expires=_date(fields, "expires"),
        equity=equity,
        share_price=_amount(fields, "share_price"),
        pension_match=_percent(fields, "pension_match"),
        leave_days=_whole(fields, "leave_days", 0, 366),
        benefits=benefits if isinstance(benefits, str) else _fail("benefits", "must be text"),
    )


def _equity(fields: Mapping[str, Any]) -> Equity:
    kind = fields.get("equity_type")
    if kind not in EQUITY_TYPES:
        raise OfferError("equity_type", f"must be one of: {', '.join(EQUITY_TYPES)}")
    grant = _whole(fields, "grant", 1, 10**12)
    if grant is None:
        raise OfferError("grant", "is needed with equity: how many options or shares")
    strike = _amount(fields, "strike")
    if kind == "rsu" and strike:
        raise OfferError("strike", "does not apply to RSUs (they cost nothing to receive)")
    if kind == "options" and strike is None:
        raise OfferError("strike", "is needed with options: the price you pay to buy each share")
    every = fields.get("vest_every", "monthly")
    if every not in VEST_EVERY:
        raise OfferError("vest_every", f"must be one of: {', '.join(VEST_EVERY)}")
    window = fields.get("exercise_window", "")
    return Equity(
        kind,
        grant,
        strike,
        _whole(fields, "vest_years", 1, 10, default=4) or 4,
        _whole(fields, "cliff_months", 0, 60, default=12) or 0,
        every,
        window if isinstance(window, str) else _fail("exercise_window", "must be text"),
    )


def _fail(field: str, message: str) -> Any:
    raise OfferError(field, message)


def _text(fields: Mapping[str, Any], key: str, required: bool = False) -> str:
    found = fields.get(key, "")
    if not isinstance(found, str) or (required and not found.strip()):
        raise OfferError(key, "must be text" + (" and not empty" if required else ""))
    return found


def _amount(fields: Mapping[str, Any], key: str, required: bool = False) -> float | None:
    found = fields.get(key)
    if found is None and not required:
        return None
    if isinstance(found, bool) or not isinstance(found, (int, float)):
        raise OfferError(key, "must be a number, like 85000 or 1.25")
    if not math.isfinite(found) or not 0 <= found < MAX_MONEY:
        raise OfferError(key, "must be 0 or more (and under a trillion)")
    return float(found)


def _percent(fields: Mapping[str, Any], key: str) -> float | None:
    found = _amount(fields, key)
    if found is not None and found > 100:
        raise OfferError(key, "is a percentage of base, 0 to 100")
    return found


def _whole(
    fields: Mapping[str, Any], key: str, low: int, high: int, default: int | None = None
) -> int | None:
    found = fields.get(key, default)
    if found is None:
        return None
    if isinstance(found, bool) or not isinstance(found, int) or not low <= found <= high:
        raise OfferError(key, f"must be a whole number from {low:,} to {high:,}")
    return int(found)


def _date(fields: Mapping[str, Any], key: str) -> date | None:
    found = fields.get(key)
    if found in (None, ""):
        return None
    try:
        return dates.day(str(found))
    except ValueError:
        raise OfferError(key, "must be a date written like 2026-12-10") from None


def offer_fields(offer: Offer) -> dict[str, Any]:
    """The fields stored for an offer (those given only), the inverse of offer_from_fields."""
    fields: dict[str, Any] = {
        "id": offer.id,
        "recorded": offer.recorded,
        "currency": offer.currency,
        "base": _plain(offer.base),
    }
    optional: dict[str, Any] = {
        "bonus": _plain(offer.bonus) if offer.bonus else None,
        "expires": offer.expires.isoformat() if offer.expires else None,
        "share_price": _plain(offer.share_price) if offer.share_price is not None else None,
        "pension_match": _plain(offer.pension_match) if offer.pension_match is not None else None,
        "leave_days": offer.leave_days,
        "benefits": offer.benefits or None,
    }
    if offer.equity is not None:
        equity = offer.equity
        optional |= {
            "equity_type": equity.kind,
            "grant": equity.grant,
            "strike": _plain(equity.strike) if equity.strike is not None else None,
            "vest_years": equity.vest_years,
            "cliff_months": equity.cliff_months,
            "vest_every": equity.vest_every,
            "exercise_window": equity.exercise_window or None,
        }
    return fields | {key: found for key, found in optional.items() if found is not None}


def _plain(amount: float) -> float | int:
    """85000 rather than 85000.0 in the file."""
    return int(amount) if amount == int(amount) else amount


def offer_words(offer: Offer) -> str:
    """The readable words before an offer's marker in company.md."""
    words = f"{offer.currency} {money(offer.base)} base"
    if offer.bonus:
        words += f" + {money(offer.bonus)} bonus"
    if offer.equity is not None:
        words += f", {offer.equity.grant:,} {_equity_word(offer.equity)}"
    if offer.expires is not None:
        words += f", expires {offer.expires.isoformat()}"
    return f"Offer of {offer.recorded[:10]}: {words}"
