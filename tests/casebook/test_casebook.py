"""Runs every worked example in tests/casebook/<area>/<topic>.yaml: the facts, the date, and what the law gives."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import answer, load_casebook

EXAMPLES = load_casebook()


def _subset(expected: Any, actual: Any, path: str = "value") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected a mapping, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} is missing from {sorted(actual)}"
            _subset(value, actual[key], f"{path}.{key}")
    else:
        assert actual == expected, f"{path}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['file']}:{e['name'][:60]}" for e in EXAMPLES])
def test_worked_example(example: dict[str, Any]) -> None:
    decision = answer(example)
    expect = example["expect"]
    assert decision.outcome.value == expect["outcome"], decision.model_dump_json(indent=1)
    _subset(expect.get("value", {}), decision.value)
    for name, day in expect.get("dates", {}).items():
        assert decision.dates.get(name) == day, f"dates.{name}: expected {day}, got {decision.dates.get(name)}"
    fired = [r.rule_id for r in decision.reasons]
    for rule in expect.get("fired", []):
        assert rule in fired, f"rule {rule} did not fire; fired: {fired}"
    if "missing" in expect:
        assert sorted(m.fact for m in decision.missing) == sorted(expect["missing"])
    codes = [w.code for w in decision.warnings]
    for code in expect.get("warnings", []):
        assert code in codes, f"warning {code} not raised; warnings: {codes}"
    decision.model_dump_json()  # every decision serialises
