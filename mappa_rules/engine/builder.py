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
    Undecidable,
    UndecidableKind,
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


UNRESOLVED = "unresolved"
"""The output value by which a rule says the library does not decide the point (an open question of law, or a
provision not encoded): an answer that depends on it is undetermined, and says why."""


@dataclass
class DecisionBuilder:
    """Collects the pieces of one decision while a question is being answered."""

    question: str
    as_of: date
    book: RuleBook
    warnings: Ledger = field(default_factory=Ledger)
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    undecidable: list[Undecidable] = field(default_factory=list)
    silent: list[GroupResult] = field(default_factory=list)
    """Groups in which no rule applied: the explanation of last resort for an undetermined answer."""
    _missing_facts: set[str] = field(default_factory=set, init=False, repr=False)

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

    def explain(self, reason: Reason) -> None:
        """Add a reason that the question's own machinery produced (a date it worked out, say), made with
        :func:`mappa_rules.decision.make_reason`."""
        self.reasons.append(reason)

    def _unresolved(self, rule_id: str, explanation: str) -> None:
        """A rule that gives ``unresolved``: the ruleset declines to decide (the law is unsettled, or the provision
        is not encoded, as the rule's id says)."""
        kind: UndecidableKind = "not_encoded" if rule_id.endswith("not_encoded") else "open_question"
        self.add_undecidable(kind, explanation, rule_id)

    def adopt(self, decision: Decision[Any]) -> None:
        """Take over what left another decision undetermined: its missing facts and why none would decide it."""
        for missing in decision.missing:
            self.add_missing(missing.fact, missing.needed_for)
        for entry in decision.undecidable:
            if entry not in self.undecidable:
                self.undecidable.append(entry)

    def build(self, outcome: Outcome, value: A, dates: dict[str, date]) -> Decision[A]:
        """The decision, with the reasons and warnings gathered (and, if it is undetermined, the missing facts and
        why no fact would decide it)."""
        if outcome is Outcome.UNDETERMINED and not self.missing and not self.undecidable:
            self._explain_silence()
        return trusted(_decision_type(type(value)), {
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
            "relied_on": self.warnings.reliances(),
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
