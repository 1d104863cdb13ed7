"""The examples of issues 9 and 16, through the command line and the Python API: each gives the law's answer."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from typing import Any

import yaml

from mappa_rules import Case, mappa_category, notification_period, travel_notice
from mappa_rules.cli import main

S132 = {"person": {"date_of_birth": "2005-06-01"}, "disposals": [
    {"id": "a", "trigger": "conviction", "court": "england_wales", "relevant_date": "2023-05-01",
     "sentence_date": "2023-07-01", "offence": {"offence_id": "soa2003.s3", "offence_date": "2022-12-01",
                                                "victim_age": 30},
     "sentence": {"kind": "imprisonment", "form": "s91_s250_detention", "term": {"months": 12}}}]}
DISCHARGE = {"person": {"date_of_birth": "1990-03-03"}, "disposals": [
    {"id": "a", "trigger": "conviction", "court": "england_wales", "relevant_date": "2021-05-10",
     "sentence_date": "2021-06-15", "offence": {"offence_id": "soa2003.s9", "offence_date": "2020-11-01",
                                                "victim_age": 15},
     "sentence": {"kind": "conditional_discharge", "period": {"months": 24}}}]}
REVIEWED = {"person": {"date_of_birth": "1970-01-01"}, "disposals": [
    {"id": "a", "trigger": "conviction", "court": "england_wales", "relevant_date": "2006-03-03",
     "sentence_date": "2006-03-03", "offence": {"schedule3": True, "schedule15": "part_2"},
     "sentence": {"kind": "imprisonment", "term": {"months": 40}}, "supervision_end": "2009-07-02"}],
    "risk": {"may_cause_serious_harm": False},
    "review": {"applications": [{"received": "2024-02-01", "determination": "discharged",
                                 "determination_date": "2024-05-02", "notice_received": "2024-05-10"}]},
    "trips": [{"id": "spain", "departure": "2024-09-01", "return_date": "2024-09-08",
               "known_more_than_7_days_before": True}]}
UNCONFIRMED = {"disposals": [
    {"id": "a", "trigger": "conviction", "relevant_date": "2020-03-02", "sentence_date": "2020-03-02",
     "offence": {"offence_id": "soa2003.s40", "offence_date": "2019-06-01", "schedule3": True},
     "sentence": {"kind": "hospital_order", "restriction_order": True}}]}


def _cli(question: str, case: dict[str, Any], as_of: str) -> tuple[int, dict[str, Any]]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main(["explain", question, "-", "--as-of", as_of, "--format", "json"], out=out,
                    stdin=io.StringIO(yaml.safe_dump(case)))
    finally:
        sys.stderr = saved
    return code, json.loads(out.getvalue())


def test_a_listing_by_the_sentence_dates_the_period_from_the_sentence() -> None:
    """Issue 9: 17 at conviction, 18 at the 12-month sentence that alone lists the offence: 10 years from the
    sentence, last day 2033-06-30."""
    code, decision = _cli("notification-period", S132, "2026-12-01")
    assert code == 0 and decision["outcome"] == "yes"
    assert decision["value"]["length"] == "10 years"
    assert decision["dates"] == {"relevant_date": "2023-07-01", "period_last_day": "2033-06-30"}
    api = notification_period(Case.model_validate(S132), date(2026, 12, 1))
    assert api.value["length"] == "10 years" and api.dates["period_last_day"] == date(2033, 6, 30)


def test_a_conditional_discharge_runs_from_the_day_of_the_order() -> None:
    """Issue 9: a 24-month conditional discharge ordered on 2021-06-15 after conviction on 2021-05-10: last day
    2023-06-14."""
    code, decision = _cli("notification-period", DISCHARGE, "2022-01-01")
    assert code == 0 and decision["dates"]["period_last_day"] == "2023-06-14"
    api = notification_period(Case.model_validate(DISCHARGE), date(2022, 1, 1))
    assert api.dates["period_last_day"] == date(2023, 6, 14) and api.dates["relevant_date"] == date(2021, 5, 10)


def test_a_discharge_on_review_ends_the_requirements_in_every_question() -> None:
    """Issue 9: discharged on review, notice received 2024-05-10: on that day not subject, no Category 1, and a
    trip departing 2024-09-01 needs no notice."""
    code, period = _cli("notification-period", REVIEWED, "2024-05-10")
    assert code == 0 and period["value"]["subject_on_as_of"] is False and period["value"]["ended_by"] == "s.91C(4)"
    _, category = _cli("category", REVIEWED, "2024-05-10")
    assert category["value"]["categories"]["1"] is False
    _, travel = _cli("travel-notice", REVIEWED, "2024-05-10")
    assert travel["outcome"] == "no" and travel["value"]["notice_required"] is False
    case, day = Case.model_validate(REVIEWED), date(2024, 5, 10)
    assert notification_period(case, day).value["subject_on_as_of"] is False
    assert mappa_category(case, day).value["categories"]["1"] is False
    assert travel_notice(case, day).value["trips"][0]["subject_on_departure"] is False


def test_a_flag_the_catalogue_cannot_confirm_is_used_with_a_warning() -> None:
    """Issue 16: offence id soa2003.s40 with schedule3 true and no date of birth: the catalogue cannot decide, so
    the flag is used, with a warning naming the fact it needs; a date of birth making the offender 16 gives "no"
    with a warning that the catalogue overrides the flag."""
    code, decision = _cli("notification-period", UNCONFIRMED, "2026-11-21")
    assert code == 0 and decision["value"]["indefinite"] is True
    warning = next(w for w in decision["warnings"] if w["code"] == "offences.unconfirmed.schedule3")
    assert "person.date_of_birth" in warning["message"]
    aged_16 = {**UNCONFIRMED, "person": {"date_of_birth": "2003-01-01"}}
    code, decision = _cli("notification-period", aged_16, "2026-11-21")
    assert decision["outcome"] == "no"
    assert "offences.conflict.schedule3" in [w["code"] for w in decision["warnings"]]
    api = notification_period(Case.model_validate(UNCONFIRMED), date(2026, 11, 21))
    assert "offences.unconfirmed.schedule3" in [w.code for w in api.warnings]
