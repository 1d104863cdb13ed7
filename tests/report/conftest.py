"""Shared fixtures for the report tests: the worked caseload's report for 2020/21, and a way to read any cell."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mappa_rules.report.periods import parse_year
from mappa_rules.report.run import report_caseload
from mappa_rules.report.tables import Report, TableView
from tests.report.worked_caseload import EXAMPLE, load


@pytest.fixture(scope="session")
def worked() -> dict[str, Any]:
    return load()


@pytest.fixture(scope="session")
def worked_report(worked: dict[str, Any]) -> Iterator[Report]:
    year = parse_year(worked["year"])
    with report_caseload(EXAMPLE, [year], {year: worked["population"]}, jobs=1, entries=True) as report:
        yield report


def cell_ids(report: Report, view: TableView, row: str, column: str) -> list[str]:
    """The case ids the entry store holds for a cell, in input order."""
    store = report.tally.store
    assert store is not None
    cell = view.cell(row, column)
    return [case_id for case_id, _ in store.entries(view.year_index, view.table.measure, cell.keys)]


def cell_reasons(report: Report, view: TableView, row: str, column: str) -> dict[str, str]:
    store = report.tally.store
    assert store is not None
    cell = view.cell(row, column)
    return dict(store.entries(view.year_index, view.table.measure, cell.keys))
