"""Complaints and praise that several interviewers repeat.

Every interviewer is asked the same questions ("what do you love about the
company?", "what do you hate about it?"). A word or two-word phrase that turns
up in the answers of two or more of them is a theme; one said by all of them
is the strongest signal. Deterministic and explainable: plain word matching,
no model.

How answers are compared:

* Lowercase; punctuation separates words. Hyphens split words
  ("deadline-driven" -> "deadline", "driven") but keep them adjacent.
  A possessive "'s" is dropped; other contractions ("don't") are stop words.
* A built-in English stop-word list removes function words and interview
  filler ("really", "think", "like", "company", "team", "work", "people",
  "love", "hate", "great", ...). Words shorter than 3 letters and numbers
  never make a theme.
* Plurals fold conservatively: "deadlines" -> "deadline", "priorities" ->
  "priority", "processes" -> "process", "crunches" -> "crunch"; words that
  only look plural stay ("process", "business", "status", "analysis",
  "metrics", "news", "sales"). "-ing" and "-ed" are not folded in general
  ("meeting" is not "meet"); a short list of word families is folded by
  prefix instead, e.g. "micromanaging", "micromanaged", "micromanager" ->
  "micromanagement", and "prioritize", "priorities" -> "priority".
* A few compounds are read as one word: "work life" / "work-life" / "work/life" ->
  "work-life", "on call" -> "on-call", "burn out" / "burned out" -> "burnout".
* Two-word phrases are two adjacent kept words in the same clause
  ("code review", "work-life balance"). When a phrase and one of its words
  are themes said by exactly the same people, only the phrase is kept.
* Stock phrases ("nothing comes to mind", "to be honest") are removed first.
* Within one question, an -ed / -ing form joins another form of its word that
  was said ("paged", "pages", "paging" -> "page"); see core.theme_groups.
* Themes said by exactly the same people, each time close together in one
  sentence, are one complaint: one theme, one count ("page, night, on-call").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from interview_prep.core.theme_groups import Hit, families, merge_families, record, same_complaints

__all__ = ["Theme", "explain", "find_themes", "theme_phrases"]


@dataclass(frozen=True)
class Theme:
    """A word or phrase that several interviewers used answering the same question."""

    question_id: str
    phrase: str  # display form: "deadline", "code review"
    who: tuple[str, ...]  # interviewers in the order they first answered the question
    evidence: tuple[tuple[str, str], ...]  # (who, what they said, trimmed to ~80 chars)
    everyone: bool  # said by every interviewer who answered, and at least 2 of them
    strength: int  # number of distinct interviewers
    # Each part of `phrase` with the forms counted under it, as `theme_phrases` gives them:
    # (("page", ("page", "paged", "paging")), ("night", ("night",)))
    forms: tuple[tuple[str, tuple[str, ...]], ...] = ()


_MIN_PEOPLE: Final = 2  # one person repeating a word is never a theme
_MIN_LETTERS: Final = 3
_SNIPPET_CHARS: Final = 80


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Splitting on words (kept by the group) gives gap, word, gap, word, ..., gap.
_WORD_SPLIT: Final = re.compile(r"(\w+(?:['’]\w+)*)")
_SAME_PHRASE_GAP: Final = re.compile(r"[ \t]+|[-‐‑]")  # all that may separate words of a phrase

_STOP_WORDS: Final = _word_set(
    """
    a about above across after again against all almost along already also although always
    am among an and another any anybody anyone anything anyway anywhere are around as at
    away back be became because become becomes been before being below besides between
    beyond both but by can cannot could did do does doing done down during each either
    else enough especially etc even ever every everybody everyone everything everywhere
    except few for from further get gets getting give given gives go goes going gone got
    gotten had has have having he her here hers herself him himself his how however if in
    into is it its itself just least less let lets may maybe me might mine more most mostly
    much must my myself near need needs neither never next no nobody none nor not nothing
    now of off often on once only onto or other others otherwise our ours ourselves out
    over own per perhaps please quite rather really right said same say says see seem seems
    seemed several she should since so some somebody someone something sometimes somewhat
    somewhere still such sure take takes taking took than that the their theirs them
    themselves then there these they this those though through thus to together too toward
    towards under unless until upon us use used uses using very via was way we well were
    what whatever when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves yes yeah okay um uh hmm oh
    actually basically honestly literally definitely probably certainly totally generally
    usually obviously seriously truly pretty lot lots stuff bit kind sort kinda sorta guess
    mean means know knows feel feels felt want wants wanted think thinks thought thing things
    like likes liked love loves loved loving hate hates hated hating dislike dislikes enjoy
    enjoys great good nice awesome amazing cool fine bad best worst better worse favorite
    favourite company companies team teams work works people person folks guys
    place part question answer tell told come comes came coming keep keeps put little big
    new make makes made making able one two three four five six seven eight nine ten first
    second gonna wanna
    """
)

# Words that end in "s" without being plurals.
_NOT_PLURAL: Final = _word_set(
    """
    news sales series species devops kudos chaos ethos pathos cosmos bias alias atlas canvas
    christmas lens thanks always perhaps whereas towards afterwards regardless nevertheless
    """
)
_IE_PLURALS: Final = _word_set(
    "movies cookies rookies newbies freebies goodies techies selfies zombies hippies"
)  # "-ies" -> "-ie", not "-y"
_CHE_PLURALS: Final = _word_set(
    "aches headaches niches caches avalanches moustaches mustaches cliches"
)  # "-ches" -> "-che", not "-ch"
_US_PLURALS: Final = _word_set("statuses bonuses campuses viruses focuses buses")

# Word families folded by prefix: each prefix is long enough to mean one thing.
_FAMILIES: Final = (
    ("micromanag", "micromanagement"),
    ("bureaucra", "bureaucracy"),
    ("politic", "politics"),
    ("communicat", "communication"),
    ("collaborat", "collaboration"),
    ("transparen", "transparency"),
    ("autonom", "autonomy"),
    ("flexib", "flexibility"),
    ("priorit", "priority"),
    ("reorg", "reorg"),
)

_COMPOUNDS: Final[dict[tuple[str, ...], str]] = {
    ("one", "on", "one"): "one-on-one",
    ("work", "life"): "work-life",
    ("on", "call"): "on-call",
    ("burn", "out"): "burnout",
    ("burned", "out"): "burnout",
    ("burnt", "out"): "burnout",
    ("burning", "out"): "burnout",
    ("micro", "management"): "micromanagement",
    ("micro", "managing"): "micromanagement",
    ("micro", "managed"): "micromanagement",
    ("micro", "manager"): "micromanagement",
    ("micro", "managers"): "micromanagement",
}
# Things people say while thinking; they are never what an answer is about.
_STOCK_PHRASES: Final = re.compile(
    r"\b(?:nothing (?:really )?comes to mind|(?:if i'?m|to be) (?:honest|fair|frank)|"
    r"(?:honestly|frankly),? speaking|at the end of the day|off the top of my head|"
    r"(?:that'?s a |a )?(?:good|great|tough|hard) question|let me think|hard to say|"
    r"i (?:would|'d) say|i guess|you know|i mean|kind of|sort of|for the most part|"
    r"at the moment|in general|all in all|if anything|as far as i know|to some extent)\b"
)
_COMPOUND_LENGTHS: Final = sorted({len(parts) for parts in _COMPOUNDS}, reverse=True)
_COMPOUND_STARTS: Final = frozenset(parts[0] for parts in _COMPOUNDS)


# --------------------------------------------------------------------------- words


_Span = tuple[int, int]  # where a word or phrase is in an answer: text[start:end]
_Pair = tuple[str, str, int, int]  # two adjacent kept words: (first, second, start, end)
_Hit = Hit


def _scan(text: str) -> tuple[dict[str, _Span], list[_Pair]]:
    """The words of `text` that count, each with where it first occurs, and every
    pair of adjacent counted words (the candidates for two-word phrases)."""
    spans: dict[str, _Span] = {}
    pairs: list[_Pair] = []
    lowered = _lower_keeping_offsets(text)
    # Same length, so offsets still point into `text`; "." also keeps phrases from crossing it.
    lowered = _STOCK_PHRASES.sub(lambda found: "." * len(found.group()), lowered.replace("’", "'"))
    pieces = _WORD_SPLIT.split(lowered)
    words = list(zip(pieces[::2], pieces[1::2], strict=False))  # (gap before, word)
    previous_key: str | None = None
    previous_start = position = skip = 0
    for index, (gap, raw) in enumerate(words):
        start = position + len(gap)
        position = end = start + len(raw)
        if skip:  # inside a compound already counted
            skip -= 1
            continue
        key = _key(raw)
        compound = _compound_at(words, index) if raw in _COMPOUND_STARTS else None
        if compound is not None:
            key, merged = _key(compound[0]), words[index : index + compound[1]]
            end = start - len(gap) + sum(len(g) + len(r) for g, r in merged)
            skip = len(merged) - 1
        if key is None:
            previous_key = None
            continue
        if key not in spans:
            spans[key] = (start, end)
        if previous_key is not None and previous_key != key and (gap == " " or _joins(gap)):
            pairs.append((previous_key, key, previous_start, end))
        previous_key, previous_start = key, start
    return spans, pairs


def _lower_keeping_offsets(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few letters ("İ") lowercase to two characters; leave those as they are
    # so that offsets into the lowered text stay offsets into `text`.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _compound_at(words: Sequence[tuple[str, str]], index: int) -> tuple[str, int] | None:
    """The compound starting at words[index] and how many words it spans."""
    for length in _COMPOUND_LENGTHS:
        group = words[index : index + length]
        compound = _COMPOUNDS.get(tuple(raw for _, raw in group))
        if compound is not None and all(_glues(gap) for gap, _ in group[1:]):
            return compound, length
    return None


@lru_cache(maxsize=1024)
def _joins(gap: str) -> bool:
    """Whether two words with `gap` between them make one phrase: spaces or one hyphen."""
    return _SAME_PHRASE_GAP.fullmatch(gap) is not None


def _glues(gap: str) -> bool:
    """Whether two words with `gap` between them can form a compound ("work/life")."""
    return gap == "/" or _joins(gap)


@lru_cache(maxsize=16384)
def _key(raw: str) -> str | None:
    """The folded form that themes are counted by, or None for a word that never counts."""
    form = _without_apostrophe(raw)
    if len(form) < _MIN_LETTERS or form[0].isnumeric() or form in _STOP_WORDS:
        return None
    folded = _fold(form)
    if len(folded) < _MIN_LETTERS or folded in _STOP_WORDS:
        return None
    return folded


def _without_apostrophe(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word
    base, _, rest = word.replace("’", "'").partition("'")
    return base if rest == "s" else ""  # "manager's" -> "manager"; "don't" is dropped


def _fold(word: str) -> str:
    for prefix, family in _FAMILIES:
        if word.startswith(prefix):
            return family
    return _singular(word)


def _singular(word: str) -> str:
    if len(word) < 4 or word in _NOT_PLURAL or not word.endswith("s"):
        return word
    if word.endswith(("ss", "us", "is", "ics")):  # process, status, analysis, metrics
        return word
    if word.endswith("ies"):
        return word[:-1] if word in _IE_PLURALS or len(word) < 5 else word[:-3] + "y"
    if word.endswith("sses") or word in _US_PLURALS:
        return word[:-2]
    if word.endswith(("xes", "shes")):
        return word[:-2]
    if word.endswith("ches"):
        return word[:-1] if word in _CHE_PLURALS else word[:-2]
    return word[:-1]


def theme_phrases(text: str) -> set[str]:
    """The words and two-word phrases an answer contributes, in their folded display form.

    `find_themes` makes a theme of any of these that several interviewers share.
    """
    words, pairs = _scan(text)
    return set(words) | {f"{first} {second}" for first, second, _, _ in pairs}


# --------------------------------------------------------------------------- themes


def find_themes(answers: Mapping[str, Sequence[tuple[str, str]]], min_people: int = 2) -> list[Theme]:
    """Words and phrases repeated by `min_people` or more interviewers answering one question.

    `answers` maps question id -> [(interviewer, answer text), ...]. An
    interviewer who answers twice counts once; names are compared after
    stripping surrounding spaces, and blank answers are ignored. `min_people`
    below 2 is treated as 2: one person repeating a word is never a theme.

    Order: themes said by everyone first, then by strength (most people),
    then in the order the questions were given, then alphabetically.
    """
    threshold = max(_MIN_PEOPLE, min_people)
    ranked: list[tuple[bool, int, int, str, Theme]] = []
    for question_index, (question_id, pairs) in enumerate(answers.items()):
        for theme in _question_themes(question_id, pairs, threshold):
            ranked.append((not theme.everyone, -theme.strength, question_index, theme.phrase, theme))
    ranked.sort(key=lambda item: item[:4])
    return [item[4] for item in ranked]


def _question_themes(question_id: str, pairs: Sequence[tuple[str, str]], threshold: int) -> list[Theme]:
    first_seen: dict[str, int] = {}
    said: dict[str, dict[str, _Hit]] = {}  # word or phrase -> interviewer -> first place they said it
    scanned: list[tuple[str, str, list[_Pair]]] = []
    for name, text in pairs:
        if not text.strip():
            continue
        who = name.strip()
        first_seen.setdefault(who, len(first_seen))
        words, adjacent = _scan(text)
        scanned.append((who, text, adjacent))
        for word, (start, end) in words.items():
            record(said, word, who, (text, start, end))
    family = families(said)
    forms: dict[str, set[str]] = {}
    if family:
        said = merge_families(said, family, forms)
    # A phrase can only be shared by people who share both of its words, so
    # most pairs need not be looked at.
    shared_words = {word for word, people in said.items() if len(people) >= threshold}
    for who, text, adjacent in scanned:
        for said_first, said_second, start, end in adjacent:
            first, second = family.get(said_first, said_first), family.get(said_second, said_second)
            if first in shared_words and second in shared_words and first != second:
                record(said, f"{first} {second}", who, (text, start, end))
                if family:
                    forms.setdefault(f"{first} {second}", set()).add(f"{said_first} {said_second}")
    shared = {phrase: people for phrase, people in said.items() if len(people) >= threshold}
    kept = _drop_words_covered_by_phrases(shared)
    return [
        _theme(question_id, group, shared, first_seen, len(first_seen), forms)
        for group in same_complaints(kept, shared)
    ]


def _drop_words_covered_by_phrases(shared: Mapping[str, Mapping[str, _Hit]]) -> list[str]:
    covered: set[str] = set()
    for phrase, people in shared.items():
        if " " not in phrase:
            continue
        for word in phrase.split(" "):
            if word in shared and shared[word].keys() == people.keys():
                covered.add(word)
    return [phrase for phrase in shared if phrase not in covered]


def _theme(
    question_id: str,
    group: Sequence[str],
    shared: Mapping[str, Mapping[str, _Hit]],
    first_seen: Mapping[str, int],
    answered: int,
    forms: Mapping[str, set[str]],
) -> Theme:
    people = shared[group[0]]
    who = tuple(sorted(people, key=first_seen.__getitem__))
    first = who[0]
    ordered = sorted(group, key=lambda phrase: shared[phrase][first][1])  # as the first person said them
    evidence = []
    for name in who:
        hits = [shared[phrase][name] for phrase in group]
        text = hits[0][0]
        evidence.append((name, _snippet(text, min(h[1] for h in hits), max(h[2] for h in hits))))
    everyone = len(who) == answered and len(who) >= _MIN_PEOPLE
    counted = tuple((phrase, tuple(sorted(forms.get(phrase, {phrase})))) for phrase in ordered)
    return Theme(question_id, ", ".join(ordered), who, tuple(evidence), everyone, len(who), counted)


def _snippet(text: str, start: int, end: int) -> str:
    """The answer around text[start:end], whitespace collapsed, trimmed to about 80 characters."""
    whole = _whole_if_short(text)
    if whole is not None:
        return whole
    room = max(0, _SNIPPET_CHARS - (end - start))
    left = max(0, start - room // 3)
    right = min(len(text), max(end, left + _SNIPPET_CHARS))
    left = max(0, min(left, right - _SNIPPET_CHARS, start))
    # Cut at spaces, not through words, and never into the match itself.
    if left > 0 and not text[left - 1].isspace():
        space = text.find(" ", left, start)
        left = left if space == -1 else space + 1
    if right < len(text) and not text[right].isspace():
        space = text.rfind(" ", end, right)
        right = right if space == -1 else space
    body = " ".join(text[left:right].split())
    return ("..." if left > 0 else "") + body + ("..." if right < len(text) else "")


@lru_cache(maxsize=4096)
def _whole_if_short(text: str) -> str | None:
    if len(text) > 2 * _SNIPPET_CHARS:  # too long even once runs of whitespace collapse
        return None
    whole = " ".join(text.split())
    return whole if len(whole) <= _SNIPPET_CHARS else None


def explain(theme: Theme, question: str | None = None) -> str:
    """One plain line, e.g. "'deadline' came up in answers to `hate` from all 3
    interviewers: Dana, Lee, Sam"."""
    noun = "interviewer" if theme.strength == 1 else "interviewers"
    if theme.everyone:
        count = "both interviewers" if theme.strength == 2 else f"all {theme.strength} {noun}"
    else:
        count = f"{theme.strength} {noun}"
    names = ", ".join(theme.who)
    asked = f"“{question}”" if question else f"`{theme.question_id}`"
    return f"'{theme.phrase}' came up in answers to {asked} from {count}: {names}"
