"""The notification status every question reads: Sexual Offences Act 2003 s.80(2) (a relevant offender is a person
for the time being subject), s.91A(3) (the indefinite requirements), s.91C(4) (a determination that the person
should not remain subject ends them on receipt of its notice) and s.91E(4) (an appeal allowed ends them on the date
of the order), as inserted by SI 2012/1883 art 3; CJA 2003 s.327(2) (Category 1). The period, category, travel,
periodic and change questions read the same status, so they agree day by day.
https://www.legislation.gov.uk/uksi/2012/1883/article/3/made
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Outcome
from mappa_rules.legal_time import Length, MissingDayRule, TimeConventions, corresponding_day
from mappa_rules.questions import mappa_category, mappa_level, notification_period, periodic, travel_notice

RELEVANT = st.dates(min_value=date(2005, 4, 4), max_value=date(2012, 1, 1))
NOTICE = st.dates(min_value=date(2012, 8, 1), max_value=date(2030, 12, 31))
INDEFINITE = st.sampled_from([{"kind": "life"}, {"kind": "ipp"},
                              {"kind": "imprisonment", "term": {"months": 30}},
                              {"kind": "imprisonment", "term": {"months": 120}}])


def _disposal(ident: str, relevant: date, sentence: dict[str, Any]) -> dict[str, Any]:
    trigger = "caution" if sentence["kind"] == "caution" else "conviction"
    return {"id": ident, "trigger": trigger, "relevant_date": relevant, "sentence_date": relevant,
            "offence": {"schedule3": True}, "sentence": sentence}


def _case(disposals: list[dict[str, Any]], application: dict[str, Any] | None, **extra: Any) -> Case:
    return Case.model_validate({"person": {"date_of_birth": date(1960, 1, 1)}, "disposals": disposals,
                                "review": {"applications": [application] if application else []}, **extra})


def _discharged(notice: date, lag: int) -> dict[str, Any]:
    decided = notice - timedelta(days=lag)
    return {"received": decided - timedelta(days=30), "determination": "discharged",
            "determination_date": decided, "notice_received": notice}


@given(RELEVANT, INDEFINITE, NOTICE, st.integers(0, 30), st.integers(0, 3000))
@settings(max_examples=60)
def test_from_the_day_the_notice_is_received_no_question_treats_the_person_as_subject(
        relevant: date, sentence: dict[str, Any], notice: date, lag: int, after: int) -> None:
    """From the day the notice of a determination that the person should not remain subject is received, the
    indefinite requirements no longer apply in any question: notification-period's subject_on_as_of is false,
    Category 1 does not apply, a trip departing that day or later needs no notice, and no periodic notification
    falls due after it.

    Citation: Sexual Offences Act 2003 s.91C(4) (SI 2012/1883 art 3); Criminal Justice Act 2003 s.327(2);
    SI 2004/1220 reg 5(1). Status: verified.
    """
    day = notice + timedelta(days=after)
    trip = {"departure": day, "return_date": day + timedelta(days=3), "known_more_than_7_days_before": True}
    notified = {"kind": "periodic", "date": notice - timedelta(days=1), "no_sole_or_main_residence": False}
    case = _case([_disposal("a", relevant, sentence)], _discharged(notice, lag), trips=[trip],
                 notifications=[notified])
    period = notification_period(case, day)
    assert period.outcome is Outcome.YES and period.value["subject_on_as_of"] is False
    assert period.dates["requirements_ended"] == notice
    assert mappa_category(case, day).value["categories"]["1"] is False
    assert travel_notice(case, day).value["notice_required"] is False
    assert periodic(case, day).value["subject_when_due"] is False


@given(RELEVANT, INDEFINITE, NOTICE, st.integers(0, 30))
@settings(max_examples=60)
def test_the_day_before_the_notice_is_received_the_requirements_still_apply(
        relevant: date, sentence: dict[str, Any], notice: date, lag: int) -> None:
    """On the day before the notice is received the indefinite requirements still apply: the person is subject and
    Category 1.

    Citation: Sexual Offences Act 2003 s.91C(4). Status: derived (the day of receipt is the first day not subject).
    """
    day = notice - timedelta(days=1)
    case = _case([_disposal("a", relevant, sentence)], _discharged(notice, lag))
    assert notification_period(case, day).value["subject_on_as_of"] is True
    assert mappa_category(case, day).value["categories"]["1"] is True


@given(RELEVANT, INDEFINITE, NOTICE, st.integers(1, 400), st.integers(-5, 5))
@settings(max_examples=60)
def test_an_appeal_allowed_ends_the_requirements_on_the_date_of_the_order(
        relevant: date, sentence: dict[str, Any], notice: date, wait: int, shift: int) -> None:
    """An appeal allowed by the magistrates' court ends the indefinite requirements on the date of its order,
    whatever the chief officer determined: subject the day before, not subject from that day.

    Citation: Sexual Offences Act 2003 s.91E(4) (SI 2012/1883 art 3). Status: verified.
    """
    order = notice + timedelta(days=wait)
    application = {"received": notice - timedelta(days=40), "determination": "refused",
                   "determination_date": notice, "notice_received": notice,
                   "appeal": {"lodged": notice, "outcome": "allowed", "order_date": order}}
    day = order + timedelta(days=shift)
    decision = notification_period(_case([_disposal("a", relevant, sentence)], application), day)
    assert decision.value["subject_on_as_of"] is (day < order)
    assert decision.value["ended_by"] == "s.91E(4)"


@given(RELEVANT, INDEFINITE, NOTICE, st.sampled_from(["refused", "pending"]), st.integers(-400, 4000))
@settings(max_examples=60)
def test_a_refused_or_pending_application_changes_no_answer(
        relevant: date, sentence: dict[str, Any], notice: date, determination: str, shift: int) -> None:
    """A refused or pending application never changes whether the person is subject, nor the category.

    Citation: Sexual Offences Act 2003 ss.91C(3)-(4), 91E(4). Status: verified.
    """
    application: dict[str, Any] = {"received": notice - timedelta(days=30), "determination": determination}
    if determination == "refused":
        application.update(determination_date=notice, notice_received=notice)
    day = notice + timedelta(days=shift)
    disposals = [_disposal("a", relevant, sentence)]
    with_it, without = _case(disposals, application), _case(disposals, None)
    assert (notification_period(with_it, day).value["subject_on_as_of"]
            == notification_period(without, day).value["subject_on_as_of"])
    assert mappa_category(with_it, day).value["categories"] == mappa_category(without, day).value["categories"]


@given(RELEVANT, NOTICE, st.integers(0, 3000), st.integers(1, 29))
@settings(max_examples=60)
def test_a_fixed_period_running_when_the_requirements_end_runs_to_its_last_day(
        relevant: date, notice: date, after: int, months: int) -> None:
    """Only the indefinite requirements end on a review: a fixed period from another conviction still running on
    the end day keeps the person subject to its last day.

    Citation: Sexual Offences Act 2003 s.91A(3), s.91C(4). Status: verified.
    """
    fixed = _disposal("b", notice - timedelta(days=30), {"kind": "imprisonment", "term": {"months": months}})
    case = _case([_disposal("a", relevant, {"kind": "life"}), fixed], _discharged(notice, 0))
    day = notice + timedelta(days=after)
    decision = notification_period(case, day)
    last = next(d for d in decision.value["disposals"] if d["disposal"] == "b")["period_last_day"]
    assert decision.value["subject_on_as_of"] is (day <= last)


@given(RELEVANT, NOTICE, st.integers(0, 2000), st.integers(0, 700))
@settings(max_examples=60)
def test_a_later_caution_brings_its_own_period_unaffected_by_the_end(
        relevant: date, notice: date, later: int, after: int) -> None:
    """A caution given on or after the end day brings its own period (2 years beginning with it), which the end of
    the earlier indefinite requirements does not touch.

    Citation: Sexual Offences Act 2003 ss.80(1), 82(1), 91C(4). Status: derived.
    """
    cautioned = notice + timedelta(days=later)
    case = _case([_disposal("a", relevant, {"kind": "life"}), _disposal("c", cautioned, {"kind": "caution"})],
                 _discharged(notice, 0))
    day = cautioned + timedelta(days=after)
    last = corresponding_day(cautioned, Length(years=2), TimeConventions())[0] - timedelta(days=1)
    assert notification_period(case, day).value["subject_on_as_of"] is (day <= last)


SENTENCES = st.sampled_from([{"kind": "life"}, {"kind": "caution"}, {"kind": "fine"},
                             {"kind": "imprisonment", "term": {"months": 12}},
                             {"kind": "imprisonment", "term": {"months": 40}}])


@given(st.lists(st.tuples(st.dates(min_value=date(2000, 1, 1), max_value=date(2024, 1, 1)), SENTENCES),
                max_size=3),
       st.one_of(st.none(), NOTICE), st.booleans(), st.dates(min_value=date(2004, 5, 1), max_value=date(2032, 1, 1)))
@settings(max_examples=80)
def test_period_category_and_travel_give_the_same_answer_on_the_same_day(
        disposals: list[tuple[date, dict[str, Any]]], notice: date | None, stated: bool, day: date) -> None:
    """For any case and day, notification-period's subject_on_as_of, Category 1 and whether the person is a
    relevant offender when a trip departs that day are the same three-valued answer.

    Citation: Sexual Offences Act 2003 s.80(2); Criminal Justice Act 2003 s.327(2); SI 2004/1220 reg 5(1).
    Status: derived.
    """
    extra: dict[str, Any] = {"trips": [{"departure": day, "return_date": day + timedelta(days=10),
                                        "known_more_than_7_days_before": True}]}
    if stated:
        extra["stated"] = {"notification": {"since": date(2003, 1, 1), "indefinite": True}}
    case = _case([_disposal(f"d{i}", d, s) for i, (d, s) in enumerate(disposals)],
                 None if notice is None else _discharged(notice, 0), **extra)
    on = notification_period(case, day).value["subject_on_as_of"]
    assert mappa_category(case, day).value["categories"]["1"] is on
    trip = travel_notice(case, day).value["trips"][0]
    if trip["notifiable"] is True:
        assert trip["subject_on_departure"] is on


@given(st.dates(min_value=date(2004, 5, 1), max_value=date(2035, 1, 1)),
       st.fixed_dictionaries({"may_cause_serious_harm": st.sampled_from([True, False, None])}))
@settings(max_examples=40)
def test_an_empty_case_is_never_answered_no(day: date, risk: dict[str, Any]) -> None:
    """A case with no disposals, no order and no stated status is never answered "no" by notification-period,
    category or level: an empty record is not evidence that there is nothing to record.

    Citation: Sexual Offences Act 2003 s.80; Criminal Justice Act 2003 s.327. Status: derived.
    """
    case = Case.model_validate({"risk": risk})
    period = notification_period(case, day)
    assert period.outcome is Outcome.UNDETERMINED and period.value["subject_on_as_of"] is None
    assert "disposals" in [m.fact for m in period.missing]
    assert mappa_category(case, day).outcome is Outcome.UNDETERMINED
    assert mappa_level(case, day).outcome is Outcome.UNDETERMINED


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2020, 1, 1)), st.integers(0, 3000))
@settings(max_examples=40)
def test_a_stated_indefinite_status_gives_the_periodic_date_a_life_sentence_gives(since: date, gap: int) -> None:
    """With only a stated indefinite status ("registered since D"), the next periodic notification date is the one
    a life-sentence disposal with the same relevant date gives.

    Citation: Sexual Offences Act 2003 s.85(1)-(4). Status: derived.
    """
    notified = since + timedelta(days=gap)
    notifications = [{"kind": "periodic", "date": notified, "no_sole_or_main_residence": False}]
    as_of = notified + timedelta(days=10)
    stated = Case.model_validate({"stated": {"notification": {"since": since, "indefinite": True}},
                                  "notifications": notifications})
    derived = _case([_disposal("a", since, {"kind": "life"})], None, notifications=notifications)
    assert periodic(stated, as_of).dates == periodic(derived, as_of).dates
    assert periodic(stated, as_of).outcome is Outcome.YES


@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2020, 12, 31)), INDEFINITE, st.integers(-2500, 3000),
       st.sampled_from([{}, {"lodged": None}]))
@settings(max_examples=60)
def test_no_review_or_appeal_ends_the_requirements_before_an_application_could_be_made(
        relevant: date, sentence: dict[str, Any], shift: int, appeal: dict[str, Any]) -> None:
    """An application for review may be made only on or after the qualifying date, the day after the end of 8
    years (under 18 on the relevant date) or 15 years beginning with the relevant notification, itself given on or
    after the relevant date; so a refusal under appeal, its days and the appeal's outcome unknown, cannot have ended
    the indefinite requirements before the 8th anniversary of the relevant date: the person is subject (Category 1)
    on every day before it, and only from it does the appeal's outcome matter.

    Citation: Sexual Offences Act 2003 ss.91B(1)-(2), 91E(4) (SI 2012/1883 art 3). Status: verified.
    """
    application = {"determination": "refused", "appeal": appeal}
    case = _case([_disposal("a", relevant, sentence)], application)
    floor = corresponding_day(relevant, Length(years=8), TimeConventions(missing_day=MissingDayRule.LAST_DAY))[0]
    day = floor + timedelta(days=shift)
    decision = notification_period(case, day)
    if day < floor:
        assert decision.value["subject_on_as_of"] is True
        assert mappa_category(case, day).value["categories"]["1"] is True
    else:
        assert decision.value["subject_on_as_of"] is None
        assert "review.applications[0].appeal.outcome" in [m.fact for m in decision.missing]


def test_a_stated_status_with_its_relevant_date_is_not_reopened_by_an_appeal_too_early_to_end_it() -> None:
    """A stated indefinite status whose relevant date is 1 March 2015 and a refusal under appeal (days and outcome
    unknown): on 1 January 2020 no application could yet have been made, so the person is Category 1; from
    1 March 2023 the appeal may have been allowed, and the answer names its outcome (the reduced case of a fuzz
    finding: a needless undetermined answer).

    Citation: Sexual Offences Act 2003 ss.91B(1)-(2), 91E(4); Criminal Justice Act 2003 s.327(2). Status: verified.
    """
    case = Case.model_validate({
        "stated": {"notification": {"since": date(2015, 3, 1), "indefinite": True, "relevant_date": date(2015, 3, 1)}},
        "review": {"applications": [{"determination": "refused", "appeal": {"lodged": None}}]}})
    early = mappa_category(case, date(2020, 1, 1))
    assert early.outcome is Outcome.YES and early.value["categories"]["1"] is True
    late = mappa_category(case, date(2023, 3, 1))
    assert late.outcome is Outcome.UNDETERMINED
    assert "review.applications[0].appeal.outcome" in [m.fact for m in late.missing]


BEFORE_SCHEME = st.dates(min_value=date(2010, 1, 1), max_value=date(2012, 7, 29))


@given(RELEVANT, INDEFINITE, BEFORE_SCHEME, st.integers(0, 30), st.integers(0, 8000))
@settings(max_examples=60)
def test_a_discharge_dated_before_the_review_scheme_is_set_aside_and_said_so(
        relevant: date, sentence: dict[str, Any], notice: date, lag: int, after: int) -> None:
    """No application for review could be made or determined before the scheme came into force on 30 July 2012, so
    a discharge recorded with earlier dates cannot have ended the requirements before then, nor before the earliest
    qualifying date (8 years from the relevant date, the shorter period): until the later of the two the person is
    still subject and Category 1; once both that day and the adult's 15 years have passed, whether the requirements
    have ended is not known and the notice's day is named as the fact that would decide it. Either way a warning
    names the dates set aside. A discharge dated within the scheme ends the requirements on its notice day with no
    such warning.

    Citation: SI 2012/1883 art 1(1); Sexual Offences Act 2003 ss.91B(1)-(2), 91C(4). Status: verified.
    """
    day = notice + timedelta(days=after)
    if relevant > notice - timedelta(days=lag + 30):
        return
    floor = max(date(2012, 7, 30), corresponding_day(relevant, Length(years=8), TimeConventions())[0])
    adult = max(date(2012, 7, 30), corresponding_day(relevant, Length(years=15), TimeConventions())[0])
    case = _case([_disposal("a", relevant, sentence)], _discharged(notice, lag))
    period = notification_period(case, day)
    assert "notification.review.scheme_commencement" in {w.code for w in period.warnings}
    if day < floor:
        assert period.value["subject_on_as_of"] is True
        assert mappa_category(case, day).value["categories"]["1"] is True
    elif day >= adult:
        assert period.outcome is Outcome.UNDETERMINED and period.value["subject_on_as_of"] is None
        assert "review.applications[0].notice_received" in {m.fact for m in period.missing}
    within = _case([_disposal("a", relevant, sentence)], _discharged(date(2027, 8, 29), 0))
    later = notification_period(within, date(2030, 12, 31))
    assert later.value["subject_on_as_of"] is False
    assert "notification.review.scheme_commencement" not in {w.code for w in later.warnings}
