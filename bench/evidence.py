"""How well prep reads evidence, on the labelled corpora in tests/data/.

    python bench/evidence.py

One function per section, each printing a Markdown table; `main()` runs them
all. The figures go in docs/review.md. `--misses` lists every numeric answer
read wrong.

Targets: >= 97% of numeric answers read right (numbers_section); signal
precision >= 95% and recall >= 90% (signals_section).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SIGNAL_PRECISION_TARGET = 0.95
SIGNAL_RECALL_TARGET = 0.90
NUMBERS_CORPUS = DATA / "numbers_corpus.yaml"
NUMBERS_TARGET = 0.97
TURNOVER = "attrition_percent"


def shipped_matcher() -> object:
    """A phrase matcher over the shipped banks only (no user banks, no dealbreakers)."""
    from interview_prep.banks.loader import load_catalog
    from interview_prep.core.phrases import PhraseMatcher

    return PhraseMatcher(load_catalog(None, cache_dir=None), [])


def signal_counts(corpus: Iterable[dict[str, object]]) -> dict[str, list[int]]:
    """signal id -> [true positives, false positives, false negatives] over the corpus."""
    from interview_prep.core.phrases import PhraseMatcher

    matcher = shipped_matcher()
    assert isinstance(matcher, PhraseMatcher)
    counts: dict[str, list[int]] = {}
    for item in corpus:
        expected = set(item["raises"])  # type: ignore[call-overload]
        found = {hit.source for hit in matcher.find(str(item["text"])) if hit.kind == "signal"}
        for signal in expected | found:
            row = counts.setdefault(signal, [0, 0, 0])
            row[0 if signal in expected and signal in found else 1 if signal in found else 2] += 1
    return counts


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def signals_section() -> bool:
    """Precision and recall per signal on tests/data/signals_corpus.yaml; True when targets are met."""
    import yaml

    corpus = yaml.safe_load((DATA / "signals_corpus.yaml").read_text(encoding="utf-8"))
    counts = signal_counts(corpus)
    print(f"## Signals ({len(corpus)} sentences, tests/data/signals_corpus.yaml)\n")
    print("| Signal | Right | Wrong | Missed | Precision | Recall |")
    print("|---|---:|---:|---:|---:|---:|")
    for signal, (right, wrong, missed) in sorted(counts.items()):
        precision, recall = ratio(right, right + wrong), ratio(right, right + missed)
        print(f"| {signal} | {right} | {wrong} | {missed} | {precision:.0%} | {recall:.0%} |")
    right, wrong, missed = (sum(row[i] for row in counts.values()) for i in range(3))
    precision, recall = ratio(right, right + wrong), ratio(right, right + missed)
    print(f"| **all** | {right} | {wrong} | {missed} | **{precision:.1%}** | **{recall:.1%}** |\n")
    met = precision >= SIGNAL_PRECISION_TARGET and recall >= SIGNAL_RECALL_TARGET
    targets = f"precision >= {SIGNAL_PRECISION_TARGET:.0%}, recall >= {SIGNAL_RECALL_TARGET:.0%}"
    print(f"Targets ({targets}): {'met' if met else 'NOT met'}\n")
    return met


@dataclass
class MetricScore:
    metric: str
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def _close(actual: float | None, expected: float | None) -> bool:
    if actual is None or expected is None:
        return actual is None and expected is None
    return math.isclose(actual, expected, rel_tol=0.01, abs_tol=0.01)


def load_numbers_corpus(path: Path = NUMBERS_CORPUS) -> tuple[date, dict[str, list[list[Any]]]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = data.pop("today")
    return today, data


def read_one(metric: str, text: str, today: date) -> tuple[Any, ...]:
    """What prep reads from one answer, in the corpus's terms."""
    from interview_prep.core.numbers.by_metric import read_turnover, read_value

    if metric == TURNOVER:
        turnover = read_turnover(text)
        if turnover is None:
            return (None,)
        return (turnover.hires, turnover.departures, turnover.team_size)
    value = read_value(metric, "", text, today)
    if value is None:
        return (None,)
    return (value.low, value.high)


def expected_of(metric: str, row: list[Any]) -> tuple[Any, ...]:
    if metric == TURNOVER:
        return tuple(row[1:]) if row[1] is not None else (None,)
    expect = row[1]
    if expect is None:
        return (None,)
    low, high = (expect, expect) if not isinstance(expect, list) else expect
    return (float(low), float(high))


def score_numbers(path: Path = NUMBERS_CORPUS) -> dict[str, MetricScore]:
    today, corpus = load_numbers_corpus(path)
    scores: dict[str, MetricScore] = {}
    for metric, rows in corpus.items():
        score = scores.setdefault(metric, MetricScore(metric))
        for row in rows:
            actual, expected = read_one(metric, row[0], today), expected_of(metric, row)
            score.total += 1
            if len(actual) == len(expected) and all(
                _close(a, e) for a, e in zip(actual, expected, strict=True)
            ):
                score.right += 1
            else:
                score.misses.append(f"{row[0]!r}: read {actual}, expected {expected}")
    return scores


def numbers_section(show_misses: bool = False) -> bool:
    """Accuracy per metric on tests/data/numbers_corpus.yaml; True when the target is met."""
    scores = score_numbers()
    total = sum(s.total for s in scores.values())
    print(f"## Numbers ({total} answers, tests/data/numbers_corpus.yaml)\n")
    print("| Metric | Right | Total | Accuracy |")
    print("|---|---:|---:|---:|")
    for score in scores.values():
        print(f"| {score.metric} | {score.right} | {score.total} | {score.accuracy:.1%} |")
    right = sum(s.right for s in scores.values())
    overall = ratio(right, total)
    print(f"| **all** | {right} | {total} | **{overall:.1%}** |\n")
    met = overall >= NUMBERS_TARGET
    print(f"Target (>= {NUMBERS_TARGET:.0%} read right): {'met' if met else 'NOT met'}\n")
    if show_misses:
        for score in scores.values():
            for miss in score.misses:
                print(f"- miss [{score.metric}] {miss}")
    return met


def main() -> int:
    results = [numbers_section(show_misses="--misses" in sys.argv[1:]), signals_section()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
