"""Legal time at the ends of the calendar: every computation either gives a day or says the day falls outside the
calendar (years 1 to 9999), never an arithmetic error; and counting back from an end finds the same day however
long the length.

The calendar's arithmetic is the drafting convention of a period "beginning with" a day (Office of the
Parliamentary Counsel drafting guidance; Dodds v Walker [1981] 1 WLR 1441), applied to any date Python can hold.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules.legal_time import (
    BeyondCalendar,
    DateRange,
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

NEAR_ENDS = st.one_of(st.dates(date.min, date.min + timedelta(days=3000)),
                      st.dates(date.max - timedelta(days=3000), date.max), st.dates())
LENGTHS = st.builds(Length, years=st.integers(0, 200), months=st.integers(0, 2400), days=st.integers(0, 170000))
CONVENTIONS = st.builds(TimeConventions, missing_day=st.sampled_from(MissingDayRule),
                        partial_day=st.sampled_from(PartialDayRule))


def _total(compute: Callable[[], Any]) -> None:
    """Either an answer or :class:`BeyondCalendar`; nothing else may escape."""
    with suppress(BeyondCalendar):
        compute()


@given(NEAR_ENDS, NEAR_ENDS, LENGTHS, CONVENTIONS, st.integers(1, 400))
def test_every_computation_gives_a_day_or_says_it_is_beyond_the_calendar(
    day: date, other: date, length: Length, conventions: TimeConventions, days: int,
) -> None:
    """Near 1 January of year 1 and 31 December 9999 each computation of legal time either gives a day or reports
    that the day falls outside the calendar; none fails with an arithmetic error.

    Citation: OPC drafting guidance (periods beginning with a day); SOA 2003 ss.82-85 (the periods computed).
    Status: derived.
    """
    first, last = min(day, other), max(day, other)
    spans = [DateRange(first, last), DateRange(last)]
    for compute in (
        lambda: corresponding_day(day, length, conventions),
        lambda: last_day(day, length, conventions),
        lambda: day_after_end(day, length, conventions),
        lambda: halve(day, length, conventions),
        lambda: last_day_after(day, length, conventions),
        lambda: days_before(day, days),
        lambda: disregarded_days(spans, conventions),
        lambda: last_day_disregarding(day, days, spans, conventions),
        lambda: first_counted_day(day, spans, conventions),
        lambda: qualifying_day([DateRange(first, last)], 7, Length(months=12), conventions),
        lambda: working_days_after(day, days),
        lambda: corresponding_day_before(day, length, conventions),
        lambda: start_for_end(day, length, conventions),
        lambda: length_in_months(first, last, conventions),
        lambda: covered_span([(first, last)]),
        lambda: age_on(first, last, conventions),
    ):
        _total(compute)


def _latest_start_not_after(end: date, length: Length, conventions: TimeConventions) -> date:
    """Oracle: step back a day at a time from a start certainly late enough."""
    day = end
    while corresponding_day(day, length, conventions)[0] > end:
        day -= timedelta(days=1)
    return day


@given(st.dates(date(1800, 1, 1), date(2999, 12, 31)), st.builds(
    Length, years=st.integers(0, 3), months=st.integers(0, 40), days=st.integers(0, 60)), CONVENTIONS)
def test_counting_back_finds_the_latest_day_whose_period_ends_in_time(
    end: date, length: Length, conventions: TimeConventions,
) -> None:
    """The day ``length`` before an end is the latest day whose corresponding day is not after it (what is due "6
    months before release" is due then at the latest); the earliest start reaching an end is the next day after
    any start that falls short.

    Citation: OPC drafting guidance (corresponding-day rule); MAPPA Guidance (referral 6 months before release);
    SOA 2003 s.82(4) (partly concurrent terms). Status: derived.
    """
    latest = _latest_start_not_after(end, length, conventions)
    assert corresponding_day_before(end, length, conventions) == latest
    start = start_for_end(end, length, conventions)
    assert corresponding_day(start, length, conventions)[0] >= end
    assert corresponding_day(start - timedelta(days=1), length, conventions)[0] < end
