"""The declared legal-time conventions in force at a date, read from ``rulesets/time/conventions.yaml``, and periods
dated under them.

Reading the conventions does not by itself raise a warning: a computation that actually depends on one (a period
"beginning with" a day, a missing corresponding day, a halved period, a part-day in custody) records it with
:func:`rely_on`. :func:`period_last_day`, :func:`day_after_period` and :func:`half_of` date a period and record
what they relied on, so that the warning cannot be forgotten.
"""

from __future__ import annotations

from datetime import date

from ..engine import Scope
from .calendar import HalfMode, Length, MissingDayRule, PartialDayRule, TimeConventions, day_after_end, halve, last_day

__all__ = [
    "BEGINNING_WITH",
    "HALF_MODE",
    "MISSING_DAY",
    "PARTIAL_DAY",
    "conventions_at",
    "day_after_period",
    "half_of",
    "period_last_day",
    "rely_on",
]

BEGINNING_WITH = "time.beginning_with_convention"
MISSING_DAY = "time.missing_corresponding_day"
HALF_MODE = "time.half_period_mode"
PARTIAL_DAY = "time.partial_day_disregard"


def conventions_at(scope: Scope) -> TimeConventions:
    """The conventions in force on the scope's as-at date (computed once per scope)."""
    return scope.remember("time.conventions", _conventions)


def _conventions(scope: Scope) -> TimeConventions:
    book, day = scope.book, scope.as_at
    return TimeConventions(
        missing_day=MissingDayRule(book.parameter(MISSING_DAY).value_at(day)),
        half_mode=HalfMode(book.parameter(HALF_MODE).value_at(day)),
        partial_day=PartialDayRule(book.parameter(PARTIAL_DAY).value_at(day)),
    )


def rely_on(scope: Scope, convention: str) -> None:
    """Record that a result depends on the named convention (it then appears among the warnings)."""
    scope.param(convention)


def period_last_day(scope: Scope, start: date, length: Length) -> date:
    """The last day of a period of ``length`` beginning with ``start``: the day before the corresponding day
    (recording the "beginning with" reading, and the missing-day rule when the calendar lacks that day)."""
    end, missing = last_day(start, length, conventions_at(scope))
    if missing:
        rely_on(scope, MISSING_DAY)
    rely_on(scope, BEGINNING_WITH)
    return end


def day_after_period(scope: Scope, start: date, length: Length) -> date:
    """The day after the end of a period of ``length`` beginning with ``start``: the corresponding day itself
    (recording the "beginning with" reading, and the missing-day rule when the calendar lacks that day)."""
    day, missing = day_after_end(start, length, conventions_at(scope))
    if missing:
        rely_on(scope, MISSING_DAY)
    rely_on(scope, BEGINNING_WITH)
    return day


def half_of(scope: Scope, start: date, length: Length) -> Length:
    """Half of ``length`` for a period beginning with ``start`` (recording how halves are measured)."""
    rely_on(scope, HALF_MODE)
    return halve(start, length, conventions_at(scope))
