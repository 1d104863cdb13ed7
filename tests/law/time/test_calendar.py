"""Legal time: periods "beginning with" a day, "the day after the end of", halves, disregarded days.

Drafting convention (Office of the Parliamentary Counsel): a period beginning with day D includes D; a period of
N years or months ends on the day before the corresponding day N years or months later (Dodds v Walker [1981]
1 WLR 1441). Declared conventions: rulesets/time/conventions.yaml.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules.legal_time import (
    DateRange,
    HalfMode,
    Length,
    MissingDayRule,
    PartialDayRule,
    TimeConventions,
    age_on,
    corresponding_day,
    covered_span,
    day_after_end,
    halve,
    last_day,
    last_day_disregarding,
    length_in_months,
    start_for_end,
)

DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31))
CONVENTIONS = st.builds(
    TimeConventions,
    missing_day=st.sampled_from(MissingDayRule),
    half_mode=st.sampled_from(HalfMode),
    partial_day=st.sampled_from(PartialDayRule),
)
DEFAULT = TimeConventions()


@given(DAYS, st.integers(1, 40), CONVENTIONS)
def test_years_period_ends_day_before_anniversary(start: date, years: int, conv: TimeConventions) -> None:
    """A period of N years beginning with D ends on the day before the Nth anniversary of D.

    Citation: OPC drafting guidance; SOA 2003 s.82(1). Status: secondary.
    """
    end, _ = last_day(start, Length(years=years), conv)
    anniversary, _ = corresponding_day(start, Length(years=years), conv)
    assert end == anniversary - timedelta(days=1)
    if not (start.month == 2 and start.day == 29):
        assert anniversary == start.replace(year=start.year + years)


@given(DAYS, st.integers(1, 40), CONVENTIONS)
def test_day_after_end_is_anniversary(start: date, years: int, conv: TimeConventions) -> None:
    """The day after the end of N years beginning with D is the Nth anniversary of D.

    Citation: SOA 2003 s.91B(2) (form of words); arithmetic. Status: derived.
    """
    end, _ = last_day(start, Length(years=years), conv)
    after, _ = day_after_end(start, Length(years=years), conv)
    assert after == end + timedelta(days=1)


@given(DAYS, st.integers(1, 400))
def test_days_period_includes_first_day(start: date, days: int) -> None:
    """A period of N days beginning with D ends at the end of D + (N - 1) days.

    Citation: OPC drafting guidance; SOA 2003 s.83(1). Status: secondary.
    """
    end, missing = last_day(start, Length(days=days), DEFAULT)
    assert end == start + timedelta(days=days - 1)
    assert not missing


def test_ten_years_from_20_april_2015() -> None:
    """The last day of a 10-year period that began on 20 April 2015 is 19 April 2025.

    Citation: SOA 2003 s.82(1). Status: derived.
    """
    assert last_day(date(2015, 4, 20), Length(years=10), DEFAULT) == (date(2025, 4, 19), False)


def test_29_february_conventions_are_reported() -> None:
    """A period of a year beginning with 29 February ends on 28 February (next-day rule) or 27 February
    (last-day rule), and the computation reports that the convention was needed.

    Citation: declared convention time.conventions.missing_corresponding_day. Status: unverified.
    """
    leap = date(2024, 2, 29)
    assert last_day(leap, Length(years=1), TimeConventions(missing_day=MissingDayRule.NEXT_DAY)) == (
        date(2025, 2, 28), True)
    assert last_day(leap, Length(years=1), TimeConventions(missing_day=MissingDayRule.LAST_DAY)) == (
        date(2025, 2, 27), True)
    assert last_day(leap, Length(years=4), DEFAULT) == (date(2028, 2, 28), False)


@given(DAYS, st.integers(1, 20))
def test_half_of_years_never_longer_than_whole(start: date, years: int) -> None:
    """Half of a period is never longer than the period and, in calendar-months mode, is 6N months.

    Citation: SOA 2003 s.82(2); declared convention time.conventions.half_period_mode. Status: unverified.
    """
    for mode in HalfMode:
        conv = TimeConventions(half_mode=mode)
        half = halve(start, Length(years=years), conv)
        half_end, _ = last_day(start, half, conv)
        whole_end, _ = last_day(start, Length(years=years), conv)
        assert half_end < whole_end
    assert halve(start, Length(years=years), DEFAULT) == Length(years=years // 2, months=6 * (years % 2))


@given(DAYS, st.integers(1, 10), st.integers(0, 30), st.integers(0, 60), CONVENTIONS)
def test_each_disregarded_day_moves_deadline_one_day(
    start: date, days: int, offset: int, length: int, conv: TimeConventions
) -> None:
    """Each day of disregarded custody within the period moves the end of an N-day period by exactly one day.

    Citation: SOA 2003 ss.83(6), 84(5). Status: verified (primary text); part-days by declared convention.
    """
    base = last_day_disregarding(start, days, [], conv)
    assert base == start + timedelta(days=days - 1)
    interval = DateRange(start + timedelta(days=offset), start + timedelta(days=offset + length))
    moved = last_day_disregarding(start, days, [interval], conv)
    assert moved is not None
    skipped = sum(
        1 for i in range((moved - start).days + 1)
        if any(s.contains(start + timedelta(days=i)) for s in _whole_days(interval, conv))
    )
    assert (moved - start).days + 1 - skipped == days
    assert moved >= base


def _whole_days(interval: DateRange, conv: TimeConventions) -> list[DateRange]:
    from mappa_rules.legal_time import disregarded_days

    return disregarded_days([interval], conv)


@given(DAYS, st.integers(1, 10))
def test_open_custody_stops_the_clock(start: date, days: int) -> None:
    """While the person is still in custody the period cannot end: no deadline is invented.

    Citation: SOA 2003 s.83(6). Status: verified (primary text).
    """
    assert last_day_disregarding(start, days, [DateRange(start, None)], DEFAULT) is None


@given(DAYS, DAYS)
def test_age_increases_on_birthday(birth: date, on: date) -> None:
    """A person attains an age at the start of the anniversary of their birth.

    Citation: Family Law Reform Act 1969 s.9. Status: verified (primary text).
    """
    if on < birth:
        return
    age = age_on(birth, on, DEFAULT)
    birthday, _ = corresponding_day(birth, Length(years=age), DEFAULT)
    next_birthday, _ = corresponding_day(birth, Length(years=age + 1), DEFAULT)
    assert birthday <= on < next_birthday


@given(DAYS, st.integers(0, 400), st.integers(0, 60), CONVENTIONS)
def test_term_lengths_compare_exactly_with_month_thresholds(
    start: date, months: int, days: int, conv: TimeConventions
) -> None:
    """A term is "N months or more" exactly when it reaches the Nth monthly corresponding day, and "N months or
    less" exactly when it does not pass it: the measure never rounds a term across a threshold.

    Citation: SOA 2003 s.82(1) ("6 months or less", "30 months or more"); CJA 2003 s.327(3). Status: derived.
    """
    end, _ = corresponding_day(start, Length(months=months, days=days), conv)
    measure = length_in_months(start, end, conv)
    for threshold in (6, 12, 30):
        reaches = corresponding_day(start, Length(months=threshold), conv)[0] <= end
        assert (measure >= threshold) is reaches
    if days == 0:
        assert measure == months


@given(DAYS, st.integers(1, 60), CONVENTIONS)
def test_partly_concurrent_start_overlaps_by_the_given_length(start: date, months: int, conv: TimeConventions) -> None:
    """A term placed to overlap the end of another by a given length starts on the earliest day from which it runs
    at least to that end: starting a day earlier, it would end before it.

    Citation: SOA 2003 s.82(4) (partly concurrent terms: X + Y - overlap). Status: derived.
    """
    end = start + timedelta(days=900)
    begin = start_for_end(end, Length(months=months), conv)
    assert corresponding_day(begin, Length(months=months), conv)[0] >= end
    assert corresponding_day(begin - timedelta(days=1), Length(months=months), conv)[0] < end


@given(DAYS, st.lists(st.tuples(st.integers(0, 500), st.integers(1, 400)), min_size=1, max_size=4))
def test_covered_span_counts_overlapping_days_once(start: date, terms: list[tuple[int, int]]) -> None:
    """Aggregated terms cover each day once: consecutive terms add, wholly concurrent terms do not.

    Citation: SOA 2003 s.82(3)-(4). Status: verified (primary text); the day measure is derived.
    """
    spans = [(start + timedelta(days=a), start + timedelta(days=a + n)) for a, n in terms]
    first, end = covered_span(spans)
    covered = {d for a, n in terms for d in range(a, a + n)}
    assert first == min(s for s, _ in spans)
    assert (end - first).days == len(covered)
