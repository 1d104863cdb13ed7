"""The counting rules of the report tables about who was MAPPA-eligible, where and at what level.

Each rule takes one case and one reporting year and returns its entries (:mod:`.hits`). The category is always
the library's ``mappa.category`` as at the day that matters (CJA 2003 ss.325-327; the lowest-numbered category
applies), notification status the library's ``notification.period`` (SOA 2003 ss.80-82, with the civil orders
that bring notification), the level the level episode covering the day (MAPPA Guidance ch. 7), and where the
person was from :meth:`CaseView.whereabouts`. A case the facts do not place is an ``undetermined`` entry naming
the missing facts, never a guess. The event rules (breaches, orders, returns to custody) are in :mod:`.events`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .case_view import ONE_DAY, CaseView, Whereabouts
from .hits import Hit, cell, line, undetermined
from .periods import ReportingYear
from .reading import CategoryReading

Measure = Callable[[CaseView, ReportingYear], list[Hit]]

def category_text(reading: CategoryReading, day: date) -> str:
    rule = f" ({reading.basis})" if reading.basis else (f" [{reading.rule}]" if reading.rule else "")
    if reading.category is not None:
        return f"Category {reading.category} on {day}{rule}"
    return f"not MAPPA-eligible on {day}{rule}" if reading.eligible is False else f"category undetermined on {day}"


def category3_unmanaged(view: CaseView, category: CategoryReading, day: date) -> bool:
    """Category 3 at most - the library decides Categories 1 and 2 do not apply, or decides Category 3 - and not
    managed at Level 2 or 3 on ``day``: not a MAPPA case that day, whatever the Responsible Authority's Category 3
    judgement (Category 3 is managed at Level 2 or 3 only: MAPPA Guidance ch. 6)."""
    only3 = category.category == 3 or (category.eligible is None and category.possible == (3,))
    return only3 and view.managed_above_level1(day) is False


def _away(measure: str, where: Whereabouts, day: date) -> Hit | None:
    if where.place in ("custody", "hospital"):
        return line(measure, f"in_{where.place}", f"{where.detail} on {day}")
    return None


def snapshot(view: CaseView, year: ReportingYear) -> list[Hit]:
    """On 31 March: in the community, by category and level; every case gives exactly one entry."""
    day = year.end
    where = view.whereabouts(day)
    away = _away("snapshot", where, day)
    if away is not None:
        return [away]
    category = view.category(day)
    if category.eligible is False:
        return [line("snapshot", "not_eligible", category_text(category, day))]
    level = view.level(day)
    if category3_unmanaged(view, category, day):
        at = f"Level {level.level} from {level.since}" if level.level else "no level episode"
        return [line("snapshot", "category3_level1", f"{category_text(category, day)}, Category 3 at most; {at} "
                                                     f"on {day}: not managed under MAPPA")]
    if where.place is None or category.category is None or level.level is None:
        missing = where.missing + category.missing + level.missing
        return [undetermined("snapshot", missing, f"on {day}: {category_text(category, day)}, "
                             f"{where.detail}, level {level.level or 'unknown'}")]
    reason = f"{category_text(category, day)}; Level {level.level} from {level.since}; in the community"
    return [cell("snapshot", reason, level=level.level, category=category.category)]


def rso(view: CaseView, year: ReportingYear) -> list[Hit]:
    """On 31 March: subject to the notification requirements and in the community; one entry per case."""
    day = year.end
    where = view.whereabouts(day)
    away = _away("rso", where, day)
    if away is not None:
        return [away]
    notification = view.notification(day)
    if notification.subject_on is False:
        basis = f" ({notification.basis})" if notification.basis else ""
        return [line("rso", "not_subject", f"not subject to notification on {day}{basis}")]
    if notification.subject_on is None or where.place is None:
        return [undetermined("rso", where.missing + notification.missing,
                             f"on {day}: subject to notification {_yes_no(notification.subject_on)}, {where.detail}")]
    return [cell("rso", f"subject to notification on {day}; in the community")]


def _yes_no(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def yearly_level(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Managed at Level 2 (or 3) on some day of the year, by the category on the last such day."""
    hits: list[Hit] = []
    missing: list[str] = []
    for level in (2, 3):
        episodes = [e for e in view.history.levels
                    if e.level == level and e.start <= year.end and (e.end is None or e.end >= year.start)]
        if not episodes:
            continue
        last = max(min(e.end or year.end, year.end) for e in episodes)
        category = view.category(last)
        at = f"Level {level} on {last}"
        if category.category is not None:
            hits.append(cell("yearly_level", f"{at}; {category_text(category, last)}", level=level,
                             category=category.category))
        elif category.eligible is False:
            hits.append(line("yearly_level", "not_eligible", f"{at}; {category_text(category, last)}", level=level))
        else:
            missing.extend(category.missing)
    if missing:
        hits.append(undetermined("yearly_level", missing, "category while managed at Level 2 or 3"))
    return hits


def change_days(view: CaseView, year: ReportingYear) -> list[date]:
    """The first day of the year and each day in it on which a dated fact (or a key date of the decisions on the
    first day) may change the case's status: the dates themselves and the days after them."""
    candidates = {year.start}
    for day in view.fact_dates() | set(view.notification(year.start).dates):
        candidates.update((day, day + ONE_DAY))
    return sorted(d for d in candidates if d in year)


def during_year(view: CaseView, year: ReportingYear) -> list[Hit]:
    """Each category the person had on some day of the year while in the community (Category 3 only while
    managed at Level 2 or 3)."""
    found: dict[int, date] = {}
    missing: list[str] = []
    for day in change_days(view, year):
        where = view.whereabouts(day)
        if where.place in ("custody", "hospital"):
            continue
        category = view.category(day)
        if category.eligible is False or category3_unmanaged(view, category, day):
            continue
        if category.category is None:
            missing.extend(category.missing)
            continue
        if category.category == 3 and view.managed_above_level1(day) is None:
            missing.append("history.levels")
            continue
        if where.place is None:
            missing.extend(where.missing)
            continue
        found.setdefault(category.category, day)
    hits = [cell("during_year", f"{category_text(view.category(day), day)}; in the community", category=number)
            for number, day in sorted(found.items())]
    if missing:
        hits.append(undetermined("during_year", missing, "category or whereabouts on a day of the year"))
    if not hits:
        hits.append(line("during_year", "not_eligible_in_year", f"not MAPPA-eligible in the community in {year}"))
    return hits


__all__ = [
    "Measure",
    "category3_unmanaged",
    "category_text",
    "change_days",
    "during_year",
    "rso",
    "snapshot",
    "yearly_level",
]
