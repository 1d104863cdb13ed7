"""The public Python functions check their arguments (issue 16) and answer what a valid case can run into that no
fact would settle - a law not yet in force, a date beyond the calendar - as undetermined, saying so (issue 11)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from mappa_rules import QUESTIONS, CaseValidationError, Outcome, assess, parse_case, periodic
from mappa_rules.limits import MAX_DAY

CASE = parse_case({"person": {"date_of_birth": "1990-01-15"},
                   "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": "2015-04-20",
                                  "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                                  "sentence": {"kind": "imprisonment", "term": {"months": 12}}}]})


@pytest.mark.parametrize(("as_of", "error"), [
    (datetime(2026, 11, 21, 10, 0), TypeError),
    ("2026-11-21", TypeError),
    (None, TypeError),
    (20261121, TypeError),
    (date(1799, 12, 31), ValueError),
    (date(9999, 12, 31), ValueError),
])
@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_as_of_must_be_a_date_within_the_dates_handled(question: str, as_of: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"^as_of: "):
        QUESTIONS[question](CASE, as_of, None)


def test_assess_checks_its_arguments_too() -> None:
    with pytest.raises(TypeError, match=r"^as_of: expected a datetime\.date, not datetime"):
        assess(CASE, datetime(2026, 11, 21))
    with pytest.raises(TypeError, match=r"^case: expected a mappa_rules\.Case"):
        assess({"disposals": []}, date(2026, 11, 21))  # type: ignore[arg-type]


def test_a_question_asked_before_the_law_existed_says_so() -> None:
    """Asked as at 1 January 1990, before the Sex Offenders Act 1997 and the 2003 Act: no fact would decide it."""
    for name, question in QUESTIONS.items():
        decision = question(CASE, date(1990, 1, 1), None)
        if decision.outcome is Outcome.UNDETERMINED:
            assert decision.missing or decision.undecidable, name


def test_a_prescribed_information_notification_before_the_information_was_prescribed_is_not_answered() -> None:
    """A notification recorded as of only the information prescribed from 13 August 2012, dated 2010, cannot be
    what the record says: whether it moves the annual date is undetermined, naming the provision not in force.

    Citation: SOA 2003 s.85; SI 2012/1876 (in force 13 August 2012). Status: derived."""
    case = parse_case({"person": {"date_of_birth": "1960-01-01"},
                       "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": "2005-03-01",
                                      "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                                      "sentence": {"kind": "imprisonment", "term": {"months": 40}}}],
                       "notifications": [{"kind": "initial", "date": "2005-03-02"},
                                         {"kind": "prescribed_information", "date": "2010-05-05"}]})
    decision = periodic(case, date(2010, 6, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert [(u.kind, u.about) for u in decision.undecidable] == [
        ("law_not_in_force", "notification.periodic.restart_on_prescribed_change")]


def test_a_date_beyond_the_calendar_is_answered_as_undetermined() -> None:
    """Consecutive terms of centuries run past 31 December 9999: the period cannot be dated, and the decision says
    so rather than raising."""
    term = {"years": 200, "months": 2400, "weeks": 10000, "days": 100000}
    disposals = [{"id": "d0", "trigger": "conviction", "relevant_date": MAX_DAY.replace(year=7000).isoformat(),
                  "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                  "sentence": {"kind": "imprisonment", "term": term}}]
    for i in range(1, 4):
        disposals.append({"id": f"d{i}", "trigger": "conviction", "relevant_date": "7000-01-01",
                          "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                          "sentence": {"kind": "imprisonment", "term": term,
                                       "relation": {"to": f"d{i - 1}", "kind": "consecutive"}}})
    case = parse_case({"disposals": disposals})
    kinds = set()
    for question in QUESTIONS.values():
        decision = question(case, date(7000, 6, 1), None)
        kinds.update(u.kind for u in decision.undecidable)
    assert "beyond_calendar" in kinds


def test_a_stated_offender_age_at_odds_with_the_date_of_birth_is_refused_without_the_values() -> None:
    """An age at the offence that the date of birth and the offence date rule out is a contradiction in the facts:
    refused, naming the fields, never the age or the dates."""
    with pytest.raises(CaseValidationError) as raised:
        parse_case({"person": {"date_of_birth": "1992-02-01"},
                    "disposals": [{"id": "a", "trigger": "caution", "relevant_date": "2011-07-31",
                                   "offence": {"offence_id": "soaa2000.s3", "offence_date": "2011-02-09",
                                               "offender_age": 30}}]})
    message = str(raised.value)
    assert "disposals[0].offence.offender_age" in message and "person.date_of_birth" in message
    assert not any(value in message for value in ("30", "1992", "2011", "19 "))


def test_a_disposal_no_rule_of_the_table_fits_is_named_by_every_question_relying_on_it() -> None:
    """An IPP recorded for 1998, before there were IPPs, fits no row of the s.82(1) table: a duty question that
    needs the period says so (not_encoded), rather than naming nothing."""
    case = parse_case({"person": {"date_of_birth": "1960-01-01"},
                       "disposals": [{"id": "a", "trigger": "disability_finding", "relevant_date": "1998-08-25",
                                      "dealt_with_status_1997": True,
                                      "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                                      "sentence": {"kind": "ipp"}}],
                       "trips": [{"departure": "2022-10-22", "return_date": "2022-11-02",
                                  "known_more_than_7_days_before": False}]})
    decision = QUESTIONS["travel-notice"](case, date(2026, 11, 21), None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [(u.kind, u.about) for u in decision.undecidable] == [("not_encoded", "notification.period.row")]
