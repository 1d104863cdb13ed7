"""The events after which the s.85 applicable period runs (Sexual Offences Act 2003 s.85(2)).

s.85(2): "(a) the commencement of this Part (but only in the case of a person who is a relevant offender from that
commencement); (b) any notification given by the relevant offender under section 83(1) or 84(1); and (c) any
notification given by him under subsection (1)". s.98(4) reads the commencement in s.85 as the date of service of a
notification order. A notification of a prescribed change of circumstances (SI 2012/1876 regs 11, 13, 15) is a
s.84(1) notification (regs 11(3), 13(3)), so it starts a new period; the Home Office FAQ says otherwise, which is
the declared alternative of ``notification.periodic.restart_on_prescribed_change``. Notifications before 1 May 2004
(Sex Offenders Act 1997) and travel notifications (s.86) are not events; a notification recorded as of a prescribed
change before 13 August 2012, when nothing was yet prescribed, leaves the answer undetermined (``law_not_in_force``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...engine import NotInForce
from ...engine.evaluator import Gap
from ...facts import Case
from ...legal_time import days_before
from ...vocabulary.orders import order_path
from .duties import DutyBuilder, status_on_demand

__all__ = ["COUNTED_KINDS", "PRESCRIBED", "Event", "periodic_events", "unserved_orders"]

COMMENCEMENT = "notification.period.commencement"
COUNTED_KINDS = ("initial", "change", "periodic")
"""Notifications under ss.83(1), 84(1) and 85(1) other than of a prescribed change alone."""
PRESCRIBED = "prescribed_information"
RESTART = "notification.periodic.restart_on_prescribed_change"
ORDER_KINDS = frozenset({"notification_order"})
"""Orders whose date of service stands for the commencement in s.85 (s.98(4))."""


@dataclass(frozen=True)
class Event:
    """One s.85(2) event: a notification given (``path`` its place in the case), the commencement of Part 2, or
    the service of a notification order; ``residence`` is whether the last home address notified by then was a
    place with no sole or main residence (s.85(6)), or a gap naming the fact."""

    date: date
    kind: str
    path: str
    residence: bool | Gap

    @property
    def label(self) -> str:
        """How the event is named in reasons."""
        what = {"commencement": "commencement", "notification_order": "service of the notification order"}
        return f"{what.get(self.kind, 'notification')} of {self.date}"

    @property
    def counted(self) -> bool:
        """An event whatever the reading of the prescribed-change parameter."""
        return self.kind != PRESCRIBED


def periodic_events(case: Case, as_of: date, builder: DutyBuilder) -> list[Event]:
    """Every s.85(2) event on or before ``as_of``, oldest first (notifications of a prescribed change included:
    whether they count is the caller's reading)."""
    book = builder.book
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    prescribed_from = book.parameter(RESTART).starts[0]
    events: list[Event] = []
    for index, notification in enumerate(case.notifications):
        day = notification.date
        if not commencement <= day <= as_of:
            continue
        if notification.kind == PRESCRIBED and day < prescribed_from:
            # Nothing was prescribed before SI 2012/1876: the record cannot be what it says, and no fact would tell
            # what it was (the question is answered undetermined, law_not_in_force, by questions/guard.py).
            raise NotInForce(book.parameter(RESTART), day)
        if notification.kind not in COUNTED_KINDS and notification.kind != PRESCRIBED:
            continue  # s.84(4)(b): not a notification under s.83(1), 84(1) or 85(1)
        path = f"notifications[{index}]"
        abode = notification.no_sole_or_main_residence
        residence = Gap((f"{path}.no_sole_or_main_residence",)) if abode is None else abode
        events.append(Event(day, notification.kind, path, residence))
    for day, kind, path in _starts(case, as_of, commencement, builder):
        events.append(Event(day, kind, path, _last_residence(case, commencement, day)))
    return sorted(events, key=lambda e: (e.date, e.kind != "commencement"))


def _starts(case: Case, as_of: date, commencement: date, builder: DutyBuilder) -> list[tuple[date, str, str]]:
    """s.85(2)(a), with s.98(4): the commencement, for a person who is a relevant offender from it, and the service
    of a notification order, for a person who is one from that day."""
    found: list[tuple[date, str, str]] = []
    # Only a disposal dated before Part 2 (or undated), a status stated from before it, or an order (whose dates the
    # status reads) can make the person a relevant offender "from that commencement".
    earlier = commencement <= as_of and (
        any(d.relevant_date is None or d.relevant_date < commencement for d in case.disposals) or bool(case.orders)
        or (case.stated.notification is not None and case.stated.notification.since < commencement))
    orders = [(i, o) for i, o in enumerate(case.orders)
              if o.kind in ORDER_KINDS and o.served is not None and o.served <= as_of]
    if not earlier and not orders:
        return found
    status = status_on_demand(case, as_of, builder)()
    # Subject on the day before the commencement (not through a disposal of that very day) and on it.
    if earlier and all(status.subject_on(day) is True
                                     for day in (days_before(commencement, 1), commencement)):
        found.append((commencement, "commencement", COMMENCEMENT))
    for index, order in orders:
        assert order.served is not None
        full = next((o.full for o in status.orders if o.order is order), None)
        if full is not None and full is not False and status.subject_on(order.served) is True:
            found.append((order.served, "notification_order", f"orders[{index}]"))
    return found


def unserved_orders(case: Case, as_of: date, builder: DutyBuilder) -> list[str]:
    """s.98(4): the service of a notification order stands for the commencement in s.85(2)(a), so it may start the
    period running now. The ``served`` paths of the notification orders made by ``as_of`` (or undated) whose
    service is not known, unless the order is known not to bring the notification requirements."""
    orders = [(i, o) for i, o in enumerate(case.orders)
              if o.kind in ORDER_KINDS and o.served is None and (o.made is None or o.made <= as_of)]
    if not orders:
        return []
    status = status_on_demand(case, as_of, builder)()
    return [order_path(index, "served") for index, order in orders
            if next((o.full for o in status.orders if o.order is order), None) is not False]


def _last_residence(case: Case, commencement: date, day: date) -> bool | Gap:
    """s.85(6) reads the last home address notified under ss.83(1), 84(1) or 85(1): for an event that is not a
    notification, that of the latest notification before it (none: no such address, so not s.85(6))."""
    before = [(i, n) for i, n in enumerate(case.notifications)
              if commencement <= n.date < day and n.kind in COUNTED_KINDS]
    if not before:
        return False
    index, latest = max(before, key=lambda pair: pair[1].date)
    abode = latest.no_sole_or_main_residence
    return Gap((f"notifications[{index}].no_sole_or_main_residence",)) if abode is None else abode
