"""The long fuzz profile: many generated cases through every question, with the figures the invariants call for.

    python -m tests.fuzz.long --cases 100000 [--seed 2026] [--jobs 2] [--show 3]

Cases come from the same tables as the Hypothesis strategies (``tests/fuzz/strategies.py``), drawn with a seeded
PRNG: Hypothesis's own engine costs about 15-25 ms a case here, more than the questions themselves. For each case:
every question and ``assess`` (crashes, undetermined without a reason), one optional fact left out (monotonicity),
and for one case in 20 the same case again (byte-identical JSON); one case in 50 (besides the strategies' own
share) is large, with lists up to the limits. Prints the counts, the slowest case's CPU time against the median
(the slowest cases are re-timed three times, the least kept, so that a pause of the machine is not taken for the
library), and the first failing inputs as JSON. Exit status 1 if any invariant failed or the slowest case took
more than 100 times the median. With ``--jobs N`` the cases are shared among N processes (case i goes to process
i mod N, each with its own PRNG seeded from the seed and its number).
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
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import Pool
from typing import Any

from mappa_rules import Case
from tests.fuzz.checks import Finding, answer_all, check_deterministic, check_monotone, optional_facts
from tests.fuzz.strategies import random_case_data

RATIO_LIMIT = 100.0
BIG_EVERY = 50
KEEP_SLOWEST = 20


@dataclass
class Tally:
    """What one process found."""

    cases: int = 0
    findings: list[Finding] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    slowest: list[tuple[float, dict[str, Any], date]] = field(default_factory=list)
    undetermined: Counter[str] = field(default_factory=Counter)
    undecidable: Counter[str] = field(default_factory=Counter)
    monotone_checks: int = 0


def work(job: tuple[int, int, int, int]) -> Tally:
    """Cases ``worker``, ``worker + jobs``, ... of ``cases``, from a PRNG seeded with (seed, worker)."""
    cases, seed, jobs, worker = job
    rng = random.Random(seed * 1000 + worker)
    tally = Tally()
    for number in range(worker, cases, jobs):
        data, as_of = random_case_data(rng, big=True if number % BIG_EVERY == 0 else None)
        case = Case.model_validate(data)
        result = answer_all(case, data, as_of)
        tally.cases += 1
        tally.findings.extend(result.findings)
        tally.seconds.append(result.seconds)
        tally.slowest.append((result.seconds, data, as_of))
        if len(tally.slowest) > 4 * KEEP_SLOWEST:
            tally.slowest = sorted(tally.slowest, key=lambda t: t[0], reverse=True)[:KEEP_SLOWEST]
        for name, decision in result.decisions.items():
            if not decision.decided:
                tally.undetermined[name] += 1
                tally.undecidable.update(entry.kind for entry in decision.undecidable)
        facts = list(optional_facts(Case, data))
        if facts:
            tally.monotone_checks += 1
            tally.findings.extend(check_monotone(data, as_of, result, rng.choice(facts)))
        if number % 20 == 0:
            tally.findings.extend(check_deterministic(case, data, as_of, result))
        if worker == 0 and number and number % 10000 < jobs:
            print(f"  {number} cases, {len(tally.findings)} findings in process 0", file=sys.stderr)
    tally.slowest = sorted(tally.slowest, key=lambda t: t[0], reverse=True)[:KEEP_SLOWEST]
    return tally


def run(cases: int, seed: int, jobs: int, show: int) -> int:
    started = time.time()
    work_list = [(cases, seed, jobs, worker) for worker in range(jobs)]
    if jobs == 1:
        tallies = [work(work_list[0])]
    else:
        with Pool(jobs) as pool:
            tallies = pool.map(work, work_list)
    findings = [f for t in tallies for f in t.findings]
    undetermined = sum((t.undetermined for t in tallies), Counter())
    undecidable = sum((t.undecidable for t in tallies), Counter())
    ratio, slowest, median = _ratio(tallies)
    counts = Counter(f.kind for f in findings)
    print(f"cases: {sum(t.cases for t in tallies)} (seed {seed}, {jobs} process(es)), "
          f"decisions: {sum(t.cases for t in tallies) * 12}, wall time {time.time() - started:.0f} s")
    print(f"crashes: {counts['crash']}")
    print(f"undetermined without a reason: {counts['no_reason']}")
    print(f"monotonicity violations: {counts['not_monotone']} (of {sum(t.monotone_checks for t in tallies)} cases "
          "with one fact left out)")
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


def _ratio(tallies: list[Tally]) -> tuple[float, float, float]:
    """The slowest case's CPU time over the median's: the slowest re-timed three times, the least kept."""
    median = statistics.median(s for t in tallies for s in t.seconds)
    candidates = sorted((c for t in tallies for c in t.slowest), key=lambda c: c[0], reverse=True)[:KEEP_SLOWEST]
    retimed = []
    for _, data, as_of in candidates:
        case = Case.model_validate(data)
        best = float("inf")
        for _ in range(3):
            gc.collect()
            best = min(best, answer_all(case, data, as_of).seconds)
        retimed.append(best)
    slowest = max(retimed)
    return slowest / median, slowest, median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=1, help="processes sharing the cases")
    parser.add_argument("--show", type=int, default=3, help="failing inputs printed per kind and question")
    args = parser.parse_args(argv)
    return run(args.cases, args.seed, args.jobs, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
