"""When a civil order and its terms end, and whether the order has effect on a day.

A SHPO, SRO or predecessor order specifies a period for each term: a fixed period or until further order (SA 2020
s.347; SOA 2003 ss.103C, 107, 117, 122A, 123). The order has effect while any of its terms does, unless it ceased
earlier (discharged, replaced, or an interim order whose main application was determined). The start of a term's
period and the "beginning with" reading are declared parameters, so every date that relies on them carries a
warning.
"""

from __future__ import annotations

from datetime import date

from ...engine import Gap, Scope
from ...facts import Order, OrderTerm
from ...legal_time.conventions import period_last_day
from ...vocabulary.orders import FTP, order_path, term_path

__all__ = ["in_effect_on", "order_last_day", "term_last_day"]


def _term_start(scope: Scope, order: Order, index: int, term: OrderTerm, term_index: int) -> date | Gap:
    """The day a term's period begins with: as the order specifies; otherwise, for a term other than a foreign
    travel prohibition, the day the order was made (a declared reading); a foreign travel prohibition whose order
    is silent is undetermined (civil-orders open question 5)."""
    if term.takes_effect is not None:
        return term.takes_effect
    if term.kind == FTP:
        scope.param("orders.regimes.ftp_period_start")
        return Gap((term_path(index, term_index, "takes_effect"),))
    if order.made is None:
        return Gap((order_path(index, "made"),))
    scope.param("orders.regimes.term_start_default")
    return order.made


def term_last_day(scope: Scope, order: Order, index: int, term: OrderTerm, term_index: int) -> date | Gap | None:
    """The last day a term has effect; None for a term until further order. A fixed period of N years beginning
    with its first day ends on the day before the Nth anniversary (the declared "beginning with" reading)."""
    duration = term.duration or ("fixed_period" if term.period is not None else None)
    if duration is None:
        return Gap((term_path(index, term_index, "duration"),))
    if duration == "until_further_order":
        return None
    if term.period is None:
        return Gap((term_path(index, term_index, "period"),))
    start = _term_start(scope, order, index, term, term_index)
    if isinstance(start, Gap):
        return start
    return period_last_day(scope, start, term.period.length())


def _no_terms(index: int) -> tuple[str, ...]:
    """An order without terms ends only when it ceases (an interim notification order); either fact decides."""
    return (order_path(index, "terms"), order_path(index, "ceased_on"))


def order_last_day(scope: Scope, order: Order, index: int) -> date | Gap | None:
    """The last day the order has effect: that of its longest-running term (None: until further order), or the
    day it ceased, if earlier."""
    if not order.terms:
        return order.ceased_on if order.ceased_on is not None else Gap(_no_terms(index))
    ends = [term_last_day(scope, order, index, t, j) for j, t in enumerate(order.terms)]
    known = [e for e in ends if not isinstance(e, Gap)]
    gaps = [p for e in ends if isinstance(e, Gap) for p in e.paths]
    ceased = order.ceased_on
    if ceased is not None and any(e is None or e >= ceased for e in known):
        return ceased
    if None in known:
        return None
    if gaps:
        return Gap(tuple(dict.fromkeys(gaps)))
    latest = max(e for e in known if e is not None)
    return latest if ceased is None else min(latest, ceased)


def in_effect_on(scope: Scope, order: Order, index: int, day: date) -> bool | Gap:
    """Whether the order has effect on ``day``: made on or before it and not yet ended."""
    if order.made is None:
        return Gap((order_path(index, "made"),))
    if day < order.made or (order.ceased_on is not None and day > order.ceased_on):
        return False
    if not order.terms:
        return True if order.ceased_on is not None else Gap(_no_terms(index))
    ends = [term_last_day(scope, order, index, t, j) for j, t in enumerate(order.terms)]
    if any(e is None or (isinstance(e, date) and day <= e) for e in ends):
        return True
    gaps = [p for e in ends if isinstance(e, Gap) for p in e.paths]
    return Gap(tuple(dict.fromkeys(gaps))) if gaps else False
