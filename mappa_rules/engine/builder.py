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

UNRESOLVED = "unresolved"
"""The output value by which a rule says the library does not decide the point (an open question of law, or a
provision not encoded): an answer that depends on it is undetermined, and says why."""


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
    silent: list[GroupResult] = field(default_factory=list)
    _missing_facts: set[str] = field(default_factory=set, init=False, repr=False)
    """Groups in which no rule applied: the explanation of last resort for an undetermined answer."""

    def record(self, result: GroupResult, subject: str | None = None) -> bool:
        """Add the reason of a decided group, or its missing facts; True if the group was decided."""
        if result.decided:
            if result.fired is not None:
                reason = result.reason(subject)
                self.reasons.append(reason)
                if UNRESOLVED in result.fired.then.values():
                    self._unresolved(result.fired.id, reason.explanation)
            elif not any(r.group.id == result.group.id and r.as_at == result.as_at for r in self.silent):
                self.silent.append(result)
            return True
        for rule, gaps in result.blocked:
            for path in gaps:
                self.add_missing(path, rule.id)
        return False

    def add_missing(self, path: str, needed_for: str) -> None:
        if path not in self._missing_facts:
            self._missing_facts.add(path)
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

    def _unresolved(self, rule_id: str, explanation: str) -> None:
        """A rule that gives ``unresolved``: the ruleset declines to decide (the law is unsettled, or the provision
        is not encoded, as the rule's id says)."""
        kind: UndecidableKind = "not_encoded" if rule_id.endswith("not_encoded") else "open_question"
        self.add_undecidable(kind, explanation, rule_id)

    def adopt(self, decision: Decision) -> None:
        """Take over what left another decision undetermined: its missing facts and why none would decide it."""
        for missing in decision.missing:
            self.add_missing(missing.fact, missing.needed_for)
        for entry in decision.undecidable:
            if entry not in self.undecidable:
                self.undecidable.append(entry)

    def build(self, outcome: Outcome, value: dict[str, Any], dates: dict[str, date]) -> Decision:
        if outcome is Outcome.UNDETERMINED and not self.missing and not self.undecidable:
            self._explain_silence()
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

    def _explain_silence(self) -> None:
        """An undetermined answer that names no missing fact: the rule groups that gave nothing say why (no rule
        in force on the date, or none that applies to these facts)."""
        for result in self.silent:
            day = "" if result.as_at is None else f" on {result.as_at.isoformat()}"
            if result.in_force:
                self.add_undecidable("not_encoded", f"No rule of '{result.group.title}' applies to these facts{day}.",
                                     result.group.id)
            else:
                self.add_undecidable("law_not_in_force", f"No rule of '{result.group.title}' was in force{day}.",
                                     result.group.id)
