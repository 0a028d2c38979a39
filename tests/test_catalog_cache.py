"""The question-bank cache: same catalog as a full load, never stale, never in the way.

banks/loader.py keeps a catalog that loaded cleanly in `<home>/.cache/` so most
commands skip PyYAML and the validation (~40 ms a run). These tests pin what
makes that safe: the key is the banks' contents, a bad bank is still reported,
and a missing, broken or unwritable cache only means a normal load.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from interview_prep.banks import validate
from interview_prep.banks.loader import CACHE_FILE, load_catalog
from interview_prep.errors import PrepError

SHIPPED = Path(__file__).resolve().parents[1] / "question_banks"

USER_BANK = """\
bank: mine
title: Mine
description: My own questions.
questions:
  - id: pets
    text: Can I bring my dog to {company}?
    category: culture
    why: Because I have a dog.
    ask: [recruiter]
    when: [screen]
    priority: could
    listen_for:
      good: [Yes]
      worrying: [No]
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    (folder / "banks").mkdir(parents=True)
    (folder / "banks" / "mine.yaml").write_text(USER_BANK, encoding="utf-8")
    return folder


def load(home: Path):  # type: ignore[no-untyped-def]
    return load_catalog(home / "banks", cache_dir=home / ".cache")


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: object) -> None:
        raise AssertionError(f"parsed {path} although the cache was warm")

    monkeypatch.setattr(validate, "check_file", fail)


@pytest.mark.slow
def test_a_cached_catalog_equals_a_full_load_in_the_same_order(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load_catalog(home / "banks")
    load(home)  # writes the cache
    no_parsing(monkeypatch)
    cached = load(home)
    assert cached == full
    assert list(cached.questions) == list(full.questions)
    assert list(cached.signals) == list(full.signals)
    assert cached.questions["pets"].render("Acme") == "Can I bring my dog to Acme?"
    assert all(isinstance(q.ask, tuple) for q in cached.questions.values())
    hash(cached.questions["hours-per-week"])  # frozen and made of tuples, as loaded


@pytest.mark.slow
def test_an_edit_is_seen_even_with_the_same_size_and_timestamp(home: Path) -> None:
    bank = home / "banks" / "mine.yaml"
    load(home)
    before = bank.stat()
    bank.write_text(USER_BANK.replace("my dog", "my cat"), encoding="utf-8")
    os.utime(bank, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert bank.stat().st_size == before.st_size
    assert load(home).questions["pets"].text == "Can I bring my cat to {company}?"


@pytest.mark.slow
def test_a_new_bank_with_a_problem_is_reported_not_hidden_by_the_cache(home: Path) -> None:
    load(home)
    (home / "banks" / "broken.yaml").write_text("bank: broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(PrepError, match=r"broken\.yaml"):
        load(home)


@pytest.mark.slow
def test_a_removed_bank_is_gone(home: Path) -> None:
    load(home)
    (home / "banks" / "mine.yaml").unlink()
    assert "pets" not in load(home).questions


@pytest.mark.slow
@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"key": 1}', None],
    ids=["empty", "garbage", "a list", "wrong key", "unknown class"],
)
def test_a_broken_cache_means_a_normal_load_that_rewrites_it(home: Path, content: str | None) -> None:
    full = load(home)
    cache = home / ".cache" / CACHE_FILE
    if content is None:  # the right key, but an object this version does not know
        data = json.loads(cache.read_text(encoding="utf-8"))
        data["questions"][0]["@"] = "Exploit"
        content = json.dumps(data)
    cache.write_text(content, encoding="utf-8")
    assert load(home) == full
    assert json.loads(cache.read_text(encoding="utf-8"))["questions"][0]["@"] == "Question"


def test_the_cache_is_private_ignored_by_git_and_only_inside_an_existing_home(tmp_path: Path) -> None:
    missing = tmp_path / "no-home-yet"
    load_catalog(missing / "banks", cache_dir=missing / ".cache")
    assert not missing.exists()  # loading banks never creates the data home

    home = tmp_path / "home"
    home.mkdir()
    load_catalog(home / "banks", cache_dir=home / ".cache")
    cache = home / ".cache" / CACHE_FILE
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert (home / ".cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert [p.name for p in (home / ".cache").iterdir() if p.name.endswith(".tmp")] == []


def test_a_cache_that_cannot_be_written_does_not_fail_the_command(home: Path) -> None:
    (home / ".cache").write_text("a file where the cache folder would go", encoding="utf-8")
    assert "pets" in load(home).questions
    assert "pets" in load(home).questions


@pytest.mark.slow
def test_a_cache_written_for_other_shipped_banks_is_not_used(home: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-shipped"
    shutil.copytree(SHIPPED, other)
    (other / "love-hate.yaml").unlink()
    load(home)
    catalog = load_catalog(home / "banks", shipped_dir=other, cache_dir=home / ".cache")
    assert "love" not in catalog.questions
