"""One case as the counting rules see it: the library's decisions as at any date (each worked out once), where
the person was on a day (community, custody or hospital) and the level they were managed at.

Where the person was comes from the case's facts: a custody or hospital interval covering the day decides it;
otherwise each immediate custodial sentence (and each hospital order) must be shown to have ended by then (a
release date on or before the day, a licence or order that ended before it, or a serving-sentence interval - a
hospital interval for a hospital order - that began on or after the conviction and ended before the day). A
sentence begun on or before the day with none of these leaves the day undetermined, naming the release date: the
report never assumes that a person is at liberty. Detention for the sentence is taken to run from the sentence
date (the conviction date if no sentence date is given) to the release date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from mappa_rules import Case, Decision, assess, civil_orders

from .as_it_stood import as_known_on, no_offence_basis, nothing_recorded, read_empty_record
from .caseload import CaseRecord, History
from .reading import (
    CategoryReading,
    NotificationReading,
    OrderCheck,
    read_category,
    read_notification,
    read_order_checks,
)

CUSTODY_INTERVALS = frozenset({"remanded_in_custody", "serving_sentence", "service_detention"})
"""Interval kinds that are custody (SOA 2003 s.83(6)); ``hospital`` is detention in hospital."""
CUSTODIAL_SENTENCES = frozenset({"imprisonment", "detention_and_training_order", "extended_sentence", "life", "ipp"})
ONE_DAY = timedelta(days=1)

Place = Literal["community", "custody", "hospital"]


@dataclass(frozen=True)
class Whereabouts:
    """Where the person was on a day; ``place`` None when the facts do not say."""

    place: Place | None
    detail: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class LevelReading:
    """The MAPPA level on a day from the level episodes; ``level`` None when no episode covers the day."""

    level: int | None
    since: date | None
    missing: tuple[str, ...] = ()


class CaseView:
    """A case record with its decisions worked out on demand, once per date."""

    def __init__(self, record: CaseRecord) -> None:
        self.record = record
        self.case: Case = record.case
        self.history: History = record.history
        self.case_id = record.case_id
        self._assessed: dict[date, tuple[NotificationReading, CategoryReading]] = {}
        self._orders: dict[date, dict[str, OrderCheck]] = {}

    def _assess(self, day: date) -> tuple[NotificationReading, CategoryReading]:
        found = self._assessed.get(day)
        if found is None:
            stood = as_known_on(self.case, day)
            answers: dict[str, Decision] = assess(stood, day, ("notification-period", "category"))
            found = (read_notification(answers["notification-period"]), read_category(answers["category"]))
            if nothing_recorded(stood):
                found = read_empty_record(*found, no_offence_basis(self.case, day))
            self._assessed[day] = found
        return found

    def category(self, day: date) -> CategoryReading:
        """``mappa.category`` as at ``day`` (CJA 2003 ss.325-327), on the case as it stood that day (a day with no
        offence recorded yet is read by :func:`.as_it_stood.read_empty_record`)."""
        return self._assess(day)[1]

    def notification(self, day: date) -> NotificationReading:
        """``notification.period`` as at ``day`` (SOA 2003 ss.80-82, with the orders that bring notification)."""
        return self._assess(day)[0]

    def order_checks(self, day: date) -> dict[str, OrderCheck]:
        """``orders.check`` as at ``day``, by order id."""
        found = self._orders.get(day)
        if found is None:
            found = self._orders[day] = read_order_checks(civil_orders(as_known_on(self.case, day), day))
        return found

    def level(self, day: date) -> LevelReading:
        """The level of the episode covering ``day`` (MAPPA Guidance ch. 7: the level is the RA's decision)."""
        episode = self.history.level_on(day)
        if episode is None:
            return LevelReading(None, None, ("history.levels",))
        return LevelReading(episode.level, episode.start)

    def managed_above_level1(self, day: date) -> bool | None:
        """Managed at Level 2 or 3 on ``day``: from the episode covering it; False when episodes are recorded and
        none covers the day; None when no level history is given at all."""
        episode = self.history.level_on(day)
        if episode is not None:
            return episode.level > 1
        return False if self.history.levels else None

    def whereabouts(self, day: date) -> Whereabouts:
        """In the community, in custody or detained in hospital on ``day``, from the case's facts."""
        for interval in self.case.intervals:
            if interval.start <= day and (interval.end is None or day <= interval.end):
                if interval.kind in CUSTODY_INTERVALS:
                    return Whereabouts("custody", f"in custody ({interval.kind} from {interval.start})")
                if interval.kind == "hospital":
                    return Whereabouts("hospital", f"detained in hospital (from {interval.start})")
        missing: list[str] = []
        for index, disposal in enumerate(self.case.disposals):
            sentence = disposal.sentence
            if sentence is None:
                continue
            hospital = sentence.kind == "hospital_order"
            if not hospital and (sentence.kind not in CUSTODIAL_SENTENCES or getattr(sentence, "suspended", False)):
                continue
            start = disposal.sentence_date or disposal.relevant_date
            if start is None:
                missing.append(f"disposals[{index}].relevant_date")
                continue
            if start > day:
                continue
            released = disposal.release_date
            if released is not None:
                if released > day:
                    place: Place = "hospital" if hospital else "custody"
                    return Whereabouts(place, f"{'detained under' if hospital else 'serving'} disposal "
                                              f"{disposal.id} from {start} until {released}")
                continue
            if disposal.supervision_end is not None and disposal.supervision_end < day:
                continue
            if self._served_before("hospital" if hospital else "serving_sentence", start, day):
                continue
            missing.append(f"disposals[{index}].release_date")
        if missing:
            return Whereabouts(None, "whereabouts unknown", tuple(missing))
        return Whereabouts("community", "in the community")

    def _served_before(self, kind: str, start: date, day: date) -> bool:
        """An interval of ``kind`` that began on or after ``start`` and ended before ``day`` (the release)."""
        return any(i.kind == kind and i.start >= start and i.end is not None and i.end < day
                   for i in self.case.intervals)

    def fact_dates(self) -> set[date]:
        """Every date the case's facts and history give (for working out when a status may change)."""
        case = self.case
        days: set[date | None] = set()
        for d in case.disposals:
            days.update((d.relevant_date, d.sentence_date, d.release_date, d.supervision_end))
        for i in case.intervals:
            days.update((i.start, i.end))
        for o in case.orders:
            days.update((o.made, o.served, o.ceased_on, o.breach_date))
        for a in case.review.applications:
            days.update((a.determination_date, a.notice_received))
        stated = case.stated
        if stated.notification is not None:
            days.update((stated.notification.since, stated.notification.until))
        if stated.mappa_category is not None:
            days.add(stated.mappa_category.since)
        if stated.supervision is not None:
            days.update((stated.supervision.since, stated.supervision.until))
        for e in self.history.levels:
            days.update((e.start, e.end))
        return {d for d in days if d is not None}


__all__ = ["CUSTODIAL_SENTENCES", "CUSTODY_INTERVALS", "ONE_DAY", "CaseView", "LevelReading", "Whereabouts"]
