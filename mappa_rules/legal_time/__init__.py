"""Legal time: the one owner of statutory period arithmetic.

:mod:`.calendar` holds the arithmetic of periods, :mod:`.measures` the measuring of terms and counting back,
and :mod:`.notice` the arithmetic of notice given before a date, pure and named after the drafting conventions they
implement (re-exported here); :mod:`.conventions` reads the conventions the rulesets declare
(``rulesets/time/conventions.yaml``) as at a scope's date and records each reliance on one, so that a decision warns
about it.
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
    continued_last_day,
    corresponding_day,
    day_after_end,
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
from .notice import (
    DaysCounting,
    HoursReading,
    LatestTime,
    days_before,
    days_from_to,
    known_more_than_days_before,
    last_day_within,
    latest_day_days_before,
    latest_day_hours_before_departure,
    latest_time_hours_before_date,
    within_days_of,
)

__all__ = [
    "BeyondCalendar",
    "DateRange",
    "DaysCounting",
    "HalfMode",
    "HoursReading",
    "LatestTime",
    "Length",
    "MissingDayRule",
    "PartialDayRule",
    "TimeConventions",
    "age_on",
    "continued_last_day",
    "corresponding_day",
    "corresponding_day_before",
    "covered_span",
    "day_after_end",
    "days_before",
    "days_from_to",
    "disregarded_days",
    "first_counted_day",
    "halve",
    "known_more_than_days_before",
    "last_day",
    "last_day_after",
    "last_day_disregarding",
    "last_day_skipping",
    "last_day_within",
    "latest_day_days_before",
    "latest_day_hours_before_departure",
    "latest_time_hours_before_date",
    "length_in_months",
    "qualifying_day",
    "start_for_end",
    "within_days_of",
    "working_days_after",
]
