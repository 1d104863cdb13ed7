"""Shared fixtures: the bundled rule book and the worked examples of the casebook."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from mappa_rules import Case, Decision, default_rulebook
from mappa_rules.engine import RuleBook
from mappa_rules.questions import QUESTIONS

CASEBOOK = Path(__file__).parent / "casebook"


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
