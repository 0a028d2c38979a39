"""Concurrent writers: 6 real `prep` processes at a time, 25 writes each, into one company."""

from __future__ import annotations

import random
import subprocess
import threading
from pathlib import Path

import pytest
import relkit

WRITERS = 6
WRITES_EACH = 25  # 150 runs, all six writing at once throughout (50 each cost a minute of CPU)
SEED = 6_50


def _writer(
    home: Path, writer: int, results: list[tuple[int, int, str, str, int]], errors: list[str]
) -> None:
    rng = random.Random(SEED + writer)
    env = relkit.subprocess_env(home)
    for seq in range(WRITES_EACH):
        text = f"w{writer}-{seq:03d}"
        roll = rng.random()
        if roll < 0.5:
            args, kind = (
                ["answer", "acme", rng.choice(["love", "hate"]), text, "--who", f"W{writer}"],
                "answer",
            )
        elif roll < 0.75:
            args, kind = ["flag", "acme", text, "--severity", "high", "--who", f"W{writer}"], "red flag"
        else:
            args, kind = ["note", "acme", text], "note"
        done = subprocess.run(
            [str(relkit.PREP), *args], env=env, capture_output=True, text=True, timeout=60, check=False
        )
        match = relkit.CONFIRMATION.search(done.stdout)
        if done.returncode != 0 or match is None or match.group(1) != kind:
            errors.append(f"{text}: exit {done.returncode}: {done.stdout!r} {done.stderr!r}")
            continue
        results.append((writer, seq, kind, text, int(match.group(2))))


@pytest.mark.slow
def test_six_writers_at_once_every_write_present_in_order(prep_home: Path) -> None:
    relkit.new_company("acme")
    results: list[tuple[int, int, str, str, int]] = []
    errors: list[str] = []
    threads = [
        threading.Thread(target=_writer, args=(prep_home, writer, results, errors))
        for writer in range(WRITERS)
    ]
    with relkit.stopwatch() as took:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors, errors[:5]
    assert len(results) == WRITERS * WRITES_EACH

    (interview,) = relkit.all_interviews(prep_home, "acme")  # one interview, and it parses
    relkit.read_company_ok(prep_home, "acme")
    on_disk: dict[str, tuple[str, int]] = {}
    for kind, entries in (
        ("answer", interview.answers),
        ("red flag", interview.flags),
        ("note", interview.notes),
    ):
        for entry in entries:
            assert entry.text not in on_disk, f"{entry.text} written twice"
            on_disk[entry.text] = (kind, entry.number)
    assert len(on_disk) == WRITERS * WRITES_EACH
    for _who, _seq, kind, text, number in results:
        assert on_disk[text] == (kind, number), text  # the number printed is the number stored
    for writer in range(WRITERS):
        mine = sorted((seq, number) for w, seq, _k, _t, number in results if w == writer)
        numbers = [number for _seq, number in mine]
        assert numbers == sorted(numbers), f"writer {writer}'s entries are out of order"
    all_numbers = sorted(number for _kind, number in on_disk.values())
    assert all_numbers == list(range(1, WRITERS * WRITES_EACH + 1))  # no gaps, no duplicates
    answered_ids = {answer.question_id for answer in interview.answers}
    ticked = {item.question_id for item in relkit.checklist(prep_home, "acme") if item.done}
    assert answered_ids <= ticked
    assert relkit.temp_files(prep_home) == []
    relkit.report(
        "concurrent_writers",
        writers=WRITERS,
        writes_each=WRITES_EACH,
        entries_on_disk=len(on_disk),
        answers_lost=0,
        out_of_order=0,
        seconds=took[0],
    )
