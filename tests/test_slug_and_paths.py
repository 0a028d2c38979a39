"""Company names are display text; folders are safe slugs; nothing escapes the data home."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from interview_prep.errors import PrepError
from interview_prep.storage.slug import clean_name, is_slug, slugify

HOSTILE = [
    "../../etc",
    "/abs/path",
    "C:\\Windows\\System32",
    "CON",
    "nul",
    "a" * 300,
    "💼🚀",
    "שלום עולם",
    "مرحبا",
    "Acme\u202eevil",
    "~root",
    "$HOME",
    "a/../../b",
]
REFUSED = ["", "   ", ".", "..", "Acme\x00Inc", "line\nbreak", "\t"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_become_safe_slugs(name: str) -> None:
    try:
        slug = slugify(name)
    except PrepError as error:
        assert "\n" not in error.message
        return
    assert is_slug(slug), slug
    assert slug not in {"con", "nul"}
    assert os.sep not in slug and ".." not in slug


@pytest.mark.parametrize("name", REFUSED)
def test_meaningless_or_control_names_are_refused_with_a_hint(name: str) -> None:
    with pytest.raises(PrepError) as raised:
        slugify(name)
    assert "e.g. 'Acme'" in raised.value.message


def test_known_slugs() -> None:
    assert slugify("Acme, Inc.") == "acme-inc"
    assert slugify("acme inc") == "acme-inc"
    assert slugify("Zürich Büro") == "zurich-buro"
    assert slugify("CON") == "con-company"
    assert slugify("../../etc") == "etc"
    assert slugify("/abs/path") == "abs-path"
    assert slugify("💼🚀").startswith("company-")
    assert slugify("💼🚀") == slugify("💼🚀")  # stable
    assert slugify("שלום") != slugify("مرحبا")


def test_long_names_are_refused_and_long_slugs_truncated() -> None:
    with pytest.raises(PrepError, match="300 characters"):
        clean_name("a" * 300)
    assert len(slugify("word " * 23)) <= 60


@pytest.mark.parametrize("name", HOSTILE + REFUSED)
def test_prep_new_never_writes_outside_the_home(name: str, prep_home: Path, tmp_path: Path) -> None:
    from helpers import prep

    before = {p for p in tmp_path.rglob("*")}
    code, _, err = prep("new", name, "--no-input")
    after = {p for p in tmp_path.rglob("*")}
    created = after - before
    assert all(prep_home in p.parents or p == prep_home for p in created), created
    if code != 0:
        assert code == 2
        assert err.count("\n") == 1 and err.startswith("Error: ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the platformdirs shortcut is for Linux")
@pytest.mark.parametrize(
    ("xdg", "expected"),
    [
        (None, "~/.local/share/interview-prep"),
        ("", "~/.local/share/interview-prep"),
        # The XDG spec: a relative path is invalid and ignored (platformdirs 4.2 used it).
        ("relative/data", "~/.local/share/interview-prep"),
        ("/srv/data", "/srv/data/interview-prep"),
    ],
)
def test_the_default_home_follows_the_xdg_spec(
    xdg: str | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_prep.storage.home import resolve_home

    monkeypatch.delenv("PREP_HOME", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert resolve_home() == Path(os.path.expanduser(expected))
