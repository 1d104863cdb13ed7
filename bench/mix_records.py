"""Generators of the case records around the disposals, for :mod:`bench.mix`: civil orders, notifications given,
changes to notify, trips abroad, review facts and MAPPA management facts (proportions in ``mix.py``)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

AS_OF = date(2026, 11, 21)
ORDER_KINDS = (
    ("shpo", 40), ("interim_shpo", 5), ("sro", 18), ("interim_sro", 3), ("sopo", 12), ("interim_sopo", 2),
    ("rsho", 5), ("interim_rsho", 1), ("foreign_travel_order", 4), ("notification_order", 4),
    ("interim_notification_order", 2), ("notification_notice", 4),
)


def pick(rng: random.Random, table: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def iso(d: date) -> str:
    return d.isoformat()


def between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def order(rng: random.Random, index: int, first_relevant: date | None) -> dict[str, Any]:
    kind = pick(rng, ORDER_KINDS)
    if kind in ("shpo", "interim_shpo", "sro", "interim_sro", "notification_notice"):
        made = between(rng, date(2014, 6, 1), AS_OF)
    elif kind in ("notification_order", "interim_notification_order"):
        made = between(rng, date(2005, 1, 1), AS_OF)
    else:
        made = between(rng, date(2003, 6, 1), date(2016, 6, 1))
    order: dict[str, Any] = {"id": f"o{index + 1}", "kind": kind, "made": iso(made)}
    route = pick(rng, (("conviction", 45), ("application", 40), ("finding", 5), (None, 10)))
    if route is not None:
        order["route"] = route
    if route in ("conviction", "finding"):
        order["offence_listed"] = pick(rng, (("schedule3", 70), ("schedule5", 15), ("not_listed", 5), (None, 10)))
        if route == "conviction" and rng.random() < 0.9:
            conviction = first_relevant if first_relevant and first_relevant <= made else made - timedelta(days=30)
            order["conviction_date"] = iso(conviction)
    elif route == "application" and rng.random() < 0.8:
        order["application_date"] = iso(made - timedelta(days=rng.randint(0, 200)))
    if rng.random() < 0.85:
        order["served"] = iso(made + timedelta(days=rng.randint(0, 10)))
    if kind not in ("notification_order", "notification_notice", "interim_notification_order"):
        terms = []
        for j in range(rng.choice((1, 1, 2, 3))):
            term: dict[str, Any] = {"id": f"t{j + 1}", "kind": pick(
                rng, (("prohibition", 70), ("requirement", 10), ("foreign_travel_prohibition", 20)))}
            style = rng.random()
            if style < 0.35:
                term["duration"] = "until_further_order"
            elif style < 0.9:
                term["period"] = {"years": rng.choice((1, 2, 3, 5, 6, 10))}
                if rng.random() < 0.5:
                    term["duration"] = "fixed_period"
            if rng.random() < 0.3 or (term["kind"] == "foreign_travel_prohibition" and rng.random() < 0.7):
                term["takes_effect"] = iso(made + timedelta(days=rng.randint(0, 30)))
            terms.append(term)
        order["terms"] = terms
    if rng.random() < 0.12:
        order["ceased_on"] = iso(made + timedelta(days=rng.randint(30, 2000)))
    if kind in ("sro", "interim_sro", "rsho", "interim_rsho"):
        breached = pick(rng, ((True, 35), (False, 50), (None, 15)))
        if breached is not None:
            order["breached"] = breached
        if breached:
            order["breach_date"] = iso(made + timedelta(days=rng.randint(20, 900)))
        if kind == "sro" and rng.random() < 0.7:
            order["replaces_interim"] = rng.random() < 0.3
    if rng.random() < 0.4:
        order["already_subject"] = rng.random() < 0.5
    return order


def notifications(rng: random.Random, start: date) -> list[dict[str, Any]]:
    out = [{"kind": "initial", "date": iso(start), "no_sole_or_main_residence": rng.random() < 0.1}]
    day = start
    for _ in range(rng.randint(0, 6)):
        day += timedelta(days=rng.choice((300, 360, 364, 365, 366, 380, 500)))
        if day > AS_OF:
            break
        kind = pick(rng, (("periodic", 70), ("change", 20), ("prescribed_information", 10)))
        out.append({"kind": kind, "date": iso(day), **({"no_sole_or_main_residence": False}
                                                       if rng.random() < 0.5 else {})})
    return out


def changes(rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for j in range(rng.choice((1, 1, 2))):
        kind = pick(rng, (("home_address", 35), ("name", 10), ("other_address", 20), ("release", 15),
                           ("prescribed_change", 10), ("household_with_child", 10)))
        change: dict[str, Any] = {"id": f"ch{j + 1}", "kind": kind}
        when = between(rng, AS_OF - timedelta(days=40), AS_OF + timedelta(days=20))
        if kind == "other_address" and rng.random() < 0.6:
            first = when - timedelta(days=20)
            change["stays"] = [{"first": iso(first), "last": iso(first + timedelta(days=rng.choice((2, 5, 8))))},
                               {"first": iso(when), "last": iso(when + timedelta(days=3))}]
        elif rng.random() < 0.85:
            change["date"] = iso(when)
        else:
            change["occurred"] = rng.choice((False, None))
        if rng.random() < 0.3:
            change["notified_in_advance"] = True
            if rng.random() < 0.7:
                change["expected_date"] = iso(when + timedelta(days=rng.randint(-3, 3)))
        if kind == "household_with_child":
            change.update(child_resides_or_stays=rng.random() < 0.8, public_access=rng.random() < 0.2,
                          at_least_12_hours=pick(rng, ((True, 60), (False, 20), (None, 20))))
        out.append(change)
    return out


def trips(rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for j in range(rng.choice((1, 1, 2))):
        departure = between(rng, AS_OF - timedelta(days=60), AS_OF + timedelta(days=60))
        trip: dict[str, Any] = {"id": f"trip{j + 1}", "departure": iso(departure),
                                "known_more_than_7_days_before": pick(rng, ((True, 60), (False, 25), (None, 15)))}
        if rng.random() < 0.8:
            trip["return_date"] = iso(departure + timedelta(days=rng.choice((0, 2, 3, 7, 14, 60))))
        out.append(trip)
    return out


def review(rng: random.Random, start: date) -> dict[str, Any]:
    review: dict[str, Any] = {"subject_to_order_excluding_review": pick(rng, ((False, 70), (True, 15), (None, 15)))}
    if rng.random() < 0.7:
        review["relevant_notification_date"] = iso(start)
    if rng.random() < 0.4:
        received = between(rng, start + timedelta(days=15 * 365), max(AS_OF, start + timedelta(days=15 * 365)))
        determination = pick(rng, (("pending", 30), ("discharged", 30), ("refused", 30), (None, 10)))
        application: dict[str, Any] = {"received": iso(received)}
        if determination is not None:
            application["determination"] = determination
        if determination in ("discharged", "refused"):
            decided = received + timedelta(days=rng.randint(30, 200))
            application.update(determination_date=iso(decided), notice_received=iso(decided + timedelta(days=3)))
            if determination == "refused":
                application["further_period_years"] = rng.choice((1, 5, 8))
        review["applications"] = [application]
    return review


def management(rng: random.Random) -> dict[str, Any]:
    facts: dict[str, Any] = {"risk_of_serious_harm": rng.choice(("low", "medium", "high", "very_high", None))}
    for name in ("meetings_add_value", "active_coordination_needed", "previously_level3", "senior_oversight_needed",
                 "short_notice_resources_needed"):
        if rng.random() < 0.7:
            facts[name] = rng.random() < 0.4
    if rng.random() < 0.6:
        facts["current_level"] = rng.choice((1, 2, 3))
        facts["last_review"] = iso(AS_OF - timedelta(days=rng.randint(10, 200)))
    if rng.random() < 0.3:
        facts["expected_release"] = iso(AS_OF + timedelta(days=rng.randint(10, 400)))
    return facts
