"""Render the README's pictures from real runs of `prep`.

    .venv/bin/python scripts/screenshots.py            # writes docs/img/*.svg
    .venv/bin/python scripts/screenshots.py --out DIR  # somewhere else (the tests do this)

Every picture is a real run of the installed `prep` in a pseudo-terminal (100
columns), in a throw-away data home, with a fixed fictional company and fixed
answers. A small terminal emulator below turns what `prep` wrote (Rich's
colours, prompt_toolkit's cursor moves) into the screen a user would see, and
Rich exports that screen as SVG. Dates and times on screen are the only thing a
run cannot fix, so they are rewritten to a fixed fictional day (keeping their
distance from "today"): re-running the script gives the same files.

Pictures: new.svg (the question picker), plan.svg (this interview's plan),
sheet.svg (the plan as a sheet to take into the room), ask.svg (the live
interview), review.svg (one company's review), review-all.svg (every company),
offers.svg (two offers side by side) and compare.svg (the companies on your categories).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pexpect
from rich.ansi import AnsiDecoder
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from interview_prep.banks.loader import load_catalog

ROOT = Path(__file__).resolve().parents[1]
PREP = Path(sys.executable).parent / "prep"
COLUMNS = 100
UP, DOWN, ENTER, CTRL_C = "\x1b[A", "\x1b[B", "\r", "\x03"
FIXED_DAY = date(2026, 3, 9)  # the fictional "today" every picture shows
FIXED_TIME = ("14", "20")
PICTURES = (
    "new.svg",
    "plan.svg",
    "sheet.svg",
    "ask.svg",
    "review.svg",
    "review-all.svg",
    "offers.svg",
    "compare.svg",
)

# The story: Acme, a startup; Dana (hiring manager) and Lee (engineer) on the panel.
COMPANY = ["acme", "--role", "Staff Engineer", "--stage", "startup"]
PANEL = ["--with", "Dana:hiring-manager", "--with", "Lee:engineer"]
ANSWERS: dict[tuple[str, str], str] = {
    ("day-in-the-life", ""): "Design reviews in the morning, pairing and focus time after lunch",
    ("why-need-someone-like-me", ""): "Payments grew fourfold; we need someone to own the ledger",
    ("glad-six-months-in", ""): "The ledger migration ships on time and the team still likes the code",
    ("top-priority-3-6-months", ""): "Moving the ledger out of the old monolith",
    ("challenges-in-role", ""): "Old code and a team that is stretched thin",
    ("define-success", ""): "Fewer incidents, and a roadmap the team believes in",
    ("tell-me-about-team", ""): "Six engineers; two of them joined this year",
    ("love", "Dana"): "The people: code gets reviewed within the hour",
    ("love", "Lee"): "Small team, real ownership, I ship every day",
    ("hate", "Lee"): "The on-call rota is heavy, one week in three",
    ("hate", "Dana"): "Too much on-call and pager noise at night",
    ("hires-last-year-departures", ""): "We hired 12 and 4 left, in a team of 12",
    ("interviewer-tenure", ""): "Two years",
    ("why-role-open", ""): "A new role: the team is growing",
    ("hours-per-week", ""): "About 55, more before launches",
}
# The first round stops (Ctrl-C) just before these; the pictured run resumes there.
PICTURED_FROM = "love"
PICTURED_UNTIL = "interviewer-tenure"  # typed but not yet saved when the picture is taken


# A terminal emulator: just enough of xterm for Rich and prompt_toolkit ----------------------

_TOKEN = re.compile(
    r"\x1b\[(?P<private>[?>=]?)(?P<params>[0-9;]*)(?P<inter>[ -/]*)(?P<final>[@-~])"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[()][0-9A-Za-z]|\x1b[=>78cDEM]"
    r"|(?P<ctl>[\x00-\x1f\x7f])"
    r"|(?P<text>[^\x00-\x1f\x7f\x1b]+)"
)
_INCOMPLETE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07]*|[()])?$")


@dataclass
class Cell:
    char: str = " "
    style: Style = field(default_factory=Style.null)


class VirtualTerminal:
    """A grid of styled cells, a cursor, autowrap and scrolling."""

    def __init__(self, rows: int, columns: int = COLUMNS) -> None:
        self.rows, self.columns = rows, columns
        self.grid = [self._blank() for _ in range(rows)]
        self.row = self.col = 0
        self.wrap_pending = False
        self.autowrap = True
        self.cursor_visible = True
        self.decoder = AnsiDecoder()
        self.pending = ""
        self.replies: list[str] = []

    def _blank(self) -> list[Cell]:
        return [Cell() for _ in range(self.columns)]

    def feed(self, data: str) -> None:
        data = self.pending + data
        incomplete = _INCOMPLETE.search(data)
        self.pending = data[incomplete.start() :] if incomplete else ""
        if incomplete:
            data = data[: incomplete.start()]
        for token in _TOKEN.finditer(data):
            if token.group("text") is not None:
                for char in token.group("text"):
                    self._put(char)
            elif token.group("ctl") is not None:
                self._control(token.group("ctl"))
            elif token.group("final") is not None:
                self._csi(token.group("private"), token.group("params"), token.group("final"))

    def _put(self, char: str) -> None:
        width = cell_len(char)
        if width == 0:
            return
        if self.wrap_pending and self.autowrap:
            self.col = 0
            self._line_feed()
        self.wrap_pending = False
        if self.col + width > self.columns:
            if not self.autowrap:
                self.col = self.columns - width
            else:
                self.col = 0
                self._line_feed()
        self.grid[self.row][self.col] = Cell(char, self.decoder.style)
        if width == 2:
            self.grid[self.row][self.col + 1] = Cell("", self.decoder.style)
        self.col += width
        if self.col >= self.columns:
            self.col = self.columns - 1
            self.wrap_pending = True

    def _line_feed(self) -> None:
        if self.row == self.rows - 1:
            self.grid.pop(0)
            self.grid.append(self._blank())
        else:
            self.row += 1

    def _control(self, char: str) -> None:
        if char == "\n":
            self._line_feed()
        elif char == "\r":
            self.col = 0
        elif char == "\b":
            self.col = max(0, self.col - 1)
        elif char == "\t":
            self.col = min(self.columns - 1, (self.col // 8 + 1) * 8)
        else:
            return
        self.wrap_pending = False

    def _csi(self, private: str, params: str, final: str) -> None:
        numbers = [int(p) if p else 0 for p in params.split(";")] if params else []
        n = max(1, numbers[0]) if numbers else 1
        if private == "?":
            if final in "hl":
                on = final == "h"
                for number in numbers:
                    if number == 7:
                        self.autowrap = on
                    elif number == 25:
                        self.cursor_visible = on
            return
        if private:
            return
        if final == "m":
            self.decoder.decode_line(f"\x1b[{params}m")
            return
        if final == "n" and numbers == [6]:
            self.replies.append(f"\x1b[{self.row + 1};{self.col + 1}R")
            return
        self.wrap_pending = False
        if final == "A":
            self.row = max(0, self.row - n)
        elif final == "B":
            self.row = min(self.rows - 1, self.row + n)
        elif final == "C":
            self.col = min(self.columns - 1, self.col + n)
        elif final == "D":
            self.col = max(0, self.col - n)
        elif final == "G":
            self.col = min(self.columns - 1, n - 1)
        elif final in "Hf":
            row = numbers[0] if numbers else 1
            col = numbers[1] if len(numbers) > 1 else 1
            self.row = min(self.rows - 1, max(1, row) - 1)
            self.col = min(self.columns - 1, max(1, col) - 1)
        elif final == "J":
            mode = numbers[0] if numbers else 0
            if mode == 0:
                self._erase_line(self.col, self.columns)
                for row in range(self.row + 1, self.rows):
                    self.grid[row] = self._blank()
            elif mode in (2, 3):
                self.grid = [self._blank() for _ in range(self.rows)]
        elif final == "K":
            mode = numbers[0] if numbers else 0
            start, end = {0: (self.col, self.columns), 1: (0, self.col + 1)}.get(mode, (0, self.columns))
            self._erase_line(start, end)

    def _erase_line(self, start: int, end: int) -> None:
        for col in range(start, end):
            self.grid[self.row][col] = Cell()

    def lines(self) -> list[Text]:
        """The screen as Rich Text, trailing blank rows and blanks dropped; the cursor as a block."""
        out: list[Text] = []
        for index, row in enumerate(self.grid):
            cells = list(row)
            cursor = self.cursor_visible and index == self.row
            if cursor:
                cells[self.col] = Cell(cells[self.col].char, cells[self.col].style + Style(reverse=True))
            last = max((i for i, c in enumerate(cells) if c.char.strip()), default=-1)
            if cursor:
                last = max(last, self.col)
            line = Text()
            run, style = "", Style.null()
            for cell in cells[: last + 1]:  # one span per run of equally styled cells
                if cell.style != style and run:
                    line.append(run, style or None)
                    run = ""
                run, style = run + cell.char, cell.style
            line.append(run, style or None)
            out.append(line)
        while out and not out[-1].plain.strip() and not (self.cursor_visible and len(out) - 1 == self.row):
            out.pop()
        return out


# Dates: rewrite every date on screen to the fixed day, keeping its distance from today ------

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:([T -])(\d{2})(:?)(\d{2}))?")
_CLOCK = re.compile(r"(?<![\d:+-])([01]\d|2[0-3]):([0-5]\d)(?![\d:])")  # a time wrapped onto its own line


def fix_dates(line: Text, today: date) -> Text:
    plain = line.plain
    chars = list(plain)
    for found in _DATE.finditer(plain):
        try:
            seen = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            continue
        shown = (FIXED_DAY + (seen - today)).isoformat()
        chars[found.start(1) : found.end(3)] = shown
        if found.group(4):
            clock = FIXED_TIME[0] + found.group(6) + FIXED_TIME[1]
            chars[found.start(5) : found.end(7)] = clock
    for found in _CLOCK.finditer("".join(chars)):
        chars[found.start() : found.end()] = f"{FIXED_TIME[0]}:{FIXED_TIME[1]}"
    fixed = line.copy()
    fixed.plain = "".join(chars)  # same length: every style span stays in place
    return fixed


# Running prep ----------------------------------------------------------------------------


def environment(home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NO_COLOR", "FORCE_COLOR", "PROMPT_TOOLKIT_NO_CPR", "VISUAL", "EDITOR", "COLUMNS"}
    }
    env.pop("LINES", None)
    env.update(PREP_HOME=str(home), TERM="xterm-256color", COLORTERM="truecolor", TZ="UTC")
    return env


def flat(text: str) -> str:
    return " ".join(text.split())


def _stream_text(raw: str) -> str:
    raw = _INCOMPLETE.sub("", raw)
    raw = re.sub(r"\x1b\[(\d*)([ABCDEFGHf])", lambda m: " " * int(m.group(1) or 1), raw)
    raw = re.sub(
        r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b.", "", raw
    )
    return flat(re.sub(r"[\x00-\x1f\x7f]", " ", raw))


class Run:
    """`prep ARGS` in a pty, shown on a VirtualTerminal that starts with the shell's command line."""

    def __init__(self, home: Path, args: list[str], rows: int, shown: str) -> None:
        self.vt = VirtualTerminal(rows)
        self.shown = shown
        self.vt.feed(f"\x1b[1;32m$\x1b[0m {shown}\r\n")
        self.child = pexpect.spawn(
            str(PREP), args, env=environment(home), encoding="utf-8", dimensions=(rows, COLUMNS), timeout=15
        )
        self.raw = ""
        self.pos = 0

    def _pump(self, timeout: float) -> None:
        chunk = self.child.read_nonblocking(65536, timeout)
        self.raw += chunk
        self.vt.feed(chunk)
        while self.vt.replies:
            self.child.send(self.vt.replies.pop(0))

    def expect(self, pattern: str, timeout: float = 15) -> re.Match[str]:
        compiled = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            found = compiled.search(_stream_text(self.raw), self.pos)
            if found:
                self.pos = found.end()
                return found
            if time.monotonic() > deadline:
                raise SystemExit(f"screenshots: {pattern!r} never showed:\n{_stream_text(self.raw)[-2000:]}")
            try:
                self._pump(0.3)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                if compiled.search(_stream_text(self.raw), self.pos) is None:
                    raise SystemExit(
                        f"screenshots: prep exited before {pattern!r}:\n{_stream_text(self.raw)[-2000:]}"
                    ) from None

    def show(self, text: str) -> re.Match[str]:
        return self.expect(re.escape(flat(text)))

    def settle(self, quiet: float = 0.4) -> None:
        """Read until the program has been quiet for `quiet` seconds."""
        while True:
            try:
                self._pump(quiet)
            except (pexpect.TIMEOUT, pexpect.EOF):
                return

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def line(self, text: str) -> None:
        self.child.send(text + ENTER)

    def finish(self, status: int = 0) -> None:
        while True:
            try:
                self._pump(0.5)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
        self.child.close()
        self.vt.cursor_visible = False  # the shell's prompt would take it from here
        if self.child.exitstatus != status:
            raise SystemExit(
                f"screenshots: prep exited {self.child.exitstatus}:\n{_stream_text(self.raw)[-2000:]}"
            )


def prep(home: Path, *args: str) -> str:
    """A command that does not prompt, run the ordinary way."""
    result = subprocess.run(
        [str(PREP), *args], env=environment(home), capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        raise SystemExit(f"screenshots: prep {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def save_svg(run: Run, path: Path, title: str, today: date) -> None:
    console = Console(
        record=True,
        width=COLUMNS,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        highlight=False,
        emoji=False,
    )
    for line in run.vt.lines():
        console.print(fix_dates(line, today), no_wrap=True, overflow="crop", soft_wrap=False)
    svg = console.export_svg(title=title, unique_id=path.stem.replace("-", ""))
    path.write_text(svg, encoding="utf-8")


# The pictures ------------------------------------------------------------------------------


def shell_words(args: list[str]) -> str:
    return " ".join(f'"{a}"' if (" " in a or ":" in a) else a for a in args)


def picture_new(home: Path, out: Path, today: date) -> None:
    args = ["new", *COMPANY]
    run = Run(home, args, rows=24, shown="prep " + shell_words(args))
    run.show("Questions for acme")
    run.expect(r"could")
    run.send(DOWN * 3)  # move onto a few questions, as a user reading the list would
    run.settle()
    save_svg(run, out / "new.svg", run.shown, today)
    run.send(ENTER)
    run.show("Write your own prep now")
    run.send("y")
    prompts = list(load_catalog().prep.values())
    first_list = next(p for p in prompts if p.kind == "list")
    for prompt in prompts:
        run.show(prompt.prompt[:30])
        if prompt is first_list:
            run.line("I moved a payments ledger to a new database with no downtime")
            run.show("(2/")
            run.line("I grow people: two of my mentees lead teams now")
            run.show("(3/")
            run.send(ENTER)
        else:
            run.send(ENTER)
    run.show("Created acme with")
    run.finish()


PLAN = [*PANEL, "--minutes", "20"]


def picture_plan(home: Path, out: Path, today: date) -> None:
    args = ["plan", "acme", *PLAN]
    run = Run(home, args, rows=40, shown="prep " + shell_words(args))
    run.show("Plan for acme")
    run.finish()
    save_svg(run, out / "plan.svg", run.shown, today)


def picture_sheet(home: Path, out: Path, today: date) -> None:
    args = ["sheet", "acme", *PLAN]
    run = Run(home, args, rows=70, shown="prep " + shell_words(args))
    run.show("Interview sheet: acme")
    run.finish()
    save_svg(run, out / "sheet.svg", run.shown, today)


def _questions(run: Run, who_names: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """Each question screen as it appears: (question id, who)."""
    catalog = load_catalog().questions.values()
    names = "|".join(who_names)
    while True:
        found = run.expect(rf"Ask ({names}): (.+?) (?:must )?Why: ")
        run.show("/? keys")
        who, text = found.group(1), found.group(2)
        ids = [q.id for q in catalog if flat(q.render("acme", who)) == text]
        if not ids:
            raise SystemExit(f"screenshots: no bank question reads {text!r}")
        yield ids[0], who


def _answer_for(question_id: str, who: str) -> str:
    return ANSWERS.get((question_id, who)) or ANSWERS.get((question_id, ""), "/s")


def picture_ask(home: Path, out: Path, today: date) -> None:
    args = ["ask", "acme", *PANEL]
    first = Run(home, args, rows=40, shown="prep " + shell_words(args))
    for question_id, who in _questions(first, ("Dana", "Lee")):
        if question_id == PICTURED_FROM:
            first.send(CTRL_C)
            break
        first.line(_answer_for(question_id, who))
    first.finish(130)

    run = Run(home, args, rows=56, shown="prep " + shell_words(args))
    run.show("Resume the unfinished interview")
    run.send("y")
    for question_id, who in _questions(run, ("Dana", "Lee")):
        text = _answer_for(question_id, who)
        if question_id == PICTURED_UNTIL:
            run.send(text)
            run.show(text)
            run.settle()
            save_svg(run, out / "ask.svg", run.shown, today)
            run.send(ENTER)
            break
        run.line(text)
    # The rest of the interview: a red flag picked from the signals, a note, done.
    next(_questions(run, ("Dana", "Lee")))
    run.line("/f")
    run.show("Red flag:")
    run.line("looked at each other")  # part of a signal: the matching ones are listed
    run.show("Which one?")
    run.send(ENTER)
    run.show("Evidence")
    run.line("Dana and Lee looked at each other when I asked about the manager")
    run.show("About whom?")
    run.send(ENTER)
    next(_questions(run, ("Dana", "Lee")))
    run.line("/n")
    run.show("Note:")
    run.line("The office was very quiet at four in the afternoon")
    next(_questions(run, ("Dana", "Lee")))
    run.line("/d")
    run.show("Finished:")
    run.finish()


def picture_review(home: Path, out: Path, today: date) -> None:
    run = Run(home, ["review", "acme"], rows=160, shown="prep review acme")
    run.show("Gut score")
    run.send(UP + ENTER)  # 4
    run.show("What excited you?")
    run.line("Owning the ledger, and a team that reviews fast")
    run.show("What worries you?")
    run.line("On-call one week in three")
    run.show("Would you accept an offer today?")
    run.send(ENTER)  # unsure
    run.show("Follow-ups")
    run.finish()
    save_svg(run, out / "review.svg", run.shown, today)


def picture_review_all(home: Path, out: Path, today: date) -> None:
    prep(home, "status", "acme", "interviewing")
    prep(home, "new", "Globex Corp", "--role", "Principal Engineer", "--stage", "public", "--no-input")
    prep(home, "status", "Globex Corp", "screening")
    prep(
        home, "answer", "Globex Corp", "hours-per-week", "about 45 hours", "--who", "Sam", "--round", "screen"
    )
    prep(
        home, "answer", "Globex Corp", "hires-last-year-departures", "we hired 20 and 2 left", "--who", "Sam"
    )
    prep(
        home,
        "flag",
        "Globex Corp",
        "Could not say how success is measured",
        "--severity",
        "medium",
        "--who",
        "Sam",
    )
    prep(home, "reflect", "Globex Corp", "--gut", "3", "--accept", "unsure")
    prep(home, "done", "Globex Corp", "recruiter-call")
    prep(home, "new", "Initech", "--role", "Staff Engineer", "--stage", "enterprise", "--no-input")
    prep(home, "status", "Initech", "applied")
    run = Run(home, ["review"], rows=30, shown="prep review")
    run.show("Every company")
    run.finish()
    save_svg(run, out / "review-all.svg", run.shown, today)


def picture_offers(home: Path, out: Path, today: date) -> None:
    """After review-all: an offer from acme (options) and from Globex Corp (RSUs)."""
    acme = ["--base", "85000", "--bonus", "5000", "--currency", "EUR", "--equity-type", "options"]
    prep(home, "offer", "acme", *acme, "--grant", "4800", "--strike", "1.2", "--share-price", "3")
    globex = ["--base", "92000", "--currency", "EUR", "--equity-type", "rsu", "--grant", "400"]
    prep(home, "offer", "Globex Corp", *globex, "--share-price", "50")
    args = ["offers", "--multiple", "3"]
    run = Run(home, args, rows=34, shown="prep " + shell_words(args))
    run.show("Shares are valued only at prices you give")
    run.finish()
    save_svg(run, out / "offers.svg", run.shown, today)


def picture_compare(home: Path, out: Path, today: date) -> None:
    args = ["compare", "--weight", "work-life=3", "--weight", "growth=2"]
    run = Run(home, args, rows=24, shown="prep " + shell_words(args))
    run.show("Where each number comes from")
    run.finish()
    save_svg(run, out / "compare.svg", run.shown, today)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render docs/img/*.svg from real runs of prep.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="where to write the SVGs")
    options = parser.parse_args(argv)
    if not PREP.is_file():
        raise SystemExit(
            f"screenshots: no {PREP}; run it with the venv's python: .venv/bin/python {__file__}"
        )
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="prep-screenshots-") as tmp:
        home = Path(tmp) / "home"
        pictures = (
            picture_new,
            picture_plan,
            picture_sheet,
            picture_ask,
            picture_review,
            picture_review_all,
            picture_offers,
            picture_compare,
        )
        for picture in pictures:
            picture(home, out, _utc_today())  # the runs use TZ=UTC: see environment()
    for name in PICTURES:
        print(out / name)
    return 0


def _utc_today() -> date:
    return datetime.now(timezone.utc).date()


if __name__ == "__main__":
    sys.exit(main())
