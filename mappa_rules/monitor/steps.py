"""One person's state between steps, and one step: what to assert, and what the rules' findings change.

A step asks the core (when the person's facts changed, or on a day the core's answers may change with time),
lines up the duties the core lists with the ones already open, asserts them with the notifications that may meet
them, the review dates, the orders' last days, the guidance and the clock, and applies what the rules found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mappa_rules import Case, civil_orders, mappa_category, mappa_level, timeline

from .adapter import TimelineView, category_value, level_value, order_ends, recheck_days, timeline_view
from .durable_engine import Fact
from .matching import note_tags
from .person import Facts
from .records import Alert, DutyStatus
from .rulesets import FAR, Finding


@dataclass(frozen=True)
class Answers:
    """The core's answers for one step, as the monitor reads them."""

    view: TimelineView
    guides: dict[str, str]
    orders: tuple[tuple[str, date], ...]
    recheck: set[date]


@dataclass
class Plan:
    """What one step asserts, and what it will keep."""

    facts: list[Fact]
    duties: dict[str, Fact]
    reviews: Iterable[Fact]
    orders: Iterable[Fact]
    guides: dict[str, str]
    withdrawn: set[str]
    reopened: set[str]


def ask(case: Case, day: date, orders: Iterable[Fact], duties_only: bool) -> Answers:
    """Ask the core about ``case`` as at ``day``: the duties always; the category, level and orders unless only
    the duties can have changed (``orders``: the person's orders with a known end, kept from before)."""
    view = timeline_view(timeline(case, day), case)
    guides: dict[str, str] = {}
    ends = tuple((o["order"], date.fromordinal(o["ends"])) for o in orders)
    if not duties_only:
        guides["category"] = category_value(mappa_category(case, day))
        if case.mappa.current_level is not None:
            guides["level"] = level_value(mappa_level(case, day))
        if case.orders:
            ends = order_ends(civil_orders(case, day))
    return Answers(view, guides, ends, recheck_days(view, ends, case))


@dataclass(slots=True)
class PersonState:
    """What the monitor keeps about one person between steps (facts as compact JSON text).

    Apart from the object itself, it holds only strings, numbers, tuples and dicts of them, which the cyclic
    garbage collector stops tracking: with a hundred thousand people, its passes would otherwise visit all of
    them again and again."""

    facts: str | None = None
    duties: dict[str, Fact] = field(default_factory=dict)
    resolved: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)
    guides: dict[str, str] = field(default_factory=dict)
    reviews: tuple[Fact, ...] = ()
    reviews_reached: tuple[tuple[str, int], ...] = ()
    orders: tuple[Fact, ...] = ()
    orders_ended: tuple[tuple[str, int], ...] = ()
    recheck: tuple[int, ...] = ()
    wake: int | None = None
    errors: int = 0

    def plan(self, facts: Facts | None, answers: Answers | None, day: int, due_soon_days: int) -> Plan:
        """The facts to assert for a step on ``day`` (an ordinal)."""
        duties = dict(self.duties)
        withdrawn: set[str] = set()
        reopened: set[str] = set()
        notes: list[Fact] = []
        guides: list[Fact] = []
        reviews: Iterable[Fact] = self.reviews
        orders: Iterable[Fact] = self.orders
        if answers is not None and facts is not None:
            listed = {spec.key: spec for spec in answers.view.duties}
            withdrawn = set(duties) - set(listed)  # withdrawn unless a notification meets them in this step
            for key, spec in listed.items():
                due = spec.due.toordinal() if spec.due is not None else None
                fact = duties.get(key)
                if fact is not None and (fact["opens"], _due(fact), fact["tag"]) == (spec.opens.toordinal(), due,
                                                                                       spec.tag):
                    continue
                resolved = self.resolved.get(key)
                if fact is None and resolved is not None and resolved[0] != "withdrawn" and resolved[1] == due:
                    continue
                if resolved is not None:  # the core now dates a settled duty differently: settle it again
                    reopened.add(key)
                duties[key] = _duty(key, spec.tag, spec.opens.toordinal(), due, due_soon_days)
            opens = min((fact["opens"] for fact in duties.values()), default=None)
            notes = _notes(facts, opens) if opens is not None else []
            for what, value in sorted(answers.guides.items()):
                known = self.guides.get(what, "none")  # a person is outside MAPPA until the core says otherwise
                guides += [{"t": "guide", "id": f"g:{what}", "what": what, "value": known},
                           {"t": "seen", "id": f"s:{what}", "what": what, "value": value}]
            reviews = [{"t": "review", "id": f"r:{what}:{on.toordinal()}", "what": what, "day": on.toordinal()}
                       for what, on in answers.view.reviews if (what, on.toordinal()) not in self.reviews_reached]
            orders = [{"t": "order", "id": f"o:{order}", "order": order, "ends": end.toordinal()}
                      for order, end in answers.orders if (order, end.toordinal()) not in self.orders_ended]
        asserted = [*sorted(duties.values(), key=lambda fact: str(fact["key"])), *notes, *guides, *reviews, *orders,
                    {"t": "clock", "id": "clock", "day": day}]
        return Plan(asserted, duties, reviews, orders, dict(answers.guides) if answers else {}, withdrawn, reopened)

    def take(self, plan: Plan, findings: Iterable[Finding], answers: Answers | None, ident: str,
             day: date) -> list[Alert]:
        """Keep what a step found and return its alerts, in a fixed order."""
        for reopened in plan.reopened:
            self.resolved.pop(reopened, None)
        duties = dict(plan.duties)
        reviews = {fact["id"]: fact for fact in plan.reviews}
        orders = {fact["id"]: fact for fact in plan.orders}
        alerts: list[Alert] = []
        for finding in findings:
            kind, values = finding.kind, dict(finding.values)
            key = str(values.get("key"))
            if kind in ("met", "met_late"):
                if duties.pop(key, None) is None:  # two notes on one day: the duty is met once
                    continue
                due = None if values["pending"] else values["due"]
                self.resolved[key] = ("late" if kind == "met_late" else "met", due, values["on"])
                if kind == "met_late":
                    alerts.append(Alert(day, ident, kind, (("duty", key), ("due", _day(due)),
                                                           ("met_on", _day(values["on"])),
                                                           ("days_late", values["on"] - values["due"]))))
            elif kind in ("overdue", "due_soon"):
                if key not in duties:
                    continue
                duties[key] = {**duties[key], "sa": 1, **({"oa": 1} if kind == "overdue" else {})}
                alerts.append(Alert(day, ident, kind, (("duty", key), ("due", _day(values["due"])))))
            elif kind == "review_possible":
                self.reviews_reached += ((values["what"], values["on"]),)
                reviews.pop(f"r:{values['what']}:{values['on']}", None)
                alerts.append(Alert(day, ident, kind, (("review", values["what"]), ("from", _day(values["on"])))))
            elif kind == "order_ended":
                self.orders_ended += ((values["order"], values["last_day"]),)
                orders.pop(f"o:{values['order']}", None)
                alerts.append(Alert(day, ident, kind, (("order", values["order"]),
                                                       ("last_day", _day(values["last_day"])))))
            else:
                alerts.append(Alert(day, ident, f"{values['what']}_changed", (("from", values["old"]),
                                                                            ("to", values["new"]))))
        for key in plan.withdrawn:
            fact = duties.pop(key, None)
            if fact is not None:
                self.resolved[key] = ("withdrawn", _due(fact), None)
        self.duties, self.reviews, self.orders = duties, tuple(reviews.values()), tuple(orders.values())
        self.guides.update(plan.guides)
        ordinal = day.toordinal()
        if answers is not None:
            self.recheck = tuple(sorted(d.toordinal() for d in answers.recheck if d.toordinal() > ordinal))
        else:
            self.recheck = tuple(d for d in self.recheck if d > ordinal)
        return sorted(alerts, key=Alert.sort_key)

    def next_wake(self, day: int) -> int | None:
        """The next day, after ``day``, on which something is due to happen to the person with no event."""
        days: list[int] = list(self.recheck)
        for duty in self.duties.values():
            if duty["pending"]:
                continue
            if not duty["sa"]:
                days.append(duty["soon"])
            if not duty["oa"]:
                days.append(duty["due"] + 1)
        days.extend(review["day"] for review in self.reviews)
        days.extend(order["ends"] + 1 for order in self.orders)
        later = [d for d in days if d > day]
        return min(later) if later else None

    def statuses(self) -> dict[str, DutyStatus]:
        """Every duty known, withdrawn ones left out."""
        found = {key: DutyStatus(state, _day(due), _day(on))
                 for key, (state, due, on) in self.resolved.items() if state != "withdrawn"}
        for key, fact in self.duties.items():
            state = "pending" if fact["pending"] else ("overdue" if fact["oa"] else "open")
            found[key] = DutyStatus(state, _day(_due(fact)))
        return found


def _duty(key: str, tag: str, opens: int, due: int | None, due_soon_days: int) -> Fact:
    day = FAR if due is None else due
    soon = FAR if due is None else due - due_soon_days
    return {"t": "duty", "id": f"d:{key}", "key": key, "tag": tag, "opens": opens, "due": day, "soon": soon,
            "pending": int(due is None), "sa": 0, "oa": 0}


def _due(fact: Fact) -> int | None:
    return None if fact["pending"] else int(fact["due"])


def _day(ordinal: Any) -> date | None:
    return None if ordinal is None else date.fromordinal(int(ordinal))


def _notes(facts: Facts, opens: int) -> list[Fact]:
    """The notifications given on or after ``opens``: one fact per tag and day, oldest first."""
    given: set[tuple[int, str]] = set()
    for note in facts.case.get("notifications", []):
        given.update((date.fromisoformat(note["date"]).toordinal(), tag) for tag in note_tags(note["kind"]))
    for trip, text in facts.travel_notices:
        given.update((date.fromisoformat(text).toordinal(), tag) for tag in note_tags("travel", trip))
    return [{"t": "note", "id": f"n:{day}:{tag}", "tag": tag, "day": day} for day, tag in sorted(given)
            if day >= opens]


__all__ = ["Answers", "PersonState", "Plan", "ask"]
