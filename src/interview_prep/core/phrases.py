"""Signal phrases and the user's dealbreakers, found in answers the way people mean them. Pure.

How a `match` fragment is read (docs/banks.md):

* Whole words only: "glance" does not match "glanced", "chaos" does not match
  "chaotic". A word ending in `*` takes any ending: "micromanag*" matches
  "micromanager" and "micromanaging".
* Spaces and hyphens between words are the same: "fast paced" matches
  "fast-paced" and "fast  paced". Curly and straight apostrophes are the same.

A match does not count when:

* one of the signal's `unless` phrases is said within four words of it
  ("chaos engineering" is not chaos);
* its clause, before the match, denies or prevents it: "we never", "nobody",
  "no", "to avoid", "so we cap", "we worry about"; phrases that only look
  negative ("not unusual", "no shortage of", "can't avoid") do not deny;
* the sentence goes on to say it is prevented: "burnout, so we cap on-call";
* it is about another employer: "at my last job", "my previous company".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from interview_prep.banks.fragments import fragment_pattern
from interview_prep.banks.model import Catalog

__all__ = ["Hit", "PhraseMatcher"]


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # signal | dealbreaker
    source: str  # the signal's id, or the dealbreaker phrase
    severity: str
    label: str
    start: int  # where the matched words are in the answer
    end: int


@dataclass(frozen=True, slots=True)
class _Owner:
    kind: str
    source: str
    severity: str
    label: str
    unless: tuple[str, ...]  # fragments; compiled into one pattern when first needed


_KEY_RUN: Final = re.compile(r"[a-z0-9]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _keys(fragment: str) -> tuple[str, str]:
    """The two rarest-looking runs of letters or digits: an answer without both cannot match.

    The longest words that are not everyday ones, so that few answers pass the
    cheap substring tests ("pay your own visa" is keyed on "visa", then "own").
    A fragment of one run gives it twice.
    """
    runs = _KEY_RUN.findall(fragment.replace("*", " ").replace("’", "'"))
    if not runs:
        return fragment, fragment
    ranked = sorted(set(runs), key=lambda run: (run in _EVERYDAY, -len(run), run))
    return ranked[0], ranked[1] if len(ranked) > 1 else ranked[0]


def _alternatives(words: list[str]) -> str:
    """A pattern for the longest of `words` (sorted, distinct) that the text goes on with, as a
    trie: at each position the regex engine tries one branch per distinct next character."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _alternatives(rest) for first, rest in branches.items()]
    if not parts:
        return ""
    either = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{either})?" if "" in words else either  # a word ends here, or a longer one goes on


_EVERYDAY: Final = _words(
    """
    about after always another anything before being could every everything from have hour hours
    just like more much never nothing other over people question really some still take team that
    their them there they this time today very week weeks what when with work would your
    """
)


@functools.cache
def _either(fragments: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fragment_pattern(fragment)})" for fragment in fragments))


@functools.cache
def _pattern(fragment: str) -> re.Pattern[str]:
    return re.compile(fragment_pattern(fragment))


class PhraseMatcher:
    """Signal fragments and the user's dealbreakers, found in answers; see the module docstring."""

    def __init__(self, catalog: Catalog, dealbreakers: Sequence[str]) -> None:
        self._owners: dict[str, list[_Owner]] = {}  # fragment -> who listed it
        for signal in catalog.signals.values():
            owner = _Owner("signal", signal.id, signal.severity, signal.text, tuple(signal.unless))
            for fragment in signal.match:
                self._owners.setdefault(fragment.lower(), []).append(owner)
        for phrase in dealbreakers:
            owner = _Owner("dealbreaker", phrase, "high", f"Dealbreaker: {phrase}", ())
            self._owners.setdefault(phrase.lower(), []).append(owner)
        # Patterns are compiled when an answer first passes a fragment's key test (_pattern):
        # compiling all ~480 up front cost more than most runs spend matching.
        # Index each fragment by its key word, so an answer only tries the few fragments whose
        # key starts one of its words (a loop over all of them, or one big regex alternation,
        # dominated `prep review` over 1,000 companies). Every run of letters and digits of a
        # fragment starts a run of any text it matches, its key included; `second`, another
        # run, must be in the text too, which one `in` test (in C) checks.
        by_key: dict[str, list[tuple[str, str]]] = {}
        self._always: list[tuple[str, str, str]] = []  # a key that is no run (a dealbreaker "€€€")
        for fragment in sorted(self._owners, key=len, reverse=True):
            key, second = _keys(fragment)
            if _KEY_RUN.fullmatch(key):
                by_key.setdefault(key, []).append((second, fragment))
            else:
                self._always.append((key, second, fragment))
        # A word of an answer may start with several keys ("offers": "offer" too): the finder
        # gives the longest, which stands for each key it starts with.
        self._filed_under = {
            found: [entry for key, entries in by_key.items() if found.startswith(key) for entry in entries]
            for found in by_key
        }
        filed = _alternatives(sorted(by_key)) or "(?!)"  # "(?!)": no fragment filed
        self._key_finder = re.compile(rf"(?<![a-z0-9])({filed})")

    def find(self, text: str) -> list[Hit]:
        """Each distinct signal or dealbreaker meant in `text`, with where its words are."""
        lowered = _normalise(text)
        filed_under = self._filed_under
        candidates = [
            fragment
            for found in set(self._key_finder.findall(lowered))
            for second, fragment in filed_under[found]
            if second in lowered
        ]
        candidates += [
            fragment for key, second, fragment in self._always if key in lowered and second in lowered
        ]
        hits: list[Hit] = []
        seen: set[str] = set()
        # Longest first, then A-Z: which fragment a flag quotes must not depend on set order.
        if len(candidates) > 1:
            candidates.sort(key=lambda fragment: (-len(fragment), fragment))
        for fragment in candidates:
            owners = [owner for owner in self._owners[fragment] if owner.label not in seen]
            for match in _pattern(fragment).finditer(lowered) if owners else ():
                if _denied(lowered, match.start(), match.end()):
                    continue
                for owner in owners:
                    if owner.label not in seen and not _excused(lowered, match, owner.unless):
                        seen.add(owner.label)
                        hit = Hit(
                            owner.kind, owner.source, owner.severity, owner.label, match.start(), match.end()
                        )
                        hits.append(hit)
        return hits


def _normalise(text: str) -> str:
    """Lowercase with curly apostrophes straightened, keeping every offset into `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters ("İ") lowercase to two characters
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered.replace("’", "'").replace("‘", "'")


_CLAUSE_BREAK: Final = re.compile(r"[.!?;:,()\n]|\s[-–—]+\s|[–—]")
_CLAUSE_WORDS: Final = 8  # a denial further back than this is about something else
_TOKEN: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Words and phrases that deny or prevent what follows them in a clause. Matched on whole words
# (sets and padded strings, not one big regex: these run for every match in every answer).
_DENIAL_WORDS: Final = _words("""
    no not never without nobody none zero hardly rarely barely neither nor nothing avoid avoids
    avoided avoiding prevent prevents preventing stop stops stopped against cap caps capped limit
    limits limited ban bans banned reduce reduced reducing protect protects protected quit
    eliminated
    """)
_DENIAL_PHRASES: Final = (
    " no one ", " worry about ", " worried about ", " careful about ", " watch out for ", " free of ",
    " free from ", " instead of ", " rather than ", " no longer ", " got rid of ", " moved away from ",
)  # fmt: skip
_CLAUSE_TURNS: Final = _words("but though although however whereas except yet while if")
# Phrases that look like denials but affirm: removed before looking for a denial.
_AFFIRMING: Final = (
    " not unusual ", " not uncommon ", " not rare ", " not unheard of ", " not a secret ",
    " not going to lie ", " not gonna lie ", " no shortage ", " no end ", " no secret ",
    " no way around ", " no getting away from ", " no escaping ", " can't avoid ", " cannot avoid ",
    " couldn't avoid ", " can't deny ", " cannot deny ", " can't lie ", " won't lie ", " can't escape ",
    " can't stop ", " never ends ", " never stops ", " never enough ", " isn't rare ", " aren't rare ",
    " isn't unusual ", " aren't unusual ", " isn't uncommon ", " aren't uncommon ", " is not rare ",
    " are not rare ", " is not unusual ", " are not unusual ", " isn't a secret ",
)  # fmt: skip
_DENIED_AFTER: Final = _words(
    "isn't aren't wasn't weren't won't never not"
)  # "layoffs aren't on the table", "burnout is not a thing", "storms never happen"
_PREVENTION_LINKS: Final = (" so ", " which is why ", " that's why ")
_PREVENTION_DOERS: Final = _words("we they team our i management managers")
_PREVENTION_VERBS: Final = _words("""
    cap caps capped limit limits rotate rotates protect protects avoid prevent prevents ban banned
    watch monitor keep stop built fixed catch spot set track plan
    """)
_ELSEWHERE_HINTS: Final = (
    "last ",
    "previous ",
    "old ",
    "former ",
    "prior ",
    "used to work",
    "other comp",
    "before i",
)
_ELSEWHERE: Final = re.compile(
    r"\b(?:(?:my|our|the) (?:last|previous|old|former|prior) (?:job|company|employer|team|role|place|"
    r"manager|boss|workplace|gig)|previous (?:job|company|employer|role)s?|where i used to work|"
    r"at other companies|before i joined)\b"
)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends."""
    begin = max(text.rfind(mark, 0, start) for mark in "!?;\n") + 1
    dot = text.rfind(". ", 0, start)
    begin = max(begin, dot + 1)
    finish = min(
        (at for mark in ("!", "?", ";", "\n", ". ") if (at := text.find(mark, end)) >= 0), default=-1
    )
    if finish < 0:
        finish = len(text)
    if text.endswith(".") and finish == len(text):
        finish -= 1
    return begin, finish


def _padded(words: list[str]) -> str:
    return " " + " ".join(words) + " "


def _denied(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] deny, prevent or displace what it says."""
    begin, finish = _sentence(text, start, end)
    before = text[begin:start]
    clause_start = 0
    for found in _CLAUSE_BREAK.finditer(before):
        clause_start = found.end()
    words = _TOKEN.findall(before[clause_start:])
    turn = max((at for at, word in enumerate(words) if word in _CLAUSE_TURNS), default=-1)
    if _clause_denies(words[turn + 1 :][-_CLAUSE_WORDS:]):
        return True
    sentence = text[begin:finish]
    if any(hint in sentence for hint in _ELSEWHERE_HINTS) and _ELSEWHERE.search(sentence):
        return True
    return _denied_after(text[end:finish])


def _clause_denies(words: list[str]) -> bool:
    if not words:
        return False
    clause = _padded(words)
    for phrase in _AFFIRMING:
        if phrase in clause:
            clause = clause.replace(phrase, " ")
    kept = clause.split()
    if any(word in _DENIAL_WORDS or word.endswith("n't") for word in kept):
        return True
    clause = _padded(kept)
    return any(phrase in clause for phrase in _DENIAL_PHRASES)


def _denied_after(after: str) -> bool:
    """'layoffs aren't on the table'; 'burnout, so we cap on-call'."""
    words = _TOKEN.findall(after)
    head = words[:3]
    if any(word in _DENIED_AFTER for word in head[:2]) and not any(
        phrase in _padded(head) for phrase in _AFFIRMING
    ):
        return True
    if not any(link in after for link in _PREVENTION_LINKS):
        return False
    for at, word in enumerate(words[:14]):
        if word == "so" or (word == "why" and at > 0 and words[at - 1] in ("which", "that's")):
            rest = words[at + 1 : at + 6]
            if rest and rest[0] in _PREVENTION_DOERS and any(verb in _PREVENTION_VERBS for verb in rest[1:]):
                return True
    return False


def _excused(text: str, match: re.Match[str], unless: tuple[str, ...]) -> bool:
    """Whether one of the signal's `unless` phrases is said within a few words of the match."""
    if not unless:
        return False
    begin, finish = _sentence(text, match.start(), match.end())
    before = _WORDS_BEFORE.search(text, begin, match.start())
    after = _WORDS_AFTER.match(text, match.end(), finish)
    start = before.start() if before else match.start()
    end = after.end() if after else match.end()
    return _either(unless).search(text, start, end) is not None


_UNLESS_WORDS: Final = 4  # how far from a match an `unless` phrase still explains it
_WORDS_BEFORE: Final = re.compile(rf"(?:\S+\s+){{0,{_UNLESS_WORDS}}}\Z")
_WORDS_AFTER: Final = re.compile(rf"(?:\s*\S+){{0,{_UNLESS_WORDS}}}")
