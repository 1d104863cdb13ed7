"""Sexual risk orders: Sexual Offences Act 2003 ss.122A-122K (from 8 March 2015).

Each prohibition or requirement has effect for a fixed period of at least 2 years or until further order
(s.122A); a foreign travel prohibition is for at most 5 years (s.122C); no discharge before the end of 2 years
beginning with the day made without consent, with no exception for travel bans (s.122D(5)); names and home
address within 3 days beginning with the date of service, changes within 3 days, no disregarded periods as read
(s.122F); a conviction for breach brings full notification while the order has effect (s.122I).
https://www.legislation.gov.uk/ukpga/2003/42/section/122A
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome
from mappa_rules.legal_time import Length, TimeConventions, corresponding_day
from mappa_rules.questions import QUESTIONS

AS_OF = date(2026, 11, 21)
CONVENTIONS = TimeConventions()
MADE = st.dates(min_value=date(2015, 3, 8), max_value=date(2026, 11, 1))


def _sro(made: date, terms: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    order = {"id": "r1", "kind": "sro", "made": made, "served": made, "already_subject": False,
             "replaces_interim": False, "breached": False, "terms": terms}
    order.update(extra)
    return order


def _check(order: dict[str, Any], as_of: date = AS_OF, **case: Any) -> Any:
    return QUESTIONS["order"](Case.model_validate({"orders": [order], **case}), as_of, None)


@given(MADE, st.integers(1, 120))
def test_no_fixed_term_shorter_than_2_years_is_ever_accepted(made: date, months: int) -> None:
    """A prohibition for a fixed period is accepted exactly when the period is at least 2 years.

    Citation: Sexual Offences Act 2003 s.122A(7)(b) (now s.122A(8)(a)). Status: verified.
    """
    decision = _check(_sro(made, [{"id": "t", "kind": "prohibition", "period": {"months": months}}]))
    assert decision.value["orders"]["r1"]["terms"]["t"]["within_limits"] is (months >= 24)


@given(MADE, st.integers(1, 120))
def test_a_foreign_travel_prohibition_is_at_most_5_years(made: date, months: int) -> None:
    """A foreign travel prohibition in an SRO longer than 5 years is never accepted; one of 2 to 5 years is.

    Citation: Sexual Offences Act 2003 ss.122A(7)(b), 122C(1). Status: verified (2-year floor derived).
    """
    term = {"id": "f", "kind": "foreign_travel_prohibition", "period": {"months": months}, "takes_effect": made}
    within = _check(_sro(made, [term])).value["orders"]["r1"]["terms"]["f"]["within_limits"]
    assert within is (24 <= months <= 60)


@given(MADE, st.booleans())
def test_no_discharge_within_2_years_even_of_a_travel_ban_alone(made: date, travel_only: bool) -> None:
    """Without consent an SRO may not be discharged before the 2nd anniversary of the day it was made - even one
    whose only term is a foreign travel prohibition.

    Citation: Sexual Offences Act 2003 s.122D(5). Status: verified (anniversary form derived).
    """
    kind = "foreign_travel_prohibition" if travel_only else "prohibition"
    term = {"id": "t", "kind": kind, "period": {"years": 3}, "takes_effect": made}
    discharge = _check(_sro(made, [term])).value["orders"]["r1"]["discharge"]
    assert discharge["restricted"] is True
    assert discharge["without_consent_from"] == corresponding_day(made, Length(years=2), CONVENTIONS)[0]


@given(MADE, st.integers(0, 30), st.integers(0, 10))
def test_names_and_home_address_are_due_within_3_days_beginning_with_service_even_in_custody(
    made: date, lag: int, custody: int
) -> None:
    """A person not already subject must notify names and home address within 3 days beginning with the date of
    service - the third day counting the day of service - and time in custody does not extend it.

    Citation: Sexual Offences Act 2003 s.122F(1), (4). Status: verified (no disregards: derived parameter).
    """
    served = made + timedelta(days=lag)
    intervals = [{"kind": "remanded_in_custody", "start": served, "end": served + timedelta(days=custody)}]
    decision = _check(_sro(made, [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}],
                           served=served), intervals=intervals)
    assert decision.value["orders"]["r1"]["notification"]["name_address_due"] == served + timedelta(days=2)
    assert "orders.sro.notification_disregards" in {r.id for r in decision.relied_on}


@given(MADE, st.integers(0, 3000), st.integers(-800, 800))
def test_a_breach_conviction_brings_full_notification_while_the_order_has_effect(
    made: date, after: int, shift: int
) -> None:
    """After a conviction for breaching an SRO, the person is subject to the notification requirements (and so
    Category 1) from the conviction until the order ceases to have effect - and not before the conviction.

    Citation: Sexual Offences Act 2003 s.122I(1)-(4); Criminal Justice Act 2003 s.327(2). Status: verified.
    """
    breach = made + timedelta(days=after)
    last = corresponding_day(made, Length(years=10), CONVENTIONS)[0] - timedelta(days=1)
    as_of = max(made, breach + timedelta(days=shift))
    order = _sro(made, [{"id": "t", "kind": "prohibition", "period": {"years": 10}}], breached=True,
                 breach_date=breach)
    for_breach = {"id": "b", "trigger": "conviction", "relevant_date": breach, "offence": {"schedule3": False},
                  "sentence": {"kind": "fine"}}
    case = Case.model_validate({"orders": [order], "disposals": [for_breach]})
    category = QUESTIONS["category"](case, as_of, None)
    assert category.value["categories"]["1"] is (breach <= as_of <= last)


@given(st.dates(min_value=date(2004, 5, 1), max_value=date(2015, 3, 7)))
def test_no_sro_before_8_march_2015(made: date) -> None:
    """No SRO could be made before 8 March 2015; such an order is a finding, not an error.

    Citation: Anti-social Behaviour, Crime and Policing Act 2014 s.113, Sch 5; SI 2015/373 art.2(e).
    Status: verified.
    """
    decision = _check(_sro(made, []))
    assert decision.outcome is Outcome.NO
    assert decision.value["orders"]["r1"]["available"] is False


@given(st.dates(min_value=date(2016, 1, 1), max_value=date(2024, 1, 1)), st.booleans(),
       st.integers(1, 700), st.integers(1, 700), st.integers(1, 700), st.sampled_from(["breach", "ceased", "disposal"]))
def test_the_s122f_duty_depends_only_on_the_facts_on_the_date_of_service(
    served: date, subject: bool, breach: int, ceased: int, later: int, event: str
) -> None:
    """Whether names and home address must be notified under s.122F(1), and by when (the date of service + 2),
    depends only on the facts on the date of service: a later breach conviction, a discharge or a later
    conviction never changes them.

    Citation: Sexual Offences Act 2003 s.122F(1). Status: verified.
    """
    disposals = [{"id": "c", "trigger": "caution", "relevant_date": served - timedelta(days=30),
                  "offence": {"schedule3": subject}, "sentence": {"kind": "caution"}}]
    order = _sro(served - timedelta(days=2), [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}],
                 served=served, already_subject=None)
    before = _check(order, disposals=disposals).value["orders"]["r1"]["notification"]
    if event == "breach":
        order = {**order, "breached": True, "breach_date": served + timedelta(days=breach)}
    elif event == "ceased":
        order = {**order, "ceased_on": served + timedelta(days=ceased)}
    else:
        disposals = [*disposals, {"id": "d", "trigger": "conviction", "relevant_date": served + timedelta(days=later),
                                  "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                                  "sentence": {"kind": "life"}}]
    after = _check(order, disposals=disposals).value["orders"]["r1"]["notification"]
    assert before["initial_duty"] is after["initial_duty"] is (not subject)
    assert before.get("name_address_due") == after.get("name_address_due") == (
        None if subject else served + timedelta(days=2))
