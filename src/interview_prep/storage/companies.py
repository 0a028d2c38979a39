"""Company folders and the company file (`company.md`): front matter, prep, checklist, follow-ups."""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from interview_prep.core.models import ChecklistItem, Company
from interview_prep.errors import PrepError
from interview_prep.output import one_line
from interview_prep.storage import frontmatter
from interview_prep.storage.atomic import atomic_write, folder_lock, read_text, rewrite
from interview_prep.storage.home import ensure_home, make_private_dir, refuse_broken_link
from interview_prep.storage.slug import clean_name, is_slug, name_key, slugify

FORMAT_VERSION = 1  # interview files
COMPANY_FORMAT = 2  # company.md: format 1 plus the schedule, history and due blocks (storage/records.py)
COMPANY_FILE = "company.md"
_CHECK_LINE = re.compile(r"^- \[([ xX])\] (.*?) <!-- ([qf]):([a-z0-9-]+) -->$")


# `prep list` imports this module, so what only writing a company file needs stays
# out of its import: these two are plain classes (creating a dataclass costs
# ~0.5 ms), and storage.blocks (~1.3 ms) is imported by the functions that use it.


class ChecklistGroup:
    """A titled group of checklist lines: (question id, text, priority) each, and the one-line
    caution of any question that has one, by id (written on the line below it)."""

    __slots__ = ("cautions", "items", "title")

    def __init__(
        self, title: str, items: Sequence[tuple[str, str, str]], cautions: Mapping[str, str] | None = None
    ) -> None:
        self.title = title
        self.items = items
        self.cautions = cautions or {}


class PrepSection:
    """One of the candidate's prep answers: a text, or a list of items."""

    __slots__ = ("answer", "title")

    def __init__(self, title: str, answer: str | list[str]) -> None:
        self.title = title
        self.answer = answer


def company_dir(home: Path, slug: str) -> Path:
    if not is_slug(slug):  # defence in depth: slugs come from slugify
        raise PrepError(f"{slug!r} is not a valid company folder name.")
    folder = home / slug
    refuse_escape(home, folder)
    return folder


def company_file(home: Path, slug: str) -> Path:
    return company_dir(home, slug) / COMPANY_FILE


def create_company(
    home: Path,
    company: Company,
    prep: Sequence[PrepSection],
    checklist: Sequence[ChecklistGroup],
) -> Path:
    """Write a new company's folder and file; never overwrites an existing company."""
    ensure_home(home)
    ensure_new(home, company)
    folder = company_dir(home, company.slug)
    path = folder / COMPANY_FILE
    make_private_dir(folder)
    with folder_lock(folder):
        if path.exists():  # created by a concurrent `prep new`
            raise PrepError(f"'{company.name}' already exists ({_relative(home, path)}).")
        atomic_write(
            path,
            render_company(company, prep, checklist),
            verify=lambda text: check_company_text(text, company.slug, path),
        )
    return path


def ensure_new(home: Path, company: Company) -> None:
    """Refuse a company whose folder is taken, naming the owner and a way out."""
    path = company_file(home, company.slug)
    if not path.exists():
        return
    existing = read_company(home, company.slug)
    if name_key(existing.name) != name_key(company.name):
        raise PrepError(
            f"'{company.name}' would share the folder '{company.slug}' with '{existing.name}'. "
            f"If it is the same company, use '{existing.name}'; if not, give a distinct name "
            f"such as '{free_name(home, company.name)}'."
        )
    raise PrepError(
        f"'{existing.name}' already exists ({_relative(home, path)}). "
        f"Open it with `prep open {company.slug}`, or pick another name."
    )


def free_name(home: Path, name: str) -> str:
    """A variant of `name` that `prep new` accepts: valid, and its folder not taken."""
    from interview_prep.storage.slug import MAX_NAME

    for number in range(2, 1000):
        tag = str(number)
        for candidate in (f"{name} {tag}", f"{tag} {name[: MAX_NAME - len(tag) - 1]}"):
            try:
                slug = slugify(candidate)
            except PrepError:
                continue
            if not (home / slug).exists():
                return clean_name(candidate)
    return f"{name[:60]} (new)"  # pragma: no cover - a thousand clashes


def render_company(company: Company, prep: Sequence[PrepSection], checklist: Sequence[ChecklistGroup]) -> str:
    from interview_prep.storage import blocks

    fields: dict[str, Any] = {
        "format": COMPANY_FORMAT,
        "name": company.name,
        "slug": company.slug,
        "role": company.role,
        "stage": company.stage,
        "size": company.size,
        "manager": company.manager,
        "track": company.track,
        "type": company.company_type,
        "interviewers": company.interviewers,
        "status": company.status,
        "created": company.created,
    }
    parts = [
        frontmatter.render(fields),
        f"# {company.name}\n\n",
        "These notes are yours to edit. prep only rewrites what sits between its\n"
        "`prep:begin` / `prep:end` markers, and ticks checklist boxes.\n\n",
        blocks.wrap_section("prep", render_prep(prep)),
        "\n",
        blocks.wrap_section("checklist", render_checklist(checklist)),
    ]
    return "".join(parts)


def render_checklist(groups: Sequence[ChecklistGroup]) -> str:
    lines = ["## Questions to ask", ""]
    for group in groups:
        if not group.items:
            continue
        lines += [f"### {one_line(group.title)}", ""]
        for question_id, text, priority in group.items:
            lines.append(f"- [ ] {one_line(text)} _({priority})_ <!-- q:{question_id} -->")
            if caution := group.cautions.get(question_id):
                lines.append(f"  - {one_line(caution)}")
        lines.append("")
    return "\n".join(lines)


def render_prep(sections: Sequence[PrepSection]) -> str:
    from interview_prep.storage import blocks

    lines = ["## My prep", ""]
    if not sections:
        lines += ["_Write your key messages, a recent win and why this company here._", ""]
    for section in sections:
        lines += [f"### {one_line(section.title)}", ""]
        if isinstance(section.answer, list):
            lines += [f"- {one_line(item)}" for item in section.answer]
        else:
            lines.append(blocks.escape_text(section.answer))
        lines.append("")
    return "\n".join(lines)


def read_company(home: Path, slug: str) -> Company:
    return read_company_text(home, slug)[0]


def read_company_text(home: Path, slug: str) -> tuple[Company, str]:
    """The company and its file's text, read once (for what else the file holds)."""
    path = company_file(home, slug)
    text = read_text(path)
    return company_from_fields(frontmatter.parse(text, path).fields, slug, path), text


def company_from_fields(fields: dict[str, Any], slug: str, path: Path) -> Company:
    name = fields.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PrepError(f"{path}:2:1: the front matter has no 'name'. Add a line like: name: \"Acme\"")
    interviewers = fields.get("interviewers") or []
    return Company(
        name=name,
        slug=slug,
        role=str(fields.get("role") or ""),
        stage=_optional_str(fields.get("stage")),
        size=_optional_str(fields.get("size")),
        manager=bool(fields.get("manager")),
        track=_optional_str(fields.get("track")),
        company_type=_optional_str(fields.get("type")),
        interviewers=[str(item) for item in interviewers] if isinstance(interviewers, list) else [],
        status=str(fields.get("status") or "researching"),
        created=str(fields.get("created") or ""),
    )


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def company_slugs(home: Path) -> list[str]:
    """Every company folder in the data home, sorted."""
    refuse_broken_link(home)
    if not home.is_dir():
        return []
    # lexists, not is_file: a company.md that is a link, a pipe or a folder is listed, and reading
    # it gives that company's error line instead of the company silently vanishing.
    return sorted(
        entry.name
        for entry in home.iterdir()
        if is_slug(entry.name) and os.path.lexists(entry / COMPANY_FILE)
    )


def list_companies(home: Path, problems: list[str] | None = None) -> list[Company]:
    """Every company that reads; with `problems`, a company that does not is one line there, not a raise."""
    found = []
    for slug in company_slugs(home):
        try:
            found.append(read_company(home, slug))
        except PrepError as error:
            if problems is None:
                raise
            problems.append(error.message)
    return found


def resolve_company(home: Path, name: str) -> Company:
    """The company a user typed: its folder name, or its display name (NFC, case folded).

    A company found by a name that only slugs the same ("C++ Corp" finds the folder
    of "C Corp") is never used: the error names the company found and how to reach it."""
    typed = clean_name(name)
    slug = slugify(typed)
    if os.path.lexists(company_dir(home, slug) / COMPANY_FILE):  # read_company says if it is not a file
        found = read_company(home, slug)
        if typed == slug or name_key(found.name) == name_key(typed):
            return found
        same_name = _by_display_name(home, typed)
        if same_name is not None:
            return same_name
        raise PrepError(_not_that_company(name, found))
    same_name = _by_display_name(home, typed)
    if same_name is not None:  # e.g. a name stored before names were kept in NFC
        return same_name
    known = company_slugs(home)
    extended = [other for other in known if other.startswith(slug + "-")]
    if len(extended) == 1:  # `acme` for "Acme, Inc." (acme-inc): say so rather than guess
        raise PrepError(_not_that_company(name, read_company(home, extended[0])))
    close = difflib.get_close_matches(slug, known, n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    if not known:
        hint = " Create it first with `prep new " + _quote(name) + "`."
    elif not close:
        hint = " `prep list` shows your companies."
    raise PrepError(f"No company named '{name}' in {home}.{hint}")


def _by_display_name(home: Path, typed: str) -> Company | None:
    wanted = name_key(typed)
    for slug in company_slugs(home):
        company = read_company(home, slug)
        if name_key(company.name) == wanted:
            return company
    return None


def _not_that_company(name: str, found: Company) -> str:
    return (
        f"No company named '{name}'; the closest is '{found.name}' (folder {found.slug}). "
        f"If you meant it, use `{found.slug}`; if not, create it with `prep new {_quote(name)}`."
    )


def _quote(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9._-]+", name) else f'"{name}"'


def update_company_file(home: Path, slug: str, edit: Callable[[str, Path], str]) -> None:
    """Read-modify-write the company file under its lock; `edit(text, path) -> text`.

    A file prep cannot read is refused before the edit, and the new text is read
    back before it replaces the old (atomic.rewrite).
    """
    folder = company_dir(home, slug)
    path = folder / COMPANY_FILE
    with folder_lock(folder):
        rewrite(path, lambda text: edit(text, path), lambda text: check_company_text(text, slug, path))


def check_company_text(text: str, slug: str, path: Path) -> None:
    """PrepError unless every part prep reads in a company file reads: front matter and blocks."""
    from interview_prep.storage import blocks

    company_from_fields(frontmatter.parse(text, path).fields, slug, path)
    for name in ("prep", "checklist", "followups"):
        blocks.find_section(text, name, path)


def set_status(home: Path, slug: str, status: str) -> None:
    """Change the status field and, when it really changes, add a dated line to the status history."""
    from datetime import datetime

    from interview_prep.storage import records

    def edit(text: str, path: Path) -> str:
        old = frontmatter.parse(text, path).fields.get("status") or "researching"
        text = frontmatter.set_field(text, "status", status, path)
        if old == status:
            return text
        at = datetime.now().astimezone()
        fields = {"at": at.isoformat(timespec="seconds"), "from": str(old), "to": status}
        return records.with_record(
            text, path, records.HISTORY, fields, f"{at:%Y-%m-%d %H:%M}: {old} -> {status}"
        )

    update_company_file(home, slug, edit)


def read_checklist(home: Path, slug: str) -> list[ChecklistItem]:
    path = company_file(home, slug)
    return parse_checklist(read_text(path), path)


def parse_checklist(text: str, path: Path) -> list[ChecklistItem]:
    from interview_prep.storage import blocks

    inner = blocks.read_section(text, "checklist", path) or ""
    items = []
    for line in inner.split("\n"):
        match = _CHECK_LINE.match(line)
        if match and match.group(3) == "q":
            items.append(ChecklistItem(match.group(4), match.group(2), match.group(1) != " "))
    return items


def tick(text: str, path: Path, section: str, prefix: str, ids: Iterable[str]) -> str:
    """Tick the boxes of `ids` inside one owned section; every other byte stays."""
    from interview_prep.storage import blocks

    wanted = set(ids)
    span = blocks.find_section(text, section, path)
    if span is None or not wanted:
        return text
    start, end = span
    lines = text[start:end].split("\n")
    for index, line in enumerate(lines):
        match = _CHECK_LINE.match(line)
        if match and match.group(3) == prefix and match.group(4) in wanted and match.group(1) == " ":
            lines[index] = "- [x]" + line[5:]
    return text[:start] + "\n".join(lines) + text[end:]


def tick_checklist(home: Path, slug: str, question_ids: Iterable[str]) -> None:
    ids = list(question_ids)
    update_company_file(home, slug, lambda text, path: tick(text, path, "checklist", "q", ids))


@functools.lru_cache(maxsize=4)
def _resolved_home(home: Path) -> Path:
    """home.resolve(), once per run: `prep review` checks every company folder against it."""
    return home.resolve()


def refuse_escape(home: Path, target: Path) -> None:
    """No input may make prep read or write outside the data home (symlinks included)."""
    if _no_link_below(home, target):
        return
    try:
        resolved_home = _resolved_home(home)
        resolved = target.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        raise PrepError(
            f"Cannot tell where {target} points (a symbolic link loop?). "
            "Replace the link with a real folder inside the data home."
        ) from None
    if resolved != resolved_home and resolved_home not in resolved.parents:
        raise PrepError(
            f"{target} points outside the data home {home} (a symbolic link?). "
            "prep only reads and writes inside its data home; replace the link with a folder."
        )


def _no_link_below(home: Path, target: Path) -> bool:
    """True for `home/a/b...` when no part below the home is a symbolic link or `..`.

    Such a path is inside the home wherever the home itself is, so it needs no
    resolving: one lstat per part instead of one per part of the whole path
    (`prep review` checks ~8 paths per company).
    """
    try:
        parts = target.relative_to(home).parts
    except ValueError:
        return False
    path = str(home)
    for part in parts:
        if part == "..":
            return False
        path = os.path.join(path, part)
        if os.path.islink(path):
            return False
    return True


def _relative(home: Path, path: Path) -> str:
    try:
        return str(path.relative_to(home))
    except ValueError:
        return str(path)


def done_followups(text: str, path: Path) -> set[str]:
    from interview_prep.storage import blocks

    inner = blocks.read_section(text, "followups", path) or ""
    done = set()
    for line in inner.split("\n"):
        match = _CHECK_LINE.match(line)
        if match and match.group(3) == "f" and match.group(1) != " ":
            done.add(match.group(4))
    return done


def mark_followup_done(home: Path, slug: str, item_id: str, label: str) -> None:
    """Tick a follow-up in the company file's follow-ups block (added on first use), and date it."""
    from datetime import datetime

    from interview_prep.storage import blocks, records

    def edit(text: str, path: Path) -> str:
        inner = blocks.read_section(text, "followups", path)
        if inner is None:
            inner = "## Follow-ups done\n\n"
        if f"<!-- f:{item_id} -->" in inner:
            text = tick(text, path, "followups", "f", [item_id])
        else:
            inner += f"- [x] {one_line(label)} <!-- f:{item_id} -->\n"
            text = blocks.replace_section(text, "followups", inner, path)
        at = datetime.now().astimezone()  # when it was done: `prep stats` counts follow-ups done on time
        fields = {"id": item_id, "at": at.isoformat(timespec="seconds")}
        words = f"{item_id}: done {at:%Y-%m-%d %H:%M}"
        return records.with_record(
            text, path, records.DONE, fields, words, lambda old: old.get("id") == item_id
        )

    update_company_file(home, slug, edit)


def set_prep(home: Path, slug: str, sections: Sequence[PrepSection]) -> None:
    """Rewrite the prep block (used while `prep new` collects it, one answer at a time)."""
    from interview_prep.storage import blocks

    inner = render_prep(sections)
    update_company_file(home, slug, lambda text, path: blocks.replace_section(text, "prep", inner, path))
