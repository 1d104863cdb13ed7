"""``mappa-rules report CASELOAD --year 2020/21 [--population N] [--format F] [--out PATH] [--explain CELL]``.

The standard MAPPA annual report tables for each reporting year asked for, in the table format of that year,
from a caseload (JSON Lines of cases with their management history, or a CSV of the simple snapshot fields).
``--explain TABLE/ROW/COLUMN`` lists the cases counted in one cell instead, each with its one-line reason.

Exit codes as for the rest of the command line: 0 done; 2 bad input (a bad argument, or lines of the caseload
that are not valid cases: each is reported with its line number, field and reason, and the report is still
written without them); 1 internal error (including an internal error of the library on some line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the command's modules are imported when it runs, so that other commands start fast
    from .formats import Formats
    from .periods import ReportingYear
    from .tables import Report

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
FORMATS = ("markdown", "csv", "json", "html")


class ReportInputError(Exception):
    """A bad argument or an unreadable caseload; the message names the argument or file."""


def add_parser(commands: Any) -> None:
    """Add the ``report`` sub-command to the CLI's sub-parsers."""
    report = commands.add_parser("report", help="the MAPPA annual report statistics tables from a caseload")
    report.add_argument("caseload", help="JSON Lines caseload (a case and its history per line), or a .csv file of "
                                         "the simple snapshot fields")
    report.add_argument("--year", action="append", required=True,
                        help="reporting year, e.g. 2020/21 (1 April 2020 to 31 March 2021); repeat it for a trend")
    report.add_argument("--population", action="append",
                        help="ONS mid-year population estimate aged 10 and over, for RSOs per 100,000: N for every "
                             "year, or YEAR=N (repeatable)")
    report.add_argument("--format", choices=FORMATS, default="markdown", help="output format")
    report.add_argument("--out", help="write the report to this file (default: standard output)")
    report.add_argument("--explain", metavar="TABLE/ROW/COLUMN",
                        help="list the cases counted in one cell (e.g. snapshot/level1/category1), with their reasons")
    report.add_argument("--jobs", type=int, help="worker processes (default: the cores available)")


def _years(texts: list[str], formats: Formats) -> list[ReportingYear]:
    from .periods import parse_year

    years = []
    for text in texts:
        try:
            year = parse_year(text)
            formats.for_year(year)
        except (ValueError, LookupError) as exc:
            raise ReportInputError(f"--year: {exc}") from None
        years.append(year)
    return sorted(set(years))


def _populations(texts: list[str] | None, years: list[ReportingYear]) -> dict[ReportingYear, int]:
    from .periods import parse_year

    found: dict[ReportingYear, int] = {}
    for text in texts or []:
        label, _, value = text.rpartition("=")
        try:
            number = int(value.replace(",", "").replace("_", ""))
            targets = [parse_year(label)] if label else years
        except ValueError as exc:
            raise ReportInputError(f"--population: {text!r} is not N or YEAR=N ({exc})") from None
        if number <= 0:
            raise ReportInputError(f"--population: {text!r} must be a positive whole number")
        for year in targets:
            found[year] = number
    return found


def _check_address(address: str, formats: Formats, years: list[ReportingYear]) -> None:
    """Refuse an --explain address that names no table, row or column of the years asked for, before the run."""
    parts = address.strip().split("/")
    if len(parts) not in (2, 3) or not all(parts):
        raise ReportInputError(f"--explain: {address!r}: write TABLE/ROW/COLUMN, e.g. snapshot/level1/category1")
    for year in years:
        fmt = formats.for_year(year)
        try:
            table = fmt.table(parts[0])
        except KeyError:
            known = ", ".join(t.id for t in fmt.tables)
            raise ReportInputError(f"--explain: {year} has no table {parts[0]!r} (tables: {known})") from None
        rows = {r.id for r in table.rows} | {"total", "outside", "undetermined"} | set(formats.lines)
        columns = {c.id for c in table.columns} | {"total", "count"}
        if parts[1] not in rows or (len(parts) == 3 and parts[2] not in columns):
            raise ReportInputError(f"--explain: {table.id} has no cell {'/'.join(parts[1:])} (rows: "
                                   f"{', '.join(sorted(r.id for r in table.rows))}, total; columns: "
                                   f"{', '.join(c.id for c in table.columns)}, total)")


@contextmanager
def _output(path: str | None, out: TextIO) -> Iterator[TextIO]:
    if path is None:
        yield out
        return
    try:
        with Path(path).open("w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as exc:
        raise ReportInputError(f"--out: {path}: cannot be written ({exc.strerror})") from None


def _write_explain(report: Report, address: str, fmt: str, out: TextIO) -> None:
    from .json_output import explain_json
    from .tables import explain
    from .text_output import write_explain_text

    store = report.tally.store
    assert store is not None
    for year in report.years:
        view, row_id, column_id, cell = explain(report, year, address)
        labels = {r.axis.id: r.axis.label for r in view.rows} | {ln.id: ln.label for ln in view.lines}
        labels |= {c.id: c.label for c in view.table.columns} | {"total": "Total", "count": "Number", "": ""}
        entries = store.entries(view.year_index, view.table.measure, cell.keys)
        if fmt == "json":
            explain_json({"year": str(year.year), "table": view.table.id, "row": row_id, "column": column_id or None,
                          "title": view.table.title, "row_label": labels.get(row_id, row_id),
                          "column_label": labels.get(column_id, column_id), "count": cell.count,
                          "rate": cell.rate}, entries, out)
            continue
        what = "the cases behind this rate" if cell.rate else "cases"
        header = (f"**{year.year}** `{address}`: {view.table.title} / {labels.get(row_id, row_id)} / "
                  f"{labels.get(column_id, column_id) or '-'}: {cell.count if cell.count is not None else '-'} "
                  f"({what} listed below)")
        write_explain_text(header, entries, out, as_csv=fmt == "csv")
        if fmt != "csv" and len(report.years) > 1:
            out.write("\n")


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``mappa-rules report``; returns the exit code. Errors go to standard error, never a traceback."""
    try:
        return _run(args, out)
    except ReportInputError as exc:
        sys.stderr.write(f"mappa-rules: bad input: {exc}\n")
        return EXIT_BAD_INPUT


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from .caseload import InputError
    from .formats import load_formats
    from .html_output import write_html
    from .json_output import write_json
    from .run import default_jobs, report_caseload
    from .text_output import write_csv, write_markdown

    formats = load_formats()
    years = _years(args.year, formats)
    populations = _populations(args.population, years)
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1:
        raise ReportInputError("--jobs: at least 1")
    if args.explain:
        if args.format == "html":
            raise ReportInputError("--explain: lists cases as markdown, csv or json, not html")
        _check_address(args.explain, formats, years)

    def on_error(line: int, message: str) -> None:
        sys.stderr.write(f"mappa-rules: report: {args.caseload}: line {line}: {message}\n")

    try:
        report = report_caseload(args.caseload, years, populations, jobs,
                                 entries=bool(args.explain) or args.format == "json", on_error=on_error)
    except InputError as exc:
        raise ReportInputError(str(exc)) from None
    with report, _output(args.out, out) as stream:
        if args.explain:
            _write_explain(report, args.explain, args.format, stream)
        else:
            {"markdown": write_markdown, "csv": write_csv, "json": write_json, "html": write_html}[args.format](
                report, stream)
    tally = report.tally
    if tally.error_count > tally.internal_count:
        return EXIT_BAD_INPUT
    return EXIT_INTERNAL if tally.internal_count else EXIT_OK


__all____all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_OK", "FORMATS", "add_parser", "run_report"]
