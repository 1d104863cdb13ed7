"""Assembling a decision from group results: reasons in order, missing facts, warnings, outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..decision import (
    SCHEMA_VERSION,
    Citation,
    Decision,
    Missing,
    Outcome,
    Reason,
    Status,
    Undecidable,
    UndecidableKind,
    Warning,
    make_reason,
    trusted,
)
from .book import RuleBook
from .evaluator import GroupResult


@dataclass
class DecisionBuilder:
    """Collects the pieces of one decision while a question is being answered."""

    question: str
    as_of: date
    book: RuleBook
    warnings: dict[str, Warning] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    undecidable: list[Undecidable] = field(default_factory=list)

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

    def add_undecidable(self, kind: UndecidableKind, detail: str, about: str | None = None) -> None:
        """Record why no fact would decide the answer (kept only if the answer is undetermined)."""
        entry = Undecidable(kind=kind, detail=detail, about=about)
        if entry not in self.undecidable:
            self.undecidable.append(entry)

    def explain(
        self,
        rule_id: str,
        title: str,
        citation: Citation,
        status: Status,
        template: str,
        facts: dict[str, Any],
        subject: str | None = None,
    ) -> None:
        """Add a reason that the question's own machinery produced (e.g. a date computation)."""
        self.reasons.append(make_reason(rule_id, title, citation, status, template, facts, subject))

    def build(self, outcome: Outcome, value: dict[str, Any], dates: dict[str, date]) -> Decision:
        return trusted(Decision, {
            "schema_version": SCHEMA_VERSION,
            "question": self.question,
            "as_of": self.as_of,
            "outcome": outcome,
            "value": value,
            "dates": dates,
            "reasons": self.reasons,
            "missing": self.missing if outcome is Outcome.UNDETERMINED else [],
            "undecidable": self.undecidable if outcome is Outcome.UNDETERMINED else [],
            "warnings": list(self.warnings.values()),
            "ruleset_version": self.book.version,
        })
