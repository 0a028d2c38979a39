"""Class H: the right company and the right interview.

A one-shot command acts on a company only when the name typed is its folder
name or its display name (after NFC and case folding); a different name that
merely slugs the same stops with one line naming the company found. `prep new`
sees NFC and NFD spellings as one name. The latest interview is the one that
started last in UTC, whatever the file names say.
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import relkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_prep.core.models import Company
from interview_prep.storage import interviews
from interview_prep.storage.companies import resolve_company
from interview_prep.storage.slug import MAX_SLUG, slugify

# (existing company, a different name typed later): the two slug the same.
PUNCTUATION = ["+", "++", "#", "!", "&", "*", "@", "$", "%", "'", ".", "/", "(", ")"]
SAME_SLUG_PAIRS = [("C Corp", f"C{mark} Corp") for mark in PUNCTUATION[:6]] + [
    ("Acme", "Acme!"),
    ("Ex Machina", "Ex-Machina!"),
    ("Nordic Bank", "Nordic & Bank"),
    ("Big Co", "Big Co."),
    ("A" * MAX_SLUG + " One", "A" * MAX_SLUG + " Two"),
    ("Long " * 14 + "North", "Long " * 14 + "South"),
]


def _one_shots(name: str) -> list[tuple[str, ...]]:
    return [
        ("note", name, "heard something"),
        ("flag", name, "dodged a question", "--severity", "high"),
        ("answer", name, "love", "the people", "--who", "Dana"),
        ("reflect", name, "--gut", "3"),
        ("status", name, "offer"),
        ("review", name, "--no-input"),
        ("review", name, "--json"),
        ("done", name, "recruiter-call"),
        ("open", name),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("existing", "typed"), SAME_SLUG_PAIRS)
def test_a_name_that_only_slugs_the_same_stops_and_names_the_company_found(
    prep_home: Path, existing: str, typed: str
) -> None:
    assert slugify(existing) == slugify(typed), "the pair must collide for this test to mean anything"
    relkit.new_company(existing)
    assert relkit.invoke("note", existing, "first").code == 0
    before = relkit.snapshot(prep_home)
    for args in _one_shots(typed):
        outcome = relkit.invoke(*args)
        line = relkit.assert_one_line_error(outcome, 2, existing, slugify(existing))
        assert typed in line, line
        assert relkit.snapshot(prep_home) == before, args


@pytest.mark.slow
@pytest.mark.parametrize(("existing", "typed"), SAME_SLUG_PAIRS)
def test_the_display_name_in_any_case_or_the_folder_name_still_works(
    prep_home: Path, existing: str, typed: str
) -> None:
    relkit.new_company(existing)
    for spelling in (existing, existing.upper(), existing.lower(), f"  {existing} ", slugify(existing)):
        outcome = relkit.invoke("note", spelling, "still here")
        assert outcome.code == 0, (spelling, outcome.stderr)
    (interview,) = relkit.all_interviews(prep_home, slugify(existing))
    assert len(interview.notes) == 5


def test_a_prefix_of_a_folder_name_is_not_taken_for_that_company(prep_home: Path) -> None:
    relkit.new_company("Acme, Inc.")
    before = relkit.snapshot(prep_home)
    outcome = relkit.invoke("note", "acme", "which one?")
    relkit.assert_one_line_error(outcome, 2, "Acme, Inc.", "acme-inc")
    assert relkit.snapshot(prep_home) == before


# Names whose NFD form differs from the NFC form, in several scripts.
COMPOSED_NAMES = [
    "Café Crème",
    "Ωμέγα Λτδ",
    "한국회사",
    "Tiếng Việt Co",
    "Ångström AB",
    "ガイド株式会社",
    "Юй Ёлка",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", COMPOSED_NAMES)
def test_new_treats_nfc_and_nfd_as_one_name(prep_home: Path, name: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)
    assert nfc != nfd
    for first, second in ((nfc, nfd), (nfd, nfc)):
        home_before = relkit.snapshot(prep_home)
        assert relkit.invoke("new", first, "--no-input").code == 0
        created = set(relkit.snapshot(prep_home)) - set(home_before)
        outcome = relkit.invoke("new", second, "--no-input")
        relkit.assert_one_line_error(outcome, 2, "already exists")
        assert set(relkit.snapshot(prep_home)) - set(home_before) == created
        for spelling in (nfc, nfd, nfd.casefold()):
            assert relkit.invoke("note", spelling, "same company").code == 0, spelling
        (slug,) = {path.split("/")[0] for path in created}
        (interview,) = relkit.all_interviews(prep_home, slug)
        assert len(interview.notes) == 3
        assert unicodedata.is_normalized("NFC", relkit.invoke("list", "--json").stdout)
        shutil.rmtree(prep_home / slug)


ZONES = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
MOMENTS = st.integers(min_value=0, max_value=60 * 24 * 20).map(
    lambda minutes: datetime(2026, 11, 1, tzinfo=timezone.utc) + timedelta(minutes=minutes)
)


def _start(home: Path, company: Company, moment: datetime, zone: timezone) -> Path:
    started = moment.astimezone(zone).isoformat(timespec="seconds")
    return interviews.start_interview(home, company, "", [], started)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rounds=st.lists(st.tuples(MOMENTS, ZONES), min_size=2, max_size=5, unique_by=lambda r: r[0]))
def test_the_latest_interview_is_the_last_started_in_utc(
    prep_home: Path, rounds: list[tuple[datetime, timezone]]
) -> None:
    shutil.rmtree(prep_home, ignore_errors=True)
    relkit.new_company("acme")
    company = resolve_company(prep_home, "acme")
    paths = {moment: _start(prep_home, company, moment, zone) for moment, zone in rounds}
    newest = paths[max(paths)]
    assert interviews.latest_open(prep_home, "acme") == newest
    assert relkit.invoke("note", "acme", "goes to the newest").code == 0
    assert relkit.invoke("reflect", "acme", "--gut", "4").code == 0
    loaded = interviews.load_interview(newest)
    assert [note.text for note in loaded.notes] == ["goes to the newest"]
    assert loaded.reflection is not None and loaded.reflection.gut == 4
    order = [iv.started for iv in interviews.load_interviews(prep_home, "acme")]
    assert [datetime.fromisoformat(s) for s in order] == sorted(paths)
