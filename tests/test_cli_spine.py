"""The spine commands: new, list, status, where, open, banks; errors and exit codes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from helpers import only_history_added, prep
from interview_prep.storage import companies, frontmatter


def test_no_arguments_shows_getting_started() -> None:
    code, out, _ = prep()
    assert code == 0
    assert "prep new acme" in out and "prep ask" in out


def test_where_follows_home_flag_then_env(prep_home: Path, tmp_path: Path) -> None:
    assert prep("where")[1].strip() == str(prep_home)
    other = tmp_path / "elsewhere"
    assert prep("--home", str(other), "where")[1].strip() == str(other)


def test_where_defaults_to_platform_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREP_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", "/tmp/xdg-test")
    assert prep("where")[1].strip() == "/tmp/xdg-test/interview-prep"


def test_new_creates_private_folder_and_documented_file(prep_home: Path) -> None:
    code, out, _ = prep("new", "Acme, Inc.", "--role", "Staff Engineer", "--stage", "startup", "--no-input")
    assert code == 0, out
    assert out.startswith("Created Acme, Inc. with ") and "acme-inc/company.md" in out
    folder = prep_home / "acme-inc"
    path = folder / "company.md"
    assert stat.S_IMODE(os.stat(prep_home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    fields = frontmatter.parse(text, path).fields
    assert fields["name"] == "Acme, Inc." and fields["slug"] == "acme-inc"
    assert fields["format"] == companies.COMPANY_FORMAT == 2 and fields["status"] == "researching"
    assert fields["stage"] == "startup" and fields["role"] == "Staff Engineer"
    items = companies.parse_checklist(text, path)
    ids = [item.question_id for item in items]
    for must in ("love", "hate", "why-need-someone-like-me", "hires-last-year-departures", "define-success"):
        assert must in ids
    assert not any(item.done for item in items)
    assert "- [ ] " in text and "<!-- q:love -->" in text


def test_existing_company_is_never_overwritten(prep_home: Path) -> None:
    prep("new", "acme", "--no-input")
    path = prep_home / "acme" / "company.md"
    path.write_text(path.read_text() + "\nmy precious notes\n")
    before = path.read_bytes()
    code, _, err = prep("new", "Acme", "--no-input")
    assert code == 2 and "already exists" in err
    assert path.read_bytes() == before


@pytest.mark.slow
def test_names_that_slug_alike_do_not_share_a_folder(prep_home: Path) -> None:
    assert prep("new", "Acme, Inc.", "--no-input")[0] == 0
    code, _, err = prep("new", "acme inc", "--no-input")
    assert code == 2
    assert "would share the folder 'acme-inc' with 'Acme, Inc.'" in err
    assert "'acme inc 2'" in err
    assert prep("new", "acme inc 2", "--no-input")[0] == 0


def test_bad_flag_values_give_one_line_and_exit_2() -> None:
    for args, needle in [
        (["new", "x", "--stage", "huge", "--no-input"], "--stage 'huge' is not one of"),
        (["new", "x", "--interviewer", "intern", "--no-input"], "not a known interviewer type"),
    ]:
        code, _, err = prep(*args)
        assert code == 2 and needle in err and err.count("\n") == 1


@pytest.mark.slow
def test_list_json_and_status(prep_home: Path) -> None:
    prep("new", "acme", "--no-input", "--stage", "scaleup")
    prep("new", "globex", "--no-input")
    assert prep("status", "acme", "interviewing")[1].strip() == "Set acme to interviewing."
    code, out, _ = prep("list", "--json")
    assert code == 0
    data = json.loads(out)
    assert [(c["slug"], c["status"]) for c in data["companies"]] == [
        ("acme", "interviewing"),
        ("globex", "researching"),
    ]
    text = prep("list")[1]
    assert "acme" in text and "interviewing" in text


def test_status_edits_only_the_status_line_and_dates_the_change(prep_home: Path) -> None:
    prep("new", "acme", "--no-input")
    path = prep_home / "acme" / "company.md"
    original = path.read_text()
    edited = original.replace("# acme\n", "# acme\n\nHand-written: met Dana at a meetup.\n")
    edited = edited.replace("## Questions to ask", "## Questions to ask\n\n(my comment inside the block)")
    path.write_text(edited)
    prep("status", "acme", "offer")
    after = path.read_text()
    assert only_history_added(after, edited.replace('status: "researching"', 'status: "offer"'))


@pytest.mark.slow
def test_bad_status_and_unknown_company() -> None:
    prep("new", "acme", "--no-input")
    code, _, err = prep("status", "acme", "hired")
    assert code == 2 and "is not one of: researching" in err
    code, _, err = prep("status", "acmee", "offer")
    assert code == 2 and "Did you mean 'acme'?" in err


@pytest.mark.slow
def test_open_uses_visual_then_editor(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prep("new", "acme", "--no-input")
    code, _, err = prep("open", "acme")
    assert code == 2 and "Neither $VISUAL nor $EDITOR is set" in err
    log = prep_home / "opened"
    monkeypatch.setenv("EDITOR", f"sh -c 'echo editor >> {log}; echo \"$0\" >> {log}'")
    assert prep("open", "acme")[0] == 0
    monkeypatch.setenv("VISUAL", f"sh -c 'echo visual >> {log}'")
    assert prep("open", "acme")[0] == 0
    lines = log.read_text().split()
    assert lines[0] == "editor" and lines[1].endswith("acme/company.md") and lines[2] == "visual"


def test_banks_list_json_shape() -> None:
    data = json.loads(prep("banks", "list", "--json")[1])
    question = data["questions"][0]
    for key in ("id", "bank", "category", "text", "why", "ask", "priority"):
        assert key in question
    assert len(data["questions"]) >= 150
    assert len({q["category"] for q in data["questions"]}) >= 12
    assert len(data["signals"]) >= 15


@pytest.mark.slow
def test_banks_show_question_bank_and_unknown() -> None:
    out = prep("banks", "show", "love")[1]
    assert "Why ask:" in out and "Worrying signs:" in out
    assert "hires-last-year-departures" in prep("banks", "show", "turnover")[1]
    code, _, err = prep("banks", "show", "lovee")
    assert code == 2 and "Did you mean 'love'?" in err


@pytest.mark.slow
def test_banks_check_reports_every_problem_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("bank: mine\ntitle: Mine\ndescription: x\nquestions:\n  - id: q1\n    txt: hi\n")
    code, out, _ = prep("banks", "check", str(bad))
    assert code == 2
    lines = out.strip().splitlines()
    assert len(lines) >= 2
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert any("txt" in line for line in lines)
    shipped = sorted(str(p) for p in Path(__file__).parents[1].joinpath("question_banks").glob("*.yaml"))
    code, out, _ = prep("banks", "check", *shipped)
    assert code == 0, out
    assert "no problems" in out


def test_user_bank_overrides_a_shipped_question(prep_home: Path) -> None:
    banks = prep_home / "banks"
    banks.mkdir(parents=True)
    (banks / "mine.yaml").write_text(
        """bank: mine
title: Mine
description: My own questions.
questions:
  - id: love
    text: What do you love most about {company}, really?
    category: love-hate
    why: My own wording.
    ask: [everyone]
    when: [onsite]
    priority: must
    listen_for:
      good: [Specific stories]
      worrying: [Silence]
"""
    )
    data = json.loads(prep("banks", "list", "--json")[1])
    love = next(q for q in data["questions"] if q["id"] == "love")
    assert love["text"] == "What do you love most about {company}, really?"
    assert love["bank"] == "mine"
    assert sum(q["id"] == "love" for q in data["questions"]) == 1


def test_broken_user_bank_names_file_and_line(prep_home: Path) -> None:
    banks = prep_home / "banks"
    banks.mkdir(parents=True)
    (banks / "broken.yaml").write_text("bank: b\nquestions: [\n")
    code, _, err = prep("new", "acme", "--no-input")
    assert code == 2
    assert "broken.yaml:" in err and err.count("\n") == 1


@pytest.mark.slow
def test_first_interview_moves_status_forward_only() -> None:
    prep("new", "acme", "--no-input")
    prep("note", "acme", "first call went fine")
    assert json.loads(prep("list", "--json")[1])["companies"][0]["status"] == "interviewing"
    prep("status", "acme", "offer")
    prep("note", "acme", "negotiating")
    assert json.loads(prep("list", "--json")[1])["companies"][0]["status"] == "offer"
