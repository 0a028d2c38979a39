"""The user's settings: `<home>/config.yaml` (thresholds, dealbreakers, what they value).

    thresholds:            # override a bank's flag limit, by metric name
      hours_per_week: 45
      attrition_percent: 25
    dealbreakers:          # phrases that raise a red flag when an answer contains them
      - unlimited overtime
    values:                # what matters most to you: the review shows what was heard about each
      - mentoring
    key_messages:          # what you want every interviewer to hear about you (3-5 short lines)
      - I shipped the billing rewrite with no downtime
    currency: EUR          # your own: offers in another are shown as they are, or converted
                           # with a rate you give (prep offers --rate USD=0.92)

Every problem is reported as `file:line:col: message`, like a bank.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interview_prep.errors import PrepError
from interview_prep.output import one_line
from interview_prep.yamlsafe import Composer, Limits, Map, Node, Scalar, Seq, read_limited

CONFIG_NAME = "config.yaml"
_METRIC = re.compile(r"[a-z][a-z0-9_]*")
KNOWN_KEYS = ("thresholds", "dealbreakers", "values", "key_messages", "currency")
MAX_KEY_MESSAGE = 200  # a key message is said in one breath
_CURRENCY = re.compile(r"[A-Z]{3}")


@dataclass
class Settings:
    thresholds: dict[str, float] = field(default_factory=dict)
    dealbreakers: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    key_messages: list[str] = field(default_factory=list)
    currency: str = ""  # the user's own, as a three-letter code; "" when not set
    path: Path | None = None
    threshold_at: dict[str, str] = field(default_factory=dict)  # metric -> "line:col" in the file


def load_settings(home: Path) -> Settings:
    path = home / CONFIG_NAME
    if not os.path.lexists(path):
        return Settings()
    problems, settings = check_config(path)
    if problems:
        raise PrepError(f"{problems[0]} (fix {path.name}; `prep config show` shows the settings in use)")
    assert settings is not None
    return settings


_CONFIG_LIMITS = Limits("the config", max_depth=10, needed_depth=2)
MAX_CONFIG_BYTES = 1_000_000


def check_config(path: Path) -> tuple[list[str], Settings | None]:
    """Every problem in a config file, as 'file:line:col: message', and the settings if none."""
    if os.path.islink(path):
        return [
            f"{path}:1:1: is a symbolic link; prep reads only plain files in its data home: "
            "replace it with a copy of the file"
        ], None
    try:
        raw = read_limited(path, MAX_CONFIG_BYTES)  # a pipe or a device is reported, never waited on
    except OSError as error:
        return [f"{path}:1:1: cannot read the file ({error.strerror})"], None
    if raw is None:
        return [f"{path}:1:1: the file is over 1 MB; a config is a few lines"], None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [f"{path}:1:1: not UTF-8 text; save it as UTF-8"], None
    composer = Composer(_CONFIG_LIMITS)
    root = composer.compose(text)
    if composer.problems:
        return [f"{path}:{line}:{col}: {message}" for line, col, message in composer.problems], None
    settings = Settings(path=path)
    if root is None:
        return [], settings
    problems: list[str] = []

    def problem(node: Node, message: str) -> None:
        problems.append(f"{path}:{node.line}:{node.col}: {one_line(message)}")

    if not isinstance(root, Map):
        problem(root, "the config must be a mapping with thresholds, dealbreakers, values and key_messages")
        return problems, None
    seen: set[str] = set()
    for key_node, value_node in root.pairs:
        if not isinstance(key_node, Scalar):
            problem(key_node, f"a setting's name must be plain text ({', '.join(KNOWN_KEYS)})")
            continue
        key = key_node.value
        if key in seen:
            problem(key_node, f"duplicate key '{key}'")
            continue
        seen.add(key)
        if key == "thresholds":
            _thresholds(value_node, settings, problem)
        elif key == "currency":
            if isinstance(value_node, Scalar) and _CURRENCY.fullmatch(value_node.value.strip().upper()):
                settings.currency = value_node.value.strip().upper()
            else:
                problem(value_node, "currency must be a three-letter code, like EUR or USD")
        elif key in ("dealbreakers", "values", "key_messages"):
            items = _strings(value_node, key, problem, MAX_KEY_MESSAGE if key == "key_messages" else None)
            if items is not None:
                setattr(settings, key, items)
        else:
            problem(key_node, f"unknown key '{key}' (allowed: {', '.join(KNOWN_KEYS)})")
    return problems, (settings if not problems else None)


Report = Callable[[Node, str], None]


def _thresholds(node: Node, settings: Settings, problem: Report) -> None:
    if not isinstance(node, Map):
        problem(node, "thresholds must be a mapping of metric: number, e.g. hours_per_week: 45")
        return
    for key_node, value_node in node.pairs:
        name = key_node.value if isinstance(key_node, Scalar) else ""
        if not _METRIC.fullmatch(name):
            problem(key_node, f"'{name}' is not a metric name (like hours_per_week)")
            continue
        value = _number(value_node)
        if value is None or not math.isfinite(value) or value < 0:
            problem(value_node, f"thresholds.{name} must be a number of 0 or more")
            continue
        if name in settings.thresholds:
            problem(key_node, f"duplicate key '{name}'")
            continue
        settings.thresholds[name] = value
        settings.threshold_at[name] = f"{key_node.line}:{key_node.col}"


def _number(node: Node) -> float | None:
    if not isinstance(node, Scalar) or len(node.value) > 40:  # no threshold needs 40 characters
        return None
    try:
        return float(node.value)
    except ValueError:
        return None


def _strings(node: Node, key: str, problem: Report, longest: int | None = None) -> list[str] | None:
    if not isinstance(node, Seq):
        problem(node, f"{key} must be a list of phrases, one per line starting with '- '")
        return None
    items = []
    for item in node.items:
        if not isinstance(item, Scalar) or not item.value.strip():
            problem(item, f"each entry in {key} must be a non-empty phrase")
            continue
        text = " ".join(item.value.split())
        if longest is not None and len(text) > longest:
            problem(item, f"an entry in {key} is {len(text)} characters; keep each under {longest}")
            continue
        items.append(text if longest is not None else item.value.strip())
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
