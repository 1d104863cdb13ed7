"""The monitor's event logic as durable-rules rules, and one step of it for one person.

Facts in a session (days are proleptic ordinals, so the engine compares whole numbers):

* ``duty``: a notification duty the core listed and the monitor has not settled - ``key``, the ``status`` the
  core gave it as at the step's day (``met``, ``met_late``, ``not_met``, ``due``, ``unknown``), its last day
  (``due``; a far day while its clock is stopped or its last day is unknown), the first day of the "due soon"
  window (``soon``), the day met and days late, and whether "due soon" (``sa``), "overdue" (``oa``) and "met
  late" (``la``) were already raised;
* ``clock``: the day the step is taken;
* ``review``: a review date not yet reached (SOA 2003 ss.91B(1)-(3): the day an application may first be made);
* ``order``: a civil order whose last day of effect (``ends``) is known and not yet past;
* ``guide`` / ``seen``: the category or level guidance known before the step, and as the core gives it now.

Rules (each finds an alert; the monitor applies what they find to the person's state after the step):

1. **overdue**: a duty the core calls not met (its last day passed with no notification, s.91(1)(a), (3)):
   alert once;
2. **met late**: a duty the core calls met late: alert once, with the day met and the days late;
3. **due soon**: a duty still due whose "due soon" window holds the clock: alert once;
4. **review possible** / **order ended**: the clock reaches a review date / passes an order's last day;
5. **guidance changed**: the category or level the core gives differs from the one known.

Whether a duty was met, and when it falls due, is the core's answer; the rules decide which alert a step raises
and that each is raised once.

Actions only record what they find: they neither assert nor retract facts, since retracting is where the
engine's C code reads frame slots it never initialised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .durable_engine import Fact, Frame, Rule, RuleSet, c, joined, m, when_all

SID = "step"
FAR = 99_999_999
"""The day due of a duty whose clock is stopped: never reached."""


@dataclass(frozen=True)
class Finding:
    """What a rule found: ``kind`` (met_late, overdue, due_soon, review_possible, order_ended,
    guidance_changed) and its particulars."""

    kind: str
    values: tuple[tuple[str, Any], ...]

    def get(self, name: str) -> Any:
        return dict(self.values).get(name)


class ComplianceRules:
    """The compliance ruleset and the steps taken through it (one thread only)."""

    def __init__(self) -> None:
        self._found: list[Finding] = []
        self.rules = RuleSet("compliance", {
            "overdue": Rule(when_all(
                c.d << ((m.t == "duty") & (m.status == "not_met") & (m.oa == 0)),
                c.k << joined(m.t == "clock", "d"),
            ), self._alert("overdue"), 1),
            "met_late": Rule(when_all(
                c.d << ((m.t == "duty") & (m.status == "met_late") & (m.la == 0)),
                c.k << joined(m.t == "clock", "d"),
            ), self._alert("met_late"), 2),
            "due_soon": Rule(when_all(
                c.d << ((m.t == "duty") & (m.status == "due") & (m.sa == 0)),
                c.k << joined((m.t == "clock") & (m.day >= c.d.soon) & (m.day <= c.d.due), "d"),
            ), self._alert("due_soon"), 3),
            "review_possible": Rule(when_all(
                c.r << (m.t == "review"),
                c.k << joined((m.t == "clock") & (m.day >= c.r.day), "r"),
            ), self._review_possible, 4),
            "order_ended": Rule(when_all(
                c.o << (m.t == "order"),
                c.k << joined((m.t == "clock") & (m.day > c.o.ends), "o"),
            ), self._order_ended, 4),
            "guidance_changed": Rule(when_all(
                c.g << (m.t == "guide"),
                c.v << joined((m.t == "seen") & (m.what == c.g.what) & (m.value != c.g.value), "g"),
            ), self._guidance_changed, 5),
        })

    def step(self, facts: Iterable[Fact]) -> list[Finding]:
        """Assert ``facts`` (without ``sid``) into a fresh session, run the rules, delete the session, and return
        what the rules found, in the order they ran."""
        self._found = []
        self.rules.run_session(SID, list(facts))
        found, self._found = self._found, []
        return found

    def _find(self, kind: str, **values: Any) -> None:
        self._found.append(Finding(kind, tuple(values.items())))

    def _alert(self, kind: str) -> Callable[[Frame], None]:
        def found(frame: Frame) -> None:
            duty = frame["d"]
            self._find(kind, key=duty["key"], due=duty["due"], met_on=duty["met_on"], late=duty["late"])
        return found

    def _review_possible(self, frame: Frame) -> None:
        self._find("review_possible", what=frame["r"]["what"], on=frame["r"]["day"])

    def _order_ended(self, frame: Frame) -> None:
        self._find("order_ended", order=frame["o"]["order"], last_day=frame["o"]["ends"])

    def _guidance_changed(self, frame: Frame) -> None:
        known, seen = frame["g"], frame["v"]
        self._find("guidance_changed", what=known["what"], old=known["value"], new=seen["value"])


__all__ = ["FAR", "ComplianceRules", "Finding"]
