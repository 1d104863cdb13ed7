"""Compliance monitor: a stream of dated events in, notification duties met / late / missed and alerts out.

Install with ``pip install "mappa-rules[monitor]"`` (durable-rules 2.0.28, built from source with the machine's C
compiler; it does not import on Python 3.13 or later). Run with ``mappa-rules monitor EVENTS --until DATE``.

* :mod:`.events` - the JSON Lines event schema (strict pydantic models) and its documentation;
* :mod:`.person` - a person's facts kept from their events, as a :class:`mappa_rules.Case`;
* :mod:`.adapter` - the one place that reads the core's decisions (each duty's status among them);
* :mod:`.durable_engine` and :mod:`.rulesets` - durable-rules, wrapped, and the monitor's rules;
* :mod:`.steps` - one person's state between steps, and what one step asserts and keeps;
* :mod:`.monitor` - the clock, the wake-up agenda, days and error isolation;
* :mod:`.command` - the ``mappa-rules monitor`` sub-command;
* :mod:`.records` - alerts, error records and summaries;
* :mod:`.reference` - the core's duty statuses for one date, and how the monitor's may differ (what the
  monitor is tested against);
* :mod:`.synthetic` - a seeded generator of event streams for tests and benchmarks.

Names are imported on first use, so that the schema can be read without durable-rules installed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .events import Event, parse_line
    from .monitor import DUE_SOON_DAYS, Monitor
    from .records import Alert, DutyStatus, ErrorRecord, Summary

INSTALL_HINT = 'pip install "mappa-rules[monitor]"'

_WHERE = {
    "DUE_SOON_DAYS": ".monitor",
    "Monitor": ".monitor",
    "Event": ".events",
    "parse_line": ".events",
    "Alert": ".records",
    "DutyStatus": ".records",
    "ErrorRecord": ".records",
    "Summary": ".records",
}


def unavailable() -> str | None:
    """Why the monitor cannot run here (durable-rules missing or not importable), or None if it can."""
    try:
        import_module("durable.engine")
    except ImportError as exc:
        if isinstance(exc, ModuleNotFoundError) and exc.name in ("durable", "durable_rules_engine"):
            return f"the monitor needs durable-rules: {INSTALL_HINT}"
        return (f"durable-rules is installed but cannot be imported ({type(exc).__name__}); it builds for Python "
                f"3.11 and 3.12 only. Use one of those with {INSTALL_HINT}")
    return None


def __getattr__(name: str) -> Any:
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(import_module(module, __name__), name)


__all__ = ["DUE_SOON_DAYS", "INSTALL_HINT", "Alert", "DutyStatus", "ErrorRecord", "Event", "Monitor", "Summary",
           "parse_line", "unavailable"]
