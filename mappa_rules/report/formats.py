"""The table sets of the MAPPA annual report as dated data (``report_formats.yaml``), loaded and checked.

The report must include the information the Secretary of State has notified (CJA 2003 s.326(6)(b)); what was
asked for changed over the years, so the tables of a reporting year are data, dated by the years they serve.

Each format serves a run of reporting years and lists its tables; each table names its counting rule (a
measure), its rows and columns (each with a key selecting entries), blank cells, totals and citations. The
counting rules themselves are code (:mod:`.registry`); which tables, rows and columns a year has, and their
wording, are data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml

from .hits import LINE, Key, Scalar
from .periods import ReportingYear, parse_year
from .registry import MEASURES

Selector = tuple[tuple[str, tuple[Scalar, ...]], ...]
"""Field -> allowed values; an entry matches when each field it has takes one of the values."""


class FormatError(ValueError):
    """The table-format data is inconsistent; the message names the format, table and field."""


@dataclass(frozen=True)
class Citation:
    instrument: str
    provision: str
    url: str
    status: str

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision}"


@dataclass(frozen=True)
class Axis:
    """A row or a column: its id, label and selector; a rate row names the row it is a rate of."""

    id: str
    label: str
    key: Selector
    rate_of: str | None = None
    per: int | None = None


@dataclass(frozen=True)
class TableDef:
    id: str
    number: str
    title: str
    definition: str
    unit: str
    measure: str
    key: Selector
    citations: tuple[Citation, ...]
    rows: tuple[Axis, ...]
    columns: tuple[Axis, ...]
    blank: frozenset[tuple[str, str]]
    totals: bool
    chart: str | None


@dataclass(frozen=True)
class Headline:
    """A figure followed across years (the trend chart): a cell named table/row/column."""

    id: str
    label: str
    cell: tuple[str, str, str]


@dataclass(frozen=True)
class Format:
    id: str
    title: str
    reference: str
    first: ReportingYear
    last: ReportingYear | None
    status: str
    note: str
    tables: tuple[TableDef, ...]
    headline: tuple[Headline, ...]
    omitted: tuple[Mapping[str, str], ...]

    def serves(self, year: ReportingYear) -> bool:
        return self.first <= year and (self.last is None or year <= self.last)

    def table(self, table_id: str) -> TableDef:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.measure for t in self.tables))


@dataclass(frozen=True)
class Formats:
    lines: Mapping[str, str]
    formats: tuple[Format, ...]

    def for_year(self, year: ReportingYear) -> Format:
        for fmt in self.formats:
            if fmt.serves(year):
                return fmt
        known = ", ".join(f"{f.first}-{f.last or 'now'}" for f in self.formats)
        raise LookupError(f"no table format is known for {year} (formats cover {known})")


def selector(raw: Any, where: str) -> Selector:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise FormatError(f"{where}: a key is a mapping of field to value(s)")
    fields = []
    for field, value in sorted(raw.items()):
        values = tuple(value) if isinstance(value, list) else (value,)
        if field == LINE or not values or not all(isinstance(v, int | str | bool) for v in values):
            raise FormatError(f"{where}: key field {field!r} must have a value or a list of values")
        fields.append((str(field), values))
    return tuple(fields)


def matches(key: Key, sel: Selector, strict: bool = True) -> bool:
    """Whether an entry's key matches a selector; with ``strict`` False a field the key lacks matches anything."""
    have = dict(key)
    for field, values in sel:
        if field not in have:
            if strict:
                return False
            continue
        value = have[field]
        if not any(value == v and type(value) is type(v) for v in values):
            return False
    return True


AXIS_FIELDS = frozenset({"id", "label", "key", "rate_of", "per"})
TABLE_FIELDS = frozenset({"id", "number", "title", "definition", "unit", "measure", "key", "citations", "rows",
                          "columns", "blank", "totals", "chart"})
FORMAT_FIELDS = frozenset({"id", "title", "reference", "years", "tables", "headline", "omitted"})


def _fields(raw: Any, allowed: frozenset[str], where: str) -> None:
    if not isinstance(raw, dict):
        raise FormatError(f"{where}: expected a mapping")
    unknown = set(raw) - allowed
    if unknown:
        raise FormatError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")


def _text(raw: Mapping[str, Any], name: str, where: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        raise FormatError(f"{where}: {name!r} is required")
    return value.strip()


def _axes(raw: Any, where: str) -> tuple[Axis, ...]:
    if not isinstance(raw, list) or not raw:
        raise FormatError(f"{where}: at least one is required")
    axes = []
    for item in raw:
        _fields(item, AXIS_FIELDS, where)
        ident = _text(item, "id", where)
        axes.append(Axis(ident, _text(item, "label", f"{where}.{ident}"), selector(item.get("key"), f"{where}.{ident}"),
                         item.get("rate_of"), item.get("per")))
    ids = [a.id for a in axes]
    if len(set(ids)) != len(ids) or {"total", "undetermined"} & set(ids):
        raise FormatError(f"{where}: ids must be unique and not 'total' or 'undetermined'")
    return tuple(axes)


def _table(raw: Mapping[str, Any], where: str) -> TableDef:
    _fields(raw, TABLE_FIELDS, where)
    ident = _text(raw, "id", where)
    where = f"{where}.{ident}"
    measure = _text(raw, "measure", where)
    if measure not in MEASURES:
        raise FormatError(f"{where}: unknown measure {measure!r} (known: {', '.join(sorted(MEASURES))})")
    rows, columns = _axes(raw.get("rows"), f"{where}.rows"), _axes(raw.get("columns"), f"{where}.columns")
    row_ids, column_ids = {r.id for r in rows}, {c.id for c in columns}
    for row in rows:
        if row.rate_of is not None and (row.rate_of not in row_ids or len(columns) != 1 or not isinstance(
                row.per, int) or row.per <= 0):
            raise FormatError(f"{where}.rows.{row.id}: rate_of names a row of a one-column table, per a number")
    blank = set()
    for item in raw.get("blank") or []:
        row_id, _, column_id = str(item).partition("/")
        if row_id not in row_ids or column_id not in column_ids:
            raise FormatError(f"{where}.blank: {item!r} is not ROW/COLUMN of this table")
        blank.add((row_id, column_id))
    citations = tuple(Citation(_text(c, "instrument", where), _text(c, "provision", where), _text(c, "url", where),
                               _text(c, "status", where)) for c in raw.get("citations") or [])
    if not citations:
        raise FormatError(f"{where}: at least one citation is required")
    return TableDef(ident, str(raw.get("number") or ""), _text(raw, "title", where), " ".join(
        _text(raw, "definition", where).split()), _text(raw, "unit", where), measure, selector(raw.get("key"), where),
        citations, rows, columns, frozenset(blank), bool(raw.get("totals")), raw.get("chart"))


def _format(raw: Mapping[str, Any]) -> Format:
    _fields(raw, FORMAT_FIELDS, "formats")
    ident = _text(raw, "id", "formats")
    where = f"formats.{ident}"
    years = raw.get("years") or {}
    tables = tuple(_table(t, f"{where}.tables") for t in raw.get("tables") or [])
    if len({t.id for t in tables}) != len(tables) or not tables:
        raise FormatError(f"{where}: table ids must be unique, and there must be tables")
    last = years.get("last")
    fmt = Format(ident, _text(raw, "title", where), _text(raw, "reference", where), parse_year(str(years["first"])),
                 None if last is None else parse_year(str(last)), _text(years, "status", f"{where}.years"),
                 " ".join(_text(years, "note", f"{where}.years").split()), tables,
                 tuple(Headline(h["id"], h["label"], tuple(h["cell"].split("/"))) for h in raw.get("headline") or []),
                 tuple(raw.get("omitted") or []))
    for headline in fmt.headline:
        table_id, row, column = headline.cell
        table = fmt.table(table_id)
        if row not in {r.id for r in table.rows} | {"total"} or column not in {c.id for c in table.columns} | {"total"}:
            raise FormatError(f"{where}.headline.{headline.id}: no cell {'/'.join(headline.cell)}")
    return fmt


@lru_cache(maxsize=1)
def load_formats() -> Formats:
    """The bundled table formats, checked: known measures, unique ids, years that do not overlap."""
    text = resources.files(__package__).joinpath("report_formats.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    formats = tuple(sorted((_format(f) for f in raw["formats"]), key=lambda f: f.first))
    for earlier, later in pairwise(formats):
        if earlier.last is None or earlier.last >= later.first:
            raise FormatError(f"formats {earlier.id} and {later.id} overlap in years")
    return Formats(dict(raw.get("lines") or {}), formats)


__all__ = ["Axis", "Citation", "Format", "FormatError", "Formats", "Headline", "Selector", "TableDef",
           "load_formats", "matches", "selector"]
