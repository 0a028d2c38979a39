"""`prep sheet`: the plan of `prep plan` as Markdown (markdown-it-py reads it) and as a printable page.

The sheet never plans on its own: every test that checks what is on it compares
with `prep plan`'s plan for the same panel and minutes.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from helpers import prep
from interview_prep.commands import plan as planning
from interview_prep.commands import sheet as sheets
from interview_prep.commands.context import Context
from interview_prep.core.sheet import few_words
from interview_prep.render import sheet_html
from test_ask_flow import make_company

PANEL3 = ["Dana:hiring-manager", "Lee:engineer", "Sam:executive"]
MESSAGES = [
    "I shipped a payments platform used by millions, on time",
    "I grow engineers: four of my reports became tech leads",
    "I own problems end to end, from the first call to on-call",
]
HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](www.evil.example/x) ![pic](x.png)",
    "**Bold** _it_ `code` # not a heading",
    "<!-- hidden --> &lt;i&gt; &#60;u&#62;",
    "Zoë & <b>Ana</b>",
]


def with_args(panel: list[str], minutes: float | None = None) -> list[str]:
    args = [arg for person in panel for arg in ("--with", person)]
    return args + (["--minutes", f"{minutes:g}"] if minutes is not None else [])


def add_key_messages(home: Path, messages: list[str]) -> None:
    """As `prep new`'s prep prompts write them: the first heading of the prep block is the key messages."""
    company = home / "acme" / "company.md"
    listed = "\n".join(f"- {message}" for message in messages)
    text = company.read_text()
    placeholder = "_Write your key messages, a recent win and why this company here._"
    assert placeholder in text
    company.write_text(text.replace(placeholder, f"### Key messages\n\n{listed}"))


def markdown_of(*args: str) -> str:
    code, out, err = prep("sheet", "acme", *args)
    assert code == 0, err
    return out


def sections(markdown: str) -> dict[str, list[Token]]:
    """The rendered tokens under each level-2 heading, by the heading's text."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found: dict[str, list[Token]] = {}
    current = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            current = tokens[index + 1].content
            found[current] = []
        elif (
            current is not None and tokens[index - 1].type != "heading_open" and token.type != "heading_close"
        ):
            found[current].append(token)
    return found


def boxed_items(tokens: list[Token]) -> list[str]:
    """The text of each top-level list item that starts with a box to tick."""
    items, depth = [], 0
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            depth += 1
            if depth == 1 and tokens[index + 2].content.startswith("[ ] "):
                items.append(tokens[index + 2].content[4:])
        elif token.type == "list_item_close":
            depth -= 1
    return items


def planned_ids(panel: list[str], minutes: float | None) -> dict[str, list[str]]:
    found = planning.build(Context(), "acme", panel, minutes)
    return {
        person.label(): [step.question_id for step in found.for_person(person.name)]
        for person in found.present
    }


@pytest.mark.slow
@pytest.mark.parametrize("minutes", [None, 5, 12.5, 30, 45])
@pytest.mark.parametrize("panel", [PANEL3, PANEL3[:1], ["Ava:recruiter", "Lee:engineer"]])
def test_the_sheet_is_the_plan_of_prep_plan(prep_home: Path, panel: list[str], minutes: float | None) -> None:
    make_company(prep_home)
    assert prep("note", "acme", "first call done", "--round", "screen")[0] == 0
    expected = planned_ids(panel, minutes)
    rendered = sections(markdown_of(*with_args(panel, minutes)))
    for label, ids in expected.items():
        [heading] = [title for title in rendered if title.startswith(f"{label}: ")]
        assert heading == f"{label}: {len(ids)} question{'s' if len(ids) != 1 else ''}"
        items = boxed_items(rendered[heading])
        assert [re.search(r"`?([a-z0-9-]+)`?$", item)[1] for item in items] == ids  # type: ignore[index]
    sheet = sheets.build(Context(), "acme", panel, minutes)
    assert [[s.question_id for s in person.steps] for person in sheet.people] == list(expected.values())


@pytest.mark.slow
def test_nobody_named_is_one_section_and_the_costing_is_said(prep_home: Path) -> None:
    make_company(prep_home)
    out = markdown_of("--minutes", "10")
    rendered = sections(out)
    [heading] = [title for title in rendered if title.startswith("Whoever is in the room")]
    expected = planning.build(Context(), "acme", [], 10).steps
    assert len(boxed_items(rendered[heading])) == len(expected) == 4
    assert "costed at 2.5 minutes" in out and "10 minutes" in out


@pytest.mark.slow
def test_key_messages_probes_why_and_cautions_are_on_the_sheet(prep_home: Path) -> None:
    assert prep("new", "acme", "--stage", "startup", "--no-input")[0] == 0  # plans questions with cautions
    add_key_messages(prep_home, MESSAGES)
    assert (
        prep("answer", "acme", "hate", "Releases slip every quarter", "--who", "Kim", "--round", "screen")[0]
        == 0
    )
    assert prep("flag", "acme", "Dodged the question about on-call", "--who", "Kim")[0] == 0
    out = markdown_of(*with_args(PANEL3, 45))
    rendered = sections(out)
    messages = [t.content for t in rendered["Your key messages"] if t.type == "inline"]
    assert messages == MESSAGES
    probes = " ".join(t.content for t in rendered["Probe (from earlier rounds)"] if t.type == "inline")
    assert "Releases slip every quarter" in probes and "Dodged the question about on-call" in probes
    found = planning.build(Context(), "acme", PANEL3, 45)
    for step in found.steps:
        assert few_words(step.why) in out  # the why, in a few words
        if step.caution:
            assert step.caution in out
    assert any(step.caution for step in found.steps), "the fixture should plan a question with a caution"


@pytest.mark.slow
def test_without_key_messages_there_is_no_empty_section(prep_home: Path) -> None:
    make_company(prep_home)
    assert "Your key messages" not in markdown_of(*with_args(PANEL3))


def test_few_words_cuts_at_a_word_and_says_so() -> None:
    assert few_words("Short one. And more after it.") == "Short one."
    long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    cut = few_words(long, 5)
    assert cut == "one two three four five…" and len(cut.split()) == 5
    assert few_words("  spaced\n\tout  ") == "spaced out"


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_markdown_shows_hostile_text_as_text(prep_home: Path, name: str) -> None:
    make_company(prep_home)
    add_key_messages(prep_home, [name])
    out = markdown_of("--with", f"{name}:engineer")
    tokens = MarkdownIt("commonmark").parse(out)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}, kinds
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert len(headings) == 3  # title, key messages, the one person: nothing added by the name
    rendered = MarkdownIt("commonmark").render(out)
    flat = " ".join(name.split())
    assert rendered.count(_html_text(flat)) >= 2  # shown as typed, in the heading and the key messages


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)


# The HTML page.


def write_page(prep_home: Path, *args: str) -> str:
    target = prep_home.parent / "sheet.html"
    code, out, err = prep("sheet", "acme", *args, "--html", str(target))
    assert code == 0, err
    assert str(target) in out and err == ""
    return target.read_text(encoding="utf-8")


class Tags(HTMLParser):
    """Every tag and attribute name in a page, as a browser's parser sees them."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "p",
    "section",
    "div",
    "ul",
    "li",
    "span",
    "footer",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_the_page_is_self_contained_and_escapes_every_user_string(prep_home: Path, name: str) -> None:
    make_company(prep_home)
    add_key_messages(prep_home, [name, *MESSAGES])
    page = write_page(prep_home, "--with", f"{name}:engineer", "--with", "Dana:hiring-manager")
    parsed = Tags(page)
    assert parsed.tags <= PAGE_TAGS, parsed.tags - PAGE_TAGS  # no script, img, link, iframe, a...
    assert parsed.attributes <= {"lang", "charset", "name", "content", "class", "style"}
    lowered = page.lower()
    for forbidden in ("<script", "http", "url(", "@import", "//"):
        assert forbidden not in lowered, forbidden
    assert "@page" in page and "@media print" in page
    escaped = _html_text(" ".join(name.split()))
    assert page.count(escaped) >= 2  # the panel heading and the key message


@pytest.mark.slow
def test_the_page_holds_the_plan(prep_home: Path) -> None:
    make_company(prep_home)
    add_key_messages(prep_home, MESSAGES)
    page = write_page(prep_home, *with_args(PANEL3, 30))
    found = planning.build(Context(), "acme", PANEL3, 30)
    assert page.count('class="box"') == len(found.steps)
    for person in found.present:
        assert f"{_html_text(person.label())}: {len(found.for_person(person.name))} questions" in page
    assert all(_html_text(message) in page for message in MESSAGES)


@pytest.mark.slow
def test_the_font_shrinks_for_a_longer_plan_within_bounds(prep_home: Path) -> None:
    make_company(prep_home)
    sizes = [sheet_html.font_points(sheets.build(Context(), "acme", PANEL3, m)) for m in (7.5, 30, 60, 300)]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    assert all(sheet_html.MIN_POINTS <= size <= sheet_html.BASE_POINTS for size in sizes)


@pytest.mark.slow
def test_the_page_is_written_atomically(prep_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_company(prep_home)
    target = prep_home.parent / "sheet.html"
    target.write_text("the sheet printed yesterday")

    def broken_replace(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, out, err = prep("sheet", "acme", "--html", str(target))
    assert code != 0 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert target.read_text() == "the sheet printed yesterday"
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".sheet.html")] == []


@pytest.mark.slow
@pytest.mark.parametrize("where", ["missing-folder/sheet.html", "", "a-folder"])
def test_a_bad_html_target_is_one_line(prep_home: Path, where: str) -> None:
    make_company(prep_home)
    (prep_home.parent / "a-folder").mkdir()
    code, out, err = prep("sheet", "acme", "--html", str(prep_home.parent / where) if where else "")
    assert code != 0 and out == "" and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "args", [["--minutes", "0"], ["--minutes", "-3"], ["--with", "Dana"], ["--with", "Dana:janitor"]]
)
def test_bad_input_is_one_line_and_writes_nothing(prep_home: Path, args: list[str]) -> None:
    make_company(prep_home)
    target = prep_home.parent / "sheet.html"
    for extra in ([], ["--html", str(target)]):
        code, out, err = prep("sheet", "acme", *args, *extra)
        assert code == 2 and out == "" and err.count("\n") == 1, (args, err)
    assert not target.exists()


@pytest.mark.slow
def test_control_characters_never_reach_the_page_or_the_markdown(prep_home: Path) -> None:
    import unicodedata

    make_company(prep_home)
    name = "Eve \x1b]0;owned\x07\x1b[2J\x9b31m\x7f"
    add_key_messages(prep_home, ["I ship \x1b[31mfast\x1b[0m"])
    page = write_page(prep_home, "--with", f"{name}:engineer")
    markdown = markdown_of("--with", f"{name}:engineer")
    for text in (page, markdown):
        assert [ch for ch in text if ch != "\n" and unicodedata.category(ch) == "Cc"] == []
        assert "Eve" in text and "fast" in text


@pytest.mark.slow
def test_a_must_ask_already_on_the_sheet_is_not_listed_again_as_a_probe(prep_home: Path) -> None:
    make_company(prep_home)
    assert prep("note", "acme", "first call done", "--round", "screen")[0] == 0
    found = planning.build(Context(), "acme", PANEL3, 45)
    planned = {step.text for step in found.steps}
    assert any(probe.kind == "unasked" and probe.text in planned for probe in found.probes)  # the case
    sheet = sheets.build(Context(), "acme", PANEL3, 45)
    assert not [probe for probe in sheet.probes if probe.kind == "unasked" and probe.text in planned]
    kept = [p for p in found.probes if not (p.kind == "unasked" and p.text in planned)]
    assert list(sheet.probes) == kept[: len(sheet.probes)]


@pytest.mark.slow
@pytest.mark.parametrize("round_name", ["screen", "onsite", "final", "offer"])
def test_the_sheet_takes_the_round_as_prep_plan_does(prep_home: Path, round_name: str) -> None:
    make_company(prep_home)
    panel = ["Ava:recruiter", "Dana:hiring-manager"]
    expected = planning.build(Context(), "acme", panel, 30, round_name)
    sheet = sheets.build(Context(), "acme", panel, 30, round_name)
    assert [[s.question_id for s in p.steps] for p in sheet.people] == [
        [s.question_id for s in expected.for_person(name)] for name in ("Ava", "Dana")
    ]
    rendered = sections(markdown_of(*with_args(panel, 30), "--round", round_name))
    assert [len(boxed_items(tokens)) for title, tokens in rendered.items() if "question" in title] == [
        len(expected.for_person(name)) for name in ("Ava", "Dana")
    ]
    code, out, err = prep("sheet", "acme", "--round", "lunch")
    assert code == 2 and out == "" and err.count("\n") == 1


@pytest.mark.slow
def test_key_messages_from_config_are_on_the_sheet_too(prep_home: Path) -> None:
    make_company(prep_home)
    add_key_messages(prep_home, MESSAGES[:1])
    (prep_home / "config.yaml").write_text('key_messages:\n  - "I mentor: two of my reports lead teams"\n')
    rendered = sections(markdown_of())
    messages = [t.content for t in rendered["Your key messages"] if t.type == "inline"]
    assert messages == [MESSAGES[0], "I mentor: two of my reports lead teams"]
