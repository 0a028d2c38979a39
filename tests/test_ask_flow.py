"""`prep ask` driven through its real questionary prompts (prompt_toolkit pipe input).

The `keyboard` fixture types one scripted string of keys at each prompt, at the
moment that prompt appears, and first records what the interview file held
then. So every assertion about a snapshot is a statement about what was on disk
before that prompt was shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from helpers import interview_files, prep
from interview_prep import prompts
from interview_prep.banks.loader import load_catalog
from interview_prep.commands import ask as flow
from interview_prep.commands.context import Context
from interview_prep.core.interview import Step
from interview_prep.core.transcript import Interview
from interview_prep.render import ask_screen, views
from interview_prep.storage.companies import resolve_company
from interview_prep.storage.interviews import load_interview

DOWN = "\x1b[B"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_U = "\x15"  # clears the line before the cursor
PANEL = ["Dana:hiring-manager", "Lee:engineer"]
CHECKLIST = ["define-success", "tell-me-about-team", "love", "hate", "hours-per-week"]


@dataclass
class Prompt:
    """One prompt as it appeared: its message, the question on screen, and the file at that moment."""

    message: str
    default: str
    step: tuple[str, str] | None  # (question id, who) of the last question shown
    text: str | None  # the interview file's raw text, None before it exists
    interview: Interview | None


class Keyboard:
    def __init__(self, home: Path, monkeypatch: pytest.MonkeyPatch, pipe: Any) -> None:
        self.home = home
        self.pipe = pipe
        self.keys: list[str] = []
        self.prompts: list[Prompt] = []
        self.shown: list[Step] = []
        real_ask = questionary.Question.unsafe_ask
        real_question = ask_screen.Screen.question

        def ask(question: questionary.Question, patch_stdout: bool = False) -> Any:
            path = self.path()
            self.prompts.append(
                Prompt(
                    getattr(question, "prep_message", "?"),
                    getattr(question, "prep_default", ""),
                    (self.shown[-1].question_id, self.shown[-1].who) if self.shown else None,
                    path.read_text(encoding="utf-8") if path else None,
                    load_interview(path) if path else None,
                )
            )
            if not self.keys:
                raise AssertionError(f"a prompt nobody scripted keys for: {self.prompts[-1].message!r}")
            self.pipe.send_text(self.keys.pop(0))
            return real_ask(question, patch_stdout)

        def show(screen: ask_screen.Screen, step: Step, *more: Any) -> None:
            self.shown.append(step)
            real_question(screen, step, *more)

        monkeypatch.setattr(questionary.Question, "unsafe_ask", ask)
        monkeypatch.setattr(ask_screen.Screen, "question", show)
        for factory in ("text", "select", "confirm", "autocomplete"):
            monkeypatch.setattr(questionary, factory, self._labelled(getattr(questionary, factory)))
        real_ready = prompts.AnswerPrompt.ready

        def ready(prompt: prompts.AnswerPrompt, message: str, default: str, multiline: bool) -> Any:
            question = real_ready(prompt, message, default, multiline)
            question.prep_message, question.prep_default = message, default  # the reused prompt's labels
            return question

        monkeypatch.setattr(prompts.AnswerPrompt, "ready", ready)

    @staticmethod
    def _labelled(factory: Any) -> Any:
        def make(message: str, *args: Any, **kwargs: Any) -> Any:
            question = factory(message, *args, **kwargs)
            question.prep_message = message
            question.prep_default = kwargs.get("default") or ""
            return question

        return make

    def type(self, *keys: str) -> None:
        """Queue keys: one string per prompt, in the order the prompts will appear."""
        self.keys.extend(keys)

    def path(self) -> Path | None:
        """The interview file written last (the one this session writes to)."""
        files = interview_files(self.home, "acme")
        return max(files, key=lambda path: path.stat().st_mtime_ns) if files else None


@pytest.fixture
def keyboard(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Keyboard]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        board = Keyboard(prep_home, monkeypatch, pipe)
        yield board
        assert board.keys == [], f"keys never typed (a prompt did not appear): {board.keys}"


def make_company(home: Path, keep: list[str] | None = None) -> Path:
    """`prep new acme --no-input`, then (as a user may) delete every checklist line not in `keep`."""
    code, _, err = prep("new", "acme", "--no-input")
    assert code == 0, err
    company = home / "acme" / "company.md"
    if keep is not None:
        lines = company.read_text().split("\n")
        ids = [re.search(r"<!-- q:([a-z0-9-]+) -->", line) for line in lines]
        company.write_text(
            "\n".join(line for line, found in zip(lines, ids, strict=True) if not found or found[1] in keep)
        )
    return company


def ticked(company: Path) -> set[str]:
    return set(re.findall(r"^- \[x\] .* <!-- q:([a-z0-9-]+) -->$", company.read_text(), re.M))


def start(resume: bool | None = None, panel: list[str] | None = None) -> flow.Session:
    return flow.start(Context(), "acme", PANEL if panel is None else panel, "onsite", resume=resume)


def answers(interview: Interview | None) -> list[tuple[int, str, str, str]]:
    assert interview is not None
    return [(a.number, a.question_id, a.who, a.text) for a in interview.answers]


def entry_count(interview: Interview | None) -> int:
    assert interview is not None
    return len(interview.answers) + len(interview.flags) + len(interview.notes) + len(interview.skips)


# ------------------------------------------------------------------ the whole scenario, step by step


@pytest.mark.slow
def test_a_two_person_panel_step_by_step_then_ctrl_c_then_resume(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    company = make_company(prep_home, keep=CHECKLIST)
    looks_exchanged = load_catalog().signals["looks-exchanged"].text
    keyboard.type(
        "Ship the billing rewrite\r",  # 0  define-success, Dana
        "\r",  # 1  tell-me-about-team, Dana: Enter alone only shows the keys
        "/s\r",  # 2  ... skip it
        "/b\r",  # 3  love, Dana: go back to answer 1
        " by March\r",  # 4  the edit prompt, pre-filled with answer 1
        "/f\r",  # 5  love, Dana: a red flag
        looks_exchanged + "\r",  # 6  the signal's text (as Tab completes it)
        "They looked at each other\r",  # 7  evidence (the signal's own severity: not asked)
        "\r",  # 8  about whom: the person being asked (the default)
        "/n\r",  # 9  a note
        "Office was very quiet\r",  # 10
        "The code reviews\r",  # 11 love, Dana
        "Half a sent" + CTRL_C,  # 12 love, Lee: Ctrl-C mid-answer
    )
    session = start()
    assert resolve_company(prep_home, "acme").status == "interviewing"  # the pipeline moves on
    with pytest.raises(SystemExit) as stopped:
        flow.run(session)
    assert stopped.value.code == 130
    seen = keyboard.prompts
    assert [(p.message, p.step) for p in seen] == [
        ("Answer:", ("define-success", "Dana")),
        ("Answer:", ("tell-me-about-team", "Dana")),
        ("Answer:", ("tell-me-about-team", "Dana")),
        ("Answer:", ("love", "Dana")),
        ("Answer:", ("love", "Dana")),
        ("Answer:", ("love", "Dana")),
        ("Red flag:", ("love", "Dana")),
        ("Evidence (what was said or done; Enter to skip):", ("love", "Dana")),
        ("About whom?", ("love", "Dana")),
        ("Answer:", ("love", "Dana")),
        ("Note:", ("love", "Dana")),
        ("Answer:", ("love", "Dana")),
        ("Answer:", ("love", "Lee")),
    ]

    # 0: the file exists, holding the header and no entries yet.
    assert seen[0].interview is not None and entry_count(seen[0].interview) == 0
    assert seen[0].interview.interviewers[1].name == "Lee" and seen[0].interview.finished is False
    # 1: the answer is on disk before the next question.
    assert answers(seen[1].interview) == [(1, "define-success", "Dana", "Ship the billing rewrite")]
    assert "\nShip the billing rewrite\n<!-- prep:end 1 -->\n" in (seen[1].text or "")
    # 2: Enter alone wrote nothing.
    assert seen[2].text == seen[1].text
    # 3: the skip is recorded for that question and person.
    skips = seen[3].interview.skips if seen[3].interview else []
    assert [(s.number, s.question_id, s.who) for s in skips] == [(2, "tell-me-about-team", "Dana")]
    # 4: the edit prompt starts from the previous answer; nothing written yet.
    assert seen[4].default == "Ship the billing rewrite" and seen[4].text == seen[3].text
    # 5: answer 1 rewritten in place, marked as edited; the skip after it untouched.
    assert answers(seen[5].interview) == [(1, "define-success", "Dana", "Ship the billing rewrite by March")]
    assert '"edited": "' in (seen[5].text or "")
    assert (seen[5].text or "").split("<!-- prep:end 1 -->")[1] == (seen[4].text or "").split(
        "<!-- prep:end 1 -->"
    )[1]
    # 6-9: nothing is written until the flag is complete...
    assert seen[6].text == seen[7].text == seen[8].text == seen[5].text
    # ...then it is, with the signal, its severity, and who was being asked.
    assert seen[9].interview is not None
    [red_flag] = seen[9].interview.flags
    assert (red_flag.number, red_flag.text, red_flag.severity, red_flag.who, red_flag.signal) == (
        3,
        "They looked at each other",
        "high",
        "Dana",
        "looks-exchanged",
    )
    assert "### Red flag (high, Dana): They looked at each other\n" in (seen[9].text or "")
    # 11: the note.
    assert seen[11].interview is not None
    assert [(n.number, n.text) for n in seen[11].interview.notes] == [(4, "Office was very quiet")]
    # 12: love from Dana; Lee is asked next (panel order).
    assert answers(seen[12].interview)[-1] == (5, "love", "Dana", "The code reviews")

    # Ctrl-C: what was half typed is kept as Lee's answer, and the interview stays open.
    after_ctrl_c = load_interview(session.path)
    after_ctrl_c_text = session.path.read_text()
    assert answers(after_ctrl_c)[-1] == (6, "love", "Lee", "Half a sent")
    assert after_ctrl_c.finished is False
    assert ticked(company) == {"define-success", "love"}
    out = capsys.readouterr().out
    # A stray Enter: one line, not the whole key list.
    [stray] = [line for line in out.split("\n") if line.startswith("Nothing typed")]
    assert "/s" in stray and "/?" in stray and "Enter on its own never skips." not in out
    assert "Stopped. Everything you typed is saved" in out
    assert "prep ask acme" in out

    # Resume: the confirm; Lee's cut-off answer comes back to finish; then hate (reverse panel order).
    keyboard.prompts.clear()
    keyboard.type(
        "\r",  # resume? yes (the default)
        "ence\r",  # love, Lee: the prompt holds "Half a sent"
        "Too many meetings\r",  # hate, Lee
        "Slow reviews\r",  # hate, Dana
        "about 55 hours\r",  # hours-per-week, Lee
        "\r",  # nothing left: Enter finishes
    )
    resumed = start(resume=None, panel=[])  # the people come from the file
    assert resumed.path == session.path
    message = views.interview_finished(flow.run(resumed))
    seen = keyboard.prompts
    assert [(p.message, p.step) for p in seen] == [
        (f"Resume the unfinished interview {flow.describe(session.path)}?", ("love", "Lee")),
        ("Answer:", ("love", "Lee")),
        ("Answer:", ("hate", "Lee")),
        ("Answer:", ("hate", "Dana")),
        ("Answer:", ("hours-per-week", "Lee")),
        ("Anything else?", ("hours-per-week", "Lee")),
    ]
    assert seen[0].text == seen[1].text == after_ctrl_c_text
    assert after_ctrl_c.answers[-1].cut_off is True and seen[1].default == "Half a sent"
    # The finished answer replaces the cut-off one, in place and no longer marked.
    assert answers(seen[2].interview)[-1] == (6, "love", "Lee", "Half a sentence")
    assert seen[2].interview is not None and seen[2].interview.answers[-1].cut_off is False
    assert answers(seen[3].interview)[-1] == (7, "hate", "Lee", "Too many meetings")
    assert answers(seen[4].interview)[-1] == (8, "hate", "Dana", "Slow reviews")
    assert answers(seen[5].interview)[-1] == (9, "hours-per-week", "Lee", "about 55 hours")

    final = load_interview(session.path)
    assert final.finished is True
    assert [a.number for a in final.answers] == [1, 5, 6, 7, 8, 9]
    assert message == (
        f"Finished: 6 answers, 1 red flag, 1 note in acme/interviews/{session.path.name}. Next: prep review acme"
    )
    assert ticked(company) == {"define-success", "love", "hate", "hours-per-week"}
    out = capsys.readouterr().out
    assert "Warning: Hours 55 hours per week, above the bank's default limit of 50" in out


# ------------------------------------------------------------------ guarantees


@pytest.mark.slow
def test_every_answer_is_on_disk_before_the_next_question_appears(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home)
    typed = [f"answer number {n}" for n in range(1, 7)]
    keyboard.type(*(text + "\r" for text in typed), "/d\r")
    session = start()
    flow.run(session)
    assert len(keyboard.prompts) == len(keyboard.shown) == 7
    for index, seen in enumerate(keyboard.prompts):
        assert seen.interview is not None
        on_disk = [(a.question_id, a.who, a.text) for a in seen.interview.answers]
        # Before prompt N the file holds the N answers typed so far, each to the question shown with it.
        assert on_disk == [
            (step.question_id, step.who, text)
            for step, text in zip(keyboard.shown, typed[:index], strict=False)
        ], f"before prompt {index}"


@pytest.mark.slow
def test_one_answer_prompt_serves_the_interview_and_ctrl_c_keeps_the_question_on_screen(
    keyboard: Keyboard, prep_home: Path, answer_prompts_built: list[Any]
) -> None:
    """The answer prompt is built once and reused between menus and other prompts; what
    Ctrl-C keeps is what was typed at the question on screen, never an earlier answer."""
    make_company(prep_home, keep=CHECKLIST)
    keyboard.type(
        "Ship the billing rewrite\r",  # define-success, Dana
        "/n\r",  # a note: its own prompt
        "Quiet office\r",
        "Six engineers\r",  # tell-me-about-team, Dana
        "/f\r",  # a red flag: three menus
        "Nobody smiled\r",
        "\r",  # severity: medium
        "\r",  # about whom: Dana
        "/b\r",  # back to answer 2: the same prompt, holding that answer
        CTRL_U + "Seven engineers\r",
        "The code rev" + CTRL_C,  # love, Dana: the third question
    )
    session = start()
    with pytest.raises(SystemExit):
        flow.run(session)
    interview = load_interview(session.path)
    assert answers(interview) == [
        (1, "define-success", "Dana", "Ship the billing rewrite"),
        (3, "tell-me-about-team", "Dana", "Seven engineers"),
        (5, "love", "Dana", "The code rev"),
    ]
    assert [a.cut_off for a in interview.answers] == [False, False, True]
    answer_prompts = [p for p in keyboard.prompts if p.message == "Answer:"]
    assert [p.default for p in answer_prompts] == ["", "", "", "", "", "Six engineers", ""]
    assert len(answer_prompts_built) == 1


@pytest.mark.slow
def test_hand_edits_to_the_interview_file_survive_more_answers_byte_for_byte(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home, keep=CHECKLIST)
    keyboard.type("First answer\r", "Second answer\r", CTRL_C)
    session = start()
    with pytest.raises(SystemExit):
        flow.run(session)

    original = session.path.read_text()
    prose = "\nI wrote this paragraph myself, between two entries.\nIt has *Markdown* and a [link](x).\n\n"
    heading = "### My own heading for Dana's answer"
    tail = "\n## Later thoughts\nThis is mine too, with no newline at the end"
    end_1 = "<!-- prep:end 1 -->\n"
    assert end_1 in original
    edited = original.replace(end_1, end_1 + prose, 1)
    old_heading = next(line for line in edited.split("\n") if line.startswith("### ") and "(Dana)" in line)
    edited = edited.replace(old_heading, heading, 1) + tail
    session.path.write_text(edited)

    keyboard.type(
        "/b\r",  # edit answer 2, which sits after the prose
        CTRL_U + "Second answer, corrected\r",
        "Third answer\r",
        "Fourth answer\r",
        "/n\r",
        "A note after my own text\r",
        "/d\r",
    )
    flow.run(start(resume=True))
    final = session.path.read_text()
    assert "\nfinished: true\n" in final  # the one front matter field prep owns here
    final = final.replace("\nfinished: true\n", "\nfinished: false\n", 1)

    for line in (*prose.split("\n"), heading, *tail.split("\n")):
        assert line in final.split("\n"), line
    # Byte for byte: everything before entry 2, and everything from its end marker to the end of
    # the hand-edited file, is unchanged; the new entries come after it.
    begin_2 = edited.index('<!-- prep:answer {"n": 2,')
    end_2 = edited.index("<!-- prep:end 2 -->")
    assert final[:begin_2] == edited[:begin_2]
    new_end_2 = final.index("<!-- prep:end 2 -->")
    assert final[new_end_2 : new_end_2 + len(edited) - end_2] == edited[end_2:]
    rest = final[new_end_2 + len(edited) - end_2 :]
    assert rest.startswith("\n\n### ")  # the user's last line was closed, then a new heading
    interview = load_interview(session.path)
    assert [a.text for a in interview.answers] == [
        "First answer",
        "Second answer, corrected",
        "Third answer",
        "Fourth answer",
    ]
    assert [n.text for n in interview.notes] == ["A note after my own text"]


# ------------------------------------------------------------------ the keys


@pytest.mark.slow
def test_double_slash_saves_a_slash_and_a_mistyped_key_saves_nothing(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home, keep=["define-success", "tell-me-about-team"])
    keyboard.type("/x\r", "//s is a path\r", "/usr/bin is where it lives\r", "/?\r", "/D\r")
    session = start()
    assert views.interview_finished(flow.run(session)).startswith("Finished: 2 answers, 0 red flags, 0 notes")
    assert keyboard.prompts[1].text == keyboard.prompts[0].text  # '/x' wrote nothing
    assert answers(load_interview(session.path)) == [
        (1, "define-success", "Dana", "/s is a path"),
        (2, "tell-me-about-team", "Dana", "/usr/bin is where it lives"),
    ]


@pytest.mark.slow
def test_when_the_questions_run_out_typing_saves_a_note_and_keys_still_work(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["salary-band"])  # a recruiter question: nobody here to ask
    keyboard.type(
        "The office had a slide\r",
        "/s\r",
        "//u and a slash\r",
        "/f\r",
        "Nobody smiled\r",  # no signal has these words: my own
        "\r",  # severity: medium
        "\r",  # about whom: nobody in particular (no question on screen)
        "/d\r",
    )
    session = start()
    flow.run(session)
    assert [p.message for p in keyboard.prompts] == [
        "Anything else?",
        "Anything else?",
        "Anything else?",
        "Anything else?",
        "Red flag:",
        "Severity?",
        "About whom?",
        "Anything else?",
    ]
    interview = load_interview(session.path)
    assert [n.text for n in interview.notes] == ["The office had a slide", "/u and a slash"]
    assert [(f.text, f.severity, f.who, f.signal) for f in interview.flags] == [
        ("Nobody smiled", "medium", "", None)
    ]
    assert interview.answers == [] and interview.skips == []
    assert "No question is on screen to skip" in capsys.readouterr().out


@pytest.mark.slow
def test_u_asks_the_follow_ups_right_after_the_question_on_screen(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home, keep=["love"])
    keyboard.type(
        "/u\r",  # love, Dana: queue its first follow-up
        "/u\r",  # ...and the second
        "The people\r",  # love, Dana
        "Yes, since the reorg\r",  # follow-up 1
        "Mostly my team\r",  # follow-up 2
        "/u\r",  # love, Lee: the follow-ups start again for Lee
        "/s\r",  # skip love for Lee; the follow-up asked for still comes
        "/u\r",  # on a follow-up: the question's next one, after this
        "Not for us\r",  # follow-up 1, Lee
        "/d\r",  # at follow-up 2, Lee
    )
    session = start()
    flow.run(session)
    love = load_catalog().questions["love"]
    assert [(step.question_id, step.who, step.kind) for step in keyboard.shown] == [
        ("love", "Dana", "question"),
        ("love", "Dana", "question"),
        ("love", "Dana", "question"),
        ("love/follow-up-1", "Dana", "follow-up"),
        ("love/follow-up-2", "Dana", "follow-up"),
        ("love", "Lee", "question"),
        ("love", "Lee", "question"),
        ("love/follow-up-1", "Lee", "follow-up"),
        ("love/follow-up-1", "Lee", "follow-up"),
        ("love/follow-up-2", "Lee", "follow-up"),
    ]
    assert keyboard.shown[3].text == love.follow_ups[0]
    interview = load_interview(session.path)
    assert answers(interview) == [
        (1, "love", "Dana", "The people"),
        (2, "love/follow-up-1", "Dana", "Yes, since the reorg"),
        (3, "love/follow-up-2", "Dana", "Mostly my team"),
        (5, "love/follow-up-1", "Lee", "Not for us"),
    ]
    assert [(s.question_id, s.who) for s in interview.skips] == [("love", "Lee")]


@pytest.mark.slow
def test_ctrl_d_stops_like_ctrl_c(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    keyboard.type("One\r", CTRL_D)
    session = start()
    with pytest.raises(SystemExit) as stopped:
        flow.run(session)
    assert stopped.value.code == 130
    assert [a.text for a in load_interview(session.path).answers] == ["One"]


@pytest.mark.slow
def test_ctrl_c_in_a_note_keeps_the_half_typed_note(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    keyboard.type("/n\r", "The recruiter said Fri" + CTRL_C)
    session = start()
    with pytest.raises(SystemExit):
        flow.run(session)
    assert [n.text for n in load_interview(session.path).notes] == ["The recruiter said Fri"]


@pytest.mark.slow
def test_ctrl_c_on_a_typed_key_saves_no_answer(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    keyboard.type("/d" + CTRL_C)
    session = start()
    with pytest.raises(SystemExit):
        flow.run(session)
    assert not session.path.exists()  # nothing was said: no empty round is left behind


@pytest.mark.slow
def test_going_back_and_clearing_the_answer_keeps_it(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    keyboard.type("/b\r", "Kept\r", "/b\r", CTRL_U + "\r", "/d\r")
    session = start()
    flow.run(session)
    interview = load_interview(session.path)
    assert [a.text for a in interview.answers] == ["Kept"]
    assert '"edited"' not in session.path.read_text()


@pytest.mark.slow
def test_not_resuming_finishes_the_old_interview_and_starts_a_new_one(
    keyboard: Keyboard, prep_home: Path
) -> None:
    make_company(prep_home)
    keyboard.type("Round one\r", CTRL_C, "n", "/d\r")  # a confirm takes "n" without Enter
    first = start()
    with pytest.raises(SystemExit):
        flow.run(first)
    second = start(resume=None)  # answers "n" to the resume question
    assert second.path != first.path
    assert load_interview(first.path).finished is True
    flow.run(second)  # finished with nothing said: not kept as a round
    assert interview_files(prep_home, "acme") == [first.path]


@pytest.mark.slow
def test_a_later_round_opens_with_what_to_probe(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["hate", "interviewer-tenure", "love"])
    keyboard.type("/d\r")
    code, _, err = prep("answer", "acme", "hate", "The on-call rota", "--who", "Dana")
    assert code == 0, err
    code, _, err = prep("flag", "acme", "Dodged the hours question", "--severity", "high", "--who", "Lee")
    assert code == 0, err
    start(resume=False)  # the one-shot interview is finished; this is round two
    flow.run(start(resume=True))
    out = capsys.readouterr().out
    assert "Probe this (from earlier rounds):" in out
    assert "disliked: The on-call rota  (Dana," in out
    assert "red flag: Dodged the hours question  (high, Lee)" in out
    assert "still unasked: How long have you been at acme?" in out


@pytest.mark.slow
def test_a_later_round_probes_number_and_dealbreaker_findings_saying_what_they_were(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["hate", "hours-per-week", "love"])
    (prep_home / "config.yaml").write_text("dealbreakers:\n  - no code review\n")
    keyboard.type("/d\r")
    for question, text in (("hours-per-week", "eleven-hour days"), ("hate", "There is no code review here")):
        code, _, err = prep("answer", "acme", question, text, "--who", "Lee")
        assert code == 0, err
    start(resume=False)
    flow.run(start(resume=True))
    out = capsys.readouterr().out
    assert "number past a limit: Hours 55 hours per week" in out
    assert "dealbreaker heard: Dealbreaker: no code review" in out


@pytest.mark.slow
def test_a_recruiter_only_panel_moves_the_company_to_screening(keyboard: Keyboard, prep_home: Path) -> None:
    make_company(prep_home)
    keyboard.type("/d\r")
    flow.run(start(panel=["Ria:recruiter"]))
    assert resolve_company(prep_home, "acme").status == "screening"


@pytest.mark.slow
def test_a_number_under_the_limit_is_shown_and_the_interview_goes_on(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["hours-per-week"])
    keyboard.type("about 40 hours\r", "/d\r")
    flow.run(start())
    assert "Hours 40 hours per week\n" in capsys.readouterr().out
