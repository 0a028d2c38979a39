"""Numbers out of the free text a candidate types while an interviewer talks.

Pure and deterministic: no I/O, no clock (pass `today` where a date matters),
and no function here raises on any string, however odd or long.

Conventions the caller relies on:

* The first number-like expression wins. A range ("40-45", "40 to 45",
  "between 40 and 45", "40 or 45") becomes its midpoint.
* Hedges are ignored: "about 45", "~50", "45ish", "50+" and "maybe 45" all
  give the number as said.
* Spelled numbers count: "forty five", "a dozen", "half a dozen",
  "two and a half", "a year and a half", "a couple". "none", "zero",
  "nobody" and "no one" are 0. Vague words ("a few", "lots", "several")
  are not numbers, so "lots" gives None.
* "1,200" is 1200 and "15k" is 15000. Minus signs are ignored, because
  counts in this tool are never negative.
"""

from interview_prep.core.numbers.durations import parse_duration_years
from interview_prep.core.numbers.expressions import parse_number
from interview_prep.core.numbers.limits import attrition_percent, exceeds
from interview_prep.core.numbers.turnover import parse_hires_departures

__all__ = [
    "attrition_percent",
    "exceeds",
    "parse_duration_years",
    "parse_hires_departures",
    "parse_number",
]
