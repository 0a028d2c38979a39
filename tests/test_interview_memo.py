"""`prep ask` reuses the interview it read while the file is unchanged, and never a changed one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interview_prep.errors import PrepError
from interview_prep.storage import entries, interview_memo, interviews
from review_fixture import DANA, add_interview, make_company


@pytest.fixture
def interview(prep_home: Path) -> Path:
    company = make_company(prep_home)
    return add_interview(
        prep_home,
        company,
        "2026-11-10T14:00:00+00:00",
        "onsite",
        [DANA],
        [("love", DANA, "The people.")],
        finished=False,
    )


@pytest.mark.slow
def test_an_unchanged_file_is_not_read_again(interview: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = interview_memo.load_unchanged(interview)
    monkeypatch.setattr(interview_memo, "load_interview", lambda path: pytest.fail("read again"))
    assert interview_memo.load_unchanged(interview) is first


def test_a_write_by_prep_is_seen(interview: Path) -> None:
    before = interview_memo.load_unchanged(interview)
    entries.add_note(interview, "2026-11-10T14:30:00+00:00", "She checked her phone")
    after = interview_memo.load_unchanged(interview)
    assert [n.text for n in after.notes] == ["She checked her phone"] and not before.notes


def test_a_same_size_hand_edit_in_place_is_seen(interview: Path) -> None:
    interview_memo.load_unchanged(interview)
    info = os.stat(interview)
    text = interview.read_text()
    with open(interview, "r+", encoding="utf-8") as handle:  # same inode, same size
        handle.write(text.replace("The people.", "The salary."))
    os.utime(interview, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # even one nanosecond later
    assert interview_memo.load_unchanged(interview).answers[0].text == "The salary."
    assert interviews.load_interview(interview).answers[0].text == "The salary."


@pytest.mark.slow
def test_a_file_swapped_for_a_link_is_refused_as_before(interview: Path, tmp_path: Path) -> None:
    interview_memo.load_unchanged(interview)
    outside = tmp_path / "outside.md"
    outside.write_text(interview.read_text())
    interview.unlink()
    interview.symlink_to(outside)
    with pytest.raises(PrepError) as memo_error:
        interview_memo.load_unchanged(interview)
    with pytest.raises(PrepError) as plain_error:
        interviews.load_interview(interview)
    assert memo_error.value.message == plain_error.value.message
