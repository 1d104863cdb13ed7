"""Running the counting rules over a caseload: streamed in chunks, on one core or several, results in input order
(one reporting year is the 12 months beginning with 1 April: CJA 2003 s.326(5)).

The caseload is read lazily and at most a few chunks are in flight at once, so memory does not grow with the
caseload. With ``jobs`` above 1 the chunks go to worker processes; their results are reduced in the order of the
input, so the report is the same whatever the number of workers. An error on one line (bad input, or an
internal error of the library) becomes that line's error record, and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from mappa_rules import default_rulebook
from mappa_rules.ordered_pool import chunks, ordered_results

from .case_view import CaseView
from .caseload import parse_record
from .formats import load_formats
from .hits import Hit
from .lines import Raw, read_lines
from .periods import ReportingYear
from .registry import MEASURES
from .tables import Report, build_report
from .tally import CaseResult, EntryStore, Tally

CHUNK = 200
"""Lines per task sent to a worker."""


@dataclass(frozen=True)
class Plan:
    """What to count: the reporting years, and for each the measures its table format uses."""

    years: tuple[ReportingYear, ...]
    measures: tuple[tuple[str, ...], ...]


def count_case(plan: Plan, line: int, raw: Raw | ValueError) -> CaseResult:
    """The entries of one line for every year of the plan, or its error record."""
    if isinstance(raw, ValueError):
        return CaseResult(line, None, str(raw))
    try:
        record = parse_record(raw)
    except ValueError as exc:
        return CaseResult(line, None, str(exc))
    try:
        view = CaseView(record)
        hits: list[tuple[int, Hit]] = []
        for index, (year, measures) in enumerate(zip(plan.years, plan.measures, strict=True)):
            for name in measures:
                hits.extend((index, hit) for hit in MEASURES[name](view, year))
        return CaseResult(line, record.case_id, hits=tuple(hits))
    except Exception as exc:  # an internal error on one case must not stop the others
        return CaseResult(line, record.case_id, f"internal error ({exc.__class__.__name__}): {exc}", internal=True)


def count_chunk(plan: Plan, chunk: list[tuple[int, Raw | ValueError]]) -> list[CaseResult]:
    return [count_case(plan, line, raw) for line, raw in chunk]


_PLAN: Plan | None = None


def _start_worker(plan: Plan) -> None:
    global _PLAN
    _PLAN = plan
    default_rulebook()


def _work(chunk: list[tuple[int, Raw | ValueError]]) -> list[CaseResult]:
    assert _PLAN is not None
    return count_chunk(_PLAN, chunk)


def run(lines: Iterable[tuple[int, Raw | ValueError]], plan: Plan, tally: Tally, jobs: int = 1) -> Tally:
    """Count every line into ``tally``; ``jobs`` worker processes (1: in this process)."""
    default_rulebook()
    if jobs <= 1:
        for chunk in chunks(lines, CHUNK):
            for result in count_chunk(plan, chunk):
                tally.add(result)
        return tally
    for results in ordered_results(_work, chunks(lines, CHUNK), jobs, _start_worker, (plan,)):
        for result in results:
            tally.add(result)
    return tally


def report_caseload(path: str | Path, years: list[ReportingYear], populations: dict[ReportingYear, int] | None = None,
                    jobs: int = 1, entries: bool = False, on_error: Callable[[int, str], None] | None = None
                    ) -> Report:
    """The report of the caseload at ``path`` for ``years`` (each in its own table format), with the cases behind
    every cell kept (on disk) when ``entries``. Close it (or use it in a ``with``) to remove the entry store.
    Raises :class:`~.caseload.InputError` if the file cannot be read, LookupError for a year with no format."""
    formats = load_formats()
    years = sorted(set(years))
    plan = Plan(tuple(years), tuple(formats.for_year(y).measures for y in years))
    lines = read_lines(path)
    first = next(lines, None)
    tally = Tally(store=EntryStore() if entries else None, on_error=on_error)
    try:
        run(chain([] if first is None else [first], lines), plan, tally, jobs)
        return build_report(str(path), tally, formats, years, populations or {})
    except BaseException:
        if tally.store is not None:
            tally.store.close()
        raise


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


__all__ = ["CHUNK", "Plan", "count_case", "count_chunk", "default_jobs", "report_caseload", "run"]
