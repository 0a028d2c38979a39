"""The HTML export in a real browser: headless Chromium reads it, runs nothing, and prints it.

Skipped only where no `chromium` is on PATH (CI installs it, like the sheet's browser test).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import prep
from test_compare import five

__all__ = ["five"]  # the fixture, shared with test_compare

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH"),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    command = ["chromium", *FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_report_reads_as_text_and_prints(five: Path, tmp_path: Path) -> None:
    company = five / "globex" / "company.md"
    hostile = "<script>document.title='ran'</script>Globex"
    company.write_text(company.read_text().replace('name: "globex"', f"name: {json.dumps(hostile)}", 1))
    page = tmp_path / "report.html"
    assert prep("export", "--html", str(page))[0] == 0
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "<title>Every company</title>" in dom  # no script ran to change it
    assert "&lt;script&gt;" in dom and "<script" not in dom
    assert "acme/interviews/" in dom and "EUR 87,400" in dom
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert len(PAGE_OBJECT.findall(pdf.read_bytes())) >= 1
