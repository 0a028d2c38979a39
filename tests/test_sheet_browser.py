"""The printable sheet in a real browser: headless Chromium (Debian's package) draws it and prints it.

.ci/run installs Chromium first, so this runs in CI; it is skipped only where
no `chromium` is on PATH. A three-person panel must print on exactly one page,
on Letter (Chromium's default paper) and on A4.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import prep
from png_pixels import colours, read_rows
from test_sheet import MESSAGES, PANEL3, add_key_messages, with_args

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH"),
]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
# A page object, not the /Pages tree that holds them.
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def chromium(tmp_path: Path, *args: str) -> None:
    profile = tmp_path / "chromium-profile"
    command = ["chromium", *FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def sheet_page(home: Path, minutes: float | None) -> Path:
    page = home.parent / f"sheet-{minutes}.html"
    code, _, err = prep("sheet", "acme", *with_args(PANEL3, minutes), "--html", str(page))
    assert code == 0, err
    return page


def pages_printed(tmp_path: Path, page: Path) -> int:
    pdf = page.with_suffix(".pdf")
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    return len(PAGE_OBJECT.findall(pdf.read_bytes()))


@pytest.fixture
def panel_company(prep_home: Path) -> Path:
    assert prep("new", "acme", "--stage", "startup", "--role", "Staff Engineer", "--no-input")[0] == 0
    add_key_messages(prep_home, MESSAGES)
    assert (
        prep("answer", "acme", "hate", "Releases slip every quarter", "--who", "Kim", "--round", "screen")[0]
        == 0
    )
    assert prep("flag", "acme", "Dodged the on-call question", "--who", "Kim")[0] == 0
    return prep_home


def test_the_sheet_draws_something(panel_company: Path, tmp_path: Path) -> None:
    page = sheet_page(panel_company, None)
    shot = tmp_path / "sheet.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=800,600", page.as_uri())
    rows = read_rows(shot)
    channels = len(rows[0]) // 800
    assert len(colours(rows, channels)) > 2, "the screenshot is blank"
    ink = sum(1 for row in rows if len(set(row)) > 1)
    assert ink > 100, f"only {ink} rows of 600 hold anything"


@pytest.mark.parametrize("minutes", [None, 30, 45])
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_a_three_person_panel_prints_on_one_page(
    panel_company: Path, tmp_path: Path, minutes: float | None, paper: str
) -> None:
    page = sheet_page(panel_company, minutes)
    if paper == "A4":  # the same page, with the printer's paper named
        page.write_text(page.read_text().replace("@page {", "@page { size: A4;", 1))
    assert pages_printed(tmp_path, page) == 1


def test_a_long_plan_really_is_longer_than_a_page(panel_company: Path, tmp_path: Path) -> None:
    """The page count is real: a plan far past one page prints on more than one."""
    page = sheet_page(panel_company, 600)
    assert pages_printed(tmp_path, page) > 1
