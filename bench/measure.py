"""The measuring method of ``bench_all.py``: contenders interleaved in small slices, CPU time, medians.

* In-process figures: the items are cut into slices; every contender runs each slice in turn, the order
  alternating from slice to slice, so that a change in the machine's load or clock falls on all contenders
  alike. Time is the process's CPU time (``time.process_time_ns``), with the process pinned to one core. A round
  covers every slice; each round gives one ratio; the figure is the median over the rounds (the spread is shown).
* Commands (cold start, batch): runs alternate between contenders; wall time and the child's CPU time and peak
  resident memory (``os.wait4``), medians over the runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any

Run = Callable[[Sequence[Any]], object]


@dataclass
class Figure:
    """Per-item cost of each contender (median over rounds, in microseconds) and the ratios of each round."""

    per_item_us: dict[str, float]
    ratios: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def spread(self) -> str:
        return f"{min(self.ratios):.2f}-{max(self.ratios):.2f}" if len(self.ratios) > 1 else "one round"


def pin_one_core(cpu: int | None = None) -> int | None:
    """Pin this process to one core (the last one allowed, unless told); returns it, or None if not possible."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = allowed[-1] if cpu is None else cpu
    os.sched_setaffinity(0, {chosen})
    return chosen


def unpin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, range(os.cpu_count() or 1))


def interleaved(contenders: dict[str, Run], items: Sequence[Any], slice_size: int, rounds: int,
                baseline: str, units: Callable[[Sequence[Any]], int] = len, warmup: int = 100) -> Figure:
    """Run the contenders over ``items`` interleaved; the ratio of each round is contender / ``baseline``
    (for two contenders), or largest / smallest when ``baseline`` is the empty string. Each contender first runs
    untimed over the first ``warmup`` items (lazy loading, first-call costs)."""
    for run in contenders.values():
        run(items[:warmup])
    slices = [items[i:i + slice_size] for i in range(0, len(items), slice_size)]
    names = list(contenders)
    per_round: dict[str, list[float]] = {n: [] for n in names}
    ratios: list[float] = []
    total_units = sum(units(s) for s in slices)
    for r in range(rounds):
        spent = dict.fromkeys(names, 0)
        for i, chunk in enumerate(slices):
            order = names if (i + r) % 2 == 0 else names[::-1]
            for name in order:
                start = time.process_time_ns()
                contenders[name](chunk)
                spent[name] += time.process_time_ns() - start
        for name in names:
            per_round[name].append(spent[name] / 1000 / total_units)
        others = [n for n in names if n != baseline]
        if baseline:
            ratios.append(spent[others[0]] / spent[baseline])
        else:
            ratios.append(max(spent.values()) / min(spent.values()))
    return Figure({n: statistics.median(v) for n, v in per_round.items()}, ratios)


@dataclass
class CommandRun:
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    returncode: int


def run_command(argv: Sequence[str], stdin: IO[bytes] | None = None, stdout: Any = subprocess.DEVNULL) -> CommandRun:
    """Run a command to the end; its wall time, CPU time (with its children) and peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stderr is not None:
        process.stderr.read()
        process.stderr.close()
    return CommandRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def alternate(commands: dict[str, list[str]], runs: int) -> dict[str, list[CommandRun]]:
    """Each command ``runs`` times, alternating between them (the order flips every run)."""
    names = list(commands)
    out: dict[str, list[CommandRun]] = {n: [] for n in names}
    for r in range(runs):
        for name in names if r % 2 == 0 else names[::-1]:
            out[name].append(run_command(commands[name]))
    return out


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
