"""`prep stats`: the search in numbers, checked against a pipeline worked out by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.commands import agenda as agenda_command
from interview_prep.core import stats
from interview_prep.core.stats import CompanyFacts, FollowUpDates, StatusChange
from interview_prep.storage import frontmatter, records

UTC = timezone.utc
T0 = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 2)


def day(n: float) -> datetime:
    return T0 + timedelta(days=n)


def company(
    slug: str,
    status: str,
    moves: list[tuple[float, str, str]],
    rounds: int = 0,
    followups: tuple[FollowUpDates, ...] = (),
    created: float | None = 0,
) -> CompanyFacts:
    changes = tuple(StatusChange(day(at), before, after) for at, before, after in moves)
    return CompanyFacts(slug, status, None if created is None else day(created), changes, rounds, followups)


# The hand-worked pipeline: days since 1 Oct 2026 09:00 UTC.
PIPELINE = [
    # added day 0, applied day 2, screen day 12, onsite day 20, offer day 34: one of everything
    company(
        "a",
        "offer",
        [
            (2, "researching", "applied"),
            (12, "applied", "screening"),
            (20, "screening", "interviewing"),
            (34, "interviewing", "offer"),
        ],
        rounds=4,
    ),
    # applied day 1, rejected day 5 (a reply), so it reached applied only
    company("b", "rejected", [(1, "researching", "applied"), (5, "applied", "rejected")], rounds=0),
    # applied day 3, screen day 9, rejected after the onsite round on day 19: reached screening
    company(
        "c",
        "rejected",
        [(3, "researching", "applied"), (9, "applied", "screening"), (19, "screening", "rejected")],
        rounds=2,
    ),
    # applied day 4, still waiting
    company("d", "applied", [(4, "researching", "applied")]),
    # straight from researching to interviewing on day 6 (a referral): passed applied and screening
    company("e", "interviewing", [(6, "researching", "interviewing")], rounds=1, created=None),
    # never moved
    company("f", "researching", []),
]


def test_stages_conversion_and_hearing_back_match_the_hand_worked_table() -> None:
    found = stats.search_stats(PIPELINE, TODAY)
    assert found.companies == 6
    assert dict(found.by_stage) == {
        "researching": 1, "applied": 1, "screening": 0, "interviewing": 1,
        "offer": 1, "accepted": 0, "declined": 0, "rejected": 2,
    }  # fmt: skip
    funnel = [(s.stage, s.reached, s.previous) for s in found.funnel]
    # reached applied: a b c d e; screening: a c e; interviewing: a e; offer: a
    assert funnel == [("applied", 5, None), ("screening", 3, 5), ("interviewing", 2, 3), ("offer", 1, 2)]
    assert [s.percent for s in found.funnel] == [None, 60.0, pytest.approx(66.667, abs=0.01), 50.0]
    back = found.hearing_back
    # replies after 10 (a), 4 (b), 6 (c) days; d waits; e never applied with a date
    assert (back.applied, back.heard, back.waiting, back.median_days) == (4, 3, 1, 6.0)
    assert back.percent == 75.0


def test_time_in_each_stage_counts_finished_stays_only() -> None:
    found = {t.stage: t for t in stats.search_stats(PIPELINE, TODAY).stage_times}
    # researching: a 2, b 1, c 3, d 4 (e has no date added, f never left) -> median 2.5, longest 4
    assert (found["researching"].stays, found["researching"].median_days) == (4, 2.5)
    assert found["researching"].longest_days == 4.0 and found["researching"].open == 1
    # applied: a 10, b 4, c 6; d is still in it
    assert (found["applied"].stays, found["applied"].median_days, found["applied"].open) == (3, 6.0, 1)
    # screening: a 8, c 10
    assert (found["screening"].stays, found["screening"].median_days, found["screening"].longest_days) == (
        2,
        9.0,
        10.0,
    )
    # interviewing: a 14; e is in it now
    assert (found["interviewing"].stays, found["interviewing"].median_days) == (1, 14.0)
    assert found["interviewing"].open == 1
    assert (found["offer"].stays, found["offer"].median_days, found["offer"].open) == (0, None, 1)


def test_history_lines_in_any_order_are_read_by_date() -> None:
    shuffled = [
        CompanyFacts(c.slug, c.status, c.created, tuple(reversed(c.changes)), c.rounds, c.followups)
        for c in PIPELINE
    ]
    assert stats.search_stats(shuffled, TODAY) == stats.search_stats(PIPELINE, TODAY)


def test_a_date_that_runs_backwards_is_not_timed() -> None:
    # a hand edit put the screen before the application: neither stay can be timed honestly
    odd = company("x", "screening", [(10, "researching", "applied"), (8, "applied", "screening")], created=12)
    found = {t.stage: t for t in stats.search_stats([odd], TODAY).stage_times}
    assert all(t.stays == 0 for t in found.values())
    assert stats.search_stats([odd], TODAY).hearing_back.median_days is None


def test_rounds_per_company() -> None:
    found = stats.search_stats(PIPELINE, TODAY).rounds
    assert (found.companies, found.total, found.median, found.most) == (3, 7, 2, 4)
    assert stats.search_stats([], TODAY).rounds == stats.RoundCounts(0, 0, None, 0)


@pytest.mark.parametrize(
    ("item", "counted"),
    [
        (FollowUpDates(date(2026, 11, 10), True, date(2026, 11, 10)), "on_time"),  # the due day itself
        (FollowUpDates(date(2026, 11, 10), True, date(2026, 11, 9)), "on_time"),
        (FollowUpDates(date(2026, 11, 10), True, date(2026, 11, 11)), "late"),
        (FollowUpDates(date(2026, 11, 10), True, None), "done_undated"),  # ticked by hand: no guess
        (FollowUpDates(date(2026, 12, 1), False, None), "overdue"),
        (FollowUpDates(TODAY, False, None), "not_due"),  # due today is not overdue yet
        (FollowUpDates(None, True, date(2026, 11, 9)), None),  # no due date: not in the count
    ],
)
def test_follow_ups_done_on_time(item: FollowUpDates, counted: str | None) -> None:
    found = stats.search_stats([company("a", "applied", [], followups=(item,))], TODAY).followups
    counts = {k: v for k, v in vars(found).items() if k != "dated"}
    assert counts == {k: int(k == counted) for k in counts}
    assert found.dated == (counted is not None)


# Through the command line ---------------------------------------------------------------


@pytest.fixture
def pipeline_home(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Companies a, b, c, d of the table above, their history written as `prep status` writes it."""
    monkeypatch.setattr(agenda_command, "now_here", lambda: datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    for facts in PIPELINE[:4]:
        assert prep("new", facts.slug, "--no-input")[0] == 0
        for change in facts.changes:
            fields = {"at": change.at.isoformat(), "from": change.before, "to": change.after}
            records.add_record(
                prep_home, facts.slug, records.HISTORY, fields, f"{change.before} -> {change.after}"
            )
        # the status line alone, as the last change left it (`prep status` would add a change dated now)
        path = prep_home / facts.slug / "company.md"
        path.write_text(frontmatter.set_field(path.read_text(), "status", facts.status, path))
    return prep_home


@pytest.mark.slow
def test_stats_reads_the_status_history_of_every_company(pipeline_home: Path) -> None:
    code, out, err = prep("stats", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["companies"] == 4
    assert [(s["stage"], s["reached"]) for s in data["funnel"]] == [
        ("applied", 4),
        ("screening", 2),
        ("interviewing", 1),
        ("offer", 1),
    ]
    assert data["hearing_back"] == {
        "applied": 4,
        "heard": 3,
        "waiting": 1,
        "percent": 75.0,
        "median_days": 6.0,
    }
    applied = next(t for t in data["stage_times"] if t["stage"] == "applied")
    assert (applied["stays"], applied["median_days"]) == (3, 6.0)
    code, text, err = prep("stats")
    assert code == 0, err
    assert "4 companies" in text and "status history" in text


@pytest.mark.slow
def test_done_dates_a_follow_up_and_stats_counts_it(prep_home: Path) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    assert prep("answer", "acme", "love", "the people", "--who", "Dana", "--round", "screen")[0] == 0
    assert prep("done", "acme", "recruiter-call")[0] == 0
    text = (prep_home / "acme" / "company.md").read_text()
    done = records.read_records(text, records.DONE, prep_home / "acme" / "company.md")
    assert [r["id"] for r in done] == ["recruiter-call"]
    assert datetime.fromisoformat(done[0]["at"]).date() == date.today()
    data = json.loads(prep("stats", "--json")[1])
    assert data["followups"]["on_time"] == 1  # due two days after the round, done today
    assert data["rounds"] == {"companies": 1, "total": 1, "median": 1, "most": 1}
    # ticking it again keeps one dated line, not two
    assert prep("done", "acme", "recruiter-call")[0] == 0
    text = (prep_home / "acme" / "company.md").read_text()
    assert len(records.read_records(text, records.DONE, prep_home / "acme" / "company.md")) == 1


@pytest.mark.parametrize(
    "line",
    [
        '- broken <!-- prep:status {"at": "yesterday", "from": "applied", "to": "screening"} -->',
        '- broken <!-- prep:status {"at": "9999-12-31T23:59:00+00:00", "from": "applied", "to": "offer"} -->',
        '- broken <!-- prep:status {"at": "2026-11-01T10:00:00+00:00", "to": "screening"} -->',
        "- broken <!-- prep:status {not json} -->",
    ],
)
def test_a_hand_broken_history_line_is_one_located_error(prep_home: Path, line: str) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    assert prep("status", "acme", "applied")[0] == 0
    path = prep_home / "acme" / "company.md"
    text = path.read_text()
    kept = text.replace("<!-- prep:end history -->", line + "\n<!-- prep:end history -->")
    path.write_text(kept)
    code, out, err = prep("stats")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "company.md" in err
    assert path.read_text() == kept, "nothing is rewritten"


def test_no_companies_says_how_to_start(prep_home: Path) -> None:
    code, out, _ = prep("stats")
    assert code == 0 and "prep new" in out
