"""`prep add`: your own question for one company, with its own marker and id, planned and asked like
any other; a checklist line written by hand is picked up (given an id) or reported, never ignored."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.commands import ask as flow
from interview_prep.commands import plan as planning
from interview_prep.commands.context import Context
from interview_prep.storage.interviews import load_interview
from test_ask_flow import PANEL, Keyboard, keyboard, make_company

__all__ = ["keyboard"]

OWN_MARKER = re.compile(r"<!-- own:([a-z0-9-]+) (must|should|could) ([a-z-]+) -->")
PREP = str(Path(sys.executable).parent / "prep")


def own_ids(company: Path) -> list[str]:
    return OWN_MARKER.findall(company.read_text())


def add(*args: str) -> tuple[int, str, str]:
    return prep("add", "acme", *args)


def insert_in_checklist(company: Path, lines: str, newline: str = "\n") -> None:
    text = company.read_text()
    end = "<!-- prep:end checklist -->"
    company.write_bytes(text.replace(end, lines + end).replace("\n", newline).encode())


def planned(panel: list[str], minutes: float | None = None) -> list[tuple[str, str, str]]:
    return [(s.question_id, s.who, s.text) for s in planning.build(Context(), "acme", panel, minutes).steps]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("role", "who"), [("engineer", "Lee"), ("hiring-manager", "Dana"), ("hm", "Dana"), ("dev", "Lee")]
)
def test_an_added_must_is_planned_for_its_role_within_the_default_share(
    prep_home: Path, role: str, who: str
) -> None:
    company = make_company(prep_home)
    code, out, err = add("What does on-call look like for this team?", "--for", role, "--must")
    assert code == 0 and err == "", err
    [(question_id, priority, audience)] = own_ids(company)
    assert question_id in out and priority == "must" and audience in ("engineer", "hiring-manager")
    steps = planned(PANEL)
    assert (question_id, who, "What does on-call look like for this team?") in steps
    assert [s[1] for s in steps if s[0] == question_id] == [who]  # asked once, of the right person


@pytest.mark.slow
def test_without_for_it_goes_to_the_first_person_and_everyone_goes_round(prep_home: Path) -> None:
    make_company(prep_home)
    assert add("Who owns the roadmap?", "--must")[0] == 0
    assert add("What would you change first?", "--for", "everyone", "--must")[0] == 0
    steps = planned(PANEL, 30)
    assert [who for _, who, text in steps if text == "Who owns the roadmap?"] == ["Dana"]
    assert sorted(who for _, who, text in steps if text == "What would you change first?") == ["Dana", "Lee"]


@pytest.mark.slow
def test_prep_ask_asks_it_and_saves_the_answer_under_its_id(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    company = make_company(prep_home, keep=["love"])
    assert add("How is on-call paid?", "--for", "engineer", "--must")[0] == 0
    [(question_id, _, _)] = own_ids(company)
    keyboard.type("answer 1\r", "answer 2\r", "answer 3\r", "/d\r")
    session = flow.start(Context(), "acme", PANEL, "", resume=None)
    flow.run(session)
    saved = [(a.question_id, a.who) for a in load_interview(session.path).answers]
    assert sorted(saved) == sorted([(question_id, "Lee"), ("love", "Dana"), ("love", "Lee")])
    assert "How is on-call paid?" in capsys.readouterr().out


@pytest.mark.slow
def test_the_one_shot_answer_takes_its_id(prep_home: Path) -> None:
    company = make_company(prep_home)
    assert add("How is on-call paid?")[0] == 0
    [(question_id, _, _)] = own_ids(company)
    code, _, err = prep("answer", "acme", question_id, "a flat weekly fee", "--who", "Lee")
    assert code == 0, err


@pytest.mark.slow
@pytest.mark.parametrize(
    "line",
    [
        "- [ ] What is the budget for conferences?",
        "* [ ] What is the budget for conferences?",
        "+ [ ] What is the budget for conferences?",
        "1. [ ] What is the budget for conferences?",
        "-   [ ]   What is the budget for conferences?",
        "- [] What is the budget for conferences?",
        "- [ ] What is the budget for conferences? _(should)_",
        "- [x] What is the budget for conferences?",
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_hand_written_line_is_planned_and_then_given_an_id(
    prep_home: Path, line: str, newline: str
) -> None:
    company = make_company(prep_home, keep=["love", "hate"])
    insert_in_checklist(company, f"\n{line}\n", newline)
    steps = planned(["Dana:hiring-manager"], 60)
    [hand] = [s for s in steps if s[2] == "What is the budget for conferences?"]
    code, out, err = prep("plan", "acme", "--with", "Dana:hiring-manager", "--minutes", "60")
    assert code == 0 and "What is the budget for conferences?" in out and "Warning" not in err
    before = company.read_bytes()
    code, out, _ = add("Who would I pair with first?")
    assert code == 0 and hand[0] in out  # the id the plan used is the id written
    after = company.read_bytes()
    assert f"<!-- own:{hand[0]} should anyone -->".encode() in after
    assert after.count(b"\r\n") == (after.count(b"\n") if newline == "\r\n" else 0)
    assert len(own_ids(company)) == 2
    assert set(steps) <= set(planned(["Dana:hiring-manager"], 60))  # the same id before and after
    assert before != after


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("- a plain note in the checklist", "has no box"),
        ("- [ ]", "empty"),
        ("- [ ] Old question <!-- q:no-such-question -->", "no-such-question"),
        ("- [ ] Broken <!-- q:Love -->", "marker"),
        ("- [ ] Broken <!--q:love-->", "marker"),
        ("- [ ] Mine <!-- own:mine-x sometimes engineer -->", "marker"),
        ("- [ ] Mine <!-- own:mine-x must janitor -->", "marker"),
        ("- [ ] Half a marker <!-- q:love", "marker"),
    ],
)
def test_a_line_prep_cannot_place_is_reported_with_its_line(prep_home: Path, line: str, says: str) -> None:
    company = make_company(prep_home)
    insert_in_checklist(company, f"{line}\n")
    number = company.read_text().split("\n").index(line) + 1
    for command in (
        ["plan", "acme", "--with", PANEL[0]],
        ["sheet", "acme"],
        ["add", "acme", "Anything new?"],
    ):
        code, _, err = prep(*command)
        assert code == 0
        [warning] = [w for w in err.splitlines() if f"company.md:{number}:" in w]
        assert says in warning, warning


@pytest.mark.slow
def test_prep_ask_reports_it_too(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    company = make_company(prep_home, keep=["love"])
    insert_in_checklist(company, "- [ ] Gone <!-- q:retired-question -->\n")
    keyboard.type("/d\r")
    flow.run(flow.start(Context(), "acme", PANEL, "", resume=None))
    assert "retired-question" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["   "], "empty"),
        ([""], "empty"),
        (["What \x1b[2J now?"], "control character"),
        (["Sneaky <!-- prep:end checklist --> text"], "<!--"),
        (["x" * 301], "characters"),
        (["Fine?", "--for", "janitor"], "--for"),
        (["Fine?", "--for", ""], "--for"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(prep_home: Path, args: list[str], says: str) -> None:
    company = make_company(prep_home)
    before = company.read_bytes()
    code, out, err = add(*args)
    assert code == 2 and out == "" and err.count("\n") == 1 and says in err and "Traceback" not in err
    assert company.read_bytes() == before


@pytest.mark.slow
def test_the_same_question_twice_is_refused(prep_home: Path) -> None:
    company = make_company(prep_home)
    assert add("What does on-call look like?")[0] == 0
    before = company.read_bytes()
    code, _, err = add("  what does   ON-CALL look like?")
    assert code == 2 and "already" in err and company.read_bytes() == before
    love = planning.build(Context(), "acme", PANEL, None).steps[0]
    code, _, err = add(love.text)  # a bank question already on the checklist
    assert code == 2 and love.question_id in err


@pytest.mark.slow
def test_unknown_company_and_missing_block_are_one_line(prep_home: Path) -> None:
    company = make_company(prep_home)
    code, _, err = prep("add", "globex", "Anything?")
    assert code == 2 and err.count("\n") == 1
    text = company.read_text()
    company.write_text(re.sub(r"<!-- prep:(begin|end) checklist -->\n", "", text))
    before = company.read_bytes()
    code, _, err = add("Anything?")
    assert code == 2 and err.count("\n") == 1 and "checklist" in err and company.read_bytes() == before


@pytest.mark.slow
def test_only_the_checklist_block_changes(prep_home: Path) -> None:
    company = make_company(prep_home)
    text = company.read_text().replace("# acme\n", "# acme\n\nA note typed by hand.\n", 1)
    company.write_text(text + "\nMy own notes, below.\n")
    before = company.read_text()
    assert add("Who would I pair with first?")[0] == 0
    after = company.read_text()
    start = before.index("<!-- prep:begin checklist -->")
    end = before.index("<!-- prep:end checklist -->")
    assert after.startswith(before[:start]) and after.endswith(before[end:])
    removed = set(before[start:end].splitlines()) - set(after.splitlines())
    assert removed == set()


@pytest.mark.slow
def test_a_failed_write_leaves_the_file_as_it_was(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    company = make_company(prep_home)
    before = company.read_bytes()

    def broken_replace(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, _, err = add("Who would I pair with first?")
    assert code != 0 and err.count("\n") == 1
    assert company.read_bytes() == before


@pytest.mark.slow
def test_concurrent_adds_all_land(prep_home: Path) -> None:
    company = make_company(prep_home)
    texts = [f"Question number {n} about the team?" for n in range(4)]
    env = dict(os.environ, PREP_HOME=str(prep_home))
    running = [
        subprocess.Popen([PREP, "add", "acme", text], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for text in texts
    ]
    assert [process.wait(timeout=120) for process in running] == [0, 0, 0, 0]
    ids = [question_id for question_id, _, _ in own_ids(company)]
    assert len(ids) == len(set(ids)) == 4
    assert all(text in company.read_text() for text in texts)


@pytest.mark.slow
def test_prep_ask_writes_the_id_of_a_hand_written_line_so_an_edit_keeps_its_answer(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    company = make_company(prep_home, keep=["love"])
    insert_in_checklist(company, "- [ ] Is there a budget for conferences?\n")
    [(hand_id, _, _)] = [step for step in planned(PANEL) if step[2] == "Is there a budget for conferences?"]
    keyboard.type("answer 1\r", "answer 2\r", "answer 3\r", "/d\r")
    session = flow.start(Context(), "acme", PANEL, "", resume=None)
    flow.run(session)
    assert "Gave an id" in capsys.readouterr().out
    assert (hand_id, "should", "anyone") in own_ids(company)
    assert hand_id in [a.question_id for a in load_interview(session.path).answers]
    # Reworded by hand later: the id on the line stays, so the answered question is not planned again.
    company.write_text(company.read_text().replace("Is there a budget for", "Is there money for"))
    assert hand_id not in [step[0] for step in planned(PANEL, 60)]


@pytest.mark.slow
def test_an_own_line_pasted_twice_is_one_question(prep_home: Path) -> None:
    company = make_company(prep_home, keep=["love"])
    assert add("Who owns the roadmap?", "--for", "hiring-manager")[0] == 0
    [line] = [line for line in company.read_text().split("\n") if "<!-- own:" in line]
    insert_in_checklist(company, line + "\n")
    steps = planned(PANEL, 60)
    assert [who for _, who, text in steps if text == "Who owns the roadmap?"] == ["Dana"]
