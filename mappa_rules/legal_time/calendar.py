"""Legal time arithmetic: the calendar of statutory periods, pure and named after its drafting conventions.

Every date the library reports is computed here, by named functions whose docstrings state the drafting
convention they implement. The conventions themselves (what to do when a corresponding day does not exist, how
to halve a period, how to treat a part-day in custody) are not fixed in this module: they are dated parameters
in ``rulesets/time/conventions.yaml`` and reach these functions as a :class:`TimeConventions` value, so a decision
can say which convention it relied on.

Drafting conventions (Office of the Parliamentary Counsel drafting guidance; Interpretation Act 1978):

* a period of N days/months/years "beginning with" day D includes D;
* such a period of N months or years ends at the end of the day before the corresponding day N months or years
  after D (the "corresponding date" rule, Dodds v Walker [1981] 1 WLR 1441);
* "the day after the end of" that period is therefore the corresponding day itself;
* a period "after" day D excludes D, so it begins with the next day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

__all__ = [
    "BeyondCalendar",
    "DateRange",
    "HalfMode",
    "Length",
    "MissingDayRule",
    "PartialDayRule",
    "TimeConventions",
    "age_on",
    "continued_last_day",
    "corresponding_day",
    "day_after_end",
    "disregarded_days",
    "first_counted_day",
    "halve",
    "last_day",
    "last_day_after",
    "last_day_disregarding",
    "last_day_skipping",
    "qualifying_day",
    "working_days_after",
]


class BeyondCalendar(ArithmeticError):
    """A computed date falls outside the calendar (years 1 to 9999). Input dates are limited so that no single
    period reaches it (:data:`mappa_rules.limits.MAX_DAY`); a chain of terms of centuries still can, and the
    question then says so instead of answering."""


def _plus(day: date, days: int) -> date:
    """``day`` moved on by ``days`` days (back, if negative), or :class:`BeyondCalendar`."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise BeyondCalendar("a date computed from the case falls outside the calendar") from None


class MissingDayRule(str, Enum):
    """What the corresponding day is when the calendar lacks it (29 February, 31st of a short month)."""

    NEXT_DAY = "next_day"
    """The corresponding day is the first day of the following month (29 Feb 2024 + 1 year -> 1 Mar 2025)."""
    LAST_DAY = "last_day"
    """The corresponding day is the last day of the month (29 Feb 2024 + 1 year -> 28 Feb 2025)."""


class HalfMode(str, Enum):
    """How half of a period of years is measured (SOA 2003 s.82(2))."""

    CALENDAR_MONTHS = "calendar_months"
    """Half of N years is 6N calendar months: half of 7 years is 3 years 6 months."""
    DAYS = "days"
    """Half of N years is half the number of days in the N-year period, rounded up to a whole day."""


class PartialDayRule(str, Enum):
    """How a day spent partly in custody, hospital or abroad counts (SOA 2003 ss.83(6), 84(5), 85(4)).

    An interval is recorded from the day it begins (custody, hospital or absence abroad) to the day it ends
    (release, return); the three readings differ only on those two days."""

    RELEASE_DAY_COUNTED = "release_day_counted"
    """The day an interval begins is disregarded; the day it ends (release, return) counts, as day 1 of a period
    beginning with it: each night in custody or abroad moves a period by one day."""
    WHOLE_DAY_DISREGARDED = "whole_day_disregarded"
    """Any day on which the person was so detained or absent for any part is disregarded entirely."""
    WHOLE_DAY_COUNTED = "whole_day_counted"
    """Only days wholly within the interval are disregarded; the first and last days count."""


@dataclass(frozen=True, slots=True)
class TimeConventions:
    """The declared conventions in force for one computation (from ``rulesets/time/conventions.yaml``)."""

    missing_day: MissingDayRule = MissingDayRule.NEXT_DAY
    half_mode: HalfMode = HalfMode.CALENDAR_MONTHS
    partial_day: PartialDayRule = PartialDayRule.RELEASE_DAY_COUNTED


@dataclass(frozen=True, slots=True, order=True)
class Length:
    """A length of time stated in years, months and days, as a statute or sentence states it."""

    years: int = 0
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if self.years < 0 or self.months < 0 or self.days < 0:
            raise ValueError("a length of time cannot be negative")

    @property
    def total_months(self) -> int:
        """Whole months in the years and months parts (days ignored)."""
        return self.years * 12 + self.months

    def __str__(self) -> str:
        parts = []
        for value, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if value:
                parts.append(f"{value} {unit}{'' if value == 1 else 's'}")
        return " ".join(parts) or "0 days"


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of whole days, ``first`` to ``last``; ``last`` None means still continuing."""

    first: date
    last: date | None = None

    def __post_init__(self) -> None:
        if self.last is not None and self.last < self.first:
            raise ValueError("a date range cannot end before it begins")

    def contains(self, day: date) -> bool:
        return self.first <= day and (self.last is None or day <= self.last)


def _add_months(start: date, months: int, rule: MissingDayRule) -> tuple[date, bool]:
    """``start`` moved on by whole calendar months; also whether the corresponding day was missing."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    if not date.min.year <= year <= date.max.year:
        raise BeyondCalendar("a date computed from the case falls outside the calendar")
    month_length = calendar.monthrange(year, month)[1]
    if start.day <= month_length:
        return date(year, month, start.day), False
    if rule is MissingDayRule.LAST_DAY:
        return date(year, month, month_length), True
    return _plus(date(year, month, month_length), 1), True


def corresponding_day(start: date, length: Length, conventions: TimeConventions) -> tuple[date, bool]:
    """The day ``length`` after ``start`` by the corresponding-date rule.

    Years and months move the calendar; days are then added. Returns the day and whether the calendar lacked the
    corresponding day, so that the caller can surface the 29 February / month-end convention as a warning.
    """
    moved, missing = _add_months(start, length.total_months, conventions.missing_day)
    return _plus(moved, length.days), missing


def last_day(start: date, length: Length, conventions: TimeConventions) -> tuple[date, bool]:
    """Last day of a period of ``length`` beginning with ``start`` (the day is included).

    A period of N years beginning with D ends on the day before the Nth anniversary of D; a period of N days
    beginning with D ends on D + (N - 1) days. Returns the day and whether the missing-day convention was used.
    """
    after, missing = corresponding_day(start, length, conventions)
    return _plus(after, -1), missing


def day_after_end(start: date, length: Length, conventions: TimeConventions) -> tuple[date, bool]:
    """The day after the end of a period of ``length`` beginning with ``start``: the corresponding day."""
    return corresponding_day(start, length, conventions)


def halve(start: date, length: Length, conventions: TimeConventions) -> Length:
    """Half of ``length`` for a period beginning with ``start`` under the declared half-period convention.

    In calendar-months mode half of N years and M months is (12N + M) / 2 months, with any odd month turned into
    days by the days mode below. In days mode half the days of the whole period, rounded up, are taken.
    """
    if conventions.half_mode is HalfMode.CALENDAR_MONTHS and length.total_months % 2 == 0 and length.days == 0:
        months = length.total_months // 2
        return Length(years=months // 12, months=months % 12)
    end, _ = corresponding_day(start, length, conventions)
    total_days = (end - start).days
    return Length(days=(total_days + 1) // 2)


def disregarded_days(ranges: Iterable[DateRange], conventions: TimeConventions) -> list[DateRange]:
    """The whole days to disregard for the given intervals, under the part-day convention, merged and sorted.

    An interval ``first``..``last`` (``last`` None: still continuing) disregards, by the convention in force: every
    day it touches (``whole_day_disregarded``); the days before the day it ends (``release_day_counted``: an
    interval that begins and ends on one day disregards nothing); or only the days wholly inside it
    (``whole_day_counted``). Spans that overlap or touch are then merged into one stretch.
    """
    spans: list[DateRange] = []
    rule = conventions.partial_day
    for span in ranges:
        first, last = span.first, span.last
        if rule is PartialDayRule.WHOLE_DAY_COUNTED:
            first = _plus(first, 1)
        if rule is not PartialDayRule.WHOLE_DAY_DISREGARDED and last is not None:
            last = _plus(last, -1)
        if last is not None and last < first:
            continue
        spans.append(DateRange(first, last))
    spans.sort(key=lambda s: s.first)
    merged: list[DateRange] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            if prev.last is None or (span.first - prev.last).days <= 1:
                last = None if prev.last is None or span.last is None else max(prev.last, span.last)
                merged[-1] = DateRange(prev.first, last)
                continue
        merged.append(span)
    return merged


def continued_last_day(
    last: date, days: int, ranges: Sequence[DateRange], conventions: TimeConventions
) -> tuple[bool, date | None]:
    """Whether a period whose last day is ``last`` would end while the person is detained or abroad, and the day
    it then continues to (SOA 2003 s.85(3)-(4)).

    The period would end whilst s.85(4) applies when ``last`` is a disregarded day; it then continues until the end
    of ``days`` days beginning with the day the stretch containing ``last`` first ceases (the day after that
    stretch), counted as plain calendar days: s.85 has no disregard of its own, and a later stretch in custody or
    abroad does not extend it again ("first ceases"). Returns ``(False, last)`` when the period is not extended,
    and ``(True, None)`` while the stretch has no end yet.
    """
    if days < 1:
        raise ValueError("a period must be at least one day long")
    containing = next((s for s in disregarded_days(ranges, conventions) if s.contains(last)), None)
    if containing is None:
        return False, last
    if containing.last is None:
        return True, None
    return True, _plus(containing.last, days)


def last_day_disregarding(
    start: date, days: int, disregard: Sequence[DateRange], conventions: TimeConventions
) -> date | None:
    """Last day of a period of ``days`` days beginning with ``start``, disregarding the given intervals.

    Each disregarded day moves the end by exactly one day. Returns None when the period cannot end because an
    interval that covers the remaining days has no end yet (for example, the person is still in custody).
    """
    return last_day_skipping(start, days, disregarded_days(disregard, conventions))


def last_day_skipping(start: date, days: int, spans: Sequence[DateRange]) -> date | None:
    """As :func:`last_day_disregarding`, given the whole days to disregard already merged and sorted (the output of
    :func:`disregarded_days`, which a caller asking about many periods of one case works out once)."""
    if days < 1:
        raise ValueError("a period must be at least one day long")
    day, counted = start, 0
    for span in spans:
        if span.last is not None and span.last < day:
            continue
        gap = (span.first - day).days
        if counted + gap >= days:
            break
        if gap > 0:
            counted += gap
        if span.last is None:
            return None
        day = max(day, _plus(span.last, 1))
    return _plus(day, days - counted - 1)


def first_counted_day(start: date, disregard: Sequence[DateRange], conventions: TimeConventions) -> date | None:
    """The first day on or after ``start`` that is not disregarded: the day a period beginning with ``start``
    actually starts to run (SOA 2003 s.83(6)). None while an interval with no end yet covers it."""
    return last_day_disregarding(start, 1, disregard, conventions)


def last_day_after(day: date, length: Length, conventions: TimeConventions) -> tuple[date, bool]:
    """Last day of a period of ``length`` *after* ``day``: "after" excludes the day itself, so the period
    begins with the next day (OPC drafting guidance; SOA 2003 s.85(1) "within the applicable period after").

    A year after 10 March 2024 begins on 11 March 2024 and ends on 10 March 2025; 7 days after a Monday end on
    the next Monday. Returns the day and whether the missing-day convention was used.
    """
    return last_day(_plus(day, 1), length, conventions)


def qualifying_day(
    stays: Sequence[DateRange], days: int, window: Length, conventions: TimeConventions
) -> tuple[date | None, bool]:
    """The day on which stays at one place first amount to ``days`` days within a period of ``window``.

    SOA 2003 s.84(6): a qualifying period is a period of N days, or two or more periods in any period of 12
    months which together amount to N days. Each calendar day of a stay counts as one day (declared convention
    ``notification.change.stay_day_counting``). The answer is the first day D such that D and the N - 1 stay
    days before it fall within one period of ``window``; None if the stays never amount to N days. Also
    returns whether the missing-day convention was used. Every stay must have an end.
    """
    if days < 1:
        raise ValueError("a qualifying period must be at least one day long")
    recent: list[date] = []
    missing_used = False
    for span in sorted(stays, key=lambda s: s.first):
        if span.last is None:
            raise ValueError("a stay must have a last day")
        day = max(span.first, _plus(recent[-1], 1)) if recent else span.first
        while day <= span.last:
            recent.append(day)
            if len(recent) >= days:
                first = recent[-days]
                end, missing = last_day(first, window, conventions)
                missing_used = missing_used or missing
                if day <= end:
                    return day, missing_used
            if day == span.last:
                break
            day = _plus(day, 1)
    return None, missing_used


def age_on(birth: date, on: date, conventions: TimeConventions) -> int:
    """Age in whole years on ``on``: a person attains an age at the start of the anniversary of birth.

    Family Law Reform Act 1969 s.9. The anniversary of 29 February follows the declared missing-day convention.
    """
    years = on.year - birth.year
    anniversary, _ = corresponding_day(birth, Length(years=years), conventions)
    return years if anniversary <= on else years - 1


def working_days_after(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    """The day that is the ``days``-th working day after ``start`` (``start`` itself not counted). Working days
    are Monday to Friday, less the ``holidays`` given; the caller declares which holidays it knows."""
    closed = set(holidays)
    day, counted = start, 0
    while counted < days:
        day = _plus(day, 1)
        if day.weekday() < 5 and day not in closed:
            counted += 1
    return day
