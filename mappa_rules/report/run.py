"""Running the counting rules over a caseload: streamed in chunks, on one core or several, results in input order.

The caseload is read lazily and at most a few chunks are in flight at once, so memory does not grow with the
caseload. With ``jobs`` above 1 the chunks go to worker processes; their results are reduced in the order of the
input, so the report is the same whatever the number of workers. An error on one line (bad input, or an
internal error of the library) becomes that line's error record, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from mappa_rules import default_rulebook

from .case_view import CaseView
from .caseload import Raw, parse_record
from .hits import Hit
from .periods import ReportingYear
from .registry import MEASURES
from .tally import CaseResult, Tally

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


def _chunks(lines: Iterable[tuple[int, Raw | ValueError]]) -> Iterator[list[tuple[int, Raw | ValueError]]]:
    it = iter(lines)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it (workers inherit the loaded rule book), spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run(lines: Iterable[tuple[int, Raw | ValueError]], plan: Plan, tally: Tally, jobs: int = 1) -> Tally:
    """Count every line into ``tally``; ``jobs`` worker processes (1: in this process)."""
    default_rulebook()
    if jobs <= 1:
        for chunk in _chunks(lines):
            for result in count_chunk(plan, chunk):
                tally.add(result)
        return tally
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker, initargs=(plan,)) as pool:
        pending: deque[Future[list[CaseResult]]] = deque()
        for chunk in _chunks(lines):
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= 2 * jobs:
                for result in pending.popleft().result():
                    tally.add(result)
        while pending:
            for result in pending.popleft().result():
                tally.add(result)
    return tally


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


__all__ = ["CHUNK", "Plan", "count_case", "count_chunk", "default_jobs", "run"]
