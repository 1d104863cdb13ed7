"""Legal time: months and years on the calendar (``dateutil.relativedelta``), with the declared conventions on top.

A period of N months or years moves the calendar to the same day N months or years on (the corresponding-date
rule, Dodds v Walker [1981] 1 WLR 1441); where that month lacks the day (29 February, the 31st of a shorter month)
the declared convention ``time.conventions.missing_corresponding_day`` decides: the month's last day, or the first
day of the next month. The library moves months with ``relativedelta`` and applies the convention on top; each
answer is checked here against a plain calendar computation of the same rule (the library's own arithmetic before
it stood on ``relativedelta``), for every day Python can hold.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules.legal_time import (
    BeyondCalendar,
    Length,
    MissingDayRule,
    TimeConventions,
    corresponding_day,
    corresponding_day_before,
    length_in_months,
    start_for_end,
)

DAYS = st.one_of(st.dates(), st.dates(date(1990, 1, 1), date(2040, 12, 31)),
                 st.dates(date(9990, 1, 1), date.max), st.dates(date.min, date(10, 12, 31)))
MONTH_ENDS = st.builds(lambda y, m: date(y, m, calendar.monthrange(y, m)[1]),
                       st.integers(1, 9990), st.integers(1, 12))
LENGTHS = st.builds(Length, years=st.integers(0, 120), months=st.integers(0, 300), days=st.integers(0, 400))
CONVENTIONS = st.builds(TimeConventions, missing_day=st.sampled_from(MissingDayRule))


def _by_hand(start: date, months: int, rule: MissingDayRule) -> tuple[date, bool] | None:
    """Oracle: the month counted by hand, the day taken if the month has it, else the convention (None: beyond
    the calendar)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    if not 1 <= year <= 9999:
        return None
    length = calendar.monthrange(year, month)[1]
    if start.day <= length:
        return date(year, month, start.day), False
    last = date(year, month, length)
    if rule is MissingDayRule.LAST_DAY:
        return last, True
    return (None if last == date.max else (last + timedelta(days=1), True))


def _corresponding_by_hand(start: date, length: Length, conv: TimeConventions) -> tuple[date, bool] | None:
    moved = _by_hand(start, length.total_months, conv.missing_day)
    if moved is None:
        return None
    try:
        return moved[0] + timedelta(days=length.days), moved[1]
    except OverflowError:
        return None


def _or_beyond(start: date, length: Length, conv: TimeConventions) -> tuple[date, bool] | None:
    try:
        return corresponding_day(start, length, conv)
    except BeyondCalendar:
        return None


@given(st.one_of(DAYS, MONTH_ENDS), LENGTHS, CONVENTIONS)
def test_the_corresponding_day_is_the_same_day_months_on_or_the_declared_substitute(
    start: date, length: Length, conv: TimeConventions,
) -> None:
    """N years, M months and D days after a day is the same day of the month N years and M months on, then D days
    more; where that month lacks the day, the declared convention gives the month's last day or the next month's
    first, and says that it was used; a day beyond the calendar is reported as such.

    Citation: Dodds v Walker [1981] 1 WLR 1441 (corresponding-date rule); declared convention
    time.conventions.missing_corresponding_day. Status: unverified.
    """
    assert _or_beyond(start, length, conv) == _corresponding_by_hand(start, length, conv)


@given(MONTH_ENDS, st.integers(0, 48))
def test_29_february_and_month_ends(start: date, months: int) -> None:
    """From the last day of a month, the day M months on is that month's same day where it has one; otherwise
    its last day (``last_day``) or the next month's first (``next_day``): 29 February 2024 and a year is
    28 February or 1 March 2025, and 31 January and a month is 28 (or 29) February or 1 March.

    Citation: declared convention time.conventions.missing_corresponding_day; Dodds v Walker [1981] 1 WLR 1441.
    Status: unverified.
    """
    last = TimeConventions(missing_day=MissingDayRule.LAST_DAY)
    after = TimeConventions(missing_day=MissingDayRule.NEXT_DAY)
    (at_end, missing), (next_day, _) = (corresponding_day(start, Length(months=months), c) for c in (last, after))
    assert at_end.day == min(start.day, calendar.monthrange(at_end.year, at_end.month)[1])
    assert next_day == (at_end + timedelta(days=1) if missing else at_end)
    assert corresponding_day(date(2024, 2, 29), Length(years=1), last)[0] == date(2025, 2, 28)
    assert corresponding_day(date(2024, 2, 29), Length(years=1), after)[0] == date(2025, 3, 1)


@given(st.dates(date(1800, 1, 1), date(2999, 12, 31)), st.dates(date(1800, 1, 1), date(2999, 12, 31)), CONVENTIONS)
def test_a_term_in_months_is_the_most_whole_months_it_covers(first: date, second: date,
                                                             conv: TimeConventions) -> None:
    """A term from one day to another is N months where the corresponding day N months on is its end, and
    N + 0.5 months where it ends strictly between the corresponding days N and N + 1 months on.

    Citation: SOA 2003 s.82(1), Table ('6 months or less', '30 months or more'); Dodds v Walker [1981] 1 WLR 1441.
    Status: derived.
    """
    start, end = min(first, second), max(first, second)
    measured = length_in_months(start, end, conv)
    whole = int(measured)
    assert corresponding_day(start, Length(months=whole), conv)[0] <= end
    assert corresponding_day(start, Length(months=whole + 1), conv)[0] > end
    assert (measured == whole) == (corresponding_day(start, Length(months=whole), conv)[0] == end)


@given(st.dates(date(1800, 1, 1), date(2999, 12, 31)), st.builds(
    Length, years=st.integers(0, 30), months=st.integers(0, 40), days=st.integers(0, 60)), CONVENTIONS)
def test_counting_back_is_the_inverse_of_counting_on(end: date, length: Length, conv: TimeConventions) -> None:
    """The day a length before another is the latest day whose corresponding day is not after it, and the earliest
    start of a term reaching an end is the first day whose corresponding day is not before it.

    Citation: MAPPA Guidance (referral 6 months before release); SOA 2003 s.82(4) (partly concurrent terms).
    Status: derived.
    """
    before = corresponding_day_before(end, length, conv)
    assert corresponding_day(before, length, conv)[0] <= end < corresponding_day(before + timedelta(days=1),
                                                                                 length, conv)[0]
    start = start_for_end(end, length, conv)
    assert corresponding_day(start, length, conv)[0] >= end > corresponding_day(start - timedelta(days=1),
                                                                                length, conv)[0]
