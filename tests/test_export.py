"""`prep export`: CSV with compare's columns and no formula a spreadsheet would run; a private,
self-contained HTML report with every piece of user text escaped."""

from __future__ import annotations

import csv
import io
import json
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.render.export_view import neutral
from test_compare import five

__all__ = ["five"]  # the fixture, shared with test_compare

# (cell, as written): what a spreadsheet would run starts with = + - @ (or a tab or CR).
NEUTRAL = [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+33 6 12", "'+33 6 12"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-", "'-"),
    # Left alone: text that does not start a formula, and plain numbers prep worked out.
    ("Acme = good", "Acme = good"),
    ("-3", "-3"),
    ("-3.5", "-3.5"),
    ("12", "12"),
    ("", ""),
]


class Tags(HTMLParser):
    """Every tag and attribute name in a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add(tag)
        self.attributes |= {name for name, _ in attrs}


@pytest.mark.parametrize(("cell", "written"), NEUTRAL)
def test_formula_cells_are_neutralised(cell: str, written: str) -> None:
    assert neutral(cell) == written


def export_csv(home: Path, *args: str) -> list[list[str]]:
    target = home.parent / "out.csv"
    code, _, err = prep("export", "--csv", str(target), *args)
    assert code == 0, err
    with target.open(newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.slow
def test_one_row_per_company_with_compares_columns_and_counts(five: Path) -> None:
    args = ("--weight", "love-hate=2", "--weight", "work-life=3")
    rows = export_csv(five, *args)
    _, out, _ = prep("compare", "--json", *args)
    data = json.loads(out)
    header, body = rows[0], rows[1:]
    assert [row[1] for row in body] == [c["slug"] for c in data["companies"]]
    assert header[:3] == ["company", "slug", "status"]
    for company, row in zip(data["companies"], body, strict=True):
        found = dict(zip(header, row, strict=True))
        for cell in company["cells"][: len(data["columns"])]:
            for count in ("reassuring", "worrying", "findings", "numbers"):
                assert found[f"{cell['key']} {count}"] == str(cell[count])
        assert found["total"] == f"{company['total']:g}"
    by_slug = {row[1]: dict(zip(header, row, strict=True)) for row in body}
    # acme's offer worked out in test_compare: 87,400 EUR; its total -3 stays a number.
    assert (by_slug["acme"]["offer currency"], by_slug["acme"]["offer first year"]) == ("EUR", "87400")
    assert by_slug["acme"]["total"] == "-3" and by_slug["acme"]["gut"] == "4"
    assert by_slug["hooli"]["would accept"] == "" and by_slug["hooli"]["offer first year"] == ""


@pytest.mark.slow
@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+1 555", "-x", "@risk", "\t=2"])
def test_a_company_name_never_becomes_a_formula(five: Path, name: str) -> None:
    company = five / "acme" / "company.md"
    company.write_text(company.read_text().replace('name: "acme"', f"name: {json.dumps(name)}", 1))
    rows = export_csv(five)
    names = [row[0] for row in rows[1:]]
    assert "'" + name in names
    every_cell = [cell for row in rows for cell in row]
    assert not [c for c in every_cell if c[:1] in ("=", "+", "@", "\t", "\r")]


@pytest.mark.slow
def test_html_is_self_contained_private_and_escaped(five: Path) -> None:
    company = five / "globex" / "company.md"
    hostile = '<script>alert(1)</script><img src="http://example.com/x.png">'
    company.write_text(company.read_text().replace('name: "globex"', f"name: {json.dumps(hostile)}", 1))
    target = five.parent / "report.html"
    code, _, err = prep("export", "--html", str(target))
    assert code == 0, err
    page = target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    tags = Tags()
    tags.feed(page)
    assert not tags.found & {"script", "img", "link", "iframe", "object", "embed", "form", "base"}
    assert not tags.attributes & {"src", "href", "action", "srcset", "background"}
    assert not re.search(r"url\(|@import", page, re.I)
    assert not [name for name in tags.attributes if name.startswith("on")]  # no event handlers
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in page
    for slug in ("acme", "globex", "initech"):  # the companies with marks, flags or a reflection
        assert f"{slug}/interviews/" in page  # their evidence, with its file


@pytest.mark.slow
def test_html_for_one_company_holds_only_it(five: Path) -> None:
    target = five.parent / "acme.html"
    assert prep("export", "acme", "--html", str(target))[0] == 0
    page = target.read_text()
    assert "acme/interviews/" in page and "globex" not in page
    assert "87,400" in page  # the offer, worked out


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--csv", "{home}/no/such/folder/out.csv"],
        ["--html", "{home}"],
        ["nobody", "--csv", "{home}/../x.csv"],
        ["--csv", "{home}/../x.csv", "--weight", "nothing=1"],
    ],
)
def test_a_bad_target_is_one_line_and_writes_nothing(five: Path, args: list[str]) -> None:
    before = sorted(p.name for p in five.parent.iterdir())
    code, out, err = prep("export", *[arg.format(home=five) for arg in args])
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in out + err
    assert sorted(p.name for p in five.parent.iterdir()) == before


@pytest.mark.slow
def test_an_unreadable_company_is_reported_and_the_others_exported(five: Path) -> None:
    company = five / "hooli" / "company.md"
    company.write_text(company.read_text().replace("---\n", "---\nname: [broken\n", 1))
    target = five.parent / "out.csv"
    code, _, err = prep("export", "--csv", str(target))
    assert code == 2 and "hooli" in err
    rows = list(csv.reader(io.StringIO(target.read_text())))
    assert "hooli" not in [row[1] for row in rows] and "acme" in [row[1] for row in rows]
