"""Rows computed by forked workers are the rows one process computes: same table, same JSON, same errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.commands import review_pool
from interview_prep.core.compare import CompanyRow
from interview_prep.errors import PrepError

# The benchmark's realistic companies: phrases, numbers, flags, open rounds.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import synth

pytestmark = pytest.mark.skipif(not review_pool._can_fork(), reason="workers are forked on POSIX only")


def review_outputs(monkeypatch: pytest.MonkeyPatch, home: Path, pool_from: int) -> list[tuple[int, str, str]]:
    monkeypatch.setattr(review_pool, "POOL_FROM", pool_from)
    monkeypatch.setattr(review_pool, "usable_cores", lambda: 2)
    found = []
    for args in (["review", "--json"], ["review", "--sort", "flags"]):
        (home / ".cache" / "review-rows.json").unlink(missing_ok=True)  # every row computed
        found.append(prep(*args))
    return found


@pytest.fixture
def varied_home(prep_home: Path) -> Path:
    synth.generate(prep_home, 12, seed=7)
    broken = prep_home / synth.slugify("Globex Inc. 2") / "interviews"
    victim = sorted(broken.glob("*.md"))[0]
    victim.write_text(victim.read_text().replace("<!-- prep:end 3 -->", "", 1))  # entry 3 never closed
    return prep_home


@pytest.mark.slow
def test_workers_give_the_same_table_json_and_errors(
    varied_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_process = review_outputs(monkeypatch, varied_home, pool_from=10**9)
    workers = review_outputs(monkeypatch, varied_home, pool_from=1)
    assert workers == one_process
    code, out, err = one_process[0]
    assert code == 2 and err.count("\n") == 1 and "entry 3" in err, "the broken company is one line"
    assert '"companies": [' in out and "entry 3" in out, "and the others are still reviewed"


@pytest.mark.slow  # each company loads the broken bank again: ~15 s on a busy machine
def test_a_broken_bank_is_reported_the_same_way(varied_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    banks = varied_home / "banks"
    banks.mkdir(exist_ok=True)
    (banks / "mine.yaml").write_text("questions: [\n")
    assert review_outputs(monkeypatch, varied_home, pool_from=1) == review_outputs(
        monkeypatch, varied_home, pool_from=10**9
    )


def row(name: str) -> CompanyRow:
    return CompanyRow(name, name, "applied", 0, 0, 0, 0, None, False, None, False, None, 0, 0)


def test_rows_come_back_in_order_from_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_pool, "usable_cores", lambda: 2)

    def summarize(slug: str) -> CompanyRow:
        if slug.endswith("7"):
            raise PrepError(f"{slug} is broken", 3)
        return row(f"{slug}@{os.getpid()}")

    slugs = [f"c{i}" for i in range(200)]
    outcomes = list(review_pool.summarize_each(summarize, slugs))
    assert len(outcomes) == len(slugs)
    pids = set()
    for slug, (found, error) in zip(slugs, outcomes, strict=True):
        if slug.endswith("7"):
            assert found is None and error is not None
            assert (error.message, error.exit_code) == (f"{slug} is broken", 3)
        else:
            assert error is None and found is not None and found.name.startswith(f"{slug}@")
            pids.add(found.name.split("@")[1])
    # Which worker takes which chunk is up to the machine's load: only "not here" is certain.
    assert pids and str(os.getpid()) not in pids, "computed by the workers, not here"


def test_few_stale_rows_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_pool, "usable_cores", lambda: 2)
    slugs = [f"c{i}" for i in range(review_pool.POOL_FROM - 1)]
    outcomes = review_pool.summarize_each(lambda slug: row(f"{slug}@{os.getpid()}"), slugs)
    assert {found.name.split("@")[1] for found, _ in outcomes if found} == {str(os.getpid())}


def test_ctrl_c_is_left_to_the_main_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers ignore SIGINT: the main process stops with its one line and the pool stops them,
    so a Ctrl-C during a long review prints no worker tracebacks."""
    import signal

    monkeypatch.setattr(review_pool, "usable_cores", lambda: 2)
    slugs = [f"c{i}" for i in range(review_pool.POOL_FROM)]
    found = review_pool.summarize_each(lambda slug: row(str(signal.getsignal(signal.SIGINT))), slugs)
    assert {outcome.name for outcome, _ in found if outcome} == {str(signal.SIG_IGN)}
