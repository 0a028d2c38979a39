"""scripts/screenshots.py still renders the README's pictures from real runs (so it cannot silently rot)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "screenshots.py"
SVG = "{http://www.w3.org/2000/svg}"

EXPECTED = {
    "new.svg": ["Questions for acme", "must", "●", "○", "could"],
    "plan.svg": [
        "Plan for acme",
        "20 minutes shared by the panel",
        "Dana (hiring manager): 4 questions",
        "Lee (engineer): ",
        "What do you absolutely love about acme?",
        "why:",
    ],
    "sheet.svg": [
        "# Interview sheet: acme",
        "## Your key messages",
        "I moved a payments ledger to a new database with no downtime",
        "## Dana (hiring manager): 4 questions",
        "- [ ] ",
        "prep ask acme --resume",
    ],
    "ask.svg": [
        'prep ask acme --with "Dana:hiring-manager" --with "Lee:engineer"',
        "Resume the unfinished interview",
        "Ask Dana:",
        "What do you absolutely love about acme?",
        "Saved answer",
        "33% (hired 12, lost 4",
        "Enter saves",
        "Two years",
    ],
    "review.svg": [
        "Gut score",
        "Your reflection",
        "Gut 4/5",
        "Side by side",
        "Repeated themes",
        "on-call",
        "Red flags",
        "Coverage",
        "Plan for the next round",
        "Follow-ups",
    ],
    "review-all.svg": ["Every company", "acme", "Globex Corp", "Initech", "interviewing", "screening"],
    "offers.svg": [
        "prep offers --multiple 3",
        "Cash a year",
        "EUR 90,000",
        "4 years, your price",
        "Shares are valued only at prices you give",
    ],
    "compare.svg": ["prep compare --weight work-life=3", "Offer, year 1", "Globex Corp", "--explain"],
}


def screen_text(path: Path) -> str:
    """Every <text> of a Rich SVG, in order; Rich writes spaces as no-break spaces."""
    root = ET.parse(path).getroot()  # raises on invalid XML
    assert root.tag == f"{SVG}svg"
    return "".join("".join(node.itertext()) for node in root.iter(f"{SVG}text")).replace("\xa0", " ")


@pytest.mark.slow
def test_screenshots_render_from_real_runs(tmp_path: Path) -> None:
    out = tmp_path / "img"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(EXPECTED)
    today = datetime.now(timezone.utc).date().isoformat()
    for name, wanted in EXPECTED.items():
        text = screen_text(out / name)
        for snippet in wanted:
            assert snippet in text, f"{name} lacks {snippet!r}"
        if today != date(2026, 3, 9).isoformat():
            assert today not in text, f"{name} shows today's date; dates should be the fixed fictional day"
        assert "Traceback" not in text and "Error:" not in text


def test_the_committed_pictures_are_there_and_well_formed() -> None:
    """README.md shows docs/img/*.svg: regenerate them with `.venv/bin/python scripts/screenshots.py`."""
    for name, wanted in EXPECTED.items():
        text = screen_text(ROOT / "docs" / "img" / name)
        assert wanted[0] in text, f"docs/img/{name} lacks {wanted[0]!r}"
