"""The text view of `prep stats`: plain lines, no colour needed."""

from __future__ import annotations

import itertools

from interview_prep.core.stats import SearchStats

SOURCE = "From each company's status history (`prep status`), its rounds and its follow-ups (`prep done`)."


def stats_text(found: SearchStats) -> str:
    if not found.companies:
        return "No companies yet: add one with `prep new COMPANY`, then track it with `prep status`."
    lines = [f"Your search in numbers: {found.companies} companies", SOURCE, "", "Companies per stage"]
    lines += [f"  {stage:<13} {count:>5}" for stage, count in found.by_stage]
    lines += ["", "Conversion (reached the step, of those that reached the one before)"]
    for step, following in itertools.pairwise(found.funnel):
        percent = following.percent
        share = f"{percent:.0f}%" if percent is not None else "-"
        pair = f"{step.label} -> {following.label}"
        lines.append(f"  {pair:<19} {following.reached:>5} of {step.reached:<5} {share:>5}")
    lines += ["", "Time in each stage (days; finished stays only)"]
    lines.append(f"  {'stage':<13} {'stays':>5} {'median':>7} {'longest':>8} {'now':>5}")
    for time in found.stage_times:
        lines.append(
            f"  {time.stage:<13} {time.stays:>5} {_days(time.median_days):>7} "
            f"{_days(time.longest_days):>8} {time.open:>5}"
        )
    back = found.hearing_back
    lines += ["", _hearing_back(found)]
    if back.applied:
        lines.append(f"  median wait {_days(back.median_days)} days")
    rounds = found.rounds
    lines.append(
        f"Rounds: {rounds.total} at {rounds.companies} companies"
        + (f" (median {rounds.median:g}, most {rounds.most})" if rounds.median is not None else "")
    )
    f = found.followups
    lines.append(
        f"Follow-ups with a date ({f.dated}): {f.on_time} done on time, {f.late} late, "
        f"{f.done_undated} done (date not recorded), {f.overdue} overdue, {f.not_due} not yet due"
    )
    return "\n".join(lines)


def _hearing_back(found: SearchStats) -> str:
    back = found.hearing_back
    if not back.applied:
        return "Hearing back: no dated application yet (`prep status COMPANY applied` records one)."
    percent = f" ({back.percent:.0f}%)" if back.percent is not None else ""
    return (
        f"Hearing back: {back.heard} of {back.applied} applications answered{percent}, {back.waiting} waiting"
    )


def _days(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
