"""The floors of docs/architecture.md, enforced: imports go downward only; modules and functions stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "interview_prep"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

DOMAIN = {"interview_prep.core.models", "interview_prep.core.transcript", "interview_prep.banks.model"}
GROUND = {
    "interview_prep",
    "interview_prep.errors",
    "interview_prep.output",
    "interview_prep.exits",
    "interview_prep.yamlsafe",
    "interview_prep.jsonsafe",
    "interview_prep.dates",
    "interview_prep.settings",
}
TOP = (
    "interview_prep.cli",
    "interview_prep.cli_companies",
    "interview_prep.cli_interview",
    "interview_prep.cli_after",
    "interview_prep.cli_calendar",
    "interview_prep.cli_offers",
    "interview_prep.cli_decide",
    "interview_prep.cli_banks",
    "interview_prep.lazy_commands",
    "interview_prep.entry",
    "interview_prep.__main__",
)
COMMANDS = ("interview_prep.commands",)
RENDER = ("interview_prep.render",)
PROMPTS = ("interview_prep.prompts",)
STORAGE = ("interview_prep.storage",)
CORE = ("interview_prep.core",)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(path: Path) -> set[str]:
    """Every interview_prep module named by an import anywhere in the file (functions included)."""
    named: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("interview_prep"):
            named.add(node.module)
            named.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names if alias.name.startswith("interview_prep"))
    known = modules()
    return {name for name in named if name in known}


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def forbidden_for(name: str) -> tuple[str, ...] | None:
    """What `name` may not import (prefixes), or None for the top floor."""
    if under(name, TOP) or name == "interview_prep.completion":
        return None
    if name in DOMAIN:
        return ("interview_prep.",)  # checked with the errors exception below
    if name in GROUND:
        return (
            *TOP,
            *COMMANDS,
            *RENDER,
            *PROMPTS,
            *CORE,
            "interview_prep.banks",
            "interview_prep.completion",
        )
    if under(name, CORE):
        return (*TOP, *COMMANDS, *RENDER, *PROMPTS, *STORAGE)
    if under(name, STORAGE) or under(name, ("interview_prep.banks",)):
        return (*TOP, *COMMANDS, *RENDER, *PROMPTS)
    if under(name, RENDER):
        return (*TOP, *COMMANDS, *PROMPTS, *STORAGE)
    if under(name, PROMPTS):
        return (*TOP, *COMMANDS, *STORAGE)
    if under(name, COMMANDS):
        return TOP
    raise AssertionError(f"{name} is on no floor of docs/architecture.md; add it there and here")


def upward_imports() -> list[str]:
    wrong = []
    for name, path in modules().items():
        banned = forbidden_for(name)
        if banned is None:
            continue
        for target in imports_of(path):
            if target == name or target in ("interview_prep", "interview_prep.errors"):
                continue
            if name in DOMAIN or under(target, banned):
                wrong.append(f"{name} imports {target}")
            elif under(name, STORAGE) and under(target, CORE) and target not in DOMAIN:
                wrong.append(f"{name} imports {target} (storage may use only the domain types of core)")
    return wrong


@pytest.mark.slow
def test_every_layer_imports_only_downward() -> None:
    assert upward_imports() == []


@pytest.mark.slow
def test_the_check_would_see_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guard the guard: a core module importing storage inside a function is caught. The probe
    goes into a copy of the package: other test processes read the real one at the same time."""
    import shutil
    import sys

    copy = tmp_path / "src"
    shutil.copytree(PACKAGE, copy / "interview_prep", ignore=shutil.ignore_patterns("__pycache__"))
    probe = copy / "interview_prep" / "core" / "_probe_upward.py"
    probe.write_text("def f():\n    from interview_prep.storage import home\n    return home\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", copy)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", copy / "interview_prep")
    assert "interview_prep.core._probe_upward imports interview_prep.storage.home" in upward_imports()


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(SRC)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


@pytest.mark.slow
def test_no_function_is_over_60_lines() -> None:
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({size} lines)")
    assert long == []


# Where ISO dates may be parsed: the one date reader, and the parser of what the user types for
# `prep schedule` (which checks the year of its result itself).
DATE_PARSERS = {"dates.py", "core/when.py"}


def test_every_date_is_read_through_the_one_date_reader() -> None:
    """A date read with plain fromisoformat may hold year 9999 and crash the arithmetic done on it."""
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "fromisoformat(" in path.read_text(encoding="utf-8")
    ]
    assert set(found) <= DATE_PARSERS, "read dates with interview_prep.dates.moment / day"
