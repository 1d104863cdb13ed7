"""The long fuzz profile: many generated cases through every question, with the figures the invariants call for.

    python -m tests.fuzz.long --cases 100000 [--seed 2026] [--show 3]

Cases come from the same tables as the Hypothesis strategies (``tests/fuzz/strategies.py``), drawn with a seeded
PRNG: Hypothesis's own engine costs about 15-25 ms a case here, more than the questions themselves. For each case:
every question and ``assess`` (crashes, undetermined without a reason), one optional fact left out (monotonicity),
and for one case in 20 the same case again (byte-identical JSON). Prints the counts, the slowest case's CPU time
against the median (the slowest cases are re-timed three times, the least kept, so that a pause of the machine is
not taken for the library), and the first failing inputs as JSON. Exit status 1 if any invariant failed or the
slowest case took more than 100 times the median.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
from collections import Counter
from typing import Any

from mappa_rules import Case
from tests.fuzz.checks import Finding, answer_all, check_deterministic, check_monotone, optional_facts
from tests.fuzz.strategies import random_case_data

RATIO_LIMIT = 100.0


def run(cases: int, seed: int, show: int) -> int:
    rng = random.Random(seed)
    findings: list[Finding] = []
    timings: list[tuple[float, int]] = []
    kept: dict[int, tuple[dict[str, Any], Any]] = {}
    undetermined: Counter[str] = Counter()
    undecidable: Counter[str] = Counter()
    monotone_checks = 0
    started = time.time()
    for number in range(cases):
        data, as_of = random_case_data(rng)
        case = Case.model_validate(data)
        result = answer_all(case, data, as_of)
        findings.extend(result.findings)
        timings.append((result.seconds, number))
        kept[number] = (data, as_of)
        if len(kept) > 200:
            slow = {n for _, n in sorted(timings, reverse=True)[:50]}
            kept = {n: v for n, v in kept.items() if n in slow or n == number}
        for name, decision in result.decisions.items():
            if not decision.decided:
                undetermined[name] += 1
                for entry in decision.undecidable:
                    undecidable[entry.kind] += 1
        facts = list(optional_facts(Case, data))
        if facts:
            monotone_checks += 1
            findings.extend(check_monotone(data, as_of, result, rng.choice(facts)))
        if number % 20 == 0:
            findings.extend(check_deterministic(case, data, as_of, result))
        if number and number % 10000 == 0:
            print(f"  {number} cases, {len(findings)} findings, {time.time() - started:.0f} s", file=sys.stderr)
    ratio, slowest, median = _ratio(timings, kept)
    counts = Counter(f.kind for f in findings)
    print(f"cases: {cases} (seed {seed}), decisions: {cases * 11}, wall time {time.time() - started:.0f} s")
    print(f"crashes: {counts['crash']}")
    print(f"undetermined without a reason: {counts['no_reason']}")
    print(f"monotonicity violations: {counts['not_monotone']} (of {monotone_checks} cases with one fact left out)")
    print(f"non-deterministic JSON: {counts['not_deterministic']}; assess differing: {counts['assess_differs']}")
    print(f"slowest case / median case (CPU, all questions + assess): {slowest * 1000:.1f} ms / "
          f"{median * 1000:.2f} ms = {ratio:.0f}x (limit {RATIO_LIMIT:.0f}x)")
    print(f"undetermined decisions by question: {dict(sorted(undetermined.items()))}")
    print(f"undecidable reasons by kind: {dict(sorted(undecidable.items()))}")
    shown: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        key = (finding.kind, finding.question)
        shown[key] += 1
        if shown[key] <= show:
            print(f"\n{finding.kind} in {finding.question}: {finding.detail}\n  as_of {finding.as_of}: "
                  f"{json.dumps(finding.data, sort_keys=True)}")
    return 1 if findings or ratio > RATIO_LIMIT else 0


def _ratio(timings: list[tuple[float, int]], kept: dict[int, tuple[dict[str, Any], Any]]) -> tuple[float, float, float]:
    """The slowest case's CPU time over the median's: the ten slowest re-timed three times, the least kept."""
    median = statistics.median(t for t, _ in timings)
    retimed = []
    for _, number in sorted(timings, reverse=True)[:10]:
        data, as_of = kept[number]
        case = Case.model_validate(data)
        best = float("inf")
        for _ in range(3):
            gc.collect()
            best = min(best, answer_all(case, data, as_of).seconds)
        retimed.append(best)
    slowest = max(retimed)
    return slowest / median, slowest, median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--show", type=int, default=3, help="failing inputs printed per kind and question")
    args = parser.parse_args(argv)
    return run(args.cases, args.seed, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
