"""Which notification meets which duty: the monitor's matching table.

The core dates each notification duty; whether a duty was met on time, met late or not met is to become part of
the core's answers (issue 15, part 1). Until then this table is the one statement of which notification meets
which duty; both the monitor's rules and the reference statuses the monitor is tested against use it.

A duty is met by the first notification, on or after the day the duty *opens*, that carries the duty's *tag*:

================  ======================================  ============================  =========================
duty              law                                     met by                        opens on
================  ======================================  ============================  =========================
initial           SOA 2003 s.83(1)                        an initial notification       the relevant date
change            s.84(1)(a)-(c), (ca)                    a change notification         the day of the change
release           s.84(1)(d)                              any initial, change or        the day of release
                                                          periodic notification
non_occurrence    s.84(4)(b)                              a change notification         the date given in advance
periodic          s.85(1)-(2)                             any initial, change or        the day after the
                                                          periodic notification         notification it follows
travel            s.86; SI 2004/1220 reg 5               notice of that trip           (any notice of the trip)
================  ======================================  ============================  =========================

Two readings here are conventions of the monitor, to be settled by the core: a release (s.84(1)(d)) is taken as
notified by any notification given after it, since every notification under ss.83-85 gives the s.83(5)
information and so tells the police the person is at liberty; and notifications given on the same day count as
one for the periodic duty (the core keys a periodic period by the day of the notification it follows).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

COUNTED = "counted"
"""Tag of the notifications that start and meet a periodic period (s.85(2): notifications under s.83(1), 84(1),
85(1))."""

DUTY_KINDS = ("initial", "change", "release", "non_occurrence", "periodic", "travel")
NOTIFICATION_KINDS = ("initial", "change", "periodic", "prescribed_information", "travel")


def duty_tag(kind: str, trip: str | None = None) -> str:
    """The tag a notification must carry to meet a duty of ``kind`` (``trip``: the trip's id, for travel)."""
    if kind == "initial":
        return "initial"
    if kind in ("change", "non_occurrence"):
        return "change"
    if kind in ("release", "periodic"):
        return COUNTED
    if kind == "travel":
        if not trip:
            raise ValueError("a travel duty needs its trip's id")
        return f"travel:{trip}"
    raise ValueError(f"unknown duty kind {kind!r}")


def note_tags(notification: str, trip: str | None = None) -> tuple[str, ...]:
    """The tags a notification of the given kind carries. Information prescribed in 2012 given alone meets
    none of these duties (it starts no periodic period: Home Office reading, core parameter
    ``periodic.reset_on_s83_new_matters``)."""
    if notification == "initial":
        return ("initial", COUNTED)
    if notification == "change":
        return ("change", COUNTED)
    if notification == "periodic":
        return (COUNTED,)
    if notification == "prescribed_information":
        return ()
    if notification == "travel":
        if not trip:
            raise ValueError("a travel notice needs its trip's id")
        return (f"travel:{trip}",)
    raise ValueError(f"unknown notification kind {notification!r}")


def periodic_opens(trigger: date) -> date:
    """A periodic duty is met by a notification after the one it follows (s.85(1): "within ... after")."""
    return trigger + timedelta(days=1)


ANY_DAY = date(1, 1, 1)
"""Opening day of a travel duty: any notice of the trip meets it, however early."""


def first_match(tag: str, opens: date, notes: Iterable[tuple[date, tuple[str, ...]]]) -> date | None:
    """The day of the first notification carrying ``tag`` on or after ``opens`` (notes: day and tags)."""
    days = [day for day, tags in notes if tag in tags and day >= opens]
    return min(days) if days else None


__all__ = ["ANY_DAY", "COUNTED", "DUTY_KINDS", "NOTIFICATION_KINDS", "duty_tag", "first_match", "note_tags",
           "periodic_opens"]
