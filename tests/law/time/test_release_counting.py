"""Counting from a release or return: Sexual Offences Act 2003 ss.83(6), 84(1)(d), 84(5), 85(3)-(4).

An interval of custody, hospital detention or absence abroad is recorded from the day it begins to the day of
release or return. s.84(1)(d) ("within the period of 3 days beginning with ... his release") and s.85(3) ("the
period of 3 days beginning when subsection (4) first ceases to apply") make the day of release day 1; s.83(6)
disregards "any time" so detained, taken in whole days (declared convention time.conventions.partial_day_disregard,
value release_day_counted). https://www.legislation.gov.uk/ukpga/2003/42/section/85
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules.legal_time import (
    DateRange,
    PartialDayRule,
    TimeConventions,
    continued_last_day,
    disregarded_days,
    last_day_disregarding,
)

DAYS = st.dates(min_value=date(1997, 9, 1), max_value=date(2060, 12, 31))
COUNTED = TimeConventions(partial_day=PartialDayRule.RELEASE_DAY_COUNTED)
WHOLE = TimeConventions(partial_day=PartialDayRule.WHOLE_DAY_DISREGARDED)


@given(DAYS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), min_size=1, max_size=4))
def test_the_day_of_release_is_never_disregarded_and_a_shared_day_joins_two_intervals(
    start: date, spans: list[tuple[int, int]]
) -> None:
    """Under the declared reading a day of release or return is never disregarded unless another interval covers it
    before its own end, and an interval that ends on the day another begins (remand, then sentence) forms one
    stretch with it.

    Citation: Sexual Offences Act 2003 ss.84(1)(d), 85(3); declared convention
    time.conventions.partial_day_disregard. Status: derived.
    """
    ranges = [DateRange(start + timedelta(days=a), start + timedelta(days=a + b)) for a, b in spans]
    mapped = disregarded_days(ranges, COUNTED)
    for interval in ranges:
        assert interval.last is not None
        covered_by_other = any(o is not interval and o.first <= interval.last < (o.last or date.max)
                               for o in ranges)
        if not covered_by_other:
            assert not any(s.contains(interval.last) for s in mapped)
    first, second = ranges[0], DateRange(ranges[0].last or start, (ranges[0].last or start) + timedelta(days=5))
    assert len(disregarded_days([first, second], COUNTED)) == 1


@given(DAYS, st.integers(0, 400), st.integers(1, 10))
def test_a_release_is_day_1_of_a_period_beginning_with_it(start: date, length: int, days: int) -> None:
    """A period of N days beginning with the first day of custody ends on the release day + N - 1, however long the
    custody; disregarding the release day too would end it a day later.

    Citation: Sexual Offences Act 2003 ss.83(1), (6), 84(1)(d), (5). Status: derived.
    """
    released = start + timedelta(days=length)
    custody = [DateRange(start, released)]
    assert last_day_disregarding(start, days, custody, COUNTED) == released + timedelta(days=days - 1)
    assert last_day_disregarding(start, days, custody, WHOLE) == released + timedelta(days=days)


@given(DAYS, st.integers(0, 30), st.integers(1, 200), st.integers(1, 5))
def test_a_period_ending_in_custody_continues_to_the_release_day_plus_two(
    last: date, before: int, after: int, days: int
) -> None:
    """A period whose last day falls in custody, in hospital or abroad (on or after the day it began and before the
    day of release) continues until the end of N days beginning with the release day: the release day + N - 1.

    Citation: Sexual Offences Act 2003 s.85(3)-(4). Status: verified (the release day as day 1: derived).
    """
    interval = DateRange(last - timedelta(days=before), last + timedelta(days=after))
    assert interval.last is not None
    assert continued_last_day(last, days, [interval], COUNTED) == (True, interval.last + timedelta(days=days - 1))


@given(DAYS, st.integers(0, 30), st.integers(1, 5))
def test_a_period_whose_last_day_is_the_release_day_is_not_extended(last: date, before: int, days: int) -> None:
    """At the end of the day of release s.85(4) no longer applies, so a period ending that day is not extended.

    Citation: Sexual Offences Act 2003 s.85(3). Status: derived.
    """
    interval = DateRange(last - timedelta(days=before), last)
    assert continued_last_day(last, days, [interval], COUNTED) == (False, last)


@given(DAYS, st.integers(1, 30), st.integers(1, 30), st.integers(0, 60), st.integers(1, 5))
def test_a_later_absence_does_not_extend_the_period_again(
    last: date, left: int, back: int, gone: int, days: int
) -> None:
    """s.85(3) continues the period until the end of 3 days beginning when s.85(4) *first* ceases to apply: an
    absence abroad beginning the day after release, or later, does not move that date.

    Citation: Sexual Offences Act 2003 s.85(3) ("first ceases"). Status: verified.
    """
    custody = DateRange(last - timedelta(days=left), last + timedelta(days=back))
    assert custody.last is not None
    abroad = DateRange(custody.last + timedelta(days=1), custody.last + timedelta(days=1 + gone))
    alone = continued_last_day(last, days, [custody], COUNTED)
    assert continued_last_day(last, days, [custody, abroad], COUNTED) == alone == (
        True, custody.last + timedelta(days=days - 1))


@given(DAYS, st.integers(0, 30), st.integers(1, 5))
def test_while_still_detained_the_extended_period_has_no_end(last: date, before: int, days: int) -> None:
    """While the stretch in custody, hospital or abroad has no end, the period runs on with no date.

    Citation: Sexual Offences Act 2003 s.85(3)-(4). Status: verified.
    """
    assert continued_last_day(last, days, [DateRange(last - timedelta(days=before))], COUNTED) == (True, None)
