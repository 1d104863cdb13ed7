"""Legal time for the notification duties: periods "after" a day, days before a day, trip lengths, qualifying periods.

OPC drafting guidance: a period "after" day D excludes D; a period "beginning with" D includes it. Sexual Offences
Act 2003 s.84(6) (qualifying period), s.85(1) ("after each event"), ss.83(6), 84(5) (disregarded time).
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules.legal_time import (
    DateRange,
    Length,
    MissingDayRule,
    PartialDayRule,
    TimeConventions,
    days_before,
    days_from_to,
    disregarded_days,
    first_counted_day,
    last_day,
    last_day_after,
    qualifying_day,
)

DAYS = st.dates(min_value=date(1997, 9, 1), max_value=date(2060, 12, 31))
CONVENTIONS = st.builds(TimeConventions, missing_day=st.sampled_from(MissingDayRule),
                        partial_day=st.sampled_from(PartialDayRule))
LENGTHS = st.builds(Length, years=st.integers(0, 3), months=st.integers(0, 11), days=st.integers(0, 40)).filter(
    lambda length: length != Length())


@given(DAYS, LENGTHS, CONVENTIONS)
def test_a_period_after_a_day_never_includes_it(day: date, length: Length, conv: TimeConventions) -> None:
    """A period after a day begins with the next day, so it ends as a period of the same length beginning then.

    Citation: OPC drafting guidance; Sexual Offences Act 2003 s.85(1). Status: secondary.
    """
    end, _ = last_day_after(day, length, conv)
    assert end > day
    assert (end, _) == last_day(day + timedelta(days=1), length, conv)


@given(DAYS, st.integers(0, 400))
def test_n_days_before_is_n_calendar_days_earlier(day: date, n: int) -> None:
    """The day N days before D leaves exactly N days between them, weekends and bank holidays included.

    Citation: Sexual Offences Act 2003 s.84(3); travel regulations (notice before departure). Status: derived.
    """
    earlier = days_before(day, n)
    assert (day - earlier).days == n


@given(DAYS, st.integers(0, 60))
def test_a_trip_counted_inclusively_is_one_day_longer(first: date, extra: int) -> None:
    """Counting both the day of departure and the day of return makes a trip one day longer than the days elapsed;
    a same-day return is a 1-day trip.

    Citation: declared convention notification.travel.trip_days_inclusive. Status: unverified.
    """
    last = first + timedelta(days=extra)
    assert days_from_to(first, last, inclusive=True) == days_from_to(first, last, inclusive=False) + 1
    assert days_from_to(first, first, inclusive=True) == 1


STAYS = st.lists(st.tuples(st.integers(0, 500), st.integers(0, 9)), min_size=1, max_size=5)


@given(DAYS, STAYS, st.integers(1, 10), CONVENTIONS)
def test_qualifying_day_is_the_first_day_the_stays_amount_to_the_period(
    start: date, stays: list[tuple[int, int]], needed: int, conv: TimeConventions
) -> None:
    """Stays amount to a qualifying period on the first day on which that many stay days, that day included,
    fall within one period of 12 months; before then they do not.

    Citation: Sexual Offences Act 2003 s.84(6); declared convention notification.change.stay_day_counting.
    Status: secondary.
    """
    ranges = [DateRange(start + timedelta(days=a), start + timedelta(days=a + b)) for a, b in stays]
    window = Length(months=12)
    found, _ = qualifying_day(ranges, needed, window, conv)
    stay_days = sorted({r.first + timedelta(days=i) for r in ranges for i in range((r.last - r.first).days + 1)
                        if r.last is not None})

    def qualifies(day: date) -> bool:
        upto = [d for d in stay_days if d <= day]
        return len(upto) >= needed and day <= last_day(upto[-needed], window, conv)[0]

    expected = next((d for d in stay_days if qualifies(d)), None)
    assert found == expected


@given(DAYS, st.integers(0, 20), st.integers(0, 20), CONVENTIONS)
def test_the_clock_starts_on_the_first_day_not_disregarded(
    start: date, offset: int, length: int, conv: TimeConventions
) -> None:
    """A period beginning with a day starts to run on the first day on or after it that is not disregarded.

    Citation: Sexual Offences Act 2003 s.83(6). Status: verified (primary text); part-days by declared convention.
    """
    interval = DateRange(start + timedelta(days=offset), start + timedelta(days=offset + length))
    first = first_counted_day(start, [interval], conv)
    assert first is not None and first >= start
    spans = disregarded_days([interval], conv)
    assert not any(s.contains(first) for s in spans)
    assert all(any(s.contains(start + timedelta(days=i)) for s in spans) for i in range((first - start).days))
