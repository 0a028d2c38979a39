"""Paths: nothing is written outside the data home (symbolic links included), odd things in the
home's place get one clear line, and a missing home is created private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import relkit


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "keep.txt").write_text("not prep's\n")
    return folder


def _outside_untouched(elsewhere: Path) -> None:
    assert sorted(p.name for p in elsewhere.rglob("*")) == ["keep.txt"]
    assert (elsewhere / "keep.txt").read_text() == "not prep's\n"


def _one_line(outcome: relkit.Outcome, *needles: str) -> str:
    assert outcome.exception is None, repr(outcome.exception)
    assert outcome.code != 0
    lines = outcome.stderr.splitlines()
    assert len(lines) == 1 and relkit.TRACEBACK not in outcome.stderr, outcome.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def test_new_company_into_a_symlinked_folder_is_refused(prep_home: Path, elsewhere: Path) -> None:
    prep_home.mkdir()
    (prep_home / "acme").symlink_to(elsewhere)
    _one_line(relkit.invoke("new", "acme", "--no-input"), "outside the data home")
    _outside_untouched(elsewhere)


@pytest.mark.slow
def test_an_existing_company_symlinked_outside_is_never_written(prep_home: Path, tmp_path: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "inside").code == 0
    moved = tmp_path / "moved"
    (prep_home / "acme").rename(moved)
    (prep_home / "acme").symlink_to(moved)
    before = relkit.snapshot(moved)
    for args in (
        ("note", "acme", "x"),
        ("answer", "acme", "love", "x"),
        ("flag", "acme", "x"),
        ("status", "acme", "offer"),
        ("reflect", "acme", "--gut", "3"),
        ("review", "acme", "--write", "--no-input"),
        ("list",),
    ):
        _one_line(relkit.invoke(*args), "outside the data home")
    assert relkit.snapshot(moved) == before


@pytest.mark.slow
@pytest.mark.parametrize("what", ["interviews", "company.md", "interview-file", "review.md", ".lock"])
def test_a_symlink_inside_a_company_is_not_followed_for_writes(
    what: str, prep_home: Path, elsewhere: Path
) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "inside").code == 0
    folder = prep_home / "acme"
    (interview,) = sorted((folder / "interviews").glob("*.md"))
    if what == "interviews":
        (folder / "interviews").rename(elsewhere / "interviews-copy")
        (folder / "interviews").symlink_to(elsewhere)
        args: tuple[str, ...] = ("note", "acme", "through the link")
    elif what == "company.md":
        (elsewhere / "company.md").write_bytes((folder / "company.md").read_bytes())
        (folder / "company.md").unlink()
        (folder / "company.md").symlink_to(elsewhere / "company.md")
        args = ("status", "acme", "offer")
    elif what == "interview-file":
        (elsewhere / interview.name).write_bytes(interview.read_bytes())
        interview.unlink()
        interview.symlink_to(elsewhere / interview.name)
        args = ("note", "acme", "through the link")
    elif what == "review.md":
        (folder / "review.md").symlink_to(elsewhere / "review.md")
        args = ("review", "acme", "--write", "--no-input")
    else:
        (folder / ".lock").unlink()
        (folder / ".lock").symlink_to(elsewhere / "lockfile")
        args = ("note", "acme", "x")
    before = relkit.snapshot(elsewhere)
    _one_line(relkit.invoke(*args), "link")
    assert relkit.snapshot(elsewhere) == before
    assert not (elsewhere / "review.md").exists() and not (elsewhere / "lockfile").exists()
    assert relkit.temp_files(elsewhere) == []


def test_a_symlink_loop_gets_one_line(prep_home: Path) -> None:
    prep_home.mkdir()
    (prep_home / "acme").symlink_to(prep_home / "acme")
    for args in (("new", "acme", "--no-input"), ("note", "acme", "x"), ("list",)):
        outcome = relkit.invoke(*args)
        if args == ("list",) and outcome.code == 0:
            continue  # a loop is not a company: listing skips it
        _one_line(outcome, "acme")


def test_a_data_home_that_is_itself_a_link_is_the_users_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real-home"
    real.mkdir(mode=0o700)
    link = tmp_path / "link-home"
    link.symlink_to(real)
    monkeypatch.setenv("PREP_HOME", str(link))
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "x").code == 0
    assert (real / "acme" / "company.md").is_file()


def test_a_company_folder_replaced_by_a_file(prep_home: Path) -> None:
    prep_home.mkdir()
    (prep_home / "acme").write_text("I am a file\n")
    _one_line(relkit.invoke("new", "acme", "--no-input"), str(prep_home / "acme"), "is a file")
    _one_line(relkit.invoke("note", "acme", "x"), "acme")
    assert relkit.invoke("list").code == 0
    assert (prep_home / "acme").read_text() == "I am a file\n"


def test_an_interviews_folder_replaced_by_a_file(prep_home: Path) -> None:
    relkit.new_company("acme")
    (prep_home / "acme" / "interviews").write_text("oops\n")
    _one_line(relkit.invoke("note", "acme", "x"), "interviews", "is a file")
    assert (prep_home / "acme" / "interviews").read_text() == "oops\n"


def test_a_company_file_replaced_by_a_folder(prep_home: Path) -> None:
    relkit.new_company("acme")
    (prep_home / "acme" / "company.md").unlink()
    (prep_home / "acme" / "company.md").mkdir()
    _one_line(relkit.invoke("status", "acme", "offer"), "acme")
    _one_line(relkit.invoke("new", "acme", "--no-input"), "acme")


@pytest.mark.slow
def test_a_missing_data_home_is_created_private_on_first_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "deep" / "er" / "prep-home"
    monkeypatch.setenv("PREP_HOME", str(home))
    assert relkit.invoke("list").code == 0  # reading does not create it
    assert relkit.invoke("review").code == 0
    _one_line(relkit.invoke("note", "acme", "x"), "prep new acme")
    assert not home.exists()
    old = os.umask(0)  # the modes are set explicitly, not left to the umask
    try:
        relkit.new_company("acme")
    finally:
        os.umask(old)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert relkit.invoke("note", "acme", "x").code == 0
    assert relkit.mode_problems(home / "acme") == []


@pytest.mark.parametrize(
    "name", ["../../escape", "/etc/passwd", "..", "acme/../../x", "C:\\Windows\\x", "~root", "con", "nul.txt"]
)
def test_no_company_name_reaches_outside_the_home(name: str, prep_home: Path, tmp_path: Path) -> None:
    prep_home.mkdir()
    before = sorted(str(p) for p in tmp_path.rglob("*") if prep_home not in p.parents and p != prep_home)
    outcome = relkit.invoke("new", "--no-input", "--", name)
    if outcome.code == 0:
        folders = [p for p in prep_home.iterdir() if p.is_dir() and not p.name.startswith(".")]
        assert len(folders) == 1 and folders[0].parent == prep_home
        assert relkit.invoke("note", "--", name, "x").code == 0
    else:
        _one_line(outcome)
    after = sorted(str(p) for p in tmp_path.rglob("*") if prep_home not in p.parents and p != prep_home)
    assert after == before


def test_an_interview_id_cannot_name_a_path(prep_home: Path) -> None:
    relkit.new_company("acme")
    _one_line(relkit.invoke("note", "acme", "x", "--interview", "../../company"), "not an interview id")


@pytest.mark.slow
def test_interviews_started_in_the_same_minute_keep_their_order(prep_home: Path) -> None:
    """A clash gets `<id>-2`; plain name order would put it before `<id>` ('-' < '.')."""
    from interview_prep.core.transcript import Interviewer
    from interview_prep.storage import companies, interviews

    relkit.new_company("acme")
    company = companies.resolve_company(prep_home, "acme")
    started = "2026-11-22T14:20:00+00:00"
    made = [
        interviews.start_interview(prep_home, company, "", [Interviewer("Dana", "engineer")], started)
        for _ in range(11)
    ]
    assert [p.stem for p in made][:3] == ["2026-11-22-1420", "2026-11-22-1420-2", "2026-11-22-1420-3"]
    assert interviews.list_interview_paths(prep_home, "acme") == made
    assert interviews.latest_open(prep_home, "acme") == made[-1]
    assert relkit.invoke("reflect", "acme", "--gut", "5").code == 0  # the latest interview gets it
    assert interviews.load_interview(made[-1]).reflection is not None
    assert all(interviews.load_interview(p).reflection is None for p in made[:-1])


def test_a_cache_folder_linked_outside_is_not_written(prep_home: Path, elsewhere: Path) -> None:
    prep_home.mkdir()
    (prep_home / relkit.CACHE).symlink_to(elsewhere)
    relkit.new_company("acme")  # loads (and caches) the question banks
    _outside_untouched(elsewhere)
