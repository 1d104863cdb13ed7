"""Periodic notification: Sexual Offences Act 2003 s.85.

s.85(1)-(2): notify again within the applicable period after each initial, change or periodic notification;
s.85(5)-(6): one year, or 7 days (from 13 August 2012) where the home address notified is a place where the
person can regularly be found; s.85(3)-(4): a period that would end in custody, in hospital or abroad continues to
the end of 3 days beginning when that ends. https://www.legislation.gov.uk/ukpga/2003/42/section/85
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision
from mappa_rules.questions import periodic

AS_OF = date(2030, 1, 1)
NOTIFIED = st.dates(min_value=date(2012, 8, 13), max_value=date(2026, 6, 1))


def _ask(notifications: list[dict[str, Any]], intervals: list[dict[str, Any]] | None = None) -> Decision:
    case = Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": date(2010, 1, 5),
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
        "notifications": notifications,
        "intervals": intervals or [],
    })
    return periodic(case, AS_OF)


def _notified(day: date, homeless: bool = False, kind: str = "periodic") -> dict[str, Any]:
    return {"kind": kind, "date": day, "no_sole_or_main_residence": homeless}


@given(NOTIFIED)
def test_the_year_after_a_notification_ends_on_its_anniversary(day: date) -> None:
    """With a settled home, the next notification is due on the anniversary of the last one, because the year
    begins the day after it: so a notification on 28 February before a leap year is next due on 29 February, and
    one on 29 February on 28 February.

    Citation: Sexual Offences Act 2003 s.85(1), (5)(b). Status: derived.
    """
    due = _ask([_notified(day)]).dates["periodic_due"]
    if (day.month, day.day) == (2, 29):
        assert due == date(day.year + 1, 2, 28)
    elif (day.month, day.day) == (2, 28) and calendar.isleap(day.year + 1):
        assert due == date(day.year + 1, 2, 29)
    else:
        assert due == day.replace(year=day.year + 1)


@given(NOTIFIED)
def test_after_excludes_the_day_of_the_notification(day: date) -> None:
    """The applicable period runs after the notification, so the next date is always later than the notification
    and the weekly period ends exactly 7 days later.

    Citation: Sexual Offences Act 2003 s.85(1), (5)(a), (6); parameter notification.periodic.after_excludes_trigger_day.
    Status: derived.
    """
    decision = _ask([_notified(day, homeless=True)])
    assert decision.dates["periodic_due"] == day + timedelta(days=7)
    assert "notification.periodic.after_excludes_trigger_day" in [r.id for r in decision.relied_on]
    assert "notification.periodic.after_excludes_trigger_day" not in [w.code for w in decision.warnings]


@given(NOTIFIED, st.integers(1, 6), st.integers(1, 90))
def test_a_period_ending_in_custody_runs_to_the_second_day_after_release(day: date, into: int, stay: int) -> None:
    """A weekly period that would end while the person is in custody continues to the end of 3 days beginning
    when the custody first ceases: the day of release is the first of them, so the next date is release + 2.

    Citation: Sexual Offences Act 2003 s.85(3)-(4); declared convention time.conventions.partial_day_disregard.
    Status: verified (the release day as day 1: derived).
    """
    start = day + timedelta(days=into)
    released = day + timedelta(days=7 + stay)
    decision = _ask([_notified(day, homeless=True)],
                    [{"kind": "remanded_in_custody", "start": start, "end": released}])
    assert decision.value["extended"] is True
    assert decision.dates["periodic_due"] == released + timedelta(days=2)


@given(NOTIFIED, st.integers(1, 6))
def test_a_period_ending_on_the_day_of_release_is_not_extended(day: date, into: int) -> None:
    """At the end of the day of release the person is no longer detained, so a period whose last day is the day
    of release is not extended.

    Citation: Sexual Offences Act 2003 s.85(3). Status: derived.
    """
    decision = _ask([_notified(day, homeless=True)],
                    [{"kind": "remanded_in_custody", "start": day + timedelta(days=into),
                      "end": day + timedelta(days=7)}])
    assert decision.value["extended"] is False
    assert decision.dates["periodic_due"] == day + timedelta(days=7)


@given(NOTIFIED, st.integers(1, 6), st.integers(1, 60), st.integers(0, 20), st.integers(1, 30))
def test_a_later_absence_abroad_does_not_extend_the_period_again(
    day: date, into: int, stay: int, gap: int, away: int
) -> None:
    """The period continues until the end of 3 days beginning when s.85(4) *first* ceases to apply: a trip abroad
    after the release, even the next day, does not extend it again.

    Citation: Sexual Offences Act 2003 s.85(3) ("first ceases"). Status: verified.
    """
    released = day + timedelta(days=7 + stay)
    custody = {"kind": "remanded_in_custody", "start": day + timedelta(days=into), "end": released}
    leaves = released + timedelta(days=1 + gap)
    abroad = {"kind": "outside_uk", "start": leaves, "end": leaves + timedelta(days=away)}
    decision = _ask([_notified(day, homeless=True)], [custody, abroad])
    assert decision.dates["periodic_due"] == released + timedelta(days=2)


@given(NOTIFIED, st.integers(1, 400))
def test_a_later_notification_never_brings_the_date_forward(day: date, later: int) -> None:
    """A further notification (of a change, say) starts a new period, so it never makes the next date earlier.

    Citation: Sexual Offences Act 2003 s.85(2)(b). Status: verified.
    """
    first = _ask([_notified(day)]).dates["periodic_due"]
    second_day = day + timedelta(days=later)
    second = _ask([_notified(day), _notified(second_day, kind="change")]).dates["periodic_due"]
    assert second >= first
    assert second > second_day


@given(NOTIFIED, st.integers(1, 300))
def test_a_prescribed_change_notified_starts_a_new_year(day: date, later: int) -> None:
    """From 13 August 2012 a notification of a prescribed change of circumstances (a bank account, a passport, a
    household with a child) is a s.84(1) notification, so it starts a new year: the next date is its anniversary.
    The Home Office's contrary reading is the declared alternative, and the decision warns with its date.

    Citation: Sexual Offences Act 2003 s.85(2)(b); SI 2012/1876 regs 11(3), 13(3), 15. Status: derived.
    """
    changed = day + timedelta(days=later)
    alone = _ask([_notified(day)])
    with_change = _ask([_notified(day), {"kind": "prescribed_information", "date": changed,
                                         "no_sole_or_main_residence": False}])
    assert with_change.dates["periodic_due"] == _ask([_notified(changed)]).dates["periodic_due"]
    message = {w.code: w.message for w in with_change.warnings}["notification.periodic.restart_on_prescribed_change"]
    assert f"read as no it would be the next periodic notification due by {alone.dates['periodic_due']}" in message


@given(NOTIFIED, st.integers(1, 300), st.integers(1, 30))
def test_a_travel_notification_never_moves_the_date(day: date, later: int, days: int) -> None:
    """A notification of travel abroad (s.86) is not a notification under s.83(1), 84(1) or 85(1), so it never moves
    the next periodic date.

    Citation: Sexual Offences Act 2003 s.85(2). Status: verified.
    """
    departure = day + timedelta(days=later + 7)
    trip = {"departure": departure, "return_date": departure + timedelta(days=days),
            "known_more_than_7_days_before": True, "notified_on": day + timedelta(days=later)}
    case = Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": date(2010, 1, 5),
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
        "notifications": [_notified(day)], "trips": [trip],
    })
    assert periodic(case, AS_OF).dates["periodic_due"] == _ask([_notified(day)]).dates["periodic_due"]


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2004, 4, 30)))
def test_a_relevant_offender_from_the_commencement_re_notifies_within_a_year_after_it(relevant: date) -> None:
    """For a person who is a relevant offender from the commencement of Part 2 (1 May 2004), the commencement is an
    event: with no later notification, the next is due within one year after it, by 1 May 2005.

    Citation: Sexual Offences Act 2003 s.85(1), (2)(a), (5)(b). Status: verified.
    """
    case = Case.model_validate({
        "person": {"date_of_birth": date(1960, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
    })
    decision = periodic(case, date(2004, 6, 1))
    assert decision.dates["periodic_due"] == date(2005, 5, 1)
    assert decision.value["history"][0]["kind"] == "commencement"


def test_a_notification_order_of_unknown_service_leaves_the_next_date_open() -> None:
    """The service of a notification order stands for the commencement of Part 2 in s.85(2)(a), so it starts a
    period for a person subject on that day. With an order listed whose service is not known, the next date is not
    that after the last known event (a guess): it is undetermined, naming the order's service; once served on
    4 April 2012, the period runs from that day (issue 11: monotone in facts).

    Citation: SOA 2003 ss.85(1)-(2), 98(1)(b), 98(4). Status: verified.
    """
    stated = {"notification": {"indefinite": True, "since": date(2001, 3, 21)}}
    order = {"id": "o0", "kind": "notification_order"}
    unknown = periodic(Case.model_validate({"stated": stated, "orders": [order]}), date(2013, 5, 26))
    assert unknown.outcome.value == "undetermined"
    assert [m.fact for m in unknown.missing] == ["orders[0].served"]
    served = periodic(Case.model_validate({"stated": stated, "orders": [{**order, "served": date(2012, 4, 4)}]}),
                      date(2013, 5, 26))
    assert served.outcome.value == "yes" and served.dates["periodic_due"] == date(2013, 4, 4)
    later = periodic(Case.model_validate({"stated": stated, "orders": [{**order, "made": date(2013, 6, 1)}]}),
                     date(2013, 5, 26))
    assert later.outcome.value == "yes" and later.dates["periodic_due"] == date(2005, 5, 1)
