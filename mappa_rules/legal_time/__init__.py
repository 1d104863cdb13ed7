"""Legal time: the one owner of statutory period arithmetic.

:mod:`.calendar` holds the arithmetic, pure and named after the drafting conventions it implements (re-exported
here); :mod:`.conventions` reads the conventions the rulesets declare (``rulesets/time/conventions.yaml``) as at a
scope's date and records each reliance on one, so that a decision warns about it.
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
    corresponding_day_before,
    covered_span,
    day_after_end,
    days_before,
    days_from_to,
    disregarded_days,
    first_counted_day,
    halve,
    last_day,
    last_day_after,
    last_day_disregarding,
    length_in_months,
    qualifying_day,
    start_for_end,
    working_days_after,
)

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
    "length_in_months",
    "qualifying_day",
    "start_for_end",
    "working_days_after",
]
