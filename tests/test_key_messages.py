"""Your key messages (seed 003): `key_messages:` in config.yaml and the company's prep, shown by
`prep plan`, marked landed with /k in `prep ask` (pipe input), and the ones never landed listed by
`prep review` and put in the recruiter-call follow-up."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import questionary

from helpers import prep
from interview_prep.banks.loader import load_catalog
from interview_prep.commands import ask as flow
from interview_prep.commands.context import Context
from interview_prep.core.messages import merged, same
from interview_prep.storage.interviews import load_interview
from interview_prep.storage.prep_block import merge_prep
from test_ask_flow import DOWN, PANEL, Keyboard, keyboard, make_company, start

__all__ = ["keyboard"]

ESC = "\x1b"
CONFIGURED = ["I led the billing rewrite with no downtime", "I mentor new engineers"]
OWN = "I know their payments stack from the inside"


def with_messages(home: Path, configured: list[str] = CONFIGURED, own: list[str] | None = None) -> None:
    make_company(home, keep=["define-success", "love", "hate"])
    lines = "".join(f"  - {json.dumps(message)}\n" for message in configured)
    (home / "config.yaml").write_text("key_messages:\n" + lines)
    if own:
        prompt = load_catalog().prep["key-messages"]
        merge_prep(home, "acme", [(prompt.prompt, own)], {prompt.prompt: prompt.kind})


# ------------------------------------------------------------------ config


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("key_messages: I am great\n", "1:15"),
        ("key_messages:\n  - fine\n  -\n", "3:4"),
        ("key_messages:\n  - fine\n  - {a: b}\n", "3:5"),
        ("key_messages:\n  - " + "x" * 201 + "\n", "2:5"),
        ("values: [pay]\nkey_messages: [a, [b]]\n", "2:19"),
    ],
)
def test_a_bad_key_messages_setting_is_one_located_line(prep_home: Path, content: str, where: str) -> None:
    prep_home.mkdir(parents=True, exist_ok=True)
    (prep_home / "config.yaml").write_text(content)
    code, out, err = prep("config", "show")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"config.yaml:{where}: " in err and "key_messages" in err


def test_config_show_lists_the_key_messages(prep_home: Path) -> None:
    with_messages(prep_home)
    code, out, _ = prep("config", "show", "--json")
    assert code == 0 and json.loads(out)["key_messages"] == CONFIGURED


def test_the_same_message_from_two_places_is_listed_once() -> None:
    assert merged(["I mentor new engineers."], ["i mentor  new engineers", "Other"]) == [
        "I mentor new engineers.",
        "Other",
    ]
    assert same("Shipped it!") == same("shipped   it")


# ------------------------------------------------------------------ plan


@pytest.mark.slow
def test_plan_shows_the_companys_own_then_the_configured_key_messages(prep_home: Path) -> None:
    with_messages(prep_home, own=[OWN, CONFIGURED[1]])
    code, out, _ = prep("plan", "acme", "--with", PANEL[0])
    assert code == 0
    shown = re.findall(r"^  - (.*)$", out.split("Your key messages", 1)[1], re.M)
    assert shown[:3] == [OWN, CONFIGURED[1], CONFIGURED[0]]
    code, out, _ = prep("plan", "acme", "--with", PANEL[0], "--json")
    assert json.loads(out)["key_messages"] == [OWN, CONFIGURED[1], CONFIGURED[0]]


# ------------------------------------------------------------------ /k in prep ask


@pytest.mark.slow
def test_k_marks_the_picked_message_landed_with_whom_on_disk_before_the_next_prompt(
    keyboard: Keyboard, prep_home: Path
) -> None:
    with_messages(prep_home, own=[OWN])
    keyboard.type("/k\r", DOWN + "\r", "Clear goals\r", "/d\r")
    session = start()
    flow.run(session)
    picker = keyboard.prompts[1]
    assert picker.message.startswith("Which key message")
    after = keyboard.prompts[2].interview  # the file when the next prompt appeared
    assert after is not None and [(e.text, e.who) for e in after.landed] == [(CONFIGURED[0], "Dana")]
    final = load_interview(session.path)
    assert [a.text for a in final.answers] == ["Clear goals"], "the question on screen is still asked"


@pytest.mark.slow
@pytest.mark.parametrize("out_key", [ESC, "\x03"])
def test_esc_or_ctrl_c_in_the_k_menu_saves_nothing_and_the_interview_goes_on(
    keyboard: Keyboard, prep_home: Path, out_key: str
) -> None:
    with_messages(prep_home)
    keyboard.type("/k\r", out_key, "/d\r")
    session = start()
    flow.run(session)
    assert not session.path.exists(), "nothing was saved"


@pytest.mark.slow
def test_k_without_key_messages_is_one_line_saying_where_to_add_them(
    keyboard: Keyboard, prep_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_company(prep_home, keep=["define-success"])
    keyboard.type("/k\r", "/d\r")
    session = start()
    flow.run(session)
    out = " ".join(capsys.readouterr().out.split())
    assert "No key messages yet" in out and "key_messages:" in out and "--prep" in out
    assert not session.path.exists()


@pytest.mark.slow
def test_a_landed_message_is_shown_as_landed_when_k_is_pressed_again(
    keyboard: Keyboard, prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    menus: list[list[str]] = []
    select = questionary.select  # already labelled by the keyboard fixture

    def spy(message: str, *args: Any, **kwargs: Any) -> Any:
        menus.append([str(choice.title) for choice in kwargs["choices"]])
        return select(message, *args, **kwargs)

    monkeypatch.setattr(questionary, "select", spy)
    with_messages(prep_home)
    keyboard.type("/k\r", "\r", "/k\r", ESC, "/d\r")
    flow.run(start())
    first, again = menus
    assert first == CONFIGURED
    assert again[0].startswith(CONFIGURED[0]) and again[0] != CONFIGURED[0], "marked as landed already"
    assert again[1] == CONFIGURED[1]


# ------------------------------------------------------------------ review


@pytest.mark.slow
def test_review_lists_the_messages_never_landed_in_any_round_for_the_recruiter_call(
    keyboard: Keyboard, prep_home: Path
) -> None:
    with_messages(prep_home, own=[OWN])
    keyboard.type("/k\r", DOWN + "\r", "Clear goals\r", "/d\r")  # round 1 lands CONFIGURED[0]
    flow.run(start())
    # round 2, reworded by hand in config: case and end punctuation do not make it a new message
    (prep_home / "config.yaml").write_text(
        f"key_messages:\n  - {CONFIGURED[0].upper()}.\n  - {CONFIGURED[1]}\n"
    )
    code, out, err = prep("review", "acme", "--json", "--no-input")
    assert code == 0, err
    data = json.loads(out)
    status = {m["text"]: m["landed"] for m in data["key_messages"]}
    assert status[OWN] == [] and status[CONFIGURED[1]] == []
    assert status[CONFIGURED[0].upper() + "."] == [{"who": "Dana", "round": "onsite"}]
    [call] = [f for f in data["followups"] if f["id"] == "recruiter-call"]
    wish = call["text"].split("What I wish I had said: ", 1)[1]
    assert wish == f"{OWN}; {CONFIGURED[1]}", "only the ones never landed, in order"
    code, text, _ = prep("review", "acme", "--no-input")
    flat = " ".join(text.split())
    assert "1 of 3 landed" in flat and f"What I wish I had said: {OWN}; {CONFIGURED[1]}" in flat


@pytest.mark.slow
def test_with_every_message_landed_the_recruiter_call_is_unchanged(
    keyboard: Keyboard, prep_home: Path
) -> None:
    with_messages(prep_home, configured=CONFIGURED[:1])
    keyboard.type("/k\r", "\r", "/d\r")
    flow.run(flow.start(Context(), "acme", PANEL, "onsite", resume=None))
    code, out, _ = prep("review", "acme", "--json", "--no-input")
    assert code == 0
    [call] = [f for f in json.loads(out)["followups"] if f["id"] == "recruiter-call"]
    assert "wish I had said:" not in call["text"]
