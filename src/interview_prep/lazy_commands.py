"""Run a Typer app building only the command that runs.

Typer turns every command's signature into Click parameters before it looks
at the command line: ~0.3 ms per command, ~5 ms a run for prep's 19, which is
5% of `prep list`. `lazy_root(app)` builds the root group with its own options
only, and each command (or sub-app) the first time Click looks it up. Help,
completion and "did you mean" list every command, so they build them all, in
the order Typer would.

It uses `typer.main`'s command builders, which are not documented API; the
Typer pin in pyproject.toml and tests/test_lazy_commands.py (every command's
help is the same as the eagerly built app's) guard that.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

import typer
import typer.main
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

if TYPE_CHECKING:
    from typer._click import Command  # Typer vendors Click (0.26 and later)


def lazy_root(app: typer.Typer) -> TyperGroup:
    root = copy.copy(app)  # the same settings and callback, no commands
    root.registered_commands = []
    root.registered_groups = []
    group = typer.main.get_command(root)
    assert isinstance(group, TyperGroup), "an app with a callback is a group"
    group.commands = LazyCommands(app)
    return group


class LazyCommands(MutableMapping[str, "Command"]):
    """An app's commands by name, each built from its Typer info on first access."""

    def __init__(self, app: typer.Typer) -> None:
        self._app = app
        self._infos: dict[str, CommandInfo | TyperInfo] = {}
        for command in app.registered_commands:
            assert command.callback is not None
            self._infos[command.name or typer.main.get_command_name(command.callback.__name__)] = command
        for group in app.registered_groups:
            assert group.name, "sub-apps are added with a name"
            self._infos[group.name] = group
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            self._built[name] = self._build(self._infos[name])
        return self._built[name]

    def _build(self, info: CommandInfo | TyperInfo) -> Command:
        app = self._app
        if isinstance(info, TyperInfo):
            return typer.main.get_group_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
                suggest_commands=app.suggest_commands,
            )
        return typer.main.get_command_from_info(
            info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
        )

    def built(self) -> list[str]:
        """The names built so far (for tests)."""
        return list(self._built)

    def __setitem__(self, name: str, command: Command) -> None:
        self._infos.setdefault(name, CommandInfo(name=name))
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._infos[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)

    def __contains__(self, name: object) -> bool:
        return name in self._infos
