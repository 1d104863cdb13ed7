"""The worked examples: every rule fires in one and is passed over in another of the same group."""

from __future__ import annotations

from collections import defaultdict

import pytest

from mappa_rules.engine import RuleBook
from tests.conftest import answer, load_casebook


@pytest.fixture(scope="module")
def firings() -> dict[str, set[str]]:
    """For each rule id, the casebook examples in which it fired."""
    fired: dict[str, set[str]] = defaultdict(set)
    for example in load_casebook():
        for reason in answer(example).reasons:
            fired[reason.rule_id].add(f"{example['file']}: {example['name']}")
    return fired


def test_every_rule_has_a_positive_and_a_negative_worked_example(
    book: RuleBook, firings: dict[str, set[str]]
) -> None:
    """Each rule fires in at least one worked example, and in another example of the same question a different
    rule of its group decides instead (the negative example)."""
    problems = []
    for group in book.groups.values():
        for rule in group.rules:
            positive = firings.get(rule.id, set())
            negative = set().union(*(firings.get(r.id, set()) for r in group.rules if r.id != rule.id)) - positive
            if not positive:
                problems.append(f"{rule.id}: fires in no worked example")
            if not negative:
                problems.append(f"{rule.id}: no worked example where another rule of {group.id} decides")
    assert not problems, "\n".join(problems)
