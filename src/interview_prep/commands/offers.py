"""`prep offer` and `prep offers`: record an offer in company.md; every company's latest, valued."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_prep import dates
from interview_prep.commands.context import Context, today
from interview_prep.core import offers as core
from interview_prep.core.models import Company
from interview_prep.errors import PrepError
from interview_prep.storage import companies as store
from interview_prep.storage import offers as offer_store


@dataclass(frozen=True)
class RecordedOffer:
    company: Company
    value: core.OfferValue
    where: Path  # company.md, relative to the data home


@dataclass(frozen=True)
class CompanyOffer:
    company: Company
    value: core.OfferValue
    source: str  # "acme/company.md:42": the line the offer was read from


@dataclass(frozen=True)
class OffersView:
    offers: tuple[CompanyOffer, ...]
    own_currency: str
    problems: tuple[str, ...] = ()


def flag_name(field: str) -> str:
    return "--" + field.replace("_", "-")


def record(ctx: Context, name: str, given: Mapping[str, Any], recorded: datetime) -> RecordedOffer:
    """Check the terms given (flags, as stored field names) and add the offer to company.md."""
    company = store.resolve_company(ctx.home, name)
    fields = {key: found for key, found in given.items() if found is not None and found != ""}
    if "currency" not in fields:
        own = ctx.settings().currency
        if not own:
            raise PrepError("Give the offer's currency: --currency EUR (or set currency: in config.yaml).")
        fields["currency"] = own
    fields["currency"] = str(fields["currency"]).strip().upper()
    fields["id"] = f"{recorded:%Y-%m-%d-%H%M}"
    fields["recorded"] = recorded.isoformat(timespec="seconds")
    try:
        offer = core.offer_from_fields(fields)
    except core.OfferError as error:
        raise PrepError(f"{flag_name(error.field)} {error.message}.") from None
    if offer.expires is not None and (problem := dates.check_typed(offer.expires, today(), "--expires")):
        raise PrepError(f"{problem}.")
    if offer.share_price is not None and offer.equity is None:
        raise PrepError("--share-price values equity: give --equity-type and --grant too, or leave it out.")
    offer_store.add_offer(
        ctx.home, company.slug, core.offer_fields(offer), core.offer_words(offer), _check_lines
    )
    where = store.company_file(ctx.home, company.slug).relative_to(ctx.home)
    return RecordedOffer(company, core.value(offer), where)


def _check_lines(lines: offer_store.OfferLines, path: Path) -> None:
    read_lines(lines, path)


def read_lines(lines: offer_store.OfferLines, path: Path) -> list[tuple[int, core.Offer]]:
    """The offers of a company file with their lines; PrepError naming a line prep cannot read."""
    found = []
    for line, fields in lines:
        try:
            found.append((line, core.offer_from_fields(fields)))
        except core.OfferError as error:
            raise PrepError(
                f"{path}:{line}:1: this offer's '{error.field}' {error.message}. "
                "Fix its JSON or delete the line in the 'Offers' block (see docs/format.md)."
            ) from None
    return found


def offers_in(text: str, path: Path) -> list[core.Offer]:
    return [offer for _line, offer in read_lines(offer_store.offer_lines(text, path), path)]


def latest_offer(ctx: Context, slug: str) -> tuple[core.Offer, str] | None:
    """A company's latest offer and the 'folder/company.md:line' it was read from, if it has one."""
    lines, path = offer_store.read_offer_lines(ctx.home, slug)
    found = read_lines(lines, path)
    if not found:
        return None
    line, offer = found[-1]
    return offer, f"{path.relative_to(ctx.home)}:{line}"


def parse_rates(given: Sequence[str], own: str) -> dict[str, float]:
    """`--rate USD=0.92`: one USD is 0.92 of your currency."""
    rates: dict[str, float] = {}
    for text in given:
        code, _, number = text.partition("=")
        code = code.strip().upper()
        try:
            rate = float(number)
        except ValueError:
            rate = -1.0
        if len(code) != 3 or not code.isalpha() or not 0 < rate < 1e6:
            raise PrepError(
                f"--rate {text!r} needs CODE=NUMBER: how much of your currency one unit is worth, "
                f"e.g. --rate USD=0.92 (1 USD = 0.92 {own or 'of yours'})."
            )
        rates[code] = rate
    if rates and not own:
        raise PrepError("--rate converts to your currency: give --in EUR (or set currency: in config.yaml).")
    return rates


def every_offer(
    ctx: Context, multiples: Sequence[float], own_currency: str, rates: Sequence[str]
) -> OffersView:
    """Every company's latest offer, valued; a company whose offers cannot be read is one problem line."""
    own = (own_currency or ctx.settings().currency).strip().upper()
    by_code = parse_rates(rates, own)
    for multiple in multiples:
        if not 0 < multiple <= 1000:
            raise PrepError(
                f"--multiple {multiple:g} is out of range; give a multiple of your price, like 3."
            )
    found: list[CompanyOffer] = []
    problems: list[str] = []
    for slug in store.company_slugs(ctx.home):
        try:
            company = store.read_company(ctx.home, slug)
            latest = latest_offer(ctx, slug)
        except PrepError as error:
            problems.append(error.message)
            continue
        if latest is not None:
            offer, source = latest
            found.append(CompanyOffer(company, core.value(offer, multiples, own, by_code), source))
    return OffersView(tuple(found), own, tuple(problems))
