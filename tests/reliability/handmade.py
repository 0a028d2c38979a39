"""Front matter as a person may write it by hand: each field in one of the YAML forms that read the
same as the JSON prep writes (shared by the edit tests and the fuzzer)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import strategies as st

from interview_prep.storage import frontmatter


def scalar_forms(key: str, value: object) -> list[str]:
    """Lines (possibly several) that a person might write for `key: value` in block style."""
    as_json = json.dumps(value, ensure_ascii=False)
    forms = [f"{key}: {as_json}", f'"{key}": {as_json}', f"'{key}': {as_json}", f"{key}: {as_json}  # mine"]
    forms.append(f"{key}:\n  {as_json}")
    if isinstance(value, str) and value and "\n" not in value and value.strip() == value:
        quoted = value.replace("'", "''")
        forms += [f"{key}: '{quoted}'", f"{key}: !!str '{quoted}'", f"{key}: '{quoted}' # a comment: yes"]
        forms += [f"{key}: |-\n  {value}", f"{key}: >-\n  {value}", f"{key}: |-\n    {value}\n"]
        if yaml.safe_load(f"k: {value}") == {"k": value}:
            forms += [f"{key}: {value}", f"{key}: {value} # plain, with a comment"]
    if isinstance(value, list):
        forms.append(
            f"{key}:" + "".join(f"\n  - {json.dumps(item)}" for item in value) if value else f"{key}: []"
        )
    if value is None:
        forms += [f"{key}:", f"{key}: ~", f"{key}: null # not set yet"]
    if isinstance(value, bool):
        forms += [f"{key}: {'true' if value else 'false'}", f"{key}: {'True' if value else 'False'}"]
    # Each form must read as the value prep wrote, or it is not a valid edit of it.
    return [form for form in forms if yaml.safe_load(form) == {key: value}]


def header_lines(text: str) -> tuple[list[tuple[str, object]], str]:
    """The (key, value) pairs of prep's own front matter and the body after it."""
    fm = frontmatter.parse(text, Path("x"))
    return list(fm.fields.items()), text[fm.body_start :]


@st.composite
def hand_edited(draw: st.DrawFn, text: str) -> str:
    """`text` (a prep-written file) with its front matter rewritten in a person's YAML forms."""
    fields, body = header_lines(text)
    if draw(st.booleans()) and all(not isinstance(v, list) or v for _k, v in fields):
        pairs = ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields)
        return f"---\n{{{pairs}}}\n---\n{body}"
    lines = [draw(st.sampled_from(scalar_forms(key, value))) for key, value in fields]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "# a comment of my own: keep it")
    return "---\n" + "\n".join(lines) + "\n---\n" + body
