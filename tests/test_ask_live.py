"""The live flow's rough edges, each as a class: typed through the real prompts (pipe input).

Slash words, --multiline, empty rounds, resuming with a new panel, the red-flag
menu, a broken user bank or config, cut-off answers, a stray Enter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import interview_files, prep
from interview_prep.banks.loader import load_catalog
from interview_prep.commands import ask as flow
from interview_prep.commands.context import Context
from interview_prep.storage.interviews import load_interview
from test_ask_flow import CTRL_C, CTRL_U, DOWN, Keyboard, answers, keyboard, make_company, start

__all__ = ["keyboard"]  # the fixture, shared with test_ask_flow

ESC = "\x1b"
ALT_ENTER = "\x1b\r"  # what a terminal sends for Esc then Enter
KEY_NAMES = ["/done", "/skip", "/back", "/help", "/flag", "/note", "/quit", "/exit", "/next", "/finish"]


# ------------------------------------------------------------------ slash words


@pytest.mark.slow
@pytest.mark.parametrize(
    "typed",
    [*KEY_NAMES, "/Done", "  /done  ", "/skpi", "/dnoe", "/x", "/abcdefg", "/done thanks", "/s this one"],
)
def test_a_slash_word_is_a_key_or_an_error_never_an_answer(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type(typed + "\r", CTRL_U + "/d\r")  # a refused sentence comes back in the prompt: clear it
    session = start()
    flow.run(session)
    assert not session.path.exists(), "nothing was saved, so no round was kept"
    out = capsys.readouterr().out
    [refused] = [line for line in out.split("\n") if "is not a key" in line]
    assert "//" in refused, "it says how to save the text as an answer"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "meant"), [("/done", "/d"), ("/skip", "/s"), ("/back", "/b"), ("/help", "/?")]
)
def test_a_key_typed_in_full_points_at_its_key(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type(typed + "\r", "/d\r")
    flow.run(start())
    assert f"Did you mean {meant}?" in capsys.readouterr().out


@pytest.mark.slow
def test_double_slash_saves_the_word_and_a_refused_sentence_comes_back_to_edit(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home, keep=["define-success", "tell-me-about-team"])
    keyboard.type("//done\r", "/skip the rest of it\r", "\x01/\r", "/d\r")  # Ctrl-A: to the line's start
    session = start()
    flow.run(session)
    assert keyboard.prompts[2].default == "/skip the rest of it"
    assert [a.text for a in load_interview(session.path).answers] == ["/done", "/skip the rest of it"]


# ------------------------------------------------------------------ --multiline, a stray Enter


@pytest.mark.slow
def test_multiline_answers_keep_their_lines_and_the_keys_say_how_to_save(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type("First line\rSecond line" + ALT_ENTER, "/d" + ALT_ENTER)
    session = flow.start(Context(), "acme", ["Dana:hiring-manager"], "", resume=None, multiline=True)
    flow.run(session)
    assert [a.text for a in load_interview(session.path).answers] == ["First line\nSecond line"]
    out = capsys.readouterr().out
    assert "Esc then Enter saves" in out and "Enter saves  /s" not in out


@pytest.mark.slow
def test_a_stray_enter_shows_one_line(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type("\r", "/d\r")
    flow.run(start())
    out = capsys.readouterr().out
    after = out.split("/? keys\n", 1)[1]
    said, then = after.split("\n")[:2]
    assert (
        said.startswith("Nothing typed") and "/?" in said and then == ""
    )  # one line, then the question again


# ------------------------------------------------------------------ empty rounds


@pytest.mark.slow
def test_an_interview_stopped_before_anything_was_said_is_not_kept(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home)
    keyboard.type(CTRL_C)
    with pytest.raises(SystemExit):
        flow.run(start())
    assert interview_files(prep_home, "acme") == []
    review = prep("review", "acme", "--no-input")
    assert review[0] == 0 and "thank-you" not in review[1]


@pytest.mark.slow
def test_not_resuming_an_empty_interview_removes_it(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    empty = start().path  # left open, with nothing in it
    keyboard.type("n", "Straight to it\r", "/d\r")
    second = start(resume=None)
    flow.run(second)
    # The empty one went (the new one may reuse its name, started in the same minute).
    assert interview_files(prep_home, "acme") == [second.path]
    assert [a.text for a in load_interview(second.path).answers] == ["Straight to it"]
    assert empty.exists() == (empty == second.path)


@pytest.mark.slow
def test_a_hand_written_line_keeps_an_otherwise_empty_interview(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    session = start()
    with session.path.open("a") as file:
        file.write("\nMy own note, typed in the editor.\n")
    keyboard.type("/d\r")
    flow.run(session)
    assert session.path.exists() and load_interview(session.path).finished


# ------------------------------------------------------------------ resuming with a new panel


def _open_interview_with_dana(keyboard: Keyboard, prep_home: Path) -> Path:
    make_company(prep_home, keep=["love", "define-success"])
    keyboard.type("Dana's answer\r", CTRL_C)
    first = flow.start(Context(), "acme", ["Dana:hiring-manager"], "onsite", resume=None)
    with pytest.raises(SystemExit):
        flow.run(first)
    keyboard.prompts.clear()
    keyboard.shown.clear()
    return first.path


@pytest.mark.slow
def test_resuming_with_a_new_person_asks_and_can_add_them(keyboard: Keyboard, prep_home: Path) -> None:
    path = _open_interview_with_dana(keyboard, prep_home)
    keyboard.type("\r", "The people\r", "/d\r")  # the first choice: resume with Dana and Lee
    session = start(resume=None, panel=["Lee:engineer"])
    assert keyboard.prompts[0].message.startswith("An unfinished interview")
    assert session.path == path and [p.name for p in session.present] == ["Dana", "Lee"]
    assert [p.name for p in load_interview(path).interviewers] == ["Dana", "Lee"]
    flow.run(session)
    assert ("love", "Lee") in [(step.question_id, step.who) for step in keyboard.shown]


@pytest.mark.slow
def test_resuming_with_a_new_person_can_start_a_new_interview_with_them(
    keyboard: Keyboard, prep_home: Path
) -> None:
    path = _open_interview_with_dana(keyboard, prep_home)
    keyboard.type(DOWN + DOWN + "\r", "Lee's answer\r", "/d\r")
    session = start(resume=None, panel=["Lee:engineer"])
    assert session.path != path and [p.name for p in session.present] == ["Lee"]
    flow.run(session)
    assert load_interview(path).finished and answers(load_interview(path))[0][2] == "Dana"
    assert [a.who for a in load_interview(session.path).answers] == ["Lee"]


@pytest.mark.slow
def test_resume_flag_with_a_new_person_adds_them_and_says_so(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _open_interview_with_dana(keyboard, prep_home)
    keyboard.type("/d\r")
    session = start(resume=True, panel=["Lee:engineer"])
    flow.run(session)
    assert [p.name for p in load_interview(path).interviewers] == ["Dana", "Lee"]
    assert "Lee joined the panel" in capsys.readouterr().out


# ------------------------------------------------------------------ the red-flag menu


def _flags(path: Path) -> list[tuple[str, str, str, str | None]]:
    return [(f.text, f.severity, f.who, f.signal) for f in load_interview(path).flags]


@pytest.mark.slow
@pytest.mark.parametrize("out_key", [ESC, CTRL_C])
def test_esc_or_ctrl_c_in_the_flag_menu_backs_out_and_the_interview_goes_on(
    keyboard: Keyboard, prep_home: Path, out_key: str
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type("/f\r", out_key, "Still here\r", "/d\r")
    session = start()
    flow.run(session)
    interview = load_interview(session.path)
    assert interview.flags == [] and [a.text for a in interview.answers] == ["Still here"]
    assert keyboard.shown[-1].question_id == "define-success"


@pytest.mark.slow
@pytest.mark.parametrize("at", ["Severity?", "About whom?"])
def test_esc_later_in_the_flag_menu_saves_no_flag(keyboard: Keyboard, prep_home: Path, at: str) -> None:
    make_company(prep_home, keep=["define-success"])
    keys = {
        "Severity?": ["Rude to the receptionist\r", ESC],
        "About whom?": ["Rude to the receptionist\r", "\r", ESC],
    }
    keyboard.type("/f\r", *keys[at], "/d\r")
    session = start()
    flow.run(session)
    assert keyboard.prompts[-2].message == at
    assert not session.path.exists()  # nothing saved at all


@pytest.mark.slow
def test_typing_part_of_a_signal_filters_the_list_and_takes_its_severity(
    keyboard: Keyboard, prep_home: Path
) -> None:
    signals = list(load_catalog().signals.values())
    word = "manager"
    matching = [s for s in signals if word in s.text.lower()]
    assert 1 < len(matching) < len(signals)
    chosen = matching[-1]
    make_company(prep_home, keep=["define-success"])
    keyboard.type("/f\r", word + "\r", DOWN * (len(matching) - 1) + "\r", "\r", DOWN + "\r", "/d\r")
    session = start()
    flow.run(session)
    which = keyboard.prompts[2]
    assert which.message == "Which one?"
    assert [p.message for p in keyboard.prompts[3:5]] == [
        "Evidence (what was said or done; Enter to skip):",
        "About whom?",
    ]
    # Lee, though Dana's question was on screen; the signal's own severity, never asked.
    assert _flags(session.path) == [(chosen.text, chosen.severity, "Lee", chosen.id)]


@pytest.mark.slow
def test_the_filtered_list_fits_the_screen(
    keyboard: Keyboard, prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_prep import prompts

    signals = list(load_catalog().signals.values())
    seen: list[int] = []
    real_select = prompts.questionary.select

    def select(message: str, choices: list[object], **kwargs: object) -> object:
        seen.append(len(choices))
        return real_select(message, choices=choices, **kwargs)

    monkeypatch.setattr(prompts.questionary, "select", select)
    monkeypatch.setenv("LINES", "12")
    make_company(prep_home, keep=["define-success"])
    keyboard.type("/f\r", "e\r", ESC, "/d\r")  # 'e' is in nearly every signal
    flow.run(start())
    assert sum("e" in s.text.lower() for s in signals) > 12
    assert seen and seen[0] <= 12 - 2


@pytest.mark.slow
def test_own_words_ask_the_severity_with_medium_first(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type("/f\r", "Zq nothing like any signal\r", "\r", "\r", "/d\r")
    session = start()
    flow.run(session)
    assert _flags(session.path) == [("Zq nothing like any signal", "medium", "Dana", None)]


# ------------------------------------------------------------------ broken user files


@pytest.mark.slow
@pytest.mark.parametrize(
    ("where", "content"),
    [
        ("banks/mine.yaml", "questions:\n  - id: my-one\n    text: [unclosed\n"),
        ("banks/mine.yaml", "questions:\n  - id: x\n"),
        ("config.yaml", "thresholds:\n  hours_per_week: lots\n"),
        ("config.yaml", "thresholds: [\n"),
    ],
)
def test_a_broken_user_bank_or_config_is_one_warning_and_the_interview_runs(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str], where: str, content: str
) -> None:
    make_company(prep_home, keep=["define-success"])
    broken = prep_home / where
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text(content)
    keyboard.type("About shipping\r", "/d\r")
    session = start()
    flow.run(session)
    assert [(a.question_id, a.text) for a in load_interview(session.path).answers] == [
        ("define-success", "About shipping")
    ]
    out = capsys.readouterr().out
    assert out.count("Warning:") == 1
    warning = "".join(out.split("Warning:")[1].split("Ask Dana")[0].split())  # wrapped to the screen
    assert broken.name in warning and "Traceback" not in out


# ------------------------------------------------------------------ cut-off answers


@pytest.mark.slow
def test_a_cut_off_answer_is_marked_and_offered_for_completion(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home, keep=["define-success", "love"])
    keyboard.type("We measure it by" + CTRL_C)
    session = start()
    with pytest.raises(SystemExit):
        flow.run(session)
    [cut] = load_interview(session.path).answers
    assert cut.cut_off is True and '"cut": true' in session.path.read_text()

    keyboard.type(" shipped outcomes\r", "/d\r")
    flow.run(start(resume=True))
    assert keyboard.prompts[1].default == "We measure it by"
    [whole] = load_interview(session.path).answers
    assert (whole.number, whole.text, whole.cut_off) == (
        cut.number,
        "We measure it by shipped outcomes",
        False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("at", ["Severity?", "About whom?"])
def test_ctrl_c_later_in_the_flag_menu_keeps_the_words_typed(
    keyboard: Keyboard, prep_home: Path, at: str
) -> None:
    """Issue 14 class A: Esc drops a flag on purpose; Ctrl-C never loses the words typed."""
    make_company(prep_home, keep=["define-success"])
    keys = {
        "Severity?": ["Rude to the receptionist\r", CTRL_C],
        "About whom?": ["Rude to the receptionist\r", DOWN + "\r", CTRL_C],  # medium, then low
    }
    keyboard.type("/f\r", *keys[at], "/d\r")
    session = start()
    flow.run(session)
    assert keyboard.prompts[-2].message == at
    expected_severity = "medium" if at == "Severity?" else "low"
    assert _flags(session.path) == [("Rude to the receptionist", expected_severity, "Dana", None)]
