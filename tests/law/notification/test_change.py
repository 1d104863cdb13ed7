"""Notification of changes: Sexual Offences Act 2003 s.84 (and SI 2012/1876 reg 10 for a household with a child).

s.84(1): notify within 3 days beginning with the event; s.84(2)-(4): advance notice and its 2-day, 3-day and 6-day
rules; s.84(5): the s.83(6) disregards apply; s.84(6): the qualifying period of 7 days, alone or in any 12 months.
https://www.legislation.gov.uk/ukpga/2003/42/section/84
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision, Outcome
from mappa_rules.questions import change_deadline

AS_OF = date(2026, 11, 21)
EVENTS = st.dates(min_value=date(2012, 8, 13), max_value=date(2026, 6, 1))
KINDS = st.sampled_from(["name", "home_address", "release"])


def _ask(change: dict[str, Any], intervals: list[dict[str, Any]] | None = None) -> Decision:
    case = Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": date(2010, 1, 5),
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
        "changes": [change],
        "intervals": intervals or [],
    })
    return change_deadline(case, AS_OF)


@given(EVENTS, KINDS)
def test_a_change_is_due_by_the_third_day_beginning_with_it(day: date, kind: str) -> None:
    """A change not notified in advance is due on the third day beginning with the day it happens.

    Citation: Sexual Offences Act 2003 s.84(1). Status: verified.
    """
    decision = _ask({"kind": kind, "date": day, "notified_in_advance": False})
    assert decision.outcome is Outcome.YES
    assert decision.dates["change_deadline"] == day + timedelta(days=2)


@given(EVENTS, KINDS, st.integers(0, 2), st.integers(0, 60))
def test_each_night_abroad_moves_the_change_deadline_by_one_day(day: date, kind: str, offset: int, nights: int) -> None:
    """An absence abroad (or in custody or hospital) from S to E beginning within the 3 days moves the deadline by
    exactly E - S days: the day of leaving is disregarded, the day of return counts; a day trip moves nothing.

    Citation: Sexual Offences Act 2003 s.84(5), applying s.83(6); declared convention
    time.conventions.partial_day_disregard. Status: derived.
    """
    start = day + timedelta(days=offset)
    abroad = {"kind": "outside_uk", "start": start, "end": start + timedelta(days=nights)}
    decision = _ask({"kind": kind, "date": day, "notified_in_advance": False}, [abroad])
    assert decision.dates["change_deadline"] == day + timedelta(days=2 + nights)


@given(EVENTS, st.integers(0, 400))
def test_a_release_is_day_1_of_the_three_days(released: date, custody: int) -> None:
    """A release from custody is day 1 of the 3 days: the change is due by the day of release + 2, however long
    the custody; disregarding the release day as a part-day would give a day later, and the decision says so.

    Citation: Sexual Offences Act 2003 s.84(1)(d), (5). Status: verified (the release day as day 1: derived).
    """
    start = released - timedelta(days=custody)
    decision = _ask({"kind": "release", "date": released, "notified_in_advance": False},
                    [{"kind": "serving_sentence", "start": start, "end": released}])
    assert decision.dates["change_deadline"] == released + timedelta(days=2)
    later = (released + timedelta(days=3)).isoformat()
    assert later in {w.code: w.message for w in decision.warnings}["time.conventions.partial_day_disregard"]


@given(EVENTS, KINDS, st.integers(-2, 2))
def test_an_event_near_the_date_given_in_advance_needs_nothing_more(expected: date, kind: str, shift: int) -> None:
    """An event notified in advance that happens no more than 2 days before, and by the end of 3 days beginning
    with, the date given needs no further notification.

    Citation: Sexual Offences Act 2003 s.84(2)-(4). Status: derived.
    """
    day = expected + timedelta(days=shift)
    decision = _ask({"kind": kind, "date": day, "notified_in_advance": True, "expected_date": expected})
    assert decision.outcome is Outcome.NO


@given(EVENTS, KINDS, st.integers(3, 200))
def test_an_event_more_than_2_days_early_must_be_notified_anew(expected: date, kind: str, early: int) -> None:
    """An event more than 2 days before the date given in advance leaves the duty to notify it within 3 days.

    Citation: Sexual Offences Act 2003 s.84(3). Status: verified.
    """
    day = expected - timedelta(days=early)
    decision = _ask({"kind": kind, "date": day, "notified_in_advance": True, "expected_date": expected})
    assert decision.outcome is Outcome.YES
    assert decision.dates["change_deadline"] == day + timedelta(days=2)
    assert "non_occurrence_deadline" not in decision.dates


@given(st.dates(min_value=date(2012, 8, 13), max_value=date(2026, 11, 10)), KINDS)
def test_an_event_that_did_not_happen_is_reported_within_6_days(expected: date, kind: str) -> None:
    """When the event given in advance has not happened by the end of 3 days beginning with its date, its
    non-occurrence must be notified by the sixth day beginning with that date.

    Citation: Sexual Offences Act 2003 s.84(4). Status: verified.
    """
    decision = _ask({"kind": kind, "occurred": False, "notified_in_advance": True, "expected_date": expected})
    assert decision.outcome is Outcome.YES
    assert decision.dates["non_occurrence_deadline"] == expected + timedelta(days=5)


@given(EVENTS, st.integers(1, 30))
def test_a_single_stay_qualifies_on_its_seventh_day(first: date, length: int) -> None:
    """A stay at an un-notified address becomes a qualifying period on its seventh day, and not before.

    Citation: Sexual Offences Act 2003 s.84(1)(c), (6). Status: secondary.
    """
    stay = {"first": first, "last": first + timedelta(days=length - 1)}
    decision = _ask({"kind": "other_address", "notified_in_advance": False, "stays": [stay]})
    if length < 7:
        assert decision.outcome is Outcome.NO
    else:
        assert decision.dates["change_deadline"] == first + timedelta(days=6 + 2)


@given(EVENTS, st.integers(1, 6), st.integers(1, 400))
def test_two_stays_qualify_only_within_12_months(first: date, part: int, gap: int) -> None:
    """Two stays amounting to 7 days make a qualifying period only if they fall within a period of 12 months.

    Citation: Sexual Offences Act 2003 s.84(6). Status: secondary.
    """
    one = {"first": first, "last": first + timedelta(days=part - 1)}
    second_start = one["last"] + timedelta(days=gap)
    two = {"first": second_start, "last": second_start + timedelta(days=7 - part - 1)}
    decision = _ask({"kind": "other_address", "notified_in_advance": False, "stays": [one, two]})
    within = two["last"] < _anniversary(first)
    assert decision.outcome is (Outcome.YES if within else Outcome.NO)


def _anniversary(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February: the next day, as the declared convention has it
        return date(day.year + 1, 3, 1)


@given(st.dates(min_value=date(2004, 5, 1), max_value=date(2012, 8, 12)))
def test_household_with_a_child_was_not_notifiable_before_13_august_2012(day: date) -> None:
    """Residing or staying where a child lives was not notifiable before 13 August 2012.

    Citation: SI 2012/1876 reg 10. Status: verified.
    """
    decision = _ask({"kind": "household_with_child", "date": day, "notified_in_advance": False,
                     "child_resides_or_stays": True, "public_access": False, "at_least_12_hours": True})
    assert decision.outcome is Outcome.NO



@given(st.dates(min_value=date(1900, 1, 1), max_value=date(1997, 8, 31)), st.sampled_from(
    ["name", "home_address", "release", "household_with_child", "prescribed_change"]))
def test_no_change_was_notifiable_before_1_september_1997(day: date, kind: str) -> None:
    """No one was subject to notification requirements before Part 1 of the Sex Offenders Act 1997 came into force
    on 1 September 1997, so an event dated before it is not notifiable, whoever the person is and whatever else is
    unknown: giving the date of such an event never unsettles an answer (issue 11).

    Citation: Sex Offenders Act 1997 s.1(1)-(3); SOA 2003 s.81(3). Status: derived (the day from s.81(3)).
    """
    for disposals in ([], [{"id": "d0", "trigger": "caution", "offence": {"schedule3": False}}]):
        case = Case.model_validate({"disposals": disposals, "changes": [{"kind": "name"}, {"kind": kind, "date": day}]})
        decision = change_deadline(case, date(2012, 6, 15))
        assert decision.value.changes[1].notifiable is False
        assert decision.value.changes[1].rule == "notification.change.none_before_soa1997"
        if disposals:
            assert decision.outcome is Outcome.NO, decision.missing


def test_a_date_given_in_advance_before_1997_does_not_date_the_event() -> None:
    """An event notified in advance for a day before 1 September 1997, its own date unknown, may have happened on any
    day: the day given in advance does not make it one before any notification law, so the answer names its date
    rather than guessing (issue 11: giving that date, 2022, must not turn a decided answer undetermined).

    Citation: Sex Offenders Act 1997 s.1(1)-(3); SOA 2003 s.84(2)-(4). Status: derived.
    """
    change = {"kind": "home_address", "notified_in_advance": True, "expected_date": date(1995, 11, 25)}
    decision = change_deadline(Case.model_validate({"changes": [change]}), date(2007, 12, 3))
    assert decision.outcome is Outcome.UNDETERMINED
    assert "changes[0].date" in [m.fact for m in decision.missing]


def test_not_subject_on_the_day_given_in_advance_does_not_settle_an_undated_event() -> None:
    """An event notified in advance whose own day is unknown may have fallen outside the window round the day given
    (more than 2 days before it must be notified anew, s.84(3)): a person not subject on the day given, but subject
    for a time before it (an interim notification order that ceased two days before), is not answered "no"; the
    event's date is named (issue 11: giving it, 4 days early, must not turn a decided answer undetermined).

    Citation: SOA 2003 ss.80(2), 84(1)-(3). Status: verified.
    """
    change = {"kind": "home_address", "notified_in_advance": True, "expected_date": date(2029, 11, 11)}
    case = {"disposals": [{"id": "d0", "trigger": "insanity_finding", "offence": {"schedule3": False}}],
            "orders": [{"id": "o1", "kind": "interim_notification_order", "ceased_on": date(2029, 11, 9)}]}
    undated = change_deadline(Case.model_validate({**case, "changes": [change]}), date(2029, 12, 20))
    assert undated.outcome is Outcome.UNDETERMINED
    assert "changes[0].date" in [m.fact for m in undated.missing]
    dated = change_deadline(Case.model_validate({**case, "changes": [{**change, "date": date(2029, 11, 7)}]}),
                            date(2029, 12, 20))
    assert dated.outcome is Outcome.UNDETERMINED
    assert "orders[0].made" in [m.fact for m in dated.missing]


def test_a_household_change_given_in_advance_for_2005_is_not_dated_2005() -> None:
    """Residing with a child, notified in advance for a day in 2005 when it was not yet notifiable: its own day,
    unknown, may be after 13 August 2012, so the law of the day given in advance does not decide it; the date is
    named (issue 11: giving it, 2034, must not turn a decided answer undetermined).

    Citation: SI 2012/1876 reg 10; SOA 2003 s.84(2)-(4). Status: verified.
    """
    change = {"kind": "household_with_child", "notified_in_advance": True, "expected_date": date(2005, 2, 24)}
    decision = change_deadline(Case.model_validate({"changes": [change]}), date(2004, 12, 19))
    assert decision.outcome is Outcome.UNDETERMINED
    assert "changes[0].date" in [m.fact for m in decision.missing]


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2012, 8, 12)), st.booleans())
def test_no_duty_for_a_person_nothing_makes_subject_whatever_the_event(expected: date, listed: bool) -> None:
    """The duty to notify a change binds only a relevant offender: where nothing in the case makes the person subject
    on any day (a caution for an offence Schedule 3 does not list), a prescribed change notified in advance for a day
    before such changes were notifiable is answered "no", though its own day is unknown. Where the caution's offence
    is listed the person is subject for a time, so the event's day is named instead.

    Citation: SOA 2003 ss.80(2), 84(1)-(4); SI 2012/1876 reg 10. Status: verified.
    """
    change = {"kind": "prescribed_change", "notified_in_advance": True, "expected_date": expected}
    case = Case.model_validate({"changes": [change], "disposals": [{
        "id": "d0", "trigger": "caution", "relevant_date": expected - timedelta(days=200),
        "offence": {"schedule3": listed, "schedule3_sentencing_condition": False}, "sentence": {"kind": "caution"}}]})
    decision = change_deadline(case, date(2026, 11, 21))
    if listed:
        assert decision.outcome is Outcome.UNDETERMINED
        assert "changes[0].date" in [m.fact for m in decision.missing]
    else:
        assert decision.outcome is Outcome.NO
        assert decision.value["changes"][0]["subject_on_event_date"] is False
