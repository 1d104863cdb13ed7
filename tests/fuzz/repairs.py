"""The repairs that make a generated mapping satisfy a fact model's validators (the relations between its fields
that its annotations cannot say): dates in order, a caution with a caution trigger, one of two fields given, a
reference to a disposal of the case. A model added with a validator needs its line in :data:`REPAIRS`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import BaseModel

from mappa_rules.facts import (
    Case,
    Change,
    Disposal,
    HospitalOrder,
    Interval,
    Offence,
    Order,
    OrderTerm,
    Relation,
    ReviewAppeal,
    ReviewApplication,
    StatedNotification,
    StatedSupervision,
    Stay,
    Term,
    Trip,
)
from mappa_rules.legal_time import MissingDayRule, TimeConventions, age_on

from .choices import Context, shift


def _reflect(value: str, about: str) -> str:
    """``value`` reflected about ``about``: as far on the other side of it (within the dates handled)."""
    there, centre = date.fromisoformat(value), date.fromisoformat(about)
    return shift(centre, (centre - there).days).isoformat()


def _later(data: dict[str, Any], first: str, *later: str) -> None:
    """Each of ``later`` on or after ``first`` (one before it is reflected about it)."""
    start = data.get(first)
    for name in later:
        value = data.get(name)
        if start is not None and value is not None and value < start:
            data[name] = _reflect(value, start)


def _earlier(data: dict[str, Any], last: str, *earlier: str) -> None:
    """Each of ``earlier`` on or before ``last``."""
    end = data.get(last)
    for name in earlier:
        value = data.get(name)
        if end is not None and value is not None and value > end:
            data[name] = _reflect(value, end)


def _repair_disposal(data: dict[str, Any], ctx: Context) -> None:
    sentence = data.get("sentence")
    if sentence is not None and (data["trigger"] == "caution") != (sentence["kind"] == "caution"):
        if data["trigger"] == "caution":
            data["sentence"] = {"kind": "caution"}
        else:
            data["trigger"] = "caution"
    offence, relevant = data.get("offence", {}), data.get("relevant_date")
    for name in ("offence_date_to", "offence_date"):
        if relevant and offence.get(name) and offence[name] > relevant:
            offence[name] = _reflect(offence[name], relevant)
    if offence.get("offence_date_to") and offence["offence_date_to"] < offence["offence_date"]:
        offence["offence_date"], offence["offence_date_to"] = offence["offence_date_to"], offence["offence_date"]
    _later(data, "relevant_date", "sentence_date", "release_date", "supervision_end", "trial_concluded_on")
    if data.get("supervision_open_ended"):
        data.pop("supervision_end", None)
    if data["trigger"] != "disability_finding":
        data.pop("trial_concluded_on", None)
    if offence.get("schedule3_sentencing_condition") and (offence.get("schedule3") is False
                                                          or data["trigger"] == "caution"):
        offence["schedule3_sentencing_condition"] = False


def _repair_offence(data: dict[str, Any], ctx: Context) -> None:
    if data.get("offence_date") is None:
        data.pop("offence_date_to", None)
    _later(data, "offence_date", "offence_date_to")


def _repair_hospital_order(data: dict[str, Any], ctx: Context) -> None:
    if data.get("without_limit_of_time") and data.get("restriction_order") is False:
        data["restriction_order"] = True


def _repair_relation(data: dict[str, Any], ctx: Context) -> None:
    if data["kind"] == "partly_concurrent" and data.get("overlap") is None:
        data["overlap"] = {"months": ctx.integer(1, 12)}
    elif data["kind"] != "partly_concurrent":
        data.pop("overlap", None)


def _repair_term(data: dict[str, Any], ctx: Context) -> None:
    if not any(data.get(k) for k in ("years", "months", "weeks", "days")):
        data["months"] = ctx.integer(1, 40)


def _repair_change(data: dict[str, Any], ctx: Context) -> None:
    if data["kind"] != "other_address" or (data.get("stays") and data.get("date") is not None):
        data.pop("stays", None)
    if data.get("date") is not None and data.get("occurred") is False:
        data.pop("occurred")
    if data.get("notified_in_advance") is not True:
        data.pop("expected_date", None)
    if data["kind"] != "household_with_child":
        for name in ("child_resides_or_stays", "public_access", "at_least_12_hours"):
            data.pop(name, None)


def _repair_application(data: dict[str, Any], ctx: Context) -> None:
    if data.get("determination") == "pending":
        data.pop("determination_date", None)
        data.pop("notice_received", None)
    _later(data, "received", "determination_date", "notice_received")
    _later(data, "determination_date", "notice_received")
    received = data.get("received")
    if received is not None and data.get("bodies_notified_on"):
        data["bodies_notified_on"] = [day if day >= received else _reflect(day, received)
                                      for day in data["bodies_notified_on"]]
    appeal = data.get("appeal")
    if appeal is not None and data.get("determination") != "refused":
        data.pop("appeal")
    elif appeal is not None and appeal.get("lodged") and (data.get("notice_received") or "") > appeal["lodged"]:
        appeal["lodged"] = _reflect(appeal["lodged"], data["notice_received"])
        _repair_appeal(appeal, ctx)


def _repair_appeal(data: dict[str, Any], ctx: Context) -> None:
    if data.get("outcome") == "pending":
        data.pop("order_date", None)
    _later(data, "lodged", "order_date")


def _repair_trip(data: dict[str, Any], ctx: Context) -> None:
    _later(data, "departure", "return_date", "returned_on")
    _earlier(data, "departure", "notified_on", "details_known_on")
    if data.get("details_known_on") is not None:
        data.pop("known_more_than_7_days_before", None)
    changed, notified, departure = data.get("details_changed_on"), data.get("notified_on"), data.get("departure")
    if changed is not None and (notified is None or changed < notified
                                or (departure is not None and changed >= departure)):
        data.pop("details_changed_on")
    if data.get("returned_on") is None:
        data.pop("return_as_notified", None)
        data.pop("return_notified_on", None)
    _later(data, "returned_on", "return_notified_on")
    if data.get("details_changed_on") is None:
        data.pop("change_notified_on", None)
    _later(data, "details_changed_on", "change_notified_on")
    if data.get("notified_on") is None:
        data.pop("notified_by_latest_time", None)


def _repair_stated_notification(data: dict[str, Any], ctx: Context) -> None:
    if data.get("indefinite") is True:
        data.pop("until", None)
    elif data.get("until") is None:
        data["indefinite"] = True
    _later(data, "since", "until")


def _repair_stated_supervision(data: dict[str, Any], ctx: Context) -> None:
    if data["kind"] != "hospital_order":
        data.pop("without_limit_of_time", None)
    if data.get("open_ended") or data.get("without_limit_of_time"):
        data.pop("until", None)
    elif data.get("until") is None:
        data["open_ended"] = True
    _later(data, "since", "until")


def _repair_order(data: dict[str, Any], ctx: Context) -> None:
    _later(data, "made", "served", "ceased_on", "breach_date")
    _earlier(data, "made", "conviction_date", "application_date")
    if data["kind"] not in ("notification_order", "notification_notice"):
        data.pop("applies_to", None)
    if data.get("breached") is False:
        data.pop("breach_date", None)
    for term in data.get("terms", []):
        if data.get("made") and term.get("takes_effect") and term["takes_effect"] < data["made"]:
            term["takes_effect"] = data["made"]


def _repair_order_term(data: dict[str, Any], ctx: Context) -> None:
    if data.get("duration") == "until_further_order":
        data.pop("period", None)


def _repair_case(data: dict[str, Any], ctx: Context) -> None:
    disposals = data.get("disposals", [])
    for i, disposal in enumerate(disposals):
        relation = (disposal.get("sentence") or {}).get("relation")
        if relation is not None and (i == 0 or int(relation["to"][1:]) >= i):
            del disposal["sentence"]["relation"]
    ids = {d["id"] for d in disposals}
    for order in data.get("orders", []):
        if order.get("applies_to") is not None and order["applies_to"] not in ids:
            order.pop("applies_to")
    stated = data.get("stated") or {}
    supervision = stated.get("supervision")
    if supervision is not None and supervision.get("disposal") is not None and supervision["disposal"] not in ids:
        supervision.pop("disposal")
    born = (data.get("person") or {}).get("date_of_birth")
    dates = [d for x in disposals for d in (x.get("relevant_date"), x.get("offence", {}).get("offence_date")) if d]
    notification = stated.get("notification") or {}
    earliest = min([*dates, *(d for d in (notification.get("since"), notification.get("relevant_date")) if d)],
                   default=None)
    if born and earliest and earliest < born:
        data["person"]["date_of_birth"] = born = _reflect(born, earliest)
    for disposal in disposals:
        _offender_age(disposal.get("offence", {}), born)


def _offender_age(offence: dict[str, Any], born: str | None) -> None:
    """A stated age at the offence is one the date of birth allows (or left out)."""
    first, age = offence.get("offence_date"), offence.get("offender_age")
    if born is None or first is None or age is None:
        return
    last = offence.get("offence_date_to") or first
    readings = [TimeConventions(missing_day=rule) for rule in MissingDayRule]
    ages = [age_on(date.fromisoformat(born), date.fromisoformat(day), c) for day in (first, last) for c in readings]
    if not min(ages) <= age <= max(ages):
        if 0 <= min(ages) <= 130:
            offence["offender_age"] = min(ages)
        else:
            offence.pop("offender_age")


REPAIRS: dict[type[BaseModel], Callable[[dict[str, Any], Context], None]] = {
    Case: _repair_case,
    Disposal: _repair_disposal,
    Relation: _repair_relation,
    Term: _repair_term,
    Interval: lambda data, ctx: _later(data, "start", "end"),
    Stay: lambda data, ctx: _later(data, "first", "last"),
    Trip: _repair_trip,
    Change: _repair_change,
    ReviewApplication: _repair_application,
    Order: _repair_order,
    OrderTerm: _repair_order_term,
    Offence: _repair_offence,
    HospitalOrder: _repair_hospital_order,
    ReviewAppeal: _repair_appeal,
    StatedNotification: _repair_stated_notification,
    StatedSupervision: _repair_stated_supervision,
}
"""Model -> the repair that makes a generated mapping satisfy the model's validators."""
