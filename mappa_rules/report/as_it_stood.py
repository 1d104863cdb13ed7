"""The case as it stood on a day, and how the report reads a day on which the caseload records no offence yet.

A caseload is exported after the years it reports, so each question is asked of the case *as it stood on the
day*: convictions, cautions and findings dated later are left out, and so are orders made later (a 2021
conviction must not make anyone Category 2 in 2020/21; the library reads a licence without asking whether it had
begun, so the trimming is still needed).

On a day before the first conviction, caution or finding the caseload records (or for a person it records none
for), the case as it stood holds no disposal. The library does not read an empty case as "no" - a caller who
gives no disposal may simply not have given them - and answers *undetermined*, naming ``disposals``. A caseload is
different: it is the area's record of the person, so the report reads "no disposal recorded by the day" as no
offence by then: not subject to the notification requirements unless a civil order makes the person subject, and
so not MAPPA-eligible, since Categories 2 and 3 rest on an offence (CJA 2003 ss.325(2)(b), 327(3)-(4)) and
Category 1 on notification (s.327(2)). This is a reading of the caseload, not of the law: each answer given this
way carries a reason saying so. A case with a stated status (``case.stated``) is left to the library.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mappa_rules import Case, Outcome

from .reading import CategoryReading, NotificationReading

NO_RECORD = "disposals"
"""The fact the library names when a case holds no disposal and no stated status."""
OFFENCE_FACTS = frozenset({NO_RECORD, "risk.may_cause_serious_harm", "risk.needs_multi_agency_management",
                           "risk.terrorism_risk"})
"""The facts a record of no offence answers: the disposals, and the Responsible Authority's judgements about a
person by reason of offences committed (CJA 2003 s.325(2)(b), (c)). Any other fact the library names (a civil
order's, a status such as Counter-Terrorism Act 2008 Part 4 notification) is still missing."""


def as_known_on(case: Case, day: date) -> Case:
    """The case as it stood on ``day``: without the convictions, cautions and findings dated after it, nor the
    orders made after it. A question asked about a past day of a caseload exported later must not count an event
    that had not yet happened (a later conviction must not make anyone Category 2 on an earlier day). Disposals or
    orders with no date are kept; if a kept sentence is said to run with a later one, the case is kept whole."""
    later = {d.id for d in case.disposals if d.relevant_date is not None and d.relevant_date > day}
    orders = [o for o in case.orders if o.made is None or o.made <= day]
    if not later and len(orders) == len(case.orders):
        return case
    kept = [d for d in case.disposals if d.id not in later]
    if any((rel := getattr(d.sentence, "relation", None)) is not None and rel.to in later for d in kept):
        kept = list(case.disposals)
    return case.model_copy(update={"disposals": kept, "orders": orders})


def nothing_recorded(stood: Case) -> bool:
    """The case as it stood holds no disposal and no stated status, mapping category or supervision."""
    stated = stood.stated
    return not stood.disposals and stated.notification is None and stated.mappa_category is None \
        and stated.supervision is None


def no_offence_basis(case: Case, day: date) -> str:
    """The reason given when the report reads an empty record as no offence."""
    dated = [d.relevant_date for d in case.disposals if d.relevant_date is not None]
    first = f" (its first is on {min(dated)})" if dated else ""
    return f"the caseload records no conviction, caution or finding on or before {day}{first}"


def read_empty_record(notification: NotificationReading, category: CategoryReading,
                      basis: str) -> tuple[NotificationReading, CategoryReading]:
    """The library's answers on a case with nothing recorded, read with "no disposal recorded" as no offence: the
    library's own answer stands wherever it is decided; where it is undetermined only for want of the facts a
    record of no offence answers (:data:`OFFENCE_FACTS`), the person is not subject (unless a civil order says
    otherwise) and not MAPPA-eligible; where other facts are missing too (an order's, a status), it stays
    undetermined, naming them."""
    if notification.subject_on is None and NO_RECORD in notification.missing:
        left = tuple(m for m in notification.missing if m not in OFFENCE_FACTS)
        if left:
            notification = replace(notification, missing=left, basis=basis)
        else:
            notification = replace(notification, subject_on=False, indefinite=False, missing=(), basis=basis)
    if category.outcome is Outcome.UNDETERMINED and NO_RECORD in category.missing:
        others = [m for m in category.missing if m not in OFFENCE_FACTS]
        if notification.subject_on is False and not others:
            category = CategoryReading(Outcome.NO, None, None, (), (), basis)
        elif notification.subject_on is not True:
            missing = tuple(dict.fromkeys([*notification.missing, *others]))
            possible = tuple(c for c in category.possible
                             if c not in (2, 3) and (c != 1 or notification.subject_on is None))
            category = CategoryReading(Outcome.UNDETERMINED, None, None, missing, possible, basis)
    return notification, category


__all__ = ["NO_RECORD", "as_known_on", "no_offence_basis", "nothing_recorded", "read_empty_record"]
