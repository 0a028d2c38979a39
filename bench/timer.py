"""A small process timer: wall clock, CPU time and peak memory of one child, run after run.

Each run is `subprocess.Popen` + `os.wait4`, so the rusage (CPU seconds, max
RSS) is that child's own, not a running total over every child. Commands in
a group are run interleaved (A B C, A B C, ...) with the order rotated each
round, so a burst of load on the machine hits every command alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    max_rss_kib: int
    returncode: int


@dataclass
class Command:
    key: str
    label: str
    argv: Sequence[str]
    env: Mapping[str, str]
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    def ratio_to(self, yardstick: Command) -> float:
        """Median of this command's time over the yardstick's, round by round.

        Runs of one round are adjacent in time, so pairing them cancels the slow
        drifts of a shared machine that a ratio of two medians would keep.
        """
        pairs = zip(self.runs, yardstick.runs, strict=True)
        return statistics.median(mine.wall / theirs.wall for mine, theirs in pairs)

    @property
    def peak_rss_mib(self) -> float:
        return max(run.max_rss_kib for run in self.runs) / 1024


class CommandFailed(RuntimeError):
    pass


def run_once(argv: Sequence[str], env: Mapping[str, str], capture: bool = False) -> tuple[Run, str]:
    """Run `argv` once; with `capture`, also return its stdout + stderr (for checking)."""
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), env=dict(env), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
    )
    text = ""
    if capture:
        assert proc.stdout is not None
        text = proc.stdout.read().decode("utf-8", "replace")
        proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss, proc.returncode), text


def check(command: Command) -> str:
    """One captured run that must succeed; returns its output."""
    result, text = run_once(command.argv, command.env, capture=True)
    if result.returncode != 0:
        raise CommandFailed(
            f"{command.label} exited {result.returncode}:\n  {' '.join(command.argv)}\n{text[-2000:]}"
        )
    return text


def interleave(commands: Sequence[Command], runs: int, warmup: int, progress: bool = False) -> None:
    """`warmup` unrecorded rounds, then `runs` recorded rounds, every command once per round."""
    for command in commands:
        check(command)
    total = warmup + runs
    for round_number in range(total):
        shift = round_number % len(commands)
        for command in list(commands[shift:]) + list(commands[:shift]):
            result, _ = run_once(command.argv, command.env)
            if result.returncode != 0:
                raise CommandFailed(f"{command.label} exited {result.returncode} during the timed runs")
            if round_number >= warmup:
                command.runs.append(result)
        if progress:
            print(f"\r  round {round_number + 1}/{total}", end="", flush=True)
    if progress:
        print("\r" + " " * 30 + "\r", end="", flush=True)


def time_to_text(
    argv: Sequence[str], env: Mapping[str, str], expected: str, runs: int, warmup: int, timeout: float = 30
) -> list[float]:
    """Seconds from spawning `argv` under a pseudo-terminal until `expected` appears on it."""
    import pexpect

    times: list[float] = []
    for round_number in range(warmup + runs):
        start = time.perf_counter()
        child = pexpect.spawn(
            argv[0], list(argv[1:]), env=dict(env), dimensions=(40, 120), encoding="utf-8", timeout=timeout
        )
        try:
            child.expect_exact(expected)
            elapsed = time.perf_counter() - start
        except (pexpect.EOF, pexpect.TIMEOUT) as error:
            raise CommandFailed(
                f"{' '.join(argv)} never showed {expected!r} ({type(error).__name__}):\n{child.before}"
            ) from None
        finally:
            child.sendintr()  # Ctrl-C: prep saves and exits 130
            try:
                child.expect(pexpect.EOF, timeout=10)
            except pexpect.TIMEOUT:
                child.terminate(force=True)
            child.close()
        if round_number >= warmup:
            times.append(elapsed)
    return times
