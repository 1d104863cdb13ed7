"""Question ``notification.review``: may the person apply for review of indefinite requirements, and when?

Sexual Offences Act 2003 ss.91A-91F (inserted by SI 2012/1883, in force 30 July 2012). A qualifying relevant
offender is subject to indefinite notification requirements and not to a SHPO, interim SHPO, SOPO or interim SOPO
(s.91A). The qualifying date is the day after the end of 15 years (8 if under 18 on the relevant date) beginning
with the relevant notification: its anniversary (s.91B(2)). After a refusal the further qualifying date is the
day after the end of 8 years beginning with the determination, or a longer period the chief officer sets
(ss.91B(4)-(6), 91C). The chief officer's time to determine and the time to appeal (s.91E) are given where the
facts allow.

Unverified points are dated parameters and appear as warnings: the s.91B(7) transitional text (the plain date is
reported as provisional for anyone under 18 on the relevant date and for any date before 1 September 2012), the
rule for the relevant notification (first notification after release, used only when its date is not supplied),
whether custody stops the clock, the 6-week determination limit, the 21-day appeal limit and the 15-year cap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...decision import Decision, Outcome, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, GroupResult, Scope
from ...facts import Case, Disposal, ReviewApplication
from ...legal_time import (
    DateRange,
    Length,
    PartialDayRule,
    TimeConventions,
    age_on,
    day_after_end,
    disregarded_days,
    last_day,
)
from ...legal_time.conventions import BEGINNING_WITH, MISSING_DAY, conventions_at, day_after_period, rely_on
from ...rulebook import default_rulebook
from ...vocabulary.notification import REVIEW_VALUES
from .duties import Answer, DutyBuilder, length_of, notification_status, run_group, soa_citation, touches

QUESTION = "notification.review"
RN_FACT = "review.relevant_notification_date"
CUSTODY_KINDS = frozenset({"remanded_in_custody", "serving_sentence", "service_detention", "hospital"})


@dataclass
class ReviewDates:
    """The dates of the review scheme for a qualifying relevant offender."""

    relevant_notification: date | None = None
    derived: bool = False
    rule: str | None = None
    further_rule: str | None = None
    years: int | None = None
    qualifying_date: date | None = None
    provisional: bool | None = None
    earliest_application: date | None = None
    further_qualifying_date: date | None = None
    determination_deadline: date | None = None
    appeal_deadline: date | None = None
    pending: bool = False
    decided: bool = True

    @property
    def next_application(self) -> date | None:
        return self.further_qualifying_date or self.earliest_application

    def as_value(self, as_of: date) -> dict[str, Any]:
        following = self.next_application
        return {
            "relevant_notification_date": self.relevant_notification,
            "relevant_notification_derived": self.derived,
            "years": self.years,
            "qualifying_date": self.qualifying_date,
            "provisional": self.provisional,
            "earliest_application": self.earliest_application,
            "further_qualifying_date": self.further_qualifying_date,
            "determination_deadline": self.determination_deadline,
            "appeal_deadline": self.appeal_deadline,
            "application_pending": self.pending,
            "may_apply_on_as_of": None if following is None else (not self.pending and as_of >= following),
        }

    def key_dates(self) -> dict[str, date]:
        named = {
            "relevant_notification": self.relevant_notification,
            "qualifying_date": self.qualifying_date,
            "further_qualifying_date": self.further_qualifying_date,
            "determination_deadline": self.determination_deadline,
            "appeal_deadline": self.appeal_deadline,
        }
        return {k: v for k, v in named.items() if v is not None}


def review_dates(case: Case, as_of: date, builder: DutyBuilder) -> tuple[bool | None, ReviewDates]:
    """Whether the person is a qualifying relevant offender on ``as_of``, and the review dates if so."""
    book = builder.book
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    indefinite = status.indefinite_on(as_of)
    controlling = max((p.disposal for p in status.periods if p.indefinite and p.disposal.relevant_date
                       and p.disposal.relevant_date <= as_of),
                      key=lambda d: d.relevant_date or date.min, default=None)
    order = case.review.subject_to_order_excluding_review
    unknown = Gap(tuple(m.fact for m in status.missing) or ("disposals",))
    values: dict[str, Any] = {
        "indefinite": unknown if indefinite is None else indefinite,
        "discharged_on_review": _discharged(case, as_of),
        "subject_to_order_excluding_review": Gap(("review.subject_to_order_excluding_review",))
        if order is None else order,
        "age_at_relevant_date": _age(case, controlling, builder, as_of),
    }
    scope = Scope(book, as_of, REVIEW_VALUES, case, values, builder.warnings)
    qualifying = run_group(book, "notification.review.qualifying", scope, builder, None)
    dates = ReviewDates()
    if not qualifying.decided or qualifying.fired is None:
        return None, dates
    if not qualifying.outputs["qualifying"]:
        return False, dates
    assert controlling is not None
    _qualifying_date(case, controlling, scope, builder, dates)
    if case.review.applications:
        _application(case, len(case.review.applications) - 1, case.review.applications[-1], scope, builder, dates)
    return True, dates


def _discharged(case: Case, as_of: date) -> bool | Gap:
    """s.91C: an application determined in the offender's favour ends the requirements on receipt of the notice
    (any one such application received by the date decides it; one whose notice date is unknown leaves it open)."""
    unknown: list[str] = []
    for index, application in enumerate(case.review.applications):
        if application.determination == "discharged":
            if application.notice_received is None:
                unknown.append(f"review.applications[{index}].notice_received")
            elif application.notice_received <= as_of:
                return True
    return Gap(tuple(unknown)) if unknown else False


def _age(case: Case, disposal: Disposal | None, builder: DutyBuilder, as_of: date) -> int | Gap:
    born = case.person.date_of_birth
    if disposal is None or disposal.relevant_date is None:
        return Gap(("disposals",))
    if born is None:
        return Gap(("person.date_of_birth",))
    scope = Scope(builder.book, as_of, REVIEW_VALUES, case, {}, builder.warnings)
    return age_on(born, disposal.relevant_date, conventions_at(scope))


def _qualifying_date(case: Case, disposal: Disposal, scope: Scope, builder: DutyBuilder,
                     dates: ReviewDates) -> None:
    book = builder.book
    relevant = _relevant_notification(case, disposal, scope)
    if isinstance(relevant, Gap):
        builder.add_missing(RN_FACT, "notification.review.period")
        dates.decided = False
        return
    dates.relevant_notification, dates.derived = relevant, case.review.relevant_notification_date is None
    period = run_group(book, "notification.review.period", scope, builder, disposal.id)
    if period.fired is None:
        dates.decided = False
        return
    dates.rule, dates.years = period.fired.id, int(period.outputs["years"])
    qualifying = day_after_period(scope, relevant, Length(years=dates.years))
    dates.qualifying_date = qualifying
    young = period.fired.id == "notification.review.under_18_eight_years"
    dates.provisional = young or qualifying < scope.param("review.first_qualifying_date")
    if dates.provisional:
        scope.param("review.transitional_s91b7")
    if touches(case, relevant, qualifying) and scope.param("review.custody_stops_clock"):
        raise LookupError("review.custody_stops_clock: stopping the clock is not supported")
    dates.earliest_application = max(qualifying, scope.param("review.scheme_commencement"))
    builder.explain(
        "notification.review.qualifying_date", "The qualifying date is the anniversary of the relevant notification",
        soa_citation("91B", "s.91B(2)"), scope.book.parameter(BEGINNING_WITH).status,
        "The day after the end of {years} years beginning with the relevant notification of {relevant_notification} "
        "is {qualifying_date}; an application may be made from {earliest_application}.",
        {"years": dates.years, "relevant_notification": relevant, "qualifying_date": qualifying,
         "earliest_application": dates.earliest_application},
        disposal.id,
    )


def _relevant_notification(case: Case, disposal: Disposal, scope: Scope) -> date | Gap:
    """The relevant notification: as supplied, or the first notification after release from custody for the
    indefinite-period offence (parameter ``review.relevant_notification_rule``, unverified)."""
    supplied = case.review.relevant_notification_date
    if supplied is not None:
        return supplied
    relevant = disposal.relevant_date
    assert relevant is not None
    blocks = disregarded_days(
        [DateRange(i.start, i.end) for i in case.intervals if i.kind in CUSTODY_KINDS],
        TimeConventions(partial_day=PartialDayRule.WHOLE_DAY_DISREGARDED),  # merges touching intervals as they are
    )
    custody = next((b for b in blocks if b.last is None or b.last >= relevant), None)
    if custody is None or custody.last is None:
        return Gap((RN_FACT,))
    if scope.param("review.relevant_notification_rule") != "first_notification_after_release":
        raise LookupError("unsupported review.relevant_notification_rule")
    released = custody.last
    after = [n.date for n in case.notifications if n.date >= released]
    return min(after) if after else Gap((RN_FACT,))


def _application(case: Case, index: int, application: ReviewApplication, scope: Scope, builder: DutyBuilder,
                 dates: ReviewDates) -> None:
    """The determination deadline, and after a refusal the further qualifying date and the appeal deadline."""
    path = f"review.applications[{index}]"
    conventions = conventions_at(scope)
    if application.received is not None:
        limit = length_of(scope.param("review.determination_limit"))
        dates.determination_deadline, _ = last_day(application.received, limit, conventions)
    dates.pending = application.determination in (None, "pending")
    if application.determination != "refused":
        return
    if application.notice_received is not None:
        dates.appeal_deadline, _ = last_day(application.notice_received, length_of(scope.param("review.appeal_limit")),
                                            conventions)
    decided_on, years = application.determination_date, application.further_period_years
    scope.subject.update(
        further_period_set=Gap((f"{path}.further_period_years",)) if years is None else years,
        determination_date=Gap((f"{path}.determination_date",)) if decided_on is None else decided_on,
    )
    further: GroupResult = run_group(builder.book, "notification.review.further", scope, builder, path)
    if further.fired is None or decided_on is None or years is None:
        dates.decided = False
        return
    dates.further_rule = further.fired.id
    if further.outputs["longer"]:
        scope.param("review.longer_period_appealable")
    if not further.outputs["valid"]:
        dates.decided = False
        builder.add_undecidable("conflict", further.reason(path).explanation, further.fired.id)
        return
    following, missing_day = day_after_end(decided_on, Length(years=years), conventions)
    if missing_day:
        rely_on(scope, MISSING_DAY)
    dates.further_qualifying_date = following


def answer_review(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Answer, ReviewDates]:
    """The outcome, value and dates of ``notification.review``, with the review dates."""
    qualifying, dates = review_dates(case, as_of, builder)
    value: dict[str, Any] = {"qualifying": qualifying}
    if qualifying is None:
        return Answer(Outcome.UNDETERMINED, value), dates
    if not qualifying:
        return Answer(Outcome.NO, value), dates
    value.update(dates.as_value(as_of))
    return Answer(Outcome.YES if dates.decided else Outcome.UNDETERMINED, value, dates.key_dates()), dates


def review(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
    """Answer ``notification.review`` for ``case`` as at ``as_of``."""
    builder = DutyBuilder(QUESTION, as_of, book or default_rulebook())
    return answer_review(case, as_of, builder)[0].build(builder)


def headline(decision: Decision) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "Not a qualifying relevant offender on this date, so no review of indefinite requirements (s.91A)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "Whether, or from when, the person may apply for review cannot be decided on these facts."
    following = v.get("further_qualifying_date") or v.get("earliest_application")
    provisional = " (provisional: s.91B(7) unverified)" if v.get("provisional") else ""
    return f"A qualifying relevant offender: may apply for review from {show_value(following)}{provisional}."


__all__ = ["QUESTION", "ReviewDates", "answer_review", "headline", "review", "review_dates"]
