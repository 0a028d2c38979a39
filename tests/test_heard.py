"""Everything you heard: every answer in the review's text, JSON and `--write` Markdown."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from helpers import prep
from interview_prep.storage import interviews
from interview_prep.storage.interviews import load_interview
from review_fixture import DANA, LEE, SAM, add_interview, build, make_company

HOSTILE = [
    "| Cell | injected |\n|---|---|\n| a | b |",
    "# Not a heading",
    "- not a list\n* nor this\n1. nor this",
    "<!-- prep:end review -->",
    "`code` and **bold** and _slanted_ and [a link](http://x) <b>tag</b>",
    "First paragraph.\n\nSecond paragraph after a blank line.\n---\n===",
    "back\\slash and pipe | inside",
]


def words(text: str) -> str:
    return " ".join(text.split())


def one_person_company(home: Path) -> None:
    """Questions only one person answered, one no bank knows, and the same person in two rounds."""
    company = make_company(home)
    add_interview(
        home,
        company,
        "2026-11-10T14:00:00+00:00",
        "screen",
        [DANA],
        [
            ("runway", DANA, "About 30 months at the current burn."),
            ("interviewer-tenure", DANA, "Since 2021."),
            ("day-in-the-life", DANA, "   "),
        ],
    )
    add_interview(
        home,
        company,
        "2026-11-17T10:00:00+00:00",
        "onsite",
        [DANA, LEE],
        [
            ("interviewer-tenure", DANA, "Five years now."),
            ("day-in-the-life", LEE, "Standup, then deep work."),
        ],
    )


@pytest.mark.slow
def test_every_answer_is_in_the_json_with_its_interview(prep_home: Path) -> None:
    one_person_company(prep_home)
    data = json.loads(prep("review", "acme", "--json")[1])
    got = [(a["interview"], a["question_id"], a["who"], a["text"]) for a in data["answers"]]
    assert sorted(got) == sorted(
        [
            ("2026-11-10-1400-screen", "runway", "Dana", "About 30 months at the current burn."),
            ("2026-11-10-1400-screen", "interviewer-tenure", "Dana", "Since 2021."),
            ("2026-11-17-1000-onsite", "interviewer-tenure", "Dana", "Five years now."),
            ("2026-11-17-1000-onsite", "day-in-the-life", "Lee", "Standup, then deep work."),
        ]
    )
    assert all(a["time"].startswith("2026-11-") for a in data["answers"])
    assert data["side_by_side"]["rows"] == []  # nothing two people answered: only this section has them
    assert [i["id"] for i in data["interviews"]] == ["2026-11-10-1400-screen", "2026-11-17-1000-onsite"]


@pytest.mark.slow
def test_interview_ids_in_the_json_are_what_interview_accepts(prep_home: Path) -> None:
    one_person_company(prep_home)
    for listed in json.loads(prep("review", "acme", "--json")[1])["interviews"]:
        code, out, err = prep("note", "acme", "Checked", "--interview", listed["id"])
        assert code == 0, err
        assert listed["id"] in out


@pytest.mark.slow
def test_text_review_shows_answers_one_person_gave(prep_home: Path) -> None:
    one_person_company(prep_home)
    code, out, _ = prep("review", "acme", "--no-input")
    assert code == 0
    heard = words(out.split("Everything you heard", 1)[1])
    for text in (
        "About 30 months at the current burn.",
        "Since 2021.",
        "Five years now.",
        "Standup, then deep work.",
    ):
        assert text in heard
    assert heard.index("Business and funding") < heard.index("About 30 months")


@pytest.mark.slow
def test_answers_to_questions_no_bank_knows_are_kept(prep_home: Path) -> None:
    """A question from a user bank since removed: its answer is still heard, with its own wording."""
    company = make_company(prep_home)
    path = add_interview(prep_home, company, "2026-11-10T14:00:00+00:00", "screen", [LEE], [])
    meta = {"q": "gone-question", "who": "Lee", "at": "2026-11-10T14:05:00+00:00", "question": "Which stack?"}
    interviews.append_entry(path, "answer", meta, "They use Rust.", "### Which stack? (Lee)")
    data = json.loads(prep("review", "acme", "--json")[1])
    assert [(a["question_id"], a["question"], a["who"], a["text"]) for a in data["answers"]] == [
        ("gone-question", "Which stack?", "Lee", "They use Rust.")
    ]
    out = words(prep("review", "acme", "--no-input")[1])
    assert "Which stack? • Lee: They use Rust." in out


def parse(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def written(home: Path, slug: str = "acme") -> str:
    code, _, err = prep("review", slug, "--write", "--no-input")
    assert code == 0, err
    text = (home / slug / "review.md").read_text()
    begin, end = text.index("<!-- prep:begin review -->"), text.index("<!-- prep:end review -->")
    return text[begin + len("<!-- prep:begin review -->") : end]


@pytest.mark.slow
def test_write_is_markdown_with_lists_and_tables(prep_home: Path) -> None:
    build(prep_home)
    tokens = parse(written(prep_home))
    kinds = {token.type for token in tokens}
    assert "fence" not in kinds and "code_block" not in kinds
    assert {"table_open", "bullet_list_open", "heading_open"} <= kinds
    headings = [
        tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"
    ]
    for section in ("Side by side", "Red flags", "Coverage", "Follow-ups", "Everything you heard"):
        assert section in headings


@pytest.mark.slow
@pytest.mark.parametrize("hostile", HOSTILE)
def test_write_shows_any_answer_literally_and_it_adds_no_structure(prep_home: Path, hostile: str) -> None:
    company = make_company(prep_home)
    answers = [("love", DANA, "Calm."), ("love", LEE, "Kind."), ("hate", SAM, hostile)]
    add_interview(prep_home, company, "2026-11-10T14:00:00+00:00", "onsite", [DANA, LEE, SAM], answers)
    baseline = parse(written(prep_home))
    # The same review with a harmless answer: the structure (every token but text) must match.
    answers[2] = ("hate", SAM, "Plain words.")
    twin = make_company(prep_home, "beta", "Beta")
    add_interview(prep_home, twin, "2026-11-10T14:00:00+00:00", "onsite", [DANA, LEE, SAM], answers)
    plain = parse(written(prep_home, "beta"))
    shape = [(t.type, t.tag) for t in baseline if t.type != "inline"]
    assert shape == [(t.type, t.tag) for t in plain if t.type != "inline"]
    rendered = html.unescape(
        re.sub(r"<[^>]+>", " ", MarkdownIt("commonmark").enable("table").render(written(prep_home)))
    )
    assert words(hostile) in words(rendered) or all(
        words(part) in words(rendered) for part in hostile.split("\n\n")
    )


def test_red_flag_heading_in_the_interview_file_says_what_it_was(prep_home: Path) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    text = "Dodged the on-call question\nand changed the subject"
    code, _, err = prep("flag", "acme", text, "--severity", "high", "--who", "Lee")
    assert code == 0, err
    path = next((prep_home / "acme" / "interviews").glob("*.md"))
    headings = [line for line in path.read_text().splitlines() if line.startswith("### Red flag")]
    assert headings == ["### Red flag (high, Lee): Dodged the on-call question and changed the subject"]
    assert load_interview(path).flags[0].text == text
    long = "x" * 300
    assert prep("flag", "acme", long)[0] == 0
    last = [line for line in path.read_text().splitlines() if line.startswith("### Red flag")][-1]
    assert len(last) < 120 and last.endswith("…")
