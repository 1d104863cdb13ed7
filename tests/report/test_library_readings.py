"""What the report relies on the library's questions to read right as at a reporting date: a sentence passed after
the day, and a discharge on review before it."""

from __future__ import annotations

from datetime import date

from mappa_rules.report.case_view import CaseView
from mappa_rules.report.caseload import CaseRecord


def test_a_custodial_sentence_passed_after_the_day_does_not_make_the_person_category_2_then() -> None:
    """A person convicted of a Schedule 15 offence on 1 March 2021 and sentenced on 12 April 2021 to 2 years'
    imprisonment has had no sentence imposed on 31 March 2021, so is not Category 2 that day; the case as it stood
    keeps the conviction (it had happened) and so the sentence with it.
    Citation: Criminal Justice Act 2003 s.327(3)(b)."""
    view = CaseView(CaseRecord.model_validate({"case": {
        "case_id": "G1", "person": {"date_of_birth": "1980-01-01"},
        "risk": {"may_cause_serious_harm": False, "needs_multi_agency_management": False},
        "disposals": [{"id": "d1", "trigger": "conviction", "relevant_date": "2021-03-01", "court": "england_wales",
                       "offence": {"schedule3": False, "schedule15": "part_1"},
                       "sentence": {"kind": "imprisonment", "term": {"years": 2}}, "sentence_date": "2021-04-12",
                       "supervision_end": "2023-04-11"}]}}))
    assert view.category(date(2021, 4, 12)).category == 2
    assert view.category(date(2021, 3, 31)).eligible is False
