"""Tab completion: company names, question ids, follow-up ids, and the values of options with a
closed set of answers (status, stage, size, interviewer type, track, severity, roles in --with).

It runs on every Tab press, so it reads folder names and scans bank files for
`id:` lines with a regex: no YAML, no Rich, no catalog validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from interview_prep.storage.home import resolve_home

_ID_LINE = re.compile(r"^\s*-\s+id:\s*['\"]?([a-z0-9-]+)['\"]?\s*$", re.MULTILINE)


def _home(ctx: Any) -> Path:
    root = ctx.find_root() if ctx is not None else None
    home_option = root.params.get("home") if root is not None else None
    return resolve_home(home_option)


def companies(ctx: Any, incomplete: str) -> list[str]:
    try:
        home = _home(ctx)
        names = sorted(entry.name for entry in home.iterdir() if (entry / "company.md").is_file())
    except OSError:
        return []
    return [name for name in names if name.startswith(incomplete.lower())]


def question_ids(ctx: Any, incomplete: str) -> list[str]:
    from interview_prep.banks.files import bank_files, shipped_banks_dir
    from interview_prep.errors import PrepError
    from interview_prep.storage.textfile import read_bytes

    folders = [shipped_banks_dir(), _home(ctx) / "banks"]
    ids: set[str] = set()
    for folder in folders:
        for path in bank_files(folder):
            try:
                data = read_bytes(path)  # a pipe named like a bank must not hang a Tab press
            except (PrepError, OSError):
                continue
            ids.update(_ID_LINE.findall(data.decode("utf-8", errors="replace")))
    return sorted(item for item in ids if item.startswith(incomplete))


def statuses(incomplete: str) -> list[str]:
    from interview_prep.core.models import STATUSES

    return [status for status in STATUSES if status.startswith(incomplete.lower())]


# The fast path ---------------------------------------------------------------------------
#
# A Tab press through Typer builds the whole app first (~1.15x a hello-world Typer start-up).
# Most presses complete a company, a question id or a status in a plain position, and those
# are answered here without importing Typer; anything else (an option, a command name, a
# shell other than bash / zsh / fish) is left to Typer. tests/test_completion.py checks this
# table against the app's own arguments and the answers against Typer's for a table of cases.

POSITIONAL: dict[tuple[str, ...], tuple[str, ...]] = {
    ("status",): ("companies", "statuses"),
    ("open",): ("companies",),
    ("ask",): ("companies",),
    ("answer",): ("companies", "question_ids"),
    ("flag",): ("companies",),
    ("note",): ("companies",),
    ("plan",): ("companies",),
    ("sheet",): ("companies",),
    ("add",): ("companies",),
    ("review",): ("companies",),
    ("reflect",): ("companies",),
    ("done",): ("companies", "followup_ids"),
    ("schedule",): ("companies",),
    ("due",): ("companies", "followup_ids"),
    ("calendar",): ("companies",),
    ("log",): ("companies",),
    ("offer",): ("companies",),
    ("export",): ("companies",),
    ("banks", "show"): ("question_ids",),
}
_SHELLS = ("bash", "zsh", "fish")


def fast_answer(environ: dict[str, str] | Any, prog_name: str) -> str | None:
    """What Typer would print for this Tab press, when it is one answered here; else None."""
    instruction = environ.get(f"_{prog_name}_COMPLETE".replace("-", "_").upper())
    if not instruction:
        return None
    action, _, shell = instruction.partition("_")
    if action != "complete" or shell not in _SHELLS:
        return None
    if shell == "fish" and environ.get("_TYPER_COMPLETE_FISH_ACTION", "") != "get-args":
        return None
    try:
        args, incomplete = _words(environ, shell)
    except (KeyError, ValueError):
        return None
    values = _complete(args, incomplete)
    if values is None:
        return None
    if shell == "zsh":
        if not values:
            return "_files"
        return "_arguments '*: :((" + "\n".join(f'"{_zsh_escape(v)}"' for v in values) + "))'"
    return "\n".join(values)


def _complete(args: list[str], incomplete: str) -> list[str] | None:
    if (roles := _bash_role_after_colon(args, incomplete)) is not None:
        return roles
    if incomplete.startswith("-") or any(word.startswith("-") for word in args):
        return None  # options (--home changes the data home) take Typer's path
    for size in (2, 1):  # `banks show ...` before `status ...`
        command = tuple(args[:size])
        completers = POSITIONAL.get(command) if len(args) >= size else None
        if completers is not None:
            position = len(args) - size
            if position >= len(completers):
                return None
            name = completers[position]
            if name == "statuses":
                return statuses(incomplete)
            if name == "followup_ids":
                return pending_ids(None, args[size], incomplete)
            return companies(None, incomplete) if name == "companies" else question_ids(None, incomplete)
    return None


def _bash_role_after_colon(args: list[str], incomplete: str) -> list[str] | None:
    """bash splits `--with Dana:eng` at the colon (it is in COMP_WORDBREAKS) into `Dana`, `:`,
    `eng`, and replaces only the last word: answer with the roles (or `:role` while the word
    being completed is the colon itself). zsh and fish keep the word whole (panel_members)."""
    if incomplete == ":" and len(args) >= 2 and args[-2] == "--with":
        return [":" + role for role in interviewer_types("")]
    if len(args) >= 3 and args[-1] == ":" and args[-3] == "--with":
        return interviewer_types(incomplete)
    return None


def _words(environ: Any, shell: str) -> tuple[list[str], str]:
    """The words before the one being completed, and that one, as Typer's shell classes read them."""
    if shell == "bash":
        words = split_words(environ["COMP_WORDS"])
        at = int(environ["COMP_CWORD"])
        return words[1:at], words[at] if at < len(words) else ""
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_words(line)[1:]
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def split_words(line: str) -> list[str]:
    """Shell words, keeping a word whose quote is still open (the user is typing it)."""
    import shlex

    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:  # an open quote or a trailing backslash at the end of the line
        words.append(lexer.token)
    return words


def _zsh_escape(value: str) -> str:
    return (
        value.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    return [value for value in values if value.startswith(incomplete.lower())]


def panel_roles(incomplete: str) -> list[str]:
    """Whom a question is for (`prep add --for`): an interviewer type, or everyone."""
    from interview_prep.banks.model import AUDIENCES

    return _starting(AUDIENCES, incomplete)


def interviewer_types(incomplete: str) -> list[str]:
    """`prep new --interviewer`."""
    from interview_prep.banks.model import AUDIENCES

    return _starting((role for role in AUDIENCES if role != "everyone"), incomplete)


def stages(incomplete: str) -> list[str]:
    from interview_prep.banks.model import STAGES

    return _starting(STAGES, incomplete)


def sizes(incomplete: str) -> list[str]:
    from interview_prep.banks.model import SIZES

    return _starting(SIZES, incomplete)


def tracks(incomplete: str) -> list[str]:
    from interview_prep.banks.model import TRACKS

    return _starting(TRACKS, incomplete)


def company_types(incomplete: str) -> list[str]:
    from interview_prep.banks.model import COMPANY_TYPES

    return _starting(COMPANY_TYPES, incomplete)


def severities(incomplete: str) -> list[str]:
    from interview_prep.banks.model import SEVERITIES

    return _starting(SEVERITIES, incomplete)


def panel_members(incomplete: str) -> list[str]:
    """`--with NAME:ROLE`: the name is free; after it (and its colon), the interviewer types."""
    name, colon, typed = incomplete.rpartition(":")
    if not colon:
        name, typed = incomplete, ""
    if not name.strip():
        return []
    return [f"{name}:{role}" for role in interviewer_types(typed)]


def followup_ids(ctx: Any, incomplete: str) -> list[str]:
    """The follow-ups of the company typed before (`prep done COMPANY ID`) still to do."""
    company = ctx.params.get("company") if ctx is not None else None
    root = ctx.find_root() if ctx is not None else None
    return pending_ids(root.params.get("home") if root is not None else None, company, incomplete)


def pending_ids(home_option: str | None, company: str | None, incomplete: str) -> list[str]:
    if not company:
        return []
    try:
        from interview_prep.commands.context import Context
        from interview_prep.commands.review import pending

        found = pending(Context(home_option=home_option), company)
    except Exception:  # a Tab press never prints an error: no company, a broken file
        return []
    return [item_id for item_id, _, _ in found.items if item_id.startswith(incomplete)]
