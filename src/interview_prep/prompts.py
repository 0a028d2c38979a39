"""Every interactive prompt, and the only module that imports questionary.

Prompts use `unsafe_ask()` so Ctrl-C raises KeyboardInterrupt (the callers
save and exit 130) instead of quietly returning None. Ctrl-D counts as Ctrl-C,
and the interrupt carries whatever was typed but not yet entered, so the
caller can save that too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import questionary
from questionary import Choice

from interview_prep.banks.model import PrepPrompt, Question, Signal
from interview_prep.core.checklist import caution_line

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or Ctrl-D at a prompt; `partial` is the text typed but not yet entered."""

    def __init__(self, partial: str = "") -> None:
        super().__init__()
        self.partial = partial


def _ask(question: questionary.Question) -> Any:
    try:
        return question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        buffer = question.application.current_buffer  # a select's buffer is empty
        raise Interrupted(buffer.text) from None


PRIORITY_MARK = {"must": "must  ", "should": "should", "could": "could "}
MENU_MARGIN = 6  # a menu row's pointer and tick box before its title


def fit(title: str, width: int | None = None) -> str:
    """A menu row's title cut to the terminal's width at a word, with '…' (a menu never wraps)."""
    import shutil

    room = (width or shutil.get_terminal_size().columns) - MENU_MARGIN
    flat = " ".join(title.split())
    if len(flat) <= room:
        return flat
    cut = flat[: max(room - 1, 1)]
    if " " in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


DESCRIPTION_LABEL = 15  # questionary puts "  Description: " before a choice's description


def _wrapped_description(text: str, width: int | None = None) -> str:
    """A description wrapped at words to the terminal, each further line under the first:
    the menu shows it whole instead of cutting it at the edge."""
    import shutil
    import textwrap

    room = max((width or shutil.get_terminal_size().columns) - DESCRIPTION_LABEL - 1, 20)
    lines = textwrap.wrap(" ".join(text.split()), room, break_long_words=False, break_on_hyphens=False)
    return ("\n" + " " * DESCRIPTION_LABEL).join(lines)


class _Ticked(str):
    """The picker's message with the running count of ticked rows: questionary formats the
    message at every redraw, so __format__ reads the count from the menu each time."""

    menu: Any = None

    def __format__(self, spec: str) -> str:
        count = len(self.menu.selected_options) if self.menu is not None else 0
        return f"{str.__str__(self)} {count} ticked"


def _count_ticks(question: questionary.Question, message: _Ticked) -> questionary.Question:
    from questionary.prompts.common import InquirerControl

    application = getattr(question, "application", None)  # None: a stand-in question
    if application is None:
        return question
    for control in application.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            message.menu = control
    return question


# Ticked rows stay readable: questionary's default reverse video makes a long list hard to scan.
PICKER_STYLE = questionary.Style([("selected", "noreverse"), ("highlighted", "bold")])


def pick_questions(
    candidates: Sequence[Question], preselected: Sequence[Question], company: str
) -> list[Question]:
    """Tick the questions to ask; grouped by category, tailored ones pre-ticked."""
    from questionary import Separator

    from interview_prep.banks.model import CATEGORIES

    chosen = {question.id for question in preselected}
    choices: list[Choice | Separator] = []
    category = None
    for q in candidates:
        if q.category != category:
            category = q.category
            choices.append(Separator(fit(f"── {CATEGORIES.get(category, category)}")))
        caution = caution_line(q, company)
        choices.append(
            Choice(
                title=fit(f"{PRIORITY_MARK.get(q.priority, q.priority)} {q.render(company, None)}"),
                value=q.id,
                checked=q.id in chosen,
                description=_wrapped_description(caution) if caution else None,
            )
        )
    message = _Ticked(f"Questions for {company}:")
    picker = questionary.checkbox(
        message,
        choices=choices,
        instruction="(space ticks, a selects all, enter confirms)",
        style=PICKER_STYLE,
    )
    picked: list[str] = _ask(_count_ticks(picker, message))
    wanted = set(picked)
    return [q for q in candidates if q.id in wanted]


PrepAnswers = list[tuple[PrepPrompt, "str | list[str]"]]


def self_prep(
    prompts: Sequence[PrepPrompt],
    save: Callable[[PrepAnswers], None],
    ask_first: bool = True,
    started: dict[str, list[str]] | None = None,
) -> PrepAnswers:
    """The candidate's own prep. Enter skips a prompt; every answer, and every item of a list,
    is saved (via `save`, with all answers so far) the moment it is entered. On Ctrl-C the
    half-typed text is saved too before Interrupted is raised again.

    `started` holds list items saved in an earlier run, which a list prompt continues."""
    if not prompts:
        return []
    if ask_first and not confirm(
        "Write your own prep now (key messages, a recent win, why this company)?", True
    ):
        return []
    answers: PrepAnswers = []
    for number, prompt in enumerate(prompts, start=1):
        label = f"[{number}/{len(prompts)}] {prompt.prompt}"
        if prompt.kind == "list":
            items = list((started or {}).get(prompt.id, []))
            list_items(prompt, label, items, functools.partial(_save_with, save, answers, prompt, items))
            if items:
                answers.append((prompt, items))
            continue
        try:
            text = _ask(
                questionary.text(label, instruction="(Enter skips; Ctrl-C stops, keeping what you wrote)")
            )
        except Interrupted as stop:
            if stop.partial.strip():
                save([*answers, (prompt, stop.partial.strip())])
            raise
        if text.strip():
            answers.append((prompt, text.strip()))
            save(answers)
    return answers


def _save_with(
    save: Callable[[PrepAnswers], None], answers: PrepAnswers, prompt: PrepPrompt, items: list[str]
) -> None:
    save([*answers, (prompt, items)])


def list_items(prompt: PrepPrompt, label: str, items: list[str], saved: Callable[[], None]) -> None:
    """Add items to `items` one prompt at a time, calling `saved` after each (and on Ctrl-C,
    with the half-typed item added)."""
    limit = prompt.max or 10
    first = True
    while len(items) < limit:
        if not items:
            message, hint = label, "(one at a time; Enter on an empty line to finish)"
        else:
            message = (
                f"{label}\n  next ({len(items) + 1}/{limit})"
                if first
                else f"  next ({len(items) + 1}/{limit})"
            )
            wanted = prompt.min or 0
            hint = (
                f"(aim for at least {wanted}; Enter when done)"
                if len(items) < wanted
                else "(Enter when done)"
            )
        try:
            text = _ask(questionary.text(message, instruction=hint))
        except Interrupted as stop:
            if stop.partial.strip():
                items.append(stop.partial.strip())
                saved()
            raise
        first = False
        if not text.strip():
            break
        items.append(text.strip())
        saved()


def answer(message: str, default: str = "", multiline: bool = False) -> str:
    """The answer prompt of `prep ask`: one prompt application, built at the first question
    and run again for every later one (see AnswerPrompt)."""
    result: str = _ask(_answer_prompt().ready(message, default, multiline))
    return result


class AnswerPrompt:
    """What questionary.text(message, default, multiline, qmark=">") builds, built once and reused.

    Building a prompt_toolkit application (its layout, and every key binding loaded
    again into empty caches) was two thirds of the time from Enter to the next question.
    This is the same prompt (look, keys, Ctrl-C and Ctrl-D, multi-line) with the message,
    the default and multi-line set before each run. Each run starts from its own default,
    never from the text of the run before, and no history is kept (questionary keeps none
    either): Up never brings back an earlier answer.
    """

    def __init__(self) -> None:
        from prompt_toolkit.application.current import get_app_session
        from prompt_toolkit.history import DummyHistory
        from prompt_toolkit.lexers import SimpleLexer
        from prompt_toolkit.shortcuts.prompt import PromptSession
        from questionary.styles import merge_styles_default

        self.terminal = get_app_session()  # the application reads and writes this terminal
        self.message = ""
        self.session: PromptSession[str] = PromptSession(
            self._fragments,
            style=merge_styles_default([None]),
            lexer=SimpleLexer("class:answer"),
            history=DummyHistory(),
        )
        self.question = questionary.Question(self.session.app)

    def _fragments(self) -> StyleAndTextTuples:
        from questionary.constants import INSTRUCTION_MULTILINE

        shown: StyleAndTextTuples = [("class:qmark", ">"), ("class:question", f" {self.message} ")]
        if self.session.multiline:
            shown.append(("class:instruction", f" {INSTRUCTION_MULTILINE} "))
        return shown

    def ready(self, message: str, default: str, multiline: bool) -> questionary.Question:
        from prompt_toolkit.document import Document

        self.message, self.session.multiline = message, multiline
        self.session.default_buffer.reset(Document(default))
        return self.question


_answer_prompts: list[AnswerPrompt] = []  # at most one: the prompt of the current terminal


def _answer_prompt() -> AnswerPrompt:
    """The reused answer prompt; a new one when the terminal changed (a test's pipe, for one)."""
    from prompt_toolkit.application.current import get_app_session

    if not _answer_prompts or _answer_prompts[0].terminal is not get_app_session():
        _answer_prompts[:] = [AnswerPrompt()]
    return _answer_prompts[0]


def text(message: str, default: str = "") -> str:
    result: str = _ask(questionary.text(message, default=default))
    return result


def confirm(message: str, default: bool = True) -> bool:
    result: bool = _ask(questionary.confirm(message, default=default))
    return result


def choose(message: str, choices: Sequence[tuple[str, str]]) -> str:
    """One of a few (title, value) choices; the first is the default."""
    result: str = _ask(
        questionary.select(message, choices=[Choice(title, value) for title, value in choices])
    )
    return result


OWN_WORDS = "__own__"


class BackedOut(Exception):
    """Esc in a menu, or Ctrl-C with nothing typed: nothing is saved, the interview goes on."""


class CtrlCInMenu(BackedOut):
    """Ctrl-C in a menu with nothing typed in it: it backs out like Esc, but words typed at an
    earlier prompt of the same menu (`typed`) are kept by the caller, never dropped."""

    def __init__(self, typed: str = "") -> None:
        super().__init__(typed)
        self.typed = typed


def _escapable(question: questionary.Question) -> questionary.Question:
    """Esc leaves the prompt with None (questionary itself ignores Esc)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    escape = KeyBindings()

    @escape.add("escape", eager=True)
    def _back(event: Any) -> None:
        event.app.exit(result=None)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), escape])
    return question


def _ask_in_menu(question: questionary.Question) -> Any:
    try:
        result = _ask(_escapable(question))
    except Interrupted as stop:
        if stop.partial.strip():  # words typed are never dropped: the caller saves them
            raise
        raise CtrlCInMenu from None
    if result is None:
        raise BackedOut
    return result


def pick_or_back(message: str, choices: Sequence[tuple[str, str]]) -> str:
    """One of (title, value); Esc or Ctrl-C backs out (BackedOut)."""
    result: str = _ask_in_menu(
        questionary.select(message, choices=[Choice(fit(title), value) for title, value in choices])
    )
    return result


def severity(default: str = "medium") -> str:
    result: str = _ask_in_menu(
        questionary.select("Severity?", choices=["high", "medium", "low"], default=default)
    )
    return result


def signal_or_text(signals: Sequence[Signal], rows: int = 24) -> tuple[str, Signal | None]:
    """A red flag in the user's words, or a signal from the banks found by typing part of it.

    Typing shows matching signals as you go (Tab lists them all, in a menu that
    fits the screen). Enter on a signal's full text picks it; on other text that
    matches some signals (their text or the phrases they watch for), a short
    list of those (cut to `rows`) offers them or
    the words as typed. Raises BackedOut on Esc.
    """
    typed: str = _ask_in_menu(
        questionary.autocomplete(
            "Red flag:",
            choices=[s.text for s in signals],
            match_middle=True,
            validate=lambda text: bool(text.strip()) or "Type what you noticed (Esc backs out).",
        )
    ).strip()
    needle = typed.lower()
    matches = [s for s in signals if needle in s.text.lower() or any(needle in m.lower() for m in s.match)]
    exact = next((s for s in matches if s.text.lower() == needle), None)
    if exact is None and matches:
        choices = [Choice(fit(f"[{s.severity}] {s.text}"), value=s.id) for s in matches[: max(rows - 6, 3)]]
        choices.append(Choice(fit(f"My own words: {typed}"), value=OWN_WORDS))
        try:
            picked = _ask_in_menu(questionary.select("Which one?", choices=choices))
        except CtrlCInMenu:
            raise CtrlCInMenu(typed) from None
        exact = next((s for s in matches if s.id == picked), None)
    if exact is None:
        return typed, None
    extra = _ask_in_menu(questionary.text("Evidence (what was said or done; Enter to skip):", default=""))
    return (extra.strip() or exact.text), exact


def about_whom(people: Sequence[str], default: str) -> str:
    """Who a red flag concerns: anyone on the panel, or nobody in particular ('')."""
    nobody = "Nobody in particular"
    choices = [Choice(name, value=name) for name in people] + [Choice(nobody, value="")]
    result: str = _ask_in_menu(
        questionary.select("About whom?", choices=choices, default=default if default in people else "")
    )
    return result


def gut_score() -> int | None:
    picked: str = _ask(
        questionary.select(
            "Gut score, before talking to anyone (5 = can't wait, 1 = walk away):",
            choices=["5", "4", "3", "2", "1", "skip"],
            default="3",
        )
    )
    return None if picked == "skip" else int(picked)


def accept_today() -> str:
    result: str = _ask(
        questionary.select(
            "Would you accept an offer today?", choices=["yes", "unsure", "no"], default="unsure"
        )
    )
    return result
