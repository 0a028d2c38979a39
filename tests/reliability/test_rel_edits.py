"""Class D and I (files): prep's own edits never break a file a person edited validly, a file from a
future format is refused and never rewritten, and one company's unreadable file never takes the
pipeline down for the others.

The hand-edited front matter is generated: every field of a real company file is rewritten in one
of the YAML forms a person may use (plain, single- or double-quoted, quoted key, trailing comment,
block scalars with each chomping, a tag, the value on its own line, a whole flow map). Each form is
checked to read exactly as the JSON prep wrote, so the only question is what prep's edit does.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import relkit
from handmade import hand_edited, header_lines
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from interview_prep.errors import PrepError
from interview_prep.storage import blocks, companies, frontmatter, interviews

PRISTINE: dict[Path, str] = {}
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example is a few CLI runs
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _one_line_or_success(outcome: relkit.Outcome) -> bool:
    assert outcome.exception is None, repr(outcome.exception)
    assert relkit.TRACEBACK not in outcome.stdout + outcome.stderr
    if outcome.code == 0:
        return True
    assert len(outcome.stderr.splitlines()) == 1, outcome.stderr
    return False


@pytest.fixture
def acme(prep_home: Path) -> Path:
    relkit.new_company("acme", "--role", "Staff Engineer", "--stage", "startup", "--interviewer", "engineer")
    return companies.company_file(prep_home, "acme")


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_a_status_change_keeps_every_valid_front_matter_form_readable(
    data: st.DataObject, acme: Path, prep_home: Path
) -> None:
    pristine = PRISTINE.setdefault(
        acme, acme.read_text(encoding="utf-8")
    )  # the fixture lives for all examples
    edited = data.draw(hand_edited(pristine), label="company.md")
    acme.write_text(edited, encoding="utf-8")
    before = companies.read_company(prep_home, "acme")
    assert relkit.invoke("list").code == 0
    command = data.draw(
        st.sampled_from([("status", "acme", "offer"), ("answer", "acme", "love", "the people")]), label="cmd"
    )
    outcome = relkit.invoke(*command)
    if _one_line_or_success(outcome):
        after = companies.read_company(prep_home, "acme")
        wanted = "offer" if command[0] == "status" else "interviewing"
        assert after.status == wanted
        assert {**vars(before), "status": wanted} == vars(after)
        assert relkit.invoke("list").code == 0
    else:
        assert "status" in outcome.stderr and str(acme) in outcome.stderr
        assert acme.read_text(encoding="utf-8") == edited


@pytest.mark.slow
@pytest.mark.parametrize(
    "form",
    [
        'status: |\n  researching\nrole: "Staff Engineer"',
        "status: >-\n  researching\n# after",
        '"status": "researching" # quoted key',
        "'status': researching",
        'status: "researching"   # trailing comment: keep it',
        "status:\n  researching",
    ],
    ids=["literal-block", "folded-block", "double-quoted-key", "single-quoted-key", "comment", "next-line"],
)
def test_each_named_form_is_preserved_around_the_status(form: str, acme: Path, prep_home: Path) -> None:
    """The examples of the issue's class, each spelled out: only the value changes, the rest stays."""
    text = acme.read_text(encoding="utf-8")
    text = text.replace('status: "researching"', form, 1).replace('role: "Staff Engineer"\n', "", 1)
    if "role:" not in text:
        text = text.replace("format: 1\n", 'format: 1\nrole: "Staff Engineer"\n', 1)
    acme.write_text(text, encoding="utf-8")
    assert relkit.invoke("status", "acme", "offer").code == 0
    after = acme.read_text(encoding="utf-8")
    assert companies.read_company(prep_home, "acme").status == "offer"
    for line in form.split("\n"):
        if line.startswith("#") or "#" in line:
            comment = line[line.index("#") :]
            assert comment in after
    assert after.split("---\n", 2)[2].startswith(
        text.split("---\n", 2)[2]
    )  # the body is kept (a history block may follow)


def test_a_key_that_cannot_be_added_is_refused_before_writing(acme: Path, prep_home: Path) -> None:
    """A flow-map front matter with no `status`: adding a line would break it, so prep refuses."""
    fields, body = header_lines(acme.read_text(encoding="utf-8"))
    pairs = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in fields if k != "status")
    text = f"---\n{{{pairs}}}\n---\n{body}"
    acme.write_text(text, encoding="utf-8")
    relkit.assert_one_line_error(relkit.invoke("status", "acme", "offer"), 2, str(acme), "status: ")
    assert acme.read_text(encoding="utf-8") == text
    assert relkit.invoke("list").code == 0


def test_finishing_an_interview_keeps_its_hand_edited_front_matter(prep_home: Path) -> None:
    relkit.new_company("acme")
    company = companies.read_company(prep_home, "acme")
    path = interviews.start_interview(prep_home, company, "onsite", [], "2026-11-22T14:20:00+00:00")
    text = path.read_text(encoding="utf-8").replace("finished: false", "finished: |-\n  false # not yet", 1)
    text = text.replace("finished: |-\n  false # not yet", "'finished': false # not yet", 1)
    path.write_text(text, encoding="utf-8")
    interviews.set_finished(path)
    after = path.read_text(encoding="utf-8")
    assert "'finished': true # not yet" in after
    assert interviews.load_interview(path).finished is True


# Never write what prep cannot read back -------------------------------------------------------------


def _break_the_end_marker(real: Callable[..., str]) -> Callable[..., str]:
    def broken(kind: str, meta: dict[str, object], text: str) -> str:
        return real(kind, meta, text).replace("<!-- prep:end", "<!-- prep:end-ish", 1)

    return broken


@pytest.mark.slow
def test_an_edit_that_would_not_read_back_is_never_written(
    acme: Path, prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulates a bug in prep's own formatting: the read-back before the rename catches it."""
    assert relkit.invoke("note", "acme", "first").code == 0
    (path,) = interviews.list_interview_paths(prep_home, "acme")
    before = relkit.snapshot(prep_home)
    monkeypatch.setattr(blocks, "format_entry", _break_the_end_marker(blocks.format_entry))
    relkit.assert_one_line_error(relkit.invoke("note", "acme", "second"), 1, str(path), "unchanged")
    assert relkit.snapshot(prep_home) == before
    assert relkit.temp_files(prep_home) == []

    monkeypatch.setattr(frontmatter, "dump_value", lambda value: "[unclosed")
    relkit.assert_one_line_error(relkit.invoke("status", "acme", "offer"), 2, str(acme))
    assert relkit.snapshot(prep_home) == before


# One broken company never takes the others down -------------------------------------------------


def _break(kind: str, home: Path, slug: str) -> None:
    path = companies.company_file(home, slug)
    interview = (interviews.list_interview_paths(home, slug) or [None])[-1]
    if kind == "front-matter":
        path.write_text(
            re.sub(r"(?m)^format: ([0-9]+)$", r"format: [\1", path.read_text(encoding="utf-8"), count=1),
            encoding="utf-8",
        )
    elif kind == "no-name":
        path.write_text(path.read_text(encoding="utf-8").replace('name: "Bad"\n', "", 1), encoding="utf-8")
    elif kind == "future-format":
        path.write_text(
            re.sub(r"(?m)^format: [0-9]+$", "format: 7", path.read_text(encoding="utf-8"), count=1),
            encoding="utf-8",
        )
    elif kind == "broken-markers":
        assert interview is not None
        text = interview.read_text(encoding="utf-8").replace("<!-- prep:end 1 -->", "", 1)
        interview.write_text(text, encoding="utf-8")
    elif kind == "not-utf8":
        path.write_bytes(path.read_bytes().replace(b"Bad", b"B\xe9d", 1))
    elif kind == "symlink":
        outside = home.parent / "outside.md"
        outside.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        path.unlink()
        path.symlink_to(outside)
    elif kind == "fifo":
        path.unlink()
        os.mkfifo(path)
    elif kind == "folder":
        path.unlink()
        path.mkdir()
    else:  # pragma: no cover
        raise AssertionError(kind)


BREAKS = [
    "front-matter",
    "no-name",
    "future-format",
    "broken-markers",
    "not-utf8",
    "symlink",
    "fifo",
    "folder",
]


@pytest.mark.slow
@pytest.mark.parametrize("kind", BREAKS)
@pytest.mark.parametrize("command", [("list",), ("review",), ("list", "--json"), ("review", "--json")])
def test_one_unreadable_company_is_one_line_and_the_others_still_show(
    kind: str, command: tuple[str, ...], prep_home: Path
) -> None:
    for name in ("Alpha", "Bad", "Zulu"):
        relkit.new_company(name)
        assert relkit.invoke("note", name, f"note for {name}").code == 0
    _break(kind, prep_home, "bad")
    outcome = relkit.invoke(*command)
    assert outcome.exception is None, repr(outcome.exception)
    if kind == "broken-markers" and command[0] == "list":  # the pipeline never reads interviews
        assert outcome.code == 0 and "Bad" in outcome.stdout
        return
    assert outcome.code == 2, (outcome.stdout, outcome.stderr)
    (line,) = outcome.stderr.splitlines()
    assert str(prep_home / "bad") in line
    assert relkit.TRACEBACK not in outcome.stdout + outcome.stderr
    if "--json" in command:
        data = json.loads(outcome.stdout)
        assert sorted(row["name"] for row in data["companies"]) == ["Alpha", "Zulu"]
        assert len(data["errors"]) == 1
    else:
        assert "Alpha" in outcome.stdout and "Zulu" in outcome.stdout


# I (files): the format version is checked -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("version", ["3", "99", "123456789012345678", '"1"', "true", "1.0", "0", "-1", "[1]"])
def test_a_file_in_another_format_is_refused_and_never_rewritten(version: str, prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "hello").code == 0
    company = companies.company_file(prep_home, "acme")
    (interview,) = interviews.list_interview_paths(prep_home, "acme")
    uses = {
        company: [("note", "acme", "more"), ("status", "acme", "offer"), ("review", "acme", "--no-input")],
        interview: [
            ("note", "acme", "more"),
            ("reflect", "acme", "--gut", "3"),
            ("review", "acme", "--no-input"),
        ],
    }
    for path, commands in uses.items():
        original = {p: p.read_bytes() for p in (company, interview)}
        text = re.sub(
            r"(?m)^format: [0-9]+$", f"format: {version}", path.read_text(encoding="utf-8"), count=1
        )
        path.write_text(text, encoding="utf-8")
        before = relkit.snapshot(prep_home)
        for args in commands:
            outcome = relkit.invoke(*args)
            relkit.assert_one_line_error(outcome, 2, f"{path}:2:1:", "format")
            assert relkit.snapshot(prep_home) == before
        for stored, data in original.items():
            stored.write_bytes(data)


def test_a_missing_format_line_is_read_as_version_one(prep_home: Path) -> None:
    relkit.new_company("acme")
    path = companies.company_file(prep_home, "acme")
    path.write_text(
        re.sub(r"(?m)^format: [0-9]+\n", "", path.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )
    assert relkit.invoke("status", "acme", "offer").code == 0
    assert companies.read_company(prep_home, "acme").status == "offer"


def test_parse_refuses_a_future_format_directly() -> None:
    with pytest.raises(PrepError, match="newer prep"):
        frontmatter.parse('---\nformat: 3\nname: "x"\n---\n', Path("f.md"))
