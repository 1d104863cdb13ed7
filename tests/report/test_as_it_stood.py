"""The case as it stood on the day: the end of notification on a review, and the days on which the caseload records
no conviction, caution or finding yet (read as no offence by then, with a reason saying so)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from mappa_rules import Outcome
from mappa_rules.report.as_it_stood import read_empty_record
from mappa_rules.report.case_view import CaseView
from mappa_rules.report.caseload import CaseRecord
from mappa_rules.report.periods import parse_year
from mappa_rules.report.reading import CategoryReading, NotificationReading
from mappa_rules.report.run import report_caseload
from tests.report.conftest import cell_ids, cell_reasons
from tests.report.worked_caseload import load

SEXUAL = {"schedule3": True, "schedule3_sentencing_condition": False, "schedule15": "part_2"}
NO_RISK = {"may_cause_serious_harm": False, "needs_multi_agency_management": False}
SRO = {"id": "s1", "kind": "sro", "route": "application", "application_date": "2019-05-01", "made": "2019-06-01",
       "served": "2019-06-02", "terms": [{"id": "p1", "kind": "prohibition", "duration": "fixed_period",
                                          "period": {"years": 5}}]}


def _view(history: dict[str, Any] | None = None, **case: Any) -> CaseView:
    record = {"case": {"case_id": "X", "person": {"date_of_birth": "1980-01-01"}, **case}}
    return CaseView(CaseRecord.model_validate({**record, "history": history or {}}))


def test_a_person_discharged_on_review_is_not_an_rso_on_31_march(tmp_path: Path) -> None:
    """Indefinite requirements discharged on review end on the day the offender receives notice of the
    determination, so a person discharged in January 2021 and at liberty on 31 March 2021 is not a registered
    sexual offender (nor Category 1) on that day; the revocation is still counted in the year.
    Citation: Sexual Offences Act 2003 s.91C(4) (SI 2012/1883 art. 3)."""
    (item,) = [c for c in load()["cases"] if c["case"]["case_id"] == "W18"]
    case = dict(item["case"], intervals=item["case"]["intervals"][:1])  # not remanded: at liberty on 31 March
    path = tmp_path / "caseload.jsonl"
    path.write_text(json.dumps({"case": case, "history": item["history"]}) + "\n", encoding="utf-8")
    year = parse_year("2020/21")
    with report_caseload(path, [year], jobs=1, entries=True) as report:
        tables = report.years[0]
        assert cell_ids(report, tables.table("rso"), "rsos", "count") == []
        assert cell_ids(report, tables.table("rso"), "not_subject", "count") == ["W18"]
        assert cell_ids(report, tables.table("revoked"), "revoked", "count") == ["W18"]
    view = CaseView(CaseRecord.model_validate({"case": case, "history": item["history"]}))
    assert view.notification(date(2021, 1, 21)).subject_on is True  # the notice was received on 22 January
    assert view.notification(date(2021, 1, 22)).subject_on is False
    assert view.category(date(2021, 1, 22)).category != 1


def test_before_the_first_recorded_conviction_the_person_is_not_eligible_as_the_caseload_reads() -> None:
    """A day before the first conviction the caseload records: the library, given no disposal, cannot say "no";
    the report reads the caseload as the record, so no offence by then - not subject, not eligible - and says why.
    Citation: Criminal Justice Act 2003 ss.325(2), 327."""
    view = _view(risk={"may_cause_serious_harm": True, "needs_multi_agency_management": True},
                 disposals=[{"id": "d1", "trigger": "conviction", "relevant_date": "2020-06-15",
                             "court": "england_wales", "offence": SEXUAL, "sentence": {"kind": "community_order"}}])
    before, on = date(2020, 6, 14), date(2020, 6, 15)
    notification, category = view.notification(before), view.category(before)
    assert (notification.subject_on, notification.missing) == (False, ())
    assert (category.eligible, category.missing) == (False, ())
    reason = ("the caseload records no conviction, caution or finding on or before 2020-06-14 "
              "(its first is on 2020-06-15)")
    assert notification.basis == category.basis == reason
    assert view.notification(on).subject_on is True and view.category(on).category == 1
    assert view.notification(on).basis == view.category(on).basis == ""  # the library's own answer


def test_an_sro_breach_brings_notification_to_a_person_with_no_conviction_recorded(tmp_path: Path) -> None:
    """A person subject only to a Sexual Risk Order becomes subject to notification on the day of the conviction
    for breaching it; the day before, with no conviction recorded, they were not subject, so the table of people
    who became subject after an SRO breach counts them.
    Citation: Sexual Offences Act 2003 s.122I."""
    case: dict[str, Any] = {"case_id": "S1", "person": {"date_of_birth": "1986-04-14"}, "risk": NO_RISK,
            "orders": [dict(SRO, breached=True, breach_date="2020-09-15")]}
    path = tmp_path / "caseload.jsonl"
    path.write_text(json.dumps({"case": case}) + "\n", encoding="utf-8")
    year = parse_year("2020/21")
    with report_caseload(path, [year], jobs=1, entries=True) as report:
        tables = report.years[0]
        assert cell_ids(report, tables.table("sro_breach"), "people", "count") == ["S1"]
        assert cell_ids(report, tables.table("rso"), "rsos", "count") == ["S1"]
    view = _view(risk=NO_RISK, orders=case["orders"])
    assert view.notification(date(2020, 9, 14)).basis.startswith("the caseload records no conviction")
    assert view.category(date(2020, 9, 15)).category == 1  # the library's answer: Category 1 from the order


def test_an_order_the_library_cannot_place_leaves_the_day_undetermined_naming_its_facts() -> None:
    """With no conviction recorded, an order whose effect the facts do not settle leaves the day undetermined,
    naming the order's missing facts - not ``disposals``, which the caseload has answered."""
    view = _view(orders=[dict(SRO, breached=True)])  # breached, day unknown
    notification, category = view.notification(date(2021, 3, 31)), view.category(date(2021, 3, 31))
    assert notification.subject_on is None and notification.missing
    assert "disposals" not in notification.missing
    assert category.eligible is None and category.missing == notification.missing


def test_a_stated_status_is_left_to_the_library() -> None:
    """A case with no disposal but a stated status is decided by the library from the statement."""
    view = _view(stated={"notification": {"since": "2015-01-10", "indefinite": True}})
    assert view.notification(date(2021, 3, 31)).subject_on is True
    assert view.notification(date(2021, 3, 31)).basis == ""


def test_the_undetermined_line_names_the_facts_of_the_relevant_date(tmp_path: Path) -> None:
    """A flag-only Schedule 3 offence with a custodial sentence and no sentence date cannot be placed: the line
    names the sentence date and the Schedule 3 limb, the facts a case-management export holds.
    Citation: Sexual Offences Act 2003 ss.82(6), 132(3)."""
    case = {"case_id": "U1", "person": {"date_of_birth": "1980-01-01"}, "risk": NO_RISK,
            "disposals": [{"id": "d1", "trigger": "conviction", "relevant_date": "2019-01-10",
                           "court": "england_wales", "offence": {"schedule3": True, "schedule15": "part_2"},
                           "sentence": {"kind": "imprisonment", "term": {"years": 1}}, "release_date": "2019-07-10",
                           "supervision_end": "2020-01-09"}]}
    path = tmp_path / "caseload.jsonl"
    path.write_text(json.dumps({"case": case}) + "\n", encoding="utf-8")
    year = parse_year("2020/21")
    with report_caseload(path, [year], jobs=1, entries=True) as report:
        view = report.years[0].table("rso")
        line = next(ln for ln in view.lines if ln.id == "undetermined")
        assert dict(line.missing) == {"disposals[].sentence_date": 1,
                                      "disposals[].offence.schedule3_sentencing_condition": 1}
        reason = cell_reasons(report, view, "undetermined", "count")["U1"]
        assert "disposals[0].sentence_date" in reason and "schedule3_sentencing_condition" in reason


def test_a_status_the_record_does_not_answer_stays_missing() -> None:
    """With no offence recorded, a fact that is not about an offence - Counter-Terrorism Act 2008 Part 4
    notification, which makes a person a relevant terrorist offender - is still missing: the day stays
    undetermined, naming it, not ``disposals``.
    Citation: Criminal Justice Act 2003 s.327(4C)."""
    notification = NotificationReading(None, None, (), ("disposals",), ())
    category = CategoryReading(Outcome.UNDETERMINED, None, None, (
        "disposals", "risk.may_cause_serious_harm", "counter_terrorism.cta2008_notification"), (1, 2, 3, 4))
    read_notification, read_category = read_empty_record(notification, category, "no offence recorded")
    assert read_notification.subject_on is False
    assert read_category.eligible is None
    assert read_category.missing == ("counter_terrorism.cta2008_notification",)
    assert read_category.possible == (4,)
