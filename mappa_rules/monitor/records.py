"""What the monitor writes: alerts, error records and per-person summaries, one JSON object per line.

Every line has ``record`` first (``alert``, ``error`` or ``summary``). Field order is fixed and no clock or random
value is read, so the same events in the same order give byte-identical output.

Alerts (``alert`` field), each dated the day the monitor's clock reached the condition:

* ``due_soon``: an open notification duty falls due within the "due soon" window (``duty``, ``due``);
* ``overdue``: the day due has passed and no notification met the duty (``duty``, ``due``);
* ``met_late``: a notification met the duty after the day due (``duty``, ``due``, ``met_on``, ``days_late``);
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
    """A duty as the monitor knows it on a day: ``open`` (not yet due), ``pending`` (its clock stopped),
    ``overdue``, ``met`` or ``late`` (met after the day due, on ``met_on``)."""

    state: str
    due: date | None
    met_on: date | None = None


@dataclass(frozen=True)
class Summary:
    """Where one person stands at the end of the stream."""

    person: str
    as_of: date
    category: str | None
    level: str | None
    counts: tuple[tuple[str, int], ...]
    overdue: tuple[tuple[str, date | None], ...]
    errors: int

    def line(self) -> str:
        return json.dumps({
            "record": "summary", "person": self.person, "as_of": self.as_of.isoformat(),
            "category": self.category, "level": self.level, "duties": dict(self.counts),
            "overdue": [{"duty": key, "due": due.isoformat() if due else None} for key, due in self.overdue],
            "errors": self.errors,
        }, ensure_ascii=False)


Record = Alert | ErrorRecord | Summary

__all__ = ["ALERTS", "Alert", "DutyStatus", "ErrorRecord", "Record", "Summary"]
