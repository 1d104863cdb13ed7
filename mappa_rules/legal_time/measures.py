"""Measuring terms and counting back from an end: a term in calendar months, the start from which a term reaches
an end, the day a length before another, and the span that aggregated terms cover. Pure, under the conventions of
:mod:`.calendar`."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from .calendar import BeyondCalendar, Length, TimeConventions, _plus, corresponding_day

__all__ = ["corresponding_day_before", "covered_span", "length_in_months", "start_for_end"]


def corresponding_day_before(end: date, length: Length, conventions: TimeConventions) -> date:
    """The day ``length`` before ``end``: the latest day whose corresponding day ``length`` later is not after
    ``end`` (so something due "6 months before release" is due on it at the latest)."""
    guess = _earlier_than_start(end, length)
    while corresponding_day(_plus(guess, 1), length, conventions)[0] <= end:
        guess = _plus(guess, 1)
    return guess


def length_in_months(start: date, end_exclusive: date, conventions: TimeConventions) -> float:
    """The length of the days [start, end_exclusive) in calendar months, for comparing a term with statutory
    thresholds such as "6 months or less" or "30 months or more".

    Exact where the span is a whole number of months by the corresponding-date rule; strictly between N and N + 1
    months it is N + 0.5, so that every comparison with a whole-month threshold is exact.
    """
    months = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month + 1
    while months > 0 and corresponding_day(start, Length(months=months), conventions)[0] > end_exclusive:
        months -= 1
    exact = corresponding_day(start, Length(months=months), conventions)[0] == end_exclusive
    return float(months) if exact else months + 0.5


def start_for_end(end_exclusive: date, length: Length, conventions: TimeConventions) -> date:
    """The earliest start day from which a term of ``length`` runs to ``end_exclusive`` or beyond.

    Used to place a partly concurrent term that overlaps the end of another by ``length`` (SOA 2003 s.82(4)).
    """
    guess = _earlier_than_start(end_exclusive, length)
    while corresponding_day(guess, length, conventions)[0] < end_exclusive:
        guess = _plus(guess, 1)
    return guess


def _earlier_than_start(end: date, length: Length) -> date:
    """A day before any start from which ``length`` reaches ``end``, by a few days only: back by the days, then by
    the months (to the same day of the month, or the month's last), then 4 days more, which is more than the longest
    run of days the corresponding-day rule sends to one day. The searches above then step forward a few days."""
    target = _plus(end, -length.days)
    index = target.month - 1 - length.total_months
    year, month = target.year + index // 12, index % 12 + 1
    if year < date.min.year:
        raise BeyondCalendar("a date computed from the case falls outside the calendar")
    back = date(year, month, min(target.day, calendar.monthrange(year, month)[1]))
    return _plus(back, -4)


def covered_span(spans: Iterable[tuple[date, date]]) -> tuple[date, date]:
    """For terms given as [start, end_exclusive) day ranges: the first start, and the day that many covered days
    after it (overlaps counted once, gaps left out), so that aggregated terms can be measured from one start."""
    ranges = sorted(spans)
    if not ranges:
        raise ValueError("no terms to measure")
    first = ranges[0][0]
    total, current_start, current_end = 0, ranges[0][0], ranges[0][1]
    for start, end in ranges[1:]:
        if start <= current_end:
            current_end = max(current_end, end)
        else:
            total += (current_end - current_start).days
            current_start, current_end = start, end
    total += (current_end - current_start).days
    return first, _plus(first, total)
