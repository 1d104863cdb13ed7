"""The report as Markdown (tables with totals, the lines of cases not counted, definitions and citations) and as
CSV (one row per cell: year, table, row, column, value); and one cell's cases as text or CSV (``--explain``).
Case ids are the only thing said about a person.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import TextIO

from .tables import COUNT, TOTAL, CellView, LineView, Report, TableView, YearView

DASH = "\N{EN DASH}"


def number(cell: CellView) -> str:
    """A count with thousands separators; a dash for a blank cell; 'not given' for a rate without population."""
    if cell.blank:
        return DASH
    if cell.count is None:
        return "n/a (no --population)" if cell.rate else DASH
    return f"{cell.count:,}"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def summary_lines(report: Report) -> list[str]:
    """The input summary, in plain words (no markup)."""
    tally = report.tally
    lines = [f"Caseload: {report.source}: {tally.cases:,} cases counted; {tally.error_count:,} lines with errors "
             "(listed under Input errors, not counted)."]
    for year in report.years:
        undetermined = [(t.table.id, ln.count) for t in year.tables for ln in t.lines if ln.id == "undetermined"]
        if undetermined:
            listed = ", ".join(f"{table} {count:,}" for table, count in undetermined)
            lines.append(f"{year.year}: undetermined entries by table: {listed} (see each table).")
        else:
            lines.append(f"{year.year}: every case was decided in every table.")
    return lines


def _table_markdown(view: TableView) -> list[str]:
    table = view.table
    totals = table.totals
    head = ["", *(c.label for c in table.columns), *(["Total"] if totals else [])]
    out = [f"### {table.number}. {table.title}" if table.number else f"### {table.title}", "",
           "| " + " | ".join(_escape(h) for h in head) + " |",
           "|---|" + "---:|" * (len(head) - 1)]
    for row in view.rows:
        cells = [number(c) for c in row.cells] + ([number(row.total)] if row.total is not None else
                                                  ([""] if totals else []))
        out.append(f"| {_escape(row.axis.label)} | " + " | ".join(cells) + " |")
    if view.column_totals is not None and view.grand_total is not None:
        out.append("| **Total** | " + " | ".join(f"**{number(c)}**" for c in (*view.column_totals, view.grand_total))
                   + " |")
    out += ["", f"*Unit: {table.unit}.* {table.definition}", "",
            "Sources: " + "; ".join(f"{c} ({c.status})" for c in table.citations) + "."]
    if view.lines:
        out += ["", "Not counted in the cells above:", ""]
        out += [f"- {line_text(ln)}" for ln in view.lines]
    return [*out, ""]


def line_text(line: LineView, code: Callable[[str], str] = lambda text: f"`{text}`") -> str:
    """A line of cases not counted: label, count, id and the missing facts; ``code`` marks up ids and paths."""
    text = f"{line.label}: {line.count:,} ({code(line.id)})"
    if line.missing:
        text += "; missing facts: " + ", ".join(f"{code(fact)} ({n:,})" for fact, n in line.missing)
    return text


def _year_markdown(year: YearView) -> list[str]:
    fmt = year.format
    population = f"{year.population:,}" if year.population is not None else "not given (use --population)"
    out = [f"## {year.year} (1 April {year.year.start.year} to 31 March {year.year.end.year})", "",
           f"Table format: {fmt.title} (`{fmt.id}`; reporting years {fmt.first} to {fmt.last or 'now'}, "
           f"{fmt.status}: {fmt.note}). Layout as in the {fmt.reference}.", "",
           f"Population aged 10 and over (ONS mid-year estimate): {population}.", ""]
    for view in year.tables:
        out += _table_markdown(view)
    for omitted in fmt.omitted:
        out.append(f"- Table {omitted['id']} ({omitted['title']}) is not produced: {omitted['why']}.")
    return [*out, ""] if fmt.omitted else out


def write_markdown(report: Report, out: TextIO) -> None:
    lines = ["# MAPPA annual report statistics", "", *(f"- {line}" for line in summary_lines(report)), ""]
    for year in report.years:
        lines += _year_markdown(year)
    if report.years and len(report.years) > 1:
        lines += ["## Trend across years", "", "| Figure | " + " | ".join(str(y.year) for y in report.years) + " |",
                  "|---|" + "---:|" * len(report.years)]
        for headline_id, label in trend_series(report):
            values = [f"{v:,}" if v is not None else DASH for _, v in report.headline(headline_id)]
            lines.append(f"| {label} | " + " | ".join(values) + " |")
        lines.append("")
    lines += errors_markdown(report)
    out.write("\n".join(lines).rstrip() + "\n")


def trend_series(report: Report) -> list[tuple[str, str]]:
    """The headline figures of the years asked for, in first-seen order."""
    seen: dict[str, str] = {}
    for year in report.years:
        for headline in year.format.headline:
            seen.setdefault(headline.id, headline.label)
    return list(seen.items())


def errors_markdown(report: Report) -> list[str]:
    tally = report.tally
    if not tally.error_count:
        return ["## Input errors", "", "None: every line was read as a case.", ""]
    out = ["## Input errors", "", f"{tally.error_count:,} lines were not counted ({tally.internal_count:,} internal "
           "errors of the library); each is also written to standard error.", ""]
    out += [f"- line {line}: {_escape(message)}" for line, message in tally.errors]
    if tally.error_count > len(tally.errors):
        out.append(f"- ... and {tally.error_count - len(tally.errors):,} more (see standard error)")
    return [*out, ""]


def write_csv(report: Report, out: TextIO) -> None:
    """One row per cell, total and line: year, table, row, column, value (blank cells are empty)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "table", "table_number", "table_title", "unit", "row", "row_label", "column",
                     "column_label", "value"])
    for year in report.years:
        for view in year.tables:
            table = view.table
            base = [str(year.year), table.id, table.number, table.title, table.unit]
            columns = [(c.id, c.label) for c in table.columns]
            for row in view.rows:
                for (cid, clabel), cell in zip(columns, row.cells, strict=True):
                    writer.writerow([*base, row.axis.id, row.axis.label, cid, clabel, _raw(cell)])
                if row.total is not None:
                    writer.writerow([*base, row.axis.id, row.axis.label, TOTAL, "Total", _raw(row.total)])
            if view.column_totals is not None and view.grand_total is not None:
                for (cid, clabel), cell in [*zip(columns, view.column_totals, strict=True),
                                            ((TOTAL, "Total"), view.grand_total)]:
                    writer.writerow([*base, TOTAL, "Total", cid, clabel, _raw(cell)])
            for line in view.lines:
                writer.writerow([*base, line.id, line.label, COUNT, "Number", line.count])


def _raw(cell: CellView) -> str:
    return "" if cell.count is None else str(cell.count)


def write_explain_text(header: str, entries: Iterable[tuple[str, str]], out: TextIO, as_csv: bool) -> int:
    """One line per case counted in the cell: the case id, then the reason. Returns how many."""
    count = 0
    if as_csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["case_id", "reason"])
        for case_id, reason in entries:
            writer.writerow([case_id, reason])
            count += 1
        return count
    out.write(header + "\n\n| Case | Reason |\n|---|---|\n")
    for case_id, reason in entries:
        out.write(f"| {_escape(case_id)} | {_escape(reason)} |\n")
        count += 1
    return count


__all__ = ["DASH", "errors_markdown", "line_text", "number", "summary_lines", "trend_series", "write_csv",
           "write_explain_text", "write_markdown"]
