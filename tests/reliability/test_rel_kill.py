"""Kill at any moment: SIGKILL real `prep` processes at random (seeded) moments, then check
that every file parses, every confirmed entry is on disk, and the next normal run works.

The storm runs are slow (marked); the stale-lock proof is fast and runs every time.
"""

from __future__ import annotations

import io
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pexpect
import pytest
import relkit

from interview_prep.storage.atomic import LOCK_TIMEOUT_SECONDS

SEED = 20261122
ONE_SHOT_RUNS = 170
INTERACTIVE_RUNS = 30
KILL_WINDOW = 0.300  # seconds: a one-shot writer is killed 0-300 ms after it starts
SEEDS = {"seed"}
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


@dataclass
class Ledger:
    """What the storm did and what the files must hold."""

    confirmed: dict[int, tuple[str, str]] = field(default_factory=dict)  # n -> (kind, text)
    started: dict[str, str] = field(default_factory=dict)  # text -> kind (every text ever sent)
    runs: int = 0
    killed: int = 0
    finished_before_kill: int = 0
    killed_after_confirmation: int = 0
    written_not_confirmed: int = 0
    temp_files_seen: set[str] = field(default_factory=set)
    checks: int = 0
    errors: list[str] = field(default_factory=list)

    def confirm(self, output: str, kind_text: dict[str, str]) -> int:
        found = 0
        for match in relkit.CONFIRMATION.finditer(ANSI.sub("", output)):
            kind, number = match.group(1), int(match.group(2))
            text = kind_text.get(kind)
            if text is None:
                self.errors.append(f"unexpected confirmation {match.group(0)!r}")
                continue
            if number in self.confirmed and self.confirmed[number] != (kind, text):
                self.errors.append(f"number {number} confirmed twice: {self.confirmed[number]} / {text}")
            self.confirmed[number] = (kind, text)
            found += 1
        return found


def _held_locks(home: Path) -> list[Path]:
    """The `.lock` files someone holds now. (Not a stopwatch: on a loaded machine a free lock
    can still take seconds to reach, and a held one would cost LOCK_TIMEOUT_SECONDS.)"""
    import fcntl

    held = []
    for lock_file in sorted(home.rglob(".lock")):
        fd = os.open(lock_file, os.O_RDONLY)  # read-only: the probe changes nothing about the file
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            held.append(lock_file)
        finally:
            os.close(fd)  # closing releases the probe's own lock
    return held


def _entries_by_number(home: Path) -> dict[int, tuple[str, str]]:
    """(kind, text) of every answer, flag and note on disk; raises if any file is broken."""
    found: dict[int, tuple[str, str]] = {}
    for interview in relkit.all_interviews(home, "acme"):
        for answer in interview.answers:
            found[answer.number] = ("answer", answer.text)
        for flag in interview.flags:
            found[flag.number] = ("red flag", flag.text)
        for note in interview.notes:
            found[note.number] = ("note", note.text)
    return found


def _verify(home: Path, ledger: Ledger) -> dict[int, tuple[str, str]]:
    """Every file parses; every confirmed entry is there, unchanged, under its number."""
    ledger.checks += 1
    on_disk = _entries_by_number(home)  # PrepError here = a file left half-written or broken
    relkit.read_company_ok(home, "acme")
    for number, expected in ledger.confirmed.items():
        assert on_disk.get(number) == expected, f"confirmed entry {number} lost: {expected!r}"
    unknown = [text for _, text in on_disk.values() if text not in ledger.started and text not in SEEDS]
    assert not unknown, f"entries nobody wrote: {unknown[:3]}"
    return on_disk


def _one_shot_command(rng: random.Random, run: int) -> tuple[list[str], str, str]:
    text = f"kill-run-{run:03d}"
    if rng.random() < 0.3:  # some answers carry text that looks like structure
        text += "\n<!-- prep:end 1 -->\n---\n# not a heading"
    roll = rng.random()
    if roll < 0.65:
        return ["answer", "acme", "love", text, "--who", rng.choice(["Dana", "Lee", "Sam"])], "answer", text
    if roll < 0.9:
        return ["flag", "acme", text, "--severity", rng.choice(["low", "medium", "high"])], "red flag", text
    return ["note", "acme", text], "note", text


LONG_NOTE = "\n".join(
    f"line {i} of a long interview, kept to make each write take a while" for i in range(16_000)
)
SEEDS.add(LONG_NOTE)


def _kill_mid_write(
    alive: Callable[[], bool], kill: Callable[[], None], folders: list[Path], rng: random.Random
) -> bool:
    """Wait until the writer has a temp file open (between mkstemp and rename), then kill it.

    False when the writer finished (or 2 s passed) without a temp file being seen; it is killed anyway.
    """
    give_up = time.monotonic() + 2.0
    while alive() and time.monotonic() < give_up:
        for folder in folders:
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            if any(name.endswith(".tmp") for name in names):
                time.sleep(rng.uniform(0, 0.002))
                kill()
                return True
        time.sleep(0.0002)
    if alive():
        kill()
    return False


@pytest.mark.slow
def test_one_shot_writers_killed_at_random_moments_lose_nothing_confirmed(prep_home: Path) -> None:
    relkit.new_company("acme")
    # A ~1 MB interview: each read-modify-write takes tens of ms, a wider target for the kills.
    assert relkit.invoke("note", "acme", LONG_NOTE).code == 0
    (interview,) = relkit.all_interviews(prep_home, "acme")
    file_bytes = (prep_home / "acme" / "interviews" / f"{interview.id}.md").stat().st_size
    watched = [prep_home / "acme", prep_home / "acme" / "interviews"]
    rng = random.Random(SEED)
    ledger = Ledger()
    env = relkit.subprocess_env(prep_home)
    aimed = aimed_hits = 0
    with relkit.stopwatch() as took:
        run = 0
        while run < ONE_SHOT_RUNS:
            # Half the rounds: two writers at once, each killed 0-300 ms after it starts (kills also
            # land while the other waits on the lock). The other half: one writer, killed the
            # moment its temp file appears, i.e. in the middle of a write.
            aim = rng.random() < 0.5
            batch = []
            for _ in range(1 if aim else min(2, ONE_SHOT_RUNS - run)):
                args, kind, text = _one_shot_command(rng, run)
                ledger.started[text] = kind
                proc = subprocess.Popen(
                    [str(relkit.PREP), *args],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                batch.append((proc, time.monotonic() + rng.uniform(0, KILL_WINDOW), kind, text))
                run += 1
            if aim:
                aimed += 1
                writer = batch[0][0]
                aimed_hits += _kill_mid_write(
                    lambda w=writer: w.poll() is None,
                    lambda w=writer: w.send_signal(signal.SIGKILL),
                    watched,
                    rng,
                )
            else:
                for proc, deadline, _kind, _text in sorted(batch, key=lambda item: item[1]):
                    time.sleep(max(0.0, deadline - time.monotonic()))
                    if proc.poll() is None:
                        proc.send_signal(signal.SIGKILL)
            for proc, _deadline, kind, text in batch:
                out, err = proc.communicate(timeout=30)
                ledger.runs += 1
                assert relkit.TRACEBACK not in err, err
                was_killed = proc.returncode == -signal.SIGKILL
                ledger.killed += was_killed
                ledger.finished_before_kill += not was_killed
                if not was_killed:
                    assert proc.returncode == 0, err
                if ledger.confirm(out, {kind: text}) and was_killed:
                    ledger.killed_after_confirmation += 1
            ledger.temp_files_seen.update(p.name for p in relkit.temp_files(prep_home))
            on_disk = _verify(prep_home, ledger)
            confirmed_texts = {t for _, t in ledger.confirmed.values()}
            for _proc, _deadline, kind, text in batch:
                if text not in confirmed_texts and (kind, text) in on_disk.values():
                    ledger.written_not_confirmed += 1
        assert not ledger.errors, ledger.errors

        # The next normal run succeeds at once: no stale .lock or .tmp file blocks it.
        assert _held_locks(prep_home) == []
        started = time.perf_counter()
        after = relkit.run_prep(prep_home, "answer", "acme", "love", "after the storm", "--who", "Dana")
        next_run = time.perf_counter() - started
        assert after.returncode == 0, after.stderr
        ledger.confirm(after.stdout, {"answer": "after the storm"})
        ledger.started["after the storm"] = "answer"
        _verify(prep_home, ledger)
        assert relkit.temp_files(prep_home) == [], "leftover temp files were not cleaned up"
    assert aimed_hits >= aimed // 2, "the aimed kills should mostly land mid-write"
    relkit.report(
        "one_shot_kill_storm",
        runs=ledger.runs,
        killed=ledger.killed,
        finished_before_kill=ledger.finished_before_kill,
        killed_mid_write=aimed_hits,
        killed_after_confirmation=ledger.killed_after_confirmation,
        written_but_not_confirmed=ledger.written_not_confirmed,
        temp_files_left_by_kills=len(ledger.temp_files_seen),
        confirmed_entries=len(ledger.confirmed),
        files_checked=ledger.checks,
        answers_lost=0,
        next_run_seconds=round(next_run, 2),
        interview_file_bytes=file_bytes,
        seconds=took[0],
        seed=SEED,
    )


def _spawn_ask(home: Path, log: io.StringIO) -> pexpect.spawn:
    child = pexpect.spawn(
        str(relkit.PREP),
        ["ask", "acme", "--resume", "--with", "Dana:hiring-manager", "--with", "Lee:engineer"],
        env=relkit.subprocess_env(home),
        dimensions=(40, 200),
        encoding="utf-8",
        codec_errors="replace",
        timeout=15,
    )
    child.logfile_read = log
    return child


PROMPT = r"Answer:|Anything else\?"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_interactive_ask_killed_mid_answer_loses_nothing_confirmed(prep_home: Path) -> None:
    relkit.new_company("acme")
    # A round, so every `prep ask --resume` below resumes this one file and entry numbers stay
    # unique (a note before any round would go to a separate notes file, numbered on its own).
    assert relkit.invoke("note", "acme", "seed", "--round", "onsite").code == 0
    rng = random.Random(SEED + 1)
    ledger = Ledger()
    watched = [prep_home / "acme", prep_home / "acme" / "interviews"]
    typed_answers = 0
    mid_typing = racing_the_write = 0
    with relkit.stopwatch() as took:
        for run in range(INTERACTIVE_RUNS):
            log = io.StringIO()
            child = _spawn_ask(prep_home, log)
            child.expect(PROMPT)
            for step in range(rng.randint(0, 3)):
                text = f"ask-{run:02d}-{step}"
                kind = "answer" if child.after.startswith("Answer") else "note"
                ledger.started[text] = kind
                child.send(text + "\r")
                child.expect(relkit.CONFIRMATION.pattern)
                assert ledger.confirm(ANSI.sub("", child.after), {kind: text}) == 1
                child.expect(PROMPT)
                typed_answers += 1
            last = f"ask-{run:02d}-last"
            kind = "answer" if child.after.startswith("Answer") else "note"
            ledger.started[last] = kind
            before_last = len(log.getvalue())
            if rng.random() < 0.5:
                child.send(last[: rng.randint(1, len(last))])  # killed while typing
                time.sleep(rng.uniform(0, 0.2))
                mid_typing += 1
                child.kill(signal.SIGKILL)
            else:
                child.send(last + "\r")  # killed in the middle of saving it
                racing_the_write += _kill_mid_write(
                    child.isalive,
                    lambda c=child: c.kill(signal.SIGKILL),
                    watched,
                    rng,
                )
            child.expect(pexpect.EOF)
            child.close()
            ledger.runs += 1
            ledger.killed += 1
            output = log.getvalue()
            assert relkit.TRACEBACK not in output
            if ledger.confirm(output[before_last:], {kind: last}):
                ledger.killed_after_confirmation += 1
            assert not ledger.errors, ledger.errors
            ledger.temp_files_seen.update(p.name for p in relkit.temp_files(prep_home))
            on_disk = _verify(prep_home, ledger)
            if (kind, last) in on_disk.values() and last not in {t for _, t in ledger.confirmed.values()}:
                ledger.written_not_confirmed += 1
        # And the next normal run resumes cleanly.
        log = io.StringIO()
        child = _spawn_ask(prep_home, log)
        child.expect(PROMPT)
        child.send("/d\r")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, log.getvalue()[-500:]
        assert "Finished:" in ANSI.sub("", log.getvalue())
        _verify(prep_home, ledger)
    relkit.report(
        "interactive_kill_storm",
        runs=ledger.runs,
        answers_typed_and_confirmed=typed_answers,
        killed_mid_typing=mid_typing,
        killed_mid_write=racing_the_write,
        last_answer_confirmed_before_kill=ledger.killed_after_confirmation,
        written_but_not_confirmed=ledger.written_not_confirmed,
        temp_files_left_by_kills=len(ledger.temp_files_seen),
        confirmed_entries=len(ledger.confirmed),
        answers_lost=0,
        seconds=took[0],
        seed=SEED + 1,
    )


HOLDER = """
import sys, time
from pathlib import Path
from interview_prep.storage.atomic import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


@pytest.mark.slow
def test_a_killed_lock_holder_never_blocks_the_next_run(prep_home: Path) -> None:
    """The flock is released by the OS when its holder dies; the stale .lock file is harmless.

    The probe is filelock (what prep locks with on Windows, and on every
    platform before the fcntl lock): the two exclude each other.
    """
    from filelock import FileLock, Timeout

    relkit.new_company("acme")
    folder = prep_home / "acme"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(Timeout):  # the lock really is held while the holder lives
            FileLock(str(folder / ".lock"), timeout=0.2).acquire()
        assert _held_locks(prep_home) == [folder / ".lock"]
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert (folder / ".lock").exists()  # the stale file stays behind ...
    assert _held_locks(prep_home) == []  # ... held by nobody, so it cannot make anyone wait
    with relkit.stopwatch() as took:
        after = relkit.run_prep(prep_home, "note", "acme", "after the holder died")
    assert after.returncode == 0, after.stderr
    relkit.report("stale_lock", holder_killed=1, next_run_seconds=took[0], lock_timeout=LOCK_TIMEOUT_SECONDS)
