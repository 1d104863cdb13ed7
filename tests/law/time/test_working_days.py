"""Legal time: working days, Monday to Friday less the holidays of England and Wales.

The holidays are law data (``rulesets/time/working_days.yaml``, parameter ``time.working_days.bank_holidays``): the
bank holidays of the Banking and Financial Dealings Act 1971 s.1 and Sch 1 para 1, the days royal proclamations
appoint under s.1(2)-(3), and Christmas Day and Good Friday (s.1(4)). The list is checked, year by year, against
the ``holidays`` package; the counting (``mappa_rules.legal_time.working_days_after``) is handed the list and never
guesses a year it does not hold.
"""

from __future__ import annotations

from datetime import date

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, mappa_level
from mappa_rules.legal_time import HolidaysNotKnown, holidays_passed, working_days_after
from mappa_rules.rulebook import BANK_HOLIDAYS, bank_holidays, default_rulebook

BOOK = default_rulebook()
LISTED = BOOK.parameter(BANK_HOLIDAYS)
HOLIDAYS_OF = bank_holidays(BOOK)
COVERED = [start.year for start, value in zip(LISTED.starts, LISTED.values, strict=True) if value is not None]
FIRST, LAST = min(COVERED), max(COVERED)
INSIDE = st.dates(date(FIRST, 1, 1), date(LAST, 11, 30))
ANY_DAY = st.dates(date(1800, 1, 1), date(2999, 12, 31))
COUNTS = st.integers(0, 20)


def test_the_list_covers_whole_years_without_a_gap() -> None:
    """Each value of the list is one calendar year's holidays, from 1 January of that year, the years following one
    another without a gap until the list ends (a null value); each value holds only weekdays of its own year, in
    order.

    Citation: Banking and Financial Dealings Act 1971 s.1(1)-(3), Sch 1 para 1 (bank holidays are fixed year by
    year). Status: secondary.
    """
    assert all(start.month == 1 and start.day == 1 for start in LISTED.starts)
    assert list(range(FIRST, LAST + 1)) == COVERED
    assert LISTED.values[-1] is None and LISTED.starts[-1] == date(LAST + 1, 1, 1)
    for year in COVERED:
        days = HOLIDAYS_OF(year)
        assert days is not None and list(days) == sorted(set(days))
        assert all(d.year == year and d.weekday() < 5 for d in days)
    assert HOLIDAYS_OF(FIRST - 1) is None and HOLIDAYS_OF(LAST + 1) is None


@pytest.mark.parametrize("year", COVERED)
def test_the_listed_holidays_are_those_of_the_holidays_package(year: int) -> None:
    """For every year the rulesets cover, the weekdays listed are exactly the weekday public holidays of England in
    the ``holidays`` package: the scheduled bank holidays, New Year's Day and the early May holiday, the days
    appointed in place of a holiday on a weekend, the special days, Christmas Day and Good Friday.

    Citation: Banking and Financial Dealings Act 1971 s.1 and Sch 1 para 1; royal proclamations under s.1(2)-(3).
    Status: secondary.
    """
    package = sorted(d for d in holidays.country_holidays("GB", subdiv="ENG", years=year) if d.weekday() < 5)
    assert list(HOLIDAYS_OF(year) or ()) == package


def test_the_scheduled_bank_holidays_are_listed() -> None:
    """Schedule 1 para 1 in its own words: Easter Monday, the last Monday in May, the last Monday in August, 26
    December if it be not a Sunday, and 27 December in a year in which 25 or 26 December is a Sunday. In 2026
    Easter Monday is 6 April, and 26 December a Saturday (so 28 December, the next weekday, is appointed in its
    place); in 2027 25 December is a Saturday and 26 December a Sunday, so 27 and 28 December are holidays; the
    late May holiday moved to 2 June 2022 is listed in place of 30 May.

    Citation: Banking and Financial Dealings Act 1971 Sch 1 para 1; s.1(2). Status: secondary.
    """
    assert {date(2026, 4, 6), date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 28)} <= set(HOLIDAYS_OF(2026) or ())
    assert {date(2027, 12, 27), date(2027, 12, 28)} <= set(HOLIDAYS_OF(2027) or ())
    assert date(2022, 6, 2) in (HOLIDAYS_OF(2022) or ()) and date(2022, 5, 30) not in (HOLIDAYS_OF(2022) or ())


@given(INSIDE, COUNTS)
def test_a_working_day_is_never_a_weekend_or_a_bank_holiday(start: date, days: int) -> None:
    """Counting working days after a day lands on a Monday to Friday that is not a bank holiday (nor Christmas Day
    or Good Friday) in England and Wales, and every day passed over that is not counted is one of those.

    Citation: Banking and Financial Dealings Act 1971 s.1(1) and Sch 1 para 1 (bank holidays in England and Wales);
    MAPPA Guidance (working days). Status: secondary.
    """
    end = working_days_after(start, max(days, 1), HOLIDAYS_OF)
    assert end.weekday() < 5 and end not in (HOLIDAYS_OF(end.year) or ())
    passed = holidays_passed(start, end, HOLIDAYS_OF)
    assert all(d.weekday() < 5 and start < d <= end for d in passed)
    weekdays = sum(1 for n in range(1, (end - start).days + 1) if date.fromordinal(start.toordinal() + n).weekday() < 5)
    assert weekdays - len(passed) == max(days, 1)


@given(INSIDE, COUNTS)
def test_one_more_working_day_moves_forward(start: date, days: int) -> None:
    """The (N + 1)th working day after a day is after the Nth, and is the first working day after it: counting N
    working days and then 1 more is counting N + 1.

    Citation: Banking and Financial Dealings Act 1971 s.1 and Sch 1 para 1; MAPPA Guidance (working days).
    Status: derived.
    """
    nth = working_days_after(start, days, HOLIDAYS_OF)
    following = working_days_after(start, days + 1, HOLIDAYS_OF)
    assert following > nth
    assert following == working_days_after(nth, 1, HOLIDAYS_OF)


@given(ANY_DAY, st.integers(1, 20))
def test_a_count_reaching_a_year_not_listed_is_not_guessed(start: date, days: int) -> None:
    """A count of working days that reaches a year whose holidays the rulesets do not list gives no day: it names
    the year instead (a bank holiday of that year may yet be appointed by proclamation, s.1(2)-(3)).

    Citation: Banking and Financial Dealings Act 1971 s.1(2)-(3). Status: derived.
    """
    try:
        end = working_days_after(start, days, HOLIDAYS_OF)
    except HolidaysNotKnown as exc:
        assert not FIRST <= exc.year <= LAST
        assert start.year <= exc.year
    else:
        assert start.year >= FIRST or start.year == FIRST - 1
        assert all(HOLIDAYS_OF(year) is not None for year in range(start.year + 1, end.year + 1))


def _level(sentenced_on: date) -> Case:
    return Case.model_validate({
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": sentenced_on, "court": "england_wales",
                       "offence": {"schedule3": False, "schedule15": "part_1"},
                       "sentence": {"kind": "imprisonment", "term": {"years": 4}},
                       "supervision_end": date(sentenced_on.year + 4, 1, 1)}],
        "mappa": {"meetings_add_value": False, "current_level": 1, "sentenced_on": sentenced_on},
    })


def test_identification_passes_over_christmas_and_the_day_in_place_of_boxing_day() -> None:
    """Sentence on Wednesday 23 December 2026: 24 December is the first working day, 25 December (Christmas Day)
    and 28 December (appointed in place of Boxing Day, a Saturday) are not working days, so the third working day
    is Wednesday 30 December; the decision relies on the list, naming the two days it passed over.

    Citation: MAPPA Guidance (identification within 3 working days of sentence); Banking and Financial Dealings
    Act 1971 Sch 1 para 1, s.1(4). Status: secondary.
    """
    decision = mappa_level(_level(date(2026, 12, 23)), date(2026, 12, 24))
    assert decision.dates["identify_by"] == date(2026, 12, 30)
    relied = {r.id: r.value for r in decision.relied_on}
    assert relied[BANK_HOLIDAYS] == "2026-12-25, 2026-12-28 passed over"


def test_identification_beyond_the_listed_years_is_warned_not_given() -> None:
    """Sentence on 29 December 2027: the third working day falls in 2028, whose holidays are not listed, so no day
    is given and the decision warns, naming the year; the level guidance itself is still given.

    Citation: Banking and Financial Dealings Act 1971 s.1(2)-(3) (days appointed by proclamation). Status: derived.
    """
    decision = mappa_level(_level(date(2027, 12, 29)), date(2027, 12, 30))
    assert decision.outcome.value == "yes" and decision.value.level == 1
    assert "identify_by" not in decision.dates
    assert decision.value.referral is None
    warning = next(w for w in decision.warnings if w.code == BANK_HOLIDAYS)
    assert "2028" in warning.message
