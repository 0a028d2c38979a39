"""The benchmark must keep working: `bench/run.py --quick` end to end, in well under a minute."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIME = r"(\d+ ms|\d+\.\d\d s)"  # bench/run.py's fmt_time: a loaded machine may take over a second
# The table's shape is what is tested here, not the figures: one run of each, no warm-up.
ONE_RUN_EACH = ["--runs", "1", "--warmup", "0", "--scale-runs", "1"]


@pytest.mark.slow
@pytest.mark.skipif(
    not (Path(sys.executable).parent / "prep").is_file(), reason="needs the venv's `prep` console script"
)
def test_quick_bench_prints_a_table_with_ratios(tmp_path: Path) -> None:
    output = tmp_path / "performance.md"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", *ONE_RUN_EACH, "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=600,  # a guard against a hang; a loaded machine takes minutes
        cwd=tmp_path,  # nothing may depend on the current folder
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "| Measure | Median | CPU | vs hello | Target | Met |" in out
    for label in ("`prep --version`", "`prep where`", "`prep list`", "`prep --help`", "`prep answer`"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {label}"))
        assert re.search(rf"\| {TIME} \| {TIME} \| \d+\.\d\dx \|", row), row
    assert re.search(rf"`prep ask`: first question on screen \(pty\) \| {TIME}", out)
    assert "`prep review` (all 20 companies)" in out
    assert "`prep review` (all 20, nothing cached)" in out
    for kind in ("rows cached", "nothing cached"):
        assert re.search(rf"growth of `prep review`, 10 → 20 companies \({kind}\) \| \d+\.\d\dx", out)
    assert re.search(r"Targets met: \d+/\d+", out)

    written = output.read_text(encoding="utf-8")
    assert "<!-- bench:begin -->" in written and "<!-- bench:end -->" in written
    assert "bench/run.py --quick" in written
    assert "Python 3." in written and "Typer " in written and "cores" in written
    # The synthetic data lived in a temp folder that is gone afterwards.
    assert list(scratch.iterdir()) == []
