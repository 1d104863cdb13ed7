"""Working days: Monday to Friday, less the holidays the caller declares, year by year.

Which weekdays are holidays is law (in England and Wales the Banking and Financial Dealings Act 1971 s.1 and
Sch 1, royal proclamations under s.1(2)-(3), and Christmas Day and Good Friday), so it is not held here: the caller
passes a function giving the holidays of a year, read from the rulesets, or None for a year it does not know. A
count that reaches such a year is not guessed: :class:`HolidaysNotKnown` names the year.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from .calendar import _plus

__all__ = ["HolidaysNotKnown", "HolidaysOf", "holidays_passed", "working_days_after"]

HolidaysOf = Callable[[int], "Collection[date] | None"]
"""The holidays of a year (the weekdays among them are not working days), or None for a year not known."""


class HolidaysNotKnown(LookupError):
    """A count of working days reached a year whose holidays the caller does not know."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"the holidays of {year} are not known")


def working_days_after(start: date, days: int, holidays_of: HolidaysOf) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted; 0 days: ``start``). A working day
    is a Monday to Friday that is not among the holidays of its year; :class:`HolidaysNotKnown` if the count
    reaches a year whose holidays are not known, :class:`~.calendar.BeyondCalendar` past the end of the calendar."""
    if days < 0:
        raise ValueError("a number of working days cannot be negative")
    day, counted, year = start, 0, None
    closed: Collection[date] = ()
    while counted < days:
        day = _plus(day, 1)
        if day.year != year:
            year = day.year
            known = holidays_of(year)
            if known is None:
                raise HolidaysNotKnown(year)
            closed = known
        if day.weekday() < 5 and day not in closed:
            counted += 1
    return day


def holidays_passed(start: date, end: date, holidays_of: HolidaysOf) -> list[date]:
    """The weekday holidays after ``start`` up to and including ``end`` (those a count from ``start`` to ``end``
    passed over), in order; every year in the stretch must be known."""
    passed: list[date] = []
    for year in range(start.year, end.year + 1):
        known = holidays_of(year)
        if known is None:
            raise HolidaysNotKnown(year)
        passed.extend(d for d in known if start < d <= end and d.weekday() < 5)
    return sorted(passed)
