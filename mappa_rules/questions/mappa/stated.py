"""A MAPPA category as the case records it (``stated.mappa_category``: "Category N since D"), and when it still
holds on the date asked about.

A recorded category is the answer while what keeps a person in it lasts (CJA 2003 s.327; MAPPA Guidance exit
rules): Category 1 while the person is subject to notification - it ends when a period, a stated spell or the
indefinite requirements (on review) end after the day it was recorded; Category 2 while the licence or hospital
order runs (``stated.supervision``, else the disposals' supervision facts, else it is taken to continue); Category
3 while the Responsible Authority's judgements stand. An unknown derived category does not displace it; a derived
category that contradicts it is a warning (``stated.conflict.mappa_category``) and the record is followed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...decision import Citation, Decision, Status, Warning, make_reason
from ...engine import DecisionBuilder
from ...facts import Case
from ...vocabulary.disposals import stated_supervision_reason
from ..notification.period import NotificationPeriodValue

__all__ = ["stated_category"]

PROVISIONS = {1: "s.327(2)", 2: "s.327(3)-(4)", 3: "s.325(2)(b)"}


def stated_category(case: Case, as_of: date, builder: DecisionBuilder, derived: dict[int, Any],
                    notification: Decision[NotificationPeriodValue]) -> int | None:
    """The recorded category if it still holds on ``as_of`` (with its reasons, marked as stated, and any conflict
    warning), else None (the derived answer stands)."""
    stated = case.stated.mappa_category
    if stated is None or stated.since > as_of:
        return None
    number = stated.category
    holds = {1: _category1_holds, 2: _category2_holds, 3: _category3_holds}[number](case, as_of, builder,
                                                                                  notification)
    if not holds:
        return None
    builder.explain(make_reason(
        "stated.mappa_category", "MAPPA category, as stated",
        Citation(instrument="Criminal Justice Act 2003", provision=PROVISIONS[number],
                 url="https://www.legislation.gov.uk/ukpga/2003/44/section/327"),
        Status.VERIFIED, "Stated: MAPPA Category {category} since {since}.",
        {"path": "stated.mappa_category", "category": number, "since": stated.since}, "stated.mappa_category",
        stated=True))
    lower = [k for k, v in derived.items() if v is True and k < number]
    if lower or derived.get(number) is False:
        gives = f"Category {lower[0]}" if lower else f"not Category {number}"
        builder.warnings.setdefault("stated.conflict.mappa_category", Warning(
            code="stated.conflict.mappa_category",
            message=f"Stated: MAPPA Category {number} since {stated.since} (stated.mappa_category); the case's "
                    f"events give {gives} on {as_of} (mappa.category.cat1-cat3). The answer follows the statement."))
    return number


def _category1_holds(case: Case, as_of: date, builder: DecisionBuilder,
                     notification: Decision[NotificationPeriodValue]) -> bool:
    """Category 1 holds unless the person is not subject on ``as_of`` because a source of the requirements ended
    after the category was recorded (a fixed period, a stated spell, or the indefinite requirements on review)."""
    if notification.value.subject_on_as_of is not False:
        return True
    stated = case.stated.mappa_category
    assert stated is not None
    ended = notification.dates.get("requirements_ended")
    if ended is not None and stated.since < ended <= as_of:
        return False
    return not any(s.last_day is not None and stated.since <= s.last_day < as_of for s in notification.value.sources)


def _category2_holds(case: Case, as_of: date, builder: DecisionBuilder,
                     notification: Decision[NotificationPeriodValue]) -> bool:
    """Category 2 holds while the licence or hospital order runs: as stated, else as the disposals record it, else
    it is taken to continue (the MAPPA Guidance exit rule)."""
    supervision = case.stated.supervision
    if supervision is not None:
        builder.explain(stated_supervision_reason(supervision))
        return supervision.no_end or (supervision.until is not None and as_of <= supervision.until)
    ends = [d for d in case.disposals if d.supervision_end is not None or d.supervision_open_ended]
    if not ends:
        return True
    return any(d.supervision_open_ended or (d.supervision_end is not None and as_of <= d.supervision_end)
               for d in ends)


def _category3_holds(case: Case, as_of: date, builder: DecisionBuilder,
                     notification: Decision[NotificationPeriodValue]) -> bool:
    """Category 3 holds unless the Responsible Authority's judgements now say otherwise."""
    return case.risk.may_cause_serious_harm is not False and case.risk.needs_multi_agency_management is not False
