"""`prep export`: the compare table as CSV (one row per company) and as a self-contained HTML report.

CSV: a cell that a spreadsheet would read as a formula (starting with =, +,
-, @, a tab or a carriage return) is written with a leading apostrophe, so a
company name or an answer can never run in the user's spreadsheet. Plain
numbers prep worked out (a negative total) are left as numbers.

HTML: one file, nothing fetched, nothing run: inline style only, no script,
every piece of user text escaped, and a Content-Security-Policy that forbids
any request even if a browser were asked to make one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interview_prep import output
from interview_prep.core.decide import FIXED_TITLES, Cell, CompanyLine, Comparison
from interview_prep.core.offers import OfferValue, money
from interview_prep.render.compare_view import LEGEND

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
COUNTS = ("reassuring", "worrying", "findings", "numbers")


def neutral(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _number(amount: float | None) -> str:
    return "" if amount is None else f"{amount:g}" if amount != int(amount) else str(int(amount))


def csv_rows(comparison: Comparison) -> list[list[str]]:
    header = ["company", "slug", "status"]
    for column in comparison.columns:
        header += [f"{column.key} {count}" for count in COUNTS]
    header += ["your flags", "gut", "would accept", "offer currency", "offer first year", "total"]
    rows = [header]
    for line in comparison.lines:
        row = [line.company.name, line.company.slug, line.company.status]
        for cell in line.cells[: len(comparison.columns)]:
            row += [str(cell.count(role)) for role in ("reassuring", "worrying", "finding", "number")]
        flags, gut, accept, offer = (line.cell(key) for key in FIXED_TITLES)
        row += [_number(flags.amount or 0), _number(gut.amount), "" if accept.text == "-" else accept.text]
        row += [offer.unit, _number(offer.amount), _number(line.total)]
        rows.append(row)
    return [[neutral(cell) for cell in row] for row in rows]


def csv_text(comparison: Comparison) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(comparison))
    return buffer.getvalue()


# HTML ------------------------------------------------------------------------------------------

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.src { color: #555; font-family: ui-monospace, monospace; font-size: 12px; }
h2 { margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: 1rem; }
"""


def _e(text: object) -> str:
    """User text as HTML text: escaped, its control characters shown, never passed on."""
    import html

    return html.escape(output.inert(str(text)), quote=True)


def html_page(
    comparison: Comparison, offers: Sequence[tuple[str, OfferValue, str]], title: str, made: str
) -> str:
    """The whole report: the table, then each company with every cell's evidence and its offer."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">",
        '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>Made by prep on {_e(made)}. Private: it quotes what interviewers said.</p>",
    ]
    body = [_table(comparison), f"<p>{_e(LEGEND)}</p>"]
    by_company = {slug: (value, source) for slug, value, source in offers}
    for line in comparison.lines:
        body += _company(comparison, line, by_company.get(line.company.slug))
    return "\n".join([*head, *body, "</body></html>", ""])


def _table(comparison: Comparison) -> str:
    titles = [column.title for column in comparison.columns] + list(FIXED_TITLES.values())
    if comparison.weighted:
        titles.append("Total")
    rows = ["<table><tr><th>Company</th>" + "".join(f"<th>{_e(t)}</th>" for t in titles) + "</tr>"]
    for line in comparison.lines:
        cells = [cell.text for cell in line.cells]
        if comparison.weighted:
            cells.append(f"{line.total:g}" if line.total is not None else "")
        rows.append(
            f"<tr><th>{_e(line.company.name)}</th>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>"
        )
    return "\n".join([*rows, "</table>"])


def _company(comparison: Comparison, line: CompanyLine, offer: tuple[OfferValue, str] | None) -> list[str]:
    titles = {column.key: column.title for column in comparison.columns} | dict(FIXED_TITLES)
    parts = [f"<h2>{_e(line.company.name)} <small>({_e(line.company.status)})</small></h2>"]
    if comparison.weighted:
        parts.append(f"<p>Total: {_e(line.total_sum)}</p>")
    for cell in line.cells:
        parts += _evidence(titles.get(cell.key, cell.key), cell)
    if offer is not None:
        parts += _offer(*offer)
    return parts


def _evidence(title: str, cell: Cell) -> list[str]:
    if not cell.evidence:
        return []
    items = [
        f'<li>{_e(item.role)}: {_e(item.what)} <span class="src">{_e(item.source)}</span></li>'
        for item in cell.evidence
    ]
    return [f"<h3>{_e(title)}: {_e(cell.text)}</h3>", "<ul>", *items, "</ul>"]


def _offer(value: OfferValue, source: str) -> list[str]:
    rows = [
        ("Cash a year", f"{value.currency} {money(value.cash_per_year)}"),
        *(
            (f"{v.scenario.label}", f"year 1 {money(v.first_year)}; 4 years {money(v.four_years)}")
            for v in value.valued
        ),
    ]
    cells = "".join(f"<tr><th>{_e(a)}</th><td>{_e(b)}</td></tr>" for a, b in rows)
    said = "".join(f"<li>{_e(item)}</li>" for item in value.assumptions)
    return [
        f'<h3>Offer <span class="src">{_e(source)}</span></h3>',
        f"<table>{cells}</table>",
        f"<ul>{said}</ul>" if said else "",
    ]
