"""Question ``notification.travel``: must each trip abroad be notified, and by when?

Sexual Offences Act 2003 s.86 and the travel regulations, by the date of departure:

* 1 June 2001 - 30 April 2004 (SI 2001/1846): trips of 8 days or longer, at least 24 hours before departure;
* 1 - 9 May 2004 (SI 2004/1220 reg 3): trips under 8 days exempt; a person subject to the 2001 Regulations keeps
  them for a longer trip;
* 1 May 2004 - 12 August 2012 (SI 2004/1220 as made): trips of 3 days or more; at least 7 days before the date of
  departure when the details were known more than 7 days ahead (with a reasonable excuse, as soon as reasonably
  practicable and at least 24 hours before that date), otherwise at least 24 hours before it;
* from 13 August 2012 (as amended by SI 2012/1876): every trip (a trip of less than 3 days departing by 27 August
  2012 still exempt), 7 days as before, the 24-hour fallback unchanged, otherwise 12 hours before the date.

A change to the details notified is notified again before departure (reg 7) and a return not as notified within
three days of it (reg 8). What one trip requires is worked out in :mod:`.travel_trip`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap
from ...facts import Case
from .compliance import DutyCompliance, DutySpec, Given, assess, compliance_lines, missing_since
from .duties import Answer, DutyBuilder, Step, answer_each, decide, status_on_demand
from .travel_trip import TravelDuty, trip_duty

QUESTION = "notification.travel"


class TravelDutyValue(TypedValue):
    """What one trip abroad requires (SOA 2003 s.86 and the travel regulations)."""

    trip: str = Field(description="The trip's id, or its path in the case.")
    departure: date | None = Field(description="The intended date of departure.")
    notifiable: bool | str | None = Field(description="The trip must be notified.")
    rule: str | None = Field(description="The rule that decided it.")
    subject_on_departure: bool | None = Field(description="The person is a relevant offender on departure.")
    notice: str | None = Field(description="How long before departure, in words.")
    latest_day: date | None = Field(description="The latest day to give notice.")
    by_time: str | None = Field(default=None, description="The clock time on that day, where the words fix one "
                                "(12 hours before the date of departure: 12:00 the day before).")
    latest_day_clear_days: date | None = Field(
        default=None, description="For 7 days' notice: the latest day if the 7 days must be clear.")
    latest_day_if_excuse: date | None = Field(
        default=None, description="For 7 days' notice: the latest day with a reasonable excuse (reg 5(2)(b)).")
    as_soon_as_practicable: bool | None = Field(
        default=None, description="With a reasonable excuse: notice is due as soon as reasonably practicable too.")
    latest_day_if_known_early: date | None = Field(
        default=None, description="While it is unknown: the latest day if the details were known more than 7 days "
        "before the date of departure.")
    latest_day_if_not_known_early: date | None = Field(
        default=None, description="While it is unknown: the latest day if they were not.")
    notified_on: date | None = Field(default=None, description="The day the trip was notified.")
    on_time: bool | None = Field(default=None, description="That notification was on time.")
    change_rule: str | None = Field(default=None, description="After a change to the details: the rule (reg 7).")
    change_latest_day: date | None = Field(default=None, description="The latest day to notify the change.")
    change_latest_day_with_excuse: date | None = Field(
        default=None, description="From 13 August 2012: the latest day with a reasonable excuse (reg 7(3)).")
    returned_on: date | None = Field(default=None, description="The day the person returned to the UK.")
    return_rule: str | None = Field(default=None, description="The rule on notifying the return (reg 8).")
    return_notification_required: bool | None = Field(
        default=None, description="The return must be notified (null: not yet returned, or undetermined).")
    return_notification_by: date | None = Field(default=None, description="The latest day to notify the return.")
    return_lapsed: bool | None = Field(
        default=None, description="Present when true: the requirements ended before that day and the duty lapsed "
        "with them (notification.status.duty_lapses_at_end).")
    return_notification_by_if_not_lapsed: date | None = Field(
        default=None, description="Present when the duty lapsed: the day it would otherwise have had.")
    compliance: DutyCompliance | None = Field(
        default=None, description="Present when notice of the trip is due, or may be: whether it was given on time, "
        "late or not at all, as at the date asked about (from notified_on).")
    change_compliance: DutyCompliance | None = Field(
        default=None, description="Present when a further notice is due (reg 7): whether it was given "
        "(change_notified_on).")
    return_compliance: DutyCompliance | None = Field(
        default=None, description="Present when the return is to be notified, or may be (reg 8): whether it was "
        "(return_notified_on).")


class NotificationTravelValue(TypedValue):
    """Whether each trip abroad must be notified, and by when."""

    trips: list[TravelDutyValue] = Field(description="Each listed trip, in the case's order.")
    notice_required: bool | None = Field(default=None, description="Present when trips are listed: notice is due.")
    next_trip: str | None = Field(default=None, description="The trip whose notice is due next.")
    return_notification_required: bool | None = Field(
        default=None, description="Present when trips are listed: a return is to be notified.")


def as_value(duty: TravelDuty) -> TravelDutyValue:
    """The value of one trip's duty."""
    trip, latest, change = duty.trip, duty.latest, duty.change_latest
    lapse: dict[str, Any] = {f"{part}compliance": duty.compliance[kind] for kind, part in _PARTS.items()
                             if kind in duty.compliance}
    if duty.return_lapsed:
        lapse.update(return_lapsed=True, return_notification_by_if_not_lapsed=duty.return_by_if_not_lapsed)
    return TravelDutyValue.model_construct(
        **lapse,
        trip=duty.label, departure=trip.departure, notifiable=duty.notifiable, rule=duty.rule,
        subject_on_departure=duty.subject, notice=duty.notice, latest_day=None if latest is None else latest.day,
        by_time=None if latest is None or latest.by is None else latest.by.strftime("%H:%M"),
        latest_day_clear_days=duty.latest_clear_days,
        latest_day_if_excuse=None if duty.latest_if_excuse is None else duty.latest_if_excuse.day,
        as_soon_as_practicable=duty.as_soon_as_practicable, latest_day_if_known_early=duty.if_known_early,
        latest_day_if_not_known_early=duty.if_not_known_early, notified_on=trip.notified_on, on_time=duty.on_time,
        change_rule=duty.change_rule, change_latest_day=None if change is None else change.day,
        change_latest_day_with_excuse=duty.change_latest_with_excuse, returned_on=trip.returned_on,
        return_rule=duty.return_rule, return_notification_required=duty.return_required,
        return_notification_by=duty.return_by,
    )


class _Each:
    """One trip's duty, with the value machinery of the duty questions."""

    def __init__(self, duty: TravelDuty) -> None:
        self.duty = duty

    @property
    def decided(self) -> bool:
        return self.duty.decided

    def as_value(self) -> TravelDutyValue:
        return as_value(self.duty)


_PARTS = {"travel": "", "travel_change": "change_", "travel_return": "return_"}
"""The trip's duties, and the prefix of each one's compliance in the value."""


def travel_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[TravelDuty]:
    """What each listed trip requires, adding reasons, missing facts and warnings to ``builder``."""
    status = status_on_demand(case, as_of, builder)
    duties = []
    for index, trip in enumerate(case.trips):
        before = len(builder.missing)
        duties.append(trip_duty(case, index, trip, builder, status))
        duties[-1].gaps = missing_since(builder, before) or tuple(m.fact for m in builder.missing)
    specs = [(duty, spec) for index, duty in enumerate(duties) for spec in _specs(duty, index, as_of)]
    for (duty, spec), found in zip(specs, assess(builder, case, as_of, [s for _, s in specs]), strict=True):
        duty.compliance[spec.kind] = found
    return duties


def _specs(duty: TravelDuty, index: int, as_of: date) -> list[DutySpec]:
    """The trip's duties to notify, as compliance reads them: the notice (unknown while it is undetermined), a
    further notice after a change, and the return notification."""
    trip, path, name = duty.trip, f"trips[{index}]", f"the trip {duty.label}"
    at = trip.departure or as_of

    def given(day: date | None, field: str, kind: str) -> tuple[Given, ...]:
        return () if day is None or day > as_of else (Given(day, kind, f"{path}.{field}"),)

    if duty.notifiable is False or duty.subject is False:
        return []
    if duty.latest is None:
        return [DutySpec("travel", duty.label, f"Notice of {name}", at, None, None, None, duty.gaps)]
    latest, found = duty.latest, []
    by_time: bool | Gap = True
    if latest.by is not None:
        by_time = (Gap((f"{path}.notified_by_latest_time",)) if trip.notified_by_latest_time is None
                   else trip.notified_by_latest_time)
    found.append(DutySpec("travel", duty.label, f"Notice of {name}", at, None, latest.day,
                          own=given(trip.notified_on, "notified_on", "trip_notice"), on_last_day=by_time))
    if duty.change_latest is not None and duty.change_rule is not None and trip.details_changed_on is not None:
        found.append(DutySpec("travel_change", duty.label, f"The further notice of {name}", trip.details_changed_on,
                              trip.details_changed_on, duty.change_latest.day,
                              own=given(trip.change_notified_on, "change_notified_on", "trip_change_notice")))
    returned = trip.returned_on
    if returned is not None and (duty.return_due or (duty.return_required is None and "return" in duty.open_parts)):
        running = None if duty.return_by is None else True
        found.append(DutySpec("travel_return", duty.label, f"The notification of the return from {name}", returned,
                              returned, duty.return_by, running, duty.gaps,
                              own=given(trip.return_notified_on, "return_notified_on", "trip_return_notice")))
    return found


def _next(days: list[tuple[date, str]], as_of: date) -> tuple[date, str] | None:
    """The earliest day not yet past, else the latest past one."""
    upcoming = [d for d in days if d[0] >= as_of]
    return min(upcoming) if upcoming else max(days, default=None)


def answer_travel(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationTravelValue], list[TravelDuty]]:
    """The outcome, value and dates of ``notification.travel``, with what each trip requires."""
    duties = travel_duties(case, as_of, builder)

    def conclude(value: dict[str, Any], dates: dict[str, date]) -> bool:
        due = [d for d in duties if d.due]
        value["notice_required"] = bool(due)
        returns = [d.return_required for d in due]
        value["return_notification_required"] = True if True in returns else (
            None if None in returns and any(d.trip.returned_on for d in due) else False)
        notice = _next([(d.latest.day, d.label) for d in due if d.latest is not None], as_of)
        if notice is not None:
            dates["travel_notice_by"], value["next_trip"] = notice
        change = _next([(d.change_latest.day, d.label) for d in due if d.change_latest is not None], as_of)
        if change is not None:
            dates["travel_change_by"] = change[0]
        back = _next([(d.return_by, d.label) for d in due if d.return_by is not None and d.return_due], as_of)
        if back is not None:
            dates["return_notification_by"] = back[0]
        return bool(due)

    each = [_Each(d) for d in duties]
    return answer_each(builder, "trips", "trips", each, NotificationTravelValue, conclude), duties


def travel_notice(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationTravelValue]:
    """Answer ``notification.travel`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_travel(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the latest day to give notice of each trip, of a change to it, and of the return."""
    if not case.trips:
        return None
    steps: list[Step] = []
    answer, duties = answer_travel(case, as_of, builder)
    for duty in duties:
        if not duty.due or duty.rule is None:
            continue
        departure = duty.trip.departure
        met = duty.compliance.get
        steps.append(Step(None if duty.latest is None else duty.latest.day, "travel_notice", duty.rule, duty.label,
                          f"Notice of the trip departing {departure} ({duty.notice})", met("travel")))
        if duty.change_latest is not None and duty.change_rule is not None:
            steps.append(Step(duty.change_latest.day, "travel_change_notice", duty.change_rule, duty.label,
                              f"Further notice of the changed details of the trip departing {departure}",
                              met("travel_change")))
        if duty.return_due and duty.return_rule is not None:
            steps.append(Step(duty.return_by, "return_notification", duty.return_rule, duty.label,
                              f"Notify the return to the UK of {duty.trip.returned_on}", met("travel_return")))
    return answer.outcome, steps


def headline(decision: Decision[NotificationTravelValue]) -> str:
    """One sentence answering the question."""
    if decision.outcome is Outcome.NO:
        return "None of the listed trips needs notice."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The notice needed for the listed trips cannot all be decided on these facts."
    if "travel_notice_by" in decision.dates:
        return (f"Notice of {decision.value.next_trip} is due by "
                f"{show_value(decision.dates['travel_notice_by'])}.")
    return "Notice is required for a listed trip."


def detail_lines(decision: Decision[NotificationTravelValue]) -> list[str]:
    """Whether each duty was met, one line each (met, met 3 days late, NOT MET, due, unknown)."""
    trips = decision.value.trips
    return compliance_lines(c for t in trips for c in (t.compliance, t.change_compliance, t.return_compliance))


__all__ = [
    "QUESTION",
    "NotificationTravelValue",
    "TravelDuty",
    "TravelDutyValue",
    "answer_travel",
    "detail_lines",
    "headline",
    "timeline_steps",
    "travel_duties",
    "travel_notice",
]
