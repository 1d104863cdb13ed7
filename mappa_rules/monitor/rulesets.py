"""The monitor's event logic as durable-rules rules, and one step of it for one person.

Facts in a session (days are proleptic ordinals, so the engine compares whole numbers):

* ``duty``: an open notification duty the core listed - ``key``, the ``tag`` of the notification that meets it,
  the day it ``opens``, the day it is ``due`` (a far day while its clock is stopped), the first day of the "due
  soon" window (``soon``) and whether "due soon" (``sa``) and "overdue" (``oa``) were already raised;
* ``note``: a notification given (one per tag it carries, see :mod:`.matching`), on ``day``;
* ``clock``: the day the step is taken;
* ``review``: a review date not yet reached (SOA 2003 ss.91B(1)-(3): the day an application may first be made);
* ``order``: a civil order whose last day of effect (``ends``) is known and not yet past;
* ``guide`` / ``seen``: the category or level guidance known before the step, and as the core gives it now.

Rules, in the order the engine runs them when several are ready:

1. **met**: an open duty and the earliest note with its tag on or after it opens: met on time, or met late (an
   alert) if the note is after the day due; the duty leaves the session.
2. **overdue**: an open duty whose day due is before the clock: alert once.
3. **due soon**: an open duty whose "due soon" window holds the clock: alert once.
4. **review possible** / **order ended**: the clock reaches a review date / passes an order's last day.
5. **guidance changed**: the category or level the core gives differs from the one known.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .durable_engine import Closure, Fact, Rule, RuleSet, c, m, none, when_all

SID = "step"
FAR = 99_999_999
"""The day due of a duty whose clock is stopped: never reached."""


@dataclass(frozen=True)
class Finding:
    """What a rule found: ``kind`` (met, met_late, overdue, due_soon, review_possible, order_ended,
    guidance_changed) and its particulars."""

    kind: str
    values: tuple[tuple[str, Any], ...]

    def get(self, name: str) -> Any:
        return dict(self.values).get(name)


@dataclass
class StepResult:
    """The findings of one step and the facts left in the session when it ended."""

    findings: list[Finding] = field(default_factory=list)
    duties: list[Fact] = field(default_factory=list)
    reviews: list[Fact] = field(default_factory=list)
    orders: list[Fact] = field(default_factory=list)
    guides: list[Fact] = field(default_factory=list)


class ComplianceRules:
    """The compliance ruleset and the steps taken through it (one thread only)."""

    def __init__(self) -> None:
        self._found: list[Finding] = []
        self.rules = RuleSet("compliance", {
            "met": Rule(when_all(
                c.d << (m.t == "duty"),
                c.n << ((m.t == "note") & (m.tag == c.d.tag) & (m.day >= c.d.opens)),
                none((m.t == "note") & (m.tag == c.d.tag) & (m.day >= c.d.opens) & (m.day < c.n.day)),
            ), self._met, 1),
            "overdue": Rule(when_all(
                c.d << ((m.t == "duty") & (m.oa == 0)),
                c.k << ((m.t == "clock") & (m.day > c.d.due)),
            ), self._overdue, 2),
            "due_soon": Rule(when_all(
                c.d << ((m.t == "duty") & (m.sa == 0)),
                c.k << ((m.t == "clock") & (m.day >= c.d.soon) & (m.day <= c.d.due)),
            ), self._due_soon, 3),
            "review_possible": Rule(when_all(
                c.r << (m.t == "review"),
                c.k << ((m.t == "clock") & (m.day >= c.r.day)),
            ), self._review_possible, 4),
            "order_ended": Rule(when_all(
                c.o << (m.t == "order"),
                c.k << ((m.t == "clock") & (m.day > c.o.ends)),
            ), self._order_ended, 4),
            "guidance_changed": Rule(when_all(
                c.g << (m.t == "guide"),
                c.v << ((m.t == "seen") & (m.what == c.g.what) & (m.value != c.g.value)),
            ), self._guidance_changed, 5),
        })

    def step(self, facts: Iterable[Fact]) -> StepResult:
        """Assert ``facts`` (without ``sid``) into a fresh session, run the rules, and return what they found and
        the duties, reviews, orders and guidance left; the session is deleted whatever happens."""
        self._found = []
        left = self.rules.run_session(SID, list(facts))
        result = StepResult(self._found)
        self._found = []
        for fact in left:
            kind = fact.get("t")
            if kind == "duty":
                result.duties.append(fact)
            elif kind == "review":
                result.reviews.append(fact)
            elif kind == "order":
                result.orders.append(fact)
            elif kind == "guide":
                result.guides.append(fact)
        return result

    def _find(self, kind: str, **values: Any) -> None:
        self._found.append(Finding(kind, tuple(values.items())))

    @staticmethod
    def _content(item: Any) -> Fact:
        content: Fact = {k: v for k, v in item._d.items() if k != "sid"}
        return content

    def _replace(self, closure: Closure, old: Any, **changes: Any) -> None:
        closure.retract_fact(old)
        closure.assert_fact({**self._content(old), **changes, "sid": SID})

    def _met(self, closure: Closure) -> None:
        duty, note = self._content(closure.d), self._content(closure.n)
        late = note["day"] > duty["due"]
        self._find("met_late" if late else "met", key=duty["key"], due=duty["due"], on=note["day"],
                   pending=duty["pending"])
        closure.retract_fact(closure.d)

    def _overdue(self, closure: Closure) -> None:
        duty = self._content(closure.d)
        self._find("overdue", key=duty["key"], due=duty["due"])
        self._replace(closure, closure.d, oa=1, sa=1)

    def _due_soon(self, closure: Closure) -> None:
        duty = self._content(closure.d)
        self._find("due_soon", key=duty["key"], due=duty["due"])
        self._replace(closure, closure.d, sa=1)

    def _review_possible(self, closure: Closure) -> None:
        review = self._content(closure.r)
        self._find("review_possible", what=review["what"], on=review["day"])
        closure.retract_fact(closure.r)

    def _order_ended(self, closure: Closure) -> None:
        order = self._content(closure.o)
        self._find("order_ended", order=order["order"], last_day=order["ends"])
        closure.retract_fact(closure.o)

    def _guidance_changed(self, closure: Closure) -> None:
        known, seen = self._content(closure.g), self._content(closure.v)
        self._find("guidance_changed", what=known["what"], old=known["value"], new=seen["value"])
        closure.retract_fact(closure.v)
        self._replace(closure, closure.g, value=seen["value"])


__all__ = ["FAR", "ComplianceRules", "Finding", "StepResult"]
