"""Loading the shipped banks and the user's own into one Catalog."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import interview_prep
from helpers import RUNAWAY_SECONDS
from interview_prep.banks import files
from interview_prep.banks.files import bank_files, shipped_banks_dir
from interview_prep.banks.loader import load_catalog
from interview_prep.errors import EXIT_FAILURE, EXIT_USAGE, PrepError

GOOD = Path(__file__).parent / "data" / "good_banks"


def question_yaml(item_id: str, text: str = "A user question?", category: str = "team") -> str:
    return f"""\
  - id: {item_id}
    text: {text}
    category: {category}
    why: Because.
    ask: [engineer]
    when: [onsite]
    priority: should
    listen_for:
      good: [Clear answer]
      worrying: [No answer]
"""


def bank_yaml(bank_id: str, *questions: str) -> str:
    head = f"bank: {bank_id}\ntitle: {bank_id.title()}\ndescription: A test bank.\n"
    return head + "questions:\n" + "".join(questions)


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    shutil.copytree(GOOD, folder)
    return folder


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    return folder


def test_loads_every_shipped_bank_in_name_order(shipped: Path) -> None:
    catalog = load_catalog(shipped_dir=shipped)

    assert [info.id for info in catalog.banks] == ["complete", "signals-only"]
    assert list(catalog.questions) == [
        "hires-departures-last-year",
        "love-most",
        "on-call-pages-per-week",
    ]
    assert list(catalog.signals) == ["tight-lipped-about-manager", "interviewer-late", "office-empty"]
    assert list(catalog.prep) == ["key-messages", "why-leaving"]
    complete = catalog.banks[0]
    assert (complete.questions, complete.signals, complete.prep) == (3, 2, 2)
    assert complete.path == str(shipped / "complete.yaml")
    assert complete.title == "Complete example"
    assert not complete.user
    assert catalog.question("love-most").category == "love-hate"
    assert [s.id for s in catalog.signals_in("signals-only")] == ["office-empty"]


def test_a_user_question_replaces_the_shipped_one_in_place(shipped: Path, user_dir: Path) -> None:
    (user_dir / "mine.yaml").write_text(
        bank_yaml("mine", question_yaml("love-most", "What do you love here?"), question_yaml("new-one"))
    )

    catalog = load_catalog(user_dir, shipped_dir=shipped)

    assert catalog.question("love-most").text == "What do you love here?"
    assert catalog.question("love-most").bank == "mine"
    assert list(catalog.questions) == [
        "hires-departures-last-year",
        "love-most",
        "on-call-pages-per-week",
        "new-one",
    ]
    mine = catalog.banks[-1]
    assert (mine.id, mine.user, mine.questions) == ("mine", True, 2)
    assert mine.path == str(user_dir / "mine.yaml")


def test_a_user_item_may_replace_a_shipped_item_of_another_kind(shipped: Path, user_dir: Path) -> None:
    signal = "signals:\n  - id: love-most\n    text: t\n    why: w\n    severity: low\n"
    (user_dir / "mine.yaml").write_text(bank_yaml("mine", question_yaml("interviewer-late")) + signal)

    catalog = load_catalog(user_dir, shipped_dir=shipped)

    assert "interviewer-late" in catalog.questions
    assert "interviewer-late" not in catalog.signals
    assert "love-most" in catalog.signals
    assert "love-most" not in catalog.questions


def test_a_user_bank_may_reuse_a_shipped_bank_id(shipped: Path, user_dir: Path) -> None:
    (user_dir / "complete.yaml").write_text(bank_yaml("complete", question_yaml("extra-one")))

    catalog = load_catalog(user_dir, shipped_dir=shipped)

    assert [(info.id, info.user) for info in catalog.banks_with_id("complete")] == [
        ("complete", False),
        ("complete", True),
    ]
    assert len(catalog.questions_in("complete")) == 4


def test_the_same_id_twice_in_user_banks_is_an_error(shipped: Path, user_dir: Path) -> None:
    first, second = user_dir / "a.yaml", user_dir / "b.yaml"
    first.write_text(bank_yaml("first", question_yaml("my-question")))
    second.write_text(bank_yaml("second", question_yaml("other"), question_yaml("my-question")))

    with pytest.raises(PrepError) as raised:
        load_catalog(user_dir, shipped_dir=shipped)

    message = str(raised.value)
    assert message.startswith(f"{second}:15:9: duplicate id 'my-question'")
    assert f"{first}:5:9" in message
    assert raised.value.exit_code == EXIT_USAGE


def test_the_same_id_twice_in_shipped_banks_is_an_error(shipped: Path) -> None:
    clash = shipped / "zz-clash.yaml"
    clash.write_text(bank_yaml("clash", question_yaml("love-most")))

    with pytest.raises(PrepError, match=r"zz-clash\.yaml:5:9: duplicate id 'love-most'"):
        load_catalog(shipped_dir=shipped)


@pytest.mark.parametrize("missing", [None, Path("/nonexistent/prep/banks")])
def test_no_user_banks_folder_is_fine(shipped: Path, missing: Path | None) -> None:
    catalog = load_catalog(missing, shipped_dir=shipped)

    assert not any(info.user for info in catalog.banks)
    assert len(catalog.questions) == 3


def test_a_broken_user_bank_names_its_file_and_line(shipped: Path, user_dir: Path) -> None:
    broken = user_dir / "broken.yaml"
    broken.write_text(bank_yaml("broken", question_yaml("fine"), question_yaml("bad", category="pay")))

    with pytest.raises(PrepError) as raised:
        load_catalog(user_dir, shipped_dir=shipped)

    message = str(raised.value)
    assert message.startswith(f"{broken}:17:15: unknown category 'pay'")
    assert f"run `prep banks check {broken}` to see every problem" in message
    assert "\n" not in message


def test_the_error_names_the_first_problem_in_the_file(shipped: Path, user_dir: Path) -> None:
    broken = user_dir / "broken.yaml"
    text = bank_yaml("broken", question_yaml("x", category="pay"))
    broken.write_text(text.replace("title: Broken", "title: [Broken]"))

    with pytest.raises(PrepError) as raised:
        load_catalog(user_dir, shipped_dir=shipped)

    assert str(raised.value).startswith(f"{broken}:2:8: title must be a string, not a list")


def test_an_undecodable_user_bank_is_a_prep_error(shipped: Path, user_dir: Path) -> None:
    (user_dir / "latin.yaml").write_bytes(bank_yaml("latin", question_yaml("caf\xe9")).encode("latin-1"))

    with pytest.raises(PrepError, match="not UTF-8 text"):
        load_catalog(user_dir, shipped_dir=shipped)


def test_only_visible_yaml_files_are_banks(user_dir: Path) -> None:
    for name in ("b.yaml", "a.yaml", "notes.txt", "old.yml", ".#a.yaml"):
        (user_dir / name).write_text("x")
    (user_dir / "folder.yaml").mkdir()

    assert [path.name for path in bank_files(user_dir)] == ["a.yaml", "b.yaml"]
    assert bank_files(user_dir / "missing") == []


# --- Finding the shipped banks ---------------------------------------------------


def test_shipped_banks_are_found_in_the_source_tree() -> None:
    found = shipped_banks_dir()

    assert found.is_dir()
    assert found.name == "question_banks"


def test_shipped_banks_inside_the_package_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "interview_prep"
    (package / "question_banks").mkdir(parents=True)
    monkeypatch.setattr(interview_prep, "__file__", str(package / "__init__.py"))

    assert shipped_banks_dir() == package / "question_banks"


def test_the_source_tree_banks_are_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interview_prep, "__file__", str(tmp_path / "interview_prep" / "__init__.py"))

    assert shipped_banks_dir() == Path(files.__file__).resolve().parents[3] / "question_banks"


def test_missing_shipped_banks_name_both_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    places = (tmp_path / "in-package", tmp_path / "in-repo")
    monkeypatch.setattr(files, "_shipped_banks_candidates", lambda: places)

    with pytest.raises(PrepError) as raised:
        shipped_banks_dir()

    assert raised.value.exit_code == EXIT_FAILURE
    assert str(places[0]) in str(raised.value) and str(places[1]) in str(raised.value)


# --- Speed: this runs on every `prep new` and `prep ask` ------------------------


def write_synthetic_corpus(folder: Path, files: int = 22, questions: int = 200) -> None:
    per_file, extra = divmod(questions, files)
    number = 0
    for index in range(files):
        items = []
        for _ in range(per_file + (1 if index < extra else 0)):
            number += 1
            text = f"How many people joined {{company}}'s team last year, and how many left? ({number})"
            items.append(question_yaml(f"question-{number}", text, "turnover"))
            items.append("    follow_ups:\n      - Why did the last people leave?\n")
            if number % 4 == 0:
                items.append("    fits:\n      stage: [startup, scaleup]\n      role: manager\n")
            if number % 6 == 0:
                items.append(
                    "    answer:\n      kind: hires-departures\n      metric: attrition_percent\n"
                    "      unit: percent\n      flag_above: 30\n"
                )
        (folder / f"bank-{index:02}.yaml").write_text(bank_yaml(f"bank-{index}", *items))


def test_loading_200_questions_from_22_files_is_fast(tmp_path: Path) -> None:
    write_synthetic_corpus(tmp_path)
    load_catalog(shipped_dir=tmp_path)  # warm the file cache

    best = min(timed_load(tmp_path) for _ in range(5))

    # Measured ~15 ms here; the bound only catches an accidental runaway path.
    assert best < RUNAWAY_SECONDS / 10, f"{best * 1000:.0f} ms"


def timed_load(folder: Path) -> float:
    started = time.process_time()
    catalog = load_catalog(shipped_dir=folder)
    elapsed = time.process_time() - started
    assert len(catalog.questions) == 200
    return elapsed
