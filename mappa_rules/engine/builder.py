"""Assembling a decision from group results: reasons in order, missing facts, warnings, outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from ..decision import (
    SCHEMA_VERSION,
    Decision,
    Missing,
    Outcome,
    Reason,
    Value,
    trusted,
)
from .book import RuleBook
from .evaluator import GroupResult, Ledger

A = TypeVar("A", bound=Value)

_DECISION_TYPES: dict[type[Value], type[Decision[Any]]] = {}


def _decision_type(value: type[A]) -> type[Decision[A]]:
    """``Decision[value]``, made once per value model."""
    try:
        return _DECISION_TYPES[value]
    except KeyError:
        made = _DECISION_TYPES[value] = Decision[value]  # type: ignore[valid-type]
        return made


@dataclass
class DecisionBuilder:
    """Collects the pieces of one decision while a question is being answered."""

    question: str
    as_of: date
    book: RuleBook
    warnings: Ledger = field(default_factory=Ledger)
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)

    def record(self, result: GroupResult, subject: str | None = None) -> bool:
        """Add the reason of a decided group, or its missing facts; True if the group was decided."""
        if result.decided:
            if result.fired is not None:
                self.reasons.append(result.reason(subject))
            return True
        for rule, gaps in result.blocked:
            for path in gaps:
                self.add_missing(path, rule.id)
        return False

    def add_missing(self, path: str, needed_for: str) -> None:
        if not any(m.fact == path for m in self.missing):
            self.missing.append(Missing(fact=path, needed_for=needed_for))

    def explain(self, reason: Reason) -> None:
        """Add a reason that the question's own machinery produced (a date it worked out, say), made with
        :func:`mappa_rules.decision.make_reason`."""
        self.reasons.append(reason)

    def build(self, outcome: Outcome, value: A, dates: dict[str, date]) -> Decision[A]:
        """The decision, with the reasons and warnings gathered (and the missing facts, if it is undetermined)."""
        return trusted(_decision_type(type(value)), {
            "schema_version": SCHEMA_VERSION,
            "question": self.question,
            "as_of": self.as_of,
            "outcome": outcome,
            "value": value,
            "dates": dates,
            "reasons": self.reasons,
            "missing": self.missing if outcome is Outcome.UNDETERMINED else [],
            "warnings": list(self.warnings.values()),
            "relied_on": self.warnings.reliances(),
            "ruleset_version": self.book.version,
        })
