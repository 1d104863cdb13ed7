"""The dates of one application for review and of the relevant notification (SOA 2003 ss.91B(3)-(10), 91C(1),
91E(2), inserted by SI 2012/1883).

* s.91B(8): the chief officer acknowledges the application within 14 days of receipt, and may notify responsible
  bodies; s.91B(9): a body notified gives its information within 28 days of receiving the notification; s.91C(1):
  the determination, with notice of it, within 6 weeks of the latest date on which a notified body may give
  information (no body notified: no anchor, so no date). "Within ... of" is counted by a declared convention.
* s.91E(2): an appeal within 21 days beginning with the day of receipt of the notice of determination.
* s.91B(3)-(6): after a refusal the further qualifying date is the day after the end of 8 years beginning with the
  determination, or of the longer period (no more than 15 years) the chief officer sets under s.91B(5).
* s.91B(10): the relevant notification is the first notification under s.83, 84 or 85 given when the person is
  first released from custody or hospital for the conviction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...decision import make_reason
from ...engine.evaluator import Gap, GroupResult, Scope
from ...facts import Case, ReviewApplication
from ...legal_time import (
    DateRange,
    Length,
    PartialDayRule,
    TimeConventions,
    disregarded_days,
    last_day,
    last_day_within,
)
from ...legal_time.conventions import BEGINNING_WITH, conventions_at, day_after_period, rely_on, sensitive
from .duties import DutyBuilder, length_of, run_group, soa_citation

__all__ = ["ApplicationDates", "application_dates", "relevant_notification"]

RN_FACT = "review.relevant_notification_date"
CUSTODY_KINDS = frozenset({"remanded_in_custody", "serving_sentence", "service_detention", "hospital"})
WITHIN = "notification.review.within_excludes_day"
INCLUDES_1997 = "notification.review.relevant_notification_includes_soa1997"
COMMENCEMENT = "notification.period.commencement"


@dataclass
class ApplicationDates:
    """The dates one application gives; ``decided`` False when the further qualifying date cannot be given."""

    acknowledgment_deadline: date | None = None
    bodies_deadline: date | None = None
    determination_deadline: date | None = None
    appeal_deadline: date | None = None
    further_rule: str | None = None
    further_basis: str | None = None
    further_qualifying_date: date | None = None
    pending: bool = False
    decided: bool = True


def _within(scope: Scope, day: date, parameter: str) -> date:
    """The last day within the period of ``parameter`` of ``day``, the declared "within ... of" reading tested."""
    length = length_of(scope.param(parameter))
    conventions = conventions_at(scope)
    return sensitive(scope, WITHIN, lambda excluded: last_day_within(day, length, conventions,
                                                                     day_excluded=bool(excluded)), str)


def application_dates(case: Case, index: int, application: ReviewApplication, scope: Scope,
                      builder: DutyBuilder) -> ApplicationDates:
    """The acknowledgment, responsible-body and determination deadlines, and after a refusal the appeal deadline
    and the further qualifying date, adding reasons, missing facts and warnings to ``builder``."""
    path = f"review.applications[{index}]"
    dates = ApplicationDates(pending=application.determination in (None, "pending"))
    if application.received is not None:
        dates.acknowledgment_deadline = _within(scope, application.received, "notification.review.acknowledgment_limit")
    bodies = application.bodies_notified_on
    if bodies:
        dates.bodies_deadline = max(_within(scope, day, "notification.review.responsible_body_limit") for day in bodies)
        dates.determination_deadline = _within(scope, dates.bodies_deadline, "notification.review.determination_limit")
    elif bodies is None and dates.pending:
        builder.add_missing(f"{path}.bodies_notified_on", "notification.review.determination_limit")
    if application.determination != "refused":
        return dates
    if application.notice_received is not None:
        limit = length_of(scope.param("notification.review.appeal_limit"))
        dates.appeal_deadline, _ = last_day(application.notice_received, limit, conventions_at(scope))
        rely_on(scope, BEGINNING_WITH)  # s.91E(2): "the period of 21 days beginning with the day of receipt"
    decided_on, years = application.determination_date, application.further_period_years
    scope.subject.update(
        further_period_set=Gap((f"{path}.further_period_years",)) if years is None else years,
        determination_date=Gap((f"{path}.determination_date",)) if decided_on is None else decided_on,
    )
    further: GroupResult = run_group(builder.book, "notification.review.further", scope, builder, path)
    if further.fired is None or decided_on is None:
        dates.decided = False
        if further.fired is not None:  # the further period is known; its start, the determination, is not
            builder.add_missing(f"{path}.determination_date", "notification.review.further_qualifying_date")
        return dates
    dates.further_rule, dates.further_basis = further.fired.id, further.outputs.get("basis")
    if further.outputs["longer"]:
        scope.param("notification.review.longer_period_appealable")
    if not further.outputs["valid"]:
        dates.decided = False
        builder.add_undecidable("conflict", further.reason(path).explanation, further.fired.id)
        return dates
    period = years if years is not None else int(scope.param("notification.review.further_period_years"))
    further_date = dates.further_qualifying_date = day_after_period(scope, decided_on, Length(years=period))
    builder.explain(make_reason(
        "notification.review.further_qualifying_date",
        "The further qualifying date is the day after the end of the further period",
        soa_citation("91B", "s.91B(3), (6)"), scope.book.parameter(BEGINNING_WITH).status,
        "The day after the end of {years} years beginning with the determination of {determination_date} is "
        "{further_qualifying_date}; a further application may be made from that day.",
        {"years": period, "determination_date": decided_on, "further_qualifying_date": further_date}, path,
    ))
    return dates


def relevant_notification(case: Case, relevant: date | None, scope: Scope) -> date | Gap:
    """The relevant notification (s.91B(10)): as supplied, or the first notification after the first release
    from custody or hospital for the indefinite-period conviction. Where that notification was given under the Sex
    Offenders Act 1997 (before 1 May 2004), the declared reading of whether it counts is tested."""
    supplied = case.review.relevant_notification_date
    if supplied is not None:
        return supplied
    if relevant is None:
        return Gap((RN_FACT,))
    blocks = disregarded_days(
        [DateRange(i.start, i.end) for i in case.intervals if i.kind in CUSTODY_KINDS],
        TimeConventions(partial_day=PartialDayRule.WHOLE_DAY_DISREGARDED),  # merges touching intervals as they are
    )
    custody = next((b for b in blocks if b.last is None or b.last >= relevant), None)
    if custody is None or custody.last is None:
        return Gap((RN_FACT,))
    if scope.param("notification.review.relevant_notification_rule") != "first_notification_after_release":
        raise LookupError("unsupported notification.review.relevant_notification_rule")
    released = custody.last
    after = sorted(n.date for n in case.notifications if n.date >= released)
    if not after:
        return Gap((RN_FACT,))
    commencement: date = scope.book.parameter(COMMENCEMENT).value_at(scope.as_at)
    if after[0] >= commencement:
        return after[0]

    def first(includes_1997: Any) -> date | None:
        return next((day for day in after if includes_1997 or day >= commencement), None)

    found = sensitive(scope, INCLUDES_1997, first, lambda day: "none yet" if day is None else day.isoformat())
    return Gap((RN_FACT,)) if found is None else found
