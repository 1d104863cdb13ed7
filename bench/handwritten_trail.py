"""The hand-written contender's answer and trail (rule ids with their subject, missing-fact paths, warning codes),
and its first-match over three-valued conditions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Tri = bool | None


@dataclass(slots=True)
class Trail:
    reasons: list[tuple[str, str | None]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    warnings: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Answer:
    outcome: str
    value: dict[str, Any]
    dates: dict[str, date]
    trail: Trail


def first(rules: list[tuple[Tri, Any, str]]) -> tuple[Any, str | None, bool]:
    """First-match over (truth, outcome, rule id): an unknown earlier rule with another outcome leaves it open."""
    blocked: list[Any] = []
    for truth, then, rule in rules:
        if truth is None:
            blocked.append(then)
        elif truth:
            if any(b != then for b in blocked):
                return None, None, False
            return then, rule, True
    return None, None, not blocked
