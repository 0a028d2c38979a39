"""The moments a user waits for inside `prep ask`: Enter -> the next question, under a pseudo-terminal.

`typing_latency` opens an interview that already holds `before` entries (notes,
so the checklist still has questions to ask), resumes it with `prep ask` under
pexpect, and times each answer from the Enter key until the next question's
`Answer:` prompt is on the screen. The answer is on disk by then: prep saves
(write, fsync, rename, fsync the folder) before it shows the next question.

The fsync share comes from the same runs: a `sitecustomize` module on the
child's path (bench only, never shipped) wraps `os.fsync` and adds up the
seconds spent in it, written to a file when the child exits.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from interview_prep.core.transcript import Interviewer
from interview_prep.storage import companies, entries, interviews

FSYNC_PROBE = """\
import atexit, os, time
_real, _spent = os.fsync, [0.0, 0]
def _timed(fd):
    start = time.perf_counter()
    try:
        return _real(fd)
    finally:
        _spent[0] += time.perf_counter() - start
        _spent[1] += 1
os.fsync = _timed
def _report():
    with open(os.environ["PREP_BENCH_FSYNC"], "a") as out:
        out.write(f"{_spent[0]} {_spent[1]}\\n")
atexit.register(_report)
"""


@dataclass(frozen=True)
class Typing:
    before: int  # entries in the file before the first timed answer
    times: list[float]  # seconds, Enter -> next `Answer:` prompt (the answer typed before the clock starts)
    fsync_seconds: float  # spent in os.fsync over the whole session
    fsyncs: int
    file_bytes: int

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def fsync_share(self) -> float:
        """fsync's part of the timed answers (the session's fsyncs are the answers' saves)."""
        return self.fsync_seconds / sum(self.times) if self.times else 0.0


def prepared_interview(home: Path, slug: str, before: int) -> Path:
    """An unfinished round with Dana, holding `before` notes of ordinary length."""
    company = companies.read_company(home, slug)
    path = interviews.start_interview(
        home, company, "onsite", [Interviewer("Dana", "hiring-manager")], "2026-12-02T10:00:00+00:00"
    )
    for number in range(before):
        text = f"Note {number}: she said the team ships weekly and reviews every design together."
        entries.add_note(path, f"2026-12-02T10:{number % 60:02d}:00+00:00", text)
    return path


def typing_latency(
    argv: list[str],
    env: Mapping[str, str],
    work: Path,
    path: Path,
    before: int,
    answers: int,
    timeout: float = 60,
) -> Typing:
    """Resume the prepared interview at `path` (`argv`: `prep ask SLUG --resume`); time `answers` answers."""
    import pexpect

    probe = work / "fsync-probe"
    probe.mkdir(exist_ok=True)
    (probe / "sitecustomize.py").write_text(FSYNC_PROBE, encoding="utf-8")
    report = work / f"fsync-{before}.txt"
    report.unlink(missing_ok=True)
    child_env = {
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(probe), env.get("PYTHONPATH", "")])),
        "PREP_BENCH_FSYNC": str(report),
        "TERM": "xterm",
        "NO_COLOR": "1",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    child = pexpect.spawn(
        argv[0], argv[1:], env=child_env, dimensions=(40, 120), encoding="utf-8", timeout=timeout
    )
    # pexpect sleeps 50 ms before every send by default: inside the timed window, that pause
    # was counted as prep's (the first figures of this row were 50 ms too high).
    child.delaybeforesend = None
    times = []
    try:
        child.expect_exact("Answer:")
        for number in range(answers):
            typed = f"About {40 + number} hours, more before launches"
            child.send(typed)
            child.expect_exact(typed)  # on the screen: what is left to time is the Enter key's work
            start = time.perf_counter()
            child.send("\r")
            child.expect_exact("Saved answer")
            child.expect_exact("Answer:")
            times.append(time.perf_counter() - start)
    finally:
        child.sendintr()
        try:
            child.expect(pexpect.EOF, timeout=timeout)
        except pexpect.TIMEOUT:
            child.terminate(force=True)
        child.close()
    seconds, count = 0.0, 0
    if report.exists():
        for line in report.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                spent, calls = line.split()
                seconds, count = seconds + float(spent), count + int(calls)
    return Typing(before, times, seconds, count, path.stat().st_size)
