"""Stale rows of `prep review` over every company, computed on every core when there are many.

After an upgrade, a bank edit or a config change every row is stale, and a
row is a few milliseconds of pure Python per company: 1,000 companies take
seconds on one core. Rows do not depend on each other, so when at least
`POOL_FROM` rows are stale and the machine has more than one core, forked
workers compute them, a chunk at a time, and hand them back in order.

Forking (POSIX only; elsewhere, and on macOS where forking a process that
may have loaded system frameworks is unsafe, rows are computed in this
process) starts each worker in ~5-10 ms with the catalog, the settings and
the phrase matcher already loaded. Below `POOL_FROM` stale rows the usual
review (rows cached) never pays that.

A company whose files cannot be read gives its error back as a value (never
raised inside a worker), so the caller reports it exactly as it would have
without workers: in order, one line each, or the first one raised.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence

from interview_prep.core.compare import CompanyRow
from interview_prep.errors import PrepError

POOL_FROM = 48  # stale rows; fewer are quicker in one process than the workers' start-up
CHUNK = 16  # companies per task: large enough that handing rows back costs little
MAX_WORKERS = 4

Outcome = tuple[CompanyRow | None, PrepError | None]

_job: Callable[[str], CompanyRow] | None = None  # the function a forked worker calls (inherited)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def summarize_each(summarize: Callable[[str], CompanyRow], slugs: Sequence[str]) -> Iterator[Outcome]:
    """`summarize(slug)` for each slug, in order, as (row, None) or (None, the PrepError it raised)."""
    workers = min(usable_cores(), MAX_WORKERS)
    if len(slugs) < POOL_FROM or workers < 2 or not _can_fork():
        for slug in slugs:
            yield _one(summarize, slug)
        return
    import multiprocessing

    global _job
    _job = summarize
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_quiet_on_ctrl_c) as pool:
            for row, error in pool.imap(_in_worker, slugs, chunksize=CHUNK):
                yield row, PrepError(*error) if error else None
    finally:
        _job = None


def _quiet_on_ctrl_c() -> None:
    """In a worker: Ctrl-C is this process's to handle (one line, exit 130); the pool's exit then
    stops the workers, which would otherwise each print a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _can_fork() -> bool:
    return sys.platform.startswith("linux") or sys.platform.startswith(("freebsd", "openbsd", "netbsd"))


def _one(summarize: Callable[[str], CompanyRow], slug: str) -> Outcome:
    try:
        return summarize(slug), None
    except PrepError as error:
        return None, error


def _in_worker(slug: str) -> tuple[CompanyRow | None, tuple[str, int] | None]:
    """In a worker: the row, or the error as plain values (an exception's own pickling loses fields)."""
    assert _job is not None, "set before the workers were forked"
    try:
        return _job(slug), None
    except PrepError as error:
        return None, (error.message, error.exit_code)
