"""One hardened reader for every YAML and JSON a user can edit: banks, config.yaml, front matter, markers.

Each hostile shape (deep nesting, aliases, foreign tags, endless integers, a
huge file) gets one located line and a non-zero exit, never a crash, a hang
or a traceback, whichever file it is in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import interview_files, prep
from interview_prep import jsonsafe, yamlsafe

SRC = Path(__file__).resolve().parents[1] / "src" / "interview_prep"

DEEP_FLOW = "[" * 5000 + "]" * 5000
DEEP_BLOCK = "".join("  " * level + f"k{level}:\n" for level in range(60)) + "  " * 60 + "x: 1\n"
HUGE_INT = "9" * 5000

# Shapes of YAML value a hostile or broken edit can hold, each as the text after "key: ".
HOSTILE_VALUES = {
    "deep flow nesting": DEEP_FLOW,
    "alias": "&a [x, x]\nother: [*a, *a]",
    "python tag": "!!python/object/apply:os.system ['true']",
    "huge integer": HUGE_INT,
}


def test_no_module_calls_a_yaml_loader_on_user_files() -> None:
    """yaml.load / compose / safe_load recurse in C and expand aliases: only yamlsafe's composer is used."""
    calls = re.compile(r"yaml\.(load|safe_load|full_load|unsafe_load|compose|compose_all|load_all)\(")
    offenders = [str(path) for path in SRC.rglob("*.py") if calls.search(path.read_text())]
    assert offenders == []


@pytest.mark.parametrize("shape", list(HOSTILE_VALUES))
def test_config_yaml_hostile_shapes_are_one_located_line(prep_home: Path, shape: str) -> None:
    prep_home.mkdir()
    (prep_home / "config.yaml").write_text(f"values: {HOSTILE_VALUES[shape]}\n")
    code, out, err = prep("config", "show")
    assert code == 2, (out, err)
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert re.search(r"config\.yaml:\d+:\d+: ", err), err


def test_config_deep_block_nesting_is_refused(prep_home: Path) -> None:
    prep_home.mkdir()
    (prep_home / "config.yaml").write_text("thresholds:\n" + DEEP_BLOCK)
    code, _, err = prep("config", "show")
    assert code == 2 and "nested more than" in err


def test_an_oversized_config_is_refused_by_its_size_before_reading(
    prep_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prep_home.mkdir()
    path = prep_home / "config.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing to read
    code, _, err = prep("config", "show")
    assert code == 2 and "over 1 MB" in err


def test_read_limited_reads_nothing_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    assert yamlsafe.read_limited(path, 100) is None
    assert yamlsafe.read_limited(path, 101) == b"x" * 101


@pytest.fixture
def acme(prep_home: Path) -> Path:
    assert prep("new", "acme", "--no-input")[0] == 0
    return prep_home / "acme" / "company.md"


@pytest.mark.parametrize("shape", [*HOSTILE_VALUES, "deep json line"])
def test_hand_edited_front_matter_hostile_shapes_are_one_located_line(acme: Path, shape: str) -> None:
    text = acme.read_text()
    if shape == "deep json line":  # still one `key: value` line, read by the JSON-per-line path
        edited = text.replace("interviewers: []", f"interviewers: {DEEP_FLOW}")
    else:
        edited = text.replace('role: ""', f"role: {HOSTILE_VALUES[shape]}")
    assert edited != text
    acme.write_text(edited)
    code, _, err = prep("status", "acme", "offer")
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert str(acme) in err
    assert acme.read_text() == edited  # nothing rewritten


def test_rich_front_matter_keeps_dates_as_text(acme: Path) -> None:
    text = acme.read_text()
    created = re.search(r'created: "([^"]+)"', text)
    assert created
    acme.write_text(text.replace(created.group(0), f"created: {created.group(1)}  # hand edited"))
    code, out, err = prep("list", "--json")
    assert code == 0, err
    assert '"created": "' + created.group(1) in out


@pytest.mark.slow
@pytest.mark.parametrize(
    "marker",
    [
        '{"n": ' + HUGE_INT + ', "q": "love", "who": "", "at": "2026-01-01T00:00:00+00:00", "question": "Q"}',
        '{"n": 1, "q": "love", "who": ' + DEEP_FLOW + ', "at": "x", "question": "Q"}',
    ],
    ids=["huge integer", "deep nesting"],
)
def test_hostile_json_markers_are_one_located_line(acme: Path, marker: str) -> None:
    assert prep("answer", "acme", "love", "they ship")[0] == 0
    [path] = interview_files(acme.parent.parent, "acme")
    text = path.read_text()
    edited = re.sub(r"<!-- prep:answer \{.*\} -->", lambda _: f"<!-- prep:answer {marker} -->", text)
    assert edited != text
    path.write_text(edited)
    code, _, err = prep("review", "acme", "--no-input")
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err and str(path) in err


def test_json_value_limits() -> None:
    assert jsonsafe.json_value('{"a": [1, {"b": [2]}]}') == {"a": [1, {"b": [2]}]}
    assert jsonsafe.json_value('"[[[[[[[[[[[[ not nesting ]"') == "[[[[[[[[[[[[ not nesting ]"
    with pytest.raises(ValueError):
        jsonsafe.json_value(DEEP_FLOW)
    with pytest.raises(ValueError):
        jsonsafe.json_value(HUGE_INT)
    assert jsonsafe.json_value("9" * jsonsafe.MAX_INT_DIGITS) == int("9" * jsonsafe.MAX_INT_DIGITS)
