"""Bad banks and bad config through the command line: `file:line:col` messages, exit 2, fast,
never a traceback."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import relkit

from helpers import RUNAWAY_SECONDS

DATA = Path(__file__).parents[1] / "data"
BAD_BANKS = DATA / "bad_banks"
PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>\S.*)$")


def bad_bank_sets() -> list[list[Path]]:
    """Each malformed bank (a folder of them is one set: they are only wrong together)."""
    sets = []
    for path in sorted(BAD_BANKS.iterdir()):
        sets.append(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return sets


def _id(files: list[Path]) -> str:
    return files[0].parent.name if len(files) > 1 else files[0].name


def _check_problem_lines(stdout: str, files: list[Path]) -> None:
    lines = stdout.splitlines()
    assert lines, "no problem reported"
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match, line
        assert Path(match["path"]) in files, line
        assert "\x1b" not in line


@pytest.mark.parametrize("files", bad_bank_sets(), ids=_id)
def test_banks_check_reports_file_line_col_and_exits_2(files: list[Path]) -> None:
    started = time.process_time()  # CPU: a loaded machine stretches wall time, not CPU
    outcome = relkit.invoke("banks", "check", *map(str, files))
    took = time.process_time() - started
    assert outcome.exception is None, repr(outcome.exception)
    assert outcome.code == 2, outcome.stdout
    assert relkit.TRACEBACK not in outcome.stdout + outcome.stderr
    _check_problem_lines(outcome.stdout, files)
    assert took < RUNAWAY_SECONDS, f"{took:.2f}s"


def _children_cpu() -> float:
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


@pytest.mark.slow
def test_banks_check_as_a_real_process_on_every_bad_bank(prep_home: Path, tmp_path: Path) -> None:
    """The installed command, one process per file (start-up included): none hangs."""
    from test_banks_validate import GENERATED  # the huge and deeply nested ones, made at test time

    generated = [[make(tmp_path / name)] for name, make in GENERATED.items()]
    slowest = 0.0
    for files in bad_bank_sets() + generated:
        started = _children_cpu()
        done = relkit.run_prep(prep_home, "banks", "check", *map(str, files))
        took = _children_cpu() - started  # CPU, not wall time: a loaded machine stretches only the latter
        slowest = max(slowest, took)
        assert done.returncode == 2, (files, done.stdout, done.stderr)
        assert relkit.TRACEBACK not in done.stdout + done.stderr, done.stderr
        _check_problem_lines(done.stdout, files)
        assert took < RUNAWAY_SECONDS, f"{_id(files)}: {took:.2f}s"
    relkit.report(
        "bad_banks_cli", files=len(bad_bank_sets()) + len(generated), slowest_cpu_seconds=round(slowest, 2)
    )


# <home>/config.yaml ------------------------------------------------------------------------------

CONFIGS: dict[str, bytes] = {
    "syntax-error": b"thresholds: [1\n",
    "tabs": b"thresholds:\n\thours_per_week: 4\n",
    "wrong-type-thresholds": b"thresholds: 5\n",
    "wrong-type-dealbreakers": b"dealbreakers: late nights\n",
    "threshold-not-a-number": b"thresholds:\n  hours_per_week: lots\n",
    "threshold-nan": b"thresholds:\n  hours_per_week: .nan\n",
    "negative-threshold": b"thresholds:\n  hours_per_week: -3\n",
    "bad-metric-name": b"thresholds:\n  Hours Per Week: 40\n",
    "unknown-key": b"thresholds: {}\ncolour: red\n",
    "duplicate-key": b"values: [mentoring]\nvalues: [pay]\n",
    "duplicate-metric": b"thresholds: {hours_per_week: 40, hours_per_week: 50}\n",
    "empty-list-item": b"dealbreakers:\n  - unlimited overtime\n  -\n",
    "blank-list-item": b"values:\n  - '   '\n",
    "top-level-list": b"- thresholds\n- values\n",
    "top-level-scalar": b"just some words\n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
    "binary-utf8-nul": b"thresholds:\x00\x01\x02\n",
    "latin1": "values: [caf\u00e9]\n".encode("latin-1"),
    "utf16": "values: [pay]\n".encode("utf-16"),
    "python-tag": b'thresholds: !!python/object/apply:os.system ["touch /tmp/prep-hacked"]\n',
    "aliases": b"a: &a [x, x, x]\nvalues: [*a, *a, *a]\n",
    "two-documents": b"values: [a]\n---\nvalues: [b]\n",
    "huge": b"# " + b"x" * 1_100_000 + b"\n",
}
CONFIGS |= {
    "complex-key": b"? [a, b]\n: 1\n",
    "newline-in-key": b'"a\\nb": 1\n',
}


def _config_cases() -> list[object]:
    return [pytest.param(name, content, id=name) for name, content in CONFIGS.items()]


@pytest.mark.parametrize(("name", "content"), _config_cases())
def test_a_malformed_config_gives_one_located_line_and_exit_2(
    name: str, content: bytes, prep_home: Path
) -> None:
    relkit.new_company("acme")
    config = prep_home / "config.yaml"
    config.write_bytes(content)
    for args in (("config", "show"), ("review", "acme", "--no-input"), ("review", "acme", "--json")):
        outcome = relkit.invoke(*args)
        line = relkit.assert_one_line_error(outcome, 2, f"{config}:")
        assert re.match(rf"^Error: {re.escape(str(config))}:[1-9]\d*:[1-9]\d*: \S", line), line
    assert not Path("/tmp/prep-hacked").exists()
    relkit.report("bad_config", case=name)


def test_at_least_eight_config_cases() -> None:
    assert len(CONFIGS) >= 8


@pytest.mark.parametrize("files", bad_bank_sets(), ids=_id)
def test_a_malformed_user_bank_stops_new_with_one_line(files: list[Path], prep_home: Path) -> None:
    banks = prep_home / "banks"
    banks.mkdir(parents=True)
    for path in files:
        shutil.copy(path, banks / path.name)
    outcome = relkit.invoke("new", "x", "--no-input")
    line = relkit.assert_one_line_error(outcome, 2, str(banks))
    assert re.search(rf"{re.escape(str(banks))}/[^:]+\.yaml:[1-9]\d*:[1-9]\d*: ", line), line
    assert not (prep_home / "x").exists()
