"""Decisions are reproducible: the same case and date give byte-identical JSON in any process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE = """
risk: {}
disposals:
  - {id: a, trigger: conviction, relevant_date: 2023-02-10, court: england_wales,
     offence: {schedule3: false, schedule15: not_listed, murder: false, s327_4a: false},
     sentence: {kind: imprisonment, term: {years: 4}}}
"""


def test_json_is_the_same_whatever_the_hash_seed() -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "mappa_rules.cli", "explain", "category", "-", "--as-of", "2026-11-21",
             "--format", "json"],
            input=CASE, capture_output=True, text=True, env=env, cwd=ROOT, check=False,
        )
        assert proc.returncode == 3, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1
