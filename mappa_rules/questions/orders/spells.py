"""When a person subject to a sexual risk order is not subject to the notification requirements: the spell in which
the s.122F(3) duty to notify new names and changes of home address applies (SOA 2003 s.122F(3)(a): "is subject to a
sexual risk order ... (but is not subject to the notification requirements of this Part)")."""

from __future__ import annotations

from datetime import date, timedelta

from ..notification.status import NotificationStatus

__all__ = ["not_subject_spell"]


def not_subject_spell(status: NotificationStatus, start: date, end: date | None,
                      ceased: date | None) -> tuple[date | None, date | None]:
    """The first spell, from ``start`` to the order's last day (``end`` or ``ceased``, whichever is earlier, if
    either is known), in which the person is not subject to the notification requirements: its first and last
    days (last None: it runs on with no end known). ``(None, None)`` when there is no such spell or the status
    leaves it unknown."""
    limits = [d for d in (end, ceased) if d is not None]
    last_effect = min(limits) if limits else None
    day = start
    for _ in range(len(status.sources) + 1):
        on = status.subject_on(day)
        if on is None:
            return None, None
        if on is False:
            break
        lasts = [s.last.latest for s in status.sources if s.on(day) is True]
        if any(last is None for last in lasts):
            return None, None
        day = max(last for last in lasts if last is not None) + timedelta(days=1)
    else:
        return None, None
    if last_effect is not None and day > last_effect:
        return None, None
    starts = [s.first.earliest for s in status.sources if s.first.earliest is not None and s.first.earliest > day]
    ends = [d for d in (min(starts) - timedelta(days=1) if starts else None, last_effect) if d is not None]
    return day, min(ends) if ends else None
