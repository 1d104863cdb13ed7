"""Sexual harm prevention orders: Sentencing Act 2020 ss.343-358 (convictions on or after 1 December 2020) and
Sexual Offences Act 2003 ss.103A-103K (from 8 March 2015).

Each prohibition or requirement has effect for a fixed period of at least 5 years or until further order
(SA s.347; SOA s.103C); a foreign travel prohibition is for a fixed period of at most 5 years (SA s.348; SOA
s.103D); requirements only from 29 November 2022; no interim SHPO on conviction; no discharge before the end of
5 years beginning with the day made without consent, unless the only terms are foreign travel prohibitions (SA
s.350(7)-(8); SOA s.103E(7)-(8)); notification while the order has effect (SA s.352; SOA s.103G).
https://www.legislation.gov.uk/ukpga/2020/17/part/11/chapter/2
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
PERIOD = st.builds(
    lambda y, m, d: {k: v for k, v in (("years", y), ("months", m), ("days", d)) if v} or {"days": 1},
    st.integers(0, 9), st.integers(0, 11), st.integers(0, 40),
)


def _order(made: date, terms: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": "s1", "kind": "shpo", "route": "application", "made": made, "served": made,
            "already_subject": True, "terms": terms, **extra}


def _check(*orders: dict[str, Any], as_of: date = AS_OF) -> Any:
    return QUESTIONS["order"](Case.model_validate({"orders": list(orders)}), as_of, None)


def _length(period: dict[str, int]) -> Length:
    return Length(years=period.get("years", 0), months=period.get("months", 0), days=period.get("days", 0))


@given(MADE, PERIOD)
def test_no_fixed_term_shorter_than_5_years_is_ever_accepted(made: date, period: dict[str, int]) -> None:
    """A prohibition for a fixed period is accepted exactly when the period is at least 5 years.

    Citation: Sentencing Act 2020 s.347(2); Sexual Offences Act 2003 s.103C(2). Status: verified.
    """
    decision = _check(_order(made, [{"id": "t", "kind": "prohibition", "period": period}]))
    within = decision.value["orders"]["s1"]["terms"]["t"]["within_limits"]
    end, _ = corresponding_day(made, _length(period), CONVENTIONS)
    five, _ = corresponding_day(made, Length(years=5), CONVENTIONS)
    assert within is (end >= five)
    assert decision.outcome is (Outcome.YES if within else Outcome.NO)


@given(MADE, PERIOD, st.integers(0, 400))
def test_a_foreign_travel_prohibition_never_exceeds_5_years_from_when_it_takes_effect(
    made: date, period: dict[str, int], delay: int
) -> None:
    """A foreign travel prohibition is accepted only if it is for a fixed period of at most 5 years, and an
    accepted one always ends before the 5th anniversary of the day it takes effect.

    Citation: Sentencing Act 2020 s.348(1); Sexual Offences Act 2003 s.103D(1). Status: verified.
    """
    start = made + timedelta(days=delay)
    term = {"id": "f", "kind": "foreign_travel_prohibition", "period": period, "takes_effect": start}
    decision = _check(_order(made, [term]))
    result = decision.value["orders"]["s1"]["terms"]["f"]
    fifth, _ = corresponding_day(start, Length(years=5), CONVENTIONS)
    if result["within_limits"]:
        assert result["last_day"] < fifth
    else:
        assert result["last_day"] >= fifth


@given(MADE)
def test_a_foreign_travel_prohibition_never_lasts_until_further_order(made: date) -> None:
    """A foreign travel prohibition until further order is always a finding, naming the term and the limit.

    Citation: Sentencing Act 2020 s.348(1); Sexual Offences Act 2003 s.103D(1). Status: verified.
    """
    decision = _check(_order(made, [{"id": "f", "kind": "foreign_travel_prohibition",
                                     "duration": "until_further_order"}]))
    assert decision.outcome is Outcome.NO
    [finding] = decision.value["findings"]
    assert finding["term"] == "f" and "5 years" in finding["finding"]


@given(MADE)
def test_positive_requirements_only_from_29_november_2022(made: date) -> None:
    """A requirement (as opposed to a prohibition) is lawful only in an order made on or after 29 November 2022.

    Citation: Sentencing Act 2020 s.343(1A); Sexual Offences Act 2003 s.103C (as amended by PCSC 2022).
    Status: verified.
    """
    decision = _check(_order(made, [{"id": "r", "kind": "requirement", "duration": "until_further_order"}]))
    assert decision.value["orders"]["s1"]["terms"]["r"]["within_limits"] is (made >= date(2022, 11, 29))


@given(st.dates(min_value=date(2015, 3, 8), max_value=date(2026, 10, 1)), st.sampled_from(["schedule3", "schedule5"]))
def test_the_route_on_conviction_follows_the_conviction_date(convicted: date, listed: str) -> None:
    """A SHPO on conviction is made under the Sentencing Code exactly when the conviction (not the sentence or the
    order) is on or after 1 December 2020; before that SOA 2003 s.103A applies.

    Citation: Sentencing Act 2020 ss.2, 345; Sexual Offences Act 2003 s.103A(2)(a)(i). Status: verified.
    """
    made = convicted + timedelta(days=30)
    decision = _check(_order(made, [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}],
                             route="conviction", conviction_date=convicted, offence_listed=listed))
    provision = decision.value["orders"]["s1"]["provision"]
    assert provision.startswith("Sentencing Act 2020") is (convicted >= date(2020, 12, 1))


@given(MADE, st.sampled_from(["schedule3", "schedule5"]))
def test_schedule_3_conditions_about_disposal_or_age_are_disregarded(made: date, listed: str) -> None:
    """An offence listed in Schedule 3 or 5 allows a SHPO on conviction even where the Schedule 3 condition (about
    the sentence or anyone's age) is not met, so that the conviction does not itself bring notification.

    Citation: Sentencing Act 2020 s.345(2); Sexual Offences Act 2003 s.103B(9). Status: verified.
    """
    case = Case.model_validate({
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": made, "offence": {"schedule3": False},
                       "sentence": {"kind": "fine"}}],
        "orders": [_order(made, [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}],
                          route="conviction", conviction_date=made, offence_listed=listed)],
    })
    decision = QUESTIONS["order"](case, AS_OF, None)
    assert decision.value["orders"]["s1"]["available"] is True


@given(MADE, st.sampled_from(["conviction", "finding"]))
def test_there_is_no_interim_shpo_on_conviction(made: date, route: str) -> None:
    """An interim SHPO exists only while an application is pending: one recorded on the conviction or finding
    route is always a finding.

    Citation: Sexual Offences Act 2003 s.103F(1); Sentencing Act 2020 Part 11 Ch 2. Status: verified.
    """
    order = _order(made, [{"id": "t", "kind": "prohibition", "period": {"months": 3}}], kind="interim_shpo",
                   route=route)
    decision = _check(order)
    assert decision.outcome is Outcome.NO
    assert decision.value["orders"]["s1"]["available"] is False


@given(MADE, st.booleans())
def test_no_discharge_within_5_years_beginning_with_the_day_made(made: date, travel_only: bool) -> None:
    """Without consent a SHPO may not be discharged before the 5th anniversary of the day it was made (the day after
    the end of 5 years beginning with that day), unless its only terms are foreign travel prohibitions.

    Citation: Sentencing Act 2020 s.350(7)-(8); Sexual Offences Act 2003 s.103E(7)-(8). Status: verified
    (anniversary form derived).
    """
    kind = "foreign_travel_prohibition" if travel_only else "prohibition"
    term = {"id": "t", "kind": kind, "period": {"years": 5 if travel_only else 6}, "takes_effect": made}
    discharge = _check(_order(made, [term])).value["orders"]["s1"]["discharge"]
    if travel_only:
        assert discharge["restricted"] is False and discharge["without_consent_from"] is None
    else:
        assert discharge["without_consent_from"] == corresponding_day(made, Length(years=5), CONVENTIONS)[0]
        assert discharge["without_consent_from"] > made


@given(MADE, st.integers(0, 20), st.booleans())
def test_a_person_not_already_subject_notifies_from_the_date_of_service(made: date, lag: int, already: bool) -> None:
    """A person not subject to notification when the SHPO is made becomes subject with the date of service as the
    relevant date; a person already subject stays subject with the relevant date unchanged.

    Citation: Sentencing Act 2020 s.352(1)-(3); Sexual Offences Act 2003 s.103G(1)-(3). Status: verified.
    """
    served = made + timedelta(days=lag)
    order = _order(made, [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}],
                   served=served, already_subject=already)
    notification = _check(order).value["orders"]["s1"]["notification"]
    assert notification["full_notification"] is True
    if already:
        assert notification["relevant_date_rule"] == "unchanged" and "relevant_date" not in notification
    else:
        assert notification["relevant_date"] == served


@given(MADE, st.integers(60, 120), st.integers(-400, 400))
def test_a_shpo_makes_the_person_category_1_exactly_while_it_has_effect(made: date, months: int, shift: int) -> None:
    """A person with no registrable conviction is subject to notification, and so MAPPA Category 1, exactly while
    a SHPO has effect.

    Citation: Sentencing Act 2020 s.352(2); Sexual Offences Act 2003 s.103G(2); Criminal Justice Act 2003 s.327(2).
    Status: verified.
    """
    last, _ = corresponding_day(made, Length(months=months), CONVENTIONS)
    last -= timedelta(days=1)
    as_of = max(made, last + timedelta(days=shift))
    order = _order(made, [{"id": "t", "kind": "prohibition", "period": {"months": months}}])
    unlisted = {"id": "a", "trigger": "conviction", "relevant_date": made, "offence": {"schedule3": False},
                "sentence": {"kind": "fine"}}
    category = QUESTIONS["category"](Case.model_validate({"orders": [order], "disposals": [unlisted]}), as_of, None)
    assert category.value["categories"]["1"] is (as_of <= last)


@given(st.dates(min_value=date(2021, 1, 1), max_value=date(2026, 1, 1)), st.integers(0, 60))
def test_the_same_day_convention_is_warned_only_where_a_conviction_falls_on_the_day_the_order_was_made(
    convicted: date, lag: int
) -> None:
    """Whether the person was subject to notification "immediately before the making of the order" is read from the
    disposals on the day it was made, a conviction that day coming first (declared convention). The other reading
    differs only where a disposal is dated that day; only then is the convention warned, and otherwise it is
    listed as relied on.

    Citation: Sentencing Act 2020 s.352(1); declared convention orders.regimes.already_subject_on_day_made.
    Status: unverified (convention).
    """
    made = convicted + timedelta(days=lag)
    case = Case.model_validate({
        "person": {"date_of_birth": date(1980, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": convicted, "offence": {"schedule3": True},
                       "sentence": {"kind": "imprisonment", "term": {"months": 12}}}],
        "orders": [{"id": "s1", "kind": "shpo", "route": "conviction", "offence_listed": "schedule3",
                    "conviction_date": convicted, "made": made, "served": made,
                    "terms": [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}]}],
    })
    decision = QUESTIONS["order"](case, AS_OF, None)
    convention = "orders.regimes.already_subject_on_day_made"
    warned = convention in {w.code for w in decision.warnings}
    assert warned is (lag == 0)
    assert (convention in {r.id for r in decision.relied_on}) is not warned
