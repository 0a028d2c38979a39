"""Schedule, agenda, calendar, due dates, timeline and people, through the CLI."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from helpers import prep, runner
from interview_prep.cli import app
from interview_prep.commands import agenda as agenda_command

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
FORMAT1 = Path(__file__).parent / "data" / "format1"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    monkeypatch.setattr(agenda_command, "now_here", lambda: NOW)


def ok(*args: str) -> str:
    code, out, err = prep(*args)
    assert code == 0, err
    return out


def fails(*args: str) -> str:
    code, out, err = prep(*args)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("Error: "), err
    return err


def acme_with_a_round() -> None:
    ok("new", "acme", "--role", "Staff Engineer", "--stage", "startup", "--no-input")
    ok(
        "schedule", "acme", "fri 9:30", "--minutes", "45",
        "--with", "Dana:hiring-manager", "--with", "Lee:engineer", "--round", "onsite",
    )  # fmt: skip


def ics(*args: str) -> bytes:
    """`prep calendar` as the bytes written (the runner's text output turns CRLF into LF)."""
    result = runner.invoke(app, ["calendar", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def parse_ics(data: bytes) -> Any:
    from icalendar import Calendar

    return Calendar.from_ical(data)


@pytest.mark.slow
def test_schedule_agenda_calendar_round_trip_with_the_plan_inside(prep_home: Path, tmp_path: Path) -> None:
    acme_with_a_round()
    ok("answer", "acme", "next-steps", "We will decide by Friday.", "--who", "Dana", "--round", "screen")
    agenda = json.loads(ok("agenda", "--json"))
    assert agenda["format"] == 1
    kinds = [(item["kind"], item["when"][:16]) for item in agenda["items"]]
    assert ("round", "2026-12-04T09:30") in kinds
    chase = next(item for item in agenda["items"] if item["id"].startswith("chase-"))
    assert chase["when"] == "2026-12-07" and "by Friday" in chase["source"] and "Dana" in chase["source"]
    assert [item["when"][:10] for item in agenda["items"]] == sorted(
        item["when"][:10] for item in agenda["items"]
    )

    target = tmp_path / "interviews.ics"
    assert "Wrote 1 interview(s)" in ok("calendar", "--output", str(target))
    data = target.read_bytes()
    calendar = parse_ics(data)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    description = str(event["DESCRIPTION"])
    assert "Ask Dana (hiring manager):" in description and "Ask Lee (engineer):" in description
    assert "What do you absolutely love about acme?" in description
    assert event.decoded("DTSTART") == datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    assert [str(alarm["ACTION"]) for alarm in event.walk("VALARM")] == ["DISPLAY"]
    todos = {str(todo["UID"]): todo for todo in calendar.walk("VTODO")}
    assert any(uid.startswith("acme-follow-up-chase-") for uid in todos)


@pytest.mark.slow
def test_the_calendar_keeps_the_rfc_5545_rules(prep_home: Path) -> None:
    acme_with_a_round()
    ok("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen")
    data = ics()
    lines = data.split(b"\r\n")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines), "content lines fold at 75 octets"
    calendar = parse_ics(data)
    assert calendar.name == "VCALENDAR" and {"PRODID", "VERSION"} <= set(calendar)
    for component in calendar.subcomponents:
        if component.name in {"VEVENT", "VTODO"}:
            assert {"UID", "DTSTAMP"} <= set(component), component.name
        if component.name == "VEVENT":
            assert "DTSTART" in component
    assert {"VEVENT", "VTODO"} <= {c.name for c in calendar.subcomponents}


@pytest.mark.slow
def test_uids_are_stable_so_a_second_import_updates(prep_home: Path) -> None:
    acme_with_a_round()
    ok("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen")

    def uids() -> list[str]:
        calendar = parse_ics(ics())
        return sorted(str(c["UID"]) for c in calendar.subcomponents if "UID" in c)

    first = uids()
    ok("schedule", "acme", "fri 9:30", "--minutes", "60")  # the same minute: replaces, no copy
    assert uids() == first
    assert len(parse_ics(ics()).walk("VEVENT")) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "hostile",
    ["Dana, Jr.; PhD", "Line one\\nstill one", 'Quote "this"; and, that', "Back\\slash x"],
)
def test_commas_semicolons_and_new_lines_survive_the_round_trip(prep_home: Path, hostile: str) -> None:
    ok("new", "acme", "--no-input")
    where = hostile.replace("\\n", "\n")
    ok("schedule", "acme", "fri 9:30", "--where", where, "--round", hostile, "--with", f"{hostile}:engineer")
    calendar = parse_ics(ics())
    event = calendar.walk("VEVENT")[0]
    assert str(event["LOCATION"]) == " ".join(where.split())
    assert str(event["SUMMARY"]) == f"acme: {' '.join(hostile.split())}"
    assert " ".join(hostile.split()) in str(event["DESCRIPTION"])


@pytest.mark.slow
def test_a_file_written_by_format_1_is_migrated_without_losing_a_byte(prep_home: Path) -> None:
    shutil.copytree(FORMAT1, prep_home)
    company_md = prep_home / "acme-inc" / "company.md"
    before = company_md.read_text(encoding="utf-8")
    interview = next((prep_home / "acme-inc" / "interviews").glob("*.md"))
    interview_before = interview.read_bytes()

    assert "Acme, Inc." in ok("list")
    ok("schedule", "acme-inc", "fri 9:30", "--with", "Dana:hiring-manager")
    ok("status", "acme-inc", "offer")
    chase = next(i for i in json.loads(ok("agenda", "--json"))["items"] if i["id"].startswith("chase-"))
    ok("due", "acme-inc", chase["id"], "2026-12-09")

    after = company_md.read_text(encoding="utf-8")
    assert re.search(r"^format: 2$", after, re.M)
    unchanged = [line for line in before.splitlines() if not line.startswith(("format:", "status:"))]
    remaining = iter(after.splitlines())
    assert all(any(line == other for other in remaining) for line in unchanged), "every old line, in order"
    assert "Salary band 120-140k" in after and "- [ ] my own to-do, not prep's" in after
    assert interview.read_bytes() == interview_before
    assert ok("review", "acme-inc")
    log = json.loads(ok("log", "acme-inc", "--json"))
    kinds = [event["kind"] for event in log["events"]]
    assert {"created", "status", "scheduled", "round", "flag", "follow-up"} <= set(kinds)
    moved = next(event for event in log["events"] if event["kind"] == "status")
    assert moved["text"] == "Status interviewing -> offer"


@pytest.mark.slow
def test_agenda_marks_overdue_follow_ups_and_keeps_to_the_days_asked(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme_with_a_round()
    ok("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen")
    thank_you = next(
        i for i in json.loads(ok("agenda", "--json"))["items"] if i["id"].startswith("thank-you")
    )
    later = datetime(2026, 12, 10, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    monkeypatch.setattr(agenda_command, "now_here", lambda: later)
    items = json.loads(ok("agenda", "--json", "--days", "1"))["items"]
    overdue = next(i for i in items if i["id"] == thank_you["id"])
    assert overdue["overdue"] is True
    assert "OVERDUE" in ok("agenda", "--days", "1")
    assert all(i["kind"] != "round" for i in items), "the round on the 4th is past, not coming"
    ok("done", "acme", thank_you["id"])
    assert thank_you["id"] not in ok("agenda", "--days", "1")
    fails("agenda", "--days", "-1")


@pytest.mark.slow
def test_due_corrects_a_date_and_says_where_it_came_from(prep_home: Path) -> None:
    acme_with_a_round()
    ok("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen")
    assert "now due Mon 7 Dec 2026" in ok("due", "acme", "recruiter-call", "2026-12-07")
    item = next(i for i in json.loads(ok("agenda", "--json"))["items"] if i["id"] == "recruiter-call")
    assert item["when"] == "2026-12-07" and "prep due" in item["source"]
    assert "No follow-up 'recruiter-cal'" in fails("due", "acme", "recruiter-cal", "2026-12-07")
    assert "write it as 2026-12-07" in fails("due", "acme", "recruiter-call", "next tuesday")


@pytest.mark.parametrize(
    ("when", "says"),
    [
        ("fri", "no time of day"),
        ("4/12 10:00", "April or December"),
        ("sun 2:30 Mars/Base", "unknown time zone"),
    ],
)
def test_schedule_refuses_what_it_cannot_read_in_one_line(prep_home: Path, when: str, says: str) -> None:
    ok("new", "acme", "--no-input")
    before = (prep_home / "acme" / "company.md").read_bytes()
    assert says in fails("schedule", "acme", when)
    assert "--minutes" in fails("schedule", "acme", "fri 9:30", "--minutes", "0")
    assert (prep_home / "acme" / "company.md").read_bytes() == before


@pytest.mark.slow
def test_a_time_from_another_zone_is_shown_in_yours(prep_home: Path) -> None:
    ok("new", "acme", "--no-input")
    said = ok("schedule", "acme", "2026-12-04 15:00 Europe/Berlin")
    assert "Fri 4 Dec 14:00" in said and "15:00 Europe/Berlin" in said
    item = json.loads(ok("agenda", "--json"))["items"][0]
    assert datetime.fromisoformat(item["when"]) == datetime(2026, 12, 4, 14, 0, tzinfo=ZoneInfo("UTC"))
    assert "2026-12-04 14:00 Scheduled" in ok("log", "acme")  # the timeline agrees with the agenda


@pytest.mark.slow
def test_status_changes_are_kept_as_history(prep_home: Path) -> None:
    ok("new", "acme", "--no-input")
    ok("status", "acme", "applied")
    ok("status", "acme", "applied")  # no change, no line
    ok("status", "acme", "screening")
    events = json.loads(ok("log", "acme", "--json"))["events"]
    assert [e["text"] for e in events if e["kind"] == "status"] == [
        "Status researching -> applied",
        "Status applied -> screening",
    ]
    assert all(e["source"] == "acme/company.md" for e in events)


@pytest.mark.slow
def test_people_across_companies_and_merging_one_person(prep_home: Path) -> None:
    for company in ("acme", "globex"):
        ok("new", company, "--no-input")
    ok("answer", "acme", "love", "the people", "--who", "Sam", "--round", "screen")
    ok("answer", "globex", "love", "the coffee", "--who", "SAM")
    assert len(json.loads(ok("people", "--json"))["people"]) == 2
    ok("people", "merge", "Sam@acme", "sam@globex")
    people = json.loads(ok("people", "--json"))["people"]
    assert len(people) == 1 and sorted(people[0]["companies"]) == ["acme", "globex"]
    assert {s["text"] for s in people[0]["said"]} == {"the people", "the coffee"}
    assert "the coffee" in ok("people", "sam")
    assert "Nobody named 'Kim'" in fails("people", "merge", "Kim@acme", "Sam@globex")
    assert "NAME@COMPANY" in fails("people", "merge", "Sam", "Sam@globex")
    assert oct((prep_home / "people.md").stat().st_mode & 0o777) == "0o600"


def test_no_arguments_shows_todays_items_once_there_is_data(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Today:" not in ok()
    acme_with_a_round()
    monkeypatch.setattr(
        agenda_command, "now_here", lambda: datetime(2026, 12, 4, 8, 0, tzinfo=ZoneInfo("Europe/London"))
    )
    shown = ok()
    assert "Today:" in shown and "onsite" in shown


@pytest.mark.slow
def test_a_hand_broken_schedule_line_is_one_located_error(prep_home: Path) -> None:
    acme_with_a_round()
    path = prep_home / "acme" / "company.md"
    path.write_text(path.read_text().replace('"id": "', '"id": ', 1), encoding="utf-8")
    assert "acme/company.md:" in fails("agenda")
    assert date.today()  # the getting-started text still works with a broken file
    code, out, _ = prep()
    assert code == 0 and "prep new acme" in out


@pytest.mark.slow
def test_a_closed_search_has_no_agenda_and_old_overdue_items_are_counted(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme_with_a_round()
    ok("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen")
    ok("new", "globex", "--no-input")
    ok("answer", "globex", "love", "the coffee", "--who", "Sam", "--round", "screen")
    ok("status", "globex", "rejected")
    slugs = {item["slug"] for item in json.loads(ok("agenda", "--json"))["items"]}
    assert slugs == {"acme"}
    months_later = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    monkeypatch.setattr(agenda_command, "now_here", lambda: months_later)
    found = json.loads(ok("agenda", "--json"))
    assert found["items"] == [] and found["older_overdue"] == 2  # acme's thank-you and recruiter call
    assert "2 older overdue follow-up(s) not shown" in ok("agenda")
    assert len(json.loads(ok("agenda", "--json", "--days", "120"))["items"]) == 2


@pytest.mark.slow
def test_ask_offers_the_panel_scheduled_for_about_now(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from interview_prep.commands import ask as flow
    from interview_prep.commands.context import Context
    from test_ask_flow import Keyboard

    acme_with_a_round()  # Fri 4 Dec 9:30, Dana and Lee, onsite
    monkeypatch.setattr(
        agenda_command, "now_here", lambda: datetime(2026, 12, 4, 9, 20, tzinfo=ZoneInfo("Europe/London"))
    )
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        keyboard = Keyboard(prep_home, monkeypatch, pipe)
        keyboard.type("y")
        session = flow.start(Context(), "acme", [], "", resume=None)
    assert keyboard.prompts[0].message.startswith("Use the panel scheduled for 09:30: Dana (hiring manager)")
    assert [(p.name, p.role) for p in session.present] == [("Dana", "hiring-manager"), ("Lee", "engineer")]
    assert 'round: "onsite"' in session.path.read_text()

    monkeypatch.setattr(  # a day later nothing is scheduled near: no offer, nobody named
        agenda_command, "now_here", lambda: datetime(2026, 12, 5, 9, 20, tzinfo=ZoneInfo("Europe/London"))
    )
    flow.interviews.set_finished(session.path)
    assert flow.start(Context(), "acme", [], "", resume=None).present == []
