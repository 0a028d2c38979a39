"""`prep review`: golden output, themes, thresholds, the all-companies table, hand edits."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.commands import review as reviewing
from interview_prep.commands.context import Context
from interview_prep.core.transcript import Reflection
from interview_prep.render import review_view
from review_fixture import DANA, LEE, SAM, add_interview, build, make_company

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual)
    assert actual == path.read_text(), f"{name} changed; rerun with UPDATE_GOLDEN=1 and review the diff"


@pytest.mark.slow
def test_golden_json(prep_home: Path) -> None:
    build(prep_home)
    code, out, _ = prep("review", "acme", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == [
        "format",
        "company",
        "reflection",
        "side_by_side",
        "themes",
        "flags",
        "metrics",
        "values",
        "coverage",
        "key_messages",
        "followups",
        "interviews",
        "answers",
    ]
    check_golden("review_acme.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.slow
@pytest.mark.parametrize("width", [80, 120])
def test_golden_text(prep_home: Path, width: int) -> None:
    build(prep_home)
    data = reviewing.company_review(Context(), "acme")
    text = review_view.render_to_text(review_view.company_view(data), width)
    assert max(len(line) for line in text.splitlines()) <= width
    check_golden(f"review_acme_{width}.txt", text)


@pytest.mark.slow
def test_golden_markdown(prep_home: Path) -> None:
    build(prep_home)
    check_golden("review_acme.md", review_view.markdown(reviewing.company_review(Context(), "acme")))


@pytest.mark.slow
def test_sections_come_in_order(prep_home: Path) -> None:
    build(prep_home)
    out = prep("review", "acme", "--no-input")[1]
    order = [
        "Acme",
        "Your reflection",
        "Side by side",
        "Repeated themes",
        "Red flags",
        "Coverage",
        "Follow-ups",
    ]
    positions = [out.index(title) for title in order]
    assert positions == sorted(positions)


@pytest.mark.slow
def test_shared_deadline_complaint_is_the_strongest_theme(prep_home: Path) -> None:
    build(prep_home)
    data = json.loads(prep("review", "acme", "--json")[1])
    strongest = data["themes"][0]
    assert strongest["phrase"] == "deadline" and strongest["everyone"] is True
    assert sorted(strongest["who"]) == ["Dana", "Lee", "Sam"]
    assert strongest["question_id"] == "hate"
    phrases = {theme["phrase"] for theme in data["themes"]}
    assert not phrases & {"the", "and", "too", "every", "some", "meetings"}  # stop words, one-offs


def _attrition_flags(home: Path, answer: str, config: str | None = None) -> list[dict[str, object]]:
    company = make_company(home)
    add_interview(
        home,
        company,
        "2026-11-10T14:00:00+00:00",
        "onsite",
        [DANA],
        [("hires-last-year-departures", DANA, answer)],
    )
    if config is not None:
        (home / "config.yaml").write_text(config)
    data = json.loads(prep("review", "acme", "--json")[1])
    return [f for f in data["flags"] if f["kind"] == "number"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("answer", "flagged"),
    [
        ("we hired 10 and 3 left, in a team of 10", False),  # 30%: at the threshold, not above
        ("we hired 1000 and 299 left, in a team of 1000", False),  # 29.9%: just under
        ("we hired 1000 and 301 left, in a team of 1000", True),  # 30.1%: just over
        ("we hired 10 and 9 left", False),  # no team size: no rate, so no rate flag
    ],
)
def test_attrition_threshold_boundaries(prep_home: Path, answer: str, flagged: bool) -> None:
    assert bool(_attrition_flags(prep_home, answer)) is flagged


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "flagged"), [("50 hours", False), ("49.9 hours", False), ("50.5", True)])
def test_hours_threshold_boundaries(prep_home: Path, answer: str, flagged: bool) -> None:
    company = make_company(prep_home)
    add_interview(
        prep_home, company, "2026-11-10T14:00:00+00:00", "r", [LEE], [("hours-per-week", LEE, answer)]
    )
    flags = json.loads(prep("review", "acme", "--json")[1])["flags"]
    assert any(f["kind"] == "number" and f["text"].startswith("Hours") for f in flags) is flagged


@pytest.mark.slow
@pytest.mark.parametrize(
    ("answer", "flagged"), [("1 year", False), ("11 months", True), ("two years", False)]
)
def test_tenure_threshold_boundaries(prep_home: Path, answer: str, flagged: bool) -> None:
    company = make_company(prep_home)
    add_interview(
        prep_home, company, "2026-11-10T14:00:00+00:00", "r", [SAM], [("interviewer-tenure", SAM, answer)]
    )
    flags = json.loads(prep("review", "acme", "--json")[1])["flags"]
    assert any(f["kind"] == "number" and f["text"].startswith("Tenure") for f in flags) is flagged


@pytest.mark.slow
def test_user_threshold_in_config_changes_the_result(prep_home: Path) -> None:
    assert _attrition_flags(
        prep_home, "we hired 10 and 2 left, in a team of 10", "thresholds:\n  attrition_percent: 15\n"
    )
    (prep_home / "config.yaml").write_text("thresholds:\n  attrition_percent: 25\n")
    data = json.loads(prep("review", "acme", "--json")[1])
    assert not [f for f in data["flags"] if f["kind"] == "number"]


@pytest.mark.slow
def test_dealbreaker_phrase_from_config_is_a_high_flag_with_evidence(prep_home: Path) -> None:
    build(prep_home)
    (prep_home / "config.yaml").write_text("dealbreakers:\n  - too many meetings\n")
    flags = json.loads(prep("review", "acme", "--json")[1])["flags"]
    hit = next(f for f in flags if f["kind"] == "dealbreaker")
    assert hit["severity"] == "high" and hit["who"] == "Dana"
    assert "too many meetings" in hit["evidence"]


@pytest.mark.slow
def test_bad_config_names_file_line_and_column(prep_home: Path) -> None:
    build(prep_home)
    (prep_home / "config.yaml").write_text("thresholds:\n  hours_per_week: lots\n")
    code, _, err = prep("review", "acme", "--no-input")
    assert code == 2
    assert f"{prep_home / 'config.yaml'}:2:19: thresholds.hours_per_week must be a number" in err
    assert err.count("\n") == 1


@pytest.mark.slow
def test_reflect_done_and_write(prep_home: Path) -> None:
    build(prep_home)
    code, out, _ = prep("reflect", "acme", "--gut", "2", "--worry", "hours", "--accept", "no")
    assert code == 0 and out.startswith("Saved your reflection to acme/interviews/2026-11-17-1000-final.md")
    data = json.loads(prep("review", "acme", "--json")[1])
    assert data["reflection"]["latest"]["gut"] == 2 and data["reflection"]["latest"]["accept"] == "no"
    assert [r["gut"] for r in data["reflection"]["rounds"]] == [4, 2]
    assert prep("reflect", "acme", "--gut", "7")[0] == 2
    assert prep("done", "acme", "recruiter-call")[1].startswith("Ticked off: Call the recruiter")
    assert prep("done", "acme", "recruiter")[2].count("Did you mean 'recruiter-call'") == 1
    followups = json.loads(prep("review", "acme", "--json")[1])["followups"]
    assert [f["done"] for f in followups if f["id"] == "recruiter-call"] == [True]
    path = prep_home / "acme" / "review.md"
    prep("review", "acme", "--write", "--no-input")
    path.write_text("My own heading\n\n" + path.read_text() + "\nMy closing thoughts.\n")
    prep("review", "acme", "--write", "--no-input")
    text = path.read_text()
    assert text.startswith("My own heading\n") and text.endswith("\nMy closing thoughts.\n")
    assert text.count("<!-- prep:begin review -->") == 1


@pytest.mark.slow
def test_all_companies_table_with_five_states(prep_home: Path) -> None:
    build(prep_home)  # acme: two rounds, flags, attrition and hours
    for slug, status in [("bravo", "applied"), ("charlie", "offer"), ("delta", "rejected")]:
        company = make_company(prep_home, slug, slug.capitalize())
        prep("status", slug, status)
        if slug == "charlie":
            add_interview(
                prep_home,
                company,
                "2026-11-12T09:00:00+00:00",
                "screen",
                [DANA],
                [("hours-per-week", DANA, "40 hours")],
                reflection=Reflection(5, "team", "", "yes", "2026-11-12T10:00:00+00:00"),
            )
        if slug == "delta":
            add_interview(
                prep_home,
                company,
                "2026-11-13T09:00:00+00:00",
                "screen",
                [LEE],
                [("hate", LEE, "We work most weekends before launches")],
            )
    prep("new", "echo", "--no-input")  # no interviews yet
    data = json.loads(prep("review", "--json")[1])["companies"]
    by_slug = {row["slug"]: row for row in data}
    assert sorted(by_slug) == ["acme", "bravo", "charlie", "delta", "echo"]
    assert by_slug["echo"]["rounds"] == 0 and by_slug["echo"]["gut"] is None
    assert by_slug["acme"]["attrition"] == 33.3 and by_slug["acme"]["attrition_flagged"] is True
    assert by_slug["charlie"]["hours"] == 40 and by_slug["charlie"]["hours_flagged"] is False
    assert by_slug["charlie"]["gut"] == 5
    assert by_slug["delta"]["status"] == "rejected"
    sorted_by_flags = json.loads(prep("review", "--json", "--sort", "flags")[1])["companies"]
    assert sorted_by_flags[0]["slug"] == "acme"
    by_gut = json.loads(prep("review", "--json", "--sort", "gut")[1])["companies"]
    assert [r["slug"] for r in by_gut][:2] == ["acme", "charlie"]
    assert prep("review", "--sort", "vibes")[0] == 2
    text = prep("review")[1]
    assert all(len(line) <= 80 for line in text.splitlines())
    for name in ("Acme", "Bravo", "Charlie", "Delta", "echo"):
        assert name in text


@pytest.mark.slow
def test_review_survives_hand_edits(prep_home: Path) -> None:
    build(prep_home)
    path = prep_home / "acme" / "interviews" / "2026-11-10-1400-onsite.md"
    text = path.read_text()
    # extra prose, a deleted answer (Lee's love), the red flag section moved to the top of the body
    text = text.replace("Interviewers:", "Felt good overall. Dana was late.\n\nInterviewers:")
    start = text.index('<!-- prep:answer {"n": 2')
    end = text.index("<!-- prep:end 2 -->") + len("<!-- prep:end 2 -->\n")
    text = text[:start] + text[end:]
    flag_start = text.index("<!-- prep:flag")
    flag_end = text.index("<!-- prep:end 7 -->") + len("<!-- prep:end 7 -->\n")
    flag_block = text[flag_start:flag_end]
    text = text[:flag_start] + text[flag_end:]
    text = text.replace("Felt good overall.", flag_block + "\nFelt good overall.")
    path.write_text(text)
    data = json.loads(prep("review", "acme", "--json")[1])
    love = next(row for row in data["side_by_side"]["rows"] if row["question_id"] == "love")
    assert set(love["answers"]) == {"Dana", "Sam"}
    assert any(f["kind"] == "yours" for f in data["flags"])


@pytest.mark.slow
def test_review_names_file_and_line_it_cannot_read(prep_home: Path) -> None:
    build(prep_home)
    path = prep_home / "acme" / "interviews" / "2026-11-10-1400-onsite.md"
    lines = path.read_text().split("\n")
    broken_at = next(i for i, line in enumerate(lines) if line == "<!-- prep:end 3 -->")
    del lines[broken_at]
    path.write_text("\n".join(lines))
    code, _, err = prep("review", "acme", "--no-input")
    assert code == 2
    assert f"{path}:" in err and "entry 3" in err and err.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("answer", "flagged"),
    [
        ("We work weekends before launches", True),
        ("We never work weekends", False),
        ("No weekends, ever", False),
    ],
)
def test_negated_phrases_do_not_flag(prep_home: Path, answer: str, flagged: bool) -> None:
    company = make_company(prep_home)
    add_interview(prep_home, company, "2026-11-10T14:00:00+00:00", "r", [LEE], [("hate", LEE, answer)])
    (prep_home / "config.yaml").write_text("dealbreakers:\n  - weekends\n")
    flags = json.loads(prep("review", "acme", "--json")[1])["flags"]
    assert any(f["kind"] == "dealbreaker" for f in flags) is flagged
