"""Notice of foreign travel: Sexual Offences Act 2003 s.86 and the travel regulations, by date of departure.

SI 2001/1846 (from 1 June 2001): trips of 8 days or longer, at least 24 hours before departure. SI 2004/1220 (from
1 May 2004): trips of 3 days or more (under 8 days leaving by 9 May 2004 exempt); 7 days before the date of
departure when the details were known more than 7 days ahead, 24 hours before it with a reasonable excuse or when
not known (reg 5); changes 24 hours before departure (reg 7); the return within three days unless as notified
(reg 8). SI 2012/1876 (from 13 August 2012): every trip (under 3 days leaving by 27 August 2012 exempt), 12 hours
when not known, changes not under 24 hours without a reasonable excuse.
https://www.legislation.gov.uk/uksi/2004/1220/contents/made
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision, Outcome
from mappa_rules.questions import travel_notice

AS_OF = date(2026, 11, 21)
ERA_2004 = st.dates(min_value=date(2004, 5, 10), max_value=date(2012, 8, 12))
ERA_2012 = st.dates(min_value=date(2012, 8, 13), max_value=date(2030, 1, 1))


def _ask(departure: date, days: int, **trip: Any) -> Decision:
    case = Case.model_validate({
        "person": {"date_of_birth": date(1960, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": date(2000, 1, 5),
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "life"}}],
        "trips": [{"departure": departure, "return_date": departure + timedelta(days=days - 1), **trip}],
    })
    return travel_notice(case, AS_OF)


def _warned(decision: Decision) -> dict[str, str]:
    return {w.code: w.message for w in decision.warnings}


@given(ERA_2004, st.integers(1, 30), st.booleans())
def test_from_may_2004_to_august_2012_trips_of_3_days_or_more_need_notice(departure: date, days: int,
                                                                          known: bool) -> None:
    """Between 1 May 2004 and 12 August 2012 a trip needed notice if, and only if, it lasted 3 days or more.

    Citation: SI 2004/1220 reg 5(1) as made. Status: verified (the day count is a declared convention).
    """
    decision = _ask(departure, days, known_more_than_7_days_before=known)
    assert decision.outcome is (Outcome.YES if days >= 3 else Outcome.NO)


@given(ERA_2012, st.integers(1, 30), st.booleans())
def test_from_august_2012_every_trip_needs_notice_but_short_ones_in_the_first_14_days(
    departure: date, days: int, known: bool
) -> None:
    """From 13 August 2012 every trip needs notice, except a trip of less than 3 days departing on or before 27
    August 2012, 14 days after the 2012 Regulations came into force.

    Citation: SI 2012/1876 regs 1(2), 3, 5(a). Status: verified (the last day of the transition is derived).
    """
    decision = _ask(departure, days, known_more_than_7_days_before=known)
    exempt = days < 3 and departure <= date(2012, 8, 27)
    assert decision.outcome is (Outcome.NO if exempt else Outcome.YES)


@given(st.one_of(ERA_2004, ERA_2012), st.integers(3, 30), st.integers(0, 60))
def test_details_known_on_the_8th_day_before_or_earlier_give_the_7_day_rule(departure: date, days: int,
                                                                              ahead: int) -> None:
    """Details known on or before the 8th day before the date of departure give the 7-day rule (latest day: that
    date minus 7); known on the 7th day before or later, the 24-hour (2004) or 12-hour (2012) rule: the day before
    the day before, or noon the day before.

    Citation: SI 2004/1220 reg 5(2)-(3) (as amended by SI 2012/1876 reg 5(b)). Status: verified.
    """
    decision = _ask(departure, days, details_known_on=departure - timedelta(days=ahead))
    latest = decision.dates["travel_notice_by"]
    if ahead >= 8:
        assert latest == departure - timedelta(days=7)
    elif departure < date(2012, 8, 13):
        assert latest == departure - timedelta(days=2)
    else:
        assert latest == departure - timedelta(days=1)
        assert decision.value["trips"][0]["by_time"] == "12:00"


@given(st.one_of(ERA_2004, ERA_2012), st.integers(3, 30))
def test_with_a_reasonable_excuse_the_fallback_is_24_hours_before_the_date_in_both_eras(departure: date,
                                                                                         days: int) -> None:
    """With a reasonable excuse for not giving 7 days' notice, notice is due as soon as reasonably practicable and
    not less than 24 hours before the date of departure, before and after 2012: by the end of the day two days
    before it.

    Citation: SI 2004/1220 reg 5(2)(b), unamended. Status: verified (the day: declared convention
    notification.travel.hours_before_date).
    """
    decision = _ask(departure, days, known_more_than_7_days_before=True, reasonable_excuse=True)
    assert decision.dates["travel_notice_by"] == departure - timedelta(days=2)
    assert decision.value["trips"][0]["as_soon_as_practicable"] is True


@given(st.dates(min_value=date(2001, 6, 1), max_value=date(2030, 1, 1)), st.integers(1, 30),
       st.sampled_from([None, True, False]), st.booleans())
def test_the_latest_day_is_never_after_the_day_before_nor_before_the_8th_day_before(
    departure: date, days: int, known: bool | None, excuse: bool
) -> None:
    """Whenever notice is due, its latest day falls between the 7th day and the day before the date of departure.

    Citation: SI 2004/1220 regs 5, 7. Status: derived.
    """
    decision = _ask(departure, days, known_more_than_7_days_before=known, reasonable_excuse=excuse)
    if "travel_notice_by" in decision.dates:
        assert departure - timedelta(days=7) <= decision.dates["travel_notice_by"] <= departure - timedelta(days=1)


@given(st.one_of(ERA_2004, ERA_2012), st.integers(3, 30), st.integers(0, 5), st.booleans())
def test_a_return_not_as_notified_is_notified_by_the_third_day_after_it(departure: date, days: int, late: int,
                                                                        as_notified: bool) -> None:
    """No return notification is needed when the person came back on the notified date at the notified point;
    otherwise it is due within three days of the return: by the third day after it.

    Citation: SI 2004/1220 reg 8(2)-(3). Status: verified (the day: declared convention
    notification.travel.return_day_excluded).
    """
    returned = departure + timedelta(days=days - 1 + late)
    decision = _ask(departure, days, known_more_than_7_days_before=True, notified_on=departure - timedelta(days=8),
                    returned_on=returned, return_as_notified=as_notified)
    trip = decision.value["trips"][0]
    assert trip["return_notification_required"] is (not as_notified)
    if not as_notified:
        assert decision.dates["return_notification_by"] == returned + timedelta(days=3)
        assert f"read as no it would be {(returned + timedelta(days=2)).isoformat()}" in _warned(decision)[
            "notification.travel.return_day_excluded"]


@given(st.dates(min_value=date(2012, 8, 28), max_value=date(2030, 1, 1)), st.integers(1, 30), st.integers(1, 7))
def test_from_august_2012_a_change_without_excuse_is_due_a_day_earlier_than_with_one(
    departure: date, days: int, before: int
) -> None:
    """From 13 August 2012 a change to the details notified is due 12 hours before the departure, but without a
    reasonable excuse not less than 24 hours before the date of departure: a day earlier.

    Citation: SI 2004/1220 reg 7(2)-(3) as amended by SI 2012/1876 reg 7. Status: verified.
    """
    notified = departure - timedelta(days=before + 7)
    trip = {"known_more_than_7_days_before": True, "notified_on": notified,
            "details_changed_on": departure - timedelta(days=before)}
    without = _ask(departure, days, **trip).dates["travel_change_by"]
    with_excuse = _ask(departure, days, **trip, change_reasonable_excuse=True).dates["travel_change_by"]
    assert (without, with_excuse) == (departure - timedelta(days=2), departure - timedelta(days=1))


@given(st.one_of(ERA_2004, ERA_2012), st.integers(3, 30))
def test_read_as_clear_days_the_7_day_latest_day_is_a_day_earlier_and_the_decision_says_so(departure: date,
                                                                                            days: int) -> None:
    """Read as seven clear days (the alternative), the latest day for 7 days' notice is one day earlier; the value
    gives it, and the decision warns, naming it.

    Citation: SI 2004/1220 reg 5(2)(a); declared convention notification.travel.seven_days_counting.
    Status: unverified (convention).
    """
    decision = _ask(departure, days, known_more_than_7_days_before=True)
    clear = departure - timedelta(days=8)
    assert decision.value["trips"][0]["latest_day_clear_days"] == clear
    assert f"read as clear_days it would be {clear.isoformat()}" in _warned(decision)[
        "notification.travel.seven_days_counting"]


@given(ERA_2004, st.integers(1, 30))
def test_how_a_trips_days_are_counted_is_warned_only_where_it_decides_whether_notice_is_needed(
    departure: date, days: int
) -> None:
    """A trip's days count both the day of departure and the day of return (declared convention). Counted as days
    elapsed, a trip of 3 days would last 2 and need no notice; only then is the convention warned, and otherwise
    it is listed as relied on.

    Citation: SI 2004/1220 reg 5(1) ("for a period of three days or longer"); declared convention
    notification.travel.trip_days_inclusive. Status: unverified (convention).
    """
    decision = _ask(departure, days, known_more_than_7_days_before=False)
    convention = "notification.travel.trip_days_inclusive"
    warned = convention in _warned(decision)
    assert warned is (days == 3)
    assert (convention in {r.id for r in decision.relied_on}) is not warned


@given(st.dates(min_value=date(2001, 6, 1), max_value=date(2004, 4, 30)), st.integers(1, 30))
def test_from_june_2001_trips_of_8_days_or_more_need_notice(departure: date, days: int) -> None:
    """Between 1 June 2001 and 30 April 2004 a trip needed notice if, and only if, it lasted 8 days or longer, at
    least 24 hours before departure (dated the day before: the time of departure is not modelled).

    Citation: SI 2001/1846. Status: verified.
    """
    decision = _ask(departure, days)
    assert decision.outcome is (Outcome.YES if days >= 8 else Outcome.NO)
    if days >= 8:
        assert decision.dates["travel_notice_by"] == departure - timedelta(days=1)


@given(st.dates(min_value=date(2004, 5, 1), max_value=date(2004, 5, 9)), st.integers(1, 20))
def test_leaving_by_9_may_2004_short_trips_were_exempt_and_longer_ones_kept_the_2001_rules(departure: date,
                                                                                          days: int) -> None:
    """A trip of under 8 days leaving between 1 and 9 May 2004 needed no notice; a longer one, by a person subject
    to the 2001 Regulations, was still governed by them (24 hours before departure).

    Citation: SI 2004/1220 reg 3(2), (4)-(5). Status: verified.
    """
    decision = _ask(departure, days)
    assert decision.outcome is (Outcome.NO if days < 8 else Outcome.YES)
    if days >= 8:
        assert decision.dates["travel_notice_by"] == departure - timedelta(days=1)


def test_a_return_not_known_to_be_as_notified_leaves_the_notice_decided() -> None:
    """Notice of a trip is due whatever happens on the return: a return recorded without saying whether it was as
    notified leaves the answer yes, with the notice's latest day, and only the return notification open (its
    missing fact named in its compliance) - recording the return never unsettles the notice (issue 11).

    Citation: SOA 2003 s.86(2)-(3); SI 2004/1220 regs 5(3), 8(2)-(3) (as amended by SI 2012/1876). Status: verified.
    """
    trip = {"departure": date(2031, 5, 17), "known_more_than_7_days_before": False}
    stated = {"notification": {"indefinite": True, "since": date(2027, 5, 28)}}
    away = travel_notice(Case.model_validate({"stated": stated, "trips": [trip]}), date(2056, 5, 8))
    back = travel_notice(Case.model_validate({"stated": stated, "trips": [{**trip, "returned_on": date(2035, 5, 8)}]}),
                         date(2056, 5, 8))
    assert away.outcome is back.outcome is Outcome.YES
    assert back.dates == away.dates == {"travel_notice_by": date(2031, 5, 16)}
    value = back.value.trips[0]
    assert value.return_notification_required is None and back.value.return_notification_required is None
    assert value.return_compliance is not None
    assert value.return_compliance.missing == ["trips[0].return_as_notified"]


def test_no_return_notification_once_the_requirements_have_ended() -> None:
    """Reg 8 binds a relevant offender who returns: a person whose 2-year caution period (1 year if under 18, s.82(2))
    ended long before the return need not notify it, whether or not it was as notified, and neither the date of birth
    nor return_as_notified is asked for.

    Citation: SI 2004/1220 reg 8(1)-(2); SOA 2003 ss.82(1)-(2), 86(3). Status: verified.
    """
    case = Case.model_validate({
        "disposals": [{"id": "d0", "trigger": "caution", "relevant_date": date(2017, 9, 23),
                       "offence": {"schedule3": True}}],
        "trips": [{"departure": date(2018, 1, 2), "known_more_than_7_days_before": True,
                   "returned_on": date(2037, 8, 25)}],
    })
    decision = travel_notice(case, date(2042, 9, 14))
    assert decision.outcome is Outcome.YES, decision.missing
    assert decision.value.trips[0].return_notification_required is False
    assert decision.value.trips[0].return_compliance is None
