"""What every command needs: the data home and, lazily, the question catalog.

The catalog is cached in `<home>/.cache/` (see banks/loader.py), so commands
that need it skip PyYAML and the bank validation while the banks are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep import dates
from interview_prep.storage.home import resolve_home

if TYPE_CHECKING:
    from interview_prep.banks.model import Catalog
    from interview_prep.settings import Settings


@dataclass
class Context:
    home_option: str | None = None
    debug: bool = False  # --debug: a bug's traceback is printed, not only kept in the crash file
    _catalog: Catalog | None = field(default=None, repr=False)
    _settings: Settings | None = field(default=None, repr=False)
    _home: Path | None = field(default=None, repr=False)

    @property
    def home(self) -> Path:
        # Resolved on first use, then kept: `prep review` asks for it a few times per company.
        if self._home is None:
            self._home = resolve_home(self.home_option)
        return self._home

    def home_or_none(self) -> Path | None:
        """The data home, or None if even resolving it fails (used when reporting a crash)."""
        try:
            return self.home
        except Exception:
            return None

    @property
    def user_banks(self) -> Path:
        return self.home / "banks"

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from interview_prep.banks.loader import load_catalog
            from interview_prep.storage.cache import cache_dir

            self._catalog = load_catalog(self.user_banks, cache_dir=cache_dir(self.home))
        return self._catalog

    def use_shipped_banks_only(self) -> None:
        """After a broken user bank: the shipped banks alone (the interview must still start)."""
        from interview_prep.banks.loader import load_catalog
        from interview_prep.storage.cache import cache_dir

        self._catalog = load_catalog(None, cache_dir=cache_dir(self.home))

    def use_default_settings(self) -> None:
        from interview_prep.settings import Settings

        self._settings = Settings()

    def settings(self) -> Settings:
        if self._settings is None:
            from interview_prep.settings import load_settings

            self._settings = load_settings(self.home)
            if self._settings.thresholds:  # only then is the catalog needed, to check the metric names
                from interview_prep.settings import check_metric_names

                metrics = (q.answer.metric for q in self.catalog().questions.values() if q.answer is not None)
                check_metric_names(self._settings, metrics)
        return self._settings

    def thresholds(self) -> dict[str, float]:
        return self.settings().thresholds


def today() -> date:
    """Today's date; PREP_TODAY (YYYY-MM-DD) fixes it, so tenure from "since 2021" is reproducible."""
    import os

    fixed = os.environ.get("PREP_TODAY", "")
    try:
        return dates.day(fixed) if fixed else date.today()
    except ValueError:
        return date.today()


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
