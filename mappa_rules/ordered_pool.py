"""Work on many lines across worker processes with the output kept in input order and memory bounded: the lines
go out in chunks, at most two chunks per worker are in flight, and each result is given back in turn. Shared by
``mappa-rules batch`` and the report; machinery, not law."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

__all__ = ["chunks", "ordered_results"]

T = TypeVar("T")
R = TypeVar("R")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it (workers inherit the loaded rule book), spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def ordered_results(work: Callable[[list[T]], list[R]], batches: Iterable[list[T]], jobs: int,
                    initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Iterator[list[R]]:
    """``work(batch)`` for each batch, in order, on ``jobs`` worker processes started with ``initializer``; at most
    ``2 * jobs`` batches are in flight, so memory does not grow with the input. Leaving early cancels what is
    pending."""
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=initializer, initargs=initargs)
    try:
        pending: deque[Future[list[R]]] = deque()
        for batch in batches:
            pending.append(pool.submit(work, batch))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
