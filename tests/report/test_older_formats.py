"""The table formats of earlier years, on small caseloads worked out by hand: the 2006/07 "facts and figures"
(SOPOs, NOs and FTOs applied for, interim and full; Categories 2 and 3 during the year; returns to custody and
serious further offences by level) and the 2014/15 tables (SOPOs, NOs, FTOs; returns for breach of a SOPO)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mappa_rules.report.periods import parse_year
from mappa_rules.report.run import report_caseload
from mappa_rules.report.tables import Report
from tests.report.conftest import cell_ids

SEXUAL = {"schedule3": True, "schedule15": "part_2"}
VIOLENT = {"schedule3": False, "schedule15": "part_1"}
UNLISTED = {"schedule3": False, "schedule15": "not_listed", "murder": False, "s327_4a": False}


def _case(case_id: str, disposal: dict[str, Any], **more: Any) -> dict[str, Any]:
    history = more.pop("history", {})
    case = {"case_id": case_id, "person": {"date_of_birth": "1975-01-01"},
            "disposals": [{"id": "d1", "trigger": "conviction", "court": "england_wales", **disposal}], **more}
    return {"case": case, "history": history}


CASES = [
    # O1: RSO (community order, June 2012, sentenced on the day of conviction); a SOPO applied for in July 2012, an
    # interim SOPO, the full SOPO in October 2012; a return for breach of the SOPO at Level 2 in 2014 while
    # Category 1.
    _case("O1", {"relevant_date": "2012-06-01", "offence": SEXUAL, "sentence": {"kind": "community_order"},
                 "sentence_date": "2012-06-01"},
          orders=[{"id": "i1", "kind": "interim_sopo", "route": "application", "application_date": "2012-07-01",
                   "made": "2012-07-15", "served": "2012-07-15", "ceased_on": "2012-09-30",
                   "terms": [{"id": "p1", "kind": "prohibition", "period": {"months": 3}}]},
                  {"id": "o1", "kind": "sopo", "route": "application", "application_date": "2012-07-01",
                   "made": "2012-10-01", "served": "2012-10-01",
                   "terms": [{"id": "p1", "kind": "prohibition", "period": {"years": 5}}]}],
          history={"levels": [{"level": 1, "start": "2012-06-01", "end": "2014-05-31"},
                              {"level": 2, "start": "2014-06-01"}],
                   "returns_to_custody": [{"date": "2014-09-01", "reason": "breach_of_sexual_harm_order"}]}),
    # O2: violent offender on licence to 30 September 2012, Level 2 until then; returned for breach of a
    # restraining order on 1 August 2012 while at Level 2. Category 2 during 2012/13.
    _case("O2", {"relevant_date": "2009-01-05", "offence": VIOLENT, "sentence": {"kind": "imprisonment",
                 "term": {"years": 4}}, "release_date": "2011-01-05", "supervision_end": "2012-09-30"},
          intervals=[{"kind": "serving_sentence", "start": "2009-01-05", "end": "2011-01-04"}],
          risk={"may_cause_serious_harm": False, "needs_multi_agency_management": False},
          history={"levels": [{"level": 1, "start": "2011-01-05", "end": "2012-03-31"},
                              {"level": 2, "start": "2012-04-01", "end": "2012-09-30"}],
                   "returns_to_custody": [{"date": "2012-08-01", "reason": "breach_of_restraining_order"}]}),
    # O3: Category 3 at Level 3 from May 2012, convicted of a serious further offence in January 2013.
    _case("O3", {"relevant_date": "2012-03-01", "offence": UNLISTED, "sentence": {"kind": "community_order"}},
          risk={"may_cause_serious_harm": True, "needs_multi_agency_management": True},
          history={"levels": [{"level": 3, "start": "2012-05-01"}],
                   "serious_further_offences": [{"date": "2013-01-10", "stage": "convicted"}]}),
    # O4: RSO (indefinite, 2008) with a foreign travel order applied for in October 2012 and made in November; the
    # export says Schedule 3 lists the offence whatever the sentence (so the relevant date is the conviction).
    _case("O4", {"relevant_date": "2008-02-01", "offence": {**SEXUAL, "schedule3_sentencing_condition": False},
                 "sentence": {"kind": "imprisonment", "term": {"years": 3}}, "release_date": "2009-08-01",
                 "supervision_end": "2011-01-31"},
          intervals=[{"kind": "serving_sentence", "start": "2008-02-01", "end": "2009-07-31"}],
          orders=[{"id": "f1", "kind": "foreign_travel_order", "route": "application",
                   "application_date": "2012-10-01", "made": "2012-11-01", "served": "2012-11-01",
                   "terms": [{"id": "t1", "kind": "foreign_travel_prohibition", "period": {"years": 2}}]},
                  {"id": "s1", "kind": "sopo", "route": "application", "application_date": "2014-04-10",
                   "made": "2014-06-01", "served": "2014-06-01",
                   "terms": [{"id": "p1", "kind": "prohibition", "period": {"years": 5}}]}],
          history={"levels": [{"level": 1, "start": "2009-08-01"}]}),
    # O5: violent offender in prison for the whole of 2012/13 (Category 2, but never in the community).
    _case("O5", {"relevant_date": "2011-05-01", "offence": VIOLENT, "sentence": {"kind": "imprisonment",
                 "term": {"years": 6}}, "supervision_end": "2017-04-30"},
          intervals=[{"kind": "serving_sentence", "start": "2011-05-01", "end": "2014-04-30"}]),
]


@pytest.fixture(scope="module")
def older(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    path: Path = tmp_path_factory.mktemp("older") / "caseload.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in CASES), encoding="utf-8")
    years = [parse_year("2012/13"), parse_year("2014/15")]
    with report_caseload(path, years, {years[0]: 1000}, jobs=1, entries=True) as report:
        yield report


def _cells(report: Report, index: int, table_id: str) -> dict[str, list[str]]:
    """Every non-empty cell, total and line of a table, with its cases."""
    view = report.years[index].table(table_id)
    rows = [r.axis.id for r in view.rows] + (["total"] if view.column_totals is not None else [])
    columns = [c.id for c in view.table.columns] + (["total"] if view.table.totals else [])
    found = {}
    for row in rows:
        for column in columns:
            try:
                cell = view.cell(row, column)
            except KeyError:
                continue
            if not cell.blank and cell.count:
                found[f"{row}/{column}"] = cell_ids(report, view, row, column)
    for line in view.lines:
        found[line.id] = cell_ids(report, view, line.id, "count")
    return found


def test_the_2006_07_format_serves_2012_13(older: Report) -> None:
    year = older.years[0]
    assert year.format.id == "2006"
    assert _cells(older, 0, "rso") == {"rsos/count": ["O1", "O4"], "per_100000/count": ["O1", "O4"],
                                       "not_subject": ["O2", "O3"], "in_custody": ["O5"]}
    assert year.table("rso").cell("per_100000", "count").count == 200
    assert _cells(older, 0, "sopo") == {"applied/count": ["O1"], "interim/count": ["O1"], "full/count": ["O1"]}
    assert _cells(older, 0, "ftos") == {"applied/count": ["O4"], "imposed/count": ["O4"]}
    assert _cells(older, 0, "notification_orders") == {}


def test_categories_2_and_3_during_the_year_count_days_in_the_community(older: Report) -> None:
    assert _cells(older, 0, "category2") == {"people/count": ["O2"], "not_eligible_in_year": ["O5"]}
    assert _cells(older, 0, "category3") == {"people/count": ["O3"], "not_eligible_in_year": ["O5"]}


def test_levels_returns_and_further_offences_during_2012_13(older: Report) -> None:
    assert _cells(older, 0, "yearly") == {"level2/category2": ["O2"], "level3/category3": ["O3"],
                                          "level2/total": ["O2"], "level3/total": ["O3"], "total/category2": ["O2"],
                                          "total/category3": ["O3"], "total/total": ["O2", "O3"]}
    assert _cells(older, 0, "returns") == {"order/level2": ["O2"], "order/total": ["O2"], "total/level2": ["O2"],
                                           "total/total": ["O2"]}
    assert _cells(older, 0, "serious_further_offences") == {"convicted/level3": ["O3"], "convicted/total": ["O3"],
                                                            "total/level3": ["O3"], "total/total": ["O3"]}


def test_the_2014_15_format_counts_sopos_and_returns_for_breach_of_a_sopo(older: Report) -> None:
    year = older.years[1]
    assert year.format.id == "2014"
    assert _cells(older, 1, "orders") == {"sopo/count": ["O4"]}
    assert _cells(older, 1, "returns_order") == {"level2/category1": ["O1"], "level2/total": ["O1"],
                                                 "total/category1": ["O1"], "total/total": ["O1"]}
    assert year.table("rso").cell("per_100000", "count").count is None  # no population given for 2014/15
