"""The report as JSON: every table with its cells, totals and lines, and for every cell and line the cases
counted there (case id and one-line reason), streamed from the entry store so that a large caseload is written
without being held in memory. A total or a rate names the cells it is made from (``from``) instead of repeating
their cases. Nothing about a person but the case id is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from mappa_rules import __version__

from .formats import TableDef
from .tables import COUNT, TOTAL, CellView, Report, TableView, YearView
from .tally import EntryStore
from .text_output import trend_series

SCHEMA_VERSION = "1.0"


class Stream:
    """A JSON array written element by element."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def _emit(value: Any, out: TextIO) -> None:
    if isinstance(value, Stream):
        out.write("[")
        for index, item in enumerate(value.items):
            out.write(",\n" if index else "\n")
            _emit(item, out)
        out.write("]")
    elif isinstance(value, dict):
        out.write("{")
        for index, (key, item) in enumerate(value.items()):
            out.write(", " if index else "")
            out.write(json.dumps(key) + ": ")
            _emit(item, out)
        out.write("}")
    elif isinstance(value, list | tuple):
        out.write("[")
        for index, item in enumerate(value):
            out.write(", " if index else "")
            _emit(item, out)
        out.write("]")
    else:
        out.write(json.dumps(value))


def _cases(store: EntryStore | None, view: TableView, cell: CellView) -> Stream | None:
    if store is None:
        return None
    entries = store.entries(view.year_index, view.table.measure, cell.keys)
    return Stream({"id": case_id, "reason": reason} for case_id, reason in entries)


def _cell(store: EntryStore | None, view: TableView, column: str, cell: CellView, made_from: list[str] | None = None
          ) -> dict[str, Any]:
    out: dict[str, Any] = {"column": column, "count": cell.count}
    if cell.blank:
        out["blank"] = True
    if made_from is not None:
        out["from"] = made_from
    else:
        out["cases"] = _cases(store, view, cell)
    return out


def _table(store: EntryStore | None, view: TableView) -> dict[str, Any]:
    table: TableDef = view.table
    columns = [c.id for c in table.columns]
    rows = []
    for row in view.rows:
        if row.axis.rate_of is not None:
            cells = [_cell(store, view, columns[0], row.cells[0], [f"{row.axis.rate_of}/{columns[0]}"])]
            rows.append({"id": row.axis.id, "label": row.axis.label, "rate_of": row.axis.rate_of, "per": row.axis.per,
                         "cells": cells})
            continue
        cells = [_cell(store, view, c, cell) for c, cell in zip(columns, row.cells, strict=True)]
        entry: dict[str, Any] = {"id": row.axis.id, "label": row.axis.label, "cells": cells}
        if row.total is not None:
            entry["total"] = _cell(store, view, TOTAL, row.total,
                                   [f"{row.axis.id}/{c}" for c, cell in zip(columns, row.cells, strict=True)
                                    if not cell.blank])
        rows.append(entry)
    totals = None
    if view.column_totals is not None and view.grand_total is not None:
        plain = [r for r in view.rows if r.axis.rate_of is None]
        totals = {"cells": [_cell(store, view, c, cell, [f"{r.axis.id}/{c}" for r in plain if not r.cells[i].blank])
                            for i, (c, cell) in enumerate(zip(columns, view.column_totals, strict=True))],
                  "total": _cell(store, view, TOTAL, view.grand_total, [f"{TOTAL}/{c}" for c in columns])}
    return {
        "id": table.id, "number": table.number, "title": table.title, "definition": table.definition,
        "unit": table.unit, "measure": table.measure,
        "citations": [{"instrument": c.instrument, "provision": c.provision, "url": c.url, "status": c.status}
                      for c in table.citations],
        "columns": [{"id": c.id, "label": c.label} for c in table.columns],
        "rows": rows, "totals": totals,
        "lines": [{"id": ln.id, "label": ln.label, "column": COUNT, "count": ln.count, "missing": dict(ln.missing),
                   "cases": _cases(store, view, CellView(ln.count, ln.keys))} for ln in view.lines],
    }


def _year(store: EntryStore | None, year: YearView) -> dict[str, Any]:
    fmt = year.format
    return {
        "year": str(year.year), "start": year.year.start.isoformat(), "end": year.year.end.isoformat(),
        "population": year.population,
        "format": {"id": fmt.id, "title": fmt.title, "reference": fmt.reference, "first": str(fmt.first),
                   "last": None if fmt.last is None else str(fmt.last), "status": fmt.status, "note": fmt.note},
        "tables": Stream(_table(store, view) for view in year.tables),
        "omitted": [dict(o) for o in fmt.omitted],
    }


def write_json(report: Report, out: TextIO) -> None:
    tally, store = report.tally, report.tally.store
    document = {
        "report": "MAPPA annual report statistics",
        "schema_version": SCHEMA_VERSION,
        "library_version": __version__,
        "source": report.source,
        "cases": tally.cases,
        "errors": {"count": tally.error_count, "internal": tally.internal_count,
                   "lines": [{"line": line, "error": message} for line, message in tally.errors]},
        "years": Stream(_year(store, year) for year in report.years),
        "trend": [{"id": ident, "label": label,
                   "values": [{"year": str(y), "value": v} for y, v in report.headline(ident)]}
                  for ident, label in trend_series(report)],
    }
    _emit(document, out)
    out.write("\n")


def explain_json(header: dict[str, Any], entries: Iterator[tuple[str, str]], out: TextIO) -> None:
    """One cell's cases as JSON: the cell's address and count, and each case id with its reason."""
    _emit({**header, "cases": Stream({"id": i, "reason": r} for i, r in entries)}, out)
    out.write("\n")


__all__ = ["SCHEMA_VERSION", "explain_json", "write_json"]
