"""The lowest-versions CI pass tests the lower bounds pyproject.toml really declares."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOWER_BOUND = re.compile(r'^\s*"(?P<name>[A-Za-z0-9_.-]+)>=(?P<version>[0-9.]+)')
PINNED = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>[0-9.]+)$")
# Tools run only on the newest versions (lint and types), not part of the lowest pass.
NEWEST_ONLY = {"ruff", "mypy", "types-pyyaml"}


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_lower_bounds() -> dict[str, str]:
    bounds = {}
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if (found := LOWER_BOUND.match(line)) and normalised(found["name"]) != "hatchling":
            bounds[normalised(found["name"])] = found["version"]
    return bounds


def pinned_lowest() -> dict[str, str]:
    pins = {}
    for line in (ROOT / ".ci" / "constraints-lowest.txt").read_text(encoding="utf-8").splitlines():
        if (found := PINNED.match(line.strip())) is not None:
            pins[normalised(found["name"])] = found["version"]
    return pins


def same_version(a: str, b: str) -> bool:
    def padded(version: str) -> list[int]:
        parts = [int(part) for part in version.split(".")]
        return parts + [0] * (3 - len(parts))

    return padded(a) == padded(b)


def test_every_lower_bound_is_pinned_in_the_lowest_pass() -> None:
    bounds = declared_lower_bounds()
    pins = pinned_lowest()
    assert {"typer", "rich", "pyyaml", "questionary", "platformdirs", "pytest"} <= bounds.keys()
    for name, version in bounds.items():
        if name in NEWEST_ONLY:
            continue
        assert name in pins, f"{name}>={version} is declared but not pinned in .ci/constraints-lowest.txt"
        assert same_version(pins[name], version), f"{name}: declared >={version}, pinned =={pins[name]}"
    assert pins.keys() <= bounds.keys(), "a pin in the lowest pass that pyproject.toml does not declare"


def test_ci_runs_the_readme_test_command_and_the_lowest_pass() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv .*pytest.*)\n```", readme)
    assert test_command is not None, "the README's test command"
    assert test_command[1] in ci.splitlines()
    assert "-c .ci/constraints-lowest.txt" in ci
    assert "ruff format --check" in ci
