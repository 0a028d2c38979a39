"""The keys of `prep ask`: what a line typed at the answer prompt means (a key, a mistyped key, or text)."""

from __future__ import annotations

import re

from interview_prep.output import truncate

# A slash and one word ('/x', '/done', '/skip-it'): a key, or a mistyped one; never saved as an answer.
# '/usr/bin is where it lives' (a slash inside the word, more words after) is an answer.
_SLASH_WORD = re.compile(r"/[^/\s]*")
COMMANDS = {
    "/s": "skip",
    "/b": "back",
    "/f": "flag",
    "/n": "note",
    "/u": "follow-up",
    "/+": "reassuring",
    "/-": "worrying",
    "/d": "done",
    "/?": "help",
    "/l": "left",
    "/a": "ask",
    "/k": "landed",
}
# Keys followed by a word of their own ('/a team-size'): the rest of the line is theirs.
_WITH_ARGUMENT = {"/a"}
# What a user may type in full for a key ('/done'): pointed at the key, not saved.
_KEY_WORDS = {
    "skip": "/s",
    "next": "/s",
    "back": "/b",
    "edit": "/b",
    "flag": "/f",
    "red": "/f",
    "note": "/n",
    "follow": "/u",
    "followup": "/u",
    "follow-up": "/u",
    "done": "/d",
    "finish": "/d",
    "end": "/d",
    "quit": "/d",
    "exit": "/d",
    "stop": "/d",
    "help": "/?",
    "keys": "/?",
    "h": "/?",
    "left": "/l",
    "list": "/l",
    "rest": "/l",
    "ask": "/a",
    "key": "/k",
    "landed": "/k",
    "message": "/k",
}


def command(raw: str) -> str | None:
    """The key typed ('skip', 'back', ...), 'unknown' for a slash word that is none, None for an answer.

    A slash word alone is always a key or 'unknown'; so is a key's own name
    followed by more words ('/skip this one'): text that looks like a key is
    never saved as an answer without the '//' that says it is one.
    """
    text = raw.strip()
    if text.startswith("//") or not text.startswith("/"):
        return None
    key = text.lower()
    if key in COMMANDS:
        return COMMANDS[key]
    first = key.split()[0]
    if first in _WITH_ARGUMENT:
        return COMMANDS[first]
    if _SLASH_WORD.fullmatch(key) or first in COMMANDS or key_for(first) is not None:
        return "unknown"
    return None


def argument(raw: str) -> str:
    """What follows a key's own word: 'team-size' in '/a team-size'."""
    parts = raw.strip().split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def key_for(word: str) -> str | None:
    """The key a mistyped slash word most likely meant: '/done' -> '/d', '/skpi' -> '/s'."""
    name = word.lstrip("/")
    if name in _KEY_WORDS:
        return _KEY_WORDS[name]
    import difflib

    close = difflib.get_close_matches(name, list(_KEY_WORDS), n=1, cutoff=0.75)
    return _KEY_WORDS[close[0]] if close else None


def not_a_key(raw: str) -> str:
    """One line: what was typed is not a key, which key was probably meant, how to save it as text."""
    text = " ".join(raw.split())
    first = text.split()[0]
    meant = first.lower() if first.lower() in COMMANDS else key_for(first.lower())
    hint = f" Did you mean {meant}?" if meant else " /? lists the keys."
    return f"{truncate(text, 40)} is not a key.{hint} To save it as text, type /{truncate(text, 40)}"


def literal(raw: str) -> str:
    """The answer as meant: '//x' stands for '/x'."""
    text = raw.lstrip()
    return text[1:] if text.startswith("//") else raw
