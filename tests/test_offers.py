"""Offers: the maths against hand-worked examples, the stored block, and the commands around them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import prep
from interview_prep.core import offers
from interview_prep.core.agenda import dated_followups
from interview_prep.core.offers import Equity, Offer

# --- vesting -------------------------------------------------------------------------------

# (grant, years, cliff months, every, months served, vested): each worked by hand.
VESTING = [
    # 4,800 over 48 months = 100 a month. Before a 12-month cliff: nothing.
    (4800, 4, 12, "monthly", 11, 0),
    # At the cliff the 12 months served vest at once: 12 x 100.
    (4800, 4, 12, "monthly", 12, 1200),
    # Monthly after the cliff: one more month, 100 more.
    (4800, 4, 12, "monthly", 13, 1300),
    (4800, 4, 12, "monthly", 30, 3000),
    # All of it at 48 months, and never more after.
    (4800, 4, 12, "monthly", 48, 4800),
    (4800, 4, 12, "monthly", 60, 4800),
    # A 13-month cliff: the first year vests nothing at all.
    (4800, 4, 13, "monthly", 12, 0),
    (4800, 4, 13, "monthly", 13, 1300),
    # Quarterly after a 6-month cliff: 6 months at the cliff (600); at 8 months still 6
    # (the next quarter ends at 9): 600; at 9 months 900.
    (4800, 4, 6, "quarterly", 8, 600),
    (4800, 4, 6, "quarterly", 9, 900),
    # Yearly, no cliff: nothing until the first year ends, then a quarter (1,000 of 4,000).
    (4000, 4, 0, "yearly", 11, 0),
    (4000, 4, 0, "yearly", 12, 1000),
    # Whole shares, rounded down: 1,000 over 36 months at 13 months = 361.1 -> 361.
    (1000, 3, 12, "monthly", 13, 361),
    # A 3-year schedule is complete within four years.
    (1000, 3, 12, "monthly", 48, 1000),
    # A 5-year schedule is not: 48 of 60 months of 6,000 = 4,800.
    (6000, 5, 12, "monthly", 48, 4800),
]


@pytest.mark.parametrize(("grant", "years", "cliff", "every", "months", "expected"), VESTING)
def test_vesting_matches_the_hand_worked_examples(
    grant: int, years: int, cliff: int, every: str, months: int, expected: int
) -> None:
    equity = Equity("options", grant, 1.0, years, cliff, every)
    assert offers.vested(equity, months) == expected


# --- an offer's value ---------------------------------------------------------------------


def options(grant: int, strike: float, cliff: int = 12, every: str = "monthly") -> Equity:
    return Equity("options", grant, strike, 4, cliff, every)


# (offer, multiples, scenario key, first year, four years): each worked by hand.
VALUES: list[tuple[Offer, tuple[float, ...], str, float, float]] = [
    # Cash only: 100,000 + 10,000 bonus + 5% of base (5,000) = 115,000 a year; x4 = 460,000.
    (Offer("a", "", "EUR", 100_000, 10_000, pension_match=5), (), "zero", 115_000, 460_000),
    # Options at a price above the strike: 1,200 vest in year 1 (the cliff), each worth
    # 3 - 1 = 2: 2,400; 4,800 in four years: 9,600. 100,000 + 2,400 / 400,000 + 9,600.
    (Offer("b", "", "EUR", 100_000, equity=options(4800, 1), share_price=3), (), "price", 102_400, 409_600),
    # The same at zero: cash alone.
    (Offer("c", "", "EUR", 100_000, equity=options(4800, 1), share_price=3), (), "zero", 100_000, 400_000),
    # Under water: strike 5 above the price 3, so the options count nothing.
    (Offer("d", "", "EUR", 100_000, equity=options(4800, 5), share_price=3), (), "price", 100_000, 400_000),
    # ...but at 3x the price (9) each is worth 9 - 5 = 4: year 1 1,200 x 4 = 4,800;
    # four years 4,800 x 4 = 19,200.
    (Offer("e", "", "EUR", 100_000, equity=options(4800, 5), share_price=3), (3,), "3x", 104_800, 419_200),
    # A 13-month cliff: nothing vests in year 1, everything by year 4 (4,800 x 2 = 9,600).
    (
        Offer("f", "", "EUR", 100_000, equity=options(4800, 1, cliff=13), share_price=3),
        (),
        "price",
        100_000,
        409_600,
    ),
    # RSUs cost nothing: 1,000 over 4 years, quarterly after a 12-month cliff: 250 in
    # year 1 at 10 = 2,500; 1,000 x 10 = 10,000 in four years.
    (
        Offer("g", "", "USD", 50_000, equity=Equity("rsu", 1000, None, 4, 12, "quarterly"), share_price=10),
        (),
        "price",
        52_500,
        210_000,
    ),
    # Shares bought at 0.50, worth 2.50: 2 each; 250 in year 1 = 500; 1,000 = 2,000.
    (
        Offer("h", "", "GBP", 40_000, equity=Equity("shares", 1000, 0.5, 4, 12, "monthly"), share_price=2.5),
        (),
        "price",
        40_500,
        162_000,
    ),
]


@pytest.mark.parametrize(("offer", "multiples", "key", "first", "four"), VALUES)
def test_offer_value_matches_the_hand_worked_examples(
    offer: Offer, multiples: tuple[float, ...], key: str, first: float, four: float
) -> None:
    found = offers.value(offer, multiples)
    [valued] = [v for v in found.valued if v.scenario.key == key]
    assert (valued.first_year, valued.four_years) == (first, four)


def test_without_a_price_the_equity_is_valued_at_zero_only() -> None:
    found = offers.value(Offer("x", "", "EUR", 90_000, equity=options(4800, 1)), (3, 10))
    assert [v.scenario.key for v in found.valued] == ["zero"]
    assert any("no share price" in said for said in found.assumptions)


# (offer currency, own, rates, shown currency, first year): never a made-up rate.
CURRENCIES = [
    # USD 100,000 for a EUR user with no rate: stays USD 100,000.
    ("USD", "EUR", {}, "USD", 100_000),
    # A rate for another currency does not apply.
    ("USD", "EUR", {"GBP": 1.15}, "USD", 100_000),
    # With the user's rate 1 USD = 0.9 EUR: 90,000 EUR.
    ("USD", "EUR", {"USD": 0.9}, "EUR", 90_000),
    # The user's own currency is never converted.
    ("EUR", "EUR", {"EUR": 2.0}, "EUR", 100_000),
    # No own currency set: as offered.
    ("USD", "", {"USD": 0.9}, "USD", 100_000),
]


@pytest.mark.parametrize(("currency", "own", "rates", "shown", "first"), CURRENCIES)
def test_a_currency_is_converted_only_with_the_users_rate(
    currency: str, own: str, rates: dict[str, float], shown: str, first: float
) -> None:
    found = offers.value(Offer("x", "", currency, 100_000), (), own, rates)
    assert (found.currency, found.valued[0].first_year) == (shown, first)
    said = " ".join(found.assumptions)
    if own and currency != own:
        assert ("not converted" in said) == (shown == currency)


def test_a_converted_offer_converts_its_equity_too() -> None:
    # 1,200 options worth 2 = 2,400 USD in year 1, at 0.5 = 1,200 EUR; cash 100,000 -> 50,000.
    offer = Offer("x", "", "USD", 100_000, equity=options(4800, 1), share_price=3)
    found = offers.value(offer, (), "EUR", {"USD": 0.5})
    [_, at_price] = found.valued
    assert (at_price.equity_first_year, at_price.first_year) == (1_200, 51_200)


# --- reading the stored fields ---------------------------------------------------------------

GOOD = {"id": "2026-12-02-0900", "recorded": "2026-12-02T09:00:00+00:00", "currency": "EUR", "base": 85000}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"base": "lots"}, "base"),
        ({"base": -1}, "base"),
        ({"base": True}, "base"),
        ({"base": None}, "base"),
        ({"currency": "euro"}, "currency"),
        ({"expires": "10/12"}, "expires"),
        ({"expires": "0001-01-01"}, "expires"),
        ({"expires": "9999-12-31"}, "expires"),
        ({"pension_match": 150}, "pension_match"),
        ({"leave_days": 2.5}, "leave_days"),
        ({"equity_type": "tokens", "grant": 10}, "equity_type"),
        ({"grant": 10}, "equity_type"),
        ({"vest_every": "yearly"}, "equity_type"),
        ({"cliff_months": 6}, "equity_type"),
        ({"exercise_window": "90 days"}, "equity_type"),
        ({"equity_type": "options", "strike": 1}, "grant"),
        ({"equity_type": "options", "grant": 10}, "strike"),
        ({"equity_type": "rsu", "grant": 10, "strike": 1}, "strike"),
        ({"equity_type": "rsu", "grant": 10, "vest_every": "weekly"}, "vest_every"),
        ({"equity_type": "rsu", "grant": 10, "cliff_months": 99}, "cliff_months"),
        ({"equity_type": "rsu", "grant": 10, "vest_years": 0}, "vest_years"),
        ({"benefits": ["gym"]}, "benefits"),
        ({"id": ""}, "id"),
    ],
)
def test_each_unreadable_field_is_named(change: dict[str, Any], field: str) -> None:
    with pytest.raises(offers.OfferError) as raised:
        offers.offer_from_fields(GOOD | change)
    assert raised.value.field == field


def test_fields_round_trip() -> None:
    full = GOOD | {
        "bonus": 5000,
        "expires": "2026-12-10",
        "share_price": 2.5,
        "pension_match": 4.5,
        "leave_days": 28,
        "benefits": "gym",
        "equity_type": "options",
        "grant": 4800,
        "strike": 1.25,
        "vest_years": 4,
        "cliff_months": 12,
        "vest_every": "quarterly",
        "exercise_window": "90 days",
    }
    assert offers.offer_fields(offers.offer_from_fields(full)) == full


# --- the commands ----------------------------------------------------------------------------


@pytest.fixture
def acme(prep_home: Path) -> Path:
    assert prep("new", "acme", "--no-input")[0] == 0
    return prep_home / "acme" / "company.md"


def offers_json() -> dict[str, Any]:
    code, out, err = prep("offers", "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_an_offer_is_recorded_and_compared(acme: Path) -> None:
    code, out, err = prep(
        "offer", "acme", "--base", "100000", "--currency", "eur", "--equity-type", "options",
        "--grant", "4800", "--strike", "1", "--share-price", "3",
    )  # fmt: skip
    assert code == 0, err
    assert "102,400" in out  # the worked example above, said back at once
    [found] = offers_json()["offers"]
    assert found["terms"]["currency"] == "EUR"
    assert found["source"].startswith("acme/company.md:")
    line = int(found["source"].rsplit(":", 1)[1])
    assert "prep:offer" in acme.read_text().split("\n")[line - 1]


def test_a_later_offer_is_the_one_compared_and_the_earlier_is_kept(acme: Path) -> None:
    assert prep("offer", "acme", "--base", "80000", "--currency", "EUR")[0] == 0
    text = acme.read_text()
    first_id = re.search(r'"id": "([^"]+)"', text.split("prep:begin offers")[1])
    assert first_id is not None
    # A revision in another minute: the file gains a second line.
    acme.write_text(text.replace(first_id.group(1), "2000-01-01-0000"))
    assert prep("offer", "acme", "--base", "90000", "--currency", "EUR")[0] == 0
    assert acme.read_text().count("prep:offer ") == 2
    assert offers_json()["offers"][0]["terms"]["base"] == 90000


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--base", "-5", "--currency", "EUR"], "--base"),
        (["--base", "nan", "--currency", "EUR"], "--base"),
        (["--base", "1", "--currency", "E1"], "--currency"),
        (["--base", "1"], "--currency"),
        (["--base", "1", "--currency", "EUR", "--expires", "next week"], "--expires"),
        (["--base", "1", "--currency", "EUR", "--expires", "9999-12-31"], "--expires"),
        (["--base", "1", "--currency", "EUR", "--expires", "2126-12-31"], "--expires"),
        (["--base", "1", "--currency", "EUR", "--grant", "5"], "--equity-type"),
        (["--base", "1", "--currency", "EUR", "--equity-type", "options", "--grant", "5"], "--strike"),
        (["--base", "1", "--currency", "EUR", "--share-price", "3"], "--share-price"),
        (["--base", "1", "--currency", "EUR", "--pension-match", "101"], "--pension-match"),
    ],
)
def test_a_bad_flag_is_one_line_naming_it_and_nothing_is_written(
    acme: Path, args: list[str], flag: str
) -> None:
    before = acme.read_bytes()
    code, out, err = prep("offer", "acme", *args)
    assert code == 2
    assert flag in err and len(err.strip().splitlines()) == 1 and "Traceback" not in out + err
    assert acme.read_bytes() == before


def test_the_currency_comes_from_the_config_when_not_given(acme: Path, prep_home: Path) -> None:
    (prep_home / "config.yaml").write_text("currency: gbp\n")
    assert prep("offer", "acme", "--base", "1")[0] == 0
    assert offers_json()["offers"][0]["terms"]["currency"] == "GBP"


def test_a_config_currency_that_is_not_a_code_is_located(acme: Path, prep_home: Path) -> None:
    (prep_home / "config.yaml").write_text("values: [x]\ncurrency: pounds\n")
    code, _, err = prep("offer", "acme", "--base", "1")
    assert code == 2 and "config.yaml:2:" in err


# Hand edits: each way to break a stored offer line, as (old, new) on the file's text.
BREAKS = [
    ('"base": 85000', '"base": "85k"'),  # a field of the wrong type
    ('"base": 85000', '"base": 85000,'),  # JSON broken
    ('"currency": "EUR"', '"currency": "Euro"'),  # a value out of its set
    ("<!-- prep:offer {", "<!-- prep:offer{"),  # the marker itself damaged
    (" -->\n<!-- prep:end offers", "\n<!-- prep:end offers"),  # the marker's end deleted
]


@pytest.mark.slow
@pytest.mark.parametrize(("old", "new"), BREAKS)
def test_a_hand_broken_offer_is_one_located_line_and_never_lost(acme: Path, old: str, new: str) -> None:
    assert prep("offer", "acme", "--base", "85000", "--currency", "EUR")[0] == 0
    text = acme.read_text()
    assert old in text
    broken = text.replace(old, new)
    acme.write_text(broken)
    line = next(n for n, found in enumerate(broken.split("\n"), 1) if "prep:offer" in found)
    for args in (["offers"], ["offer", "acme", "--base", "1", "--currency", "EUR"], ["agenda"]):
        code, out, err = prep(*args)
        assert code == 2, (args, out, err)
        assert f"company.md:{line}:1:" in err and "Traceback" not in out + err
    assert acme.read_text() == broken  # nothing rewritten around the broken line


@pytest.mark.slow
def test_one_company_with_a_broken_offer_does_not_hide_the_others(acme: Path) -> None:
    assert prep("new", "globex", "--no-input")[0] == 0
    for slug in ("acme", "globex"):
        assert prep("offer", slug, "--base", "85000", "--currency", "EUR")[0] == 0
    acme.write_text(acme.read_text().replace('"base": 85000', '"base": "x"'))
    code, out, err = prep("offers")
    assert code == 2 and "globex" in out and "acme/company.md:" in err


@pytest.mark.slow
def test_an_expiring_offer_is_a_dated_follow_up_that_can_be_ticked_off(acme: Path) -> None:
    args = ("offer", "acme", "--base", "1", "--currency", "EUR", "--expires", "2030-01-10")
    assert prep(*args)[0] == 0
    _, out, _ = prep("agenda", "--json", "--days", "3660")
    [item] = [i for i in json.loads(out)["items"] if i["id"].startswith("offer-")]
    assert item["when"] == "2030-01-09" and "expires" in item["source"]
    assert prep("done", "acme", item["id"])[0] == 0
    _, out, _ = prep("agenda", "--json", "--days", "3660")
    assert not [i for i in json.loads(out)["items"] if i["id"].startswith("offer-")]


def test_only_the_latest_offer_brings_a_follow_up() -> None:
    early = Offer("a", "2026-12-01T09:00:00+00:00", "EUR", 1, expires=offers.date(2026, 12, 5))
    later = Offer("b", "2026-12-03T09:00:00+00:00", "EUR", 1)
    assert [f.id for f in dated_followups([], set(), {}, [early])] == ["offer-a"]
    assert dated_followups([], set(), {}, [early, later]) == []
    # Recorded the day it expires: due that day, never before it was recorded.
    same_day = Offer("c", "2026-12-05T09:00:00+00:00", "EUR", 1, expires=offers.date(2026, 12, 5))
    assert [f.due for f in dated_followups([], set(), {}, [same_day])] == [offers.date(2026, 12, 5)]


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_offers_fit_the_terminal_and_break_only_between_words(
    acme: Path, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    recorded = prep(
        "offer", "acme", "--base", "85000", "--bonus", "5000", "--currency", "EUR", "--equity-type",
        "options", "--grant", "4800", "--strike", "1.2", "--share-price", "3",
    )  # fmt: skip
    assert recorded[0] == 0, recorded[2]
    code, out, err = prep("offers", "--multiple", "3")
    assert code == 0, err
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns, out
    said = " ".join(" ".join(lines[lines.index("Assumptions:") :]).split())
    for assumption in offers_json()["offers"][0]["assumptions"]:
        assert assumption in said, (assumption, out)  # every word whole, in order
