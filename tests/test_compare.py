"""`prep compare`: every cell of a five-company fixture traces to the entries behind it, and back.

The trace is checked both ways: each piece of evidence names a file and an
entry that really hold what it says (a mark, a number, a flag, a reflection,
an offer line), and each thing in the files that a cell should count is in
that cell's evidence. A handful of cells are also counted by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import interview_files, prep
from interview_prep.storage import entries
from interview_prep.storage.blocks import parse_entries
from interview_prep.storage.interviews import load_interview

# (company, [(question, who, text, mark)], [(flag text, severity)], gut, accept, offer flags)
FIVE: list[tuple[str, list[tuple[str, str, str, str]], list[tuple[str, str]], int | None, str, list[str]]] = [
    (
        "acme",
        [
            ("love", "Dana", "The people, and real ownership.", "reassuring"),
            ("hate", "Lee", "Deadlines set before anyone scopes the work.", "worrying"),
            ("hours-per-week", "Lee", "About 60 hours, more before launches.", "worrying"),
            ("hires-last-year-departures", "Dana", "We hired 4 and 6 left, in a team of 10.", ""),
        ],
        [("Avoided the manager question", "high"), ("Late by 20 minutes", "low")],
        4,
        "unsure",
        ["--base", "85000", "--currency", "EUR", "--equity-type", "options", "--grant", "4800",
         "--strike", "1", "--share-price", "3"],
    ),
    (
        "globex",
        [
            ("love", "Ava", "Calm weeks and kind reviews.", "reassuring"),
            ("hours-per-week", "Ava", "Forty hours, rarely more.", "reassuring"),
        ],
        [],
        5,
        "yes",
        ["--base", "120000", "--currency", "USD"],
    ),
    (
        "initech",
        [("hate", "Bill", "unlimited overtime in crunch, every quarter.", "worrying")],
        [("Asked me to skip lunch", "medium")],
        2,
        "no",
        [],
    ),
    ("hooli", [("love", "Gavin", "We move fast.", "")], [], None, "", []),
    ("umbrella", [], [], None, "", ["--base", "70000", "--currency", "GBP", "--bonus", "7000"]),
]  # fmt: skip


@pytest.fixture
def five(prep_home: Path) -> Path:
    for slug, answers, flags, gut, accept, offer in FIVE:
        assert prep("new", slug, "--no-input")[0] == 0
        (prep_home / "config.yaml").write_text("dealbreakers: [unlimited overtime]\n")
        for question, who, text, _ in answers:
            assert prep("answer", slug, question, text, "--who", who, "--round", "onsite")[0] == 0
        for text, severity in flags:
            assert prep("flag", slug, text, "--severity", severity, "--round", "onsite")[0] == 0
        if gut is not None or accept:
            given = (["--gut", str(gut)] if gut else []) + (["--accept", accept] if accept else [])
            assert prep("reflect", slug, *given)[0] == 0
        if offer:
            assert prep("offer", slug, *offer)[0] == 0
        for path in interview_files(prep_home, slug):
            for answer in load_interview(path).answers:
                mark = next(m for q, w, _, m in answers if (q, w) == (answer.question_id, answer.who))
                if mark:
                    entries.set_mark(path, answer, mark)
    return prep_home


def compare_json(*args: str) -> dict[str, Any]:
    code, out, err = prep("compare", "--json", *args)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def entry_at(home: Path, source: str) -> tuple[str, dict[str, Any], str]:
    """(kind, marker fields, text) of the entry a source names: 'acme/interviews/X.md#3'."""
    path, _, number = source.partition("#")
    text = (home / path).read_text()
    found = parse_entries(text.split("\n---\n", 1)[1], home / path)
    if number == "reflection":
        [entry] = [e for e in found if e.kind == "reflection"]
    else:
        [entry] = [e for e in found if e.number == int(number)]
    return entry.kind, entry.meta, entry.text


def check_traces(home: Path, cell: dict[str, Any]) -> None:
    for item in cell["evidence"]:
        role, source, what = item["role"], item["source"], item["what"]
        if role == "offer":
            path, _, line = source.rpartition(":")
            stored = (home / path).read_text().split("\n")[int(line) - 1]
            assert "<!-- prep:offer {" in stored
            fields = json.loads(stored.split("prep:offer ", 1)[1].removesuffix(" -->"))
            assert fields["currency"] in what and cell["text"].startswith(fields["currency"])
            continue
        kind, meta, text = entry_at(home, source)
        if role in ("reassuring", "worrying"):
            assert (kind, meta.get("mark")) == ("answer", role)
        elif role in ("number", "finding"):
            assert kind == "answer" and " ".join(text.split())[:60] in what
        elif role == "flag":
            assert kind == "flag" and what.startswith(meta["severity"]) and text[:60] in what
        elif role == "gut":
            assert kind == "reflection" and what == f"gut {meta['gut']}/5" == f"gut {cell['text']}"
        elif role == "accept":
            assert kind == "reflection" and meta["accept"] == cell["text"] and meta["accept"] in what
        else:
            raise AssertionError(f"unknown role {role}")


def shown_counts(text: str) -> dict[str, int]:
    signs = {"+": "reassuring", "-": "worrying", "!": "findings", "#": "numbers"}
    return {signs[sign]: int(count) for sign, count in re.findall(r"([+\-!#])(\d+)", text)}


@pytest.mark.slow
@pytest.mark.parametrize("args", [[], ["--weight", "love-hate=2", "--weight", "Work-life balance=3"]])
def test_every_cell_of_five_companies_traces_to_its_evidence(five: Path, args: list[str]) -> None:
    data = compare_json(*args)
    assert [c["slug"] for c in data["companies"]] == sorted(slug for slug, *_ in FIVE)
    categories = {column["key"] for column in data["columns"]}
    for company in data["companies"]:
        for cell in company["cells"]:
            check_traces(five, cell)
            if cell["key"] in categories:
                counted = {k: cell[k] for k in ("reassuring", "worrying", "findings", "numbers") if cell[k]}
                assert shown_counts(cell["text"]) == counted
                assert len(cell["evidence"]) == sum(counted.values())
            elif cell["key"] == "flags":
                assert len(cell["evidence"]) == (int(cell["text"].split()[0]) if cell["text"] != "-" else 0)
            else:
                assert len(cell["evidence"]) == (cell["text"] != "-")


@pytest.mark.slow
def test_nothing_in_the_files_is_left_out_of_its_cell(five: Path) -> None:
    """The other way round: every mark and every flag in the files is evidence in its cell."""
    data = compare_json()
    by_slug = {company["slug"]: company for company in data["companies"]}
    categories = {column["key"] for column in data["columns"]}
    for slug, *_ in FIVE:
        sources = {
            (item["role"], item["source"])
            for cell in by_slug[slug]["cells"]
            if cell["key"] in categories | {"flags"}
            for item in cell["evidence"]
        }
        for path in interview_files(five, slug):
            where = str(path.relative_to(five))
            interview = load_interview(path)
            for answer in interview.answers:
                if answer.mark:
                    assert (answer.mark, f"{where}#{answer.number}") in sources
            for flag in interview.flags:
                assert ("flag", f"{where}#{flag.number}") in sources


@pytest.mark.slow
def test_cells_counted_by_hand(five: Path) -> None:
    data = compare_json("--weight", "love-hate=2", "--weight", "work-life=3")
    cells = {c["slug"]: {cell["key"]: cell for cell in c["cells"]} for c in data["companies"]}
    totals = {c["slug"]: (c["total"], c["total_sum"]) for c in data["companies"]}
    # acme, love-hate: Dana's love (+), Lee's hate (-).
    assert cells["acme"]["love-hate"]["text"] == "+1 -1"
    # acme, work-life: Lee's 60 hours marked worrying; a number; past the bank's limit (a finding)
    # and the long-hours signal (another finding).
    assert shown_counts(cells["acme"]["work-life"]["text"]) == {"worrying": 1, "findings": 2, "numbers": 1}
    # initech, love-hate: the hate answer marked worrying, and the user's dealbreaker heard in it.
    assert cells["initech"]["love-hate"]["text"] == "-1 !1"
    # Totals: weight x (reassuring - worrying), your marks only.
    # acme 2 x (1 - 1) + 3 x (0 - 1) = -3; globex 2 x (1 - 0) + 3 x (1 - 0) = 5.
    assert totals["acme"] == (-3, "2 x (1 - 1) + 3 x (0 - 1) = -3")
    assert totals["globex"][0] == 5 and totals["umbrella"][0] == 0
    # Gut, accept and offer.
    assert (cells["globex"]["gut"]["text"], cells["globex"]["accept"]["text"]) == ("5/5", "yes")
    # acme's offer: 85,000 + 1,200 options vested in year 1 x (3 - 1) = 87,400.
    assert cells["acme"]["offer"]["text"] == "EUR 87,400"
    # umbrella: 70,000 + 7,000, in its own currency (no rate, no conversion).
    assert cells["umbrella"]["offer"]["text"] == "GBP 77,000"
    assert cells["hooli"]["flags"]["text"] == "-" and cells["acme"]["flags"]["text"] == "2 (1 high)"


@pytest.mark.slow
def test_without_weights_there_is_no_total(five: Path) -> None:
    data = compare_json()
    assert all(c["total"] is None and c["total_sum"] == "" for c in data["companies"])
    _, out, _ = prep("compare")
    assert "Total" not in out


@pytest.mark.slow
def test_values_become_categories_and_say_how(five: Path) -> None:
    (five / "config.yaml").write_text("values:\n  - Work-life balance\n  - on-call\n  - zzzq\n")
    data = compare_json()
    keys = [column["key"] for column in data["columns"]]
    assert keys[:2] == ["work-life", "on-call"]
    assert "names it" in data["columns"][0]["why"]
    assert any("zzzq" in note for note in data["notes"])


@pytest.mark.slow
def test_explain_lists_every_source_of_a_column(five: Path) -> None:
    code, out, _ = prep("compare", "--explain", "work-life")
    assert code == 0
    cell = {c["slug"]: c for c in compare_json()["companies"]}["acme"]
    [work_life] = [c for c in cell["cells"] if c["key"] == "work-life"]
    for item in work_life["evidence"]:
        assert f"[{item['source']}]" in out


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["--weight", "nothing=2"],
        ["--weight", "work-life"],
        ["--weight", "work-life=-1"],
        ["--explain", "zzz"],
    ],
)
def test_bad_options_are_one_line(five: Path, args: list[str]) -> None:
    code, out, err = prep("compare", *args)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in out + err
    assert args[1].split("=")[0] in err
