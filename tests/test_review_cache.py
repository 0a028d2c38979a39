"""The all-companies review keeps its rows in `<home>/.cache/`: same answers, never stale.

commands/review_cache.py reuses a company's row while the stamp of its files
(name, size, mtime, inode) is unchanged, and recomputes every row when the
code, the banks or config.yaml change. These tests change each of those and
check that `prep review` shows the change, and that a warm review reads no
interview at all.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.commands.review_cache import CACHE_FILE
from interview_prep.storage import interviews
from review_fixture import DANA, add_interview, build, make_company

HOUR_AGO_NS = time.time_ns() - 3600 * 10**9


def settle(home: Path) -> None:
    """Date every file an hour back, as if written long before this review."""
    for folder, _, files in os.walk(home):
        for name in files:
            os.utime(os.path.join(folder, name), ns=(HOUR_AGO_NS, HOUR_AGO_NS))


def rows(*options: str) -> dict[str, dict[str, object]]:
    code, out, err = prep("review", "--json", *options)
    assert code == 0, err
    return {row["slug"]: row for row in json.loads(out)["companies"]}


def cached_slugs(home: Path) -> set[str]:
    data = json.loads((home / ".cache" / CACHE_FILE).read_text(encoding="utf-8"))
    return set(data["companies"])


@pytest.fixture
def pipeline(prep_home: Path) -> Path:
    build(prep_home)  # acme: two rounds, 33% attrition, 55 hours
    bravo = make_company(prep_home, "bravo", "Bravo")
    add_interview(
        prep_home,
        bravo,
        "2026-11-12T09:00:00+00:00",
        "screen",
        [DANA],
        [("hours-per-week", DANA, "40 hours")],
    )
    settle(prep_home)
    return prep_home


@pytest.mark.slow
def test_a_warm_review_gives_the_same_rows_without_reading_an_interview(
    pipeline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = rows()
    assert cached_slugs(pipeline) == {"acme", "bravo"}
    text = prep("review")[1]

    def refuse(*_: object) -> None:
        raise AssertionError("read an interview although every row was cached")

    monkeypatch.setattr(interviews, "load_interviews", refuse)
    assert rows() == cold
    assert prep("review")[1] == text
    assert rows("--sort", "hours") == cold


@pytest.mark.slow
def test_an_answer_added_after_a_review_is_seen(pipeline: Path) -> None:
    assert rows()["bravo"]["hours"] == 40
    assert prep("answer", "bravo", "hours-per-week", "More like 70 hours", "--who", "Dana")[0] == 0
    assert rows()["bravo"]["hours"] == 70
    assert rows()["bravo"]["hours_flagged"] is True


@pytest.mark.slow
def test_a_hand_edit_in_place_is_seen(pipeline: Path) -> None:
    assert rows()["acme"]["hours"] == 55
    path = next((pipeline / "acme" / "interviews").glob("*onsite.md"))
    inode = path.stat().st_ino
    with open(path, "r+", encoding="utf-8") as handle:  # same file, same size, a fresh mtime
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("About 55 hours", "About 65 hours"))
    assert path.stat().st_ino == inode
    assert rows()["acme"]["hours"] == 65


@pytest.mark.slow
def test_a_company_changed_moments_ago_is_not_cached_so_a_same_instant_edit_is_seen(
    pipeline: Path,
) -> None:
    path = next((pipeline / "bravo" / "interviews").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # written just now
    assert rows()["bravo"]["hours"] == 40
    assert cached_slugs(pipeline) == {"acme"}  # bravo's files may still change within the clock's tick
    before = path.stat()
    with open(path, "r+", encoding="utf-8") as handle:  # same size, inode and mtime: invisible to a stamp
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("40 hours", "48 hours"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert rows()["bravo"]["hours"] == 48


@pytest.mark.slow
def test_a_changed_config_recomputes_every_row(pipeline: Path) -> None:
    assert rows()["acme"]["attrition_flagged"] is True  # 4 of 12 left: 33%
    (pipeline / "config.yaml").write_text("thresholds:\n  attrition_percent: 40\n", encoding="utf-8")
    assert rows()["acme"]["attrition_flagged"] is False


@pytest.mark.slow
def test_a_new_user_signal_recomputes_every_row(pipeline: Path) -> None:
    before = rows()["acme"]
    banks = pipeline / "banks"
    banks.mkdir()
    (banks / "mine.yaml").write_text(
        "bank: mine\ntitle: Mine\ndescription: My own signals.\nsignals:\n"
        "  - id: meeting-heavy\n    text: Too many meetings\n    why: Meetings eat the day.\n"
        "    severity: low\n    match: [too many meetings]\n",
        encoding="utf-8",
    )
    after = rows()["acme"]
    assert after["flags_low"] == before["flags_low"] + 1


@pytest.mark.slow
def test_companies_added_and_removed_after_a_review(pipeline: Path) -> None:
    assert set(rows()) == {"acme", "bravo"}
    shutil.rmtree(pipeline / "bravo")
    make_company(pipeline, "charlie", "Charlie")
    settle(pipeline)
    assert set(rows()) == {"acme", "charlie"}
    assert cached_slugs(pipeline) == {"acme", "charlie"}


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["not json", "key", "types", "fields"])
def test_a_broken_or_foreign_cache_is_ignored_and_rewritten(pipeline: Path, damage: str) -> None:
    cold = rows()
    path = pipeline / ".cache" / CACHE_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    if damage == "not json":
        path.write_text("{ half a cache", encoding="utf-8")
    else:
        if damage == "key":
            data["key"][1] = "0.0.0-another-version"
            data["companies"]["acme"]["row"]["rounds"] = 99
        elif damage == "types":
            data["companies"]["acme"]["row"]["rounds"] = "many"
        else:
            del data["companies"]["acme"]["row"]["gut"]
        path.write_text(json.dumps(data), encoding="utf-8")
    assert rows() == cold
    assert cached_slugs(pipeline) == {"acme", "bravo"}


@pytest.mark.slow
def test_a_file_broken_after_a_cached_review_is_still_reported(pipeline: Path) -> None:
    rows()
    path = next((pipeline / "bravo" / "interviews").glob("*.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<!-- prep:end 1 -->", ""), encoding="utf-8")
    code, _, err = prep("review")
    assert code != 0
    assert err.count("\n") == 1 and f"{path.name}:" in err


@pytest.mark.slow
def test_a_company_folder_swapped_for_a_link_is_still_refused(pipeline: Path, tmp_path: Path) -> None:
    rows()
    outside = tmp_path / "outside"
    shutil.copytree(pipeline / "bravo", outside, symlinks=True)
    shutil.rmtree(pipeline / "bravo")
    (pipeline / "bravo").symlink_to(outside)
    code, _, err = prep("review")
    assert code != 0 and "outside the data home" in err


@pytest.mark.slow
def test_the_cache_is_private(pipeline: Path) -> None:
    rows()
    assert stat.S_IMODE((pipeline / ".cache" / CACHE_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE((pipeline / ".cache").stat().st_mode) == 0o700
