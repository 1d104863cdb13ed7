"""Notice of foreign travel: Sexual Offences Act 2003 s.86 and the travel regulations, by date of departure.

SI 2001/1846 (from 1 June 2001): trips of 8 days or longer, at least 24 hours before departure. SI 2004/1220 (from
1 May 2004): trips of 3 days or more; trips under 8 days leaving by 9 May 2004 exempt. SI 2012/1876 (from 13
August 2012): every trip, 7 days before departure when known, otherwise 12 hours. https://www.legislation.gov.uk/
uksi/2004/1220/contents/made
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision, Outcome
from mappa_rules.questions import travel_notice

AS_OF = date(2026, 11, 21)


def _ask(departure: date, days: int, known: bool | None = None) -> Decision:
    case = Case.model_validate({
        "person": {"date_of_birth": date(1960, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": date(1999, 1, 5),
                       "offence": {"schedule3": True},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
        "trips": [{"departure": departure, "return_date": departure + timedelta(days=days - 1),
                   "known_7_days_before": known}],
    })
    return travel_notice(case, AS_OF)


@given(st.dates(min_value=date(2012, 8, 27), max_value=date(2030, 1, 1)), st.integers(1, 60), st.booleans())
def test_from_august_2012_every_trip_needs_notice_before_departure(departure: date, days: int, known: bool) -> None:
    """From 13 August 2012 every trip abroad, however short, needs notice, and the notice is due before departure:
    7 days before when the details are known, otherwise (at the latest) the day before.

    Citation: SI 2004/1220 as amended by SI 2012/1876. Status: unverified.
    """
    decision = _ask(departure, days, known)
    assert decision.outcome is Outcome.YES
    latest = decision.dates["travel_notice_by"]
    assert latest < departure
    assert latest == departure - timedelta(days=7 if known else 1)


@given(st.dates(min_value=date(2004, 5, 10), max_value=date(2012, 8, 12)), st.integers(1, 30))
def test_from_may_2004_trips_of_3_days_or_more_need_notice(departure: date, days: int) -> None:
    """Between 1 May 2004 and 12 August 2012 a trip needed notice if, and only if, it lasted 3 days or more.

    Citation: SI 2004/1220. Status: secondary.
    """
    decision = _ask(departure, days)
    assert decision.outcome is (Outcome.YES if days >= 3 else Outcome.NO)


@given(st.dates(min_value=date(2001, 6, 1), max_value=date(2004, 4, 30)), st.integers(1, 30))
def test_from_june_2001_trips_of_8_days_or_more_need_notice(departure: date, days: int) -> None:
    """Between 1 June 2001 and 30 April 2004 a trip needed notice if, and only if, it lasted 8 days or longer, at
    least 24 hours before departure.

    Citation: SI 2001/1846. Status: verified.
    """
    decision = _ask(departure, days)
    assert decision.outcome is (Outcome.YES if days >= 8 else Outcome.NO)
    if days >= 8:
        assert decision.dates["travel_notice_by"] == departure - timedelta(days=1)


@given(st.dates(min_value=date(2004, 5, 1), max_value=date(2004, 5, 9)), st.integers(1, 7))
def test_trips_under_8_days_leaving_by_9_may_2004_were_exempt(departure: date, days: int) -> None:
    """A trip of under 8 days leaving between 1 and 9 May 2004 needed no notice.

    Citation: SI 2004/1220 (transitional exemption). Status: verified.
    """
    assert _ask(departure, days).outcome is Outcome.NO
