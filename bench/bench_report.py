"""Benchmark: the MAPPA annual report from a synthetic caseload - cases per second and peak memory, on one worker
and on two, side by side with the floor (reading and validating the same lines, nothing decided).

Each run is a separate process, so that its peak resident memory (the main process, and the largest worker) is
its own. ``--json`` adds runs that keep every case's reason for the JSON output (the entry store on disk).
Prints numbers; asserts nothing.

    python bench/bench_report.py --cases 20000            # modest, for a shared machine
    python bench/bench_report.py --cases 200000 --json    # the issue 14 target
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.caseload_gen import generate  # noqa: E402
from mappa_rules.report.caseload import parse_record, read_lines  # noqa: E402
from mappa_rules.report.periods import parse_year  # noqa: E402

YEAR = "2020/21"


def _peaks() -> tuple[float, float]:
    """Peak resident memory in MiB of this process and of its largest finished child (Linux reports KiB)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / scale / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / scale / 1024
    return own, children


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def available_parallelism() -> float:
    """How much faster two processes run a pure CPU loop than one does, right now: on a shared machine, the
    ceiling for the 2-worker speed-up at the time of measuring."""
    from concurrent.futures import ProcessPoolExecutor

    n = 3_000_000
    started = time.perf_counter()
    for _ in range(4):
        _spin(n)
    serial = time.perf_counter() - started
    started = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [n] * 4))
    return serial / (time.perf_counter() - started)


def child(path: str, mode: str, jobs: int) -> None:
    """One measured run, in its own process; prints a JSON line."""
    start = time.perf_counter()
    cases = 0
    if mode == "floor":
        for _, raw in read_lines(path):
            if not isinstance(raw, ValueError):
                parse_record(raw)
                cases += 1
    else:
        from mappa_rules.report.json_output import write_json
        from mappa_rules.report.run import report_caseload
        from mappa_rules.report.text_output import write_markdown

        year = parse_year(YEAR)
        with report_caseload(path, [year], {year: 1_000_000}, jobs=jobs, entries=mode == "json") as report, \
                open(os.devnull, "w", encoding="utf-8") as sink:
            (write_json if mode == "json" else write_markdown)(report, sink)
            cases = report.tally.cases
    seconds = time.perf_counter() - start
    own, worker = _peaks()
    print(json.dumps({"cases": cases, "seconds": seconds, "rss_main": own, "rss_worker": worker}))


def _measure(path: Path, mode: str, jobs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(path), mode, str(jobs)], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true", help="also time the JSON output (every case's reason kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "caseload.jsonl"
        started = time.perf_counter()
        with path.open("w", encoding="utf-8") as out:
            for record in generate(args.cases, args.seed):
                out.write(json.dumps(record, separators=(",", ":")) + "\n")
        print(f"caseload: {args.cases:,} synthetic cases (seed {args.seed}), {path.stat().st_size / 2**20:,.0f} MiB, "
              f"generated in {time.perf_counter() - started:.1f} s; reporting year {YEAR}; {os.cpu_count()} cores")
        runs = [("floor: read + validate only", "floor", 1), ("report, 1 worker", "markdown", 1),
                ("report, 2 workers", "markdown", 2)]
        if args.json:
            runs += [("report + JSON reasons, 1 worker", "json", 1), ("report + JSON reasons, 2 workers", "json", 2)]
        results: dict[str, dict[str, float]] = {}
        print(f"{'run':36} {'seconds':>9} {'cases/s':>10} {'peak RSS main':>14} {'largest worker':>15}")
        for label, mode, jobs in runs:
            r = results[label] = _measure(path, mode, jobs)
            worker = f"{r['rss_worker']:,.0f} MiB" if jobs > 1 else "-"
            print(f"{label:36} {r['seconds']:9.1f} {r['cases'] / r['seconds']:10,.0f} {r['rss_main']:10,.0f} MiB "
                  f"{worker:>15}")
        print(f"available parallelism on this machine now (pure CPU loop, 2 processes / 1): "
              f"{available_parallelism():.2f}x")
        one, two = results["report, 1 worker"], results["report, 2 workers"]
        floor = results["floor: read + validate only"]
        print(f"ratio 2 workers / 1 worker (speed): {one['seconds'] / two['seconds']:.2f}x; "
              f"report / floor (time): {one['seconds'] / floor['seconds']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
