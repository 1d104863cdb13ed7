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
                       "offence": {"schedule3": True},
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
    assert young.value["provisional"] is True
    assert "review.transitional_s91b7" in [w.code for w in young.warnings]


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

    Citation: Sexual Offences Act 2003 ss.91B(4)-(6), 91C. Status: secondary.
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

    Citation: Sexual Offences Act 2003 s.91B(2); parameter review.relevant_notification_rule. Status: unverified.
    """
    decision = _ask(date(1950, 1, 1), relevant, None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in decision.missing] == ["review.relevant_notification_date"]


@given(RELEVANT, st.integers(0, 3000))
def test_a_discharge_received_decides_even_if_another_discharges_notice_date_is_unknown(
    relevant: date, after: int,
) -> None:
    """Requirements discharged on review end when the offender receives the notice: one application discharged
    with its notice received by the date decides it, whatever another discharged application's unknown notice
    date.

    Citation: Sexual Offences Act 2003 s.91C. Status: verified.
    """
    notice = relevant + timedelta(days=after)
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
