"""A person's facts, kept from their events: each event adds to or changes the case the core questions read.

The facts are kept as the case document (the JSON form of :class:`mappa_rules.Case`, compact text between
events) and validated as a whole after every event, so an event that makes the case impossible is refused with
the field and the reason and the person's facts stay as they were. Notice of a trip, of its changed details and
of the return are the trip's own facts (``notified_on``, ``change_notified_on``, ``return_notified_on``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mappa_rules import (
    Case,
    Change,
    Disposal,
    Interval,
    ManagementFacts,
    NotificationGiven,
    Order,
    OrderTerm,
    Person,
    ReviewFacts,
    RiskFacts,
    Trip,
)

from .events import Day, Event, describe

DETENTION = ("remanded_in_custody", "serving_sentence", "service_detention", "hospital")
DUTIES_ONLY = frozenset({"notified", "changed", "change_expected", "trip_planned"})
"""Event kinds that can change only the notification duties (not the category, level or orders)."""


class Rejected(Exception):
    """An event that cannot be applied: ``bad_event`` (its details) or ``bad_facts`` (what is known)."""

    def __init__(self, error: str, fields: tuple[str, ...], detail: str) -> None:
        super().__init__(detail)
        self.error, self.fields, self.detail = error, fields, detail


@dataclass
class Facts:
    """What is known of one person: the case document."""

    case: dict[str, Any] = field(default_factory=dict)

    def dump(self) -> str:
        return json.dumps(self.case, separators=(",", ":"))

    @classmethod
    def load(cls, text: str | None) -> Facts:
        return cls() if text is None else cls(json.loads(text))


class _Details(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class _Ref(_Details):
    order: str = Field(min_length=1)


class _Varied(_Ref):
    terms: list[OrderTerm]


class _Sentenced(_Details):
    disposal: str = Field(min_length=1)
    sentence: dict[str, Any]
    supervision_end: Day | None = None


class _Detained(_Details):
    place: Literal["remanded_in_custody", "serving_sentence", "service_detention", "hospital"]


class _Released(_Details):
    disposal: str | None = Field(default=None, min_length=1)


class _Nothing(_Details):
    pass


class _Notified(_Details):
    kind: Literal["initial", "change", "periodic", "prescribed_information", "non_occurrence", "travel",
                  "travel_change", "travel_return"]
    no_sole_or_main_residence: bool | None = None
    trip: str | None = Field(default=None, min_length=1)


class _Determined(_Details):
    determination: Literal["discharged", "refused"]
    further_period_years: int | None = None


def apply(facts: Facts, event: Event) -> Case:
    """Apply ``event`` to ``facts`` (in place) and return the validated case; raise :class:`Rejected`."""
    _APPLY[event.kind](facts, event.details, event.date.isoformat())
    try:
        return Case.model_validate(facts.case)
    except ValidationError as exc:
        fields, detail = describe(exc)
        raise Rejected("bad_facts", fields, detail) from None


def case_of(facts: Facts) -> Case:
    """The validated case of facts already accepted."""
    return Case.model_validate(facts.case)


def _shape(model: type[BaseModel], data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields, detail = describe(exc, "details")
        raise Rejected("bad_event", fields, detail) from None


def _fact(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` validated as a case fact of ``model``, in its JSON form."""
    dumped: dict[str, Any] = _shape(model, data).model_dump(mode="json", exclude_none=True)
    return dumped


def _dated_fact(model: type[BaseModel], details: dict[str, Any], name: str, day: str) -> dict[str, Any]:
    """The details validated as a case fact of ``model`` whose field ``name`` is the event's date."""
    if name in details:
        raise Rejected("bad_event", (f"details.{name}",), f"details.{name}: given by the event's date")
    return _fact(model, {**details, name: day})


def _list(facts: Facts, name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = facts.case.setdefault(name, [])
    return items


def _by_id(facts: Facts, name: str, ident: str, what: str) -> dict[str, Any]:
    for item in _list(facts, name):
        if item.get("id") == ident:
            return item
    raise Rejected("bad_facts", (f"details.{what}",), f"details.{what}: no {what} has this id")


def _unique(facts: Facts, name: str, ident: str) -> None:
    if any(item.get("id") == ident for item in _list(facts, name)):
        raise Rejected("bad_facts", ("details.id",), f"details.id: another {name[:-1]} has this id")


def _person(facts: Facts, details: dict[str, Any], day: str) -> None:
    facts.case["person"] = _fact(Person, details)


def _convicted(facts: Facts, details: dict[str, Any], day: str) -> None:
    given = {"trigger": "conviction", **details}
    if "sentence" in details and "sentence_date" not in details:
        given["sentence_date"] = day  # sentenced with the conviction: the relevant date either way (s.82(6), s.132(3))
    disposal = _dated_fact(Disposal, given, "relevant_date", day)
    _unique(facts, "disposals", disposal["id"])
    _list(facts, "disposals").append(disposal)


def _sentenced(facts: Facts, details: dict[str, Any], day: str) -> None:
    given: _Sentenced = _shape(_Sentenced, details)
    disposal = _by_id(facts, "disposals", given.disposal, "disposal")
    update: dict[str, Any] = {"sentence": given.sentence, "sentence_date": day}
    if given.supervision_end is not None:
        update["supervision_end"] = given.supervision_end.isoformat()
    checked = _fact(Disposal, {**disposal, **update})
    disposal.clear()
    disposal.update(checked)


def _open_interval(facts: Facts, kinds: tuple[str, ...]) -> dict[str, Any] | None:
    return next((i for i in reversed(_list(facts, "intervals")) if i["kind"] in kinds and "end" not in i), None)


def _detained(facts: Facts, details: dict[str, Any], day: str) -> None:
    given: _Detained = _shape(_Detained, details)
    current = _open_interval(facts, DETENTION)
    if current is not None:  # a move from one detention to another (remand to sentence, prison to hospital)
        current["end"] = day
    _list(facts, "intervals").append(_fact(Interval, {"kind": given.place, "start": day}))


def _released(facts: Facts, details: dict[str, Any], day: str) -> None:
    given: _Released = _shape(_Released, details)
    current = _open_interval(facts, DETENTION)
    if current is None:
        raise Rejected("bad_facts", ("kind",), "released: the person is not recorded as detained")
    current["end"] = day
    if given.disposal is not None:
        _by_id(facts, "disposals", given.disposal, "disposal")["release_date"] = day
    changes = _list(facts, "changes")
    changes.append({"id": f"release#{len(changes) + 1}", "kind": "release", "date": day, "notified_in_advance": False})


def _left_uk(facts: Facts, details: dict[str, Any], day: str) -> None:
    _shape(_Nothing, details)
    if _open_interval(facts, ("outside_uk",)) is not None:
        raise Rejected("bad_facts", ("kind",), "left_uk: the person is already recorded as outside the UK")
    _list(facts, "intervals").append({"kind": "outside_uk", "start": day})


def _returned_uk(facts: Facts, details: dict[str, Any], day: str) -> None:
    _shape(_Nothing, details)
    current = _open_interval(facts, ("outside_uk",))
    if current is None:
        raise Rejected("bad_facts", ("kind",), "returned_uk: the person is not recorded as outside the UK")
    current["end"] = day


_TRIP_NOTICES = {"travel": "notified_on", "travel_change": "change_notified_on",
                 "travel_return": "return_notified_on"}
"""The trip's field each kind of travel notice sets (s.86(2), SI 2004/1220 regs 5, 7 and 8)."""


def _notified(facts: Facts, details: dict[str, Any], day: str) -> None:
    given: _Notified = _shape(_Notified, details)
    if given.kind in _TRIP_NOTICES:
        if given.trip is None or given.no_sole_or_main_residence is not None:
            raise Rejected("bad_event", ("details.trip",), "details.trip: a travel notice names its trip, only")
        trip = _by_id(facts, "trips", given.trip, "trip")
        trip.setdefault(_TRIP_NOTICES[given.kind], day)  # the first notice is the one that meets the duty
        return
    if given.trip is not None:
        raise Rejected("bad_event", ("details.trip",), "details.trip: only for a travel notice")
    note = {"kind": given.kind, "date": day, "no_sole_or_main_residence": given.no_sole_or_main_residence}
    _list(facts, "notifications").append(_fact(NotificationGiven, note))


def _changed(facts: Facts, details: dict[str, Any], day: str) -> None:
    changes = _list(facts, "changes")
    ident = details.get("id")
    expected = next((c for c in changes if ident is not None and c.get("id") == ident), None)
    if expected is not None:
        if not expected.get("notified_in_advance") or "date" in expected:
            raise Rejected("bad_facts", ("details.id",), "details.id: another change has this id")
        update = {k: v for k, v in expected.items() if k != "occurred"}
        checked = _dated_fact(Change, {**update, **details}, "date", day)
        expected.clear()
        expected.update(checked)
        return
    # The events are the record: a change not announced by a change_expected event was not notified in advance.
    change = _dated_fact(Change, {"notified_in_advance": False, **details}, "date", day)
    change.setdefault("id", f"{change['kind']}#{len(changes) + 1}")
    _unique(facts, "changes", change["id"])
    changes.append(change)


def _change_expected(facts: Facts, details: dict[str, Any], day: str) -> None:
    if not details.get("id") or "expected_date" not in details:
        raise Rejected("bad_event", ("details.id", "details.expected_date"),
                       "details: an expected change needs its id and expected_date")
    change = _fact(Change, {**details, "notified_in_advance": True, "occurred": False})
    _unique(facts, "changes", change["id"])
    _list(facts, "changes").append(change)
    _list(facts, "notifications").append({"kind": "change", "date": day})


def _trip_planned(facts: Facts, details: dict[str, Any], day: str) -> None:
    trip = _fact(Trip, details)
    if "id" not in trip:
        raise Rejected("bad_event", ("details.id",), "details.id: a trip needs an id")
    trips = _list(facts, "trips")
    before = next((t for t in trips if t.get("id") == trip["id"]), {})
    for notice in _TRIP_NOTICES.values():  # a trip planned again replaces it, keeping the notices given
        if notice in before and notice not in trip:
            trip[notice] = before[notice]
    facts.case["trips"] = [*(t for t in trips if t.get("id") != trip["id"]), trip]


def _order_made(facts: Facts, details: dict[str, Any], day: str) -> None:
    order = _dated_fact(Order, details, "made", day)
    _unique(facts, "orders", order["id"])
    _list(facts, "orders").append(order)


def _order_update(update: Callable[[dict[str, Any], Any, str], None], model: type[BaseModel] = _Ref,
                  ) -> Callable[[Facts, dict[str, Any], str], None]:
    def run(facts: Facts, details: dict[str, Any], day: str) -> None:
        given = _shape(model, details)
        order = _by_id(facts, "orders", given.order, "order")
        changed = dict(order)
        update(changed, given, day)
        checked = _fact(Order, changed)
        order.clear()
        order.update(checked)

    return run


def _served(order: dict[str, Any], given: Any, day: str) -> None:
    order["served"] = day


def _varied(order: dict[str, Any], given: Any, day: str) -> None:
    order["terms"] = [t.model_dump(mode="json", exclude_none=True) for t in given.terms]


def _discharged(order: dict[str, Any], given: Any, day: str) -> None:
    order["ceased_on"] = day


def _breached(order: dict[str, Any], given: Any, day: str) -> None:
    order["breached"] = True
    order.setdefault("breach_date", day)


def _review_facts(facts: Facts, details: dict[str, Any], day: str) -> None:
    if "applications" in details:
        raise Rejected("bad_event", ("details.applications",), "details.applications: given by review events")
    review = facts.case.setdefault("review", {})
    review.update(_fact(ReviewFacts, details))


def _applications(facts: Facts) -> list[dict[str, Any]]:
    applications: list[dict[str, Any]] = facts.case.setdefault("review", {}).setdefault("applications", [])
    return applications


def _review_applied(facts: Facts, details: dict[str, Any], day: str) -> None:
    _shape(_Nothing, details)
    _applications(facts).append({"received": day, "determination": "pending"})


def _last_application(facts: Facts) -> dict[str, Any]:
    applications = _applications(facts)
    if not applications:
        raise Rejected("bad_facts", ("kind",), "no application for review is recorded")
    return applications[-1]


def _review_determined(facts: Facts, details: dict[str, Any], day: str) -> None:
    given: _Determined = _shape(_Determined, details)
    application = _last_application(facts)
    application.update(determination=given.determination, determination_date=day)
    if given.further_period_years is not None:
        application["further_period_years"] = given.further_period_years


def _review_notice_received(facts: Facts, details: dict[str, Any], day: str) -> None:
    _shape(_Nothing, details)
    _last_application(facts)["notice_received"] = day


def _level_decided(facts: Facts, details: dict[str, Any], day: str) -> None:
    if "current_level" not in details:
        raise Rejected("bad_event", ("details.current_level",), "details.current_level: required")
    given = _dated_fact(ManagementFacts, details, "last_review", day)
    facts.case.setdefault("mappa", {}).update(given)


def _risk_assessed(facts: Facts, details: dict[str, Any], day: str) -> None:
    facts.case.setdefault("risk", {}).update(_fact(RiskFacts, details))


def _tick(facts: Facts, details: dict[str, Any], day: str) -> None:
    raise AssertionError("a tick changes no facts")


_APPLY: dict[str, Callable[[Facts, dict[str, Any], str], None]] = {
    "person": _person,
    "convicted": _convicted,
    "sentenced": _sentenced,
    "detained": _detained,
    "released": _released,
    "left_uk": _left_uk,
    "returned_uk": _returned_uk,
    "notified": _notified,
    "changed": _changed,
    "change_expected": _change_expected,
    "trip_planned": _trip_planned,
    "order_made": _order_made,
    "order_served": _order_update(_served),
    "order_varied": _order_update(_varied, _Varied),
    "order_discharged": _order_update(_discharged),
    "order_breached": _order_update(_breached),
    "review_facts": _review_facts,
    "review_applied": _review_applied,
    "review_determined": _review_determined,
    "review_notice_received": _review_notice_received,
    "level_decided": _level_decided,
    "risk_assessed": _risk_assessed,
    "tick": _tick,
}

__all__ = ["DUTIES_ONLY", "Facts", "Rejected", "apply", "case_of"]
