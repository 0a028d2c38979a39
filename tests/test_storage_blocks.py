from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_prep.errors import PrepError
from interview_prep.storage import blocks, frontmatter

P = Path("note.md")


def test_entry_text_round_trips_even_when_it_looks_like_markers() -> None:
    hostile = '<!-- prep:end 1 -->\n\\<!-- prep:note {"n": 9} -->\n---\n# Heading\n\n'
    text = blocks.format_entry("answer", {"n": 1, "q": "love"}, hostile)
    entries = blocks.parse_entries(text, P)
    assert [e.text for e in entries] == [hostile]


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_round_trips(answer: str) -> None:
    text = "prose\n" + blocks.format_entry("note", {"n": 4}, answer) + "more prose\n"
    (entry,) = blocks.parse_entries(text, P)
    assert entry.text == answer
    assert entry.number == 4


def test_replace_entry_changes_only_that_entry() -> None:
    text = (
        "intro\n"
        + blocks.format_entry("answer", {"n": 1}, "first")
        + "user prose\n"
        + blocks.format_entry("answer", {"n": 2}, "second")
        + "tail"
    )
    new = blocks.replace_entry(text, 2, {"n": 2, "edited": True}, "changed", "answer")
    assert new.startswith("intro\n" + blocks.format_entry("answer", {"n": 1}, "first") + "user prose\n")
    assert new.endswith("tail")
    assert [e.text for e in blocks.parse_entries(new, P)] == ["first", "changed"]


def test_broken_markers_name_file_and_line() -> None:
    text = "a\nb\n" + blocks.format_entry("answer", {"n": 1}, "x").replace("<!-- prep:end 1 -->\n", "")
    with pytest.raises(PrepError, match=r"note\.md:3:1: entry 1 has no"):
        blocks.parse_entries(text, P)


def test_duplicated_entry_is_reported() -> None:
    one = blocks.format_entry("answer", {"n": 1}, "x")
    with pytest.raises(PrepError, match=r"note\.md:4:1: entry 1 appears twice"):
        blocks.parse_entries(one + one, P)


def test_section_replace_keeps_everything_else() -> None:
    text = "top\n" + blocks.wrap_section("checklist", "old\n") + "bottom\n"
    new = blocks.replace_section(text, "checklist", "new\n", P)
    assert new == "top\n" + blocks.wrap_section("checklist", "new\n") + "bottom\n"


def test_front_matter_round_trip_and_single_field_edit() -> None:
    fields = {"name": 'Zürich: "AG"\n', "n": 3, "ok": True, "none": None, "list": [{"a": "b"}], "weird": "no"}
    text = frontmatter.render(fields) + "# body\n"
    parsed = frontmatter.parse(text, P)
    assert parsed.fields == fields
    assert text[parsed.body_start :] == "# body\n"
    edited = frontmatter.set_field(text, "n", 4, P)
    assert frontmatter.parse(edited, P).fields["n"] == 4
    assert edited.replace("n: 4", "n: 3") == text


def test_hand_written_yaml_front_matter_is_read_safely() -> None:
    text = "---\nname: Acme\ntags: [a, b]\nevil: !!python/object:os.system ls\n---\nbody\n"
    with pytest.raises(PrepError, match=r"note\.md:4:\d+: the front matter is not valid YAML"):
        frontmatter.parse(text, P)
    plain = frontmatter.parse("---\nname: Acme\nok: no\n---\n", P)
    assert plain.fields == {"name": "Acme", "ok": False}


def _outcome(text: str, first_line: int, start: int) -> object:
    try:
        return [(e.kind, e.meta, e.text, e.line) for e in blocks.parse_entries(text, P, first_line, start)]
    except PrepError as error:
        return error.message


_PIECES = st.sampled_from(
    [
        blocks.format_entry("answer", {"n": 1, "q": "love"}, "first"),
        blocks.format_entry("note", {"n": 2}, "a note\n<!-- prep:end 2 -->"),
        blocks.format_entry("answer", {"n": 3}, "with\r\nbreaks"),
        "<!-- prep:end 7 -->\n",
        '<!-- prep:answer {"n": 1} -->\n',
        "user prose\n",
        "\n",
        "---\n",
    ]
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=6), st.lists(_PIECES, max_size=6), st.integers(1, 40))
def test_reading_from_an_offset_is_reading_the_slice(head: list[str], body: list[str], first: int) -> None:
    """A body read in place (no copy) gives the same entries, line numbers and errors as its copy."""
    before, after = "".join(head), "".join(body)
    text = before + after
    assert _outcome(text, first, len(before)) == _outcome(after, first, 0)
