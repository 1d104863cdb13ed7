"""What the monitor writes: alerts, error records and per-person summaries, one JSON object per line.

Every line has ``record`` first (``alert``, ``error`` or ``summary``). Field order is fixed and no clock or random
value is read, so the same events in the same order give byte-identical output.

Alerts (``alert`` field), each dated the day the monitor's clock reached the condition:

* ``due_soon``: a duty the core calls due has its last day within the "due soon" window (``duty``: the core's
  duty id, ``due``: its last day);
* ``overdue``: the core calls the duty not met - its last day has passed with no notification that meets it
  (``duty``, ``due``);
* ``met_late``: the core calls the duty met late (``duty``, ``due``, ``met_on``, ``days_late``: s.91(3));
* ``category_changed`` / ``level_changed``: the MAPPA category, or the level the guidance points to, differs
  from before (``from``, ``to``: "1", "2", "3", "none" or "undetermined"; a person starts at "none"). The level
  is followed once a level decision has been recorded;
* ``review_possible``: the person may now apply for review of indefinite notification (``review``: the
  qualifying date or a further qualifying date, ``from``);
* ``order_ended``: a civil order's last day of effect has passed (``order``, ``last_day``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

ALERTS = ("category_changed", "level_changed", "order_ended", "review_possible", "met_late", "overdue", "due_soon")


@dataclass(frozen=True)
class Alert:
    """One alert about one person."""

    day: date
    person: str
    alert: str
    values: tuple[tuple[str, Any], ...]

    def line(self) -> str:
        body: dict[str, Any] = {"record": "alert", "date": self.day.isoformat(), "person": self.person,
                                "alert": self.alert}
        body.update((name, value.isoformat() if isinstance(value, date) else value) for name, value in self.values)
        return json.dumps(body, ensure_ascii=False)

    def sort_key(self) -> tuple[int, str]:
        return ALERTS.index(self.alert), json.dumps(self.values, default=str)


@dataclass(frozen=True)
class ErrorRecord:
    """A line that could not be used, or failed: its number, the person (if known), the kind of error, the
    fields at fault and a reason. No fact values are repeated (dates are shown as ``<date>``)."""

    line_number: int | None
    person: str | None
    error: str
    fields: tuple[str, ...]
    detail: str

    def line(self) -> str:
        return json.dumps({"record": "error", "line": self.line_number, "person": self.person, "error": self.error,
                           "fields": list(self.fields), "detail": self.detail}, ensure_ascii=False)


@dataclass(frozen=True)
class DutyStatus:
    """A duty as the monitor knows it on a day, in the core's terms (``DutyCompliance``): ``status`` is ``met``,
    ``met_late``, ``not_met``, ``due`` (``deadline`` None while its clock is stopped) or ``unknown``; ``met_on``
    and ``days_late`` for a duty met."""

    status: str
    deadline: date | None
    met_on: date | None = None
    days_late: int | None = None


@dataclass(frozen=True)
class Summary:
    """Where one person stands at the end of the stream."""

    person: str
    as_of: date
    category: str | None
    level: str | None
    counts: tuple[tuple[str, int], ...]
    not_met: tuple[tuple[str, date | None], ...]
    errors: int

    def line(self) -> str:
        return json.dumps({
            "record": "summary", "person": self.person, "as_of": self.as_of.isoformat(),
            "category": self.category, "level": self.level, "duties": dict(self.counts),
            "not_met": [{"duty": key, "due": due.isoformat() if due else None} for key, due in self.not_met],
            "errors": self.errors,
        }, ensure_ascii=False)


Record = Alert | ErrorRecord | Summary

__all__ = ["ALERTS", "Alert", "DutyStatus", "ErrorRecord", "Record", "Summary"]
