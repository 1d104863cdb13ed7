"""The civil-order vocabularies: scopes ``order`` (one order) and ``order_term`` (one prohibition or requirement of
an order), read by the rules of ``rulesets/orders/``.

A SHPO, SRO or predecessor order specifies a period for each term: a fixed period or until further order (SA 2020
s.347; SOA 2003 ss.103C, 107, 117, 122A, 123). Dates are computed with :mod:`mappa_rules.legal_time`; the
"beginning with" reading is a declared parameter, so every date that relies on it carries a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..engine import Gap, Scope
from ..facts import Order, OrderTerm
from ..legal_time import Length, corresponding_day, length_in_months
from ..legal_time.conventions import conventions_at, day_after_period
from .values import Scopes, subject, values

__all__ = [
    "FTP",
    "ORDER_TERM_VALUES",
    "ORDER_VALUES",
    "SCOPES",
    "OrderSubject",
    "TermSubject",
    "order_path",
    "term_path",
]

FTP = "foreign_travel_prohibition"
SERVICE_MOMENT_KINDS = frozenset({"sro", "interim_sro"})
"""Orders for which "already subject" is read on the date of service (SOA 2003 s.122F(1)), not the making."""


@dataclass(frozen=True, slots=True)
class OrderSubject:
    """One order of the case. ``subject_at`` tells, from the case's disposals, whether the person was subject to
    the notification requirements on a day (True, False, or a gap naming what would decide it)."""

    order: Order
    index: int
    subject_at: Callable[[date], bool | Gap]


@dataclass(frozen=True, slots=True)
class TermSubject:
    """One term of one order."""

    order: Order
    index: int
    term: OrderTerm
    term_index: int


def order_path(index: int, field: str) -> str:
    return f"orders[{index}].{field}"


def term_path(index: int, term_index: int, field: str) -> str:
    return f"orders[{index}].terms[{term_index}].{field}"


def _order(scope: Scope) -> OrderSubject:
    return subject(scope, OrderSubject)


def _term(scope: Scope) -> TermSubject:
    return subject(scope, TermSubject)


def _order_fact(field: str) -> Callable[[Scope], Any]:
    def read(scope: Scope) -> Any:
        subject = _order(scope)
        value = getattr(subject.order, field)
        return Gap((order_path(subject.index, field),)) if value is None else value

    read.__doc__ = f"The order's {field.replace('_', ' ')} (a fact of the case)."
    return read


def _kind(scope: Scope) -> Any:
    """The kind of order (shpo, interim_shpo, sro, sopo, foreign_travel_order, rsho, ...)."""
    return _order(scope).order.kind


def _already_subject(scope: Scope) -> Any:
    """Subject to SOA 2003 Part 2 notification immediately before the order was made (SA 2020 s.352; SOA 2003
    ss.103G, 107(3)-(4)) or, for an SRO, on the date of service (s.122F(1)): as stated in the case, or else
    worked out from the disposals on that day."""
    subject = _order(scope)
    order = subject.order
    field = "served" if order.kind in SERVICE_MOMENT_KINDS else "made"
    day: date | None = getattr(order, field)
    if order.already_subject is not None:
        if day is not None:
            _given_against_record(scope, subject, day, order.already_subject)
        return order.already_subject
    if day is None:
        return Gap((order_path(subject.index, field), order_path(subject.index, "already_subject")))
    status = subject.subject_at(day)
    if field == "made":
        _same_day(scope, day, status)
    if isinstance(status, Gap):
        return Gap((*status.paths, order_path(subject.index, "already_subject")))
    return status


def _given_against_record(scope: Scope, subject: OrderSubject, day: date, given: bool) -> None:
    """Warn where the case's record (its disposals and stated status) says otherwise than the ``already_subject``
    given: the answer follows the fact given, and the decision names the conflict."""
    derived = subject.subject_at(day)
    if isinstance(derived, bool) and derived is not given:
        path = order_path(subject.index, "already_subject")
        scope.warn("orders.conflict.already_subject",
                   f"{path} is given as {'yes' if given else 'no'}, but the case's disposals and stated status make "
                   f"the person {'' if derived else 'not '}subject to notification on {day.isoformat()}. The answer "
                   "follows the fact given.")


def _same_day(scope: Scope, day: date, status: Any) -> None:
    """Record the convention that a disposal dated the day an order was made comes first. The readings differ only
    where a disposal is dated that day and the person is (or may be) found subject: leaving that disposal out can
    only turn "subject" into "not subject". Only then is it warned; otherwise it is listed under ``relied_on``."""
    ident = "orders.regimes.already_subject_on_day_made"
    parameter = scope.book.parameter(ident)
    value = parameter.value_at(scope.as_at)
    same_day = [d.id for d in scope.case.disposals if d.relevant_date == day]
    if not same_day or status is False:
        scope.rely(ident, value)
        return
    shown = "unknown" if isinstance(status, Gap) else ("yes" if status else "no")
    alternatives = ", ".join(str(a) for a in parameter.alternatives)
    scope.warn(ident, f"A declared convention may change this result: {parameter.title}. Disposal "
               f"{', '.join(same_day)} is dated {day.isoformat()}, the day the order was made; with the value used "
               f"({value}) the person was subject immediately before the making: {shown}. Read as {alternatives}, "
               "that disposal would come after the order.", parameter.status, parameter.citation)


def _subject_before_breach(scope: Scope) -> Any:
    """Subject to SOA 2003 Part 2 notification when the breach conviction, finding or caution made s.122I (or
    s.129) first apply, worked out from the disposals on that day."""
    subject = _order(scope)
    day = subject.order.breach_date
    if day is None:
        return Gap((order_path(subject.index, "breach_date"),))
    return subject.subject_at(day)


def _ftp_only(scope: Scope) -> Any:
    """The order contains foreign travel prohibitions and no other prohibition or requirement (SA 2020
    s.350(8); SOA 2003 s.103E(8))."""
    subject = _order(scope)
    terms = subject.order.terms
    if not terms:
        return Gap((order_path(subject.index, "terms"),))
    return all(t.kind == FTP for t in terms)


def _as_at(scope: Scope) -> Any:
    """The date the rules are applied as at."""
    return scope.as_at


def _switch_over_date(scope: Scope) -> Any:
    """The day after the end of the period of 5 years beginning with 8 March 2015, from which surviving
    predecessor orders are varied and enforced as SHPOs or SROs (ASBCPA 2014 s.114(5))."""
    start: date = scope.param("orders.regimes.transition.commencement")
    years: int = scope.param("orders.regimes.transition.saving_years")
    return day_after_period(scope, start, Length(years=years))


def _term_fact(field: str) -> Callable[[Scope], Any]:
    def read(scope: Scope) -> Any:
        subject = _term(scope)
        value = getattr(subject.term, field)
        return Gap((term_path(subject.index, subject.term_index, field),)) if value is None else value

    read.__doc__ = f"The term's {field.replace('_', ' ')} (a fact of the case)."
    return read


def _order_kind(scope: Scope) -> Any:
    """The kind of order the term belongs to."""
    return _term(scope).order.kind


def _made(scope: Scope) -> Any:
    """The day the order the term belongs to was made."""
    subject = _term(scope)
    made = subject.order.made
    return Gap((order_path(subject.index, "made"),)) if made is None else made


def _duration(scope: Scope) -> Any:
    """Fixed period or until further order; a stated period means a fixed period."""
    subject = _term(scope)
    term = subject.term
    if term.duration is not None:
        return term.duration
    if term.period is not None:
        return "fixed_period"
    return Gap((term_path(subject.index, subject.term_index, "duration"),))


def _term_months(scope: Scope) -> Any:
    """The fixed period of the term in months: exact for years and months; a period with days is measured on the
    calendar from the day the term takes effect (or the order is made), declared as a convention."""
    subject = _term(scope)
    period = subject.term.period
    if period is None:
        return Gap((term_path(subject.index, subject.term_index, "period"),))
    length = period.length()
    if length.days == 0:
        return float(length.total_months)
    start = subject.term.takes_effect or subject.order.made
    if start is None:
        return Gap((order_path(subject.index, "made"),))

    scope.param("time.conventions.term_in_days_compared_on_calendar")
    conventions = conventions_at(scope)
    end, _ = corresponding_day(start, length, conventions)
    return length_in_months(start, end, conventions)


ORDER_VALUES = values(
    ("kind", _kind),
    ("route", _order_fact("route")),
    ("offence_listed", _order_fact("offence_listed")),
    ("conviction_date", _order_fact("conviction_date")),
    ("application_date", _order_fact("application_date")),
    ("made", _order_fact("made")),
    ("served", _order_fact("served")),
    ("breached", _order_fact("breached")),
    ("breach_date", _order_fact("breach_date")),
    ("subject_before_breach", _subject_before_breach),
    ("replaces_interim", _order_fact("replaces_interim")),
    ("already_subject", _already_subject),
    ("ftp_only", _ftp_only),
    ("as_at", _as_at),
    ("switch_over_date", _switch_over_date),
)

ORDER_TERM_VALUES = values(
    ("order_kind", _order_kind),
    ("made", _made),
    ("term_kind", lambda scope: _term(scope).term.kind),
    ("duration", _duration),
    ("term_months", _term_months),
    ("takes_effect", _term_fact("takes_effect")),
)

SCOPES: Scopes = {"order": ORDER_VALUES, "order_term": ORDER_TERM_VALUES}
