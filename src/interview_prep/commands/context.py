"""What every command needs: the data home and, lazily, the question catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.storage.home import resolve_home

if TYPE_CHECKING:
    from interview_prep.banks.model import Catalog
    from interview_prep.settings import Settings


@dataclass
class Context:
    home_option: str | None = None
    _catalog: Catalog | None = field(default=None, repr=False)
    _settings: Settings | None = field(default=None, repr=False)

    @property
    def home(self) -> Path:
        return resolve_home(self.home_option)

    @property
    def user_banks(self) -> Path:
        return self.home / "banks"

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from interview_prep.banks.loader import load_catalog

            self._catalog = load_catalog(self.user_banks)
        return self._catalog

    def settings(self) -> Settings:
        if self._settings is None:
            from interview_prep.settings import load_settings

            self._settings = load_settings(self.home)
        return self._settings

    def thresholds(self) -> dict[str, float]:
        return self.settings().thresholds


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
