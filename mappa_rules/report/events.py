"""The counting rules of the report tables about events in the year: notification breaches, review revocations,
civil orders, SRO breaches that bring notification, returns to custody and serious further offences.

An event counts in the year if its date falls in it. Whether it counts at all is decided by the library as at
the event's date: a breach of the notification requirements only if the person was subject to them (SOA 2003
s.91), a revocation only of indefinite requirements (ss.91A-91F), an SRO breach only if it brought notification
to someone not already subject (s.122I). People are counted once per cell; orders are counted one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from mappa_rules import Order

from .case_view import ONE_DAY, CaseView
from .hits import Hit, Scalar, cell, line, make_key, undetermined
from .measures import category_text
from .periods import ReportingYear

FTP_KINDS = frozenset({"shpo", "interim_shpo"})
"""Orders whose foreign travel restriction is one of their terms (SOA 2003 s.103D; SA 2020 s.348); before
8 March 2015 a foreign travel order was an order of its own."""
MAIN_KIND = {"interim_shpo": "shpo", "interim_sro": "sro", "interim_sopo": "sopo", "interim_rsho": "rsho",
             "interim_notification_order": "notification_order"}
"""The main order an interim order belongs to, for counting applications once."""
SRO_KINDS = frozenset({"sro", "interim_sro", "rsho", "interim_rsho"})
"""Orders whose breach brings full notification (SOA 2003 ss.122I, 129)."""
FOREIGN_TRAVEL_PROHIBITION = "foreign_travel_prohibition"


def notification_breach(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Cautioned or convicted in the year under SOA 2003 s.91, and subject to the requirements when failing."""
    breaches = sorted(((i, b) for i, b in enumerate(view.history.notification_breaches) if b.date in year),
                      key=lambda item: item[1].date)
    missing: list[str] = []
    for index, breach in breaches:
        day = breach.offence_date or breach.date
        notification = view.notification(day)
        what = f"{breach.outcome} on {breach.date} for failing to comply (SOA 2003 s.91)"
        if notification.subject_on:
            return [cell("notification_breach", f"{what}; subject to notification on {day}")]
        if notification.subject_on is None:
            missing.extend(notification.missing)
        elif breach.offence_date is None:
            missing.append(f"history.notification_breaches[{index}].offence_date")
    if missing:
        return [undetermined("notification_breach", missing, "notification breach in the year")]
    if breaches:
        first = breaches[0][1]
        return [line("notification_breach", "not_subject",
                     f"{first.outcome} on {first.date}: not subject to notification on {first.offence_date}")]
    return []


def review_revocation(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Indefinite notification discharged on review (s.91C), determined in the year, indefinite the day before."""
    missing: list[str] = []
    note: str | None = None
    for index, application in enumerate(view.case.review.applications):
        if application.determination != "discharged":
            continue
        when = application.determination_date
        path = f"review.applications[{index}]"
        if when is None:
            before_year = application.notice_received is not None and application.notice_received < year.start
            after_year = application.received is not None and application.received > year.end
            if not (before_year or after_year):
                missing.append(f"{path}.determination_date")
            continue
        if when not in year:
            continue
        before = when - ONE_DAY
        notification = view.notification(before)
        if notification.indefinite and notification.subject_on:
            return [cell("review_revocation", f"indefinite notification discharged on review, determined {when} "
                                              f"(SOA 2003 s.91C); subject indefinitely on {before}")]
        if notification.subject_on is False or notification.indefinite is False:
            note = note or f"discharge determined {when}; not subject to indefinite notification on {before}"
        else:
            missing.extend(notification.missing or (f"{path}",))
    if missing:
        return [undetermined("review_revocation", missing, "revocation on review in the year")]
    return [line("review_revocation", "not_indefinite", note)] if note else []


def _could_be_made_in(order: Order, year: ReportingYear) -> bool:
    """An order with no day made could have been made in the year unless its other dates rule it out."""
    ended_before = order.ceased_on is not None and order.ceased_on < year.start
    later = [d for d in (order.application_date, order.conviction_date) if d is not None and d > year.end]
    return not (ended_before or later)


def orders(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Each civil order made in the year, and each application made in the year, one entry per order.

    An order the library finds could not have been made as described is not counted (a line says so); an order
    whose lawfulness the library cannot check is counted, because it was made. A SHPO's foreign travel
    restriction is read from its terms as the library reads them; a SHPO with no terms given is undetermined.
    """
    hits: list[Hit] = []
    applied: set[tuple[str, date]] = set()
    for index, order in enumerate(view.case.orders):
        label = f"order {order.id} ({order.kind})"
        main = MAIN_KIND.get(order.kind, order.kind)
        applied_on = order.application_date
        if applied_on is not None and applied_on in year and (main, applied_on) not in applied:
            applied.add((main, applied_on))
            hits.append(cell("orders", f"{label}: applied for on {applied_on}", order=main, stage="applied"))
        made = order.made
        if made is None:
            if _could_be_made_in(order, year):
                hits.append(undetermined("orders", [f"orders[{index}].made"], f"{label}: the day it was made",
                                         order=order.kind, stage="made"))
            continue
        if made not in year:
            continue
        check = view.order_checks(made).get(order.id)
        if check is not None and check.available is False:
            hits.append(line("orders", "not_available", f"{label} made {made}: the library finds it could not "
                             "have been made as described", order=order.kind, stage="made"))
            continue
        key: dict[str, Scalar] = {"order": order.kind, "stage": "made"}
        if order.kind in FTP_KINDS:
            if check is None or not check.term_kinds:
                hits.append(undetermined("orders", [f"orders[{index}].terms"], f"{label} made {made}: its terms",
                                         **key))
                continue
            key["ftp"] = FOREIGN_TRAVEL_PROHIBITION in check.term_kinds
        travel = "; with a foreign travel prohibition" if key.get("ftp") else ""
        hits.append(cell("orders", f"{label} made {made}{travel}", **key))
    return hits


def sro_breach(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Became subject to notification in the year through the breach of an SRO or RSHO (SOA 2003 ss.122I, 129):
    the order brings full notification from a day in the year, and the person was not subject the day before."""
    relevant = [(i, o) for i, o in enumerate(view.case.orders) if o.kind in SRO_KINDS and o.breached is not False]
    if all(o.breach_date is not None and o.breach_date not in year for _, o in relevant):
        return []
    at_end = view.notification(year.end)
    notices = {n.order: n for n in at_end.orders}
    missing: list[str] = []
    note: str | None = None
    for index, order in relevant:
        notice = notices.get(order.id)
        full = None if notice is None else notice.full
        start = None if notice is None else notice.subject_from
        if full is False or (start is not None and start not in year):
            continue
        if full is True and start is not None:
            before = view.notification(start - ONE_DAY)
            if before.subject_on is False:
                return [cell("sro_breach", f"{order.kind} {order.id} breached: subject to notification from {start}; "
                                           f"not subject on {start - ONE_DAY}")]
            if before.subject_on is True:
                note = note or f"{order.kind} {order.id} breached {start}: already subject to notification"
            else:
                missing.extend(before.missing)
            continue
        own = [m for m in at_end.missing if m.startswith(f"orders[{index}]")]
        missing.extend(own or [f"orders[{index}].breach_date"])
    if missing:
        return [undetermined("sro_breach", missing, "notification after an SRO breach")]
    return [line("sro_breach", "already_subject", note)] if note else []


def _at_level(view: CaseView, year: ReportingYear, measure: str, field: str,
              events: Sequence[tuple[date, str]]) -> list[Hit]:
    """People with an event in the year while managed at Level 2 or 3 (the level on the event's day), by the
    event's kind, the level and the category on that day; once per kind and level."""
    hits: list[Hit] = []
    done: set[tuple[str, str | int]] = set()
    missing: dict[str, list[str]] = defaultdict(list)
    for day, value in sorted(e for e in events if e[0] in year):
        what = f"{value.replace('_', ' ')} on {day}"
        level = view.level(day)
        if level.level is None:
            missing[value].extend(level.missing)
            continue
        if level.level == 1:
            if (value, "at_level1") not in done:
                done.add((value, "at_level1"))
                hits.append(Hit(measure, make_key(line="at_level1", **{field: value}),
                                f"{what}; Level 1 from {level.since}"))
            continue
        if (value, level.level) in done:
            continue
        category = view.category(day)
        at = f"{what}; Level {level.level} from {level.since}; {category_text(category, day)}"
        if category.category is not None:
            done.add((value, level.level))
            hits.append(cell(measure, at, level=level.level, category=category.category, **{field: value}))
        elif category.eligible is False:
            done.add((value, level.level))
            hits.append(Hit(measure, make_key(line="not_eligible", level=level.level, **{field: value}), at))
        else:
            missing[value].extend(category.missing)
    for value, facts in missing.items():
        hits.append(undetermined(measure, facts, f"{value.replace('_', ' ')} in the year", **{field: value}))
    return hits


def returns(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Returned to custody in the year while at Level 2 or 3, by reason (CJA 2003 s.254; SOA 2003 s.103I)."""
    events = [(r.date, r.reason) for r in view.history.returns_to_custody]
    return _at_level(view, year, "returns", "reason", events) if events else []


def serious_further_offences(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Charged with or convicted of a serious further offence in the year while at Level 2 or 3, by stage."""
    events = [(s.date, s.stage) for s in view.history.serious_further_offences]
    return _at_level(view, year, "serious_further_offences", "stage", events) if events else []


__all__ = ["FTP_KINDS", "MAIN_KIND", "SRO_KINDS", "notification_breach", "orders", "returns", "review_revocation",
           "serious_further_offences", "sro_breach"]
