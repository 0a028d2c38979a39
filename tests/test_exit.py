"""The one exit point: a bug of any type is one line, exit 1 and a private crash file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import prep
from interview_prep import cli
from interview_prep.errors import PrepError

PREP = str(Path(sys.executable).parent / "prep")


def _raiser(error: BaseException):  # type: ignore[no-untyped-def]
    def boom(*args: object, **kwargs: object) -> object:
        raise error

    return boom


BUGS = [
    RecursionError("maximum recursion depth exceeded"),
    MemoryError(),
    OSError(5, "Input/output error"),
    Exception("something odd"),
    OverflowError("int too large"),
    UnicodeEncodeError("latin-1", "\u2026", 0, 1, "ordinal not in range"),
    KeyError("name"),
]


def crash_files(home: Path) -> list[Path]:
    return sorted((home / ".cache").glob("crash-*.txt"))


@pytest.mark.parametrize("error", BUGS, ids=[type(error).__name__ for error in BUGS])
def test_a_bug_is_one_line_exit_1_and_a_private_crash_file(
    error: BaseException, prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    monkeypatch.setattr("interview_prep.storage.companies.list_companies", _raiser(error))
    code, out, err = prep("list")
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    [crash] = crash_files(prep_home)
    assert lines[0] == f"prep hit a bug: {type(error).__name__}; details in {crash}"
    assert "Traceback" not in err
    assert stat.S_IMODE(crash.stat().st_mode) == 0o600
    assert stat.S_IMODE(crash.parent.stat().st_mode) == 0o700
    details = crash.read_text()
    assert "Traceback" in details and type(error).__name__ in details


def test_debug_flag_and_env_show_the_traceback(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interview_prep.storage.companies.list_companies", _raiser(ValueError("bad")))
    code, _, err = prep("--debug", "list")
    assert code == 1 and "Traceback" in err and "ValueError: bad" in err
    assert err.rstrip().splitlines()[-1].startswith("prep hit a bug: ValueError; details in ")
    monkeypatch.setenv("PREP_DEBUG", "1")
    code, _, err = prep("list")
    assert code == 1 and "Traceback" in err


def test_user_errors_stay_one_line_without_a_crash_file(prep_home: Path) -> None:
    code, _, err = prep("status", "nobody", "offer")
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("Error: ")
    assert not crash_files(prep_home)


def test_ctrl_c_has_one_wording_and_exit_130(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interview_prep.storage.companies.list_companies", _raiser(KeyboardInterrupt()))
    code, out, err = prep("list")
    assert code == 130 and out == ""
    assert err.splitlines() == ["Stopped. Nothing already saved was lost."]


def test_without_a_usable_home_the_line_says_how_to_see_the_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home_file = tmp_path / "a-file"
    home_file.write_text("not a folder")
    monkeypatch.setenv("PREP_HOME", str(home_file))
    monkeypatch.setattr("interview_prep.storage.companies.list_companies", _raiser(RuntimeError()))
    code, _, err = prep("list")
    assert code == 1 and len(err.splitlines()) == 1
    assert err.startswith("prep hit a bug: RuntimeError;") and "--debug" in err
    assert home_file.read_text() == "not a folder"


def test_the_crash_line_never_carries_the_error_text(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exception's message may quote user data; only its type is printed."""
    monkeypatch.setattr(
        "interview_prep.storage.companies.list_companies", _raiser(Exception("secret \x1b[2J name"))
    )
    _, _, err = prep("list")
    assert "secret" not in err and "\x1b" not in err


def test_main_catches_what_happens_outside_any_command(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("interview_prep.lazy_commands.lazy_root", _raiser(RecursionError()))
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 1
    assert len(crash_files(prep_home)) == 1


def test_main_reports_a_user_error_outside_any_command(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("interview_prep.lazy_commands.lazy_root", _raiser(PrepError("bad home", 2)))
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 2 and capsys.readouterr().err == "Error: bad home\n"


@pytest.mark.slow
def test_a_real_bug_in_a_real_process_prints_no_traceback(prep_home: Path) -> None:
    """A maximum-recursion front matter is the kind of input that used to escape as a traceback;
    here a deliberate bug is planted through sitecustomize-free means: a broken company file
    that the reader rejects is a user error, and a bug hook proves the process-level path."""
    env = dict(os.environ, PREP_HOME=str(prep_home), PYTHONPATH="")
    code = (
        "import sys\n"
        "import interview_prep.storage.companies as c\n"
        "def boom(*a, **k):\n    raise MemoryError\n"
        "c.list_companies = boom\n"
        "sys.argv = ['prep', 'list']\n"
        "from interview_prep.cli import main\nmain()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("prep hit a bug: MemoryError; details in ")
    assert "Traceback" not in result.stderr and result.stdout == ""
