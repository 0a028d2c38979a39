"""Watch signals found in answers the way people mean them: whole words, `unless`, denials.

The labelled corpus (tests/data/signals_corpus.yaml) holds the shipped signals to
their targets; the unit tests below use made-up signals so that they test the
rules, not the wording of one bank.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import prep
from interview_prep.banks.loader import load_catalog
from interview_prep.banks.model import Catalog, Signal
from interview_prep.banks.validate import check_text
from interview_prep.core.phrases import PhraseMatcher
from review_fixture import LEE, add_interview, make_company

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "signals_corpus.yaml").read_text(encoding="utf-8"))


def matcher_for(
    *signals: tuple[str, str, list[str], list[str]], dealbreakers: tuple[str, ...] = ()
) -> PhraseMatcher:
    """A matcher over made-up signals: (id, severity, match, unless)."""
    catalog = Catalog()
    for signal_id, severity, match, unless in signals:
        catalog.signals[signal_id] = Signal(
            signal_id, "test", f"Signal {signal_id}", "why", severity, tuple(match), unless=tuple(unless)
        )
    return PhraseMatcher(catalog, list(dealbreakers))


def raised(matcher: PhraseMatcher, text: str) -> set[str]:
    return {hit.source for hit in matcher.find(text)}


# --- the corpus


def test_corpus_is_big_enough_and_names_real_signals() -> None:
    shipped = load_catalog().signals
    assert len(CORPUS) >= 150
    named = {s for item in CORPUS for s in [*item["raises"], *item.get("benign", [])]}
    assert named <= set(shipped)
    with_phrases = {signal.id for signal in shipped.values() if signal.match}
    positives = {s: sum(s in item["raises"] for item in CORPUS) for s in with_phrases}
    assert min(positives.values()) >= 2, positives  # every phrase-spotted signal is exercised


def test_corpus_meets_precision_and_recall_targets() -> None:
    matcher = PhraseMatcher(load_catalog(), [])
    right = wrong = missed = 0
    for item in CORPUS:
        expected, found = set(item["raises"]), raised(matcher, item["text"])
        right += len(expected & found)
        wrong += len(found - expected)
        missed += len(expected - found)
    assert right / (right + wrong) >= 0.95
    assert right / (right + missed) >= 0.90


@pytest.mark.parametrize(
    "item", [item for item in CORPUS if item.get("benign")], ids=lambda item: item["text"][:40]
)
def test_benign_uses_never_raise_their_signal(item: dict[str, list[str]]) -> None:
    found = raised(PhraseMatcher(load_catalog(), []), str(item["text"]))
    assert not found & set(item["benign"])


def test_no_high_severity_signal_is_raised_by_a_benign_sentence() -> None:
    catalog = load_catalog()
    matcher = PhraseMatcher(catalog, [])
    for item in CORPUS:
        for hit in matcher.find(item["text"]):
            if hit.source not in item["raises"]:
                assert catalog.signals[hit.source].severity != "high", (item["text"], hit.source)


# --- whole words, endings, separators


@pytest.mark.parametrize(
    ("fragment", "text", "hit"),
    [
        ("storm", "a storm every release", True),
        ("storm", "we brainstorm on Mondays", False),
        ("storm", "the stormy season", False),
        ("storm*", "the stormy season", True),
        ("storm*", "brainstorming", False),
        ("storm* season", "the storm's season", True),
        ("slow paced", "a slow-paced team", True),
        ("slow-paced", "a slow  paced team", True),
        ("slow paced", "slowpaced", False),
        ("we'll see", "We’ll see about that", True),
        ("7/365", "support is 7/365 here", True),
        ("7/365", "support is 17/365 here", False),
    ],
)
def test_fragments_match_whole_words(fragment: str, text: str, hit: bool) -> None:
    assert bool(raised(matcher_for(("x", "medium", [fragment], [])), text)) is hit


def test_dealbreakers_match_whole_words_too() -> None:
    matcher = matcher_for(dealbreakers=("Travel",))
    assert raised(matcher, "Lots of travel, two weeks a month") == {"Travel"}
    assert raised(matcher, "Our travellers love the app") == set()
    assert raised(matcher_for(dealbreakers=(" - ",)), "any - answer") == set()


# --- unless, denial, prevention, another employer


def test_unless_excuses_a_match_said_close_to_it_only() -> None:
    matcher = matcher_for(("storms", "medium", ["storm"], ["storm drill*"]))
    assert raised(matcher, "We run a storm drill every quarter") == set()
    assert raised(matcher, "Each storm drills into the roadmap") == set()
    far = "It is a storm every release, and separately our disaster team runs storm drills"
    assert raised(matcher, far) == {"storms"}


def test_unless_belongs_to_its_own_signal() -> None:
    matcher = matcher_for(("a", "medium", ["storm"], ["storm drill"]), ("b", "low", ["storm"], []))
    assert raised(matcher, "We run a storm drill yearly") == {"b"}


@pytest.mark.parametrize(
    "text",
    [
        "We never have a storm before launch",
        "Nobody here has ever seen a storm",
        "There is no storm, ever",
        "It isn't a storm",
        "To avoid a storm we freeze changes",
        "We worry about storms, so we plan",
        "A storm, so we cap changes in the last week",
        "Storms aren't a thing here",
        "We stopped having storms two years ago",
        "At my last job every release was a storm",
        "My previous company had storms every week",
    ],
)
def test_denied_prevented_or_elsewhere_mentions_do_not_raise(text: str) -> None:
    assert raised(matcher_for(("storms", "high", ["storm*"], [])), text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Every release is a storm",
        "It's not unusual to hit a storm before launch",
        "There's no shortage of storms",
        "I won't lie, storms happen monthly",
        "We never planned well, and a storm hit every release",
        "I'm not sure. But every release is a storm",
        "Storms are not rare here",
    ],
)
def test_affirmed_or_separate_clause_mentions_raise(text: str) -> None:
    assert raised(matcher_for(("storms", "high", ["storm*"], [])), text) == {"storms"}


# --- the bank schema


BANK_HEAD = "bank: sample\ntitle: Sample\ndescription: Signals.\nsignals:\n"
SIGNAL = "  - id: storms\n    text: Storms\n    why: Why.\n    severity: low\n"


@pytest.mark.parametrize(
    ("extra", "message", "line"),
    [
        (
            "    match: [storm]\n    unless: [Storm drill]\n",
            "unless phrase 'Storm drill' must be lowercase",
            10,
        ),
        ("    unless: [storm drill]\n", "unless only applies to a signal with match", 9),
        ("    match: [st*orm]\n", "only at the end of a word", 9),
        ("    match: ['s*']\n", "at least 3 letters before a '*'", 9),
        ("    match: [storm]\n    unless: storm drill\n", "unless", 10),
    ],
)
def test_bank_checker_reports_bad_phrases(extra: str, message: str, line: int) -> None:
    problems = check_text(BANK_HEAD + SIGNAL + extra, "bank.yaml").problems
    assert any(message in p.message and p.line == line for p in problems), [str(p) for p in problems]


def test_bank_checker_accepts_unless() -> None:
    check = check_text(BANK_HEAD + SIGNAL + "    match: [storm*]\n    unless: [storm drill*]\n", "b.yaml")
    assert check.problems == [] and check.bank is not None
    assert check.bank.signals[0].unless == ("storm drill*",)


@pytest.mark.slow
def test_users_own_signals_work_the_same_way(prep_home: Path) -> None:
    banks = prep_home / "banks"
    banks.mkdir(parents=True)
    (banks / "mine.yaml").write_text(
        BANK_HEAD
        + SIGNAL.replace("severity: low", "severity: medium")
        + "    match: [storm*]\n    unless: [storm drill*]\n"
    )
    company = make_company(prep_home)
    answers = [
        ("hate", LEE, "We run storm drills monthly. We never have storms in prod."),
        ("love", LEE, "Honestly, every release is stormy."),
    ]
    add_interview(prep_home, company, "2026-11-10T14:00:00+00:00", "r", [LEE], answers)
    code, out, err = prep("review", "acme", "--json")
    assert code == 0, err
    storms = [f for f in json.loads(out)["flags"] if f["text"] == "Storms"]
    assert [(f["kind"], f["severity"]) for f in storms] == [("signal", "medium")]
    assert "stormy" in storms[0]["evidence"]


# --- the index that picks which fragments to try


def _every_fragment_tried(matcher: PhraseMatcher) -> PhraseMatcher:
    """The same matcher with its index emptied: every fragment tried on every answer (the reference)."""
    matcher._filed_under = {}
    matcher._key_finder = re.compile("(?!)")  # finds no word: no fragment is looked up
    matcher._always = [("", "", fragment) for fragment in sorted(matcher._owners, key=len, reverse=True)]
    return matcher


def _texts_with_every_fragment(catalog: Catalog) -> list[str]:
    """Each fragment said plainly, hyphenated, capitalised, with curly apostrophes and * filled in."""
    texts = [item["text"] for item in CORPUS]
    for signal in catalog.signals.values():
        for fragment in signal.match:
            said = fragment.replace("*", "ing")
            texts += [
                f"Honestly, {said} here.",
                f"{said.upper()}!",
                said.replace(" ", "-").replace("'", "’"),
                f"we {said.replace(' ', '  ')}, said Lee",
            ]
    return texts


@pytest.mark.slow
def test_the_index_finds_exactly_what_trying_every_fragment_finds() -> None:
    catalog = load_catalog()
    dealbreakers = ["on-call every other week", "pay your own visa", "9 to 5"]
    indexed = PhraseMatcher(catalog, dealbreakers)
    everything = _every_fragment_tried(PhraseMatcher(catalog, dealbreakers))
    texts = _texts_with_every_fragment(catalog)
    hits = 0
    for text in texts:
        assert indexed.find(text) == everything.find(text), text
        hits += bool(indexed.find(text))
    assert hits > len(texts) // 2, "most texts say a fragment: the comparison is not vacuous"


_CATALOG = load_catalog()
_DEALBREAKERS = ["on-call every other week", "pay your own visa", "9 to 5", "no 401k match", "k8s"]
_INDEXED = PhraseMatcher(_CATALOG, _DEALBREAKERS)
_EVERYTHING = _every_fragment_tried(PhraseMatcher(_CATALOG, _DEALBREAKERS))
_FRAGMENT_WORDS = sorted(
    {word for owner in _INDEXED._owners for word in owner.replace("*", "").replace("-", " ").split()}
)
# Around and between words: separators, and characters that join a word or end it.
_JOINERS = [" ", "  ", "-", " - ", "_", "'", "’", ",", ". ", "\n", "/", "é", "x", "9", "(", "“"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_FRAGMENT_WORDS),
            st.sampled_from(["", "s", "ing", "ed"]),
            st.sampled_from(_JOINERS),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_the_index_never_misses_a_fragment_in_any_text(parts: list[tuple[str, str, str, bool]]) -> None:
    """Fragment words in any order, with endings, joined by anything (other letters included):
    the index tries every fragment that can match, whichever of its words it is filed under."""
    text = "".join(
        (word.upper() if shout else word) + ending + joiner for word, ending, joiner, shout in parts
    )
    assert _INDEXED.find(text) == _EVERYTHING.find(text), text


@pytest.mark.parametrize("dealbreakers", [[], ["vp"], ["no 401k", "9 to 5"], ["€€€", "vp"]])
def test_a_matcher_with_few_or_no_phrases_reads_any_answer(dealbreakers: list[str]) -> None:
    """No signals (an empty catalog) and no or only short dealbreakers: nothing is filed under a
    word (or one has no letter or digit to file it under), and answers are still read, every
    dealbreaker found and nothing else."""
    matcher = PhraseMatcher(Catalog(), dealbreakers)
    for said in dealbreakers:
        hits = matcher.find(f"Honestly, {said.upper()} here, with burnout and chaos.")
        assert [hit.source for hit in hits] == [said]
    assert matcher.find("Burnout, chaos and crunch every week.") == []
