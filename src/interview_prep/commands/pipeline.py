"""`prep list`, `prep config show` and `prep open`: the pipeline, the settings, the editor."""

from __future__ import annotations

from interview_prep.commands.context import Context
from interview_prep.core.results import CompanyList, SettingsView


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
        key_messages=tuple(settings.key_messages),
        currency=settings.currency,
    )


def open_in_editor(ctx: Context, name: str) -> None:
    """Run $VISUAL (else $EDITOR) on the company's notes; PrepError if it cannot or it fails."""
    from interview_prep.commands import editor
    from interview_prep.storage.companies import company_file, resolve_company

    found = resolve_company(ctx.home, name)
    editor.open_in_editor(company_file(ctx.home, found.slug))
