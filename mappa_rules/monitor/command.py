"""``mappa-rules monitor EVENTS [--until DATE] [--summary] [--follow] [--due-soon DAYS]``.

Reads the event stream (JSON Lines, in date order; see :mod:`mappa_rules.monitor.events`) and writes alerts, and
error records for lines that cannot be used, as JSON Lines; with ``--summary``, a summary per person at the end.
``--until`` is the last day the clock runs to (default: the date of the last event); a line dated after it is
answered with an error record and not applied. ``--follow`` reads standard input as lines arrive and writes each
day's alerts as soon as a later date (or a tick) closes the day. Nothing reads the wall clock.

Exit codes: 0 every line was used, 2 some lines gave error records (or bad arguments, or durable-rules is not
installed), 1 internal error.
"""

from __future__ import annotations

import argparse
import queue
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TextIO

from . import unavailable
from .records import ErrorRecord, Record

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_parser(commands: Any) -> None:
    """Register the ``monitor`` sub-command on the CLI's sub-parsers."""
    monitor = commands.add_parser("monitor", help="replay or follow a stream of dated events; write alerts")
    monitor.add_argument("events", nargs="?", help="JSON Lines file of events in date order; '-' or nothing: stdin")
    monitor.add_argument("--until", help="run the clock to this date, YYYY-MM-DD (default: the last event's date)")
    monitor.add_argument("--summary", action="store_true", help="end with one summary line per person")
    monitor.add_argument("--follow", action="store_true", help="read standard input as events arrive")
    monitor.add_argument("--due-soon", type=int, default=None, metavar="DAYS",
                         help="days before a day due that a duty is 'due soon' (default 7)")


def _until(text: str) -> date:
    """The --until date: YYYY-MM-DD, a real day within the dates the library computes with."""
    from ..input import BadInput
    from ..limits import MAX_DAY, MIN_DAY
    from .events import iso_day

    try:
        day: date = iso_day(text)
    except ValueError as exc:
        raise BadInput(f"--until: {exc}") from None
    if not MIN_DAY <= day <= MAX_DAY:
        raise BadInput(f"--until: outside the dates the library computes with ({MIN_DAY} to {MAX_DAY})")
    return day


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Run the ``monitor`` sub-command."""
    from ..input import BadInput

    reason = unavailable()
    if reason is not None:
        raise BadInput(reason)
    from .monitor import DUE_SOON_DAYS, Monitor

    until = _until(args.until) if args.until else None
    if args.follow and args.events not in (None, "-"):
        raise BadInput("--follow reads standard input: give no EVENTS file (or '-')")
    due_soon = DUE_SOON_DAYS if args.due_soon is None else args.due_soon
    if due_soon < 0:
        raise BadInput("--due-soon: must not be negative")
    monitor = Monitor(due_soon, until)
    errors = 0
    source = stdin if args.events in (None, "-") else _open(args.events)
    with source:
        for number, text in _lines(source, args.follow):
            errors += _write(monitor.feed_line(number, text), out)
            if args.follow:
                out.flush()
    errors += _write(monitor.finish(), out)
    if args.summary:
        _write(monitor.summaries(), out)
    return EXIT_BAD_INPUT if errors else EXIT_OK


def _write(records: Iterable[Record], out: TextIO) -> int:
    """Write records; return how many were error records."""
    errors = 0
    for record in records:
        out.write(record.line() + "\n")
        errors += isinstance(record, ErrorRecord)
    return errors


def _lines(source: TextIO, follow: bool) -> Iterator[tuple[int, str]]:
    """Numbered lines. Following, a reader thread hands lines over a queue, so that the thread that owns the
    engine never blocks inside it and reading goes on while a day is processed."""
    if not follow:
        yield from enumerate(source, start=1)
        return
    lines: queue.Queue[str | None] = queue.Queue(maxsize=10_000)

    def read() -> None:
        try:
            for line in source:
                lines.put(line)
        finally:
            lines.put(None)

    threading.Thread(target=read, name="monitor-reader", daemon=True).start()
    number = 0
    while (line := lines.get()) is not None:
        number += 1
        yield number, line


def _open(path: str) -> TextIO:
    from ..input import BadInput

    try:
        return open(path, encoding="utf-8")
    except OSError:
        raise BadInput(f"{path}: no such file") from None


__all__ = ["add_parser", "run"]
