"""What one trip abroad requires (SOA 2003 s.86; SI 2001/1846; SI 2004/1220, as amended by SI 2012/1876): notice
before departure (reg 5), a further notification if the details notified change (reg 7), and notification of the
return (reg 8).

The law on the date of departure decides the notice and the change, the law on the day of return the return. The
days are dated by :mod:`mappa_rules.legal_time.notice`, under the declared conventions of
``rulesets/notification/travel.yaml``; where a convention has an alternative reading the date is computed both ways
and the decision warns where they differ. Only a relevant offender must give notice, so the status is read on the
date of departure; the return notification lapses with the requirements if they end before its last day, as the
declared reading ``notification.status.duty_lapses_at_end`` has it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...engine.evaluator import Gap, Ledger, Scope, evaluate_group
from ...facts import Case, Trip
from ...legal_time import (
    DaysCounting,
    HoursReading,
    LatestTime,
    days_before,
    days_from_to,
    known_more_than_days_before,
    latest_day_days_before,
    latest_day_hours_before_departure,
    latest_time_hours_before_date,
    within_days_of,
)
from ...legal_time.conventions import sensitive
from ...vocabulary.notification import TRIP_VALUES
from .compliance import DutyCompliance
from .duties import DutyBuilder, label, run_group
from .status import NotificationStatus

__all__ = ["TravelDuty", "trip_duty"]

NEEDED_FOR = "notification.travel"
INCLUSIVE = "notification.travel.trip_days_inclusive"
SEVEN_DAYS = "notification.travel.seven_days_counting"
HOURS_DATE = "notification.travel.hours_before_date"
HOURS_DEPARTURE = "notification.travel.hours_notice_day_before"
KNOWN_AHEAD = "notification.travel.known_ahead_days"
RETURN_EXCLUDED = "notification.travel.return_day_excluded"
COMMENCEMENT = "notification.period.commencement"
LAPSES = "notification.status.duty_lapses_at_end"


@dataclass
class TravelDuty:
    """What one trip requires; ``None`` fields are undetermined (or, for the return, not yet known)."""

    trip: Trip
    label: str
    notifiable: bool | str | None = None
    rule: str | None = None
    subject: bool | None = None
    notice: str | None = None
    latest: LatestTime | None = None
    latest_clear_days: date | None = None
    latest_if_excuse: LatestTime | None = None
    as_soon_as_practicable: bool | None = None
    if_known_early: date | None = None
    if_not_known_early: date | None = None
    change_rule: str | None = None
    change_latest: LatestTime | None = None
    change_latest_with_excuse: date | None = None
    return_rule: str | None = None
    return_required: bool | None = None
    return_by: date | None = None
    return_lapsed: bool = False
    return_by_if_not_lapsed: date | None = None
    open_parts: list[str] = field(default_factory=list)
    gaps: tuple[str, ...] = ()
    compliance: dict[str, DutyCompliance] = field(default_factory=dict)
    """Whether the notice (``travel``), a further notice (``travel_change``) and the return notification
    (``travel_return``) were given, as at the date asked about (:mod:`.compliance`)."""

    @property
    def decided(self) -> bool:
        """Whether notice of the trip is due, and by when, is decided. An open return notification (reg 8) leaves
        it decided: that duty arises only once notice was due, and cannot change it; it is reported as undetermined
        in the trip's value, its missing facts in its compliance."""
        notice = self.notifiable is False or self.subject is False or (
            self.notifiable is True and self.subject is True and self.latest is not None)
        return notice and not [part for part in self.open_parts if part != "return"]

    @property
    def due(self) -> bool:
        """Notice of the trip is due (a relevant offender on departure, a notifiable trip)."""
        return self.decided and self.notifiable is True and self.subject is True

    @property
    def return_due(self) -> bool:
        return self.due and self.return_required is True and not self.return_lapsed

    @property
    def on_time(self) -> bool | None:
        notified, latest = self.trip.notified_on, self.latest
        if notified is None or latest is None or (latest.by is not None and notified == latest.day):
            return None
        return notified <= latest.day


def trip_duty(case: Case, index: int, trip: Trip, builder: DutyBuilder,
              status: Callable[[], NotificationStatus]) -> TravelDuty:
    """What the trip ``trips[index]`` requires, adding reasons, missing facts and warnings to ``builder``."""
    book = builder.book
    path = f"trips[{index}]"
    duty = TravelDuty(trip, label("trips", index, trip.id))
    departure = trip.departure
    if departure is None:  # the law in force on the day of departure decides everything
        builder.add_missing(f"{path}.departure", NEEDED_FOR)
        return duty
    scope = Scope(book, departure, TRIP_VALUES, case, {}, builder.warnings)

    def trip_days() -> int | Gap:
        if trip.return_date is None:
            return Gap((f"{path}.return_date",))
        return days_from_to(departure, trip.return_date, inclusive=bool(book.parameter(INCLUSIVE).value_at(departure)))

    def before_2004() -> bool | Gap:
        return status().subject_gap(days_before(book.parameter(COMMENCEMENT).value_at(departure), 1))

    scope.subject.update(
        departure_date=departure, trip_days=trip_days, known_more_than_7_days_before=lambda: _known(scope, trip, path),
        reasonable_excuse=bool(trip.reasonable_excuse), change_reasonable_excuse=bool(trip.change_reasonable_excuse),
        details_changed=trip.details_changed_on is not None, subject_before_2004=before_2004,
    )
    result = run_group(book, "notification.travel.notice", scope, builder, duty.label)
    if result.fired is None:
        _candidates(scope, duty)
        return duty
    if trip.return_date is not None and "trip_days" in scope.cache:
        sensitive(scope, INCLUSIVE, lambda inclusive: _notice_if(scope, trip, bool(inclusive)), str)
    outputs = result.outputs
    duty.rule, duty.notifiable = result.fired.id, outputs["notifiable"]
    if duty.notifiable is not True:
        return duty
    duty.subject = status().subject_or_missing(departure, builder, NEEDED_FOR)
    if duty.subject is not True:
        return duty
    duty.notice = _words(outputs)
    duty.latest = _latest(scope, departure, outputs)
    duty.as_soon_as_practicable = bool(outputs.get("as_soon_as_practicable"))
    if outputs.get("days_before") is not None:
        duty.latest_clear_days = latest_day_days_before(departure, int(outputs["days_before"]), DaysCounting.CLEAR_DAYS)
    if outputs.get("fallback_hours_before") is not None:
        duty.latest_if_excuse = _latest(scope, departure, {"hours_before": outputs["fallback_hours_before"],
                                                           "measured_from": "date"}, quiet=True)
    scope.subject["regime_2001"] = outputs.get("return_rules") == "not_encoded"
    if trip.details_changed_on is not None:
        _change(scope, duty, departure, builder)
    if outputs.get("return_rules") is True and trip.returned_on is not None:
        _return(scope, duty, trip.returned_on, path, builder, status())
    return duty


def _known(scope: Scope, trip: Trip, path: str) -> bool | Gap:
    """reg 5(2)-(3): known more than 7 days before the date of departure, as stated or from the day known."""
    if trip.known_more_than_7_days_before is not None:
        return trip.known_more_than_7_days_before
    if trip.details_known_on is not None and trip.departure is not None:
        return known_more_than_days_before(trip.details_known_on, trip.departure, int(scope.param(KNOWN_AHEAD)))
    return Gap((f"{path}.known_more_than_7_days_before",))


def _words(outputs: Mapping[str, Any]) -> str:
    if outputs.get("days_before") is not None:
        return f"at least {outputs['days_before']} days before the date of departure"
    when = "the date of departure" if outputs.get("measured_from") == "date" else "departure"
    urgent = "as soon as reasonably practicable and " if outputs.get("as_soon_as_practicable") else ""
    return f"{urgent}at least {outputs['hours_before']} hours before {when}"


def _latest(scope: Scope, departure: date, outputs: Mapping[str, Any], quiet: bool = False) -> LatestTime:
    """The latest moment for notice that a rule's outputs describe: days before the date, hours before the date,
    or hours before the departure itself. ``quiet``: with the values in force, recorded as relied on only."""
    book, day = scope.book, scope.as_at
    if outputs.get("days_before") is not None:
        days = int(outputs["days_before"])
        if quiet:
            return LatestTime(latest_day_days_before(departure, days, DaysCounting(book.parameter(SEVEN_DAYS)
                                                                                   .value_at(day))))
        return sensitive(scope, SEVEN_DAYS,
                         lambda c: LatestTime(latest_day_days_before(departure, days, DaysCounting(c))), str)
    hours = int(outputs["hours_before"])
    if outputs.get("measured_from") == "date":
        if quiet:
            reading = book.parameter(HOURS_DATE).value_at(day)
            scope.rely(HOURS_DATE, reading)
            return latest_time_hours_before_date(departure, hours, HoursReading(reading))
        # The readings are compared by the day: a clock time the words fix (12 hours: noon) is given, not warned.
        sensitive(scope, HOURS_DATE, lambda c: latest_time_hours_before_date(departure, hours, HoursReading(c)).day,
                  str)
        return latest_time_hours_before_date(departure, hours, HoursReading(book.parameter(HOURS_DATE).value_at(day)))
    if quiet:
        reading = book.parameter(HOURS_DEPARTURE).value_at(day)
        scope.rely(HOURS_DEPARTURE, reading)
    else:
        reading = scope.param(HOURS_DEPARTURE)
    if reading != "day_before_departure":
        raise LookupError(f"unsupported {HOURS_DEPARTURE}: {reading}")
    return LatestTime(latest_day_hours_before_departure(departure))


def _candidates(scope: Scope, duty: TravelDuty) -> None:
    """While it is unknown whether the details were known more than 7 days ahead: the latest day either way."""
    for known in (True, False):
        side = Scope(scope.book, scope.as_at, TRIP_VALUES, scope.case,
                     {**scope.subject, "known_more_than_7_days_before": known}, Ledger())
        fired = evaluate_group(scope.book.group("notification.travel.notice"), side).fired
        if fired is None or fired.then.get("notifiable") is not True or duty.trip.departure is None:
            return
        day = _latest(side, duty.trip.departure, fired.then, quiet=True).day
        if known:
            duty.if_known_early = day
        else:
            duty.if_not_known_early = day


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


def _change(scope: Scope, duty: TravelDuty, departure: date, builder: DutyBuilder) -> None:
    """reg 7: a further notification once the details notified have changed before departure."""
    result = run_group(builder.book, "notification.travel.change", scope, builder, duty.label)
    if not result.decided:
        duty.open_parts.append("change")
        return
    if result.fired is None or not result.outputs.get("encoded"):
        return
    duty.change_rule = result.fired.id
    duty.change_latest = _latest(scope, departure, result.outputs)
    if result.outputs.get("with_excuse_hours_before") is not None:
        duty.change_latest_with_excuse = _latest(scope, departure, {
            "hours_before": result.outputs["with_excuse_hours_before"], "measured_from": "departure"}, quiet=True).day


def _return(scope: Scope, duty: TravelDuty, returned: date, path: str, builder: DutyBuilder,
            status: NotificationStatus) -> None:
    """reg 8: the return must be notified within three days of it, unless it was as notified."""
    book = builder.book
    as_notified = duty.trip.return_as_notified
    values = {**scope.subject, "returned_on": returned,
              "return_as_notified": Gap((f"{path}.return_as_notified",)) if as_notified is None else as_notified}
    back = Scope(book, returned, TRIP_VALUES, scope.case, values, builder.warnings)
    result = evaluate_group(book.group("notification.travel.return"), back)
    if result.fired is None and status.subject_on(returned) is False:
        duty.return_required = False  # reg 8(1): the regulation applies to a relevant offender who returns
        return
    builder.record(result, duty.label)
    if result.fired is None:
        duty.open_parts.append("return")
        return
    duty.return_rule = result.fired.id
    if not result.outputs["required"]:
        duty.return_required = False
        return
    subject = status.subject_or_missing(returned, builder, NEEDED_FOR)
    if subject is not True:  # the duty binds a relevant offender
        duty.return_required = subject
        if subject is None:
            duty.open_parts.append("return")
        return
    days = int(result.outputs["days"])
    by = sensitive(back, RETURN_EXCLUDED, lambda excluded: within_days_of(returned, days, day_excluded=bool(excluded)),
                   str)
    duty.return_required, duty.return_by = True, by
    if status.lapse(returned, by) is not None and back.param(LAPSES):
        duty.return_lapsed, duty.return_by_if_not_lapsed, duty.return_by = True, by, None
