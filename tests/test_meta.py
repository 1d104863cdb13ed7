"""Meta-tests that enforce the project's conventions on the rulesets and the tests themselves."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from mappa_rules.decision import Status
from mappa_rules.engine import RuleBook
from tests.conftest import answer, load_casebook

ROOT = Path(__file__).resolve().parents[1]


def test_every_rule_has_citation_in_force_dates_and_status(book: RuleBook) -> None:
    for rule in book.rules():
        assert rule.citation.instrument.strip() and rule.citation.provision.strip(), rule.id
        assert rule.citation.url and rule.citation.url.startswith("https://"), f"{rule.id}: no link to the text"
        assert rule.start is not None, rule.id
        assert isinstance(rule.status, Status), rule.id
        assert len(rule.because) > 20, rule.id


def test_every_parameter_has_citation_and_status(book: RuleBook) -> None:
    for parameter in book.parameters.values():
        assert parameter.citation.instrument.strip() and parameter.citation.provision.strip(), parameter.id
        assert isinstance(parameter.status, Status), parameter.id
        assert parameter.starts, parameter.id


@pytest.fixture(scope="module")
def firings() -> dict[str, set[str]]:
    """For each rule id, the casebook examples in which it fired."""
    fired: dict[str, set[str]] = defaultdict(set)
    for example in load_casebook():
        for reason in answer(example).reasons:
            fired[reason.rule_id].add(example["name"])
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


def test_every_law_test_states_its_proposition_and_citation() -> None:
    for path in sorted((ROOT / "tests" / "law").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path.name}: module docstring (the provision) missing"
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                doc = ast.get_docstring(node) or ""
                assert doc.strip(), f"{path.name}::{node.name}: no docstring stating the legal proposition"
                assert "Citation:" in doc, f"{path.name}::{node.name}: docstring has no 'Citation:' line"


LEGAL_PERIOD_INLINE = re.compile(r"\b(relativedelta|timedelta|Length)\((years|months|days)=(2|3|5|7|8|10|12|15|30)\b")


def test_no_legal_period_is_written_inline_in_python() -> None:
    hits = []
    for path in sorted((ROOT / "mappa_rules").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if LEGAL_PERIOD_INLINE.search(line) and not line.lstrip().startswith("#"):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not hits, "legal periods belong in rulesets/:\n" + "\n".join(hits)
