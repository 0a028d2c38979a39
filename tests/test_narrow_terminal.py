"""The question picker of `prep new` and the screen of `prep ask` in a real 40-column terminal
(tmux: its pane is exactly what a person sees). Nothing is cut mid-word without '…', and the
picker counts the ticked questions as you go."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import prep
from interview_prep.banks.model import CATEGORIES
from interview_prep.commands import companies
from interview_prep.commands.context import Context
from interview_prep.prompts import PRIORITY_MARK
from interview_prep.render.ask_screen import first_sentence

PREP = Path(sys.executable).parent / "prep"
WIDTH, HEIGHT = 40, 24


class Pane:
    """One command in a detached tmux session of WIDTH x HEIGHT, on a private server."""

    def __init__(self, home: Path, socket: str, *args: str) -> None:
        self.socket = socket
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "TMUX"}},
            "PREP_HOME": str(home),
            "TERM": "xterm",
            "NO_COLOR": "1",
        }
        command = " ".join(f"'{part}'" for part in (str(PREP), *args)) + "; sleep 30"
        self.tmux("new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), command)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=20,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def rows(self) -> list[str]:
        return self.tmux("capture-pane", "-p").split("\n")

    def wait(self, pattern: str, timeout: float = 15) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while True:
            found = re.search(pattern, "\n".join(self.rows()))
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never showed:\n" + "\n".join(self.rows()))
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)


@pytest.fixture
def pane_socket(tmp_path: Path) -> Iterator[str]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    socket = f"prep-test-{os.getpid()}-{tmp_path.name}"
    yield socket
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=20)


def words(text: str) -> list[str]:
    return text.split()


def test_the_picker_at_40_columns_cuts_rows_at_a_word_with_an_ellipsis_and_counts_ticks(
    prep_home: Path, pane_socket: str
) -> None:
    plan = companies.plan_new_company(Context(), "acme", companies.Tailoring(), ["hiring-manager"])
    pane = Pane(prep_home, pane_socket, "new", "acme", "--interviewer", "hiring-manager")
    start = int(pane.wait(r"(\d+) ticked").group(1))
    assert start == len(plan.focused), "the focused set is pre-ticked"
    titles = {f"{PRIORITY_MARK[q.priority]} {q.render('acme', None)}" for q in plan.candidates}
    titles |= {f"── {title}" for title in CATEGORIES.values()}
    rows = [row for row in pane.rows() if re.match(r"^ *(»|[●○])|^ *──", row.lstrip(" »"))]
    menu = [re.sub(r"^ *» *| *[●○] ", "", row, count=2).strip() for row in rows]
    assert len(menu) >= 5, pane.rows()
    for shown in menu:
        shown = re.sub(r"^[●○] ", "", shown)
        whole = [title for title in titles if " ".join(title.split()) == shown]
        if whole:
            continue
        assert shown.endswith("…"), f"cut without an ellipsis: {shown!r}"
        prefix = shown[:-1]
        full = [" ".join(t.split()) for t in titles if " ".join(t.split()).startswith(prefix)]
        assert full, f"not a question's title: {shown!r}"
        assert any(text[len(prefix) : len(prefix) + 1] == " " for text in full), f"cut mid-word: {shown!r}"
    pane.keys("Space")
    after = int(pane.wait(rf"({start - 1}|{start + 1}) ticked").group(1))
    pane.keys("Enter")
    pane.wait(r"Write your own prep")
    pane.keys("n")
    found = pane.wait(r"Created acme with (\d+) questions")
    assert int(found.group(1)) == after
    screen = " ".join(" ".join(pane.rows()).split())
    assert f"Pre-ticked {start} of {len(plan.candidates)}" in screen.replace("- ", "-")


@pytest.mark.slow
def test_the_ask_screen_at_40_columns_wraps_at_words(prep_home: Path, pane_socket: str) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    from interview_prep.commands import plan as planning

    planned = planning.build(Context(), "acme", ["Dana:hiring-manager"], 10)
    first = planned.steps[0]
    pane = Pane(prep_home, pane_socket, "ask", "acme", "--with", "Dana:hiring-manager", "--minutes", "10")
    pane.wait(r"Answer:")
    rows = pane.rows()
    tokens = " ".join(rows).split()
    expected = [
        f"question 1 of {len(planned.steps)} for Dana",
        f"Ask Dana: {first.text}",
        f"Why: {first_sentence(first.why)}",
        "0 of 10 min, 10 left",
        "/l left /k message /d done /? keys",
    ]
    for text in expected:
        missing = [word for word in words(text) if word not in tokens]
        assert missing == [], f"cut mid-word: {missing} of {text!r}\n" + "\n".join(rows)
    for row in rows:
        if row.startswith("Careful:"):
            assert len(row) < WIDTH or row.endswith("…")
    pane.keys("/l", "Enter")
    pane.wait(r"Still in this interview's plan[\s\S]*Also on the checklist[\s\S]*Ask Dana[\s\S]*Answer:")
    listed = [row for row in pane.rows() if row.startswith("  ") and ":" in row]
    assert listed and all(len(row.rstrip()) < WIDTH or row.rstrip().endswith("…") for row in listed)
    pane.keys("/d", "Enter")
    pane.wait(r"Finished|nothing recorded")
