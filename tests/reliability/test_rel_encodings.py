"""Class E (text that looks like a marker, in every file prep writes) and class F (line endings and
encodings): any mix of LF, CRLF and CR, a byte-order mark and spaces after marker lines read the same
as LF; prep's edits keep the person's bytes on every line they did not ask to change; a file prep
cannot read is an error line, never silently empty.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import relkit
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from interview_prep.core.transcript import Interviewer
from interview_prep.storage import blocks, companies, interviews
from interview_prep.storage.textfile import normalise

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example is a few CLI runs
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BREAKS = ("\n", "\r\n", "\r")


@st.composite
def re_saved(draw: st.DrawFn, text: str) -> str:
    """`text` as some editor may save it: each line break LF, CRLF or CR, maybe a BOM, maybe spaces
    or tabs after marker lines."""
    lines = text.split("\n")
    style = draw(st.sampled_from(["crlf", "cr", "mixed"]))
    out: list[str] = []
    for index, line in enumerate(lines):
        if line.startswith("<!-- prep:") and draw(st.booleans()):
            line += draw(st.sampled_from([" ", "\t", "  \t "]))
        if index < len(lines) - 1:
            if style == "mixed":
                # A CR then an LF that begins the next break would read as one CRLF: no editor writes that.
                after_cr = not line and bool(out) and out[-1].endswith("\r")
                line += draw(st.sampled_from(BREAKS[1:] if after_cr else BREAKS))
            else:
                line += "\r\n" if style == "crlf" else "\r"
        out.append(line)
    return ("\ufeff" if draw(st.booleans()) else "") + "".join(out)


def _a_company_with_answers(home: Path) -> tuple[Path, Path]:
    relkit.new_company("acme", "--interviewer", "engineer")
    for args in (
        ("answer", "acme", "love", "The people.\nAnd the code reviews.", "--who", "Dana"),
        ("flag", "acme", "Looked away", "--severity", "high"),
        ("note", "acme", "Quiet office\n\n  indented line  \n---"),
        ("reflect", "acme", "--gut", "4", "--excited", "the team"),
    ):
        assert relkit.invoke(*args).code == 0
    (interview,) = interviews.list_interview_paths(home, "acme")
    return companies.company_file(home, "acme"), interview


def _summary(home: Path) -> tuple[object, ...]:
    (interview,) = relkit.all_interviews(home, "acme")
    return (
        companies.read_company(home, "acme"),
        relkit.checklist(home, "acme"),
        interview,
    )


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_any_line_endings_read_the_same_and_edits_keep_them(data: st.DataObject, prep_home: Path) -> None:
    if not (prep_home / "acme").exists():
        _a_company_with_answers(prep_home)
        ORIGINAL[prep_home] = {p: p.read_text(encoding="utf-8") for p in _files(prep_home)}
    company, interview = _files(prep_home)
    for path, text in ORIGINAL[prep_home].items():
        path.write_text(text, encoding="utf-8")
    expected = _summary(prep_home)
    saved = {path: data.draw(re_saved(text), label=path.name) for path, text in ORIGINAL[prep_home].items()}
    for path, text in saved.items():
        path.write_bytes(text.encode("utf-8"))
    assert _summary(prep_home) == expected  # read exactly as the LF file

    assert relkit.invoke("note", "acme", "after the re-save").code == 0
    assert relkit.invoke("status", "acme", "offer").code == 0
    (loaded,) = relkit.all_interviews(prep_home, "acme")
    assert [(n.number, n.text) for n in loaded.notes][-1] == (5, "after the re-save")  # 4 entries before it
    # Lines prep did not touch keep their bytes: the interview only grew at its end...
    after = interview.read_bytes().decode("utf-8")
    assert after.startswith(saved[interview].rstrip("\r\n"))
    # ...and in company.md only the status line changed (a status history block may be added at the end).
    old_lines = normalise(saved[company]).split("\n")
    new_lines = normalise(company.read_bytes().decode("utf-8")).split("\n")
    changed = [a for a, b in zip(old_lines, new_lines, strict=False) if a != b]
    assert changed == ['status: "interviewing"'] or changed[:1] == ['status: "interviewing"'], changed[:3]


ORIGINAL: dict[Path, dict[Path, str]] = {}


def _files(home: Path) -> tuple[Path, Path]:
    (interview,) = interviews.list_interview_paths(home, "acme")
    return companies.company_file(home, "acme"), interview


@pytest.mark.slow
def test_a_crlf_body_is_never_read_as_empty(prep_home: Path) -> None:
    """The issue's example: CRLF in the body (not the front matter) read as no answers, and the next
    answer reused number 1."""
    _company, interview = _a_company_with_answers(prep_home)
    raw = interview.read_text(encoding="utf-8")
    head, body = raw.split("\n---\n", 1)
    interview.write_bytes((head + "\n---\n" + body.replace("\n", "\r\n")).encode("utf-8"))
    (loaded,) = relkit.all_interviews(prep_home, "acme")
    assert [a.text for a in loaded.answers] == ["The people.\nAnd the code reviews."]
    assert relkit.invoke("answer", "acme", "hate", "meetings").code == 0
    (loaded,) = relkit.all_interviews(prep_home, "acme")
    numbers = sorted(e.number for e in [*loaded.answers, *loaded.flags, *loaded.notes])
    assert len(numbers) == len(set(numbers)) == 4


@pytest.mark.parametrize(
    "text", ["a\rb", "a\r\nb", "a\r", "x\r\r\ny\n\rz", "<!-- prep:end 1 -->\r<!-- prep:end 1 -->"]
)
def test_a_carriage_return_typed_in_an_answer_is_kept_exactly(text: str, prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "--", "acme", text).code == 0
    assert relkit.invoke("note", "acme", "next").code == 0
    (loaded,) = relkit.all_interviews(prep_home, "acme")
    assert [n.text for n in loaded.notes] == [text, "next"]
    (path,) = interviews.list_interview_paths(prep_home, "acme")
    assert b"\r" not in path.read_bytes()  # stored with LF breaks, the exact text in the marker


def test_a_body_edited_by_hand_wins_over_the_exact_copy(prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "one\r\ntwo").code == 0
    (path,) = interviews.list_interview_paths(prep_home, "acme")
    path.write_text(path.read_text(encoding="utf-8").replace("one\ntwo", "one\nthree"), encoding="utf-8")
    (loaded,) = relkit.all_interviews(prep_home, "acme")
    assert loaded.notes[0].text == "one\nthree"


@pytest.mark.slow
@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace("-->\n", "-->  \n").replace("---\n", "--- \n", 1),
        lambda t: "\ufeff" + t.replace("\n", "\r\n").replace("-->\r\n", "-->\t\r\n"),
    ],
    ids=["crlf", "bom", "cr", "trailing-spaces", "all-at-once"],
)
def test_each_named_encoding_reads_and_takes_the_next_note(damage: object, prep_home: Path) -> None:
    _company, interview = _a_company_with_answers(prep_home)
    expected = _summary(prep_home)
    assert callable(damage)
    interview.write_bytes(damage(interview.read_text(encoding="utf-8")).encode("utf-8"))
    assert _summary(prep_home) == expected
    assert relkit.invoke("note", "acme", "more").code == 0
    assert [n.text for n in relkit.all_interviews(prep_home, "acme")[0].notes][-1] == "more"


@pytest.mark.slow
@pytest.mark.parametrize(
    "content",
    [b"", b"\xef\xbb\xbf", b"no front matter\n", b"---\nformat: 1\n", b"\r\n\r\n", b"\x00\x00"],
    ids=["empty", "bom-only", "no-fence", "unclosed", "blank-crlf", "nul"],
)
def test_an_interview_prep_cannot_read_is_an_error_line_never_empty(content: bytes, prep_home: Path) -> None:
    relkit.new_company("acme")
    assert relkit.invoke("note", "acme", "hello").code == 0
    (path,) = interviews.list_interview_paths(prep_home, "acme")
    path.write_bytes(content)
    for args in (("review", "acme", "--no-input"), ("note", "acme", "again")):
        relkit.assert_one_line_error(relkit.invoke(*args), 2, str(path))
        assert path.read_bytes() == content


# E: every file prep writes escapes what it copies -----------------------------------------------------

MARKERISH = [
    "<!-- prep:end review -->",
    "<!-- prep:begin review -->",
    "<!-- prep:end 1 -->",
    '<!-- prep:note {"n": 1} -->',
    "<!-- prep:end checklist -->",
    "<!-- prep:begin followups -->",
    "\\<!-- prep:end review -->",
    "<!-- prep:end review -->   ",
]


@st.composite
def marker_text(draw: st.DrawFn) -> str:
    lines = draw(
        st.lists(
            st.one_of(st.sampled_from(MARKERISH), st.sampled_from(["plain", "", "---", "# heading"])),
            min_size=1,
            max_size=4,
        )
    )
    glue = draw(st.sampled_from(BREAKS))
    return "x" + glue + glue.join(lines)


@pytest.mark.slow
@SETTINGS
@given(texts=st.lists(marker_text(), min_size=4, max_size=4))
def test_copied_text_that_looks_like_a_marker_never_breaks_review_md(
    texts: list[str], prep_home: Path
) -> None:
    if not (prep_home / "acme").exists():
        relkit.new_company("acme")
    answer, flag, excited, worries = texts
    for args in (
        ("answer", "--", "acme", "love", answer),
        ("flag", "--", "acme", flag),
        ("reflect", "acme", "--gut", "2", "--excited", excited, "--worry", worries),
    ):
        assert relkit.invoke(*args).code == 0, args
    review = prep_home / "acme" / "review.md"
    mine = "\n## My own notes\n<!-- prep:end review -->?\n"
    for _round in range(2):
        outcome = relkit.invoke("review", "acme", "--write", "--no-input")
        assert outcome.code == 0, outcome.stderr
        text = review.read_text(encoding="utf-8")
        assert blocks.find_section(normalise(text), "review", review) is not None
        if _round == 0:
            review.write_text(text + mine, encoding="utf-8")
    assert review.read_text(encoding="utf-8").endswith(mine)


@pytest.mark.slow
def test_prep_answers_with_markers_and_carriage_returns_keep_company_md_readable(prep_home: Path) -> None:
    relkit.new_company("acme")
    sections = [companies.PrepSection(f"Q{i}", text) for i, text in enumerate(MARKERISH)]
    sections.append(companies.PrepSection("cr", "a\r<!-- prep:end prep -->\r\nb"))
    sections.append(
        companies.PrepSection("list", ["<!-- prep:end prep -->", "x\r<!-- prep:end checklist -->"])
    )
    companies.set_prep(prep_home, "acme", sections)
    relkit.read_company_ok(prep_home, "acme")
    assert relkit.invoke("answer", "acme", "love", "fine").code == 0
    companies.mark_followup_done(prep_home, "acme", "recruiter-call", "x\r<!-- prep:end followups -->")
    relkit.read_company_ok(prep_home, "acme")


@pytest.mark.slow
def test_interviewer_names_with_carriage_returns_stay_on_their_line(prep_home: Path) -> None:
    relkit.new_company("acme")
    company = companies.read_company(prep_home, "acme")
    path = interviews.start_interview(
        prep_home,
        company,
        "r\r<!-- prep:end 1 -->",
        [Interviewer("Dana\r<!-- prep:end 1 -->", "x")],
        "2026-11-22T14:20:00+00:00",
    )
    interviews.append_entry(path, "note", {"at": "t"}, "hello", "### Note\r<!-- prep:end 1 -->")
    assert interviews.load_interview(path).notes[0].text == "hello"
