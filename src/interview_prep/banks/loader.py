"""Find the shipped question banks and load them, with the user's own, into one Catalog."""

from __future__ import annotations

from pathlib import Path

from interview_prep.banks.files import bank_files, shipped_banks_dir
from interview_prep.banks.model import BankInfo, Catalog, PrepPrompt, Question, Signal
from interview_prep.banks.validate import IdRegistry, ParsedBank, Problem, check_file
from interview_prep.errors import PrepError


def load_catalog(user_banks_dir: Path | None = None, *, shipped_dir: Path | None = None) -> Catalog:
    """Every shipped bank, then every bank in `user_banks_dir`, as one Catalog.

    A user item whose id is a shipped item's replaces it, keeping its place when
    it is the same kind. Raises PrepError naming the first problem in any file.
    `shipped_dir` replaces shipped_banks_dir() (for tests and benchmarks).
    """
    catalog = Catalog()
    shipped_ids = IdRegistry()
    for path in bank_files(shipped_dir or shipped_banks_dir()):
        _add_bank(catalog, _checked_bank(path, shipped_ids), user=False)
    if user_banks_dir is not None:
        user_ids = IdRegistry()
        for path in bank_files(user_banks_dir):
            _add_bank(catalog, _checked_bank(path, user_ids), user=True)
    return catalog


def _checked_bank(path: Path, registry: IdRegistry) -> ParsedBank:
    check = check_file(path)
    problems = check.problems + registry.claim(check)
    if problems or check.bank is None:
        raise _bank_error(path, problems)
    return check.bank


def _bank_error(path: Path, problems: list[Problem]) -> PrepError:
    if not problems:  # check_file always explains itself; this guards the invariant
        problems = [Problem(str(path), 1, 1, "could not be read as a bank")]
    first = min(problems, key=lambda problem: (problem.line, problem.col))
    import shlex  # only on the error path

    command = f"prep banks check {shlex.quote(str(path))}"
    return PrepError(f"{first} (run `{command}` to see every problem)")


def _add_bank(catalog: Catalog, bank: ParsedBank, user: bool) -> None:
    for question in bank.questions:
        _drop_other_kinds(catalog, question)
        catalog.questions[question.id] = question
    for signal in bank.signals:
        _drop_other_kinds(catalog, signal)
        catalog.signals[signal.id] = signal
    for prompt in bank.prep:
        _drop_other_kinds(catalog, prompt)
        catalog.prep[prompt.id] = prompt
    catalog.banks.append(
        BankInfo(
            id=bank.id,
            title=bank.title,
            description=bank.description,
            path=bank.path,
            questions=len(bank.questions),
            signals=len(bank.signals),
            prep=len(bank.prep),
            user=user,
        )
    )


def _drop_other_kinds(catalog: Catalog, item: Question | Signal | PrepPrompt) -> None:
    """Questions, signals and prep share one id space, so a user item may override any kind.

    An item of the same kind is overwritten in place (keeping its order) by the caller.
    """
    if not isinstance(item, Question):
        catalog.questions.pop(item.id, None)
    if not isinstance(item, Signal):
        catalog.signals.pop(item.id, None)
    if not isinstance(item, PrepPrompt):
        catalog.prep.pop(item.id, None)
