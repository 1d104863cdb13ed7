"""The monitor's event logic as durable-rules rules, and one step of it for one person.

Facts in a session (days are proleptic ordinals, so the engine compares whole numbers):

* ``duty``: an open notification duty the core listed - ``key``, the ``tag`` of the notification that meets it,
  the day it ``opens``, the day it is ``due`` (a far day while its clock is stopped), the first day of the "due
  soon" window (``soon``) and whether "due soon" (``sa``) and "overdue" (``oa``) were already raised;
* ``note``: a notification given (one per tag it carries and day, see :mod:`.matching`), on ``day``;
* ``clock``: the day the step is taken;
* ``review``: a review date not yet reached (SOA 2003 ss.91B(1)-(3): the day an application may first be made);
* ``order``: a civil order whose last day of effect (``ends``) is known and not yet past;
* ``guide`` / ``seen``: the category or level guidance known before the step, and as the core gives it now.

Rules (each finds something; the monitor applies what they find to the person's state after the step):

1. **met**: an open duty and the earliest note with its tag on or after the day it opens: met on time, or met
   late if the note is after the day due;
2. **overdue**: an open duty whose day due is before the clock, with no note that meets it: alert once;
3. **due soon**: an open duty whose "due soon" window holds the clock, with no note that meets it: alert once;
4. **review possible** / **order ended**: the clock reaches a review date / passes an order's last day;
5. **guidance changed**: the category or level the core gives differs from the one known.

Actions only record what they find: they neither assert nor retract facts, since retracting is where the
engine's C code reads frame slots it never initialised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .durable_engine import Fact, Frame, Rule, RuleSet, c, joined, m, none, when_all

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


class ComplianceRules:
    """The compliance ruleset and the steps taken through it (one thread only)."""

    def __init__(self) -> None:
        self._found: list[Finding] = []
        self.rules = RuleSet("compliance", {
            "met": Rule(when_all(
                c.d << (m.t == "duty"),
                c.n << joined((m.t == "note") & (m.tag == c.d.tag) & (m.day >= c.d.opens), "d"),
                none(joined((m.t == "note") & (m.tag == c.d.tag) & (m.day >= c.d.opens) & (m.day < c.n.day), "d")),
            ), self._met, 1),
            "overdue": Rule(when_all(
                c.d << ((m.t == "duty") & (m.oa == 0)),
                c.k << joined((m.t == "clock") & (m.day > c.d.due), "d"),
                none(joined((m.t == "note") & (m.tag == c.d.tag) & (m.day >= c.d.opens), "d")),
            ), self._overdue, 2),
            "due_soon": Rule(when_all(
                c.d << ((m.t == "duty") & (m.sa == 0)),
                c.k << joined((m.t == "clock") & (m.day >= c.d.soon) & (m.day <= c.d.due), "d"),
                none(joined((m.t == "note") & (m.tag == c.d.tag) & (m.day >= c.d.opens), "d")),
            ), self._due_soon, 3),
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

    def _met(self, frame: Frame) -> None:
        duty, note = frame["d"], frame["n"]
        late = note["day"] > duty["due"]
        self._find("met_late" if late else "met", key=duty["key"], due=duty["due"], on=note["day"],
                   pending=duty["pending"])

    def _overdue(self, frame: Frame) -> None:
        self._find("overdue", key=frame["d"]["key"], due=frame["d"]["due"])

    def _due_soon(self, frame: Frame) -> None:
        self._find("due_soon", key=frame["d"]["key"], due=frame["d"]["due"])

    def _review_possible(self, frame: Frame) -> None:
        self._find("review_possible", what=frame["r"]["what"], on=frame["r"]["day"])

    def _order_ended(self, frame: Frame) -> None:
        self._find("order_ended", order=frame["o"]["order"], last_day=frame["o"]["ends"])

    def _guidance_changed(self, frame: Frame) -> None:
        known, seen = frame["g"], frame["v"]
        self._find("guidance_changed", what=known["what"], old=known["value"], new=seen["value"])


__all__ = ["FAR", "ComplianceRules", "Finding"]
