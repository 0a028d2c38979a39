"""Interview files: `<company>/interviews/<id>.md`, one per interview, appended entry by entry.

Every change is a read-modify-write under the company's lock with an atomic
replace, so an answer is on disk before the next question appears, parallel
one-shot writers never lose each other's entries, and a kill leaves the file
as before or as after.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interview_prep.core.models import Company
from interview_prep.core.transcript import Answer, Flag, Interview, Interviewer, Note, Reflection, Skip
from interview_prep.errors import PrepError
from interview_prep.storage import blocks, frontmatter
from interview_prep.storage.atomic import atomic_write, folder_lock, read_text, rewrite
from interview_prep.storage.companies import COMPANY_FILE, FORMAT_VERSION, company_dir, refuse_escape
from interview_prep.storage.home import make_private_dir
from interview_prep.storage.slug import slugify

INTERVIEWS = "interviews"
_ID = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}(?:-[a-z0-9-]+)?")


def interviews_dir(home: Path, slug: str) -> Path:
    folder = company_dir(home, slug) / INTERVIEWS
    refuse_escape(home, folder)
    return folder


def interview_path(home: Path, slug: str, interview_id: str) -> Path:
    if not _ID.fullmatch(interview_id):
        raise PrepError(
            f"'{interview_id}' is not an interview id (they look like 2026-11-22-1420). "
            "`prep review COMPANY --json` lists them."
        )
    return interviews_dir(home, slug) / f"{interview_id}.md"


def list_interview_paths(home: Path, slug: str) -> list[Path]:
    folder = interviews_dir(home, slug)
    if not folder.is_dir():
        return []
    return _in_start_order([path for path in folder.glob("*.md") if _ID.fullmatch(path.stem)])


def _in_start_order(paths: list[Path]) -> list[Path]:
    """Oldest first. Names sort by start time, but a clash in the same minute is `<base>-2`, `-3`,
    which plain sorting would put before `<base>` itself ('-' < '.')."""
    stems = {path.stem for path in paths}

    def key(path: Path) -> tuple[str, str, int]:
        base, _, number = path.stem.rpartition("-")
        if number.isdigit() and base in stems:
            return path.stem[:15], base, int(number)
        return path.stem[:15], path.stem, 1

    return sorted(paths, key=key)


def company_stamp(home: Path, slug: str) -> list[list[Any]] | None:
    """Name, size, mtime and inode of every file a company's review is read from, without reading them.

    Any change prep makes replaces a file (a new inode and mtime), so a cached
    result keyed by the stamp goes stale with it. None when something there is a
    symbolic link or cannot be seen: such a company always takes the checked path.
    """
    folder = os.path.join(home, slug)  # plain strings: this runs for every company of a review
    interviews = os.path.join(folder, INTERVIEWS)
    stamps: list[list[Any]] = []
    try:
        if os.path.islink(folder) or os.path.islink(interviews):
            return None
        try:
            listed = os.listdir(interviews)
        except (FileNotFoundError, NotADirectoryError):
            listed = []
        names = [COMPANY_FILE]
        names += [
            f"{INTERVIEWS}/{name}" for name in listed if name.endswith(".md") and _ID.fullmatch(name[:-3])
        ]
        for name in sorted(names):
            info = os.lstat(os.path.join(folder, name))
            if not stat.S_ISREG(info.st_mode):
                return None
            stamps.append([name, info.st_size, info.st_mtime_ns, info.st_ino])
    except OSError:
        return None
    return stamps


def load_interviews(home: Path, slug: str) -> list[Interview]:
    return [load_interview(path) for path in list_interview_paths(home, slug)]


def latest_open(home: Path, slug: str) -> Path | None:
    for path in reversed(list_interview_paths(home, slug)):
        if not load_interview(path).finished:
            return path
    return None


def start_interview(
    home: Path,
    company: Company,
    round_name: str,
    interviewers: list[Interviewer],
    started: str,
) -> Path:
    """Create a new interview file; its id comes from the start time (and round)."""
    folder = interviews_dir(home, company.slug)
    make_private_dir(folder)
    with folder_lock(company_dir(home, company.slug)):
        return _create(folder, company, round_name, interviewers, started)


def render_new(
    company: Company, interview_id: str, round_name: str, interviewers: list[Interviewer], started: str
) -> str:
    fields: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "company": company.name,
        "slug": company.slug,
        "id": interview_id,
        "round": round_name,
        "started": started,
        "interviewers": [{"name": person.name, "role": person.role} for person in interviewers],
        "finished": False,
    }
    people = ", ".join(person.label() for person in interviewers) or "not recorded"
    title = f"{company.name}: {round_name}" if round_name else company.name
    # Headings are for reading only; one line each, so no input can add a marker line.
    return (
        frontmatter.render(fields)
        + f"# {_one_line(title)} ({started[:10]})\n\n"
        + f"Interviewers: {_one_line(people)}\n"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def load_interview(path: Path) -> Interview:
    text = read_text(path)
    header = frontmatter.parse(text, path)
    fields = header.fields
    interview = Interview(
        id=str(fields.get("id") or path.stem),
        company=str(fields.get("company") or ""),
        round=str(fields.get("round") or ""),
        started=str(fields.get("started") or ""),
        interviewers=_interviewers(fields.get("interviewers"), path),
        finished=fields.get("finished") is True,
        kind="notes" if fields.get("kind") == "notes" else "round",
    )
    body = text[header.body_start :]
    for entry in blocks.parse_entries(body, path, first_line=header.fence_line + 1):
        _add_entry(interview, entry)
    return interview


def _interviewers(value: Any, path: Path) -> list[Interviewer]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PrepError(f"{path}:2:1: 'interviewers' must be a list of {{name, role}}.")
    people = []
    for item in value:
        if isinstance(item, dict) and item.get("name"):
            people.append(Interviewer(str(item["name"]), str(item.get("role") or "interviewer")))
    return people


def _add_entry(interview: Interview, entry: blocks.Entry) -> None:
    meta, n = entry.meta, entry.number
    if entry.kind == "answer":
        interview.answers.append(
            Answer(
                n,
                str(meta.get("q", "")),
                str(meta.get("who", "")),
                entry.text,
                str(meta.get("at", "")),
                str(meta.get("question", "")),
                meta.get("cut") is True,
            )
        )
    elif entry.kind == "flag":
        interview.flags.append(
            Flag(
                n,
                entry.text,
                str(meta.get("severity", "medium")),
                str(meta.get("who", "")),
                str(meta.get("at", "")),
                meta.get("signal"),
            )
        )
    elif entry.kind == "note":
        interview.notes.append(Note(n, entry.text, str(meta.get("at", ""))))
    elif entry.kind == "skip":
        interview.skips.append(Skip(n, str(meta.get("q", "")), str(meta.get("who", ""))))
    elif entry.kind == "reflection":
        gut = meta.get("gut")
        interview.reflection = Reflection(
            gut=gut if isinstance(gut, int) else None,
            excited=str(meta.get("excited", "")),
            worries=str(meta.get("worries", "")),
            accept=str(meta.get("accept", "")),
            at=str(meta.get("at", "")),
        )


# Writing ---------------------------------------------------------------------


def _edit(path: Path, change: Callable[[str, list[blocks.Entry]], str]) -> None:
    """Read-modify-write under the company lock; a file with broken markers is refused, unchanged."""
    with folder_lock(path.parent.parent):
        rewrite(
            path, lambda text: change(text, _parse_entries(text, path)), lambda text: check_text(text, path)
        )


def check_text(text: str, path: Path) -> None:
    """PrepError unless prep can read `text` as an interview: front matter, interviewers, entries."""
    header = frontmatter.parse(text, path)
    _interviewers(header.fields.get("interviewers"), path)
    blocks.parse_entries(text[header.body_start :], path, header.fence_line + 1)


def _parse_entries(text: str, path: Path) -> list[blocks.Entry]:
    header = frontmatter.parse(text, path)
    return blocks.parse_entries(text[header.body_start :], path, header.fence_line + 1)


def _appended(
    old: str, existing: list[blocks.Entry], kind: str, meta: dict[str, Any], text: str, heading: str
) -> tuple[str, int]:
    number = max((entry.number for entry in existing), default=0) + 1
    lead = "" if old.endswith("\n") else "\n"
    # The heading is for reading only: one line, so no input can add a marker line.
    heading_text = f"\n{_one_line(heading)}\n" if heading.strip() else "\n"
    return old + lead + heading_text + blocks.format_entry(kind, {"n": number, **meta}, text), number


def append_entry(path: Path, kind: str, meta: dict[str, Any], text: str, heading: str) -> int:
    """Add an entry at the end of the file; returns its number."""
    number = 0

    def change(old: str, existing: list[blocks.Entry]) -> str:
        nonlocal number
        new, number = _appended(old, existing, kind, meta, text, heading)
        return new

    _edit(path, change)
    return number


def _replaced(old: str, path: Path, number: int, kind: str, meta: dict[str, Any], text: str) -> str:
    try:
        return blocks.replace_entry(old, number, {"n": number, **meta}, text, kind)
    except KeyError:
        raise PrepError(
            f"{path}: entry {number} is no longer in the file (edited by hand?). "
            "Your new text was not saved; add it again with `prep answer`."
        ) from None


def replace_entry(path: Path, number: int, kind: str, meta: dict[str, Any], text: str) -> None:
    """Rewrite one entry (a back-edited answer); the rest of the file stays byte for byte."""
    _edit(path, lambda old, _entries: _replaced(old, path, number, kind, meta, text))


def set_finished(path: Path, finished: bool = True) -> None:
    _edit(path, lambda text, _entries: frontmatter.set_field(text, "finished", finished, path))


def set_interviewers(path: Path, people: list[Interviewer]) -> None:
    """Record who is in the room (a panel that grew on resume); every other byte stays."""
    value = [{"name": person.name, "role": person.role} for person in people]
    _edit(path, lambda text, _entries: frontmatter.set_field(text, "interviewers", value, path))


def remove_if_empty(path: Path) -> bool:
    """Delete an interview that holds no entry at all (checked under the lock); True if it went."""
    with folder_lock(path.parent.parent):
        if not path.is_file():
            return False
        text = read_text(path)
        if _parse_entries(text, path) or _has_own_text(text, path):
            return False
        path.unlink()
        return True


def _has_own_text(text: str, path: Path) -> bool:
    """Whether anything but the title and interviewers lines prep wrote is below the front matter."""
    body = text[frontmatter.parse(text, path).body_start :].split("\n")
    own = [line for line in body if line.strip()]
    if own and own[0].startswith("# "):
        own = own[1:]
    if own and own[0].startswith("Interviewers: "):
        own = own[1:]
    return bool(own)


def set_reflection(path: Path, reflection: Reflection) -> None:
    """Save the round's reflection: replaced in place when one exists, else appended (one locked step)."""
    meta = reflection_meta(reflection)
    text = render_reflection(reflection)

    def change(old: str, entries: list[blocks.Entry]) -> str:
        existing = next((entry for entry in entries if entry.kind == "reflection"), None)
        if existing is None:
            return _appended(old, entries, "reflection", meta, text, "## My reflection")[0]
        return _replaced(old, path, existing.number, "reflection", meta, text)

    _edit(path, change)


def reflection_meta(reflection: Reflection) -> dict[str, Any]:
    """The fields a reflection's marker carries."""
    return {
        "gut": reflection.gut,
        "excited": reflection.excited,
        "worries": reflection.worries,
        "accept": reflection.accept,
        "at": reflection.at,
    }


def render_reflection(reflection: Reflection) -> str:
    gut = f"{reflection.gut}/5" if reflection.gut else "not given"
    return (
        f"- Gut score: {gut}\n"
        f"- Excited by: {reflection.excited or '-'}\n"
        f"- Worried by: {reflection.worries or '-'}\n"
        f"- Would accept today: {reflection.accept or '-'}"
    )


def for_one_shot(home: Path, company: Company, started: str) -> Path:
    """Where a one-shot entry goes: the unfinished interview, else the last round, else the
    company's notes file (made once, finished, never counted as a round). Atomic for parallel callers.
    """
    folder = interviews_dir(home, company.slug)
    make_private_dir(folder)
    with folder_lock(company_dir(home, company.slug)):
        paths = list_interview_paths(home, company.slug)
        loaded = [(path, load_interview(path)) for path in paths]
        for path, interview in reversed(loaded):
            if not interview.finished:
                return path
        for path, interview in reversed(loaded):
            if interview.is_round:
                return path
        if loaded:
            return loaded[-1][0]
        return _create(folder, company, "", [], started, kind="notes")


def _create(
    folder: Path,
    company: Company,
    round_name: str,
    interviewers: list[Interviewer],
    started: str,
    kind: str = "round",
) -> Path:
    """Write a new interview file (the caller holds the company lock)."""
    base = started[:10] + "-" + started[11:13] + started[14:16]
    try:
        round_slug = slugify(round_name) if round_name.strip() else ""
    except PrepError:  # a label with no usable letters ("..", control characters): the time alone
        round_slug = ""
    if kind == "notes":
        base += "-notes"
    elif round_slug and not round_slug.startswith("company-"):
        base += "-" + round_slug[:30].strip("-")
    path = folder / f"{base}.md"
    suffix = 2
    while path.exists():
        path = folder / f"{base}-{suffix}.md"
        suffix += 1
    text = render_new(company, path.stem, round_name, interviewers, started)
    if kind == "notes":  # one more field, and a title that says what the file is
        text = frontmatter.set_field(text, "kind", "notes", path)
        text = frontmatter.set_field(text, "finished", True, path)
        text = text.replace(f"# {_one_line(company.name)} (", f"# {_one_line(company.name)}: notes (", 1)
    atomic_write(path, text, verify=lambda written: check_text(written, path))
    return path
