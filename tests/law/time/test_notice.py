"""Notice given before a date, or within days after one: SI 2004/1220 regs 5, 7 and 8 (as made and as amended by
SI 2012/1876).

"Not less than seven days before that date" (reg 5(2)(a)); "not less than 24 hours before that date" (regs 5(2)(b),
5(3) as made, 7(3)); "not less than 12 hours before that date" (reg 5(3) as amended); "more than seven days before
the date of his intended departure" (reg 5(2)); "within three days of his return" (reg 8(2)). The readings the
words leave open are declared conventions in rulesets/notification/travel.yaml.
https://www.legislation.gov.uk/uksi/2004/1220/regulation/5/made
"""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules.legal_time import (
    DaysCounting,
    HoursReading,
    LatestTime,
    known_more_than_days_before,
    latest_day_days_before,
    latest_day_hours_before_departure,
    latest_time_hours_before_date,
    within_days_of,
)

DAYS = st.dates(min_value=date(2001, 6, 1), max_value=date(2060, 12, 31))


@given(DAYS, st.integers(1, 30))
def test_clear_days_put_the_latest_day_one_day_earlier_than_calendar_days(day: date, n: int) -> None:
    """Not less than N days before a date is N calendar days before it; read as N clear days (neither the day of
    notice nor the date counted), one day earlier.

    Citation: SI 2004/1220 reg 5(2)(a); declared convention notification.travel.seven_days_counting.
    Status: unverified (convention).
    """
    calendar = latest_day_days_before(day, n, DaysCounting.CALENDAR)
    assert (day - calendar).days == n
    assert latest_day_days_before(day, n, DaysCounting.CLEAR_DAYS) == calendar - timedelta(days=1)


@given(DAYS, st.integers(1, 96))
def test_hours_before_a_date_are_measured_back_from_its_start(day: date, hours: int) -> None:
    """N hours before a date, measured from 00:00 on it: 24 hours is the end of the day two days before, 12 hours
    noon the day before; the limit is never on the date itself and never more than N hours before its start.

    Citation: SI 2004/1220 regs 5(2)(b), 5(3), 7(3) (as amended by SI 2012/1876 regs 5(b), 7); declared convention
    notification.travel.hours_before_date. Status: derived (convention).
    """
    latest = latest_time_hours_before_date(day, hours, HoursReading.START_OF_DEPARTURE_DATE)
    assert latest.day < day
    if hours % 24 == 0:
        assert latest == LatestTime(day - timedelta(days=hours // 24 + 1))
    else:
        assert latest.by == time(24 - hours % 24)
        assert latest.day == day - timedelta(days=hours // 24 + 1)
    assert latest_time_hours_before_date(day, 24, HoursReading.START_OF_DEPARTURE_DATE).day == day - timedelta(days=2)
    assert latest_time_hours_before_date(day, 12, HoursReading.START_OF_DEPARTURE_DATE) == LatestTime(
        day - timedelta(days=1), time(12))
    assert latest_time_hours_before_date(day, hours, HoursReading.DAY_BEFORE_DEPARTURE) == LatestTime(
        day - timedelta(days=1))


@given(DAYS)
def test_notice_before_the_departure_itself_is_dated_the_day_before(day: date) -> None:
    """Notice some hours before the intended departure itself (its time unknown) is due by the day before.

    Citation: SI 2004/1220 reg 7(2); declared convention notification.travel.hours_notice_day_before.
    Status: unverified (convention).
    """
    assert latest_day_hours_before_departure(day) == day - timedelta(days=1)


@given(DAYS, st.integers(0, 30))
def test_known_exactly_seven_days_ahead_is_not_more_than_seven_days(day: date, k: int) -> None:
    """Details known on the 8th day before departure or earlier were known "more than seven days before" it; known
    on the 7th day before, or later, they were not.

    Citation: SI 2004/1220 reg 5(2)-(3). Status: verified.
    """
    assert known_more_than_days_before(day - timedelta(days=k), day, 7) is (k >= 8)


@given(DAYS, st.integers(1, 10))
def test_within_days_of_a_return_excludes_the_day_of_return_by_default(day: date, n: int) -> None:
    """Within N days of a return: the days after it (latest day the return + N), or, counting the day of return
    as the first, one day earlier.

    Citation: SI 2004/1220 reg 8(2); declared convention notification.travel.return_day_excluded.
    Status: unverified (convention).
    """
    assert within_days_of(day, n, day_excluded=True) == day + timedelta(days=n)
    assert within_days_of(day, n, day_excluded=False) == day + timedelta(days=n - 1)
