"""The orders replaced on 8 March 2015 and the transition: Sexual Offences Act 2003 ss.97-129 and
Anti-social Behaviour, Crime and Policing Act 2014 s.114; notification orders replaced by s.96ZA notices
(Police, Crime, Sentencing and Courts Act 2022 s.169).

SOPO: fixed period of at least 5 years or until further order (s.107(1)(b)), no discharge within 5 years
(s.108(6)); foreign travel order: at most 6 months, and 5 years if made from 1 April 2010 (s.117(1); PCA 2009
s.24; SI 2010/507 art 5(k));
RSHO: at least 2 years (s.123(5)(b)); at the end of 5 years beginning with 8 March 2015 surviving orders are
varied and enforced as SHPOs or SROs (s.114(5)).
https://www.legislation.gov.uk/ukpga/2014/12/section/114
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome
from mappa_rules.legal_time import Length, TimeConventions, corresponding_day, day_after_end
from mappa_rules.questions import QUESTIONS

CONVENTIONS = TimeConventions()
IN_FORCE = st.dates(min_value=date(2004, 5, 1), max_value=date(2015, 3, 7))
COMMENCEMENT = date(2015, 3, 8)


def _order(kind: str, made: date, terms: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": "p1", "kind": kind, "route": "application", "made": made, "served": made,
            "already_subject": True, "breached": False, "terms": terms, **extra}


def _check(order: dict[str, Any], as_of: date) -> Any:
    return QUESTIONS["order"](Case.model_validate({"orders": [order]}), as_of, None)


@given(IN_FORCE, st.integers(1, 120), st.sampled_from([("sopo", 60), ("rsho", 24)]))
def test_sopo_and_rsho_minimum_fixed_periods(made: date, months: int, kind_minimum: tuple[str, int]) -> None:
    """A SOPO is accepted only for a fixed period of at least 5 years and an RSHO of at least 2 years.

    Citation: Sexual Offences Act 2003 ss.107(1)(b), 123(5)(b). Status: verified.
    """
    kind, minimum = kind_minimum
    decision = _check(_order(kind, made, [{"id": "t", "kind": "prohibition", "period": {"months": months}}]),
                      date(2026, 11, 21))
    assert decision.value["orders"]["p1"]["terms"]["t"]["within_limits"] is (months >= minimum)


@given(IN_FORCE, st.integers(1, 84))
def test_a_foreign_travel_order_is_limited_to_6_months_and_from_1_april_2010_to_5_years(
    made: date, months: int
) -> None:
    """A foreign travel order made before 1 April 2010 may last at most 6 months; one made on or after that day,
    when Policing and Crime Act 2009 s.24 came into force, at most 5 years. The change date is read, so no answer
    warns of it.

    Citation: Sexual Offences Act 2003 s.117(1); Policing and Crime Act 2009 s.24(1)-(2); SI 2010/507 art 5(k).
    Status: verified.
    """
    term = {"id": "j", "kind": "foreign_travel_prohibition", "period": {"months": months}, "takes_effect": made}
    decision = _check(_order("foreign_travel_order", made, [term]), date(2026, 11, 21))
    maximum = 60 if made >= date(2010, 4, 1) else 6
    assert decision.value["orders"]["p1"]["terms"]["j"]["within_limits"] is (months <= maximum)
    assert "orders.predecessor.fto.max_months" not in {w.code for w in decision.warnings}


@given(st.sampled_from([date(2009, 11, 12), date(2010, 3, 31), date(2010, 4, 1), date(2010, 4, 2)]),
       st.integers(7, 60))
def test_the_5_year_maximum_applies_to_orders_made_from_1_april_2010_not_from_royal_assent(
    made: date, months: int
) -> None:
    """Between Royal Assent (12 November 2009) and 31 March 2010 a foreign travel order of more than 6 months was
    still unlawful: s.24 applies only to orders made after its commencement on 1 April 2010.

    Citation: Policing and Crime Act 2009 s.24(2); Policing and Crime Act 2009 (Commencement No. 4) Order 2010
    (SI 2010/507) art 5(k). Status: verified.
    """
    term = {"id": "j", "kind": "foreign_travel_prohibition", "period": {"months": months}, "takes_effect": made}
    decision = _check(_order("foreign_travel_order", made, [term]), date(2026, 11, 21))
    assert decision.value["orders"]["p1"]["terms"]["j"]["within_limits"] is (made >= date(2010, 4, 1))


@given(IN_FORCE, st.dates(min_value=date(2015, 3, 8), max_value=date(2030, 12, 31)),
       st.sampled_from(["sopo", "foreign_travel_order", "rsho"]))
def test_surviving_orders_switch_to_the_new_regime_at_the_end_of_5_years_beginning_with_8_march_2015(
    made: date, as_of: date, kind: str
) -> None:
    """A surviving SOPO, foreign travel order or RSHO is governed by its own (saved) provisions until the end of
    the period of 5 years beginning with 8 March 2015, and from the next day is varied and enforced as a SHPO (or,
    for an RSHO, an SRO); it may never be extended.

    Citation: Anti-social Behaviour, Crime and Policing Act 2014 s.114(4)-(5). Status: verified (date derived).
    """
    switch, _ = day_after_end(COMMENCEMENT, Length(years=5), CONVENTIONS)
    term = {"id": "t", "kind": "foreign_travel_prohibition" if kind == "foreign_travel_order" else "prohibition",
            "period": {"months": 6} if kind == "foreign_travel_order" else {"years": 20}, "takes_effect": made}
    transition = _check(_order(kind, made, [term]), as_of).value["orders"]["p1"]["transition"]
    expected = "saved" if as_of < switch else ("as_sro" if kind == "rsho" else "as_shpo")
    assert transition == {"stage": expected, "may_extend": False}
    assert switch == date(2020, 3, 8)


@given(st.dates(min_value=date(2015, 3, 8), max_value=date(2026, 11, 1)), st.integers(1, 400),
       st.sampled_from(["sopo", "foreign_travel_order", "rsho"]))
def test_no_new_predecessor_order_from_8_march_2015_unless_applied_for_before(
    made: date, earlier: int, kind: str
) -> None:
    """From 8 March 2015 a SOPO, foreign travel order or RSHO can be made only on an application made before that
    day; otherwise the order is a finding.

    Citation: Anti-social Behaviour, Crime and Policing Act 2014 s.114(2), Sch 5 paras 3, 5. Status: verified.
    """
    applied = made - timedelta(days=earlier)
    decision = _check(_order(kind, made, [], application_date=applied), date(2026, 11, 21))
    assert decision.value["orders"]["p1"]["available"] is (applied < COMMENCEMENT)


@given(st.dates(min_value=date(2004, 5, 1), max_value=date(2026, 11, 1)),
       st.sampled_from(["notification_order", "notification_notice"]))
def test_notification_orders_were_replaced_by_police_notices_on_29_november_2022(made: date, kind: str) -> None:
    """A notification order (on an application made on the same day) is available only before 29 November 2022,
    and a s.96ZA notice only from that day.

    Citation: Police, Crime, Sentencing and Courts Act 2022 s.169; Sexual Offences Act 2003 ss.96ZA, 97.
    Status: verified.
    """
    order = _order(kind, made, [], application_date=made)
    available = _check(order, date(2026, 11, 21)).value["orders"]["p1"]["available"]
    before = made < date(2022, 11, 29)
    assert available is (before if kind == "notification_order" else not before)


@given(IN_FORCE, st.sampled_from([("sopo", 5), ("rsho", 2)]))
def test_no_discharge_of_a_sopo_within_5_years_or_an_rsho_within_2(made: date, kind_years: tuple[str, int]) -> None:
    """Without consent a SOPO may not be discharged before the 5th anniversary of its making, nor an RSHO before
    the 2nd.

    Citation: Sexual Offences Act 2003 ss.108(6), 125(5). Status: verified (anniversary form derived).
    """
    kind, years = kind_years
    order = _order(kind, made, [{"id": "t", "kind": "prohibition", "duration": "until_further_order"}])
    decision = _check(order, date(2026, 11, 21))
    discharge = decision.value["orders"]["p1"]["discharge"]
    assert discharge["without_consent_from"] == corresponding_day(made, Length(years=years), CONVENTIONS)[0]
    assert decision.outcome is Outcome.YES


@given(IN_FORCE, st.integers(1, 3000), st.sampled_from([True, False, None]))
def test_already_subject_given_against_the_record_is_named_as_a_conflict(
        made: date, before: int, given: bool | None) -> None:
    """Whether the person was subject immediately before a SOPO was made is a fact the case may give; where the
    case's record (here a stated indefinite notification from before the making) says otherwise, the answer
    follows the fact given and warns of the conflict, naming the field. Given as the record has it, or left to the
    record, nothing is warned.

    Citation: Sexual Offences Act 2003 s.107(3)-(4); docs/design.md (never guess). Status: verified.
    """
    order = _order("sopo", made, [{"id": "t", "kind": "prohibition", "period": {"months": 60}}],
                   already_subject=given)
    case = Case.model_validate({"orders": [order], "stated": {"notification": {
        "since": made - timedelta(days=before), "indefinite": True}}})
    decision = QUESTIONS["order"](case, date(2026, 11, 21), None)
    warned = [w.message for w in decision.warnings if w.code == "orders.conflict.already_subject"]
    assert bool(warned) is (given is False)
    assert all("orders[0].already_subject is given as no" in m for m in warned)
