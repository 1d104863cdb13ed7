"""Question ``notification.travel``: must each trip abroad be notified, and by when?

Sexual Offences Act 2003 s.86 and the travel regulations, by the date of departure:

* 1 June 2001 - 30 April 2004 (SI 2001/1846): trips of 8 days or longer, at least 24 hours before departure;
* 1 May 2004 - 12 August 2012 (SI 2004/1220): trips of 3 days or more (trips under 8 days departing by 9 May
  2004 stay exempt), with a 24-hour floor whose wording is unverified;
* from 13 August 2012 (SI 2004/1220 as amended by SI 2012/1876): every trip, at least 7 days before departure
  when the details are known, otherwise at least 12 hours before (timing unverified for England and Wales); a
  14-day transition from 13 August 2012 whose details are unverified leaves those departures undetermined.

Times of day are not modelled: a notice due some hours before departure is dated the day before (declared
convention ``notification.travel.hours_notice_day_before``). How a trip's days are counted is a declared
convention too (``notification.travel.trip_days_inclusive``): the rules are run again with the days counted the
other way, and the decision warns only where that would change the notice the trip needs. Only a relevant
offender must give notice, so each trip is checked against the notification period on its departure date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Ledger, Scope, evaluate_group
from ...facts import Case, Trip
from ...legal_time import days_before, days_from_to
from ...legal_time.conventions import sensitive
from ...vocabulary.notification import TRIP_VALUES
from .duties import Answer, DutyBuilder, Step, answer_each, decide, label, run_group, status_on_demand
from .status import NotificationStatus

QUESTION = "notification.travel"
INCLUSIVE = "notification.travel.trip_days_inclusive"
HOURS_CONVENTION = "notification.travel.hours_notice_day_before"


class TravelDutyValue(TypedValue):
    """The notice one trip abroad requires (SOA 2003 s.86 and the travel regulations)."""

    trip: str = Field(description="The trip's id, or its path in the case.")
    departure: date | None = Field(description="The day of departure.")
    notifiable: bool | str | None = Field(description="The trip must be notified ('unresolved' where unsettled).")
    rule: str | None = Field(description="The rule that decided it.")
    subject_on_departure: bool | None = Field(description="The person is a relevant offender on departure.")
    notice: str | None = Field(description="How long before departure, in words.")
    latest_day: date | None = Field(description="The latest day to give notice.")


class NotificationTravelValue(TypedValue):
    """Whether each trip abroad must be notified, and by when."""

    trips: list[TravelDutyValue] = Field(description="Each listed trip, in the case's order.")
    notice_required: bool | None = Field(default=None, description="Present when trips are listed: notice is due.")
    next_trip: str | None = Field(default=None, description="The trip whose notice is due next.")


@dataclass
class TravelDuty:
    """What one trip requires; ``None`` fields are undetermined."""

    trip: Trip
    label: str
    notifiable: bool | str | None = None
    rule: str | None = None
    subject: bool | None = None
    days_before: int | None = None
    hours_before: int | None = None
    latest_day: date | None = None

    @property
    def decided(self) -> bool:
        return self.notifiable is False or self.subject is False or (
            self.notifiable is True and self.subject is True and self.latest_day is not None)

    @property
    def due(self) -> bool:
        return self.decided and self.notifiable is True and self.subject is True

    def notice(self) -> str | None:
        if self.days_before is not None:
            return f"at least {self.days_before} days before departure"
        if self.hours_before is not None:
            return f"at least {self.hours_before} hours before departure"
        return None

    def as_value(self) -> TravelDutyValue:
        return TravelDutyValue.model_construct(
            trip=self.label, departure=self.trip.departure, notifiable=self.notifiable, rule=self.rule,
            subject_on_departure=self.subject, notice=self.notice(), latest_day=self.latest_day,
        )


def travel_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[TravelDuty]:
    """The notice each listed trip requires, adding reasons, missing facts and warnings to ``builder``."""
    status = status_on_demand(case, as_of, builder)
    return [_duty(case, index, trip, as_of, builder, status) for index, trip in enumerate(case.trips)]


def _duty(case: Case, index: int, trip: Trip, as_of: date, builder: DutyBuilder,
          status: Callable[[], NotificationStatus]) -> TravelDuty:
    book = builder.book
    path = f"trips[{index}]"
    duty = TravelDuty(trip, label("trips", index, trip.id))
    departure = trip.departure
    if departure is None:  # the law in force on the day of departure decides everything
        builder.add_missing(f"{path}.departure", QUESTION)
        return duty
    scope = Scope(book, departure, TRIP_VALUES, case, {}, builder.warnings)

    def trip_days() -> int | Gap:
        if trip.return_date is None:
            return Gap((f"{path}.return_date",))
        return days_from_to(departure, trip.return_date, inclusive=bool(book.parameter(INCLUSIVE).value_at(departure)))

    known = trip.known_7_days_before
    scope.subject.update(
        departure_date=departure,
        trip_days=trip_days,
        known_7_days_before=Gap((f"{path}.known_7_days_before",)) if known is None else known,
    )
    result = run_group(book, "notification.travel.notice", scope, builder, duty.label)
    if result.fired is None:
        return duty
    if trip.return_date is not None and "trip_days" in scope.cache:
        sensitive(scope, INCLUSIVE, lambda inclusive: _notice_if(scope, trip, bool(inclusive)), str)
    outputs = result.outputs
    duty.rule, duty.notifiable = result.fired.id, outputs["notifiable"]
    if duty.notifiable is not True:
        return duty
    duty.subject = status().subject_on(departure)
    if duty.subject is not True:
        return duty
    duty.days_before, duty.hours_before = outputs.get("days_before"), outputs.get("hours_before")
    if duty.days_before is not None:
        duty.latest_day = days_before(departure, int(duty.days_before))
    elif scope.param(HOURS_CONVENTION) == "day_before_departure":
        duty.latest_day = days_before(departure, 1)
    return duty


@dataclass(frozen=True)
class _Notice:
    """The notice a trip needs when its days are counted one way (compared by the notice alone)."""

    days: int = field(compare=False)
    rule: str | None
    then: tuple[tuple[str, Any], ...]

    def __str__(self) -> str:
        return f"a trip of {self.days} days, so {self.rule or 'no rule'} applies"


def _notice_if(scope: Scope, trip: Trip, inclusive: bool) -> _Notice:
    """The notice the trip needs if its days are counted inclusively or not (the rules re-run on the side)."""
    assert trip.departure is not None and trip.return_date is not None
    days = days_from_to(trip.departure, trip.return_date, inclusive=inclusive)
    side = Scope(scope.book, scope.as_at, TRIP_VALUES, scope.case, {**scope.subject, "trip_days": days}, Ledger())
    fired = evaluate_group(scope.book.group("notification.travel.notice"), side).fired
    return _Notice(days, None if fired is None else fired.id, tuple(sorted((fired.then if fired else {}).items())))


def answer_travel(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationTravelValue], list[TravelDuty]]:
    """The outcome, value and dates of ``notification.travel``, with the notice each trip requires."""
    duties = travel_duties(case, as_of, builder)

    def conclude(value: dict[str, Any], dates: dict[str, date]) -> bool:
        due = [d for d in duties if d.due]
        value["notice_required"] = bool(due)
        upcoming = [d for d in due if d.latest_day is not None and d.latest_day >= as_of]
        chosen = min(upcoming, key=lambda d: d.latest_day or date.max, default=None) or (due[-1] if due else None)
        if chosen is not None and chosen.latest_day is not None:
            dates["travel_notice_by"] = chosen.latest_day
            value["next_trip"] = chosen.label
        return bool(due)

    return answer_each(builder, "trips", "trips", duties, NotificationTravelValue, conclude), duties


def travel_notice(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationTravelValue]:
    """Answer ``notification.travel`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_travel(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the latest day to give notice of each trip to be notified (none when no trip is listed)."""
    if not case.trips:
        return None
    steps: list[Step] = []
    answer, duties = answer_travel(case, as_of, builder)
    for duty in duties:
        if duty.due and duty.rule is not None:
            steps.append(Step(duty.latest_day, "travel_notice", duty.rule, duty.label,
                              f"Notice of the trip departing {duty.trip.departure} ({duty.notice()})"))
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


__all__ = [
    "QUESTION",
    "NotificationTravelValue",
    "TravelDuty",
    "TravelDutyValue",
    "answer_travel",
    "headline",
    "timeline_steps",
    "travel_duties",
    "travel_notice",
]
