"""Rates and limits: attrition as a percentage, and whether a value crosses a threshold."""

from __future__ import annotations

import math


def attrition_percent(hires: float, departures: float, headcount: float | None = None) -> float | None:
    """How many left, as a percentage.

    With `headcount`: departures / headcount x 100 (the usual attrition rate);
    None when headcount is 0.

    Without it: departures / hires x 100, i.e. how much of the hiring only
    replaced people who left (100 means the team stood still; above 100 it
    shrank). None when hires is 0, because the ratio is undefined there:
    both 0 means no movement at all, and departures with no hires is the
    worst case, which the caller must flag itself
    (`hires == 0 and departures > 0`) rather than read as a number.

    Raises ValueError for negative or NaN inputs (a programming error: the
    parsers never produce them).
    """
    for name, value in (("hires", hires), ("departures", departures), ("headcount", headcount)):
        if value is not None and (math.isnan(value) or value < 0):
            raise ValueError(f"{name} must be a non-negative number, not {value!r}")
    if headcount is not None:
        return None if headcount == 0 else departures / headcount * 100
    if hires == 0:
        return None
    return departures / hires * 100


def exceeds(value: float, flag_above: float | None, flag_below: float | None) -> str | None:
    """ "above" when value > flag_above, "below" when value < flag_below, else None.

    Strict at the boundary: a value equal to a threshold does not flag
    (flag_above=30 flags 30.01, not 30). If both limits are crossed (only
    possible when flag_above < flag_below), "above" wins. NaN never flags.
    """
    if flag_above is not None and value > flag_above:
        return "above"
    if flag_below is not None and value < flag_below:
        return "below"
    return None
