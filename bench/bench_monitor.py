"""Benchmark of the compliance monitor: events per second and peak memory, contenders side by side.

    python bench/bench_monitor.py --people 2000            # a quick run (about 40,000 events)
    python bench/bench_monitor.py --people 100000 --only monitor   # the scale run (about 2 million events)
    python bench/bench_monitor.py --sessions 1000           # durable-rules' memory per open session

A seeded stream (:func:`mappa_rules.monitor.synthetic.stream`) is written to a file once; each contender then
reads it in a child process of its own, which reports its wall and CPU time (on a shared machine the CPU time
is the steadier measure) and its peak resident memory (``VmHWM``):

* ``read``: parse and validate every line (the floor);
* ``core``: the monitor with the rules engine replaced by a step that finds nothing (what keeping the facts
  and asking the core questions cost);
* ``monitor``: the monitor as shipped (durable-rules).

Keep runs modest on a shared machine (and run them under ``nice -n 19``): at about 350 events per CPU second,
the 100,000-people run needs one free core for more than an hour and a half; 10,000 people take about ten
minutes of CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generate(people: int, seed: int, end: date, path: Path) -> int:
    from mappa_rules.monitor.synthetic import stream

    count = 0
    with path.open("w", encoding="utf-8") as out:
        for line in stream(people, seed, end=end):
            out.write(line + "\n")
            count += 1
    return count


def run_contender(mode: str, path: Path) -> dict[str, Any]:
    """Run in a child: process the file and report events, records, seconds and peak memory."""
    from mappa_rules.monitor.events import parse_line
    from mappa_rules.monitor.monitor import Monitor
    from mappa_rules.monitor.records import ErrorRecord

    if mode == "core":
        from mappa_rules.monitor import rulesets

        def nothing(self: Any, facts: Any) -> list[Any]:
            return []

        rulesets.ComplianceRules.step = nothing  # type: ignore[method-assign]
    monitor = Monitor()
    events = records = errors = 0
    started, cpu = time.perf_counter(), time.process_time()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            events += 1
            if mode == "read":
                parse_line(line)
            else:
                out = monitor.feed_line(number, line)
                records += len(out)
                errors += sum(isinstance(record, ErrorRecord) for record in out)
        if mode != "read":
            out = monitor.finish()
            records += len(out)
            errors += sum(isinstance(record, ErrorRecord) for record in out)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"mode": mode, "events": events, "records": records, "errors": errors, "seconds": seconds,
            "cpu_seconds": cpu,
            "peak_bytes": _status_kb("VmHWM") * 1024, "people": len(monitor.people())}


def _status_kb(name: str) -> int:
    """A value from /proc/self/status, in kB. VmHWM is the peak resident memory of this program only (unlike
    ru_maxrss, which on Linux carries over what the parent held when it forked)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(f"{name}:"))


def sessions(count: int) -> None:
    """Memory per open durable-rules session, and where the engine's session table runs out."""
    import durable_rules_engine  # type: ignore[import-not-found,unused-ignore]

    from mappa_rules.monitor.durable_engine import Rule, RuleSet, c, m, when_all

    def rss() -> int:
        return _status_kb("VmRSS") * 1024

    rules = RuleSet("bench", {"overdue": Rule(when_all(
        c.d << (m.t == "duty"), c.k << ((m.t == "clock") & (m.day > c.d.due))), lambda frame: None, 1)})
    duty = {"t": "duty", "due": 10}
    before = rss()
    opened = 0
    try:
        for n in range(count):  # asserted and left open: no action is run, no session deleted
            facts = [{**duty, "id": "d", "sid": f"s{n}"}, {"t": "clock", "id": "c", "day": 11, "sid": f"s{n}"}]
            durable_rules_engine.assert_facts(rules._handle, json.dumps(facts))
            opened += 1
    except MemoryError:
        print(f"the engine refused session {opened + 1}: MemoryError (its state table holds 1,024 sessions)")
    grown = rss() - before
    print(f"{opened} open sessions: {grown / 1e6:.1f} MB more resident, {grown / max(opened, 1) / 1e3:.0f} KB each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2019, 5, 31),
                        help="last day of the histories (default 2019-05-31: about 20 events a person)")
    parser.add_argument("--only", choices=["read", "core", "monitor"], action="append")
    parser.add_argument("--file", type=Path, help="events file to use (written first if it does not exist)")
    parser.add_argument("--run", choices=["read", "core", "monitor"], help=argparse.SUPPRESS)
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sessions", type=int, help="measure memory per open durable-rules session")
    args = parser.parse_args()
    if args.sessions:
        sessions(args.sessions)
        return
    path = args.file or Path(f"/tmp/mappa-monitor-bench-{args.people}-{args.seed}-{args.end}.jsonl")
    if args.run:
        print(json.dumps(run_contender(args.run, path)))
        return
    if args.generate:
        count = generate(args.people, args.seed, args.end, path)
        print(f"wrote {count:,} events for {args.people:,} people to {path}")
        return
    if not path.exists():  # in a child, so that this process stays small while the contenders run
        subprocess.run([sys.executable, __file__, "--generate", "--people", str(args.people), "--seed",
                        str(args.seed), "--end", args.end.isoformat(), "--file", str(path)], check=True)
    results = {}
    for mode in args.only or ["read", "core", "monitor"]:
        child = subprocess.run([sys.executable, __file__, "--run", mode, "--file", str(path)], check=True,
                               capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        result = json.loads(child.stdout.strip().splitlines()[-1])
        results[mode] = result
        print(f"{mode:8} {result['events']:>10,} events  {result['seconds']:8.1f} s "
              f"({result['cpu_seconds']:.1f} s CPU)  {result['events'] / result['cpu_seconds']:>9,.0f} events per CPU "
              f"second  peak {result['peak_bytes'] / 1e6:6.0f} MB  ({result['records']:,} records of which "
              f"{result['errors']:,} errors, {result['people']:,} people)")
    if "monitor" in results:
        for other in ("read", "core"):
            if other in results:
                ratio = results["monitor"]["cpu_seconds"] / results[other]["cpu_seconds"]
                print(f"monitor / {other}: {ratio:.2f}x the CPU time")


if __name__ == "__main__":
    main()
