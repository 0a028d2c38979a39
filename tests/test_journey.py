"""The whole journey in a real terminal: the installed `prep` under a pty, driven with pexpect.

new (checkbox + own prep) -> plan (per person, within the minutes, your key messages) ->
sheet (the same plan as Markdown and as a printable page) ->
ask with a clock (answers, a picked red flag on the second panel member, a key message
landed with /k, Ctrl-C) -> ask again (resume, love / hate round the panel, a number over
its limit, a note, /d) -> review with its reflection prompts, listing the key message never
landed and putting it in the recruiter call -> review of every company. Each step checks
what the screen shows and what the files hold.

The screen is the pty's output with escape sequences removed and whitespace
collapsed, so Rich's and prompt_toolkit's line wrapping does not matter. Cursor
position requests are answered the way a terminal would, so prompt_toolkit never
waits for a reply.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest

from interview_prep.banks.loader import load_catalog
from interview_prep.storage.companies import read_checklist, read_company
from interview_prep.storage.interviews import list_interview_paths, load_interview

PREP = str(Path(sys.executable).parent / "prep")
UP, DOWN, ENTER, CTRL_C, TAB = "\x1b[A", "\x1b[B", "\r", "\x03", "\t"
COLUMNS = 100

_MOVE = re.compile(r"\x1b\[(\d*)([ABCDEFGHf])")  # cursor moves: a gap on the screen
_OTHER_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, erase, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: window title
    r"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_INCOMPLETE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07]*|[()])?$")


def screen_text(raw: str) -> str:
    """What a reader sees, as one line: escapes dropped, whitespace collapsed."""
    raw = _INCOMPLETE.sub("", raw)
    raw = _MOVE.sub(lambda m: " " * int(m.group(1) or 1) if m.group(2) == "C" else " ", raw)
    raw = _OTHER_ESCAPES.sub("", raw).replace("\r", " ")
    return " ".join(_CONTROLS.sub("", raw).split())


def flat(text: str) -> str:
    return " ".join(text.split())


class Terminal:
    """One `prep` run under a pty; `expect` searches what has been shown since the last match."""

    def __init__(self, home: Path, *args: str) -> None:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"FORCE_COLOR", "PROMPT_TOOLKIT_NO_CPR", "VISUAL", "EDITOR"}
        }
        env.update(PREP_HOME=str(home), TERM="xterm", NO_COLOR="1", COLUMNS=str(COLUMNS), LINES="40")
        self.child = pexpect.spawn(
            PREP, list(args), env=env, encoding="utf-8", dimensions=(40, COLUMNS), timeout=10
        )
        self.raw = ""
        self.pos = 0

    @property
    def screen(self) -> str:
        return screen_text(self.raw)

    def _pump(self, timeout: float) -> None:
        chunk = self.child.read_nonblocking(65536, timeout)
        requests = chunk.count("\x1b[6n")
        if requests:  # answer "where is the cursor?" like a terminal would
            self.child.send("\x1b[1;1R" * requests)
        self.raw += chunk

    def expect(self, pattern: str, timeout: float = 10) -> re.Match[str]:
        """Wait until `pattern` (a regex over the flattened screen) shows; move past it."""
        compiled = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            found = compiled.search(self.screen, self.pos)
            if found:
                self.pos = found.end()
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (not self.child.isalive() and not self._drain()):
                raise AssertionError(
                    f"{pattern!r} never showed. Screen since the last match:\n{self.screen[self.pos :][-3000:]}"
                )
            try:
                self._pump(min(remaining, 0.5))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                if compiled.search(self.screen, self.pos) is None:
                    raise AssertionError(
                        f"prep exited before {pattern!r} showed:\n{self.screen[self.pos :][-3000:]}"
                    ) from None

    def _drain(self) -> bool:
        try:
            self._pump(0.2)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return False
        return True

    def show(self, text: str, timeout: float = 10) -> re.Match[str]:
        """Wait for literal text (whitespace-insensitive)."""
        return self.expect(re.escape(flat(text)), timeout)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def line(self, text: str) -> None:
        self.child.send(text + ENTER)

    def exit_status(self, timeout: float = 10) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self._pump(0.2)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
        self.child.close()
        assert self.child.exitstatus is not None, f"prep did not exit:\n{self.screen[-2000:]}"
        return int(self.child.exitstatus)


def _new_company(home: Path) -> None:
    prep_prompts = list(load_catalog().prep.values())
    first_list = next(p for p in prep_prompts if p.kind == "list")
    why_company = next((p for p in prep_prompts if p.kind == "text" and "company" in p.prompt.lower()), None)

    term = Terminal(home, "new", "acme", "--role", "Staff Engineer", "--stage", "startup")
    term.show("Questions for acme")
    term.expect("must")
    assert "●" in term.screen and "○" in term.screen, "tailored questions pre-ticked, others not"
    term.send(ENTER)  # accept the pre-ticked selection
    term.show("Write your own prep now")
    term.send("y")
    for prompt in prep_prompts:
        term.show(prompt.prompt[:30])  # the start fits on the first line at 100 columns
        if prompt is first_list:
            term.line(KEY_MESSAGES[0])
            term.show("(2/")
            term.line(KEY_MESSAGES[1])
            term.show("(3/")
            term.send(ENTER)  # an empty line ends the list
        elif prompt is why_company:
            term.line("Their ledger product is the one I use")
        else:
            term.send(ENTER)  # skip
    found = term.expect(r"Created acme with (\d+) questions in acme/company\.md\. Next: prep ask acme")
    assert term.exit_status() == 0

    company = read_company(home, "acme")
    assert (company.name, company.role, company.stage) == ("acme", "Staff Engineer", "startup")
    assert len(read_checklist(home, "acme")) == int(found.group(1))
    text = (home / "acme" / "company.md").read_text()
    mine = text.split("<!-- prep:begin prep -->")[1].split("<!-- prep:end prep -->")[0]
    assert first_list.prompt in mine
    assert f"- {KEY_MESSAGES[0]}\n- {KEY_MESSAGES[1]}\n" in mine
    if why_company is not None:
        assert "Their ledger product is the one I use" in mine


KEY_MESSAGES = ["I scaled payments to ten times the traffic", "I mentor new engineers"]
MINUTES = 20


def _plan(home: Path) -> tuple[int, int]:
    """`prep plan`; how many questions each of Dana and Lee gets."""
    from interview_prep.core.fitting import MINUTES_PER_QUESTION

    term = Terminal(
        home,
        "plan",
        "acme",
        "--with",
        "Dana:hiring-manager",
        "--with",
        "Lee:engineer",
        "--minutes",
        str(MINUTES),
    )
    term.show(f"Plan for acme: {MINUTES} minutes shared by the panel")
    dana = int(term.expect(r"Dana \(hiring manager\): (\d+) questions?").group(1))
    lee = int(term.expect(r"Lee \(engineer\): (\d+) questions?").group(1))
    assert dana and lee and (dana + lee) * MINUTES_PER_QUESTION <= MINUTES, "within the minutes"
    term.show("Your key messages")
    for message in KEY_MESSAGES:
        term.show(message)
    assert term.exit_status() == 0
    return dana, lee


def _sheet(home: Path, planned: tuple[int, int]) -> None:
    """`prep sheet`: the same plan on paper (Markdown on screen, a page with --html)."""
    panel = ("--with", "Dana:hiring-manager", "--with", "Lee:engineer", "--minutes", str(MINUTES))
    term = Terminal(home, "sheet", "acme", *panel)
    term.show("# Interview sheet: acme")
    for message in KEY_MESSAGES:  # the key messages head the sheet
        term.show(message)
    dana = int(term.expect(r"## Dana \(hiring manager\): (\d+) questions?").group(1))
    lee = int(term.expect(r"## Lee \(engineer\): (\d+) questions?").group(1))
    assert (dana, lee) == planned, "the sheet is the plan"
    assert term.exit_status() == 0
    page = home.parent / "sheet.html"
    term = Terminal(home, "sheet", "acme", *panel, "--html", str(page))
    term.show("Wrote the sheet for acme")
    assert term.exit_status() == 0
    html = page.read_text(encoding="utf-8")
    assert all(message in html for message in KEY_MESSAGES) and "<script" not in html


# What the panel says, by question id and person; anything else gets a generic answer.
PANEL = {
    ("love", "Dana"): "The people, code reviewed within the hour",
    ("love", "Lee"): "Small team with real ownership",
    ("hate", "Lee"): "The on-call rota is heavy",
    ("hate", "Dana"): "Too much on-call and pager noise",
    ("hires-last-year-departures", "Dana"): "We hired 12 and 4 left, in a team of 12",
    ("hires-last-year-departures", "Lee"): "We hired 12 and 4 left, in a team of 12",
}


def _which(screen_question: str, who: str) -> str:
    questions = load_catalog().questions.values()
    for question in questions:
        if flat(question.render("acme", who)) == screen_question:
            return question.id
    raise AssertionError(f"no bank question reads {screen_question!r}")


def _ask_next(term: Terminal) -> tuple[str, str]:
    """Wait for the next question screen; (question id, who)."""
    found = term.expect(r"Ask (Dana|Lee): (.+?) (?:must )?Why: ")
    term.show("Enter saves")
    who, text = found.group(1), found.group(2)
    return _which(text, who), who


def _first_round(home: Path) -> str:
    signals = list(load_catalog().signals.values())
    term = Terminal(
        home,
        "ask",
        "acme",
        "--with",
        "Dana:hiring-manager",
        "--with",
        "Lee:engineer",
        "--minutes",
        str(MINUTES),
    )
    term.show("acme: interviewing with Dana (hiring manager), Lee (engineer)")
    interview_id = term.expect(r"Saving to acme/interviews/([0-9-]+)\.md").group(1)

    first, first_who = _ask_next(term)
    shown = term.screen[: term.pos]
    assert re.search(rf"question 1 of \d+ for {first_who} Ask {first_who}:", shown)
    assert f"0 of {MINUTES} min, {MINUTES} left Enter saves" in shown, "the clock, on the key line"
    term.line("Mostly design reviews and pairing")
    term.show("Saved answer 1 to acme/interviews/")

    second, second_who = _ask_next(term)
    term.line("/f")  # a red flag: the second signal, found by typing its first words, Tab completes
    term.show("Red flag:")
    term.send(_unique_start(signals[1].text, signals))
    term.send(TAB)
    term.show(signals[1].text)
    term.send(ENTER)
    term.show("Evidence")
    term.line("They looked at each other when I asked about the manager")
    term.show("About whom?")  # the signal's own severity is not asked; the person is
    term.send(ENTER if second_who == "Lee" else DOWN + ENTER)  # Lee, the second on the panel
    term.show("Saved red flag 2 to acme/interviews/")
    assert _ask_next(term) == (second, second_who), "after /f the same question is still open"
    term.line("A platform lead for the payments team")
    term.show("Saved answer 3")
    _ask_next(term)
    term.line("/k")  # the first key message came across: mark it landed
    term.show("Which key message did you land?")
    term.show(KEY_MESSAGES[1])
    term.send(ENTER)
    term.show("Saved landed key message 4 to acme/interviews/")
    _ask_next(term)
    term.send(CTRL_C)
    path = home / "acme" / "interviews" / f"{interview_id}.md"
    assert term.exit_status() == 130
    said = term.screen[term.pos :]
    assert f"{interview_id}.md" in "".join(said.split()), f"the message names the file: {said}"
    assert "prep ask acme" in said, f"the message says how to resume: {said}"

    interview = load_interview(path)
    assert not interview.finished
    assert [(a.question_id, a.who, a.text) for a in interview.answers] == [
        (first, first_who, "Mostly design reviews and pairing"),
        (second, second_who, "A platform lead for the payments team"),
    ]
    (flag,) = interview.flags
    assert flag.signal == signals[1].id and flag.severity == signals[1].severity
    assert flag.text == "They looked at each other when I asked about the manager"
    assert flag.who == "Lee", "a flag can be about anyone on the panel"
    assert [(entry.text, entry.who) for entry in interview.landed] == [(KEY_MESSAGES[0], second_who)]
    return interview_id


def _unique_start(text: str, signals: list[Any]) -> str:
    """The fewest first words of `text` that no other signal contains."""
    words = text.split()
    for count in range(1, len(words) + 1):
        start = " ".join(words[:count])
        if sum(start.lower() in signal.text.lower() for signal in signals) == 1:
            return start
    return text


def _second_round(home: Path, interview_id: str) -> None:
    term = Terminal(home, "ask", "acme", "--with", "Dana:hiring-manager", "--with", "Lee:engineer")
    term.show("Resume the unfinished interview (started")
    term.send("y")
    term.show(f"Saving to acme/interviews/{interview_id}.md")

    asked: list[tuple[str, str]] = []
    wanted = {("love", "Dana"), ("love", "Lee"), ("hate", "Dana"), ("hate", "Lee")}
    while not wanted <= set(asked) or not any(q == "hires-last-year-departures" for q, _ in asked):
        assert len(asked) < 40, f"love, hate and hires never came up; asked {asked}"
        step = _ask_next(term)
        asked.append(step)
        term.line(PANEL.get(step, f"An answer to {step[0]}"))
        term.show("Saved answer")
        if step[0] == "hires-last-year-departures":
            term.expect(r"Warning: .*?33%")  # over the 30% limit: flagged at once
    love = [who for q, who in asked if q == "love"]
    hate = [who for q, who in asked if q == "hate"]
    assert love == ["Dana", "Lee"] and hate == ["Lee", "Dana"], "round the panel, then back"

    _ask_next(term)
    term.line("/n")
    term.show("Note:")
    term.line("Office was very quiet")
    term.show("Saved note")
    _ask_next(term)
    term.line("/d")
    found = term.expect(r"Finished: (\d+) answers?, 1 red flags?, 1 notes? in acme/interviews/")
    term.show("Next: prep review acme")
    assert term.exit_status() == 0

    interview = load_interview(home / "acme" / "interviews" / f"{interview_id}.md")
    assert interview.finished
    assert len(interview.answers) == int(found.group(1)) == 2 + len(asked)
    said = {(a.question_id, a.who): a.text for a in interview.answers}
    for key in wanted:
        assert said[key] == PANEL[key]
    assert [n.text for n in interview.notes] == ["Office was very quiet"]
    assert len(interview.flags) == 1


def _review(home: Path, interview_id: str) -> None:
    term = Terminal(home, "review", "acme")
    term.show("Before anything else: your own reflection")
    term.show("Gut score")
    term.send(UP + ENTER)  # from the default 3 to 4
    term.show("What excited you?")
    term.line("The ledger work")
    term.show("What worries you?")
    term.line("On-call load")
    term.show("Would you accept an offer today?")
    term.send(UP + ENTER)  # from the default "unsure" to "yes"
    term.show(f"Saved your reflection to acme/interviews/{interview_id}.md")
    term.show("Your reflection")
    term.show("Gut 4/5 · would accept today: yes")
    term.show("Excited by: The ledger work")
    term.show("Side by side")
    term.expect(r"Question\W+Dana\W+Lee")
    term.show("Repeated themes")
    term.expect(r"on-call[\s\S]{0,300}Lee, Dana|on-call[\s\S]{0,300}Dana, Lee")
    term.show("Red flags")
    term.show("They looked at each other when I asked about the manager")
    term.expect(r"33%")
    term.show("Coverage")
    term.show("Love and hate")
    term.show("Follow-ups")
    term.show(f"What I wish I had said: {KEY_MESSAGES[1]}")  # in the recruiter call
    term.show("Send a genuine thank-you note to Dana, Lee")
    term.show("Your key messages: 1 of 2 landed")
    term.show(KEY_MESSAGES[0])
    term.show("landed: ")
    term.show(KEY_MESSAGES[1])
    term.show("never landed")
    assert term.exit_status() == 0

    reflection = load_interview(home / "acme" / "interviews" / f"{interview_id}.md").reflection
    assert reflection is not None
    assert (reflection.gut, reflection.excited, reflection.worries, reflection.accept) == (
        4,
        "The ledger work",
        "On-call load",
        "yes",
    )


def _review_all(home: Path) -> None:
    term = Terminal(home, "new", "Globex Corp", "--stage", "public", "--no-input")
    term.show("Created Globex Corp with")
    assert term.exit_status() == 0
    assert read_company(home, "globex-corp").name == "Globex Corp"

    term = Terminal(home, "review")
    term.show("Every company")
    row = term.expect(r"acme\W+interviewing\W+1\W+(\d+)/(\d+)/(\d+)")
    assert sum(int(n) for n in row.groups()) == 2, "the picked signal and the 33% attrition"
    term.expect(r"Globex")
    assert term.exit_status() == 0


@pytest.mark.slow
def test_the_whole_journey_in_a_real_terminal(tmp_path: Path) -> None:
    home = tmp_path / "journey-home"
    started = time.monotonic()
    _new_company(home)
    _sheet(home, _plan(home))
    interview_id = _first_round(home)
    assert [p.stem for p in list_interview_paths(home, "acme")] == [interview_id]
    _second_round(home, interview_id)
    _review(home, interview_id)
    _review_all(home)
    assert [p.stem for p in list_interview_paths(home, "acme")] == [interview_id], "resumed, not restarted"
    assert time.monotonic() - started < 60  # the plan and the sheet are steps too
