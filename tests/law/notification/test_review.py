"""Review of indefinite notification requirements: Sexual Offences Act 2003 ss.91A-91F (SI 2012/1883).

s.91A: a qualifying relevant offender is subject to indefinite requirements and not to a SHPO, interim SHPO, SOPO or
interim SOPO. s.91B(2): the qualifying date is the day after the end of 15 years (8 if under 18 on the relevant
date) beginning with the relevant notification. ss.91B(4)-(6), 91C: after a refusal, 8 years or a longer period.
https://www.legislation.gov.uk/ukpga/2003/42/section/91B
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision, Outcome
from mappa_rules.questions import review

AS_OF = date(2026, 11, 21)
RELEVANT = st.dates(min_value=date(1997, 9, 1), max_value=date(2020, 1, 1))
NOTICE_GAP = st.integers(0, 2000)


def _ask(born: date, relevant: date, notified: date | None, order: bool | None = False,
         applications: list[dict[str, Any]] | None = None, as_of: date = AS_OF) -> Decision:
    case = Case.model_validate({
        "person": {"date_of_birth": born},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 48}}}],
        "review": {"relevant_notification_date": notified, "subject_to_order_excluding_review": order,
                   "applications": applications or []},
    })
    return review(case, as_of)


def _anniversary(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: the first of March, as the declared convention has it
        return date(day.year + years, 3, 1)


@given(RELEVANT, NOTICE_GAP)
def test_the_qualifying_date_is_the_15th_anniversary_of_the_relevant_notification(relevant: date, gap: int) -> None:
    """For an offender 18 or over on the relevant date, the qualifying date is always the 15th anniversary of the
    relevant notification.

    Citation: Sexual Offences Act 2003 s.91B(2). Status: secondary.
    """
    notified = relevant + timedelta(days=gap)
    decision = _ask(date(1950, 1, 1), relevant, notified)
    assert decision.outcome is Outcome.YES
    assert decision.dates["qualifying_date"] == _anniversary(notified, 15)


@given(RELEVANT, NOTICE_GAP, st.integers(10, 17))
def test_an_offender_under_18_never_waits_longer_than_an_adult(relevant: date, gap: int, age: int) -> None:
    """An offender under 18 on the relevant date never waits longer than an adult would: 8 years, not 15.

    Citation: Sexual Offences Act 2003 s.91B(2). Status: secondary.
    """
    notified = relevant + timedelta(days=gap)
    young = _ask(relevant.replace(year=relevant.year - age, month=1, day=1), relevant, notified)
    adult = _ask(date(1950, 1, 1), relevant, notified)
    assert young.dates["qualifying_date"] == _anniversary(notified, 8)
    assert young.dates["qualifying_date"] < adult.dates["qualifying_date"]
    assert young.value["continuation_order_floor"] is False


@given(RELEVANT, NOTICE_GAP, st.integers(-3000, 3000))
def test_the_qualifying_date_is_never_earlier_than_a_continuation_orders_expiry(relevant: date, gap: int,
                                                                                shift: int) -> None:
    """The qualifying date is the s.91B(2) date, unless a notification continuation order made in Scotland expires
    later: then its expiry. There is no other floor (no 1 September 2012 clamp, no rule for juveniles).

    Citation: Sexual Offences Act 2003 s.91B(7). Status: verified.
    """
    notified = relevant + timedelta(days=gap)
    plain = _anniversary(notified, 15)
    expiry = plain + timedelta(days=shift)
    case = Case.model_validate({
        "person": {"date_of_birth": date(1950, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 48}}}],
        "review": {"relevant_notification_date": notified, "subject_to_order_excluding_review": False,
                   "notification_continuation_order_expiry": expiry},
    })
    decision = review(case, AS_OF)
    assert decision.dates["qualifying_date"] == max(plain, expiry)
    assert decision.value["continuation_order_floor"] is (expiry > plain)


@given(RELEVANT, NOTICE_GAP, st.integers(0, 17))
def test_no_application_opens_before_30_july_2012(relevant: date, gap: int, age: int) -> None:
    """Whatever the dates, no application can be made before the scheme came into force on 30 July 2012.

    Citation: Sexual Offences Act 2003 (Remedial) Order 2012, SI 2012/1883. Status: verified.
    """
    notified = relevant + timedelta(days=gap)
    decision = _ask(relevant.replace(year=relevant.year - age, month=1, day=1), relevant, notified)
    assert decision.value["earliest_application"] >= date(2012, 7, 30)


@given(RELEVANT, NOTICE_GAP)
def test_an_excluding_order_always_bars_review(relevant: date, gap: int) -> None:
    """A person subject to a SHPO, interim SHPO, SOPO or interim SOPO is never a qualifying relevant offender.

    Citation: Sexual Offences Act 2003 s.91A(2). Status: verified.
    """
    decision = _ask(date(1950, 1, 1), relevant, relevant + timedelta(days=gap), order=True)
    assert decision.outcome is Outcome.NO


@given(st.dates(min_value=date(2012, 9, 1), max_value=date(2026, 1, 1)), st.integers(8, 15), st.integers(8, 15))
def test_a_longer_further_period_never_gives_an_earlier_date(refused: date, first: int, second: int) -> None:
    """After a refusal the further qualifying date is the anniversary of the determination after the period
    stated (8 years, or longer up to the cap), so a longer period never gives an earlier date.

    Citation: Sexual Offences Act 2003 s.91B(3)-(6). Status: verified.
    """
    dates = []
    for years in sorted((first, second)):
        application = {"received": refused - timedelta(days=30), "determination": "refused",
                       "determination_date": refused, "notice_received": refused, "further_period_years": years}
        decision = _ask(date(1950, 1, 1), date(1997, 10, 1), date(1997, 10, 2), applications=[application])
        assert decision.dates["further_qualifying_date"] == _anniversary(refused, years)
        dates.append(decision.dates["further_qualifying_date"])
    assert dates[0] <= dates[1]


@given(RELEVANT)
def test_without_the_relevant_notification_the_answer_is_undetermined(relevant: date) -> None:
    """With no custody to date it from and no date supplied, the relevant notification is unknown: the answer is
    undetermined and names it.

    Citation: Sexual Offences Act 2003 s.91B(2); parameter notification.review.relevant_notification_rule.
    Status: unverified.
    """
    decision = _ask(date(1950, 1, 1), relevant, None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in decision.missing] == ["review.relevant_notification_date"]


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2015, 1, 1)), st.integers(2, 300), st.booleans())
def test_the_review_period_follows_the_age_on_the_relevant_date_the_sentence_gives(
        convicted: date, later: int, turned: bool) -> None:
    """Where Schedule 3 lists the offence only by its sentence, the 15 or 8 years of s.91B(2) follow the offender's
    age on the day of that sentence (the relevant date, s.132(3)): an offender under 18 at conviction who is 18 when
    sentenced waits 15 years, one still under 18 waits 8.

    Citation: Sexual Offences Act 2003 s.91B(2) (SI 2012/1883 art 3), s.132(3). Status: verified.
    """
    sentenced = convicted + timedelta(days=later)
    birthday = convicted + timedelta(days=1 if turned else later + 1)  # the 18th birthday
    if (birthday.month, birthday.day) == (2, 29):
        birthday += timedelta(days=1)
    if turned and birthday > sentenced:
        return
    notified = sentenced + timedelta(days=400)
    case = Case.model_validate({
        "person": {"date_of_birth": birthday.replace(year=birthday.year - 18)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": convicted, "sentence_date": sentenced,
                       "offence": {"offence_id": "soa2003.s3", "offence_date": convicted - timedelta(days=1),
                                   "victim_age": 30},
                       "sentence": {"kind": "imprisonment", "form": "s91_s250_detention", "term": {"months": 36}}}],
        "review": {"relevant_notification_date": notified, "subject_to_order_excluding_review": False},
    })
    decision = review(case, AS_OF)
    assert decision.value["years"] == (15 if turned else 8)
    assert decision.dates["qualifying_date"] == _anniversary(notified, 15 if turned else 8)


@given(st.dates(min_value=date(2012, 7, 30), max_value=date(2035, 12, 31)), st.sampled_from([None, *range(8, 16)]))
def test_after_a_refusal_the_further_date_is_the_8th_anniversary_unless_a_longer_period_is_set(
    refused: date, years: int | None
) -> None:
    """After a refusal that records no longer period, the further qualifying date is the 8th anniversary of the
    determination (the day after the end of 8 years beginning with it); a recorded longer period of N years (up to
    15) gives the Nth anniversary instead. Reading an absent period as none set is warned.

    Citation: Sexual Offences Act 2003 s.91B(3)-(6). Status: verified.
    """
    application = {"received": refused - timedelta(days=30), "determination": "refused",
                   "determination_date": refused, "notice_received": refused, "further_period_years": years}
    decision = _ask(date(1950, 1, 1), date(1997, 10, 1), date(1997, 10, 2), applications=[application])
    assert decision.dates["further_qualifying_date"] == _anniversary(refused, years or 8)
    basis = "s.91B(3)" if years in (None, 8) else "s.91B(4)-(6)"
    assert decision.value["further_period_basis"] == basis
    warned = "notification.review.no_longer_period_unless_stated" in [w.code for w in decision.warnings]
    assert warned is (years is None)


@given(st.dates(min_value=date(2012, 7, 30), max_value=date(2035, 12, 31)), st.sampled_from([None, *range(8, 16)]),
       st.booleans())
def test_the_further_qualifying_date_and_the_appeal_deadline_record_the_beginning_with_reading(
    refused: date, years: int | None, decided_on_known: bool
) -> None:
    """The further qualifying date (the day after the end of the further period beginning with the determination)
    and the last day to appeal (21 days beginning with the day the notice is received) each count the first day:
    the decision gives the further date in a reason of its own, and lists the "beginning with" convention in
    relied_on, even where no qualifying date can be given to record it.

    Citation: Sexual Offences Act 2003 s.91B(3), (6), s.91E(2). Status: verified.
    """
    application = {"received": refused - timedelta(days=30), "determination": "refused",
                   "determination_date": refused if decided_on_known else None, "notice_received": refused,
                   "further_period_years": years}
    decision = _ask(date(1950, 1, 1), date(1997, 10, 1), None, applications=[application])
    assert "qualifying_date" not in decision.dates
    assert decision.dates["appeal_deadline"] == refused + timedelta(days=20)
    assert "time.conventions.beginning_with_convention" in [r.id for r in decision.relied_on]
    stated = [r for r in decision.reasons if r.rule_id == "notification.review.further_qualifying_date"]
    if decided_on_known:
        further = _anniversary(refused, years or 8)
        assert decision.dates["further_qualifying_date"] == further
        assert [r.facts["further_qualifying_date"] for r in stated] == [further]
        assert f"beginning with the determination of {refused.isoformat()} is {further.isoformat()}" in (
            stated[0].explanation)
    else:
        assert stated == [] and "further_qualifying_date" not in decision.dates


@given(st.dates(min_value=date(2012, 7, 30), max_value=date(2035, 12, 31)),
       st.lists(st.integers(0, 14), min_size=1, max_size=4))
def test_the_determination_is_due_6_weeks_after_the_last_day_a_notified_body_may_reply(
    received: date, delays: list[int]
) -> None:
    """The chief officer must determine within 6 weeks of the latest date on which a notified responsible body may
    give information, each body having 28 days of its receipt of the notification; the acknowledgment is due within
    14 days of the application. "Within ... of" counts the days after the day named.

    Citation: Sexual Offences Act 2003 ss.91B(8)-(9), 91C(1). Status: verified (the counting: declared convention
    notification.review.within_excludes_day).
    """
    bodies = [received + timedelta(days=d) for d in delays]
    application = {"received": received, "bodies_notified_on": bodies, "determination": "pending"}
    decision = _ask(date(1950, 1, 1), date(1997, 10, 1), date(1997, 10, 2), applications=[application],
                    as_of=max(AS_OF, received))
    latest = max(bodies) + timedelta(days=28)
    assert decision.value["responsible_bodies_deadline"] == latest
    assert decision.dates["determination_deadline"] == latest + timedelta(weeks=6)
    assert decision.dates["acknowledgment_deadline"] == received + timedelta(days=14)


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2003, 1, 1)), st.integers(0, 400), st.integers(1, 2000))
def test_a_1997_act_registration_after_release_is_the_relevant_notification_and_warned(
    relevant: date, served: int, later: int
) -> None:
    """The first notification after the first release for the conviction is the relevant notification; where it
    was given under the Sex Offenders Act 1997 it counts (official practice), and the decision warns with the date
    the literal words of s.91B(10) ("under section 83, 84 or 85") would give: the first notification from 1 May 2004.

    Citation: Sexual Offences Act 2003 s.91B(10); declared convention
    notification.review.relevant_notification_includes_soa1997. Status: unverified (convention).
    """
    released = relevant + timedelta(days=served)
    first = released + timedelta(days=1)
    under_2003 = max(first, date(2004, 5, 1)) + timedelta(days=later)
    case = Case.model_validate({
        "person": {"date_of_birth": date(1950, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 48}}}],
        "intervals": [{"kind": "serving_sentence", "start": relevant, "end": released}],
        "notifications": [{"kind": "initial", "date": first},
                          {"kind": "periodic", "date": under_2003, "no_sole_or_main_residence": False}],
        "review": {"subject_to_order_excluding_review": False},
    })
    decision = review(case, AS_OF)
    assert decision.dates["relevant_notification"] == first
    message = {w.code: w.message for w in decision.warnings}.get(
        "notification.review.relevant_notification_includes_soa1997")
    if first < date(2004, 5, 1):
        assert message is not None and f"read as no it would be {under_2003.isoformat()}" in message
    else:
        assert message is None


@given(RELEVANT, st.integers(0, 3000))
def test_a_discharge_received_decides_even_if_another_discharges_notice_date_is_unknown(
    relevant: date, after: int,
) -> None:
    """Requirements discharged on review end when the offender receives the notice: one application discharged
    with its notice received by the date decides it, whatever another discharged application's unknown notice
    date. (Determinations fall on or after the scheme came into force, 30 July 2012: SI 2012/1883 art 1(1).)

    Citation: Sexual Offences Act 2003 s.91C. Status: verified.
    """
    notice = max(relevant, date(2012, 7, 30)) + timedelta(days=after)
    if notice > AS_OF:
        return
    decision = _ask(date(1960, 1, 1), relevant, relevant, applications=[
        {"determination": "discharged"},
        {"determination": "discharged", "determination_date": notice, "notice_received": notice},
    ])
    assert decision.outcome is Outcome.NO
    assert decision.value["qualifying"] is False


def test_a_further_period_outside_the_limits_is_a_conflict_no_fact_would_settle() -> None:
    """A refusal setting a further period shorter than 8 years is outside s.91C: no further qualifying date can be
    given, and the decision says so rather than naming a fact.

    Citation: Sexual Offences Act 2003 ss.91B(4)-(6), 91C. Status: verified.
    """
    decision = _ask(date(1960, 1, 1), date(2000, 1, 1), date(2000, 1, 3), applications=[
        {"received": date(2016, 1, 10), "determination": "refused", "determination_date": date(2016, 2, 1),
         "notice_received": date(2016, 2, 3), "further_period_years": 1}])
    assert decision.outcome is Outcome.UNDETERMINED
    assert [u.kind for u in decision.undecidable] == ["conflict"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_a_refusal_dates_nothing_from_a_day_before_the_scheme_and_names_an_unknown_determination(
        notice: date) -> None:
    """After a refusal the further qualifying date runs from the determination (s.91B(3)): with the determination's
    day unknown the answer is undetermined and names it. A notice of determination received before the review
    scheme came into force (30 July 2012) is set aside with a warning, so no appeal deadline (s.91E(2): 21 days
    beginning with its receipt) is given from it; received within the scheme, the deadline is given.

    Citation: Sexual Offences Act 2003 ss.91B(3), 91E(2); SI 2012/1883 art 1(1). Status: verified.
    """
    application = {"determination": "refused", "notice_received": notice}
    decision = _ask(date(1950, 1, 1), date(1997, 10, 1), date(1997, 10, 2), applications=[application])
    assert decision.outcome is Outcome.UNDETERMINED
    assert "review.applications[0].determination_date" in [m.fact for m in decision.missing]
    warned = "notification.review.scheme_commencement" in [w.code for w in decision.warnings]
    assert warned is (notice < date(2012, 7, 30))
    assert (decision.value["appeal_deadline"] is None) is warned
