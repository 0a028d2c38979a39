"""question_banks/ ships in the wheel and is found after `pip install .` and `pip install -e .`."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.name for p in (ROOT / "question_banks").glob("*.yaml"))
PROBE = (
    "from interview_prep.banks.loader import shipped_banks_dir, load_catalog;"
    "print(shipped_banks_dir()); print(len(load_catalog().questions))"
)


def _probe(env_path: str, cwd: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path[:0] = {env_path.split(':')!r}; {PROBE}"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.slow
def test_editable_or_source_install_finds_the_top_level_banks(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    where, count = result.stdout.split()
    assert Path(where) == ROOT / "question_banks"
    assert int(count) >= 150


@pytest.mark.slow
def test_wheel_contains_and_finds_the_banks(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("interview_prep-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert (
        sorted(n.split("/")[-1] for n in names if n.startswith("interview_prep/question_banks/")) == SHIPPED
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    # The installed copy first, then this venv's third-party packages (not the editable source).
    deps = sysconfig.get_paths()["purelib"]
    where, count = _probe(f"{target}:{deps}", tmp_path)
    assert Path(where) == target / "interview_prep" / "question_banks"
    assert int(count) >= 150
