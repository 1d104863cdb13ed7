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
    elif isinstance(expected, list) and expected and isinstance(expected[0], dict):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{path}: expected {len(expected)} items"
        for i, (item, found) in enumerate(zip(expected, actual, strict=True)):
            _subset(item, found, f"{path}[{i}]")
    else:
        assert actual == expected, f"{path}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['file']}:{e['name'][:60]}" for e in EXAMPLES])
def test_worked_example(example: dict[str, Any]) -> None:
    decision = answer(example)
    expect = example["expect"]
    assert decision.outcome.value == expect["outcome"], decision.model_dump_json(indent=1)
    _subset(expect.get("value", {}), decision.value.model_dump())
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
    messages = {w.code: w.message for w in decision.warnings}
    for code, words in expect.get("warning_says", {}).items():
        assert words in messages.get(code, ""), f"warning {code} does not say {words!r}: {messages.get(code)!r}"
    relied = [r.id for r in decision.relied_on]
    for ident in expect.get("relied_on", []):
        assert ident in relied and ident not in codes, (
            f"{ident} should be relied on without a warning; relied on: {relied}; warnings: {codes}")
    decision.model_dump_json()  # every decision serialises
