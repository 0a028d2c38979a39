"""How well prep reads evidence, on the labelled corpora in tests/data/.

    python bench/evidence.py

One function per section, each printing a Markdown table; `main()` runs them
all. The figures go in docs/review.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SIGNAL_PRECISION_TARGET = 0.95
SIGNAL_RECALL_TARGET = 0.90


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


def main() -> int:
    sections = [signals_section]
    results = [section() for section in sections]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
