"""Offers, kept in an owned block of `company.md` (see storage/records.py and docs/format.md).

    <!-- prep:begin offers -->
    ## Offers

    - Offer of 2026-12-02: EUR 85,000 base + 5,000 bonus <!-- prep:offer {"id": "...", ...} -->
    <!-- prep:end offers -->

Every offer recorded stays (a revised offer is a new line); the latest is the
one compared. This module knows the lines, not what an offer means: it hands
each line's fields, with its line number, to commands/offers.py, which reads
them with core/offers.py and names the line of any it cannot read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from interview_prep.errors import PrepError
from interview_prep.storage import blocks, records
from interview_prep.storage.atomic import read_text
from interview_prep.storage.companies import company_file, update_company_file

OfferLines = list[tuple[int, dict[str, Any]]]  # (line in company.md, the offer's stored fields)


def add_offer(
    home: Path, slug: str, fields: dict[str, Any], words: str, check: Callable[[OfferLines, Path], None]
) -> None:
    """Record an offer (one recorded again with the same id replaces it), under the company's lock.

    `check` sees the offers already in the file first: a line it cannot read stops the write,
    so a hand-broken offer is reported and stays as it is."""

    def change(text: str, path: Path) -> str:
        check(offer_lines(text, path), path)
        return records.with_record(
            text, path, records.OFFERS, fields, words, lambda old: old.get("id") == fields["id"]
        )

    update_company_file(home, slug, change)


def read_offer_lines(home: Path, slug: str) -> tuple[OfferLines, Path]:
    path = company_file(home, slug)
    return offer_lines(read_text(path), path), path


def offer_lines(text: str, path: Path) -> OfferLines:
    """Every offer line's fields, oldest first; PrepError naming a line whose marker is damaged."""
    span = blocks.find_section(text, records.OFFERS.name, path)
    if span is None:
        return []
    first_line = text.count("\n", 0, span[0]) + 1
    for offset, line in enumerate(text[span[0] : span[1]].split("\n")):
        if "prep:offer" in line and not records.is_record(line, records.OFFERS):
            raise PrepError(
                f"{path}:{first_line + offset}:1: this offer line is damaged: prep cannot find its "
                "'<!-- prep:offer {...} -->' marker at the end. Restore it or delete the line "
                "(see docs/format.md)."
            )
    return records.located_records(text, records.OFFERS, path)
