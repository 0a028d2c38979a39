"""How themes are grouped: word families, and several words from one complaint. Pure.

Used by core.themes; split out to keep each module small. A hit is
(answer, start, end): where a person first said a word or phrase.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

Hit = tuple[str, int, int]  # (answer, start, end); plain tuples because there are many


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# -ing and -ed nouns that are not forms of the shorter word ("meeting" is not "meet").
_NOT_FOLDED: Final = _word_set(
    """
    meeting meetings building morning evening ceiling wedding heading setting listing offering
    feeling bedding booking filing finding findings funding landing learning opening painting
    parking pudding rating reading recording saving savings spending timing training warning
    wording writing need speed seed feed red bed shed hundred
    """
)


def record(said: dict[str, dict[str, Hit]], phrase: str, who: str, hit: Hit) -> None:
    people = said.get(phrase)
    if people is None:
        said[phrase] = {who: hit}
    elif who not in people:
        people[who] = hit


def _stem(word: str) -> str | None:
    """What an -ed or -ing word is a form of, by rule: "paging" -> "pag", "shipped" -> "ship"."""
    if word in _NOT_FOLDED:
        return None
    if word.endswith("ing") and len(word) >= 6:
        stem = word[:-3]
    elif word.endswith("ied") and len(word) >= 6:
        return word[:-3] + "y"
    elif word.endswith("ed") and len(word) >= 5:
        stem = word[:-2]
    else:
        return None
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        stem = stem[:-1]  # "shipped" -> "ship", but "called" stays "call"
    return stem


def families(said: Mapping[str, Mapping[str, Hit]]) -> dict[str, str]:
    """word -> the word its family is counted as, for -ed / -ing forms of another word said.

    Only forms that meet another form in the answers to the same question are
    folded: "paged", "pages" and "paging" become "page", while "meeting" said
    alone, or "shipping" without "ship" or "shipped", stays as it is.
    """
    groups: dict[str, list[str]] = {}
    for word in said:
        stem = _stem(word)
        if stem is None:
            continue
        target = stem if stem in said else stem + "e" if stem + "e" in said else None
        key = target if target is not None else "~" + stem  # "~": no plain form was said
        groups.setdefault(key, []).append(word)
    family: dict[str, str] = {}
    for key, words in groups.items():
        if not key.startswith("~"):
            family.update((word, key) for word in words)
        elif len(words) >= 2:
            shown = min(words, key=lambda word: (len(word), word))
            family.update((word, shown) for word in words if word != shown)
    return family


def merge_families(
    said: Mapping[str, Mapping[str, Hit]], family: Mapping[str, str], forms: dict[str, set[str]]
) -> dict[str, dict[str, Hit]]:
    merged: dict[str, dict[str, Hit]] = {}
    for word, people in said.items():
        key = family.get(word, word)
        forms.setdefault(key, {key}).add(word)
        for who, hit in people.items():
            record(merged, key, who, hit)
    return merged


_SAME_COMPLAINT_CHARS: Final = 60  # words this close, in one sentence, describe one thing
_SENTENCE_GAP: Final = re.compile(r"[.!?;\n]")


def same_complaints(kept: Sequence[str], shared: Mapping[str, Mapping[str, Hit]]) -> list[list[str]]:
    """Themes said by the same people, each time close together in one sentence, as one group:
    "paged at night for on-call" is one complaint, not three themes."""
    groups: list[list[str]] = []
    for phrase in kept:
        people = shared[phrase]
        for group in groups:
            other = shared[group[0]]
            if other.keys() == people.keys() and all(_close(other[who], people[who]) for who in people):
                group.append(phrase)
                break
        else:
            groups.append([phrase])
    return groups


def _close(one: Hit, other: Hit) -> bool:
    if one[0] is not other[0] and one[0] != other[0]:
        return False
    start, end = min(one[1], other[1]), max(one[2], other[2])
    return end - start <= _SAME_COMPLAINT_CHARS and not _SENTENCE_GAP.search(one[0], start, end)
