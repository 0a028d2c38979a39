"""The sheet as one self-contained printable HTML page: for rooms where you cannot type.

No scripts and nothing fetched from anywhere (no fonts, images, links or
styles from outside the page), print CSS sized so that a panel of three
fits one A4 or Letter page. Every string from a person or a bank is
HTML-escaped.
"""

from __future__ import annotations

import html
import math

from interview_prep.core.sheet import Sheet, SheetPerson, few_words
from interview_prep.output import inert

BASE_POINTS = 9.0
MIN_POINTS = 6.0
MAX_COLUMNS = 3
PAGE_MM = 255.0  # Letter's 279 mm high, less two 10 mm margins and a little to spare
# The estimate below against Chromium's real heights: it came out 14-16% short, so it is scaled up.
ESTIMATE_SCALE = 1.2

# The printable area both A4 (210 x 297 mm) and Letter (216 x 279 mm) share, less the margins.
STYLE = """
@page { margin: 10mm; }
* { box-sizing: border-box; }
body { font: var(--size)/1.3 system-ui, "Segoe UI", Helvetica, Arial, sans-serif; color: #111;
       max-width: 190mm; margin: 0 auto; padding: 4mm 0; }
h1 { font-size: 1.45em; margin: 0 0 1mm; }
h2 { font-size: 1.1em; margin: 0 0 1.5mm; border-bottom: 0.3mm solid #999; padding-bottom: 0.5mm; }
p.costing { margin: 0 0 2.5mm; color: #444; font-style: italic; }
section { margin: 0 0 3mm; break-inside: avoid; }
.panel { display: grid; grid-template-columns: repeat(var(--columns), 1fr); gap: 4mm; }
ul { margin: 0; padding: 0 0 0 4mm; }
ul.questions { list-style: none; padding: 0; }
ul.questions > li { margin: 0 0 1.8mm; padding-left: 4.5mm; text-indent: -4.5mm; break-inside: avoid; }
.box { display: inline-block; width: 0.95em; height: 0.95em; border: 0.3mm solid #111;
       margin-right: 1.5mm; vertical-align: -0.1em; }
.must { font-weight: 600; }
.why, .careful { display: block; text-indent: 0; color: #444; font-size: 0.89em; }
.careful { color: #7a2e00; }
.id { font-family: ui-monospace, Menlo, Consolas, monospace; color: #666; }
.messages { border: 0.3mm solid #999; padding: 1.5mm 2.5mm; }
.probes ul { columns: 2; column-gap: 6mm; }
.probes li { break-inside: avoid; }
footer { color: #666; font-size: 0.83em; }
@media print { body { padding: 0; max-width: none; } }
"""


def _text(text: str) -> str:
    """One escaped line: control characters shown, whitespace collapsed, markup made text."""
    return html.escape(" ".join(inert(text).split()), quote=True)


def sheet_html(sheet: Sheet) -> str:
    columns = max(1, min(MAX_COLUMNS, len(sheet.people)))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Interview sheet: {_text(sheet.company)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        f'<body style="--size: {font_points(sheet):.2f}pt">',
        f"<h1>Interview sheet: {_text(sheet.company)}</h1>",
        f'<p class="costing">{_text(sheet.costing)}</p>',
    ]
    if sheet.key_messages:
        items = "".join(f"<li>{_text(message)}</li>" for message in sheet.key_messages)
        parts.append(f'<section class="messages"><h2>Your key messages</h2><ul>{items}</ul></section>')
    parts.append(f'<div class="panel" style="--columns: {columns}">')
    parts += [_person(person) for person in sheet.people]
    parts.append("</div>")
    if sheet.probes:
        items = "".join(
            f'<li>{_text(probe.text)} <span class="why">{_text(probe.source)}</span></li>'
            for probe in sheet.probes
        )
        parts.append(
            f'<section class="probes"><h2>Probe (from earlier rounds)</h2><ul>{items}</ul></section>'
        )
    parts += [
        f"<footer>Afterwards, type the answers in: prep ask {_text(sheet.slug)} --resume, or "
        f"prep answer {_text(sheet.slug)} ID &quot;what they said&quot; --who NAME "
        "(the ID is after each question&#39;s why).</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _person(person: SheetPerson) -> str:
    count = len(person.steps)
    items = []
    for step in person.steps:
        must = ' class="must"' if step.priority == "must" else ""
        why = f"why: {_text(few_words(step.why))} " if step.why.strip() else ""
        extra = f'<span class="why">{why}<span class="id">{_text(step.question_id)}</span></span>'
        if step.caution:
            extra += f'<span class="careful">{_text(step.caution)}</span>'
        items.append(f'<li><span class="box"></span><span{must}>{_text(step.text)}</span>{extra}</li>')
    heading = f"{_text(person.label)}: {count} question{'s' if count != 1 else ''}"
    return f'<section><h2>{heading}</h2><ul class="questions">{"".join(items)}</ul></section>'


def font_points(sheet: Sheet) -> float:
    """The font size that fits the sheet on one page: the page's height over an estimate of the
    sheet's at 9 pt. Height grows with the square of the font size (taller lines, fewer words per
    line), hence the square root. Never below MIN_POINTS: past that, a second page beats squinting."""
    needed = _height_at_base(sheet) * ESTIMATE_SCALE
    return max(MIN_POINTS, min(BASE_POINTS, BASE_POINTS * math.sqrt(PAGE_MM / needed)))


def _lines(text: str, per_line: int) -> int:
    return max(1, math.ceil(len(text) / per_line))


def _height_at_base(sheet: Sheet) -> float:
    """Millimetres the sheet takes at BASE_POINTS on the shared printable area (measured figures:
    a 9 pt line is 4.1 mm, a small one 3.7 mm; a third of the width holds ~36 characters)."""
    columns = max(1, min(MAX_COLUMNS, len(sheet.people)))
    text_width, small_width = 110 // columns, 125 // columns
    tallest = 0.0
    for person in sheet.people:
        height = _lines(person.label, text_width - 4) * 4.6 + 2.5
        for step in person.steps:
            height += _lines(step.text, text_width) * 4.1 + 1.8
            height += _lines(few_words(step.why) + step.question_id, small_width) * 3.7
            height += _lines(step.caution, small_width) * 3.7 if step.caution else 0
        tallest = max(tallest, height)
    rows = math.ceil(len(sheet.people) / columns)
    height = 15.0 + tallest * rows + 3 + 5  # title and costing, the panel, the footer
    if sheet.key_messages:
        height += 10 + sum(_lines(message, 110) * 4.1 for message in sheet.key_messages)
    if sheet.probes:
        height += 9 + sum(_lines(p.text, 52) * 4.1 + 3.7 for p in sheet.probes) / 2
    return height
