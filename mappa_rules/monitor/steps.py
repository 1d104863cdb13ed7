"""One person's state between steps, and one step: what to assert, and what the rules' findings change.

A step asks the core (when the person's facts changed, on a day the core's answers may change with time, or on
the day after a duty's last day) and takes each duty's status from its answer. It asserts the duties not yet
settled, with the alerts already raised for them, the review dates, the orders' last days, the guidance and the
clock; the rules find the alerts due, and the step keeps what they found.

A duty is *settled* once the core calls it ``met``, or ``met_late`` and the alert has been raised. A settled duty
keeps the last day, the day met and the lateness it had when it was settled: the core works out a past s.85
period again with facts that arose later (custody or a journey abroad that begins after the period was met, but
before its plain end, moves that end later: s.85(3)-(4)), and an alert once raised is not taken back. A settled
duty the core no longer lists at all is dropped (its facts changed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mappa_rules import Case, civil_orders, mappa_category, mappa_level, timeline

from .adapter import DutyView, TimelineView, category_value, level_value, order_ends, recheck_days, timeline_view
from .durable_engine import Fact
from .records import Alert, DutyStatus
from .rulesets import FAR, Finding

Settled = tuple[str, int | None, int | None, int | None]
"""A settled duty: its status, last day, day met (ordinals) and days late."""


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
    settled: dict[str, Settled]
    reviews: Iterable[Fact]
    orders: Iterable[Fact]
    guides: dict[str, str]


def ask(case: Case, day: date, orders: Iterable[Fact], duties_only: bool) -> Answers:
    """Ask the core about ``case`` as at ``day``: the duties always; the category, level and orders unless only
    the duties can have changed (``orders``: the person's orders with a known end, kept from before)."""
    view = timeline_view(timeline(case, day))
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
    settled: dict[str, Settled] = field(default_factory=dict)
    guides: dict[str, str] = field(default_factory=dict)
    reviews: tuple[Fact, ...] = ()
    reviews_reached: tuple[tuple[str, int], ...] = ()
    orders: tuple[Fact, ...] = ()
    orders_ended: tuple[tuple[str, int], ...] = ()
    recheck: tuple[int, ...] = ()
    wake: int | None = None
    errors: int = 0

    def plan(self, answers: Answers | None, day: int, due_soon_days: int) -> Plan:
        """The facts to assert for a step on ``day`` (an ordinal)."""
        duties, settled = self.duties, self.settled
        guides: list[Fact] = []
        reviews: Iterable[Fact] = self.reviews
        orders: Iterable[Fact] = self.orders
        if answers is not None:
            listed = {duty.key for duty in answers.view.duties}
            settled = {key: kept for key, kept in self.settled.items() if key in listed}
            duties = {duty.key: _duty(duty, self.duties.get(duty.key), due_soon_days)
                      for duty in answers.view.duties if duty.key not in settled}
            for what, value in sorted(answers.guides.items()):
                known = self.guides.get(what, "none")  # a person is outside MAPPA until the core says otherwise
                guides += [{"t": "guide", "id": f"g:{what}", "what": what, "value": known},
                           {"t": "seen", "id": f"s:{what}", "what": what, "value": value}]
            reviews = [{"t": "review", "id": f"r:{what}:{on.toordinal()}", "what": what, "day": on.toordinal()}
                       for what, on in answers.view.reviews if (what, on.toordinal()) not in self.reviews_reached]
            orders = [{"t": "order", "id": f"o:{order}", "order": order, "ends": end.toordinal()}
                      for order, end in answers.orders if (order, end.toordinal()) not in self.orders_ended]
        asserted = [*(duties[key] for key in sorted(duties) if may_alert(duties[key])), *guides, *reviews, *orders,
                    {"t": "clock", "id": "clock", "day": day}]
        return Plan(asserted, dict(duties), dict(settled), reviews, orders,
                    dict(answers.guides) if answers else {})

    def take(self, plan: Plan, findings: Iterable[Finding], answers: Answers | None, ident: str,
             day: date) -> list[Alert]:
        """Keep what a step found and return its alerts, in a fixed order."""
        duties, settled = plan.duties, plan.settled
        reviews = {fact["id"]: fact for fact in plan.reviews}
        orders = {fact["id"]: fact for fact in plan.orders}
        alerts: list[Alert] = []
        for finding in findings:
            kind, values = finding.kind, dict(finding.values)
            key = str(values.get("key"))
            if kind in ("overdue", "due_soon", "met_late"):
                flag = {"due_soon": "sa", "overdue": "oa", "met_late": "la"}[kind]
                duties[key] = {**duties[key], flag: 1, "sa": 1}
                due = ("due", _day(values["due"]))
                more = (("met_on", _day(values["met_on"])), ("days_late", values["late"])) if kind == "met_late" else ()
                alerts.append(Alert(day, ident, kind, (("duty", key), due, *more)))
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
        for key, fact in list(duties.items()):
            if fact["status"] == "met" or (fact["status"] == "met_late" and fact["la"]):
                settled[key] = (fact["status"], _due(fact), fact["met_on"] or None, _late(fact))
                del duties[key]
        self.duties, self.settled = duties, settled
        self.reviews, self.orders = tuple(reviews.values()), tuple(orders.values())
        self.guides.update(plan.guides)
        ordinal = day.toordinal()
        if answers is not None:
            self.recheck = tuple(sorted(d.toordinal() for d in answers.recheck if d.toordinal() > ordinal))
        else:
            self.recheck = tuple(d for d in self.recheck if d > ordinal)
        return sorted(alerts, key=Alert.sort_key)

    def must_ask(self, day: int) -> bool:
        """Whether a step with no event on ``day`` must ask the core again: a day on which its answers may change
        with time (``recheck``), or a day after the last day of a duty still due (it may now be not met)."""
        return bool(self.recheck and self.recheck[0] <= day) or any(
            fact["status"] == "due" and not fact["pending"] and fact["due"] < day for fact in self.duties.values())

    def next_wake(self, day: int) -> int | None:
        """The next day, after ``day``, on which something is due to happen to the person with no event."""
        days: list[int] = list(self.recheck)
        for duty in self.duties.values():
            if duty["status"] != "due" or duty["pending"]:
                continue
            if not duty["sa"]:
                days.append(duty["soon"])
            days.append(duty["due"] + 1)
        days.extend(review["day"] for review in self.reviews)
        days.extend(order["ends"] + 1 for order in self.orders)
        later = [d for d in days if d > day]
        return min(later) if later else None

    def statuses(self) -> dict[str, DutyStatus]:
        """Every duty listed at the last step, with the status the core gave it (settled ones as settled)."""
        found = {key: DutyStatus(status, _day(due), _day(on), late)
                 for key, (status, due, on, late) in self.settled.items()}
        for key, fact in self.duties.items():
            found[key] = DutyStatus(fact["status"], _day(_due(fact)), _day(fact["met_on"] or None), _late(fact))
        return found


def _duty(duty: DutyView, before: Fact | None, due_soon_days: int) -> Fact:
    """The engine fact of a duty the core listed, with the alerts already raised for it kept while its last day
    stays the same (a duty the core dates again may be due soon, or overdue, again)."""
    due = FAR if duty.deadline is None else duty.deadline.toordinal()
    same = before is not None and before["due"] == due
    flags = {name: before[name] if same and before is not None else 0 for name in ("sa", "oa", "la")}
    return {"t": "duty", "id": f"d:{duty.key}", "key": duty.key, "status": duty.status, "due": due,
            "soon": due - due_soon_days if duty.deadline is not None else FAR, "pending": int(duty.deadline is None),
            "met_on": duty.met_on.toordinal() if duty.met_on is not None else 0,
            "late": -1 if duty.days_late is None else duty.days_late, **flags}


_RAISED = {"due": "sa", "not_met": "oa", "met_late": "la"}
"""The flag of the alert a duty of each status may still raise (due soon, overdue, met late)."""


def may_alert(fact: Fact) -> bool:
    """Whether a rule can still take the duty (the engine refuses a fact no rule takes)."""
    flag = _RAISED.get(fact["status"])
    return flag is not None and not fact[flag]


def _due(fact: Fact) -> int | None:
    return None if fact["pending"] else int(fact["due"])


def _late(fact: Fact) -> int | None:
    return None if fact["late"] < 0 else int(fact["late"])


def _day(ordinal: Any) -> date | None:
    return None if ordinal is None else date.fromordinal(int(ordinal))


__all__ = ["Answers", "PersonState", "Plan", "ask", "may_alert"]
