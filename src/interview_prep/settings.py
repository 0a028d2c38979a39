"""The user's settings: `<home>/config.yaml` (thresholds, dealbreakers, what they value).

    thresholds:            # override a bank's flag limit, by metric name
      hours_per_week: 45
      attrition_percent: 25
    dealbreakers:          # phrases that raise a red flag when an answer contains them
      - unlimited overtime
    values:                # what matters most to you: the review shows what was heard about each
      - mentoring

Every problem is reported as `file:line:col: message`, like a bank.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interview_prep.errors import PrepError

CONFIG_NAME = "config.yaml"
_METRIC = re.compile(r"[a-z][a-z0-9_]*")
KNOWN_KEYS = ("thresholds", "dealbreakers", "values")


@dataclass
class Settings:
    thresholds: dict[str, float] = field(default_factory=dict)
    dealbreakers: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    path: Path | None = None
    threshold_at: dict[str, str] = field(default_factory=dict)  # metric -> "line:col" in the file


def load_settings(home: Path) -> Settings:
    path = home / CONFIG_NAME
    if not path.is_file():
        return Settings()
    problems, settings = check_config(path)
    if problems:
        raise PrepError(f"{problems[0]} (fix {path.name}; `prep config show` shows the settings in use)")
    assert settings is not None
    return settings


def check_config(path: Path) -> tuple[list[str], Settings | None]:
    """Every problem in a config file, as 'file:line:col: message', and the settings if none."""
    import yaml

    try:
        raw = path.read_bytes()
    except OSError as error:
        return [f"{path}:1:1: cannot read the file ({error.strerror})"], None
    if len(raw) > 1_000_000:
        return [f"{path}:1:1: the file is over 1 MB; a config is a few lines"], None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [f"{path}:1:1: not UTF-8 text; save it as UTF-8"], None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        return [f"{path}:{where}: YAML syntax error: {error.problem}"], None
    except (yaml.YAMLError, RecursionError) as error:
        return [f"{path}:1:1: not valid YAML ({type(error).__name__})"], None
    settings = Settings(path=path)
    if root is None:
        return [], settings
    problems: list[str] = []

    def problem(node: Any, message: str) -> None:
        flat = " ".join(message.split())  # one line, whatever the file held
        problems.append(f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: {flat}")

    if not isinstance(root, yaml.MappingNode):
        problem(root, "the config must be a mapping with thresholds, dealbreakers and values")
        return problems, None
    seen: set[str] = set()
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problem(key_node, "a setting's name must be plain text (thresholds, dealbreakers or values)")
            continue
        key = key_node.value
        if key in seen:
            problem(key_node, f"duplicate key '{key}'")
            continue
        seen.add(key)
        if key == "thresholds":
            _thresholds(value_node, settings, problem)
        elif key in ("dealbreakers", "values"):
            items = _strings(value_node, key, problem)
            if items is not None:
                setattr(settings, key, items)
        else:
            problem(key_node, f"unknown key '{key}' (allowed: {', '.join(KNOWN_KEYS)})")
    return problems, (settings if not problems else None)


def _thresholds(node: Any, settings: Settings, problem: Any) -> None:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        problem(node, "thresholds must be a mapping of metric: number, e.g. hours_per_week: 45")
        return
    for key_node, value_node in node.value:
        name = key_node.value
        if not isinstance(key_node, yaml.ScalarNode) or not _METRIC.fullmatch(str(name)):
            problem(key_node, f"'{name}' is not a metric name (like hours_per_week)")
            continue
        try:
            value = float(value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or value < 0:
            problem(value_node, f"thresholds.{name} must be a number of 0 or more")
            continue
        if name in settings.thresholds:
            problem(key_node, f"duplicate key '{name}'")
            continue
        settings.thresholds[name] = value
        settings.threshold_at[name] = f"{key_node.start_mark.line + 1}:{key_node.start_mark.column + 1}"


def _strings(node: Any, key: str, problem: Any) -> list[str] | None:
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        problem(node, f"{key} must be a list of phrases")
        return None
    items = []
    for item in node.value:
        if (
            not isinstance(item, yaml.ScalarNode)
            or item.tag.startswith("tag:yaml.org,2002:python")
            or not str(item.value).strip()
        ):
            problem(item, f"each entry in {key} must be a non-empty phrase")
            continue
        items.append(str(item.value).strip())
    return items


def check_metric_names(settings: Settings, known: Iterable[str]) -> None:
    """Refuse a threshold for a metric no bank has: a typo would otherwise be ignored in silence."""
    names = sorted(set(known))
    for name in settings.thresholds:
        if name in names:
            continue
        import difflib

        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        where = f"{settings.path}:{settings.threshold_at.get(name, '1:1')}"
        raise PrepError(
            f"{where}: thresholds.{name} is not a metric of any bank.{hint} Metrics: {', '.join(names)}."
        )
