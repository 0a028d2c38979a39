"""Views of `prep compare`: the table, `--explain`, the JSON, and the rows `prep export` writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from interview_prep import output
from interview_prep.core.decide import FIXED_TITLES, Cell, Column, CompanyLine, Comparison

JSON_FORMAT = 1
LEGEND = (
    "+ answers you marked reassuring (/+ in prep ask) · - worrying (/-) · "
    "! findings in those answers (a number past a limit, a signal, a dealbreaker) · # numbers read"
)


def headers(comparison: Comparison, short: bool = False) -> list[str]:
    """Column names: category titles, or with `short` their ids (the table in a terminal)."""
    names = [column.key if short else column.title for column in comparison.columns]
    names += [FIXED_TITLES[key] for key in FIXED_TITLES]
    return ["Company", *names] + (["Total"] if comparison.weighted else [])


def row(comparison: Comparison, line: CompanyLine) -> list[str]:
    cells = [cell.text for cell in line.cells]
    total = [f"{line.total:g}"] if comparison.weighted and line.total is not None else []
    return [line.company.name, *cells, *total]


def table(comparison: Comparison, width: int) -> str:
    if not comparison.lines:
        return 'No companies yet. Start with: prep new acme --role "Staff Engineer"'
    rows = [row(comparison, line) for line in comparison.lines]
    parts = [output.table(headers(comparison, short=True), rows, width), LEGEND]
    parts += _columns_said(comparison.columns)
    if comparison.weighted:
        parts.append(
            "Total = the sum over your categories of weight x (reassuring - worrying): your marks only."
        )
        parts += [f"  {line.company.name}: {line.total_sum}" for line in comparison.lines]
    parts += comparison.notes
    parts.append("Where each number comes from: prep compare --explain CATEGORY")
    return "\n".join(_wrapped(part, width) for part in parts)


def _wrapped(text: str, width: int) -> str:
    if "\n" in text or output.width(text) <= width:  # the table is laid out already
        return text
    import textwrap

    indent = " " * (len(text) - len(text.lstrip(" ")) + 2)
    return textwrap.fill(text, width, subsequent_indent=indent, break_on_hyphens=False)


def _columns_said(columns: Sequence[Column]) -> list[str]:
    said = []
    for column in columns:
        weight = f", weight {column.weight:g}" if column.weight is not None else ""
        said.append(f"{column.title} ({column.key}): {column.why}{weight}")
    return (
        ["Columns: " + "; ".join(said)]
        if said
        else ["No category to compare yet: answers appear after prep ask."]
    )


def explain(comparison: Comparison, key: str) -> str:
    """Every cell of one column, and the evidence behind it: file and entry."""
    title = next((c.title for c in comparison.columns if c.key == key), FIXED_TITLES.get(key, key))
    parts = [f"{title}: where each cell comes from"]
    for line in comparison.lines:
        cell = line.cell(key)
        parts.append(f"\n{line.company.name}: {cell.text}")
        if not cell.evidence:
            parts.append("  nothing recorded")
        parts += [f"  {item.role}: {item.what} [{item.source}]" for item in cell.evidence]
        if comparison.weighted and key in {c.key for c in comparison.columns}:
            weight = next(c.weight for c in comparison.columns if c.key == key) or 0
            parts.append(
                f"  in the total: {weight:g} x ({cell.count('reassuring')} - {cell.count('worrying')})"
            )
    return "\n".join(parts)


def _cell_json(cell: Cell) -> dict[str, Any]:
    return {
        "key": cell.key,
        "text": cell.text,
        "reassuring": cell.count("reassuring"),
        "worrying": cell.count("worrying"),
        "findings": cell.count("finding"),
        "numbers": cell.count("number"),
        "evidence": [{"role": e.role, "source": e.source, "what": e.what} for e in cell.evidence],
    }


def comparison_json(comparison: Comparison, problems: Sequence[str]) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "errors": list(problems),
        "columns": [
            {"key": c.key, "title": c.title, "weight": c.weight, "why": c.why} for c in comparison.columns
        ],
        "notes": list(comparison.notes),
        "companies": [
            {
                "name": line.company.name,
                "slug": line.company.slug,
                "status": line.company.status,
                "cells": [_cell_json(cell) for cell in line.cells],
                "total": line.total,
                "total_sum": line.total_sum,
            }
            for line in comparison.lines
        ],
    }
