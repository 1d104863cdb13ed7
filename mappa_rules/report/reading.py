"""Reading the library's decisions: the one place where the report reads ``decision.value`` by key - the
category of ``mappa.category`` (CJA 2003 ss.325-327), the status on a day of ``notification.period`` (SOA 2003
ss.80-82, with the orders that bring notification) and each order of ``orders.check``.

Everything else in the report works from the small readings below. A decision's value is read by key whether it
is a mapping or a typed model with the same field names. Outcomes, key dates and missing facts are read from the
decision itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mappa_rules import Decision, Outcome


def _get(value: Any, key: str) -> Any:
    """``value[key]`` for a mapping, ``value.key`` for a typed model; None when absent."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value.get(key)
    return getattr(value, key, None)


def _items(value: Any) -> list[tuple[str, Any]]:
    """The (key, item) pairs of a mapping (or of a typed model's fields)."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [(str(k), v) for k, v in value.items()]
    fields = getattr(type(value), "model_fields", {})
    return [(name, getattr(value, name)) for name in fields]


def missing_facts(decision: Decision) -> tuple[str, ...]:
    """The facts that would settle an undetermined decision, in the decision's order."""
    return tuple(dict.fromkeys(m.fact for m in decision.missing))


def last_rule(decision: Decision) -> str | None:
    """The id of the last rule in the decision's reasons (for a category, the rule that decided it)."""
    return decision.reasons[-1].rule_id if decision.reasons else None


def key_dates(decision: Decision) -> tuple[date, ...]:
    """The decision's named key dates."""
    return tuple(decision.dates.values())


@dataclass(frozen=True)
class CategoryReading:
    """``mappa.category`` as at a date: ``category`` is 1, 2 or 3 when decided yes, None otherwise."""

    outcome: Outcome
    category: int | None
    rule: str | None
    missing: tuple[str, ...]
    possible: tuple[int, ...] = ()
    """The categories not ruled out (for an undetermined decision, those still open)."""
    basis: str = ""
    """Why, when the report's reading of the caseload (not the library) decided it."""

    @property
    def eligible(self) -> bool | None:
        return None if self.outcome is Outcome.UNDETERMINED else self.outcome is Outcome.YES


def read_category(decision: Decision) -> CategoryReading:
    number = _get(decision.value, "category") if decision.outcome is Outcome.YES else None
    possible = tuple(sorted(int(k) for k, v in _items(_get(decision.value, "categories")) if v is not False))
    return CategoryReading(decision.outcome, None if number is None else int(number), last_rule(decision),
                           missing_facts(decision), possible)


@dataclass(frozen=True)
class OrderNotice:
    """What one civil order means for notification, as ``notification.period`` reports it."""

    order: str
    kind: str
    full: bool | None
    subject_from: date | None


@dataclass(frozen=True)
class NotificationReading:
    """``notification.period`` as at a date: subject on the date, indefinite, and the orders that bring it."""

    subject_on: bool | None
    indefinite: bool | None
    orders: tuple[OrderNotice, ...]
    missing: tuple[str, ...]
    dates: tuple[date, ...]
    basis: str = ""
    """Why, when the report's reading of the caseload (not the library) decided it."""


def _three_valued(value: Any) -> bool | None:
    return None if value is None else value is True


def read_notification(decision: Decision) -> NotificationReading:
    value = decision.value
    orders = tuple(
        OrderNotice(str(_get(o, "order")), str(_get(o, "kind")), _three_valued(_get(o, "full_notification")),
                    _get(o, "subject_from"))
        for o in (_get(value, "orders") or ())
    )
    return NotificationReading(_three_valued(_get(value, "subject_on_as_of")), _three_valued(_get(value, "indefinite")),
                               orders, missing_facts(decision), key_dates(decision))


@dataclass(frozen=True)
class OrderCheck:
    """``orders.check`` for one order: whether it could have been made as described, and its terms' kinds."""

    available: bool | None
    term_kinds: tuple[str, ...]


def read_order_checks(decision: Decision) -> dict[str, OrderCheck]:
    checks = {}
    for order_id, check in _items(_get(decision.value, "orders")):
        terms = tuple(str(_get(term, "kind")) for _, term in _items(_get(check, "terms")))
        checks[order_id] = OrderCheck(_three_valued(_get(check, "available")), terms)
    return checks


__all__ = ["CategoryReading", "NotificationReading", "OrderCheck", "OrderNotice", "key_dates", "last_rule",
           "missing_facts", "read_category", "read_notification", "read_order_checks"]
