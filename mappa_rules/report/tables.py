"""The report as tables: the counts of a run laid out in each year's table format, with totals, rates and the
lines of cases not counted (undetermined, in custody, ...), and the way back from any cell to its cases. The
layout follows the published area reports (CJA 2003 s.326(5)-(6)): categories across, levels down, totals last.

A cell counts the entries whose keys match its table's, row's and column's selectors; an entry that matches no
cell of its table is shown on the line ``outside``, and a format whose cells overlap is refused. Totals add the
cells of their row or column. A rate row divides its row's count by the population and multiplies by ``per``,
rounded half up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .formats import Axis, Format, FormatError, Formats, TableDef, matches
from .hits import Key, line_of
from .periods import ReportingYear
from .tally import Tally

TOTAL = "total"
OUTSIDE = "outside"
UNDETERMINED = "undetermined"
COUNT = "count"


@dataclass(frozen=True)
class CellView:
    """A cell: its count (None for a blank cell, or a rate without a population) and the keys it counts."""

    count: int | None
    keys: tuple[Key, ...] = ()
    blank: bool = False
    rate: bool = False


@dataclass(frozen=True)
class RowView:
    axis: Axis
    cells: tuple[CellView, ...]
    total: CellView | None


@dataclass(frozen=True)
class LineView:
    """Cases of the table's measure not counted in a cell, with why; ``missing`` counts the facts that would
    place the undetermined ones."""

    id: str
    label: str
    count: int
    keys: tuple[Key, ...]
    missing: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class TableView:
    year_index: int
    table: TableDef
    rows: tuple[RowView, ...]
    column_totals: tuple[CellView, ...] | None
    grand_total: CellView | None
    lines: tuple[LineView, ...]

    def cell(self, row_id: str, column_id: str) -> CellView:
        """The cell at ROW/COLUMN (``total`` for a total); a line by its id (column ``count``)."""
        for line in self.lines:
            if line.id == row_id and column_id in (COUNT, ""):
                return CellView(line.count, line.keys)
        columns = [c.id for c in self.table.columns]
        if row_id == TOTAL and self.column_totals is not None:
            if column_id == TOTAL and self.grand_total is not None:
                return self.grand_total
            if column_id in columns:
                return self.column_totals[columns.index(column_id)]
        for row in self.rows:
            if row.axis.id != row_id:
                continue
            if column_id == TOTAL and row.total is not None:
                return row.total
            if column_id in columns:
                return row.cells[columns.index(column_id)]
            if column_id == "" and len(columns) == 1:
                return row.cells[0]
        raise KeyError(f"{row_id}/{column_id}")


@dataclass(frozen=True)
class YearView:
    index: int
    year: ReportingYear
    format: Format
    population: int | None
    tables: tuple[TableView, ...]

    def table(self, table_id: str) -> TableView:
        for table in self.tables:
            if table.table.id == table_id:
                return table
        raise KeyError(table_id)


@dataclass
class Report:
    """A whole report: the input summary, and each year's tables."""

    source: str
    tally: Tally
    formats: Formats
    years: tuple[YearView, ...] = field(default_factory=tuple)

    def close(self) -> None:
        """Remove the temporary entry store, if any."""
        if self.tally.store is not None:
            self.tally.store.close()

    def __enter__(self) -> Report:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def headline(self, headline_id: str) -> Iterator[tuple[ReportingYear, int | None]]:
        """A headline figure year by year (None where the year's format lacks it)."""
        for year in self.years:
            found = next((h for h in year.format.headline if h.id == headline_id), None)
            if found is None:
                yield year.year, None
                continue
            table_id, row, column = found.cell
            yield year.year, year.table(table_id).cell(row, column).count


def _sum(cells: list[CellView]) -> CellView:
    counted = [c for c in cells if not c.blank and not c.rate]
    return CellView(sum(c.count or 0 for c in counted), tuple(k for c in counted for k in c.keys))


def rate(count: int, population: int, per: int) -> int:
    """``count`` per ``per`` of ``population``, rounded half up to a whole number."""
    return (2 * count * per + population) // (2 * population)


def build_table(tally: Tally, year_index: int, table: TableDef, labels: dict[str, str],
                population: int | None) -> TableView:
    keys = [k for (y, m, k) in tally.counts if y == year_index and m == table.measure]
    keys = sorted((k for k in keys if matches(k, table.key, strict=line_of(k) is None)), key=repr)
    cell_keys = [k for k in keys if line_of(k) is None]
    used: dict[Key, str] = {}
    rows: list[RowView] = []
    plain: dict[str, RowView] = {}
    for row in table.rows:
        if row.rate_of is not None:
            continue
        cells = []
        for column in table.columns:
            if (row.id, column.id) in table.blank:
                cells.append(CellView(None, blank=True))
                continue
            chosen = tuple(k for k in cell_keys if matches(k, row.key) and matches(k, column.key))
            for k in chosen:
                if k in used:
                    raise FormatError(f"{table.id}: cells {used[k]} and {row.id}/{column.id} overlap")
                used[k] = f"{row.id}/{column.id}"
            cells.append(CellView(sum(tally.counts[(year_index, table.measure, k)] for k in chosen), chosen))
        plain[row.id] = RowView(row, tuple(cells), _sum(cells) if table.totals else None)
    for row in table.rows:
        if row.rate_of is None:
            rows.append(plain[row.id])
            continue
        of = plain[row.rate_of].cells[0]
        value = None if population is None or of.count is None or row.per is None else rate(
            of.count, population, row.per)
        rows.append(RowView(row, (CellView(value, of.keys, rate=True),), None))
    column_totals = grand = None
    if table.totals:
        columns = [_sum([r.cells[i] for r in plain.values()]) for i in range(len(table.columns))]
        column_totals, grand = tuple(columns), _sum(columns)
    return TableView(year_index, table, tuple(rows), column_totals, grand,
                     _lines(tally, year_index, table, keys, used, labels))


def _lines(tally: Tally, year_index: int, table: TableDef, keys: list[Key], used: dict[Key, str],
           labels: dict[str, str]) -> tuple[LineView, ...]:
    grouped: dict[str, list[Key]] = {}
    for k in keys:
        line_id = line_of(k) or (None if k in used else OUTSIDE)
        if line_id is not None:
            grouped.setdefault(line_id, []).append(k)
    order = [UNDETERMINED, *labels]
    views = []
    for line_id in sorted(grouped, key=lambda i: (order.index(i) if i in order else len(order), i)):
        members = tuple(grouped[line_id])
        facts: Counter[str] = Counter()
        for k in members:
            facts.update(tally.missing.get((year_index, table.measure, k), Counter()))
        views.append(LineView(line_id, labels.get(line_id, line_id),
                              sum(tally.counts[(year_index, table.measure, k)] for k in members), members,
                              tuple(sorted(facts.items(), key=lambda item: (-item[1], item[0])))))
    return tuple(views)


def build_report(source: str, tally: Tally, formats: Formats, years: list[ReportingYear],
                 populations: dict[ReportingYear, int]) -> Report:
    """Lay the tally out in each year's format."""
    report = Report(source, tally, formats)
    views = []
    for index, year in enumerate(years):
        fmt = formats.for_year(year)
        population = populations.get(year)
        tables = tuple(build_table(tally, index, t, dict(formats.lines), population) for t in fmt.tables)
        views.append(YearView(index, year, fmt, population, tables))
    report.years = tuple(views)
    return report


def explain(report: Report, year: YearView, address: str) -> tuple[TableView, str, str, CellView]:
    """The cell at ``TABLE/ROW/COLUMN`` (or ``TABLE/ROW`` for a line or a one-column table); KeyError naming what
    is not there."""
    parts = address.strip().split("/")
    if len(parts) not in (2, 3) or not all(parts):
        raise KeyError(f"{address!r}: write TABLE/ROW/COLUMN, e.g. snapshot/level1/category1")
    table_id, row_id, column_id = (*parts, "")[:3]
    try:
        table = year.table(table_id)
    except KeyError:
        known = ", ".join(t.table.id for t in year.tables)
        raise KeyError(f"{year.year}: no table {table_id!r} (tables: {known})") from None
    try:
        cell = table.cell(row_id, column_id)
    except KeyError:
        rows = [r.axis.id for r in table.rows] + [TOTAL] * bool(table.column_totals) + [ln.id for ln in table.lines]
        columns = [c.id for c in table.table.columns] + [TOTAL] * table.table.totals
        raise KeyError(f"{year.year} {table_id}: no cell {row_id}/{column_id or '?'} (rows: {', '.join(rows)}; "
                       f"columns: {', '.join(columns)})") from None
    return table, row_id, column_id, cell


__all__ = ["COUNT", "OUTSIDE", "TOTAL", "UNDETERMINED", "CellView", "LineView", "Report", "RowView", "TableView",
           "YearView", "build_report", "build_table", "explain", "rate"]
