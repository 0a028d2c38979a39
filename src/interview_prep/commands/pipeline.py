"""`prep list`, `prep config show` and `prep open`: the pipeline, the settings, the editor."""

from __future__ import annotations

import os

from interview_prep.commands.context import Context
from interview_prep.core.results import CompanyList, SettingsView
from interview_prep.errors import PrepError


def company_list(ctx: Context) -> CompanyList:
    from interview_prep.storage.companies import list_companies

    problems: list[str] = []
    found = list_companies(ctx.home, problems)
    return CompanyList(tuple(found), tuple(problems))


def settings_view(ctx: Context) -> SettingsView:
    from interview_prep.settings import CONFIG_NAME

    settings = ctx.settings()
    path = ctx.home / CONFIG_NAME
    return SettingsView(
        path=path,
        exists=path.is_file(),
        thresholds=dict(settings.thresholds),
        dealbreakers=tuple(settings.dealbreakers),
        values=tuple(settings.values),
    )


def open_in_editor(ctx: Context, name: str) -> None:
    """Run $VISUAL (else $EDITOR) on the company's notes; PrepError if it cannot or it fails."""
    import shlex
    import subprocess

    from interview_prep.storage.companies import company_file, resolve_company

    found = resolve_company(ctx.home, name)
    path = company_file(ctx.home, found.slug)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise PrepError(
            f"Neither $VISUAL nor $EDITOR is set. Set one (e.g. export EDITOR=nano) or open {path} yourself."
        )
    try:
        code = subprocess.call([*shlex.split(editor), str(path)])
    except (OSError, ValueError) as error:  # ValueError: an unclosed quote in $EDITOR
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise PrepError(
            f"Could not start the editor {editor!r}: {reason}. Check $VISUAL / $EDITOR."
        ) from None
    if code != 0:
        raise PrepError(f"The editor {editor!r} exited with code {code}.", code)
