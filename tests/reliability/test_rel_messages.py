"""Class I: every message tells the truth about what was saved, and the fix it offers works."""

from __future__ import annotations

import errno
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import relkit

from interview_prep.storage.slug import MAX_NAME, MAX_SLUG, slugify


def _fail_writes_to(monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> None:
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if str(dst).endswith(name):
            raise OSError(code, os.strerror(code))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.slow
@pytest.mark.parametrize("fault", [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EIO])
def test_a_failed_tick_says_the_answer_is_saved_and_running_again_stores_it_once(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch, fault: int
) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "the interview is open").code == 0  # only the tick writes company.md
    args = ("answer", "acme", "love", "The people", "--who", "Dana")
    with monkeypatch.context() as patch:
        _fail_writes_to(patch, "company.md", fault)
        outcome = relkit.invoke(*args)
    line = relkit.assert_one_line_error(outcome, 1, "company.md")
    assert re.search(r"Saved answer [0-9]+ to \S+", line), line  # the truth: the answer is on disk
    assert "again" in line
    (interview,) = relkit.all_interviews(prep_home, "acme")
    assert [a.text for a in interview.answers] == ["The people"]
    assert not any(item.done for item in relkit.checklist(prep_home, "acme") if item.question_id == "love")

    again = relkit.invoke(*args)  # the fix the message offers
    assert again.code == 0, again.stderr
    (interview,) = relkit.all_interviews(prep_home, "acme")
    assert [a.text for a in interview.answers] == ["The people"], "stored twice"
    assert any(item.done for item in relkit.checklist(prep_home, "acme") if item.question_id == "love")


@pytest.mark.slow
def test_a_different_answer_to_the_same_question_is_still_stored(prep_home: Path) -> None:
    relkit.new_company("acme")
    for text in ("The people", "The pace", "The people"):
        assert relkit.invoke("answer", "acme", "love", text, "--who", "Dana").code == 0
    assert relkit.invoke("answer", "acme", "love", "The people", "--who", "Lee").code == 0
    (interview,) = relkit.all_interviews(prep_home, "acme")
    assert [(a.who, a.text) for a in interview.answers] == [
        ("Dana", "The people"),
        ("Dana", "The pace"),
        ("Lee", "The people"),
    ]


CLASHES = [
    ("C Corp", "C++ Corp"),
    ("Acme", "ACME!"),
    ("X" * MAX_SLUG + " Alpha", "X" * MAX_SLUG + " Beta"),
    ("Y" * (MAX_NAME - 5) + " One", "Y" * (MAX_NAME - 5) + " Two"),
    ("Nordic Bank", "Nordic & Bank"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("existing", "clashing"), CLASHES)
def test_the_name_suggested_for_a_slug_clash_is_accepted(
    prep_home: Path, existing: str, clashing: str
) -> None:
    assert slugify(existing) == slugify(clashing)
    relkit.new_company(existing)
    for _ in range(3):  # each suggestion, once taken, leads to another that works
        outcome = relkit.invoke("new", clashing, "--no-input")
        line = relkit.assert_one_line_error(outcome, 2, existing)
        suggested = re.search(r"such as '(.+)'\.", line)
        assert suggested is not None, line
        created = relkit.invoke("new", suggested[1], "--no-input")
        assert created.code == 0, created.stderr
        assert relkit.invoke("note", suggested[1], "found by the suggested name").code == 0


@pytest.fixture
def editor_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    runs: list[list[str]] = []

    def call(command: list[str], *args: Any, **kwargs: Any) -> int:
        runs.append(list(command))
        return 0

    monkeypatch.setattr(subprocess, "call", call)
    return runs


@pytest.mark.slow
@pytest.mark.parametrize("value", ["", " ", "\t", "  \n ", '""', "''"])
def test_a_blank_editor_gives_one_line_and_runs_nothing(
    monkeypatch: pytest.MonkeyPatch, editor_runs: list[list[str]], value: str
) -> None:
    relkit.new_company("acme")
    for variable in ("EDITOR", "VISUAL"):
        with monkeypatch.context() as patch:
            patch.setenv(variable, value)
            outcome = relkit.invoke("open", "acme")
        relkit.assert_one_line_error(outcome, 2, "EDITOR")
    assert editor_runs == []


@pytest.mark.slow
@pytest.mark.parametrize("value", ['vim "my file', "code 'x", 'nano "', "emacs -nw 'a b", "a\\"])
def test_an_editor_with_an_unbalanced_quote_gives_one_line_and_runs_nothing(
    monkeypatch: pytest.MonkeyPatch, editor_runs: list[list[str]], value: str
) -> None:
    relkit.new_company("acme")
    for variable in ("EDITOR", "VISUAL"):
        with monkeypatch.context() as patch:
            patch.setenv(variable, value)
            outcome = relkit.invoke("open", "acme")
        relkit.assert_one_line_error(outcome, 2, f"${variable}")
    assert editor_runs == []


def test_a_blank_visual_falls_back_to_editor(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch, editor_runs: list[list[str]]
) -> None:
    relkit.new_company("acme")
    monkeypatch.setenv("VISUAL", "  ")
    monkeypatch.setenv("EDITOR", "nano -w")
    assert relkit.invoke("open", "acme").code == 0
    assert editor_runs == [["nano", "-w", str(prep_home / "acme" / "company.md")]]
