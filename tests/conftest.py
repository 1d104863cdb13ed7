"""Shared fixtures: the bundled rule book and the worked examples of the casebook."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from mappa_rules import Case, Decision, default_rulebook
from mappa_rules.engine import RuleBook
from mappa_rules.questions import QUESTIONS

CASEBOOK = Path(__file__).parent / "casebook"

settings.register_profile("default", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
"""No per-example deadline: Hypothesis's default (200 ms of wall-clock time per example) is a timed unit test, and
on this shared 2-core machine an example is sometimes descheduled for longer (the first example of a test run on
its own also pays for loading the rule book). Hypothesis then replays the example, sees it pass in a millisecond
and reports the test as flaky ("Unreliable test timings"), which is how
``test_under_18_never_longer_than_adult`` failed once in three full runs. Speed is measured by the benchmarks in
``bench/``, never in tests."""


def load_casebook() -> list[dict[str, Any]]:
    examples: list[dict[str, Any]] = []
    for path in sorted(CASEBOOK.rglob("*.yaml")):
        for example in yaml.safe_load(path.read_text(encoding="utf-8")):
            example["file"] = path.relative_to(CASEBOOK).as_posix()
            examples.append(example)
    return examples


def answer(example: dict[str, Any]) -> Decision:
    case = Case.model_validate(example.get("case") or {})
    as_of = example["as_of"]
    assert isinstance(as_of, date)
    return QUESTIONS[example["question"]](case, as_of, None)


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return default_rulebook()
