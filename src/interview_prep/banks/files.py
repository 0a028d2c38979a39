"""Where bank files live. Kept free of YAML so Tab completion can use it cheaply."""

from __future__ import annotations

from pathlib import Path

import interview_prep
from interview_prep.errors import EXIT_FAILURE, PrepError

__all__ = ["bank_files", "shipped_banks_dir", "user_bank_files"]


def shipped_banks_dir() -> Path:
    """The `question_banks/` folder: inside the package in a wheel, at the repo top otherwise."""
    in_package, in_source_tree = _shipped_banks_candidates()
    for candidate in (in_package, in_source_tree):
        if candidate.is_dir():
            return candidate
    raise PrepError(
        f"the shipped question banks are missing: looked in {in_package} and {in_source_tree}; "
        "reinstall prep",
        exit_code=EXIT_FAILURE,
    )


def _shipped_banks_candidates() -> tuple[Path, Path]:
    # The wheel puts the banks inside the package (pyproject force-include); an
    # editable or source-tree install only has the top-level folder of the repo.
    in_package = Path(interview_prep.__file__).parent / "question_banks"
    in_source_tree = Path(__file__).resolve().parents[3] / "question_banks"
    return in_package, in_source_tree


def bank_files(directory: Path) -> list[Path]:
    """The `*.yaml` files in a folder, sorted by name; none when the folder does not exist."""
    if not directory.is_dir():
        return []
    # Hidden files are editor leftovers (.#name.yaml lock links), not banks.
    paths = (path for path in directory.glob("*.yaml") if not path.name.startswith("."))
    return sorted(path for path in paths if path.is_file())


def user_bank_files(directory: Path) -> list[Path]:
    """The user's banks in the data home: like bank_files, but only regular files, never links.

    A `*.yaml` there that is a symbolic link (it could lead anywhere), a pipe or a
    device is refused with one line instead of being read, followed or waited on.
    """
    import os
    import stat

    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("."):
            continue
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(mode):
            raise PrepError(
                f"{path} is a symbolic link; prep reads only plain files in its data home. "
                "Replace the link with a copy of the bank (or move the bank into the folder)."
            )
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            raise PrepError(
                f"{path} is not a regular file (a pipe or a device?). Move it out of {directory}."
            )
        found.append(path)
    return found
