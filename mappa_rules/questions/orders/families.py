"""The civil-order families and the state every part of an order's answer shares.

Each kind of order is governed by the rule groups of its family: ``rulesets/orders/shpo.yaml`` for SHPOs and
interim SHPOs, ``sro.yaml`` for SROs and interim SROs, ``predecessor.yaml`` for the orders they replaced on
8 March 2015 (SOPOs, foreign travel orders, RSHOs), notification orders and s.96ZA notices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ...engine import DecisionBuilder, Gap, Scope
from ...facts import Case, Order
from ...vocabulary.orders import ORDER_VALUES, OrderSubject

__all__ = ["NOTIFICATION_KINDS", "ONE_OFF_KINDS", "TRANSITION_KINDS", "OrderContext", "family"]

FAMILIES = {"shpo": "shpo", "interim_shpo": "shpo", "sro": "sro", "interim_sro": "sro"}
"""The ruleset family of each order kind; every other kind is a predecessor order or a notification order."""
TRANSITION_KINDS = frozenset({"sopo", "foreign_travel_order", "rsho"})
"""The "existing orders" of ASBCPA 2014 s.114(1)."""
NOTIFICATION_KINDS = frozenset({"notification_order", "notification_notice", "interim_notification_order"})
"""Orders that impose no prohibitions or requirements (SOA 2003 ss.96ZA, 97-100)."""
EARLIEST = "orders.regimes.predecessor_commencement"
ONE_OFF_KINDS = frozenset({"notification_order", "notification_notice"})
"""Orders with no period of effect of their own: they apply Part 2 for the s.82 period (ss.96ZA, 98)."""


def family(kind: str) -> str:
    """The ruleset family whose groups govern an order of this kind."""
    return FAMILIES.get(kind, "predecessor")


@dataclass
class OrderContext:
    """The shared state of one question about one case."""

    case: Case
    as_of: date
    builder: DecisionBuilder
    subject_at: Callable[[date], bool | Gap]
    """Whether the person was subject to the notification requirements on a day, from the case's record (not its
    orders), for "already subject" (SA 2020 s.352; SOA 2003 ss.103G, 107, 122F, 122I, 129)."""

    def day(self, day: date) -> date:
        """``day``, but no earlier than the first day the order rulesets speak for (orders made earlier are
        judged by the rules then in force, which say that no such order existed)."""
        return max(day, self.builder.book.parameter(EARLIEST).starts[0])

    def scope(self, order: Order, index: int, as_at: date | None = None) -> Scope:
        day = self.day(as_at or order.made or self.as_of)
        subject = OrderSubject(order, index, self.subject_at)
        stand_in = (f"orders[{index}].made",) if as_at is None and order.made is None else ()
        return Scope(self.builder.book, day, ORDER_VALUES, self.case, subject, self.builder.warnings,
                     stand_in=stand_in)

    def group(self, order: Order, name: str) -> str:
        return f"orders.{family(order.kind)}.{name}"

    def gap(self, value: Gap, needed_for: str) -> None:
        for path in value.paths:
            self.builder.add_missing(path, needed_for)
