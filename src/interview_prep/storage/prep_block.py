"""The candidate's own prep in `company.md`, read back section by section and merged on update.

`prep new` saves each prep answer the moment it is entered; `prep new COMPANY --prep`
later finishes the prompts left unanswered. Both merge into the prep block: a
section not being written keeps its text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from interview_prep.storage import blocks
from interview_prep.storage import companies as store
from interview_prep.storage.atomic import read_text

PrepAnswer = str | list[str]


def read_prep(home: Path, slug: str, kinds: Mapping[str, str]) -> dict[str, PrepAnswer]:
    """The answers in the prep block, by prompt title; `kinds` maps each title to "list" or "text"."""
    path = store.company_file(home, slug)
    return parse_prep(blocks.read_section(read_text(path), "prep", path) or "", kinds)


def first_list(home: Path, slug: str) -> list[str]:
    """The list items under the prep block's first heading: the company's own key messages."""
    import re

    path = store.company_file(home, slug)
    inner = blocks.read_section(read_text(path), "prep", path) or ""
    sections = re.split(r"^### ", inner, flags=re.M)
    if len(sections) < 2:
        return []
    return [
        line[2:].strip() for line in sections[1].splitlines() if line.startswith("- ") and line[2:].strip()
    ]


def parse_prep(inner: str, kinds: Mapping[str, str]) -> dict[str, PrepAnswer]:
    headings = {f"### {' '.join(title.split())}": title for title in kinds}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in inner.split("\n"):
        if line in headings:
            current = found.setdefault(headings[line], [])
        elif current is not None:
            current.append(line)
    answers: dict[str, PrepAnswer] = {}
    for title, lines in found.items():
        if kinds[title] == "list":
            items = [line[2:] for line in lines if line.startswith("- ") and line[2:].strip()]
            if items:
                answers[title] = items
        else:
            text = blocks.unescape_text("\n".join(lines).strip("\n"))
            if text.strip():
                answers[title] = text
    return answers


def merge_prep(
    home: Path, slug: str, new: Sequence[tuple[str, PrepAnswer]], kinds: Mapping[str, str]
) -> None:
    """Write `new` answers into the prep block (one locked step); every other answer stays.

    Sections come in the order of `kinds` (the prompts' order)."""

    def edit(text: str, path: Path) -> str:
        answers = parse_prep(blocks.read_section(text, "prep", path) or "", kinds)
        answers.update(dict(new))
        sections = [store.PrepSection(title, answers[title]) for title in kinds if title in answers]
        return blocks.replace_section(text, "prep", store.render_prep(sections), path)

    store.update_company_file(home, slug, edit)
