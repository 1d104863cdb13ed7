"""Whether each notification duty was met: Sexual Offences Act 2003 ss.83(1), 84(1), 84(4)(b), 85(1), 86 and
s.91(1)(a), (3); SI 2004/1220 regs 5, 7, 8; SI 2012/1876 regs 11(3), 13(3).

A duty is met on time by a notification that meets it on or before the last day of its period, late by the days
after that day (the failure begins on the day after the last day and continues until the notification, s.91(3)),
and is not met once the last day has passed with none; the notifications listed are the record, and one dated after
the date asked about is not yet given. Which notification meets which duty is rulesets/notification/compliance.yaml.
https://www.legislation.gov.uk/ukpga/2003/42/section/91
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Decision
from mappa_rules.legal_time import days_late, notified_in_time
from mappa_rules.questions import change_deadline, initial_deadline, periodic, timeline, travel_notice

DAYS = st.dates(min_value=date(2004, 5, 1), max_value=date(2030, 12, 31))
RELEVANT = st.dates(min_value=date(2012, 8, 13), max_value=date(2024, 1, 1))
KINDS = ("initial", "change", "periodic", "prescribed_information", "non_occurrence")
RANK = {"not_met": 0, "met_late": 1, "met": 2, "due": 1}


def _case(relevant: date, notifications: list[tuple[str, date]], **more: Any) -> Case:
    return Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
        "notifications": [{"kind": kind, "date": day, "no_sole_or_main_residence": False}
                          for kind, day in notifications],
        "review": {"subject_to_order_excluding_review": False},
        **more,
    })


def _initial(decision: Decision) -> dict[str, Any]:
    found: dict[str, Any] = decision.value["duties"][0].model_dump()["compliance"]
    return found


def _every(decision: Decision) -> dict[str, dict[str, Any]]:
    """Every duty's compliance in a timeline, by its id."""
    items = decision.value["items"] + decision.value["pending"]
    return {i["compliance"]["duty"]: i["compliance"].model_dump() for i in items if i.get("compliance")}


@given(DAYS, st.integers(0, 4000))
def test_days_late_counts_the_days_after_the_last_day(last: date, after: int) -> None:
    """Done on or before the last day of a period it is in time and 0 days late; done N days after it, it is N days
    late: the failure begins on the day after the last day and continues until it is made good.

    Citation: Sexual Offences Act 2003 s.91(3); ss.83(1), 84(1) ("within the period"). Status: derived.
    """
    day = last + timedelta(days=after)
    assert notified_in_time(last - timedelta(days=after), last)
    assert notified_in_time(day, last) is (after == 0)
    assert days_late(last, day) == after
    assert days_late(last, last - timedelta(days=after)) == 0


@given(RELEVANT, st.integers(0, 40), st.integers(0, 400))
def test_a_notification_on_or_before_the_last_day_meets_the_duty_and_one_after_it_meets_it_late(
    relevant: date, given_after: int, asked_after: int
) -> None:
    """An initial notification on or before the last of the 3 days meets the duty; one after it meets it late by
    the number of days after the last day.

    Citation: Sexual Offences Act 2003 s.83(1), s.91(1)-(3). Status: derived.
    """
    notified = relevant + timedelta(days=given_after)
    as_of = notified + timedelta(days=asked_after)
    found = _initial(initial_deadline(_case(relevant, [("initial", notified)]), as_of))
    last = relevant + timedelta(days=2)
    assert (found["deadline"], found["met_on"], found["met_by"]) == (last, notified, "notifications[0]")
    assert found["status"] == ("met" if given_after <= 2 else "met_late")
    assert found["days_late"] == max(0, given_after - 2)


@given(RELEVANT, st.lists(st.tuples(st.sampled_from(["change", "periodic", "non_occurrence"]), st.integers(0, 400)),
                          max_size=3), st.integers(0, 60))
def test_a_duty_whose_last_day_has_passed_with_no_notification_of_its_kind_is_not_met(
    relevant: date, others: list[tuple[str, int]], asked_after: int
) -> None:
    """Notifications of other kinds do not meet the initial notification duty: once its last day has passed with
    none recorded it is not met (overdue by the days since), and before then it is due.

    Citation: Sexual Offences Act 2003 ss.83(1), 87(1), 91(1)(a), (3). Status: derived.
    """
    as_of = relevant + timedelta(days=asked_after)
    case = _case(relevant, [(kind, relevant + timedelta(days=n)) for kind, n in others])
    found = _initial(initial_deadline(case, as_of))
    last = relevant + timedelta(days=2)
    assert found["met_by"] is None
    if as_of > last:
        assert (found["status"], found["days_overdue"]) == ("not_met", (as_of - last).days)
    else:
        assert (found["status"], found["days_overdue"]) == ("due", None)


NOTES = st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 1500)), max_size=5)


@settings(max_examples=40)
@given(RELEVANT, NOTES, st.sampled_from(KINDS), st.integers(0, 1500), st.integers(0, 1600))
def test_adding_a_notification_never_turns_met_into_not_met(
    relevant: date, notes: list[tuple[str, int]], kind: str, extra: int, asked_after: int
) -> None:
    """A notification added to the record never makes a duty worse: met stays met, met late is met no later, and
    not met can only become met; one dated after the date asked about changes nothing.

    Citation: Sexual Offences Act 2003 s.91(1)(a), (3); ss.83(1), 84(1), 85(1). Status: derived.
    """
    as_of = relevant + timedelta(days=asked_after)
    changes = {"changes": [{"id": "move", "kind": "home_address", "date": relevant + timedelta(days=200),
                            "notified_in_advance": False}]}
    dated = [(k, relevant + timedelta(days=n)) for k, n in notes]
    added = (kind, relevant + timedelta(days=extra))
    before = _every(timeline(_case(relevant, dated, **changes), as_of))
    after = _every(timeline(_case(relevant, [*dated, added], **changes), as_of))
    if added[1] > as_of:
        assert after == before
    for duty, was in before.items():
        now = after.get(duty)
        if now is None or "unknown" in (was["status"], now["status"]):
            continue
        assert RANK[now["status"]] >= RANK[was["status"]], (duty, was, now)
        if was["status"] == now["status"] == "met_late":
            assert now["days_late"] <= was["days_late"]


@given(RELEVANT, st.integers(1, 360), st.sampled_from(["change", "prescribed_information", "periodic"]))
def test_a_periodic_duty_is_met_by_a_notification_under_s84_or_s85_within_the_period(
    notified: date, within: int, kind: str
) -> None:
    """The periodic duty after a notification is met by a periodic notification within the applicable period, or
    by a notification under s.84(1) then (including one of a prescribed change, from 13 August 2012).

    Citation: Sexual Offences Act 2003 s.85(1) ("unless within that period he has given a notification under
    section 84(1)"); SI 2012/1876 regs 11(3), 13(3). Status: derived.
    """
    later = notified + timedelta(days=within)
    case = _case(notified - timedelta(days=10), [("initial", notified), (kind, later)])
    history = periodic(case, later + timedelta(days=1)).value["history"]
    first = history[0].model_dump()["compliance"]
    assert (first["duty"], first["status"], first["met_on"]) == (f"periodic/{notified}", "met", later)
    assert first["follows"] == notified and first["deadline"] == history[0]["due_by"]


@given(RELEVANT, st.integers(0, 1), st.integers(1, 900))
def test_notifications_given_on_one_day_are_one_periodic_duty(notified: date, both: int, asked_after: int) -> None:
    """Two notifications on one day (an initial and a change notification at one attendance) give one periodic
    duty, met only by a notification on a later day: a period "after" an event does not include its day.

    Citation: Sexual Offences Act 2003 s.85(1)-(2); parameter notification.periodic.after_excludes_trigger_day.
    Status: derived.
    """
    notes = [("initial", notified)] + ([("change", notified)] if both else [])
    decision = periodic(_case(notified - timedelta(days=5), notes), notified + timedelta(days=asked_after))
    duties = [s["compliance"] for s in decision.value["history"] if s.get("compliance") is not None]
    assert [d["duty"] for d in duties] == [f"periodic/{notified}"]
    assert duties[0]["met_by"] is None


@settings(max_examples=40)
@given(RELEVANT, NOTES, st.integers(0, 1600))
def test_the_timeline_and_the_duty_questions_give_the_same_status(
    relevant: date, notes: list[tuple[str, int]], asked_after: int
) -> None:
    """Every duty the timeline lists carries the status its own question gives (initial, change, periodic).

    Citation: Sexual Offences Act 2003 ss.83(1), 84(1), 85(1), 91(1)(a). Status: derived.
    """
    as_of = relevant + timedelta(days=asked_after)
    case = _case(relevant, [(k, relevant + timedelta(days=n)) for k, n in notes],
                 changes=[{"id": "move", "kind": "home_address", "date": relevant + timedelta(days=100),
                           "notified_in_advance": False}])
    listed = _every(timeline(case, as_of))
    own: dict[str, Any] = {}
    for duty in initial_deadline(case, as_of).value["duties"]:
        own.update({duty.compliance.duty: duty.compliance.model_dump()} if duty.compliance else {})
    for change in change_deadline(case, as_of).value["changes"]:
        own.update({change.compliance.duty: change.compliance.model_dump()} if change.compliance else {})
    for step in periodic(case, as_of).value["history"]:
        own.update({step.compliance.duty: step.compliance.model_dump()} if step.compliance else {})
    assert listed
    for duty, found in listed.items():
        assert own[duty] == found


@given(RELEVANT, st.integers(0, 6), st.sampled_from(["initial", "periodic"]))
def test_a_release_is_met_by_another_notification_only_on_the_declared_reading(
    released: date, after: int, kind: str
) -> None:
    """A release is met by a change notification; an initial or periodic notification given after it meets it on
    the declared reading (it is given in person, with the s.83(5) information), and the decision warns that the
    other reading leaves the release not notified.

    Citation: Sexual Offences Act 2003 ss.84(1)(d), 87(1); parameter
    notification.compliance.release_notified_by_any_notification. Status: unverified.
    """
    case = _case(released - timedelta(days=400), [(kind, released + timedelta(days=after))],
                 changes=[{"id": "out", "kind": "release", "date": released, "notified_in_advance": False}])
    decision = change_deadline(case, released + timedelta(days=30))
    found = decision.value["changes"][0].compliance
    assert (found.duty, found.status, found.days_late) == ("release/out", "met" if after <= 2 else "met_late",
                                                         max(0, after - 2))
    assert "notification.compliance.release_notified_by_any_notification" in {w.code for w in decision.warnings}


@given(RELEVANT, st.integers(0, 1), st.integers(0, 1))
def test_one_notification_of_two_changes_meets_both_and_the_other_reading_is_warned(
    named: date, apart: int, after: int
) -> None:
    """One change notification after two changes (a new name, then a new home address) meets both on the declared
    reading; where the changes fell on different days the decision warns that the other reading leaves the later
    one unmet, and where they fell on one day both readings agree.

    Citation: Sexual Offences Act 2003 ss.83(5)(e)-(f), 84(1); parameter
    notification.compliance.one_notification_meets_every_open_duty. Status: unverified.
    """
    moved = named + timedelta(days=apart)
    changes = [{"id": "name", "kind": "name", "date": named, "notified_in_advance": False},
               {"id": "move", "kind": "home_address", "date": moved, "notified_in_advance": False}]
    case = _case(named - timedelta(days=400), [("change", moved + timedelta(days=after))], changes=changes)
    decision = change_deadline(case, moved + timedelta(days=30))
    assert [c.compliance.status for c in decision.value["changes"]] == ["met", "met"]
    warned = {w.code: w.message for w in decision.warnings}
    code = "notification.compliance.one_notification_meets_every_open_duty"
    if apart:
        assert "change/move met by no notification" in warned[code]
    else:
        assert code not in warned and code in {r.id for r in decision.relied_on}


@given(st.dates(min_value=date(2012, 9, 1), max_value=date(2026, 1, 1)), st.integers(0, 10),
       st.sampled_from([True, False, None]))
def test_notice_of_a_trip_on_the_latest_day_turns_on_the_time_only_where_the_regulations_fix_one(
    departure: date, before: int, by_time: bool | None
) -> None:
    """Notice 12 hours before the date of departure is due by 12:00 the day before: notice on an earlier day meets
    it, notice that day meets it if given by noon (unknown, naming the fact, when the time is not given).

    Citation: SI 2004/1220 reg 5(3), as amended by SI 2012/1876 reg 5(b); SOA 2003 s.86(2). Status: derived.
    """
    notified = departure - timedelta(days=before)
    trip: dict[str, Any] = {"id": "t", "departure": departure, "return_date": departure + timedelta(days=3),
                            "known_more_than_7_days_before": False, "notified_on": notified}
    if by_time is not None and notified == departure - timedelta(days=1):
        trip["notified_by_latest_time"] = by_time
    case = _case(departure - timedelta(days=900), [], trips=[trip])
    found = travel_notice(case, departure).value["trips"][0].compliance
    assert found.deadline == departure - timedelta(days=1)
    if before == 0:
        assert (found.status, found.days_late) == ("met_late", 1)
    elif before > 1:
        assert found.status == "met"
    elif by_time is None:
        assert (found.status, found.missing) == ("unknown", ["trips[0].notified_by_latest_time"])
    else:
        assert found.status == ("met" if by_time else "met_late")
