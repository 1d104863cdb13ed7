"""Benchmark: cases per second for "MAPPA category + notification period", including input validation.

Compares, in the same run, the library (JSON text -> validated Case -> two reasoned Decisions, explanations not
rendered) with a plain hand-written Python function answering the same two questions from the parsed JSON (the
practical speed limit), on one core. Also times the CLI's cold start. Prints numbers; asserts nothing.

    python bench/bench_assess.py [--cases 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from mappa_rules import Case, assess

AS_OF = date(2026, 11, 21)
ROOT = Path(__file__).resolve().parents[1]


def synthetic_cases(n: int, seed: int = 7) -> list[str]:
    """Varied, realistic cases as JSON text: sentences, ages, schedules, a quarter with the date of birth unknown."""
    rng = random.Random(seed)
    sentences = [
        lambda: {"kind": "imprisonment", "term": {"months": rng.randint(1, 60)}},
        lambda: {"kind": "caution"},
        lambda: {"kind": "community_order"},
        lambda: {"kind": "fine"},
        lambda: {"kind": "hospital_order", "restriction_order": rng.random() < 0.5},
        lambda: {"kind": "conditional_discharge", "period": {"months": rng.randint(6, 36)}},
        lambda: {"kind": "life"},
        lambda: {"kind": "detention_and_training_order", "term": {"months": rng.choice([4, 6, 8, 12, 18, 24])}},
    ]
    out = []
    for i in range(n):
        relevant = date(rng.randint(2005, 2026), rng.randint(1, 12), rng.randint(1, 28))
        born = None if rng.random() < 0.25 else date(relevant.year - rng.randint(12, 70), rng.randint(1, 12), 1)
        sentence = rng.choice(sentences)()
        trigger = "caution" if sentence["kind"] == "caution" else "conviction"
        case = {
            "case_id": f"c{i}",
            "person": {"date_of_birth": born.isoformat() if born else None},
            "risk": {"may_cause_serious_harm": rng.random() < 0.3, "needs_multi_agency_management": rng.random() < 0.3},
            "disposals": [{
                "id": "d1", "trigger": trigger, "relevant_date": relevant.isoformat(),
                "sentence_date": relevant.isoformat(), "court": "england_wales",
                "offence": {"schedule3": rng.random() < 0.7, "schedule3_sentencing_condition": False,
                            "schedule15": rng.choice(["part_1", "part_2", "not_listed"]),
                            "murder": False, "s327_4a": False},
                "sentence": sentence,
                "supervision_end": date(relevant.year + 3, relevant.month, relevant.day).isoformat(),
            }],
        }
        out.append(json.dumps(case))
    return out


def run_library(cases: list[str]) -> int:
    decided = 0
    for text in cases:
        answers = assess(Case.model_validate_json(text), AS_OF)
        decided += sum(d.decided for d in answers.values())
    return decided


def _months(sentence: dict[str, Any]) -> float:
    kind = sentence["kind"]
    if kind == "imprisonment":
        t = sentence["term"]
        return t.get("years", 0) * 12 + t.get("months", 0)
    if kind == "detention_and_training_order":
        return (sentence["term"].get("years", 0) * 12 + sentence["term"].get("months", 0)) / 2
    return 0


def plain_python(text: str) -> tuple[Any, Any]:
    """The same two questions, hand-written: no reasons, no missing-fact tracking, no warnings."""
    case = json.loads(text)
    d = case["disposals"][0]
    s = d["sentence"]
    kind = s["kind"]
    relevant = date.fromisoformat(d["relevant_date"])
    born = case["person"]["date_of_birth"]
    period: Any = None
    if d["offence"]["schedule3"] and kind != "absolute_discharge":
        months = _months(s)
        if kind in ("life", "ipp") or months >= 30 or (kind == "hospital_order" and s["restriction_order"]):
            period = "indefinite"
        else:
            if kind == "conditional_discharge":
                period = s["period"]["months"]
            else:
                years = 10 if months > 6 else 7 if months > 0 else 2 if kind == "caution" else 5
                if kind == "hospital_order":
                    years = 7
                if born is None:
                    period = "undetermined"
                else:
                    b = date.fromisoformat(born)
                    age = relevant.year - b.year - ((relevant.month, relevant.day) < (b.month, b.day))
                    period = years * 12 // (2 if age < 18 else 1)
    subject = period == "indefinite" or (isinstance(period, int) and relevant.year * 12 + relevant.month + period
                                         > AS_OF.year * 12 + AS_OF.month)
    cat2 = (d["offence"]["schedule15"] in ("part_1", "part_2") and (_months(s) >= 12 or kind == "life")
            and date.fromisoformat(d["supervision_end"]) >= AS_OF)
    risk = case["risk"]
    category = 1 if subject else 2 if cat2 else 3 if risk["may_cause_serious_harm"] and risk[
        "needs_multi_agency_management"] else None
    return period, category


def run_plain(cases: list[str]) -> int:
    return sum(1 for text in cases if plain_python(text)[1] is not None)


def rate(fn: Any, cases: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(cases)
        times.append(time.perf_counter() - start)
    return len(cases) / min(times)


def cold_start(runs: int = 7) -> float:
    cmd = [sys.executable, "-m", "mappa_rules.cli", "explain", "notification-period",
           str(ROOT / "examples" / "adult-12-months.yaml"), "--as-of", "2026-11-21"]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cases = synthetic_cases(args.cases)
    run_library(cases[:200])  # load the rule book and warm up
    library = rate(run_library, cases, args.repeat)
    plain = rate(run_plain, cases, args.repeat)
    print(f"cases: {len(cases)} (best of {args.repeat}, one core)")
    print(f"library  (validate + category + notification period): {library:,.0f} cases/s")
    print(f"plain Python function (same questions, no reasons):    {plain:,.0f} cases/s")
    print(f"ratio plain/library: {plain / library:.1f}x")
    print(f"CLI cold start (median of 7): {cold_start():.3f} s")


if __name__ == "__main__":
    main()
