"""Question ``notification.review``: may the person apply for review of indefinite requirements, and when?

Sexual Offences Act 2003 ss.91A-91F (inserted by SI 2012/1883, in force 30 July 2012). A qualifying relevant
offender is subject to indefinite notification requirements and not to a SHPO, interim SHPO, SOPO or interim SOPO
(s.91A). The qualifying date is the day after the end of 15 years (8 if under 18 on the relevant date) beginning
with the relevant notification: its anniversary (s.91B(2)). After a refusal the further qualifying date is the
day after the end of 8 years beginning with the determination, or a longer period the chief officer sets
(ss.91B(4)-(6), 91C). The chief officer's time to determine and the time to appeal (s.91E) are given where the
facts allow.

s.91B(7): the qualifying date is no earlier than the expiry of a notification continuation order made in Scotland
(the only floor: applications were possible from 30 July 2012). The dates of an application (acknowledgment,
responsible bodies, determination, appeal, further qualifying date) are worked out in :mod:`.review_application`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, make_reason, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case
from ...legal_time import Length, age_on
from ...legal_time.conventions import BEGINNING_WITH, conventions_at, day_after_period
from ...vocabulary.notification import REVIEW_VALUES
from .duties import Answer, DutyBuilder, Step, decide, run_group, soa_citation, touches
from .review_application import RN_FACT, ApplicationDates, application_dates, relevant_notification
from .sources import SCHEME, Source, within_scheme
from .status import NotificationStatus, notification_status

QUESTION = "notification.review"


class NotificationReviewValue(TypedValue):
    """Whether the person may apply for review of indefinite requirements, and when (SOA 2003 ss.91A-91F). The
    dates are present once the person is a qualifying relevant offender."""

    qualifying: bool | None = Field(description="A qualifying relevant offender on the as-at date (s.91A).")
    relevant_notification_date: date | None = Field(default=None, description="The relevant notification.")
    relevant_notification_derived: bool | None = Field(
        default=None, description="Worked out from custody and notifications rather than supplied.")
    years: int | None = Field(default=None, description="15, or 8 if under 18 on the relevant date (s.91B(2)).")
    qualifying_date: date | None = Field(
        default=None, description="The qualifying date (s.91B(2)), no earlier than the expiry of a notification "
        "continuation order (s.91B(7)).")
    continuation_order_floor: bool | None = Field(
        default=None, description="The qualifying date is the expiry of a notification continuation order made in "
        "Scotland, later than the s.91B(2) date (s.91B(7)).")
    earliest_application: date | None = Field(default=None, description="The first day an application may be made.")
    further_qualifying_date: date | None = Field(default=None, description="After a refusal (s.91B(3)-(6)).")
    further_period_basis: str | None = Field(
        default=None, description="After a refusal: s.91B(3) (8 years) or s.91B(4)-(6) (a longer period set).")
    acknowledgment_deadline: date | None = Field(
        default=None, description="The last day for the chief officer to acknowledge the application (s.91B(8)).")
    responsible_bodies_deadline: date | None = Field(
        default=None, description="The latest day a notified responsible body may give information (s.91B(9)).")
    determination_deadline: date | None = Field(
        default=None, description="The chief officer's deadline: 6 weeks of that day (s.91C(1)); none while no "
        "responsible body is known to have been notified.")
    appeal_deadline: date | None = Field(default=None, description="The last day to appeal a refusal (s.91E).")
    application_pending: bool | None = Field(default=None, description="An application awaits determination.")
    may_apply_on_as_of: bool | None = Field(default=None, description="An application may be made on the as-at date.")


@dataclass
class ReviewDates:
    """The dates of the review scheme for a qualifying relevant offender."""

    relevant_notification: date | None = None
    derived: bool = False
    rule: str | None = None
    years: int | None = None
    qualifying_date: date | None = None
    floored: bool | None = None
    earliest_application: date | None = None
    application: ApplicationDates | None = None
    decided: bool = True

    @property
    def next_application(self) -> date | None:
        further = None if self.application is None else self.application.further_qualifying_date
        return further or self.earliest_application

    def as_value(self, as_of: date) -> dict[str, Any]:
        """The fields of the answer these dates give."""
        following = self.next_application
        app = self.application or ApplicationDates()
        return {
            "relevant_notification_date": self.relevant_notification,
            "relevant_notification_derived": self.derived,
            "years": self.years,
            "qualifying_date": self.qualifying_date,
            "continuation_order_floor": self.floored,
            "earliest_application": self.earliest_application,
            "further_qualifying_date": app.further_qualifying_date,
            "further_period_basis": app.further_basis,
            "acknowledgment_deadline": app.acknowledgment_deadline,
            "responsible_bodies_deadline": app.bodies_deadline,
            "determination_deadline": app.determination_deadline,
            "appeal_deadline": app.appeal_deadline,
            "application_pending": app.pending,
            "may_apply_on_as_of": None if following is None else (not app.pending and as_of >= following),
        }

    def key_dates(self) -> dict[str, date]:
        app = self.application or ApplicationDates()
        named = {
            "relevant_notification": self.relevant_notification,
            "qualifying_date": self.qualifying_date,
            "further_qualifying_date": app.further_qualifying_date,
            "acknowledgment_deadline": app.acknowledgment_deadline,
            "determination_deadline": app.determination_deadline,
            "appeal_deadline": app.appeal_deadline,
        }
        return {k: v for k, v in named.items() if v is not None}


def review_dates(case: Case, as_of: date, builder: DutyBuilder) -> tuple[bool | None, ReviewDates]:
    """Whether the person is a qualifying relevant offender on ``as_of``, and the review dates if so."""
    book = builder.book
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    indefinite = status.indefinite_on(as_of, ignoring_end=True)
    controlling = max((s for s in status.effective(as_of, status.uncut) if s.indefinite and s.certain
                       and s.first.latest is not None and s.first.latest <= as_of),
                      key=lambda s: s.first.latest or date.min, default=None)
    order = case.review.subject_to_order_excluding_review
    values: dict[str, Any] = {
        "indefinite": Gap(status.missing_facts()) if indefinite is None else indefinite,
        "discharged_on_review": _discharged(status, as_of),
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
        index = len(case.review.applications) - 1
        scheme: date = builder.book.parameter(SCHEME).value_from(as_of)
        application = within_scheme(case, scheme, builder)[index]
        dates.application = application_dates(case, index, application, scope, builder)
        dates.decided = dates.decided and dates.application.decided
    return True, dates


def _discharged(status: NotificationStatus, as_of: date) -> bool | Gap:
    """ss.91C(4), 91E(4): a review or an appeal ended the indefinite requirements on or before ``as_of``."""
    gaps: list[str] = []
    for end in status.ends:
        if end.day is not None and end.day <= as_of:
            return True
        if end.day is None and end.not_before is not None and end.not_before <= as_of:
            gaps.extend(end.gaps)
    return Gap(tuple(gaps)) if gaps else False


def _age(case: Case, source: Source | None, builder: DutyBuilder, as_of: date) -> int | Gap:
    born = case.person.date_of_birth
    if source is None:
        return Gap(("disposals",))
    if source.relevant_date is None:
        return Gap(source.relevant_gaps or ("disposals",))
    if born is None:
        return Gap(("person.date_of_birth",))
    scope = Scope(builder.book, as_of, REVIEW_VALUES, case, {}, builder.warnings)
    return age_on(born, source.relevant_date, conventions_at(scope))


def _qualifying_date(case: Case, source: Source, scope: Scope, builder: DutyBuilder,
                     dates: ReviewDates) -> None:
    book = builder.book
    relevant = relevant_notification(case, source.relevant_date, scope)
    if isinstance(relevant, Gap):
        builder.add_missing(RN_FACT, "notification.review.period")
        dates.decided = False
        return
    dates.relevant_notification, dates.derived = relevant, case.review.relevant_notification_date is None
    subject = source.ref if source.kind == "disposal" else source.label
    period = run_group(book, "notification.review.period", scope, builder, subject)
    if period.fired is None:
        dates.decided = False
        return
    dates.rule, dates.years = period.fired.id, int(period.outputs["years"])
    qualifying = day_after_period(scope, relevant, Length(years=dates.years))
    floor = case.review.notification_continuation_order_expiry
    dates.floored = floor is not None and floor > qualifying
    if floor is not None and scope.param("notification.review.transitional_s91b7") == "nco_floor":
        qualifying = max(qualifying, floor)
    dates.qualifying_date = qualifying
    if touches(case, relevant, qualifying) and scope.param("notification.review.custody_stops_clock"):
        raise LookupError("notification.review.custody_stops_clock: stopping the clock is not supported")
    dates.earliest_application = max(qualifying, scope.param("notification.review.scheme_commencement"))
    builder.explain(make_reason(
        "notification.review.qualifying_date", "The qualifying date is the anniversary of the relevant notification",
        soa_citation("91B", "s.91B(2)"), scope.book.parameter(BEGINNING_WITH).status,
        "The day after the end of {years} years beginning with the relevant notification of {relevant_notification} "
        "is {qualifying_date}; an application may be made from {earliest_application}.",
        {"years": dates.years, "relevant_notification": relevant, "qualifying_date": qualifying,
         "earliest_application": dates.earliest_application},
        subject,
    ))


def answer_review(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Answer[NotificationReviewValue], ReviewDates]:
    """The outcome, value and dates of ``notification.review``, with the review dates."""
    qualifying, dates = review_dates(case, as_of, builder)
    value: dict[str, Any] = {"qualifying": qualifying}
    made = NotificationReviewValue.model_construct
    if qualifying is None:
        return Answer(Outcome.UNDETERMINED, made(**value)), dates
    if not qualifying:
        return Answer(Outcome.NO, made(**value)), dates
    value.update(dates.as_value(as_of))
    return Answer(Outcome.YES if dates.decided else Outcome.UNDETERMINED, made(**value), dates.key_dates()), dates


def review(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationReviewValue]:
    """Answer ``notification.review`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_review(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the review dates (none when the case has no disposal)."""
    if not case.disposals:
        return None
    steps: list[Step] = []
    answer, dates = answer_review(case, as_of, builder)
    if answer.outcome is Outcome.NO:
        return answer.outcome, steps
    if dates.qualifying_date is not None and dates.rule is not None:
        when = dates.earliest_application or dates.qualifying_date
        steps.append(Step(when, "review_qualifying_date", dates.rule, None,
                          "Qualifying date: the person may apply for review of the indefinite requirements"))
    app = dates.application or ApplicationDates()
    if app.further_qualifying_date is not None and app.further_rule is not None:
        steps.append(Step(app.further_qualifying_date, "review_further_qualifying_date", app.further_rule, None,
                          "Further qualifying date: the person may apply again"))
    if app.acknowledgment_deadline is not None:
        steps.append(Step(app.acknowledgment_deadline, "review_acknowledgment_due",
                          "notification.review.acknowledgment_limit", None,
                          "The chief officer's acknowledgment of the application is due"))
    if app.determination_deadline is not None:
        steps.append(Step(app.determination_deadline, "review_determination_due",
                          "notification.review.determination_limit", None, "The chief officer's determination is due"))
    if app.appeal_deadline is not None:
        steps.append(Step(app.appeal_deadline, "review_appeal_deadline", "notification.review.appeal_limit", None,
                          "Last day to appeal the refusal to a magistrates' court"))
    return answer.outcome, steps



def headline(decision: Decision[NotificationReviewValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "Not a qualifying relevant offender on this date, so no review of indefinite requirements (s.91A)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "Whether, or from when, the person may apply for review cannot be decided on these facts."
    following = v.further_qualifying_date or v.earliest_application
    return f"A qualifying relevant offender: may apply for review from {show_value(following)}."


__all__ = [
    "QUESTION",
    "NotificationReviewValue",
    "ReviewDates",
    "answer_review",
    "headline",
    "review",
    "review_dates",
    "timeline_steps",
]
