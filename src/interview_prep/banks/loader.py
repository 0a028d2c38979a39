"""Find the shipped question banks and load them, with the user's own, into one Catalog.

Checking every bank costs ~40 ms a run (importing PyYAML, then parsing and
validating ~180 KB), and most commands need the catalog. So a catalog that
loaded without a problem is kept in a cache file, keyed by the banks' paths
and contents and by the loader's own source files, and read back with the
json module (~3 ms) for as long as that key matches. Anything wrong with the
cache (missing, stale, unreadable, from another version) means one normal,
fully validated load, which then rewrites it. The cache is an optimisation
only: deleting it is always safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_prep.banks import model
from interview_prep.banks.files import bank_files, shipped_banks_dir, user_bank_files
from interview_prep.banks.model import BankInfo, Catalog, PrepPrompt, Question, Signal
from interview_prep.errors import PrepError
from interview_prep.storage import cache

if TYPE_CHECKING:
    from interview_prep.banks.validate import IdRegistry, ParsedBank, Problem

CACHE_FILE = "catalog.json"
CACHE_FORMAT = 1
# Everything a cached catalog is rebuilt from; `@` names the class of an object.
_CACHED_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        model.Question,
        model.Signal,
        model.PrepPrompt,
        model.BankInfo,
        model.Fits,
        model.NumericAnswer,
    )
}


def load_catalog(
    user_banks_dir: Path | None = None,
    *,
    shipped_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> Catalog:
    """Every shipped bank, then every bank in `user_banks_dir`, as one Catalog.

    A user item whose id is a shipped item's replaces it, keeping its place when
    it is the same kind. Raises PrepError naming the first problem in any file.
    `shipped_dir` replaces shipped_banks_dir() (for tests and benchmarks).
    With `cache_dir`, a catalog cached there by an earlier load of the very same
    files is returned without parsing them (see the module docstring).
    """
    shipped, user = _bank_paths(user_banks_dir, shipped_dir)
    key = _cache_key(shipped, user) if cache_dir is not None else None
    if cache_dir is not None and key is not None:
        cached = _read_cache(cache_dir, key)
        if cached is not None:
            return cached
    from interview_prep.banks.validate import IdRegistry

    catalog = Catalog()
    shipped_ids = IdRegistry()
    for path in shipped:
        _add_bank(catalog, _checked_bank(path, shipped_ids), user=False)
    user_ids = IdRegistry()
    for path in user:
        _add_bank(catalog, _checked_bank(path, user_ids), user=True)
    if cache_dir is not None and key is not None:
        _write_cache(cache_dir, key, catalog)
    return catalog


def source_key(user_banks_dir: Path | None = None, *, shipped_dir: Path | None = None) -> list[Any] | None:
    """What the catalog is built from (the banks' contents, the loader's code), without loading it.

    Equal keys mean equal catalogs; None when a bank cannot be read.
    """
    return _cache_key(*_bank_paths(user_banks_dir, shipped_dir))


def _bank_paths(user_banks_dir: Path | None, shipped_dir: Path | None) -> tuple[list[Path], list[Path]]:
    shipped = bank_files(shipped_dir or shipped_banks_dir())
    return shipped, user_bank_files(user_banks_dir) if user_banks_dir is not None else []


def _checked_bank(path: Path, registry: IdRegistry) -> ParsedBank:
    from interview_prep.banks.validate import check_file

    check = check_file(path)
    problems = check.problems + registry.claim(check)
    if problems or check.bank is None:
        raise _bank_error(path, problems)
    return check.bank


def _bank_error(path: Path, problems: list[Problem]) -> PrepError:
    if not problems:  # check_file always explains itself; this guards the invariant
        from interview_prep.banks.validate import Problem

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


# The cache ---------------------------------------------------------------------


def _cache_key(shipped: list[Path], user: list[Path]) -> list[Any] | None:
    """What a cached catalog must have been built from: None when a file cannot be read.

    Contents, not only timestamps: an edit within the file system's timestamp
    granularity (a few ms) must still be seen. CRC-32 plus the length of every
    file is cheap (~0.5 ms for the shipped banks) and no ordinary edit keeps both.
    """
    import zlib

    import interview_prep

    key: list[Any] = [CACHE_FORMAT, interview_prep.__version__]
    try:
        # The code that turns banks into a catalog: a change to it (or an upgrade) rebuilds.
        here = Path(__file__)
        # Every module of the banks package (validate, reader, schema, model...) and the YAML reader.
        for source in (*sorted(here.parent.glob("*.py")), here.parent.parent / "yamlsafe.py"):
            stat = source.stat()
            key.append([source.name, stat.st_size, stat.st_mtime_ns])
        for kind, paths in (("shipped", shipped), ("user", user)):
            for path in paths:
                data = path.read_bytes()
                key.append([kind, str(path), len(data), zlib.crc32(data)])
    except OSError:
        return None
    return key


def _read_cache(cache_dir: Path, key: list[Any]) -> Catalog | None:
    data = cache.read_json(cache_dir, CACHE_FILE)
    if not isinstance(data, dict) or data.get("key") != key:
        return None  # no cache, or not one for these banks and this version: load the banks
    catalog = Catalog()
    try:
        for question in data["questions"]:
            item = _decode(question)
            catalog.questions[item.id] = item
        for signal in data["signals"]:
            item = _decode(signal)
            catalog.signals[item.id] = item
        for prompt in data["prep"]:
            item = _decode(prompt)
            catalog.prep[item.id] = item
        catalog.banks.extend(_decode(info) for info in data["banks"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    kinds = ((catalog.questions, Question), (catalog.signals, Signal), (catalog.prep, PrepPrompt))
    if not all(isinstance(item, cls) for items, cls in kinds for item in items.values()) or not all(
        isinstance(info, BankInfo) for info in catalog.banks
    ):
        return None
    return catalog


def _write_cache(cache_dir: Path, key: list[Any], catalog: Catalog) -> None:
    data = {
        "key": key,
        "questions": [_encode(item) for item in catalog.questions.values()],
        "signals": [_encode(item) for item in catalog.signals.values()],
        "prep": [_encode(item) for item in catalog.prep.values()],
        "banks": [_encode(info) for info in catalog.banks],
    }
    cache.write_json(cache_dir, CACHE_FILE, data)


def _encode(value: Any) -> Any:
    """Model objects as JSON: a dataclass becomes {"@": class name, field: value...}."""
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        return {"@": type(value).__name__, **{name: _encode(getattr(value, name)) for name in fields}}
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        fields = {name: _decode(item) for name, item in value.items() if name != "@"}
        return _CACHED_CLASSES[value["@"]](**fields)
    if isinstance(value, list):  # the model holds tuples only
        return tuple(_decode(item) for item in value)
    return value
