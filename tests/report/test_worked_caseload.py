"""The worked caseload: every cell of every 2020/21 table as computed by hand (``worked_caseload.yaml``), with the
cases counted in it; the totals; the lines of cases not counted; and the JSON output carrying the same."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

from mappa_rules.report.case_view import CaseView
from mappa_rules.report.caseload import CaseRecord
from mappa_rules.report.json_output import write_json
from mappa_rules.report.tables import Report
from tests.report.conftest import cell_ids, cell_reasons
from tests.report.worked_caseload import EXAMPLE, as_jsonl


def test_the_example_file_is_the_worked_caseload(worked: dict[str, Any]) -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == as_jsonl(worked), "run python -m tests.report.worked_caseload --write"


def test_every_line_of_the_worked_caseload_is_read(worked_report: Report, worked: dict[str, Any]) -> None:
    assert worked_report.tally.error_count == 0
    assert worked_report.tally.cases == len(worked["cases"]) == 30


def test_every_cell_and_line_counts_exactly_the_cases_worked_out_by_hand(
    worked_report: Report, worked: dict[str, Any]
) -> None:
    year = worked_report.years[0]
    expected: dict[str, dict[str, list[str]]] = worked["expected"]
    assert {v.table.id for v in year.tables} == set(expected) - {"totals"}
    for view in year.tables:
        want = expected[view.table.id]
        seen: set[str] = set()
        for row in view.rows:
            for column, cell in zip(view.table.columns, row.cells, strict=True):
                address = f"{row.axis.id}/{column.id}"
                if cell.blank:
                    assert address not in want, address
                    continue
                if cell.rate:
                    continue
                ids = want.get(address, [])
                seen.add(address)
                assert cell.count == len(ids), f"{view.table.id} {address}: {cell.count} != {ids}"
                assert cell_ids(worked_report, view, row.axis.id, column.id) == ids, f"{view.table.id} {address}"
        for line in view.lines:
            ids = want.get(line.id, [])
            seen.add(line.id)
            assert line.count == len(ids), f"{view.table.id} {line.id}"
            assert cell_ids(worked_report, view, line.id, "count") == ids, f"{view.table.id} {line.id}"
        unknown = set(want) - seen
        assert not unknown, f"{view.table.id}: expected cells or lines the report does not have: {unknown}"


def test_the_totals_and_the_rate_added_up_by_hand(worked_report: Report, worked: dict[str, Any]) -> None:
    year = worked_report.years[0]
    for table_id, cells in worked["expected"]["totals"].items():
        view = year.table(table_id)
        for address, value in cells.items():
            row, column = address.split("/")
            assert view.cell(row, column).count == value, f"{table_id} {address}"


def test_every_case_is_accounted_for_once_in_the_snapshot_and_the_rso_count(worked_report: Report) -> None:
    year = worked_report.years[0]
    for table_id in ("snapshot", "rso"):
        view = year.table(table_id)
        ids: list[str] = []
        for row in view.rows:
            for column, cell in zip(view.table.columns, row.cells, strict=True):
                if not cell.blank and not cell.rate:
                    ids += cell_ids(worked_report, view, row.axis.id, column.id)
        for line in view.lines:
            ids += cell_ids(worked_report, view, line.id, "count")
        assert sorted(ids) == [f"W{n:02d}" for n in range(1, 31)], table_id


def test_undetermined_cases_name_the_facts_that_would_place_them(worked_report: Report) -> None:
    view = worked_report.years[0].table("snapshot")
    reasons = cell_reasons(worked_report, view, "undetermined", "count")
    for fact in ("release_date", "sentence_date", "offence.schedule3_sentencing_condition"):
        assert f"disposals[0].{fact}" in reasons["W12"]
    assert "history.levels" in reasons["W13"]
    assert "person.date_of_birth" in reasons["W14"]
    assert "sentence_date" not in reasons["W14"]  # sentenced on the day of conviction: the relevant date is known
    line = next(ln for ln in view.lines if ln.id == "undetermined")
    assert dict(line.missing) == {
        "disposals[].release_date": 1, "disposals[].sentence_date": 1,
        "disposals[].offence.schedule3_sentencing_condition": 1, "history.levels": 1, "person.date_of_birth": 1,
        # W12 might not be Category 1, and then the Category 3 judgements would decide
        "risk.may_cause_serious_harm": 1, "risk.needs_multi_agency_management": 1,
    }
    rso = cell_reasons(worked_report, worked_report.years[0].table("rso"), "undetermined", "count")
    assert "disposals[0].sentence_date" in rso["W12"] and "risk." not in rso["W12"]


def test_a_sentence_after_the_day_that_alone_lists_the_offence_is_not_yet_notification(
    worked_report: Report, worked: dict[str, Any]
) -> None:
    """W30, convicted in March 2021 and sentenced in April to the community order that alone brings the offence
    into Schedule 3, is not subject on 31 March 2021: the relevant date is the day of sentence.
    Citation: Sexual Offences Act 2003 s.132(3)."""
    year = worked_report.years[0]
    assert "W30" in cell_reasons(worked_report, year.table("rso"), "not_subject", "count")
    assert cell_reasons(worked_report, year.table("snapshot"), "not_eligible", "count")["W30"] == (
        "not MAPPA-eligible on 2021-03-31 [mappa.category.none]")
    (item,) = [c for c in worked["cases"] if c["case"]["case_id"] == "W30"]
    view = CaseView(CaseRecord.model_validate({"case": item["case"], "history": item["history"]}))
    assert view.notification(date(2021, 4, 11)).subject_on is False
    assert view.notification(date(2021, 4, 12)).subject_on is True
    assert view.category(date(2021, 4, 12)).category == 1


def test_reasons_say_why_in_one_line(worked_report: Report) -> None:
    year = worked_report.years[0]
    snapshot = cell_reasons(worked_report, year.table("snapshot"), "level2", "category1")
    assert snapshot["W04"] == ("Category 1 on 2021-03-31 [mappa.category.one]; Level 2 from 2020-11-01; "
                               "in the community")
    returns = cell_reasons(worked_report, year.table("returns_licence"), "level3", "category1")
    assert returns["W04"].startswith("breach of licence on 2020-08-01; Level 3 from 2020-05-01; Category 1")
    for view in year.tables:
        for line in view.lines:
            for reason in cell_reasons(worked_report, view, line.id, "count").values():
                assert reason.strip() and "\n" not in reason


def test_the_json_output_carries_the_same_cases(worked_report: Report, worked: dict[str, Any]) -> None:
    out = io.StringIO()
    write_json(worked_report, out)
    document = json.loads(out.getvalue())
    (year,) = document["years"]
    expected = worked["expected"]
    for table in year["tables"]:
        want = expected[table["id"]]
        for row in table["rows"]:
            for cell in row["cells"]:
                if "cases" in cell and not cell.get("blank"):
                    ids = [c["id"] for c in cell["cases"]]
                    assert ids == want.get(f"{row['id']}/{cell['column']}", []), (table["id"], row["id"])
                    assert all(c["reason"] for c in cell["cases"])
        for line in table["lines"]:
            assert [c["id"] for c in line["cases"]] == want.get(line["id"], [])
    rso = next(t for t in year["tables"] if t["id"] == "rso")
    assert rso["rows"][1]["cells"][0] == {"column": "count", "count": 138, "from": ["rsos/count"]}
    assert document["cases"] == 30 and document["errors"]["count"] == 0
