"""The notification status: the one answer every question reads to "was the person subject on day D?".

SOA 2003 s.80(2): a person for the time being subject to the notification requirements is a *relevant offender*,
and every duty binds a relevant offender (ss.83(1), 84(1), 85(1), 86; SI 2004/1220 reg 5(1)); CJA 2003 s.327(2)
makes the same status MAPPA Category 1. The status gathers the sources of :mod:`.sources` (disposals, civil orders
that bring notification, a stated status) and applies the end of the indefinite requirements on a review or an
appeal (ss.91C(4), 91E(4)) to all of them, so that the period, category, level, initial, change, periodic,
travel, review and timeline questions agree.

* :func:`notification_status` is the whole status (worked out once per :class:`StatusBuilder`);
* :func:`recorded_status` leaves out the civil orders: it is what an order reads to know whether the person was
  already subject when it was made (ss.103G, 107, 122I, 129), so the two never depend on each other.

With no record at all (no disposal and no stated status) the person is never "not subject": the status is
unknown, naming ``disposals``, unless an order makes the person subject.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ...decision import Missing, Reason, Undecidable, Warning
from ...engine import DecisionBuilder, Gap, GroupResult, Ledger, RuleBook
from ...facts import Case
from ...legal_time import days_before
from ..orders.notification import OrderNotification, order_notifications
from ..shared import once
from .sources import (
    Bound,
    RequirementsEnd,
    Source,
    apply_ends,
    disposal_source,
    no_end_before_qualifying,
    requirements_ends,
    stated_source,
)
from .subject import DisposalPeriod, evaluate_disposal

__all__ = [
    "Bound",
    "NotificationStatus",
    "RequirementsEnd",
    "Source",
    "StatusBuilder",
    "notification_status",
    "recorded_status",
    "subject_on_demand",
]

NO_RECORD = "disposals"
"""The fact named when the case records nothing from which the status follows."""


@dataclass
class NotificationStatus:
    """Whether the person is subject to the notification requirements on any day, and why.

    ``sources`` are as the ends of the indefinite requirements leave them (``uncut``: as they would be without those
    ends); ``has_record`` is False when the case has no disposal and no stated status, and then the status is never
    False. The reasons and missing facts of the work are kept aside and added to a decision by :meth:`adopt`.
    """

    sources: list[Source]
    uncut: list[Source]
    periods: list[DisposalPeriod]
    orders: list[OrderNotification]
    ends: list[RequirementsEnd]
    has_record: bool
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    undecidable: list[Undecidable] = field(default_factory=list)
    """Why no fact would decide part of the work (an order that could not have been made, say)."""
    silent: list[GroupResult] = field(default_factory=list)
    """Rule groups in which no rule applied, for a decision that nothing else explains."""
    _by_disposal: dict[str, DisposalPeriod] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def stated(self) -> Source | None:
        """The stated status ("subject since D"), if the case gives one."""
        return next((s for s in self.sources if s.stated), None)

    @property
    def end(self) -> RequirementsEnd | None:
        """The end of the indefinite requirements on a review or appeal that cut a source (the earliest)."""
        cut = [s.ended_by for s in self.sources if s.ended_by is not None]
        return min(cut, key=lambda e: e.earliest or date.max) if cut else None

    def effective(self, day: date, sources: list[Source] | None = None) -> list[Source]:
        """The sources that speak for ``day``: from the first day of a stated status, the statement stands in for
        the disposals known to have begun before its spell ended (the stated fact governs). A disposal whose first
        day is unknown may have begun after the spell, so it still speaks (never guessed to be covered)."""
        sources = self.sources if sources is None else sources
        stated = next((s for s in sources if s.stated), None)
        if stated is None or stated.first.earliest is None or day < stated.first.earliest:
            return sources
        spell_end = None if stated.open_ended else stated.last.latest
        return [s for s in sources if s.kind != "disposal" or (
            spell_end is not None and (s.first.latest is None or s.first.latest > spell_end))]

    def subject_on(self, day: date) -> bool | None:
        """True if some source makes the person subject on ``day``; False if the case's record shows none does;
        None if unknown (always None, short of a source that makes the person subject, without any record)."""
        return _any_on([s.on(day) for s in self.effective(day)], self.has_record)

    def subject_gap(self, day: date) -> bool | Gap:
        """:meth:`subject_on` for a vocabulary: unknown becomes a gap naming the facts that would decide it."""
        on = self.subject_on(day)
        return Gap(self.missing_facts()) if on is None else on

    def subject_or_missing(self, day: date, builder: DecisionBuilder, needed_for: str) -> bool | None:
        """:meth:`subject_on`; when it is unknown, the facts that would decide it are added to ``builder``'s missing
        facts (an answer that depends on it is then undetermined, naming them)."""
        on = self.subject_on(day)
        if on is None:
            for fact in self.missing_facts():
                builder.add_missing(fact, needed_for)
        return on

    def missing_facts(self) -> tuple[str, ...]:
        """The facts whose absence leaves the status unknown on some day (none where a rule group that gave
        nothing, or a point no fact decides, explains it instead)."""
        facts = [m.fact for m in self.missing]
        facts += [g for s in self.sources for g in s.gaps]
        if not self.has_record:
            facts.append(NO_RECORD)
        if facts or self.silent or self.undecidable:
            return tuple(dict.fromkeys(facts))
        return (NO_RECORD,)

    def indefinite_on(self, day: date, ignoring_end: bool = False) -> bool | None:
        """True if the person is subject to the indefinite requirements (s.91A(3)) on ``day``; with
        ``ignoring_end``, as if no review or appeal had ended them."""
        states: list[bool | None] = []
        for source in self.effective(day, self.uncut if ignoring_end else self.sources):
            on = source.on(day)
            states.append(False if source.indefinite is False or on is False else (on if source.indefinite else None))
        return _any_on(states, self.has_record)

    def controlling(self, day: date | None = None) -> Source | None:
        """The source that keeps the person subject longest (an open-ended one first), among those that speak for
        ``day`` (default: every source): the record's (a disposal or the stated status) before a civil order's,
        which only adds to the period while it has effect; None if there is none."""
        sources = [s for s in (self.sources if day is None else self.effective(day)) if s.certain]
        recorded = [s for s in sources if s.kind != "order"] or sources
        return max(recorded, key=lambda s: (s.ends_after(), s.indefinite is True, s.kind == "stated"), default=None)

    def source(self, kind: str, ref: str) -> Source | None:
        """The source of that kind and reference (a disposal or order id), if it makes the person subject."""
        return next((s for s in self.sources if s.kind == kind and s.ref == ref), None)

    def period(self, disposal_id: str) -> DisposalPeriod | None:
        """The notification work for one disposal."""
        index = self._by_disposal
        if index is None:  # built on first use, so that a case of many disposals is read in linear time
            index = self._by_disposal = {}
            for p in self.periods:
                index.setdefault(p.disposal.id, p)
        return index.get(disposal_id)

    def relevant_date(self, disposal_id: str) -> date | None:
        """The s.82(6) relevant date of a disposal, as the library works it out (None while undetermined)."""
        period = self.period(disposal_id)
        return None if period is None else period.relevant_date

    def lapse(self, first: date, last: date) -> RequirementsEnd | None:
        """The end of the requirements that falls after ``first`` and on or before ``last`` while the person is
        subject on ``first`` and no longer on ``last``: a duty running over those days lapses with them (parameter
        ``notification.status.duty_lapses_at_end``)."""
        if self.subject_on(first) is not True or self.subject_on(last) is not False:
            return None
        return next((e for e in self.ends if e.day is not None and first < e.day <= last), None)

    def only(self, keep: Callable[[Source], bool]) -> NotificationStatus:
        """The status that the sources kept give alone (e.g. only the disposals before a relevant date, s.83(2))."""
        kept = [s for s in self.sources if keep(s)]
        return NotificationStatus(kept, [s for s in self.uncut if keep(s)], self.periods, self.orders, self.ends,
                                  has_record=True, reasons=self.reasons, missing=self.missing,
                                  undecidable=self.undecidable, silent=self.silent)

    def adopt(self, builder: DecisionBuilder) -> None:
        """Add the reasons and missing facts of the status to ``builder`` (and what explains an undetermined part
        that no fact would decide)."""
        seen = {(r.rule_id, r.subject) for r in builder.reasons}
        for reason in self.reasons:
            if (reason.rule_id, reason.subject) not in seen:
                builder.reasons.append(reason)
                seen.add((reason.rule_id, reason.subject))
        for missing in self.missing:
            builder.add_missing(missing.fact, missing.needed_for)
        for source in self.sources:
            for gap in source.gaps:
                builder.add_missing(gap, "notification.status")
        for entry in self.undecidable:
            builder.add_undecidable(entry.kind, entry.detail, entry.about)
        builder.silent.extend(s for s in self.silent if s not in builder.silent)
        if not self.has_record:
            builder.add_missing(NO_RECORD, "notification.period")


def _any_on(states: list[bool | None], has_record: bool) -> bool | None:
    if True in states:
        return True
    if not has_record:
        return None
    return False if all(s is False for s in states) else None


@dataclass
class StatusBuilder(DecisionBuilder):
    """A decision builder that keeps the person's notification status once worked out, so that the parts of one
    question (or the questions a timeline gathers) work it out only once."""

    status: NotificationStatus | None = None
    recorded: NotificationStatus | None = None


def recorded_status(case: Case, as_of: date, builder: DecisionBuilder) -> NotificationStatus:
    """The status from the case's record alone: its disposals (ss.80-82) and stated status, with the ends of the
    indefinite requirements (ss.91C(4), 91E(4)); civil orders are left out."""
    if isinstance(builder, StatusBuilder) and builder.recorded is not None:
        return builder.recorded
    status, ledger = once("notification.status.recorded", (case, as_of, builder.book),
                          lambda: _recorded(case, as_of, builder.book))
    builder.warnings.adopt(ledger.values(), ledger.relied_on.values())
    if isinstance(builder, StatusBuilder):
        builder.recorded = status
    return status


def _recorded(case: Case, as_of: date, book: RuleBook) -> tuple[NotificationStatus, Ledger]:
    """The recorded status, and the warnings and reliance of working it out (for a decision to adopt)."""
    scratch = DecisionBuilder("notification.status", as_of, book)
    periods = [evaluate_disposal(case, d, as_of, scratch) for d in case.disposals]
    sources = [s for s in (disposal_source(case, p) for p in periods) if s is not None]
    stated = stated_source(case)
    if stated is not None:
        sources.append(stated[0])
        scratch.explain(stated[1])
    status = _with_ends(case, scratch, sources, periods, [], bool(case.disposals) or stated is not None)
    _stated_conflict(status, as_of, scratch)
    return status, scratch.warnings


def _stated_conflict(status: NotificationStatus, as_of: date, builder: DecisionBuilder) -> None:
    """Warn (``stated.conflict.notification``) where the case's disposals, decided, disagree with the stated status:
    no notification on the day it began, another kind of period, another last day, or another answer on the as-at
    date. The statement governs the answer; an end on review applies to both, so it is no conflict."""
    stated = status.stated
    derived = [s for s in status.sources if s.kind == "disposal"]
    if stated is None or not derived or stated.first.day is None:
        return
    since = stated.first.day
    on_since = [s.on(since) for s in derived]
    covering = [s for s, on in zip(derived, on_since, strict=True) if on is True]
    found: list[str] = []
    if all(on is False for on in on_since):
        found.append(f"no notification on {since.isoformat()}")
    elif covering and all(s.indefinite is not None for s in covering) and not any(
            s.indefinite is stated.indefinite for s in covering):
        found.append("a period that is " + ("fixed" if stated.indefinite else "indefinite"))
    elif covering and not stated.open_ended and stated.last.day not in {s.last.day for s in covering}:
        found.append("another last day (" + ", ".join(str(s.last.day) for s in covering) + ")")
    derived_now = _any_on([s.on(as_of) for s in derived], True)
    stated_now = stated.on(as_of)
    if not found and derived_now is not None and stated_now is not None and derived_now != stated_now:
        found.append(("subject" if derived_now else "not subject") + f" on {as_of.isoformat()}")
    if not found:
        return
    spell = "indefinitely" if stated.open_ended else f"until {stated.last.day}"
    builder.warnings.setdefault("stated.conflict.notification", Warning(
        code="stated.conflict.notification",
        message=f"Stated: subject to the notification requirements since {since.isoformat()}, {spell} "
                f"(stated.notification); the case's events give {'; '.join(found)} "
                f"({', '.join(s.label for s in derived)}). The answer follows the statement."))


def subject_on_demand(case: Case, as_of: date, builder: DecisionBuilder) -> Callable[[date], bool | Gap]:
    """Whether the case's record makes the person subject on a day (for a civil order's "already subject"): the
    recorded status, worked out on first use, its reasons then added to ``builder``."""
    found: list[NotificationStatus] = []

    def at(day: date) -> bool | Gap:
        if not found:
            found.append(recorded_status(case, as_of, builder))
            builder.reasons.extend(found[0].reasons)
        return found[0].subject_gap(day)

    return at


def notification_status(case: Case, as_of: date, builder: DecisionBuilder) -> NotificationStatus:
    """The whole notification status: the record, and the civil orders that bring notification while they have
    effect (SA 2020 s.352; SOA 2003 ss.100(5), 103G, 107(3)-(4), 122I, 129). Worked out once per
    :class:`StatusBuilder`; its reasons and missing facts are added to a decision by ``adopt``."""
    if isinstance(builder, StatusBuilder) and builder.status is not None:
        return builder.status
    recorded = recorded_status(case, as_of, builder)
    status = recorded
    if case.orders:
        status, ledger = once("notification.status", (case, as_of, builder.book),
                              lambda: _with_orders(case, as_of, builder.book, recorded))
        builder.warnings.adopt(ledger.values(), ledger.relied_on.values())
    if isinstance(builder, StatusBuilder):
        builder.status = status
    return status


def _with_orders(case: Case, as_of: date, book: RuleBook,
                 recorded: NotificationStatus) -> tuple[NotificationStatus, Ledger]:
    """The recorded status with the civil orders that bring notification, and the warnings and reliance of working
    out the orders (for a decision to adopt)."""
    scratch = DecisionBuilder("notification.status", as_of, book)
    orders = order_notifications(case, as_of, scratch, recorded.subject_gap)
    sources = [s for s in (_order_source(case, o, as_of) for o in orders) if s is not None]
    return NotificationStatus(
        recorded.sources + sources, recorded.uncut + sources, recorded.periods, orders, recorded.ends,
        recorded.has_record, recorded.reasons + scratch.reasons, recorded.missing + scratch.missing,
        recorded.undecidable + scratch.undecidable, recorded.silent + scratch.silent), scratch.warnings


def _with_ends(case: Case, scratch: DecisionBuilder, sources: list[Source], periods: list[DisposalPeriod],
               orders: list[OrderNotification], has_record: bool) -> NotificationStatus:
    ends = no_end_before_qualifying(requirements_ends(case, scratch), sources, scratch.book, scratch.as_of)
    cut = apply_ends(sources, ends)
    for end in {s.ended_by.path: s.ended_by for s in cut if s.ended_by is not None}.values():
        if end.reason is not None:
            scratch.explain(end.reason)
        for gap in end.gaps:
            scratch.add_missing(gap, end.rule or "notification.review.end")
    return NotificationStatus(cut, sources, periods, orders, ends, has_record, scratch.reasons, scratch.missing,
                              scratch.undecidable, scratch.silent)


def _order_source(case: Case, order: OrderNotification, as_of: date) -> Source | None:
    """The source a civil order gives: from the making (or the breach) until the order ceases to have effect (an
    order whose last day is unknown is known to have effect, or not, on the as-at date)."""
    if order.full is not True and order.full is not None:
        return None
    index = case.order_position(order.order)
    first = Bound.exact(order.subject_from) if order.subject_from is not None else Bound(order.order.made, None)
    if order.until_further_order:
        last, open_ended = Bound(), True
    elif order.last_day is not None:
        last, open_ended = Bound.exact(order.last_day), False
    else:
        upper = order.order.ceased_on
        if order.subject_on is False and order.subject_from is not None and order.subject_from <= as_of:
            upper = days_before(as_of, 1) if upper is None else min(upper, days_before(as_of, 1))
        last, open_ended = Bound(as_of if order.subject_on else None, upper), None
    return Source("order", order.order.id, f"orders[{index}]", first, last, open_ended, indefinite=False,
                  certain=order.full is True)
