"""Answering one question for every line of a JSON Lines stream, on one core or several, in input order.

Every line yields one record: ``{"line": N, "decision": {...}}``, or ``{"line": N, "error": {"kind": "bad_input",
"message": ...}}`` naming the field and the rule broken, or, for an internal error, ``{"line": N, "error":
{"kind": "internal", "type": ..., "where": ...}}`` saying its kind and where in the package it was raised; never a
value from the case. An error on one line never stops the others.

Lines are read lazily in chunks and at most ``2 * jobs`` chunks are in flight, so memory does not grow with the
number of lines. With ``jobs`` above 1 the chunks go to worker processes, each of which loads the rule book once;
records are written in the order of the input whatever the number of workers. A stream that ends within its first
chunk is answered in this process (starting workers would cost more than it saves), as is every stream with
``jobs=1``.
"""

from __future__ import annotations

import json
import os
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

from .decision import Decision
from .facts import Case
from .input import CaseInputError, decode_case_bytes, parse_case, read_case_json
from .limits import MAX_LINE_BYTES
from .ordered_pool import chunks, ordered_results
from .questions.registry import BY_CLI

__all__ = ["CHUNK", "BatchRecord", "answer_lines", "batch_record", "default_jobs", "internal_error"]

CHUNK = 100
"""Lines per task sent to a worker."""

_PACKAGE = Path(__file__).resolve().parent

BatchRecord = tuple[str | None, str]
"""One line's record as written: the kind of its error (``bad_input``, ``internal``; None for a decision), and the
record as one line of JSON text."""

Line = tuple[int, bytes | None]
"""A numbered line of the input (None for a line longer than the limit)."""


def default_jobs() -> int:
    """The cores this process may use (``os.process_cpu_count`` where Python has it)."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return int(counted() or 1)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def internal_error(exc: BaseException) -> dict[str, Any]:
    """An internal error as a record without case data: its kind, and where in the package it was raised."""
    where = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        file = Path(frame.f_code.co_filename)
        if file.is_relative_to(_PACKAGE):
            where = f"{file.relative_to(_PACKAGE.parent).as_posix()}:{line}"
    return {"kind": "internal", "type": exc.__class__.__name__, "where": where}


def batch_record(number: int, raw: bytes | None, answer: Callable[[Case], Decision]) -> dict[str, Any]:
    """The record for one batch line: ``decision`` (its JSON text), or ``error`` with the kind (``bad_input`` with
    a message naming fields, or ``internal`` with the error's type and place), never a value from the case."""
    if raw is None:
        return {"line": number, "error": {"kind": "bad_input",
                                          "message": f"the line is longer than {MAX_LINE_BYTES} bytes"}}
    try:
        case = parse_case(read_case_json(decode_case_bytes(raw, "the line", MAX_LINE_BYTES), "the line"))
    except CaseInputError as exc:
        return {"line": number, "error": {"kind": "bad_input", "message": str(exc)}}
    try:
        return {"line": number, "decision": answer(case).model_dump_json()}
    except Exception as exc:
        return {"line": number, "error": internal_error(exc)}


def _written(record: dict[str, Any]) -> BatchRecord:
    if "error" in record:
        return record["error"]["kind"], json.dumps(record)
    return None, f'{{"line": {record["line"]}, "decision": {record["decision"]}}}'


def answer_chunk(question: str, as_of: date, chunk: list[Line]) -> list[BatchRecord]:
    """The records of a chunk of lines, in order; a failure of any kind on one line is that line's record."""
    function = BY_CLI[question].answer()
    out = []
    for number, raw in chunk:
        try:
            out.append(_written(batch_record(number, raw, lambda case: function(case, as_of, None))))
        except Exception as exc:  # beyond the answer itself (serialising it, say): still this line's record alone
            out.append(_written({"line": number, "error": internal_error(exc)}))
    return out


_TASK: tuple[str, date] | None = None


def _start_worker(question: str, as_of: date) -> None:
    """A worker: Ctrl-C is the parent's to handle; the rule book and the question are loaded once, here."""
    global _TASK
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .rulebook import default_rulebook

    default_rulebook()
    BY_CLI[question].answer()
    _TASK = (question, as_of)


def _work(chunk: list[Line]) -> list[BatchRecord]:
    assert _TASK is not None, "the worker was not started"
    return answer_chunk(*_TASK, chunk)


def answer_lines(question: str, as_of: date, lines: Iterable[Line], jobs: int = 1,
                 chunk: int = CHUNK) -> Iterator[BatchRecord]:
    """The record of every line, in input order, answered by ``jobs`` worker processes (1: in this process).
    ``question`` is the command-line name of a question (``notification-period``); blank lines are skipped."""
    if question not in BY_CLI:
        raise ValueError(f"unknown question; known: {', '.join(BY_CLI)}")
    batches = chunks(((n, raw) for n, raw in lines if raw is None or raw.strip()), max(1, chunk))
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None) if jobs > 1 else None
    if second is None:
        yield from answer_chunk(question, as_of, first)
        for rest in batches:
            yield from answer_chunk(question, as_of, rest)
        return
    for records in ordered_results(_work, chain([first, second], batches), jobs, _start_worker, (question, as_of)):
        yield from records
