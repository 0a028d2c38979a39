"""Interview files: `<company>/interviews/<id>.md`, one per interview, appended entry by entry.

Every change is a read-modify-write under the company's lock with an atomic
replace, so an answer is on disk before the next question appears, parallel
one-shot writers never lose each other's entries, and a kill leaves the file
as before or as after.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interview_prep import dates
from interview_prep.core.models import Company
from interview_prep.core.transcript import (
    MARKS,
    Answer,
    Change,
    Flag,
    Interview,
    Interviewer,
    Landed,
    Note,
    Reflection,
    Skip,
)
from interview_prep.errors import PrepError
from interview_prep.output import one_line
from interview_prep.storage import blocks, frontmatter
from interview_prep.storage.atomic import atomic_write, folder_lock, read_text, rewrite
from interview_prep.storage.companies import FORMAT_VERSION, company_dir, refuse_escape
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


def load_interviews(home: Path, slug: str) -> list[Interview]:
    """Every interview of a company, oldest first by recorded start time."""
    return [interview for _, interview in interviews_by_start(home, slug)]


def interviews_by_start(home: Path, slug: str) -> list[tuple[Path, Interview]]:
    """(path, interview) oldest first, by the start time each file records, compared in UTC.

    File names come from local wall-clock time, so after a change of time zone
    (or of clock) they no longer sort by when the interviews happened. Files
    whose start time cannot be read keep their name order, before the others."""
    loaded = [(path, load_interview(path)) for path in list_interview_paths(home, slug)]
    order = {path: index for index, (path, _) in enumerate(loaded)}
    return sorted(loaded, key=lambda item: (_utc_seconds(item[1].started), order[item[0]]))


def _utc_seconds(started: str) -> float:

    try:
        return dates.moment(started).timestamp()  # no offset: this machine's local time
    except (ValueError, OverflowError):
        return float("-inf")  # a time without an offset is taken as this machine's local time


def latest_path(home: Path, slug: str) -> Path | None:
    """The company's most recently started interview."""
    found = interviews_by_start(home, slug)
    return found[-1][0] if found else None


def latest_open(home: Path, slug: str) -> Path | None:
    for path, interview in reversed(interviews_by_start(home, slug)):
        if not interview.finished:
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
        + f"# {one_line(title)} ({started[:10]})\n\n"
        + f"Interviewers: {one_line(people)}\n"
    )


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
    shared: dict[str, str] = {}  # one copy of each repeated field (question texts, names, ids)
    for entry in blocks.iter_entries(text, path, header.fence_line + 1, header.body_start):
        _add_entry(interview, entry, shared)
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


def _add_entry(interview: Interview, entry: blocks.Entry, shared: dict[str, str]) -> None:
    meta, n = entry.meta, entry.number
    if entry.kind == "answer":
        question_id, who, asked = (
            str(meta.get("q", "")),
            str(meta.get("who", "")),
            str(meta.get("question", "")),
        )
        interview.answers.append(
            Answer(
                n,
                shared.setdefault(question_id, question_id),
                shared.setdefault(who, who),
                entry.text,
                str(meta.get("at", "")),
                shared.setdefault(asked, asked),
                meta.get("cut") is True,
                meta["mark"] if meta.get("mark") in MARKS else "",
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
    elif entry.kind == "landed":
        interview.landed.append(Landed(n, entry.text, str(meta.get("who", "")), str(meta.get("at", ""))))
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
            history=_history(meta.get("history")),
        )


def _history(value: Any) -> list[Change]:
    """A reflection's earlier values; items that are not {field, from, to, at} are left out."""
    if not isinstance(value, list):
        return []
    keys = ("field", "from", "to", "at")
    return [
        Change(*(str(item.get(key) if item.get(key) is not None else "") for key in keys))
        for item in value
        if isinstance(item, dict) and item.get("field")
    ]


# Writing ---------------------------------------------------------------------


def edit_entries(path: Path, change: Callable[[str, list[blocks.Entry]], str]) -> None:
    """Read-modify-write under the company lock; a file with broken markers is refused, unchanged.
    `change` gets the entries read while checking the file as found: one parse before the write."""
    checked: list[list[blocks.Entry]] = []  # the file as found; then the new text, read back

    def check(text: str) -> None:
        checked.append(check_text(text, path, keep=not checked))

    with folder_lock(path.parent.parent):
        rewrite(path, lambda text: change(text, checked[0]), check)


def check_text(text: str, path: Path, keep: bool = False) -> list[blocks.Entry]:
    """PrepError unless prep can read `text` as an interview; its entries with `keep`."""
    header = frontmatter.parse(text, path)
    _interviewers(header.fields.get("interviewers"), path)
    entries = blocks.iter_entries(text, path, header.fence_line + 1, header.body_start)
    kept = list(entries) if keep else []
    deque(entries, maxlen=0)  # else each entry is read, checked and dropped: a 50 MB file fits
    return kept


def raw_entries(path: Path) -> list[blocks.Entry]:
    """The file's entries with their marker fields as stored."""
    return _parse_entries(read_text(path), path)


def _parse_entries(text: str, path: Path) -> list[blocks.Entry]:
    header = frontmatter.parse(text, path)
    return blocks.parse_entries(text, path, header.fence_line + 1, header.body_start)


def _appended(
    old: str, existing: list[blocks.Entry], kind: str, meta: dict[str, Any], text: str, heading: str
) -> tuple[str, int]:
    number = max((entry.number for entry in existing), default=0) + 1
    lead = "" if old.endswith("\n") else "\n"
    # The heading is for reading only: one line, so no input can add a marker line.
    heading_text = f"\n{one_line(heading)}\n" if heading.strip() else "\n"
    return old + lead + heading_text + blocks.format_entry(kind, {"n": number, **meta}, text), number


def append_entry(path: Path, kind: str, meta: dict[str, Any], text: str, heading: str) -> int:
    """Add an entry at the end of the file; returns its number."""
    return append_once(path, kind, meta, text, heading, ())[0]


def append_once(
    path: Path, kind: str, meta: dict[str, Any], text: str, heading: str, same_as: tuple[str, ...]
) -> tuple[int, bool]:
    """Like append_entry, but an entry of the same kind, text and `same_as` meta values already
    in the file is not added again; returns (its number, whether it was added now).

    So a command run again after a partial failure never stores the same answer twice."""
    number, added = 0, True

    def change(old: str, existing: list[blocks.Entry]) -> str:
        nonlocal number, added
        twin = _twin(existing, kind, meta, text, same_as) if same_as else None
        if twin is not None:
            number, added = twin.number, False
            return old
        new, number = _appended(old, existing, kind, meta, text, heading)
        return new

    edit_entries(path, change)
    return number, added


def _twin(
    existing: list[blocks.Entry], kind: str, meta: dict[str, Any], text: str, keys: tuple[str, ...]
) -> blocks.Entry | None:
    for entry in existing:
        if entry.kind == kind and entry.text == text and all(entry.meta.get(k) == meta.get(k) for k in keys):
            return entry
    return None


def _replaced(old: str, path: Path, number: int, kind: str, meta: dict[str, Any], text: str) -> str:
    try:
        return blocks.replace_entry(old, number, {"n": number, **meta}, text, kind)
    except KeyError:
        raise PrepError(
            f"{path}: entry {number} is no longer in the file (edited by hand?). "
            "Your new text was not saved; add it again with `prep answer`."
        ) from None


def replace_entry(
    path: Path, number: int, kind: str, meta: dict[str, Any], text: str, same: tuple[str, ...] = ()
) -> None:
    """Rewrite one entry (a back-edited answer); the rest of the file stays byte for byte.

    With `same` (meta keys), entry `number` must still carry the values `meta` gives for
    them (the same question, person and time): an entry number reused by a hand edit is
    refused rather than overwritten."""

    def change(old: str, entries: list[blocks.Entry]) -> str:
        target = next((entry for entry in entries if entry.number == number), None)
        if same and (target is None or any(target.meta.get(k) != meta.get(k) for k in same)):
            raise PrepError(
                f"{path.name}: entry {number} is no longer the answer you were editing "
                "(changed by hand?), so it was left as it is."
            )
        return _replaced(old, path, number, kind, meta, text)

    edit_entries(path, change)


def set_finished(path: Path, finished: bool = True) -> None:
    edit_entries(path, lambda text, _entries: frontmatter.set_field(text, "finished", finished, path))


def set_interviewers(path: Path, people: list[Interviewer]) -> None:
    """Record who is in the room (a panel that grew on resume); every other byte stays."""
    value = [{"name": person.name, "role": person.role} for person in people]
    edit_entries(path, lambda text, _entries: frontmatter.set_field(text, "interviewers", value, path))


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
    edit_entries(path, lambda old, entries: _with_reflection(old, path, entries, reflection))


def update_reflection(path: Path, given: dict[str, Any], at: str) -> list[Change]:
    """Merge `given` fields into the round's reflection (one locked step); returns the changes made.

    Fields not given keep their value; a changed value stays in the reflection's history."""
    result = before = Reflection()

    def change(old: str, entries: list[blocks.Entry]) -> str:
        nonlocal result
        existing = next((entry for entry in entries if entry.kind == "reflection"), None)
        current = Interview("", "", "", "", [])
        if existing is not None:
            _add_entry(current, existing, {})
        before = current.reflection or Reflection()
        result = before.merged(given, at)
        return _with_reflection(old, path, entries, result)

    edit_entries(path, change)
    return result.history[len(before.history) :]


def _with_reflection(old: str, path: Path, entries: list[blocks.Entry], reflection: Reflection) -> str:
    """The file with its reflection entry replaced in place, or appended when there is none."""
    meta = reflection_meta(reflection)
    text = render_reflection(reflection)
    existing = next((entry for entry in entries if entry.kind == "reflection"), None)
    if existing is None:
        return _appended(old, entries, "reflection", meta, text, "## My reflection")[0]
    return _replaced(old, path, existing.number, "reflection", meta, text)


def reflection_meta(reflection: Reflection) -> dict[str, Any]:
    """The fields a reflection's marker carries (`history` only once a value has changed)."""
    meta: dict[str, Any] = {
        "gut": reflection.gut,
        "excited": reflection.excited,
        "worries": reflection.worries,
        "accept": reflection.accept,
        "at": reflection.at,
    }
    if reflection.history:
        meta["history"] = [
            {"field": c.name, "from": c.before, "to": c.after, "at": c.at} for c in reflection.history
        ]
    return meta


def render_reflection(reflection: Reflection) -> str:
    gut = f"{reflection.gut}/5" if reflection.gut else "not given"
    return (
        f"- Gut score: {gut}\n"
        f"- Excited by: {reflection.excited or '-'}\n"
        f"- Worried by: {reflection.worries or '-'}\n"
        f"- Would accept today: {reflection.accept or '-'}"
        + "".join(f"\n- Changed: {one_line(change.label())}" for change in reflection.history)
    )


def for_one_shot(home: Path, company: Company, started: str) -> Path:
    """Where a one-shot entry goes: the unfinished interview, else the last round, else the
    company's notes file (made once, finished, never counted as a round). Atomic for parallel callers.
    """
    folder = interviews_dir(home, company.slug)
    make_private_dir(folder)
    with folder_lock(company_dir(home, company.slug)):
        loaded = interviews_by_start(home, company.slug)  # by recorded start in UTC, not file name
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
        text = text.replace(f"# {one_line(company.name)} (", f"# {one_line(company.name)}: notes (", 1)
    atomic_write(path, text, verify=lambda written: check_text(written, path))
    return path
