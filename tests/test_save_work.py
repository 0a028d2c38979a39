"""Saving an answer does each piece of work once, and never less than durability needs.

Between Enter and the next question of `prep ask` every write of the
interview file parses it twice: as found (refusing a file prep cannot read,
and giving the change its entries) and as written, read back from disk. A
file whose text would not change is not written. Every write that happens is
fsynced, with its folder, before the call returns.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from interview_prep.commands import capture
from interview_prep.commands.context import Context
from interview_prep.core.models import Company
from interview_prep.core.transcript import Answer, Interview
from interview_prep.storage import blocks, entries, interviews
from review_fixture import DANA, add_interview, make_company

AT = "2026-11-10T14:30:00+00:00"


@pytest.fixture
def company(prep_home: Path) -> Company:
    return make_company(prep_home)


@pytest.fixture
def interview(prep_home: Path, company: Company) -> Path:
    return add_interview(
        prep_home, company, AT, "onsite", [DANA], [("love", DANA, "The people.")], finished=False
    )


class Work:
    """What the storage layer did: entry parses of each file, atomic writes, fsyncs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[Path] = []
        self.written: list[Path] = []
        self.fsyncs = 0
        real_iter, real_fsync = blocks.iter_entries, os.fsync
        from interview_prep.storage import atomic

        real_write = atomic.atomic_write

        def iter_entries(text: str, path: Path, *args: Any) -> Iterator[blocks.Entry]:
            self.parsed.append(path)
            return real_iter(text, path, *args)

        def write(path: Path, *args: Any, **kwargs: Any) -> None:
            self.written.append(path)
            real_write(path, *args, **kwargs)

        def fsync(fd: int) -> None:
            self.fsyncs += 1
            real_fsync(fd)

        monkeypatch.setattr(blocks, "iter_entries", iter_entries)
        monkeypatch.setattr(atomic, "atomic_write", write)
        monkeypatch.setattr(os, "fsync", fsync)

    def clear(self) -> None:
        self.parsed.clear()
        self.written.clear()
        self.fsyncs = 0


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch, interview: Path) -> Work:
    return Work(monkeypatch)


# Every way prep changes an interview file that `prep ask` and the one-shot commands use.
# Each gets the file and its first answer (read before the write, as `prep ask` has it on hand).
WRITERS: dict[str, Callable[[Path, Answer], object]] = {
    "answer": lambda path, _: entries.add_answer_once(
        path, "hate", "What do you hate?", "Dana", AT, "Meetings"
    ),
    "note": lambda path, _: entries.add_note(path, AT, "Quiet office"),
    "red flag": lambda path, _: entries.add_flag(path, "high", "Dana", AT, None, "Nobody smiled"),
    "skip": lambda path, _: entries.add_skip(path, "hate", "Dana"),
    "finish a cut-off answer": lambda path, _: entries.rewrite_answer(
        path, 1, "love", "What do you love?", "Dana", AT, "The people, and the pace."
    ),
    "edit with /b": lambda path, first: entries.edit_answer(path, first, "The people!", AT, ["x"]),
    "mark /+": lambda path, first: entries.set_mark(path, first, "reassuring"),
    "finished": lambda path, _: interviews.set_finished(path),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_each_write_parses_the_interview_as_found_and_as_written_and_no_more(
    name: str, interview: Path, work: Work
) -> None:
    before = interview.read_text(encoding="utf-8")
    first = interviews.load_interview(interview).answers[0]
    work.clear()
    WRITERS[name](interview, first)
    assert interview.read_text(encoding="utf-8") != before
    assert work.parsed == [interview, interview]
    assert work.written == [interview]
    assert work.fsyncs == 2  # the file, then its folder (the rename)


def test_an_answer_already_saved_is_neither_written_nor_parsed_again(interview: Path, work: Work) -> None:
    entries.add_answer_once(interview, "hate", "What do you hate?", "Dana", AT, "Meetings")
    before = interview.read_text(encoding="utf-8")
    work.clear()
    number, added = entries.add_answer_once(interview, "hate", "What do you hate?", "Dana", AT, "Meetings")
    assert (number, added) == (2, False)
    assert interview.read_text(encoding="utf-8") == before
    assert (work.parsed, work.written, work.fsyncs) == ([interview], [], 0)


def test_a_live_answer_ticks_its_box_once_and_an_answer_to_a_ticked_box_writes_one_file(
    prep_home: Path, company: Company, interview: Path, work: Work
) -> None:
    context = Context()
    company_file = prep_home / company.slug / "company.md"
    assert "- [ ] " in company_file.read_text(encoding="utf-8")
    ticked_before = company_file.read_text(encoding="utf-8").count("- [x] ")

    work.clear()
    capture.save_answer(context, company, interview, "hate", "What do you hate?", "Dana", "Meetings")
    assert work.written == [interview, company_file]  # the answer first, then its box
    assert work.fsyncs == 4  # each file and each folder: the answer and the tick survive a crash
    assert company_file.read_text(encoding="utf-8").count("- [x] ") == ticked_before + 1

    work.clear()
    capture.save_answer(context, company, interview, "hate", "What do you hate?", "Lee", "Slow reviews")
    assert work.written == [interview]  # the box is ticked already: company.md is left alone
    assert work.fsyncs == 2
    saved: Interview = interviews.load_interview(interview)
    assert [(a.who, a.text) for a in saved.answers][-2:] == [("Dana", "Meetings"), ("Lee", "Slow reviews")]


def test_a_file_prep_cannot_read_is_still_refused_before_anything_is_written(
    interview: Path, work: Work
) -> None:
    from interview_prep.errors import PrepError

    broken = interview.read_text(encoding="utf-8").replace("<!-- prep:end 1 -->", "")
    interview.write_text(broken, encoding="utf-8")
    work.clear()
    with pytest.raises(PrepError):
        entries.add_note(interview, AT, "Quiet office")
    assert interview.read_text(encoding="utf-8") == broken
    assert (work.written, work.fsyncs) == ([], 0)
