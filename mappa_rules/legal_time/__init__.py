"""Legal time: the one owner of statutory period arithmetic.

:mod:`.calendar` holds the arithmetic, pure and named after the drafting conventions it implements, and
:mod:`.measures` the measuring of terms and counting back (both re-exported here); :mod:`.conventions` reads the
conventions the rulesets declare (``rulesets/time/conventions.yaml``) as at a scope's date and records each
reliance on one, so that a decision warns about it.
"""

from .calendar import (
    BeyondCalendar,
    DateRange,
    HalfMode,
    Length,
    MissingDayRule,
    PartialDayRule,
    TimeConventions,
    age_on,
    corresponding_day,
    day_after_end,
    days_before,
    days_from_to,
    disregarded_days,
    first_counted_day,
    halve,
    last_day,
    last_day_after,
    last_day_disregarding,
    last_day_skipping,
    qualifying_day,
    working_days_after,
)
from .measures import corresponding_day_before, covered_span, length_in_months, start_for_end

__all__ = [
    "BeyondCalendar",
    "DateRange",
    "HalfMode",
    "Length",
    "MissingDayRule",
    "PartialDayRule",
    "TimeConventions",
    "age_on",
    "corresponding_day",
    "corresponding_day_before",
    "covered_span",
    "day_after_end",
    "days_before",
    "days_from_to",
    "disregarded_days",
    "first_counted_day",
    "halve",
    "last_day",
    "last_day_after",
    "last_day_disregarding",
    "last_day_skipping",
    "length_in_months",
    "qualifying_day",
    "start_for_end",
    "working_days_after",
]
