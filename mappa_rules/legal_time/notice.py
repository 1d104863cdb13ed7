"""Legal time for notice given before a date, or within days after one: the travel regulations and the days of
advance notice in SOA 2003 s.84.

Times of day are not modelled, except where the words themselves fix a clock time: "not less than 12 hours before
that date" is measured back from the start (00:00) of the date, so it ends at noon the day before. Each reading the
words leave open is a declared convention (``rulesets/notification/travel.yaml``) handed to these functions as a
value, so that a decision can compute the other reading and say whether it matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from .calendar import Length, TimeConventions, _plus, last_day, last_day_after

__all__ = [
    "DaysCounting",
    "HoursReading",
    "LatestTime",
    "days_before",
    "days_from_to",
    "days_late",
    "known_more_than_days_before",
    "last_day_within",
    "latest_day_days_before",
    "latest_day_hours_before_departure",
    "latest_time_hours_before_date",
    "notified_in_time",
    "within_days_of",
]


class DaysCounting(str, Enum):
    """How "not less than N days before" a date is counted (SI 2004/1220 reg 5(2)(a))."""

    CALENDAR = "calendar"
    """N calendar days separate the notice from the date: the latest day is the date minus N."""
    CLEAR_DAYS = "clear_days"
    """N clear days lie between the notice and the date, neither counted: the latest day is the date minus N + 1."""


class HoursReading(str, Enum):
    """How "not less than N hours before that date" is measured (SI 2004/1220 regs 5(2)(b), 5(3), 7(3))."""

    START_OF_DEPARTURE_DATE = "start_of_departure_date"
    """Back from the start (00:00) of the date: 24 hours ends at the end of the day two days before, 12 hours at
    noon the day before."""
    DAY_BEFORE_DEPARTURE = "day_before_departure"
    """The day before the date, whatever the number of hours (the reading until issue 9)."""


@dataclass(frozen=True, slots=True)
class LatestTime:
    """The latest moment to give notice: by the end of ``day``, or by the clock time ``by`` on it."""

    day: date
    by: time | None = None

    def __str__(self) -> str:
        return self.day.isoformat() if self.by is None else f"{self.day.isoformat()} {self.by.strftime('%H:%M')}"


def days_before(day: date, days: int) -> date:
    """The day ``days`` whole days before ``day``. Something due "at least N days before" D is due on this day
    at the latest; an event "more than N days before" D happened before it (SOA 2003 s.84(3), travel notice)."""
    return _plus(day, -days)


def days_from_to(first: date, last: date, *, inclusive: bool) -> int:
    """The number of days from ``first`` to ``last``: counting both days when ``inclusive`` (a trip leaving and
    returning on the same day lasts 1 day), otherwise the days elapsed (declared convention
    ``notification.travel.trip_days_inclusive``)."""
    if last < first:
        raise ValueError("the last day is before the first")
    return (last - first).days + (1 if inclusive else 0)


def latest_day_days_before(day: date, days: int, counting: DaysCounting) -> date:
    """The latest day for notice "not less than ``days`` days before" ``day``: ``day`` minus ``days`` counted on the
    calendar, or one day earlier when the days must be clear (SI 2004/1220 reg 5(2)(a))."""
    if days < 1:
        raise ValueError("notice must be at least one day before the date")
    return days_before(day, days + (1 if counting is DaysCounting.CLEAR_DAYS else 0))


def latest_time_hours_before_date(day: date, hours: int, reading: HoursReading) -> LatestTime:
    """The latest moment for notice "not less than ``hours`` hours before" the date ``day``.

    Measured from the start of the date, the limit is 00:00 on ``day`` less ``hours``: a limit falling at midnight
    is the end of the day before it (24 hours: two days before the date), any other a clock time on its day (12
    hours: noon the day before). Read as the day before departure, it is the end of the day before.
    """
    if hours < 1:
        raise ValueError("notice must be at least one hour before the date")
    if reading is HoursReading.DAY_BEFORE_DEPARTURE:
        return LatestTime(days_before(day, 1))
    whole, part = divmod(hours, 24)
    if part == 0:
        return LatestTime(_plus(day, -whole - 1))
    limit = datetime.combine(_plus(day, -whole - 1), time()) + timedelta(hours=24 - part)
    return LatestTime(limit.date(), limit.time())


def latest_day_hours_before_departure(departure: date) -> date:
    """The latest day for notice some hours before the departure itself (SI 2004/1220 reg 7(2)): the time of
    departure is not known, so the day before the date of departure (declared convention)."""
    return days_before(departure, 1)


def known_more_than_days_before(known_on: date, day: date, days: int) -> bool:
    """Whether something known on ``known_on`` was known "more than ``days`` days before" ``day``: on or before the
    day ``days`` + 1 days before it (known exactly 7 days before is not more than 7; SI 2004/1220 reg 5(2))."""
    return known_on < days_before(day, days)


def within_days_of(day: date, days: int, *, day_excluded: bool) -> date:
    """The last day "within ``days`` days of" ``day``: the day of the event excluded (the days after it), or
    counted as the first (SI 2004/1220 reg 8(2), declared convention
    ``notification.travel.return_day_excluded``)."""
    if days < 1:
        raise ValueError("a period must be at least one day long")
    return _plus(day, days if day_excluded else days - 1)


def last_day_within(day: date, length: Length, conventions: TimeConventions, *, day_excluded: bool) -> date:
    """The last day "within ``length`` of" ``day``: of the period after it when the day itself is excluded, or of
    the period beginning with it when it counts as the first (SOA 2003 ss.91B(8)-(9), 91C(1), declared convention
    ``notification.review.within_excludes_day``)."""
    return (last_day_after if day_excluded else last_day)(day, length, conventions)[0]


def notified_in_time(day: date, last_day: date) -> bool:
    """Whether something done on ``day`` was done within a period whose last day is ``last_day``: on that day or
    before it ("within the period of 3 days beginning with ...": SOA 2003 ss.83(1), 84(1); the days of a period
    are whole days, so the last day counts to its end)."""
    return day <= last_day


def days_late(last_day: date, day: date) -> int:
    """By how many days something done on ``day`` was late for a period whose last day is ``last_day``: 0 on or
    before that day, else the days from the day after it to ``day``, both counted (done on the day after the last
    day, 1 day late). The failure begins on the day after the last day and continues until it is made good
    (SOA 2003 s.91(3): "on the day on which he first fails ... and continues ... throughout any period during
    which the failure continues")."""
    return max(0, (day - last_day).days)
