"""What `prep ask` shows: one question, why to ask it, and the keys. User text is always inert."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text

from interview_prep.core.interview import Probe, Step
from interview_prep.core.metrics import Reading
from interview_prep.core.models import Company
from interview_prep.core.transcript import Interviewer
from interview_prep.output import first_sentence, inert, one_line, truncate
from interview_prep.render.console import console

KEYS = "/s skip  /b back  /f flag  /n note  /u follow-up  /l left  /k message  /d done  /? keys"
SAVE_KEY = {False: "Enter saves", True: "Esc then Enter saves (Enter is a new line)"}
HELP = """\
Type the answer and press {save}: it is saved before the next question.
  /s  skip this question             /b  edit your previous answer
  /f  red flag (yours or a signal)   /n  a free note
  /u  ask this question's follow-up next
  /l  what is left of the checklist   /a ID  ask that question next
  /k  mark one of your key messages as landed
  /+  your last answer reassured you    /-  it worried you (again: unmark)
  /d  finish the interview           /?  these keys
  Ctrl-C  stop now (everything is saved; run prep ask again to resume)
Enter on its own never skips. An answer that really starts with '/': type '//'."""


@dataclass(frozen=True)
class LeftView:
    """What `/l` shows: the plan still to ask, then the rest of the checklist nobody answered."""

    planned: list[tuple[str, str, str]]  # (question id, who, text)
    more: list[tuple[str, str]]  # (question id, text)
    slug: str


class Screen:
    def __init__(self, multiline: bool = False) -> None:
        self.out = console()
        self.multiline = multiline

    @staticmethod
    def rows() -> int:
        """The terminal's height now (it may have been resized since the start)."""
        import shutil

        return shutil.get_terminal_size().lines

    def warning(self, message: str) -> None:
        self.out.print(Text(f"Warning: {inert(message)}", style="yellow"))

    def opening(self, company: Company, present: Sequence[Interviewer], where: Path) -> None:
        people = ", ".join(person.label() for person in present) or "no names given"
        self.out.print(Text(f"{inert(company.name)}: interviewing with {inert(people)}", style="bold"))
        self.out.print(Text(f"Saving to {where}", style="dim"))

    def probes(self, probes: Sequence[Probe]) -> None:
        if not probes:
            return
        self.out.print(Text("Probe this (from earlier rounds):", style="bold yellow"))
        labels = {
            "dislike": "disliked",
            "flag": "red flag",
            "unasked": "still unasked",
            "number": "number past a limit",
            "contradiction": "interviewers disagree",
            "dealbreaker": "dealbreaker heard",
            "signal": "signal heard",
            "turnover": "size missing",
            "value": "not yet heard",
        }
        for probe in probes[:8]:
            line = Text("  • ")
            line.append(f"{labels.get(probe.kind, probe.kind)}: ", style="yellow")
            line.append(truncate(probe.text, 100))
            line.append(f"  ({inert(probe.source)})", style="dim")
            self.out.print(line)
        if len(probes) > 8:
            self.out.print(Text(f"  … and {len(probes) - 8} more in `prep review`", style="dim"))

    def question(self, step: Step, position: str = "", clock: str = "") -> None:
        self.out.print()
        if position:
            self.out.print(Text(position, style="dim"))
        head = Text()
        if step.who:
            head.append(f"Ask {inert(step.who)}: ", style="bold cyan")
        if step.kind != "question":
            head.append("(follow-up) ", style="magenta")
        head.append(inert(step.text), style="bold")
        if step.priority == "must":
            head.append("  must", style="red")
        self.out.print(head)
        self.out.print(Text(f"Why: {inert(first_sentence(step.why))}", style="dim"))
        if step.caution:
            self.one_line(step.caution, "yellow")
        self.out.print(
            Text(f"{clock + '  ' if clock else ''}{SAVE_KEY[self.multiline]}  {KEYS}", style="dim")
        )

    def saved(self, message: str) -> None:
        self.out.print(Text(inert(message), style="green"))

    def info(self, message: str) -> None:
        self.out.print(Text(inert(message), style="dim"))

    def reading(self, reading: Reading) -> None:
        style = "bold red" if reading.flagged else "cyan"
        self.out.print(Text(inert(reading.warning()), style=style))

    def left(self, view: LeftView) -> None:
        """What is left, each line cut with '…' at the terminal's width, in half the screen: the
        question is shown again below it, and both must be in sight together."""
        room = max(self.rows() // 2 - 4, 4)  # besides two headings and two "… more" lines
        shown = min(len(view.planned), room // 2 if view.more else room)
        shown_more = min(len(view.more), room - shown)
        lines = [f"Still in this interview's plan: {len(view.planned)}"]
        lines += [f"  {qid} ({who or 'anyone'}): {one_line(text)}" for qid, who, text in view.planned[:shown]]
        if shown < len(view.planned):
            lines.append(f"  … and {len(view.planned) - shown} more")
        lines.append(f"Also on the checklist: {len(view.more)} (/a ID asks one next)")
        lines += [f"  {qid}: {one_line(text)}" for qid, text in view.more[:shown_more]]
        if shown_more < len(view.more):
            lines.append(f"  … and {len(view.more) - shown_more} more (prep open {view.slug})")
        for line in lines:
            self.one_line(line, "dim")

    def one_line(self, text: str, style: str) -> None:
        """Text on one line, cut with '…' at the terminal's width (Text.no_wrap alone still wraps)."""
        self.out.print(Text(inert(text), style=style), no_wrap=True, overflow="ellipsis")

    def help(self) -> None:
        save = "Esc then Enter" if self.multiline else "Enter"
        self.out.print(Text(HELP.format(save=save)))
