"""The report as one self-contained HTML page: inline CSS, the tables with their totals, definitions, sources
and lines of cases not counted, inline SVG charts (category by level for each year; the headline figures across
years when several years are asked for), and the input errors. No script, no external file.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import TextIO

from .svg import bar_panels, line_panels
from .tables import LineView, Report, TableView, YearView
from .text_output import line_text, number, summary_lines, trend_series

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a202c;background:#f7fafc}
header{background:#1a365d;color:#fff;padding:18px 32px}header h1{margin:0;font-size:26px}
header p{margin:6px 0 0;color:#e2e8f0}main{padding:8px 32px 40px;max-width:1180px}
h2{border-bottom:3px solid #1a365d;padding-bottom:4px;margin-top:36px}h3{margin:28px 0 8px;color:#1a365d}
table{border-collapse:collapse;background:#fff;margin:6px 0;min-width:420px}
th,td{border:1px solid #cbd5e0;padding:6px 12px}th{background:#edf2f7;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td,td.total{font-weight:bold;background:#f0f4f8}
p.def{max-width:900px;font-size:14px;color:#2d3748}p.src{font-size:12px;color:#4a5568}
ul.lines{font-size:13px;color:#4a5568}figure{margin:12px 0 4px;background:#fff;border:1px solid #e2e8f0;
display:inline-block;padding:6px}figcaption{font-size:12px;color:#4a5568;padding:2px 6px}
.meta{font-size:14px;color:#2d3748}code{background:#edf2f7;padding:0 3px;border-radius:3px}
"""


def _table(view: TableView) -> str:
    table = view.table
    head = "".join(f"<th>{escape(c.label)}</th>" for c in table.columns) + ("<th>Total</th>" if table.totals else "")
    body = []
    for row in view.rows:
        cells = "".join(f'<td class="n">{escape(number(c))}</td>' for c in row.cells)
        if row.total is not None:
            cells += f'<td class="n total">{escape(number(row.total))}</td>'
        elif table.totals:
            cells += "<td></td>"
        body.append(f"<tr><th>{escape(row.axis.label)}</th>{cells}</tr>")
    if view.column_totals is not None and view.grand_total is not None:
        cells = "".join(f'<td class="n">{escape(number(c))}</td>' for c in (*view.column_totals, view.grand_total))
        body.append(f'<tr class="total"><th>Total</th>{cells}</tr>')
    title = f"{table.number}. {table.title}" if table.number else table.title
    sources = "; ".join(f'<a href="{escape(c.url)}">{escape(str(c))}</a> ({escape(c.status)})' for c in table.citations)
    parts = [f'<h3 id="{escape(str(view.year_index))}-{escape(table.id)}">{escape(title)}</h3>',
             f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
             f'<p class="def"><em>Unit: {escape(table.unit)}.</em> {escape(table.definition)}</p>',
             f'<p class="src">Sources: {sources}. Explain a cell: <code>--explain '
             f'"{escape(table.id)}/ROW/COLUMN"</code>.</p>']
    if view.lines:
        items = "".join(f"<li>{line_text(_escaped(ln), _code)}</li>" for ln in view.lines)
        parts.append(f'<ul class="lines">{items}</ul>')
    if table.chart == "category_by_level":
        parts.append(_category_chart(view))
    return "\n".join(parts)


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"


def _escaped(line: LineView) -> LineView:
    """The line with its label escaped for HTML (ids and fact paths are escaped by ``_code``)."""
    return replace(line, label=escape(line.label))


def _category_chart(view: TableView) -> str:
    table = view.table
    panels = []
    for row in view.rows:
        bars = [(c.label.split(":")[0], cell.count or 0) for c, cell in zip(table.columns, row.cells, strict=True)
                if not cell.blank]
        panels.append((row.axis.label, bars))
    title = f"{table.title}: each level on its own scale"
    return f"<figure>{bar_panels(title, panels)}<figcaption>{escape(title)}</figcaption></figure>"


def _year(year: YearView) -> str:
    fmt = year.format
    population = f"{year.population:,}" if year.population is not None else "not given (use --population)"
    parts = [f'<h2 id="y{year.index}">{escape(str(year.year))}: 1 April {year.year.start.year} to 31 March '
             f"{year.year.end.year}</h2>",
             f'<p class="meta">Table format: {escape(fmt.title)} (<code>{escape(fmt.id)}</code>, reporting years '
             f"{escape(str(fmt.first))} to {escape(str(fmt.last or 'now'))}; {escape(fmt.status)}: "
             f"{escape(fmt.note)}) Layout as in the {escape(fmt.reference)}.</p>",
             f'<p class="meta">Population aged 10 and over (ONS mid-year estimate): {escape(population)}.</p>']
    parts += [_table(view) for view in year.tables]
    if fmt.omitted:
        items = "".join(f"<li>Table {escape(o['id'])} ({escape(o['title'])}) is not produced: {escape(o['why'])}.</li>"
                        for o in fmt.omitted)
        parts.append(f'<ul class="lines">{items}</ul>')
    return "\n".join(parts)


def _trend(report: Report) -> str:
    years = [str(y.year) for y in report.years]
    series = [(label, [v for _, v in report.headline(ident)]) for ident, label in trend_series(report)]
    title = "Headline figures across the reporting years"
    return (f'<h2 id="trend">Trend across years</h2><figure>{line_panels(title, years, series)}'
            f"<figcaption>{escape(title)}; a gap where a year's table format lacks the figure.</figcaption></figure>")


def _errors(report: Report) -> str:
    tally = report.tally
    if not tally.error_count:
        return "<h2>Input errors</h2><p>None: every line was read as a case.</p>"
    items = "".join(f"<li>line {line}: {escape(message)}</li>" for line, message in tally.errors)
    more = tally.error_count - len(tally.errors)
    if more:
        items += f"<li>... and {more:,} more (see standard error)</li>"
    return (f"<h2>Input errors</h2><p>{tally.error_count:,} lines were not counted ({tally.internal_count:,} "
            f"internal errors of the library):</p><ul>{items}</ul>")


def write_html(report: Report, out: TextIO) -> None:
    years = ", ".join(str(y.year) for y in report.years)
    summary = "".join(f"<p>{escape(line)}</p>" for line in summary_lines(report))
    body = [_trend(report)] if len(report.years) > 1 else []
    body += [_year(year) for year in report.years]
    body.append(_errors(report))
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        f"<title>MAPPA annual report statistics {escape(years)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>MAPPA annual report statistics: {escape(years)}</h1>{summary}</header><main>"
        + "\n".join(body) + "</main></body></html>\n"
    )


__all__ = ["write_html"]
