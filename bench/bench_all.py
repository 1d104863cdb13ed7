"""The benchmark of issue 12: every figure as a ratio of contenders measured side by side, in one run.

    python bench/bench_all.py            # a few minutes on a 2-core machine
    python bench/bench_all.py --quick    # seconds: every figure once, on a few cases (the smoke test runs this)
    python bench/bench_all.py --full     # more cases and rounds, batch at 10k and 100k lines; --huge adds 1M

The cases are the varied mix of ``bench/mix.py`` (its docstring gives the proportions; the run prints those
drawn). Only the public API is used: ``Case``, ``assess``, ``mappa_category``, ``QUESTIONS`` and the
``mappa-rules`` command. Method (``bench/measure.py``): in-process figures pin the process to one core and
interleave the contenders slice by slice, measuring CPU time, median over rounds; commands alternate, median
over runs. The machine's load average is printed at the start and the end: read the figures with it.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: the venv's library wins

from bench import handwritten, mix
from bench.agreement import compare
from bench.measure import alternate, interleaved, median, pin_one_core, unpin
from mappa_rules import QUESTIONS, Case, assess, mappa_category
from mappa_rules.limits import MAX_ITEMS

AS_OF = mix.AS_OF
ALL_QUESTIONS = tuple(QUESTIONS)
LARGEST = MAX_ITEMS["disposals"]
"""The most disposals a case may list (:mod:`mappa_rules.limits`): the largest case measured."""
SIZES = (1, 10, 30, LARGEST)
FLOOR = ("import yaml\nfrom pydantic import BaseModel\nclass Small(BaseModel):\n    name: str\n    day: int\n"
         "Small.model_validate({'name': 'x', 'day': 1})\n")
failed: set[int] = set()


def full_assessment(texts: Sequence[str]) -> None:
    """JSON text in, all ten questions answered, every decision serialised; an internal error is counted."""
    for text in texts:
        case = Case.model_validate_json(text)
        try:
            for decision in assess(case, AS_OF, ALL_QUESTIONS).values():
                decision.model_dump_json()
        except Exception:
            failed.add(id(text))


def show(label: str, figure: Any, names: tuple[str, str], target: str, before: str, unit: str = "case") -> None:
    a, b = names
    print(f"{label}\n    {a}: {figure.per_item_us[a]:,.1f} µs/{unit}   {b}: {figure.per_item_us[b]:,.1f} µs/{unit}"
          f"   ratio {figure.ratio:.2f}x (rounds {figure.spread()})   target {target}   issue 12 before: {before}")


def figure_a(texts: list[str], cases: list[Case], rounds: int) -> None:
    fig = interleaved({
        "library": lambda chunk: [assess(Case.model_validate_json(t), AS_OF) for t in chunk],
        "hand-written": lambda chunk: [handwritten.assess(Case.model_validate_json(t), AS_OF) for t in chunk],
    }, texts, 50, rounds, baseline="hand-written")
    show("(a) category + notification period, JSON text in, validated model, both questions:", fig,
         ("library", "hand-written"), "<= 3x", "16.8x")
    rules = interleaved({
        "library rules": lambda chunk: [assess(c, AS_OF) for c in chunk],
        "hand-written logic": lambda chunk: [handwritten.assess(c, AS_OF) for c in chunk],
    }, cases, 50, rounds, baseline="hand-written logic")
    show("(a') the same, rules alone (models validated beforehand):", rules, ("library rules", "hand-written logic"),
         "(none)", "55x")
    agree, by_key, _ = compare(cases, AS_OF)
    print(f"    hand-written agrees with the library on {agree}/{len(cases)} cases (outcome, subject, status on the "
          f"date, indefinite, controlling disposal, relevant date, last day, category){by_key or ''}")


def figure_b(texts: list[str], rounds: int) -> None:
    failed.clear()
    fig = interleaved({
        "full assessment": full_assessment,
        "parse + validate": lambda chunk: [Case.model_validate_json(t) for t in chunk],
    }, texts, 25, rounds, baseline="parse + validate")
    show("(b) full assessment (JSON in, all ten questions, decisions serialised) against parse + validate alone:", fig,
         ("full assessment", "parse + validate"), "<= 5x", "about 27x (2,950 µs against 110 µs)")
    if failed:
        print(f"    note: {len(failed)} of {len(texts)} cases raise an internal error in the library "
              "(counted, not dropped; see the report)")


def figure_c(cases: list[Case], rounds: int) -> None:
    from bench import durable_contender

    if not durable_contender.available():
        print("(c) categorisation against durable_rules: skipped, durable_rules is not installed "
              "(pip install -e '.[monitor]')")
        return
    fig = interleaved({
        "durable_rules": lambda chunk: [durable_contender.categorise(c, AS_OF) for c in chunk],
        "library": lambda chunk: [mappa_category(c, AS_OF) for c in chunk],
    }, cases, 50, rounds, baseline="library")
    show("(c) MAPPA categorisation, durable_rules 2.0.28 (adapter included) against the library "
         "(ratio = how many times faster the library is):", fig, ("durable_rules", "library"), ">= 5x", "0.3x")
    same = 0
    for case in cases:
        decision = mappa_category(case, AS_OF)
        ours = "undetermined" if decision.outcome.value == "undetermined" else decision.value.get("category")
        same += ours == durable_contender.categorise(case, AS_OF)
    print(f"    durable_rules gives the library's category on {same}/{len(cases)} cases")


def figure_d(counts: dict[int, int], rounds: int) -> None:
    """Cost per disposal of the full assessment for cases of 1, 10, 30 and 100 disposals (sizes interleaved; 100 is
    the most a case may list, so issue 12's 300-disposal cases are no longer valid input).

    ``counts``: how many cases of each size. The cost of a large case depends much on its content (related terms,
    missing facts), so several are taken."""
    batches = {n: mix.as_json(mix.generate(counts[n], seed=300 + n, disposals=n)) for n in SIZES}
    spent: dict[int, list[float]] = {n: [] for n in SIZES}
    narrow: dict[int, list[float]] = {n: [] for n in SIZES}
    for r in range(rounds):
        for n in SIZES if r % 2 == 0 else SIZES[::-1]:
            texts = batches[n]
            start = time.process_time_ns()
            full_assessment(texts)
            spent[n].append((time.process_time_ns() - start) / 1000 / (n * len(texts)))
            start = time.process_time_ns()
            for text in texts:
                assess(Case.model_validate_json(text), AS_OF)
            narrow[n].append((time.process_time_ns() - start) / 1000 / (n * len(texts)))
    def growth(costs: dict[int, list[float]], small: int) -> float:
        return median([costs[LARGEST][i] / costs[small][i] for i in range(rounds)])

    top = f"{LARGEST}/"
    print("(d) cost per disposal, full assessment (JSON in, ten decisions out), cases of "
          f"{' / '.join(str(n) for n in SIZES)} disposals ({' / '.join(str(counts[n]) for n in SIZES)} cases):\n    "
          + "   ".join(f"{n}: {median(spent[n]):,.0f} µs" for n in SIZES)
          + f"   ratio {top}1 {growth(spent, 1):.2f}x ({top}10 {growth(spent, 10):.2f}x)   target <= 1.5x   "
          "issue 12 before: grows 5x (1.5 s at 300)")
    print("    category + notification period alone: " + "   ".join(f"{n}: {median(narrow[n]):,.0f} µs" for n in SIZES)
          + f"   ratio {top}1 {growth(narrow, 1):.2f}x ({top}10 {growth(narrow, 10):.2f}x)")


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("mappa-rules")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mappa_rules.cli"]


def figure_e(runs: int, workdir: Path) -> None:
    example = mix.ROOT / "examples" / "adult-12-months.yaml"
    if not example.exists():
        example = workdir / "case.json"
        example.write_text(mix.as_json(mix.generate(1, seed=1))[0], encoding="utf-8")
    results = alternate({
        "explain": [*_cli(), "explain", "notification-period", str(example), "--as-of", AS_OF.isoformat()],
        "floor": [sys.executable, "-c", FLOOR],
    }, runs)
    wall = {n: median([r.wall_s for r in rs]) for n, rs in results.items()}
    cpu = {n: median([r.cpu_s for r in rs]) for n, rs in results.items()}
    bad = [r.returncode for r in results["explain"] if r.returncode not in (0, 3)]
    print(f"(e) `mappa-rules explain` cold start against the floor (import yaml, pydantic; build one model), "
          f"median of {runs}:\n    explain: {wall['explain']:.3f} s wall, {cpu['explain']:.3f} s CPU   floor: "
          f"{wall['floor']:.3f} s wall, {cpu['floor']:.3f} s CPU   ratio {wall['explain'] / wall['floor']:.2f}x wall, "
          f"{cpu['explain'] / cpu['floor']:.2f}x CPU   target <= 1.3x   issue 12 before: 2.4x (0.69 s)"
          + (f"   FAILED runs: {bad}" if bad else ""))


def _jobs_supported() -> bool:
    """Whether ``mappa-rules batch`` has a ``--jobs`` option (read from its help)."""
    done = subprocess.run([*_cli(), "batch", "--help"], capture_output=True, text=True, check=False)
    return done.returncode == 0 and "--jobs" in done.stdout


def figure_f(sizes: Sequence[int], runs: int, workdir: Path) -> None:
    """``mappa-rules batch category`` throughput with --jobs 1 and 2, and the peak memory by input size."""
    unpin()  # --jobs 2 needs both cores
    jobs2 = _jobs_supported()
    print(f"(f) `mappa-rules batch category` on the mix (question: category), both cores allowed; "
          f"--jobs {'supported' if jobs2 else 'not supported today: --jobs 2 is n/a, --jobs 1 is the plain batch'}:")
    for lines in sizes:
        path = workdir / f"cases-{lines}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for line in mix.iter_lines(lines, seed=7):
                out.write(line + "\n")
        base = [*_cli(), "batch", "category", str(path), "--as-of", AS_OF.isoformat()]
        commands = {"--jobs 1": [*base, "--jobs", "1"] if jobs2 else base}
        if jobs2:
            commands["--jobs 2"] = [*base, "--jobs", "2"]
        results = alternate(commands, runs if lines <= 20000 else 1)
        parts = []
        for name, rs in results.items():
            wall = median([r.wall_s for r in rs])
            parts.append(f"{name}: {lines / wall:,.0f} lines/s, peak {max(r.peak_rss_mib for r in rs):,.0f} MiB"
                         + (f" (exit {rs[0].returncode})" if rs[0].returncode not in (0, 2) else ""))
        speedup = (f"   --jobs 2 / --jobs 1: {median([r.wall_s for r in results['--jobs 1']]) / median([r.wall_s for r in results['--jobs 2']]):.2f}x"  # noqa: E501
                   if jobs2 else "   --jobs 2: n/a")
        print(f"    {lines:,} lines: " + "   ".join(parts) + speedup + "   target >= 1.7x, peak memory flat")
        path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few cases, one round: checks that it all runs")
    parser.add_argument("--full", action="store_true", help="more cases and rounds; batch at 10k and 100k lines")
    parser.add_argument("--huge", action="store_true", help="also batch at 1M lines (about 700 MB of input)")
    parser.add_argument("--cpu", type=int, default=None, help="the core to pin to (default: the last one)")
    args = parser.parse_args(argv)
    n, rounds, full_n, runs, lines = 2000, 7, 800, 10, [10_000, 100_000]
    counts = {1: 600, 10: 60, 30: 20, LARGEST: 8}
    if args.quick:
        n, rounds, full_n, runs, lines = 120, 1, 40, 2, [500]
        counts = {1: 60, 10: 6, 30: 2, LARGEST: 2}
    elif args.full:
        n, rounds, full_n, runs, lines = 5000, 9, 2000, 15, [10_000, 100_000]
        counts = {1: 1200, 10: 120, 30: 40, LARGEST: 16}
    if args.huge:
        lines.append(1_000_000)
    print(f"mappa-rules benchmark (issue 12): Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    raw = mix.generate(n)
    texts = mix.as_json(raw)
    cases = [Case.model_validate(c) for c in raw]
    print(f"mix (seed 2026): {mix.describe(raw)}")
    assess(cases[0], AS_OF, ALL_QUESTIONS)  # load the rule book once, outside the timings
    gc.freeze()
    core = pin_one_core(args.cpu)
    print(f"in-process figures pinned to CPU {core}; CPU time; contenders interleaved; medians of {rounds} round(s)\n")
    figure_a(texts, cases, rounds)
    figure_b(texts[:full_n], max(1, rounds - 2))
    figure_c(cases, rounds)
    figure_d(counts, 1 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="mappa-bench-") as tmp:
        figure_e(runs, Path(tmp))
        figure_f(lines, 3 if not args.quick else 1, Path(tmp))
    print(f"\nload average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
