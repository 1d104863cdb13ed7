"""Properties of the report on generated caseloads (``bench/caseload_gen.py``, seeded): totals add up, a person is
in the snapshot at most once, the yearly Level 2/3 counts cover the snapshot's, nobody in custody or hospital on
31 March is in the snapshot, and every count is explained by exactly its cases. The same report whatever the
number of workers."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.caseload_gen import generate
from mappa_rules.report.json_output import write_json
from mappa_rules.report.periods import ReportingYear
from mappa_rules.report.run import report_caseload
from mappa_rules.report.tables import Report, TableView
from tests.report.conftest import cell_ids

CUSTODY = {"remanded_in_custody", "serving_sentence", "service_detention", "hospital"}
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def generated(cases: int, seed: int, years: list[ReportingYear], jobs: int = 1) -> Iterator[tuple[Report, list[Any]]]:
    records = list(generate(cases, seed))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "caseload.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        with report_caseload(path, years, {y: 100_000 for y in years}, jobs=jobs, entries=True) as report:
            yield report, records


def cells(view: TableView) -> Iterator[tuple[str, str, int]]:
    for row in view.rows:
        for column, cell in zip(view.table.columns, row.cells, strict=True):
            if not cell.blank and not cell.rate:
                assert cell.count is not None
                yield row.axis.id, column.id, cell.count


def away_on(record: dict[str, Any], day: date) -> bool:
    """In custody or detained in hospital on ``day`` by the record's own spells (read independently)."""
    return any(i["kind"] in CUSTODY and date.fromisoformat(i["start"]) <= day
               and (i["end"] is None or day <= date.fromisoformat(i["end"])) for i in record["case"]["intervals"])


caseloads = st.tuples(st.integers(20, 60), st.integers(0, 10_000),
                      st.lists(st.integers(2006, 2023), min_size=1, max_size=2, unique=True))


@SETTINGS
@given(caseloads)
def test_totals_are_the_sums_of_their_cells(drawn: tuple[int, int, list[int]]) -> None:
    """Each row total, column total and grand total is the sum of the cells it covers."""
    size, seed, firsts = drawn
    with generated(size, seed, [ReportingYear(f) for f in firsts]) as (report, _):
        for year in report.years:
            for view in year.tables:
                if not view.table.totals:
                    continue
                plain = [r for r in view.rows if r.axis.rate_of is None]
                for row in plain:
                    assert row.total is not None
                    assert row.total.count == sum(c.count or 0 for c in row.cells)
                assert view.column_totals is not None and view.grand_total is not None
                for i, total in enumerate(view.column_totals):
                    assert total.count == sum(r.cells[i].count or 0 for r in plain)
                assert view.grand_total.count == sum(c.count or 0 for c in view.column_totals)


@SETTINGS
@given(caseloads)
def test_a_person_is_in_the_snapshot_at_most_once_and_every_case_is_accounted_for(
    drawn: tuple[int, int, list[int]]
) -> None:
    """The snapshot counts people: nobody twice, and every case read is in exactly one cell or line."""
    size, seed, firsts = drawn
    with generated(size, seed, [ReportingYear(max(f, 2013)) for f in firsts]) as (report, records):
        for year in report.years:
            view = year.table("snapshot")
            counted = [i for row, column, _ in cells(view) for i in cell_ids(report, view, row, column)]
            assert len(counted) == len(set(counted))
            listed = [i for ln in view.lines for i in cell_ids(report, view, ln.id, "count")]
            assert sorted(counted + listed) == sorted(r["case"]["case_id"] for r in records)


@SETTINGS
@given(caseloads)
def test_yearly_level_2_and_3_counts_are_at_least_the_snapshot_counts(drawn: tuple[int, int, list[int]]) -> None:
    """Anyone at Level 2 or 3 on 31 March was managed at that level in the year, in the same category."""
    size, seed, firsts = drawn
    with generated(size, seed, [ReportingYear(max(f, 2013)) for f in firsts]) as (report, _):
        for year in report.years:
            snapshot, yearly = year.table("snapshot"), year.table("yearly")
            for level in ("level2", "level3"):
                for column in ("category1", "category2", "category3"):
                    on_day = set(cell_ids(report, snapshot, level, column))
                    in_year = set(cell_ids(report, yearly, level, column))
                    assert on_day <= in_year, (year.year, level, column)
                    assert (yearly.cell(level, column).count or 0) >= (snapshot.cell(level, column).count or 0)


@SETTINGS
@given(caseloads)
def test_nobody_in_custody_or_hospital_on_31_march_is_in_the_snapshot(drawn: tuple[int, int, list[int]]) -> None:
    """The snapshot counts people living in the community: a custody or hospital spell covering 31 March keeps a
    person out of every cell (and out of the RSO count)."""
    size, seed, firsts = drawn
    with generated(size, seed, [ReportingYear(max(f, 2013)) for f in firsts]) as (report, records):
        for year in report.years:
            away = {r["case"]["case_id"] for r in records if away_on(r, year.year.end)}
            for table_id in ("snapshot", "rso"):
                view = year.table(table_id)
                for row, column, _ in cells(view):
                    assert not away & set(cell_ids(report, view, row, column)), (table_id, row, column)


@SETTINGS
@given(caseloads)
def test_every_count_is_explained_by_exactly_its_cases(drawn: tuple[int, int, list[int]]) -> None:
    """Every cell and line of every table lists as many cases as it counts, each a case of the caseload with a
    reason."""
    size, seed, firsts = drawn
    with generated(size, seed, [ReportingYear(f) for f in firsts]) as (report, records):
        known = {r["case"]["case_id"] for r in records}
        store = report.tally.store
        assert store is not None
        for year in report.years:
            for view in year.tables:
                addresses = [(row, column, count) for row, column, count in cells(view)]
                addresses += [(ln.id, "count", ln.count) for ln in view.lines]
                for row, column, count in addresses:
                    cell = view.cell(row, column)
                    entries = list(store.entries(view.year_index, view.table.measure, cell.keys))
                    assert len(entries) == count, (view.table.id, row, column)
                    assert all(case_id in known and reason.strip() for case_id, reason in entries)


def test_the_report_is_the_same_whatever_the_number_of_workers(tmp_path: Path) -> None:
    """Results are reduced in input order, so one worker and two give the same JSON, byte for byte."""
    years = [ReportingYear(2019), ReportingYear(2020)]
    path = tmp_path / "caseload.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in generate(600, 7)), encoding="utf-8")
    outputs = []
    for jobs in (1, 2):
        with report_caseload(path, years, {y: 100_000 for y in years}, jobs=jobs, entries=True) as report:
            out = io.StringIO()
            write_json(report, out)
            outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
